//! Modality of a trigger: whether the sentence presents the event as done, planned,
//! threatened, requested, expected, alleged or only possible. Walks are depth-capped like
//! those in `syntax`.

use crate::clause::is_passive_word;
use crate::framing::{
    plainly_done, proposed_or_asked, relative_of_plan, ALLEGED_ADJ, ALLEGED_ADV, PLAN_NOUN,
    PURPOSE_IS_ACT,
};
use crate::sentence::Sentence;
use crate::syntax::{base, has_case, has_to_mark, MAX_DEPTH};

/// How real the event is, as the sentence presents it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Modality {
    /// Happened or is happening.
    Actual,
    /// Planned or intended ("plans to meet", "will visit", "is to meet").
    Intent,
    /// Expected by someone ("expect Kim to make the trip").
    Expectation,
    /// Threatened ("threatened to attack").
    Threat,
    /// Possible ("could visit", "may hold").
    Possibility,
    /// The content of an appeal or demand ("urged X *to cease*"); the appeal is the event.
    Requested,
    /// Reported as someone's allegation ("*allegedly* broke into", "is alleged to have
    /// supplied"): coded as the act, but not established.
    Alleged,
}

// Word lists below are general English, not tuned to any suite.
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
/// Verbs whose noun object is planned or offered, not done ("plans exercises", "offered
/// talks"); narrower than `INTENT_GOV` because "agreed a ceasefire" is done.
const NOUN_INTENT_GOV: &[&str] = &[
    "plan", "intend", "propose", "offer", "seek", "want", "promise", "pledge", "schedule",
    "prepare", "prep", "hope", "consider", "mull", "weigh",
];
/// Verbs whose clausal complement is only feared or suspected.
const FEAR_GOV: &[&str] = &["fear", "worry", "suspect", "doubt", "speculate", "wonder"];
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
/// Nouns of asking whose "for" phrase is asked to do what a following infinitive says.
const REQUEST_NOUN: &[&str] = &[
    "call", "demand", "appeal", "plea", "request", "pressure", "push", "campaign",
];
/// Whether `lemma` is a noun of asking ("calls for Assad to step down").
pub(crate) fn is_request_noun(lemma: &str) -> bool {
    REQUEST_NOUN.contains(&lemma)
}
/// Whether `lemma` is a verb of asking or making whose object is asked to do what its
/// infinitive says ("urged Algeria *to exercise* restraint"); the pipeline's parse repair
/// reads the infinitive as the verb's complement after these.
pub fn is_request_verb(lemma: &str) -> bool {
    REQUEST_GOV.contains(&lemma)
}
/// Verbs whose "that" clause is requested when it is in the subjunctive ("insisted that
/// Tehran release the sailors") and reported when it is not ("insisted that it had paid").
const MANDATIVE_GOV: &[&str] = &["insist", "suggest", "recommend", "require", "stipulate"];
/// Verbs whose "that" clause is only wished for ("hopes that the talks resume").
const WISH_GOV: &[&str] = &["hope", "wish", "want", "pray"];
/// Verbs whose "that" clause is brought about when they are done ("ensured that aid
/// arrived") and only aimed at when they are not ("to ensure that aid arrives").
const ENSURE_GOV: &[&str] = &["ensure", "guarantee", "insure"];
/// Subordinators that make their clause a hypothesis or an open question; "should" is one
/// only where the repair made it a `mark` ("should the need arise", see
/// `repair::conditional_inversion`).
const HYPOTHESIS_MARK: &[&str] = &["if", "unless", "whether", "should"];
/// Words that open a question about a known event ("Why did X attack Y?"): such a question
/// takes the event as given, unlike a yes/no question ("Will X attack Y?").
const WH_WORDS: &[&str] = &[
    "why", "how", "when", "where", "what", "who", "which", "whom", "whose",
];
pub(crate) const POSSIBLE_AUX: &[&str] =
    &["could", "may", "might", "would", "should", "must", "can"];

