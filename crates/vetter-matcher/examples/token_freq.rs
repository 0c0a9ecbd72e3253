//! Regenerates `data/token_freq.tsv`: in how many listed names each name word occurs.
//!
//! `cargo run --release -p vetter-matcher --example token_freq > crates/vetter-matcher/data/token_freq.tsv`

#![allow(clippy::print_stdout)] // an example whose output is the table

use std::collections::BTreeMap;

fn main() {
    let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/lists"));
    let (sources, _) = vetter_sources::discover(dir).expect("bundled lists");
    let mut counts: BTreeMap<String, u32> = BTreeMap::new();
    let mut names = 0u32;
    for source in &sources {
        let parsed = vetter_sources::parse(source).expect("parse");
        for e in &parsed.entities {
            for (_, name) in e.names() {
                names += 1;
                let mut tokens = vetter_names::tokens(name);
                tokens.sort();
                tokens.dedup();
                for t in tokens {
                    *counts.entry(t).or_default() += 1;
                }
            }
        }
    }
    println!("#names\t{names}");
    for (token, n) in counts {
        if n >= 3 {
            println!("{token}\t{n}");
        }
    }
}
