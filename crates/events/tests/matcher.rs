//! The matcher's mechanisms on hand-written UD (EWT-style) parses of news-like sentences.
//! Rows are `FORM LEMMA UPOS HEAD DEPREL`; actor spans use 1-based word ids.

use sitrep_events::{Modality, PloverType, RejectReason};

use crate::common::{actor, assert_rejected, code, sent, summary, t};

#[test]
fn matcher_passive_agent_is_source() {
    let s = sent(
        "Two two NUM 2 nummod
         journalists journalist NOUN 4 nsubj:pass
         were be AUX 4 aux:pass
         arrested arrest VERB 0 root
         by by ADP 7 case
         Iranian iranian ADJ 7 amod
         police police NOUN 4 obl
         . . PUNCT 4 punct",
    );
    let actors = [actor(1, 2, 2, "JRN"), actor(6, 7, 7, "IRNCOP")];
    let r = code(&s, &actors);
    assert_eq!(summary(&r, &actors), vec![t("173", "IRNCOP", "JRN")]);
    assert_eq!(r.events[0].plover_type, Some(PloverType::Coerce));
    assert_eq!(r.events[0].rule, "coerce.arrest");
    assert_eq!(r.events[0].goldstein, Some(-5.0));
}

#[test]
fn matcher_control_and_requested_modality() {
    let s = sent(
        "Russia Russia PROPN 2 nsubj
         tried try VERB 0 root
         to to PART 4 mark
         persuade persuade VERB 2 xcomp
         Iran Iran PROPN 4 obj
         to to PART 7 mark
         sell sell VERB 4 xcomp
         drones drone NOUN 7 obj
         to to ADP 10 case
         Moscow Moscow PROPN 7 obl
         . . PUNCT 2 punct",
    );
    let actors = [
        actor(1, 1, 1, "RUS"),
        actor(5, 5, 5, "IRN"),
        actor(10, 10, 10, "RUS"),
    ];
    let r = code(&s, &actors);
    // One event per phrase: "sell" is part of the appeal rule's pattern, so it is not coded
    // again as a sale.
    assert_eq!(summary(&r, &actors), vec![t("0232", "RUS", "IRN")]);
    assert_eq!(r.events[0].modality, Modality::Actual);
    assert!(r.rejected.iter().any(|x| x.rule == "coop.sell_arms"
        && x.reason == RejectReason::Superseded("appeal.arms_sale".into())));
    // The less specific appeal rule lost to the arms-appeal rule and says so.
    assert!(r.rejected.iter().any(|x| x.rule == "appeal.persuade"
        && matches!(&x.reason, RejectReason::Superseded(by) if by == "appeal.arms_sale")));
    assert_eq!(
        s.span_text(r.events[0].evidence.0, r.events[0].evidence.1),
        "Russia tried to persuade Iran to sell drones"
    );

    // An inner event no appeal rule names is coded, marked as requested, not as done.
    let s = sent(
        "Washington Washington PROPN 2 nsubj
         urged urge VERB 0 root
         Seoul Seoul PROPN 2 obj
         to to PART 5 mark
         visit visit VERB 2 xcomp
         Tokyo Tokyo PROPN 5 obj",
    );
    let actors = [
        actor(1, 1, 1, "USA"),
        actor(3, 3, 3, "KOR"),
        actor(6, 6, 6, "JPN"),
    ];
    let r = code(&s, &actors);
    assert_eq!(
        summary(&r, &actors),
        vec![t("020", "USA", "KOR"), t("042", "KOR", "JPN")]
    );
    assert_eq!(r.events[1].modality, Modality::Requested);
}

#[test]
fn matcher_negation_local_and_through_refuse() {
    let s = sent(
        "Turkey Turkey PROPN 4 nsubj
         did do AUX 4 aux
         not not PART 4 advmod
         attack attack VERB 0 root
         Kurdish kurdish ADJ 6 amod
         militias militia NOUN 4 obj",
    );
    let actors = [actor(1, 1, 1, "TUR"), actor(5, 6, 6, "KURREB")];
    let r = code(&s, &actors);
    assert_eq!(summary(&r, &actors), vec![t("190", "TUR", "KURREB")]);
    assert!(r.events[0].negated);

    let s = sent(
        "Israel Israel PROPN 2 nsubj
         refused refuse VERB 0 root
         to to PART 4 mark
         release release VERB 2 xcomp
         the the DET 6 det
         prisoners prisoner NOUN 4 obj",
    );
    let actors = [actor(1, 1, 1, "ISR"), actor(5, 6, 6, "PSE")];
    let r = code(&s, &actors);
    // A refused release is coded as the refusal (1243), still flagged as negated.
    assert_eq!(summary(&r, &actors), vec![t("1243", "ISR", "PSE")]);
    assert!(r.events[0].negated);
    assert_eq!(r.events[0].modality, Modality::Actual);

    // "declined to meet" with the infinitive parsed as advcl (as the shipped parser does):
    // still negated, so the meeting is the refusal of one (125), not an intent (036).
    let s = sent(
        "Merkel Merkel PROPN 2 nsubj
         declined decline VERB 0 root
         to to PART 4 mark
         meet meet VERB 2 advcl
         Trump Trump PROPN 4 obj",
    );
    let actors = [actor(1, 1, 1, "DEUGOV"), actor(5, 5, 5, "USAGOV")];
    let r = code(&s, &actors);
    assert_eq!(summary(&r, &actors), vec![t("125", "DEUGOV", "USAGOV")]);
    assert!(r.events[0].negated);
}

