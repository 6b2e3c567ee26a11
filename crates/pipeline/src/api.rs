//! The library entry points that the CLI, the Python package and the queue workers share, so
//! that one document gives the same record, the same ids and the same JSON bytes whichever
//! of them codes it.
//!
//! - [`document_record`]: one document's bytes (a file's content, a Python argument, a
//!   message) -> a [`RawRecord`], through the same reader the CLI uses for a text or HTML file
//!   (empty, binary and oversize inputs are skips there and here).
//! - [`row_record`]: one document given as fields (a JSONL object, an Arrow row) -> a record,
//!   the code path of the CLI's JSONL reader.
//! - [`code_caught`]: [`Pipeline::code`] with a panic turned into an `internal_panic` skip.
//! - [`event_json`], [`events_jsonl`], [`ExtractJson`]: the public JSON of `sitrep code` and
//!   `sitrep extract`.

use crate::{Coded, Pipeline};
use serde::Serialize;
use sitrep_doc::{Document, Dropped, Event, Hints, PayloadKind, RawRecord, Skip, SkipReason};
use sitrep_extract::{ExtractOptions, Extractor};
use sitrep_sources::{InputFormat, Limits, SourceItem, SourceOptions};
use std::panic::{catch_unwind, AssertUnwindSafe};

pub use sitrep_sources::{row_record, Row};

/// The record for one document's `bytes`, read as a text or HTML file is read by `sitrep`
/// (`kind` `None`: HTML when the bytes start like markup, else text), with the container's
/// `hints` attached. `input` labels the record in skips. Bytes over `limits` are a skip.
pub fn document_record(
    input: &str,
    bytes: Vec<u8>,
    kind: Option<PayloadKind>,
    hints: Hints,
    limits: &Limits,
) -> Result<RawRecord, Skip> {
    let kind = kind.unwrap_or_else(|| sitrep_sources::sniff_document(&bytes));
    let opts = SourceOptions {
        format: Some(match kind {
            PayloadKind::Html => InputFormat::Html,
            PayloadKind::Text => InputFormat::Text,
        }),
        limits: limits.clone(),
    };
    let mut items = sitrep_sources::open_reader(input, std::io::Cursor::new(bytes), &opts);
    match items.next() {
        Some(SourceItem::Record(mut rec)) => {
            rec.hints = hints;
            Ok(rec)
        }
        Some(SourceItem::Skipped(skip)) => Err(skip),
        // The single-record reader always yields one item; say so rather than lose the input.
        None => Err(Skip {
            input: input.to_string(),
            record: Some(0),
            reason: SkipReason::Empty,
            detail: "no record in the input".into(),
        }),
    }
}

/// Extracts one record with the default options (what `sitrep extract` does per record).
pub fn extract(rec: RawRecord) -> Result<Document, Skip> {
    Extractor::new(ExtractOptions::default()).extract(rec)
}

/// [`Pipeline::code`] with a panic inside a stage turned into an `internal_panic` skip, so a
/// bug met on one document never ends a batch (the CLI's workers do the same).
pub fn code_caught(p: &Pipeline, rec: RawRecord, published: Option<&str>) -> Result<Coded, Skip> {
    let (input, record) = (rec.input.clone(), rec.record);
    catch_unwind(AssertUnwindSafe(|| p.code(rec, published))).unwrap_or_else(|_| {
        Err(Skip {
            input,
            record: Some(record),
            reason: SkipReason::InternalPanic,
            detail: "a stage panicked; this is a bug, please report it".into(),
        })
    })
}

/// One event as the JSON object `sitrep code` prints (no newline).
pub fn event_json(e: &Event) -> String {
    // Event holds only strings, numbers, booleans and options: serialising cannot fail.
    serde_json::to_string(e).expect("Event serialises")
}

/// One JSON line per event: exactly the bytes `sitrep code` prints for one document.
pub fn events_jsonl(events: &[Event]) -> Vec<u8> {
    let mut buf = Vec::new();
    for e in events {
        serde_json::to_writer(&mut buf, e).expect("Event serialises");
        buf.push(b'\n');
    }
    buf
}

/// The public JSON shape of an extracted document (`sitrep extract`). Field names are an
/// interface.
#[derive(Serialize)]
pub struct ExtractJson<'a> {
    input: &'a str,
    record: u64,
    id: &'a str,
    url: Option<&'a str>,
    title: Option<&'a str>,
    byline: Option<&'a str>,
    authors: &'a [String],
    site: Option<&'a str>,
    published: Option<&'a str>,
    language: Option<&'a str>,
    text: &'a str,
    captions: &'a [String],
    dropped: &'a [Dropped],
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    notes: &'a [String],
}

impl<'a> ExtractJson<'a> {
    /// View a document as its public JSON.
    pub fn new(doc: &'a Document) -> ExtractJson<'a> {
        ExtractJson {
            input: &doc.origin.input,
            record: doc.origin.record,
            id: &doc.id,
            url: doc.meta.url.as_deref(),
            title: doc.meta.title.as_deref(),
            byline: doc.meta.byline.as_deref(),
            authors: &doc.meta.authors,
            site: doc.meta.site.as_deref(),
            published: doc.meta.published.as_deref(),
            language: doc.meta.language.as_deref(),
            text: &doc.text,
            captions: &doc.captions,
            dropped: &doc.dropped,
            notes: &doc.notes,
        }
    }

    /// The JSON text (no newline).
    pub fn to_json(&self) -> String {
        // Only strings, numbers and lists of them: serialising cannot fail.
        serde_json::to_string(self).expect("ExtractJson serialises")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Compile-time: one pipeline is shared by worker threads, Python threads and queue tasks.
    const _: () = {
        const fn shared<T: Send + Sync>() {}
        shared::<Pipeline>();
    };

    #[test]
    fn document_record_sniffs_html_and_keeps_hints() {
        let hints = Hints {
            id: Some("a1".into()),
            ..Hints::default()
        };
        let rec = document_record(
            "py",
            b"  <p>Kim met Putin.</p>".to_vec(),
            None,
            hints.clone(),
            &Limits::default(),
        )
        .unwrap();
        assert_eq!((rec.payload.kind, rec.hints), (PayloadKind::Html, hints));
        let text = document_record(
            "py",
            b"{not a container}".to_vec(),
            None,
            Hints::default(),
            &Limits::default(),
        )
        .unwrap();
        assert_eq!(text.payload.kind, PayloadKind::Text);
    }

    #[test]
    fn document_record_skips_empty_binary_and_oversize() {
        let reason = |bytes: &[u8], limits: &Limits| {
            document_record("py", bytes.to_vec(), None, Hints::default(), limits)
                .unwrap_err()
                .reason
        };
        let limits = Limits::default();
        assert_eq!(reason(b"", &limits), SkipReason::Empty);
        assert_eq!(reason(b" \n\t ", &limits), SkipReason::Empty);
        assert_eq!(reason(b"PK\x03\x04zip", &limits), SkipReason::Binary);
        assert_eq!(reason(b"text\0with nul", &limits), SkipReason::Binary);
        let small = Limits {
            max_record_bytes: 10,
            ..Limits::default()
        };
        assert_eq!(reason(&[b'a'; 100], &small), SkipReason::TooLarge);
    }
}
