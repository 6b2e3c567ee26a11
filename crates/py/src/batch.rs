//! The batch call behind `sitrep.code_batch`: documents in as column lists, events out as
//! column lists (the Python wrapper builds the Arrow record batch on both ends).
//!
//! A `str` cell is read as a JSONL field is read (`api::row_record`), so a table coded here
//! gives the same records, ids and events as the same rows written as JSONL and coded by
//! `sitrep code`. A `bytes` cell is read as a file's content (`api::document_record`: empty,
//! binary and oversize bytes are skips, charsets are detected). A document that cannot be
//! coded is a skip `(row, reason, detail)` in the result, never an exception: one bad
//! document must not fail a Spark task.

use crate::{parse_format, pipeline, worker};
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyString};
use sitrep_doc::{Event, Hints, PayloadKind, RawRecord, Skip, SkipReason};
use sitrep_pipeline::{api, Pipeline};
use sitrep_sources::Limits;

/// Label of batch rows in skips.
const INPUT: &str = "batch";

/// One document cell as read under the GIL.
enum Cell {
    Null,
    Str(String),
    Bytes(Vec<u8>),
    /// Unreadable as either (a str with lone surrogates, another type): a skip.
    Bad(SkipReason, String),
}

fn cell(obj: Option<&Bound<'_, PyAny>>) -> Cell {
    let Some(obj) = obj else { return Cell::Null };
    if let Ok(s) = obj.cast::<PyString>() {
        return match s.to_str() {
            Ok(s) => Cell::Str(s.to_string()),
            Err(_) => Cell::Bad(
                SkipReason::InvalidUtf8,
                "the str holds lone surrogates".into(),
            ),
        };
    }
    if let Ok(b) = obj.cast::<PyBytes>() {
        return Cell::Bytes(b.as_bytes().to_vec());
    }
    let ty = obj
        .get_type()
        .name()
        .map_or_else(|_| "?".to_string(), |n| n.to_string());
    Cell::Bad(
        SkipReason::Unreadable,
        format!("the document is a {ty}, not str or bytes"),
    )
}

/// The metadata columns of a batch, each as long as the text column when given.
struct Meta {
    html: Option<Vec<Option<String>>>,
    id: Option<Vec<Option<String>>>,
    url: Option<Vec<Option<String>>>,
    title: Option<Vec<Option<String>>>,
    published: Option<Vec<Option<String>>>,
    site: Option<Vec<Option<String>>>,
}

fn take(col: &mut Option<Vec<Option<String>>>, i: usize) -> Option<String> {
    col.as_mut()
        .and_then(|c| c.get_mut(i))
        .and_then(Option::take)
}

/// The record of row `i`, or why there is none.
fn record(
    i: usize,
    cell: Cell,
    meta: &mut Meta,
    kind: Option<PayloadKind>,
) -> Result<RawRecord, Skip> {
    let row = i as u64;
    let mut fields = api::Row {
        id: take(&mut meta.id, i),
        url: take(&mut meta.url, i),
        title: take(&mut meta.title, i),
        published: take(&mut meta.published, i),
        site: take(&mut meta.site, i),
        text: None,
        html: take(&mut meta.html, i),
    };
    match cell {
        Cell::Bad(reason, detail) => Err(Skip {
            input: INPUT.into(),
            record: Some(row),
            reason,
            detail,
        }),
        Cell::Bytes(bytes) => {
            let hints = Hints {
                id: fields.id,
                url: fields.url,
                title: fields.title,
                published: fields.published,
                site: fields.site,
                charset: None,
            };
            api::document_record(INPUT, bytes, kind, hints, &Limits::default())
                .map(|mut rec| {
                    rec.record = row;
                    rec
                })
                .map_err(|mut skip| {
                    skip.record = Some(row);
                    skip
                })
        }
        Cell::Str(s) => {
            if kind == Some(PayloadKind::Html) {
                fields.html = Some(s);
            } else {
                fields.text = Some(s);
            }
            api::row_record(INPUT, row, fields)
        }
        Cell::Null => api::row_record(INPUT, row, fields),
    }
}

