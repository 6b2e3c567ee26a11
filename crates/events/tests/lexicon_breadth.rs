//! Breadth, fifth round: everyday news verbs per CAMEO root that had no rule, and rules whose
//! constraint the parser's attachment defeated ("extradited X to Britain" with "to Britain" on
//! the object). Each tested on sentences written for these tests (hand-written parses), with
//! the other sense of the same verb where it has one.

use crate::common::{actor, code, codes, has, sent, summary, t};

#[test]
fn breadth_extradition_with_the_destination_on_the_object() {
    let s = sent(
        "Spain Spain PROPN 2 nsubj
         extradited extradite VERB 0 root
         the the DET 4 det
         suspect suspect NOUN 2 obj
         to to ADP 6 case
         Britain Britain PROPN 4 nmod
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "ESP"), actor(6, 6, 6, "GBR")];
    assert_eq!(
        summary(&code(&s, &actors), &actors),
        vec![t("063", "ESP", "GBR")]
    );
    // Handing a letter to a president is no extradition.
    let s = sent(
        "The the DET 2 det
         envoy envoy NOUN 3 nsubj
         handed hand VERB 0 root
         a a DET 5 det
         letter letter NOUN 3 obj
         to to ADP 8 case
         the the DET 8 det
         president president NOUN 3 obl
         . . PUNCT 3 punct",
    );
    let actors = [actor(1, 2, 2, "FRAGOV"), actor(7, 8, 8, "MLIGOV")];
    assert!(!has(&codes(&code(&s, &actors)), "063"));
}

#[test]
fn breadth_shunning_work_is_a_strike_shunning_the_press_is_not() {
    let s = sent(
        "Teachers teacher NOUN 2 nsubj
         shunned shun VERB 0 root
         work work NOUN 2 obj
         on on ADP 5 case
         Monday Monday PROPN 2 obl
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "NGAEDU")];
    assert_eq!(codes(&code(&s, &actors)), vec!["143"]);
    let s = sent(
        "The the DET 2 det
         minister minister NOUN 3 nsubj
         shunned shun VERB 0 root
         the the DET 5 det
         press press NOUN 3 obj
         . . PUNCT 3 punct",
    );
    let actors = [actor(1, 2, 2, "NGAGOV"), actor(4, 5, 5, "NGAMED")];
    assert!(!has(&codes(&code(&s, &actors)), "14"));
}

#[test]
fn breadth_accepting_refugees_and_refusing_them() {
    let s = sent(
        "Canada Canada PROPN 2 nsubj
         accepted accept VERB 0 root
         25,000 25,000 NUM 5 nummod
         Syrian syrian ADJ 5 amod
         refugees refugee NOUN 2 obj
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "CAN"), actor(4, 5, 5, "SYRREF")];
    assert_eq!(codes(&code(&s, &actors)), vec!["075"]);
    let s = sent(
        "Hungary Hungary PROPN 4 nsubj
         will will AUX 4 aux
         not not PART 4 advmod
         accept accept VERB 0 root
         any any DET 7 det
         more more ADJ 7 amod
         refugees refugee NOUN 4 obj
         . . PUNCT 4 punct",
    );
    let actors = [actor(1, 1, 1, "HUN")];
    assert!(has(&codes(&code(&s, &actors)), "12"));
    // Accepting an apology or a result is neither.
    let s = sent(
        "Hungary Hungary PROPN 2 nsubj
         accepted accept VERB 0 root
         the the DET 4 det
         result result NOUN 2 obj
         . . PUNCT 2 punct",
    );
    assert!(codes(&code(&s, &[actor(1, 1, 1, "HUN")])).is_empty());
}

#[test]
fn breadth_human_shields_hung_on_the_object() {
    let s = sent(
        "Militants militant NOUN 3 nsubj
         were be AUX 3 aux
         holding hold VERB 0 root
         villagers villager NOUN 3 obj
         as as ADP 7 case
         human human ADJ 7 amod
         shields shield NOUN 4 nmod
         . . PUNCT 3 punct",
    );
    let actors = [actor(1, 1, 1, "IRQREB"), actor(4, 4, 4, "IRQCVL")];
    assert_eq!(codes(&code(&s, &actors)), vec!["184"]);
}

#[test]
fn breadth_a_demand_that_names_its_target_in_the_clause() {
    let s = sent(
        "Egypt Egypt PROPN 2 nsubj
         repeated repeat VERB 0 root
         its its PRON 4 nmod:poss
         demand demand NOUN 2 obj
         that that SCONJ 7 mark
         Israel Israel PROPN 7 nsubj
         ease ease VERB 4 acl
         the the DET 9 det
         blockade blockade NOUN 7 obj
         . . PUNCT 2 punct",
    );
    let actors = [
        actor(1, 1, 1, "EGY"),
        actor(3, 3, 3, "EGY"),
        actor(6, 6, 6, "ISR"),
    ];
    let r = summary(&code(&s, &actors), &actors);
    assert!(
        r.iter()
            .any(|(c, s, g)| c.starts_with("10") && s == "EGY" && g == "ISR"),
        "{r:?}"
    );
}

