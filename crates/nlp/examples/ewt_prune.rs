//! Developer tool: prune a trained model's weights at several thresholds and score each on a
//! treebank (use dev for choosing): `ewt_prune MODEL DEV OUT TAGGER_MIN PARSER_MIN...`.
//! Writes the model pruned at the last pair of thresholds to OUT.

use sitrep_nlp::{conllu, eval, Model};
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let a: Vec<String> = std::env::args().skip(1).collect();
    if a.len() < 5 || (a.len() - 3) % 2 != 0 {
        return Err("usage: MODEL DEV OUT (TAGGER_MIN PARSER_MIN)...".into());
    }
    let base = Model::from_bytes(&std::fs::read(&a[0])?)?;
    let dev = conllu::read_file(&PathBuf::from(&a[1]))?;
    let mut last = None;
    for pair in a[3..].chunks(2) {
        let (tq, pq): (i16, i16) = (pair[0].parse()?, pair[1].parse()?);
        let mut m = base.clone();
        m.tagger = base.tagger.pruned(tq);
        m.parser = base.parser.pruned(pq);
        let sc = eval::evaluate(&m, &dev);
        let bytes = m.to_bytes();
        eprintln!(
            "prune tagger<{tq} parser<{pq}: {} + {} features, {} bytes; UPOS {:.2} UAS {:.2} LAS {:.2}, {:.0} sent/s",
            m.tagger.n_features(),
            m.parser.n_features(),
            bytes.len(),
            sc.upos_pct(),
            sc.uas_pct(),
            sc.las_pct(),
            sc.sentences_per_s()
        );
        last = Some(bytes);
    }
    if let Some(b) = last {
        std::fs::write(&a[2], b)?;
    }
    Ok(())
}
