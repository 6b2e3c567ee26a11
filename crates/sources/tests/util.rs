//! Test helpers: collect items, gzip, and a small WARC writer.

use flate2::{write::GzEncoder, Compression};
use sitrep_doc::{RawRecord, Skip, SkipReason};
use sitrep_sources::{open, open_reader, Records, SourceItem, SourceOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Records and skips of a drained iterator, in order.
pub struct Drained {
    pub records: Vec<RawRecord>,
    pub skips: Vec<Skip>,
    /// The order of kinds: `R` for a record, `S` for a skip.
    pub order: String,
}

impl Drained {
    pub fn reasons(&self) -> Vec<(Option<u64>, SkipReason)> {
        self.skips.iter().map(|s| (s.record, s.reason)).collect()
    }
    pub fn record_ids(&self) -> Vec<u64> {
        self.records.iter().map(|r| r.record).collect()
    }
    pub fn texts(&self) -> Vec<String> {
        self.records
            .iter()
            .map(|r| String::from_utf8_lossy(&r.payload.bytes).into_owned())
            .collect()
    }
}

pub fn drain(records: &mut Records) -> Drained {
    let mut d = Drained {
        records: Vec::new(),
        skips: Vec::new(),
        order: String::new(),
    };
    for item in records {
        match item {
            SourceItem::Record(r) => {
                d.order.push('R');
                d.records.push(r);
            }
            SourceItem::Skipped(s) => {
                d.order.push('S');
                d.skips.push(s);
            }
        }
    }
    d
}

pub fn read_bytes(name: &str, bytes: Vec<u8>, opts: &SourceOptions) -> Drained {
    drain(&mut open_reader(name, std::io::Cursor::new(bytes), opts))
}

pub fn read_paths(paths: &[PathBuf], opts: &SourceOptions) -> Drained {
    drain(&mut open(paths, opts))
}

pub fn opts_with_limit(max_record_bytes: usize) -> SourceOptions {
    let mut o = SourceOptions::default();
    o.limits.max_record_bytes = max_record_bytes;
    o
}

pub fn gzip(data: &[u8]) -> Vec<u8> {
    let mut enc = GzEncoder::new(Vec::new(), Compression::default());
    enc.write_all(data).expect("in-memory write");
    enc.finish().expect("in-memory write")
}

pub fn write(path: &Path, bytes: &[u8]) {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).expect("create test dir");
    }
    std::fs::write(path, bytes).expect("write test file");
}

/// Letters from a fixed LCG: text that does not compress much, without a rand dependency.
pub fn noise(n: usize, seed: u64) -> Vec<u8> {
    let mut x = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
    (0..n)
        .map(|i| {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            if i % 7 == 6 {
                b' '
            } else {
                b'a' + ((x >> 33) % 26) as u8
            }
        })
        .collect()
}

/// One WARC/1.1 record with the given type, headers and block.
pub fn warc_record(warc_type: &str, extra: &[(&str, &str)], block: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(b"WARC/1.1\r\n");
    out.extend_from_slice(format!("WARC-Type: {warc_type}\r\n").as_bytes());
    out.extend_from_slice(b"WARC-Date: 2024-01-02T03:04:05Z\r\n");
    for (k, v) in extra {
        out.extend_from_slice(format!("{k}: {v}\r\n").as_bytes());
    }
    out.extend_from_slice(format!("Content-Length: {}\r\n\r\n", block.len()).as_bytes());
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

/// A `response` record carrying an HTTP response with the given head lines and body.
pub fn warc_response(id: u32, uri: &str, http_head: &str, body: &[u8]) -> Vec<u8> {
    let mut block = http_head.replace('\n', "\r\n").into_bytes();
    block.extend_from_slice(b"\r\n\r\n");
    block.extend_from_slice(body);
    let rid = format!("<urn:uuid:00000000-0000-0000-0000-{id:012}>");
    warc_record(
        "response",
        &[
            ("WARC-Record-ID", rid.as_str()),
            ("WARC-Target-URI", uri),
            ("Content-Type", "application/http; msgtype=response"),
        ],
        &block,
    )
}

pub fn warcinfo() -> Vec<u8> {
    warc_record(
        "warcinfo",
        &[("Content-Type", "application/warc-fields")],
        b"software: sitrep-tests\r\nformat: WARC File Format 1.1\r\n",
    )
}

pub fn html_page(title: &str) -> String {
    format!("<!doctype html><html><head><title>{title}</title></head><body><p>{title} body.</p></body></html>")
}
