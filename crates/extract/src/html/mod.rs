//! HTML path (placeholder until the HTML extractor lands).
use crate::Extracted;
use sitrep_doc::Hints;

pub(crate) fn extract(_html: &str, _hints: &Hints) -> Extracted {
    Extracted::default()
}
