//! Shared checks for the fuzz targets: each target feeds arbitrary bytes to one untrusted-input
//! path and asserts what must hold for any input (no panic is libFuzzer's own check; these add
//! "the reader ends", "a skip says why" and "offsets stay inside the text").

use sitrep_doc::{Hints, Payload, PayloadKind, RawRecord};
use sitrep_sources::{open_reader, InputFormat, Limits, SourceItem, SourceOptions};

/// The record limit the source targets use: small, so the over-limit paths (read through and
/// discard, gzip cut) are reached by small inputs.
pub const RECORD_LIMIT: usize = 4096;

/// Reads `data` as one input in `format` (`None`: detected) and checks every item.
pub fn read_all(data: &[u8], format: Option<InputFormat>) {
    let opts = SourceOptions {
        format,
        limits: Limits {
            max_record_bytes: RECORD_LIMIT,
            ..Limits::default()
        },
    };
    let items = open_reader("fuzz", std::io::Cursor::new(data.to_vec()), &opts);
    // Every item but the last consumes at least one byte of input (a record or a line), so
    // more items than input bytes plus a few means the reader loops.
    let bound = data.len() + 16;
    let mut count = 0;
    for item in items.take(bound + 1) {
        count += 1;
        match item {
            SourceItem::Record(r) => {
                assert_eq!(r.input, "fuzz");
                assert!(
                    r.payload.bytes.len() <= RECORD_LIMIT,
                    "record over the limit"
                );
            }
            SourceItem::Skipped(s) => {
                assert_eq!(s.input, "fuzz");
                assert!(!s.detail.is_empty(), "a skip without a reason: {s:?}");
            }
        }
    }
    assert!(count <= bound, "the reader does not end");
}

/// A record holding `data` as a payload of `kind`, as a source would give it.
pub fn record(data: &[u8], kind: PayloadKind) -> RawRecord {
    RawRecord {
        input: "fuzz".into(),
        record: 0,
        payload: Payload {
            kind,
            bytes: data.to_vec(),
        },
        hints: Hints::default(),
    }
}

/// The bytes as text, as the stages past extraction see it (they only take `&str`).
pub fn text(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}
