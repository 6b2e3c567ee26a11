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

/// Lines that must pass (of 211). Measured with the shipped model: the 148 lines written before
/// the session 10 rules passed 124 with the binary of the session's start (HEAD 9297623) and 138
/// with the rules; all 179 lines passed 138 before and 164 after. The lines still failing fail
/// for the parse ("Rwanda charged on Tuesday that", "Chinese officials on Friday condemned"),
/// for an unnamed or unknown actor ("A suicide bomber", "The two sides", "The junta") or for a
/// sense the rules do not split ("blockaded the road" by a state is 191, by protesters 144).
/// The floor leaves a few lines for a parser retrain. Session 11 (V11) added 31 lines written
/// before its fixes (groups "DEFECTS/s11" and "CLASSES/s11"): with its fixes all 31 pass and
/// the 179 older lines still pass 164 (195 of 210 in all); before them 2 of the 12 defect
/// lines passed and, of the 19 class lines, 1 of the 15 then probed (a guard).
const FLOOR: usize = 189;

/// Guard lines that must pass (16 of 16 pass; 6 of the first 9 passed before the session 10
/// rules, 2 of session 11's 6 before its fixes; the 16th, an arrest "in" a case rather than a
/// place, was added with the guard on `coerce.arrested_in` after a look at real news).
const GUARD_FLOOR: usize = 14;

#[test]
fn lexicon_manual_check_set() {
    check_set_holds(SET, 210, FLOOR, GUARD_FLOOR);
}
