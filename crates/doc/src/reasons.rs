//! Skips (a record lost, counted) and drops (furniture removed on purpose, listed).
//! The snake_case names are part of the public interface.

use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt;

/// Why a record could not become a document. Every skip is counted and reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SkipReason {
    /// The input could not be opened or read.
    Unreadable,
    /// Nothing but whitespace.
    Empty,
    /// Bytes that are not text (NULs, control bytes).
    Binary,
    /// Larger than the per-record limit.
    TooLarge,
    /// The gzip stream ended early or is corrupt.
    TruncatedGzip,
    /// Decompressed output exceeded the limit relative to the input (a gzip bomb).
    GzipBomb,
    /// A JSONL line that is not a JSON object.
    InvalidJson,
    /// A JSONL object with neither `text` nor `html`.
    MissingText,
    /// A malformed WARC record.
    InvalidWarc,
    /// A container record whose payload is not a document (e.g. a WARC response with an image
    /// or PDF body, or an unsupported `Content-Encoding`).
    UnsupportedType,
    /// A WARC response whose HTTP status is not 2xx (redirects, errors): no article in it.
    HttpStatus,
    /// A JSONL line that is not valid UTF-8 (JSON text must be UTF-8).
    InvalidUtf8,
    /// Extraction found no article text.
    NoText,
    /// A stage went past its time budget.
    Timeout,
    /// A bug: a stage panicked on this record. Never expected; reported as an error.
    InternalPanic,
}

impl SkipReason {
    /// The stable snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            SkipReason::Unreadable => "unreadable",
            SkipReason::Empty => "empty",
            SkipReason::Binary => "binary",
            SkipReason::TooLarge => "too_large",
            SkipReason::TruncatedGzip => "truncated_gzip",
            SkipReason::GzipBomb => "gzip_bomb",
            SkipReason::InvalidJson => "invalid_json",
            SkipReason::MissingText => "missing_text",
            SkipReason::InvalidWarc => "invalid_warc",
            SkipReason::UnsupportedType => "unsupported_type",
            SkipReason::HttpStatus => "http_status",
            SkipReason::InvalidUtf8 => "invalid_utf8",
            SkipReason::NoText => "no_text",
            SkipReason::Timeout => "timeout",
            SkipReason::InternalPanic => "internal_panic",
        }
    }
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A record that was lost, with where and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skip {
    /// The input path, `-` for stdin.
    pub input: String,
    /// Record index inside the input, when known.
    pub record: Option<u64>,
    /// Why.
    pub reason: SkipReason,
    /// A human detail ("line 12: expected value at column 1").
    pub detail: String,
}

impl fmt::Display for Skip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.record {
            Some(r) => write!(f, "{}#{}: {}", self.input, r, self.reason)?,
            None => write!(f, "{}: {}", self.input, self.reason)?,
        }
        if !self.detail.is_empty() {
            write!(f, " ({})", self.detail)?;
        }
        Ok(())
    }
}

/// Why a piece of text was removed from an article body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DropReason {
    /// Share/like/comment/print buttons and their labels.
    ShareButton,
    /// "ADVERTISEMENT", sponsored blocks.
    Advertisement,
    /// Photo credit and copyright lines.
    Credit,
    /// A caption already seen (kept once in `captions`).
    DuplicateCaption,
    /// An image caption, moved to `captions`.
    Caption,
    /// The byline, moved to metadata.
    Byline,
    /// The headline, moved to metadata.
    Title,
    /// The dateline/timestamp line, moved to metadata.
    Dateline,
    /// "You might also like", "Related", "Most read" and their headline lists.
    RelatedLinks,
    /// Site navigation, menus, breadcrumbs.
    Navigation,
    /// Newsletter/subscription prompts, paywall notices.
    Subscription,
    /// Cookie and consent notices.
    CookieNotice,
    /// Comment sections.
    Comments,
    /// Footer, legal and imprint text.
    Footer,
    /// A block repeated verbatim elsewhere in the article.
    Duplicate,
    /// Short text that is unlike article prose (link lists, UI labels).
    Boilerplate,
}

/// Counts a run reports at the end: read, extracted, skipped by reason.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    /// Records read from the inputs (including those later skipped).
    pub read: u64,
    /// Documents produced.
    pub extracted: u64,
    /// Bytes read (after decompression).
    pub bytes: u64,
    /// Skips by reason.
    pub skipped: BTreeMap<SkipReason, u64>,
}

impl Stats {
    /// Count one skip.
    pub fn skip(&mut self, reason: SkipReason) {
        *self.skipped.entry(reason).or_insert(0) += 1;
    }

    /// Total skips.
    pub fn skipped_total(&self) -> u64 {
        self.skipped.values().sum()
    }

    /// Merge another worker's counts into these.
    pub fn merge(&mut self, other: &Stats) {
        self.read += other.read;
        self.extracted += other.extracted;
        self.bytes += other.bytes;
        for (r, n) in &other.skipped {
            *self.skipped.entry(*r).or_insert(0) += n;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stats_merge_adds_counts() {
        let mut a = Stats {
            read: 2,
            ..Stats::default()
        };
        a.skip(SkipReason::Empty);
        let mut b = Stats {
            read: 3,
            extracted: 2,
            ..Stats::default()
        };
        b.skip(SkipReason::Empty);
        b.skip(SkipReason::Binary);
        a.merge(&b);
        assert_eq!(a.read, 5);
        assert_eq!(a.extracted, 2);
        assert_eq!(a.skipped[&SkipReason::Empty], 2);
        assert_eq!(a.skipped_total(), 3);
    }

    #[test]
    fn skip_reason_names_match_serde() {
        for r in [
            SkipReason::TooLarge,
            SkipReason::GzipBomb,
            SkipReason::InternalPanic,
        ] {
            let json = serde_json_like(r);
            assert_eq!(json, r.as_str());
        }
    }

    fn serde_json_like(r: SkipReason) -> String {
        // Debug name converted the way serde's snake_case does, to keep as_str in step.
        let dbg = format!("{r:?}");
        let mut out = String::new();
        for (i, c) in dbg.chars().enumerate() {
            if c.is_ascii_uppercase() {
                if i > 0 {
                    out.push('_');
                }
                out.push(c.to_ascii_lowercase());
            } else {
                out.push(c);
            }
        }
        out
    }
}
