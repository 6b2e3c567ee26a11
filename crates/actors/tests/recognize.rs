//! Actor and place recognition on hand-written sentences, tokenised by the real tokenizer
//! (no tagger: the rules must work on capitalisation alone). Each test checks one rule.

use sitrep_actors::kb::{Kb, PartialDate};
use sitrep_actors::recognize::{Mention, MentionKind, NoPlaces, Pos, Recognizer, Scratch, Word};

pub fn words(text: &str) -> (Vec<Word>, Vec<std::ops::Range<usize>>) {
    let (tokens, sents) = sitrep_nlp::tokenize::analyse(text);
    let w = tokens
        .iter()
        .map(|t| Word {
            start: t.start,
            end: t.end,
            pos: Pos::Unknown,
        })
        .collect();
    (w, sents)
}

/// Recognises `text` on 2017-03-01 with the given words (by their text) tagged as `pos`, the
/// others untagged, resolving places with `places`.
pub fn recognize_tagged(
    text: &str,
    tags: &[(&str, Pos)],
    places: &dyn sitrep_actors::recognize::Places,
) -> Vec<Mention> {
    let kb = Kb::builtin().expect("KB loads");
    let rec = Recognizer::new(kb);
    let (mut w, s) = words(text);
    for x in &mut w {
        let form = &text[x.start as usize..x.end as usize];
        if let Some((_, p)) = tags.iter().find(|(t, _)| *t == form) {
            x.pos = *p;
        }
    }
    let date = PartialDate::ymd(2017, 3, 1);
    rec.recognize(text, &w, &s, date, places, &mut Scratch::default())
}

/// Recognises `text` untagged, without places.
pub fn run_plain(text: &str) -> Vec<Mention> {
    recognize_tagged(text, &[], &NoPlaces)
}

/// Recognises `text` untagged, with the built-in gazetteer for places.
pub fn run_gaz(text: &str) -> Vec<Mention> {
    recognize_tagged(
        text,
        &[],
        &crate::gaz::Gaz(sitrep_places::Gazetteer::builtin()),
    )
}

/// The mention whose text is `text`, else the one that is "the `text`".
pub fn mention<'a>(ms: &'a [Mention], text: &str) -> &'a Mention {
    ms.iter()
        .find(|m| m.text == text)
        .or_else(|| {
            ms.iter()
                .find(|m| m.text.to_lowercase().strip_prefix("the ") == Some(&text.to_lowercase()))
        })
        .unwrap_or_else(|| panic!("no mention {text:?} in {ms:#?}"))
}

/// The mention whose text is exactly `text`.
pub fn with_text<'a>(ms: &'a [Mention], text: &str) -> &'a Mention {
    ms.iter()
        .find(|m| m.text == text)
        .unwrap_or_else(|| panic!("no mention {text:?} in {ms:#?}"))
}

/// The code of [`mention`].
pub fn mention_code(ms: &[Mention], text: &str) -> Option<String> {
    mention(ms, text).code.clone()
}

/// Recognises `text` untagged, without places, as of `date`.
pub fn run_on(text: &str, date: PartialDate) -> Vec<Mention> {
    let kb = Kb::builtin().expect("KB loads");
    let rec = Recognizer::new(kb);
    let (w, s) = words(text);
    rec.recognize(text, &w, &s, date, &NoPlaces, &mut Scratch::default())
}

fn d2023() -> PartialDate {
    PartialDate::ymd(2023, 9, 5)
}

fn find<'a>(ms: &'a [Mention], text: &str) -> &'a Mention {
    ms.iter()
        .find(|m| m.text == text)
        .unwrap_or_else(|| panic!("no mention {text:?} in {:#?}", texts(ms)))
}

fn texts(ms: &[Mention]) -> Vec<(String, Option<String>, &'static str)> {
    ms.iter()
        .map(|m| (m.text.clone(), m.code.clone(), m.rule))
        .collect()
}

#[test]
fn recognize_country_adjective_with_agent_words() {
    let ms = run_on(
        "The North Korean leader met Russian troops. A US official spoke.",
        d2023(),
    );
    assert_eq!(
        find(&ms, "North Korean leader").code.as_deref(),
        Some("PRKGOV")
    );
    assert_eq!(find(&ms, "Russian troops").code.as_deref(), Some("RUSMIL"));
    assert!(find(&ms, "Russian troops").plural);
    assert_eq!(find(&ms, "US official").code.as_deref(), Some("USAGOV"));
}

#[test]
fn recognize_possessive_and_of_phrase() {
    let ms = run_on("Russia's minister of defence visited.", d2023());
    let m = find(&ms, "Russia's minister of defence");
    assert_eq!(m.country.as_deref(), Some("RUS"));
    assert_eq!(m.sectors, ["GOV", "MIL"]);
}