#[test]
fn matcher_modality_possibility_intent_threat_expectation() {
    let s = sent(
        "China China PROPN 3 nsubj
         may may AUX 3 aux
         hold hold VERB 0 root
         joint joint ADJ 5 amod
         exercises exercise NOUN 3 obj
         with with ADP 7 case
         Russia Russia PROPN 3 obl",
    );
    let actors = [actor(1, 1, 1, "CHN"), actor(7, 7, 7, "RUS")];
    let r = code(&s, &actors);
    assert_eq!(summary(&r, &actors), vec![t("0312", "CHN", "RUS")]);
    assert_eq!(r.events[0].modality, Modality::Possibility);

    let s = sent(
        "Biden Biden PROPN 3 nsubj
         will will AUX 3 aux
         visit visit VERB 0 root
         Japan Japan PROPN 3 obj",
    );
    let actors = [actor(1, 1, 1, "USAGOV"), actor(4, 4, 4, "JPN")];
    let r = code(&s, &actors);
    assert_eq!(summary(&r, &actors), vec![t("036", "USAGOV", "JPN")]);
    assert_eq!(r.events[0].modality, Modality::Intent);

    let s = sent(
        "Iran Iran PROPN 2 nsubj
         threatened threaten VERB 0 root
         to to PART 4 mark
         attack attack VERB 2 xcomp
         Israel Israel PROPN 4 obj",
    );
    let actors = [actor(1, 1, 1, "IRN"), actor(5, 5, 5, "ISR")];
    let r = code(&s, &actors);
    assert_eq!(summary(&r, &actors), vec![t("138", "IRN", "ISR")]);
    // Without a threaten rule naming the inner verb, the inner event gets the threat code.
    let s = sent(
        "Iran Iran PROPN 2 nsubj
         threatened threaten VERB 0 root
         to to PART 4 mark
         shell shell VERB 2 xcomp
         Israel Israel PROPN 4 obj",
    );
    let r = code(&s, &actors);
    assert_eq!(
        summary(&r, &actors),
        vec![t("130", "IRN", "ISR"), t("1384", "IRN", "ISR")]
    );
    assert_eq!(r.events[1].modality, Modality::Threat);

    let s = sent(
        "Officials official NOUN 2 nsubj
         expect expect VERB 0 root
         Kim Kim PROPN 2 obj
         to to PART 5 mark
         visit visit VERB 2 xcomp
         Moscow Moscow PROPN 5 obj",
    );
    let actors = [
        actor(1, 1, 1, "USAGOV"),
        actor(3, 3, 3, "PRKGOV"),
        actor(6, 6, 6, "RUS"),
    ];
    let r = code(&s, &actors);
    assert_eq!(summary(&r, &actors), vec![t("036", "PRKGOV", "RUS")]);
    assert_eq!(r.events[0].modality, Modality::Expectation);
}

#[test]
fn matcher_compound_actors_and_symmetric_events() {
    let s = sent(
        "France France PROPN 4 nsubj
         and and CCONJ 3 cc
         Germany Germany PROPN 1 conj
         condemned condemn VERB 0 root
         Russia Russia PROPN 4 obj",
    );
    let actors = [
        actor(1, 1, 1, "FRA"),
        actor(3, 3, 3, "DEU"),
        actor(5, 5, 5, "RUS"),
    ];
    let r = code(&s, &actors);
    assert_eq!(summary(&r, &actors), vec![t("111", "FRA+DEU", "RUS")]);

    let s = sent(
        "India India PROPN 4 nsubj
         and and CCONJ 3 cc
         Pakistan Pakistan PROPN 1 conj
         clashed clash VERB 0 root
         again again ADV 4 advmod",
    );
    let actors = [actor(1, 1, 1, "IND"), actor(3, 3, 3, "PAK")];
    let r = code(&s, &actors);
    assert_eq!(summary(&r, &actors), vec![t("190", "IND", "PAK")]);
}

