//! Measures comparisons per second on pre-normalised names from the evaluation set.
//!
//! `cargo run --release -p vetter-matcher --example throughput`

#![allow(clippy::print_stdout)] // an example whose output is the measurement

use std::time::Instant;

use vetter_matcher::{Algorithm, prepare, score_prepared};
use vetter_model::Schema;

fn main() {
    let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/eval"));
    let mut pairs = Vec::new();
    let mut reader = csv::Reader::from_path(dir.join("generated.csv")).expect("eval file");
    for rec in reader.records() {
        let rec = rec.expect("record");
        let schema: Schema = rec[2].parse().unwrap_or(Schema::LegalEntity);
        pairs.push((rec[0].to_owned(), rec[1].to_owned(), schema));
    }
    let started = Instant::now();
    let mut forms = Vec::with_capacity(pairs.len());
    for _ in 0..if std::env::var("ROUNDS").is_ok() { 1 } else { 20 } {
        forms.clear();
        for (a, b, s) in &pairs {
            forms.push((prepare(a, *s), prepare(b, *s), *s));
        }
    }
    let names = 2.0 * 20.0 * pairs.len() as f64;
    println!("normalise: {:.0} names/s", names / started.elapsed().as_secs_f64());
    for algorithm in [Algorithm::Vetter, Algorithm::Ofac] {
        let started = Instant::now();
        let mut total = 0.0;
        let rounds: usize = std::env::var("ROUNDS").ok().and_then(|r| r.parse().ok()).unwrap_or(50);
        for _ in 0..rounds {
            for (a, b, s) in &forms {
                total += score_prepared(a, b, *s, algorithm);
            }
        }
        let n = (rounds * forms.len()) as f64;
        println!(
            "{algorithm:?}: {:.0} comparisons/s (mean score {:.3})",
            n / started.elapsed().as_secs_f64(),
            total / n
        );
    }
}
