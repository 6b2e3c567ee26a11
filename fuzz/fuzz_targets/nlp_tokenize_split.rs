//! Tokenizer and sentence splitter on arbitrary text: tokens are in order, inside the text and
//! on character boundaries; sentences tile the tokens.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = sitrep_fuzz::text(data);
    let (tokens, sents) = sitrep_nlp::tokenize::analyse(&text);
    let mut prev = 0;
    for t in &tokens {
        let (s, e) = (t.start as usize, t.end as usize);
        assert!(
            prev <= s && s < e && e <= text.len(),
            "token {s}..{e} after {prev}"
        );
        assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
        prev = e;
    }
    let mut next = 0;
    for r in &sents {
        assert!(
            r.start == next && r.end > r.start,
            "sentence {r:?} after {next}"
        );
        next = r.end;
    }
    assert_eq!(next, tokens.len(), "sentences do not cover the tokens");
});
