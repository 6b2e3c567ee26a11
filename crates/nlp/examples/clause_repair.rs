//! Sweeps the clause-repair margin (`Tagger::repair_margin`) on a treebank (EWT dev: the
//! tuning split) and a marked check set, printing tag accuracy, how many sentences were
//! repaired and the check-set score for each margin. Tagging only; the parser is not run.
//!
//! `cargo run --release -p sitrep-nlp --example clause_repair -- DEV.conllu[.gz] CHECK.txt M1 M2 ...`
//! (a margin below 0 turns the repair off.)

use sitrep_nlp::{conllu, eval, lex, tagger, Model};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(dev), Some(check)) = (args.first(), args.get(1)) else {
        eprintln!("usage: clause_repair DEV CHECK MARGIN...");
        std::process::exit(2);
    };
    let gold = conllu::read_file(std::path::Path::new(dev)).expect("treebank reads");
    let check = std::fs::read_to_string(check).expect("check set reads");
    let base = Model::embedded().expect("model loads");
    for m in &args[2..] {
        let margin: f32 = m.parse().expect("margin is a number");
        let mut model = base.clone();
        model.tagger.repair_margin = margin;
        if margin < 0.0 {
            model.tagger.roles.clear();
        }
        let (mut lx, mut tags, mut feats, mut scores) = (vec![], vec![], vec![], vec![]);
        let (mut up, mut xp, mut words) = (0, 0, 0);
        let mut off = base.clone();
        off.tagger.roles.clear();
        let (mut changed, mut offtags) = (0, vec![]);
        for s in &gold {
            let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
            lex::sentence(&forms, &model.lexicon, &mut lx);
            tagger::tag(&model.tagger, &lx, &mut tags, &mut feats, &mut scores);
            tagger::tag(&off.tagger, &lx, &mut offtags, &mut feats, &mut scores);
            if tags != offtags {
                changed += 1;
                if args.iter().any(|a| a == "-v") || std::env::var_os("SHOW").is_some() {
                    let line: Vec<String> = forms
                        .iter()
                        .zip(&tags)
                        .zip(&offtags)
                        .zip(&s.words)
                        .map(|(((f, &t), &o), g)| {
                            if t == o {
                                f.to_string()
                            } else {
                                format!("{f}/{}>{}[{}]", model.xpos(o), model.xpos(t), g.xpos)
                            }
                        })
                        .collect();
                    println!("  {}", line.join(" "));
                }
            }
            for (w, &t) in s.words.iter().zip(&tags) {
                words += 1;
                up += (model.upos(t) == w.upos) as usize;
                xp += (model.xpos(t) == w.xpos) as usize;
            }
        }
        let (ok, all, misses) = eval::marked_tags(&model, &check);
        if std::env::var_os("MISSES").is_some() {
            for m in misses {
                println!("  miss {m}");
            }
        }
        println!(
            "margin {margin}: UPOS {:.2} XPOS {:.2} ({words} words), {changed} sentences changed; check {ok}/{all}",
            100.0 * up as f64 / words as f64,
            100.0 * xp as f64 / words as f64
        );
    }
}
