//! The API's error body and the crate's startup error.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use std::path::PathBuf;

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The store file is missing: serving an empty, newly created store would hide a typo.
    #[error("{0}: no such store (create it with `sitrep ingest --db {0}`)")]
    NoStore(PathBuf),
    /// The store could not be opened or brought up to date.
    #[error(transparent)]
    Store(#[from] sitrep_store::Error),
    /// The coder (for the ingest endpoint) failed to load.
    #[error("building the coder: {0}")]
    Pipeline(#[from] sitrep_pipeline::Error),
    /// Binding or serving failed.
    #[error("{what}: {source}")]
    Io {
        /// What was being done.
        what: String,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
}

/// An error answer: `{"error": {"code": "<snake_case>", "message": "..."}}` with its status.
/// Codes are stable and part of the interface (listed in the OpenAPI document).
#[derive(Debug, Clone)]
pub struct ApiError {
    /// HTTP status.
    pub status: StatusCode,
    /// Stable snake_case code.
    pub code: &'static str,
    /// Human-readable detail.
    pub message: String,
}

impl ApiError {
    /// An error with `status`, `code` and `message`.
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            code,
            message: message.into(),
        }
    }

    /// 400 for a parameter that cannot be used.
    pub fn bad_param(name: &str, detail: impl std::fmt::Display) -> ApiError {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "bad_parameter",
            format!("{name}: {detail}"),
        )
    }

    /// 503 for a request past its time budget.
    pub fn timeout(ms: u128) -> ApiError {
        ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "timeout",
            format!("the request took longer than its {ms} ms budget and was stopped"),
        )
    }

    /// 500; the detail is logged to stderr, the client gets a generic message (paths of
    /// the server's files are not the client's business).
    pub fn internal(detail: impl std::fmt::Display) -> ApiError {
        eprintln!("sitrep serve: internal error: {detail}");
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "internal error (details are in the server's log)",
        )
    }

    /// The error for a failed store read: a bad filter is the client's, the rest ours.
    pub fn from_store(e: sitrep_store::Error, timeout_ms: u128) -> ApiError {
        match e {
            sitrep_store::Error::BadFilter(m) => {
                ApiError::new(StatusCode::BAD_REQUEST, "bad_parameter", m)
            }
            e if e.is_interrupted() => ApiError::timeout(timeout_ms),
            e => ApiError::internal(e),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::json!({"error": {"code": self.code, "message": self.message}});
        (self.status, axum::Json(body)).into_response()
    }
}
