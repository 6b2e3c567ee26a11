//! What a source hands to extraction.

/// What kind of bytes a record carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PayloadKind {
    /// An HTML page.
    Html,
    /// Plain or flattened text.
    Text,
}

/// Undecoded bytes: extraction decodes them (BOM, declared charset, detection).
#[derive(Debug, Clone)]
pub struct Payload {
    /// HTML or text.
    pub kind: PayloadKind,
    /// The bytes as read, after decompression.
    pub bytes: Vec<u8>,
}

/// What the container said about a record (JSONL fields, WARC and HTTP headers).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hints {
    /// An id given by the input (JSONL `id`, WARC-Record-ID).
    pub id: Option<String>,
    /// URL (JSONL `url`, WARC-Target-URI).
    pub url: Option<String>,
    /// Title given by the input.
    pub title: Option<String>,
    /// Publication date given by the input, as written.
    pub published: Option<String>,
    /// Outlet given by the input (JSONL `source`).
    pub site: Option<String>,
    /// Charset declared outside the payload (HTTP Content-Type), lower-cased.
    pub charset: Option<String>,
}

/// One record read by a source.
#[derive(Debug, Clone)]
pub struct RawRecord {
    /// The path it came from, `-` for stdin.
    pub input: String,
    /// Index inside a multi-record input (JSONL line number from 0, WARC response index).
    pub record: u64,
    /// The bytes.
    pub payload: Payload,
    /// What the container said.
    pub hints: Hints,
}