#[test]
fn breadth_concern_voiced_over_an_act_is_disapproval() {
    let s = sent(
        "China China PROPN 2 nsubj
         expressed express VERB 0 root
         concern concern NOUN 2 obj
         over over ADP 6 case
         the the DET 6 det
         deployment deployment NOUN 3 nmod
         by by ADP 8 case
         Washington Washington PROPN 6 nmod
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "CHN"), actor(8, 8, 8, "USA")];
    assert_eq!(
        summary(&code(&s, &actors), &actors),
        vec![t("110", "CHN", "USA")]
    );
    // Concern about the weather names no actor: no event.
    let s = sent(
        "Farmers farmer NOUN 2 nsubj
         expressed express VERB 0 root
         concern concern NOUN 2 obj
         about about ADP 6 case
         the the DET 6 det
         drought drought NOUN 3 nmod
         . . PUNCT 2 punct",
    );
    assert!(codes(&code(&s, &[actor(1, 1, 1, "KENAGR")])).is_empty());
    // Support expressed for someone is endorsement.
    let s = sent(
        "Japan Japan PROPN 2 nsubj
         voiced voice VERB 0 root
         support support NOUN 2 obj
         for for ADP 5 case
         Seoul Seoul PROPN 3 nmod
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "JPN"), actor(5, 5, 5, "KOR")];
    assert_eq!(
        summary(&code(&s, &actors), &actors),
        vec![t("051", "JPN", "KOR")]
    );
}

#[test]
fn breadth_frozen_assets_and_closed_embassies_but_not_frozen_wages() {
    let s = sent(
        "Britain Britain PROPN 2 nsubj
         froze freeze VERB 0 root
         the the DET 4 det
         assets asset NOUN 2 obj
         of of ADP 7 case
         Libyan libyan ADJ 7 amod
         officials official NOUN 4 nmod
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "GBR"), actor(6, 7, 7, "LBYGOV")];
    assert_eq!(
        summary(&code(&s, &actors), &actors),
        vec![t("163", "GBR", "LBYGOV")]
    );
    let s = sent(
        "The the DET 2 det
         company company NOUN 3 nsubj
         froze freeze VERB 0 root
         wages wage NOUN 3 obj
         . . PUNCT 3 punct",
    );
    assert!(codes(&code(&s, &[actor(1, 2, 2, "GBRBUS")])).is_empty());
    let s = sent(
        "Canada Canada PROPN 2 nsubj
         closed close VERB 0 root
         its its PRON 4 nmod:poss
         embassy embassy NOUN 2 obj
         in in ADP 6 case
         Tehran Tehran PROPN 4 nmod
         . . PUNCT 2 punct",
    );
    let actors = [
        actor(1, 1, 1, "CAN"),
        actor(3, 3, 3, "CAN"),
        actor(6, 6, 6, "IRN"),
    ];
    assert_eq!(
        summary(&code(&s, &actors), &actors),
        vec![t("161", "CAN", "IRN")]
    );
    let s = sent(
        "Ford Ford PROPN 2 nsubj
         closed close VERB 0 root
         its its PRON 4 nmod:poss
         plant plant NOUN 2 obj
         in in ADP 6 case
         Mexico Mexico PROPN 4 nmod
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "USABUS"), actor(6, 6, 6, "MEX")];
    assert!(!has(&codes(&code(&s, &actors)), "16"));
}

#[test]
fn breadth_envoys_called_back_are_not_summoned() {
    let s = sent(
        "Qatar Qatar PROPN 2 nsubj
         called call VERB 0 root
         back back ADP 2 compound:prt
         its its PRON 5 nmod:poss
         ambassador ambassador NOUN 2 obj
         from from ADP 7 case
         Cairo Cairo PROPN 2 obl
         . . PUNCT 2 punct",
    );
    let actors = [
        actor(1, 1, 1, "QAT"),
        actor(4, 4, 4, "QAT"),
        actor(7, 7, 7, "EGY"),
    ];
    assert_eq!(
        summary(&code(&s, &actors), &actors),
        vec![t("161", "QAT", "EGY")]
    );
    let s = sent(
        "Egypt Egypt PROPN 2 nsubj
         summoned summon VERB 0 root
         the the DET 5 det
         Qatari qatari ADJ 5 amod
         ambassador ambassador NOUN 2 obj
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "EGY"), actor(4, 4, 4, "QAT")];
    assert_eq!(
        summary(&code(&s, &actors), &actors),
        vec![t("114", "EGY", "QAT")]
    );
}

