//! The event coder's evaluation in one report: PETRARCH-2 unit suite, TABARI validation
//! suite, PLOVER gold records and the seed article. The coders are callbacks, so this module
//! does not depend on the event coder; the CLI (`sitrep eval events`) wires them.
//!
//! The JSON shape is the issue's: `{"petrarch": {"records", "exact"}, "tabari": {"precision",
//! "recall"}, "plover": {"event_type_accuracy", "actor_country_f1"}, "seed": {"required",
//! "matched", "forbidden"}}`, each with more keys (per category, per type, failures).

use crate::petrarch::Triple;
use crate::{petrarch, plover, seed, tabari, Result};
use serde::Serialize;
use sitrep_doc::Event;
use std::path::Path;

/// PLOVER scores on the whole file and on the fixed dev/test halves.
#[derive(Debug, Clone, Serialize)]
pub struct PloverSection {
    /// Whole-file event-type accuracy.
    pub event_type_accuracy: f64,
    /// Whole-file actor-country F1.
    pub actor_country_f1: f64,
    /// The whole-file report.
    pub all: plover::Report,
    /// Event-type accuracy on the dev half (for tuning).
    pub dev_event_type_accuracy: f64,
    /// Event-type accuracy on the held-out test half.
    pub test_event_type_accuracy: f64,
    /// Actor-country F1 on the dev half.
    pub dev_actor_country_f1: f64,
    /// Actor-country F1 on the held-out test half.
    pub test_actor_country_f1: f64,
    /// Records of the dev half that got no event.
    pub dev_no_event: usize,
    /// Records of the test half that got no event.
    pub test_no_event: usize,
}

/// The combined report; a suite is None when it was not run.
#[derive(Debug, Clone, Default, Serialize)]
pub struct EventSuites {
    /// PETRARCH-2 unit suite.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub petrarch: Option<petrarch::Report>,
    /// TABARI validation suite.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tabari: Option<tabari::Report>,
    /// PLOVER gold records.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plover: Option<PloverSection>,
    /// The seed article.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seed: Option<seed::Report>,
}

/// Codes a PETRARCH record.
pub type PetrarchCoder<'a> = &'a dyn Fn(&petrarch::Record) -> Vec<Triple>;
/// Codes a TABARI record.
pub type TabariCoder<'a> = &'a dyn Fn(&tabari::Record) -> Vec<Triple>;
/// Codes a text (a PLOVER sentence).
pub type TextCoder<'a> = &'a dyn Fn(&str) -> Vec<Event>;
/// Codes an article: (raw text, publication date `YYYY-MM-DD`).
pub type ArticleCoder<'a> = &'a dyn Fn(&str, &str) -> Vec<Event>;

/// The coders to evaluate; leave one None to skip its suite.
#[derive(Default)]
pub struct Coders<'a> {
    /// Codes a PETRARCH record (dictionaries: the suite's PETR.Validate.* files).
    pub petrarch: Option<PetrarchCoder<'a>>,
    /// Codes a TABARI record (dictionaries: TABARI.Demo.*).
    pub tabari: Option<TabariCoder<'a>>,
    /// Codes a PLOVER gold sentence (the project's own dictionaries).
    pub plover: Option<TextCoder<'a>>,
    /// Codes the seed article (raw text and publication date).
    pub seed: Option<ArticleCoder<'a>>,
}

/// Runs the suites whose coder is given, reading the data in place under `shared`.
pub fn run(shared: &Path, coders: &Coders<'_>) -> Result<EventSuites> {
    let mut out = EventSuites::default();
    if let Some(c) = coders.petrarch {
        let suite = petrarch::load(shared)?;
        out.petrarch = Some(petrarch::score(&suite, c));
    }
    if let Some(c) = coders.tabari {
        let recs = tabari::load(shared)?;
        out.tabari = Some(tabari::score(&recs, c));
    }
    if let Some(c) = coders.plover {
        let recs = plover::load(shared)?;
        let all = plover::score(&recs, c);
        let (dev, test) = plover::split(&recs);
        let (dev, test) = (plover::score(&dev, c), plover::score(&test, c));
        out.plover = Some(PloverSection {
            event_type_accuracy: all.event_type_accuracy,
            actor_country_f1: all.actor_country_f1,
            dev_event_type_accuracy: dev.event_type_accuracy,
            test_event_type_accuracy: test.event_type_accuracy,
            dev_actor_country_f1: dev.actor_country_f1,
            test_actor_country_f1: test.actor_country_f1,
            dev_no_event: dev.no_event,
            test_no_event: test.no_event,
            all,
        });
    }
    if let Some(c) = coders.seed {
        let expected = seed::load(shared)?;
        let article = seed::load_article(shared, &expected)?;
        let events = c(&article, expected.published());
        out.seed = Some(seed::score(&expected, &events));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_score_json_has_the_issue_keys() {
        let suites = EventSuites {
            petrarch: Some(petrarch::Report {
                records: 2,
                exact: 1,
                ..Default::default()
            }),
            tabari: Some(tabari::Report {
                precision: 0.5,
                recall: 0.25,
                ..Default::default()
            }),
            plover: Some(PloverSection {
                event_type_accuracy: 0.5,
                actor_country_f1: 0.4,
                all: plover::Report::default(),
                dev_event_type_accuracy: 0.5,
                test_event_type_accuracy: 0.5,
                dev_actor_country_f1: 0.3,
                test_actor_country_f1: 0.2,
                dev_no_event: 1,
                test_no_event: 2,
            }),
            seed: Some(seed::Report {
                required: 6,
                matched: 2,
                ..Default::default()
            }),
        };
        let v = serde_json::to_value(&suites).unwrap();
        assert_eq!(v["petrarch"]["records"], 2);
        assert_eq!(v["petrarch"]["exact"], 1);
        assert_eq!(v["tabari"]["precision"], 0.5);
        assert_eq!(v["tabari"]["recall"], 0.25);
        assert_eq!(v["plover"]["event_type_accuracy"], 0.5);
        assert_eq!(v["plover"]["actor_country_f1"], 0.4);
        assert_eq!(v["plover"]["test_actor_country_f1"], 0.2);
        assert_eq!(v["seed"]["required"], 6);
        assert_eq!(v["seed"]["matched"], 2);
        assert_eq!(v["seed"]["forbidden"], 0);
        let none = serde_json::to_value(EventSuites::default()).unwrap();
        assert_eq!(none, serde_json::json!({}));
    }
}
