//! Format detection: the file name first (`.gz` stripped), then the decompressed head.

use crate::InputFormat;

/// What the head of an input says about it.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// Read it as this format.
    Format(InputFormat),
    /// No bytes, or only whitespace.
    Empty,
    /// Not text; the detail says why.
    Binary(&'static str),
}

/// The format named by a file name's extension, if it names one.
pub(crate) fn by_extension(name: &str) -> Option<InputFormat> {
    let lower = name.to_ascii_lowercase();
    let base = lower
        .strip_suffix(".gz")
        .or_else(|| lower.strip_suffix(".gzip"))
        .unwrap_or(&lower);
    let ext = base.rsplit_once('.').map(|(_, e)| e)?;
    if ext.contains('/') {
        return None;
    }
    match ext {
        "warc" => Some(InputFormat::Warc),
        "jsonl" | "ndjson" | "json" | "jsonlines" => Some(InputFormat::Jsonl),
        "html" | "htm" | "xhtml" | "shtml" => Some(InputFormat::Html),
        "txt" | "text" => Some(InputFormat::Text),
        _ => None,
    }
}

/// The format the head looks like.
pub(crate) fn sniff(head: &[u8]) -> InputFormat {
    let start = skip_bom_and_space(head);
    let rest = &head[start..];
    if rest.starts_with(b"WARC/1.") {
        return InputFormat::Warc;
    }
    if rest.first() == Some(&b'{') {
        return InputFormat::Jsonl;
    }
    if looks_like_markup(rest) {
        return InputFormat::Html;
    }
    InputFormat::Text
}

/// Does text start like an HTML page or fragment (`<!doctype`, `<html`, a comment, any tag)?
pub(crate) fn looks_like_markup(rest: &[u8]) -> bool {
    let mut probe = [0u8; 16];
    let n = rest.len().min(probe.len());
    probe[..n].copy_from_slice(&rest[..n]);
    probe[..n].make_ascii_lowercase();
    let probe = &probe[..n];
    if [
        &b"<!doctype"[..],
        b"<html",
        b"<head",
        b"<body",
        b"<!--",
        b"<?xml",
    ]
    .iter()
    .any(|p| probe.starts_with(p))
    {
        return true;
    }
    // A leading tag of any name: `<` then a letter.
    probe.first() == Some(&b'<') && probe.get(1).is_some_and(|c| c.is_ascii_alphabetic())
}

/// Decide how to read an input from its name, head and a forced format. `complete` says the
/// head is the whole input (it ended within the sniffing window).
pub(crate) fn verdict(
    name: Option<&str>,
    head: &[u8],
    complete: bool,
    forced: Option<InputFormat>,
) -> Verdict {
    if head.is_empty() {
        return Verdict::Empty;
    }
    if complete && head.iter().all(u8::is_ascii_whitespace) {
        return Verdict::Empty;
    }
    let format = forced
        .or_else(|| name.and_then(by_extension))
        .unwrap_or_else(|| sniff(head));
    // WARC files legitimately carry binary payloads (images, gzip bodies) between headers.
    if format != InputFormat::Warc {
        if let Some(why) = binary_reason(head) {
            return Verdict::Binary(why);
        }
    }
    Verdict::Format(format)
}

