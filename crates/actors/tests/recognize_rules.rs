//! Rules added for issue 4's accuracy pass, each on hand-written sentences (no tagger):
//! "ROLE of COUNTRY", partially recognised entities (PLOVER PRE), regions the gazetteer
//! lacks, place names that contain a country word, and the capitals rule for short acronyms.

use crate::recognize::words;
use sitrep_actors::kb::{Kb, PartialDate};
use sitrep_actors::recognize::{Mention, MentionKind, NoPlaces, Recognizer, Scratch};

fn run(text: &str) -> Vec<Mention> {
    let kb = Kb::builtin().expect("KB loads");
    let rec = Recognizer::new(kb);
    let (w, s) = words(text);
    let date = PartialDate::ymd(2024, 3, 1);
    rec.recognize(text, &w, &s, date, &NoPlaces, &mut Scratch::default())
}

fn with_text<'a>(ms: &'a [Mention], text: &str) -> &'a Mention {
    ms.iter()
        .find(|m| m.text == text)
        .unwrap_or_else(|| panic!("no mention {text:?} in {ms:#?}"))
}

#[test]
fn rules_role_of_country_or_organisation() {
    let ms = run("The Foreign Minister of Ukraine met the president of the European Commission.");
    let m = with_text(&ms, "Foreign Minister of Ukraine");
    assert_eq!(m.code.as_deref(), Some("UKRGOV"));
    let m = with_text(&ms, "president of the European Commission");
    assert_eq!(m.country.as_deref(), Some("IGOEECEUC"));
    assert_eq!(m.plover_sector.as_deref(), Some("GOV"));
    // A capital after "of" stays a place: "the mayor of Kyiv" is not the government.
    let ms = run("The mayor of Kyiv spoke.");
    assert!(ms.iter().all(|m| m.text != "mayor of Kyiv"), "{ms:#?}");
}

#[test]
fn rules_partially_recognised_entities_are_pre_under_the_claimed_state() {
    let ms = run("Abkhazia and Transnistria held talks. Abkhaz officials left.");
    for (text, cc) in [("Abkhazia", "GEO"), ("Transnistria", "MDA")] {
        let m = with_text(&ms, text);
        assert_eq!(m.country.as_deref(), Some(cc));
        assert_eq!(m.plover_sector.as_deref(), Some("PRE"));
        assert!(m.sectors.is_empty(), "CAMEO has no PRE: {m:?}");
    }
    let m = with_text(&ms, "Abkhaz officials");
    assert_eq!(m.country.as_deref(), Some("GEO"));
    assert_eq!(m.plover_sector.as_deref(), Some("PRE"));
}

#[test]
fn rules_regions_give_their_country_without_coordinates() {
    let ms = run("Tigray rebels advanced. Fighting spread in Darfur.");
    assert_eq!(
        with_text(&ms, "Tigray rebels").code.as_deref(),
        Some("ETHREB")
    );
    let darfur = with_text(&ms, "Darfur");
    assert_eq!(darfur.kind, MentionKind::Place);
    let p = darfur.place.as_ref().expect("a place");
    assert_eq!((p.country.as_deref(), p.level), (Some("SDN"), "region"));
    assert_eq!((p.lat, p.lon), (None, None));
}

#[test]
fn rules_place_names_with_a_country_word_are_not_that_country() {
    let ms = run("Voters in New Jersey and New Mexico and in British Columbia.");
    for m in &ms {
        assert!(
            !matches!(m.country.as_deref(), Some("JEY" | "MEX" | "GBR")),
            "{m:?}"
        );
    }
    // The country itself still is one.
    let ms = run("Mexico and Jersey signed.");
    assert_eq!(with_text(&ms, "Mexico").country.as_deref(), Some("MEX"));
}

#[test]
fn rules_short_acronyms_need_capitals() {
    let ms = run("The PAN won. Pan Am flew.");
    assert_eq!(with_text(&ms, "The PAN").country.as_deref(), Some("MEX"));
    assert!(ms
        .iter()
        .all(|m| m.country.as_deref() != Some("MEX") || m.text == "The PAN"));
}

#[test]
fn rules_new_heads_and_role_words() {
    let ms = run("Gitanas Nauseda and the central bank of Norway.");
    let m = with_text(&ms, "Gitanas Nauseda");
    assert_eq!(m.code.as_deref(), Some("LTUGOV"));
    assert_eq!(
        with_text(&ms, "central bank of Norway").code.as_deref(),
        Some("NORGOV")
    );
    let ms = run("Scottish police and Rohingya Muslims.");
    assert_eq!(
        with_text(&ms, "Scottish police").code.as_deref(),
        Some("GBRCOP")
    );
    let m = with_text(&ms, "Rohingya Muslims");
    assert_eq!(m.plover_sector.as_deref(), Some("REL"));
}

#[test]
fn rules_reported_speech_sentence_keeps_both_actors() {
    let ms = run("Russian troops attacked Kharkiv on Sunday, Ukraine said. Iran has pledged not to attack Israel.");
    assert_eq!(
        with_text(&ms, "Russian troops").code.as_deref(),
        Some("RUSMIL")
    );
    assert_eq!(with_text(&ms, "Ukraine").code.as_deref(), Some("UKR"));
    assert_eq!(with_text(&ms, "Iran").code.as_deref(), Some("IRN"));
    assert_eq!(with_text(&ms, "Israel").code.as_deref(), Some("ISR"));
}
