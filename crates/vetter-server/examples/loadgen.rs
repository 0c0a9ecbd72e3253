//! A load generator for `POST /match`: N keep-alive HTTP/1.1 connections, each sending one request
//! after another, with queries taken in turn from a file of realistic names.
//!
//! ```sh
//! cargo run --release -p vetter-server --example loadgen -- \
//!     --url http://127.0.0.1:8000/match/default --queries bench/screening/queries.csv \
//!     --connections 16 --requests 100000 --duration 60 [--threads 1] [--json out.json] [--label c16]
//! ```
//!
//! `--queries` is a CSV file with a `name` column and optionally `schema`, `birth_date` and
//! `country` (as `bench/screening/queries.csv`: aliases of listed entities, transliterations and
//! people on no list); each request carries one query. The run stops after `--requests` requests
//! or `--duration` seconds, whichever comes first. A request counts as an error when it fails, its
//! status is not 200, or its body is not a `/match` answer. Latency is from sending the request to
//! the last byte of the answer. Prints one line of text, and with `--json FILE` appends the
//! figures as one JSON line to FILE.

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use axum::body::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::Request;
use hyper_util::rt::TokioIo;

struct Args {
    url: String,
    queries: String,
    connections: usize,
    requests: u64,
    duration: Duration,
    threads: usize,
    json: Option<String>,
    label: String,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        url: "http://127.0.0.1:8000/match/default".into(),
        queries: "bench/screening/queries.csv".into(),
        connections: 8,
        requests: 10_000,
        duration: Duration::from_secs(60),
        threads: 1,
        json: None,
        label: String::new(),
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or_else(|| format!("`{flag}` needs a value"));
        let number = |v: String| v.parse::<u64>().map_err(|_| format!("`{flag}`: expected a whole number, got `{v}`"));
        match flag.as_str() {
            "--url" => args.url = value()?,
            "--queries" => args.queries = value()?,
            "--connections" => args.connections = number(value()?)?.max(1) as usize,
            "--requests" => args.requests = number(value()?)?,
            "--duration" => args.duration = Duration::from_secs(number(value()?)?),
            "--threads" => args.threads = number(value()?)?.max(1) as usize,
            "--json" => args.json = Some(value()?),
            "--label" => args.label = value()?,
            other => return Err(format!("unknown argument `{other}` (see the top of examples/loadgen.rs)")),
        }
    }
    Ok(args)
}

/// `/match` request bodies, one query each, from the rows of a CSV file.
fn bodies(path: &str) -> Result<Vec<Bytes>, String> {
    let mut reader = csv::Reader::from_path(path).map_err(|e| format!("reading `{path}`: {e}"))?;
    let headers = reader.headers().map_err(|e| format!("reading the header of `{path}`: {e}"))?.clone();
    let col = |n: &str| headers.iter().position(|h| h == n);
    let name = col("name").ok_or_else(|| format!("`{path}` has no `name` column"))?;
    let (schema, birth_date, country) = (col("schema"), col("birth_date"), col("country"));
    let mut out = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| format!("`{path}` row {}: {e}", i + 1))?;
        let cell = |c: Option<usize>| c.and_then(|c| record.get(c)).map(str::trim).filter(|s| !s.is_empty());
        let Some(n) = cell(Some(name)) else { continue };
        let mut properties = serde_json::Map::new();
        properties.insert("name".into(), serde_json::json!([n]));
        if let Some(d) = cell(birth_date) {
            properties.insert("birthDate".into(), serde_json::json!([d]));
        }
        if let Some(c) = cell(country) {
            properties.insert("country".into(), serde_json::json!([c]));
        }
        let query = serde_json::json!({"schema": cell(schema).unwrap_or("Person"), "properties": properties});
        let body = serde_json::json!({"queries": {"q": query}});
        out.push(Bytes::from(serde_json::to_vec(&body).map_err(|e| e.to_string())?));
    }
    if out.is_empty() {
        return Err(format!("`{path}` has no names"));
    }
    Ok(out)
}

/// What one connection measured.
#[derive(Default)]
struct Tally {
    micros: Vec<u32>,
    errors: u64,
    first_error: Option<String>,
}

impl Tally {
    fn error(&mut self, what: String) {
        self.errors += 1;
        self.first_error.get_or_insert(what);
    }
}

struct Shared {
    addr: SocketAddr,
    host: String,
    path: String,
    bodies: Vec<Bytes>,
    issued: AtomicU64,
    requests: u64,
    deadline: Instant,
}

impl Shared {
    /// The next request's number, or `None` when the run is over.
    fn next(&self) -> Option<u64> {
        let n = self.issued.fetch_add(1, Ordering::Relaxed);
        (n < self.requests && Instant::now() < self.deadline).then_some(n)
    }
}

