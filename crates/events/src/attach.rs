//! Arguments the parser hangs in the wrong place. A rule names where its arguments sit in a
//! correct parse ("talks *with X*" under the verb, "the arrest *by X*" under the noun); real
//! parses of news attach many of them one step off: a with-phrase under the date or the
//! instrument before it ("spoke by phone *with X*", "signed a deal on Tuesday *with X*"), a
//! by-phrase under the patient ("the expulsion of diplomats *by Russia*"), a noun trigger as
//! the second conjunct of the light verb's object ("launched a drone and missile *attack*") or
//! under a partitive ("held a round of *talks*"). Each walk here finds the argument where such
//! a slip puts it, and only where the rule's own slot is empty.

use crate::pattern::Rel;
use crate::sentence::{ActorSpan, Sentence};
use crate::syntax::{base, follow, has_case, rel_matches};

/// Nouns that count or group the events of their "of" complement: "a fresh *round* of talks",
/// "a *wave* of arrests", "a *series* of air strikes". The complement's governor is the
/// partitive's.
const PARTITIVE: &[&str] = &[
    "round", "wave", "series", "spate", "string", "flurry", "raft", "volley", "barrage", "salvo",
    "set", "cycle", "burst",
];

/// The word a noun trigger's light verb governs it through: the trigger's head, except that a
/// later conjunct ("launched a drone and missile *attack*") is governed as its first conjunct
/// is, and a partitive's complement ("held a round of *talks*") as the partitive is. Returns
/// the word directly under the governor and the governor.
pub(crate) fn noun_governor(s: &Sentence, trig: usize) -> Option<(usize, usize)> {
    let mut w = trig;
    for _ in 0..4 {
        let g = s.head(w)?;
        let nominal = |x: usize| matches!(s.words[x].upos.as_str(), "NOUN" | "PROPN");
        // Only through an object, the light verb's slot: "130 people died in a series of
        // attacks" names victims, not attackers.
        let object = |x: usize| base(&s.words[x].deprel) == "obj";
        let conj = base(&s.words[w].deprel) == "conj" && nominal(g) && nominal(w) && object(g);
        let partitive = base(&s.words[w].deprel) == "nmod"
            && has_case(s, w, &["of"])
            && PARTITIVE.contains(&s.words[g].lemma.as_str())
            && object(g);
        if !(conj || partitive) {
            return Some((w, g));
        }
        w = g;
    }
    s.head(w).map(|g| (w, g))
}

/// Verbs whose subject receives what their object names from someone else: "drew criticism
/// *from* the UN", "received aid *from* Japan", "won support from X"; and who provokes or
/// faces it: "provoking criticism *from* Democrats", "faces pressure from Washington".
const RECEIVE: &[&str] = &[
    "draw", "receive", "get", "attract", "earn", "win", "secure", "obtain", "accept", "garner",
    "incur", "provoke", "prompt", "spark", "trigger", "elicit", "face", "invite",
];

/// Verbs whose subject only ever undergoes or witnesses what their object names ("drew
/// criticism", "incurred the wrath", "Baghdad *saw* a wave of attacks by IS"); not "won" or
/// "secured" ("secured a deal with X" is X's partner's deal too).
pub(crate) const RECIPIENT_VERB: &[&str] = &[
    "draw",
    "receive",
    "get",
    "attract",
    "earn",
    "garner",
    "incur",
    "see",
    "experience",
];

/// "X drew criticism *from Y*": for a noun trigger that is the object of a verb of receiving,
/// the verb's from-phrase (the giver, who does what the noun names) and the verb's subject
/// (who receives it).
pub(crate) fn received_from(s: &Sentence, trig: usize) -> Option<(Vec<usize>, usize)> {
    if s.words[trig].upos != "NOUN" || base(&s.words[trig].deprel) != "obj" {
        return None;
    }
    let g = s.head(trig)?;
    if !RECEIVE.contains(&s.words[g].lemma.as_str()) {
        return None;
    }
    let from = follow(
        s,
        g,
        &[Rel {
            deprel: "obl".into(),
            case: Some("from".into()),
        }],
    );
    (!from.is_empty()).then_some((from, g))
}

