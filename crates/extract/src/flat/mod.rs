//! Flattened-text path (placeholder until the cleaner lands).
use crate::{normalize, Extracted};
use sitrep_doc::Hints;

pub(crate) fn extract(text: &str, _hints: &Hints) -> Extracted {
    Extracted {
        text: normalize::join_paragraphs(text.lines().map(|l| l.trim())),
        ..Extracted::default()
    }
}
