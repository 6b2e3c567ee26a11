//! The logical subject of a verb: its own subject, the controller of an infinitive (object
//! or subject control), the noun a relative clause hangs on, and conjuncts. Walks are
//! depth-capped like those in `syntax`.

use crate::pattern::Rel;
use crate::roles::document_author;
use crate::sentence::Sentence;
use crate::syntax::{base, follow, has_to_mark, is_passive, passive_patient, MAX_DEPTH};

/// Verbs whose object (or "on" phrase) controls an infinitive: "urged *X* to cease".
const OBJECT_CONTROL: &[&str] = &[
    "urge",
    "ask",
    "call",
    "persuade",
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
    "expect",
    "want",
    "allow",
    "permit",
    "help",
    "tell",
    "enable",
    "need",
    "advise",
    "authorize",
    "authorise",
    "require",
    "warn",
    "lead",
    "get",
    "remind",
    "train",
    "compel",
    "oblige",
    "instruct",
    "pressurize",
    "pressurise",
    "lobby",
    "implore",
    "beg",
];

/// The logical subject of verb `v`: its own `nsubj`, else the controller (object control for
/// `xcomp` when the governor has an object, subject control otherwise), else through `conj`
/// and purpose clauses ("visit Russia to meet Putin").
pub(crate) fn subject_of(s: &Sentence, v: usize, depth: usize) -> Vec<usize> {
    if depth > MAX_DEPTH {
        return Vec::new();
    }
    let own: Vec<usize> = if s.words[v].upos == "ADJ" {
        // "Syria says it is *willing* to withdraw": a predicate adjective's subject, which
        // parsers sometimes label `expl`.
        s.children(v)
            .filter(|&c| matches!(s.words[c].deprel.as_str(), "nsubj" | "expl"))
            .collect()
    } else if is_passive(s, v) {
        follow(
            s,
            v,
            &[Rel {
                deprel: "obl".into(),
                case: Some("by".into()),
            }],
        )
    } else {
        s.children(v)
            .filter(|&c| s.words[c].deprel == "nsubj")
            .collect()
    };
    if own.is_empty() {
        if let Some(n) = subject_swallowed_by_fronted_date(s, v) {
            return vec![n];
        }
        if let Some(n) = for_phrase_subject(s, v) {
            return vec![n];
        }
    }
    let Some(g) = s.head(v) else {
        return own;
    };
    let relative = base(&s.words[v].deprel) == "acl";
    if !own.is_empty() {
        // "the soldiers who arrested ...": the relative pronoun stands for the noun.
        if relative
            && own
                .iter()
                .all(|&w| matches!(s.words[w].lemma.as_str(), "who" | "which" | "that"))
        {
            return vec![g];
        }
        return own;
    }
    // "refugees *fleeing* the war", "soldiers *arrested* 100 people": an active verb
    // attached to a noun has that noun as its subject (not "efforts *to* resolve").
    if relative && !is_passive(s, v) && !has_to_mark(s, v) {
        if let Some(author) = document_author(s, v) {
            return author;
        }
        return vec![g];
    }
    if let Some(n) = nominal_root_subject(s, v) {
        return vec![n];
    }
    // "The Palestinians reject the plan, Erakat said": with the speech verb last, parsers
    // often hang the opening subject on it. A subject of the governor that stands before
    // this clause's verb, while the governor comes after it, belongs to this clause.
    if matches!(base(&s.words[v].deprel), "ccomp" | "parataxis") && g > v {
        let stolen: Vec<usize> = s
            .children(g)
            .filter(|&c| s.words[c].deprel == "nsubj" && c < v)
            .collect();
        if !stolen.is_empty() {
            return stolen;
        }
    }
    if let Some(subj) = crate::roles::coordinated_sibling_subject(s, v, g) {
        return subj;
    }
    match base(&s.words[v].deprel) {
        "xcomp" => controller(s, g, v, depth),
        "conj" => subject_of(s, g, depth + 1),
        // Parsers often label "persuade X *to sell*" advcl; object-control verbs keep their
        // object as the controller either way.
        "advcl" if has_to_mark(s, v) => controller(s, g, v, depth),
        // "Troops shelled the town, *killing* nine civilians", "after *meeting* Putin, Kim
        // said": a participial adjunct without a subject of its own is done by the subject
        // of the clause it hangs on; of a passive clause, by its patient ("the envoy was
        // expelled after *meeting* opposition leaders"), not by the agent.
        "advcl" if participial_adjunct(s, v) => {
            let patient = passive_patient(s, g);
            if is_passive(s, g) && !patient.is_empty() {
                patient
            } else {
                subject_of(s, g, depth + 1)
            }
        }
        _ => Vec::new(),
    }
}

