//! The PLOVER gold-standard records (`data/plover/gold_standard_records/PLOVER_GSR_CAMEO.txt`):
//! loader, the old-to-current category remap, and two scorers over a text coder.
//!
//! Caveats from the data's PROVENANCE.md: the GSR was coded in PLOVER 0.5b1/0.6 (2016), from
//! edited CAMEO-manual example sentences, before the category renames. [`current_type`] maps
//! the old names with PLOVER's own CAMEO-to-PLOVER table (PLOVER_MANUAL.tex, "CAMEO to PLOVER
//! translation"): DEMAND -> REQUEST (CAMEO 10), DISAPPROVE -> ACCUSE (11), INVESTIGATE ->
//! ACCUSE (09), FIGHT -> ASSAULT (19); the other 14 names are unchanged. Produced types go
//! through the same map, so a coder may emit either vocabulary.
//!
//! Scoring choices:
//! - The *top* produced event is the one with the highest confidence, the first on ties; no
//!   event at all counts as wrong.
//! - Actor countries are compared as (role, code) pairs, micro-averaged over records; the
//!   coder's dyad rows from the top event's trigger count as that one event (PLOVER codes a
//!   compound actor as one event with a list of actors). When the
//!   markup codes the actors as reciprocal (`SRC/TAR`), roles are ignored for that record.
//!   Generic non-state codes (IGO, NGO, IMG, ISM, MNC) are not countries and are left out on
//!   both sides; three misspelt gold codes are corrected (JAP -> JPN, ITL -> ITA, VTN -> VNM).
//! - The file is not split upstream; [`split`] gives a fixed dev/test split (alternating
//!   records within each event type, in id order) for anyone tuning on it.

use crate::petrarch::ratio;
use crate::{Error, Result};
use serde::Serialize;
use serde_json::Value;
use sitrep_doc::Event;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The gold file, relative to the shared folder.
pub const RELATIVE_PATH: &str = "data/plover/gold_standard_records/PLOVER_GSR_CAMEO.txt";

/// One gold actor.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GoldActor {
    /// The actor as written.
    pub text: String,
    /// Its code as given (country, IGO, ...).
    pub code: String,
    /// Its sector, when given.
    pub sector: Option<String>,
}

/// One coded sentence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Record {
    /// "PLOVER-GSR01-AGREE-0001".
    pub id: String,
    /// The sentence.
    pub text: String,
    /// The event type as coded (2016 names).
    pub event: String,
    /// The event type in current PLOVER names.
    pub event_current: String,
    /// Mode, when given and not empty.
    pub mode: Option<String>,
    /// Source actors.
    pub source: Vec<GoldActor>,
    /// Target actors.
    pub target: Vec<GoldActor>,
    /// The markup codes the actors as reciprocal (`SRC/TAR`).
    pub reciprocal: bool,
}

/// Current PLOVER name of an event type (see the module docs); other names pass unchanged.
pub fn current_type(name: &str) -> &str {
    match name {
        "DEMAND" => "REQUEST",
        "DISAPPROVE" | "INVESTIGATE" => "ACCUSE",
        "FIGHT" => "ASSAULT",
        other => other,
    }
}

/// Loads the gold records (the DOCUMENT header entry is skipped).
pub fn load(shared: &Path) -> Result<Vec<Record>> {
    load_file(&shared.join(RELATIVE_PATH))
}

/// Loads a GSR file.
pub fn load_file(path: &Path) -> Result<Vec<Record>> {
    let raw = std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    parse(&raw).map_err(|detail| Error::Format {
        path: path.to_path_buf(),
        detail,
    })
}

fn actors(v: Option<&Value>) -> Vec<GoldActor> {
    // Some records give "" or a stray string instead of a list: no actor.
    let Some(Value::Array(items)) = v else {
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|a| {
            let code = a.get("code")?.as_str()?.trim().to_string();
            Some(GoldActor {
                text: a
                    .get("actorText")
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_string(),
                code,
                sector: a.get("sector").and_then(Value::as_str).map(String::from),
            })
        })
        .collect()
}

