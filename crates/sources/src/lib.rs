//! sitrep-sources: files, folders and stdin in; [`RawRecord`]s (or counted [`Skip`]s) out.
//!
//! CONTRACT (skeleton, to be implemented): see the helper brief.
#![warn(missing_docs)]

use sitrep_doc::{RawRecord, Skip};
use std::path::PathBuf;

/// Input formats; detected per file unless forced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    /// Plain or flattened text, one document per file.
    Text,
    /// One HTML page per file.
    Html,
    /// One JSON object per line.
    Jsonl,
    /// WARC 1.0/1.1, `response` records with HTML payloads.
    Warc,
}

/// Limits that bound time and memory on untrusted input.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Largest record (decompressed bytes) kept; larger ones are skipped as `too_large`.
    pub max_record_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_record_bytes: 64 << 20,
        }
    }
}

/// How to read.
#[derive(Debug, Clone, Default)]
pub struct SourceOptions {
    /// Force a format instead of detecting it.
    pub format: Option<InputFormat>,
    /// Bounds.
    pub limits: Limits,
}

/// One item of the stream: a record, or a record (or file) that was skipped.
#[derive(Debug)]
pub enum SourceItem {
    /// A record to extract.
    Record(RawRecord),
    /// Something lost, with where and why.
    Skipped(Skip),
}

/// A streaming reader over all inputs; memory does not grow with corpus size.
pub struct Records {
    _inputs: Vec<PathBuf>,
}

impl Records {
    /// Bytes read so far (after decompression), for progress display.
    pub fn bytes_read(&self) -> u64 {
        0
    }
}

impl Iterator for Records {
    type Item = SourceItem;
    fn next(&mut self) -> Option<SourceItem> {
        None
    }
}

/// Open the inputs (`-` is stdin; folders are walked recursively in sorted order).
pub fn open(inputs: &[PathBuf], _opts: &SourceOptions) -> Records {
    Records {
        _inputs: inputs.to_vec(),
    }
}
