//! Bytes to lines: robust decoding and comment stripping shared by every dictionary parser.
//!
//! The dictionaries in the wild mix encodings inside one file (Phoenix.Countries.actors.txt has
//! UTF-8 names next to stray Latin-1 bytes), so decoding is done per line: a line that is valid
//! UTF-8 is kept as is, any other line is read as windows-1252 (a superset of Latin-1's
//! printable range). Both steps are total, so decoding never fails.

use encoding_rs::WINDOWS_1252;

/// The decoded text of a file plus how many lines needed the windows-1252 fallback.
pub(crate) struct Decoded {
    pub lines: Vec<String>,
    /// 1-based numbers of lines that were not valid UTF-8.
    pub fallback_lines: Vec<usize>,
}

/// Split bytes into lines (LF or CRLF; a lone CR also ends a line, as old Mac files do) and
/// decode each one.
pub(crate) fn decode(bytes: &[u8]) -> Decoded {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut lines = Vec::new();
    let mut fallback_lines = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i <= bytes.len() {
        let at_end = i == bytes.len();
        if at_end || bytes[i] == b'\n' || bytes[i] == b'\r' {
            if at_end && start == i {
                break;
            }
            let raw = &bytes[start..i];
            match std::str::from_utf8(raw) {
                Ok(s) => lines.push(s.to_string()),
                Err(_) => {
                    let (s, _) = WINDOWS_1252.decode_without_bom_handling(raw);
                    lines.push(s.into_owned());
                    fallback_lines.push(lines.len());
                }
            }
            // CRLF counts as one line break.
            if !at_end && bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
            start = i + 1;
        }
        i += 1;
    }
    Decoded {
        lines,
        fallback_lines,
    }
}

/// Comment conventions: PETRARCH files use `#` to the end of the line plus `<!-- -->` blocks;
/// TABARI files use `;` to the end of the line. TABARI test dictionaries also disable lines by
/// starting them with `#`, so a `#` in the first column is a comment there too.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Comments {
    Petrarch,
    Tabari,
    /// TABARI `.options` files: `//` to the end of the line.
    Slashes,
}

/// A content line: its 1-based number and its text with comments removed and trailing
/// whitespace trimmed. Blank lines are not yielded.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Line<'a> {
    pub no: usize,
    pub text: &'a str,
}

/// Strip comments from every line, keeping line numbers. `<!-- ... -->` may span lines.
pub(crate) fn content_lines(lines: &[String], style: Comments) -> Vec<Line<'_>> {
    let mut out = Vec::with_capacity(lines.len());
    let mut in_block = false;
    for (idx, line) in lines.iter().enumerate() {
        let mut text: &str = line;
        if style == Comments::Petrarch {
            if in_block {
                match text.find("-->") {
                    Some(end) => {
                        in_block = false;
                        text = &text[end + 3..];
                    }
                    None => continue,
                }
            }
            // Only a block comment that opens the line counts: `<!--` never occurs inside an
            // entry, and a line that opens one keeps nothing before it in the files seen.
            if let Some(open) = text.trim_start().strip_prefix("<!--") {
                match open.find("-->") {
                    Some(end) => text = &open[end + 3..],
                    None => {
                        in_block = true;
                        continue;
                    }
                }
            }
        }
        let cut = match style {
            Comments::Petrarch => text.find('#'),
            Comments::Tabari => {
                if text.starts_with('#') {
                    Some(0)
                } else {
                    text.find(';')
                }
            }
            Comments::Slashes => text.find("//"),
        };
        let text = match cut {
            Some(c) => &text[..c],
            None => text,
        };
        let text = text.trim_end();
        if !text.trim_start().is_empty() {
            out.push(Line { no: idx + 1, text });
        }
    }
    out
}

/// A phrase as dictionaries compare it: upper case, runs of spaces and underscores between
/// words made one `_`. A trailing `_` is kept: in both formats it means "this exact word, no
/// longer forms", so `ARNOR_` and `ARNOR` are different entries.
pub(crate) fn phrase_key(phrase: &str) -> String {
    let trimmed = phrase.trim();
    let exact = trimmed.ends_with('_');
    let words: Vec<&str> = trimmed
        .split(|c: char| c == '_' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect();
    let mut key = words.join("_").to_uppercase();
    if exact {
        key.push('_');
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_mixes_utf8_and_latin1_per_line() {
        let d = decode(b"CAF\xC3\x89\r\nC\xD4TE\nlast");
        assert_eq!(d.lines, vec!["CAFÉ", "CÔTE", "last"]);
        assert_eq!(d.fallback_lines, vec![2]);
    }

    #[test]
    fn decode_flags_replacement_characters_as_encoding_findings() {
        let l = super::super::parse_bytes(
            "t",
            "A [AAA]\nC\u{FFFD}TE [CCC]\n".as_bytes(),
            super::super::Format::PetrarchActors,
        );
        assert_eq!(l.findings.len(), 1);
        assert_eq!(l.findings[0].line, 2);
        assert_eq!(l.findings[0].kind, super::super::FindingKind::Encoding);
    }

    #[test]
    fn content_lines_strip_both_comment_styles() {
        let lines: Vec<String> = ["A [X] # c", "<!-- one", "two -->", "B", "", "  # only"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let got: Vec<(usize, &str)> = content_lines(&lines, Comments::Petrarch)
            .iter()
            .map(|l| (l.no, l.text))
            .collect();
        assert_eq!(got, vec![(1, "A [X]"), (4, "B")]);
        let lines: Vec<String> = ["A [X] ;c", "#off [Y]"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let got: Vec<&str> = content_lines(&lines, Comments::Tabari)
            .iter()
            .map(|l| l.text)
            .collect();
        assert_eq!(got, vec!["A [X]"]);
    }

    #[test]
    fn phrase_key_normalises_spacing_but_keeps_exact_marker() {
        assert_eq!(phrase_key("new  zealand"), "NEW_ZEALAND");
        assert_eq!(phrase_key("ARNOR_ "), "ARNOR_");
        assert_ne!(phrase_key("ARNOR_"), phrase_key("ARNOR"));
    }
}
