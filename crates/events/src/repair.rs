//! Repairs of a parse slip that hides phrasal verbs. Parsers trained on treebanks with few news
//! sentences often read the particle of "handed *over* the hostages", "took *over* the capital"
//! or "stepped *up* strikes" as the preposition of the following noun: the noun becomes an
//! `obl` of the verb with the particle as its `case`. When the dictionary knows the verb with
//! that particle (a rule requires `compound:prt` with it), the particle is re-attached to the
//! verb and the noun read as the verb's object, as the phrasal verb has it.

use crate::pattern::{Dictionary, TriggerKind};
use crate::sentence::Sentence;
use crate::syntax::base;

/// Particles that form phrasal verbs with a following object.
const PARTICLES: &[&str] = &["over", "up", "down", "out", "off", "back", "away", "in"];

/// The sentence with misparsed particles of known phrasal verbs repaired, or `None` when
/// nothing needed repair (the common case, which then costs no copy).
pub(crate) fn phrasal_particles(dict: &Dictionary, s: &Sentence) -> Option<Sentence> {
    let mut fixed: Option<Sentence> = None;
    for v in 0..s.words.len() {
        if s.words[v].upos != "VERB" {
            continue;
        }
        let p = v + 1;
        let Some(part) = s.words.get(p) else {
            continue;
        };
        let particle = part.form.to_lowercase();
        if part.deprel != "case" || !PARTICLES.contains(&particle.as_str()) {
            continue;
        }
        // The particle must introduce a noun that hangs from this verb as an oblique, and the
        // verb must have no object of its own (else "over" really is a preposition).
        let Some(noun) = s.head(p) else {
            continue;
        };
        if s.head(noun) != Some(v) || base(&s.words[noun].deprel) != "obl" {
            continue;
        }
        if s.children(v).any(|c| s.words[c].deprel == "obj") {
            continue;
        }
        if !knows_phrasal(dict, &s.words[v].lemma, &particle) {
            continue;
        }
        let out = fixed.get_or_insert_with(|| s.clone());
        out.words[p].head = v + 1;
        out.words[p].deprel = "compound:prt".into();
        out.words[p].upos = "ADP".into();
        out.words[noun].deprel = "obj".into();
    }
    fixed
}

/// Whether some verb rule for `lemma` requires the particle `particle`.
fn knows_phrasal(dict: &Dictionary, lemma: &str, particle: &str) -> bool {
    dict.candidates(TriggerKind::Verb, lemma).iter().any(|&r| {
        dict.rules()[r].constraints.iter().any(|c| {
            c.required
                && c.paths
                    .iter()
                    .any(|p| p.len() == 1 && p[0].deprel == "compound:prt")
                && (c.lemmas.is_empty() || c.lemmas.iter().any(|l| l == particle))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::phrasal_particles;
    use crate::pattern::Dictionary;
    use crate::sentence::Sentence;

    fn parse(rows: &[(&str, &str, &str, usize, &str)]) -> Sentence {
        Sentence::from_rows(rows)
    }

    #[test]
    fn particle_read_as_preposition_is_reattached() {
        let dict = Dictionary::embedded().unwrap();
        // "The militants handed over the hostages."
        let s = parse(&[
            ("The", "the", "DET", 2, "det"),
            ("militants", "militant", "NOUN", 3, "nsubj"),
            ("handed", "hand", "VERB", 0, "root"),
            ("over", "over", "ADP", 6, "case"),
            ("the", "the", "DET", 6, "det"),
            ("hostages", "hostage", "NOUN", 3, "obl"),
        ]);
        let fixed = phrasal_particles(&dict, &s).expect("repaired");
        assert_eq!(fixed.words[3].deprel, "compound:prt");
        assert_eq!(fixed.head(3), Some(2));
        assert_eq!(fixed.words[5].deprel, "obj");
    }

    #[test]
    fn preposition_of_an_ordinary_verb_is_left_alone() {
        let dict = Dictionary::embedded().unwrap();
        // "The convoy drove over the bridge": no rule knows "drive over".
        let s = parse(&[
            ("The", "the", "DET", 2, "det"),
            ("convoy", "convoy", "NOUN", 3, "nsubj"),
            ("drove", "drive", "VERB", 0, "root"),
            ("over", "over", "ADP", 6, "case"),
            ("the", "the", "DET", 6, "det"),
            ("bridge", "bridge", "NOUN", 3, "obl"),
        ]);
        assert!(phrasal_particles(&dict, &s).is_none());
    }
}
