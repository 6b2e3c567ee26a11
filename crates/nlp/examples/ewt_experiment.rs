//! Developer tool for tuning on EWT dev: `cargo run --release -p sitrep-nlp --example
//! ewt_experiment -- TRAIN DEV OUT [tagger_epochs parser_epochs folds [beam [seed [r2l rare [news]]]]]` (news: 0 off, 1 verbs, 2 past, 3 names). The documented way to
//! build the shipped model is `sitrep train parser`; this only shortens the edit-train loop.

use sitrep_nlp::{conllu, eval, train};
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let a: Vec<String> = std::env::args().skip(1).collect();
    if a.len() < 3 {
        return Err(
            "usage: TRAIN DEV OUT [tagger_epochs parser_epochs folds [beam [seed [r2l rare [news]]]]]"
                .into(),
        );
    }
    let trainset = conllu::read_file(&PathBuf::from(&a[0]))?;
    let dev = conllu::read_file(&PathBuf::from(&a[1]))?;
    let mut o = train::TrainOptions::default();
    if a.len() >= 6 {
        o.tagger_epochs = a[3].parse()?;
        o.parser_epochs = a[4].parse()?;
        o.folds = a[5].parse()?;
    }
    if a.len() >= 7 {
        o.beam = a[6].parse()?;
    }
    if a.len() >= 8 {
        o.seed = a[7].parse()?;
    }
    if a.len() >= 10 {
        o.tagger_r2l = a[8] != "0";
        o.rare_count = a[9].parse()?;
    }
    if a.len() >= 11 {
        o.news_verbs = a[10].parse()?;
    }
    let m = train::train(&trainset, &dev, &o, |l| eprintln!("{l}"))?;
    let bytes = m.to_bytes();
    std::fs::write(&a[2], &bytes)?;
    let sc = eval::evaluate(&m, &dev);
    eprintln!(
        "dev: UPOS {:.2} XPOS {:.2} lemma {:.2} UAS {:.2} LAS {:.2}, {:.0} sent/s, model {} bytes",
        sc.upos_pct(),
        sc.xpos_pct(),
        sc.lemma_pct(),
        sc.uas_pct(),
        sc.las_pct(),
        sc.sentences_per_s(),
        bytes.len()
    );
    Ok(())
}
