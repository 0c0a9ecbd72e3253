//! Normalises the 10,000 names of the `names` bench N times, for instruction
//! counts under callgrind (wall-clock times are noisy on a shared machine):
//!
//! ```sh
//! cargo build --release -p vetter-bench --example names_instr
//! valgrind --tool=callgrind --toggle-collect='names_instr::run' \
//!     target/release/examples/names_instr mixed 5
//! ```
//!
//! The first argument picks the set (`mixed`: 5,000 OFAC and 5,000 Ukrainian-list
//! names; `latin`: the OFAC ones; `cyrillic`: the non-ASCII Ukrainian-list ones),
//! the second the number of passes. Only `run` is counted with the toggle above:
//! divide the instructions by passes × names (printed on stderr).

// A command-line program: the figures go to stderr.
#![allow(clippy::print_stderr)]

use std::hint::black_box;
use vetter_bench::bundled_data;
use vetter_names::{NameKind, normalize};

const PER_LIST: usize = 5_000;

fn ofac() -> Vec<(NameKind, String)> {
    let path = bundled_data().join("ofac_sdn/2024-05-03/sdn.csv");
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_path(&path).expect("sdn.csv");
    let mut all = Vec::new();
    for record in reader.records().flatten() {
        let (Some(name), Some(kind)) = (record.get(1), record.get(2)) else { continue };
        let kind = match kind.trim() {
            "individual" => NameKind::Person,
            "vessel" => NameKind::Vessel,
            "-0-" => NameKind::Organization,
            _ => NameKind::Any,
        };
        all.push((kind, name.to_owned()));
    }
    let step = all.len() / PER_LIST;
    all.iter().step_by(step.max(1)).take(PER_LIST).cloned().collect()
}

fn ukraine() -> Vec<(NameKind, String)> {
    let path = bundled_data().join("opensanctions/ua_war_sanctions/2026-03-13/targets.simple.csv");
    let mut reader = csv::Reader::from_path(&path).expect("targets.simple.csv");
    let mut out = Vec::new();
    for record in reader.records().flatten() {
        let kind = match &record[1] {
            "Person" => NameKind::Person,
            "Vessel" => NameKind::Vessel,
            "Company" | "LegalEntity" | "Organization" => NameKind::Organization,
            _ => NameKind::Any,
        };
        out.push((kind, record[2].to_owned()));
        out.extend(record[3].split(';').filter(|a| !a.is_empty()).map(|a| (kind, a.to_owned())));
        if out.len() >= PER_LIST {
            break;
        }
    }
    out.truncate(PER_LIST);
    out
}

#[inline(never)]
fn run(names: &[(NameKind, String)], passes: usize) -> usize {
    let mut tokens = 0;
    for _ in 0..passes {
        tokens +=
            names.iter().map(|(kind, name)| black_box(normalize(black_box(name), *kind)).tokens.len()).sum::<usize>();
    }
    tokens
}

#[inline(never)]
fn warm(names: &[(NameKind, String)]) {
    for (kind, name) in names {
        black_box(normalize(name, *kind));
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let set = args.next().unwrap_or_else(|| "mixed".to_owned());
    let passes: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(5);
    let (ofac, ukraine) = (ofac(), ukraine());
    let names: Vec<(NameKind, String)> = match set.as_str() {
        "latin" => ofac,
        "cyrillic" => ukraine.into_iter().filter(|(_, n)| !n.is_ascii()).collect(),
        _ => ofac.into_iter().chain(ukraine).collect(),
    };
    // Warm the thread-local scratch and the lazily built tables outside the count.
    warm(&names);
    let tokens = run(&names, passes);
    eprintln!(
        "{set}: {} names × {passes} passes = {} normalisations, {tokens} tokens",
        names.len(),
        names.len() * passes
    );
}
