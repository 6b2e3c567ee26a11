//! Session 9 (issue 4): groups of states named by a region or by the state that leads them,
//! one agent from two states, and the people below heads of state. Sentences written for
//! the test in ordinary news English; untagged.

use crate::recognize::{mention_code, run_gaz, run_on, run_plain};
use sitrep_actors::kb::PartialDate;
use sitrep_actors::recognize::Mention;

fn code(ms: &[Mention], text: &str) -> Option<String> {
    mention_code(ms, text)
}

#[test]
fn groups_regional_states_take_the_region_code() {
    let ms = run_plain("West African leaders threatened sanctions against Niger on Sunday.");
    assert_eq!(code(&ms, "West African leaders").as_deref(), Some("WAFGOV"));
    let ms = run_plain("Gulf states pledged billions of dollars to Egypt.");
    assert_eq!(
        code(&ms, "Gulf states").as_deref(),
        Some("PGSGOV"),
        "{ms:#?}"
    );
    let ms = run_plain("The Gulf Arab states and Western allies discussed Iran's programme.");
    assert_eq!(code(&ms, "Gulf Arab states").as_deref(), Some("PGSGOV"));
    assert_eq!(code(&ms, "Western allies").as_deref(), Some("WSTGOV"));
    // "Western" says which states: no longer an unidentified state actor.
    let ms = run_plain("Western governments condemned the coup in Gabon.");
    assert_eq!(code(&ms, "Western governments").as_deref(), Some("WSTGOV"));
    let ms = run_plain("Western diplomats said the talks had stalled.");
    assert_eq!(code(&ms, "Western diplomats").as_deref(), Some("WSTGOV"));
    // Counted, they are the states the story named.
    let ms = run_plain(
        "Senegal and Mauritania, the two West African neighbours, signed a border accord.",
    );
    assert!(
        ms.iter().all(|m| m.country.as_deref() != Some("WAF")),
        "{ms:#?}"
    );
    // One diplomat or delegation is one unnamed state's, not the region's states.
    let ms = run_plain("A Western diplomat said the talks had stalled.");
    assert!(
        ms.iter().all(|m| m.country.as_deref() != Some("WST")),
        "{ms:#?}"
    );
    // A pronoun after the group is the group.
    let ms = run_plain("European leaders met in Brussels. They agreed on new sanctions.");
    assert_eq!(code(&ms, "European leaders").as_deref(), Some("EURGOV"));
    assert_eq!(code(&ms, "They").as_deref(), Some("EURGOV"), "{ms:#?}");
}

#[test]
fn groups_the_west_is_an_actor_only_where_it_acts() {
    let ms = run_plain("Moscow accused the West of waging a proxy war in Ukraine.");
    assert_eq!(code(&ms, "West").as_deref(), Some("WSTGOV"), "{ms:#?}");
    // A place's name, a direction and a location are not the Western states.
    let ms = run_gaz("Israeli troops entered the West Bank city of Jenin.");
    assert!(
        ms.iter().all(|m| m.country.as_deref() != Some("WST")),
        "{ms:#?}"
    );
    let ms = run_plain("Prices rose faster in the West than in Asia last year.");
    assert!(
        ms.iter().all(|m| m.country.as_deref() != Some("WST")),
        "{ms:#?}"
    );
}

#[test]
fn groups_regional_people_and_firms_stay_without_a_state() {
    // People and companies of a region are not its states.
    let ms = run_plain("Two Asian women were injured and African migrants drowned.");
    let people = ms
        .iter()
        .filter(|m| m.text.ends_with("women") || m.text.ends_with("migrants"));
    assert_eq!(people.clone().count(), 2, "{ms:#?}");
    assert!(people.clone().all(|m| m.country.is_none()), "{ms:#?}");
    let ms = run_plain("Western companies have left Russia since the invasion.");
    assert!(
        ms.iter().all(|m| m.country.as_deref() != Some("WST")),
        "{ms:#?}"
    );
    // Organisations named with a region keep their own codes.
    let ms = run_plain("The European Union and the African Union signed the accord.");
    assert!(
        ms.iter()
            .all(|m| !matches!(m.country.as_deref(), Some("EUR" | "AFR"))),
        "{ms:#?}"
    );
}

