//! Trigger sense, second round: words that are political only with an actor, a place or a
//! weapon as their object, and force nouns aimed at values, livelihoods or constituencies.
//! Each guard is tested both ways on sentences written for these tests (hand-corrected parses):
//! the figurative or everyday sense codes nothing (or its own event), the political sense keeps
//! its code.

use crate::common::{actor, code, codes, sent};

fn force(c: &[String]) -> bool {
    c.iter().any(|c| c.starts_with("19") || c.starts_with("18"))
}

#[test]
fn lexicon_attack_on_workers_or_war_on_drugs_is_no_force() {
    let s = sent(
        "Trump Trump PROPN 2 nsubj
         called call VERB 0 root
         the the DET 4 det
         rule rule NOUN 2 obj
         an a DET 6 det
         attack attack NOUN 2 xcomp
         on on ADP 8 case
         workers worker NOUN 6 nmod
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "USAGOV"), actor(8, 8, 8, "USALAB")];
    assert!(
        !force(&codes(&code(&s, &actors))),
        "{:?}",
        codes(&code(&s, &actors))
    );
    // The parser often hangs "on drugs" on the light verb.
    let s = sent(
        "Duterte Duterte PROPN 2 nsubj
         launched launch VERB 0 root
         a a DET 4 det
         war war NOUN 2 obj
         on on ADP 6 case
         drugs drug NOUN 2 obl
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "PHLGOV")];
    assert!(
        !force(&codes(&code(&s, &actors))),
        "{:?}",
        codes(&code(&s, &actors))
    );
    let s = sent(
        "The the DET 2 det
         administration administration NOUN 5 nmod:poss
         's 's PART 2 case
         last-minute last-minute ADJ 5 amod
         assault assault NOUN 0 root
         on on ADP 8 case
         the the DET 8 det
         press press NOUN 5 nmod",
    );
    let actors = [actor(1, 2, 2, "USAGOV")];
    assert!(
        !force(&codes(&code(&s, &actors))),
        "{:?}",
        codes(&code(&s, &actors))
    );
    // An attack on a base is force.
    let s = sent(
        "Rebels rebel NOUN 2 nsubj
         launched launch VERB 0 root
         an a DET 4 det
         attack attack NOUN 2 obj
         on on ADP 8 case
         the the DET 8 det
         army army NOUN 8 compound
         base base NOUN 4 nmod
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "SYRREB"), actor(7, 7, 7, "SYRMIL")];
    assert_eq!(codes(&code(&s, &actors)), vec!["190"]);
    // A war waged on a country is force.
    let s = sent(
        "Russia Russia PROPN 2 nsubj
         waged wage VERB 0 root
         war war NOUN 2 obj
         on on ADP 5 case
         Georgia Georgia PROPN 3 nmod
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "RUS"), actor(5, 5, 5, "GEO")];
    assert_eq!(codes(&code(&s, &actors)), vec!["190"]);
}

#[test]
fn lexicon_fighting_for_jobs_is_no_force() {
    let s = sent(
        "The the DET 3 det
         French French ADJ 3 amod
         government government NOUN 5 nsubj
         will will AUX 5 aux
         fight fight VERB 0 root
         for for ADP 8 case
         French French ADJ 8 amod
         jobs job NOUN 5 obl
         . . PUNCT 5 punct",
    );
    let actors = [actor(1, 3, 3, "FRAGOV")];
    assert!(codes(&code(&s, &actors)).is_empty());
    let s = sent(
        "Unions union NOUN 2 nsubj
         fought fight VERB 0 root
         against against ADP 4 case
         taxpayers taxpayer NOUN 2 obl",
    );
    let actors = [actor(1, 1, 1, "FRALAB")];
    assert!(codes(&code(&s, &actors)).is_empty());
    // Fighting an army, or for a town, is force.
    let s = sent(
        "Rebels rebel NOUN 3 nsubj
         will will AUX 3 aux
         fight fight VERB 0 root
         the the DET 5 det
         army army NOUN 3 obj
         . . PUNCT 3 punct",
    );
    let actors = [actor(1, 1, 1, "SYRREB"), actor(4, 5, 5, "SYRMIL")];
    assert_eq!(codes(&code(&s, &actors)), vec!["1384"]);
    let s = sent(
        "Kurdish Kurdish ADJ 2 amod
         fighters fighter NOUN 3 nsubj
         fought fight VERB 0 root
         for for ADP 5 case
         Kobani Kobani PROPN 3 obl",
    );
    let actors = [actor(1, 2, 2, "SYRREB"), actor(5, 5, 5, "SYR")];
    assert_eq!(codes(&code(&s, &actors)), vec!["190"]);
}