/// A gerund-participle adjunct set off as one: ", *killing* nine" after a comma, or opening the
/// sentence, or after a temporal subordinator ("after *meeting* Putin"). Not "by *encouraging*
/// more people" (the means of the governing act, whose modality it shares), not "without" (the
/// act did not happen), not a to-infinitive (handled by control), not a participle that
/// modifies a noun without a comma ("a speech *attacking* the government"), and not a speech
/// participle ("*Speaking* to reporters, the minister said": the statement is the main verb's).
fn participial_adjunct(s: &Sentence, v: usize) -> bool {
    if s.words[v].xpos != "VBG" || PARTICIPLE_SPEECH.contains(&s.words[v].lemma.as_str()) {
        return false;
    }
    let mut marks = s
        .children(v)
        .filter(|&c| base(&s.words[c].deprel) == "mark")
        .peekable();
    if marks.peek().is_some() {
        return marks.all(|c| {
            matches!(
                s.words[c].lemma.as_str(),
                "after" | "before" | "while" | "when" | "upon" | "since"
            )
        });
    }
    v == 0 || s.words[v - 1].form == ","
}

/// Participles of speaking: the statement they frame is the governing clause's.
const PARTICIPLE_SPEECH: &[&str] = &[
    "speak", "talk", "say", "tell", "write", "address", "comment", "add", "note", "explain",
];

/// A parser slip common on headline-like news sentences: "The Palestinians reject ..." comes
/// out with the noun as root and the verb as its `xcomp`/`acl`/`parataxis`. When the verb hangs
/// directly from a nominal in a clause's head position that precedes it, that nominal is the
/// subject.
fn nominal_root_subject(s: &Sentence, v: usize) -> Option<usize> {
    let g = s.head(v)?;
    let nominal = matches!(s.words[g].upos.as_str(), "NOUN" | "PROPN" | "PRON");
    // "Palestinians of the West Bank *shunned* work": the verb may also come out as a
    // conjunct of the root nominal. Not when the nominal is a predicate with a subject of its
    // own ("Conway is a graduate ... and received", whose subject the conjunct shares), nor
    // when a finite verb stands between them ("the command confirmed that jets breached ...
    // and *attacked*": the conjunct belongs to that clause).
    let conj_of_root = base(&s.words[v].deprel) == "conj"
        && s.words[v].upos == "VERB"
        && s.head(g).is_none()
        && !s.children(g).any(|c| base(&s.words[c].deprel) == "nsubj")
        && !(g + 1..v).any(|k| {
            matches!(s.words[k].xpos.as_str(), "VBD" | "VBZ" | "VBP")
                || s.children(k).any(|c| base(&s.words[c].deprel) == "nsubj")
        });
    let hangs = matches!(
        base(&s.words[v].deprel),
        "xcomp" | "acl" | "parataxis" | "ccomp"
    ) || conj_of_root;
    // The nominal stands where a clause's verb should be: the root or a clause relation.
    let clause_slot = s.head(g).is_none()
        || matches!(
            base(&s.words[g].deprel),
            "ccomp" | "parataxis" | "conj" | "root"
        );
    (nominal && hangs && g < v && clause_slot && !has_to_mark(s, v)).then_some(g)
}

