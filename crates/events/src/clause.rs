//! Clause-level readings of a trigger: negation and the sport or entertainment discard.
//! Modality is in `modality`, attribution in `attribution`. Walks are depth-capped like
//! those in `syntax`.

use crate::framing::PLAN_NOUN;
use crate::sentence::Sentence;
use crate::syntax::{base, MAX_DEPTH};

// Word lists below are general English, not tuned to any suite.
const NEG_GOV: &[&str] = &["refuse", "decline", "fail", "reject", "avoid", "refrain"];
/// Verbs whose clausal complement the subject says did not happen ("denied attacking",
/// "denied that its troops had fired"): the event is reported only to be contradicted.
const DENY_GOV: &[&str] = &["deny", "refute"];
/// Nouns whose "that" clause carries what someone says happened ("claims that its jets bombed
/// a hospital"): disputed by a denial verb ("dismissed claims that"), or with "no" ("no
/// evidence that"), the act is reported only to be contradicted, as under "denied that".
const HEARSAY_NOUN: &[&str] = &[
    "claim",
    "allegation",
    "accusation",
    "charge",
    "report",
    "rumour",
    "rumor",
    "suggestion",
    "speculation",
    "assertion",
    "evidence",
    "proof",
    "sign",
    "indication",
];
/// Verbs that dispute a hearsay noun as their object.
const DISPUTE_GOV: &[&str] = &[
    "deny", "refute", "dismiss", "reject", "rebut", "dispute", "contest", "rubbish", "debunk",
];
/// Verbs that end, cut or prevent what their object names ("suspended cooperation", "cut
/// aid", "prevented clashes"): a noun trigger under one of them is stopped, not done.
const HALT_GOV: &[&str] = &[
    "suspend",
    "halt",
    "stop",
    "cease",
    "end",
    "cut",
    "reduce",
    "freeze",
    "abandon",
    "scrap",
    "cancel",
    "sever",
    "downgrade",
    "postpone",
    "terminate",
    "curtail",
    "break",
    "limit",
    "restrict",
    "curb",
    // "agreed to prevent clashes", "averted a war": what is kept from happening.
    "prevent",
    "avert",
    "thwart",
    "foil",
    "forestall",
];
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
    "qualifier",
    "qualifiers",
    "playoff",
    "playoffs",
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
    // A noun stopped by its verb ("suspended cooperation", "cut aid", "talks were suspended"),
    // or an activity ("stopped attacking"), is negated, and takes the stopping's modality:
    // "urged X to cease its negotiations" is a request not to negotiate, "threatened to cut
    // cooperation" a threat not to cooperate.
    if let Some(g) = halting_verb(s, trig) {
        return !negated(s, g);
    }
    let mut w = trig;
    for _ in 0..MAX_DEPTH {
        // "would neither confirm nor deny": both halves are negated.
        let local = s.children(w).any(|c| {
            let cw = &s.words[c];
            (cw.deprel == "advmod" && matches!(cw.lemma.as_str(), "not" | "never" | "n't"))
                || (cw.deprel == "det" && cw.lemma == "no")
                || (base(&cw.deprel) == "cc" && matches!(cw.lemma.as_str(), "neither" | "nor"))
        });
        if local {
            return true;
        }
        // "refused to meet", "did not agree to meet": negation reaches down through xcomp;
        // "denied attacking", "denied that X attacked": through the denial's complement.
        let Some(g) = s.head(w) else { return false };
        let gl = s.words[g].lemma.as_str();
        match base(&s.words[w].deprel) {
            "xcomp" | "ccomp" if DENY_GOV.contains(&gl) => return true,
            "advcl" if matches!(gl, "refrain" | "avoid") => return true,
            // "declined to meet Trump" with the infinitive parsed as advcl, not xcomp.
            "advcl" if NEG_GOV.contains(&gl) && marked_to(s, w) => return true,
            // "the refusal of the Netherlands to let ministers address rallies"
            "xcomp" | "acl" if NEG_GOV.contains(&gl) || gl == "refusal" => return true,
            // "Russia is unlikely to attack", "there are no plans to deploy troops".
            "xcomp" if gl == "unlikely" => return true,
            "acl" if PLAN_NOUN.contains(&gl) && has_det_no(s, g) => return true,
            "acl"
                if HEARSAY_NOUN.contains(&gl)
                    && marked_that(s, w)
                    && (has_det_no(s, g) || disputed(s, g)) =>
            {
                return true
            }
            "xcomp" => w = g,
            // "not provide or sell arms": the negation covers both halves of an "or".
            "conj"
                if s.children(w)
                    .any(|c| matches!(s.words[c].lemma.as_str(), "or" | "nor")) =>
            {
                w = g
            }
            // A noun trigger takes the polarity of its verb ("did not hold talks").
            "obj" if w == trig && s.words[w].upos == "NOUN" => w = g,
            _ => return false,
        }
    }
    false
}

