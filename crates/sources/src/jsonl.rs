//! JSON Lines: one article object per line. The record index is the 0-based line number,
//! counting every line (blank ones too) so users can find a record with `sed -n`.

use crate::fields::{Fields, ALIASES};
use crate::input::Stream;
use crate::lines::{discard_line, read_line, Discard, Line};
use crate::row::{row_record, Row};
use crate::SourceItem;
use sitrep_doc::SkipReason;

/// Lines longer than this keep their buffer after use only up to this capacity: one huge
/// record should not pin its memory for the rest of the file.
const KEEP_CAPACITY: usize = 1 << 20;

pub(crate) struct JsonlReader {
    stream: Stream,
    line: Vec<u8>,
    /// Index of the next line.
    next_line: u64,
    /// The first non-blank line has been seen.
    started: bool,
    done: bool,
}

impl JsonlReader {
    pub(crate) fn new(stream: Stream) -> JsonlReader {
        JsonlReader {
            stream,
            line: Vec::new(),
            next_line: 0,
            started: false,
            done: false,
        }
    }

    pub(crate) fn next_item(&mut self) -> Option<SourceItem> {
        while !self.done {
            // Checked before every line, so a bomb of many small lines is caught too.
            if self.stream.is_bomb() {
                self.done = true;
                return Some(SourceItem::Skipped(
                    self.stream.bomb_skip(Some(self.next_line)),
                ));
            }
            if self.line.capacity() > KEEP_CAPACITY {
                self.line = Vec::new();
            }
            let limit = self.stream.limits.max_record_bytes;
            let index = self.next_line;
            let read = read_line(&mut self.stream.reader, &mut self.line, limit);
            let item = match read {
                Err(e) => {
                    self.done = true;
                    Some(SourceItem::Skipped(self.stream.io_skip(&e, Some(index))))
                }
                Ok(Line::Eof) => {
                    self.done = true;
                    None
                }
                Ok(Line::TooLong) => {
                    self.next_line += 1;
                    self.started = true;
                    Some(self.skip_long_line(index))
                }
                Ok(Line::Complete) => {
                    self.next_line += 1;
                    self.parse(index)
                }
            };
            if item.is_some() {
                return item;
            }
        }
        None
    }

    fn skip_long_line(&mut self, index: u64) -> SourceItem {
        let skip = self
            .stream
            .oversize_skip(Some(index), &format!("line {}", index + 1));
        if skip.reason == SkipReason::GzipBomb {
            self.done = true;
            return SourceItem::Skipped(skip);
        }
        let probe = self.stream.probe();
        let result = discard_line(&mut self.stream.reader, || probe.is_bomb());
        match result {
            Ok(Discard::Done) | Ok(Discard::Eof) => SourceItem::Skipped(skip),
            Ok(Discard::Stopped) => {
                self.done = true;
                SourceItem::Skipped(self.stream.bomb_skip(Some(index)))
            }
            Err(e) => {
                // The long line is lost either way; report the read error, which also ends
                // the input and explains why nothing follows.
                self.done = true;
                SourceItem::Skipped(self.stream.io_skip(&e, Some(index)))
            }
        }
    }

    fn parse(&mut self, index: u64) -> Option<SourceItem> {
        let mut line: &[u8] = &self.line;
        if line.last() == Some(&b'\r') {
            line = &line[..line.len() - 1];
        }
        if !self.started {
            line = line.strip_prefix(b"\xef\xbb\xbf").unwrap_or(line);
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            return None;
        }
        let first = !self.started;
        self.started = true;
        let fields: Fields = match serde_json::from_slice(line) {
            Ok(f) => f,
            Err(e) => {
                let unclosed = || {
                    serde_json::from_slice::<serde::de::IgnoredAny>(line).is_err_and(|e| e.is_eof())
                };
                if first && unclosed() {
                    // The first line opens a value it does not close: a pretty-printed JSON
                    // document or array. Every line would fail, so say it once for the input.
                    self.done = true;
                    return Some(self.skip(
                        None,
                        SkipReason::InvalidJson,
                        format!(
                            "not JSON Lines: line {} starts a multi-line JSON document; \
                             write one object per line",
                            index + 1
                        ),
                    ));
                }
                return Some(match std::str::from_utf8(line) {
                    Err(u) => self.skip(
                        Some(index),
                        SkipReason::InvalidUtf8,
                        format!(
                            "line {}: invalid UTF-8 at byte {}",
                            index + 1,
                            u.valid_up_to()
                        ),
                    ),
                    Ok(_) => self.skip(Some(index), SkipReason::InvalidJson, json_error(index, &e)),
                });
            }
        };
        if !(fields.text.seen || fields.html.seen) {
            return Some(self.skip(
                Some(index),
                SkipReason::MissingText,
                format!(
                    "line {}: no text or html field (accepted: {})",
                    index + 1,
                    text_names()
                ),
            ));
        }
        let row = Row {
            id: fields.id.value,
            url: fields.url.value,
            title: fields.title.value,
            published: fields.published.value,
            site: fields.site.value,
            text: fields.text.value,
            html: fields.html.value,
        };
        Some(match row_record(&self.stream.name, index, row) {
            Ok(rec) => SourceItem::Record(rec),
            Err(skip) => SourceItem::Skipped(skip),
        })
    }

    fn skip(&self, record: Option<u64>, reason: SkipReason, detail: String) -> SourceItem {
        SourceItem::Skipped(self.stream.skip(record, reason, detail))
    }
}

/// serde_json counts lines within the one line it saw; say the file line and the column.
fn json_error(index: u64, e: &serde_json::Error) -> String {
    let msg = e.to_string();
    let msg = msg
        .rsplit_once(" at line ")
        .map_or(msg.as_str(), |(m, _)| m);
    format!("line {}, column {}: {msg}", index + 1, e.column())
}

fn text_names() -> String {
    ALIASES
        .iter()
        .filter(|(f, _)| matches!(f, crate::fields::Field::Text | crate::fields::Field::Html))
        .flat_map(|(_, names)| names.iter().copied())
        .collect::<Vec<_>>()
        .join(", ")
}
