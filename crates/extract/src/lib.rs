//! sitrep-extract: a [`RawRecord`] in, a [`Document`] out (clean text, metadata, captions and
//! the furniture it dropped), or a counted [`Skip`].
//!
//! Two paths share one output: `html` for pages with a DOM, `flat` for text that a scraper
//! already flattened (the seed article). Both end in [`normalize`], so the text that leaves
//! this crate has one form: NFC-ish spacing, paragraphs separated by a blank line.
#![warn(missing_docs)]

mod decode;
mod flat;
mod html;
mod lang;
pub mod normalize;

use sitrep_doc::{
    content_id, Document, DropReason, Dropped, Meta, Origin, PayloadKind, RawRecord, Skip,
    SkipReason,
};

/// What a path (html or flat) produced, before ids and hints are merged in.
#[derive(Debug, Default, Clone)]
pub(crate) struct Extracted {
    pub text: String,
    pub meta: Meta,
    pub captions: Vec<String>,
    pub dropped: Vec<Dropped>,
    /// Non-fatal findings (a page cut at a limit), passed on to `Document::notes`.
    pub notes: Vec<String>,
}

/// Options for extraction.
#[derive(Debug, Clone)]
pub struct ExtractOptions {
    /// Texts shorter than this (in chars) after cleaning are skipped as `no_text`.
    pub min_text_chars: usize,
}

impl Default for ExtractOptions {
    fn default() -> Self {
        ExtractOptions { min_text_chars: 1 }
    }
}

/// Turns raw records into documents. Cheap to clone; safe to share between threads.
#[derive(Debug, Clone, Default)]
pub struct Extractor {
    opts: ExtractOptions,
}

impl Extractor {
    /// An extractor with these options.
    pub fn new(opts: ExtractOptions) -> Extractor {
        Extractor { opts }
    }

    /// Extract one record. Never panics on input; a record with no usable text is a skip.
    pub fn extract(&self, rec: RawRecord) -> Result<Document, Skip> {
        let skip = |reason: SkipReason, detail: String| Skip {
            input: rec.input.clone(),
            record: Some(rec.record),
            reason,
            detail,
        };
        let decoded = decode::decode(
            &rec.payload.bytes,
            rec.payload.kind,
            rec.hints.charset.as_deref(),
        );
        let decoded = match decoded {
            Ok(d) => d,
            Err(reason) => {
                // A skip names its cause for the person reading the warning, not only its
                // class (found by the pipeline's mutation test: records with NUL bytes that
                // came in as JSONL rows or queue messages were skipped with an empty detail).
                let detail = match reason {
                    SkipReason::Empty => "the payload is empty or only whitespace",
                    SkipReason::Binary => {
                        "NUL or control bytes in the first 8 KiB: not a text or HTML document"
                    }
                    _ => "the payload could not be decoded as text",
                };
                return Err(skip(reason, detail.into()));
            }
        };
        let mut ex = match rec.payload.kind {
            PayloadKind::Html => html::extract(&decoded.text, &rec.hints),
            PayloadKind::Text => flat::extract(&decoded.text, &rec.hints),
        };
        // Metadata the container gave wins over what the page says about itself, except the
        // title, where the container's is taken only when the page has none.
        let h = &rec.hints;
        if h.url.is_some() {
            ex.meta.url = h.url.clone();
        }
        if ex.meta.title.is_none() {
            ex.meta.title = h.title.clone();
        }
        if let Some(p) = h.published.as_deref().and_then(normalize::iso_date) {
            ex.meta.published = Some(p);
        }
        if h.site.is_some() {
            ex.meta.site = h.site.clone();
        }
        // A plain-text record that is one headline-like line (a JSONL row holding only a
        // headline, a wire flash) has its line taken as the title and nothing left for the
        // body; the headline is the article then, not a record to skip.
        if rec.payload.kind == PayloadKind::Text && ex.text.trim().is_empty() {
            if let Some(t) = ex.meta.title.clone().filter(|t| !t.trim().is_empty()) {
                ex.notes
                    .push("no body besides the title: the title is coded as the text".into());
                ex.dropped
                    .retain(|d| !(d.reason == DropReason::Title && d.text == t));
                ex.text = t;
            }
        }
        if ex.meta.language.is_none() {
            ex.meta.language = lang::detect(&ex.text);
        }
        if ex.text.chars().count() < self.opts.min_text_chars {
            return Err(skip(SkipReason::NoText, "no article text found".into()));
        }
        let id = h.id.clone().unwrap_or_else(|| content_id(&ex.text));
        let mut notes = std::mem::take(&mut ex.notes);
        if let Some(n) = decoded.note {
            notes.insert(0, n);
        }
        Ok(Document {
            origin: Origin {
                input: rec.input,
                record: rec.record,
            },
            id,
            meta: ex.meta,
            text: ex.text,
            captions: ex.captions,
            dropped: ex.dropped,
            notes,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_doc::{Hints, Payload};

    fn record(bytes: &[u8]) -> RawRecord {
        RawRecord {
            input: "in".into(),
            record: 3,
            payload: Payload {
                kind: PayloadKind::Text,
                bytes: bytes.to_vec(),
            },
            hints: Hints::default(),
        }
    }

    /// Regression: a decode skip (binary, empty) came back with an empty detail.
    #[test]
    fn extract_decode_skips_say_why() {
        let ex = Extractor::new(ExtractOptions::default());
        for (bytes, reason) in [
            (&b"Kim met\0Putin."[..], SkipReason::Binary),
            (&b" \n\t "[..], SkipReason::Empty),
        ] {
            let skip = ex.extract(record(bytes)).unwrap_err();
            assert_eq!((skip.reason, skip.record), (reason, Some(3)));
            assert!(!skip.detail.is_empty(), "{skip:?}");
        }
    }

    /// Regression: a record holding only a headline-like line (no final stop, ending in a
    /// quote) was taken whole as the title and skipped as `no_text`.
    #[test]
    fn headline_only_record_is_coded_as_its_text() {
        let ex = Extractor::new(ExtractOptions::default());
        let line = "Algeria cuts diplomatic ties with Morocco, citing \"hostile actions\"";
        let doc = ex.extract(record(line.as_bytes())).expect("not a skip");
        assert_eq!(doc.text, line);
        assert!(
            doc.dropped.iter().all(|d| d.text != line),
            "{:?}",
            doc.dropped
        );
        assert!(
            doc.notes.iter().any(|n| n.contains("title")),
            "{:?}",
            doc.notes
        );
    }
}
