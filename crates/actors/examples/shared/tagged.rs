//! Text as the recogniser reads it in the examples: words with their offsets and, given a
//! model, the shipped tagger's POS. (The pipeline has its own adapter, which also parses.)

use sitrep_actors::recognize::{Pos, Word};
use sitrep_nlp::lex::Lex;
use std::ops::Range;

/// The tagger's buffers, kept across documents.
#[derive(Default)]
pub struct Tagging {
    lex: Vec<Lex>,
    ids: Vec<u16>,
    feats: Vec<u64>,
    scores: Vec<i32>,
}

impl Tagging {
    /// Tokenises and splits `text`; with a model, tags every sentence.
    pub fn words(
        &mut self,
        text: &str,
        model: Option<&sitrep_nlp::Model>,
    ) -> (Vec<Word>, Vec<Range<usize>>) {
        let (tokens, sents) = sitrep_nlp::tokenize::analyse(text);
        let mut words: Vec<Word> = tokens
            .iter()
            .map(|t| Word {
                start: t.start,
                end: t.end,
                pos: Pos::Unknown,
            })
            .collect();
        if let Some(model) = model {
            for r in &sents {
                let forms: Vec<&str> = tokens[r.clone()].iter().map(|t| t.text(text)).collect();
                sitrep_nlp::lex::sentence(&forms, &model.lexicon, &mut self.lex);
                sitrep_nlp::tagger::tag(
                    &model.tagger,
                    &self.lex,
                    &mut self.ids,
                    &mut self.feats,
                    &mut self.scores,
                );
                for (w, &id) in words[r.clone()].iter_mut().zip(&self.ids) {
                    w.pos = Pos::from_upos(model.upos(id));
                }
            }
        }
        (words, sents)
    }
}
