//! Review fixes of session 8, each on sentences written for the test (no tagger): minorities
//! named by two states' words, legislative committees, broadcasters, a person's allies and
//! critics, titled definite roles, plural institutions and "it" after a thing.

use crate::recognize::{run_on, with_text};
use sitrep_actors::kb::PartialDate;
use sitrep_actors::recognize::{Mention, MentionKind};

fn run(text: &str) -> Vec<Mention> {
    run_on(text, PartialDate::ymd(2017, 3, 1))
}

#[test]
fn relations_a_minority_belongs_to_the_state_of_its_adjective() {
    let ms = run(
        "Thousands of Iraqi Turkmen joined the fight. Syrian Kurds and Afghan Uzbeks \
         fled. The Turkmen said Turkmen refugees were cold.",
    );
    for (text, cc) in [
        ("Iraqi Turkmen", "IRQ"),
        ("Syrian Kurds", "SYR"),
        ("Afghan Uzbeks", "AFG"),
    ] {
        assert_eq!(with_text(&ms, text).country.as_deref(), Some(cc), "{text}");
    }
    // The same people later in the article, bare or with a role.
    assert!(ms
        .iter()
        .filter(|m| m.text.starts_with("Turkmen"))
        .all(|m| m.country.as_deref() == Some("IRQ")));
    // Citizens of an immigrant state are its own; two adjectives in a row are two states.
    let ms = run("Afghan Americans voted. The Saudi Iranian rivalry grew.");
    assert_eq!(
        with_text(&ms, "Afghan Americans").country.as_deref(),
        Some("USA")
    );
    assert_eq!(with_text(&ms, "Iranian").country.as_deref(), Some("IRN"));
    // Where the article names the state itself, its demonym stays its own.
    let ms = run("Iraqi Turkmen protested. Turkmenistan said Turkmen officials met.");
    assert_eq!(
        with_text(&ms, "Turkmen officials").country.as_deref(),
        Some("TKM")
    );
}

#[test]
fn relations_legislative_committees_are_the_legislature() {
    let ms = run(
        "Leahy, a member of the Judiciary Committee, spoke. The Senate Armed Services \
         Committee and the House Intelligence Committee met in Washington.",
    );
    for text in [
        "Judiciary Committee",
        "Senate Armed Services Committee",
        "the House Intelligence Committee",
    ] {
        let m = with_text(&ms, text);
        assert_eq!(m.kind, MentionKind::Agent, "{text}");
        assert_eq!(m.sectors, vec!["LEG".to_string()], "{text}");
        assert_eq!(m.plover_sector.as_deref(), Some("LEG"), "{text}");
    }
    // A party's committee is not a legislature's.
    let ms = run("The Central Committee of the Communist Party met.");
    assert!(
        ms.iter().all(|m| m.sectors.iter().all(|s| s != "LEG")),
        "{ms:#?}"
    );
}

#[test]
fn relations_a_broadcaster_is_media() {
    let ms = run("The Israel Broadcasting Authority closed. Netanyahu ordered it shut down.");
    let m = with_text(&ms, "Israel Broadcasting Authority");
    assert_eq!(m.code.as_deref(), Some("ISRMED"));
    assert_eq!(m.plover_sector.as_deref(), Some("JRN"));
    assert_eq!(with_text(&ms, "it").code.as_deref(), Some("ISRMED"));
    let ms = run("The Korean Broadcasting System reported the launch.");
    assert_eq!(
        with_text(&ms, "Korean Broadcasting System").code.as_deref(),
        Some("KORMED")
    );
}

#[test]
fn relations_a_persons_allies_and_critics_are_not_the_person() {
    let ms = run(
        "Vladimir Putin spoke. Probes were launched by Putin's political allies, \
         and Putin's critics were jailed.",
    );
    let allies = with_text(&ms, "Putin's political allies");
    assert_eq!(allies.kind, MentionKind::Agent);
    assert_eq!(allies.country.as_deref(), Some("RUS"));
    assert!(allies.sectors.is_empty());
    let critics = with_text(&ms, "Putin's critics");
    assert_eq!(critics.code.as_deref(), Some("RUSOPP"));
    // A role the person owns keeps its own rule ("Putin's spokesman" speaks for him).
    let ms = run("Vladimir Putin's spokesman said so.");
    assert!(ms.iter().all(|m| m.rule != "possessor_relation"), "{ms:#?}");
}

#[test]
fn relations_a_title_links_to_the_person_written_with_it() {
    let ms = run(
        "Saudi Arabia's King Salman met China's President Xi Jinping in Beijing. It \
         was the king's first visit to China.",
    );
    assert_eq!(with_text(&ms, "king").code.as_deref(), Some("SAUGOV"));
    let ms = run("King Salman met President Xi Jinping. The president praised the visit.");
    assert_eq!(with_text(&ms, "president").code.as_deref(), Some("CHNGOV"));
}

#[test]
fn relations_plural_institutions_take_the_country_of_the_one_named() {
    let ms = run(
        "Palestinians are tried in Israel's military court. Many prisoners rejected \
         the authority of the courts, Palestinian officials said.",
    );
    let m = with_text(&ms, "courts");
    assert_eq!(m.country.as_deref(), Some("ISR"));
    assert!(m.plural);
}

#[test]
fn relations_it_after_a_thing_names_no_actor() {
    let ms = run(
        "Malaysia's intelligence service was on alert. The health minister said the \
         dose was so high it killed him within minutes.",
    );
    assert!(ms.iter().all(|m| m.text != "it"), "{ms:#?}");
    // With no thing in between, "it" is the body.
    let ms = run("The Malaysian intelligence service said it had arrested two women.");
    assert_eq!(with_text(&ms, "it").code.as_deref(), Some("MYSSPY"));
}

#[test]
fn relations_a_peoples_party_is_one_party() {
    let ms = run(
        "The ruling Mongolian People's Party won. The Cambodian People's Party said \
         Brazil's Workers' Party lost.",
    );
    for (text, code) in [
        ("Mongolian People's Party", "MNGPTY"),
        ("Cambodian People's Party", "KHMPTY"),
        ("Brazil's Workers' Party", "BRAPTY"),
    ] {
        assert_eq!(with_text(&ms, text).code.as_deref(), Some(code), "{text}");
    }
    assert!(
        ms.iter().all(|m| m.sectors.iter().all(|s| s != "CVL")),
        "{ms:#?}"
    );
}

#[test]
fn relations_a_committee_takes_its_legislators_country() {
    let ms = run(
        "Russia denied it. Sen. Lindsey Graham spoke for Russia's critics. Moscow \
         said Russia would not answer the Senate Intelligence Committee.",
    );
    assert_eq!(
        with_text(&ms, "Senate Intelligence Committee")
            .code
            .as_deref(),
        Some("USALEG")
    );
    // A possessive "its" after a thing still names the body.
    let ms = run("Uber said the tool was used to deter riders who were threatening its drivers.");
    assert_eq!(with_text(&ms, "its").country.as_deref(), Some("USA"));
}
