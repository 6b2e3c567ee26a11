//! Per-word hashes computed once per sentence and shared by the tagger and parser features.

use crate::hash::{hash_str, mix};

/// Longest word (in bytes) whose suffixes and shape we compute; longer words are hashed whole
/// but their shape is cut, which bounds time on pathological input.
const MAX_SHAPE_CHARS: usize = 40;

/// Hashes of one word's lexical properties.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Lex {
    /// The lower-cased form.
    pub lower: u64,
    /// The form as written.
    pub form: u64,
    /// Collapsed shape ("Xx", "d.d", "x-x").
    pub shape: u64,
    /// Last 1..=4 characters of the lower-cased form.
    pub suf: [u64; 4],
    /// First 1..=3 characters of the lower-cased form.
    pub pre: [u64; 3],
    /// Bit flags: capitalised, all caps, has digit, has hyphen, first word, has letters.
    pub flags: u64,
    /// Ambiguity class: hash of the set of tags the word had in training (0 if unseen).
    pub amb: u64,
}

/// Lower-cased word hash -> ambiguity class, learned from training.
pub type Lexicon = std::collections::HashMap<u64, u64, crate::hash::FastBuild>;

/// Sentinels for positions before the first and after the last word.
pub const START: Lex = Lex {
    lower: 0x5354_4152_5401,
    form: 0x5354_4152_5402,
    shape: 0x5354_4152_5403,
    suf: [0x5354_4152_5404; 4],
    pre: [0x5354_4152_5405; 3],
    flags: 1 << 20,
    amb: 0x5354_4152_5406,
};
/// See [`START`].
pub const END: Lex = Lex {
    lower: 0x454e_4401,
    form: 0x454e_4402,
    shape: 0x454e_4403,
    suf: [0x454e_4404; 4],
    pre: [0x454e_4405; 3],
    flags: 1 << 21,
    amb: 0x454e_4406,
};

/// Padding on each side of a sentence's lex array (features look two words away).
pub const PAD: usize = 2;

impl Lex {
    /// Computes the hashes of one word.
    pub fn of(form: &str, first: bool) -> Lex {
        let lower = form.to_lowercase();
        let chars: Vec<(usize, char)> = lower.char_indices().collect();
        let n = chars.len();
        let mut suf = [0u64; 4];
        for (k, s) in suf.iter_mut().enumerate() {
            let at = if k < n { chars[n - 1 - k].0 } else { 0 };
            *s = mix(hash_str(&lower[at..]) ^ (k as u64 + 1));
        }
        let mut pre = [0u64; 3];
        for (k, p) in pre.iter_mut().enumerate() {
            let end = chars.get(k + 1).map_or(lower.len(), |c| c.0);
            *p = mix(hash_str(&lower[..end]) ^ (k as u64 + 11));
        }
        let mut shape = String::new();
        let (mut upper, mut digit, mut hyphen, mut alpha) = (0usize, false, false, false);
        let mut last = '\0';
        for c in form.chars().take(MAX_SHAPE_CHARS) {
            let s = if c.is_uppercase() {
                upper += 1;
                alpha = true;
                'X'
            } else if c.is_alphabetic() {
                alpha = true;
                'x'
            } else if c.is_ascii_digit() {
                digit = true;
                'd'
            } else {
                hyphen |= c == '-';
                c
            };
            if s != last {
                shape.push(s);
                last = s;
            }
        }
        let first_upper = form.chars().next().is_some_and(char::is_uppercase);
        let all_caps = upper > 1 && !form.chars().any(char::is_lowercase);
        let flags = (first_upper as u64)
            | (all_caps as u64) << 1
            | (digit as u64) << 2
            | (hyphen as u64) << 3
            | (first as u64) << 4
            | (alpha as u64) << 5;
        Lex {
            lower: hash_str(&lower),
            form: mix(hash_str(form) ^ 0x77),
            shape: hash_str(&shape),
            suf,
            pre,
            flags,
            amb: 0,
        }
    }
}

/// Fills `out` with `PAD` starts, one [`Lex`] per word, and `PAD` ends.
pub fn sentence<S: AsRef<str>>(words: &[S], lexicon: &Lexicon, out: &mut Vec<Lex>) {
    out.clear();
    out.extend([START; PAD]);
    out.extend(words.iter().enumerate().map(|(i, w)| {
        let mut l = Lex::of(w.as_ref(), i == 0);
        l.amb = lexicon.get(&l.lower).copied().unwrap_or(0);
        l
    }));
    out.extend([END; PAD]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lex_shares_lower_hash_across_case() {
        let a = Lex::of("Putin", true);
        let b = Lex::of("putin", false);
        assert_eq!(a.lower, b.lower);
        assert_ne!(a.form, b.form);
        assert_eq!(a.suf, b.suf);
        assert_ne!(a.flags, b.flags);
        // Non-ASCII and empty words do not panic.
        let _ = Lex::of("", false);
        let _ = Lex::of("Çé—😀", false);
    }
}
