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
use vetter_bench::names::{ofac, ofac_all, ukraine};
use vetter_names::{NameKind, normalize};

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
    let (ofac, ukraine) = (ofac(&ofac_all()), ukraine());
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
