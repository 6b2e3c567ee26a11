//! Trigger sense: a force verb read through its object, particle and setting. "Beat back a
//! resolution", "killed the bill", "battling the flames" and "struck a deal" are no force;
//! "attacked the plan" or "attacked X on Twitter" is criticism. Hand-written parses of
//! sentences written for these tests; the same verbs with a person, place or military object
//! stay force.

use crate::common::{actor, code, codes, has, sent, summary, t};

#[test]
fn sense_beat_back_a_resolution_is_a_rejection_not_an_assault() {
    let s = sent(
        "Senate Senate PROPN 2 compound
         Democrats Democrats PROPN 3 nsubj
         beat beat VERB 0 root
         back back ADP 3 compound:prt
         a a DET 6 det
         resolution resolution NOUN 3 obj
         . . PUNCT 3 punct",
    );
    let actors = [actor(1, 2, 2, "USALEG")];
    let r = code(&s, &actors);
    assert_eq!(codes(&r), vec!["120"]);
    // The same verb with a person as object is an assault.
    let s = sent(
        "Police police NOUN 2 nsubj
         beat beat VERB 0 root
         the the DET 4 det
         protesters protester NOUN 2 obj
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "EGYCOP"), actor(3, 4, 4, "EGYOPP")];
    assert_eq!(
        summary(&code(&s, &actors), &actors),
        vec![t("182", "EGYCOP", "EGYOPP")]
    );
}

#[test]
fn sense_winning_an_election_is_no_beating() {
    let s = sent(
        "Macron Macron PROPN 2 nsubj
         beat beat VERB 0 root
         Le Le PROPN 2 obj
         in in ADP 6 case
         the the DET 6 det
         runoff runoff NOUN 2 obl
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "FRAGOV"), actor(3, 3, 3, "FRAOPP")];
    assert!(codes(&code(&s, &actors)).is_empty());
}

#[test]
fn sense_attacking_a_policy_or_on_television_is_criticism() {
    let s = sent(
        "Germany Germany PROPN 2 nsubj
         attacked attack VERB 0 root
         the the DET 5 det
         Polish polish ADJ 5 amod
         plan plan NOUN 2 obj
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "DEU"), actor(4, 4, 4, "POL")];
    assert_eq!(
        summary(&code(&s, &actors), &actors),
        vec![t("111", "DEU", "POL")]
    );
    let s = sent(
        "The the DET 2 det
         president president NOUN 3 nsubj
         attacked attack VERB 0 root
         the the DET 5 det
         senator senator NOUN 3 obj
         on on ADP 7 case
         television television NOUN 3 obl
         . . PUNCT 3 punct",
    );
    let actors = [actor(1, 2, 2, "USAGOV"), actor(4, 5, 5, "USALEG")];
    assert_eq!(
        summary(&code(&s, &actors), &actors),
        vec![t("111", "USAGOV", "USALEG")]
    );
    // Military targets are no policy.
    let s = sent(
        "The the DET 2 det
         army army NOUN 3 nsubj
         attacked attack VERB 0 root
         Hamas Hamas PROPN 5 compound
         targets target NOUN 3 obj
         . . PUNCT 3 punct",
    );
    let actors = [actor(1, 2, 2, "ISRMIL"), actor(4, 4, 4, "PSEREB")];
    assert_eq!(codes(&code(&s, &actors)), vec!["190"]);
    // A place or an army as object stays an attack.
    let s = sent(
        "Rebels rebel NOUN 2 nsubj
         attacked attack VERB 0 root
         an a DET 5 det
         army army NOUN 5 compound
         base base NOUN 2 obj
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "SYRREB"), actor(4, 4, 4, "SYRMIL")];
    assert_eq!(codes(&code(&s, &actors)), vec!["190"]);
}

#[test]
fn sense_killing_a_bill_or_fighting_a_law_is_no_force() {
    let s = sent(
        "Republicans Republicans PROPN 2 nsubj
         killed kill VERB 0 root
         the the DET 5 det
         health health NOUN 5 compound
         bill bill NOUN 2 obj
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "USAPTY")];
    assert_eq!(codes(&code(&s, &actors)), vec!["120"]);
    let s = sent(
        "The the DET 2 det
         state state NOUN 3 nsubj
         will will AUX 3 aux
         fight fight VERB 0 root
         the the DET 5 det
         ban ban NOUN 3 obj
         in in ADP 7 case
         court court NOUN 3 obl
         . . PUNCT 3 punct",
    );
    let actors = [actor(1, 2, 2, "USAGOV")];
    assert!(codes(&code(&s, &actors)).is_empty());
    let s = sent(
        "Iraqi iraqi ADJ 3 amod
         fire fire NOUN 3 compound
         crews crew NOUN 5 nsubj
         are be AUX 5 aux
         battling battle VERB 0 root
         the the DET 7 det
         flames flame NOUN 5 obj
         . . PUNCT 5 punct",
    );
    let actors = [actor(1, 3, 3, "IRQ")];
    assert!(codes(&code(&s, &actors)).is_empty());
    // Killing soldiers is force.
    let s = sent(
        "Militants militant NOUN 2 nsubj
         killed kill VERB 0 root
         three three NUM 4 nummod
         soldiers soldier NOUN 2 obj
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "AFGREB"), actor(3, 4, 4, "AFGMIL")];
    assert_eq!(codes(&code(&s, &actors)), vec!["190"]);
}

#[test]
fn sense_clashing_with_courts_is_disapproval() {
    let s = sent(
        "Trump Trump PROPN 2 nsubj
         clashes clash VERB 0 root
         with with ADP 4 case
         courts court NOUN 2 obl
         over over ADP 6 case
         immigration immigration NOUN 2 obl",
    );
    let actors = [actor(1, 1, 1, "USAGOV"), actor(4, 4, 4, "USAJUD")];
    assert_eq!(
        summary(&code(&s, &actors), &actors),
        vec![t("110", "USAGOV", "USAJUD")]
    );
    // Clashing with troops is fighting.
    let s = sent(
        "Protesters protester NOUN 2 nsubj
         clashed clash VERB 0 root
         with with ADP 4 case
         troops troop NOUN 2 obl",
    );
    let actors = [actor(1, 1, 1, "VENOPP"), actor(4, 4, 4, "VENMIL")];
    assert_eq!(codes(&code(&s, &actors)), vec!["190"]);
}

