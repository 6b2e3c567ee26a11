//! The read endpoints. Each parses its parameters first (a bad one is a 400 before any store
//! work), then runs one job on a pooled read connection under the request deadline.

use crate::error::ApiError;
use crate::json::{article_summary, event_json, object};
use crate::params::{Params, FILTER_PARAMS, MAX_LIMIT};
use crate::series::{bucket, Interval};
use crate::AppState;
use axum::extract::{Path, RawQuery, State};
use axum::Json;
use serde_json::{json, Value};
use sitrep_store::{ArticleInfo, Store};
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Instant;

type Reply = Result<Json<Value>, ApiError>;

fn with(names: &[&str], extra: &[&'static str]) -> Vec<&'static str> {
    let mut v: Vec<&'static str> = extra.to_vec();
    for n in names {
        if let Some(found) = FILTER_PARAMS.iter().find(|f| *f == n) {
            v.push(found);
        }
    }
    v
}

impl AppState {
    async fn read<T, F>(&self, job: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> sitrep_store::Result<T> + Send + 'static,
    {
        let deadline = Instant::now() + self.config.timeout;
        self.pool.read(deadline, self.config.timeout, job).await
    }
}

/// Article summaries for the events' articles, each looked up once.
fn summaries(
    store: &Store,
    ids: impl Iterator<Item = String>,
) -> sitrep_store::Result<HashMap<String, Option<ArticleInfo>>> {
    let mut out = HashMap::new();
    for id in ids {
        if let std::collections::hash_map::Entry::Vacant(slot) = out.entry(id) {
            let a = store.article(slot.key())?;
            slot.insert(a);
        }
    }
    Ok(out)
}

/// `GET /api/health`
pub async fn health(State(st): State<Arc<AppState>>, RawQuery(q): RawQuery) -> Reply {
    Params::parse(q.as_deref(), &[])?;
    let (events, articles) = st.read(|s| s.counts()).await?;
    Ok(Json(json!({
        "status": "ok",
        "events": events,
        "articles": articles,
        "coder_version": sitrep_pipeline::CODER_VERSION,
        "read_only": st.ingest.is_none(),
    })))
}

/// `GET /api/events`
pub async fn events(State(st): State<Arc<AppState>>, RawQuery(q): RawQuery) -> Reply {
    let allowed = with(FILTER_PARAMS, &["limit", "offset"]);
    let p = Params::parse(q.as_deref(), &allowed)?;
    let filter = p.filter()?;
    let limit = p.limit()?;
    let offset = p.uint("offset", 0, i64::MAX as u64)?;
    let (total, page, arts) = st
        .read(move |s| {
            let total = s.count(&filter)?;
            let page = s.query_page(&filter, offset, limit)?;
            let arts = summaries(s, page.iter().map(|e| e.event.article_id.clone()))?;
            Ok((total, page, arts))
        })
        .await?;
    let next = offset + page.len() as u64;
    let events: Vec<Value> = page
        .iter()
        .map(|e| {
            let id = &e.event.article_id;
            event_json(
                e,
                article_summary(arts.get(id).and_then(Option::as_ref), id),
            )
        })
        .collect();
    Ok(Json(json!({
        "total": total,
        "events": events,
        "next_offset": if next < total { Some(next) } else { None },
    })))
}

/// `GET /api/series`: serialised straight from the typed buckets (no intermediate JSON
/// value), since this is the endpoint the latency target is about.
pub async fn series(
    State(st): State<Arc<AppState>>,
    RawQuery(q): RawQuery,
) -> Result<Json<crate::series::Buckets>, ApiError> {
    let p = Params::parse(
        q.as_deref(),
        &["source", "target", "country", "from", "to", "interval"],
    )?;
    let interval = match p.str("interval") {
        None => Interval::Day,
        Some(i) => Interval::parse(i)
            .ok_or_else(|| ApiError::bad_param("interval", "expected day, week or month"))?,
    };
    let (from, to) = p.day_range()?;
    let (source, target, country) = (p.code("source")?, p.code("target")?, p.code("country")?);
    let rows = st
        .read(move |s| {
            s.series_rows(
                from,
                to,
                source.as_deref(),
                target.as_deref(),
                country.as_deref(),
            )
        })
        .await?;
    Ok(Json(bucket(&rows, interval)))
}

/// `GET /api/actors/top`
pub async fn top_actors(State(st): State<Arc<AppState>>, RawQuery(q): RawQuery) -> Reply {
    let p = Params::parse(q.as_deref(), &["by", "from", "to", "limit"])?;
    let limit = p.limit()?;
    let (from, to) = p.day_range()?;
    let by_country = match p.str("by") {
        None | Some("country") => true,
        Some("actor") => false,
        Some(_) => return Err(ApiError::bad_param("by", "expected country or actor")),
    };
    let filter = sitrep_store::Filter {
        from: p.date("from")?,
        to: p.date("to")?,
        ..sitrep_store::Filter::default()
    };
    let mut actors = st
        .read(move |s| {
            if by_country {
                s.top_countries(from, to, limit)
            } else {
                s.top_actors(&filter, limit)
            }
        })
        .await?;
    if by_country {
        for a in &mut actors {
            a.label = st.labels.get(&a.key).cloned();
        }
    }
    Ok(Json(
        json!({ "by": if by_country { "country" } else { "actor" }, "actors": actors }),
    ))
}

/// `GET /api/network`
pub async fn network(State(st): State<Arc<AppState>>, RawQuery(q): RawQuery) -> Reply {
    let p = Params::parse(q.as_deref(), &["from", "to", "min_events", "limit"])?;
    let limit = p.limit()?;
    let min_events = p.uint("min_events", 1, i64::MAX as u64)? as i64;
    let (from, to) = p.day_range()?;
    let edges = st
        .read(move |s| s.dyad_totals(from, to, min_events, limit))
        .await?;
    let mut nodes: Vec<(String, i64)> = Vec::new();
    for e in &edges {
        for (k, self_loop_second) in [(&e.source, false), (&e.target, e.source == e.target)] {
            if self_loop_second {
                continue;
            }
            match nodes.iter_mut().find(|(n, _)| n == k) {
                Some((_, c)) => *c += e.events,
                None => nodes.push((k.clone(), e.events)),
            }
        }
    }
    nodes.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let nodes: Vec<Value> = nodes
        .into_iter()
        .map(|(id, n)| json!({"id": id, "label": st.labels.get(&id), "events": n}))
        .collect();
    Ok(Json(json!({ "nodes": nodes, "edges": edges })))
}

/// `GET /api/locations`
pub async fn locations(State(st): State<Arc<AppState>>, RawQuery(q): RawQuery) -> Reply {
    let allowed = with(FILTER_PARAMS, &["limit"]);
    let p = Params::parse(q.as_deref(), &allowed)?;
    let filter = p.filter()?;
    let limit = p.limit()?;
    let points = st.read(move |s| s.location_points(&filter, limit)).await?;
    Ok(Json(json!({ "points": points })))
}

/// `GET /api/articles/{id}`
pub async fn article(
    State(st): State<Arc<AppState>>,
    Path(id): Path<String>,
    RawQuery(q): RawQuery,
) -> Reply {
    Params::parse(q.as_deref(), &[])?;
    if id.is_empty() || id.len() > 256 {
        return Err(ApiError::bad_param("id", "expected an article id"));
    }
    let key = id.clone();
    let (info, events) = st
        .read(move |s| {
            let info = s.article(&key)?;
            let events = match info {
                Some(_) => s.article_events(&key, MAX_LIMIT)?,
                None => Vec::new(),
            };
            Ok((info, events))
        })
        .await?;
    let Some(a) = info else {
        return Err(ApiError::new(
            axum::http::StatusCode::NOT_FOUND,
            "not_found",
            format!("no article with id {id:?}"),
        ));
    };
    let summary = article_summary(Some(&a), &a.id);
    let events: Vec<Value> = events
        .iter()
        .map(|e| event_json(e, summary.clone()))
        .collect();
    let article = object(vec![
        ("id", json!(a.id)),
        ("title", json!(a.title)),
        ("url", json!(a.url)),
        ("published", json!(a.published)),
        ("outlet", json!(a.outlet)),
        ("language", json!(a.language)),
        // The store keeps neither the byline nor the clean text (evidence sentences carry
        // what a reader needs); both are null, said so in the OpenAPI document.
        ("byline", Value::Null),
        ("text", Value::Null),
        ("text_stored", json!(false)),
        ("text_chars", json!(a.text_chars)),
        ("coder_version", json!(a.coder_version)),
    ]);
    Ok(Json(json!({ "article": article, "events": events })))
}