fn parse(raw: &str) -> std::result::Result<Vec<Record>, String> {
    let all: Vec<Value> = serde_json::from_str(raw).map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    for v in &all {
        let s = |k: &str| v.get(k).and_then(Value::as_str).map(str::to_string);
        let event = s("event").ok_or("record without event")?;
        if event == "DOCUMENT" {
            continue;
        }
        let id = s("id").ok_or("record without id")?;
        let text = s("text").ok_or_else(|| format!("{id}: no text"))?;
        // textInfo is usually {"markup": ..} but once a bare string.
        let markup = match v.get("textInfo") {
            Some(Value::String(m)) => m.clone(),
            Some(o) => o
                .get("markup")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string(),
            None => String::new(),
        };
        out.push(Record {
            event_current: current_type(&event).to_string(),
            event,
            mode: s("mode").filter(|m| !m.is_empty()),
            source: actors(v.get("source")),
            target: actors(v.get("target")),
            reciprocal: markup.contains("SRC/TAR"),
            id,
            text,
        });
    }
    Ok(out)
}

/// A country code for scoring, or None for a generic non-state code.
fn country(code: &str) -> Option<String> {
    let c = code.trim().to_ascii_uppercase();
    let c = match c.as_str() {
        "JAP" => "JPN".to_string(),
        "ITL" => "ITA".to_string(),
        "VTN" => "VNM".to_string(),
        _ => c,
    };
    let generic = ["IGO", "NGO", "IMG", "ISM", "MNC"]
        .iter()
        .any(|g| c.starts_with(g));
    (!c.is_empty() && !generic).then_some(c)
}

/// The event a record is scored on: the highest confidence, the first on ties.
pub fn top(events: &[Event]) -> Option<&Event> {
    events
        .iter()
        .enumerate()
        .max_by(|(ia, a), (ib, b)| a.confidence.total_cmp(&b.confidence).then(ib.cmp(ia)))
        .map(|(_, e)| e)
}

fn gold_pairs(r: &Record) -> BTreeSet<(&'static str, String)> {
    let role = |r0: &'static str| if r.reciprocal { "any" } else { r0 };
    let src = r
        .source
        .iter()
        .filter_map(|a| country(&a.code))
        .map(|c| (role("source"), c));
    let tgt = r
        .target
        .iter()
        .filter_map(|a| country(&a.code))
        .map(|c| (role("target"), c));
    src.chain(tgt).collect()
}

/// What makes rows one PLOVER event: the same code from the same trigger, rule and sentence.
/// A row without evidence is an event of its own.
fn event_key(e: &Event) -> Option<(&str, &str, u32, &str, &str)> {
    let v = e.evidence.first()?;
    Some((
        e.cameo.code.as_str(),
        e.plover.event_type.as_str(),
        v.sentence_index,
        v.trigger.as_str(),
        v.rule.as_str(),
    ))
}

/// The (role, country) pairs of the top event. A compound actor ("Iraq and Libya") comes out
/// of the coder as one dyad row per member, while PLOVER codes it as one event whose actor and
/// recipient are lists (PLOVER_MANUAL.tex, "compound entities generate a single actor or
/// recipient, but with multiple members"): the rows of the top event's trigger are one event.
fn produced_pairs(
    r: &Record,
    events: &[Event],
    e: Option<&Event>,
) -> BTreeSet<(&'static str, String)> {
    let role = |r0: &'static str| if r.reciprocal { "any" } else { r0 };
    let Some(e) = e else { return BTreeSet::new() };
    let key = event_key(e);
    let same = |x: &Event| match key {
        Some(k) => event_key(x) == Some(k),
        None => std::ptr::eq(x, e),
    };
    let mut out = BTreeSet::new();
    for row in events.iter().filter(|x| same(x)) {
        if let Some(c) = row.source.country.as_deref().and_then(country) {
            out.insert((role("source"), c));
        }
        let tgt = row.target.as_ref().and_then(|t| t.country.as_deref());
        if let Some(c) = tgt.and_then(country) {
            out.insert((role("target"), c));
        }
    }
    out
}

/// Counts for one gold event type.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct TypeScore {
    /// Records of the type (current name).
    pub records: usize,
    /// Records whose top event has the type.
    pub correct: usize,
}

