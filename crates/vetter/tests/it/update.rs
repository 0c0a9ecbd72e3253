//! `vetter lists update` against a loopback HTTP server serving copies of the bundled OFAC
//! consolidated (non-SDN) files and the Wikidata leaders CSV.
//!
//! 1. A changed list becomes a new dated snapshot folder with `.vetter-snapshot.json`; `lists
//!    status` and `lists show` read it; the old folder is untouched; the next run is a
//!    conditional GET answered 304 (unchanged, nothing written); a second change the same day
//!    gets a folder that sorts after the first; every run is an audit entry and the chain verifies.
//! 2. A download identical to the snapshot in use is `unchanged` and writes no folder.
//! 3. An HTML error page and a file cut mid-record are rejected (exit 2): the snapshot in use
//!    stays in use and the download is kept in a `.rejected-*` folder.
//! 4. A list that lost half its entities is rejected as suspicious unless `--allow-shrink`.
//! 5. HTTP 404, HTTP 500 and a refused connection fail with the URL named and leave nothing
//!    behind; a 500 followed by the file succeeds with `--retries 1`.
//! 6. A staging folder left by a crash is ignored by `lists status` and removed by the next update.
//! 7. `--dry-run` verifies and keeps the snapshot in use.
//! 8. Usage errors: no named data folder, an unknown dataset, a dataset without a URL.
//! 9. An empty body is rejected; a file over `--max-bytes` fails; a second update of the same
//!    data folder while one runs is refused.
//! 10. OFAC SDN with `sdn.csv` and `alt.csv`/`add.csv` in different folders (the bundled
//!     layout): the same files are unchanged; a changed `sdn.csv` alone becomes a new folder,
//!     sorting after both, and the aliases of the older `alt.csv` are still read.
//! 11. `--build` compiles the index right after an update.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::{Arc, Mutex};

const CONS: &str = "ofac_consolidated_non_sdn";
const CONS_FILES: [&str; 4] = ["cons_add.csv", "cons_alt.csv", "cons_comments.csv", "cons_prim.csv"];
const OLD: &str = "2025-12-19";

/// What the server answers for a path.
#[derive(Clone)]
enum Route {
    /// 200 with the body and an ETag; 304 when the request's If-None-Match is that ETag.
    File(Vec<u8>),
    /// This status with a short body.
    Status(u16),
    /// 500 the first `n` times, then the file.
    Flaky(usize, Vec<u8>),
}

/// The server's routes by path.
type Routes = Arc<Mutex<HashMap<String, Route>>>;
/// `(path, If-None-Match)` of every request.
type Requests = Arc<Mutex<Vec<(String, Option<String>)>>>;

/// A minimal HTTP/1.1 server on 127.0.0.1, one connection at a time, `Connection: close`.
struct Server {
    addr: SocketAddr,
    routes: Routes,
    requests: Requests,
}

impl Server {
    fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let routes: Routes = Arc::default();
        let requests: Requests = Arc::default();
        let (r, q) = (routes.clone(), requests.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                let _ = answer(stream, &r, &q);
            }
        });
        Server { addr, routes, requests }
    }

    fn url(&self, path: &str) -> String {
        format!("http://{}/{path}", self.addr)
    }

    fn set(&self, path: &str, route: Route) {
        self.routes.lock().unwrap().insert(format!("/{path}"), route);
    }

    fn requests(&self) -> Vec<(String, Option<String>)> {
        self.requests.lock().unwrap().clone()
    }
}

fn etag(body: &[u8]) -> String {
    // Any value that changes with the content will do for the test.
    let sum: u64 = body.iter().enumerate().map(|(i, b)| (i as u64 + 1) * u64::from(*b)).sum();
    format!("\"{}-{sum:x}\"", body.len())
}