#[test]
fn matcher_attribution_speech_verb_and_according_to() {
    let s = sent(
        "Watson Watson PROPN 2 nsubj
         said say VERB 0 root
         Russia Russia PROPN 4 nsubj
         attacked attack VERB 2 ccomp
         Ukraine Ukraine PROPN 4 obj",
    );
    let actors = [
        actor(1, 1, 1, "USAGOV"),
        actor(3, 3, 3, "RUS"),
        actor(5, 5, 5, "UKR"),
    ];
    let r = code(&s, &actors);
    assert_eq!(summary(&r, &actors), vec![t("190", "RUS", "UKR")]);
    let a = r.events[0].attribution.as_ref().expect("attributed");
    assert_eq!((a.word, a.speaker_actors.clone()), (1, vec![0]));
    assert_eq!(r.events[0].modality, Modality::Actual);

    let s = sent(
        "According accord VERB 3 case
         to to ADP 1 fixed
         Reuters Reuters PROPN 6 obl
         , , PUNCT 6 punct
         Israel Israel PROPN 6 nsubj
         bombed bomb VERB 0 root
         Gaza Gaza PROPN 6 obj",
    );
    let actors = [
        actor(3, 3, 3, "MED"),
        actor(5, 5, 5, "ISR"),
        actor(7, 7, 7, "PSE"),
    ];
    let r = code(&s, &actors);
    assert_eq!(summary(&r, &actors), vec![t("195", "ISR", "PSE")]);
    assert_eq!(
        r.events[0].attribution.as_ref().unwrap().speaker_actors,
        vec![0]
    );

    // "X will attack, the minister said": the speech verb is a parataxis child.
    let s = sent(
        "Russia Russia PROPN 3 nsubj
         will will AUX 3 aux
         attack attack VERB 0 root
         Kyiv Kyiv PROPN 3 obj
         , , PUNCT 8 punct
         the the DET 7 det
         minister minister NOUN 8 nsubj
         said say VERB 3 parataxis",
    );
    let actors = [
        actor(1, 1, 1, "RUS"),
        actor(4, 4, 4, "UKR"),
        actor(6, 7, 7, "UKRGOV"),
    ];
    let r = code(&s, &actors);
    // CAMEO codes an announced attack as a threat of force (1384), not as the attack.
    assert_eq!(summary(&r, &actors), vec![t("1384", "RUS", "UKR")]);
    assert_eq!(r.events[0].modality, Modality::Intent);
    assert_eq!(
        r.events[0].attribution.as_ref().unwrap().speaker_actors,
        vec![2]
    );
}

#[test]
fn matcher_noun_triggers_talks_and_visit_of() {
    let s = sent(
        "Blinken Blinken PROPN 2 nsubj
         held hold VERB 0 root
         talks talk NOUN 2 obj
         with with ADP 5 case
         Wang Wang PROPN 3 nmod
         in in ADP 7 case
         Beijing Beijing PROPN 2 obl",
    );
    let actors = [
        actor(1, 1, 1, "USAGOV"),
        actor(5, 5, 5, "CHNGOV"),
        actor(7, 7, 7, "CHN"),
    ];
    let r = code(&s, &actors);
    assert_eq!(summary(&r, &actors), vec![t("040", "USAGOV", "CHNGOV")]);
    assert_eq!(r.events[0].rule, "n.consult.talks");

    // The same with the with-phrase on the light verb, as parsers often attach it.
    let s = sent(
        "Blinken Blinken PROPN 2 nsubj
         held hold VERB 0 root
         talks talk NOUN 2 obj
         with with ADP 5 case
         Wang Wang PROPN 2 obl",
    );
    let actors = [actor(1, 1, 1, "USAGOV"), actor(5, 5, 5, "CHNGOV")];
    assert_eq!(
        summary(&code(&s, &actors), &actors),
        vec![t("040", "USAGOV", "CHNGOV")]
    );

    let s = sent(
        "The the DET 2 det
         visit visit NOUN 8 nsubj
         of of ADP 4 case
         Modi Modi PROPN 2 nmod
         to to ADP 6 case
         Moscow Moscow PROPN 2 nmod
         has have AUX 8 aux
         angered anger VERB 0 root
         Kyiv Kyiv PROPN 8 obj",
    );
    let actors = [
        actor(4, 4, 4, "INDGOV"),
        actor(6, 6, 6, "RUS"),
        actor(9, 9, 9, "UKR"),
    ];
    let r = code(&s, &actors);
    assert_eq!(summary(&r, &actors), vec![t("042", "INDGOV", "RUS")]);
    assert_eq!(r.events[0].plover_type, Some(PloverType::Consult));
}

#[test]
fn matcher_possessor_resolves_actor() {
    let s = sent(
        "Russia Russia PROPN 3 nmod:poss
         's 's PART 1 case
         minister minister NOUN 4 nsubj
         visited visit VERB 0 root
         Pyongyang Pyongyang PROPN 4 obj",
    );
    let actors = [actor(1, 1, 1, "RUS"), actor(5, 5, 5, "PRK")];
    assert_eq!(
        summary(&code(&s, &actors), &actors),
        vec![t("042", "RUS", "PRK")]
    );
}

