//! Scanning throughput on real text: `cargo run --release -p vetter-scan --example throughput -- [--json] [--subject NAME] [--repeat N] FILE...`.
//!
//! Scans every file `N` times (default 1) with one scanner, single-threaded,
//! and prints MB/s and words/s; `--json` prints the last report instead.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::time::Instant;

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let json = take_flag(&mut args, "--json");
    let subject = take_value(&mut args, "--subject");
    let repeat: usize = take_value(&mut args, "--repeat").and_then(|r| r.parse().ok()).unwrap_or(1);
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/lists");
    let started = Instant::now();
    let (engine, _) = vetter_engine::Engine::open(&vetter_engine::OpenOptions::new(data)).expect("lists load");
    let mut scanner = vetter_scan::Scanner::new(&engine);
    eprintln!("open + program table: {:.3} s", started.elapsed().as_secs_f64());
    let texts: Vec<String> = args.iter().map(|p| std::fs::read_to_string(p).expect("readable UTF-8 file")).collect();
    let started = Instant::now();
    let (mut bytes, mut words) = (0usize, 0usize);
    let mut last = None;
    for _ in 0..repeat {
        for t in &texts {
            let r = scanner.scan(t, subject.as_deref());
            bytes += t.len();
            words += r.words;
            last = Some(r);
        }
    }
    let secs = started.elapsed().as_secs_f64();
    if json {
        println!("{}", serde_json::to_string_pretty(&last).unwrap());
    }
    eprintln!(
        "{bytes} bytes, {words} words in {secs:.3} s: {:.2} MB/s, {:.0} words/s; {:?}",
        bytes as f64 / secs / 1e6,
        words as f64 / secs,
        scanner.stats()
    );
}

fn take_flag(args: &mut Vec<String>, flag: &str) -> bool {
    let before = args.len();
    args.retain(|a| a != flag);
    args.len() != before
}

fn take_value(args: &mut Vec<String>, flag: &str) -> Option<String> {
    let at = args.iter().position(|a| a == flag)?;
    args.remove(at);
    (at < args.len()).then(|| args.remove(at))
}