#[test]
fn recognize_title_with_kb_name_takes_role_at_date() {
    let text = "Russian Defense Minister Sergei Shoigu arrived.";
    let m = run_on(text, d2023()).remove(0);
    assert_eq!(m.kind, MentionKind::Person);
    assert_eq!(m.code.as_deref(), Some("RUSGOVMIL"));
    assert_eq!(m.role.as_ref().map(|r| r.role), Some("defence_minister"));
    assert_eq!(
        &text[m.start..m.end],
        "Russian Defense Minister Sergei Shoigu"
    );
    // After May 2024 the KB has him as a security official, no longer minister.
    let later = run_on(text, PartialDate::ymd(2025, 3, 1)).remove(0);
    assert_eq!(later.role.as_ref().map(|r| r.role), Some("official"));
    assert_eq!(later.code.as_deref(), Some("RUSGOV"));
}

#[test]
fn recognize_person_role_by_date() {
    let ms = run_on("Putin said so.", PartialDate::ymd(2010, 1, 1));
    assert_eq!(
        ms[0].role.as_ref().map(|r| r.role),
        Some("head_of_government")
    );
    let ms = run_on("Putin said so.", d2023());
    assert_eq!(ms[0].role.as_ref().map(|r| r.role), Some("head_of_state"));
}

#[test]
fn recognize_title_with_unknown_name() {
    let ms = run_on(
        "Ruritanian Defence Secretary Zog Blemmer said nothing.",
        d2023(),
    );
    // "Ruritanian" is not a country: the title still makes a person, without a country.
    let m = ms
        .iter()
        .find(|m| m.text.contains("Zog Blemmer"))
        .expect("found");
    assert_eq!(m.kind, MentionKind::Person);
    assert_eq!(m.sectors, ["GOV", "MIL"]);
    let ms = run_on(
        "French Defence Secretary Zog Blemmer said nothing.",
        d2023(),
    );
    let m = find(&ms, "French Defence Secretary Zog Blemmer");
    assert_eq!(m.code.as_deref(), Some("FRAGOVMIL"));
    assert_eq!(m.rule, "title_name");
}

#[test]
fn recognize_capital_is_government_only_when_it_acts() {
    let ms = run_on("Pyongyang said it would respond.", d2023());
    assert_eq!(find(&ms, "Pyongyang").code.as_deref(), Some("PRKGOV"));
    let ms = run_on("Shoigu arrived in Pyongyang on Monday.", d2023());
    let p = find(&ms, "Pyongyang");
    assert_eq!(p.kind, MentionKind::Place);
    assert_eq!(p.country.as_deref(), Some("PRK"));
    // "Pyongyang, North Korea": the country after a place is part of the place name.
    let ms = run_on("They met in Pyongyang, North Korea yesterday.", d2023());
    assert_eq!(find(&ms, "North Korea").kind, MentionKind::Place);
    let ms = run_on("They urged North Korea to stop.", d2023());
    assert_eq!(find(&ms, "North Korea").kind, MentionKind::Country);
}

#[test]
fn recognize_seats_igos_and_media() {
    let ms = run_on(
        "The White House and NATO denied what The New York Times reported.",
        d2023(),
    );
    assert_eq!(find(&ms, "The White House").code.as_deref(), Some("USAGOV"));
    assert_eq!(find(&ms, "NATO").kind, MentionKind::Igo);
    let nyt = find(&ms, "The New York Times");
    assert_eq!(nyt.code.as_deref(), Some("USAMED"));
    assert_eq!(nyt.plover_sector.as_deref(), Some("JRN"));
}

#[test]
fn recognize_inherit_word_takes_the_organisation() {
    let ms = run_on("A Kremlin spokesman declined to comment.", d2023());
    assert_eq!(
        find(&ms, "Kremlin spokesman").code.as_deref(),
        Some("RUSGOV")
    );
    // A lone spokeswoman names nobody.
    let ms = run_on("A spokeswoman declined to comment.", d2023());
    assert_eq!(find(&ms, "spokeswoman").country, None);
}

#[test]
fn recognize_surname_and_first_name_link_to_full_mention() {
    let text = "North Korean leader Kim Jong Un met Vladimir Putin. Kim praised Putin.";
    let ms = run_on(text, d2023());
    let full = ms
        .iter()
        .position(|m| m.text.ends_with("Kim Jong Un"))
        .unwrap();
    let kim = ms.iter().position(|m| m.text == "Kim").unwrap();
    assert_eq!(ms[kim].resolved_from, Some(full));
    assert_eq!(ms[kim].code.as_deref(), Some("PRKGOV"));
    let putin = ms.iter().position(|m| m.text == "Vladimir Putin").unwrap();
    let again = ms.iter().rposition(|m| m.text == "Putin").unwrap();
    assert_eq!(ms[again].resolved_from, Some(putin));
}

