//! A byte-level pass before parsing that empties `<script>` and `<style>` elements.
//!
//! On news pages over half of the bytes are inline scripts and styles (54% on the ScrapingHub
//! pages), and html5ever tokenises raw text about as slowly as markup; none of it is ever
//! text. Emptying them keeps the tree the same (the parser still sees the start and end tags)
//! and roughly halves the tokeniser's work. JSON-LD scripts are kept: metadata reads them.
//! Comments are copied whole so that a `<script` inside one does not start a skip.

use memchr::memmem;
use std::borrow::Cow;

fn starts_with_ci(hay: &[u8], at: usize, needle: &[u8]) -> bool {
    hay.len() >= at + needle.len() && hay[at..at + needle.len()].eq_ignore_ascii_case(needle)
}

/// After `<name`, a tag name ends at whitespace, `>` or `/`.
fn name_ends(hay: &[u8], at: usize) -> bool {
    hay.get(at)
        .is_none_or(|b| matches!(b, b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r' | 0x0c))
}

/// Offset of the `</name` that closes a raw-text element, searching from `from`.
fn find_close(hay: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut pos = from;
    while let Some(i) = memmem::find(&hay[pos..], b"</") {
        let at = pos + i;
        if starts_with_ci(hay, at + 2, name) && name_ends(hay, at + 2 + name.len()) {
            return Some(at);
        }
        pos = at + 2;
    }
    None
}

/// The page with script and style contents removed (JSON-LD kept); borrowed when there is
/// nothing to remove.
pub(crate) fn strip_raw_text(html: &str) -> Cow<'_, str> {
    let b = html.as_bytes();
    let mut out: Option<Vec<u8>> = None;
    // `copied` is where the next verbatim copy starts; `pos` where the scan resumes.
    let mut copied = 0;
    let mut pos = 0;
    while let Some(i) = memchr::memchr(b'<', &b[pos..]) {
        let lt = pos + i;
        if b[lt..].starts_with(b"<!--") {
            pos = match memmem::find(&b[lt + 4..], b"-->") {
                Some(j) => lt + 4 + j + 3,
                None => b.len(),
            };
            continue;
        }
        let name: &[u8] = if starts_with_ci(b, lt + 1, b"script") && name_ends(b, lt + 7) {
            b"script"
        } else if starts_with_ci(b, lt + 1, b"style") && name_ends(b, lt + 6) {
            b"style"
        } else {
            pos = lt + 1;
            continue;
        };
        let Some(gt) = memchr::memchr(b'>', &b[lt..]).map(|j| lt + j) else {
            break;
        };
        let tag = &b[lt..gt];
        let keep = name == b"script" && tag.windows(7).any(|w| w.eq_ignore_ascii_case(b"ld+json"));
        let close = find_close(b, gt + 1, name).unwrap_or(b.len());
        if !keep && close > gt + 1 {
            let o = out.get_or_insert_with(|| Vec::with_capacity(b.len()));
            o.extend_from_slice(&b[copied..=gt]);
            copied = close;
        }
        pos = close;
        if pos >= b.len() {
            break;
        }
    }
    match out {
        None => Cow::Borrowed(html),
        Some(mut o) => {
            o.extend_from_slice(&b[copied..]);
            // Cuts fall on ASCII '<' and '>' boundaries of valid UTF-8, so this never
            // replaces anything; the lossy form only avoids a panic path.
            Cow::Owned(match String::from_utf8(o) {
                Ok(s) => s,
                Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strip_raw_text_empties_scripts_and_styles() {
        let html = "<p>a</p><SCRIPT type=x>var s = '<p>no</p>';</Script ><style>p{}</style>\
                    <script type=\"application/ld+json\">{\"a\":1}</script><p>b</p>";
        assert_eq!(
            strip_raw_text(html),
            "<p>a</p><SCRIPT type=x></Script ><style></style>\
             <script type=\"application/ld+json\">{\"a\":1}</script><p>b</p>"
        );
    }

    #[test]
    fn strip_raw_text_respects_comments_and_lookalikes() {
        let html = "<!-- <script> --><p>kept</p><scripts>x</scripts><stylex>y</stylex>";
        assert!(matches!(strip_raw_text(html), Cow::Borrowed(_)));
        // An unclosed script runs to the end, as it does for the parser.
        assert_eq!(strip_raw_text("<p>a</p><script>var x"), "<p>a</p><script>");
        assert_eq!(strip_raw_text("<script"), "<script");
        assert_eq!(strip_raw_text("é<style>ü</style>ß"), "é<style></style>ß");
    }
}
