//! Rule families and repairs for what news parses get wrong or put unusually: predicate
//! adjectives ("is opposed to"), conditional announcements ("unless"), preposition phrases
//! hung on the object instead of the verb, control through a passive governor, a subject the
//! parser labels `expl`, and the rejection of a proposal whose author is not an actor.

use crate::common::{actor, code, sent, summary, t};
use sitrep_events::Modality;

#[test]
fn robust_predicate_adjective_takes_verb_rules() {
    let s = sent(
        "Syria Syria PROPN 3 nsubj
         is be AUX 3 cop
         opposed opposed ADJ/JJ 0 root
         to to ADP 5 case
         Israel Israel PROPN 3 obl
         . . PUNCT 3 punct",
    );
    let actors = [actor(1, 1, 1, "SYR"), actor(5, 5, 5, "ISR")];
    let r = code(&s, &actors);
    assert_eq!(summary(&r, &actors), vec![t("110", "SYR", "ISR")]);
    // An attributive adjective is not a predicate: "armed groups" codes nothing.
    let s = sent(
        "armed armed ADJ/JJ 2 amod
         Serbs Serbs PROPN 0 root",
    );
    let actors = [actor(2, 2, 2, "SRB")];
    assert!(code(&s, &actors).events.is_empty());
}

#[test]
fn robust_unless_makes_an_announced_act_a_threat() {
    let s = sent(
        "Nigeria Nigeria PROPN 3 nsubj
         will will AUX 3 aux
         withdraw withdraw VERB 0 root
         its its PRON 5 nmod:poss
         troops troop NOUN 3 obj
         from from ADP 7 case
         Chad Chad PROPN 3 obl
         unless unless SCONJ 10 mark
         Chad Chad PROPN 10 nsubj
         holds hold VERB 3 advcl
         elections election NOUN 10 obj
         . . PUNCT 3 punct",
    );
    let actors = [
        actor(1, 1, 1, "NGA"),
        actor(7, 7, 7, "TCD"),
        actor(9, 9, 9, "TCD"),
    ];
    let r = code(&s, &actors);
    assert_eq!(summary(&r, &actors), vec![t("130", "NGA", "TCD")]);
    assert_eq!(r.events[0].modality, Modality::Threat);
    // Without the condition the same announcement is an intent to withdraw (AGREE 0356).
    let s = sent(
        "Nigeria Nigeria PROPN 3 nsubj
         will will AUX 3 aux
         withdraw withdraw VERB 0 root
         its its PRON 5 nmod:poss
         troops troop NOUN 3 obj
         from from ADP 7 case
         Chad Chad PROPN 3 obl",
    );
    let actors = [actor(1, 1, 1, "NGA"), actor(7, 7, 7, "TCD")];
    assert_eq!(
        summary(&code(&s, &actors), &actors),
        vec![t("0356", "NGA", "TCD")]
    );
}

#[test]
fn robust_preposition_on_the_object_stands_for_the_verbs() {
    // "Peru granted asylum to Panamanian officers", "to" hung on "asylum".
    let s = sent(
        "Peru Peru PROPN 2 nsubj
         granted grant VERB 0 root
         asylum asylum NOUN 2 obj
         to to ADP 6 case
         Panamanian panamanian ADJ 6 amod
         officers officer NOUN 3 nmod",
    );
    let actors = [actor(1, 1, 1, "PER"), actor(5, 6, 6, "PANMIL")];
    let r = code(&s, &actors);
    assert_eq!(summary(&r, &actors), vec![t("075", "PER", "PANMIL")]);
}

#[test]
fn robust_passive_governor_controls_the_infinitive() {
    // "Iran was asked to withdraw its troops from Iraq": Iran withdraws, not the asker.
    let s = sent(
        "Iran Iran PROPN 3 nsubj:pass
         was be AUX 3 aux:pass
         asked ask VERB/VBN 0 root
         to to PART 5 mark
         withdraw withdraw VERB 3 xcomp
         its its PRON 7 nmod:poss
         troops troop NOUN 5 obj
         from from ADP 9 case
         Iraq Iraq PROPN 5 obl",
    );
    let actors = [actor(1, 1, 1, "IRN"), actor(9, 9, 9, "IRQ")];
    let r = code(&s, &actors);
    let sum = summary(&r, &actors);
    assert!(
        sum.iter()
            .any(|(c, s, g)| c.starts_with("087") && s == "IRN" && g == "IRQ"),
        "{sum:?}"
    );
}

#[test]
fn robust_expl_subject_of_predicate_adjective() {
    // "Syria says it is ready to withdraw its soldiers from Lebanon" with "it" as `expl`.
    let s = sent(
        "Syria Syria PROPN 2 nsubj
         says say VERB 0 root
         it it PRON 5 expl
         is be AUX 5 cop
         ready ready ADJ 2 ccomp
         to to PART 7 mark
         withdraw withdraw VERB 5 xcomp
         its its PRON 9 nmod:poss
         soldiers soldier NOUN 7 obj
         from from ADP 11 case
         Lebanon Lebanon PROPN 7 obl",
    );
    let actors = [actor(1, 1, 1, "SYR"), actor(11, 11, 11, "LBN")];
    let r = code(&s, &actors);
    let sum = summary(&r, &actors);
    assert!(
        sum.iter().any(|(_, s, g)| s == "SYR" && g == "LBN"),
        "{sum:?}"
    );
}

