//! Pairwise scoring on pre-normalised names: `cargo bench -p vetter-bench --bench matcher`.
//!
//! The target is 1,000,000 comparisons a second on one core. The input
//! is the 3,374 labelled pairs of `data/eval` (names from every list and
//! script, positives and hard negatives), normalised once before timing.
//! Criterion reports comparisons/s as element throughput.
//!
//! Each bench asserts its result so a fast wrong path cannot pass.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use vetter_bench::eval_pairs;
use vetter_matcher::{Algorithm, Prepared, prepare, score_prepared};
use vetter_model::Schema;

fn pairs() -> Vec<(Prepared, Prepared, Schema, bool)> {
    eval_pairs()
        .into_iter()
        .map(|(a, b, schema, label)| {
            let schema: Schema = schema.parse().unwrap_or(Schema::LegalEntity);
            (prepare(&a, schema), prepare(&b, schema), schema, label)
        })
        .collect()
}

fn scoring(c: &mut Criterion) {
    let pairs = pairs();
    let mut group = c.benchmark_group("matcher");
    group.throughput(Throughput::Elements(pairs.len() as u64));
    for algorithm in [Algorithm::Vetter, Algorithm::Ofac] {
        group.bench_function(format!("score_prepared/{algorithm:?}"), |b| {
            b.iter(|| {
                let mut correct = 0usize;
                for (x, y, schema, label) in &pairs {
                    let score = score_prepared(black_box(x), black_box(y), *schema, algorithm);
                    if (score >= vetter_matcher::default_threshold(*schema, algorithm)) == *label {
                        correct += 1;
                    }
                }
                // Far better than chance, or the fast path is wrong.
                assert!(correct * 10 > pairs.len() * 7, "{correct} of {}", pairs.len());
                correct
            })
        });
    }
    group.finish();
}

criterion_group!(benches, scoring);
criterion_main!(benches);
