//! Developer tool: `cargo run --release -p sitrep-nlp --example ewt_tagger_dirs -- MODEL DEV`
//! prints dev UPOS/XPOS of the summed tagger and of each direction alone, to see what the
//! right-to-left tagger adds, with the score on the news check set.

use sitrep_nlp::perceptron::Weights;
use sitrep_nlp::{conllu, eval, Model};
use std::path::PathBuf;

/// The tagger's news check set (a guard: reported here, never tuned on).
const NEWS: &str = include_str!("../tests/news_tags.txt");

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let a: Vec<String> = std::env::args().skip(1).collect();
    if a.len() < 2 {
        return Err("usage: MODEL DEV".into());
    }
    let base = Model::from_bytes(&std::fs::read(&a[0])?)?;
    let dev = conllu::read_file(&PathBuf::from(&a[1]))?;
    let empty = || Weights::from_rows(base.tags.len(), 1.0, vec![]);
    let mut fwd = base.clone();
    fwd.tagger.rev = empty();
    let mut rev = base.clone();
    rev.tagger.fwd = empty();
    for (name, m) in [
        ("summed", &base),
        ("left-to-right", &fwd),
        ("right-to-left", &rev),
    ] {
        let sc = eval::evaluate(m, &dev);
        let (ok, all, _) = eval::marked_tags(m, NEWS);
        eprintln!(
            "{name}: UPOS {:.2} XPOS {:.2} ({} tagger features); news check set {ok}/{all}",
            sc.upos_pct(),
            sc.xpos_pct(),
            m.tagger.n_features()
        );
    }
    Ok(())
}
