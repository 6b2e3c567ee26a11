//! The dashboard files, embedded in the binary so `sitrep serve` needs nothing beside it,
//! and the OpenAPI document.

use crate::error::ApiError;
use axum::extract::Path;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;

const INDEX: &str = include_str!("../assets/index.html");
const APP_JS: &str = include_str!("../assets/app.js");
const APP_CSS: &str = include_str!("../assets/app.css");
const LAND: &str = include_str!("../assets/land.json");

fn page(body: &'static str, content_type: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        body,
    )
        .into_response()
}

/// `GET /`
pub async fn index() -> Response {
    page(INDEX, "text/html; charset=utf-8")
}

/// `GET /assets/{file}`
pub async fn file(Path(name): Path<String>) -> Response {
    match name.as_str() {
        "index.html" => page(INDEX, "text/html; charset=utf-8"),
        "app.js" => page(APP_JS, "text/javascript; charset=utf-8"),
        "app.css" => page(APP_CSS, "text/css; charset=utf-8"),
        "land.json" => page(LAND, "application/json"),
        _ => ApiError::new(StatusCode::NOT_FOUND, "not_found", "no such asset").into_response(),
    }
}

/// `GET /api/openapi.json`
pub async fn openapi() -> Json<serde_json::Value> {
    Json(crate::openapi::document())
}
