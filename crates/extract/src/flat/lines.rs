//! Splitting flattened text into lines (blocks) and measuring each one.
//!
//! A scraper that flattens a page writes one block element per line; the seed also puts a
//! blank line between paragraphs. Both come out here as one [`Line`] per non-empty line.

use super::words;
use crate::normalize;

/// Longest block handled as one unit, in bytes. Longer lines (a whole page on one line, or a
/// hostile 100 MB line) are cut into chunks of about this size at a space, so every later pass
/// stays linear and no single block grows without bound.
pub(crate) const MAX_LINE_BYTES: usize = 16 * 1024;

/// One block of the input, cleaned, with the measurements the classifier uses.
#[derive(Debug, Clone)]
pub(crate) struct Line {
    /// The block after `normalize::clean_inline` (spaces normalised, ends trimmed).
    pub text: String,
    /// Characters, spaces excluded.
    pub chars: usize,
    /// Word count; for scripts written without spaces (Han, kana) two characters count as one.
    pub words: usize,
    /// Ends like a sentence (full stop, question mark, closing quote after one...).
    pub ends_sentence: bool,
    /// Share of words found in the stopword lists (0 when the script has none).
    pub stop_density: f32,
    /// Whether the words are in a script our stopword lists cover (Latin, Cyrillic).
    pub stoplisted_script: bool,
    /// A piece of an input line longer than [`MAX_LINE_BYTES`].
    pub chunk: bool,
}

/// Lines measured one by one; past this many, further lines are packed together into blocks
/// of up to [`MAX_LINE_BYTES`], so that memory stays proportional to the bytes, not to the
/// line count (a hostile input of millions of one-character lines).
pub(crate) const MAX_LINES: usize = 100_000;

/// Split `input` into measured lines, skipping empty ones.
pub(crate) fn split(input: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut packed = String::new();
    for raw in input.split(['\n', '\u{2028}', '\u{2029}']) {
        if out.len() >= MAX_LINES {
            if packed.len() + raw.len() > MAX_LINE_BYTES {
                push(&mut out, &std::mem::take(&mut packed), true);
            }
            if raw.len() <= MAX_LINE_BYTES {
                packed.push_str(raw);
                packed.push(' ');
                continue;
            }
        }
        let chunk = raw.len() > MAX_LINE_BYTES;
        for piece in chunks(raw, MAX_LINE_BYTES) {
            push(&mut out, piece, chunk);
        }
    }
    push(&mut out, &packed, true);
    out
}

fn push(out: &mut Vec<Line>, piece: &str, chunk: bool) {
    let text = normalize::clean_inline(piece);
    if !text.is_empty() {
        let mut line = measure(text);
        line.chunk = chunk;
        out.push(line);
    }
}

/// Cut `s` into pieces of at most about `max` bytes, at a space where one is near the limit.
fn chunks(s: &str, max: usize) -> impl Iterator<Item = &str> {
    let mut rest = s;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        if rest.len() <= max {
            let all = rest;
            rest = "";
            return Some(all);
        }
        let mut cut = max;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        // Prefer the last space in the final quarter of the chunk, so words stay whole.
        if let Some(sp) = rest[..cut].rfind(' ') {
            if sp > max * 3 / 4 {
                cut = sp + 1;
            }
        }
        let (head, tail) = rest.split_at(cut);
        rest = tail;
        Some(head)
    })
}

fn measure(text: String) -> Line {
    let mut chars = 0usize;
    let mut dense_script = 0usize; // Han/kana characters, written without spaces
    let mut stoplisted = 0usize;
    let mut other_letters = 0usize;
    for c in text.chars() {
        if c == ' ' {
            continue;
        }
        chars += 1;
        if is_dense_script(c) {
            dense_script += 1;
        } else if c.is_alphabetic() {
            if c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{04FF}').contains(&c) {
                stoplisted += 1;
            } else {
                other_letters += 1;
            }
        }
    }
    let mut words = 0usize;
    let mut stops = 0usize;
    for w in text.split(' ') {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if w.is_empty() {
            continue;
        }
        words += 1;
        if words::is_stopword(w) {
            stops += 1;
        }
    }
    words += dense_script / 2;
    let stop_density = if words > 0 {
        stops as f32 / words as f32
    } else {
        0.0
    };
    Line {
        ends_sentence: ends_sentence(&text),
        chars,
        words,
        stop_density,
        stoplisted_script: stoplisted > other_letters + dense_script,
        chunk: false,
        text,
    }
}

fn is_dense_script(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}')
}