#[test]
fn matcher_discards_sport_and_explains_rejections() {
    let s = sent(
        "Brazil Brazil PROPN 2 nsubj
         beat beat VERB 0 root
         Argentina Argentina PROPN 2 obj
         in in ADP 6 case
         the the DET 6 det
         final final NOUN 2 obl
         of of ADP 9 case
         the the DET 9 det
         tournament tournament NOUN 6 nmod",
    );
    let actors = [actor(1, 1, 1, "BRA"), actor(3, 3, 3, "ARG")];
    let r = code(&s, &actors);
    assert!(r.events.is_empty());
    assert!(r
        .rejected
        .iter()
        .any(|x| x.reason == RejectReason::DiscardedDomain("tournament".into())));

    // Without actors nothing is coded, and the reason is recorded.
    let s = sent(
        "Rebels rebel NOUN 2 nsubj
         attacked attack VERB 0 root
         the the DET 4 det
         convoy convoy NOUN 2 obj",
    );
    let r = code(&s, &[]);
    assert!(r.events.is_empty());
    assert!(r
        .rejected
        .iter()
        .any(|x| x.rule == "fight.attack" && x.reason == RejectReason::NoSourceActor));
    // A material act on a non-actor object is kept with an empty target ("attacked the
    // convoy"); a verbal act on one is not ("backed the plan").
    let actors = [actor(1, 1, 1, "REB")];
    let r = code(&s, &actors);
    assert_eq!(r.events.len(), 1);
    assert!(r.events[0].targets.is_empty() && r.events[0].target_words.is_empty());
    let s = sent(
        "Rebels rebel NOUN 2 nsubj
         backed back VERB 0 root
         the the DET 4 det
         plan plan NOUN 2 obj",
    );
    let r = code(&s, &actors);
    assert!(r.events.is_empty());
    assert!(r
        .rejected
        .iter()
        .any(|x| x.reason == RejectReason::NoTargetActor));
}

#[test]
fn matcher_survives_cyclic_heads() {
    // Malformed input from a broken parser: 1 -> 2 -> 1. The matcher must still return.
    let s = sent(
        "Russia Russia PROPN 2 nsubj
         attacked attack VERB 3 xcomp
         Ukraine Ukraine PROPN 2 conj",
    );
    let actors = [actor(1, 1, 1, "RUS"), actor(3, 3, 3, "UKR")];
    let _ = code(&s, &actors);
}

#[test]
fn matcher_random_trees_never_panic() {
    // Arbitrary heads (cycles, self-loops, forests), relations and trigger lemmas, with actor
    // spans that may point outside the sentence: the matcher must return for each.
    use sitrep_events::{ActorSpan, Dictionary, Matcher, Sentence, Word};
    let lemmas = [
        "attack", "meet", "talk", "visit", "urge", "Russia", "not", "to", "by", "with", "hold",
        "say",
    ];
    let upos = ["VERB", "NOUN", "PROPN", "PART", "ADP", "AUX"];
    let rels = [
        "nsubj",
        "obj",
        "obl",
        "case",
        "xcomp",
        "conj",
        "advmod",
        "nsubj:pass",
        "aux",
        "mark",
        "nmod",
        "ccomp",
        "parataxis",
        "fixed",
        "amod",
        "nmod:poss",
    ];
    let dict = Dictionary::embedded().unwrap();
    let m = Matcher::new(&dict);
    let mut seed: u64 = 0x9e3779b97f4a7c15;
    let mut next = |n: usize| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((seed >> 33) as usize) % n
    };
    let mut coded = 0;
    for _ in 0..5000 {
        let len = 1 + next(12);
        let words = (0..len)
            .map(|_| {
                let l = lemmas[next(lemmas.len())];
                Word {
                    form: l.into(),
                    lemma: l.to_lowercase(),
                    upos: upos[next(upos.len())].into(),
                    head: next(len + 1),
                    deprel: rels[next(rels.len())].into(),
                    ..Word::default()
                }
            })
            .collect();
        let s = Sentence {
            words,
            text: String::new(),
        };
        // Mostly one-word spans on random words, sometimes a span past the end.
        let actors: Vec<ActorSpan> = (0..1 + next(4))
            .map(|k| {
                let h = next(len + 1);
                ActorSpan::new(h, h, h, ["AAA", "BBB", "CCC", "DDD"][k])
            })
            .collect();
        let r = m.run(&s, &actors);
        for e in &r.events {
            assert!(e.evidence.0 <= e.evidence.1 && e.evidence.1 < len);
            assert!(!e.sources.is_empty());
        }
        coded += r.events.len();
    }
    // The generator does reach the coder; otherwise the test would prove nothing.
    assert!(coded > 0);
}

#[test]
fn matcher_domestic_target_with_the_source_code_keeps_the_event() {
    // Both sides code EGYCOP: the arrest happened, so it is kept, without a target (the
    // matcher used to reject it as same_actor and the sentence lost its event).
    let s = sent(
        "Egyptian Egyptian ADJ 2 amod
         police police NOUN 3 nsubj
         arrested arrest VERB 0 root
         two two NUM 5 nummod
         policemen policeman NOUN 3 obj
         . . PUNCT 3 punct",
    );
    let actors = [actor(1, 2, 2, "EGYCOP"), actor(4, 5, 5, "EGYCOP")];
    let r = code(&s, &actors);
    assert_eq!(summary(&r, &actors), vec![t("173", "EGYCOP", "")]);
    assert!(r.events[0].targets.is_empty());
}

