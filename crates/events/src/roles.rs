//! Role guards: the places where a naive tree walk hands an event to the wrong actor. Each
//! guard answers one question the matcher asks while reading roles: may the subject of the
//! verb that governs a noun trigger be the noun's agent ("the Kremlin *criticized* his
//! arrest" is not an arrest by the Kremlin), may a search for an actor step down a
//! preposition phrase ("a letter *to Trump*" is not Trump), may a possessive pronoun stand
//! for a clause's subject ("NATO may attend *our* drills" is not NATO's drills), and who
//! writes a letter that demands something.

use crate::ontology::CameoCode;
use crate::sentence::Sentence;
use crate::syntax::{base, subject_of, with_conjuncts};

/// Verbs whose subject reacts to, asks for, reports on or undergoes the event a noun names,
/// rather than doing it: "X condemned the arrest", "X demanded the release of Y", "X faced
/// sanctions". The subject of such a verb is not the noun's agent.
const REACTION: &[&str] = &[
    "criticize",
    "criticise",
    "condemn",
    "denounce",
    "decry",
    "deplore",
    "slam",
    "blast",
    "welcome",
    "hail",
    "praise",
    "applaud",
    "commend",
    "protest",
    "oppose",
    "deny",
    "dismiss",
    "question",
    "challenge",
    "fear",
    "mourn",
    "regret",
    "lament",
    "investigate",
    "probe",
    "report",
    "witness",
    "survive",
    "escape",
    "face",
    "suffer",
    "endure",
    "resist",
    "demand",
    "urge",
    "await",
    "expect",
    "predict",
    "blame",
    "describe",
    "call",
    "reflect",
    "follow",
    "prompt",
    "trigger",
    "spark",
    "cause",
    "provoke",
];

/// Whether the subject of `g` may be read as the agent of noun trigger `trig` below it.
pub(crate) fn govsubj_is_agent(s: &Sentence, g: usize, trig: usize) -> bool {
    // "the woman's detention reflects ...": the noun is the governor's own subject, and the
    // walk would come back to the noun itself (and from there to its possessor, the patient).
    if matches!(base(&s.words[trig].deprel), "nsubj" | "csubj") {
        return false;
    }
    // "did not respond to *the Post's* request": a noun with a named possessor is that
    // possessor's act, not the governing subject's (a possessive pronoun, "reiterated *its*
    // demand", may still stand for the subject).
    if s.children(trig)
        .any(|c| s.words[c].deprel == "nmod:poss" && s.words[c].upos != "PRON")
    {
        return false;
    }
    // "call for talks" is a request for the talks, and so is "call on X to hold talks"; the
    // appeal is coded on the verb. The exception is a noun naming a meeting the caller joins,
    // which the dictionary reads through `obl:for` rules of its own.
    !REACTION.contains(&s.words[g].lemma.as_str())
}

/// Preposition phrases an actor search may step into from a noun: not the ones that name an
/// addressee or a topic ("a letter *to* Trump", "a statement *to* The Washington Post", "talk
/// *about* Iran"), which are someone else than the noun's owner.
pub(crate) fn nmod_names_owner(s: &Sentence, w: usize) -> bool {
    let d = s.words[w].deprel.as_str();
    if d == "nmod:poss" {
        return true;
    }
    if base(d) != "nmod" {
        return true;
    }
    if let Some((_, case)) = d.split_once(':') {
        return owner_case(case);
    }
    match s
        .children(w)
        .find(|&c| s.words[c].deprel == "case")
        .map(|c| s.words[c].form.to_lowercase())
    {
        Some(case) => owner_case(&case),
        None => true,
    }
}

fn owner_case(case: &str) -> bool {
    // "by" and "against" stay open: "condemned an attack *by* X" is aimed at X, and so is "a
    // resolution *against* X".
    !matches!(
        case,
        "to" | "toward"
            | "towards"
            | "about"
            | "into"
            | "after"
            | "before"
            | "over"
            | "regarding"
            | "concerning"
            | "like"
    )
}

