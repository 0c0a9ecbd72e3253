//! Fits the per-schema logistic calibration on the labelled pairs in
//! `data/eval` and prints the coefficients with held-out precision, recall and F1.
//!
//! `cargo run --release -p vetter-matcher --example calibrate`
//!
//! Pairs are split deterministically by a hash of the two names: 70% fit the
//! coefficients, the other 30% (and every hand-written pair) only measure them.
//! Coefficients are kept monotonic: coverage weights are not negative (the
//! lower coverage weighs at least 2), the
//! conflict, number, legal-form and generic-word weights not positive.

#![allow(clippy::print_stdout)] // an example whose output is the report

use vetter_matcher::{Algorithm, compare};
use vetter_model::Schema;

struct Row {
    features: Vec<f64>,
    label: bool,
    train: bool,
}

fn group(schema: Schema) -> &'static str {
    match schema {
        Schema::Person => "person",
        Schema::Vessel | Schema::Aircraft => "vessel",
        _ => "organization",
    }
}

fn main() {
    let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/eval"));
    let mut rows: std::collections::BTreeMap<&str, Vec<Row>> = Default::default();
    for file in ["generated.csv", "handwritten.csv"] {
        let mut reader = csv::Reader::from_path(dir.join(file)).expect("eval file");
        for rec in reader.records() {
            let rec = rec.expect("record");
            let (a, b) = (&rec[0], &rec[1]);
            let schema: Schema = rec[2].parse().unwrap_or(Schema::LegalEntity);
            let label = &rec[3] == "true";
            let c = compare(a, b, schema, Algorithm::Vetter);
            let features = c.explanation.features.iter().map(|f| f.value).collect::<Vec<_>>();
            if features.is_empty() {
                continue;
            }
            let hash = xxhash(a, b);
            let train = file == "generated.csv" && hash % 10 < 7;
            rows.entry(group(schema)).or_default().push(Row { features, label, train });
        }
    }
    for (name, rows) in &rows {
        let n = rows[0].features.len();
        let mut w = vec![0.0; n + 1];
        let train: Vec<&Row> = rows.iter().filter(|r| r.train).collect();
        let lr = 0.5;
        for _ in 0..20_000 {
            let mut grad = vec![0.0; n + 1];
            for r in &train {
                let z = w[0] + r.features.iter().zip(&w[1..]).map(|(x, c)| x * c).sum::<f64>();
                let p = 1.0 / (1.0 + (-z).exp());
                let err = p - f64::from(u8::from(r.label));
                grad[0] += err;
                for k in 0..n {
                    grad[k + 1] += err * r.features[k];
                }
            }
            for k in 0..=n {
                let reg = if k == 0 { 0.0 } else { 0.001 * w[k] };
                w[k] -= lr * (grad[k] / train.len() as f64 + reg);
            }
            // Sign constraints, so the score is monotonic in what it should be:
            // more coverage never lowers it, a conflict never raises it.
            // Both names must be largely covered: a name that merely contains
            // the other (a person's name inside a long organisation name) is
            // not the same name, whatever subset-shaped aliases the set holds.
            w[1] = w[1].max(2.0);
            w[2] = w[2].max(0.0);
            for c in &mut w[3..] {
                *c = c.min(0.0);
            }
        }
        let eval = |rows: &[&Row]| {
            let (mut tp, mut fp, mut fn_) = (0.0f64, 0.0f64, 0.0f64);
            for r in rows {
                let z = w[0] + r.features.iter().zip(&w[1..]).map(|(x, c)| x * c).sum::<f64>();
                let m = 1.0 / (1.0 + (-z).exp()) >= 0.7;
                match (m, r.label) {
                    (true, true) => tp += 1.0,
                    (true, false) => fp += 1.0,
                    (false, true) => fn_ += 1.0,
                    _ => {}
                }
            }
            let p = tp / (tp + fp).max(1.0);
            let r = tp / (tp + fn_).max(1.0);
            (p, r, 2.0 * p * r / (p + r).max(1e-9))
        };
        let held: Vec<&Row> = rows.iter().filter(|r| !r.train).collect();
        let (p, r, f) = eval(&held);
        let (tp, tr, tf) = eval(&train);
        println!(
            "{name}: bias {:.2}, coefficients {:?}",
            w[0],
            w[1..].iter().map(|c| (c * 100.0).round() / 100.0).collect::<Vec<_>>()
        );
        println!(
            "  train n={} P={tp:.3} R={tr:.3} F1={tf:.3}; held-out n={} P={p:.3} R={r:.3} F1={f:.3}",
            train.len(),
            held.len()
        );
    }
}

fn xxhash(a: &str, b: &str) -> u64 {
    // FNV-1a: a stable split that does not depend on a hasher's seed.
    let mut h: u64 = 0xcbf29ce484222325;
    for byte in a.bytes().chain([0]).chain(b.bytes()) {
        h ^= u64::from(byte);
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}
