//! Operations: JSON logs, Prometheus metrics, API keys, graceful shutdown and reload on SIGHUP.
//!
//! Metrics at `/metrics` (Prometheus text format):
//! - `vetter_http_requests_total{method, path, status}`: requests answered, by route template;
//! - `vetter_http_request_duration_seconds{method, path}`: a latency histogram;
//! - `vetter_index_generation`, `vetter_index_entities`, `vetter_index_age_seconds` (since the index
//!   file was written), `vetter_index_loaded_timestamp_seconds`.

use std::sync::{Arc, OnceLock};
use std::time::{Instant, UNIX_EPOCH};

use axum::extract::{MatchedPath, Request, State};
use axum::http::header;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};

use crate::error::ApiError;
use crate::state::Shared;

/// Sets up logging to stderr: JSON lines when `json`, else text; the level from `RUST_LOG` (default `info`).
/// Does nothing when a logger is already set.
pub fn init_logging(json: bool) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr);
    let _ = if json { builder.json().flatten_event(true).try_init() } else { builder.try_init() };
}

/// The process-wide metrics recorder (metrics are process-wide in the `metrics` crate).
pub fn metrics_handle() -> &'static PrometheusHandle {
    static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
    HANDLE.get_or_init(|| {
        let recorder = PrometheusBuilder::new()
            .set_buckets_for_metric(
                Matcher::Full("vetter_http_request_duration_seconds".into()),
                &[0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0],
            )
            .expect("the bucket list is not empty")
            .build_recorder();
        let handle = recorder.handle();
        if metrics::set_global_recorder(recorder).is_err() {
            tracing::warn!("another metrics recorder is installed; /metrics shows only what this one records");
        }
        handle
    })
}

/// How often histogram samples are folded into their buckets.
const METRICS_UPKEEP: std::time::Duration = std::time::Duration::from_secs(5);

/// Folds the samples of the latency histogram into its buckets every few seconds, for the life of
/// the process. The recorder keeps every sample until then (it does so itself only when installed
/// with its own HTTP listener, which the server does not use), so without this its memory grows
/// with every request between two scrapes of `/metrics`: about 6 MB per 400,000 requests.
pub fn metrics_upkeep() {
    tokio::spawn(async {
        let mut ticks = tokio::time::interval(METRICS_UPKEEP);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticks.tick().await;
            metrics_handle().run_upkeep();
        }
    });
}

/// Counts and times every request by its route template.
pub async fn track(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().as_str().to_owned();
    let path =
        request.extensions().get::<MatchedPath>().map_or_else(|| "unmatched".to_owned(), |p| p.as_str().to_owned());
    let response = next.run(request).await;
    let status = response.status().as_u16().to_string();
    let elapsed = started.elapsed().as_secs_f64();
    metrics::counter!("vetter_http_requests_total", "method" => method.clone(), "path" => path.clone(), "status" => status)
        .increment(1);
    metrics::histogram!("vetter_http_request_duration_seconds", "method" => method, "path" => path).record(elapsed);
    response
}

/// Refuses requests without the API key (when one is configured).
pub async fn require_key(State(shared): State<Arc<Shared>>, request: Request, next: Next) -> Response {
    if crate::api::authorized(&shared, request.headers()) {
        return next.run(request).await;
    }
    let mut response =
        ApiError::Unauthorized("an API key is required: `Authorization: Bearer <key>`".into()).into_response();
    response.headers_mut().insert(header::WWW_AUTHENTICATE, header::HeaderValue::from_static("Bearer"));
    response
}

/// The metrics in Prometheus text format.
pub async fn render_metrics(State(shared): State<Arc<Shared>>) -> Response {
    let loaded = shared.loaded();
    metrics::gauge!("vetter_index_generation").set(loaded.generation as f64);
    metrics::gauge!("vetter_index_entities").set(loaded.entities as f64);
    metrics::gauge!("vetter_index_age_seconds").set(loaded.age_seconds());
    let loaded_at = loaded.loaded_at.duration_since(UNIX_EPOCH).map_or(0.0, |d| d.as_secs_f64());
    metrics::gauge!("vetter_index_loaded_timestamp_seconds").set(loaded_at);
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4")], metrics_handle().render()).into_response()
}

/// Resolves on ctrl-c or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing the requests in flight");
}

/// Reloads the index on every SIGHUP, for the life of the process.
pub fn reload_on_sighup(shared: Arc<Shared>) {
    #[cfg(unix)]
    tokio::spawn(async move {
        let Ok(mut hangups) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::hangup()) else {
            tracing::warn!("cannot listen for SIGHUP; use POST /admin/reload");
            return;
        };
        while hangups.recv().await.is_some() {
            tracing::info!("SIGHUP: reloading the index");
            if let Err(e) = shared.reload().await {
                tracing::error!(error = %e, "reload failed; the previous index keeps serving");
            }
        }
    });
    #[cfg(not(unix))]
    drop(shared);
}
