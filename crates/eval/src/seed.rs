//! The seed article's event checks (`seed/kim-putin-euronews.expected.json`), applying its
//! `scoring` rule as written:
//!
//! > A produced event matches a required one when one of its evidence sentences contains one of
//! > evidence_any; its source and target countries are among those listed (either way round
//! > where either_direction is true; null means any or none); its CAMEO root is in cameo_root;
//! > where date_any is given, its date starts with one of them; where location is given, its
//! > location's name contains it (location_country: its location's country code). [...] Any
//! > event whose evidence matches a forbidden entry is a failure.
//!
//! One liberty, for the text comparisons only: quotes are folded (curly to straight) and runs
//! of whitespace collapsed on both sides, so typography does not decide a match.

use crate::{Error, Result};
use serde::{Deserialize, Serialize};
use sitrep_doc::Event;
use std::path::Path;

/// The seed's expectations file, relative to the shared folder.
pub const RELATIVE_PATH: &str = "seed/kim-putin-euronews.expected.json";

/// One required event.
#[derive(Debug, Clone, Deserialize)]
pub struct Required {
    /// Its name ("shoigu-visit").
    pub id: String,
    /// Accepted source countries; None: any or none.
    pub source: Option<Vec<String>>,
    /// Accepted target countries; None: any or none.
    pub target: Option<Vec<String>>,
    /// Accepted CAMEO roots.
    pub cameo_root: Vec<String>,
    /// The code an analyst would pick (reported, not required).
    pub preferred_code: Option<String>,
    /// The location name must contain this.
    pub location: Option<String>,
    /// The location's country must be this.
    pub location_country: Option<String>,
    /// The date must start with one of these.
    pub date_any: Option<Vec<String>>,
    /// An evidence sentence must contain one of these.
    pub evidence_any: Vec<String>,
    /// Source and target may be swapped.
    #[serde(default)]
    pub either_direction: bool,
}

/// One forbidden pattern.
#[derive(Debug, Clone, Deserialize)]
pub struct Forbidden {
    /// Why it is forbidden.
    pub reason: String,
    /// Evidence phrases that make an event a failure.
    pub evidence_any: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
struct Input {
    file: String,
    published: String,
}

/// The parts of the expectations file the event scorer reads.
#[derive(Debug, Clone, Deserialize)]
pub struct SeedExpected {
    /// The required events.
    pub required_events: Vec<Required>,
    /// The forbidden patterns.
    pub forbidden_events: Vec<Forbidden>,
    input: Input,
}

impl SeedExpected {
    /// The publication date to pass to the coder (`YYYY-MM-DD`).
    pub fn published(&self) -> &str {
        &self.input.published
    }
}

/// Reads the seed article the expectations describe (raw scraped text, furniture included).
pub fn load_article(shared: &Path, expected: &SeedExpected) -> Result<String> {
    let path = shared.join("seed").join(&expected.input.file);
    std::fs::read_to_string(&path).map_err(|source| Error::Io { path, source })
}

/// Loads the expectations from the shared folder.
pub fn load(shared: &Path) -> Result<SeedExpected> {
    let path = shared.join(RELATIVE_PATH);
    let raw = std::fs::read_to_string(&path).map_err(|source| Error::Io {
        path: path.clone(),
        source,
    })?;
    serde_json::from_str(&raw).map_err(|e| Error::Format {
        path,
        detail: e.to_string(),
    })
}

/// How one required event fared.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RequiredDetail {
    /// The required event's id.
    pub id: String,
    /// A produced event matched it.
    pub matched: bool,
    /// Index of the first matching produced event.
    pub event: Option<usize>,
    /// The matching event has the preferred CAMEO code.
    pub preferred_code: bool,
    /// When unmatched: for each event whose evidence matched, the checks it failed
    /// ("event 3: cameo_root 01"), to show how close the coder came.
    pub near_misses: Vec<String>,
}

/// A produced event that hit a forbidden pattern.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ForbiddenHit {
    /// Index of the produced event.
    pub event: usize,
    /// The pattern's reason.
    pub reason: String,
    /// The phrase found in its evidence.
    pub phrase: String,
}