#[test]
fn sense_striking_a_deal_is_an_agreement() {
    let s = sent(
        "Turkey Turkey PROPN 2 nsubj
         struck strike VERB 0 root
         a a DET 4 det
         deal deal NOUN 2 obj
         with with ADP 6 case
         Russia Russia PROPN 2 obl
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "TUR"), actor(6, 6, 6, "RUS")];
    assert_eq!(
        summary(&code(&s, &actors), &actors),
        vec![t("057", "TUR", "RUS")]
    );
    // Striking a town is an attack.
    let s = sent(
        "Jets jet NOUN 2 nsubj
         struck strike VERB 0 root
         the the DET 4 det
         town town NOUN 2 obj",
    );
    let actors = [actor(1, 1, 1, "RUSMIL"), actor(3, 4, 4, "SYR")];
    // Jets striking are air strikes (195) where a rule names aircraft; force either way.
    let c = codes(&code(&s, &actors));
    assert!(c.len() == 1 && c[0].starts_with("19"), "{c:?}");
}

#[test]
fn sense_fighting_for_a_life_a_reform_or_in_court_is_no_force() {
    // "fought to introduce the reform": an aim not taken by force.
    let reform = sent(
        "The the DET 2 det
         senator senator NOUN 3 nsubj
         fought fight VERB 0 root
         to to PART 5 mark
         introduce introduce VERB 3 xcomp
         the the DET 7 det
         reform reform NOUN 5 obj
         . . PUNCT 3 punct",
    );
    let actors = [actor(1, 2, 2, "USALEG")];
    assert!(codes(&code(&reform, &actors)).is_empty());
    // "is fighting a legal battle against the government".
    let court = sent(
        "The the DET 2 det
         minister minister NOUN 4 nsubj
         is be AUX 4 aux
         fighting fight VERB 0 root
         a a DET 7 det
         legal legal ADJ 7 amod
         battle battle NOUN 4 obj
         against against ADP 10 case
         the the DET 10 det
         government government NOUN 4 obl
         . . PUNCT 4 punct",
    );
    let actors = [actor(1, 2, 2, "IRLELI"), actor(9, 10, 10, "IRLGOV")];
    let got = summary(&code(&court, &actors), &actors);
    assert!(got.is_empty(), "{got:?}");
    // "is fighting for his life".
    let life = sent(
        "The the DET 3 det
         opposition opposition NOUN 3 compound
         leader leader NOUN 5 nsubj
         is be AUX 5 aux
         fighting fight VERB 0 root
         for for ADP 8 case
         his his PRON 8 nmod:poss
         life life NOUN 5 obl
         . . PUNCT 5 punct",
    );
    let actors = [actor(1, 3, 3, "RUSOPP")];
    assert!(codes(&code(&life, &actors)).is_empty());
    // A military aim and a battle with rebels stay a fight.
    let topple = sent(
        "The the DET 2 det
         rebels rebel NOUN 3 nsubj
         fought fight VERB 0 root
         to to PART 5 mark
         topple topple VERB 3 xcomp
         the the DET 7 det
         president president NOUN 5 obj
         . . PUNCT 3 punct",
    );
    let actors = [actor(1, 2, 2, "SYRREB"), actor(6, 7, 7, "SYRGOV")];
    assert!(codes(&code(&topple, &actors)).iter().any(|c| c == "190"));
    let battle = sent(
        "The the DET 2 det
         army army NOUN 3 nsubj
         fought fight VERB 0 root
         a a DET 6 det
         fierce fierce ADJ 6 amod
         battle battle NOUN 3 obj
         with with ADP 9 case
         the the DET 9 det
         rebels rebel NOUN 3 obl
         . . PUNCT 3 punct",
    );
    let actors = [actor(1, 2, 2, "SYRMIL"), actor(8, 9, 9, "SYRREB")];
    assert_eq!(
        summary(&code(&battle, &actors), &actors),
        vec![t("190", "SYRMIL", "SYRREB")]
    );
}

#[test]
fn sense_a_threat_of_flooding_is_no_ones_threat() {
    // "The governor's order cited the threat of flooding": nobody threatens a flood.
    let flood = sent(
        "The the DET 3 det
         governor governor NOUN 3 nmod:poss
         order order NOUN 4 nsubj
         cited cite VERB 0 root
         the the DET 6 det
         threat threat NOUN 4 obj
         of of ADP 8 case
         flooding flooding NOUN 6 nmod
         . . PUNCT 4 punct",
    );
    let actors = [actor(1, 2, 2, "USAGOV")];
    let got = codes(&code(&flood, &actors));
    assert!(!got.iter().any(|c| c.starts_with("13")), "{got:?}");
    // A threat of retaliation has its maker.
    let retaliation = sent(
        "Russia Russia PROPN 3 nmod:poss
         's 's PART 1 case
         threat threat NOUN 6 nsubj
         of of ADP 5 case
         retaliation retaliation NOUN 3 nmod
         alarmed alarm VERB 0 root
         Japan Japan PROPN 6 obj
         . . PUNCT 6 punct",
    );
    let actors = [actor(1, 1, 1, "RUS"), actor(7, 7, 7, "JPN")];
    let got = codes(&code(&retaliation, &actors));
    assert!(got.iter().any(|c| c.starts_with("13")), "{got:?}");
}

#[test]
fn sense_a_complaint_about_no_actor_is_no_official_complaint() {
    // "Residents complained about the odour": a grievance, not CAMEO 114.
    let odour = sent(
        "Residents resident NOUN 2 nsubj
         complained complain VERB 0 root
         about about ADP 5 case
         the the DET 5 det
         odour odour NOUN 2 obl
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "CHNCVL")];
    let got = codes(&code(&odour, &actors));
    assert!(!got.iter().any(|c| c.starts_with("114")), "{got:?}");
    // "Turkey complained about the Dutch police": aimed at an actor, it is one.
    let police = sent(
        "Turkey Turkey PROPN 2 nsubj
         complained complain VERB 0 root
         about about ADP 6 case
         the the DET 6 det
         Dutch dutch ADJ 6 amod
         police police NOUN 2 obl
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "TUR"), actor(5, 6, 6, "NLDCOP")];
    assert_eq!(
        summary(&code(&police, &actors), &actors),
        vec![t("114", "TUR", "NLDCOP")]
    );
}

#[test]
fn sense_what_exports_yield_is_no_concession() {
    // "Russia's arms exports yield $15 bln": yield as produce, not as give way.
    let money = sent(
        "Russia Russia PROPN 4 nmod:poss
         's 's PART 1 case
         arms arm NOUN 4 compound
         exports export NOUN 5 nsubj
         yield yield VERB 0 root
         $ $ SYM 5 obj
         15 15 NUM 8 compound
         bln bln NUM 6 nummod
         . . PUNCT 5 punct",
    );
    let actors = [actor(1, 1, 1, "RUS")];
    let got = codes(&code(&money, &actors));
    assert!(!got.iter().any(|c| c.starts_with("08")), "{got:?}");
    // "The rebels yielded to pressure" gives way.
    let pressure = sent(
        "The the DET 2 det
         rebels rebel NOUN 3 nsubj
         yielded yield VERB 0 root
         to to ADP 5 case
         pressure pressure NOUN 3 obl
         . . PUNCT 3 punct",
    );
    let actors = [actor(1, 2, 2, "SYRREB")];
    let got = codes(&code(&pressure, &actors));
    assert!(got.iter().any(|c| c.starts_with("08")), "{got:?}");
}