/// The scores.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Report {
    /// Records scored.
    pub records: usize,
    /// Records whose top produced event has the gold type (current names).
    pub event_type_correct: usize,
    /// event_type_correct / records.
    pub event_type_accuracy: f64,
    /// Micro-averaged F1 of (role, country) pairs of the top event.
    pub actor_country_f1: f64,
    /// Micro precision of the pairs.
    pub actor_country_precision: f64,
    /// Micro recall of the pairs.
    pub actor_country_recall: f64,
    /// Records where the coder produced no event.
    pub no_event: usize,
    /// Per gold type (current names).
    pub per_type: BTreeMap<String, TypeScore>,
}

/// Scores a text coder on `records`.
pub fn score<F: Fn(&str) -> Vec<Event>>(records: &[Record], coder: F) -> Report {
    let mut r = Report::default();
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    for rec in records {
        let events = coder(&rec.text);
        let best = top(&events);
        let ok = best.is_some_and(|e| current_type(&e.plover.event_type) == rec.event_current);
        r.records += 1;
        r.no_event += usize::from(best.is_none());
        let t = r.per_type.entry(rec.event_current.clone()).or_default();
        t.records += 1;
        if ok {
            r.event_type_correct += 1;
            t.correct += 1;
        }
        let gold = gold_pairs(rec);
        let got = produced_pairs(rec, &events, best);
        let hit = got.intersection(&gold).count();
        tp += hit;
        fp += got.len() - hit;
        fn_ += gold.len() - hit;
    }
    r.event_type_accuracy = ratio(r.event_type_correct, r.records);
    r.actor_country_precision = ratio(tp, tp + fp);
    r.actor_country_recall = ratio(tp, tp + fn_);
    let (p, q) = (r.actor_country_precision, r.actor_country_recall);
    r.actor_country_f1 = if p + q > 0.0 {
        2.0 * p * q / (p + q)
    } else {
        0.0
    };
    r
}

/// A fixed dev/test split: within each gold type, records in id order alternate dev, test.
pub fn split(records: &[Record]) -> (Vec<Record>, Vec<Record>) {
    let mut by_type: BTreeMap<&str, Vec<&Record>> = BTreeMap::new();
    for r in records {
        by_type.entry(r.event.as_str()).or_default().push(r);
    }
    let (mut dev, mut test) = (Vec::new(), Vec::new());
    for (_, mut recs) in by_type {
        recs.sort_by(|a, b| a.id.cmp(&b.id));
        for (i, r) in recs.into_iter().enumerate() {
            if i % 2 == 0 {
                dev.push(r.clone())
            } else {
                test.push(r.clone())
            }
        }
    }
    (dev, test)
}

/// Builds an event with the fields the scorers read; for tests and adapters.
pub fn event_for(
    event_type: &str,
    source: Option<&str>,
    target: Option<&str>,
    confidence: f32,
) -> Event {
    let mut e = Event {
        confidence,
        ..Event::default()
    };
    e.plover.event_type = event_type.to_string();
    e.source.country = source.map(String::from);
    e.target = target.map(|t| sitrep_doc::EventActor {
        country: Some(t.to_string()),
        ..Default::default()
    });
    e
}

#[cfg(test)]
mod tests {
    use super::*;

