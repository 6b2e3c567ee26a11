//! sitrep-doc: the types every stage shares and nothing else.
//!
//! A [`RawRecord`] is what a source read (bytes plus whatever the container said about them);
//! a [`Document`] is what extraction made of it (clean text, metadata, captions, and the
//! furniture it [`Dropped`], each with a [`DropReason`]). Later stages add their layers to the
//! Document. A record that cannot become a Document is a [`Skip`] with a [`SkipReason`]: it is
//! counted and reported, never silently lost.
//! [`shared_data`] finds the shared evaluation data (`../shared`) the one way every tool and
//! test uses.
//!
//! ```
//! use sitrep_doc::{Document, Meta, content_id};
//! let doc = Document::new("a.txt", 0, "Kim met Putin.".to_string(), Meta::default());
//! assert_eq!(doc.id, content_id("Kim met Putin."));
//! ```
#![warn(missing_docs)]

mod event;
mod reasons;
mod record;
pub mod shared_data;

pub use event::{Attribution, Cameo, Event, EventActor, Evidence, Location, Plover};
pub use reasons::{DropReason, Skip, SkipReason, Stats};
pub use record::{Hints, Payload, PayloadKind, RawRecord};

use serde::Serialize;
use sha2::{Digest, Sha256};

/// Article metadata found by extraction (or given by the container, e.g. a JSONL field).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Meta {
    /// Canonical or given URL.
    pub url: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// The byline as printed ("By Euronews with AP").
    pub byline: Option<String>,
    /// Individual authors or agencies parsed out of the byline or metadata.
    pub authors: Vec<String>,
    /// The outlet ("Euronews").
    pub site: Option<String>,
    /// Publication date, ISO 8601 (`YYYY-MM-DD`, or with a time when known).
    pub published: Option<String>,
    /// ISO 639-1 code of the body's language, when detected with some confidence.
    pub language: Option<String>,
}

/// One piece of page furniture removed from the text, kept so users can audit the cleaning.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Dropped {
    /// The removed text (truncated to a few hundred characters for very long blocks).
    pub text: String,
    /// Why it was removed.
    pub reason: DropReason,
}

/// Where a document came from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Origin {
    /// The path it was read from, `-` for stdin.
    pub input: String,
    /// Index of the record inside a multi-record input (0 for single documents).
    pub record: u64,
}

/// An article and its annotation layers. Extraction fills `text`, `meta`, `captions` and
/// `dropped`; later stages add layers.
#[derive(Debug, Clone, Default)]
pub struct Document {
    /// Where it came from.
    pub origin: Origin,
    /// Stable id: the id given by the input, else a hash of the clean text.
    pub id: String,
    /// Metadata.
    pub meta: Meta,
    /// Clean body text; paragraphs separated by a blank line.
    pub text: String,
    /// Image captions, kept apart from the body, each once.
    pub captions: Vec<String>,
    /// Furniture removed from the body, in page order.
    pub dropped: Vec<Dropped>,
    /// Non-fatal findings about this document (e.g. a lossy charset decode).
    pub notes: Vec<String>,
}

impl Document {
    /// A document with the given body, its id derived from the text.
    pub fn new(input: &str, record: u64, text: String, meta: Meta) -> Document {
        Document {
            origin: Origin {
                input: input.to_string(),
                record,
            },
            id: content_id(&text),
            meta,
            text,
            ..Document::default()
        }
    }
}

/// A content-hash id: the first 16 hex digits of SHA-256 over the text. The same article
/// twice gets the same id, whatever file it came from.
pub fn content_id(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_id_is_stable_and_text_dependent() {
        assert_eq!(content_id("abc"), content_id("abc"));
        assert_ne!(content_id("abc"), content_id("abd"));
        assert_eq!(content_id("abc").len(), 16);
        // SHA-256("abc") starts ba7816bf8f01cfea.
        assert_eq!(content_id("abc"), "ba7816bf8f01cfea");
    }
}
