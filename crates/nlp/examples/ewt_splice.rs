//! Developer tool: `cargo run --release -p sitrep-nlp --example ewt_splice -- NEW OLD OUT`
//! writes NEW's tagger and lexicon with OLD's parser. OLD may be an older format (2 or 3, one
//! tagger direction) and its header's template hash is overwritten with this build's, so a
//! parser whose templates did not change can be read even when the tagger's did; OLD's tagger
//! is dropped.
//! The parser ignores the lexicon (only the tagger reads ambiguity classes), so the result
//! is consistent. Used to measure how much of a retrain's change downstream comes from the
//! parser being retrained rather than from the tagger.

use sitrep_nlp::model::template_hash;
use sitrep_nlp::Model;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let a: Vec<String> = std::env::args().skip(1).collect();
    if a.len() < 3 {
        return Err("usage: NEW OLD OUT".into());
    }
    let new = Model::from_bytes(&std::fs::read(&a[0])?)?;
    let mut old_bytes = std::fs::read(&a[1])?;
    if old_bytes.len() < 20 {
        return Err("OLD is not a model".into());
    }
    old_bytes[12..20].copy_from_slice(&template_hash().to_le_bytes());
    let old = Model::from_bytes(&old_bytes)?;
    if old.tags != new.tags || old.labels != new.labels {
        return Err("tag or label sets differ".into());
    }
    let mut out = new.clone();
    out.parser = old.parser;
    out.info = format!("{}; parser from an earlier model: {}", new.info, old.info);
    std::fs::write(&a[2], out.to_bytes())?;
    Ok(())
}
