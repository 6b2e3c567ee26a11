//! sitrep-sources: files, folders and stdin in; [`RawRecord`]s (or counted [`Skip`]s) out.
//!
//! [`open`] takes paths (`-` is stdin, folders are walked) and returns [`Records`], an
//! iterator of [`SourceItem`]s: a record to extract, or a skip naming the input, the record
//! and the [`SkipReason`]. Inputs are streamed one record at a time, so memory depends on
//! the largest record (bounded by [`Limits::max_record_bytes`]), never on the corpus.
//!
//! ```
//! use sitrep_sources::{open_reader, SourceItem, SourceOptions};
//! let jsonl = b"{\"id\": 1, \"title\": \"T\", \"text\": \"Kim met Putin.\"}\n\nnot json\n";
//! let items: Vec<_> = open_reader("-", &jsonl[..], &SourceOptions::default()).collect();
//! let SourceItem::Record(r) = &items[0] else { panic!() };
//! assert_eq!((r.record, r.hints.id.as_deref()), (0, Some("1")));
//! let SourceItem::Skipped(s) = &items[1] else { panic!() };
//! assert_eq!((s.record, s.reason.as_str()), (Some(2), "invalid_json"));
//! ```
//!
//! # Formats
//! - **Text** and **HTML**: one record per file (`record` 0); bytes are passed on undecoded
//!   (extraction handles charsets).
//! - **JSONL**: one object per line; `record` is the 0-based line number counting every line;
//!   blank lines are not records. Field names and their accepted aliases, best first:
//!   `id` (`_id`, `doc_id`, `article_id`, `uuid`), `url` (`link`, `uri`, `article_url`,
//!   `source_url`), `title` (`headline`), `published` (`date`, `published_at`, `publishedAt`,
//!   `date_published`, `publish_date`, `pubdate`, `datetime`), `source` (`site`, `site_name`,
//!   `outlet`, `publisher`), `text` (`content`, `body`, `maintext`, `article`, `full_text`,
//!   `article_text`) and `html` (`raw_html`, `content_html`, `body_html`). Numbers become
//!   strings; a text given as an array of strings is joined as paragraphs; `text` wins over
//!   `html` when both are present.
//! - **WARC** 1.0/1.1: `response` records whose HTTP Content-Type is HTML; other record
//!   types are counted in [`Records::warc_non_response`]. Chunked and gzip/deflate bodies are
//!   decoded. The crawl date is not a publication date and is not passed on.
//! - Any of these **gzip**-compressed (recognised by magic bytes; multi-member streams too).
//!
//! Detection: `--input-format` if given, else the extension (`.warc`, `.jsonl`/`.ndjson`/
//! `.json`, `.html`/`.htm`/`.xhtml`, `.txt`/`.text`, each optionally `.gz`), else the
//! decompressed head (`WARC/1.`, a leading `{`, a leading tag, else text).
//!
//! # Folders
//! Walked recursively in byte-sorted order. Symlinks to files are read, symlinks to folders
//! are not followed (no loops). Hidden entries (`.git`, `.DS_Store`, ...) are not read by
//! design; they are counted in [`Records::ignored`], as are sockets and FIFOs.
//!
//! # Bad input
//! Every problem is a [`Skip`] and the run goes on: `unreadable` (with the OS error), `empty`,
//! `binary`, `too_large` (the record is read and discarded, never buffered whole),
//! `gzip_bomb` (decompression ratio above [`Limits::max_gzip_ratio`]; the rest of that input
//! is abandoned), `truncated_gzip` (records before the damage are kept), `invalid_json`,
//! `invalid_utf8`, `missing_text`, `invalid_warc` (the reader resynchronises on the next
//! `WARC/1.` line), `unsupported_type`, `http_status`.
#![warn(missing_docs)]

mod detect;
mod fields;
mod http;
mod input;
mod jsonl;
mod lines;
mod row;
mod walk;
mod warc;

pub use row::{row_record, Row};
pub use walk::Ignored;

use detect::Verdict;
use input::{Counters, Stream, HEAD_BYTES};
use sitrep_doc::{Hints, Payload, PayloadKind, RawRecord, Skip, SkipReason};
use std::collections::VecDeque;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

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
    /// Decompressed/compressed byte ratio above which a gzip input is a bomb (checked once
    /// 8 MiB or one record limit has been inflated). Natural text compresses 3-10x and
    /// deflate cannot exceed about 1030x, so 100 separates the two with room on both sides.
    pub max_gzip_ratio: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_record_bytes: 64 << 20,
            max_gzip_ratio: 100,
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