#[test]
fn breadth_house_arrest_and_police_raids() {
    let s = sent(
        "The the DET 2 det
         junta junta NOUN 3 nsubj
         placed place VERB 0 root
         Suu Suu PROPN 3 obj
         Kyi Kyi PROPN 4 flat
         under under ADP 8 case
         house house NOUN 8 compound
         arrest arrest NOUN 3 obl
         . . PUNCT 3 punct",
    );
    let actors = [actor(1, 2, 2, "MMRMIL"), actor(4, 5, 4, "MMROPP")];
    assert_eq!(
        summary(&code(&s, &actors), &actors),
        vec![t("173", "MMRMIL", "MMROPP")]
    );
    let s = sent(
        "Police police NOUN 2 nsubj
         raided raid VERB 0 root
         the the DET 4 det
         offices office NOUN 2 obj
         of of ADP 7 case
         the the DET 7 det
         newspaper newspaper NOUN 4 nmod
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "TURCOP"), actor(6, 7, 7, "TURMED")];
    assert_eq!(
        summary(&code(&s, &actors), &actors),
        vec![t("170", "TURCOP", "TURMED")]
    );
    // Rebels raiding a town stay an attack.
    let s = sent(
        "Rebels rebel NOUN 2 nsubj
         raided raid VERB 0 root
         the the DET 4 det
         town town NOUN 2 obj
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "COLREB")];
    assert_eq!(codes(&code(&s, &actors)), vec!["190"]);
}

#[test]
fn breadth_bombs_detonated_nuclear_devices_are_2042() {
    let s = sent(
        "Militants militant NOUN 2 nsubj
         detonated detonate VERB 0 root
         a a DET 4 det
         bomb bomb NOUN 2 obj
         in in ADP 6 case
         Kabul Kabul PROPN 2 obl
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "AFGINS"), actor(6, 6, 6, "AFG")];
    assert_eq!(codes(&code(&s, &actors)), vec!["183"]);
    let s = sent(
        "Pyongyang Pyongyang PROPN 2 nsubj
         detonated detonate VERB 0 root
         a a DET 5 det
         nuclear nuclear ADJ 5 amod
         device device NOUN 2 obj
         . . PUNCT 2 punct",
    );
    assert_eq!(codes(&code(&s, &[actor(1, 1, 1, "PRK")])), vec!["2042"]);
}

#[test]
fn breadth_war_verbs_liberate_repel_sink_down() {
    let s = sent(
        "Iraqi iraqi ADJ 2 amod
         forces force NOUN 3 nsubj
         liberated liberate VERB 0 root
         the the DET 5 det
         city city NOUN 3 obj
         from from ADP 7 case
         ISIS ISIS PROPN 3 obl
         . . PUNCT 3 punct",
    );
    let actors = [actor(1, 2, 2, "IRQMIL"), actor(7, 7, 7, "IMGMUSISI")];
    assert_eq!(
        summary(&code(&s, &actors), &actors),
        vec![t("192", "IRQMIL", "IMGMUSISI")]
    );
    let s = sent(
        "Kurdish kurdish ADJ 2 amod
         fighters fighter NOUN 3 nsubj
         repelled repel VERB 0 root
         an a DET 5 det
         attack attack NOUN 3 obj
         by by ADP 7 case
         ISIS ISIS PROPN 5 nmod
         . . PUNCT 3 punct",
    );
    let actors = [actor(1, 2, 2, "IRQREB"), actor(7, 7, 7, "IMGMUSISI")];
    assert!(has(&codes(&code(&s, &actors)), "190"));
    let s = sent(
        "Turkey Turkey PROPN 2 nsubj
         downed down VERB 0 root
         a a DET 5 det
         Russian russian ADJ 5 amod
         jet jet NOUN 2 obj
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "TUR"), actor(4, 4, 4, "RUS")];
    assert_eq!(
        summary(&code(&s, &actors), &actors),
        vec![t("190", "TUR", "RUS")]
    );
    // Downing tools is a strike; sinking a bill is a rejection.
    let s = sent(
        "Dockers docker NOUN 2 nsubj
         downed down VERB 0 root
         tools tool NOUN 2 obj
         . . PUNCT 2 punct",
    );
    assert_eq!(codes(&code(&s, &[actor(1, 1, 1, "AUSLAB")])), vec!["143"]);
    let s = sent(
        "Senators senator NOUN 2 nsubj
         sank sink VERB 0 root
         the the DET 4 det
         bill bill NOUN 2 obj
         . . PUNCT 2 punct",
    );
    let c = codes(&code(&s, &[actor(1, 1, 1, "USALEG")]));
    assert!(!has(&c, "19"), "{c:?}");
}