#[test]
fn recognize_pronouns_by_gender_and_number() {
    let text = "Adrienne Watson met Vladimir Putin. She said he was late. \
                The White House said it had letters.";
    let ms = run_on(text, d2023());
    let watson = ms.iter().position(|m| m.text == "Adrienne Watson").unwrap();
    let putin = ms.iter().position(|m| m.text == "Vladimir Putin").unwrap();
    let wh = ms.iter().position(|m| m.text == "The White House").unwrap();
    assert_eq!(find(&ms, "She").resolved_from, Some(watson));
    assert_eq!(find(&ms, "he").resolved_from, Some(putin));
    assert_eq!(find(&ms, "it").resolved_from, Some(wh));
}

#[test]
fn recognize_definite_role_links_to_last_compatible_mention() {
    let text = "Russian Defense Minister Sergei Shoigu arrived. The minister left.";
    let ms = run_on(text, d2023());
    let m = find(&ms, "minister");
    assert_eq!(m.resolved_from, Some(0));
    assert_eq!(m.code.as_deref(), Some("RUSGOVMIL"));
}

#[test]
fn recognize_unknown_names_are_candidates_with_text() {
    let ms = run_on("Later, Zorblat Quenton addressed the crowd.", d2023());
    let m = find(&ms, "Zorblat Quenton");
    assert_eq!(m.kind, MentionKind::Unknown);
    assert_eq!(m.country, None);
}

#[test]
fn recognize_offsets_point_into_the_text() {
    let text = "Côte d’Ivoire’s président? No: the Ivorian army and Mr Ouattara’s aides.";
    let ms = run_on(text, d2023());
    assert!(!ms.is_empty());
    for m in &ms {
        let slice = &text[m.start..m.end];
        assert_eq!(
            slice.split_whitespace().collect::<Vec<_>>().join(" "),
            m.text
        );
    }
    assert_eq!(find(&ms, "Ivorian army").code.as_deref(), Some("CIVMIL"));
}

#[test]
fn recognize_never_panics_on_odd_input() {
    let kb = Kb::builtin().unwrap();
    let rec = Recognizer::new(kb);
    let mut scratch = Scratch::default();
    let text = "ÄÖ 's ' - The The the , US-- \u{0}\u{202e} ... NATO's";
    let (w, s) = words(text);
    let _ = rec.recognize(text, &w, &s, d2023(), &NoPlaces, &mut scratch);
    // Ranges past the words and words past the text are ignored.
    let bad = [Word {
        start: 5,
        end: 9999,
        pos: Pos::Propn,
    }];
    #[allow(clippy::reversed_empty_ranges)] // deliberately malformed input
    let sents = [0..5, 3..1];
    let _ = rec.recognize(text, &bad, &sents, d2023(), &NoPlaces, &mut scratch);
    let _ = rec.recognize("", &[], &[], d2023(), &NoPlaces, &mut scratch);
}

/// Words of a space-separated sentence with hand-set tags (the tagger's output), so the
/// POS-dependent rules are tested without depending on the model's accuracy.
fn tagged(text: &str, tags: &[&str]) -> Vec<Word> {
    let mut w = sitrep_actors::recognize::words_from_spaces(text);
    assert_eq!(w.len(), tags.len());
    for (w, t) in w.iter_mut().zip(tags) {
        w.pos = Pos::from_upos(t);
    }
    w
}

#[test]
#[allow(clippy::single_range_in_vec_init)] // one sentence
fn recognize_uses_tags_when_given() {
    let kb = Kb::builtin().unwrap();
    let rec = Recognizer::new(kb);
    let mut scratch = Scratch::default();
    // "general" as an adjective is not an army general.
    let text = "The general election was held .";
    let w = tagged(text, &["DET", "ADJ", "NOUN", "AUX", "VERB", "PUNCT"]);
    let ms = rec.recognize(text, &w, &[0..w.len()], d2023(), &NoPlaces, &mut scratch);
    assert!(ms.iter().all(|m| m.text != "general"), "{ms:#?}");
    let w = tagged(text, &["DET", "NOUN", "NOUN", "AUX", "VERB", "PUNCT"]);
    let ms = rec.recognize(text, &w, &[0..w.len()], d2023(), &NoPlaces, &mut scratch);
    assert!(ms.iter().any(|m| m.text == "general"));
    // A sentence-initial proper noun is a name candidate; a capitalised verb is not.
    let text = "Zorblat left . Leaving was hard .";
    let w = tagged(
        text,
        &["PROPN", "VERB", "PUNCT", "VERB", "AUX", "ADJ", "PUNCT"],
    );
    let ms = rec.recognize(text, &w, &[0..3, 3..7], d2023(), &NoPlaces, &mut scratch);
    let names: Vec<&str> = ms.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(names, ["Zorblat"]);
}