fn feat<'a>(s: &'a Sentence, w: usize, name: &str) -> Option<&'a str> {
    s.words[w]
        .feats
        .split('|')
        .find_map(|f| f.strip_prefix(name)?.strip_prefix('='))
}

/// Whether a possessive pronoun may stand for the word `antecedent`: a first-person one ("our
/// drills") stands for the speaker, never for a third-person subject, and a plural one ("their
/// demands") not for a single named person or thing.
pub(crate) fn pronoun_agrees(s: &Sentence, pron: usize, antecedent: usize) -> bool {
    let person = feat(s, pron, "Person");
    if matches!(person, Some("1") | Some("2")) {
        return feat(s, antecedent, "Person") == person;
    }
    // Two pronouns must agree in number: "they" is not "he".
    if s.words[antecedent].upos == "PRON" {
        if let (Some(a), Some(b)) = (feat(s, pron, "Number"), feat(s, antecedent, "Number")) {
            if a != b {
                return false;
            }
        }
    }
    let plural_pron = feat(s, pron, "Number") == Some("Plur");
    let single = feat(s, antecedent, "Number") == Some("Sing")
        && s.words[antecedent].upos == "PROPN"
        && !s.children(antecedent).any(|c| s.words[c].deprel == "conj");
    let plural = feat(s, antecedent, "Number") == Some("Plur")
        || s.children(antecedent).any(|c| s.words[c].deprel == "conj");
    match s.words[pron].lemma.to_lowercase().as_str() {
        "they" | "their" | "them" => !single,
        "he" | "his" | "him" | "she" | "her" => !plural,
        _ => !(plural_pron && single),
    }
}

/// The nearest plural nominal before `pron` that a plural possessive may refer to when the
/// clause's subject cannot ("Trump lashed out at *Democrats* over their demands").
pub(crate) fn plural_antecedent(s: &Sentence, pron: usize) -> Option<usize> {
    (0..pron).rev().find(|&w| {
        matches!(s.words[w].upos.as_str(), "PROPN" | "NOUN")
            && feat(s, w, "Number") == Some("Plur")
            && !matches!(base(&s.words[w].deprel), "compound" | "amod" | "flat")
    })
}

/// Documents that speak for whoever issued them: "sent a *letter* demanding ...", "issued a
/// *statement* condemning ...".
const DOCUMENT: &[&str] = &[
    "letter",
    "statement",
    "message",
    "note",
    "petition",
    "resolution",
    "motion",
    "declaration",
    "communique",
    "memo",
    "memorandum",
    "tweet",
    "post",
    "video",
    "speech",
    "report",
    "bill",
    "decree",
    "order",
    "editorial",
    "column",
];

/// "X sent a letter to Y *demanding* ...": a verb modifying a document that is the object of
/// another verb speaks for that verb's subject, not for the letter or its addressee.
pub(crate) fn document_author(s: &Sentence, v: usize) -> Option<Vec<usize>> {
    let doc = s.head(v)?;
    if !DOCUMENT.contains(&s.words[doc].lemma.as_str()) || base(&s.words[doc].deprel) != "obj" {
        return None;
    }
    let g = s.head(doc)?;
    let subj = subject_of(s, g, 1);
    (!subj.is_empty()).then_some(subj)
}

/// Nouns for people and groups that the actor stage may leave uncoded ("refugees fleeing
/// the war", "scores of villagers").
const PEOPLE: &[&str] = &[
    "people",
    "person",
    "refugee",
    "civilian",
    "villager",
    "resident",
    "student",
    "protester",
    "demonstrator",
    "worker",
    "farmer",
    "citizen",
    "national",
    "migrant",
    "prisoner",
    "detainee",
    "hostage",
    "journalist",
    "activist",
    "official",
    "soldier",
    "troop",
    "militant",
    "rebel",
    "fighter",
    "family",
    "child",
    "woman",
    "man",
    "victim",
    "minority",
    "community",
    "population",
    "settler",
    "crowd",
    "supporter",
    "member",
    "opponent",
    "dissident",
    "needy",
];

