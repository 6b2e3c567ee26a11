use crate::util::*;
use sitrep_doc::{PayloadKind, SkipReason};
use sitrep_sources::{open_reader, SourceOptions};

const OK_HTML: &str = "HTTP/1.1 200 OK\nContent-Type: text/html; charset=ISO-8859-1";

/// warcinfo, request, response (HTML), metadata, response (JPEG), response (404),
/// response (no HTTP), response (HTML, bare LF head).
fn sample() -> Vec<Vec<u8>> {
    vec![
        warcinfo(),
        warc_record(
            "request",
            &[("WARC-Target-URI", "http://a/1")],
            b"GET /1 HTTP/1.1\r\n\r\n",
        ),
        warc_response(1, "http://a/1", OK_HTML, html_page("One").as_bytes()),
        warc_record("metadata", &[], b"fetchTimeMs: 12\r\n"),
        warc_response(
            2,
            "http://a/img",
            "HTTP/1.1 200 OK\nContent-Type: image/jpeg",
            b"\xff\xd8\xff\0\0",
        ),
        warc_response(
            3,
            "http://a/gone",
            "HTTP/1.1 404 Not Found\nContent-Type: text/html",
            b"<p>nf</p>",
        ),
        warc_record(
            "response",
            &[("Content-Type", "text/dns")],
            b"a.example. 60 IN A 1.2.3.4\r\n",
        ),
        {
            let mut block = b"HTTP/1.0 200 OK\nContent-Type: application/xhtml+xml\n\n".to_vec();
            block.extend_from_slice(html_page("Two").as_bytes());
            warc_record("response", &[("WARC-Target-URI", "<http://a/2>")], &block)
        },
    ]
}

fn check_sample(d: &Drained) {
    assert_eq!(d.record_ids(), [2, 7]);
    let r = &d.records[0];
    assert_eq!(r.payload.kind, PayloadKind::Html);
    assert_eq!(r.payload.bytes, html_page("One").as_bytes());
    assert_eq!(r.hints.url.as_deref(), Some("http://a/1"));
    assert_eq!(
        r.hints.id.as_deref(),
        Some("urn:uuid:00000000-0000-0000-0000-000000000001")
    );
    assert_eq!(r.hints.charset.as_deref(), Some("iso-8859-1"));
    assert_eq!(
        r.hints.published, None,
        "the crawl date is not a publication date"
    );
    assert_eq!(d.records[1].hints.url.as_deref(), Some("http://a/2"));
    assert_eq!(
        d.reasons(),
        [
            (Some(4), SkipReason::UnsupportedType),
            (Some(5), SkipReason::HttpStatus),
            (Some(6), SkipReason::UnsupportedType),
        ]
    );
}

#[test]
fn warc_only_html_responses_become_records() {
    let opts = SourceOptions::default();
    let mut records = open_reader("crawl.warc", std::io::Cursor::new(sample().concat()), &opts);
    let d = drain(&mut records);
    check_sample(&d);
    assert_eq!(records.warc_non_response(), 3);
}

#[test]
fn warc_gz_with_one_member_per_record_reads_the_same() {
    let gz: Vec<u8> = sample().iter().flat_map(|r| gzip(r)).collect();
    // Sniffed from the decompressed head: no name to go by.
    check_sample(&read_bytes("-", gz, &SourceOptions::default()));
}

