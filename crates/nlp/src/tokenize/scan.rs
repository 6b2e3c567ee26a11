//! The tokenizer's single pass: whitespace-separated chunks, then words, connectors and
//! punctuation inside each chunk.

use super::rules::{clitic_split, is_hyphen_prefix, is_space, is_word_char, keeps_period};
use super::Token;

pub(super) struct Scanner<'a> {
    text: &'a str,
    bytes: &'a [u8],
    out: &'a mut Vec<Token>,
}

impl<'a> Scanner<'a> {
    /// `text` must be at most `u32::MAX` bytes long (the caller cuts it).
    pub(super) fn new(text: &'a str, out: &'a mut Vec<Token>) -> Self {
        Scanner {
            text,
            bytes: text.as_bytes(),
            out,
        }
    }

    /// The char at byte `i` and its length, or None at the end. `i` is always a char
    /// boundary: every step advances by whole chars.
    #[inline]
    fn char_at(&self, i: usize) -> Option<(char, usize)> {
        let b = *self.bytes.get(i)?;
        if b < 0x80 {
            return Some((b as char, 1));
        }
        let c = self.text.get(i..)?.chars().next()?;
        Some((c, c.len_utf8()))
    }

    #[inline]
    fn push(&mut self, start: usize, end: usize) {
        if end > start {
            // Both fit in u32: the text was cut to MAX_TEXT_BYTES.
            self.out.push(Token {
                start: start as u32,
                end: end as u32,
            });
        }
    }

    pub(super) fn run(&mut self) {
        let n = self.bytes.len();
        let mut i = 0;
        while i < n {
            let b = self.bytes[i];
            // ASCII fast path for the common separators.
            if b == b' ' || b == b'\n' {
                i += 1;
                continue;
            }
            let Some((c, l)) = self.char_at(i) else { break };
            if is_space(c) {
                i += l;
                continue;
            }
            let mut e = i + l;
            while let Some((c, l)) = self.char_at(e) {
                if is_space(c) {
                    break;
                }
                e += l;
            }
            self.chunk(i, e);
            i = e;
        }
    }

    /// Tokens of one whitespace-free chunk `s..e`.
    fn chunk(&mut self, s: usize, e: usize) {
        let has_at = self.bytes[s..e].contains(&b'@');
        let mut i = s;
        while i < e {
            let Some((c, l)) = self.char_at(i) else {
                return;
            };
            if is_word_char(c) {
                if let Some(end) = self.url_or_email(i, e, has_at) {
                    self.push(i, end);
                    i = end;
                } else {
                    i = self.word(i, e);
                }
                continue;
            }
            let end = self.punct(i, c, l, s, e);
            self.push(i, end);
            i = end;
        }
    }

    /// The end of the punctuation token starting at `i` with char `c` (length `l`).
    fn punct(&self, i: usize, c: char, l: usize, chunk_start: usize, e: usize) -> usize {
        let run_of = |pred: &dyn Fn(char) -> bool| {
            let mut j = i;
            while j < e {
                match self.char_at(j) {
                    Some((c, l)) if pred(c) => j += l,
                    _ => break,
                }
            }
            j
        };
        match c {
            // EWT keeps runs of final punctuation together: "...", "?!", ".?".
            '.' | '!' | '?' | '\u{2026}' => run_of(&|c| matches!(c, '.' | '!' | '?' | '\u{2026}')),
            '-' => run_of(&|c| c == '-'),
            // Hashtags stay whole, as in EWT ("#audiobooks").
            '#' if self.char_at(i + 1).is_some_and(|(n, _)| n.is_alphabetic()) => {
                let mut j = i + 1;
                while let Some((c, l)) = self.char_at(j).filter(|_| j < e) {
                    if !(is_word_char(c) || c == '_') {
                        break;
                    }
                    j += l;
                }
                j
            }
            '*' | '=' | '_' | '~' | '^' | '|' | '`' | '<' | '>' | '$' | '#' => run_of(&|x| x == c),
            '\'' | '\u{2019}' => {
                let next = self.char_at(i + l).map(|x| x.0);
                let prev_is_word =
                    i > chunk_start && self.text[..i].chars().next_back().is_some_and(is_word_char);
                if c == '\'' && next == Some('\'') {
                    // A doubled straight quote is one closing-quote token, as in EWT.
                    i + 2
                } else if !prev_is_word && next.is_some_and(|d| d.is_ascii_digit()) {
                    // '90s, '73: the apostrophe stands for the century.
                    let mut j = i + l;
                    while j < e && self.bytes[j].is_ascii_digit() {
                        j += 1;
                    }
                    if j < e && self.bytes[j] == b's' {
                        j += 1;
                    }
                    j
                } else {
                    i + l
                }
            }
            ':' | ';' => {
                // Emoticons: ":)", ":-(", ";D", not followed by a letter (":Daily").
                let rest = &self.bytes[i..e];
                let nose = usize::from(rest.get(1) == Some(&b'-'));
                let mouth = rest.get(1 + nose).copied();
                let after = rest.get(2 + nose).copied();
                if matches!(mouth, Some(b')' | b'(' | b'D' | b'P'))
                    && !after.is_some_and(|b| b.is_ascii_alphanumeric())
                {
                    i + 2 + nose
                } else {
                    i + l
                }
            }
            _ => i + l,
        }
    }