#[test]
fn matcher_reflexive_target_is_still_the_same_actor() {
    let s = sent(
        "Police police NOUN 2 nsubj
         arrested arrest VERB 0 root
         themselves themselves PRON 2 obj
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "EGYCOP"), actor(3, 3, 3, "EGYCOP")];
    let r = code(&s, &actors);
    assert!(r.events.is_empty());
    assert!(r
        .rejected
        .iter()
        .any(|x| x.reason == RejectReason::SameActor));
}

#[test]
fn matcher_a_word_of_an_actors_name_is_no_trigger() {
    // "All are members of the Organisation of Islamic Cooperation": a name, not cooperation.
    let s = sent(
        "All all DET 4 nsubj
         are be AUX 4 cop
         also also ADV 4 advmod
         members member NOUN 0 root
         of of ADP 7 case
         the the DET 7 det
         Organisation organisation NOUN 4 nmod
         of of ADP 10 case
         Islamic islamic ADJ 10 amod
         Cooperation cooperation NOUN 7 nmod
         . . PUNCT 4 punct",
    );
    let actors = [actor(6, 10, 7, "IGOOIC")];
    let r = code(&s, &actors);
    assert!(r.events.is_empty(), "{:?}", summary(&r, &actors));
    assert_rejected(&r, &actors, 9, |x| *x == RejectReason::InName);
    // The same noun outside a name is an act.
    let s = sent(
        "China China PROPN 2 nsubj
         expanded expand VERB 0 root
         military military ADJ 4 amod
         cooperation cooperation NOUN 2 obj
         with with ADP 6 case
         Iran Iran PROPN 4 nmod
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "CHN"), actor(6, 6, 6, "IRN")];
    let got = summary(&code(&s, &actors), &actors);
    assert!(got.iter().any(|e| e.0.starts_with("06")), "{got:?}");
}

#[test]
fn matcher_a_noun_the_lemmatiser_reduced_is_not_guessed_again() {
    // "Obama sent aides to Moscow": the lemmatiser's "aide" is right, and the regular base
    // form "aid" of "aides" must not be tried as well.
    let aides = sent(
        "Obama Obama PROPN 2 nsubj
         sent send VERB 0 root
         aides aide NOUN 2 obj
         to to ADP 5 case
         Moscow Moscow PROPN 2 obl
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "USAGOV"), actor(5, 5, 5, "RUS")];
    let got = summary(&code(&aides, &actors), &actors);
    assert!(!got.iter().any(|e| e.0.starts_with("07")), "{got:?}");
    // A plural the lemmatiser left as it was is still read through its base form:
    // "Putin's visits to Ankara" with the lemma "visits".
    let visits = sent(
        "Putin Putin PROPN 3 nmod:poss
         's 's PART 1 case
         visits visits NOUN 0 root
         to to ADP 5 case
         Ankara Ankara PROPN 3 nmod",
    );
    let actors = [actor(1, 1, 1, "RUSGOV"), actor(5, 5, 5, "TUR")];
    let got = summary(&code(&visits, &actors), &actors);
    assert!(got.contains(&t("042", "RUSGOV", "TUR")), "{got:?}");
}

#[test]
fn matcher_a_denied_meeting_is_no_refused_one() {
    // "Flynn denied discussing sanctions with the ambassador": he says it did not happen,
    // which is a negated consultation, not a rejection of talks (125).
    let s = sent(
        "Flynn Flynn PROPN 2 nsubj
         denied deny VERB 0 root
         discussing discuss VERB 2 xcomp
         sanctions sanction NOUN 3 obj
         with with ADP 7 case
         the the DET 7 det
         ambassador ambassador NOUN 3 obl
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "USAGOV"), actor(6, 7, 7, "RUSGOV")];
    let r = code(&s, &actors);
    let got = summary(&r, &actors);
    assert!(!got.iter().any(|e| e.0.starts_with("12")), "{got:?}");
    let discuss = r.events.iter().find(|e| e.code.as_str() == "040");
    assert!(discuss.is_some_and(|e| e.negated), "{got:?}");
    // A refusal still is one: "Flynn refused to discuss sanctions with the ambassador".
    let s = sent(
        "Flynn Flynn PROPN 2 nsubj
         refused refuse VERB 0 root
         to to PART 4 mark
         discuss discuss VERB 2 xcomp
         sanctions sanction NOUN 4 obj
         with with ADP 8 case
         the the DET 8 det
         ambassador ambassador NOUN 4 obl
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "USAGOV"), actor(7, 8, 8, "RUSGOV")];
    let got = summary(&code(&s, &actors), &actors);
    assert!(got.iter().any(|e| e.0 == "125"), "{got:?}");
}