#[test]
fn sense_a_charm_offensive_is_no_force() {
    // "The White House launched a charm offensive": a campaign of words.
    let charm = sent(
        "The the DET 3 det
         White White PROPN 3 compound
         House House PROPN 4 nsubj
         launched launch VERB 0 root
         a a DET 7 det
         charm charm NOUN 7 compound
         offensive offensive NOUN 4 obj
         . . PUNCT 4 punct",
    );
    let actors = [actor(1, 3, 3, "USAGOV")];
    let got = codes(&code(&charm, &actors));
    assert!(!got.iter().any(|c| c.starts_with("19")), "{got:?}");
    // "The army launched a ground offensive" is one.
    let ground = sent(
        "The the DET 2 det
         army army NOUN 3 nsubj
         launched launch VERB 0 root
         a a DET 6 det
         ground ground NOUN 6 compound
         offensive offensive NOUN 3 obj
         . . PUNCT 3 punct",
    );
    let actors = [actor(1, 2, 2, "SYRMIL")];
    let got = codes(&code(&ground, &actors));
    assert!(got.iter().any(|c| c.starts_with("19")), "{got:?}");
}

#[test]
fn sense_an_attack_on_credibility_is_no_force() {
    // "Trump's aides attacked the agency's credibility": words, not force.
    let s = sent(
        "Trump Trump PROPN 3 nmod:poss
         's 's PART 1 case
         aides aide NOUN 4 nsubj
         attacked attack VERB 0 root
         the the DET 6 det
         agency agency NOUN 8 nmod:poss
         's 's PART 6 case
         credibility credibility NOUN 4 obj
         . . PUNCT 4 punct",
    );
    let actors = [actor(1, 3, 3, "USAGOV"), actor(5, 6, 6, "USALEG")];
    let got = codes(&code(&s, &actors));
    assert!(!got.iter().any(|c| c.starts_with("19")), "{got:?}");
    assert!(got.iter().any(|c| c == "111"), "{got:?}");
}

#[test]
fn sense_leaving_a_bloc_is_no_military_retreat() {
    // "May will announce Britain's withdrawal from the bloc", with the from-phrase hung on
    // the verb: leaving a union is no pull-back of forces (087, or 0356 announced).
    let s = sent(
        "May May PROPN 3 nsubj
         will will AUX 3 aux
         announce announce VERB 0 root
         Britain Britain PROPN 6 nmod:poss
         's 's PART 4 case
         withdrawal withdrawal NOUN 3 obj
         from from ADP 9 case
         the the DET 9 det
         bloc bloc NOUN 3 obl
         . . PUNCT 3 punct",
    );
    let actors = [actor(1, 1, 1, "GBRGOV"), actor(4, 4, 4, "GBR")];
    let got = codes(&code(&s, &actors));
    assert!(
        !got.iter()
            .any(|c| c.starts_with("08") || c.starts_with("035")),
        "{got:?}"
    );
    // A withdrawal from a place still is one: "Russia's withdrawal from Syria".
    let syria = sent(
        "Putin Putin PROPN 2 nsubj
         announced announce VERB 0 root
         Russia Russia PROPN 5 nmod:poss
         's 's PART 3 case
         withdrawal withdrawal NOUN 2 obj
         from from ADP 7 case
         Syria Syria PROPN 2 obl
         . . PUNCT 2 punct",
    );
    let actors = [
        actor(1, 1, 1, "RUSGOV"),
        actor(3, 3, 3, "RUS"),
        actor(7, 7, 7, "SYR"),
    ];
    let got = codes(&code(&syria, &actors));
    assert!(got.iter().any(|c| c.starts_with("087")), "{got:?}");
}

#[test]
fn sense_rallying_to_a_country_is_support_not_protest() {
    // "Merkel rallied to the Netherlands": she took its side.
    let s = sent(
        "Merkel Merkel PROPN 2 nsubj
         rallied rally VERB 0 root
         to to ADP 5 case
         the the DET 5 det
         Netherlands Netherlands PROPN 2 obl
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "DEUGOV"), actor(4, 5, 5, "NLD")];
    let got = summary(&code(&s, &actors), &actors);
    assert_eq!(got, vec![t("051", "DEUGOV", "NLD")]);
}

#[test]
fn sense_an_exercise_of_authority_and_agreeing_on_a_thing_are_no_events() {
    // "The ban is Trump's exercise of authority": a power used, no drill.
    let authority = sent(
        "The the DET 2 det
         ban ban NOUN 6 nsubj
         is be AUX 6 cop
         Trump Trump PROPN 6 nmod:poss
         's 's PART 4 case
         exercise exercise NOUN 0 root
         of of ADP 8 case
         authority authority NOUN 6 nmod
         . . PUNCT 6 punct",
    );
    let actors = [actor(4, 4, 4, "USAGOV")];
    let got = codes(&code(&authority, &actors));
    assert!(!got.iter().any(|c| c.starts_with("06")), "{got:?}");
    // "The two men agreed on one thing": shared views, no settlement.
    let thing = sent(
        "The the DET 3 det
         two two NUM 3 nummod
         men man NOUN 4 nsubj
         agreed agree VERB 0 root
         on on ADP 7 case
         one one NUM 7 nummod
         thing thing NOUN 4 obl
         . . PUNCT 4 punct",
    );
    let actors = [actor(1, 3, 3, "SAUGOV")];
    let got = codes(&code(&thing, &actors));
    assert!(!got.iter().any(|c| c.starts_with("03")), "{got:?}");
    // Agreeing on a plan is the event: "Russia and Cyprus agreed on a document".
    let document = sent(
        "Russia Russia PROPN 4 nsubj
         and and CCONJ 3 cc
         Cyprus Cyprus PROPN 1 conj
         agreed agree VERB 0 root
         on on ADP 7 case
         a a DET 7 det
         document document NOUN 4 obl
         . . PUNCT 4 punct",
    );
    let actors = [actor(1, 1, 1, "RUS"), actor(3, 3, 3, "CYP")];
    let got = codes(&code(&document, &actors));
    assert!(got.iter().any(|c| c.starts_with("03")), "{got:?}");
}