/// True when the text ends the way a sentence does, looking through closing quotes and brackets.
pub(crate) fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end_matches(|c: char| {
        matches!(
            c,
            '"' | '\'' | '”' | '’' | '»' | '“' | ')' | ']' | '」' | '』' | ' ' | '*'
        )
    });
    match t.chars().last() {
        Some(c) => matches!(c, '.' | '!' | '?' | '…' | '。' | '！' | '？' | ':' | ';'),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_skips_blank_lines_and_normalises_spaces() {
        let ls = split("First line\u{00A0}here.\n\n  \nSecond\r\n");
        let texts: Vec<&str> = ls.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["First line here.", "Second"]);
        assert!(ls[0].ends_sentence && !ls[1].ends_sentence);
    }

    #[test]
    fn chunks_cut_long_lines_at_spaces_within_the_limit() {
        let long = "word ".repeat(10_000);
        let parts: Vec<&str> = chunks(&long, 1000).collect();
        assert!(parts.len() >= 50);
        assert!(parts.iter().all(|p| p.len() <= 1000));
        assert_eq!(parts.concat(), long);
        assert!(parts[..parts.len() - 1].iter().all(|p| p.ends_with(' ')));
        // No spaces at all, multi-byte characters: cut on char boundaries.
        let wide = "é".repeat(3000);
        let parts: Vec<&str> = chunks(&wide, 1001).collect();
        assert_eq!(parts.concat(), wide);
    }

    #[test]
    fn many_lines_are_packed_past_the_line_budget() {
        let input = "x\n".repeat(MAX_LINES + 50_000);
        let ls = split(&input);
        assert!(ls.len() < MAX_LINES + 50);
        assert!(ls[MAX_LINES..]
            .iter()
            .all(|l| l.chunk && l.text.len() <= MAX_LINE_BYTES));
        let xs: usize = ls.iter().map(|l| l.text.matches('x').count()).sum();
        assert_eq!(xs, MAX_LINES + 50_000);
    }

    #[test]
    fn measure_counts_stopwords_and_sentence_ends() {
        let l = measure("The minister said that the talks would go on.".into());
        assert_eq!(l.words, 9);
        assert!(l.ends_sentence && l.stoplisted_script);
        assert!(l.stop_density > 0.3, "{}", l.stop_density);
        let l = measure("Share this articleComments".into());
        assert!(!l.ends_sentence);
        assert!(ends_sentence("He said: “It is over.”"));
    }
}

/// Text wrapped at a fixed width (wire copy, e-mail, old corpora such as Reuters-21578) has a
/// line break every 60-80 characters in mid-sentence; read line by line, every paragraph would
/// look like a run of short fragments. When the text looks wrapped, the lines of a paragraph
/// are joined back; a paragraph ends at a blank line, at an indented line, or after a short
/// line that ends a sentence. Returns None when the text does not look wrapped.
pub(crate) fn unwrap_hard_wrapped(input: &str) -> Option<String> {
    // Judge on a bounded sample: the wrapping of a document is uniform.
    let lens: Vec<usize> = input
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(2000)
        .map(|l| l.trim_end().chars().count())
        .collect();
    if lens.len() < 6 {
        return None;
    }
    let mut sorted = lens.clone();
    sorted.sort_unstable();
    let width = sorted[sorted.len() * 9 / 10];
    if !(40..=100).contains(&width) {
        return None;
    }
    // Most lines fill the width, and many of them break mid-sentence.
    let full: Vec<(usize, &str)> = input
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(2000)
        .map(|l| (l.trim_end().chars().count(), l.trim_end()))
        .filter(|(n, _)| *n * 10 >= width * 7 && *n <= width + 5)
        .collect();
    let mid_sentence = full
        .iter()
        .filter(|(_, l)| !l.ends_with(['.', '!', '?', ':', '"', '\u{201d}']))
        .count();
    if full.len() * 2 < lens.len() || mid_sentence * 5 < full.len() * 2 {
        return None;
    }
    let mut out = String::with_capacity(input.len());
    let mut prev_short_end = true;
    for raw in input.lines() {
        let line = raw.trim_end();
        if line.trim().is_empty() {
            out.push_str("\n\n");
            prev_short_end = true;
            continue;
        }
        let indented = line.starts_with([' ', '\t']);
        if !(out.is_empty() || out.ends_with('\n')) {
            if indented || prev_short_end {
                out.push('\n');
            } else {
                out.push(' ');
            }
        }
        out.push_str(line.trim_start());
        let n = line.chars().count();
        prev_short_end = n * 10 < width * 7 && line.ends_with(['.', '!', '?', '"', '\u{201d}']);
    }
    Some(out)
}

#[cfg(test)]
mod unwrap_tests {
    use super::unwrap_hard_wrapped;

    #[test]
    fn unwrap_joins_wrapped_paragraphs_and_keeps_indented_breaks() {
        let text = "The central bank left its main rate unchanged on Thursday,\n\
                    saying inflation was falling faster than it had expected\n\
                    and that wage growth had begun to slow across most sectors.\n\
                    \x20   The decision was widely expected by economists, who\n\
                    had forecast a first cut in the spring at the earliest.\n\
                    \x20   Markets rose slightly after the announcement, with the\n\
                    currency little changed against the dollar and the euro.\n";
        let out = unwrap_hard_wrapped(text).expect("wrapped text is recognised");
        let paras: Vec<&str> = out.split('\n').filter(|p| !p.is_empty()).collect();
        assert_eq!(paras.len(), 3, "{out}");
        assert!(paras[0].starts_with("The central bank") && paras[0].ends_with("most sectors."));
        assert!(paras[1].contains("who had forecast"));
    }

    #[test]
    fn unwrap_leaves_block_per_line_text_alone() {
        let text = "Army deployed as floods cut off northern towns\n\
                    By Staff reporters\n\
                    Share this article\n\
                    The government ordered the army on Tuesday to help evacuate thousands of residents from northern towns cut off by flooding, after three days of rain.\n\
                    ADVERTISEMENT\n\
                    Interior Minister Dana Petrescu said at least 4,000 people had been moved to schools and sports halls, and that two people were still missing.\n\
                    You might also like\n\
                    Ten recipes for a rainy weekend\n";
        assert_eq!(unwrap_hard_wrapped(text), None);
    }
}
