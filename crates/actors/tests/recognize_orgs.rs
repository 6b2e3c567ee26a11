//! Session 12 (issue 4): named organisations news names alone, on sentences written for the
//! test: legislatures by their own names, central banks, armed groups, companies,
//! universities and state news agencies (`src/recognize/institutions.txt`, `orgs.txt`,
//! `companies.txt`, `media.txt`), and names left out because they are ordinary words.

use crate::recognize::{mention, run_plain};
use sitrep_actors::recognize::MentionKind;

/// (code, sectors) of the mention `text` in `sentence`.
fn coded(sentence: &str, text: &str) -> (Option<String>, Vec<String>) {
    let ms = run_plain(sentence);
    let m = mention(&ms, text);
    (m.code.clone(), m.sectors.clone())
}

#[test]
fn orgs_legislatures_by_their_own_names() {
    for (sentence, name, code) in [
        (
            "The Riigikogu approved the defence budget on Wednesday.",
            "Riigikogu",
            "ESTLEG",
        ),
        (
            "Lawmakers in the Sejm rejected the amendment by a wide margin.",
            "Sejm",
            "POLLEG",
        ),
        (
            "The Storting will debate the fund's new rules next week.",
            "Storting",
            "NORLEG",
        ),
        (
            "The Majlis summoned the oil minister over the fuel shortages.",
            "Majlis",
            "IRNLEG",
        ),
        // The Maldives' house is not Iran's: the longer name wins.
        (
            "The People's Majlis passed the bill late on Monday.",
            "People's Majlis",
            "MDVLEG",
        ),
    ] {
        let (c, s) = coded(sentence, name);
        assert_eq!(c.as_deref(), Some(code), "{sentence}");
        assert_eq!(s, ["LEG"], "{sentence}");
    }
}

#[test]
fn orgs_central_banks_are_the_state_not_business() {
    let (c, s) = coded(
        "The Bank of Japan kept its key rate unchanged on Friday.",
        "Bank of Japan",
    );
    assert_eq!(c.as_deref(), Some("JPNGOV"));
    assert_eq!(s, ["GOV"]);
    let (c, _) = coded("Banxico cut its benchmark rate again.", "Banxico");
    assert_eq!(c.as_deref(), Some("MEXGOV"));
    let (c, _) = coded("Analysts expect the BoJ to wait until spring.", "BoJ");
    assert_eq!(c.as_deref(), Some("JPNGOV"));
    // A commercial bank named after its country stays a business.
    let (c, _) = coded(
        "Bank of America posted higher quarterly profits.",
        "Bank of America",
    );
    assert_eq!(c.as_deref(), Some("USABUS"));
}

#[test]
fn orgs_armed_groups_militias_and_cartels() {
    for (sentence, name, code) in [
        (
            "The Oromo Liberation Army ambushed a bus on the road to Nekemte.",
            "Oromo Liberation Army",
            "ETHREB",
        ),
        (
            "Wazalendo accused the army of abandoning its positions north of Goma.",
            "Wazalendo",
            "CODUAF",
        ),
        (
            "The Karenni Nationalities Defense Force said it had taken the town.",
            "Karenni Nationalities Defense Force",
            "MMRREB",
        ),
        (
            "Police blamed Los Choneros for the prison riot in Guayaquil.",
            "Los Choneros",
            "ECUCRM",
        ),
        (
            "The Baloch Liberation Army claimed the attack on the train.",
            "Baloch Liberation Army",
            "PAKREB",
        ),
    ] {
        let (c, _) = coded(sentence, name);
        assert_eq!(c.as_deref(), Some(code), "{sentence}");
    }
}

#[test]
fn orgs_companies_universities_and_agencies() {
    for (sentence, name, code) in [
        (
            "Palantir said it would cut several hundred jobs.",
            "Palantir",
            "USABUS",
        ),
        (
            "Hanwha Aerospace signed a contract to supply howitzers.",
            "Hanwha Aerospace",
            "KORBUS",
        ),
        (
            "Students at Amherst College staged a sit-in on Tuesday.",
            "Amherst College",
            "USAEDU",
        ),
        (
            "Carabineros detained dozens of demonstrators in the capital.",
            "Carabineros",
            "CHLCOP",
        ),
    ] {
        let (c, _) = coded(sentence, name);
        assert_eq!(c.as_deref(), Some(code), "{sentence}");
    }
    let ms = run_plain("Bernama reported that the talks had ended.");
    let m = mention(&ms, "Bernama");
    assert_eq!(m.code.as_deref(), Some("MYSMED"), "{m:?}");
}

#[test]
fn orgs_ordinary_words_are_left_alone() {
    // "Memorial", "Liberty", "Vale" and "Indra" are words or names, not the bodies they
    // can stand for; an APC is an armoured vehicle, not a Nigerian party.
    let ms = run_plain(
        "Memorial services were held at Liberty Park in the Vale. Indra watched an APC roll by.",
    );
    for m in &ms {
        assert!(
            m.kind != MentionKind::Org,
            "an ordinary word read as an organisation: {m:?}"
        );
    }
}

#[test]
fn orgs_short_names_inside_other_names() {
    // "the Fed" is the Federal Reserve; the Fed Cup is a tennis event.
    let (c, _) = coded("The Fed left interest rates on hold.", "Fed");
    assert_eq!(c.as_deref(), Some("USAGOV"));
    let ms = run_plain("Britain reached the final of the Fed Cup in Prague.");
    assert!(
        ms.iter().all(|m| m.code.as_deref() != Some("USAGOV")),
        "{ms:#?}"
    );
}

#[test]
fn orgs_names_other_states_share_are_left_out() {
    // A name several states give their own body would carry one state's code even after
    // another state's possessive, so such names are not listed.
    for (sentence, wrong) in [
        (
            "South Korea's Joint Chiefs of Staff said the missile flew 600 km.",
            "USA",
        ),
        (
            "The Tokyo Metropolitan Police arrested two men on Monday.",
            "GBR",
        ),
        (
            "Belarus's Investigative Committee opened a criminal case.",
            "RUS",
        ),
        (
            "The Ministry of Law and Justice issued a notice on Friday.",
            "POL",
        ),
    ] {
        let ms = run_plain(sentence);
        assert!(
            ms.iter()
                .all(|m| !m.code.as_deref().unwrap_or("").starts_with(wrong)),
            "{sentence}: {ms:#?}"
        );
    }
}
