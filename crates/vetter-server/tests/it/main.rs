//! Integration tests of the server: a real server on a loopback port over the bundled lists,
//! called with plain HTTP.
//!
//! 1. `api`: every JSON endpoint's shape, and the errors (the server keeps answering after each).
//! 2. `reconcile`: the OpenRefine manifest and batch reconciliation.
//! 3. `reload`: a reload under load fails no request; `ops`: API keys, graceful shutdown.
//! 4. `ui`: the web pages and their assets.
//! 5. `screen`: bulk screening, CSV and JSON lines in, JSON lines out.

mod api;
mod ops;
mod reconcile;
mod reload;
mod screen;
mod ui;

use std::sync::{Arc, OnceLock};

use serde_json::Value;
use vetter_engine::{Engine, OpenOptions};
use vetter_server::{ServerConfig, Shared};

/// A server running on a loopback port for the rest of the test binary.
pub struct TestServer {
    /// `http://127.0.0.1:PORT`.
    pub base: String,
    /// Its state.
    pub shared: Arc<Shared>,
}

/// The bundled lists.
pub fn data_dir() -> std::path::PathBuf {
    std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/lists"))
}

/// Starts a server with `config` changes on a thread of its own; it runs until the test binary exits.
pub fn start(configure: impl FnOnce(&mut ServerConfig)) -> TestServer {
    let options = OpenOptions::new(data_dir());
    let (engine, _) = Engine::open(&options).expect("the bundled lists load");
    let mut config = ServerConfig::new(options);
    configure(&mut config);
    let shared = Shared::new(engine, config);
    let (tx, rx) = std::sync::mpsc::channel();
    let for_server = shared.clone();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            tx.send(listener.local_addr().unwrap()).unwrap();
            vetter_server::serve(listener, for_server, std::future::pending()).await.unwrap();
        });
    });
    let addr = rx.recv().expect("the server starts");
    TestServer { base: format!("http://{addr}"), shared }
}

/// The server most tests share, with the API key `secret` for `/admin/*`.
pub fn server() -> &'static TestServer {
    static SERVER: OnceLock<TestServer> = OnceLock::new();
    SERVER.get_or_init(|| start(|c| c.api_key = Some("secret".into())))
}

/// An HTTP client that reports every status instead of failing on 4xx and 5xx.
pub fn agent() -> ureq::Agent {
    ureq::Agent::config_builder().http_status_as_error(false).build().into()
}

/// A response: status, content type and body.
pub struct Reply {
    /// The status code.
    pub status: u16,
    /// The `content-type` header.
    pub content_type: String,
    /// The body as text.
    pub body: String,
}

impl Reply {
    /// The body as JSON.
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

/// The reply to a request made with [`agent`].
pub fn reply(result: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Reply {
    let mut response = result.expect("the request reaches the server");
    let status = response.status().as_u16();
    let content_type = response.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
    let body = response.body_mut().with_config().limit(64 << 20).read_to_string().unwrap_or_default();
    Reply { status, content_type, body }
}

/// GET `path` on the shared server.
pub fn get(path: &str) -> Reply {
    reply(agent().get(&format!("{}{path}", server().base)).call())
}

/// POST a JSON body to `path` on the shared server.
pub fn post_json(path: &str, body: &Value) -> Reply {
    post_raw(path, "application/json", &serde_json::to_vec(body).unwrap())
}

/// POST raw bytes to `path` on the shared server.
pub fn post_raw(path: &str, content_type: &str, body: &[u8]) -> Reply {
    reply(agent().post(&format!("{}{path}", server().base)).header("content-type", content_type).send(body))
}

/// Checks that the server still answers `/healthz`.
pub fn assert_healthy() {
    let r = get("/healthz");
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.json()["status"], "ok");
}