    /// A URL or e-mail address starting at `i`, ending before `e`: its end.
    fn url_or_email(&self, i: usize, e: usize, has_at: bool) -> Option<usize> {
        let rest = &self.bytes[i..e];
        let starts = |p: &[u8]| rest.len() > p.len() && rest[..p.len()].eq_ignore_ascii_case(p);
        let is_url = starts(b"http://")
            || starts(b"https://")
            || starts(b"ftp://")
            || (starts(b"www.") && rest[4].is_ascii_alphanumeric());
        if is_url {
            // Quotes and angle brackets cannot be inside a URL in running text.
            let mut end = i;
            while let Some((c, l)) = self.char_at(end) {
                if end >= e || matches!(c, '"' | '<' | '>' | '“' | '”' | '«' | '»') {
                    break;
                }
                end += l;
            }
            return Some(self.trim_url_end(i, end));
        }
        if !has_at {
            return None;
        }
        let local_ok = |b: u8| b.is_ascii_alphanumeric() || b"._%+-".contains(&b);
        // RFC 5321 caps the local part at 64 bytes and the domain at 255; the caps also keep
        // "a-a-a-...@" linear, as every word start would otherwise rescan the chunk.
        let at = rest.iter().take(65).position(|&b| !local_ok(b))?;
        if rest[at] != b'@' || at == 0 {
            return None;
        }
        let domain = &rest[at + 1..];
        let dlen = domain[..domain.len().min(255)]
            .iter()
            .position(|&b| !(b.is_ascii_alphanumeric() || b == b'.' || b == b'-'))
            .unwrap_or(domain.len().min(255));
        let mut d = &domain[..dlen];
        while let [head @ .., b'.' | b'-'] = d {
            d = head;
        }
        let dot = d.iter().rposition(|&b| b == b'.')?;
        if dot == 0 || dot + 1 >= d.len() {
            return None;
        }
        Some(i + at + 1 + d.len())
    }

    /// Drops trailing punctuation that belongs to the sentence, not the URL.
    fn trim_url_end(&self, start: usize, mut end: usize) -> usize {
        let s = &self.bytes[start..end];
        let opens = s.iter().filter(|&&b| b == b'(').count();
        let mut closes = s.iter().filter(|&&b| b == b')').count();
        while end > start {
            let b = self.bytes[end - 1];
            let strip = match b {
                b'.' | b',' | b';' | b':' | b'!' | b'?' | b'\'' | b']' | b'}' => true,
                b')' => {
                    let unbalanced = closes > opens;
                    closes -= usize::from(unbalanced);
                    unbalanced
                }
                _ => false,
            };
            if !strip {
                break;
            }
            end -= 1;
        }
        end
    }

