//! Scores the 3,374 evaluation pairs of the `matcher` bench N times, for
//! instruction counts under callgrind (wall-clock times are noisy on a
//! shared machine):
//!
//! ```sh
//! cargo build --release -p vetter-bench --example matcher_instr
//! valgrind --tool=callgrind --toggle-collect='matcher_instr::run' \
//!     target/release/examples/matcher_instr 5
//! ```
//!
//! Only `run` is counted with the toggle above: divide the instructions by
//! passes × pairs (printed on stderr).

// A command-line program: the figures go to stderr.
#![allow(clippy::print_stderr)]

use std::hint::black_box;
use vetter_bench::eval_pairs;
use vetter_matcher::{Algorithm, Prepared, prepare, score_prepared};
use vetter_model::Schema;

#[inline(never)]
fn run(pairs: &[(Prepared, Prepared, Schema)], passes: usize) -> f64 {
    let mut total = 0.0;
    for _ in 0..passes {
        for (x, y, schema) in pairs {
            total += score_prepared(black_box(x), black_box(y), *schema, Algorithm::Vetter);
        }
    }
    total
}

fn main() {
    let passes: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(5);
    let pairs: Vec<_> = eval_pairs()
        .into_iter()
        .map(|(a, b, schema, _)| {
            let schema: Schema = schema.parse().unwrap_or(Schema::LegalEntity);
            (prepare(&a, schema), prepare(&b, schema), schema)
        })
        .collect();
    // One pass outside the count: thread-local buffers and lazy tables.
    black_box(run(&pairs, 1));
    let total = run(&pairs, passes);
    eprintln!("{} pairs x {passes} passes; score sum {total:.3}", pairs.len());
}