    const TINY: &str = r#"[
 {"id": "DOC", "event": "DOCUMENT", "eventText": "x"},
 {"id": "G-AGREE-1", "event": "AGREE", "text": "Hungary and Romania agreed.",
  "source": [{"actorText": "Hungarian", "code": "HUN", "sector": "GOV"}, {"actorText": "Romanian", "code": "ROU"}],
  "textInfo": {"markup": "(SRC/TAR: Hungarian) and (SRC/TAR: Romanian) agreed"}},
 {"id": "G-DEMAND-1", "event": "DEMAND", "text": "The UN asked Japan.", "mode": "",
  "source": [{"actorText": "UN", "code": "IGO"}], "target": [{"actorText": "Tokyo", "code": "JAP"}],
  "textInfo": "(SRC: UN) asked (TAR: Japan)"},
 {"id": "G-FIGHT-1", "event": "FIGHT", "text": "Troops shelled the town.", "target": "",
  "source": [{"actorText": "troops", "code": "SRB", "sector": "MIL"}]}
]"#;

    #[test]
    fn plover_loader_and_remap() {
        let recs = parse(TINY).unwrap();
        assert_eq!(recs.len(), 3);
        assert!(recs[0].reciprocal && recs[0].target.is_empty());
        assert_eq!(recs[1].event_current, "REQUEST");
        assert_eq!(recs[1].mode, None);
        assert_eq!(recs[2].event_current, "ASSAULT");
        assert!(recs[2].target.is_empty());
        assert_eq!(current_type("INVESTIGATE"), "ACCUSE");
        assert_eq!(current_type("DISAPPROVE"), "ACCUSE");
        assert_eq!(current_type("AGREE"), "AGREE");
        assert!(parse("{}").is_err());
    }

    #[test]
    fn plover_perfect_and_empty_coders() {
        let recs = parse(TINY).unwrap();
        let by_text: BTreeMap<String, Record> =
            recs.iter().map(|r| (r.text.clone(), r.clone())).collect();
        let perfect = score(&recs, |text| {
            let r = &by_text[text];
            let src = r.source.first().map(|a| a.code.as_str());
            let tgt = if r.reciprocal {
                r.source.get(1)
            } else {
                r.target.first()
            }
            .map(|a| a.code.as_str());
            vec![event_for(&r.event, src, tgt, 0.9)]
        });
        assert_eq!(perfect.event_type_accuracy, 1.0);
        assert_eq!(perfect.actor_country_f1, 1.0);
        let empty = score(&recs, |_| vec![]);
        assert_eq!(
            (
                empty.event_type_accuracy,
                empty.actor_country_f1,
                empty.no_event
            ),
            (0.0, 0.0, 3)
        );
    }

    #[test]
    fn plover_top_event_and_roles() {
        let recs = parse(TINY).unwrap();
        // The higher-confidence event decides; its wrong target direction costs recall.
        let r = score(&recs[2..], |_| {
            vec![
                event_for("AGREE", None, None, 0.2),
                event_for("ASSAULT", Some("TUR"), Some("SRB"), 0.8),
            ]
        });
        assert_eq!(r.event_type_correct, 1);
        assert_eq!(
            (r.actor_country_precision, r.actor_country_recall),
            (0.0, 0.0)
        );
        let r = score(&recs[1..2], |_| {
            vec![event_for("REQUEST", Some("UNO"), Some("JPN"), 0.5)]
        });
        assert_eq!(
            (
                r.event_type_correct,
                r.actor_country_precision,
                r.actor_country_recall
            ),
            (1, 0.5, 1.0)
        );
    }

    #[test]
    fn plover_dyad_rows_of_one_trigger_are_one_event() {
        let recs = parse(TINY).unwrap();
        let with_evidence = |src: &str, tgt: &str, trigger: &str| {
            let mut e = event_for("REQUEST", Some(src), Some(tgt), 0.5);
            e.cameo.code = "020".into();
            e.evidence.push(sitrep_doc::Evidence {
                trigger: trigger.into(),
                rule: "appeal.ask".into(),
                ..Default::default()
            });
            e
        };
        // "The UN asked Japan and Korea": two rows of one event; the JPN target counts.
        let r = score(&recs[1..2], |_| {
            vec![
                with_evidence("UNO", "KOR", "asked"),
                with_evidence("UNO", "JPN", "asked"),
            ]
        });
        assert_eq!(r.actor_country_recall, 1.0);
        // A row from another trigger is another event and does not count.
        let r = score(&recs[1..2], |_| {
            vec![
                with_evidence("UNO", "KOR", "asked"),
                with_evidence("UNO", "JPN", "urged"),
            ]
        });
        assert_eq!(r.actor_country_recall, 0.0);
    }

    #[test]
    fn plover_split_is_stratified_and_complete() {
        let recs = parse(TINY).unwrap();
        let (dev, test) = split(&recs);
        assert_eq!(dev.len() + test.len(), recs.len());
        assert_eq!(dev.len(), 3); // one record per type: each goes to dev
    }
}
