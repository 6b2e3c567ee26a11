//! The news-breadth check set (`lexicon_news.tsv`): whole kinds of news events the lexicon had
//! no rule for in session 8 (forces leaving places, relief goods and arms packages, police
//! deployments and alerts, solo drills, restored services, repeals, intelligence sharing, joint
//! operations, accreditation withdrawn, deadlines, threatened sanctions, strikes staged, roads
//! blocked, food refused, air strikes, assassinations), plus sense guards. Each line runs
//! through the whole coder as `sitrep code` runs it, so a line can fail for a parse or an actor
//! as well as for the lexicon: the test asserts a floor and prints the failures with
//! `--nocapture`. The rules are the `news breadth (session 8, G)` sections of `verbs.txt` and
//! `nouns.txt`; the hand-parsed tests below check them independently of the shipped parser.

use crate::common::{actor, check_set_holds, code, codes, has, sent, summary, t};

const SET: &str = include_str!("lexicon_news.tsv");

/// Lines that must pass (of 84). Measured with the shipped model: 21 before the session 8
/// news-breadth rules, 52 after them, 53 at the start of session 9 (HEAD 4fdd59d) and 56 with
/// that session's tree (the session 9 wording rules move no line); the floor leaves room for
/// a parser retrain. Most lines still failing fail for the parse or the actors. Session 16
/// added 9 lines (appeals for restraint and talks, evacuation): 6 pass; "exercise restraint"
/// and "ease tensions" are tagged as a noun and a verb the wrong way round, and the tokenizer
/// splits "de-escalate" at the hyphen.
const FLOOR: usize = 50;

/// Guard lines that must pass; the guards that need a matcher or a sense change outside this
/// section's rules (a product launched "at an event", a sports score, a counterfactual "if")
/// are expected to fail until that change lands.
const GUARD_FLOOR: usize = 3;

#[test]
fn lexicon_news_check_set() {
    check_set_holds(SET, 84, FLOOR, GUARD_FLOOR);
}

// The session 8 news-breadth classes on hand-written parses.

#[test]
fn news_forces_pulling_out_of_a_city_withdraw_leaving_a_deal_does_not() {
    // The parser reads "out of" as two case words on the place.
    let s = sent(
        "Russian Russian ADJ 2 amod
         troops troops NOUN 3 nsubj
         pulled pull VERB 0 root
         out out ADP 7 case
         of of ADP 7 case
         the the DET 7 det
         city city NOUN 3 obl
         of of ADP 9 case
         Kherson Kherson PROPN 7 nmod
         . . PUNCT 3 punct",
    );
    let actors = [actor(1, 2, 2, "RUSMIL"), actor(9, 9, 9, "UKR")];
    assert!(has(&codes(&code(&s, &actors)), "087"));
    let s = sent(
        "Russia Russia PROPN 2 nsubj
         pulled pull VERB 0 root
         out out ADP 6 case
         of of ADP 6 case
         the the DET 6 det
         deal deal NOUN 2 obl
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "RUS")];
    assert!(!has(&codes(&code(&s, &actors)), "087"));
}

#[test]
fn news_soldiers_leaving_a_camp_withdraw_soldiers_leaving_the_army_do_not() {
    let s = sent(
        "Israeli Israeli ADJ 2 amod
         soldiers soldier NOUN 3 nsubj
         left leave VERB 0 root
         the the DET 5 det
         camp camp NOUN 3 obj
         . . PUNCT 3 punct",
    );
    let actors = [actor(1, 2, 2, "ISRMIL")];
    assert_eq!(codes(&code(&s, &actors)), vec!["087"]);
    let s = sent(
        "Israeli Israeli ADJ 2 amod
         soldiers soldier NOUN 3 nsubj
         left leave VERB 0 root
         the the DET 5 det
         army army NOUN 3 obj
         . . PUNCT 3 punct",
    );
    assert!(code(&s, &actors).events.is_empty());
}

#[test]
fn news_a_staged_general_strike_is_a_strike_not_an_attack() {
    let s = sent(
        "Workers worker NOUN 2 nsubj
         staged stage VERB 0 root
         a a DET 5 det
         general general ADJ 5 amod
         strike strike NOUN 2 obj
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "ARGLAB")];
    let c = codes(&code(&s, &actors));
    assert!(has(&c, "143") && !has(&c, "19"), "{c:?}");
    // An air strike staged stays an attack.
    let s = sent(
        "Israel Israel PROPN 2 nsubj
         staged stage VERB 0 root
         an a DET 5 det
         air air NOUN 5 compound
         strike strike NOUN 2 obj
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "ISR")];
    let c = codes(&code(&s, &actors));
    assert!(has(&c, "19") && !has(&c, "14"), "{c:?}");
}

#[test]
fn news_relief_goods_sent_to_people_are_humanitarian_aid() {
    let s = sent(
        "Turkey Turkey PROPN 2 nsubj
         sent send VERB 0 root
         generators generator NOUN 2 obj
         and and CCONJ 5 cc
         rations ration NOUN 3 conj
         to to ADP 7 case
         Syria Syria PROPN 2 obl
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "TUR"), actor(7, 7, 7, "SYR")];
    assert_eq!(
        summary(&code(&s, &actors), &actors),
        vec![t("073", "TUR", "SYR")]
    );
}

#[test]
fn news_a_police_contingent_arriving_to_lead_a_mission_is_peacekeeping() {
    let s = sent(
        "A a DET 4 det
         Kenyan Kenyan PROPN 4 compound
         police police NOUN 4 compound
         contingent contingent NOUN 5 nsubj
         arrived arrive VERB 0 root
         in in ADP 7 case
         Haiti Haiti PROPN 5 obl
         to to PART 9 mark
         lead lead VERB 5 advcl
         the the DET 11 det
         mission mission NOUN 9 obj
         . . PUNCT 5 punct",
    );
    let actors = [actor(2, 4, 4, "KENCOP"), actor(7, 7, 7, "HTI")];
    assert_eq!(
        summary(&code(&s, &actors), &actors),
        vec![t("074", "KENCOP", "HTI")]
    );
}

#[test]
fn news_a_deadline_given_is_an_ultimatum_and_with_sanctions_a_threat_of_them() {
    let s = sent(
        "Turkey Turkey PROPN 2 nsubj
         gave give VERB 0 root
         the the DET 4 det
         rebels rebel NOUN 2 obj
         48 48 NUM 6 nummod
         hours hour NOUN 2 obl:unmarked
         to to PART 8 mark
         leave leave VERB 2 advcl
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "TUR"), actor(4, 4, 4, "SYRREB")];
    assert_eq!(
        summary(&code(&s, &actors), &actors),
        vec![t("139", "TUR", "SYRREB")]
    );
    let s = sent(
        "The the DET 2 det
         EU EU PROPN 3 nsubj
         gave give VERB 0 root
         Belarus Belarus PROPN 3 obj
         one one NUM 6 nummod
         week week NOUN 3 obl:unmarked
         to to PART 8 mark
         comply comply VERB 3 advcl
         or or CCONJ 10 cc
         face face VERB 8 conj
         sanctions sanction NOUN 10 obj
         . . PUNCT 3 punct",
    );
    let actors = [actor(2, 2, 2, "IGOEEC"), actor(4, 4, 4, "BLR")];
    assert!(has(&codes(&code(&s, &actors)), "1312"));
}