async fn connection(shared: Arc<Shared>) -> Tally {
    let mut tally = Tally::default();
    'connect: loop {
        let stream = match tokio::net::TcpStream::connect(shared.addr).await {
            Ok(s) => s,
            Err(e) => {
                tally.error(format!("connect: {e}"));
                if shared.next().is_none() {
                    return tally;
                }
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
        let (mut sender, conn) = match hyper::client::conn::http1::handshake(TokioIo::new(stream)).await {
            Ok(pair) => pair,
            Err(e) => {
                tally.error(format!("handshake: {e}"));
                if shared.next().is_none() {
                    return tally;
                }
                continue;
            }
        };
        tokio::spawn(conn);
        while let Some(n) = shared.next() {
            let body = shared.bodies[n as usize % shared.bodies.len()].clone();
            let request = Request::post(shared.path.as_str())
                .header(hyper::header::HOST, shared.host.as_str())
                .header(hyper::header::CONTENT_TYPE, "application/json")
                .body(Full::new(body))
                .expect("a well-formed request");
            let started = Instant::now();
            if sender.ready().await.is_err() {
                tally.error("the connection closed".into());
                continue 'connect;
            }
            let response = match sender.send_request(request).await {
                Ok(r) => r,
                Err(e) => {
                    tally.error(format!("request: {e}"));
                    continue 'connect;
                }
            };
            let status = response.status();
            let bytes = match response.into_body().collect().await {
                Ok(b) => b.to_bytes(),
                Err(e) => {
                    tally.error(format!("reading the answer: {e}"));
                    continue 'connect;
                }
            };
            let micros = started.elapsed().as_micros().min(u128::from(u32::MAX)) as u32;
            if status != 200 {
                tally.error(format!("status {status}: {}", String::from_utf8_lossy(&bytes[..bytes.len().min(200)])));
            } else if !bytes.starts_with(b"{\"responses\":{\"q\":") {
                tally
                    .error(format!("not a /match answer: {}", String::from_utf8_lossy(&bytes[..bytes.len().min(200)])));
            } else {
                tally.micros.push(micros);
            }
        }
        return tally;
    }
}

/// CPU seconds this process has used (user + system), from `/proc/self/stat`; `None` elsewhere than Linux.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The fields after the command name, which is in parentheses and may hold spaces.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

fn percentile(sorted: &[u32], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    f64::from(sorted[rank.clamp(1, sorted.len()) - 1]) / 1000.0
}

fn main() -> Result<(), String> {
    let args = parse_args()?;
    let rest = args.url.strip_prefix("http://").ok_or("`--url` must start with http://")?;
    let (authority, path) = rest.split_once('/').map_or((rest, "/".to_owned()), |(a, p)| (a, format!("/{p}")));
    let addr: SocketAddr = authority.parse().map_err(|e| format!("`--url`: `{authority}` is not IP:PORT: {e}"))?;
    let bodies = bodies(&args.queries)?;
    let runtime = if args.threads == 1 {
        tokio::runtime::Builder::new_current_thread().enable_all().build()
    } else {
        tokio::runtime::Builder::new_multi_thread().worker_threads(args.threads).enable_all().build()
    }
    .map_err(|e| format!("starting the runtime: {e}"))?;
    let started = Instant::now();
    let shared = Arc::new(Shared {
        addr,
        host: authority.to_owned(),
        path,
        bodies,
        issued: AtomicU64::new(0),
        requests: args.requests,
        deadline: started + args.duration,
    });
    let tallies: Vec<Tally> = runtime.block_on(async {
        let tasks: Vec<_> = (0..args.connections).map(|_| tokio::spawn(connection(shared.clone()))).collect();
        let mut out = Vec::new();
        for t in tasks {
            out.push(t.await.unwrap_or_default());
        }
        out
    });
    let elapsed = started.elapsed().as_secs_f64();
    let mut micros: Vec<u32> = tallies.iter().flat_map(|t| t.micros.iter().copied()).collect();
    micros.sort_unstable();
    let errors: u64 = tallies.iter().map(|t| t.errors).sum();
    let first_error = tallies.iter().find_map(|t| t.first_error.clone());
    let ok = micros.len() as u64;
    let mean = if ok == 0 { 0.0 } else { micros.iter().map(|&m| f64::from(m)).sum::<f64>() / ok as f64 / 1000.0 };
    let report = serde_json::json!({
        "label": args.label,
        "connections": args.connections,
        "threads": args.threads,
        "requests": ok + errors,
        "ok": ok,
        "errors": errors,
        "seconds": (elapsed * 1000.0).round() / 1000.0,
        "requests_per_second": (ok as f64 / elapsed).round(),
        "latency_ms": {
            "mean": (mean * 1000.0).round() / 1000.0,
            "p50": percentile(&micros, 50.0),
            "p90": percentile(&micros, 90.0),
            "p99": percentile(&micros, 99.0),
            "p999": percentile(&micros, 99.9),
            "max": percentile(&micros, 100.0),
        },
        "generator_cpu_seconds": cpu_seconds(),
        "first_error": first_error,
    });
    println!(
        "{label}connections {c}: {ok} ok, {errors} errors in {elapsed:.1} s = {rps:.0} req/s; \
         latency ms p50 {p50:.2} p90 {p90:.2} p99 {p99:.2} max {max:.2}",
        label = if args.label.is_empty() { String::new() } else { format!("[{}] ", args.label) },
        c = args.connections,
        rps = ok as f64 / elapsed,
        p50 = percentile(&micros, 50.0),
        p90 = percentile(&micros, 90.0),
        p99 = percentile(&micros, 99.0),
        max = percentile(&micros, 100.0),
    );
    if let Some(e) = &first_error {
        eprintln!("first error: {e}");
    }
    if let Some(path) = &args.json {
        use std::io::Write;
        let mut file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .map_err(|e| format!("opening `{path}`: {e}"))?;
        writeln!(file, "{report}").map_err(|e| format!("writing `{path}`: {e}"))?;
    }
    Ok(())
}