/// Verbs whose "for" phrase names who is asked to act in a following infinitive: "called
/// *for* Sessions to resign", "pushed for Kyiv to hold talks". Not "time for", "room for",
/// "a chance for": what those name is no one's act.
const FOR_TO_VERBS: &[&str] = &[
    "call", "press", "push", "appeal", "plead", "lobby", "campaign", "clamour", "clamor", "wait",
    "arrange",
];

/// A parser slip on "calls for Assad to step down": the "for" phrase that is the infinitive's
/// subject comes out as a modifier of "calls" (or an oblique of "called") and the infinitive as
/// an adjunct of the main verb, whose subject would then be read as the one to step down.
/// When a "for" phrase under a noun or verb of asking ends right where the infinitive's "to"
/// begins, its noun is the infinitive's subject.
pub(crate) fn for_phrase_subject(s: &Sentence, v: usize) -> Option<usize> {
    let to = s
        .children(v)
        .find(|&c| s.words[c].deprel == "mark" && s.words[c].lemma == "to" && c < v)?;
    let n = (0..to).rev().find(|&n| {
        matches!(s.words[n].upos.as_str(), "NOUN" | "PROPN" | "PRON")
            && s.children(n)
                .any(|c| c < n && s.words[c].deprel == "case" && s.words[c].lemma == "for")
    })?;
    // Every word between the noun and "to" belongs to the noun's phrase.
    let inside = |k: usize| {
        let mut w = k;
        for _ in 0..MAX_DEPTH {
            if w == n {
                return true;
            }
            match s.head(w) {
                Some(h) => w = h,
                None => return false,
            }
        }
        false
    };
    if !(n + 1..to).all(inside) {
        return None;
    }
    let h = s.head(n)?;
    let lemma = s.words[h].lemma.as_str();
    let caller = FOR_TO_VERBS.contains(&lemma)
        || crate::modality::is_request_verb(lemma)
        || (s.words[h].upos == "NOUN" && crate::modality::is_request_noun(lemma));
    (caller && h < n).then_some(n)
}

/// A parser slip on a fronted date without a comma: "In 1982 Israeli troops invaded ..." comes
/// out as one prepositional phrase "In 1982 Israeli troops" (`obl` of the verb, the year its
/// `nummod`), leaving the finite verb with no subject. When a finite verb has no subject and an
/// `obl` before it opens with a case word followed directly by a year or a day or month name
/// that the parser hung on the noun, that noun is the subject.
fn subject_swallowed_by_fronted_date(s: &Sentence, v: usize) -> Option<usize> {
    if !matches!(s.words[v].xpos.as_str(), "VBD" | "VBZ" | "VBP") {
        return None;
    }
    let n = s
        .children(v)
        .find(|&c| c < v && base(&s.words[c].deprel) == "obl")?;
    if !matches!(s.words[n].upos.as_str(), "NOUN" | "PROPN") {
        return None;
    }
    let case = s
        .children(n)
        .find(|&c| s.words[c].deprel == "case" && c + 1 < n)?;
    let date = case + 1;
    let w = &s.words[date];
    let year = w.form.len() == 4
        && w.form.chars().all(|c| c.is_ascii_digit())
        && matches!(&w.form[..2], "19" | "20");
    let named = crate::dates::is_day_or_month_name(&w.form.to_ascii_lowercase());
    ((year || named) && s.head(date) == Some(n)).then_some(n)
}