#[test]
fn sense_opening_or_launching_on_a_day_is_no_fire() {
    // "The ministry launched the website on Monday": a date, not a target.
    let website = sent(
        "The the DET 2 det
         ministry ministry NOUN 3 nsubj
         launched launch VERB 0 root
         the the DET 5 det
         website website NOUN 3 obj
         on on ADP 7 case
         Monday Monday PROPN 3 obl
         . . PUNCT 3 punct",
    );
    let actors = [actor(1, 2, 2, "KENGOV")];
    let got = codes(&code(&website, &actors));
    assert!(!got.iter().any(|c| c.starts_with("19")), "{got:?}");
    // "The embassy opened on Thursday": a building opens; only "opened up on" fires.
    let embassy = sent(
        "The the DET 2 det
         embassy embassy NOUN 3 nsubj
         opened open VERB 0 root
         on on ADP 5 case
         Thursday Thursday PROPN 3 obl
         . . PUNCT 3 punct",
    );
    let actors = [actor(1, 2, 2, "RUSGOV")];
    let got = codes(&code(&embassy, &actors));
    assert!(!got.iter().any(|c| c.starts_with("19")), "{got:?}");
    // A day on one preposition does not veto a target on the other: "Troops fired at
    // protesters on Saturday".
    let fired = sent(
        "Troops troops NOUN 2 nsubj
         fired fire VERB 0 root
         at at ADP 4 case
         protesters protester NOUN 2 obl
         on on ADP 6 case
         Saturday Saturday PROPN 2 obl
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "EGYMIL"), actor(4, 4, 4, "EGYOPP")];
    assert_eq!(
        summary(&code(&fired, &actors), &actors),
        vec![t("190", "EGYMIL", "EGYOPP")]
    );
    // "Gunmen opened up on the crowd".
    let opened_up = sent(
        "Gunmen gunman NOUN 2 nsubj
         opened open VERB 0 root
         up up ADP 2 compound:prt
         on on ADP 6 case
         the the DET 6 det
         crowd crowd NOUN 2 obl
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "NGAREB"), actor(5, 6, 6, "NGACVL")];
    assert_eq!(
        summary(&code(&opened_up, &actors), &actors),
        vec![t("190", "NGAREB", "NGACVL")]
    );
    // "Police opened fire on protesters on Thursday", as the parser attaches it: the
    // target hangs from "fire", the day from the verb.
    let open_fire = sent(
        "Police police NOUN 2 nsubj
         opened open VERB 0 root
         fire fire NOUN 2 obj
         on on ADP 5 case
         protesters protester NOUN 3 nmod
         on on ADP 7 case
         Thursday Thursday PROPN 2 obl
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "VENCOP"), actor(5, 5, 5, "VENCVL")];
    assert_eq!(
        summary(&code(&open_fire, &actors), &actors),
        vec![t("190", "VENCOP", "VENCVL")]
    );
}

#[test]
fn sense_clashing_on_a_dispute_and_hosting_refugees_are_no_events() {
    // "The two leaders clashed on disputes": words, not force.
    let clashed = sent(
        "The the DET 3 det
         two two NUM 3 nummod
         leaders leader NOUN 4 nsubj
         clashed clash VERB 0 root
         on on ADP 6 case
         disputes dispute NOUN 4 obl
         . . PUNCT 4 punct",
    );
    let actors = [actor(1, 3, 3, "GBRGOV")];
    let got = codes(&code(&clashed, &actors));
    assert!(!got.iter().any(|c| c.starts_with("19")), "{got:?}");
    // "Jordan hosts refugees": shelter, not a visit.
    let refugees = sent(
        "Jordan Jordan PROPN 2 nsubj
         hosts host VERB 0 root
         refugees refugee NOUN 2 obj
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "JOR"), actor(3, 3, 3, "SYRREF")];
    let got = codes(&code(&refugees, &actors));
    assert!(!got.iter().any(|c| c.starts_with("04")), "{got:?}");
    // Hosting a president is the visit.
    let president = sent(
        "Jordan Jordan PROPN 2 nsubj
         hosted host VERB 0 root
         the the DET 5 det
         Turkish Turkish ADJ 5 amod
         president president NOUN 2 obj
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "JOR"), actor(4, 5, 5, "TURGOV")];
    assert_eq!(
        summary(&code(&president, &actors), &actors),
        vec![t("043", "JOR", "TURGOV")]
    );
}

#[test]
fn sense_attacking_for_a_reason_and_shelling_out_money() {
    // "Trump attacked China for its trade practices": words, not force.
    let attacked = sent(
        "Trump Trump PROPN 2 nsubj
         attacked attack VERB 0 root
         China China PROPN 2 obj
         for for ADP 7 case
         its its PRON 7 nmod:poss
         trade trade NOUN 7 compound
         practices practice NOUN 2 obl
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "USAGOV"), actor(3, 3, 3, "CHN")];
    assert_eq!(
        summary(&code(&attacked, &actors), &actors),
        vec![t("111", "USAGOV", "CHN")]
    );
    // Between two actors of one code the criticism is no event, and "attack" as force
    // gets no second chance: "Republicans attacked Democrats for their failures".
    let actors = [actor(1, 1, 1, "USAPTY"), actor(3, 3, 3, "USAPTY")];
    assert_eq!(summary(&code(&attacked, &actors), &actors), vec![]);
    // "Rebels attacked the base for hours" is still force.
    let hours = sent(
        "Rebels rebel NOUN 2 nsubj
         attacked attack VERB 0 root
         the the DET 5 det
         army army NOUN 5 compound
         base base NOUN 2 obj
         for for ADP 7 case
         hours hour NOUN 2 obl
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "SYRREB"), actor(3, 5, 5, "SYRMIL")];
    assert_eq!(
        summary(&code(&hours, &actors), &actors),
        vec![t("190", "SYRREB", "SYRMIL")]
    );
    // "Japan shelled out $1.5 billion": paying, not artillery.
    let shelled = sent(
        "Japan Japan PROPN 2 nsubj
         shelled shell VERB 0 root
         out out ADV 2 advmod
         $ $ SYM 2 obj
         1.5 1.5 NUM 6 compound
         billion billion NUM 4 nummod
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "JPN")];
    let got = codes(&code(&shelled, &actors));
    assert!(!got.iter().any(|c| c.starts_with("19")), "{got:?}");
}

