//! Web UI (placeholder).
pub fn routes() -> axum::Router<std::sync::Arc<crate::state::Shared>> {
    axum::Router::new()
}
