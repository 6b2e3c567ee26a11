//! The lexicon's generalisation check set: news sentences written for this test
//! (`lexicon_general.tsv`), one to a dozen per PLOVER type, in the wordings a dictionary grown
//! from a few suites misses (synonyms, tenses, passives, headlines, noun forms, light and
//! phrasal verbs, attribution), plus sense guards. Each runs through the whole coder
//! (tokenizer, tagger, parser, actor recogniser, matcher) as `sitrep code` runs it, so a line
//! can fail for a parse or an actor as well as for the lexicon: the test asserts a floor of
//! lines passed, not every line, and prints the failures with `--nocapture`.

use crate::common::{actor, check_set_holds, code, codes, has, sent, summary, t};

const SET: &str = include_str!("lexicon_general.tsv");

/// Lines that must pass (of 269). Measured with the shipped model: 134 of 182 at the start of
/// the sixth round (HEAD a612e40), 161 of 183 after its rules; 164 of 183 at the start of the
/// eighth round (HEAD c4b1cfa), whose 64 new lines (groups "TYPE/n", written before its rules)
/// passed 40 and whose 14 new guard lines passed 5; 238 of 262 after its rules; 245 of 269 with
/// the lead's seven lines on threats described rather than made ("GUARD/lead8"); 245 at the
/// start of session 9 (HEAD 4fdd59d) and 251 with that session's tree (tagger and matcher work
/// not yet committed then; the session 9 wording rules move no line). The floor leaves room
/// for a parser retrain to move a few lines. A lexicon change that loses lines fails here.
const FLOOR: usize = 241;

/// Negative guard lines (sense checks, 26 of them: no event of that code) that must pass: a
/// wrong sense coded is worse than a miss.
const GUARD_FLOOR: usize = 24;

#[test]
fn lexicon_general_check_set() {
    check_set_holds(SET, 271, FLOOR, GUARD_FLOOR);
}

// The sixth round's classes on hand-written parses (independent of the shipped parser).

#[test]
fn general_appeal_as_a_compound_of_court_is_no_appeal() {
    let s = sent(
        "A a DET 4 det
         US US PROPN 4 compound
         appeals appeal NOUN 4 compound
         court court NOUN 5 nsubj
         upheld uphold VERB 0 root
         the the DET 7 det
         ruling ruling NOUN 5 obj
         . . PUNCT 5 punct",
    );
    let actors = [actor(2, 4, 4, "USAJUD")];
    assert!(!has(&codes(&code(&s, &actors)), "02"));
    // The appeal itself still is one.
    let s = sent(
        "Kenya Kenya PROPN 2 nsubj
         renewed renew VERB 0 root
         its its PRON 4 nmod:poss
         appeal appeal NOUN 2 obj
         to to ADP 6 case
         Britain Britain PROPN 4 nmod
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "KEN"), actor(6, 6, 6, "GBR")];
    assert!(has(&codes(&code(&s, &actors)), "02"));
}

#[test]
fn general_attacking_a_messenger_is_words_attacking_a_base_is_force() {
    let s = sent(
        "Democrats Democrats PROPN 2 nsubj
         attacked attack VERB 0 root
         the the DET 4 det
         messenger messenger NOUN 2 obj
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "USAPTY")];
    let c = codes(&code(&s, &actors));
    assert!(!has(&c, "19") && !has(&c, "18"), "{c:?}");
    let s = sent(
        "Rebels rebel NOUN 2 nsubj
         attacked attack VERB 0 root
         an a DET 5 det
         army army NOUN 5 compound
         base base NOUN 2 obj
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "MLIREB"), actor(4, 4, 4, "MLIMIL")];
    assert!(has(&codes(&code(&s, &actors)), "19"));
}

#[test]
fn general_agreeing_to_a_cessation_of_hostilities_is_a_ceasefire() {
    let s = sent(
        "Rebels rebel NOUN 5 nsubj
         and and CCONJ 4 cc
         government government NOUN 4 compound
         troops troops NOUN 1 conj
         agreed agree VERB 0 root
         to to ADP 8 case
         a a DET 8 det
         cessation cessation NOUN 5 obl
         of of ADP 10 case
         hostilities hostility NOUN 8 nmod
         . . PUNCT 5 punct",
    );
    let actors = [actor(1, 1, 1, "YEMREB"), actor(3, 4, 4, "YEMMIL")];
    assert_eq!(codes(&code(&s, &actors)), vec!["0871"]);
}

#[test]
fn general_money_given_to_a_named_recipient_is_aid() {
    let s = sent(
        "Japan Japan PROPN 2 nsubj
         donated donate VERB 0 root
         $ $ SYM 2 obj
         100 100 NUM 5 compound
         million million NUM 3 nummod
         to to ADP 7 case
         Nepal Nepal PROPN 2 obl
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "JPN"), actor(7, 7, 7, "NPL")];
    assert_eq!(
        summary(&code(&s, &actors), &actors),
        vec![t("071", "JPN", "NPL")]
    );
    // Money spent with no recipient is no aid.
    let s = sent(
        "Japan Japan PROPN 2 nsubj
         spent spend VERB 0 root
         $ $ SYM 2 obj
         100 100 NUM 5 compound
         million million NUM 3 nummod
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "JPN")];
    assert!(!has(&codes(&code(&s, &actors)), "07"));
}

#[test]
fn general_envoy_ordered_to_leave_is_an_expulsion() {
    let s = sent(
        "Kenya Kenya PROPN 2 nsubj
         ordered order VERB 0 root
         the the DET 5 det
         Somali Somali PROPN 5 compound
         envoy envoy NOUN 2 obj
         to to PART 7 mark
         leave leave VERB 5 acl
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "KEN"), actor(4, 5, 5, "SOMGOV")];
    assert_eq!(
        summary(&code(&s, &actors), &actors),
        vec![t("161", "KEN", "SOMGOV")]
    );
}
