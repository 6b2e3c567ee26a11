//! A news check set for the tagger: sentences written for this test (not from any corpus) in
//! wire-story style, where a plural noun, country or title is followed by a past-tense verb
//! that is also an adjective or a noun ("guerrillas wounded two soldiers", "Turkey shot down a
//! jet"), next to the adjective and noun readings of the same words ("wounded soldiers were
//! flown", "armed men", "a shot was fired"). EWT is web text with few such sentences, and a
//! verb read as an adjective costs the event coder its event.
//!
//! `news_tags.txt`: each line is one sentence of gold tokens; `word/GOLD` marks a checked word, where GOLD lists
//! alternatives separated by `|`, each a UPOS or an XPOS the tag may match. Prenominal
//! participles accept `ADJ|VBN` because UD English itself tags them either way ("armed men" is
//! ADJ, "the attached file" VERB VBN); what matters is that they are not read as main verbs.
//! It is a guard, not training or tuning data: the floor is what the shipped model reaches,
//! rounded down.

use sitrep_nlp::{eval, Model};

const CHECK: &str = include_str!("news_tags.txt");

#[test]
fn news_check_set_tags() {
    let model = Model::embedded().expect("embedded model loads");
    let (ok, all, misses) = eval::marked_tags(&model, CHECK);
    let pct = 100.0 * ok as f64 / all as f64;
    eprintln!("news check set: {ok}/{all} = {pct:.1}%");
    for m in &misses {
        eprintln!("  miss {m}");
    }
    assert!(all >= 100, "{all} checked words");
    assert!(pct >= FLOOR, "news check set {pct:.1}% < floor {FLOOR}");
}

/// Accuracy of the shipped model on the check set, rounded down: 128 of 139 (96 of the first
/// 102 with the clause repair, 95 without). The last 19 lines (37 marks, added in session 11)
/// are verb conjuncts ("attacked the village and wounded two soldiers") and adjective controls
/// ("the wounded were taken", "a fired worker"); the shipped model gets 32 of them.
const FLOOR: f64 = 92.0;
