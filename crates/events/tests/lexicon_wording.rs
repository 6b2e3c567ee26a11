//! The wording check set (`lexicon_wording.tsv`): for each PLOVER type, ways wire copy words an
//! event that the dictionary's rules were not written from (noun forms, light and phrasal verbs,
//! passives with and without "by", present-tense headlines, attribution wrappers, vows and
//! offers with a complement), written in session 9 before any of its rules, plus sense guards.
//! Each line runs through the whole coder as `sitrep code` runs it, so a line can fail for a
//! parse or an actor as well as for the lexicon: the test asserts a floor and prints the
//! failures with `--nocapture`. The rules are the `wording (session 9, V)` sections of
//! `verbs.txt` and `nouns.txt`; the hand-parsed tests below check them without the parser.

use crate::common::{actor, check_set_holds, code, codes, has, sent, summary, t};

const SET: &str = include_str!("lexicon_wording.tsv");

/// Lines that must pass (of 156). Measured with the shipped model: the first 134 lines, written
/// before any session 9 rule, passed 96 with the binary of the session's start (100 with the
/// same tree as the final figure but the old dictionary) and 123 with the wording rules; the 22
/// lines written after the rules (guards for each new rule's other sense, the same classes in
/// other words) pass 20. The floor leaves a few lines for a parser retrain; the lines still
/// failing fail for the parse, the tokenizer or the actors (see the session report).
const FLOOR: usize = 138;

/// Guard lines that must pass (28 pass).
const GUARD_FLOOR: usize = 26;

#[test]
fn lexicon_wording_check_set() {
    check_set_holds(SET, 156, FLOOR, GUARD_FLOOR);
}

#[test]
fn wording_a_call_by_phone_with_the_partner_on_the_phone_noun_is_a_phone_call() {
    // The parser hangs "with X" on "phone", not on the verb.
    let s = sent(
        "Macron Macron PROPN 2 nsubj
         spoke speak VERB 0 root
         by by ADP 4 case
         phone phone NOUN 2 obl
         with with ADP 6 case
         Zelensky Zelensky PROPN 4 nmod
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "FRAGOV"), actor(6, 6, 6, "UKRGOV")];
    assert_eq!(
        summary(&code(&s, &actors), &actors),
        vec![t("041", "FRAGOV", "UKRGOV")]
    );
}

#[test]
fn wording_refusing_food_is_a_hunger_strike_refusing_food_aid_is_not() {
    let s = sent(
        "Palestinian Palestinian ADJ 2 amod
         detainees detainee NOUN 4 nsubj
         are be AUX 4 aux
         refusing refuse VERB 0 root
         food food NOUN 4 obj
         . . PUNCT 4 punct",
    );
    let actors = [actor(1, 2, 2, "PSE")];
    assert_eq!(codes(&code(&s, &actors)), vec!["142"]);
    let s = sent(
        "Israel Israel PROPN 2 nsubj
         refused refuse VERB 0 root
         food food NOUN 4 compound
         aid aid NOUN 2 obj
         from from ADP 6 case
         Turkey Turkey PROPN 4 nmod
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "ISR"), actor(6, 6, 6, "TUR")];
    let c = codes(&code(&s, &actors));
    assert!(has(&c, "122") && !has(&c, "142"), "{c:?}");
}

#[test]
fn wording_protesters_setting_fire_to_a_building_riot_soldiers_burning_homes_do_not() {
    let s = sent(
        "Demonstrators demonstrator NOUN 2 nsubj
         set set VERB 0 root
         fire fire NOUN 2 obj
         to to ADP 9 case
         the the DET 7 det
         ruling rule VERB 7 amod
         party party NOUN 9 nmod:poss
         's 's PART 7 case
         headquarters headquarters NOUN 2 obl
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "BGDCVL"), actor(6, 7, 7, "BGDGOV")];
    assert_eq!(
        summary(&code(&s, &actors), &actors),
        vec![t("145", "BGDCVL", "BGDGOV")]
    );
    let s = sent(
        "Soldiers soldier NOUN 2 nsubj
         set set VERB 0 root
         fire fire NOUN 2 obj
         to to ADP 5 case
         homes home NOUN 2 obl
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "MMRMIL")];
    let c = codes(&code(&s, &actors));
    assert!(has(&c, "1712") && !has(&c, "14"), "{c:?}");
}

#[test]
fn wording_what_is_ruled_out_decides_the_rejection() {
    let s = sent(
        "Zelensky Zelensky PROPN 2 nsubj
         ruled rule VERB 0 root
         out out ADP 2 compound:prt
         ceding cede VERB 2 xcomp
         territory territory NOUN 4 obj
         to to ADP 7 case
         Russia Russia PROPN 4 obl
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "UKRGOV"), actor(7, 7, 7, "RUS")];
    assert_eq!(
        summary(&code(&s, &actors), &actors),
        vec![t("124", "UKRGOV", "RUS")]
    );
    let s = sent(
        "Israel Israel PROPN 2 nsubj
         ruled rule VERB 0 root
         out out ADP 2 compound:prt
         a a DET 5 det
         ceasefire ceasefire NOUN 2 obj
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "ISR")];
    assert_eq!(codes(&code(&s, &actors)), vec!["1246"]);
}

#[test]
fn wording_stepping_down_from_a_podium_is_no_resignation() {
    let s = sent(
        "Macron Macron PROPN 2 nsubj
         stepped step VERB 0 root
         down down ADP 2 compound:prt
         from from ADP 6 case
         the the DET 6 det
         stage stage NOUN 2 obl
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "FRAGOV")];
    assert!(code(&s, &actors).events.is_empty());
    let s = sent(
        "Macron Macron PROPN 2 nsubj
         stepped step VERB 0 root
         down down ADP 2 compound:prt
         . . PUNCT 2 punct",
    );
    assert_eq!(codes(&code(&s, &actors)), vec!["0831"]);
}

#[test]
fn wording_a_mediator_stepping_back_halts_mediation() {
    let s = sent(
        "Norway Norway PROPN 2 nsubj
         stepped step VERB 0 root
         back back ADV 2 advmod
         from from ADP 6 case
         its its PRON 6 nmod:poss
         role role NOUN 2 obl
         as as ADP 8 case
         mediator mediator NOUN 6 nmod
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "NOR"), actor(5, 5, 5, "NOR")];
    assert_eq!(codes(&code(&s, &actors)), vec!["165"]);
    // A chairman's role is no mediation.
    let s = sent(
        "He he PRON 2 nsubj
         stepped step VERB 0 root
         back back ADV 2 advmod
         from from ADP 6 case
         his his PRON 6 nmod:poss
         role role NOUN 2 obl
         as as ADP 8 case
         chairman chairman NOUN 6 nmod
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "USABUS")];
    assert!(!has(&codes(&code(&s, &actors)), "165"));
}
