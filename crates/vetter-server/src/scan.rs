//! `POST /scan`: free-text scanning ([`vetter_scan`]) over HTTP.
//!
//! The body is the text itself (`text/plain` or `text/html`; HTML is blanked to text of the same
//! length, so spans are offsets into the HTML too), or JSON `{"text": "...", "subject": "...",
//! "html": false}`. A `subject` query parameter names the person whose contacts to find. The answer is
//! the scan report, as `vetter scan --format json` writes it: `{"mentions", "jurisdictions",
//! "officials", "interactions", "names", "words"}`, spans as byte offsets into the text sent.

use std::sync::Arc;

use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, header};
use serde_json::Value;
use vetter_scan::{Report, Scanner, input};

use crate::error::{ApiError, parse_json};
use crate::params::Params;
use crate::state::{Loaded, Shared};

/// Scans one text; HTML is blanked to text first when `html` or when it looks like HTML.
pub fn scan_text(loaded: &Loaded, text: &str, subject: Option<&str>, html: bool) -> (String, Report) {
    let text = if html || input::looks_like_html(text) { input::html_to_text(text) } else { text.to_owned() };
    let mut scanner = Scanner::new(&loaded.engine);
    let report = scanner.scan(&text, subject.filter(|s| !s.trim().is_empty()));
    (text, report)
}

/// Scan an article, report or memo for listed entities, jurisdictions, officials and a subject's contacts.
#[utoipa::path(
    post,
    path = "/scan",
    tag = "matching",
    params(("subject" = Option<String>, Query, description = "the person whose contacts to find")),
    request_body(content = String, description = "the text (text/plain or text/html), or JSON `{\"text\", \"subject\", \"html\"}`; an empty body gives an empty report", content_type = "text/plain"),
    responses(
        (status = 200, description = "The scan report: mentions, jurisdictions, officials, interactions, names, words", body = Object),
        (status = 400, body = crate::error::ErrorBody),
        (status = 413, body = crate::error::ErrorBody),
    )
)]
pub async fn scan(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<Report>, ApiError> {
    let body = body?;
    let params = Params::parse(raw.as_deref());
    let content_type = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("text/plain");
    let (text, subject, html) = if content_type.starts_with("application/json") {
        let v = parse_json(&body)?;
        let text = match v.get("text") {
            Some(Value::String(s)) => s.clone(),
            _ => return Err(ApiError::BadRequest("text: required, a string".into())),
        };
        let subject = match v.get("subject") {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(s.clone()),
            Some(_) => return Err(ApiError::BadRequest("subject: expected a string".into())),
        };
        (text, subject, v.get("html").and_then(Value::as_bool).unwrap_or(false))
    } else {
        let decoded = input::decode(&body)
            .map_err(|e| ApiError::BadRequest(format!("the request body cannot be scanned: {e}")))?;
        (decoded.text.into_owned(), None, content_type.starts_with("text/html"))
    };
    let subject = subject.or_else(|| params.get("subject").map(str::to_owned));
    let loaded = shared.loaded();
    let report = tokio::task::spawn_blocking(move || scan_text(&loaded, &text, subject.as_deref(), html).1)
        .await
        .map_err(|e| ApiError::Internal(format!("scan task failed: {e}")))?;
    Ok(Json(report))
}
