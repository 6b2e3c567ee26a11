//! A sentence's words grouped into units for chain composition: each KB match (an atom), each
//! run of capitalised name words outside any match, and each other word alone. Apart from
//! `chain.rs` because grouping words is one step and reading the chain grammar over the
//! units another; `parts.rs` uses the units too.

use super::lexicon::{self, is_capitalised_name};
use super::scan::{word_text, Atom};
use super::{Pos, Word};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Atom(Atom),
    /// Capitalised words `w0..w1` outside any match.
    Caps(usize, usize),
    Word(usize),
}

impl Unit {
    pub(crate) fn span(&self) -> (usize, usize) {
        match *self {
            Unit::Atom(a) => (a.w0, a.w1),
            Unit::Caps(a, b) => (a, b),
            Unit::Word(w) => (w, w + 1),
        }
    }
}

pub(crate) fn units(text: &str, words: &[Word], atoms: &[Atom]) -> Vec<Unit> {
    let mut out = Vec::with_capacity(words.len());
    let mut ai = 0;
    let mut i = 0;
    while i < words.len() {
        if let Some(a) = atoms.get(ai).filter(|a| a.w0 == i) {
            out.push(Unit::Atom(*a));
            i = a.w1;
            ai += 1;
            continue;
        }
        let next_atom = atoms.get(ai).map_or(words.len(), |a| a.w0);
        if is_name_word(text, words, i, true) {
            let mut j = i + 1;
            while j < next_atom {
                if is_name_word(text, words, j, false) {
                    j += 1;
                } else if j + 1 < next_atom
                    && matches!(word_text(text, &words[j]), "of" | "-" | "al" | "bin" | "de")
                    && is_name_word(text, words, j + 1, false)
                {
                    j += 2;
                } else {
                    break;
                }
            }
            out.push(Unit::Caps(i, j));
            i = j;
        } else {
            out.push(Unit::Word(i));
            i += 1;
        }
    }
    out
}

fn is_name_word(text: &str, words: &[Word], i: usize, first: bool) -> bool {
    let w = word_text(text, &words[i]);
    if !is_capitalised_name(w) || lexicon::is_stop_cap(w) || lexicon::pronoun(w).is_some() {
        return false;
    }
    match words[i].pos {
        Pos::Unknown | Pos::Propn => true,
        Pos::Noun | Pos::Adj | Pos::Num => !(first && i == 0) || opens_place_name(text, words, i),
        _ => false,
    }
}

/// A sentence-initial "New" before a proper noun opens a place name ("New Mexico Sen. Tom
/// Udall", "New Hampshire Gov."), though the tagger reads it as an adjective there: without
/// it the rest ("Mexico", "Jersey") names another country.
fn opens_place_name(text: &str, words: &[Word], i: usize) -> bool {
    word_text(text, &words[i]) == "New"
        && words
            .get(i + 1)
            .is_some_and(|n| n.pos == Pos::Propn && is_capitalised_name(word_text(text, n)))
}