#[test]
fn lexicon_releasing_documents_is_no_release_of_persons() {
    for obj in ["returns", "budget", "report", "video"] {
        let s = sent(&format!(
            "Pence Pence PROPN 2 nsubj
             released release VERB 0 root
             his his PRON 5 nmod:poss
             tax tax NOUN 5 compound
             {obj} {} NOUN 2 obj
             . . PUNCT 2 punct",
            obj.trim_end_matches('s')
        ));
        let actors = [actor(1, 1, 1, "USAGOV"), actor(3, 3, 3, "USAGOV")];
        assert!(codes(&code(&s, &actors)).is_empty(), "released {obj}");
    }
    let s = sent(
        "The the DET 2 det
         ministry ministry NOUN 3 nsubj
         announced announce VERB 0 root
         the the DET 5 det
         release release NOUN 3 obj
         of of ADP 8 case
         its its PRON 8 nmod:poss
         report report NOUN 5 nmod",
    );
    let actors = [actor(1, 2, 2, "RUSGOV")];
    assert!(codes(&code(&s, &actors)).is_empty());
    // Releasing people is 0841.
    let s = sent(
        "Iran Iran PROPN 2 nsubj
         released release VERB 0 root
         two two NUM 5 nummod
         American American ADJ 5 amod
         sailors sailor NOUN 2 obj
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "IRN"), actor(3, 5, 5, "USAMIL")];
    assert_eq!(codes(&code(&s, &actors)), vec!["0841"]);
}

#[test]
fn lexicon_capturing_a_base_is_taking_territory_not_an_arrest() {
    let s = sent(
        "ISIL ISIL PROPN 2 compound
         fighters fighter NOUN 3 nsubj
         captured capture VERB 0 root
         the the DET 5 det
         airbase airbase NOUN 3 obj
         from from ADP 9 case
         the the DET 9 det
         Syrian Syrian ADJ 9 amod
         government government NOUN 3 obl
         . . PUNCT 3 punct",
    );
    let actors = [actor(1, 2, 2, "IMGREB"), actor(7, 9, 9, "SYRGOV")];
    assert_eq!(codes(&code(&s, &actors)), vec!["192"]);
    let s = sent(
        "The the DET 2 det
         film film NOUN 3 nsubj
         captured capture VERB 0 root
         the the DET 5 det
         mood mood NOUN 3 obj",
    );
    let actors = [];
    assert!(codes(&code(&s, &actors)).is_empty());
    // Capturing a person is an arrest.
    let s = sent(
        "Police police NOUN 2 nsubj
         captured capture VERB 0 root
         the the DET 4 det
         gunman gunman NOUN 2 obj
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "FRACOP"), actor(3, 4, 4, "FRACRM")];
    assert_eq!(codes(&code(&s, &actors)), vec!["173"]);
}

#[test]
fn lexicon_retreating_from_a_principle_is_no_military_retreat() {
    let s = sent(
        "Turkey Turkey PROPN 3 nsubj
         is be AUX 3 aux
         retreating retreat VERB 0 root
         from from ADP 6 case
         the the DET 6 det
         rule rule NOUN 3 obl
         of of ADP 8 case
         law law NOUN 6 nmod
         . . PUNCT 3 punct",
    );
    let actors = [actor(1, 1, 1, "TUR")];
    assert!(codes(&code(&s, &actors)).is_empty());
    let s = sent(
        "The the DET 2 det
         party party NOUN 3 nsubj
         retreated retreat VERB 0 root
         from from ADP 6 case
         its its PRON 6 nmod:poss
         pledges pledge NOUN 3 obl",
    );
    let actors = [actor(1, 2, 2, "GBRPTY")];
    assert!(codes(&code(&s, &actors)).is_empty());
    let s = sent(
        "Syrian Syrian ADJ 2 amod
         troops troops NOUN 3 nsubj
         retreated retreat VERB 0 root
         from from ADP 5 case
         Palmyra Palmyra PROPN 3 obl
         . . PUNCT 3 punct",
    );
    let actors = [actor(1, 2, 2, "SYRMIL"), actor(5, 5, 5, "SYR")];
    assert_eq!(codes(&code(&s, &actors)), vec!["0874"]);
}

#[test]
fn lexicon_demonstrating_a_quality_is_no_protest() {
    let s = sent(
        "Russia Russia PROPN 2 nsubj
         demonstrated demonstrate VERB 0 root
         the the DET 4 det
         importance importance NOUN 2 obj
         of of ADP 7 case
         the the DET 7 det
         deal deal NOUN 4 nmod
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "RUS")];
    assert!(codes(&code(&s, &actors)).is_empty());
    // Showing military might is a show of force.
    let s = sent(
        "Russia Russia PROPN 2 nsubj
         demonstrated demonstrate VERB 0 root
         its its PRON 5 nmod:poss
         military military ADJ 5 amod
         might might NOUN 2 obj
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "RUS")];
    assert_eq!(codes(&code(&s, &actors)), vec!["150"]);
    // Demonstrating against someone is a protest.
    let s = sent(
        "Students student NOUN 2 nsubj
         demonstrated demonstrate VERB 0 root
         against against ADP 5 case
         the the DET 5 det
         government government NOUN 2 obl
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "VENEDU"), actor(4, 5, 5, "VENGOV")];
    assert_eq!(codes(&code(&s, &actors)), vec!["141"]);
}

