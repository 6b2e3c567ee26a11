//! Tagger and parser on the words of arbitrary text (each sentence as the splitter gives it,
//! capped as the pipeline caps it): one tag and one head per word, heads inside the sentence.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sitrep_nlp::{Analysis, Model, Scratch};
use std::sync::OnceLock;

fuzz_target!(|data: &[u8]| {
    static MODEL: OnceLock<Model> = OnceLock::new();
    let model = MODEL.get_or_init(|| Model::embedded().expect("the embedded model loads"));
    let text = sitrep_fuzz::text(data);
    let (tokens, sents) = sitrep_nlp::tokenize::analyse(&text);
    let (mut out, mut scratch) = (Analysis::default(), Scratch::default());
    for r in sents {
        let words: Vec<&str> = tokens[r]
            .iter()
            .take(sitrep_pipeline::MAX_SENTENCE_WORDS)
            .map(|t| t.text(&text))
            .collect();
        model.analyse(&words, &mut out, &mut scratch);
        assert_eq!(out.tags.len(), words.len());
        assert_eq!(out.heads.len(), words.len());
        assert!(out.heads.iter().all(|&h| (h as usize) <= words.len()));
    }
});
