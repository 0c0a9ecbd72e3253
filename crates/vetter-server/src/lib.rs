//! The vetter HTTP server: the matching API of yente (the field's standard), the OpenRefine
//! reconciliation API, an OpenAPI description with Swagger UI, a web UI for analysts, and what
//! operations need (JSON logs, Prometheus metrics, graceful shutdown, hot reload of the index).
//!
//! One process serves every request from one memory-mapped index ([`vetter_engine::Engine`]). A
//! reload (`POST /admin/reload` or SIGHUP) opens the data folder again, rebuilding the index when a
//! list changed, and swaps the new engine in atomically; a request keeps the engine it started with,
//! so no request fails during the swap. The server keeps no other state between requests.
//!
//! Routes: `POST /match/{dataset}`, `GET /search/{dataset}`, `GET /entities/{id}`, `GET /catalog`,
//! `GET /healthz`, `GET /readyz`, `POST /screen` (CSV or JSON lines in, JSON lines out), `POST /scan`,
//! `GET|POST /reconcile`, `GET /openapi.json`, `GET /docs/`, `GET /metrics`, `POST /admin/reload`, and
//! the web UI at `/` and `/ui/*`.
//!
//! ```no_run
//! # async fn run() -> std::io::Result<()> {
//! use vetter_engine::{Engine, OpenOptions};
//! use vetter_server::{ServerConfig, Shared};
//! let options = OpenOptions::new("data/lists");
//! let (engine, _report) = Engine::open(&options).unwrap();
//! let shared = Shared::new(engine, ServerConfig::new(options));
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:8000").await?;
//! vetter_server::serve(listener, shared, vetter_server::shutdown_signal()).await
//! # }
//! ```

mod api;
mod error;
pub mod ftm;
pub mod matching;
mod openapi;
mod ops;
mod params;
mod reconcile;
mod scan;
mod screen;
mod state;
mod ui;

use std::future::Future;
use std::sync::Arc;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::StatusCode;
use axum::routing::{get, post};
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;
use utoipa::OpenApi;
use utoipa_swagger_ui::SwaggerUi;

pub use error::{ApiError, ErrorBody};
pub use openapi::ApiDoc;
pub use ops::{init_logging, metrics_handle, shutdown_signal};
pub use state::{Loaded, ReloadReport, ServerConfig, Shared};

/// The application: every route with its middleware.
pub fn app(shared: Arc<Shared>) -> Router {
    let config = shared.config().clone();
    let mut api = Router::new()
        .route("/match/{dataset}", post(api::match_entities))
        .route("/search/{dataset}", get(api::search_entities))
        .route("/entities/{id}", get(api::get_entity))
        .route("/catalog", get(api::catalog))
        .route("/algorithms", get(api::algorithms))
        .route("/screen", post(screen::screen))
        .route("/scan", post(scan::scan))
        .route("/reconcile", get(reconcile::reconcile_get).post(reconcile::reconcile_post));
    if config.protect_api {
        api = api.layer(axum::middleware::from_fn_with_state(shared.clone(), ops::require_key));
    }
    let admin = Router::new()
        .route("/admin/reload", post(api::reload))
        .layer(axum::middleware::from_fn_with_state(shared.clone(), ops::require_key));
    let routes = Router::new()
        .merge(api)
        .merge(admin)
        .merge(ui::routes())
        .route("/healthz", get(api::healthz))
        .route("/readyz", get(api::readyz))
        .route("/metrics", get(ops::render_metrics))
        .fallback(api::not_found)
        .with_state(shared);
    let docs: Router = SwaggerUi::new("/docs").url("/openapi.json", ApiDoc::openapi()).into();
    routes
        .merge(docs)
        .layer(DefaultBodyLimit::max(config.max_body_bytes))
        .layer(axum::middleware::from_fn(ops::track))
        .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, config.request_timeout))
        .layer(TraceLayer::new_for_http())
        .layer(CatchPanicLayer::custom(|_: Box<dyn std::any::Any + Send>| {
            use axum::response::IntoResponse;
            ApiError::Internal("the request failed unexpectedly".into()).into_response()
        }))
}

/// Serves `app(shared)` on `listener` until `shutdown` resolves, then finishes the requests in flight.
/// Reloads the index on SIGHUP.
pub async fn serve(
    listener: tokio::net::TcpListener,
    shared: Arc<Shared>,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    ops::metrics_handle();
    ops::metrics_upkeep();
    ops::reload_on_sighup(shared.clone());
    if let Ok(addr) = listener.local_addr() {
        let loaded = shared.loaded();
        tracing::info!(%addr, entities = loaded.entities, "vetter is serving");
    }
    axum::serve(listener, app(shared)).with_graceful_shutdown(shutdown).await
}