#[test]
#[allow(clippy::single_range_in_vec_init)] // one sentence
fn recognize_us_state_before_a_state_title() {
    let kb = Kb::builtin().unwrap();
    let rec = Recognizer::new(kb);
    let mut scratch = Scratch::default();
    let gaz = crate::gaz::Gaz(sitrep_places::Gazetteer::builtin());
    let code_of = |text: &str, tags: &[&str], scratch: &mut Scratch| {
        let w = tagged(text, tags);
        let ms = rec.recognize(text, &w, &[0..w.len()], d2023(), &gaz, scratch);
        let m = ms.iter().find(|m| m.text.ends_with("Zog Blemmer"));
        m.map(|m| (m.text.clone(), m.code.clone()))
    };
    // A sentence-initial "New" is tagged as an adjective; it still opens the state's name,
    // and what is left ("Mexico", "Jersey") is no country.
    for (state, tags) in [
        (
            "New Mexico",
            [
                "ADJ", "PROPN", "PROPN", "PROPN", "PROPN", "VERB", "PROPN", "PUNCT",
            ],
        ),
        (
            "New Jersey",
            [
                "ADJ", "PROPN", "PROPN", "PROPN", "PROPN", "VERB", "PROPN", "PUNCT",
            ],
        ),
    ] {
        let text = format!("{state} Sen. Zog Blemmer criticized China .");
        let got = code_of(&text, &tags, &mut scratch);
        assert_eq!(
            got,
            Some((format!("{state} Sen. Zog Blemmer"), Some("USALEG".into()))),
            "{text}"
        );
    }
    // "Georgia" before a US state title is the state; before a national title, the country.
    let tags = ["PROPN", "PROPN", "PROPN", "PROPN", "VERB", "PROPN", "PUNCT"];
    let got = code_of(
        "Georgia Sen. Zog Blemmer criticized China .",
        &tags,
        &mut scratch,
    );
    assert_eq!(got.and_then(|g| g.1).as_deref(), Some("USALEG"));
    // "Rep." and "Assemblywoman" are legislators' titles like "Sen.".
    for title in ["Rep.", "Assemblywoman"] {
        let text = format!("Ohio {title} Zog Blemmer criticized China .");
        let got = code_of(&text, &tags, &mut scratch);
        assert_eq!(
            got,
            Some((format!("Ohio {title} Zog Blemmer"), Some("USALEG".into()))),
            "{text}"
        );
    }
    let tags = [
        "PROPN", "PROPN", "PROPN", "PROPN", "PROPN", "VERB", "PROPN", "PUNCT",
    ];
    let got = code_of(
        "Georgian Prime Minister Zog Blemmer criticized Russia .",
        &tags,
        &mut scratch,
    );
    assert_eq!(got.and_then(|g| g.1).as_deref(), Some("GEOGOV"));
    // "Jersey City" is in New Jersey, not the island.
    let tags = [
        "PROPN", "PROPN", "PROPN", "PROPN", "PROPN", "VERB", "PROPN", "PUNCT",
    ];
    let got = code_of(
        "Jersey City Mayor Zog Blemmer criticized China .",
        &tags,
        &mut scratch,
    );
    assert_ne!(got.and_then(|g| g.1).as_deref(), Some("JEYGOV"));
    // A county named after a town abroad is not in that town's country ("Bergen" is in
    // Norway; Bergen County in New Jersey), though a US one still takes its town's country.
    let tags = [
        "PROPN", "PROPN", "PROPN", "PROPN", "PROPN", "VERB", "PROPN", "PUNCT",
    ];
    let got = code_of(
        "Bergen County Prosecutor Zog Blemmer criticized China .",
        &tags,
        &mut scratch,
    );
    assert_ne!(got.and_then(|g| g.1).as_deref(), Some("NORJUD"));
    let got = code_of(
        "Boulder County Sheriff Zog Blemmer criticized China .",
        &tags,
        &mut scratch,
    );
    assert_eq!(
        got.and_then(|g| g.1).as_deref().map(|c| &c[..3]),
        Some("USA")
    );
}