fn answer(
    stream: TcpStream,
    routes: &Mutex<HashMap<String, Route>>,
    requests: &Mutex<Vec<(String, Option<String>)>>,
) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut line = String::new();
    reader.read_line(&mut line)?;
    let path = line.split_whitespace().nth(1).unwrap_or("/").to_owned();
    let mut if_none_match = None;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header == "\r\n" {
            break;
        }
        if let Some((k, v)) = header.split_once(':')
            && k.eq_ignore_ascii_case("if-none-match")
        {
            if_none_match = Some(v.trim().to_owned());
        }
    }
    requests.lock().unwrap().push((path.clone(), if_none_match.clone()));
    let route = {
        let mut routes = routes.lock().unwrap();
        let route = routes.get(&path).cloned().unwrap_or(Route::Status(404));
        if let Route::Flaky(n, body) = &route {
            let next = if *n <= 1 { Route::File(body.clone()) } else { Route::Flaky(n - 1, body.clone()) };
            routes.insert(path.clone(), next);
        }
        route
    };
    let mut out = stream;
    let (status, headers, body): (u16, String, Vec<u8>) = match route {
        Route::File(body) => {
            let tag = etag(&body);
            if if_none_match.as_deref() == Some(tag.as_str()) {
                (304, format!("ETag: {tag}\r\n"), Vec::new())
            } else {
                (200, format!("ETag: {tag}\r\nContent-Length: {}\r\n", body.len()), body)
            }
        }
        Route::Status(code) => (code, "Content-Length: 5\r\n".into(), b"error".to_vec()),
        Route::Flaky(..) => (500, "Content-Length: 5\r\n".into(), b"error".to_vec()),
    };
    write!(out, "HTTP/1.1 {status} X\r\n{headers}Connection: close\r\n\r\n")?;
    out.write_all(&body)?;
    out.flush()
}

/// A data folder with copies of the bundled OFAC consolidated files and Wikidata leaders, a
/// cache, a ledger and a config file pointing at `server`.
struct Env {
    _tmp: tempfile::TempDir,
    root: PathBuf,
    data: PathBuf,
    config: PathBuf,
}

fn bundled(rel: &str) -> Vec<u8> {
    std::fs::read(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/lists")).join(rel)).unwrap()
}

fn cons(name: &str) -> Vec<u8> {
    bundled(&format!("{CONS}/{OLD}/{name}"))
}

fn env(server: &Server) -> Env {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().to_owned();
    let data = root.join("data");
    for name in CONS_FILES {
        write(&data.join(CONS).join(OLD).join(name), &cons(name));
    }
    let leaders = "wikidata_world_leaders/2022-10-09/wikidata.csv";
    write(&data.join(leaders), &bundled(leaders));
    let mut files = serde_json::Map::new();
    for name in CONS_FILES {
        server.set(name, Route::File(cons(name)));
        files.insert(name.into(), server.url(name).into());
    }
    server.set("wikidata.csv", Route::File(bundled(leaders)));
    let config = root.join("urls.json");
    let json = serde_json::json!({"sources": {"us_ofac_cons": files, "wd_peps": {"wikidata.csv": server.url("wikidata.csv")}}});
    write(&config, json.to_string().as_bytes());
    Env { _tmp: tmp, root, data, config }
}

fn write(path: &Path, bytes: &[u8]) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
}

fn vetter(e: &Env, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vetter"))
        .args(args)
        .env("VETTER_DATA", &e.data)
        .env("VETTER_CACHE_DIR", e.root.join("cache"))
        .env("VETTER_DB", e.root.join("ledger").join("ledger.db"))
        .env_remove("VETTER_INDEX")
        .output()
        .unwrap()
}

/// `lists update --config ... --format json` plus `extra` (`--retries 0` unless `extra` sets it): the exit code and the JSON.
fn update(e: &Env, extra: &[&str]) -> (Option<i32>, serde_json::Value, String) {
    let config = e.config.to_str().unwrap();
    let mut args = vec!["lists", "update", "--config", config, "--format", "json"];
    if !extra.contains(&"--retries") {
        args.extend(["--retries", "0"]);
    }
    args.extend_from_slice(extra);
    let out = vetter(e, &args);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let json = serde_json::from_slice(&out.stdout).unwrap_or_else(|err| panic!("{err}: {stderr}"));
    (out.status.code(), json, stderr)
}

fn source<'a>(json: &'a serde_json::Value, dataset: &str) -> &'a serde_json::Value {
    json["sources"].as_array().unwrap().iter().find(|s| s["dataset"] == dataset).unwrap()
}

