//! Session 7 rules (issues 4 and 5, from the hand review of real news): one place-country
//! rule, and the right sector for the right people. Sentences written for the test in
//! ordinary news English; no tagger unless a test sets a tag.

use crate::recognize::{mention, mention_code, run_gaz, run_plain};
use sitrep_actors::recognize::{Mention, MentionKind};

fn country(ms: &[Mention], text: &str) -> Option<String> {
    mention(ms, text).country.clone()
}

#[test]
fn sectors_bare_settlers_take_no_country_from_occupied_land() {
    let ms = run_gaz("Settlers in the West Bank attacked Palestinian farmers near Nablus.");
    assert_eq!(country(&ms, "Settlers"), None, "{ms:#?}");
    let ms = run_gaz("Colonists in the West Bank burned olive groves on Friday.");
    assert_eq!(country(&ms, "Colonists"), None, "{ms:#?}");
    // Evidence of the settling state gives it.
    let ms = run_gaz("Israeli settlers in the West Bank attacked Palestinian farmers.");
    assert_eq!(
        mention_code(&ms, "Israeli settlers").as_deref(),
        Some("ISRCVL")
    );
}

#[test]
fn sectors_local_agents_take_the_country_they_are_in() {
    let ms = run_gaz("Hackers in Iran defaced nearly 3,000 Danish websites.");
    assert_eq!(country(&ms, "Hackers").as_deref(), Some("IRN"), "{ms:#?}");
    let ms = run_gaz("Police in northern Nigeria arrested 40 people after the riots.");
    assert_eq!(country(&ms, "Police").as_deref(), Some("NGA"), "{ms:#?}");
    let ms = run_gaz("Officials in the south-eastern Turkey met the governor.");
    assert_eq!(country(&ms, "Officials").as_deref(), Some("TUR"), "{ms:#?}");
    // Armed groups fighting inside a state, and one officer, are its own.
    let ms = run_gaz("Rebel fighters in Syria pushed on with an offensive near Hama.");
    assert_eq!(
        country(&ms, "Rebel fighters").as_deref(),
        Some("SYR"),
        "{ms:#?}"
    );
    let ms = run_gaz("A senior general in South Sudan quit his post in protest at the fighting.");
    let g = ms
        .iter()
        .find(|m| m.text.ends_with("general"))
        .unwrap_or_else(|| panic!("{ms:#?}"));
    assert_eq!(g.country.as_deref(), Some("SSD"), "{g:?}");
    // ... but not fighters said to be foreign.
    let ms = run_gaz("Foreign fighters in Syria were captured near Raqqa.");
    assert!(
        ms.iter()
            .filter(|m| m.text.contains("fighters"))
            .all(|m| m.country.as_deref() != Some("SYR")),
        "{ms:#?}"
    );
    // Delegations travel to where they meet.
    let ms = run_gaz("The UN envoy welcomed rebel delegations in Geneva on Thursday.");
    assert!(
        ms.iter()
            .filter(|m| m.text.contains("delegations"))
            .all(|m| m.country.as_deref() != Some("CHE")),
        "{ms:#?}"
    );
    // "from" and a part of a place.
    let ms = run_gaz("Almost 13,000 displaced people from western Mosul sought help.");
    assert!(
        ms.iter()
            .any(|m| m.text.contains("displaced") && m.country.as_deref() == Some("IRQ")),
        "{ms:#?}"
    );
    // Troops are often foreign to where they are: no country from the place.
    let ms = run_gaz("Troops in Syria came under fire on Tuesday.");
    assert_ne!(country(&ms, "Troops").as_deref(), Some("SYR"), "{ms:#?}");
}

