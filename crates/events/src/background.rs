//! Background, not events: a toll counted over a span that runs from a year or a past event
//! ("two million civilians have been killed by the army since 1995", "since 9/11, twice as many
//! people have been killed by white supremacists") is a statistic, and what someone did in a
//! world war the sentence names ("Ukrainians who fought for the Red Army in World War II") is
//! history. Both are read from the trigger's own dependents, two steps down at most.

use crate::sentence::Sentence;
use crate::syntax::{base, has_case};

/// Nouns that name a count of people or things on their own ("thousands have been killed").
const COUNT_NOUNS: &[&str] = &[
    "dozens",
    "hundreds",
    "thousands",
    "millions",
    "scores",
    "tens",
];
/// Past events a span can run from ("since the war", "since independence"). Times of day,
/// weekdays and months are not here: "since Monday, 40 people have been killed" is news.
const ERA_NOUNS: &[&str] = &[
    "war",
    "revolution",
    "independence",
    "invasion",
    "uprising",
    "occupation",
    "partition",
];

/// Why the trigger's clause is background ("since 1990", "world war"), if it is.
pub(crate) fn background(s: &Sentence, trig: usize) -> Option<String> {
    counted_toll(s, trig)
        .then(|| "toll since".to_string())
        .or_else(|| past_world_war(s, trig).then(|| "world war".to_string()))
}

/// A counted patient and a "since" span from a year or an era: "four million have been killed
/// since 1990", "has killed thousands since the revolution".
fn counted_toll(s: &Sentence, trig: usize) -> bool {
    let since_era = s
        .children(trig)
        .any(|c| base(&s.words[c].deprel) == "obl" && has_case(s, c, &["since"]) && era(s, c));
    let counted = s
        .children(trig)
        .any(|c| matches!(s.words[c].deprel.as_str(), "nsubj:pass" | "obj") && counted_noun(s, c));
    since_era && counted
}

/// A year ("1990"), a date written with a slash ("9/11") or a past era ("the war").
fn era(s: &Sentence, w: usize) -> bool {
    let form = s.words[w].form.as_str();
    let year = form.len() == 4
        && form.chars().all(|c| c.is_ascii_digit())
        && form.parse::<u32>().is_ok_and(|y| (1800..2200).contains(&y));
    let slash = form.contains('/') && form.chars().any(|c| c.is_ascii_digit());
    year || slash || ERA_NOUNS.contains(&s.words[w].lemma.to_lowercase().as_str())
}

/// A noun counted by a number or by "many" ("four million Muslims", "twice as many people").
fn counted_noun(s: &Sentence, n: usize) -> bool {
    COUNT_NOUNS.contains(&s.words[n].form.to_lowercase().as_str())
        || s.words[n].upos == "NUM"
        || s.children(n).any(|c| {
            let cw = &s.words[c];
            cw.deprel == "nummod" || (cw.lemma == "many" && cw.deprel == "amod")
        })
}

/// "in World War II", "during the Second World War", "in WWII": a world war named in an "in"
/// or "during" phrase of the trigger or of one of its arguments.
fn past_world_war(s: &Sentence, trig: usize) -> bool {
    let mut frontier = vec![trig];
    for _ in 0..3 {
        let mut next = Vec::new();
        for &f in &frontier {
            for c in s.children(f) {
                if !matches!(base(&s.words[c].deprel), "obl" | "nmod") {
                    continue;
                }
                let case = s.children(c).any(|m| {
                    s.words[m].deprel == "case"
                        && matches!(s.words[m].lemma.as_str(), "in" | "during")
                });
                if case && world_war(s, c) {
                    return true;
                }
                next.push(c);
            }
        }
        frontier = next;
    }
    false
}

fn world_war(s: &Sentence, w: usize) -> bool {
    let form = s.words[w].form.to_lowercase();
    if matches!(form.as_str(), "wwii" | "ww2" | "wwi" | "ww1") {
        return true;
    }
    form == "war"
        && s.children(w)
            .any(|c| s.words[c].form.eq_ignore_ascii_case("world"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn background_toll_needs_a_count_and_a_span_from_an_era() {
        let toll = Sentence::from_rows(&[
            ("million", "million", "NUM", 2, "nummod"),
            ("Muslims", "Muslim", "PROPN", 4, "nsubj:pass"),
            ("been", "be", "AUX", 4, "aux:pass"),
            ("killed", "kill", "VERB", 0, "root"),
            ("since", "since", "ADP", 6, "case"),
            ("1990", "1990", "NUM", 4, "obl"),
        ]);
        assert_eq!(background(&toll, 3).as_deref(), Some("toll since"));
        // "since Monday" is this week's news, not a toll over the years.
        let mut recent = toll.clone();
        recent.words[5].form = "Monday".into();
        recent.words[5].lemma = "Monday".into();
        assert_eq!(background(&recent, 3), None);
        // An uncounted patient is an event: "the mayor has been held since 1990".
        let mut one = toll.clone();
        one.words[0].deprel = "det".into();
        assert_eq!(background(&one, 3), None);
    }

    #[test]
    fn background_world_war_reaches_through_an_argument() {
        let s = Sentence::from_rows(&[
            ("fought", "fight", "VERB", 0, "root"),
            ("for", "for", "ADP", 3, "case"),
            ("Army", "Army", "PROPN", 1, "obl"),
            ("in", "in", "ADP", 6, "case"),
            ("World", "World", "PROPN", 6, "compound"),
            ("War", "War", "PROPN", 3, "nmod"),
        ]);
        assert_eq!(background(&s, 0).as_deref(), Some("world war"));
        let mut trade = s.clone();
        trade.words[4].form = "trade".into();
        assert_eq!(background(&trade, 0), None);
    }
}
