//! `POST /api/ingest`: the same path as `sitrep ingest` (read records, extract, code, store in
//! one transaction with content-hash ids, so resending the same documents changes nothing),
//! guarded by a bearer token and bounded in body size and time.

use crate::error::ApiError;
use crate::params::Params;
use crate::AppState;
use axum::body::Body;
use axum::extract::{RawQuery, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;
use sitrep_pipeline::{Pipeline, CODER_VERSION};
use sitrep_sources::{InputFormat, SourceItem, SourceOptions};
use sitrep_store::{ArticleRow, CodedArticle, Store, WriteCounts};
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Instant, SystemTime, UNIX_EPOCH};

/// What the ingest endpoint needs: the token, the coder and the one writing connection.
pub struct Ingest {
    pub(crate) token: String,
    pub(crate) pipeline: Pipeline,
    pub(crate) writer: Mutex<Store>,
    /// One ingest at a time: coding is CPU-bound and the store has one writer anyway.
    pub(crate) busy: Arc<tokio::sync::Semaphore>,
}

/// Compare without an early exit, so response time does not reveal how much of a guessed
/// token was right.
fn same_token(a: &[u8], b: &[u8]) -> bool {
    let mut diff = a.len() ^ b.len();
    for (i, x) in a.iter().enumerate() {
        diff |= usize::from(x ^ b.get(i % b.len().max(1)).copied().unwrap_or(0));
    }
    diff == 0
}

// The error is the finished response (with its WWW-Authenticate header); it is made once per
// refused request, so its size does not matter.
#[allow(clippy::result_large_err)]
fn check_token(headers: &HeaderMap, token: &str) -> Result<(), Response> {
    let unauthorized = |code, msg: &str, status| {
        let mut r = ApiError::new(status, code, msg).into_response();
        r.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            header::HeaderValue::from_static("Bearer"),
        );
        r
    };
    let Some(value) = headers.get(header::AUTHORIZATION) else {
        return Err(unauthorized(
            "unauthorized",
            "ingest needs an Authorization: Bearer <token> header",
            StatusCode::UNAUTHORIZED,
        ));
    };
    let given = value.as_bytes().strip_prefix(b"Bearer ").unwrap_or(b"");
    if !same_token(given, token.as_bytes()) {
        return Err(unauthorized(
            "forbidden",
            "the token does not match the one the server was started with",
            StatusCode::FORBIDDEN,
        ));
    }
    Ok(())
}

/// What one ingest request did.
#[derive(Debug, Default, serde::Serialize)]
struct Counts {
    records: u64,
    articles: u64,
    articles_new: u64,
    articles_present: u64,
    events: u64,
    events_new: u64,
    events_present: u64,
    skipped: BTreeMap<&'static str, u64>,
}

/// Read, code and store `body`; stops (storing nothing) once past `deadline` or `abandoned`.
fn ingest_body(
    ing: &Ingest,
    body: Vec<u8>,
    format: InputFormat,
    published: Option<String>,
    deadline: Instant,
    abandoned: &AtomicBool,
) -> Result<Counts, ApiError> {
    let opts = SourceOptions {
        format: Some(format),
        ..SourceOptions::default()
    };
    let mut counts = Counts::default();
    let mut batch = Vec::new();
    let late = || Instant::now() > deadline || abandoned.load(Ordering::Relaxed);
    for item in sitrep_sources::open_reader("api", std::io::Cursor::new(body), &opts) {
        if late() {
            return Err(ApiError::timeout(0));
        }
        counts.records += 1;
        let rec = match item {
            SourceItem::Record(r) => r,
            SourceItem::Skipped(s) => {
                *counts.skipped.entry(s.reason.as_str()).or_default() += 1;
                continue;
            }
        };
        // A panic in a stage is a bug, but it costs this record only, as in `sitrep ingest`.
        let coded = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            ing.pipeline.code(rec, published.as_deref())
        }));
        match coded {
            Ok(Ok(c)) => {
                counts.articles += 1;
                counts.events += c.events.len() as u64;
                let mut article = ArticleRow::from_document(&c.doc);
                // The date given for the request overrides the article's own, for the stored
                // article as for the coding (the API shows it as the article's date).
                if let Some(p) = &published {
                    article.published = Some(p.clone());
                }
                batch.push(CodedArticle {
                    article,
                    events: c.events,
                });
            }
            Ok(Err(skip)) => *counts.skipped.entry(skip.reason.as_str()).or_default() += 1,
            Err(_) => *counts.skipped.entry("internal_panic").or_default() += 1,
        }
    }
    let added = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    let mut store = ing
        .writer
        .lock()
        .map_err(|_| ApiError::internal("writer lock poisoned"))?;
    if late() {
        return Err(ApiError::timeout(0));
    }
    let w: WriteCounts = store
        .write_batch(&batch, &[], CODER_VERSION, added)
        .map_err(ApiError::internal)?;
    counts.articles_new = w.articles_new;
    counts.articles_present = w.articles_present;
    counts.events_new = w.events_new;
    counts.events_present = w.events_present;
    Ok(counts)
}