#[test]
fn sense_weather_warnings_suicide_and_insisting_on_a_fact_are_no_events() {
    // "The weather service issued blizzard warnings for eight states": no threat.
    let warnings = sent(
        "The the DET 3 det
         weather weather NOUN 3 compound
         service service NOUN 4 nsubj
         issued issue VERB 0 root
         blizzard blizzard NOUN 6 compound
         warnings warning NOUN 4 obj
         . . PUNCT 4 punct",
    );
    let actors = [actor(1, 3, 3, "USAGOV")];
    assert!(!codes(&code(&warnings, &actors)).contains(&"130".to_string()));
    // "Russia issued a warning to Ukraine" is one.
    let warning = sent(
        "Russia Russia PROPN 2 nsubj
         issued issue VERB 0 root
         a a DET 4 det
         warning warning NOUN 2 obj
         to to ADP 6 case
         Ukraine Ukraine PROPN 4 nmod
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "RUS"), actor(6, 6, 6, "UKR")];
    assert_eq!(
        summary(&code(&warning, &actors), &actors),
        vec![t("130", "RUS", "UKR")]
    );
    // "He killed himself in jail": no force.
    let suicide = sent(
        "He he PRON 2 nsubj
         killed kill VERB 0 root
         himself himself PRON 2 obj
         in in ADP 5 case
         jail jail NOUN 2 obl
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "NZLCOP")];
    let got = codes(&code(&suicide, &actors));
    assert!(!got.iter().any(|c| c.starts_with("19")), "{got:?}");
    // "The minister insisted that the talks were a success": a claim, not a demand;
    // "insisted that Russia must withdraw" stays one.
    let claim = sent(
        "The the DET 2 det
         minister minister NOUN 3 nsubj
         insisted insist VERB 0 root
         that that SCONJ 9 mark
         the the DET 6 det
         talks talk NOUN 9 nsubj
         were be AUX 9 cop
         a a DET 9 det
         success success NOUN 3 ccomp
         . . PUNCT 3 punct",
    );
    let actors = [actor(1, 2, 2, "GBRGOV")];
    assert!(!codes(&code(&claim, &actors)).contains(&"100".to_string()));
    let demand = sent(
        "The the DET 2 det
         minister minister NOUN 3 nsubj
         insisted insist VERB 0 root
         that that SCONJ 7 mark
         Russia Russia PROPN 7 nsubj
         must must AUX 7 aux
         withdraw withdraw VERB 3 ccomp
         . . PUNCT 3 punct",
    );
    let actors = [actor(1, 2, 2, "GBRGOV"), actor(5, 5, 5, "RUS")];
    let got = codes(&code(&demand, &actors));
    assert!(got.iter().any(|c| c.starts_with("10")), "{got:?}");
}

#[test]
fn sense_market_demand_and_a_promising_prospect_are_no_events() {
    // "China's growing demand for talent": the market's, no demand (10).
    let market = sent(
        "China China PROPN 4 nmod:poss
         's 's PART 1 case
         growing grow VERB 4 amod
         demand demand NOUN 0 root
         for for ADP 6 case
         talent talent NOUN 4 nmod
         . . PUNCT 4 punct",
    );
    let actors = [actor(1, 1, 1, "CHN")];
    let got = codes(&code(&market, &actors));
    assert!(!got.iter().any(|c| c.starts_with("10")), "{got:?}");
    // "China's demand for talks": a demand.
    let political = sent(
        "China China PROPN 3 nmod:poss
         's 's PART 1 case
         demand demand NOUN 0 root
         for for ADP 5 case
         talks talk NOUN 3 nmod
         . . PUNCT 3 punct",
    );
    let got = codes(&code(&political, &actors));
    assert!(got.iter().any(|c| c.starts_with("10")), "{got:?}");
    // "Chinese investment promises to be a game-changer": a prospect, not a promise.
    let prospect = sent(
        "Chinese Chinese ADJ 2 amod
         investment investment NOUN 3 nsubj
         promises promise VERB 0 root
         to to PART 7 mark
         be be AUX 7 cop
         a a DET 7 det
         game-changer game-changer NOUN 3 xcomp
         . . PUNCT 3 punct",
    );
    let got = codes(&code(&prospect, &actors));
    assert!(!got.contains(&"030".to_string()), "{got:?}");
    // "The president promised to cut taxes": a promise.
    let promise = sent(
        "The the DET 2 det
         president president NOUN 3 nsubj
         promised promise VERB 0 root
         to to PART 5 mark
         cut cut VERB 3 xcomp
         taxes tax NOUN 5 obj
         . . PUNCT 3 punct",
    );
    let actors = [actor(1, 2, 2, "USAGOV")];
    assert!(codes(&code(&promise, &actors)).contains(&"030".to_string()));
}

#[test]
fn sense_a_thing_that_helps_gives_no_aid() {
    // "The investment from China will help us": the investment, not China, helps.
    let thing = sent(
        "The the DET 2 det
         investment investment NOUN 6 nsubj
         from from ADP 4 case
         China China PROPN 2 nmod
         will will AUX 6 aux
         help help VERB 0 root
         Kenya Kenya PROPN 6 obj
         . . PUNCT 6 punct",
    );
    let actors = [actor(4, 4, 4, "CHN"), actor(7, 7, 7, "KEN")];
    let got = codes(&code(&thing, &actors));
    assert!(
        !got.iter().any(|c| c.starts_with("07") || c == "033"),
        "{got:?}"
    );
    // "China will help Kenya" is aid intended.
    let aid = sent(
        "China China PROPN 3 nsubj
         will will AUX 3 aux
         help help VERB 0 root
         Kenya Kenya PROPN 3 obj
         . . PUNCT 3 punct",
    );
    let actors = [actor(1, 1, 1, "CHN"), actor(4, 4, 4, "KEN")];
    assert_eq!(
        summary(&code(&aid, &actors), &actors),
        vec![t("033", "CHN", "KEN")]
    );
}

#[test]
fn sense_an_appeal_in_court_is_no_plea() {
    // "The party lost an appeal against the conviction": the law's process.
    let legal = sent(
        "The the DET 2 det
         party party NOUN 3 nsubj
         lodged lodge VERB 0 root
         an a DET 5 det
         appeal appeal NOUN 3 obj
         against against ADP 8 case
         the the DET 8 det
         conviction conviction NOUN 5 nmod
         . . PUNCT 3 punct",
    );
    let actors = [actor(1, 2, 2, "FRAPTY")];
    let got = codes(&code(&legal, &actors));
    assert!(!got.iter().any(|c| c.starts_with("02")), "{got:?}");
    // "The party made an appeal to the government": a plea.
    let plea = sent(
        "The the DET 2 det
         party party NOUN 3 nsubj
         made make VERB 0 root
         an a DET 5 det
         appeal appeal NOUN 3 obj
         to to ADP 8 case
         the the DET 8 det
         government government NOUN 5 nmod
         . . PUNCT 3 punct",
    );
    let actors = [actor(1, 2, 2, "FRAPTY"), actor(7, 8, 8, "FRAGOV")];
    let got = codes(&code(&plea, &actors));
    assert!(got.iter().any(|c| c.starts_with("02")), "{got:?}");
}