#[test]
fn matcher_should_before_its_subject_is_a_condition_not_an_appeal() {
    // "... evacuating Greeks from Gulf countries should the need arise, the Greek ambassador
    // said", parsed as the parser reads it: "arise" the ccomp of "said", "should" its aux.
    let inverted = sent(
        "countries country NOUN 5 nsubj
         should should AUX 5 aux
         the the DET 4 det
         need need NOUN 5 compound
         arise arise VERB 10 ccomp
         , , PUNCT 9 punct
         the the DET 9 det
         Greek greek ADJ 9 amod
         ambassador ambassador NOUN 10 nsubj
         said say VERB 0 root
         . . PUNCT 10 punct",
    );
    let actors = [actor(1, 1, 1, "MEA"), actor(8, 9, 9, "GRCGOV")];
    let r = code(&inverted, &actors);
    assert!(
        r.events.iter().all(|e| e.code.as_str() != "020"),
        "{:?}",
        summary(&r, &actors)
    );
    // The same tree with the modal where it belongs ("countries should help") is an appeal.
    let modal = sent(
        "countries country NOUN 3 nsubj
         should should AUX 3 aux
         help help VERB 5 ccomp
         ambassador ambassador NOUN 5 nsubj
         said say VERB 0 root
         . . PUNCT 5 punct",
    );
    let actors = [actor(1, 1, 1, "MEA"), actor(4, 4, 4, "GRCGOV")];
    let r = code(&modal, &actors);
    assert!(
        summary(&r, &actors).contains(&t("020", "GRCGOV", "MEA")),
        "{:?}",
        summary(&r, &actors)
    );
}

#[test]
fn matcher_participle_after_a_comma_reports_the_verbs_act() {
    // "Varnia shot down a Vastrian jet, killing the pilot." with "killing" hung on "jet".
    let s = sent(
        "Varnia Varnia PROPN 2 nsubj
         shot shoot VERB 0 root
         down down ADP 2 compound:prt
         a a DET 6 det
         Vastrian vastrian ADJ 6 amod
         jet jet NOUN 2 obj
         , , PUNCT 8 punct
         killing kill VERB/VBG 6 acl
         the the DET 10 det
         pilot pilot NOUN 8 obj
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "VAR"), actor(5, 6, 6, "VSTMIL")];
    let r = code(&s, &actors);
    let kill: Vec<_> = r.events.iter().filter(|e| e.trigger == 7).collect();
    assert!(
        !kill.is_empty(),
        "{:?} {:?}",
        summary(&r, &actors),
        r.rejected
    );
    assert!(
        kill.iter().all(|e| e.source_words == [0]),
        "the jet is no killer: {:?}",
        summary(&r, &actors)
    );
}

#[test]
fn matcher_an_inverted_should_clause_is_a_possibility() {
    // "... should the US withdraw from Varnia": a condition, not a report of a withdrawal.
    let s = sent(
        "should should AUX 4 aux
         the the DET 3 det
         US US PROPN 4 nsubj
         withdraw withdraw VERB 0 root
         its its PRON 6 nmod:poss
         troops troop NOUN 4 obj
         from from ADP 8 case
         Varnia Varnia PROPN 4 obl
         . . PUNCT 4 punct",
    );
    let actors = [actor(3, 3, 3, "USA"), actor(8, 8, 8, "VAR")];
    let r = code(&s, &actors);
    let withdraw: Vec<_> = r.events.iter().filter(|e| e.trigger == 3).collect();
    assert!(!withdraw.is_empty(), "{:?}", summary(&r, &actors));
    assert!(
        withdraw.iter().all(|e| e.modality == Modality::Possibility),
        "{:?}",
        withdraw.iter().map(|e| e.modality).collect::<Vec<_>>()
    );
}

#[test]
fn matcher_beating_a_rival_in_a_vote_is_no_assault() {
    // "Navalny won the vote, beating Kasparov", once the participle hangs on "won".
    let s = sent(
        "Lund Lund PROPN 2 nsubj
         won win VERB 0 root
         the the DET 4 det
         vote vote NOUN 2 obj
         , , PUNCT 6 punct
         beating beat VERB/VBG 2 advcl
         Berg Berg PROPN 6 obj
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "NOROPP"), actor(7, 7, 7, "NORGOV")];
    let r = code(&s, &actors);
    assert!(
        r.events.iter().all(|e| e.code.as_str() != "182"),
        "{:?}",
        summary(&r, &actors)
    );
    // "Police beat the protesters" stays an assault.
    let s = sent(
        "Police police NOUN 2 nsubj
         beat beat VERB 0 root
         the the DET 4 det
         protesters protester NOUN 2 obj
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "NORCOP"), actor(4, 4, 4, "NORCVL")];
    assert!(summary(&code(&s, &actors), &actors).contains(&t("182", "NORCOP", "NORCVL")));
}

#[test]
fn matcher_a_name_after_a_title_is_not_a_second_subject() {
    // "Police looking for analyst Dara Venn have arrested a man." with "Dara" read as a second
    // subject of "arrested": the analyst is whom the police look for, not an arrester.
    let s = sent(
        "Police police NOUN 8 nsubj
         looking look VERB 1 acl
         for for ADP 4 case
         analyst analyst NOUN 2 obl
         Dara Dara PROPN 8 nsubj
         Venn Venn PROPN 5 flat
         have have AUX 8 aux
         arrested arrest VERB 0 root
         a a DET 10 det
         man man NOUN 8 obj
         . . PUNCT 8 punct",
    );
    let actors = [actor(1, 1, 1, "VARCOP"), actor(4, 6, 5, "VARCVL")];
    let r = code(&s, &actors);
    let arrests: Vec<_> = r.events.iter().filter(|e| e.trigger == 7).collect();
    assert!(
        !arrests.is_empty(),
        "{:?} {:?}",
        summary(&r, &actors),
        r.rejected
    );
    assert!(
        arrests.iter().all(|e| e.source_words == [0]),
        "the analyst arrested no one: {:?}",
        summary(&r, &actors)
    );
}

