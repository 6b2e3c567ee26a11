//! Clause-level readings of a trigger: negation, modality, attribution and the sport or
//! entertainment discard. Walks are depth-capped like those in `syntax`.

use crate::matcher::{Attribution, Modality};
use crate::pattern::Rel;
use crate::sentence::{ActorSpan, Sentence};
use crate::syntax::{
    actors_at, base, has_to_mark, rel_matches, subject_of, with_conjuncts, MAX_DEPTH,
};

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
const INTENT_GOV: &[&str] = &[
    "plan",
    "intend",
    "want",
    "seek",
    "hope",
    "aim",
    "prepare",
    "decide",
    "agree",
    "pledge",
    "promise",
    "vow",
    "wish",
    "offer",
    "propose",
    "schedule",
    "set",
    "commit",
    "willing",
    "prepared",
    "ready",
    "determined",
    "eager",
    "committed",
    "keen",
    "resolve",
];
const REQUEST_GOV: &[&str] = &[
    "urge",
    "ask",
    "call",
    "persuade",
    "demand",
    "press",
    "request",
    "appeal",
    "push",
    "encourage",
    "invite",
    "pressure",
    "order",
    "force",
    "convince",
];
const NEG_GOV: &[&str] = &["refuse", "decline", "fail", "reject"];
const POSSIBLE_AUX: &[&str] = &["could", "may", "might", "would", "should", "must", "can"];
const DISCARD: &[&str] = &[
    "football",
    "soccer",
    "basketball",
    "tennis",
    "cricket",
    "rugby",
    "baseball",
    "hockey",
    "tournament",
    "championship",
    "league",
    "olympics",
    "olympic",
    "striker",
    "midfielder",
    "goalkeeper",
    "stadium",
    "semifinal",
    "quarterfinal",
    "innings",
    "film",
    "movie",
    "album",
    "song",
    "concert",
    "premiere",
    "oscar",
    "grammy",
    "sitcom",
    "box-office",
    "wicket",
];
pub(crate) fn negated(s: &Sentence, trig: usize) -> bool {
    let mut w = trig;
    for _ in 0..MAX_DEPTH {
        let local = s.children(w).any(|c| {
            let cw = &s.words[c];
            (cw.deprel == "advmod" && matches!(cw.lemma.as_str(), "not" | "never" | "n't"))
                || (cw.deprel == "det" && cw.lemma == "no")
        });
        if local {
            return true;
        }
        // "refused to meet", "did not agree to meet": negation reaches down through xcomp.
        match s.head(w) {
            Some(g) if s.words[w].deprel == "xcomp" => {
                if NEG_GOV.contains(&s.words[g].lemma.as_str()) {
                    return true;
                }
                w = g;
            }
            _ => return false,
        }
    }
    false
}

/// Modality: the trigger's own auxiliaries first, then the verb that governs it, innermost wins.
pub(crate) fn modality(s: &Sentence, trig: usize) -> Modality {
    let mut w = trig;
    for _ in 0..MAX_DEPTH {
        for c in s.children(w) {
            let cw = &s.words[c];
            if cw.deprel == "aux" {
                if POSSIBLE_AUX.contains(&cw.lemma.as_str()) {
                    return Modality::Possibility;
                }
                if matches!(cw.lemma.as_str(), "will" | "shall") {
                    return Modality::Intent;
                }
                if cw.lemma == "be" && has_to_mark(s, w) {
                    return Modality::Intent; // "Kim is to meet Putin"
                }
            }
        }
        let Some(g) = s.head(w) else {
            // A headline infinitive: "Kim 'to meet Putin'".
            return if has_to_mark(s, w) {
                Modality::Intent
            } else {
                Modality::Actual
            };
        };
        let gl = s.words[g].lemma.as_str();
        match base(&s.words[w].deprel) {
            "xcomp" | "ccomp" if gl == "expect" => return Modality::Expectation,
            "xcomp" if gl == "threaten" => return Modality::Threat,
            "xcomp" if INTENT_GOV.contains(&gl) => return Modality::Intent,
            "xcomp" if REQUEST_GOV.contains(&gl) => return Modality::Requested,
            "xcomp" if gl == "be" => return Modality::Intent,
            "advcl" if has_to_mark(s, w) => return Modality::Intent, // purpose
            "xcomp" | "conj" => w = g,
            _ => return Modality::Actual,
        }
    }
    Modality::Actual
}

/// The nearest speech verb that reports the clause, or an "according to" phrase.
pub(crate) fn attribution(s: &Sentence, actors: &[ActorSpan], trig: usize) -> Option<Attribution> {
    let mut w = trig;
    for _ in 0..MAX_DEPTH {
        let according = |x: usize| {
            s.children(x).find(|&c| {
                rel_matches(
                    s,
                    c,
                    &Rel {
                        deprel: "obl".into(),
                        case: Some("according to".into()),
                    },
                ) || rel_matches(
                    s,
                    c,
                    &Rel {
                        deprel: "nmod".into(),
                        case: Some("according to".into()),
                    },
                )
            })
        };
        let speech_child = s.children(w).find(|&c| {
            s.words[c].deprel == "parataxis" && SPEECH.contains(&s.words[c].lemma.as_str())
        });
        let (word, speakers) = if let Some(a) = according(w) {
            (a, with_conjuncts(s, vec![a]))
        } else if let Some(p) = speech_child {
            (p, subject_of(s, p, 0))
        } else {
            let g = s.head(w)?;
            let rel = base(&s.words[w].deprel);
            if rel == "ccomp" && SPEECH.contains(&s.words[g].lemma.as_str()) {
                (g, subject_of(s, g, 0))
            } else if matches!(rel, "xcomp" | "conj" | "advcl" | "ccomp" | "parataxis") {
                w = g;
                continue;
            } else {
                return None;
            }
        };
        let speaker_actors = speakers
            .iter()
            .flat_map(|&x| actors_at(s, actors, x))
            .collect();
        return Some(Attribution {
            word,
            speaker_words: speakers,
            speaker_actors,
        });
    }
    None
}

pub(crate) fn discard_lemma(s: &Sentence, trig: usize) -> Option<String> {
    let mut frontier = vec![trig];
    for _ in 0..3 {
        let mut next = Vec::new();
        for &f in &frontier {
            for c in s.children(f) {
                if DISCARD.contains(&s.words[c].lemma.as_str()) {
                    return Some(s.words[c].lemma.clone());
                }
                next.push(c);
            }
        }
        frontier = next;
    }
    None
}
