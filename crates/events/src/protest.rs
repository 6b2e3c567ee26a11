//! Whom a protest is aimed at when its rule names no target: what the protest's purpose clause
//! protests ("began a hunger strike *to protest Sweden's decision*"), what it is "against"
//! ("demonstrations *against* violations by the Israeli military"), or what it is "in protest
//! of" or "in defiance of" ("blocked streets *in defiance of* Chinese authorities").

use crate::sentence::Sentence;
use crate::syntax::{base, has_case, has_to_mark};

/// Verbs of a purpose clause that name the protest's object.
const PURPOSE: &[&str] = &["protest", "denounce", "condemn", "oppose", "decry", "defy"];
/// Nouns of an "in ... of" phrase that name it ("in protest of", "in defiance of").
const STANCE: &[&str] = &["protest", "defiance", "opposition", "solidarity"];

/// Candidate target words, nearest first: the trigger's own phrases, then those of the verb
/// that takes a noun trigger ("began a hunger *strike* to protest ...").
pub(crate) fn protested(s: &Sentence, trig: usize) -> Vec<usize> {
    // The parser may hang the purpose on the verb or on its object ("began a hunger strike
    // *to protest* ...").
    let mut anchors = vec![trig];
    if s.words[trig].upos == "NOUN" && base(&s.words[trig].deprel) == "obj" {
        anchors.extend(s.head(trig));
    }
    let objects: Vec<usize> = anchors
        .iter()
        .flat_map(|&a| s.children(a))
        .filter(|&c| base(&s.words[c].deprel) == "obj" && !anchors.contains(&c))
        .collect();
    anchors.extend(objects);
    let mut out = Vec::new();
    for h in anchors {
        for c in s.children(h) {
            let rel = base(&s.words[c].deprel);
            let lemma = s.words[c].lemma.as_str();
            let purpose = matches!(rel, "advcl" | "xcomp" | "acl");
            if purpose && has_to_mark(s, c) && PURPOSE.contains(&lemma) {
                out.extend(s.children(c).filter(|&o| {
                    let r = base(&s.words[o].deprel);
                    r == "obj" || (r == "obl" && has_case(s, o, &["against", "at", "over"]))
                }));
            } else if matches!(rel, "obl" | "nmod") && has_case(s, c, &["against"]) {
                out.push(c);
            } else if matches!(rel, "obl" | "nmod")
                && STANCE.contains(&lemma)
                && has_case(s, c, &["in"])
            {
                out.extend(s.children(c).filter(|&o| {
                    base(&s.words[o].deprel) == "nmod" && has_case(s, o, &["of", "against", "at"])
                }));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn protest_purpose_object_and_against_phrase_are_the_target() {
        let s = Sentence::from_rows(&[
            ("Turks", "Turk", "PROPN", 2, "nsubj"),
            ("began", "begin", "VERB", 0, "root"),
            ("strike", "strike", "NOUN", 2, "obj"),
            ("to", "to", "PART", 5, "mark"),
            ("protest", "protest", "VERB", 2, "advcl"),
            ("decision", "decision", "NOUN", 5, "obj"),
        ]);
        assert_eq!(protested(&s, 2), vec![5]);
        let s = Sentence::from_rows(&[
            ("youths", "youth", "NOUN", 2, "nsubj"),
            ("marched", "march", "VERB", 0, "root"),
            ("against", "against", "ADP", 4, "case"),
            ("army", "army", "NOUN", 2, "obl"),
            ("in", "in", "ADP", 6, "case"),
            ("Gaza", "Gaza", "PROPN", 2, "obl"),
        ]);
        assert_eq!(protested(&s, 1), vec![3]);
    }
}