/// An input not started yet.
enum Pending {
    Path(PathBuf),
    Reader(String, Box<dyn Read + Send>),
}

/// The reader of the current input.
enum Reader {
    /// Text or HTML: the whole input is one record.
    Single(Option<Stream>, PayloadKind),
    Jsonl(jsonl::JsonlReader),
    Warc(warc::WarcReader),
}

/// A streaming reader over all inputs; memory does not grow with corpus size.
pub struct Records {
    pending: VecDeque<Pending>,
    walker: Option<walk::Walker>,
    current: Option<(Reader, Arc<Counters>)>,
    opts: SourceOptions,
    finished_bytes: u64,
    warc_non_response: u64,
    ignored: Ignored,
}

impl Records {
    /// Bytes read so far (after decompression), for progress display.
    pub fn bytes_read(&self) -> u64 {
        self.finished_bytes + self.current.as_ref().map_or(0, |(_, c)| c.out())
    }

    /// WARC records that are not `response` records (warcinfo, request, metadata, ...): not
    /// documents, so not reported as skips.
    pub fn warc_non_response(&self) -> u64 {
        let current = match &self.current {
            Some((Reader::Warc(w), _)) => w.non_response,
            _ => 0,
        };
        self.warc_non_response + current
    }

    /// Folder entries passed over on purpose (hidden, symlinked folders, special files).
    pub fn ignored(&self) -> Ignored {
        self.ignored
    }

    /// Start reading a file found on the command line or in a folder.
    fn start_path(&mut self, path: &Path) -> Option<SourceItem> {
        let name = path.display().to_string();
        match std::fs::File::open(path) {
            Ok(f) => self.start(name, Box::new(f)),
            Err(e) => Some(SourceItem::Skipped(input::unreadable(&name, &e))),
        }
    }

    /// Open `raw`, detect its format and make it current; a skip if it cannot be read at all.
    fn start(&mut self, name: String, raw: Box<dyn Read + Send>) -> Option<SourceItem> {
        let (stream, head) = match Stream::open(name, raw, &self.opts.limits) {
            Ok(x) => x,
            Err(skip) => return Some(SourceItem::Skipped(skip)),
        };
        let ext_name = (stream.name != "-").then_some(stream.name.as_str());
        let complete = head.len() < HEAD_BYTES;
        let verdict = detect::verdict(ext_name, &head, complete, self.opts.format);
        let format = match verdict {
            Verdict::Format(f) => f,
            Verdict::Empty => {
                let skip = stream.skip(None, SkipReason::Empty, "no text in the input".into());
                self.finished_bytes += stream.counters.out();
                return Some(SourceItem::Skipped(skip));
            }
            Verdict::Binary(why) => {
                let skip = stream.skip(None, SkipReason::Binary, why.into());
                self.finished_bytes += stream.counters.out();
                return Some(SourceItem::Skipped(skip));
            }
        };
        let counters = Arc::clone(&stream.counters);
        let reader = match format {
            InputFormat::Text => Reader::Single(Some(stream), PayloadKind::Text),
            InputFormat::Html => Reader::Single(Some(stream), PayloadKind::Html),
            InputFormat::Jsonl => Reader::Jsonl(jsonl::JsonlReader::new(stream)),
            InputFormat::Warc => Reader::Warc(warc::WarcReader::new(stream)),
        };
        self.current = Some((reader, counters));
        None
    }

    /// Account for the finished current input.
    fn finish_current(&mut self) {
        if let Some((reader, counters)) = self.current.take() {
            self.finished_bytes += counters.out();
            if let Reader::Warc(w) = reader {
                self.warc_non_response += w.non_response;
            }
        }
    }
}