/// A yes/no question ("Will China attack Taiwan?", "Russia to attack Ukraine?"): the
/// sentence ends in a question mark (closing quotes aside) and does not open with a wh-word.
fn yes_no_question(s: &Sentence) -> bool {
    const CLOSERS: &str = "\"'\u{201d}\u{2019})\u{bb}";
    let last = s
        .words
        .iter()
        .rev()
        .find(|w| !w.form.chars().all(|c| CLOSERS.contains(c)));
    // Scraped text often turns a closing curly quote into `"?` (mojibake): a question mark
    // right after a straight quote closes a quotation, it does not ask.
    let asks = last.is_some_and(|w| {
        w.form
            .find('?')
            .and_then(|q| s.text.get(..w.start + q))
            .is_some_and(|before| !before.ends_with('"'))
    });
    let first = s.words.iter().find(|w| w.upos != "PUNCT");
    asks && !first.is_some_and(|w| WH_WORDS.contains(&w.lemma.as_str())) && !tag_question(s)
}

/// A statement closed by a question tag (", don't they?", ", isn't it?", ", did he?"): the
/// tag asks for agreement, the statement is asserted.
fn tag_question(s: &Sentence) -> bool {
    let words: Vec<&crate::sentence::Word> = s
        .words
        .iter()
        .filter(|w| w.upos != "PUNCT" || w.form.contains(','))
        .collect();
    let n = words.len();
    if n < 4 || words[n - 1].upos != "PRON" {
        return false;
    }
    let neg = matches!(words[n - 2].lemma.as_str(), "not" | "n't");
    let aux = if neg { n - 3 } else { n - 2 };
    aux >= 1 && words[aux].upos == "AUX" && words[aux - 1].form == ","
}

/// A mandative subjunctive clause: a bare verb with no auxiliary ("that Tehran release"),
/// or a bare passive ("that the sailors be released").
fn subjunctive(s: &Sentence, w: usize) -> bool {
    let bare_pass = s
        .children(w)
        .any(|c| s.words[c].deprel == "aux:pass" && s.words[c].xpos == "VB");
    let aux = s.children(w).any(|c| s.words[c].deprel == "aux");
    !aux && (s.words[w].xpos == "VB" || bare_pass)
}

/// A past tense with no auxiliary of its own ("objected", "arrested 13 people").
fn finite_past(s: &Sentence, w: usize) -> bool {
    let own_aux = s.children(w).any(|c| s.words[c].deprel.starts_with("aux"));
    matches!(s.words[w].xpos.as_str(), "VBD" | "VBN") && !own_aux
}

/// Is appeal verb `v` read as an appeal? "call" only with "on" or "for" ("called on Fox News
/// to apologize"): "called Rutte to congratulate him" is a phone call made to do something,
/// and "were called in to end a protest" a summons.
fn addressed(s: &Sentence, v: usize) -> bool {
    if s.words[v].lemma != "call" {
        return true;
    }
    // The preposition follows the verb, perhaps after an adverb ("called again for").
    s.words
        .iter()
        .skip(v + 1)
        .find(|w| w.upos != "ADV")
        .is_some_and(|w| matches!(w.lemma.as_str(), "on" | "for" | "upon"))
}

/// Does clause head `w` open with "if", "unless" or "whether"?
fn hypothesis_mark(s: &Sentence, w: usize) -> bool {
    s.children(w).any(|c| {
        matches!(s.words[c].deprel.as_str(), "mark" | "advmod")
            && HYPOTHESIS_MARK.contains(&s.words[c].lemma.as_str())
    })
}

