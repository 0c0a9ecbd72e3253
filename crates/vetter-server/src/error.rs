//! One error type for every handler: user errors are 4xx with a message, internal errors 5xx and a log line.
//!
//! Wire format, for every error: `{"status": 400, "code": "bad_request", "detail": "queries.q1.schema: unknown schema `Foo`"}`.
//! `detail` is also what yente's (FastAPI) errors carry, so yente clients show it.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

/// An error a handler returns.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// The request is malformed or asks for something invalid (400).
    #[error("{0}")]
    BadRequest(String),
    /// An API key is required and missing or wrong (401).
    #[error("{0}")]
    Unauthorized(String),
    /// No such entity or dataset (404).
    #[error("{0}")]
    NotFound(String),
    /// The body is larger than the server accepts (413).
    #[error("{0}")]
    TooLarge(String),
    /// The body's content type is not one the endpoint reads (415).
    #[error("{0}")]
    UnsupportedMediaType(String),
    /// The index cannot be used right now (503).
    #[error("{0}")]
    Unavailable(String),
    /// A bug or an IO failure (500); logged.
    #[error("{0}")]
    Internal(String),
}

/// The JSON body of an error.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    /// The HTTP status code.
    pub status: u16,
    /// A stable code: `bad_request`, `unauthorized`, `not_found`, `payload_too_large`, `unsupported_media_type`,
    /// `unavailable`, `internal`.
    pub code: &'static str,
    /// What went wrong, naming the field when a field is at fault.
    pub detail: String,
}

impl ApiError {
    /// The status and stable code.
    pub fn status_code(&self) -> (StatusCode, &'static str) {
        match self {
            ApiError::BadRequest(_) => (StatusCode::BAD_REQUEST, "bad_request"),
            ApiError::Unauthorized(_) => (StatusCode::UNAUTHORIZED, "unauthorized"),
            ApiError::NotFound(_) => (StatusCode::NOT_FOUND, "not_found"),
            ApiError::TooLarge(_) => (StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large"),
            ApiError::UnsupportedMediaType(_) => (StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type"),
            ApiError::Unavailable(_) => (StatusCode::SERVICE_UNAVAILABLE, "unavailable"),
            ApiError::Internal(_) => (StatusCode::INTERNAL_SERVER_ERROR, "internal"),
        }
    }

    /// The error as a JSON body.
    pub fn body(&self) -> ErrorBody {
        let (status, code) = self.status_code();
        ErrorBody { status: status.as_u16(), code, detail: self.to_string() }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        if let ApiError::Internal(message) = &self {
            tracing::error!(error = %message, "internal error");
        }
        let (status, _) = self.status_code();
        (status, axum::Json(self.body())).into_response()
    }
}

/// Maps a body that could not be read (too large, cut off) to an [`ApiError`].
impl From<axum::extract::rejection::BytesRejection> for ApiError {
    fn from(rejection: axum::extract::rejection::BytesRejection) -> ApiError {
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::TooLarge(format!("the request body is too large: {}", rejection.body_text()))
        } else {
            ApiError::BadRequest(format!("the request body could not be read: {}", rejection.body_text()))
        }
    }
}

/// Maps a query string that could not be parsed to an [`ApiError`].
impl From<axum::extract::rejection::QueryRejection> for ApiError {
    fn from(rejection: axum::extract::rejection::QueryRejection) -> ApiError {
        ApiError::BadRequest(format!("query string: {}", rejection.body_text()))
    }
}

/// A JSON body parsed to a value, with a 4xx [`ApiError`] for malformed JSON.
pub fn parse_json(bytes: &[u8]) -> Result<serde_json::Value, ApiError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ApiError::BadRequest("the request body is empty; a JSON object is expected".into()));
    }
    serde_json::from_slice(bytes).map_err(|e| ApiError::BadRequest(format!("the request body is not valid JSON: {e}")))
}
