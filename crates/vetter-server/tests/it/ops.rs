//! Operations: API keys on the whole API, and graceful shutdown.

use serde_json::json;

#[test]
fn protect_api_requires_the_key_but_not_for_health() {
    let server = crate::start(|c| {
        c.api_key = Some("k3y".into());
        c.protect_api = true;
    });
    let agent = crate::agent();
    let url = format!("{}/match/default", server.base);
    let body = json!({"queries": {"q": {"schema": "Person", "properties": {"name": ["Vladimir Putin"]}}}}).to_string();
    let r = agent.post(&url).header("content-type", "application/json").send(body.as_bytes()).unwrap();
    assert_eq!(r.status(), 401);
    assert_eq!(r.headers().get("www-authenticate").unwrap(), "Bearer");
    let r = agent
        .post(&url)
        .header("content-type", "application/json")
        .header("authorization", "Bearer k3y")
        .send(body.as_bytes())
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(agent.get(&format!("{}/healthz", server.base)).call().unwrap().status(), 200);
}

#[test]
fn shutdown_finishes_and_stops_serving() {
    let options = vetter_engine::OpenOptions::new(crate::data_dir());
    let (engine, _) = vetter_engine::Engine::open(&options).unwrap();
    let shared = vetter_server::Shared::new(engine, vetter_server::ServerConfig::new(options));
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    let listener = runtime.block_on(tokio::net::TcpListener::bind("127.0.0.1:0")).unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = runtime.spawn(vetter_server::serve(listener, shared, async {
        let _ = stopped.await;
    }));
    let r = crate::agent().get(&format!("{base}/healthz")).call().unwrap();
    assert_eq!(r.status(), 200);
    drop(r);
    stop.send(()).unwrap();
    let result = runtime.block_on(server).unwrap();
    assert!(result.is_ok(), "{result:?}");
    assert!(ureq::get(&format!("{base}/healthz")).call().is_err(), "nothing listens after shutdown");
}