/// The by-phrase of a noun trigger, on the noun or under its "of" complement, where parsers
/// often hang it: "the expulsion of 45 diplomats *by Russia*", "the killing of protesters *by
/// security forces*". Only nominal heads: "by Friday" and "by 20 percent" name no agent.
pub(crate) fn by_agent(s: &Sentence, trig: usize) -> Vec<usize> {
    if s.words[trig].upos != "NOUN" {
        return Vec::new();
    }
    let by = Rel {
        deprel: "nmod".into(),
        case: Some("by".into()),
    };
    let of = Rel {
        deprel: "nmod".into(),
        case: Some("of".into()),
    };
    let mut found = follow(s, trig, std::slice::from_ref(&by));
    if found.is_empty() {
        found = follow(s, trig, &[of, by]);
    }
    found.retain(|&w| matches!(s.words[w].upos.as_str(), "NOUN" | "PROPN") && !is_time(s, w));
    found
}

fn lower(s: &Sentence, w: usize) -> String {
    s.words[w].lemma.to_lowercase()
}

/// Time and measure nouns besides [`crate::dates::TIME_NOUNS`]: a phrase under one names when
/// or how much, never who.
const MORE_TIME_AND_MEASURE: &[&str] = &[
    "tomorrow",
    "afternoon",
    "time",
    "percent",
    "%",
    "end",
    "deadline",
];

/// Whether word `w` is a time or measure noun.
fn is_time(s: &Sentence, w: usize) -> bool {
    let l = lower(s, w);
    crate::dates::TIME_NOUNS.contains(&l.as_str()) || MORE_TIME_AND_MEASURE.contains(&l.as_str())
}