/// `POST /api/ingest`
pub async fn ingest(
    State(st): State<Arc<AppState>>,
    RawQuery(q): RawQuery,
    headers: HeaderMap,
    body: Body,
) -> Response {
    match ingest_inner(st, q, headers, body).await {
        Ok(r) | Err(r) => r,
    }
}

async fn ingest_inner(
    st: Arc<AppState>,
    q: Option<String>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, Response> {
    let Some(ing) = st.ingest.clone() else {
        return Err(ApiError::new(
            StatusCode::METHOD_NOT_ALLOWED,
            "read_only",
            "this server is read-only: start `sitrep serve` with --token to accept ingests",
        )
        .into_response());
    };
    check_token(&headers, &ing.token)?;
    let bad = |e: ApiError| e.into_response();
    let p = Params::parse(q.as_deref(), &["published", "format"]).map_err(bad)?;
    let published = match p.str("published") {
        None => None,
        Some(d) if sitrep_store::day_number(d).is_some_and(|n| n % 100 != 0) => Some(d.to_string()),
        Some(_) => return Err(bad(ApiError::bad_param("published", "expected YYYY-MM-DD"))),
    };
    let format = match p.str("format").unwrap_or("text") {
        "text" => InputFormat::Text,
        "html" => InputFormat::Html,
        "jsonl" => InputFormat::Jsonl,
        _ => {
            return Err(bad(ApiError::bad_param(
                "format",
                "expected text, html or jsonl",
            )))
        }
    };
    let max = st.config.max_body;
    let too_large = || {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "body_too_large",
            format!("the body is larger than this server's limit of {max} bytes (--max-body)"),
        )
        .into_response()
    };
    // A declared length over the limit is refused before reading a byte of it.
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > max as u64) {
        return Err(too_large());
    }
    let budget = st.config.timeout;
    let deadline = Instant::now() + budget;
    let ms = budget.as_millis();
    let left = || deadline.saturating_duration_since(Instant::now());
    let bytes = match tokio::time::timeout(left(), axum::body::to_bytes(body, max)).await {
        Err(_) => return Err(ApiError::timeout(ms).into_response()),
        Ok(Err(_)) => return Err(too_large()),
        Ok(Ok(b)) => b.to_vec(),
    };
    let turn = match tokio::time::timeout(left(), ing.busy.clone().acquire_owned()).await {
        Ok(Ok(permit)) => permit,
        Ok(Err(_)) => return Err(ApiError::internal("ingest closed").into_response()),
        Err(_) => return Err(ApiError::timeout(ms).into_response()),
    };
    let abandoned = Arc::new(AtomicBool::new(false));
    let (ing2, flag) = (ing.clone(), abandoned.clone());
    // The turn moves into the task, so a timed-out ingest still holds it until it has
    // really stopped.
    let task = tokio::task::spawn_blocking(move || {
        let out = ingest_body(&ing2, bytes, format, published, deadline, &flag);
        drop(turn);
        out
    });
    match tokio::time::timeout(left(), task).await {
        Ok(Ok(Ok(counts))) => Ok(Json(json!(counts)).into_response()),
        Ok(Ok(Err(e))) if e.code == "timeout" => Err(ApiError::timeout(ms).into_response()),
        Ok(Ok(Err(e))) => Err(e.into_response()),
        Ok(Err(e)) => Err(ApiError::internal(format!("ingest task failed: {e}")).into_response()),
        Err(_) => {
            abandoned.store(true, Ordering::Relaxed);
            Err(ApiError::timeout(ms).into_response())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_token_needs_every_byte() {
        assert!(same_token(b"s3cret", b"s3cret"));
        assert!(!same_token(b"s3cre", b"s3cret"));
        assert!(!same_token(b"s3cret!", b"s3cret"));
        assert!(!same_token(b"S3cret", b"s3cret"));
        assert!(!same_token(b"", b"s3cret"));
    }
}