/// Whether an event may keep an empty target when its target words name no actor: the words
/// are people, or the act is material (aid, protest, force posture, coercion, assault,
/// fighting, mass violence) and so happened whatever its object was.
pub(crate) fn loose_target(s: &Sentence, rule_code: CameoCode, tgt: &[usize]) -> bool {
    let material = matches!(
        rule_code.root().as_str(),
        "07" | "14" | "15" | "17" | "18" | "19" | "20"
    );
    material
        || tgt.iter().any(|&w| {
            s.words
                .get(w)
                .is_some_and(|w| PEOPLE.contains(&w.lemma.as_str()))
        })
}

/// The subject of a condition set on the trigger or on its infinitive ("threatened to strike
/// *unless Baghdad* accepts", "will ban voting *if Hamas* runs"): the party a threat is aimed at.
pub(crate) fn condition_subject(s: &Sentence, trig: usize) -> Vec<usize> {
    // The condition may hang from a verb further down the threatened act ("threatened to stop
    // negotiations to reduce weapons *if the United States* goes ahead"): walk the chain of
    // infinitives (`xcomp`, and `advcl` marked "to") a few steps down.
    let mut clauses = vec![trig];
    let mut k = 0;
    while k < clauses.len() && clauses.len() < 8 {
        let v = clauses[k];
        k += 1;
        clauses.extend(s.children(v).filter(|&c| {
            let rel = base(&s.words[c].deprel);
            rel == "xcomp" || rel == "advcl" && crate::syntax::has_to_mark(s, c)
        }));
    }
    for v in clauses {
        for c in s.children(v) {
            let conditional = base(&s.words[c].deprel) == "advcl"
                && s.children(c).any(|m| {
                    s.words[m].deprel == "mark"
                        && matches!(s.words[m].lemma.as_str(), "unless" | "if")
                });
            if conditional {
                let subj: Vec<usize> = s
                    .children(c)
                    .filter(|&w| matches!(s.words[w].deprel.as_str(), "nsubj" | "nsubj:pass"))
                    .collect();
                if !subj.is_empty() {
                    return with_conjuncts(s, subj);
                }
            }
        }
    }
    Vec::new()
}

/// "Benin opened its borders ..., *but was still refusing* admittance to Ghanaians, police
/// said": a parser may hang both halves on the closing speech verb as sibling clauses. A
/// clause opened by "but"/"and" without a subject of its own shares the subject of the
/// nearest sibling clause before it.
pub(crate) fn coordinated_sibling_subject(s: &Sentence, v: usize, g: usize) -> Option<Vec<usize>> {
    if !matches!(base(&s.words[v].deprel), "ccomp" | "parataxis") {
        return None;
    }
    let coordinated = s
        .children(v)
        .any(|c| s.words[c].deprel == "cc" && matches!(s.words[c].lemma.as_str(), "but" | "and"));
    if !coordinated {
        return None;
    }
    let siblings: Vec<usize> = s
        .children(g)
        .filter(|&c| c < v && matches!(base(&s.words[c].deprel), "ccomp" | "parataxis"))
        .collect();
    siblings.into_iter().rev().find_map(|sib| {
        let subj: Vec<usize> = s
            .children(sib)
            .filter(|&c| s.words[c].deprel == "nsubj")
            .collect();
        (!subj.is_empty()).then_some(subj)
    })
}

/// Whether word `w` stands between an odd number of quotation marks before it in the
/// sentence (straight or curly, opening or closing alike).
pub(crate) fn in_quote(s: &Sentence, w: usize) -> bool {
    let quotes = s.words[..w.min(s.words.len())]
        .iter()
        .filter(|x| {
            x.upos == "PUNCT"
                && matches!(
                    x.form.as_str(),
                    "\"" | "``" | "''" | "\u{201c}" | "\u{201d}"
                )
        })
        .count();
    quotes % 2 == 1
}

/// The grammatical person of word `w` ("1" for "I"/"we"), when the tagger gives one.
pub(crate) fn person(s: &Sentence, w: usize) -> Option<&str> {
    feat(s, w, "Person")
}
