//! sitrep-py: the Rust side of the `sitrep` Python package (module `sitrep._sitrep`).
//!
//! Thin by design: every document goes through the same library calls as `sitrep code`
//! (`sitrep_pipeline::api`), so the package's event JSON is byte for byte the CLI's. Python
//! values are converted while the GIL is held; the coding itself runs with the GIL released
//! ([`Python::detach`]) on a worker thread of the extension (`worker`: the calling thread's
//! malloc arena is the interpreter's), so other Python threads keep running and several
//! threads can code at once on one shared [`Pipeline`]. The pipeline is built once per
//! process, on first use.
//!
//! Events and extracted documents become dicts here (`topy`, no JSON round trip); the Python
//! wrapper (`python/sitrep/__init__.py`) turns the batch columns into a pyarrow `RecordBatch`;
//! no arrow crate is built on this side.

mod batch;
mod topy;
mod worker;

use pyo3::create_exception;
use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList, PyString};
use sitrep_doc::{Hints, PayloadKind, Skip};
use sitrep_pipeline::{api, Coded, Pipeline, PipelineOptions};
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

/// Extracts a document on a worker thread, the GIL released.
fn extracted(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
    format: Option<&str>,
    h: Hints,
) -> PyResult<sitrep_doc::Document> {
    let bytes = doc_bytes(data)?;
    let kind = parse_format(format)?;
    py.detach(move || {
        worker::run(move || {
            let rec = api::document_record(INPUT, bytes, kind, h, &Limits::default())?;
            api::extract(rec)
        })
    })
    .map_err(PyRuntimeError::new_err)?
    .map_err(skip_err)
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
    let doc = extracted(py, data, format, hints(id, url, title))?;
    Ok(api::ExtractJson::new(&doc).to_json())
}

/// Extracted document as a dict with the fields and values of `sitrep extract` JSON.
#[pyfunction]
#[pyo3(signature = (data, *, format=None, url=None, title=None, id=None))]
fn extract_dict<'py>(
    py: Python<'py>,
    data: &Bound<'_, PyAny>,
    format: Option<&str>,
    url: Option<String>,
    title: Option<String>,
    id: Option<String>,
) -> PyResult<Bound<'py, PyAny>> {
    let doc = extracted(py, data, format, hints(id, url, title))?;
    topy::to_py(py, &api::ExtractJson::new(&doc))
}

/// Codes one document on a worker thread, the GIL released.
fn coded(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
    published: Option<String>,
    format: Option<&str>,
    h: Hints,
) -> PyResult<Coded> {
    let bytes = doc_bytes(data)?;
    let kind = parse_format(format)?;
    let out = py.detach(move || {
        // Built on the calling thread, as the CLI builds it on its main thread: the models'
        // long-lived allocations then stay out of the arenas the workers code in.
        let p = pipeline()?;
        worker::run(move || {
            api::document_record(INPUT, bytes, kind, h, &Limits::default())
                .and_then(|rec| api::code_caught(p, rec, published.as_deref()))
        })
    });
    out.map_err(PyRuntimeError::new_err)?.map_err(skip_err)
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
    let coded = coded(py, data, published, format, hints(id, url, title))?;
    // Event JSON is built from Rust strings: always UTF-8.
    String::from_utf8(api::events_jsonl(&coded.events))
        .map_err(|e| PyRuntimeError::new_err(e.to_string()))
}

/// Coded events as a list of dicts with the fields and values of the CLI's JSON lines.
#[pyfunction]
#[pyo3(signature = (data, *, published=None, format=None, id=None, url=None, title=None))]
fn code_dicts<'py>(
    py: Python<'py>,
    data: &Bound<'_, PyAny>,
    published: Option<String>,
    format: Option<&str>,
    id: Option<String>,
    url: Option<String>,
    title: Option<String>,
) -> PyResult<Bound<'py, PyList>> {
    let coded = coded(py, data, published, format, hints(id, url, title))?;
    let list = PyList::empty(py);
    for e in &coded.events {
        list.append(topy::to_py(py, e)?)?;
    }
    Ok(list)
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
    m.add_function(wrap_pyfunction!(extract_dict, m)?)?;
    m.add_function(wrap_pyfunction!(code_jsonl, m)?)?;
    m.add_function(wrap_pyfunction!(code_dicts, m)?)?;
    m.add_function(wrap_pyfunction!(batch::code_columns, m)?)?;
    m.add_function(wrap_pyfunction!(load, m)?)?;
    m.add_function(wrap_pyfunction!(coder_version, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
