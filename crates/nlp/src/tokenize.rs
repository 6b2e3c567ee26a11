//! Tokenizer for news English, following the UD English EWT conventions so the tagger and
//! parser (trained on EWT) see the tokens they were trained on.
//!
//! A [`Token`] is a byte range into the text; the text itself is never copied or changed.
//! Conventions, all checked against EWT train:
//! - clitics split off: `do|n't`, `ca|n't`, `Russia|'s`, `I|'m`, `can|not`, `gon|na`;
//! - punctuation separate, except runs of `.?!` (`...`, `?!`) which EWT keeps as one token;
//! - kept whole: abbreviations (`U.S.`, `Dr.`, `Jan.`, `No.` before a number), initials,
//!   decimals and thousands (`3.5`, `1,000`), times (`10:30`), dates (`9/11`), URLs, e-mail
//!   addresses, `AT&T`, phone-like digit groups (`555-1234`), and hyphenated words whose first
//!   part is a prefix EWT keeps (`e-mail`, `non-stop`, `anti-war`);
//! - other hyphens split (`search|-|engine`, `1946|-|1954`), as EWT does for most compounds.
//!
//! The scanner is a single pass over the bytes with an ASCII fast path; it allocates only the
//! output vector. It never panics: any `&str` gives ordered, non-overlapping tokens on char
//! boundaries.

pub(crate) mod rules;
mod scan;
#[cfg(test)]
mod tests;

pub use crate::sentences::split_sentences;

/// One token: a byte range `start..end` into the text it was made from, on char boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Token {
    /// Byte offset of the first byte.
    pub start: u32,
    /// Byte offset one past the last byte.
    pub end: u32,
}

impl Token {
    /// The token's text.
    ///
    /// Returns "" when the token does not fit `text` (a token from another text), so a
    /// mix-up shows as empty strings rather than a panic.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start as usize..self.end as usize)
            .unwrap_or("")
    }

    /// The byte range as `usize`s.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// The largest text the tokenizer reads: offsets are `u32`. Bytes past this limit (4 GiB)
/// are not tokenized; upstream limits keep documents far smaller.
pub const MAX_TEXT_BYTES: usize = u32::MAX as usize;

/// Tokenizes `text` into words in UD English EWT style (see the module docs).
///
/// ```
/// use sitrep_nlp::tokenize::tokenize;
/// let text = "The U.S. didn't pay $1,000.";
/// let words: Vec<&str> = tokenize(text).iter().map(|t| t.text(text)).collect();
/// assert_eq!(words, ["The", "U.S.", "did", "n't", "pay", "$", "1,000", "."]);
/// ```
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5 + 4);
    tokenize_into(text, &mut out);
    out
}

/// Like [`tokenize`], appending to `out` (cleared first) so a worker can reuse its buffer.
pub fn tokenize_into(text: &str, out: &mut Vec<Token>) {
    out.clear();
    let mut limit = text.len().min(MAX_TEXT_BYTES);
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    scan::Scanner::new(&text[..limit], out).run();
}

/// Tokenizes and splits into sentences: the tokens and, for each sentence, its range of
/// token indices. See [`crate::sentences::split_sentences`].
///
/// ```
/// let text = "Kim met Putin. They talked.";
/// let (tokens, sents) = sitrep_nlp::tokenize::analyse(text);
/// assert_eq!(sents, vec![0..4, 4..7]);
/// assert_eq!(tokens[3].text(text), ".");
/// ```
pub fn analyse(text: &str) -> (Vec<Token>, Vec<std::ops::Range<usize>>) {
    let tokens = tokenize(text);
    let sents = crate::sentences::split_sentences(text, &tokens);
    (tokens, sents)
}
