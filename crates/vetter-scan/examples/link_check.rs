//! Checks the linker's fast path against its reference: `cargo run --release -p vetter-scan --example link_check -- [--every N] [--warm] [--print] [FILE]`.
//!
//! Links every `N`th name (default 10) of a CSV with a `name` column (default
//! `bench/screening/queries.csv`: aliases, transliterations and synthetic
//! people) twice, scoring the entities that share two words of it (the fast
//! path) and every entity that shares one (`Linker::full_screening`), and
//! prints each name the two link differently, the counts and the times
//! (`--warm`: with every entity's names prepared first; else the fast path,
//! run first, pays for preparing the entities both paths score).
//! `--print` prints every name's fast-path link in full (id, score, matched
//! name, explanation, other entities) and skips the reference, to diff the
//! fast path's output before and after a change.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::time::{Duration, Instant};

use vetter_scan::{Kind, Linker};

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let warm = args.iter().any(|a| a == "--warm");
    args.retain(|a| a != "--warm");
    let print = args.iter().any(|a| a == "--print");
    args.retain(|a| a != "--print");
    let every: usize = match args.iter().position(|a| a == "--every") {
        Some(at) => {
            args.remove(at);
            args.remove(at).parse().expect("--every N")
        }
        None => 10,
    };
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let file = args.first().cloned().unwrap_or_else(|| format!("{root}/bench/screening/queries.csv"));
    let (engine, _) = vetter_engine::Engine::open(&vetter_engine::OpenOptions::new(format!("{root}/data/lists")))
        .expect("lists load");
    if warm {
        engine.warm();
    }
    let text = std::fs::read_to_string(&file).expect("readable CSV");
    let mut rows = text.lines().map(fields);
    let header = rows.next().expect("a header");
    let name_at = header.iter().position(|h| h == "name").expect("a name column");
    let schema_at = header.iter().position(|h| h == "schema");
    let (mut fast, mut full) = (Linker::default(), Linker::default());
    full.full_screening = true;
    let (mut t_fast, mut t_full) = (Duration::ZERO, Duration::ZERO);
    let (mut names, mut linked, mut differ) = (0usize, 0usize, 0usize);
    for row in rows.step_by(every.max(1)) {
        let Some(name) = row.get(name_at) else { continue };
        let words = name.split_whitespace().count();
        if words < 2 {
            continue;
        }
        let kind = match schema_at.and_then(|k| row.get(k)).map(String::as_str) {
            Some("Person") => Kind::Person,
            Some("Organization" | "Company") => Kind::Organization,
            _ => Kind::Unknown,
        };
        names += 1;
        let started = Instant::now();
        let a = fast.link(&engine, name, kind, words);
        t_fast += started.elapsed();
        if print {
            match &a {
                Some(l) => println!(
                    "{name}\t{}\t{}\t{}\t{}\t{}",
                    l.entity.id,
                    l.score,
                    l.matched_name,
                    l.explanation,
                    l.also.join(",")
                ),
                None => println!("{name}\t-"),
            }
            continue;
        }
        let started = Instant::now();
        let b = full.link(&engine, name, kind, words);
        t_full += started.elapsed();
        let id = |l: &Option<vetter_scan::Link>| l.as_ref().map(|l| l.entity.id.clone());
        if b.is_some() {
            linked += 1;
        }
        if id(&a) != id(&b) {
            differ += 1;
            println!("{name}: fast {:?}, full {:?}", id(&a), id(&b));
        }
    }
    println!(
        "{names} names, {linked} linked by the reference, {differ} linked differently; fast {:.3} s ({:?}), reference {:.3} s ({:?})",
        t_fast.as_secs_f64(),
        fast.stats,
        t_full.as_secs_f64(),
        full.stats
    );
}

/// The fields of one CSV line (quotes with doubled quotes inside; no line breaks in fields).
fn fields(line: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                out.last_mut().expect("a field").push('"');
            }
            '"' => quoted = !quoted,
            ',' if !quoted => out.push(String::new()),
            _ => out.last_mut().expect("a field").push(c),
        }
    }
    out
}