/// The seed score.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Report {
    /// Required events.
    pub required: usize,
    /// Required events matched.
    pub matched: usize,
    /// Produced events that hit a forbidden pattern.
    pub forbidden: usize,
    /// matched / required.
    pub recall: f64,
    /// Produced events.
    pub produced: usize,
    /// Per required event.
    pub details: Vec<RequiredDetail>,
    /// The forbidden hits.
    pub forbidden_hits: Vec<ForbiddenHit>,
}

fn fold(s: &str) -> String {
    let straight: String = s
        .chars()
        .map(|c| match c {
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' => '"',
            '\u{2018}' | '\u{2019}' | '\u{201A}' => '\'',
            c => c,
        })
        .collect();
    straight.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn evidence_has<'a>(e: &Event, phrases: &'a [String]) -> Option<&'a str> {
    let sentences: Vec<String> = e.evidence.iter().map(|ev| fold(&ev.sentence)).collect();
    phrases.iter().map(String::as_str).find(|p| {
        let p = fold(p);
        sentences.iter().any(|s| s.contains(&p))
    })
}

fn among(code: Option<&str>, list: &Option<Vec<String>>) -> bool {
    match list {
        None => true,
        Some(l) => code.is_some_and(|c| l.iter().any(|x| x == c)),
    }
}

/// The checks `e` fails against `req`, evidence aside; empty means a match.
fn failures(e: &Event, req: &Required) -> Vec<String> {
    let mut out = Vec::new();
    let src = e.source.country.as_deref();
    let tgt = e.target.as_ref().and_then(|t| t.country.as_deref());
    let forward = among(src, &req.source) && among(tgt, &req.target);
    let backward = req.either_direction && among(tgt, &req.source) && among(src, &req.target);
    if !(forward || backward) {
        out.push(format!(
            "dyad {}->{}",
            src.unwrap_or("none"),
            tgt.unwrap_or("none")
        ));
    }
    if !req.cameo_root.contains(&e.cameo.root) {
        out.push(format!("cameo_root {}", e.cameo.root));
    }
    if let Some(dates) = &req.date_any {
        let d = e.date.as_deref().unwrap_or("");
        if d.is_empty() || !dates.iter().any(|p| d.starts_with(p.as_str())) {
            out.push(format!("date {}", e.date.as_deref().unwrap_or("none")));
        }
    }
    if let Some(loc) = &req.location {
        if !e
            .location
            .as_ref()
            .is_some_and(|l| l.name.contains(loc.as_str()))
        {
            out.push(format!(
                "location {}",
                e.location.as_ref().map_or("none", |l| l.name.as_str())
            ));
        }
    }
    if let Some(lc) = &req.location_country {
        if e.location.as_ref().and_then(|l| l.country.as_deref()) != Some(lc.as_str()) {
            out.push("location_country".to_string());
        }
    }
    out
}