/// Whether the trigger is negated by a denial ("Flynn denied discussing sanctions with the
/// ambassador", "denied that it had met rebels"): the act is said not to have happened, which
/// is not a refusal of it (no 12 code), only a negated report.
pub(crate) fn denied(s: &Sentence, trig: usize) -> bool {
    let mut w = trig;
    for _ in 0..MAX_DEPTH {
        let Some(g) = s.head(w) else { return false };
        match base(&s.words[w].deprel) {
            "xcomp" | "ccomp" if DENY_GOV.contains(&s.words[g].lemma.as_str()) => return true,
            "xcomp" => w = g,
            _ => return false,
        }
    }
    false
}

/// Noun `n` is the object of a verb that disputes it ("dismissed claims", "rejected the
/// allegations").
fn disputed(s: &Sentence, n: usize) -> bool {
    base(&s.words[n].deprel) == "obj"
        && s.head(n)
            .is_some_and(|g| DISPUTE_GOV.contains(&s.words[g].lemma.as_str()))
}

/// Clause head `v` opens with "that" (a content clause, not "the report *while talking*").
/// Any relation: the parser often reads the "that" of "no evidence that Duterte ordered the
/// killings" as a relative pronoun, but after these nouns it opens the content clause.
fn marked_that(s: &Sentence, v: usize) -> bool {
    s.children(v)
        .any(|c| c < v && s.words[c].lemma.eq_ignore_ascii_case("that"))
}

fn has_det_no(s: &Sentence, n: usize) -> bool {
    s.children(n)
        .any(|c| s.words[c].deprel == "det" && s.words[c].lemma == "no")
}

/// Verbs that stop an activity named by their "-ing" complement ("stopped pressing NATO",
/// "ceased firing"); "cease" and "discontinue" also take "to" ("ceased to threaten"). A "to"
/// after "stop" gives a purpose ("stopped to talk"), not what stopped.
const HALT_ACTIVITY: &[&str] = &["stop", "cease", "quit", "halt", "discontinue"];

/// The verb that stops what trigger `n` names, if any: a noun it takes as object ("cut aid")
/// or a verb it takes as complement ("stopped attacking"). Either is negated by the stopping,
/// so "has not stopped attacking" is an attack.
fn halting_verb(s: &Sentence, n: usize) -> Option<usize> {
    if s.words[n].upos == "VERB" {
        let g = s.head(n)?;
        let gl = s.words[g].lemma.as_str();
        let complement = base(&s.words[n].deprel) == "xcomp"
            && (s.words[n].xpos == "VBG" || matches!(gl, "cease" | "discontinue"));
        return (complement && HALT_ACTIVITY.contains(&gl)).then_some(g);
    }
    if s.words[n].upos != "NOUN" {
        return None;
    }
    let g = s.head(n)?;
    let rel = s.words[n].deprel.as_str();
    // "nsubj" only for the passive: "talks were suspended".
    let arg =
        base(rel) == "obj" || (rel == "nsubj:pass") || (rel == "nsubj" && is_passive_word(s, g));
    (arg && HALT_GOV.contains(&s.words[g].lemma.as_str())).then_some(g)
}

pub(crate) fn is_passive_word(s: &Sentence, v: usize) -> bool {
    s.children(v)
        .any(|c| matches!(s.words[c].deprel.as_str(), "aux:pass" | "nsubj:pass"))
}

pub(crate) fn discard_lemma(s: &Sentence, trig: usize) -> Option<String> {
    let mut frontier = vec![trig];
    for _ in 0..3 {
        let mut next = Vec::new();
        for &f in &frontier {
            for c in s.children(f) {
                let cw = &s.words[c];
                // "the league" is sport; "the Arab League" is a political body.
                let named_league = cw.lemma == "league" && cw.upos == "PROPN";
                if DISCARD.contains(&cw.lemma.as_str()) && !named_league {
                    return Some(s.words[c].lemma.clone());
                }
                next.push(c);
            }
        }
        frontier = next;
    }
    None
}

