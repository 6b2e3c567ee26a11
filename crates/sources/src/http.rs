//! The HTTP response inside a WARC `response` record: status line, headers, and the body
//! with its transfer and content encodings undone (bounded).

use flate2::read::{DeflateDecoder, MultiGzDecoder, ZlibDecoder};
use memchr::memmem;
use std::io::Read;

/// What the response head says.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Head {
    pub status: u16,
    /// Media type, lower-cased, without parameters.
    pub media_type: Option<String>,
    /// `charset` parameter of Content-Type, lower-cased, unquoted.
    pub charset: Option<String>,
    pub chunked: bool,
    /// Content-Encoding, lower-cased (`identity` omitted).
    pub encoding: Option<String>,
    /// Offset of the body in the block.
    pub body_start: usize,
}

/// Parse the status line and headers at the start of `block`.
pub(crate) fn parse_head(block: &[u8]) -> Result<Head, String> {
    let crlf = memmem::find(block, b"\r\n\r\n").map(|i| (i, i + 4));
    let lf = memmem::find(block, b"\n\n").map(|i| (i, i + 2));
    let (end, body_start) = match (crlf, lf) {
        (Some(a), Some(b)) => {
            if a.0 <= b.0 {
                a
            } else {
                b
            }
        }
        (Some(a), None) => a,
        (None, Some(b)) => b,
        // Headers with no body at all (e.g. a HEAD-like or truncated response).
        (None, None) => (block.len(), block.len()),
    };
    let text = String::from_utf8_lossy(&block[..end]);
    let mut lines = text.split('\n').map(|l| l.trim_end_matches('\r'));
    let status_line = lines.next().unwrap_or("");
    let status = parse_status(status_line)
        .ok_or_else(|| format!("not an HTTP status line: {:?}", clip(status_line)))?;
    let mut head = Head {
        status,
        body_start,
        ..Head::default()
    };
    for line in lines {
        let Some((name, value)) = line.split_once(':') else {
            continue; // folded or junk header lines carry nothing we use
        };
        let value = value.trim();
        if name.eq_ignore_ascii_case("content-type") {
            let (media, params) = value.split_once(';').unwrap_or((value, ""));
            head.media_type = Some(media.trim().to_ascii_lowercase());
            head.charset = charset_param(params);
        } else if name.eq_ignore_ascii_case("transfer-encoding") {
            head.chunked = value.to_ascii_lowercase().contains("chunked");
        } else if name.eq_ignore_ascii_case("content-encoding") {
            let enc = value.to_ascii_lowercase();
            if !enc.is_empty() && enc != "identity" {
                head.encoding = Some(enc);
            }
        }
    }
    Ok(head)
}

fn parse_status(line: &str) -> Option<u16> {
    let rest = line.strip_prefix("HTTP/")?;
    let code = rest.split_whitespace().nth(1)?;
    code.parse().ok().filter(|c| (100..1000).contains(c))
}

fn charset_param(params: &str) -> Option<String> {
    params.split(';').find_map(|p| {
        let (k, v) = p.split_once('=')?;
        if !k.trim().eq_ignore_ascii_case("charset") {
            return None;
        }
        let v = v.trim().trim_matches(|c| c == '"' || c == '\'').trim();
        (!v.is_empty()).then(|| v.to_ascii_lowercase())
    })
}

fn clip(s: &str) -> String {
    s.chars().take(60).collect()
}

/// Undo `Transfer-Encoding: chunked`. A body cut off mid-chunk (crawlers truncate) keeps what
/// arrived; a chunk size that is not hex is an error.
pub(crate) fn dechunk(body: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(body.len());
    let mut pos = 0;
    while pos < body.len() {
        let line_end = match memchr::memchr(b'\n', &body[pos..]) {
            Some(i) => pos + i,
            None => break, // truncated inside a size line
        };
        let line = std::str::from_utf8(&body[pos..line_end])
            .map_err(|_| format!("chunk size line at byte {pos} is not text"))?;
        let size_text = line.trim_end_matches('\r');
        let size_text = size_text.split(';').next().unwrap_or("").trim();
        let size = usize::from_str_radix(size_text, 16)
            .map_err(|_| format!("bad chunk size {:?} at byte {pos}", clip(size_text)))?;
        pos = line_end + 1;
        if size == 0 {
            return Ok(out);
        }
        let end = pos.saturating_add(size).min(body.len());
        out.extend_from_slice(&body[pos..end]);
        pos = end;
        // The CRLF after the chunk data.
        if body[pos..].starts_with(b"\r\n") {
            pos += 2;
        } else if body[pos..].starts_with(b"\n") {
            pos += 1;
        }
    }
    Ok(out)
}