#[test]
fn groups_a_coalition_named_by_its_leader_is_the_leaders_military() {
    let ms = run_plain("The US-led coalition struck Islamic State targets near Raqqa.");
    assert_eq!(
        code(&ms, "US-led coalition").as_deref(),
        Some("USAMIL"),
        "{ms:#?}"
    );
    let ms = run_plain("The Saudi-led Arab coalition bombed the airport on Tuesday.");
    assert_eq!(
        code(&ms, "Saudi-led Arab coalition").as_deref(),
        Some("SAUMIL"),
        "{ms:#?}"
    );
    let ms = run_plain("A NATO-led mission has patrolled Kosovo since 1999.");
    assert_eq!(
        code(&ms, "NATO-led mission").as_deref(),
        Some("IGONATMIL"),
        "{ms:#?}"
    );
    // "Saudi-led forces" were already the leader's forces; a backer is still no actor.
    let ms = run_plain("Saudi-led forces bombed the port on Monday.");
    assert_eq!(code(&ms, "forces").as_deref(), Some("SAUMIL"), "{ms:#?}");
    let ms = run_plain("Iranian-backed militias fired rockets at the base.");
    assert!(
        ms.iter().all(|m| m.country.as_deref() != Some("IRN")),
        "{ms:#?}"
    );
}

#[test]
fn groups_an_agent_from_two_states_is_two_actors() {
    let ms = run_gaz("Negotiators from Kyiv and Moscow met in Istanbul on Friday.");
    assert_eq!(
        code(&ms, "Negotiators").as_deref(),
        Some("UKRGOV"),
        "{ms:#?}"
    );
    assert_eq!(code(&ms, "Moscow").as_deref(), Some("RUSGOV"), "{ms:#?}");
    let ms = run_gaz("Officials from Russia and Ukraine held a second round of talks.");
    assert_eq!(code(&ms, "Officials").as_deref(), Some("RUSGOV"), "{ms:#?}");
    assert_eq!(code(&ms, "Ukraine").as_deref(), Some("UKRGOV"), "{ms:#?}");
    // Two places of one state are one origin.
    let ms = run_gaz("Doctors from Paris and Lyon signed the open letter.");
    assert!(
        ms.iter().all(|m| m.text != "Lyon"
            || m.country.is_none()
            || m.kind == sitrep_actors::recognize::MentionKind::Place),
        "{ms:#?}"
    );
}

#[test]
fn groups_ministers_governors_speakers_and_chiefs_below_heads_of_state() {
    let at = |y, m| PartialDate::ymd(y, m, 15);
    let cases: &[(&str, &str, PartialDate, &str)] = &[
        (
            "Finance Minister Rachel Reeves said taxes would rise.",
            "Rachel Reeves",
            at(2025, 3),
            "GBRGOV",
        ),
        (
            "Elvira Nabiullina raised the key rate again.",
            "Elvira Nabiullina",
            at(2024, 7),
            "RUSGOV",
        ),
        (
            "Amit Shah told parliament the police would act.",
            "Amit Shah",
            at(2023, 8),
            "INDGOV",
        ),
        (
            "Speaker Om Birla adjourned the house.",
            "Om Birla",
            at(2022, 12),
            "INDLEG",
        ),
        (
            "Carsten Breuer warned that the army lacked ammunition.",
            "Carsten Breuer",
            at(2024, 2),
            "DEUMIL",
        ),
        (
            "Kemi Badenoch attacked the budget.",
            "Kemi Badenoch",
            at(2025, 1),
            "GBROPP",
        ),
        (
            "Ali Yerlikaya said 30 suspects were detained.",
            "Ali Yerlikaya",
            at(2024, 5),
            "TURGOV",
        ),
        (
            "Mohsin Naqvi visited Quetta after the bombing.",
            "Mohsin Naqvi",
            at(2025, 2),
            "PAKGOV",
        ),
    ];
    for (text, name, date, want) in cases {
        let ms = run_on(text, *date);
        let m = ms
            .iter()
            .find(|m| m.text.ends_with(name))
            .unwrap_or_else(|| panic!("{text}: {ms:#?}"));
        assert_eq!(m.code.as_deref(), Some(*want), "{text}: {m:?}");
    }
    // The surname alone later in the story is the same person.
    let ms = run_on(
        "Russian Interior Minister Vladimir Kolokoltsev met police chiefs. Kolokoltsev said \
         crime had fallen.",
        PartialDate::ymd(2023, 4, 1),
    );
    assert_eq!(
        code(&ms, "Kolokoltsev").as_deref(),
        Some("RUSGOV"),
        "{ms:#?}"
    );
}