/// Whether `w` has the infinitive marker "to" ("declined *to* meet").
fn marked_to(s: &Sentence, w: usize) -> bool {
    s.children(w)
        .any(|c| s.words[c].deprel == "mark" && s.words[c].lemma == "to")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::attribution;
    use crate::matcher::Modality;
    use crate::modality::modality;
    use crate::sentence::ActorSpan;

    /// A sentence from `form lemma upos head deprel` rows (heads 1-based, 0 = root).
    fn sent(rows: &[(&str, &str, &str, usize, &str)]) -> Sentence {
        Sentence::from_rows(rows)
    }

    #[test]
    fn clause_if_clause_is_possible_and_denial_negates() {
        let s = sent(&[
            ("Russia", "Russia", "PROPN", 2, "nsubj"),
            ("denied", "deny", "VERB", 0, "root"),
            ("it", "it", "PRON", 4, "nsubj"),
            ("attacked", "attack", "VERB", 2, "ccomp"),
            ("Kyiv", "Kyiv", "PROPN", 4, "obj"),
            ("if", "if", "SCONJ", 8, "mark"),
            ("NATO", "NATO", "PROPN", 8, "nsubj"),
            ("expands", "expand", "VERB", 4, "advcl"),
        ]);
        assert!(negated(&s, 3));
        assert_eq!(modality(&s, 3), Modality::Actual);
        assert!(!negated(&s, 7));
        assert_eq!(modality(&s, 7), Modality::Possibility);
    }

    #[test]
    fn clause_noun_reads_its_verb_halt_threat_and_attribution() {
        let s = sent(&[
            ("Turkey", "Turkey", "PROPN", 2, "nsubj"),
            ("threatened", "threaten", "VERB", 0, "root"),
            ("to", "to", "PART", 4, "mark"),
            ("suspend", "suspend", "VERB", 2, "xcomp"),
            ("cooperation", "cooperation", "NOUN", 4, "obj"),
            (",", ",", "PUNCT", 8, "punct"),
            ("Ankara", "Ankara", "PROPN", 8, "nsubj"),
            ("said", "say", "VERB", 2, "parataxis"),
        ]);
        assert!(negated(&s, 4));
        assert_eq!(modality(&s, 4), Modality::Threat);
        let a = attribution(&s, &[ActorSpan::new(6, 6, 6, "TUR")], 4).unwrap();
        assert_eq!((a.word, a.speaker_actors), (7, vec![0]));
    }

    #[test]
    fn clause_disputed_or_unfounded_claims_negate_their_clause() {
        // "Moscow dismissed claims that its jets bombed a hospital": negated; "Moscow cited
        // claims that ..." is not; "no evidence that troops fired" is.
        let claims = |verb: &str, lemma: &str| {
            sent(&[
                ("Moscow", "Moscow", "PROPN", 2, "nsubj"),
                (verb, lemma, "VERB", 0, "root"),
                ("claims", "claim", "NOUN", 2, "obj"),
                ("that", "that", "SCONJ", 6, "mark"),
                ("jets", "jet", "NOUN", 6, "nsubj"),
                ("bombed", "bomb", "VERB", 3, "acl"),
                ("hospitals", "hospital", "NOUN", 6, "obj"),
            ])
        };
        assert!(negated(&claims("dismissed", "dismiss"), 5));
        // Without "that" the clause is no content of the claim ("rejected the report while
        // talking to reporters").
        let mut unmarked = claims("dismissed", "dismiss");
        unmarked.words[3].lemma = "while".into();
        assert!(!negated(&unmarked, 5));
        assert!(!negated(&claims("cited", "cite"), 5));
        let s = sent(&[
            ("Inspectors", "inspector", "NOUN", 2, "nsubj"),
            ("found", "find", "VERB", 0, "root"),
            ("no", "no", "DET", 4, "det"),
            ("evidence", "evidence", "NOUN", 2, "obj"),
            ("that", "that", "SCONJ", 7, "mark"),
            ("troops", "troops", "NOUN", 7, "nsubj"),
            ("fired", "fire", "VERB", 4, "acl"),
        ]);
        assert!(negated(&s, 6));
    }
}
