//! Attribution: the speech verb or "according to" phrase that reports a trigger's clause,
//! and the actors who speak. Walks are depth-capped like those in `syntax`.

use crate::matcher::Attribution;
use crate::pattern::Rel;
use crate::sentence::{ActorSpan, Sentence};
use crate::subject::{subject_of, with_conjuncts};
use crate::syntax::{actors_at, base, rel_matches, MAX_DEPTH};

// Word lists below are general English, not tuned to any suite.
const SPEECH: &[&str] = &[
    "say",
    "tell",
    "add",
    "note",
    "state",
    "announce",
    "report",
    "claim",
    "confirm",
    "write",
    "insist",
    "stress",
    "explain",
    "declare",
    "tweet",
    "reiterate",
    "argue",
    "allege",
];

/// The nearest speech verb that reports the clause, or an "according to" phrase; failing
/// those, a closing "..., X said." that reports the whole sentence.
pub(crate) fn attribution(s: &Sentence, actors: &[ActorSpan], trig: usize) -> Option<Attribution> {
    let (word, speakers) = reporting_clause(s, trig).or_else(|| trailing_speech(s, trig))?;
    let speaker_actors = speakers
        .iter()
        .flat_map(|&x| actors_at(s, actors, x))
        .collect();
    Some(Attribution {
        word,
        speaker_words: speakers,
        speaker_actors,
    })
}

/// Walks up from the trigger to the clause that reports it.
fn reporting_clause(s: &Sentence, trig: usize) -> Option<(usize, Vec<usize>)> {
    let mut w = trig;
    for _ in 0..MAX_DEPTH {
        let according = |x: usize| {
            s.children(x).find(|&c| {
                ["obl", "nmod"].iter().any(|d| {
                    rel_matches(
                        s,
                        c,
                        &Rel {
                            deprel: (*d).into(),
                            case: Some("according to".into()),
                        },
                    )
                })
            })
        };
        let speech_child = s.children(w).find(|&c| {
            s.words[c].deprel == "parataxis" && SPEECH.contains(&s.words[c].lemma.as_str())
        });
        if let Some(a) = according(w) {
            return Some((a, with_conjuncts(s, vec![a])));
        }
        if let Some(p) = speech_child {
            return Some((p, subject_of(s, p, 0)));
        }
        let g = s.head(w)?;
        let rel = base(&s.words[w].deprel);
        if rel == "ccomp" && SPEECH.contains(&s.words[g].lemma.as_str()) {
            return Some((g, subject_of(s, g, 0)));
        }
        // "Ukraine said Russian forces attacked Kharkiv" is often parsed with "forces" as the
        // object of "said" and "attacked" as its modifier; a past-tense verb there is the
        // reported clause, not a description of the object.
        if s.words[w].deprel == "acl" && s.words[w].xpos == "VBD" && w == trig {
            if let Some(v) = s.head(g).filter(|&v| {
                s.words[g].deprel == "obj" && SPEECH.contains(&s.words[v].lemma.as_str())
            }) {
                return Some((v, subject_of(s, v, 0)));
            }
        }
        let noun_arg =
            w == trig && s.words[w].upos == "NOUN" && matches!(rel, "obj" | "nsubj" | "obl");
        if !(noun_arg || matches!(rel, "xcomp" | "conj" | "advcl" | "ccomp" | "parataxis")) {
            return None;
        }
        // A noun trigger is reported with its verb: "Hultqvist added that Sweden is
        // strengthening its military *cooperation* with Finland".
        w = g;
    }
    None
}

/// A closing attribution after the trigger, set off by a comma or a quote and with no
/// complement of its own ("... will continue to recognize ...," Mattis said."): the parser
/// may hang it anywhere, but it reports everything before it.
fn trailing_speech(s: &Sentence, trig: usize) -> Option<(usize, Vec<usize>)> {
    let v = (trig + 1..s.words.len()).rev().find(|&v| {
        let w = &s.words[v];
        w.upos == "VERB" && SPEECH.contains(&w.lemma.as_str())
    })?;
    if s.children(v).any(|c| base(&s.words[c].deprel) == "ccomp") {
        return None;
    }
    let subj: Vec<usize> = s
        .children(v)
        .filter(|&c| s.words[c].deprel == "nsubj")
        .collect();
    let first = subj.iter().map(|&x| subtree_start(s, x)).min()?.min(v);
    let set_off = first
        .checked_sub(1)
        .is_some_and(|p| s.words[p].upos == "PUNCT" && !s.words[p].form.contains('.'));
    set_off.then(|| (v, with_conjuncts(s, subj)))
}

/// The first word of `w`'s subtree (depth-capped).
fn subtree_start(s: &Sentence, w: usize) -> usize {
    let mut first = w;
    let mut frontier = vec![w];
    for _ in 0..MAX_DEPTH {
        let next: Vec<usize> = frontier.iter().flat_map(|&f| s.children(f)).collect();
        if next.is_empty() {
            break;
        }
        first = first.min(next.iter().copied().min().unwrap_or(first));
        frontier = next;
    }
    first
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sentence::Word;

    /// A sentence from `form lemma upos head deprel` rows (heads 1-based, 0 = root).
    fn sent(rows: &[(&str, &str, &str, usize, &str)]) -> Sentence {
        Sentence::from_rows(rows)
    }

    #[test]
    fn clause_said_object_with_past_tense_modifier_is_reported_speech() {
        // The misparse of "Ukraine said Russian forces attacked Kharkiv".
        let mut s = sent(&[
            ("Ukraine", "Ukraine", "PROPN", 2, "nsubj"),
            ("said", "say", "VERB", 0, "root"),
            ("forces", "force", "NOUN", 2, "obj"),
            ("attacked", "attack", "VERB", 3, "acl"),
            ("Kharkiv", "Kharkiv", "PROPN", 4, "obj"),
        ]);
        s.words[3].xpos = "VBD".into();
        let ukraine = [ActorSpan::new(0, 0, 0, "UKR")];
        assert_eq!(
            attribution(&s, &ukraine, 3).map(|a| a.speaker_actors),
            Some(vec![0])
        );
        // A participle describing the object ("forces stationed there") is not a report.
        s.words[3].xpos = "VBN".into();
        assert_eq!(attribution(&s, &ukraine, 3), None);
    }

    #[test]
    fn clause_trailing_speech_needs_to_be_set_off() {
        // The parser hung "Mattis said" on a clause that does not hold the trigger.
        let s = sent(&[
            ("US", "US", "PROPN", 3, "nsubj"),
            ("will", "will", "AUX", 3, "aux"),
            ("recognize", "recognize", "VERB", 6, "csubj"),
            ("Japan", "Japan", "PROPN", 3, "obj"),
            ("policy", "policy", "NOUN", 6, "nsubj"),
            ("applies", "apply", "VERB", 0, "root"),
            (",", ",", "PUNCT", 9, "punct"),
            ("Mattis", "Mattis", "PROPN", 9, "nsubj"),
            ("said", "say", "VERB", 6, "parataxis"),
        ]);
        assert_eq!(attribution(&s, &[], 2).map(|a| a.word), Some(8));
        let mut joined = s.clone();
        joined.words[6] = Word {
            form: "and".into(),
            lemma: "and".into(),
            upos: "CCONJ".into(),
            ..joined.words[6].clone()
        };
        assert_eq!(attribution(&joined, &[], 2), None);
    }
}
