//! Per-query screening latency, single-threaded, in process.
//!
//! ```sh
//! cargo run --release -p vetter-engine --example screen_latency -- [data/lists] [queries.csv] [N]
//! ```
//!
//! Reads the `name1`/`schema` columns of a pairs file (default
//! `data/eval/generated.csv`), screens each name once cold (first pass) and
//! once warm (second pass), and prints p50, p90, p99 and max per pass, and
//! how many queries without an `expected` entity had a sanctioned match and
//! how many with one found it. `birth_date` and `country` columns, when
//! present, go into the queries.
//!
//! Environment: `VETTER_WARM_ONLY=1` prepares every entity first and times
//! one warm pass (a long-running server; also what to profile);
//! `VETTER_LIMIT=N` returns N hits per query instead of 10; `VETTER_DUMP=1`
//! prints each query's matches; `VETTER_MISSES=1` prints each listed query
//! whose entity is not in the hits, with the hits' scores.

#![allow(clippy::print_stdout)]

use std::time::Instant;

use vetter_engine::{Engine, OpenOptions, Query};
use vetter_model::Schema;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let data = args.first().map_or("data/lists", String::as_str);
    let file = args.get(1).map_or("data/eval/generated.csv", String::as_str);
    let limit: usize = args.get(2).map_or(Ok(usize::MAX), |n| n.parse())?;
    let start = Instant::now();
    let (engine, _) = Engine::open(&OpenOptions::new(data))?;
    println!("open: {:.1} ms", start.elapsed().as_secs_f64() * 1e3);
    let mut reader = csv::Reader::from_path(file)?;
    let headers = reader.headers()?.clone();
    let col = |n: &str| headers.iter().position(|h| h == n);
    let name = col("name1").or_else(|| col("name")).ok_or("no name1/name column")?;
    let schema = col("schema");
    let birth_date = col("birth_date");
    let country = col("country");
    // In a pairs file (`name1`), `expected` is the pair's label, not an entity id.
    let expected_col = if col("name1").is_some() { None } else { col("expected") };
    let mut expected: Vec<Option<String>> = Vec::new();
    let mut queries = Vec::new();
    for record in reader.records().take(limit) {
        let record = record?;
        let schema = schema.and_then(|i| record.get(i)).and_then(|s| s.parse::<Schema>().ok());
        let cell = |i: Option<usize>| i.and_then(|i| record.get(i)).filter(|v| !v.is_empty()).map(str::to_owned);
        expected.push(cell(expected_col));
        queries.push(Query {
            name: record[name].to_owned(),
            schema,
            birth_date: cell(birth_date),
            countries: cell(country).into_iter().collect(),
            ..Query::default()
        });
    }
    let dump = std::env::var_os("VETTER_DUMP").is_some();
    // VETTER_LIMIT: how many hits each query returns (10 by default; yente's `/match` returns 5).
    let top: usize = std::env::var("VETTER_LIMIT").ok().and_then(|v| v.parse().ok()).unwrap_or(10);
    // VETTER_WARM_ONLY: prepare every entity first and time one warm pass
    // (what a long-running server sees; also what to profile).
    let passes: &[&str] = if std::env::var_os("VETTER_WARM_ONLY").is_some() {
        engine.warm();
        &["warm"]
    } else {
        &["cold", "warm"]
    };
    for &pass in passes {
        let mut times = Vec::with_capacity(queries.len());
        let mut hits = 0usize;
        let mut sanctioned = 0usize;
        let (mut listed, mut found_top, mut found_match) = (0usize, 0usize, 0usize);
        let all = Instant::now();
        for (q, want) in queries.iter().zip(&expected) {
            let t = Instant::now();
            let found = engine.screen(q, top);
            hits += found.len();
            if let Some(want) = want {
                listed += 1;
                let hit = found.iter().find(|h| h.id == *want);
                found_top += usize::from(hit.is_some());
                if std::env::var_os("VETTER_MISSES").is_some() && hit.is_none() && pass == "warm" {
                    let scores: Vec<String> = found.iter().map(|h| format!("{:.3}", h.score)).collect();
                    println!("MISS\t{}\t{}\t{}", q.name, want, scores.join(" "));
                }
                found_match += usize::from(hit.is_some_and(|h| h.is_match));
            } else {
                sanctioned += usize::from(found.iter().any(|h| h.is_match && h.risk == "sanctioned"));
            }
            if dump && pass == "warm" {
                let top: Vec<String> =
                    found.iter().filter(|h| h.is_match).map(|h| format!("{}={:.3}", h.id, h.score)).collect();
                println!("DUMP\t{}\t{}", q.name, top.join(" "));
            }
            times.push(t.elapsed().as_secs_f64() * 1e3);
        }
        let total = all.elapsed().as_secs_f64();
        times.sort_by(f64::total_cmp);
        let p = |q: f64| times[((times.len() - 1) as f64 * q) as usize];
        println!(
            "{pass}: {} queries in {total:.2} s ({:.0}/s), p50 {:.3} ms, p90 {:.3} ms, p99 {:.3} ms, max {:.3} ms, {hits} hits, {sanctioned} unlisted with a sanctioned match; listed {listed}: {found_top} in the top {top}, {found_match} a match",
            queries.len(),
            queries.len() as f64 / total,
            p(0.5),
            p(0.9),
            p(0.99),
            times[times.len() - 1]
        );
    }
    Ok(())
}
