//! Sentence splitter for news English: rules over the tokens from [`crate::tokenize`], plus
//! a small learned model ([`learn`]) for sentences that end without punctuation.
//!
//! - A blank line (paragraph break) is always a boundary.
//! - A single line break is a boundary too (headlines and bylines have no final
//!   punctuation), unless the text is hard-wrapped (lines broken mid-sentence, as in old
//!   wire copy): then only a line break followed by an indented line ends a sentence.
//! - `.`, `?`, `!` end a sentence unless a lowercase word follows a closing quote
//!   (`"Stop!" he said`); ellipses end one before a capital. Closing quotes and brackets
//!   right after the punctuation stay in the sentence they close. Nothing ends before a
//!   comma, a closing bracket or more punctuation.
//! - An abbreviation that keeps its period (`U.S.`, `Inc.`, `Gen.`) ends a sentence only when
//!   a word that typically starts sentences follows (`The`, `He`, `But`, ...): "the U.S.
//!   Army" is one sentence, "in the U.S. The" is two.
//! - Separator lines (`*****`) and each link of a run of links stand alone.
//! - Where the rules see no boundary, the learned model may add one (headers, sign-offs,
//!   lists); it is trained on UD English EWT (see `sentences/MODEL.md`).
//! - A sentence longer than [`MAX_SENTENCE_TOKENS`] is cut, so that a table or a run-on
//!   list cannot make later stages slow.

mod eval;
pub mod learn;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_ewt;

pub use eval::{
    read_treebank, sentence_boundary_f1, sentence_boundary_f1_with, token_f1, Joining,
    SentenceScore, TokenScore,
};

use crate::tokenize::rules::is_title;
use crate::tokenize::Token;
use learn::BoundaryModel;
use std::ops::Range;

/// Longest sentence handed to later stages, in tokens. EWT's longest is under 200; longer
/// "sentences" in news are tables or lists, cut here at this length.
pub const MAX_SENTENCE_TOKENS: usize = 250;

/// Capitalized words that often start a sentence and rarely follow an abbreviation inside
/// one. Used only after abbreviations, where the period alone is ambiguous.
#[rustfmt::skip]
const STARTERS: &[&str] = &[
    "A", "After", "Also", "An", "And", "As", "At", "But", "By", "During", "Each", "For", "From",
    "He", "Her", "His", "How", "However", "I", "If", "In", "It", "Its", "Many", "Meanwhile", "Most",
    "My", "No", "Now", "On", "One", "Our", "She", "Since", "So", "Some", "Still", "That", "The",
    "Their", "Then", "There", "These", "They", "This", "Those", "To", "We", "What", "When", "Where",
    "While", "Who", "Why", "With", "Yet", "You",
];

/// Splits tokenized `text` into sentences: for each, its range of indices into `tokens`.
/// The ranges are in order, non-empty, and cover every token.
///
/// `tokens` must come from [`crate::tokenize::tokenize`] on the same `text`; tokens that do
/// not fit the text are treated as empty rather than causing a panic.
///
/// ```
/// use sitrep_nlp::{sentences::split_sentences, tokenize::tokenize};
/// let text = "Gen. Smith met U.S. officials. \"We agree.\" He left.";
/// let tokens = tokenize(text);
/// let sents: Vec<&str> = split_sentences(text, &tokens)
///     .into_iter()
///     .map(|r| &text[tokens[r.start].start as usize..tokens[r.end - 1].end as usize])
///     .collect();
/// assert_eq!(sents, ["Gen. Smith met U.S. officials.", "\"We agree.\"", "He left."]);
/// ```
pub fn split_sentences(text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    split_with(text, tokens, Some(BoundaryModel::shipped()))
}

/// [`split_sentences`] with the rules alone (`model` None) or another boundary model.
pub fn split_with(
    text: &str,
    tokens: &[Token],
    model: Option<&BoundaryModel>,
) -> Vec<Range<usize>> {
    let mut out = Vec::with_capacity(tokens.len() / 16 + 1);
    let wrapped = is_hard_wrapped(text);
    let mut cache = learn::HashCache::default();
    let tok = |i: usize| tokens[i].text(text);
    let mut start = 0;
    let mut i = 0;
    while i < tokens.len() {
        let mut end = i + 1; // exclusive end of the sentence if it ends here
        let mut boundary = false;
        let kind = terminal_kind(tok(i));
        if kind != Terminal::No {
            // Closing quotes and brackets written right after the punctuation belong to it.
            // So does an emoticon on the same line.
            while end < tokens.len() {
                let g = gap(text, tokens, end - 1);
                let t = tok(end);
                if !((is_closer(t) && g.is_empty()) || (is_emoticon(t) && !g.contains('\n'))) {
                    break;
                }
                end += 1;
            }
            boundary = match tokens.get(end) {
                None => true,
                Some(_) => ends_before(kind, tok(i), text, tokens, end),
            };
        }
        if !boundary && end < tokens.len() {
            let g = gap(text, tokens, end - 1);
            boundary = line_break_ends(g, wrapped)
                || (!g.is_empty() && stands_alone(tok(end - 1), tok(end)));
        }
        if let (false, true, Some(m)) = (boundary, end < tokens.len(), model) {
            boundary = m.says_boundary(text, tokens, end - 1, start, &mut cache);
        }
        if !boundary && end - start >= MAX_SENTENCE_TOKENS {
            boundary = true;
        }
        if boundary || end == tokens.len() {
            out.push(start..end);
            start = end;
        }
        i = end;
    }
    out
}

/// What kind of sentence-ending candidate a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Terminal {
    No,
    /// "." alone.
    Period,
    /// "?", "!", "?!", ".?", ...
    Strong,
    /// "...", "…".
    Ellipsis,
    /// A word that kept its period: "U.S.", "Inc.", "J.".
    Abbreviation,
}