/// Scores produced events against the seed's expectations.
pub fn score(expected: &SeedExpected, events: &[Event]) -> Report {
    let mut r = Report {
        required: expected.required_events.len(),
        produced: events.len(),
        ..Report::default()
    };
    for req in &expected.required_events {
        let mut detail = RequiredDetail {
            id: req.id.clone(),
            matched: false,
            event: None,
            preferred_code: false,
            near_misses: Vec::new(),
        };
        for (i, e) in events.iter().enumerate() {
            if evidence_has(e, &req.evidence_any).is_none() {
                continue;
            }
            let failed = failures(e, req);
            if failed.is_empty() {
                detail.matched = true;
                detail.event = Some(i);
                detail.preferred_code =
                    req.preferred_code.as_deref() == Some(e.cameo.code.as_str());
                detail.near_misses.clear();
                break;
            }
            detail
                .near_misses
                .push(format!("event {i}: {}", failed.join(", ")));
        }
        r.matched += usize::from(detail.matched);
        r.details.push(detail);
    }
    for (i, e) in events.iter().enumerate() {
        for f in &expected.forbidden_events {
            if let Some(p) = evidence_has(e, &f.evidence_any) {
                r.forbidden_hits.push(ForbiddenHit {
                    event: i,
                    reason: f.reason.clone(),
                    phrase: p.to_string(),
                });
                break;
            }
        }
    }
    r.forbidden = r.forbidden_hits.len();
    r.recall = crate::petrarch::ratio(r.matched, r.required);
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_doc::{EventActor, Evidence, Location};

    const TINY: &str = r#"{
      "input": {"file": "x.txt", "published": "2023-09-05"},
      "required_events": [
        {"id": "visit", "source": ["RUS"], "target": ["PRK"], "cameo_root": ["04"],
         "preferred_code": "042", "location": "Pyongyang", "date_any": ["2023-07-26", "2023-07"],
         "evidence_any": ["visited Pyongyang"], "either_direction": false},
        {"id": "letters", "source": ["RUS"], "target": ["PRK"], "cameo_root": ["04"],
         "evidence_any": ["swapped letters"], "either_direction": true},
        {"id": "urge", "source": null, "target": ["PRK"], "cameo_root": ["02", "10"],
         "evidence_any": ["urging North Korea \"to cease"]}
      ],
      "forbidden_events": [{"reason": "furniture", "evidence_any": ["ADVERTISEMENT"]}]
    }"#;

    fn ev(src: &str, tgt: &str, code: &str, sentence: &str) -> Event {
        let mut e = Event {
            source: EventActor {
                country: Some(src.into()),
                ..Default::default()
            },
            target: Some(EventActor {
                country: Some(tgt.into()),
                ..Default::default()
            }),
            ..Default::default()
        };
        e.cameo.code = code.into();
        e.cameo.root = code[..2].into();
        e.evidence.push(Evidence {
            sentence: sentence.into(),
            ..Default::default()
        });
        e
    }

    fn expected() -> SeedExpected {
        serde_json::from_str(TINY).unwrap()
    }

    #[test]
    fn seed_all_required_matched() {
        let mut visit = ev("RUS", "PRK", "042", "Shoigu visited Pyongyang in July.");
        visit.date = Some("2023-07".into());
        visit.location = Some(Location {
            name: "Pyongyang".into(),
            ..Default::default()
        });
        let letters = ev("PRK", "RUS", "046", "Kim and Putin swapped letters.");
        let urge = ev(
            "USA",
            "PRK",
            "025",
            "Washington is urging North Korea “to cease its arms talks”.",
        );
        let r = score(&expected(), &[visit, letters, urge]);
        assert_eq!((r.required, r.matched, r.forbidden), (3, 3, 0));
        assert!(r.details[0].preferred_code && !r.details[1].preferred_code);
        assert_eq!(expected().published(), "2023-09-05");
    }

    #[test]
    fn seed_each_check_can_fail() {
        let base = || {
            let mut e = ev("RUS", "PRK", "042", "Shoigu visited Pyongyang in July.");
            e.date = Some("2023-07-26".into());
            e.location = Some(Location {
                name: "Pyongyang, North Korea".into(),
                ..Default::default()
            });
            e
        };
        assert_eq!(score(&expected(), &[base()]).matched, 1);
        let mut wrong_date = base();
        wrong_date.date = Some("2023-09-05".into());
        let mut no_loc = base();
        no_loc.location = None;
        let wrong_root = {
            let mut e = base();
            e.cameo.root = "01".into();
            e
        };
        let reversed = ev("PRK", "RUS", "042", "Shoigu visited Pyongyang.");
        let other_sentence = {
            let mut e = base();
            e.evidence[0].sentence = "Shoigu went there.".into();
            e
        };
        for bad in [wrong_date, no_loc, wrong_root, reversed, other_sentence] {
            let r = score(&expected(), &[bad]);
            assert_eq!(r.matched, 0, "{:?}", r.details[0]);
        }
        let r = score(
            &expected(),
            &[{
                let mut e = base();
                e.cameo.root = "01".into();
                e
            }],
        );
        assert_eq!(r.details[0].near_misses, vec!["event 0: cameo_root 01"]);
    }

    #[test]
    fn seed_forbidden_and_empty() {
        let ad = ev(
            "RUS",
            "UKR",
            "190",
            "ADVERTISEMENT Russia attacked Ukraine.",
        );
        let r = score(&expected(), &[ad]);
        assert_eq!((r.matched, r.forbidden), (0, 1));
        assert_eq!(r.forbidden_hits[0].reason, "furniture");
        let none = score(&expected(), &[]);
        assert_eq!(
            (none.required, none.matched, none.forbidden, none.recall),
            (3, 0, 0, 0.0)
        );
    }
}