#[test]
fn sense_a_place_is_no_source_except_of_violence_and_of_people_there() {
    // "An analyst in London warned Iran": London warned no one.
    let analyst = sent(
        "An a DET 2 det
         analyst analyst NOUN 5 nsubj
         in in ADP 4 case
         London London PROPN 2 nmod
         warned warn VERB 0 root
         Iran Iran PROPN 5 obj
         . . PUNCT 5 punct",
    );
    let actors = [actor(4, 4, 4, "GBR"), actor(6, 6, 6, "IRN")];
    assert_eq!(summary(&code(&analyst, &actors), &actors), vec![]);
    // "A bombing near Samarra killed a soldier": unattributed violence keeps the place's
    // country as its source, as PLOVER codes it.
    let bombing = sent(
        "A a DET 2 det
         bombing bombing NOUN 5 nsubj
         near near ADP 4 case
         Samarra Samarra PROPN 2 nmod
         killed kill VERB 0 root
         a a DET 7 det
         soldier soldier NOUN 5 obj
         . . PUNCT 5 punct",
    );
    let actors = [actor(4, 4, 4, "IRQ"), actor(7, 7, 7, "USAMIL")];
    assert!(summary(&code(&bombing, &actors), &actors).contains(&t("190", "IRQ", "USAMIL")));
    // "Thousands in Paris criticized the government": people named by where they are.
    let crowd = sent(
        "Thousands thousand NOUN 4 nsubj
         in in ADP 3 case
         Paris Paris PROPN 1 nmod
         criticized criticize VERB 0 root
         the the DET 6 det
         government government NOUN 4 obj
         . . PUNCT 4 punct",
    );
    let actors = [actor(3, 3, 3, "FRA"), actor(5, 6, 6, "FRAGOV")];
    assert!(summary(&code(&crowd, &actors), &actors).contains(&t("111", "FRA", "FRAGOV")));
}

#[test]
fn sense_rescue_operations_carried_rifles_and_welcomed_contributions_are_no_force_or_visit() {
    // "Italian rescue teams launched operations": they save people, they fight no one.
    let rescue = sent(
        "Italian Italian ADJ 3 amod
         rescue rescue NOUN 3 compound
         teams team NOUN 4 nsubj
         launched launch VERB 0 root
         operations operation NOUN 4 obj
         . . PUNCT 4 punct",
    );
    let actors = [actor(1, 3, 3, "ITA")];
    assert_eq!(summary(&code(&rescue, &actors), &actors), vec![]);
    // "Italian troops launched operations": force.
    let troops = sent(
        "Italian Italian ADJ 2 amod
         troops troops NOUN 3 nsubj
         launched launch VERB 0 root
         operations operation NOUN 3 obj
         . . PUNCT 3 punct",
    );
    let actors = [actor(1, 2, 2, "ITAMIL")];
    assert!(codes(&code(&troops, &actors)).contains(&"190".to_string()));
    // "The fighters were carrying assault rifles": "assault" names the rifles, not an attack.
    let rifles = sent(
        "The the DET 2 det
         fighters fighter NOUN 4 nsubj
         were be AUX 4 aux
         carrying carry VERB 0 root
         assault assault NOUN 6 compound
         rifles rifle NOUN 4 obj
         . . PUNCT 4 punct",
    );
    let actors = [actor(1, 2, 2, "SYRREB")];
    assert_eq!(summary(&code(&rifles, &actors), &actors), vec![]);
    // "Trump welcomed Turkey's contributions to the fight": praise of a deed, no visit hosted.
    let contributions = sent(
        "Trump Trump PROPN 2 nsubj
         welcomed welcome VERB 0 root
         Turkey Turkey PROPN 5 nmod:poss
         's 's PART 3 case
         contributions contribution NOUN 2 obj
         to to ADP 8 case
         the the DET 8 det
         fight fight NOUN 2 obl
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "USAGOV"), actor(3, 3, 3, "TUR")];
    let got = codes(&code(&contributions, &actors));
    assert!(!got.contains(&"043".to_string()), "{got:?}");
    // "Trump welcomed Merkel to Washington": a visit hosted.
    let visit = sent(
        "Trump Trump PROPN 2 nsubj
         welcomed welcome VERB 0 root
         Merkel Merkel PROPN 2 obj
         to to ADP 5 case
         Washington Washington PROPN 2 obl
         . . PUNCT 2 punct",
    );
    let actors = [
        actor(1, 1, 1, "USAGOV"),
        actor(3, 3, 3, "DEUGOV"),
        actor(5, 5, 5, "USA"),
    ];
    assert!(summary(&code(&visit, &actors), &actors).contains(&t("043", "USAGOV", "DEUGOV")));
}

#[test]
fn sense_a_cause_ruled_out_is_no_rejection() {
    // "The government ruled out foul play": a finding about a death, not a refusal.
    let foul_play = sent(
        "The the DET 2 det
         government government NOUN 3 nsubj
         ruled rule VERB 0 root
         out out ADP 3 compound:prt
         foul foul ADJ 6 amod
         play play NOUN 3 obj
         . . PUNCT 3 punct",
    );
    let actors = [actor(1, 2, 2, "RUSGOV")];
    assert!(!has(&codes(&code(&foul_play, &actors)), "12"));
    // "The government ruled out a coalition": a refusal.
    let coalition = sent(
        "The the DET 2 det
         government government NOUN 3 nsubj
         ruled rule VERB 0 root
         out out ADP 3 compound:prt
         a a DET 6 det
         coalition coalition NOUN 3 obj
         . . PUNCT 3 punct",
    );
    assert!(has(&codes(&code(&coalition, &actors)), "12"));
}

#[test]
fn sense_a_travel_warning_is_no_threat() {
    // "The ministry issued a warning against travelling to Varnia": advice to travellers.
    let travel = sent(
        "The the DET 2 det
         ministry ministry NOUN 3 nsubj
         issued issue VERB 0 root
         a a DET 5 det
         warning warning NOUN 3 obj
         against against SCONJ 7 mark
         travelling travel VERB 5 acl
         to to ADP 9 case
         Varnia Varnia PROPN 7 obl
         . . PUNCT 3 punct",
    );
    let actors = [actor(1, 2, 2, "DEUGOV"), actor(9, 9, 9, "VAR")];
    assert!(!has(&codes(&code(&travel, &actors)), "13"));
    // "The ministry issued a warning to Varnia": a warning to a country is one.
    let warning = sent(
        "The the DET 2 det
         ministry ministry NOUN 3 nsubj
         issued issue VERB 0 root
         a a DET 5 det
         warning warning NOUN 3 obj
         to to ADP 7 case
         Varnia Varnia PROPN 5 nmod
         . . PUNCT 3 punct",
    );
    let actors = [actor(1, 2, 2, "DEUGOV"), actor(7, 7, 7, "VAR")];
    assert!(has(&codes(&code(&warning, &actors)), "13"));
}

