//! WARC 1.0/1.1: `response` records with HTML payloads become records; `warcinfo`, `request`,
//! `metadata` and the rest are counted, not reported. The record index is the position of the
//! record in the file (all types counted), so `warcio`-style tools find the same record.
//!
//! The WARC-Date is the crawl time, not the publication date, so it is deliberately not passed
//! on as a `published` hint.

use crate::detect::looks_like_markup;
use crate::http::{dechunk, decode_content, parse_head, DecodeError};
use crate::input::Stream;
use crate::lines::{discard_exact, discard_line, read_exact_into, read_line, Discard, Line};
use crate::SourceItem;
use sitrep_doc::{Hints, Payload, PayloadKind, RawRecord, Skip, SkipReason};

/// Longest header line accepted; real ones are well under 8 KiB (long URIs).
const MAX_HEADER_LINE: usize = 32 << 10;
/// Most header lines in one record; guards against a headers-only flood.
const MAX_HEADER_LINES: usize = 512;

#[derive(Debug, Default)]
struct WarcHead {
    warc_type: Option<String>,
    length: Option<u64>,
    target: Option<String>,
    record_id: Option<String>,
    content_type: Option<String>,
}

enum HeadError {
    Io(std::io::Error),
    Bad(String),
    Eof,
}

pub(crate) struct WarcReader {
    stream: Stream,
    line: Vec<u8>,
    block: Vec<u8>,
    /// `line` holds a version line found while resynchronising: the next record starts there.
    pending_version: bool,
    /// A problem found while resynchronising, reported on the next call.
    deferred: Option<Skip>,
    next_record: u64,
    /// Records that are not `response` (warcinfo, request, metadata, ...).
    pub(crate) non_response: u64,
    done: bool,
}

impl WarcReader {
    pub(crate) fn new(stream: Stream) -> WarcReader {
        WarcReader {
            stream,
            line: Vec::new(),
            block: Vec::new(),
            pending_version: false,
            deferred: None,
            next_record: 0,
            non_response: 0,
            done: false,
        }
    }

    pub(crate) fn next_item(&mut self) -> Option<SourceItem> {
        if let Some(s) = self.deferred.take() {
            return Some(SourceItem::Skipped(s));
        }
        while !self.done {
            // Checked before every record: each fits the limit, but a stream of them can
            // still be a bomb.
            if self.stream.is_bomb() {
                self.done = true;
                let skip = self.stream.bomb_skip(Some(self.next_record));
                return Some(SourceItem::Skipped(skip));
            }
            if let Some(item) = self.next_record() {
                return Some(item);
            }
        }
        self.deferred.take().map(SourceItem::Skipped)
    }

    /// Read one record: `Some` for a record or a skip, `None` for a record that is not reported
    /// (non-response) or the end of input (`done` is set then).
    fn next_record(&mut self) -> Option<SourceItem> {
        if !self.pending_version {
            let index = self.next_record;
            match read_line(&mut self.stream.reader, &mut self.line, MAX_HEADER_LINE) {
                Err(e) => return self.fail(self.stream.io_skip(&e, Some(index))),
                Ok(Line::Eof) => {
                    self.done = true;
                    return None;
                }
                Ok(Line::TooLong) => {
                    self.next_record += 1;
                    self.line.clear();
                    let skip =
                        self.invalid(index, "over-long line where a WARC record should start");
                    return self.resync_after(skip);
                }
                Ok(Line::Complete) => {
                    if self.line.trim_ascii().is_empty() {
                        return None; // blank lines separate records
                    }
                    if !self.line.starts_with(b"WARC/1.") {
                        self.next_record += 1;
                        let found = clip(&self.line);
                        let skip = self.invalid(
                            index,
                            &format!("expected a WARC/1.x version line, found {found:?}"),
                        );
                        return self.resync_after(skip);
                    }
                }
            }
        }
        self.pending_version = false;
        let index = self.next_record;
        self.next_record += 1;

        let head = match self.read_head() {
            Ok(h) => h,
            Err(HeadError::Io(e)) => return self.fail(self.stream.io_skip(&e, Some(index))),
            Err(HeadError::Eof) => {
                return self.fail(self.invalid(index, "input ends inside the record header"))
            }
            Err(HeadError::Bad(msg)) => {
                let skip = self.invalid(index, &msg);
                return self.resync_after(skip);
            }
        };
        let Some(length) = head.length else {
            let skip = self.invalid(index, "missing or invalid Content-Length");
            return self.resync_after(skip);
        };
        let is_response = head
            .warc_type
            .as_deref()
            .is_some_and(|t| t.eq_ignore_ascii_case("response"));
        let limit = self.stream.limits.max_record_bytes;
        if !is_response || length > limit as u64 {
            let probe = self.stream.probe();
            let discarded = discard_exact(&mut self.stream.reader, length, || probe.is_bomb());
            match discarded {
                Err(e) => return self.fail(self.stream.io_skip(&e, Some(index))),
                Ok(Discard::Stopped) => return self.fail(self.stream.bomb_skip(Some(index))),
                Ok(Discard::Eof) => {
                    let detail = format!("truncated: Content-Length {length} but input ended");
                    return self.fail(self.invalid(index, &detail));
                }
                Ok(Discard::Done) => {}
            }
            if !is_response {
                self.non_response += 1;
                return None;
            }
            let skip = self.stream.oversize_skip(Some(index), "response block");
            if skip.reason == SkipReason::GzipBomb {
                self.done = true;
            }
            return Some(SourceItem::Skipped(skip));
        }
        // `length <= limit`, so the block fits in memory by construction.
        let want = length as usize;
        match read_exact_into(&mut self.stream.reader, &mut self.block, want) {
            Err(e) => return self.fail(self.stream.io_skip(&e, Some(index))),
            Ok(got) if got < want => {
                let detail =
                    format!("truncated: Content-Length {length} but input ended after {got} bytes");
                return self.fail(self.invalid(index, &detail));
            }
            Ok(_) => {}
        }
        Some(self.response(index, head))
    }

