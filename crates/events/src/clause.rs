//! Clause-level readings of a trigger: negation, modality, attribution and the sport or
//! entertainment discard. Walks are depth-capped like those in `syntax`.

use crate::framing::{
    plainly_done, proposed_or_asked, relative_of_plan, ALLEGED_ADJ, ALLEGED_ADV, PLAN_NOUN,
    PURPOSE_IS_ACT,
};
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
/// Verbs whose "that" clause is requested when it is in the subjunctive ("insisted that
/// Tehran release the sailors") and reported when it is not ("insisted that it had paid").
const MANDATIVE_GOV: &[&str] = &["insist", "suggest", "recommend", "require", "stipulate"];
const NEG_GOV: &[&str] = &["refuse", "decline", "fail", "reject", "avoid", "refrain"];
/// Verbs whose clausal complement the subject says did not happen ("denied attacking",
/// "denied that its troops had fired"): the event is reported only to be contradicted.
const DENY_GOV: &[&str] = &["deny", "refute"];
/// Verbs that end or cut what their object names ("suspended cooperation", "cut aid"): a
/// noun trigger under one of them is the thing being stopped, not done.
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
];
/// Subordinators that make their clause a hypothesis or an open question.
const HYPOTHESIS_MARK: &[&str] = &["if", "unless", "whether"];
/// Words that open a question about a known event ("Why did X attack Y?"): such a question
/// takes the event as given, unlike a yes/no question ("Will X attack Y?").
const WH_WORDS: &[&str] = &[
    "why", "how", "when", "where", "what", "who", "which", "whom", "whose",
];
pub(crate) const POSSIBLE_AUX: &[&str] =
    &["could", "may", "might", "would", "should", "must", "can"];
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
    // A noun stopped by its verb ("suspended cooperation", "cut aid", "talks were suspended")
    // is negated, and takes the stopping's modality: "urged X to cease its negotiations" is a
    // request not to negotiate, "threatened to cut cooperation" a threat not to cooperate.
    if let Some(g) = halting_verb(s, trig) {
        return !negated(s, g);
    }
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
        // "refused to meet", "did not agree to meet": negation reaches down through xcomp;
        // "denied attacking", "denied that X attacked": through the denial's complement.
        let Some(g) = s.head(w) else { return false };
        let gl = s.words[g].lemma.as_str();
        match base(&s.words[w].deprel) {
            "xcomp" | "ccomp" if DENY_GOV.contains(&gl) => return true,
            "advcl" if matches!(gl, "refrain" | "avoid") => return true,
            // "the refusal of the Netherlands to let ministers address rallies"
            "xcomp" | "acl" if NEG_GOV.contains(&gl) || gl == "refusal" => return true,
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

/// The verb that stops what noun trigger `n` names, if any.
fn halting_verb(s: &Sentence, n: usize) -> Option<usize> {
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

fn is_passive_word(s: &Sentence, v: usize) -> bool {
    s.children(v)
        .any(|c| matches!(s.words[c].deprel.as_str(), "aux:pass" | "nsubj:pass"))
}

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
    asks && !first.is_some_and(|w| WH_WORDS.contains(&w.lemma.as_str()))
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
    for _ in 0..MAX_DEPTH {
        if hypothesis_mark(s, w) {
            return Modality::Possibility; // "if NATO attacks", "whether talks resume"
        }
        for c in s.children(w) {
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
            // "demanded that Malaysia hand over the body and angrily objected": a past tense
            // joined to a bare verb is the parser's misplaced second clause, not its twin.
            "conj" if s.words[g].xpos == "VB" && finite_past(s, w) => return Modality::Actual,
            "xcomp" | "conj" => w = g,
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
    let case_in = s
        .children(n)
        .any(|c| s.words[c].deprel == "case" && s.words[c].lemma == "in");
    let possessed = s
        .children(n)
        .any(|c| s.words[c].deprel == "nmod:poss" && s.words[c].upos == "PRON");
    case_in && possessed && matches!(base(&s.words[n].deprel), "obl" | "nmod")
}

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sentence::Word;

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