#[test]
fn breadth_missile_tests_and_scrambled_jets_are_shows_of_force() {
    let s = sent(
        "Pyongyang Pyongyang PROPN 2 nsubj
         tested test VERB 0 root
         a a DET 5 det
         ballistic ballistic ADJ 5 amod
         missile missile NOUN 2 obj
         . . PUNCT 2 punct",
    );
    assert_eq!(codes(&code(&s, &[actor(1, 1, 1, "PRK")])), vec!["150"]);
    let s = sent(
        "Japan Japan PROPN 2 nsubj
         scrambled scramble VERB 0 root
         fighter fighter NOUN 4 compound
         jets jet NOUN 2 obj
         . . PUNCT 2 punct",
    );
    assert_eq!(codes(&code(&s, &[actor(1, 1, 1, "JPN")])), vec!["150"]);
    let s = sent(
        "The the DET 2 det
         company company NOUN 3 nsubj
         tested test VERB 0 root
         a a DET 6 det
         new new ADJ 6 amod
         engine engine NOUN 3 obj
         . . PUNCT 3 punct",
    );
    assert!(codes(&code(&s, &[actor(1, 2, 2, "USABUS")])).is_empty());
}

#[test]
fn breadth_yielding_reopened_borders_amnesty_stepping_aside() {
    let s = sent(
        "Egypt Egypt PROPN 2 nsubj
         reopened reopen VERB 0 root
         the the DET 5 det
         Rafah Rafah PROPN 5 compound
         crossing crossing NOUN 2 obj
         . . PUNCT 2 punct",
    );
    assert_eq!(codes(&code(&s, &[actor(1, 1, 1, "EGY")])), vec!["081"]);
    let s = sent(
        "The the DET 2 det
         president president NOUN 3 nsubj
         granted grant VERB 0 root
         an a DET 5 det
         amnesty amnesty NOUN 3 obj
         to to ADP 7 case
         rebels rebel NOUN 3 obl
         . . PUNCT 3 punct",
    );
    let actors = [actor(1, 2, 2, "COLGOV"), actor(7, 7, 7, "COLREB")];
    assert_eq!(
        summary(&code(&s, &actors), &actors),
        vec![t("0841", "COLGOV", "COLREB")]
    );
    let s = sent(
        "The the DET 2 det
         premier premier NOUN 3 nsubj
         stepped step VERB 0 root
         aside aside ADV 3 advmod
         . . PUNCT 3 punct",
    );
    assert_eq!(codes(&code(&s, &[actor(1, 2, 2, "ITAGOV")])), vec!["0831"]);
}

#[test]
fn breadth_rejections_balking_and_brushing_aside() {
    let s = sent(
        "Beijing Beijing PROPN 2 nsubj
         balked balk VERB 0 root
         at at ADP 6 case
         the the DET 6 det
         American american ADJ 6 amod
         demand demand NOUN 2 obl
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "CHN"), actor(5, 5, 5, "USA")];
    assert_eq!(
        summary(&code(&s, &actors), &actors),
        vec![t("120", "CHN", "USA")]
    );
    let s = sent(
        "Moscow Moscow PROPN 2 nsubj
         brushed brush VERB 0 root
         aside aside ADV 2 compound:prt
         the the DET 5 det
         criticism criticism NOUN 2 obj
         from from ADP 7 case
         Kiev Kiev PROPN 5 nmod
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "RUS"), actor(7, 7, 7, "UKR")];
    assert!(has(&codes(&code(&s, &actors)), "120"));
}

#[test]
fn breadth_bailouts_and_debt_relief() {
    let s = sent(
        "The the DET 2 det
         EU EU PROPN 3 nsubj
         bailed bail VERB 0 root
         out out ADP 3 compound:prt
         Greece Greece PROPN 3 obj
         . . PUNCT 3 punct",
    );
    let actors = [actor(1, 2, 2, "IGOEUR"), actor(5, 5, 5, "GRC")];
    assert_eq!(
        summary(&code(&s, &actors), &actors),
        vec![t("071", "IGOEUR", "GRC")]
    );
    let s = sent(
        "Paris Paris PROPN 2 nsubj
         forgave forgive VERB 0 root
         Mali Mali PROPN 5 nmod:poss
         's 's PART 3 case
         debt debt NOUN 2 obj
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "FRA"), actor(3, 3, 3, "MLI")];
    assert_eq!(
        summary(&code(&s, &actors), &actors),
        vec![t("071", "FRA", "MLI")]
    );
    // Forgiving a person stays forgiveness.
    let s = sent(
        "Paris Paris PROPN 2 nsubj
         forgave forgive VERB 0 root
         Mali Mali PROPN 2 obj
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "FRA"), actor(3, 3, 3, "MLI")];
    assert_eq!(codes(&code(&s, &actors)), vec!["056"]);
}
