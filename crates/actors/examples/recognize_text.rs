//! Prints what the recogniser finds in each line of standard input (one article a line),
//! tagged with the embedded model and read at a date: for looking at a sentence by hand.
//!
//! ```text
//! echo "Germany's Siemens signed a deal." | \
//!     cargo run -p sitrep-actors --example recognize_text -- 2017-02-24
//! ```

use sitrep_actors::kb::{Kb, PartialDate};
use sitrep_actors::recognize::{Recognizer, Scratch};
use std::io::BufRead;

#[path = "../tests/gaz.rs"]
mod gaz;
use gaz::Gaz;

#[path = "shared/tagged.rs"]
mod tagged;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let date = std::env::args()
        .nth(1)
        .and_then(|d| PartialDate::parse(&d))
        .unwrap_or(PartialDate::ymd(2026, 11, 1));
    // SITREP_NO_TAG=1 reads the words untagged (as the tests do, or when the embedded model
    // does not match the tagger code being worked on).
    let model = match std::env::var_os("SITREP_NO_TAG") {
        Some(_) => None,
        None => Some(sitrep_nlp::Model::embedded().map_err(|e| e.to_string())?),
    };
    let kb = Kb::builtin().map_err(|e| e.to_string())?;
    let rec = Recognizer::new(kb);
    let gaz = Gaz(sitrep_places::Gazetteer::builtin());
    let mut scratch = Scratch::default();
    let mut tagging = tagged::Tagging::default();
    for line in std::io::stdin().lock().lines() {
        let text = line?;
        let (words, sents) = tagging.words(&text, model.as_ref());
        println!("{text}");
        // SITREP_POS=1 also prints each word's tag, to see why a rule keyed on POS did not fire.
        if std::env::var_os("SITREP_POS").is_some() {
            let tags: Vec<String> = words
                .iter()
                .map(|w| format!("{}/{:?}", &text[w.start as usize..w.end as usize], w.pos))
                .collect();
            println!("  {}", tags.join(" "));
        }
        for (i, m) in rec
            .recognize(&text, &words, &sents, date, &gaz, &mut scratch)
            .iter()
            .enumerate()
        {
            println!(
                "  {i:>2} {:?} {} [{}] plover={} rule={} from={:?}",
                m.text,
                m.kind.as_str(),
                m.code.as_deref().unwrap_or("-"),
                m.plover_sector.as_deref().unwrap_or("-"),
                m.rule,
                m.resolved_from
            );
        }
    }
    Ok(())
}