/// Event rows as columns.
#[derive(Default)]
struct Columns {
    event_id: Vec<String>,
    article_id: Vec<String>,
    source_text: Vec<String>,
    source_code: Vec<String>,
    source_country: Vec<Option<String>>,
    source_sector: Vec<Vec<String>>,
    target_text: Vec<Option<String>>,
    target_code: Vec<Option<String>>,
    target_country: Vec<Option<String>>,
    target_sector: Vec<Option<Vec<String>>>,
    cameo_code: Vec<String>,
    cameo_root: Vec<String>,
    cameo_name: Vec<String>,
    goldstein: Vec<Option<f64>>,
    quad_class: Vec<u8>,
    plover_event_type: Vec<String>,
    plover_mode: Vec<Option<String>>,
    negated: Vec<bool>,
    modality: Vec<String>,
    attributed_to: Vec<Option<String>>,
    date: Vec<Option<String>>,
    date_text: Vec<Option<String>>,
    date_basis: Vec<String>,
    location_name: Vec<Option<String>>,
    location_country: Vec<Option<String>>,
    location_lat: Vec<Option<f64>>,
    location_lon: Vec<Option<f64>>,
    confidence: Vec<f32>,
    evidence: Vec<String>,
    mentions: Vec<u32>,
    event_json: Option<Vec<String>>,
}

impl Columns {
    fn push(&mut self, e: &Event) {
        self.event_id.push(e.event_id.clone());
        self.article_id.push(e.article_id.clone());
        self.source_text.push(e.source.text.clone());
        self.source_code.push(e.source.code.clone());
        self.source_country.push(e.source.country.clone());
        self.source_sector.push(e.source.sector.clone());
        let t = e.target.as_ref();
        self.target_text.push(t.map(|t| t.text.clone()));
        self.target_code.push(t.map(|t| t.code.clone()));
        self.target_country.push(t.and_then(|t| t.country.clone()));
        self.target_sector.push(t.map(|t| t.sector.clone()));
        self.cameo_code.push(e.cameo.code.clone());
        self.cameo_root.push(e.cameo.root.clone());
        self.cameo_name.push(e.cameo.name.clone());
        self.goldstein.push(e.cameo.goldstein.map(f64::from));
        self.quad_class.push(e.cameo.quad_class);
        self.plover_event_type.push(e.plover.event_type.clone());
        self.plover_mode.push(e.plover.mode.clone());
        self.negated.push(e.negated);
        self.modality.push(e.modality.clone());
        self.attributed_to
            .push(e.attributed_to.as_ref().map(|a| a.text.clone()));
        self.date.push(e.date.clone());
        self.date_text.push(e.date_text.clone());
        self.date_basis.push(e.date_basis.clone());
        let l = e.location.as_ref();
        self.location_name.push(l.map(|l| l.name.clone()));
        self.location_country
            .push(l.and_then(|l| l.country.clone()));
        self.location_lat.push(l.and_then(|l| l.lat));
        self.location_lon.push(l.and_then(|l| l.lon));
        self.confidence.push(e.confidence);
        // Evidence is nested (sentences, offsets, rules): one JSON text keeps it whole in any
        // engine's table.
        self.evidence
            .push(serde_json::to_string(&e.evidence).expect("evidence serialises"));
        self.mentions.push(e.mentions);
        if let Some(j) = &mut self.event_json {
            j.push(api::event_json(e));
        }
    }

    fn into_dict<'py>(self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("event_id", self.event_id)?;
        d.set_item("article_id", self.article_id)?;
        d.set_item("source_text", self.source_text)?;
        d.set_item("source_code", self.source_code)?;
        d.set_item("source_country", self.source_country)?;
        d.set_item("source_sector", self.source_sector)?;
        d.set_item("target_text", self.target_text)?;
        d.set_item("target_code", self.target_code)?;
        d.set_item("target_country", self.target_country)?;
        d.set_item("target_sector", self.target_sector)?;
        d.set_item("cameo_code", self.cameo_code)?;
        d.set_item("cameo_root", self.cameo_root)?;
        d.set_item("cameo_name", self.cameo_name)?;
        d.set_item("goldstein", self.goldstein)?;
        d.set_item("quad_class", self.quad_class)?;
        d.set_item("plover_event_type", self.plover_event_type)?;
        d.set_item("plover_mode", self.plover_mode)?;
        d.set_item("negated", self.negated)?;
        d.set_item("modality", self.modality)?;
        d.set_item("attributed_to", self.attributed_to)?;
        d.set_item("date", self.date)?;
        d.set_item("date_text", self.date_text)?;
        d.set_item("date_basis", self.date_basis)?;
        d.set_item("location_name", self.location_name)?;
        d.set_item("location_country", self.location_country)?;
        d.set_item("location_lat", self.location_lat)?;
        d.set_item("location_lon", self.location_lon)?;
        d.set_item("confidence", self.confidence)?;
        d.set_item("evidence", self.evidence)?;
        d.set_item("mentions", self.mentions)?;
        if let Some(j) = self.event_json {
            d.set_item("event_json", j)?;
        }
        Ok(d)
    }
}