#[test]
fn matcher_a_participle_after_a_predicate_noun_is_the_subjects_act() {
    // "Jon Vell was the envoy for Varnia, quitting the post in 2012." with "quitting" hung on
    // "envoy": Vell quit, not Varnia.
    let s = sent(
        "Jon Jon PROPN 5 nsubj
         Vell Vell PROPN 1 flat
         was be AUX 5 cop
         the the DET 5 det
         envoy envoy NOUN 0 root
         for for ADP 7 case
         Varnia Varnia PROPN 5 nmod
         , , PUNCT 9 punct
         quitting quit VERB/VBG 5 acl
         the the DET 11 det
         post post NOUN 9 obj
         in in ADP 13 case
         2012 2012 NUM 9 obl
         . . PUNCT 5 punct",
    );
    let actors = [actor(1, 2, 1, "IGOUNOELI"), actor(7, 7, 7, "VAR")];
    let r = code(&s, &actors);
    let quits: Vec<_> = r.events.iter().filter(|e| e.trigger == 8).collect();
    assert!(
        !quits.is_empty(),
        "{:?} {:?}",
        summary(&r, &actors),
        r.rejected
    );
    assert!(
        quits.iter().all(|e| e.source_words == [0]),
        "Varnia quit nothing: {:?}",
        summary(&r, &actors)
    );
}

#[test]
fn matcher_what_would_have_happened_is_no_announced_plan() {
    // "Varnia said its troops would have captured the leaders": a counterfactual, not a
    // threat to capture them (with "would capture" it is one).
    let rows = |perfect: bool| {
        let have = if perfect {
            "have have AUX 7 aux\n"
        } else {
            "hence hence ADV 7 advmod\n"
        };
        format!(
            "Varnia Varnia PROPN 2 nsubj
             said say VERB 0 root
             its its PRON 4 nmod:poss
             troops troop NOUN 7 nsubj
             would would AUX 7 aux
             {have}
             captured capture VERB 2 ccomp
             the the DET 9 det
             leaders leader NOUN 7 obj
             . . PUNCT 2 punct"
        )
    };
    let actors = [
        actor(1, 1, 1, "VAR"),
        actor(3, 4, 4, "VARMIL"),
        actor(8, 9, 9, "VSTREB"),
    ];
    let counterfactual = code(&sent(&rows(true)), &actors);
    let capture: Vec<_> = counterfactual
        .events
        .iter()
        .filter(|e| e.trigger == 6)
        .collect();
    assert!(!capture.is_empty(), "{:?}", counterfactual.rejected);
    assert!(
        capture
            .iter()
            .all(|e| e.modality == Modality::Possibility && !e.code.as_str().starts_with("13")),
        "{:?}",
        summary(&counterfactual, &actors)
    );
    let announced = code(&sent(&rows(false)), &actors);
    assert!(
        announced
            .events
            .iter()
            .any(|e| e.trigger == 6 && e.modality == Modality::Intent),
        "{:?}",
        summary(&announced, &actors)
    );
}

#[test]
fn matcher_a_finite_verb_after_a_reporting_verbs_object_is_that_objects_act() {
    // "Varnia claimed the rebels attacked the convoy." with "the rebels" read as the object of
    // "claimed" and "attacked" as its `xcomp`: the rebels attacked, not Varnia.
    let s = sent(
        "Varnia Varnia PROPN 2 nsubj
         claimed claim VERB 0 root
         the the DET 4 det
         rebels rebel NOUN 2 obj
         attacked attack VERB/VBD 2 xcomp
         the the DET 7 det
         convoy convoy NOUN 5 obj
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "VAR"), actor(3, 4, 4, "VARREB")];
    let r = code(&s, &actors);
    let attacks: Vec<_> = r.events.iter().filter(|e| e.trigger == 4).collect();
    assert!(
        !attacks.is_empty(),
        "{:?} {:?}",
        summary(&r, &actors),
        r.rejected
    );
    assert!(
        attacks.iter().all(|e| e.source_words == [3]),
        "Varnia only made the claim: {:?}",
        summary(&r, &actors)
    );
}

#[test]
fn matcher_a_past_tense_hung_on_its_subject_is_still_that_subjects_act() {
    // "Varnia extradited the militant to Ostland." with "extradited" read as the second half
    // of "Varnia" split in two (`goeswith`): the clause still has Varnia extraditing.
    let s = sent(
        "Varnia Varnia PROPN 0 root
         extradited extradite VERB/VBD 1 goeswith
         the the DET 4 det
         militant militant NOUN 2 obj
         to to ADP 6 case
         Ostland Ostland PROPN 2 obl
         . . PUNCT 1 punct",
    );
    let actors = [actor(1, 1, 1, "VAR"), actor(6, 6, 6, "OST")];
    let r = code(&s, &actors);
    let extraditions: Vec<_> = r.events.iter().filter(|e| e.trigger == 1).collect();
    assert!(
        extraditions.iter().any(|e| e.source_words == [0]),
        "{:?} {:?}",
        summary(&r, &actors),
        r.rejected
    );
}

