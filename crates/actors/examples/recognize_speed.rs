//! Speed of actor and place recognition on analysed text (one core): tokenises and splits a
//! corpus once, then times only `Recognizer::recognize` over every document.
//!
//! ```text
//! cargo run --release -p sitrep-actors --example recognize_speed -- \
//!     ../shared/data/news/reuters21578/reuters21578.jsonl.gz [max_docs]
//! ```
//! Places resolve through the embedded gazetteer, as in `sitrep actors`. POS tags are not
//! used (the rules then read capitalisation), so the figure excludes tagging.

use sitrep_actors::kb::{Kb, PartialDate};
use sitrep_actors::recognize::{PlaceInfo, Places, Pos, Recognizer, Scratch, Word};
use std::io::{BufRead, BufReader};
use std::time::Instant;

struct Gaz(&'static sitrep_places::Gazetteer);

impl Places for Gaz {
    fn resolve(&self, name: &str, countries: &[String], strict: bool) -> Option<PlaceInfo> {
        let cx = sitrep_places::Context {
            countries_mentioned: countries.to_vec(),
            prefer: sitrep_places::Prefer::Auto,
        };
        let p = self.0.resolve(name, &cx)?;
        let big = p.population.is_some_and(|n| n >= 100_000) || p.feature_code.is_some();
        if strict && p.level == sitrep_places::Level::City && !big {
            return None;
        }
        Some(PlaceInfo {
            name: p.name,
            country: p.country,
            lat: p.lat,
            lon: p.lon,
            level: "city",
            id: p.gazetteer_id,
        })
    }
}

type Analysed = (String, Vec<Word>, Vec<std::ops::Range<usize>>);

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .ok_or("usage: recognize_speed FILE.jsonl.gz [max_docs]")?;
    let max_docs: usize = args.next().map_or(Ok(usize::MAX), |s| s.parse())?;
    let reader = BufReader::new(flate2::read::GzDecoder::new(std::fs::File::open(&path)?));
    let mut docs: Vec<Analysed> = Vec::new();
    for line in reader.lines() {
        let v: serde_json::Value = serde_json::from_str(&line?)?;
        let text = v["text"].as_str().unwrap_or("").to_string();
        if text.trim().is_empty() {
            continue;
        }
        let (tokens, sents) = sitrep_nlp::tokenize::analyse(&text);
        let words = tokens
            .iter()
            .map(|t| Word {
                start: t.start,
                end: t.end,
                pos: Pos::Unknown,
            })
            .collect();
        docs.push((text, words, sents));
        if docs.len() >= max_docs {
            break;
        }
    }
    let kb = Kb::builtin().map_err(|e| e.to_string())?;
    let rec = Recognizer::new(kb);
    let gaz = Gaz(sitrep_places::Gazetteer::builtin());
    let date = PartialDate::ymd(1987, 6, 1);
    let mut scratch = Scratch::default();
    let (sentences, words): (usize, usize) = docs
        .iter()
        .fold((0, 0), |(s, w), d| (s + d.2.len(), w + d.1.len()));
    // One warm-up pass (page faults, lazy tables), then the timed pass.
    for (t, w, s) in docs.iter().take(200) {
        rec.recognize(t, w, s, date, &gaz, &mut scratch);
    }
    let start = Instant::now();
    let mut mentions = 0;
    for (t, w, s) in &docs {
        mentions += rec.recognize(t, w, s, date, &gaz, &mut scratch).len();
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{} docs, {sentences} sentences, {words} words, {mentions} mentions in {secs:.2} s: \
         {:.0} sentences/s, {:.0} words/s",
        docs.len(),
        sentences as f64 / secs,
        words as f64 / secs
    );
    Ok(())
}