type SkipRow = (u64, &'static str, String);

/// Codes every row. Each document is coded on a worker thread (`crate::worker`) while this
/// thread keeps the batch's columns, as the CLI's workers code and its main thread writes: the
/// columns grow through the whole batch, and in the coder's arena their strings scattered the
/// heap that its short-lived allocations search (`_int_malloc` took 10% of the CPU time).
fn code_all(
    p: &'static Pipeline,
    cells: Vec<Cell>,
    mut meta: Meta,
    kind: Option<PayloadKind>,
    published: Option<String>,
    include_json: bool,
) -> Result<(Columns, Vec<SkipRow>), String> {
    let mut cols = Columns {
        event_json: include_json.then(Vec::new),
        ..Columns::default()
    };
    let mut skips = Vec::new();
    for (i, c) in cells.into_iter().enumerate() {
        let rec = record(i, c, &mut meta, kind);
        let published = published.clone();
        let coded = worker::run(move || {
            rec.and_then(|rec| api::code_caught(p, rec, published.as_deref()))
                .map(|coded| coded.events)
        })?;
        match coded {
            Ok(events) => events.iter().for_each(|e| cols.push(e)),
            Err(skip) => skips.push((i as u64, skip.reason.as_str(), skip.detail)),
        }
    }
    Ok((cols, skips))
}

fn check_len(name: &str, col: &Option<Vec<Option<String>>>, n: usize) -> PyResult<()> {
    match col {
        Some(c) if c.len() != n => Err(PyValueError::new_err(format!(
            "column {name} has {} values for {n} documents",
            c.len()
        ))),
        _ => Ok(()),
    }
}

/// Codes a column of documents; returns `(columns, skips)`: a dict of event column lists and
/// a list of `(row, reason, detail)` for the documents that gave no coding.
#[pyfunction]
#[pyo3(signature = (texts, *, htmls=None, ids=None, urls=None, titles=None, published=None, sites=None, published_override=None, format=None, include_json=false))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn code_columns<'py>(
    py: Python<'py>,
    texts: Vec<Option<Bound<'py, PyAny>>>,
    htmls: Option<Vec<Option<String>>>,
    ids: Option<Vec<Option<String>>>,
    urls: Option<Vec<Option<String>>>,
    titles: Option<Vec<Option<String>>>,
    published: Option<Vec<Option<String>>>,
    sites: Option<Vec<Option<String>>>,
    published_override: Option<String>,
    format: Option<&str>,
    include_json: bool,
) -> PyResult<(Bound<'py, PyDict>, Vec<SkipRow>)> {
    let kind = parse_format(format)?;
    let n = texts.len();
    let meta = Meta {
        html: htmls,
        id: ids,
        url: urls,
        title: titles,
        published,
        site: sites,
    };
    for (name, col) in [
        ("html", &meta.html),
        ("id", &meta.id),
        ("url", &meta.url),
        ("title", &meta.title),
        ("published", &meta.published),
        ("site", &meta.site),
    ] {
        check_len(name, col, n)?;
    }
    let cells: Vec<Cell> = texts.iter().map(|t| cell(t.as_ref())).collect();
    drop(texts);
    let (cols, skips) = py
        .detach(move || {
            // Built on the calling thread, out of the workers' arenas (see `crate::worker`).
            let p = pipeline()?;
            code_all(p, cells, meta, kind, published_override, include_json)
        })
        .map_err(PyRuntimeError::new_err)?;
    Ok((cols.into_dict(py)?, skips))
}