#[test]
fn lexicon_not_ruling_out_is_no_rejection() {
    for neg in ["not", "never"] {
        let s = sent(&format!(
            "Duterte Duterte PROPN 4 nsubj
             is be AUX 4 aux
             {neg} {neg} PART 4 advmod
             ruling rule VERB 0 root
             out out ADP 4 compound:prt
             the the DET 7 det
             possibility possibility NOUN 4 obj
             . . PUNCT 4 punct"
        ));
        let actors = [actor(1, 1, 1, "PHLGOV")];
        assert!(codes(&code(&s, &actors)).is_empty(), "{neg} ruling out");
    }
    let s = sent(
        "Merkel Merkel PROPN 2 nsubj
         ruled rule VERB 0 root
         out out ADP 2 compound:prt
         a a DET 5 det
         coalition coalition NOUN 2 obj
         with with ADP 7 case
         AfD AfD PROPN 5 nmod
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "DEUGOV"), actor(7, 7, 7, "DEUPTY")];
    assert_eq!(codes(&code(&s, &actors)), vec!["120"]);
}

#[test]
fn lexicon_a_standing_alliance_is_no_act_of_cooperation() {
    let s = sent(
        "Trump Trump PROPN 2 nsubj
         wants want VERB 0 root
         to to PART 4 mark
         strengthen strengthen VERB 2 xcomp
         the the DET 7 det
         NATO NATO PROPN 7 compound
         alliance alliance NOUN 4 obj
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "USAGOV"), actor(6, 6, 6, "IGONAT")];
    assert!(codes(&code(&s, &actors)).is_empty());
    let s = sent(
        "France France PROPN 4 nsubj
         and and CCONJ 3 cc
         Germany Germany PROPN 1 conj
         formed form VERB 0 root
         an a DET 6 det
         alliance alliance NOUN 4 obj
         . . PUNCT 4 punct",
    );
    let actors = [actor(1, 1, 1, "FRA"), actor(3, 3, 3, "DEU")];
    assert_eq!(codes(&code(&s, &actors)), vec!["060"]);
}

#[test]
fn lexicon_surrounding_oneself_and_helping_abstractly_are_no_events() {
    let s = sent(
        "Trump Trump PROPN 2 nsubj
         surrounded surround VERB 0 root
         himself himself PRON 2 obj
         with with ADP 5 case
         loyalists loyalist NOUN 2 obl
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "USAGOV")];
    assert!(codes(&code(&s, &actors)).is_empty());
    let s = sent(
        "Troops troops NOUN 2 nsubj
         surrounded surround VERB 0 root
         the the DET 4 det
         village village NOUN 2 obj
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "SYRMIL"), actor(3, 4, 4, "SYR")];
    assert_eq!(codes(&code(&s, &actors)), vec!["191"]);
    let s = sent(
        "Germany Germany PROPN 2 nsubj
         helps help VERB 0 root
         cultivate cultivate VERB 2 xcomp
         Chinese Chinese ADJ 5 amod
         enterprises enterprise NOUN 3 obj
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "DEU"), actor(4, 5, 5, "CHNBUS")];
    assert!(codes(&code(&s, &actors)).is_empty());
    let s = sent(
        "Germany Germany PROPN 2 nsubj
         helped help VERB 0 root
         Greece Greece PROPN 2 obj
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "DEU"), actor(3, 3, 3, "GRC")];
    assert_eq!(codes(&code(&s, &actors)), vec!["070"]);
}