#[test]
fn robust_rejected_proposal_needs_no_actor_author() {
    // "Rebels dismissed an appeal from President Gbagbo" (an author the KB does not know).
    let s = sent(
        "Rebels rebel NOUN 2 nsubj
         dismissed dismiss VERB 0 root
         an a DET 4 det
         appeal appeal NOUN 2 obj
         from from ADP 7 case
         President president PROPN 7 compound
         Gbagbo Gbagbo PROPN 4 nmod",
    );
    let actors = [actor(1, 1, 1, "CIVREB")];
    let r = code(&s, &actors);
    assert_eq!(summary(&r, &actors), vec![t("120", "CIVREB", "")]);
    assert_eq!(r.events[0].rule, "reject.proposal");
}

#[test]
fn robust_threat_targets_the_party_of_its_condition() {
    // "Iran threatened to launch an offensive unless Baghdad accepted its conditions".
    let s = sent(
        "Iran Iran PROPN 2 nsubj
         threatened threaten VERB 0 root
         to to PART 4 mark
         launch launch VERB 2 xcomp
         an a DET 6 det
         offensive offensive NOUN 4 obj
         unless unless SCONJ 9 mark
         Baghdad Baghdad PROPN 9 nsubj
         accepted accept VERB 4 advcl
         its its PRON 11 nmod:poss
         conditions condition NOUN 9 obj",
    );
    let actors = [actor(1, 1, 1, "IRN"), actor(8, 8, 8, "IRQGOV")];
    let r = code(&s, &actors);
    let sum = summary(&r, &actors);
    assert!(
        sum.iter()
            .any(|(c, s, g)| c.starts_with("13") && s == "IRN" && g == "IRQGOV"),
        "{sum:?}"
    );
}

#[test]
fn robust_reported_must_is_a_demand_of_the_speaker() {
    // "Russia said Sudan must return the helicopter".
    let s = sent(
        "Russia Russia PROPN 2 nsubj
         said say VERB 0 root
         Sudan Sudan PROPN 5 nsubj
         must must AUX 5 aux
         return return VERB 2 ccomp
         the the DET 7 det
         helicopter helicopter NOUN 5 obj",
    );
    let actors = [actor(1, 1, 1, "RUS"), actor(3, 3, 3, "SDN")];
    let r = code(&s, &actors);
    assert!(summary(&r, &actors).contains(&t("100", "RUS", "SDN")));
    // "Russia said it must act": an obligation the speaker puts on itself is no demand.
    let s = sent(
        "Russia Russia PROPN 2 nsubj
         said say VERB 0 root
         it it PRON 5 nsubj
         must must AUX 5 aux
         act act VERB 2 ccomp",
    );
    let actors = [actor(1, 1, 1, "RUS")];
    assert!(!summary(&code(&s, &actors), &actors)
        .iter()
        .any(|(c, _, _)| c == "100"));
}

#[test]
fn robust_to_before_a_gerund_is_no_purpose() {
    // "Youths resorted to throwing stones": an act, not an intention.
    let s = sent(
        "Palestinian palestinian ADJ 2 amod
         youths youth NOUN 3 nsubj
         resorted resort VERB/VBD 0 root
         to to ADP 5 mark
         throwing throw VERB/VBG 3 advcl
         stones stone NOUN 5 obj",
    );
    let actors = [actor(1, 2, 2, "PSECVL")];
    let r = code(&s, &actors);
    assert_eq!(summary(&r, &actors), vec![t("145", "PSECVL", "")]);
    assert_eq!(r.events[0].modality, Modality::Actual);
}

#[test]
fn robust_nominal_opposition_needs_its_to_phrase() {
    // "Turkey's opposition to the Kurdish referendum" / "the opposition" (a party).
    let s = sent(
        "Turkey Turkey PROPN 3 nmod:poss
         's 's PART 1 case
         opposition opposition NOUN 0 root
         to to ADP 5 case
         Kurds Kurds PROPN 3 nmod",
    );
    let actors = [actor(1, 1, 1, "TUR"), actor(5, 5, 5, "KUR")];
    assert_eq!(
        summary(&code(&s, &actors), &actors),
        vec![t("110", "TUR", "KUR")]
    );
    let s = sent(
        "Turkey Turkey PROPN 3 nmod:poss
         's 's PART 1 case
         opposition opposition NOUN 4 nsubj
         protested protest VERB 0 root",
    );
    let actors = [actor(1, 1, 1, "TUR")];
    assert!(!summary(&code(&s, &actors), &actors)
        .iter()
        .any(|(c, _, _)| c == "110"));
}