#[test]
fn sense_a_ruling_an_executive_memorandum_and_a_cited_threat_are_no_events_of_their_kind() {
    // "It was struck down by a judge": a ruling, not a strike.
    let ruling = sent(
        "It it PRON 3 nsubj:pass
         was be AUX 3 aux:pass
         struck strike VERB 0 root
         down down ADP 3 compound:prt
         by by ADP 7 case
         a a DET 7 det
         judge judge NOUN 3 obl
         . . PUNCT 3 punct",
    );
    let actors = [actor(6, 7, 7, "USAJUD")];
    assert!(!has(&codes(&code(&ruling, &actors)), "19"));
    // "Jets struck the base": force.
    let strike = sent(
        "Jets jet NOUN 2 nsubj
         struck strike VERB 0 root
         the the DET 4 det
         base base NOUN 2 obj
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "VARMIL")];
    assert!(has(&codes(&code(&strike, &actors)), "19"));
    // "The president signed an executive memorandum": a domestic order, no agreement.
    let memo = sent(
        "The the DET 2 det
         president president NOUN 3 nsubj
         signed sign VERB 0 root
         an a DET 6 det
         executive executive ADJ 6 amod
         memorandum memorandum NOUN 3 obj
         . . PUNCT 3 punct",
    );
    let actors = [actor(1, 2, 2, "USAGOV")];
    assert!(!has(&codes(&code(&memo, &actors)), "057"));
    // "The president signed a memorandum with Varnia": an agreement.
    let mou = sent(
        "The the DET 2 det
         president president NOUN 3 nsubj
         signed sign VERB 0 root
         a a DET 5 det
         memorandum memorandum NOUN 3 obj
         with with ADP 7 case
         Varnia Varnia PROPN 3 obl
         . . PUNCT 3 punct",
    );
    let actors = [actor(1, 2, 2, "USAGOV"), actor(7, 7, 7, "VAR")];
    assert!(has(&codes(&code(&mou, &actors)), "057"));
    // "Republicans pointed to the threat of higher premiums": a risk cited, no threat made.
    let cited = sent(
        "Republicans republican PROPN 2 nsubj
         pointed point VERB 0 root
         to to ADP 5 case
         the the DET 5 det
         threat threat NOUN 2 obl
         of of ADP 8 case
         higher high ADJ 8 amod
         premiums premium NOUN 5 nmod
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "USAPTY")];
    assert!(!has(&codes(&code(&cited, &actors)), "13"));
}

#[test]
fn sense_outskirts_taken_are_territory_not_an_arrest() {
    // "Rebels captured the outskirts of Varnia": territory, not people detained.
    let s = sent(
        "Rebels rebel NOUN 2 nsubj
         captured capture VERB 0 root
         the the DET 4 det
         outskirts outskirts NOUN 2 obj
         of of ADP 6 case
         Varnia Varnia PROPN 4 nmod
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "VARREB"), actor(6, 6, 6, "VAR")];
    let c = codes(&code(&s, &actors));
    assert!(!has(&c, "173"), "{c:?}");
    assert!(has(&c, "192"), "{c:?}");
}

#[test]
fn sense_a_vow_to_deal_a_blow_is_no_intent_to_cooperate() {
    // "The senator promised to deal a blow to the nominee."
    let blow = sent(
        "The the DET 2 det
         senator senator NOUN 3 nsubj
         promised promise VERB 0 root
         to to PART 5 mark
         deal deal VERB 3 xcomp
         a a DET 7 det
         blow blow NOUN 5 obj
         to to ADP 10 case
         the the DET 10 det
         nominee nominee NOUN 5 obl
         . . PUNCT 3 punct",
    );
    let actors = [actor(1, 2, 2, "VARLEG"), actor(9, 10, 10, "VARELI")];
    assert!(!has(&codes(&code(&blow, &actors)), "03"));
    // "The senator vowed to undermine the nominee": harm vowed, no cooperation either.
    let undermine = sent(
        "The the DET 2 det
         senator senator NOUN 3 nsubj
         vowed vow VERB 0 root
         to to PART 5 mark
         undermine undermine VERB 3 xcomp
         the the DET 7 det
         nominee nominee NOUN 5 obj
         . . PUNCT 3 punct",
    );
    let actors = [actor(1, 2, 2, "VARLEG"), actor(6, 7, 7, "VARELI")];
    assert!(!has(&codes(&code(&undermine, &actors)), "03"));
    // "The senator promised to meet the nominee": a promise to meet still is one.
    let meet = sent(
        "The the DET 2 det
         senator senator NOUN 3 nsubj
         promised promise VERB 0 root
         to to PART 5 mark
         meet meet VERB 3 xcomp
         the the DET 7 det
         nominee nominee NOUN 5 obj
         . . PUNCT 3 punct",
    );
    let actors = [actor(1, 2, 2, "VARLEG"), actor(6, 7, 7, "VARELI")];
    assert!(has(&codes(&code(&meet, &actors)), "03"));
}

#[test]
fn sense_help_to_shoppers_to_one_another_or_in_degree_is_no_aid() {
    // "Varnia Trade is helping brands sell abroad."
    let brands = sent(
        "Varnia Varnia PROPN 2 compound
         Trade Trade PROPN 4 nsubj
         is be AUX 4 aux
         helping help VERB 0 root
         brands brand NOUN 4 obj
         sell sell VERB 4 xcomp
         abroad abroad ADV 6 advmod
         . . PUNCT 4 punct",
    );
    let actors = [actor(1, 2, 2, "VARBUS")];
    assert!(!has(&codes(&code(&brands, &actors)), "07"));
    // "The government does not help much."
    let much = sent(
        "The the DET 2 det
         government government NOUN 5 nsubj
         does do AUX 5 aux
         not not PART 5 advmod
         help help VERB 0 root
         much much ADJ 5 obj
         . . PUNCT 5 punct",
    );
    let actors = [actor(1, 2, 2, "VARGOV")];
    let coded = codes(&code(&much, &actors));
    assert!(!has(&coded, "07") && !has(&coded, "12"), "{coded:?}");
    // "Varnia helped Vastria." is aid still.
    let aid = sent(
        "Varnia Varnia PROPN 2 nsubj
         helped help VERB 0 root
         Vastria Vastria PROPN 2 obj
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "VAR"), actor(3, 3, 3, "VST")];
    assert!(has(&codes(&code(&aid, &actors)), "07"));
}