#[test]
fn sectors_the_kurdish_regional_government_is_iraqs() {
    let ms = run_plain(
        "Turkey wants a Syrian Kurdish force trained by the Kurdish Regional Government \
         (KRG) to join the battle for Raqqa in Syria.",
    );
    assert_eq!(
        mention_code(&ms, "Kurdish Regional Government").as_deref(),
        Some("IRQGOV")
    );
    let ms = run_plain("The Scottish Government said it would hold a second vote.");
    assert_eq!(
        mention_code(&ms, "Scottish Government").as_deref(),
        Some("GBRGOV")
    );
}

#[test]
fn sectors_people_in_the_intelligence_community_are_intelligence() {
    let text = "Donald Trump spoke in Washington on Monday. Many people in the intelligence \
                community are angry because he derided them.";
    let ms = run_plain(text);
    let p = ms
        .iter()
        .find(|m| m.text.ends_with("people"))
        .unwrap_or_else(|| panic!("{ms:#?}"));
    assert!(p.sectors.iter().any(|s| s == "SPY"), "{p:?}");
    assert_eq!(p.plover_sector.as_deref(), Some("SPY"), "{p:?}");
    let ms = run_plain("US intelligence officials said the report was false.");
    assert_eq!(
        mention_code(&ms, "US intelligence officials").as_deref(),
        Some("USASPY")
    );
    // People in a place are still the place's people, not a body's.
    let ms = run_gaz("People in the capital Kabul queued for bread.");
    assert!(
        ms.iter()
            .filter(|m| m.text == "People")
            .all(|m| m.sectors.iter().all(|s| s != "SPY")),
        "{ms:#?}"
    );
}

#[test]
fn sectors_libyas_rival_forces_are_consistent() {
    // The LNA is the army of the eastern authorities: LBY MIL; the militias it fights are
    // rebels (LBY REB), not the other way round.
    let ms = run_plain(
        "A spokesman of Haftar's Libyan National Army (LNA) said it had taken back the \
         ports from the Benghazi Defence Brigades.",
    );
    assert_eq!(
        mention_code(&ms, "Libyan National Army").as_deref(),
        Some("LBYMIL")
    );
    assert_eq!(
        mention_code(&ms, "Benghazi Defence Brigades").as_deref(),
        Some("LBYREB")
    );
}

#[test]
fn sectors_a_candidate_or_former_minister_is_not_the_government() {
    let text = "France votes in April. The 65-year-old former socialist minister has \
                pledged to replace the presidential monarchy.";
    let ms = run_plain(text);
    let m = ms
        .iter()
        .find(|m| m.text.ends_with("minister"))
        .unwrap_or_else(|| panic!("{ms:#?}"));
    assert_eq!(m.sectors, vec!["ELI".to_string()], "{m:?}");
    let ms = run_plain("France votes in April. The presidential candidate pledged to cut taxes.");
    let m = ms
        .iter()
        .find(|m| m.text.contains("candidate"))
        .unwrap_or_else(|| panic!("{ms:#?}"));
    assert!(m.sectors.iter().all(|s| s != "GOV"), "{m:?}");
    assert!(m.sectors.iter().any(|s| s == "ELI"), "{m:?}");
    // A minister in office is still the government.
    let ms = run_plain("France votes in April. The socialist minister pledged to cut taxes.");
    let m = ms
        .iter()
        .find(|m| m.text.ends_with("minister"))
        .unwrap_or_else(|| panic!("{ms:#?}"));
    assert!(m.sectors.iter().any(|s| s == "GOV"), "{m:?}");
}

#[test]
fn sectors_a_birthplace_is_no_nationality() {
    let text = "Germany's president attended the funeral in Bonn of a former German justice \
                minister. From soldier to law professor: born in Breslau - in present-day \
                Poland - in 1930, the professor taught in Hamburg for forty years.";
    let ms = run_plain(text);
    let p = ms
        .iter()
        .rfind(|m| m.text.ends_with("professor"))
        .unwrap_or_else(|| panic!("{ms:#?}"));
    assert_eq!(p.country.as_deref(), Some("DEU"), "{p:?}");
    // A country named for itself in the sentence still counts.
    let text = "Germany's president spoke on Monday. In Poland, the professor taught law.";
    let ms = run_plain(text);
    let p = ms
        .iter()
        .rfind(|m| m.text.ends_with("professor"))
        .unwrap_or_else(|| panic!("{ms:#?}"));
    assert_eq!(p.country.as_deref(), Some("POL"), "{p:?}");
}