    /// Turn a response block into a record, or say why not.
    fn response(&mut self, index: u64, head: WarcHead) -> SourceItem {
        let skip = |reason, detail: String| {
            SourceItem::Skipped(self.stream.skip(Some(index), reason, detail))
        };
        if let Some(ct) = &head.content_type {
            if !ct.to_ascii_lowercase().starts_with("application/http") {
                return skip(
                    SkipReason::UnsupportedType,
                    format!(
                        "response record of type {:?}, not HTTP",
                        clip(ct.as_bytes())
                    ),
                );
            }
        }
        let http = match parse_head(&self.block) {
            Ok(h) => h,
            Err(msg) => return skip(SkipReason::InvalidWarc, format!("HTTP response: {msg}")),
        };
        if !(200..300).contains(&http.status) {
            return skip(
                SkipReason::HttpStatus,
                format!("HTTP status {}", http.status),
            );
        }
        let body = &self.block[http.body_start..];
        match http.media_type.as_deref() {
            Some("text/html" | "application/xhtml+xml") => {}
            None if looks_like_markup(body.trim_ascii_start()) => {}
            None => {
                return skip(
                    SkipReason::UnsupportedType,
                    "no Content-Type and the body does not look like HTML".into(),
                )
            }
            Some(other) => {
                return skip(SkipReason::UnsupportedType, format!("Content-Type {other}"));
            }
        }
        let mut bytes = if http.chunked {
            match dechunk(body) {
                Ok(b) => b,
                Err(msg) => return skip(SkipReason::InvalidWarc, format!("chunked body: {msg}")),
            }
        } else {
            // The common case: reuse the block, dropping the HTTP head in place.
            let mut b = std::mem::take(&mut self.block);
            b.drain(..http.body_start);
            b
        };
        if let Some(enc) = &http.encoding {
            let limit = self.stream.limits.max_record_bytes;
            bytes = match decode_content(enc, &bytes, limit) {
                Ok(b) => b,
                Err(DecodeError::Unsupported(e)) => {
                    return skip(SkipReason::UnsupportedType, format!("Content-Encoding {e}"))
                }
                Err(DecodeError::Corrupt(e)) => {
                    return skip(
                        SkipReason::InvalidWarc,
                        format!("Content-Encoding {enc}: {e}"),
                    )
                }
                Err(DecodeError::TooLarge) => {
                    let ratio = limit as u64 / (bytes.len() as u64).max(1);
                    let reason = if ratio > self.stream.limits.max_gzip_ratio {
                        SkipReason::GzipBomb
                    } else {
                        SkipReason::TooLarge
                    };
                    return skip(
                        reason,
                        format!(
                            "{} compressed body bytes inflate past the limit of {limit} bytes",
                            bytes.len()
                        ),
                    );
                }
            };
        }
        if bytes.trim_ascii().is_empty() {
            return skip(SkipReason::Empty, "response body is empty".into());
        }
        SourceItem::Record(RawRecord {
            input: self.stream.name.clone(),
            record: index,
            payload: Payload {
                kind: PayloadKind::Html,
                bytes,
            },
            hints: Hints {
                id: head.record_id.map(unbracket),
                url: head.target.map(unbracket),
                charset: http.charset,
                ..Hints::default()
            },
        })
    }