#[test]
fn lexicon_a_broken_tie_is_a_vote_and_leaving_the_eu_reduces_relations() {
    let s = sent(
        "Pence Pence PROPN 2 nsubj
         broke break VERB 0 root
         a a DET 4 det
         tie tie NOUN 2 obj
         in in ADP 7 case
         the the DET 7 det
         Senate Senate PROPN 2 obl
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "USAGOV"), actor(6, 7, 7, "USALEG")];
    assert!(codes(&code(&s, &actors)).is_empty());
    let s = sent(
        "Egypt Egypt PROPN 2 nsubj
         broke break VERB 0 root
         ties tie NOUN 2 obj
         with with ADP 5 case
         Qatar Qatar PROPN 2 obl
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "EGY"), actor(5, 5, 5, "QAT")];
    assert_eq!(codes(&code(&s, &actors)), vec!["161"]);
    let s = sent(
        "Britain Britain PROPN 3 nmod:poss
         's 's PART 1 case
         withdrawal withdrawal NOUN 7 nsubj
         from from ADP 6 case
         the the DET 6 det
         EU EU PROPN 3 nmod
         began begin VERB 0 root
         in in ADP 9 case
         March March PROPN 7 obl
         . . PUNCT 7 punct",
    );
    let actors = [actor(1, 1, 1, "GBR"), actor(5, 6, 6, "IGOEU")];
    assert_eq!(codes(&code(&s, &actors)), vec!["160"]);
    let s = sent(
        "Russia Russia PROPN 3 nmod:poss
         's 's PART 1 case
         withdrawal withdrawal NOUN 6 nsubj
         from from ADP 5 case
         Syria Syria PROPN 3 nmod
         began begin VERB 0 root
         on on ADP 8 case
         Monday Monday PROPN 6 obl
         . . PUNCT 6 punct",
    );
    let actors = [actor(1, 1, 1, "RUS"), actor(5, 5, 5, "SYR")];
    assert_eq!(codes(&code(&s, &actors)), vec!["087"]);
}

#[test]
fn lexicon_committing_a_crime_is_no_pledge_and_denying_a_request_is_a_refusal() {
    let s = sent(
        "Putin Putin PROPN 2 nsubj
         committed commit VERB 0 root
         murders murder NOUN 2 obj
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "RUSGOV")];
    assert!(codes(&code(&s, &actors)).is_empty());
    let s = sent(
        "Japan Japan PROPN 2 nsubj
         committed commit VERB 0 root
         to to ADP 4 case
         reform reform NOUN 2 obl
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "JPN")];
    assert_eq!(codes(&code(&s, &actors)), vec!["030"]);
    let s = sent(
        "The the DET 2 det
         court court NOUN 3 nsubj
         denied deny VERB 0 root
         the the DET 6 det
         government government NOUN 6 nmod:poss
         request request NOUN 3 obj
         . . PUNCT 3 punct",
    );
    let actors = [actor(1, 2, 2, "USAJUD"), actor(4, 5, 5, "USAGOV")];
    assert_eq!(codes(&code(&s, &actors)), vec!["120"]);
    // Denying a report is a denial (016).
    let s = sent(
        "Moscow Moscow PROPN 2 nsubj
         denied deny VERB 0 root
         the the DET 4 det
         report report NOUN 2 obj
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "RUSGOV")];
    assert_eq!(codes(&code(&s, &actors)), vec!["016"]);
}

#[test]
fn lexicon_talk_about_terror_attacks_or_threats_is_no_event() {
    let s = sent(
        "Trump Trump PROPN 2 nsubj
         tweets tweet VERB 0 root
         about about ADP 5 case
         terrorist terrorist ADJ 5 amod
         attacks attack NOUN 2 obl
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "USAGOV")];
    assert!(codes(&code(&s, &actors)).is_empty());
    let s = sent(
        "The the DET 3 det
         White White PROPN 3 compound
         House House PROPN 4 nsubj
         cited cite VERB 0 root
         the the DET 7 det
         terrorist terrorist ADJ 7 amod
         threat threat NOUN 4 obj
         . . PUNCT 4 punct",
    );
    let actors = [actor(1, 3, 3, "USAGOV")];
    assert!(codes(&code(&s, &actors)).is_empty());
    // Carrying one out is unconventional violence (180).
    let s = sent(
        "ISIS ISIS PROPN 2 nsubj
         carried carry VERB 0 root
         out out ADP 2 compound:prt
         a a DET 6 det
         terror terror NOUN 6 compound
         attack attack NOUN 2 obj
         in in ADP 8 case
         Paris Paris PROPN 6 nmod
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "IMGREB"), actor(8, 8, 8, "FRA")];
    assert_eq!(codes(&code(&s, &actors)), vec!["180"]);
}

#[test]
fn lexicon_urging_someone_to_back_down_is_no_call_for_support() {
    let s = sent(
        "Spicer Spicer PROPN 2 nsubj
         called call VERB 0 root
         on on ADP 4 case
         Schumer Schumer PROPN 2 obl
         to to PART 6 mark
         back back VERB 2 xcomp
         down down ADP 6 compound:prt
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "USAGOV"), actor(4, 4, 4, "USALEG")];
    let got = codes(&code(&s, &actors));
    assert!(!got.contains(&"022".to_string()), "{got:?}");
    // Urging someone to back a plan is an appeal for support.
    let s = sent(
        "Spicer Spicer PROPN 2 nsubj
         urged urge VERB 0 root
         Schumer Schumer PROPN 2 obj
         to to PART 5 mark
         back back VERB 2 xcomp
         the the DET 7 det
         nominee nominee NOUN 5 obj
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "USAGOV"), actor(3, 3, 3, "USALEG")];
    assert!(codes(&code(&s, &actors)).contains(&"022".to_string()));
}
