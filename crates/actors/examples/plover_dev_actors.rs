//! Which gold actors of the PLOVER gold-standard records' **dev** half the recogniser misses:
//! for every gold actor (its `actorText`), the mentions that overlap that text in the
//! sentence, and whether one of them has the gold country. Prints the misses and a count.
//!
//! ```text
//! cargo run -p sitrep-actors --example plover_dev_actors -- \
//!     ../shared/data/plover/gold_standard_records/PLOVER_GSR_CAMEO.txt
//! ```
//! The split is the one `sitrep-eval` fixes (`plover::split`): within each gold event type,
//! records in id order alternate dev, test; only the dev records are read here. Roles are read
//! at 2026-11, the date the pipeline uses for an undated text. This scores recognition only
//! (is the actor found with its country?), not which actor the event coder picks.

use sitrep_actors::kb::{Kb, PartialDate};
use sitrep_actors::recognize::{Mention, Recognizer, Scratch};
use std::collections::BTreeMap;

#[path = "../tests/gaz.rs"]
mod gaz;
use gaz::Gaz;

#[path = "shared/tagged.rs"]
mod tagged;

/// One dev record: id, sentence, gold actors as (text, code).
type Rec = (String, String, Vec<(String, String)>);

fn dev_records(path: &str) -> Result<Vec<Rec>, Box<dyn std::error::Error>> {
    let all: Vec<serde_json::Value> = serde_json::from_str(&std::fs::read_to_string(path)?)?;
    let mut by_type: BTreeMap<String, Vec<Rec>> = BTreeMap::new();
    for v in &all {
        let s = |k: &str| v.get(k).and_then(|x| x.as_str()).unwrap_or("").to_string();
        let event = s("event");
        if event == "DOCUMENT" || event.is_empty() {
            continue;
        }
        let mut gold = Vec::new();
        for side in ["source", "target"] {
            if let Some(serde_json::Value::Array(items)) = v.get(side) {
                for a in items {
                    let text = a.get("actorText").and_then(|x| x.as_str()).unwrap_or("");
                    let code = a.get("code").and_then(|x| x.as_str()).unwrap_or("");
                    gold.push((text.to_string(), code.trim().to_ascii_uppercase()));
                }
            }
        }
        by_type
            .entry(event)
            .or_default()
            .push((s("id"), s("text"), gold));
    }
    let mut dev = Vec::new();
    for (_, mut recs) in by_type {
        recs.sort_by(|a, b| a.0.cmp(&b.0));
        dev.extend(recs.into_iter().step_by(2));
    }
    Ok(dev)
}

/// The gold file's misspelt codes, corrected as the scorer corrects them.
fn canonical(code: &str) -> &str {
    match code {
        "JAP" => "JPN",
        "ITL" => "ITA",
        "VTN" => "VNM",
        c => c,
    }
}

fn describe(m: &Mention) -> String {
    format!(
        "{:?} {} [{}] plover={}",
        m.text,
        m.kind.as_str(),
        m.code.as_deref().unwrap_or("-"),
        m.plover_sector.as_deref().unwrap_or("-")
    )
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: plover_dev_actors PLOVER_GSR_CAMEO.txt")?;
    let model = sitrep_nlp::Model::embedded().map_err(|e| e.to_string())?;
    let kb = Kb::builtin().map_err(|e| e.to_string())?;
    let rec = Recognizer::new(kb);
    let gaz = Gaz(sitrep_places::Gazetteer::builtin());
    let mut scratch = Scratch::default();
    let mut tagging = tagged::Tagging::default();
    let date = PartialDate {
        year: 2026,
        month: Some(11),
        day: None,
    };
    let (mut total, mut right, mut generic) = (0usize, 0usize, 0usize);
    for (id, text, gold) in dev_records(&path)? {
        let (words, sents) = tagging.words(&text, Some(&model));
        let mentions = rec.recognize(&text, &words, &sents, date, &gaz, &mut scratch);
        for (gtext, gcode) in &gold {
            let gcode = canonical(gcode);
            // Generic codes (IGO, NGO, IMG ...) are not countries: the scorer leaves them out.
            if ["IGO", "NGO", "IMG", "ISM", "MNC"]
                .iter()
                .any(|g| gcode.starts_with(g))
                || gcode.is_empty()
            {
                generic += 1;
                continue;
            }
            total += 1;
            let span = (!gtext.is_empty())
                .then(|| text.find(gtext.as_str()))
                .flatten()
                .map(|s| (s, s + gtext.len()));
            let near: Vec<&Mention> = mentions
                .iter()
                .filter(|m| span.is_some_and(|(s, e)| m.start < e && s < m.end))
                .collect();
            let country = |m: &Mention| {
                let mut c = m.country.clone();
                // Follow a coreference link to the antecedent's country.
                if let Some(i) = m.resolved_from {
                    c = c.or_else(|| mentions.get(i).and_then(|a| a.country.clone()));
                }
                c
            };
            if near.iter().any(|m| country(m).as_deref() == Some(gcode)) {
                right += 1;
                continue;
            }
            let found: Vec<String> = near.iter().map(|m| describe(m)).collect();
            println!("MISS {id}  gold {gtext:?} {gcode}  found {found:?}");
            println!("     {text}");
        }
    }
    println!(
        "PLOVER dev gold actors with a country: {total}; found with that country {right} = {:.3} \
         (generic or empty codes left out: {generic})",
        right as f64 / total.max(1) as f64
    );
    Ok(())
}
