//! Bytes to text: BOM, then a declared charset (HTTP header, `<meta charset>`), then strict
//! UTF-8, then detection. Lossy decoding happens only as a last resort and is noted.

use encoding_rs::{Encoding, UTF_8};
use sitrep_doc::{PayloadKind, SkipReason};

pub(crate) struct Decoded {
    pub text: String,
    /// Set when the decode was not clean (e.g. replacement characters were inserted).
    pub note: Option<String>,
}

/// Share of control bytes above which a payload is taken for binary.
const BINARY_CONTROL_SHARE: f64 = 0.02;

pub(crate) fn decode(
    bytes: &[u8],
    kind: PayloadKind,
    declared: Option<&str>,
) -> Result<Decoded, SkipReason> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(SkipReason::Empty);
    }
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return finish(text.into_owned(), had_errors, enc);
    }
    if looks_binary(bytes) {
        return Err(SkipReason::Binary);
    }
    let declared = declared
        .and_then(|label| Encoding::for_label(label.trim().as_bytes()))
        .or_else(|| match kind {
            PayloadKind::Html => sniff_meta_charset(bytes),
            PayloadKind::Text => None,
        });
    // Pages often declare ISO-8859-1 yet are UTF-8; valid UTF-8 wins unless a multi-byte
    // legacy encoding (which can be valid UTF-8 by accident only for ASCII) was declared.
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(Decoded {
            text: s.to_string(),
            note: None,
        });
    }
    let enc = declared.unwrap_or_else(|| {
        let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
        det.feed(bytes, true);
        det.guess(None, chardetng::Utf8Detection::Allow)
    });
    let (text, _, had_errors) = enc.decode(bytes);
    finish(text.into_owned(), had_errors, enc)
}

fn finish(text: String, had_errors: bool, enc: &'static Encoding) -> Result<Decoded, SkipReason> {
    let note = if had_errors {
        Some(format!(
            "lossy_decode: invalid {} bytes replaced",
            enc.name()
        ))
    } else if enc != UTF_8 {
        Some(format!("decoded_from: {}", enc.name()))
    } else {
        None
    };
    Ok(Decoded { text, note })
}

/// NULs or many C0 control bytes (other than tab, newline, carriage return, form feed) in the
/// first 8 KiB mean this is not text.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
        .count();
    controls as f64 > head.len() as f64 * BINARY_CONTROL_SHARE
}

/// `<meta charset=...>` or `<meta http-equiv content="...; charset=...">` in the first 4 KiB.
fn sniff_meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"charset") {
        let mut i = from + pos + b"charset".len();
        while i < lower.len() && matches!(lower[i], b' ' | b'=' | b'"' | b'\'') {
            i += 1;
        }
        let start = i;
        while i < lower.len()
            && (lower[i].is_ascii_alphanumeric() || matches!(lower[i], b'-' | b'_' | b':' | b'.'))
        {
            i += 1;
        }
        if i > start {
            if let Some(enc) = Encoding::for_label(&lower[start..i]) {
                return Some(enc);
            }
        }
        from = i.max(from + pos + 1);
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay, needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_utf8_plain() {
        let d = decode("héllo".as_bytes(), PayloadKind::Text, None).unwrap();
        assert_eq!(d.text, "héllo");
        assert!(d.note.is_none());
    }

    #[test]
    fn decode_declared_latin1_html() {
        let bytes = b"<html><head><meta charset=\"iso-8859-1\"></head><body>caf\xe9</body></html>";
        let d = decode(bytes, PayloadKind::Html, None).unwrap();
        assert!(d.text.contains("café"), "{}", d.text);
    }

    #[test]
    fn decode_detects_undeclared_latin1() {
        let bytes = b"Le caf\xe9 est tr\xe8s bon et la cr\xe8me br\xfbl\xe9e aussi.";
        let d = decode(bytes, PayloadKind::Text, None).unwrap();
        assert!(d.text.contains("café"), "{}", d.text);
        assert!(d.note.unwrap().starts_with("decoded_from"));
    }

    #[test]
    fn decode_utf16_bom() {
        let mut bytes = vec![0xff, 0xfe];
        for u in "hi there".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(
            decode(&bytes, PayloadKind::Text, None).unwrap().text,
            "hi there"
        );
    }

    #[test]
    fn decode_rejects_binary_and_empty() {
        assert_eq!(
            decode(b"\x00\x01\x02abc", PayloadKind::Text, None).err(),
            Some(SkipReason::Binary)
        );
        assert_eq!(
            decode(b"  \n\t ", PayloadKind::Text, None).err(),
            Some(SkipReason::Empty)
        );
    }
}
