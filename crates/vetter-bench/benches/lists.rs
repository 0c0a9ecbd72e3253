//! Parsing, compiling and loading the bundled lists.
//!
//! Each bench asserts its result so a fast wrong path cannot pass.

use criterion::{Criterion, criterion_group, criterion_main};
use vetter_bench::bundled_data;

fn parse_all(c: &mut Criterion) {
    let dir = bundled_data();
    let (sources, _) = vetter_sources::discover(&dir).expect("bundled lists");
    let mut group = c.benchmark_group("lists");
    group.sample_size(10);
    for source in &sources {
        group.bench_function(format!("parse/{}", source.dataset), |b| {
            b.iter(|| {
                let parsed = vetter_sources::parse(source).expect("parse");
                assert!(!parsed.has_errors());
                parsed.entities.len()
            })
        });
    }
    group.bench_function("compile_all", |b| {
        b.iter(|| {
            let (data, _) = vetter_engine::compile(&dir).expect("compile");
            assert!(data.entities.len() > 40_000, "{} entities", data.entities.len());
            data.entities.len()
        })
    });
    group.finish();
}

fn load(c: &mut Criterion) {
    let dir = bundled_data();
    let tmp = tempfile::tempdir().expect("tempdir");
    let path = tmp.path().join("lists.vtx");
    let (data, _) = vetter_engine::compile(&dir).expect("compile");
    let n = data.entities.len();
    vetter_index::write_atomic(&path, &data).expect("write");
    drop(data);
    c.bench_function("index/open_and_validate", |b| {
        b.iter(|| {
            let index = vetter_index::Index::open(&path).expect("open");
            assert_eq!(index.data().entities.len(), n);
        })
    });
}

criterion_group!(benches, parse_all, load);
criterion_main!(benches);