fn terminal_kind(t: &str) -> Terminal {
    match t {
        "." => Terminal::Period,
        _ if t.contains(['?', '!']) && t.chars().all(|c| matches!(c, '.' | '?' | '!')) => {
            Terminal::Strong
        }
        _ if !t.is_empty() && t.chars().all(|c| c == '.' || c == '\u{2026}') => Terminal::Ellipsis,
        _ if t.len() > 1 && t.ends_with('.') => Terminal::Abbreviation,
        _ => Terminal::No,
    }
}

fn is_closer(t: &str) -> bool {
    matches!(
        t,
        "\"" | "''" | "'" | "\u{201D}" | "\u{2019}" | "\u{00BB}" | ")" | "]" | "}"
    )
}

/// ":)" and friends close the sentence they follow.
fn is_emoticon(t: &str) -> bool {
    matches!(
        t,
        ":)" | ":(" | ":-)" | ":-(" | ":D" | ":P" | ";)" | ";-)" | ":-D" | ":-P"
    )
}

fn is_opener(t: &str) -> bool {
    matches!(
        t,
        "\"" | "'" | "\u{201C}" | "\u{2018}" | "\u{00AB}" | "(" | "[" | "``"
    )
}

/// Whether a sentence ending with terminal token `t` (of kind `kind`) ends before token
/// `next` (which exists).
fn ends_before(kind: Terminal, t: &str, text: &str, tokens: &[Token], next: usize) -> bool {
    let after_quote = next >= 1 && tokens[next - 1].text(text) != t;
    let mut first = tokens[next].text(text);
    // Look through an opening quote or bracket to the word it opens.
    if is_opener(first) {
        if let Some(after) = tokens.get(next + 1) {
            first = after.text(text);
        }
    }
    let c = first.chars().next().unwrap_or(' ');
    // Nothing starts a sentence with a comma, a closing bracket or a percent sign, and
    // ". . ." spaced out is one ellipsis.
    if matches!(
        c,
        ',' | ';' | ':' | ')' | ']' | '}' | '%' | '.' | '?' | '!' | '\u{2026}'
    ) {
        return false;
    }
    match kind {
        Terminal::No => false,
        // A lowercase word after a closing quote continues the sentence ("Stop!" he said);
        // without the quote it starts a new one, which is common in informal text.
        Terminal::Period | Terminal::Strong => !c.is_lowercase() || !after_quote,
        Terminal::Ellipsis => c.is_uppercase(),
        Terminal::Abbreviation => {
            if is_title(t) && first != "The" {
                return false;
            }
            STARTERS.contains(&first)
        }
    }
}

/// Whether two adjacent tokens (with space between them) are separate items whatever
/// punctuation says: a separator line ("*****", "-----") stands alone, and so does each of
/// a run of links. Three dashes are still a dash ("CPS --- do you"), so a rule is five.
fn stands_alone(left: &str, right: &str) -> bool {
    let is_rule = |t: &str| {
        let b = t.as_bytes();
        b.len() >= 5
            && matches!(b[0], b'*' | b'=' | b'_' | b'-' | b'~' | b'#')
            && b.iter().all(|&x| x == b[0])
    };
    let is_link = |t: &str| {
        t.len() > 8
            && (t.starts_with("http://") || t.starts_with("https://") || t.starts_with("www."))
    };
    is_rule(left) || is_rule(right) || (is_link(left) && is_link(right))
}

/// The text between token `i` and the next one.
fn gap<'t>(text: &'t str, tokens: &[Token], i: usize) -> &'t str {
    match tokens.get(i + 1) {
        Some(n) => text
            .get(tokens[i].end as usize..n.start as usize)
            .unwrap_or(""),
        None => "",
    }
}

/// Whether the whitespace `gap` between two tokens holds a line break that ends a sentence.
fn line_break_ends(gap: &str, wrapped: bool) -> bool {
    let newlines = gap.bytes().filter(|&b| b == b'\n').count();
    if newlines == 0 {
        // A bare carriage return or a Unicode separator also ends a line.
        return gap.contains(['\r', '\u{2028}', '\u{2029}']);
    }
    if newlines >= 2 || !wrapped {
        return true;
    }
    // Hard-wrapped text: a new paragraph is indented.
    let after = &gap[gap.rfind('\n').map_or(0, |p| p + 1)..];
    after.starts_with([' ', '\t'])
}

/// Whether `text` is hard-wrapped: several single line breaks fall mid-sentence (the next
/// line starts with a lowercase letter). In such text a line break is mostly a space.
fn is_hard_wrapped(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut single = 0usize;
    let mut mid_sentence = 0usize;
    let mut seen = 0usize;
    let mut pos = 0;
    while let Some(off) = bytes[pos..].iter().position(|&b| b == b'\n') {
        let nl = pos + off;
        pos = nl + 1;
        // Bounded look-back: a run of blank lines must not make this quadratic.
        let prev = bytes[nl.saturating_sub(16)..nl]
            .iter()
            .rev()
            .find(|b| !b.is_ascii_whitespace());
        let next = bytes[pos..]
            .iter()
            .position(|b| !matches!(b, b' ' | b'\t' | b'\r'));
        let Some(next) = next.map(|k| bytes[pos + k]) else {
            break;
        };
        seen += 1;
        if seen > 4096 {
            break;
        }
        if next == b'\n' {
            continue;
        }
        single += 1;
        if next.is_ascii_lowercase() && !matches!(prev, Some(b'.' | b'!' | b'?' | b':')) {
            mid_sentence += 1;
        }
        // The first few dozen lines tell: no need to read a whole long article.
        if single >= 64 {
            break;
        }
    }
    mid_sentence >= 2 && mid_sentence * 4 >= single
}
