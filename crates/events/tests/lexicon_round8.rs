//! The eighth round's sense classes on hand-written parses of sentences written for these
//! tests (independent of the shipped parser): a vow of harm is a threat, never an intent to
//! cooperate; "agree" with a that-clause of opinion commits to nothing; a business "arrests a
//! decline" and "looks to tap into" a market; a speaker "addresses a rally"; protesters who
//! storm a building riot; a pardon frees a prisoner; drills around a rival show force.

use crate::common::{actor, code, codes, has, sent, summary, t};

#[test]
fn round8_a_vow_of_revenge_is_a_threat_not_cooperation() {
    let s = sent(
        "Russia Russia PROPN 2 nsubj
         vowed vow VERB 0 root
         revenge revenge NOUN 2 obj
         for for ADP 6 case
         the the DET 6 det
         attack attack NOUN 2 obl
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "RUS")];
    let c = codes(&code(&s, &actors));
    assert!(has(&c, "13") && !has(&c, "03"), "{c:?}");
    // A vow of punishment with a named target is aimed at it.
    let s = sent(
        "Pyongyang Pyongyang PROPN 2 nsubj
         vowed vow VERB 0 root
         harsh harsh ADJ 4 amod
         punishment punishment NOUN 2 obj
         against against ADP 6 case
         Seoul Seoul PROPN 2 obl
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "PRK"), actor(6, 6, 6, "KOR")];
    assert_eq!(
        summary(&code(&s, &actors), &actors),
        vec![t("130", "PRK", "KOR")]
    );
    // A plain pledge of help stays an intent to cooperate.
    let s = sent(
        "Japan Japan PROPN 2 nsubj
         pledged pledge VERB 0 root
         to to PART 4 mark
         cooperate cooperate VERB 2 xcomp
         with with ADP 6 case
         Korea Korea PROPN 4 obl
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "JPN"), actor(6, 6, 6, "KOR")];
    assert!(has(&codes(&code(&s, &actors)), "03"));
}

#[test]
fn round8_a_vow_to_stop_a_bill_or_to_venture_abroad_is_no_cooperation() {
    let s = sent(
        "Democrats Democrats PROPN 2 nsubj
         vowed vow VERB 0 root
         to to PART 4 mark
         stop stop VERB 2 xcomp
         the the DET 6 det
         bill bill NOUN 4 obj
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "USAPTY")];
    assert!(!has(&codes(&code(&s, &actors)), "03"));
    let s = sent(
        "Chinese chinese ADJ 2 amod
         companies company NOUN 3 nsubj
         vowed vow VERB 0 root
         to to PART 5 mark
         venture venture VERB 3 xcomp
         overseas overseas ADV 5 advmod
         . . PUNCT 3 punct",
    );
    let actors = [actor(1, 2, 2, "CHNBUS")];
    assert!(!has(&codes(&code(&s, &actors)), "03"));
}

#[test]
fn round8_agreeing_with_an_opinion_is_no_commitment() {
    let s = sent(
        "Macron Macron PROPN 2 nsubj
         agreed agree VERB 0 root
         he he PRON 5 nsubj
         had have AUX 5 aux
         underestimated underestimate VERB 2 ccomp
         the the DET 7 det
         anger anger NOUN 5 obj
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "FRAGOV")];
    assert!(!has(&codes(&code(&s, &actors)), "03"));
    // Agreeing that something will be done commits.
    let s = sent(
        "Iran Iran PROPN 2 nsubj
         agreed agree VERB 0 root
         that that SCONJ 6 mark
         talks talk NOUN 6 nsubj
         would would AUX 6 aux
         resume resume VERB 2 ccomp
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "IRN")];
    assert!(has(&codes(&code(&s, &actors)), "03"));
}

#[test]
fn round8_arresting_a_decline_is_no_arrest() {
    let s = sent(
        "The the DET 2 det
         carmaker carmaker NOUN 3 nsubj
         arrested arrest VERB 0 root
         the the DET 5 det
         slide slide NOUN 3 obj
         in in ADP 8 case
         its its PRON 8 nmod:poss
         sales sale NOUN 5 nmod
         . . PUNCT 3 punct",
    );
    let actors = [actor(1, 2, 2, "JPNBUS")];
    assert!(!has(&codes(&code(&s, &actors)), "17"));
    let s = sent(
        "Police police NOUN 2 nsubj
         arrested arrest VERB 0 root
         the the DET 4 det
         mayor mayor NOUN 2 obj
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "TURCOP"), actor(3, 4, 4, "TURGOV")];
    assert!(has(&codes(&code(&s, &actors)), "173"));
}

#[test]
fn round8_looking_to_tap_into_a_market_is_no_investigation() {
    let s = sent(
        "The the DET 2 det
         retailer retailer NOUN 4 nsubj
         is be AUX 4 aux
         looking look VERB 0 root
         to to PART 6 mark
         tap tap VERB 4 xcomp
         into into ADP 9 case
         the the DET 9 det
         market market NOUN 4 obl
         . . PUNCT 4 punct",
    );
    let actors = [actor(1, 2, 2, "USABUS")];
    assert!(!has(&codes(&code(&s, &actors)), "09"));
    let s = sent(
        "Police police NOUN 3 nsubj
         are be AUX 3 aux
         looking look VERB 0 root
         into into ADP 6 case
         the the DET 6 det
         death death NOUN 3 obl
         . . PUNCT 3 punct",
    );
    let actors = [actor(1, 1, 1, "INDCOP")];
    assert!(has(&codes(&code(&s, &actors)), "09"));
}

#[test]
fn round8_addressing_a_rally_is_no_protest() {
    let s = sent(
        "Cavusoglu Cavusoglu PROPN 2 nsubj
         addressed address VERB 0 root
         a a DET 4 det
         rally rally NOUN 2 obj
         in in ADP 6 case
         Rotterdam Rotterdam PROPN 4 nmod
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "TURGOV")];
    let c = codes(&code(&s, &actors));
    assert!(!has(&c, "14") && !has(&c, "13"), "{c:?}");
}

#[test]
fn round8_protesters_storming_a_palace_riot_troops_attack() {
    let s = sent(
        "Protesters protester NOUN 2 nsubj
         stormed storm VERB 0 root
         the the DET 5 det
         presidential presidential ADJ 5 amod
         palace palace NOUN 2 obj
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "LKAOPP")];
    assert_eq!(codes(&code(&s, &actors)), vec!["145"]);
}

#[test]
fn round8_a_pardon_frees_a_prisoner_and_drills_around_a_rival_show_force() {
    let s = sent(
        "Belarus Belarus PROPN 2 nsubj
         pardoned pardon VERB 0 root
         an a DET 5 det
         opposition opposition NOUN 5 compound
         activist activist NOUN 2 obj
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "BLR"), actor(4, 5, 5, "BLROPP")];
    assert_eq!(
        summary(&code(&s, &actors), &actors),
        vec![t("0841", "BLR", "BLROPP")]
    );
    let s = sent(
        "China China PROPN 2 nsubj
         staged stage VERB 0 root
         military military ADJ 4 amod
         drills drill NOUN 2 obj
         around around ADP 6 case
         Taiwan Taiwan PROPN 2 obl
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "CHN"), actor(6, 6, 6, "TWN")];
    let c = codes(&code(&s, &actors));
    assert!(has(&c, "150") && !has(&c, "06"), "{c:?}");
}
