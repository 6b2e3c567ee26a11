use crate::util::*;
use flate2::{write::GzEncoder, Compression};
use sitrep_doc::SkipReason;
use sitrep_sources::{open, SourceOptions};
use std::io::Write;
use std::time::Instant;

fn jsonl_lines(n: usize) -> Vec<u8> {
    let mut out = Vec::new();
    for i in 0..n {
        let text = String::from_utf8(noise(200, i as u64)).expect("ascii");
        out.extend_from_slice(format!("{{\"id\": {i}, \"text\": \"{text}\"}}\n").as_bytes());
    }
    out
}

#[test]
fn gzip_is_found_by_magic_and_multi_member_streams_are_read_whole() {
    let all = jsonl_lines(30);
    // Split mid-line: members are one byte stream, not one record each.
    let mut gz = gzip(&all[..1000]);
    gz.extend(gzip(&all[1000..]));
    let d = read_bytes("-", gz, &SourceOptions::default());
    assert!(d.skips.is_empty(), "{:?}", d.skips);
    assert_eq!(d.record_ids(), (0..30).collect::<Vec<u64>>());
}

#[test]
fn gzip_truncated_keeps_records_before_the_cut_then_one_skip() {
    let gz = gzip(&jsonl_lines(500));
    let cut = gz[..gz.len() * 6 / 10].to_vec();
    let d = read_bytes("feed.jsonl.gz", cut, &SourceOptions::default());
    assert!(d.records.len() > 100, "kept {}", d.records.len());
    assert_eq!(d.order.trim_end_matches('S'), "R".repeat(d.records.len()));
    assert_eq!(d.skips.len(), 1);
    let skip = &d.skips[0];
    assert_eq!(skip.reason, SkipReason::TruncatedGzip);
    assert_eq!(skip.record, Some(d.records.len() as u64));
    assert_eq!(skip.input, "feed.jsonl.gz");
}

#[test]
fn gzip_corrupt_header_is_truncated_gzip_for_the_file() {
    let d = read_bytes(
        "x.gz",
        b"\x1f\x8b\x08\x00garbage".to_vec(),
        &SourceOptions::default(),
    );
    assert_eq!(d.reasons(), [(None, SkipReason::TruncatedGzip)]);
}

/// 300 MB of zeros in about 300 KB.
fn zeros_gz() -> Vec<u8> {
    let mut enc = GzEncoder::new(Vec::new(), Compression::best());
    let zeros = vec![0u8; 1 << 20];
    for _ in 0..300 {
        enc.write_all(&zeros).expect("in-memory write");
    }
    enc.finish().expect("in-memory write")
}

#[test]
fn gzip_bomb_of_zeros_is_binary_from_the_head_or_a_bomb_in_warc() {
    let bomb = zeros_gz();
    assert!(bomb.len() < 1 << 20);
    let dir = tempfile::tempdir().expect("tempdir");
    let paths: Vec<_> = ["bomb.gz", "bomb.jsonl.gz", "bomb.txt.gz", "bomb.warc.gz"]
        .iter()
        .map(|n| {
            let p = dir.path().join(n);
            write(&p, &bomb);
            p
        })
        .collect();
    let started = Instant::now();
    let mut records = open(&paths, &opts_with_limit(1 << 20));
    let d = drain(&mut records);
    assert!(d.records.is_empty());
    let got: Vec<_> = d
        .skips
        .iter()
        .map(|s| (s.input.rsplit('/').next().unwrap_or(""), s.reason))
        .collect();
    assert_eq!(
        got,
        [
            ("bomb.gz", SkipReason::Binary),
            ("bomb.jsonl.gz", SkipReason::Binary),
            ("bomb.txt.gz", SkipReason::Binary),
            // WARC may carry binary payloads, so zeros get as far as the record reader: an
            // endless non-WARC line, abandoned once the ratio shows a bomb.
            ("bomb.warc.gz", SkipReason::InvalidWarc),
            ("bomb.warc.gz", SkipReason::GzipBomb),
        ]
    );
    // Far less than the 1.2 GB the four would inflate to.
    assert!(records.bytes_read() < 64 << 20, "{}", records.bytes_read());
    eprintln!("4 bombs: {:?}", started.elapsed());
}

#[test]
fn gzip_bomb_in_one_jsonl_line_is_abandoned() {
    let mut enc = GzEncoder::new(Vec::new(), Compression::best());
    enc.write_all(b"{\"text\": \"").expect("in-memory write");
    let chunk = vec![b'a'; 1 << 20];
    for _ in 0..300 {
        enc.write_all(&chunk).expect("in-memory write");
    }
    enc.write_all(b"\"}\n{\"text\": \"never reached\"}\n")
        .expect("in-memory write");
    let gz = enc.finish().expect("in-memory write");
    let mut records =
        sitrep_sources::open_reader("-", std::io::Cursor::new(gz), &opts_with_limit(1 << 20));
    let d = drain(&mut records);
    assert_eq!(d.reasons(), [(Some(0), SkipReason::GzipBomb)]);
    assert!(d.records.is_empty(), "the rest of a bomb is not read");
    assert!(records.bytes_read() < 64 << 20, "{}", records.bytes_read());
}

#[test]
fn gzip_bomb_of_text_over_the_limit_is_gzip_bomb_not_too_large() {
    // Repetitive text (not binary) that inflates 1000x: a bomb a text sniffer cannot catch.
    let mut enc = GzEncoder::new(Vec::new(), Compression::best());
    let line = vec![b'a'; 1 << 20];
    for _ in 0..100 {
        enc.write_all(&line).expect("in-memory write");
    }
    let gz = enc.finish().expect("in-memory write");
    let d = read_bytes("a.txt.gz", gz, &opts_with_limit(16 << 20));
    assert_eq!(d.reasons(), [(Some(0), SkipReason::GzipBomb)]);
    assert!(d.skips[0].detail.contains("ratio"), "{}", d.skips[0].detail);
}

#[test]
fn gzip_large_but_ordinary_text_is_too_large_and_next_record_read() {
    let mut data = b"{\"text\": \"".to_vec();
    data.extend(noise(3 << 20, 1));
    data.extend_from_slice(b"\"}\n{\"text\": \"small\"}\n");
    let d = read_bytes("big.jsonl.gz", gzip(&data), &opts_with_limit(1 << 20));
    assert_eq!(d.reasons(), [(Some(0), SkipReason::TooLarge)]);
    assert_eq!(d.texts(), ["small"]);
}

#[test]
fn gzip_bomb_of_many_small_lines_is_caught_between_records() {
    // Each line is fine on its own; together they inflate about 1000x.
    let mut enc = GzEncoder::new(Vec::new(), Compression::best());
    let line = b"{\"text\": \"same line again\"}\n".repeat(1 << 15);
    for _ in 0..300 {
        enc.write_all(&line).expect("in-memory write");
    }
    let gz = enc.finish().expect("in-memory write");
    let opts = opts_with_limit(1 << 20);
    let mut records = sitrep_sources::open_reader("-", std::io::Cursor::new(gz), &opts);
    let d = drain(&mut records);
    assert_eq!(d.skips.len(), 1, "{:?}", d.skips.first());
    assert_eq!(d.skips[0].reason, SkipReason::GzipBomb);
    assert_eq!(d.skips[0].record, Some(d.records.len() as u64));
    assert!(!d.records.is_empty(), "records before the verdict are kept");
    assert!(d.records.len() < 300 << 15, "the rest is not read");
}
