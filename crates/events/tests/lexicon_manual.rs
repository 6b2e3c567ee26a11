//! The manual-style check set (`lexicon_manual.tsv`): short edited wire sentences of the shape
//! the CAMEO manual gives as examples ("X accused Y of", "X charged that", "X imposed an embargo
//! on", "X mobilized reserves", "X sent warships to", "X handed over hostages"), for the PLOVER
//! types the coder was weakest on, written in session 10 before its rules (groups by type and
//! "MISC") and after them ("CLASSES/after": the same constructions in other words;
//! "GUARD/after": the other sense of each new rule's words). Each line runs through the whole
//! coder as `sitrep code` runs it, so a line can fail for a parse or an actor as well as for the
//! lexicon: the test asserts a floor and prints the failures with `--nocapture`. The rules are
//! the `manual constructions (session 10, V10)` section of `verbs.txt`.

use crate::common::check_set_holds;

const SET: &str = include_str!("lexicon_manual.tsv");

/// Lines that must pass (of 179). Measured with the shipped model: the 148 lines written before
/// the session 10 rules passed 124 with the binary of the session's start (HEAD 9297623) and 138
/// with the rules; all 179 lines passed 138 before and 164 after. The lines still failing fail
/// for the parse ("Rwanda charged on Tuesday that", "Chinese officials on Friday condemned"),
/// for an unnamed or unknown actor ("A suicide bomber", "The two sides", "The junta") or for a
/// sense the rules do not split ("blockaded the road" by a state is 191, by protesters 144).
/// The floor leaves a few lines for a parser retrain.
const FLOOR: usize = 158;

/// Guard lines that must pass (9 of 9 pass; 6 passed before the rules).
const GUARD_FLOOR: usize = 8;

#[test]
fn lexicon_manual_check_set() {
    check_set_holds(SET, 179, FLOOR, GUARD_FLOOR);
}
