#![no_main]
//! Fuzzes the normaliser and the comparator: two names from one input (split at
//! the first NUL), every schema and algorithm; no panic, scores in [0, 1],
//! symmetric, and the explanation recomputes the score.

use libfuzzer_sys::fuzz_target;
use vetter_matcher::{Algorithm, compare};
use vetter_model::Schema;

fuzz_target!(|text: &str| {
    let (a, b) = text.split_once('\0').unwrap_or((text, text));
    for schema in [Schema::Person, Schema::Company, Schema::Vessel] {
        for algorithm in [Algorithm::Vetter, Algorithm::Ofac] {
            let x = compare(a, b, schema, algorithm);
            assert!((0.0..=1.0).contains(&x.score), "{x:?}");
            assert!((x.explanation.recompute() - x.score).abs() < 0.011, "{x:?}");
            if algorithm == Algorithm::Vetter {
                let y = compare(b, a, schema, algorithm);
                assert!((x.score - y.score).abs() < 1e-9, "{a:?} / {b:?}: {} vs {}", x.score, y.score);
            }
        }
        let form = vetter_names::normalize(a, vetter_names::NameKind::Person);
        let again = vetter_names::normalize(&form.text(), vetter_names::NameKind::Person);
        assert_eq!(
            form.tokens.iter().map(|t| &t.text).collect::<Vec<_>>(),
            again.tokens.iter().map(|t| &t.text).collect::<Vec<_>>()
        );
    }
});