/// Modality: a yes/no question or an if/unless/whether clause first (nothing is asserted),
/// then the trigger's own auxiliaries, then the verb that governs it, innermost wins.
pub(crate) fn modality(s: &Sentence, trig: usize) -> Modality {
    if yes_no_question(s) {
        return Modality::Possibility;
    }
    if let Some(m) = proposed_or_asked(s, trig) {
        return m;
    }
    let mut w = trig;
    // A conjunct with a subject of its own is a clause of its own: "CNN cannot confirm her
    // claims, and Russia has denied any connection" does not share "cannot".
    let mut foreign_aux: Option<usize> = None;
    for _ in 0..MAX_DEPTH {
        if hypothesis_mark(s, w) {
            return Modality::Possibility; // "if NATO attacks", "whether talks resume"
        }
        let own_aux = s.children(w).filter(|_| foreign_aux != Some(w));
        for c in own_aux {
            let cw = &s.words[c];
            if cw.deprel == "aux" {
                // "a bill that would send aid": what a proposal would do is proposed.
                if cw.lemma == "would" && relative_of_plan(s, w) {
                    return Modality::Intent;
                }
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
        if s.children(w).any(|c| {
            let (rel, form) = (s.words[c].deprel.as_str(), s.words[c].form.to_lowercase());
            (rel == "advmod" && ALLEGED_ADV.contains(&form.as_str()))
                || (rel == "amod" && ALLEGED_ADJ.contains(&form.as_str()))
        }) {
            return Modality::Alleged;
        }
        // "renewed calls for Assad to step down": what a call names is asked of its "for"
        // phrase, not done.
        if has_to_mark(s, w) && crate::subject::for_phrase_subject(s, w).is_some() {
            return Modality::Requested;
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
        let rel = base(&s.words[w].deprel);
        // "edged closer to retaking the area", "are close to a deal": not yet done.
        if near_to(s, w, g) {
            return Modality::Expectation;
        }
        // "to aid the SDF *in their offensive*": the possessor's own running activity is
        // going on whatever the modality of the verb that joins it.
        if w == trig && s.words[w].upos == "NOUN" && ongoing_own_activity(s, w) {
            return Modality::Actual;
        }
        // "pressed ahead with talks *despite* a request from Turkey": the request was made,
        // whatever the verb says of the talks.
        if w == trig
            && s.children(w).any(|c| {
                s.words[c].deprel == "case"
                    && matches!(s.words[c].lemma.as_str(), "despite" | "notwithstanding")
            })
        {
            return Modality::Actual;
        }
        // A noun trigger is read through the verb that takes it: "threatened sanctions",
        // "plans joint exercises", "called for talks", "talks could resume".
        if w == trig && s.words[w].upos == "NOUN" && matches!(rel, "obj" | "obl" | "nsubj") {
            match gl {
                "expect" | "anticipate" => return Modality::Expectation,
                "threaten" => return Modality::Threat,
                _ if NOUN_INTENT_GOV.contains(&gl) => return Modality::Intent,
                _ if REQUEST_GOV.contains(&gl) || gl == "call" => return Modality::Requested,
                _ => {
                    w = g;
                    continue;
                }
            }
        }
        match rel {
            "xcomp" | "ccomp" if gl == "expect" => return Modality::Expectation,
            // "Russia is unlikely to attack" (negated too) and "is likely to attack" are
            // assessments, not plans.
            "xcomp" if gl == "unlikely" => return Modality::Possibility,
            "xcomp" if gl == "likely" => return Modality::Expectation,
            // "hopes that talks resume", "wants to ensure that Washington continues to
            // support": someone's wish for what another does, not the other's act.
            "ccomp" if WISH_GOV.contains(&gl) => return Modality::Possibility,
            "ccomp" if ENSURE_GOV.contains(&gl) && !plainly_done(s, g) => {
                return Modality::Possibility
            }
            // "the committee's proposal *to earmark* aid", "plans *to deploy* troops".
            "acl" if PLAN_NOUN.contains(&gl) && has_to_mark(s, w) => return Modality::Intent,
            // "is alleged to have supplied arms".
            "xcomp" if gl == "allege" && is_passive_word(s, g) => return Modality::Alleged,
            // "Muslims fear that the government will attack their organisations": a fear is
            // not the government's threat or plan.
            "ccomp" if FEAR_GOV.contains(&gl) => return Modality::Possibility,
            "xcomp" if gl == "threaten" => return Modality::Threat,
            "xcomp" if INTENT_GOV.contains(&gl) => return Modality::Intent,
            "xcomp" if REQUEST_GOV.contains(&gl) => return Modality::Requested,
            // "demanded that the minister resign", "insisted that Tehran release the sailors":
            // what is demanded has not happened; the demand is the event. Only a subjunctive
            // complement is demanded: "insisted that it had not fired" reports a claim, and
            // "asked what he would do" a question.
            "ccomp"
                if (REQUEST_GOV.contains(&gl) || MANDATIVE_GOV.contains(&gl))
                    && subjunctive(s, w) =>
            {
                return Modality::Requested
            }
            // "called for the US to withdraw": the purpose-like infinitive is the request;
            // "police were called in to end a protest" were sent, not asked.
            "advcl" if REQUEST_GOV.contains(&gl) && has_to_mark(s, w) && addressed(s, g) => {
                return Modality::Requested
            }
            "xcomp" if gl == "be" => return Modality::Intent,
            // "began a hunger strike *to protest* the decision": the act done was the protest;
            // a purpose that names what the act itself says is not a plan.
            "advcl"
                if has_to_mark(s, w)
                    && PURPOSE_IS_ACT.contains(&s.words[w].lemma.as_str())
                    && plainly_done(s, g) =>
            {
                return Modality::Actual
            }
            // Purpose ("went to Moscow *to meet* Putin"); before a gerund "to" is a
            // preposition ("resorted *to throwing* stones"), not a purpose.
            "advcl" if has_to_mark(s, w) && s.words[w].xpos != "VBG" => return Modality::Intent,
            // "demanded that Jakarta return the ship and angrily protested": a past tense
            // joined to a bare verb is the parser's misplaced second clause, not its twin.
            "conj" if s.words[g].xpos == "VB" && finite_past(s, w) => return Modality::Actual,
            "conj" => {
                // Not a subordinate clause joined as a conjunct ("and when Xi visits"):
                // that takes its time from the clause it hangs on.
                let own_subject = s
                    .children(w)
                    .any(|c| matches!(s.words[c].deprel.as_str(), "nsubj" | "nsubj:pass"));
                let marked = s.children(w).any(|c| s.words[c].deprel == "mark");
                if own_subject && !marked {
                    foreign_aux = Some(g);
                }
                w = g
            }
            "xcomp" => w = g,
            _ => return Modality::Actual,
        }
    }
    Modality::Actual
}

/// Whether `w` (under `g`) is what someone is close to: "close to retaking", "edged *closer*
/// to retaking" (the comparative parsed as the verb's object), "nearer to a deal".
fn near_to(s: &Sentence, w: usize, g: usize) -> bool {
    let to = s
        .children(w)
        .any(|c| matches!(s.words[c].deprel.as_str(), "mark" | "case") && s.words[c].lemma == "to");
    let near = |x: usize| {
        matches!(s.words[x].upos.as_str(), "ADJ" | "ADV")
            && matches!(
                s.words[x].form.to_lowercase().as_str(),
                "close" | "closer" | "near" | "nearer"
            )
    };
    to && (near(g) || s.children(g).any(|c| c != w && near(c) && c < w))
}

/// A noun in an "in" phrase with a possessive ("in *their* offensive", "in its war"): the
/// possessor's activity under way, which the governing verb helps or joins.
fn ongoing_own_activity(s: &Sentence, n: usize) -> bool {
    let case_in = has_case(s, n, &["in"]);
    let possessed = s
        .children(n)
        .any(|c| s.words[c].deprel == "nmod:poss" && s.words[c].upos == "PRON");
    case_in && possessed && matches!(base(&s.words[n].deprel), "obl" | "nmod")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A sentence from `form lemma upos head deprel` rows (heads 1-based, 0 = root).
    fn sent(rows: &[(&str, &str, &str, usize, &str)]) -> Sentence {
        Sentence::from_rows(rows)
    }

    #[test]
    fn clause_yes_no_question_is_possible_but_wh_question_is_not() {
        let yes_no = sent(&[
            ("Will", "will", "AUX", 3, "aux"),
            ("China", "China", "PROPN", 3, "nsubj"),
            ("attack", "attack", "VERB", 0, "root"),
            ("Taiwan", "Taiwan", "PROPN", 3, "obj"),
            ("?", "?", "PUNCT", 3, "punct"),
        ]);
        assert_eq!(modality(&yes_no, 2), Modality::Possibility);
        let wh = sent(&[
            ("Why", "why", "ADV", 4, "advmod"),
            ("did", "do", "AUX", 4, "aux"),
            ("China", "China", "PROPN", 4, "nsubj"),
            ("attack", "attack", "VERB", 0, "root"),
            ("Taiwan", "Taiwan", "PROPN", 4, "obj"),
            ("?", "?", "PUNCT", 4, "punct"),
        ]);
        assert_eq!(modality(&wh, 3), Modality::Actual);
        let mojibake = sent(&[
            ("EU", "EU", "PROPN", 2, "nsubj"),
            ("urged", "urge", "VERB", 0, "root"),
            ("release", "release", "NOUN", 2, "obj"),
            ("\"", "\"", "PUNCT", 2, "punct"),
            ("?", "?", "PUNCT", 2, "punct"),
        ]);
        assert_eq!(mojibake.text, "EU urged release \" ?");
        let mut glued = mojibake.clone();
        glued.text = "EU urged release\"?".into();
        glued.words[3].start = 16;
        glued.words[3].end = 17;
        glued.words[4].start = 17;
        glued.words[4].end = 18;
        assert!(yes_no_question(&mojibake));
        assert!(!yes_no_question(&glued));
    }
}
