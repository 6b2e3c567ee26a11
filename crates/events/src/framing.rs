//! Frames that say an act was not simply done: proposed ("a bill that would send aid", "plans
//! to deploy"), asked for ("a request for legal assistance"), alleged ("allegedly attacked"),
//! or, the other way round, done by being the purpose of an act ("rallied to protest").
//! Read by `modality::modality`.

use crate::matcher::Modality;
use crate::modality::POSSIBLE_AUX;
use crate::sentence::Sentence;
use crate::syntax::{base, has_case, has_to_mark};

/// Adverbs that report an act as someone's allegation ("Russian hackers *allegedly* broke
/// into ..."): told, not established. "reportedly" is not here: news uses it for acts it takes
/// as done.
pub(crate) const ALLEGED_ADV: &[&str] = &["allegedly", "purportedly", "supposedly"];

/// Adjectives that make a noun trigger someone's allegation or suspicion ("the *alleged*
/// attack", "a *suspected* chemical strike"): the act is reported, not established.
pub(crate) const ALLEGED_ADJ: &[&str] = &["alleged", "purported", "supposed", "suspected"];
/// Nouns whose infinitive, relative clause or "for" phrase is only proposed or planned ("the
/// committee's *proposal* to earmark aid", "a *bill* that would send aid", "*plans* to deploy
/// troops", "a *plan* for the withdrawal").
pub(crate) const PLAN_NOUN: &[&str] = &[
    "plan",
    "proposal",
    "bill",
    "draft",
    "scheme",
    "intention",
    "intent",
    "offer",
    "idea",
    "blueprint",
    "amendment",
    "motion",
];
/// Nouns whose "for" phrase is asked for, not done ("a request for legal *assistance*", "calls
/// for *talks*").
pub(crate) const REQUEST_NOUN: &[&str] = &[
    "request",
    "appeal",
    "plea",
    "call",
    "demand",
    "bid",
    "application",
    "petition",
];
/// Verbs that, as the purpose of an act, say what the act itself was: "rallied *to protest*
/// the arrest" protested, "fasted *to demand* his release" demanded it.
pub(crate) const PURPOSE_IS_ACT: &[&str] = &[
    "protest",
    "demand",
    "denounce",
    "condemn",
    "oppose",
    "express",
    "show",
    "demonstrate",
];
/// A finite or perfect verb without a modal or future auxiliary and not itself an infinitive
/// ("began a hunger strike", "have rallied"): its clause reports an act, not a plan.
pub(crate) fn plainly_done(s: &Sentence, g: usize) -> bool {
    let modal = s.children(g).any(|c| {
        s.words[c].deprel == "aux"
            && (POSSIBLE_AUX.contains(&s.words[c].lemma.as_str())
                || matches!(s.words[c].lemma.as_str(), "will" | "shall"))
    });
    matches!(
        s.words[g].xpos.as_str(),
        "VBD" | "VBZ" | "VBP" | "VBN" | "VBG"
    ) && !modal
        && !has_to_mark(s, g)
}

/// A noun trigger in the "for" phrase of a proposal or a request: "a plan *for* the
/// withdrawal" is planned, "a request *for* legal assistance" asked for. Parsers often hang
/// the "for" phrase on the verb whose object the request is ("sent a request for
/// assistance"), so the verb's object counts as well.
pub(crate) fn proposed_or_asked(s: &Sentence, trig: usize) -> Option<Modality> {
    if s.words[trig].upos != "NOUN" {
        return None;
    }
    let for_case = has_case(s, trig, &["for"]);
    if !for_case {
        return None;
    }
    let g = s.head(trig)?;
    let kind = |n: usize| {
        let l = s.words[n].lemma.as_str();
        if REQUEST_NOUN.contains(&l) {
            Some(Modality::Requested)
        } else if PLAN_NOUN.contains(&l) {
            Some(Modality::Intent)
        } else {
            None
        }
    };
    match base(&s.words[trig].deprel) {
        "nmod" => kind(g),
        // The object must come right before the phrase: "sent a request for assistance",
        // not "sent a request to Kyiv and troops for the defence".
        "obl" => s
            .children(g)
            .filter(|&o| base(&s.words[o].deprel) == "obj" && o < trig)
            .filter(|&o| (o + 1..trig).all(|k| s.head(k) == Some(trig) || s.head(k) == Some(o)))
            .find_map(kind),
        _ => None,
    }
}

/// Verb `w` heads a relative clause on a proposal ("a bill *that would send* aid").
pub(crate) fn relative_of_plan(s: &Sentence, w: usize) -> bool {
    s.words[w].deprel == "acl:relcl"
        && s.head(w)
            .is_some_and(|g| PLAN_NOUN.contains(&s.words[g].lemma.as_str()))
}
