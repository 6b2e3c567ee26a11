//! Times the shipped tagger with and without its per-thread word memo (`Tagger::memo`) on the
//! sentences of a treebank, alternating the two in one process so that a noisy host slows
//! both alike; prints each round's times, their ratio, and checks the tags agree.
//!
//! `cargo run --release -p sitrep-nlp --example tag_speed -- ../shared/data/ud-english-ewt/en_ewt-ud-dev.conllu.gz [ROUNDS]`

use std::time::Instant;

use sitrep_nlp::{conllu, lex, tagger, Model};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: tag_speed TREEBANK.conllu[.gz] [ROUNDS]");
        std::process::exit(2);
    };
    let rounds: usize = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(5);
    let gold = conllu::read_file(std::path::Path::new(path)).expect("treebank reads");
    let model = Model::embedded().expect("model loads");
    let mut direct = model.tagger.clone();
    direct.memo = false;
    let lexes: Vec<Vec<lex::Lex>> = gold
        .iter()
        .map(|s| {
            let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
            let mut l = Vec::new();
            lex::sentence(&forms, &model.lexicon, &mut l);
            l
        })
        .collect();
    let words: usize = gold.iter().map(|s| s.words.len()).sum();
    let (mut feats, mut scores) = (Vec::new(), Vec::new());
    let mut run = |t: &tagger::Tagger| {
        let start = Instant::now();
        let mut out = Vec::with_capacity(lexes.len());
        for l in &lexes {
            let mut tags = Vec::new();
            tagger::tag(t, l, &mut tags, &mut feats, &mut scores);
            out.push(tags);
        }
        (start.elapsed().as_secs_f64(), out)
    };
    println!("{} sentences, {words} words", lexes.len());
    let mut ratios = Vec::new();
    for r in 0..rounds {
        // Alternate which goes first, so neither always runs on a warmer cache.
        let (a, b) = if r % 2 == 0 {
            let a = run(&model.tagger);
            (a, run(&direct))
        } else {
            let b = run(&direct);
            (run(&model.tagger), b)
        };
        assert_eq!(a.1, b.1, "the memo changed a tag");
        ratios.push(b.0 / a.0);
        println!(
            "round {r}: memo {:.3} s ({:.0} words/s), direct {:.3} s ({:.0} words/s), direct/memo {:.2}",
            a.0,
            words as f64 / a.0,
            b.0,
            words as f64 / b.0,
            b.0 / a.0
        );
    }
    ratios.sort_by(f64::total_cmp);
    println!("median direct/memo {:.2}", ratios[ratios.len() / 2]);
}
