//! sitrep-py: the Rust side of the `sitrep` Python package (module `sitrep._sitrep`).
//!
//! Thin by design: every document goes through the same library calls as `sitrep code`
//! (`sitrep_pipeline::api`), so the package's event JSON is byte for byte the CLI's. Python
//! values are converted while the GIL is held; the coding itself runs with the GIL released
//! ([`Python::detach`]), so other Python threads keep running and several threads can code at
//! once on one shared [`Pipeline`]. The pipeline is built once per process, on first use.
//!
//! The Python wrapper (`python/sitrep/__init__.py`) turns the JSON into dicts and the batch
//! columns into a pyarrow `RecordBatch`; no arrow crate is built on this side.

mod batch;

use pyo3::create_exception;
use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};
use sitrep_doc::{Hints, PayloadKind, Skip};
use sitrep_pipeline::{api, Pipeline, PipelineOptions};
use sitrep_sources::Limits;
use std::sync::OnceLock;

create_exception!(
    _sitrep,
    SkipError,
    PyValueError,
    "A document that could not be coded; args are (reason, detail), reason a stable snake_case name."
);

/// Label of single documents in skips and in extracted JSON (`input`).
const INPUT: &str = "<python>";

/// One pipeline per process: models and tables are read-only and shared by every thread.
static PIPELINE: OnceLock<Result<Pipeline, String>> = OnceLock::new();

/// The process's pipeline, built on first use. Call without the GIL held: building takes
/// about 100 ms and other Python threads should not wait on it.
pub fn pipeline() -> Result<&'static Pipeline, String> {
    PIPELINE
        .get_or_init(|| Pipeline::new(&PipelineOptions::default()).map_err(|e| e.to_string()))
        .as_ref()
        .map_err(Clone::clone)
}

/// A document as Python gave it: a `str` is coded as its UTF-8 bytes, `bytes` as they are
/// (charset detection applies, as for a file).
pub(crate) fn doc_bytes(obj: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
    if let Ok(s) = obj.cast::<PyString>() {
        // A str with lone surrogates has no UTF-8 form: say so instead of guessing.
        return s
            .to_str()
            .map(|s| s.as_bytes().to_vec())
            .map_err(|_| SkipError::new_err(("invalid_utf8", "the str holds lone surrogates")));
    }
    if let Ok(b) = obj.cast::<PyBytes>() {
        return Ok(b.as_bytes().to_vec());
    }
    Err(PyTypeError::new_err(format!(
        "expected str or bytes, got {}",
        obj.get_type().name()?
    )))
}

/// `format=` as a payload kind; `None` detects (markup is HTML).
pub(crate) fn parse_format(format: Option<&str>) -> PyResult<Option<PayloadKind>> {
    match format {
        None => Ok(None),
        Some("text") => Ok(Some(PayloadKind::Text)),
        Some("html") => Ok(Some(PayloadKind::Html)),
        Some(other) => Err(PyValueError::new_err(format!(
            "format must be 'text', 'html' or None, not {other:?}"
        ))),
    }
}

fn skip_err(skip: Skip) -> PyErr {
    SkipError::new_err((skip.reason.as_str(), skip.detail))
}

fn hints(id: Option<String>, url: Option<String>, title: Option<String>) -> Hints {
    Hints {
        id,
        url,
        title,
        ..Hints::default()
    }
}

/// Extracted document as the JSON text of `sitrep extract`.
#[pyfunction]
#[pyo3(signature = (data, *, format=None, url=None, title=None, id=None))]
fn extract_json(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
    format: Option<&str>,
    url: Option<String>,
    title: Option<String>,
    id: Option<String>,
) -> PyResult<String> {
    let bytes = doc_bytes(data)?;
    let kind = parse_format(format)?;
    let h = hints(id, url, title);
    py.detach(move || {
        let rec = api::document_record(INPUT, bytes, kind, h, &Limits::default())?;
        let doc = api::extract(rec)?;
        Ok(api::ExtractJson::new(&doc).to_json())
    })
    .map_err(skip_err)
}

/// Coded events as the JSON lines `sitrep code` prints for this document.
#[pyfunction]
#[pyo3(signature = (data, *, published=None, format=None, id=None, url=None, title=None))]
fn code_jsonl(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
    published: Option<String>,
    format: Option<&str>,
    id: Option<String>,
    url: Option<String>,
    title: Option<String>,
) -> PyResult<String> {
    let bytes = doc_bytes(data)?;
    let kind = parse_format(format)?;
    let h = hints(id, url, title);
    let out = py.detach(move || -> Result<Result<Vec<u8>, Skip>, String> {
        let p = pipeline()?;
        Ok((|| {
            let rec = api::document_record(INPUT, bytes, kind, h, &Limits::default())?;
            let coded = api::code_caught(p, rec, published.as_deref())?;
            Ok(api::events_jsonl(&coded.events))
        })())
    });
    let jsonl = out.map_err(PyRuntimeError::new_err)?.map_err(skip_err)?;
    // Event JSON is built from Rust strings: always UTF-8.
    String::from_utf8(jsonl).map_err(|e| PyRuntimeError::new_err(e.to_string()))
}

/// Builds the process's pipeline now (it is otherwise built on first use).
#[pyfunction]
fn load(py: Python<'_>) -> PyResult<()> {
    py.detach(|| pipeline().map(|_| ()))
        .map_err(PyRuntimeError::new_err)
}

/// The coder version stamped on results.
#[pyfunction]
fn coder_version() -> &'static str {
    sitrep_pipeline::CODER_VERSION
}

#[pymodule]
fn _sitrep(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("SkipError", m.py().get_type::<SkipError>())?;
    m.add_function(wrap_pyfunction!(extract_json, m)?)?;
    m.add_function(wrap_pyfunction!(code_jsonl, m)?)?;
    m.add_function(wrap_pyfunction!(batch::code_columns, m)?)?;
    m.add_function(wrap_pyfunction!(load, m)?)?;
    m.add_function(wrap_pyfunction!(coder_version, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
