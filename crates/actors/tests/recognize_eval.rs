//! Accuracy of actor recognition on Reuters-21578, read in place from `../shared` (`places`
//! index terms as weak gold for the countries an article is about). NGEC's actor-resolution
//! tests are in `ngec_eval.rs`.
//!
//! Run with `cargo test -p sitrep-actors --test tests recognize_eval -- --nocapture` to see
//! the figures. The thresholds below are the measured values rounded down, so a regression
//! fails the test.

use crate::common::shared_dir;
pub use crate::gaz::Gaz;
use crate::recognize::words;
use sitrep_actors::kb::{Entry, Kb, PartialDate};
use sitrep_actors::recognize::{Recognizer, Scratch};
use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};

/// Reuters `places` terms are lower-case country names with hyphens ("west-germany"); the
/// KB decodes most. These name states that no longer exist, or use a Reuters spelling.
fn reuters_alias(label: &str) -> Option<&'static str> {
    Some(match label {
        "ussr" => "RUS",
        "west-germany" | "east-germany" => "DEU",
        "uk" => "GBR",
        "usa" => "USA",
        "czechoslovakia" => "CZE",
        "yugoslavia" => "SRB",
        "zaire" => "COD",
        "burma" => "MMR",
        _ => return None,
    })
}

#[test]
fn recognize_eval_reuters_countries() {
    let Some(shared) = shared_dir("recognize_eval_reuters_countries") else {
        return;
    };
    let path = shared.join("data/news/reuters21578/reuters21578.jsonl.gz");
    let file = std::fs::File::open(&path).expect("open Reuters");
    let reader = BufReader::new(flate2::read::GzDecoder::new(file));
    let kb = Kb::builtin().unwrap();
    let rec = Recognizer::new(kb);
    let gaz = Gaz(sitrep_places::Gazetteer::builtin());
    let mut scratch = Scratch::default();
    // Countries found but not labelled, for SITREP_SHOW_MISSES (weak gold: many are right).
    let mut spurious = std::collections::BTreeMap::<String, usize>::new();
    let mut spurious_text = std::collections::BTreeMap::<String, usize>::new();
    // Per Lewis split: [docs, gold, found, hit, undecodable labels]
    let mut tallies = std::collections::BTreeMap::<String, [usize; 5]>::new();
    for line in reader.lines() {
        let line = line.expect("read line");
        let v: serde_json::Value = serde_json::from_str(&line).expect("JSON line");
        let body = v["text"].as_str().unwrap_or("");
        let labels: Vec<&str> = v["places"]
            .as_array()
            .map(|a| a.iter().filter_map(|x| x.as_str()).collect())
            .unwrap_or_default();
        if body.trim().is_empty() || labels.is_empty() {
            continue;
        }
        let split = v["lewissplit"].as_str().unwrap_or("?").to_string();
        let t = tallies.entry(split).or_default();
        let mut gold = BTreeSet::new();
        for l in &labels {
            let decoded = reuters_alias(l).map(str::to_string).or_else(|| {
                kb.lookup(&l.replace('-', " "))
                    .iter()
                    .find_map(|e| match e {
                        Entry::Country { index, .. } => Some(kb.countries()[*index].code.clone()),
                        _ => None,
                    })
            });
            match decoded {
                Some(c) => {
                    gold.insert(c);
                }
                None => t[4] += 1,
            }
        }
        if gold.is_empty() {
            continue;
        }
        // The dateline ("SALVADOR, Feb 26 -") opens the story on the wire; the dataset
        // keeps it in its own field.
        let dateline = v["dateline"].as_str().unwrap_or("");
        let text = format!("{dateline}\n{body}");
        let date = v["date"]
            .as_str()
            .and_then(|d| PartialDate::parse(d.get(..10)?))
            .unwrap_or(PartialDate::ymd(1987, 6, 1));
        let (w, s) = words(&text);
        let ms = rec.recognize(&text, &w, &s, date, &gaz, &mut scratch);
        let found: BTreeSet<String> = ms
            .iter()
            .filter_map(|m| m.country.clone())
            .filter(|c| kb.country(c).is_some())
            .map(|c| match kb.country(&c).and_then(|k| k.parent.clone()) {
                Some(parent) => parent,
                None => c,
            })
            .collect();
        for c in found.difference(&gold) {
            *spurious.entry(c.clone()).or_default() += 1;
        }
        for m in &ms {
            if let Some(c) = m.country.as_ref().filter(|c| !gold.contains(*c)) {
                if kb.country(c).is_some() {
                    *spurious_text
                        .entry(format!("{c} {} ({})", m.text, m.rule))
                        .or_default() += 1;
                }
            }
        }
        t[0] += 1;
        t[1] += gold.len();
        t[2] += found.len();
        t[3] += gold.intersection(&found).count();
    }
    let mut all = [0usize; 5];
    for (split, t) in &tallies {
        println!(
            "Reuters {split}: {} docs, recall {}/{} = {:.3}, precision {}/{} = {:.3}, undecodable labels {}",
            t[0], t[3], t[1], t[3] as f64 / t[1].max(1) as f64, t[3], t[2], t[3] as f64 / t[2].max(1) as f64, t[4]
        );
        for k in 0..5 {
            all[k] += t[k];
        }
    }
    if std::env::var_os("SITREP_SHOW_MISSES").is_some() {
        let mut top: Vec<_> = spurious.iter().collect();
        top.sort_by(|a, b| b.1.cmp(a.1));
        println!(
            "Reuters countries found but not labelled (top 25): {:?}",
            &top[..top.len().min(25)]
        );
        let mut top: Vec<_> = spurious_text.iter().collect();
        top.sort_by(|a, b| b.1.cmp(a.1));
        for (t, n) in top.iter().take(60) {
            println!("  {n} {t}");
        }
    }
    let recall = all[3] as f64 / all[1].max(1) as f64;
    let precision = all[3] as f64 / all[2].max(1) as f64;
    println!(
        "Reuters all: {} docs, recall {recall:.3}, precision {precision:.3}",
        all[0]
    );
    assert!(all[0] > 10_000, "too few documents: {}", all[0]);
    assert!(recall >= REUTERS_RECALL_FLOOR, "recall {recall:.3}");
    assert!(
        precision >= REUTERS_PRECISION_FLOOR,
        "precision {precision:.3}"
    );
}

/// The bar; measured 0.887 (19894/22424).
const REUTERS_RECALL_FLOOR: f64 = 0.85;
/// Measured 0.679 (19894/29283).
const REUTERS_PRECISION_FLOOR: f64 = 0.67;
