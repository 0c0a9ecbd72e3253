//! Name normalisation on real list names: `cargo bench -p vetter-bench --bench names`.
//!
//! The target is 1,000,000 names a second on one core for typical list
//! names (20-30 characters, Latin and Cyrillic). The input is 10,000 names read
//! at start: 5,000 primary names from the OFAC SDN list (Latin, with their
//! kind) and 5,000 names and aliases from the Ukrainian War and Sanctions list
//! (Cyrillic and Latin). Criterion reports names/s as element throughput.
//!
//! Each bench asserts its result so a fast wrong path cannot pass.

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use vetter_bench::names::{PER_LIST, ofac, ofac_all, ukraine};
use vetter_names::{NameKind, normalize};

/// Normalises every name; returns the number of tokens.
fn run(names: &[(NameKind, String)]) -> usize {
    names.iter().map(|(kind, name)| black_box(normalize(black_box(name), *kind)).tokens.len()).sum()
}

fn names(c: &mut Criterion) {
    let all = ofac_all();
    let ofac = ofac(&all);
    let ukraine = ukraine();
    assert_eq!(ofac.len(), PER_LIST);
    assert_eq!(ukraine.len(), PER_LIST);
    let cyrillic: Vec<(NameKind, String)> = ukraine.iter().filter(|(_, n)| !n.is_ascii()).cloned().collect();
    assert!(cyrillic.len() > 1_000, "{} Cyrillic names", cyrillic.len());
    let mixed: Vec<(NameKind, String)> = ofac.iter().chain(&ukraine).cloned().collect();
    let mean = mixed.iter().map(|(_, n)| n.chars().count()).sum::<usize>() as f64 / mixed.len() as f64;
    assert!((15.0..35.0).contains(&mean), "mean length {mean}");

    // What a correct run gives: every name has tokens, Putin reads in given-name order.
    let expected = run(&mixed);
    assert!(expected > 2 * mixed.len(), "{expected} tokens");
    let empty = mixed.iter().filter(|(k, n)| normalize(n, *k).tokens.is_empty()).count();
    assert!(empty < 10, "{empty} names without tokens");
    let putin = all.iter().find(|(_, n)| n.starts_with("PUTIN, Vladimir")).expect("PUTIN in the SDN list");
    assert_eq!(normalize(&putin.1, putin.0).text(), "vladimir vladimirovich putin");
    let cyr = normalize("ІВАХА Денис Володимирович", NameKind::Person);
    assert_eq!(cyr.text(), "ivakha denys volodymyrovych");

    let mut group = c.benchmark_group("names");
    for (label, set) in
        [("normalize/mixed", &mixed), ("normalize/ofac_latin", &ofac), ("normalize/cyrillic", &cyrillic)]
    {
        let want = run(set);
        group.throughput(Throughput::Elements(set.len() as u64));
        group.bench_function(label, |b| b.iter(|| assert_eq!(run(set), want)));
    }
    group.throughput(Throughput::Elements(mixed.len() as u64));
    let folded: usize = mixed.iter().map(|(_, n)| vetter_names::fold(n).len()).sum();
    group.bench_function("fold/mixed", |b| {
        b.iter(|| assert_eq!(mixed.iter().map(|(_, n)| vetter_names::fold(black_box(n)).len()).sum::<usize>(), folded))
    });
    let variants: usize = cyrillic.iter().map(|(_, n)| vetter_names::romanizations(n).len()).sum();
    assert!(variants >= 3 * cyrillic.len(), "{variants} romanisations");
    group.throughput(Throughput::Elements(cyrillic.len() as u64));
    group.bench_function("romanizations/cyrillic", |b| {
        b.iter_batched(
            || (),
            |()| {
                assert_eq!(
                    cyrillic.iter().map(|(_, n)| vetter_names::romanizations(black_box(n)).len()).sum::<usize>(),
                    variants
                )
            },
            BatchSize::SmallInput,
        )
    });
    group.finish();
}

criterion_group!(benches, names);
criterion_main!(benches);