#[test]
fn sectors_a_portfolio_keeps_former_and_the_country_on_the_role() {
    let ms = run_plain("The funeral was held for a former German justice minister on Saturday.");
    assert_eq!(
        mention_code(&ms, "former German justice minister").as_deref(),
        Some("DEUELI"),
        "{ms:#?}"
    );
    let ms = run_plain("The Turkish interior minister said the plot was foiled.");
    assert_eq!(
        mention_code(&ms, "Turkish interior minister").as_deref(),
        Some("TURGOV"),
        "{ms:#?}"
    );
}

#[test]
fn sectors_a_name_described_by_a_role_takes_its_country() {
    // A lone surname described by an indefinite role.
    let ms = run_plain(
        "Mourners gathered for Ehmke, a former German justice minister, on Saturday. \
         Ehmke studied law at Princeton.",
    );
    let ehmke: Vec<_> = ms.iter().filter(|m| m.text == "Ehmke").collect();
    assert_eq!(ehmke.len(), 2, "{ms:#?}");
    // The same name later in the article is the same person.
    assert!(
        ehmke.iter().all(|m| m.code.as_deref() == Some("DEUELI")),
        "{ms:#?}"
    );
    // A role after a country's possessive.
    let ms = run_plain(
        "Salem Haddad, Algeria's best-known human rights activist, began a hunger strike.",
    );
    assert_eq!(
        country(&ms, "Salem Haddad").as_deref(),
        Some("DZA"),
        "{ms:#?}"
    );
    // A place so described is no person.
    let ms = run_gaz("Kabul, a city of four million, was quiet on Friday.");
    assert!(
        ms.iter()
            .all(|m| m.text != "Kabul" || m.kind != MentionKind::Person),
        "{ms:#?}"
    );
}

#[test]
fn sectors_candidate_countries_are_no_candidates() {
    let ms = run_plain("The EU candidate countries met in Brussels on Monday.");
    assert!(
        ms.iter().all(|m| m.sectors.iter().all(|s| s != "ELI")),
        "{ms:#?}"
    );
}

#[test]
fn sectors_liberian_and_algerian_armed_groups_are_known() {
    let ms = run_plain("The NPFL said it had taken the port of Greenville.");
    assert_eq!(
        mention_code(&ms, "NPFL").as_deref(),
        Some("LBRREB"),
        "{ms:#?}"
    );
}

#[test]
fn sectors_a_spokesman_of_a_persons_body_speaks_for_the_body() {
    let ms = run_plain("A spokesman of Haftar's Libyan National Army said the ports were taken.");
    assert_eq!(
        mention_code(&ms, "spokesman").as_deref(),
        Some("LBYMIL"),
        "{ms:#?}"
    );
    let ms = run_plain("The spokesman of Putin's government said the talks had failed.");
    assert_eq!(
        mention_code(&ms, "spokesman").as_deref(),
        Some("RUSGOV"),
        "{ms:#?}"
    );
}

#[test]
fn sectors_a_based_armed_group_is_the_body_named_before_it() {
    let ms = run_plain(
        "A spokesman of Haftar's Libyan National Army (LNA) said the eastern-based armed \
         group had recaptured the oil terminals from rival militias.",
    );
    assert_eq!(
        mention_code(&ms, "armed group").as_deref(),
        Some("LBYMIL"),
        "{ms:#?}"
    );
    // With no armed body named before it, it stays a group of its own.
    let ms = run_plain("In Libya, the Tripoli-based armed group attacked the city.");
    assert_eq!(
        mention_code(&ms, "armed group").as_deref(),
        Some("LBYREB"),
        "{ms:#?}"
    );
}