impl Iterator for Records {
    type Item = SourceItem;
    fn next(&mut self) -> Option<SourceItem> {
        loop {
            if let Some((reader, _)) = &mut self.current {
                let item = match reader {
                    Reader::Single(stream, kind) => stream.take().map(|s| read_single(s, *kind)),
                    Reader::Jsonl(r) => r.next_item(),
                    Reader::Warc(r) => r.next_item(),
                };
                if item.is_some() {
                    return item;
                }
                self.finish_current();
                continue;
            }
            if let Some(walker) = &mut self.walker {
                match walker.next(&mut self.ignored) {
                    Some(Ok(path)) => match self.start_path(&path) {
                        Some(item) => return Some(item),
                        None => continue,
                    },
                    Some(Err(skip)) => return Some(SourceItem::Skipped(skip)),
                    None => {
                        self.walker = None;
                        continue;
                    }
                }
            }
            let started = match self.pending.pop_front()? {
                Pending::Reader(name, r) => self.start(name, r),
                Pending::Path(p) if p.as_os_str() == "-" => {
                    self.start("-".to_string(), Box::new(std::io::stdin()))
                }
                Pending::Path(p) => match std::fs::metadata(&p) {
                    Err(e) => {
                        let name = p.display().to_string();
                        Some(SourceItem::Skipped(input::unreadable(&name, &e)))
                    }
                    Ok(m) if m.is_dir() => match walk::Walker::new(&p, &mut self.ignored) {
                        Ok(w) => {
                            self.walker = Some(w);
                            None
                        }
                        Err(skip) => Some(SourceItem::Skipped(skip)),
                    },
                    Ok(_) => self.start_path(&p),
                },
            };
            if started.is_some() {
                return started;
            }
        }
    }
}

/// Read a text or HTML input as one record (index 0).
fn read_single(mut stream: Stream, kind: PayloadKind) -> SourceItem {
    let mut bytes = Vec::new();
    let limit = stream.limits.max_record_bytes;
    match lines::read_to_end_bounded(&mut stream.reader, &mut bytes, limit) {
        Err(e) => SourceItem::Skipped(stream.io_skip(&e, Some(0))),
        // Only now is the ratio meaningful: the head alone is below the bomb floor.
        Ok(true) => SourceItem::Skipped(stream.oversize_skip(Some(0), "document")),
        Ok(false) if bytes.trim_ascii().is_empty() => {
            SourceItem::Skipped(stream.skip(Some(0), SkipReason::Empty, "only whitespace".into()))
        }
        Ok(false) => SourceItem::Record(RawRecord {
            input: stream.name.clone(),
            record: 0,
            payload: Payload { kind, bytes },
            hints: Hints::default(),
        }),
    }
}

/// The kind of one document's bytes, judged by their head as for a file without a telling
/// extension: markup is HTML, anything else text. A single document (a Python argument, a
/// queue message) is never read as a JSONL or WARC container.
pub fn sniff_document(bytes: &[u8]) -> PayloadKind {
    let head = &bytes[..bytes.len().min(HEAD_BYTES)];
    match detect::sniff(head) {
        InputFormat::Html => PayloadKind::Html,
        _ => PayloadKind::Text,
    }
}

/// Open the inputs (`-` is stdin; folders are walked recursively in sorted order).
pub fn open(inputs: &[PathBuf], opts: &SourceOptions) -> Records {
    records(inputs.iter().cloned().map(Pending::Path).collect(), opts)
}

/// Read one already-open stream (stdin, a socket, a test buffer) named `name` in messages.
pub fn open_reader(
    name: &str,
    reader: impl Read + Send + 'static,
    opts: &SourceOptions,
) -> Records {
    let pending = Pending::Reader(name.to_string(), Box::new(reader));
    records(VecDeque::from([pending]), opts)
}

fn records(pending: VecDeque<Pending>, opts: &SourceOptions) -> Records {
    Records {
        pending,
        walker: None,
        current: None,
        opts: opts.clone(),
        finished_bytes: 0,
        warc_non_response: 0,
        ignored: Ignored::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_can_move_to_a_reader_thread() {
        fn is_send<T: Send>() {}
        is_send::<Records>();
        is_send::<SourceOptions>();
    }

    #[test]
    fn records_bytes_read_counts_decompressed_bytes() {
        let text = "x".repeat(10_000);
        let mut r = open_reader("-", std::io::Cursor::new(text), &SourceOptions::default());
        assert!(matches!(r.next(), Some(SourceItem::Record(_))));
        assert!(r.next().is_none());
        assert_eq!(r.bytes_read(), 10_000);
    }
}