    /// Read header lines up to the blank line that ends them.
    fn read_head(&mut self) -> Result<WarcHead, HeadError> {
        let mut head = WarcHead::default();
        for _ in 0..MAX_HEADER_LINES {
            match read_line(&mut self.stream.reader, &mut self.line, MAX_HEADER_LINE) {
                Err(e) => return Err(HeadError::Io(e)),
                Ok(Line::Eof) => return Err(HeadError::Eof),
                Ok(Line::TooLong) => return Err(HeadError::Bad("over-long header line".into())),
                Ok(Line::Complete) => {}
            }
            let line = String::from_utf8_lossy(&self.line);
            let line = line.trim_end_matches('\r');
            if line.is_empty() {
                return Ok(head);
            }
            if line.starts_with([' ', '\t']) {
                continue; // a folded continuation; none of the headers we read use folding
            }
            if line.starts_with("WARC/1.") {
                return Err(HeadError::Bad("header ends without a blank line".into()));
            }
            let Some((name, value)) = line.split_once(':') else {
                let found = clip(line.as_bytes());
                return Err(HeadError::Bad(format!(
                    "header line without a colon: {found:?}"
                )));
            };
            let value = value.trim().to_string();
            match name.trim().to_ascii_lowercase().as_str() {
                "warc-type" => head.warc_type = Some(value),
                "content-length" => head.length = value.parse().ok(),
                "warc-target-uri" => head.target = Some(value),
                "warc-record-id" => head.record_id = Some(value),
                "content-type" => head.content_type = Some(value),
                _ => {}
            }
        }
        Err(HeadError::Bad(format!(
            "more than {MAX_HEADER_LINES} header lines"
        )))
    }

    /// Report `skip`, then skip ahead to the next line that starts a WARC record.
    fn resync_after(&mut self, skip: Skip) -> Option<SourceItem> {
        // The offending line may itself start the next record.
        if self.line.starts_with(b"WARC/1.") {
            self.pending_version = true;
            return Some(SourceItem::Skipped(skip));
        }
        loop {
            match read_line(&mut self.stream.reader, &mut self.line, MAX_HEADER_LINE) {
                Ok(Line::Complete) if self.line.starts_with(b"WARC/1.") => {
                    self.pending_version = true;
                    break;
                }
                Ok(Line::Complete) => {}
                Ok(Line::TooLong) => {
                    let probe = self.stream.probe();
                    match discard_line(&mut self.stream.reader, || probe.is_bomb()) {
                        Ok(Discard::Done) => {}
                        Ok(Discard::Eof) => {
                            self.done = true;
                            break;
                        }
                        Ok(Discard::Stopped) => {
                            self.done = true;
                            self.deferred = Some(self.stream.bomb_skip(Some(self.next_record)));
                            break;
                        }
                        Err(e) => {
                            self.done = true;
                            self.deferred = Some(self.stream.io_skip(&e, Some(self.next_record)));
                            break;
                        }
                    }
                }
                Ok(Line::Eof) => {
                    self.done = true;
                    break;
                }
                Err(e) => {
                    self.done = true;
                    self.deferred = Some(self.stream.io_skip(&e, Some(self.next_record)));
                    break;
                }
            }
            if self.stream.is_bomb() {
                self.done = true;
                self.deferred = Some(self.stream.bomb_skip(Some(self.next_record)));
                break;
            }
        }
        Some(SourceItem::Skipped(skip))
    }

    fn fail(&mut self, skip: Skip) -> Option<SourceItem> {
        self.done = true;
        Some(SourceItem::Skipped(skip))
    }

    fn invalid(&self, index: u64, detail: &str) -> Skip {
        self.stream
            .skip(Some(index), SkipReason::InvalidWarc, detail.to_string())
    }
}

/// WARC 1.0 examples write URIs and ids in angle brackets; 1.1 does not.
fn unbracket(s: String) -> String {
    match s.strip_prefix('<').and_then(|r| r.strip_suffix('>')) {
        Some(inner) => inner.to_string(),
        None => s,
    }
}

fn clip(b: &[u8]) -> String {
    String::from_utf8_lossy(&b[..b.len().min(60)]).into_owned()
}