#[test]
fn warc_chunked_and_gzip_bodies_are_decoded() {
    let page = html_page("Chunked");
    let (a, b) = page.as_bytes().split_at(10);
    let mut chunked = format!("{:x}\r\n", a.len()).into_bytes();
    chunked.extend_from_slice(a);
    chunked.extend_from_slice(format!("\r\n{:x}\r\n", b.len()).as_bytes());
    chunked.extend_from_slice(b);
    chunked.extend_from_slice(b"\r\n0\r\n\r\n");
    let gz_body = gzip(page.as_bytes());
    let mut chunked_gz = format!("{:x}\r\n", gz_body.len()).into_bytes();
    chunked_gz.extend_from_slice(&gz_body);
    chunked_gz.extend_from_slice(b"\r\n0\r\n\r\n");
    let warc = [
        warc_response(1, "u1", "HTTP/1.1 200 OK\nContent-Type: text/html\nTransfer-Encoding: chunked", &chunked),
        warc_response(2, "u2", "HTTP/1.1 200 OK\nContent-Type: text/html\nContent-Encoding: gzip", &gz_body),
        warc_response(
            3,
            "u3",
            "HTTP/1.1 200 OK\nContent-Type: text/html\nTransfer-Encoding: chunked\nContent-Encoding: gzip",
            &chunked_gz,
        ),
        warc_response(4, "u4", "HTTP/1.1 200 OK\nContent-Type: text/html\nContent-Encoding: br", b"\x0b\x02"),
        warc_response(5, "u5", "HTTP/1.1 200 OK\nContent-Type: text/html\nTransfer-Encoding: chunked", b"zz\r\n"),
    ]
    .concat();
    let d = read_bytes("x.warc", warc, &SourceOptions::default());
    assert_eq!(d.texts(), [page.clone(), page.clone(), page]);
    assert_eq!(
        d.reasons(),
        [
            (Some(3), SkipReason::UnsupportedType),
            (Some(4), SkipReason::InvalidWarc)
        ]
    );
}

#[test]
fn warc_malformed_records_are_skipped_and_reading_resynchronises() {
    let good = |i| warc_response(i, "http://ok", OK_HTML, html_page("ok").as_bytes());
    let mut input = Vec::new();
    input.extend(good(1)); // record 0
    input.extend_from_slice(b"garbage between records\r\nmore garbage\r\n"); // record 1
    input.extend(good(2)); // record 2
    input.extend_from_slice(b"WARC/1.1\r\nWARC-Type: response\r\nno colon here\r\n\r\nbody\r\n"); // 3
    input.extend(good(3)); // record 4
    input.extend_from_slice(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: lots\r\n\r\n"); // 5
    input.extend(good(4)); // record 6
    let d = read_bytes("bad.warc", input, &SourceOptions::default());
    assert_eq!(d.record_ids(), [0, 2, 4, 6]);
    assert_eq!(
        d.reasons(),
        [
            (Some(1), SkipReason::InvalidWarc),
            (Some(3), SkipReason::InvalidWarc),
            (Some(5), SkipReason::InvalidWarc),
        ]
    );
    assert!(
        d.skips[0].detail.contains("garbage"),
        "{}",
        d.skips[0].detail
    );
}

#[test]
fn warc_truncated_block_and_truncated_gzip_keep_earlier_records() {
    let records: Vec<Vec<u8>> = (0..6)
        .map(|i| {
            warc_response(
                i,
                "http://t",
                OK_HTML,
                html_page(&format!("p{i}")).as_bytes(),
            )
        })
        .collect();
    let mut plain = records[..3].concat();
    plain.truncate(plain.len() - 40);
    let d = read_bytes("t.warc", plain, &SourceOptions::default());
    assert_eq!(d.record_ids(), [0, 1]);
    assert_eq!(d.reasons(), [(Some(2), SkipReason::InvalidWarc)]);
    assert!(
        d.skips[0].detail.contains("truncated"),
        "{}",
        d.skips[0].detail
    );

    let mut gz: Vec<u8> = records.iter().flat_map(|r| gzip(r)).collect();
    let member = gzip(&records[0]).len();
    gz.truncate(member * 3 + member / 2);
    let d = read_bytes("t.warc.gz", gz, &SourceOptions::default());
    assert_eq!(d.record_ids(), [0, 1, 2]);
    assert_eq!(d.reasons(), [(Some(3), SkipReason::TruncatedGzip)]);
}

#[test]
fn warc_oversized_response_is_discarded_and_the_next_read() {
    let big = noise(50_000, 9);
    let input = [
        warc_response(1, "big", OK_HTML, &big),
        warc_response(2, "small", OK_HTML, html_page("s").as_bytes()),
    ]
    .concat();
    let d = read_bytes("-", input, &opts_with_limit(10_000));
    assert_eq!(d.reasons(), [(Some(0), SkipReason::TooLarge)]);
    assert_eq!(d.record_ids(), [1]);
}