fn status_json(e: &Env) -> serde_json::Value {
    let out = vetter(e, &["lists", "status", "--format", "json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    source(&json, "us_ofac_cons").clone()
}

/// The folder names in the source folder, dot-folders included, sorted.
fn folders(e: &Env) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(e.data.join(CONS))
        .unwrap()
        .map(|d| d.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn audit(e: &Env) -> Vec<serde_json::Value> {
    let out = vetter(e, &["audit", "--format", "json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let verify = vetter(e, &["audit", "verify"]);
    assert!(verify.status.success(), "{}", String::from_utf8_lossy(&verify.stderr));
    json["entries"].as_array().unwrap().clone()
}

fn renamed_prim() -> Vec<u8> {
    let text = String::from_utf8(cons("cons_prim.csv")).unwrap();
    assert!(text.contains("\"ABU TEIR, Mohammed\""));
    text.replace("\"ABU TEIR, Mohammed\"", "\"ABU TEIR, Mohammed Mahmoud\"").into_bytes()
}

fn caption(e: &Env, id: &str) -> String {
    let out = vetter(e, &["lists", "show", id, "--format", "json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    json["entity"]["caption"].as_str().unwrap().to_owned()
}

#[test]
fn changed_list_becomes_the_newest_snapshot() {
    let server = Server::start();
    let e = env(&server);
    assert_eq!(status_json(&e)["snapshot"], OLD);
    server.set("cons_prim.csv", Route::File(renamed_prim()));

    let (code, json, stderr) = update(&e, &[]);
    assert_eq!(code, Some(0), "{stderr}");
    let outcome = source(&json, "us_ofac_cons");
    assert_eq!(outcome["status"], "updated", "{outcome}");
    assert_eq!(outcome["previous_snapshot"], OLD);
    assert_eq!(outcome["entities"], serde_json::json!({"old": 442, "new": 442}));
    let new = outcome["snapshot"].as_str().unwrap().to_owned();
    assert!(new.as_str() > OLD && new.len() == 10, "{new}");
    // Without `--source`, the lists the data folder has.
    assert_eq!(source(&json, "wd_peps")["status"], "unchanged");
    assert_eq!(json["sources"].as_array().unwrap().len(), 2);

    // The new folder holds the files and their metadata; the old one is untouched.
    assert_eq!(folders(&e), [OLD.to_owned(), new.clone()]);
    let dir = e.data.join(CONS).join(&new);
    assert_eq!(std::fs::read(dir.join("cons_prim.csv")).unwrap(), renamed_prim());
    for name in CONS_FILES {
        assert_eq!(std::fs::read(e.data.join(CONS).join(OLD).join(name)).unwrap(), cons(name));
    }
    let meta: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join(".vetter-snapshot.json")).unwrap()).unwrap();
    assert_eq!(meta["entities"], 442);
    assert_eq!(meta["files"].as_array().unwrap().len(), 4);
    assert_eq!(meta["files"][3]["name"], "cons_prim.csv");
    assert_eq!(meta["files"][3]["url"], server.url("cons_prim.csv"));
    assert_eq!(meta["files"][3]["sha256"].as_str().unwrap().len(), 64);

    // The index is rebuilt from the new snapshot.
    assert_eq!(status_json(&e)["snapshot"], new);
    assert_eq!(caption(&e, "us_ofac_cons-9640"), "ABU TEIR, Mohammed Mahmoud");

    // Run again: conditional GETs, answered 304, and nothing is written.
    let before = server.requests().len();
    let (code, json, stderr) = update(&e, &["--source", "us_ofac_cons"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(source(&json, "us_ofac_cons")["status"], "unchanged");
    assert_eq!(json["sources"].as_array().unwrap().len(), 1);
    let conditional = &server.requests()[before..];
    assert_eq!(conditional.len(), 4);
    assert!(conditional.iter().all(|(_, tag)| tag.is_some()), "{conditional:?}");
    assert_eq!(folders(&e), [OLD.to_owned(), new.clone()]);

    // A second change the same day: a folder that sorts after the first, and it is used.
    let text = String::from_utf8(renamed_prim()).unwrap().replace("Mohammed Mahmoud", "Mohammad Mahmoud");
    server.set("cons_prim.csv", Route::File(text.into_bytes()));
    let (code, json, stderr) = update(&e, &["--source", "us_ofac_cons"]);
    assert_eq!(code, Some(0), "{stderr}");
    let third = source(&json, "us_ofac_cons")["snapshot"].as_str().unwrap().to_owned();
    assert!(third.starts_with(&format!("{new}_")), "{third}");
    assert_eq!(folders(&e), [OLD.to_owned(), new.clone(), third.clone()]);
    assert_eq!(caption(&e, "us_ofac_cons-9640"), "ABU TEIR, Mohammad Mahmoud");

    // Every outcome of every run is an audit entry, and the chain verifies.
    let entries = audit(&e);
    let updates: Vec<(&str, &str)> = entries
        .iter()
        .filter(|en| en["action"] == "list_update")
        .map(|en| (en["data"]["dataset"].as_str().unwrap(), en["data"]["status"].as_str().unwrap()))
        .collect();
    assert!(updates.contains(&("us_ofac_cons", "updated")) && updates.contains(&("wd_peps", "unchanged")));
    assert_eq!(updates.iter().filter(|u| u.0 == "us_ofac_cons").count(), 3, "{updates:?}");
    let last = entries.last().unwrap();
    assert_eq!(last["data"]["snapshot"], third);
    assert_eq!(last["data"]["files"][3]["sha256"].as_str().unwrap().len(), 64);
}

#[test]
fn identical_download_is_unchanged() {
    let server = Server::start();
    let e = env(&server);
    // No URL for wd_peps: it is skipped, which is no failure.
    let files: serde_json::Map<String, serde_json::Value> =
        CONS_FILES.iter().map(|n| ((*n).to_owned(), server.url(n).into())).collect();
    write(&e.config, serde_json::json!({"sources": {"us_ofac_cons": files}}).to_string().as_bytes());
    let (code, json, stderr) = update(&e, &[]);
    assert_eq!(code, Some(0), "{stderr}");
    let cons = source(&json, "us_ofac_cons");
    assert_eq!(cons["status"], "unchanged");
    assert_eq!(cons["snapshot"], OLD);
    let wd = source(&json, "wd_peps");
    assert_eq!(wd["status"], "skipped");
    assert!(wd["reason"].as_str().unwrap().contains("not an official publication"), "{wd}");
    assert_eq!(folders(&e), [OLD]);
    let entries = audit(&e);
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[0]["data"]["status"], "unchanged");
}

/// Serves `prim` as cons_prim.csv and checks the update is rejected with `reason` and that
/// nothing changed for the readers.
fn check_rejected(prim: Vec<u8>, reason: &str) {
    let server = Server::start();
    let e = env(&server);
    server.set("cons_prim.csv", Route::File(prim));
    let (code, json, stderr) = update(&e, &["--source", "us_ofac_cons"]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("1 of 1 lists were not updated (us_ofac_cons)"), "{stderr}");
    let cons = source(&json, "us_ofac_cons");
    assert_eq!(cons["status"], "rejected", "{cons}");
    assert!(cons["reason"].as_str().unwrap().contains(reason), "{cons}");
    assert_eq!(cons["snapshot"], OLD);
    let kept = PathBuf::from(cons["kept"].as_str().unwrap());
    assert!(kept.join("cons_prim.csv").is_file(), "{}", kept.display());
    let names = folders(&e);
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(names[0].starts_with(".rejected-") && names[1] == OLD, "{names:?}");
    let status = status_json(&e);
    assert_eq!((status["snapshot"].as_str(), status["entities"].as_u64()), (Some(OLD), Some(442)));
    assert_eq!(audit(&e)[0]["data"]["status"], "rejected");
}

#[test]
fn html_error_page_is_rejected() {
    let page = b"<!DOCTYPE html>\r\n<html><head><title>Service Unavailable</title></head>\r\n<body><h1>Maintenance</h1>, back soon</body></html>\r\n";
    check_rejected(page.to_vec(), "does not parse");
}

#[test]
fn truncated_file_is_rejected() {
    let prim = cons("cons_prim.csv");
    // Cut inside a quoted name, as a dropped connection would.
    let at = prim.windows(9).position(|w| w == b"AL-SHANTI").unwrap() + 4;
    check_rejected(prim[..at].to_vec(), "does not parse");
}

#[test]
fn shrunken_list_needs_allow_shrink() {
    let prim = String::from_utf8(cons("cons_prim.csv")).unwrap();
    let half: String = prim.split_inclusive("\r\n").take(221).collect();
    check_rejected(half.clone().into_bytes(), "suspicious: 221 entities instead of 442");

    let server = Server::start();
    let e = env(&server);
    server.set("cons_prim.csv", Route::File(half.into_bytes()));
    let (code, json, stderr) = update(&e, &["--source", "us_ofac_cons", "--allow-shrink"]);
    assert_eq!(code, Some(0), "{stderr}");
    let cons = source(&json, "us_ofac_cons");
    assert_eq!(cons["status"], "updated");
    assert_eq!(cons["entities"], serde_json::json!({"old": 442, "new": 221}));
    assert_eq!(status_json(&e)["entities"], 221);

    // A drop within `--max-shrink` needs no flag.
    let e = env(&server);
    let most: String = prim.split_inclusive("\r\n").take(430).collect();
    server.set("cons_prim.csv", Route::File(most.into_bytes()));
    let (code, json, stderr) = update(&e, &["--source", "us_ofac_cons"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(source(&json, "us_ofac_cons")["entities"]["new"], 430);
}

/// Runs an update of `us_ofac_cons` and checks it fails with each of `reason` in its message
/// and leaves no folder behind.
fn check_failed(e: &Env, reason: &[&str]) {
    let (code, json, stderr) = update(e, &["--source", "us_ofac_cons"]);
    assert_eq!(code, Some(2), "{stderr}");
    let cons = source(&json, "us_ofac_cons");
    assert_eq!(cons["status"], "failed", "{cons}");
    let message = cons["reason"].as_str().unwrap();
    for r in reason {
        assert!(message.contains(r), "{r:?} not in {message:?}");
    }
    assert_eq!(folders(e), [OLD]);
}

#[test]
fn http_errors_and_refused_connections_fail() {
    let server = Server::start();
    let e = env(&server);
    server.set("cons_alt.csv", Route::Status(404));
    check_failed(&e, &["cons_alt.csv", "HTTP 404 from", &server.url("cons_alt.csv")]);
    server.set("cons_alt.csv", Route::Status(500));
    check_failed(&e, &["HTTP 500 from", "after 1 attempt(s)"]);

    // A port nothing listens on.
    let closed = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap();
    let url = format!("http://{closed}/cons_alt.csv");
    let config = serde_json::json!({"sources": {"us_ofac_cons": {"cons_alt.csv": url}}});
    write(&e.config, config.to_string().as_bytes());
    check_failed(&e, &["fetching", &url, "onnect"]);
    assert_eq!(audit(&e).iter().filter(|en| en["data"]["status"] == "failed").count(), 3);
}

#[test]
fn transient_error_is_retried() {
    let server = Server::start();
    let e = env(&server);
    server.set("cons_prim.csv", Route::Flaky(1, renamed_prim()));
    let (code, json, stderr) = update(&e, &["--source", "us_ofac_cons", "--retries", "1", "--build"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(source(&json, "us_ofac_cons")["status"], "updated");
    assert!(stderr.contains("vetter: compiled the lists"), "{stderr}");
    let prim_requests = server.requests().iter().filter(|(p, _)| p == "/cons_prim.csv").count();
    assert_eq!(prim_requests, 2);
}

#[test]
fn leftover_staging_is_ignored_then_cleaned() {
    let server = Server::start();
    let e = env(&server);
    let leftover = e.data.join(CONS).join(".staging-20260101T000000Z-1");
    write(&leftover.join("cons_prim.csv"), b"half a fi");
    assert_eq!(status_json(&e)["snapshot"], OLD);
    let (code, json, stderr) = update(&e, &["--source", "us_ofac_cons"]);
    assert_eq!(code, Some(0), "{stderr}");
    let cons = source(&json, "us_ofac_cons");
    assert_eq!(cons["cleaned"], serde_json::json!([".staging-20260101T000000Z-1"]));
    assert!(!leftover.exists());
    assert_eq!(folders(&e), [OLD]);
}

#[test]
fn dry_run_keeps_the_snapshot_in_use() {
    let server = Server::start();
    let e = env(&server);
    server.set("cons_prim.csv", Route::File(renamed_prim()));
    let (code, json, stderr) = update(&e, &["--source", "us_ofac_cons", "--dry-run"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(json["dry_run"], true);
    let cons = source(&json, "us_ofac_cons");
    assert_eq!(cons["status"], "verified");
    assert_eq!(cons["entities"]["new"], 442);
    assert_eq!(folders(&e), [OLD]);
}

#[test]
fn usage_errors() {
    let server = Server::start();
    let e = env(&server);
    let out = Command::new(env!("CARGO_BIN_EXE_vetter"))
        .args(["lists", "update"])
        .env_remove("VETTER_DATA")
        .env("VETTER_DB", e.root.join("ledger.db"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("hint: give it with `--data DIR`"));

    let out = vetter(&e, &["lists", "update", "--source", "nope"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("`--source nope`: unknown dataset"));

    let out = vetter(&e, &["lists", "update", "--source", "wd_peps", "--format", "json"]);
    assert_eq!(out.status.code(), Some(2));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let wd = source(&json, "wd_peps");
    assert_eq!(wd["status"], "failed");
    assert!(wd["reason"].as_str().unwrap().contains("hint: `--url wd_peps/FILE=URL`"), "{wd}");
    assert!(!e.data.join("wikidata_world_leaders").join(".vetter-snapshot.json").exists());
}

#[test]
fn empty_file_is_rejected() {
    check_rejected(Vec::new(), "sent an empty file");
}

#[test]
fn oversized_file_fails() {
    let server = Server::start();
    let e = env(&server);
    let (code, json, stderr) = update(&e, &["--source", "us_ofac_cons", "--max-bytes", "100000"]);
    assert_eq!(code, Some(2), "{stderr}");
    let cons = source(&json, "us_ofac_cons");
    assert_eq!(cons["status"], "failed");
    assert!(cons["reason"].as_str().unwrap().contains("more than the 100000 allowed (`--max-bytes`)"), "{cons}");
    assert_eq!(folders(&e), [OLD]);
}

#[test]
fn concurrent_update_is_refused() {
    let server = Server::start();
    let e = env(&server);
    let lock =
        std::fs::OpenOptions::new().create(true).truncate(false).write(true).open(e.data.join(".vetter-update.lock"));
    let lock = lock.unwrap();
    lock.try_lock().unwrap();
    let out = vetter(&e, &["lists", "update", "--config", e.config.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("another `vetter lists update` is running"));
    drop(lock);
    let out = vetter(&e, &["lists", "update", "--config", e.config.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

/// The bundled OFAC SDN layout: `sdn.csv` in one folder, `alt.csv` and `add.csv` in a newer one.
#[test]
fn ofac_sdn_update_with_files_from_two_folders() {
    let server = Server::start();
    let e = env(&server);
    let sdn = bundled("ofac_sdn/2024-05-03/sdn.csv");
    write(&e.data.join("ofac_sdn/2024-05-03/sdn.csv"), &sdn);
    for name in ["alt.csv", "add.csv"] {
        let rel = format!("ofac_sdn/2026-06-02_add_alt_only/{name}");
        write(&e.data.join(&rel), &bundled(&rel));
        server.set(name, Route::File(bundled(&rel)));
    }
    server.set("sdn.csv", Route::File(sdn.clone()));
    let urls: Vec<String> =
        ["sdn.csv", "alt.csv", "add.csv"].iter().map(|n| format!("us_ofac_sdn/{n}={}", server.url(n))).collect();
    let mut args = vec!["--source", "us_ofac_sdn"];
    for u in &urls {
        args.extend(["--url", u.as_str()]);
    }
    // The same three files, whichever folders they sit in: unchanged.
    let (code, json, stderr) = update(&e, &args);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(source(&json, "us_ofac_sdn")["status"], "unchanged");

    // Only sdn.csv configured, and changed: the new folder holds it alone and the
    // alt.csv/add.csv in use still count.
    let only_sdn = serde_json::json!({"sources": {"us_ofac_sdn": {"sdn.csv": server.url("sdn.csv")}}});
    write(&e.config, only_sdn.to_string().as_bytes());
    let changed = String::from_utf8_lossy(&sdn).replace("PUTIN, Vladimir Vladimirovich", "PUTIN, Vladimir V.");
    server.set("sdn.csv", Route::File(changed.into_bytes()));
    let (code, json, stderr) = update(&e, &["--source", "us_ofac_sdn"]);
    assert_eq!(code, Some(0), "{stderr}");
    let outcome = source(&json, "us_ofac_sdn");
    assert_eq!(outcome["status"], "updated", "{outcome}");
    assert_eq!(outcome["entities"]["old"], outcome["entities"]["new"]);
    assert_eq!(outcome["previous_snapshot"], "2024-05-03");
    let new = outcome["snapshot"].as_str().unwrap();
    assert!(new > "2026-06-02_add_alt_only", "{new}");
    assert_eq!(caption(&e, "us_ofac_sdn-35096"), "PUTIN, Vladimir V.");
    let out = vetter(&e, &["lists", "show", "us_ofac_sdn-35096", "--format", "json"]);
    let shown = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(shown.contains("PUTIN, Vladimir\""), "the alias from alt.csv is still read: {shown}");
}