/// "met *by phone* / *on Tuesday* / *in Doha* with X": the verb's preposition phrase `case`
/// hung under one of the verb's other phrases (its object, an oblique, or a phrase one step
/// below those). Only through words no actor mention covers ("held talks *in Moscow* with" is
/// fine, but "met the envoy of Iran with" is not a meeting with whoever follows Iran).
pub(crate) fn displaced_phrase(
    s: &Sentence,
    verb: usize,
    case: &str,
    actors: &[ActorSpan],
) -> Vec<usize> {
    let on = Rel {
        deprel: "nmod".into(),
        case: Some(case.into()),
    };
    let free = |w: usize| {
        !actors
            .iter()
            .any(|a| a.head_word == w || a.start_word <= w && w <= a.end_word)
    };
    // The verb's own nominal phrases; not a phrase that sets the act in time or names its
    // topic ("promised *during a visit* to Kyiv", "spoke *about* the visit to Russia"), nor a
    // noun whose own phrase it is ("the plane *ride* to Florida", "*in response* to").
    let mut hosts: Vec<usize> = s
        .children(verb)
        .filter(|&c| {
            matches!(base(&s.words[c].deprel), "obl" | "obj")
                && free(c)
                && !has_case(s, c, CIRCUMSTANCE)
                && !OWN_PHRASE.contains(&lower(s, c).as_str())
        })
        .collect();
    // One step below them only a date: "signed a deal *on Tuesday* with".
    let second: Vec<usize> = hosts
        .iter()
        .flat_map(|&h| {
            s.children(h).filter(|&c| {
                base(&s.words[c].deprel) == "nmod"
                    && !rel_matches(s, c, &on)
                    && free(c)
                    && is_time(s, c)
            })
        })
        .collect();
    hosts.extend(second);
    let mut out: Vec<usize> = hosts
        .into_iter()
        .flat_map(|h| follow(s, h, std::slice::from_ref(&on)))
        .filter(|&w| !is_time(s, w))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Prepositions of a phrase that frames the act in time or circumstance; what hangs under such
/// a phrase belongs to it.
const CIRCUMSTANCE: &[&str] = &[
    "during",
    "after",
    "before",
    "since",
    "amid",
    "despite",
    "following",
    "until",
    "throughout",
    "ahead",
    "like",
    "unlike",
    "about",
    "over",
    "regarding",
    "concerning",
];

/// Nouns whose preposition phrase is their own: a destination, an answer, a relation.
const OWN_PHRASE: &[&str] = &[
    "visit",
    "trip",
    "tour",
    "ride",
    "flight",
    "journey",
    "travel",
    "way",
    "route",
    "road",
    "return",
    "response",
    "reply",
    "reaction",
    "answer",
    "question",
    "addition",
    "regard",
    "relation",
    "relations",
    "relationship",
    "reference",
    "letter",
    "message",
    "speech",
    "interview",
    "talks",
    "meeting",
    "outcome",
];

/// The first conjunct of a nominal conjunct ("launched a drone and missile *attack*" gives
/// "drone"), or `None` when `w` is no later conjunct of a nominal.
pub(crate) fn first_conjunct(s: &Sentence, w: usize) -> Option<usize> {
    let mut cur = w;
    for _ in 0..8 {
        let g = s.head(cur)?;
        if base(&s.words[cur].deprel) != "conj"
            || !matches!(s.words[g].upos.as_str(), "NOUN" | "PROPN")
        {
            break;
        }
        cur = g;
    }
    (cur != w).then_some(cur)
}

/// "gave *the junta* an ultimatum", "paid *Putin* a visit": a parser that labels both objects
/// `obj` leaves the recipient as the first of two. Returns it when `v` has exactly two nominal
/// objects and `not` (the thing given) is not the first.
pub(crate) fn first_of_two_objects(s: &Sentence, v: usize, not: Option<usize>) -> Vec<usize> {
    let objs: Vec<usize> = s
        .children(v)
        .filter(|&c| s.words[c].deprel == "obj")
        .collect();
    match objs.as_slice() {
        [a, _] if Some(*a) != not => vec![*a],
        _ => Vec::new(),
    }
}

/// "X drew criticism from Y": when the source is the from-phrase of a verb of receiving, the
/// receiver (that verb's subject) is the target. Returns its words and the actors `resolve`
/// finds there, if any.
pub(crate) fn receiver(
    s: &Sentence,
    trig: usize,
    src: &[usize],
    resolve: impl Fn(&[usize]) -> Vec<usize>,
) -> Option<(Vec<usize>, Vec<usize>)> {
    let (from, g) = received_from(s, trig)?;
    if !from.iter().all(|w| src.contains(w)) {
        return None;
    }
    let w = crate::subject::subject_of(s, g, 0);
    let t = resolve(&w);
    (!t.is_empty()).then_some((w, t))
}

/// How a role noun's from-phrase divides a joint act's parties.
pub(crate) enum Parties {
    /// The noun's own actor is one party: the others (words, actors) are the target.
    Others(Vec<usize>, Vec<usize>),
    /// The noun's actor is none of them: all parties (words, actors) are the source, to be
    /// split like "Kyiv and Moscow held talks".
    All(Vec<usize>, Vec<usize>),
}

/// "Negotiators *from Kyiv and Moscow* held talks": the parties of a symmetric act read from
/// the from-phrase of the source words, when it names more than one actor. `own` is the
/// actor the source words resolved to.
pub(crate) fn from_parties(
    s: &Sentence,
    src: &[usize],
    own: usize,
    actors: &[ActorSpan],
    resolve: impl Fn(&[usize]) -> Vec<usize>,
) -> Option<Parties> {
    let from: Vec<usize> = src.iter().flat_map(|&w| from_conjuncts(s, w)).collect();
    let parties = resolve(&from);
    if parties.len() < 2 {
        return None;
    }
    let country = &actors.get(own)?.country;
    let others: Vec<usize> = parties
        .iter()
        .copied()
        .filter(|&a| !country.is_empty() && actors.get(a).is_some_and(|x| &x.country != country))
        .collect();
    Some(if !others.is_empty() && others.len() < parties.len() {
        Parties::Others(from, others)
    } else {
        Parties::All(from, parties)
    })
}

/// The places or parties a role noun's from-phrase names, when it names more than one (a
/// coordination).
fn from_conjuncts(s: &Sentence, w: usize) -> Vec<usize> {
    let from = Rel {
        deprel: "nmod".into(),
        case: Some("from".into()),
    };
    let heads = follow(s, w, std::slice::from_ref(&from));
    let out = crate::subject::with_conjuncts(s, heads);
    if out.len() > 1 {
        out
    } else {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// "Warsaw condemned the expulsion of diplomats by X": the by-phrase hangs under
    /// "diplomats", as parsers often put it.
    fn expulsion_by(agent: &str, upos: &str) -> Sentence {
        Sentence::from_rows(&[
            ("Warsaw", "Warsaw", "PROPN", 2, "nsubj"),
            ("condemned", "condemn", "VERB", 0, "root"),
            ("the", "the", "DET", 4, "det"),
            ("expulsion", "expulsion", "NOUN", 2, "obj"),
            ("of", "of", "ADP", 6, "case"),
            ("diplomats", "diplomat", "NOUN", 4, "nmod"),
            ("by", "by", "ADP", 8, "case"),
            (agent, agent, upos, 6, "nmod"),
        ])
    }

    #[test]
    fn by_agent_under_the_patient_but_not_a_time() {
        assert_eq!(by_agent(&expulsion_by("Russia", "PROPN"), 3), vec![7]);
        assert!(by_agent(&expulsion_by("Friday", "PROPN"), 3).is_empty());
        // Only a noun trigger has a by-agent of its own.
        assert!(by_agent(&expulsion_by("Russia", "PROPN"), 1).is_empty());
    }

    /// "X met by phone with Y" with the with-phrase under "phone".
    fn met_by_phone() -> Sentence {
        Sentence::from_rows(&[
            ("Erdogan", "Erdogan", "PROPN", 2, "nsubj"),
            ("spoke", "speak", "VERB", 0, "root"),
            ("by", "by", "ADP", 4, "case"),
            ("phone", "phone", "NOUN", 2, "obl"),
            ("with", "with", "ADP", 6, "case"),
            ("Rouhani", "Rouhani", "PROPN", 4, "nmod"),
        ])
    }

    #[test]
    fn displaced_phrase_only_through_words_no_actor_covers() {
        let s = met_by_phone();
        let none: [ActorSpan; 0] = [];
        assert_eq!(displaced_phrase(&s, 1, "with", &none), vec![5]);
        // The same shape with an actor in between ("met the envoy of Iran with ...") is the
        // actor's phrase, not the verb's.
        let actor = [ActorSpan::new(3, 3, 3, "IRN")];
        assert!(displaced_phrase(&s, 1, "with", &actor).is_empty());
        assert!(displaced_phrase(&s, 1, "against", &none).is_empty());
    }

    #[test]
    fn noun_governor_climbs_conjuncts_and_partitives() {
        // "held a round of talks"
        let s = Sentence::from_rows(&[
            ("Iran", "Iran", "PROPN", 2, "nsubj"),
            ("held", "hold", "VERB", 0, "root"),
            ("a", "a", "DET", 4, "det"),
            ("round", "round", "NOUN", 2, "obj"),
            ("of", "of", "ADP", 6, "case"),
            ("talks", "talk", "NOUN", 4, "nmod"),
        ]);
        assert_eq!(noun_governor(&s, 5), Some((3, 1)));
        // "launched a drone and missile attack"
        let s = Sentence::from_rows(&[
            ("Russia", "Russia", "PROPN", 2, "nsubj"),
            ("launched", "launch", "VERB", 0, "root"),
            ("drone", "drone", "NOUN", 2, "obj"),
            ("and", "and", "CCONJ", 5, "cc"),
            ("attack", "attack", "NOUN", 3, "conj"),
        ]);
        assert_eq!(noun_governor(&s, 4), Some((2, 1)));
        assert_eq!(first_conjunct(&s, 4), Some(2));
        assert_eq!(first_conjunct(&s, 2), None);
    }

    #[test]
    fn first_of_two_objects_is_the_recipient() {
        let s = Sentence::from_rows(&[
            ("ECOWAS", "ECOWAS", "PROPN", 2, "nsubj"),
            ("gave", "give", "VERB", 0, "root"),
            ("Mali", "Mali", "PROPN", 2, "obj"),
            ("an", "a", "DET", 5, "det"),
            ("ultimatum", "ultimatum", "NOUN", 2, "obj"),
        ]);
        assert_eq!(first_of_two_objects(&s, 1, Some(4)), vec![2]);
        assert!(first_of_two_objects(&s, 1, Some(2)).is_empty());
    }
}