#[test]
fn sense_staff_dismissed_are_fired_not_rebuffed() {
    // "The president dismissed the ambassadors."
    let staff = sent(
        "The the DET 2 det
         president president NOUN 3 nsubj
         dismissed dismiss VERB 0 root
         the the DET 5 det
         ambassadors ambassador NOUN 3 obj
         . . PUNCT 3 punct",
    );
    let actors = [actor(1, 2, 2, "VARGOV"), actor(4, 5, 5, "VAR")];
    assert!(!has(&codes(&code(&staff, &actors)), "12"));
    // "The president dismissed the Vastrian proposal": a rejection.
    let proposal = sent(
        "The the DET 2 det
         president president NOUN 3 nsubj
         dismissed dismiss VERB 0 root
         the the DET 6 det
         Vastrian vastrian ADJ 6 amod
         proposal proposal NOUN 3 obj
         . . PUNCT 3 punct",
    );
    let actors = [actor(1, 2, 2, "VARGOV"), actor(5, 5, 5, "VST")];
    assert!(has(&codes(&code(&proposal, &actors)), "12"));
}

#[test]
fn sense_who_refers_to_a_massacre_did_not_commit_it() {
    // "The senator referred to the massacre in Varnia."
    let s = sent(
        "The the DET 2 det
         senator senator NOUN 3 nsubj
         referred refer VERB 0 root
         to to ADP 6 case
         the the DET 6 det
         massacre massacre NOUN 3 obl
         in in ADP 8 case
         Varnia Varnia PROPN 6 nmod
         . . PUNCT 3 punct",
    );
    let actors = [actor(1, 2, 2, "VSTLEG"), actor(8, 8, 8, "VAR")];
    let r = code(&s, &actors);
    assert!(
        r.events
            .iter()
            .all(|e| e.trigger != 5 || !e.source_words.contains(&1)),
        "{:?}",
        summary(&r, &actors)
    );
}

#[test]
fn sense_attacks_that_label_their_target_are_words() {
    // "Varnia attacked the migrants as criminals." is criticism (111), not force.
    let s = sent(
        "Varnia Varnia PROPN 2 nsubj
         attacked attack VERB 0 root
         the the DET 4 det
         migrants migrant NOUN 2 obj
         as as ADP 6 case
         criminals criminal NOUN 4 nmod
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "VARGOV"), actor(3, 4, 4, "VARREF")];
    let r = code(&s, &actors);
    assert_eq!(codes(&r), ["111"], "{:?}", summary(&r, &actors));
    // "as part of an offensive" is no label: still an attack.
    let s = sent(
        "Varnia Varnia PROPN 2 nsubj
         attacked attack VERB 0 root
         the the DET 4 det
         town town NOUN 2 obj
         as as ADP 6 case
         part part NOUN 4 nmod
         of of ADP 9 case
         an a DET 9 det
         offensive offensive NOUN 6 nmod
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "VARMIL"), actor(3, 4, 4, "OSTCVL")];
    let r = code(&s, &actors);
    assert!(
        codes(&r).contains(&"190".to_string()),
        "{:?}",
        summary(&r, &actors)
    );
}

#[test]
fn sense_a_promise_of_what_a_policy_will_do_is_no_intent_to_cooperate() {
    // "The minister promised the reforms would revive the economy." foretells, 013.
    let s = sent(
        "The the DET 2 det
         minister minister NOUN 3 nsubj
         promised promise VERB 0 root
         the the DET 5 det
         reforms reform NOUN 7 nsubj
         would would AUX 7 aux
         revive revive VERB 3 ccomp
         the the DET 9 det
         economy economy NOUN 7 obj
         . . PUNCT 3 punct",
    );
    let actors = [actor(1, 2, 2, "VARGOV")];
    let r = code(&s, &actors);
    assert_eq!(codes(&r), ["013"], "{:?}", summary(&r, &actors));
}

#[test]
fn sense_a_warning_of_danger_is_a_pessimistic_comment_not_a_threat() {
    // "Varnia issued a warning of an attack." foresees harm from others: 012, not 130.
    let s = sent(
        "Varnia Varnia PROPN 2 nsubj
         issued issue VERB 0 root
         a a DET 4 det
         warning warning NOUN 2 obj
         of of ADP 7 case
         an a DET 7 det
         attack attack NOUN 4 nmod
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "VAR")];
    let r = code(&s, &actors);
    let warning: Vec<_> = r.events.iter().filter(|e| e.trigger == 3).collect();
    assert!(
        warning.len() == 1 && warning[0].code.as_str() == "012",
        "{:?}",
        summary(&r, &actors)
    );
    // "Varnia issued a warning of retaliation." is its own threat.
    let s = sent(
        "Varnia Varnia PROPN 2 nsubj
         issued issue VERB 0 root
         a a DET 4 det
         warning warning NOUN 2 obj
         of of ADP 6 case
         retaliation retaliation NOUN 4 nmod
         . . PUNCT 2 punct",
    );
    let r = code(&s, &actors);
    assert!(has(&codes(&r), "13"), "{:?}", summary(&r, &actors));
}

#[test]
fn sense_who_takes_or_ignores_a_threat_did_not_make_it() {
    // "Varnia is taking the threats seriously.": Varnia threatens nobody.
    let s = sent(
        "Varnia Varnia PROPN 3 nsubj
         is be AUX 3 aux
         taking take VERB 0 root
         the the DET 5 det
         threats threat NOUN 3 obj
         seriously seriously ADV 3 advmod
         . . PUNCT 3 punct",
    );
    let actors = [actor(1, 1, 1, "VAR")];
    let r = code(&s, &actors);
    assert!(!has(&codes(&r), "13"), "{:?}", summary(&r, &actors));
    // "Varnia ignored the warnings." likewise.
    let s = sent(
        "Varnia Varnia PROPN 2 nsubj
         ignored ignore VERB 0 root
         the the DET 4 det
         warnings warning NOUN 2 obj
         . . PUNCT 2 punct",
    );
    let r = code(&s, &actors);
    assert!(
        r.events
            .iter()
            .all(|e| e.trigger != 3 || e.sources.is_empty()),
        "{:?}",
        summary(&r, &actors)
    );
}

#[test]
fn sense_clashes_someone_prevents_do_not_happen() {
    // "Oskar prevented clashes between Varnia and Ostland.": the clashes are negated, and
    // Oskar, who kept them from happening, is not one of the sides.
    let s = sent(
        "Oskar Oskar PROPN 2 nsubj
         prevented prevent VERB 0 root
         clashes clash NOUN 2 obj
         between between ADP 5 case
         Varnia Varnia PROPN 3 nmod
         and and CCONJ 7 cc
         Ostland Ostland PROPN 5 conj
         . . PUNCT 2 punct",
    );
    let actors = [
        actor(1, 1, 1, "VARGOV"),
        actor(5, 5, 5, "VAR"),
        actor(7, 7, 7, "OST"),
    ];
    let r = code(&s, &actors);
    let clashes: Vec<_> = r.events.iter().filter(|e| e.trigger == 2).collect();
    assert!(
        !clashes.is_empty()
            && clashes
                .iter()
                .all(|e| e.negated && !e.source_words.contains(&0)),
        "{:?} {:?}",
        summary(&r, &actors),
        r.events
    );
}