/// Why a body could not be decoded.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum DecodeError {
    /// An encoding we do not implement (br, zstd, ...).
    Unsupported(String),
    /// More than the limit after decoding.
    TooLarge,
    /// The compressed body is corrupt.
    Corrupt(String),
}

/// Undo `Content-Encoding` into at most `limit` bytes.
pub(crate) fn decode_content(
    encoding: &str,
    body: &[u8],
    limit: usize,
) -> Result<Vec<u8>, DecodeError> {
    let reader: Box<dyn Read + '_> = match encoding {
        "gzip" | "x-gzip" => Box::new(MultiGzDecoder::new(body)),
        // "deflate" is zlib-wrapped per the RFC, but some servers send raw deflate.
        "deflate" if body.first().is_some_and(|b| b & 0x0f == 8) => {
            Box::new(ZlibDecoder::new(body))
        }
        "deflate" => Box::new(DeflateDecoder::new(body)),
        other => return Err(DecodeError::Unsupported(other.to_string())),
    };
    let mut out = Vec::new();
    reader
        .take(limit as u64 + 1)
        .read_to_end(&mut out)
        .map_err(|e| DecodeError::Corrupt(e.to_string()))?;
    if out.len() > limit {
        return Err(DecodeError::TooLarge);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_head_reads_status_type_charset_and_encodings() {
        let b = b"HTTP/1.1 200 OK\r\nContent-Type: text/HTML; Charset=\"ISO-8859-1\"\r\n\
                  Transfer-Encoding: chunked\r\ncontent-encoding: gzip\r\n\r\nBODY";
        let h = parse_head(b).unwrap();
        assert_eq!(h.status, 200);
        assert_eq!(h.media_type.as_deref(), Some("text/html"));
        assert_eq!(h.charset.as_deref(), Some("iso-8859-1"));
        assert!(h.chunked);
        assert_eq!(h.encoding.as_deref(), Some("gzip"));
        assert_eq!(&b[h.body_start..], b"BODY");
    }

    #[test]
    fn parse_head_accepts_bare_lf_and_rejects_non_http() {
        let h = parse_head(b"HTTP/1.0 301 Moved\nLocation: x\n\n<html>").unwrap();
        assert_eq!(h.status, 301);
        assert!(parse_head(b"GET / HTTP/1.1\r\n\r\n").is_err());
        assert!(parse_head(b"").is_err());
    }

    #[test]
    fn dechunk_joins_chunks_and_keeps_truncated_tail() {
        assert_eq!(
            dechunk(b"4\r\nWiki\r\n5;ext=1\r\npedia\r\n0\r\n\r\n").unwrap(),
            b"Wikipedia"
        );
        assert_eq!(dechunk(b"4\r\nWiki\r\nA\r\nped").unwrap(), b"Wikiped");
        assert!(dechunk(b"zz\r\nWiki\r\n").is_err());
    }

    #[test]
    fn decode_content_bounds_output() {
        use flate2::{write::GzEncoder, Compression};
        use std::io::Write;
        let mut enc = GzEncoder::new(Vec::new(), Compression::fast());
        enc.write_all(&[b'a'; 10_000]).unwrap();
        let gz = enc.finish().unwrap();
        assert_eq!(decode_content("gzip", &gz, 20_000).unwrap().len(), 10_000);
        assert_eq!(decode_content("gzip", &gz, 100), Err(DecodeError::TooLarge));
        assert!(matches!(
            decode_content("gzip", b"not gzip", 100),
            Err(DecodeError::Corrupt(_))
        ));
        assert!(matches!(
            decode_content("br", b"x", 100),
            Err(DecodeError::Unsupported(_))
        ));
    }
}
