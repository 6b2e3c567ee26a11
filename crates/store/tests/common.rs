//! Hand-made events, so store tests do not depend on the coder's accuracy.

use sitrep_doc::{Cameo, Event, EventActor, Evidence, Location, Plover};
use sitrep_store::{ArticleRow, CodedArticle};

/// An actor with a country and sectors.
pub fn actor(text: &str, country: &str, sectors: &[&str]) -> EventActor {
    EventActor {
        text: text.into(),
        country: Some(country.into()),
        sector: sectors.iter().map(|s| s.to_string()).collect(),
        code: format!("{country}{}", sectors.concat()),
        start: 0,
        end: text.chars().count() as u32,
    }
}

/// An event `src` -> `tgt` with `code` on `date`, one evidence sentence.
pub fn event(
    article: &str,
    n: u32,
    src: EventActor,
    tgt: Option<EventActor>,
    code: &str,
    date: &str,
    sentence: &str,
) -> Event {
    Event {
        event_id: format!("{article}-e{n}"),
        article_id: article.into(),
        source: src,
        target: tgt,
        cameo: Cameo {
            code: code.into(),
            root: code[..2].into(),
            name: format!("code {code}"),
            goldstein: Some(if code.starts_with('1') { -5.0 } else { 3.0 }),
            quad_class: 1,
        },
        plover: Plover {
            event_type: if code.starts_with("04") {
                "CONSULT".into()
            } else {
                "THREATEN".into()
            },
            mode: None,
        },
        negated: false,
        modality: "actual".into(),
        attributed_to: None,
        date: Some(date.into()),
        date_text: None,
        date_basis: "publication".into(),
        location: None,
        evidence: vec![Evidence {
            sentence: sentence.into(),
            sentence_index: n,
            start: 10 * n,
            end: 10 * n + sentence.chars().count() as u32,
            trigger: "met".into(),
            rule: "test.rule".into(),
        }],
        mentions: 1,
        confidence: 0.75,
    }
}

/// An article with the given events.
pub fn article(id: &str, events: Vec<Event>) -> CodedArticle {
    CodedArticle {
        article: ArticleRow {
            article_id: id.into(),
            url: Some(format!("https://example.invalid/{id}")),
            title: Some(format!("Title {id}")),
            published: Some("2023-09-13".into()),
            input: format!("{id}.txt"),
            text_chars: 100,
            ..ArticleRow::default()
        },
        events,
    }
}

/// A small corpus: RUS->PRK meetings, a USA->CHN threat with a located city, a month-only date.
pub fn corpus() -> Vec<CodedArticle> {
    let rus = || {
        actor(
            "Russian Defense Minister Sergei Shoigu",
            "RUS",
            &["GOV", "MIL"],
        )
    };
    let prk = || actor("North Korea", "PRK", &[]);
    let mut threat = event(
        "a2",
        0,
        actor("Washington", "USA", &["GOV"]),
        Some(actor("Beijing", "CHN", &["GOV"])),
        "138",
        "2023-09-14",
        "Washington threatened Beijing with sanctions over the missile test.",
    );
    threat.location = Some(Location {
        name: "Pyongyang".into(),
        country: Some("PRK".into()),
        lat: Some(39.03),
        lon: Some(125.75),
        gazetteer_id: Some("geonames:1871859".into()),
        level: "city".into(),
    });
    vec![
        article(
            "a1",
            vec![
                event(
                    "a1",
                    0,
                    rus(),
                    Some(prk()),
                    "042",
                    "2023-09-13",
                    "Shoigu met Kim in Pyongyang.",
                ),
                event(
                    "a1",
                    1,
                    rus(),
                    Some(prk()),
                    "036",
                    "2023-09-12",
                    "Shoigu said he wanted to meet Kim.",
                ),
            ],
        ),
        article("a2", vec![threat]),
        article(
            "a3",
            vec![event(
                "a3",
                0,
                prk(),
                None,
                "0256",
                "2023-10",
                "North Korea appealed for talks.",
            )],
        ),
        article("a4", vec![]),
    ]
}