/// Why a head is not text, if it is not. UTF-16 with a BOM is text (extraction decodes it).
fn binary_reason(head: &[u8]) -> Option<&'static str> {
    if head.starts_with(&[0xff, 0xfe]) || head.starts_with(&[0xfe, 0xff]) {
        return None;
    }
    // Containers users are likely to hand us: say what they are instead of just "binary".
    for (magic, what) in [
        (
            &b"PK\x03\x04"[..],
            "a zip archive: unpack it first (only gzip is read)",
        ),
        (
            b"\x28\xb5\x2f\xfd",
            "zstd-compressed: decompress it first (only gzip is read)",
        ),
        (
            b"\xfd7zXZ\x00",
            "xz-compressed: decompress it first (only gzip is read)",
        ),
        (
            b"7z\xbc\xaf\x27\x1c",
            "a 7z archive: unpack it first (only gzip is read)",
        ),
        (b"%PDF-", "a PDF: not a text, HTML, JSONL or WARC file"),
    ] {
        if head.starts_with(magic) {
            return Some(what);
        }
    }
    if head.starts_with(b"BZh") && head.get(4..10) == Some(b"1AY&SY") {
        return Some("bzip2-compressed: decompress it first (only gzip is read)");
    }
    if memchr::memchr(0, head).is_some() {
        return Some("NUL bytes in the first 8 KiB: not a text, HTML, JSONL or WARC file");
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b))
        .count();
    // Text has next to no C0 controls; compressed or executable data has about 1 in 8 bytes.
    if controls * 20 > head.len() {
        return Some("control bytes in the first 8 KiB: not a text, HTML, JSONL or WARC file");
    }
    None
}

fn skip_bom_and_space(head: &[u8]) -> usize {
    let start = if head.starts_with(&[0xef, 0xbb, 0xbf]) {
        3
    } else {
        0
    };
    start
        + head[start..]
            .iter()
            .take_while(|b| b.is_ascii_whitespace())
            .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extension_names_the_format_through_gz() {
        assert_eq!(by_extension("a/b.warc.gz"), Some(InputFormat::Warc));
        assert_eq!(by_extension("x.NDJSON"), Some(InputFormat::Jsonl));
        assert_eq!(by_extension("x.json.gz"), Some(InputFormat::Jsonl));
        assert_eq!(by_extension("page.HTM"), Some(InputFormat::Html));
        assert_eq!(by_extension("n.txt.gz"), Some(InputFormat::Text));
        assert_eq!(by_extension("data.csv"), None);
        assert_eq!(by_extension("dir.d/file"), None);
        assert_eq!(by_extension("-"), None);
    }

    #[test]
    fn sniff_recognises_each_format() {
        assert_eq!(sniff(b"WARC/1.1\r\nWARC-Type: warcinfo"), InputFormat::Warc);
        assert_eq!(
            sniff(b"\xef\xbb\xbf  <!DOCTYPE html><p>"),
            InputFormat::Html
        );
        assert_eq!(sniff(b"<div class=x>hi</div>"), InputFormat::Html);
        assert_eq!(sniff(b"\n{\"text\": \"a\"}\n"), InputFormat::Jsonl);
        assert_eq!(sniff(b"Kim met Putin. <3"), InputFormat::Text);
        assert_eq!(sniff(b"< not a tag"), InputFormat::Text);
    }

    #[test]
    fn verdict_flags_empty_and_binary_but_not_warc() {
        assert_eq!(verdict(None, b"", true, None), Verdict::Empty);
        assert_eq!(verdict(None, b" \n\t", true, None), Verdict::Empty);
        assert!(matches!(
            verdict(Some("a.txt"), b"abc\0def", true, None),
            Verdict::Binary(_)
        ));
        assert!(matches!(
            verdict(None, &[1, 2, 3, 4, 5, 6, 7, 8, b'a'], true, None),
            Verdict::Binary(_)
        ));
        assert_eq!(
            verdict(Some("a.warc"), b"WARC/1.0\r\n\0\0", true, None),
            Verdict::Format(InputFormat::Warc)
        );
        assert_eq!(
            verdict(Some("a.txt"), b"<html>", true, Some(InputFormat::Jsonl)),
            Verdict::Format(InputFormat::Jsonl)
        );
        assert_eq!(
            verdict(Some("a.jsonl.zst"), b"\x28\xb5\x2f\xfd\x04\x00", true, None),
            Verdict::Binary("zstd-compressed: decompress it first (only gzip is read)")
        );
        assert!(matches!(
            verdict(None, b"PK\x03\x04\x14\x00", true, None),
            Verdict::Binary(why) if why.contains("zip")
        ));
        assert_eq!(
            verdict(None, b"\xff\xfeh\0i\0", true, None),
            Verdict::Format(InputFormat::Text)
        );
    }
}