#[test]
fn matcher_an_act_that_did_not_stop_goes_on_and_one_that_stopped_did_not() {
    // "Varnia has not stopped attacking Ostland." is an attack, not a negated one.
    let s = sent(
        "Varnia Varnia PROPN 4 nsubj
         has have AUX 4 aux
         not not PART 4 advmod
         stopped stop VERB 0 root
         attacking attack VERB/VBG 4 xcomp
         Ostland Ostland PROPN 5 obj",
    );
    let actors = [actor(1, 1, 1, "VAR"), actor(6, 6, 6, "OST")];
    let r = code(&s, &actors);
    let attack = r.events.iter().find(|e| e.trigger == 4);
    assert!(attack.is_some_and(|e| !e.negated), "{:?}", r.events);
    // "Varnia stopped attacking Ostland.": the attacks are over; the row says not attacking.
    let s = sent(
        "Varnia Varnia PROPN 2 nsubj
         stopped stop VERB 0 root
         attacking attack VERB/VBG 2 xcomp
         Ostland Ostland PROPN 3 obj",
    );
    let actors = [actor(1, 1, 1, "VAR"), actor(4, 4, 4, "OST")];
    let r = code(&s, &actors);
    let attack = r.events.iter().find(|e| e.trigger == 2);
    assert!(attack.is_some_and(|e| e.negated), "{:?}", r.events);
}

#[test]
fn matcher_a_capitalised_word_in_a_run_of_capitals_names_an_occasion() {
    // "Varnia attended the Forum on Ostland Trade Cooperation Summit in May.": the summit's
    // name reports no cooperation. The same words in a title-case headline still may.
    let s = sent(
        "Varnia Varnia PROPN 2 nsubj
         attended attend VERB 0 root
         the the DET 4 det
         Forum Forum PROPN 2 obj
         on on ADP 8 case
         Ostland Ostland PROPN 8 compound
         Trade Trade PROPN 8 compound
         Cooperation cooperation NOUN 4 nmod
         Summit Summit PROPN 8 appos
         in in ADP 11 case
         May May PROPN 2 obl
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "VAR"), actor(6, 6, 6, "OST")];
    let r = code(&s, &actors);
    assert_rejected(&r, &actors, 7, |x| *x == RejectReason::InName);
}

#[test]
fn matcher_the_second_half_of_a_fixed_hyphenated_modifier_is_no_trigger() {
    // "Varnia praised the ride-hailing firm Ostcab." has one praise, on "praised" only.
    let s = sent(
        "Varnia Varnia PROPN 2 nsubj
         praised praise VERB 0 root
         the the DET 7 det
         ride ride NOUN 6 compound
         - - PUNCT 4 punct
         hailing hail VERB 7 amod
         firm firm NOUN 2 obj
         Ostcab Ostcab PROPN 7 appos
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "VAR"), actor(8, 8, 8, "OSTBUS")];
    let r = code(&s, &actors);
    assert_rejected(&r, &actors, 5, |x| {
        matches!(x, RejectReason::FixedCompound(_))
    });
}

#[test]
fn matcher_the_for_phrase_of_a_call_is_who_is_asked_to_act() {
    // "Varnia renewed calls for Oskar to resign." with the infinitive hung on "renewed": the
    // one asked to resign is Oskar, and the resignation is asked for, not done or planned.
    let s = sent(
        "Varnia Varnia PROPN 2 nsubj
         renewed renew VERB/VBD 0 root
         calls call NOUN 2 obj
         for for ADP 5 case
         Oskar Oskar PROPN 3 nmod
         to to PART 7 mark
         resign resign VERB/VB 2 advcl
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "VAR"), actor(5, 5, 5, "OSTGOV")];
    let r = code(&s, &actors);
    let resignations: Vec<_> = r.events.iter().filter(|e| e.trigger == 6).collect();
    assert!(
        !resignations.is_empty()
            && resignations
                .iter()
                .all(|e| e.source_words == [4] && e.modality == Modality::Requested),
        "{:?} {:?}",
        summary(&r, &actors),
        r.events
    );
    // "Varnia worked for years to resign.": a "for" phrase of time names nobody.
    let s = sent(
        "Varnia Varnia PROPN 2 nsubj
         worked work VERB/VBD 0 root
         for for ADP 4 case
         years year NOUN 2 obl
         to to PART 6 mark
         resign resign VERB/VB 2 advcl
         . . PUNCT 2 punct",
    );
    let actors = [actor(1, 1, 1, "VAR")];
    let r = code(&s, &actors);
    assert!(
        r.events
            .iter()
            .filter(|e| e.trigger == 5)
            .all(|e| e.source_words == [0]),
        "{:?}",
        r.events
    );
}