/// Who does what an infinitive under `g` describes: the object of an object-control verb
/// ("urged Iran to stop", "called on Iran to stop"), else `g`'s own subject ("tried to stop",
/// "visited Russia to meet Putin").
fn controller(s: &Sentence, g: usize, v: usize, depth: usize) -> Vec<usize> {
    // A passive governor's patient does the infinitive: "Iran *was asked* to stop", "he is
    // prepared to lift the ban" (parsers often read the adjective as a passive participle).
    let patient = passive_patient(s, g);
    if !patient.is_empty() && s.words[g].deprel != "acl" {
        return patient;
    }
    // A speaker does not do what a to-infinitive under the active speech verb says: in
    // "Peskov says the strike prompted Putin and Erdogan *to discuss* cooperation" a parser
    // may hang the infinitive on "says", and "he said to expect delays" tells others what to
    // do. The speaker is the attribution, not the source. A gerund is the speaker's own act
    // ("police reported killing ..."), and so is what a passive says of its subject ("he is
    // said to have met ...").
    if SPEECH_ONLY.contains(&s.words[g].lemma.as_str())
        && has_to_mark(s, v)
        && !is_passive(s, g)
        && s.words[g].deprel != "acl"
    {
        return Vec::new();
    }
    // "claiming the coal helped fund rebels": a finite verb after the object of a verb that
    // reports a clause has that object as its subject (the parser's `xcomp` for a clause with
    // a subject of its own). Only after such verbs: in "a raid targeting al-Qaeda killed 30"
    // the same shape is the parser's misplaced main verb, whose subject is not al-Qaeda. A
    // pronoun there ("Ethiopia indicated it deplored Libya") most often stands for the
    // governor's subject, which subject control below gives.
    if !has_to_mark(s, v)
        && matches!(s.words[v].xpos.as_str(), "VBD" | "VBZ" | "VBP")
        && CLAUSE_GOV.contains(&s.words[g].lemma.as_str())
    {
        let obj: Vec<usize> = s
            .children(g)
            .filter(|&c| s.words[c].deprel == "obj" && c < v && s.words[c].upos != "PRON")
            .collect();
        if !obj.is_empty() {
            return obj;
        }
    }
    if OBJECT_CONTROL.contains(&s.words[g].lemma.as_str()) {
        let obj: Vec<usize> = s
            .children(g)
            .filter(|&c| matches!(s.words[c].deprel.as_str(), "obj" | "iobj"))
            .collect();
        if !obj.is_empty() {
            return obj;
        }
        let on = follow(
            s,
            g,
            &[Rel {
                deprel: "obl".into(),
                case: Some("on".into()),
            }],
        );
        if !on.is_empty() {
            return on;
        }
    }
    subject_of(s, g, depth + 1)
}

/// Verbs that report a clause ("claimed the coal helped", "believe the army fired").
const CLAUSE_GOV: &[&str] = &[
    "say",
    "claim",
    "allege",
    "believe",
    "think",
    "argue",
    "insist",
    "assert",
    "report",
    "fear",
    "suspect",
    "suggest",
    "show",
    "find",
    "know",
    "hope",
    "deny",
    "admit",
    "acknowledge",
    "confirm",
    "warn",
    "maintain",
    "contend",
    "conclude",
    "indicate",
];

/// Verbs that only report speech (object-control "tell" is in `OBJECT_CONTROL`).
/// "claim" and "allege" are not here: "IS claimed to have carried out the attack".
const SPEECH_ONLY: &[&str] = &[
    "say",
    "add",
    "note",
    "state",
    "write",
    "explain",
    "tweet",
    "stress",
    "reiterate",
];

/// Adds conjuncts: "Putin and Kim" gives both heads.
pub(crate) fn with_conjuncts(s: &Sentence, words: Vec<usize>) -> Vec<usize> {
    let mut out = Vec::new();
    let mut stack = words;
    while let Some(w) = stack.pop() {
        if out.contains(&w) || out.len() > 16 {
            continue;
        }
        out.push(w);
        stack.extend(s.children(w).filter(|&c| s.words[c].deprel == "conj"));
    }
    out.sort_unstable();
    out
}
