//! Developer tool: scores one model file at several beam widths on a treebank, with speed:
//! `cargo run --release -p sitrep-nlp --example ewt_beam -- MODEL TREEBANK [WIDTH...]`.
//! The reported figures come from `sitrep eval parser --beam N`; this only shortens the loop.

use sitrep_nlp::{conllu, eval, Model};
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let a: Vec<String> = std::env::args().skip(1).collect();
    if a.len() < 2 {
        return Err("usage: MODEL TREEBANK [WIDTH...]".into());
    }
    let mut model = Model::from_bytes(&std::fs::read(&a[0])?)?;
    let gold = conllu::read_file(&PathBuf::from(&a[1]))?;
    let widths: Vec<usize> = if a.len() > 2 {
        a[2..].iter().map(|w| w.parse()).collect::<Result<_, _>>()?
    } else {
        vec![model.beam]
    };
    for w in widths {
        model.beam = w;
        let sc = eval::evaluate(&model, &gold);
        println!(
            "beam {w}: UPOS {:.2} UAS {:.2} LAS {:.2}, {:.0} sent/CPU-s, {:.0} sent/wall-s",
            sc.upos_pct(),
            sc.uas_pct(),
            sc.las_pct(),
            sc.sentences_per_s(),
            sc.sentences_per_wall_s()
        );
    }
    Ok(())
}