    /// A word starting at `i` (a word char), with its internal connectors, trailing
    /// abbreviation period and clitics; pushes its tokens and returns its end.
    fn word(&mut self, start: usize, e: usize) -> usize {
        let mut j = start;
        // Start of the current segment (since the last connector), and whether all segments
        // so far were digits (kept as a flag: rescanning the word would be quadratic).
        let mut seg = start;
        let mut numeric = true;
        while let Some((c, l)) = self.char_at(j) {
            if j >= e {
                break;
            }
            if is_word_char(c) {
                j += l;
                continue;
            }
            let after = j + l;
            let Some((next, next_len)) = self.char_at(after).filter(|_| after < e) else {
                break;
            };
            if !is_word_char(next) {
                break;
            }
            numeric &= self.bytes[seg..j].iter().all(u8::is_ascii_digit);
            if !self.joins(start, seg, j, c, next, after + next_len, e, numeric) {
                break;
            }
            j = after;
            seg = after;
        }
        // A final period stays on abbreviations, unless it starts an ellipsis.
        if j < e && self.bytes[j] == b'.' && self.bytes.get(j + 1) != Some(&b'.') {
            let word = &self.text[start..j];
            if keeps_period(word, self.digit_follows(j + 1)) {
                j += 1;
            }
        }
        let word = &self.text[start..j];
        match clitic_split(word) {
            Some(k) => {
                self.push(start, start + k);
                self.push(start + k, j);
            }
            None => self.push(start, j),
        }
        j
    }

    /// Whether connector `c` at byte `j` joins the word so far (`start..j`, current segment
    /// `seg..j`) with the word char `next` that follows it (ending at `next_end`).
    #[allow(clippy::too_many_arguments)]
    fn joins(
        &self,
        start: usize,
        seg: usize,
        j: usize,
        c: char,
        next: char,
        next_end: usize,
        e: usize,
        numeric: bool,
    ) -> bool {
        let segment = &self.bytes[seg..j];
        let all_digits = |s: &[u8]| !s.is_empty() && s.iter().all(u8::is_ascii_digit);
        match c {
            '.' => {
                // "said.The" is two sentences run together; "U.S", "3.5", "Ph.D" are one.
                let run_together = segment.len() >= 2
                    && segment.iter().all(u8::is_ascii_lowercase)
                    && next.is_uppercase()
                    && self.bytes.get(next_end).is_some_and(u8::is_ascii_lowercase);
                !run_together
            }
            ',' => {
                // Thousands: "1,000,000" but not "3,4" or "1,0000".
                let group = self.digit_run(j + 1, e);
                all_digits(segment)
                    && segment.len() <= 3
                    && group == 3
                    && (seg == start || segment.len() == 3)
            }
            '\'' | '\u{2019}' => true,
            '-' => {
                let left = &self.text[start..j];
                if is_hyphen_prefix(left) {
                    return true;
                }
                // Phone numbers and codes stay whole; year ranges split ("1946|-|1954").
                let right = self.digit_run(j + 1, e);
                let year_range = segment.len() == 4 && (right == 2 || right == 4);
                numeric && right > 0 && !year_range
            }
            '&' => {
                // AT&T, PG&E, S&P.
                segment.len() <= 4
                    && segment.iter().all(u8::is_ascii_uppercase)
                    && next.is_ascii_uppercase()
            }
            '/' | ':' => all_digits(segment) && next.is_ascii_digit(),
            '_' | '@' => true,
            _ => false,
        }
    }

    /// Number of ASCII digits from `i`, stopping at `e`.
    fn digit_run(&self, i: usize, e: usize) -> usize {
        self.bytes
            .get(i..e)
            .map_or(0, |s| s.iter().take_while(|b| b.is_ascii_digit()).count())
    }

    /// Whether the next non-space char at or after `i` is a digit ("No. 5").
    fn digit_follows(&self, mut i: usize) -> bool {
        while let Some(&b) = self.bytes.get(i) {
            match b {
                b' ' | b'\t' | b'\n' | b'\r' => i += 1,
                _ => return b.is_ascii_digit(),
            }
        }
        false
    }
}
