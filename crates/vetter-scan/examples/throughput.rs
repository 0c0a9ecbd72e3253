//! Scanning throughput on real text: `cargo run --release -p vetter-scan --example throughput -- [--json] [--subject NAME] [--repeat N] [--warm] [--fresh] [--full] FILE...`.
//!
//! Scans every file `N` times (default 1) with one scanner, single-threaded,
//! and prints MB/s and words/s (by the wall clock, and per second of the
//! scanning thread's CPU time, read from `/proc/thread-self/schedstat` on
//! Linux); `--json` prints the last report instead.
//! `--warm` prepares every listed entity's names before the clock starts (the
//! engine of a long-running scanner or server); `--fresh` makes the scanner
//! forget the names it looked up before each pass, so every pass links names
//! new to it (a news feed's new names on a warm engine, from the second pass
//! on); `--full` scores every entity sharing a word of a name (the reference
//! path) instead of those sharing two.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::time::Instant;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let json = take_flag(&mut args, "--json");
    let subject = take_value(&mut args, "--subject");
    let repeat: usize = take_value(&mut args, "--repeat").and_then(|r| r.parse().ok()).unwrap_or(1);
    let warm = take_flag(&mut args, "--warm");
    let fresh = take_flag(&mut args, "--fresh");
    let full = take_flag(&mut args, "--full");
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/lists");
    let started = Instant::now();
    let (engine, _) = vetter_engine::Engine::open(&vetter_engine::OpenOptions::new(data)).expect("lists load");
    let mut scanner = vetter_scan::Scanner::new(&engine);
    scanner.linker_mut().full_screening = full;
    eprintln!("open + program table: {:.3} s", started.elapsed().as_secs_f64());
    if warm {
        let started = Instant::now();
        let n = engine.warm();
        eprintln!("warm: {n} entities prepared in {:.3} s", started.elapsed().as_secs_f64());
    }
    let texts: Vec<String> = args.iter().map(|p| std::fs::read_to_string(p).expect("readable UTF-8 file")).collect();
    let started = Instant::now();
    let cpu_started = thread_cpu_seconds();
    let (mut bytes, mut words) = (0usize, 0usize);
    let mut last = None;
    for _ in 0..repeat {
        if fresh {
            scanner.linker_mut().forget();
        }
        for t in &texts {
            let r = scanner.scan(t, subject.as_deref());
            bytes += t.len();
            words += r.words;
            last = Some(r);
        }
    }
    let secs = started.elapsed().as_secs_f64();
    let cpu = thread_cpu_seconds().zip(cpu_started).map(|(b, a)| b - a);
    if json {
        println!("{}", serde_json::to_string_pretty(&last).unwrap());
    }
    eprintln!(
        "{bytes} bytes, {words} words in {secs:.3} s: {:.2} MB/s, {:.0} words/s; {:?}",
        bytes as f64 / secs / 1e6,
        words as f64 / secs,
        scanner.stats()
    );
    // On a shared machine the thread's CPU time moves less than the wall clock.
    if let Some(cpu) = cpu {
        eprintln!(
            "CPU time of the scanning thread: {cpu:.3} s: {:.2} MB/s, {:.0} words/s per CPU second",
            bytes as f64 / cpu / 1e6,
            words as f64 / cpu
        );
    }
}

/// The CPU time this thread has run, from Linux's `/proc/thread-self/schedstat` (nanoseconds).
fn thread_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
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
