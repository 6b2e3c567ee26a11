//! Tree walks the matcher needs: dependency paths, passives, argument words and actor
//! resolution; logical subjects are in `subject`. Every walk has a depth cap so a malformed
//! tree (a cycle from a broken parser) cannot hang the coder.

use crate::attach::{
    by_agent, displaced_phrase, first_of_two_objects, noun_governor, received_from, RECIPIENT_VERB,
};
use crate::pattern::{Arg, Constraint, Rel};
use crate::roles::{
    for_phrase, govsubj_is_agent, named_by_what, nmod_names_owner, own_agent, plural_antecedent,
    pronoun_agrees,
};
use crate::sentence::{ActorSpan, Sentence};
use crate::subject::{subject_of, with_conjuncts};

pub(crate) const MAX_DEPTH: usize = 12;

pub(crate) fn base(deprel: &str) -> &str {
    deprel.split(':').next().unwrap_or(deprel)
}

pub(crate) fn rel_matches(s: &Sentence, child: usize, rel: &Rel) -> bool {
    let d = &s.words[child].deprel;
    match &rel.case {
        None if rel.deprel.contains(':') => d == &rel.deprel,
        None => base(d) == rel.deprel && d != "nsubj:pass",
        Some(case) => {
            // "obl:to" as enhanced-style label, or obl/nmod with a case child (multiword
            // cases like "according to" are a case word plus `fixed`).
            let label = format!("{}:{}", rel.deprel, case.replace(' ', "_"));
            if d == &label {
                return true;
            }
            (d == &rel.deprel || base(d) == rel.deprel && !d.ends_with(":poss"))
                && s.children(child).any(|c| {
                    s.words[c].deprel == "case" && {
                        // Forms, not lemmas: EWT lemmatises "According" as "accord".
                        let mut l = s.words[c].form.to_lowercase();
                        for f in s.children(c).filter(|&f| s.words[f].deprel == "fixed") {
                            l.push(' ');
                            l.push_str(&s.words[f].form.to_lowercase());
                        }
                        &l == case
                    }
                })
        }
    }
}

/// Words reached from `from` along `path` (every branch).
pub(crate) fn follow(s: &Sentence, from: usize, path: &[Rel]) -> Vec<usize> {
    let mut cur = vec![from];
    for rel in path {
        if rel.deprel == "gov" {
            // `gov.` steps up to the governing word: "held talks *with Kim*" often attaches
            // the with-phrase to the light verb rather than to the noun. A later conjunct or a
            // partitive's complement is governed as its first conjunct or partitive is.
            cur = cur
                .iter()
                .filter_map(|&w| noun_governor(s, w).map(|(_, g)| g))
                .collect();
            continue;
        }
        cur = cur
            .iter()
            .flat_map(|&w| {
                s.children(w)
                    .filter(|&c| rel_matches(s, c, rel))
                    .collect::<Vec<_>>()
            })
            .collect();
        cur = through_quantities(s, cur);
    }
    cur
}

/// Nouns of quantity or packaging that pass their role to their "of" complement: "25,000
/// *tons* of aid", "*two* of its nationals", "a *shipment* of weapons", "300 *kg* of medicine",
/// "40 *truckloads* of food", "$50,000 *worth* of goods".
const QUANTITY: &[&str] = &[
    "ton",
    "tonne",
    "kg",
    "kilogram",
    "kilo",
    "litre",
    "liter",
    "gallon",
    "barrel",
    "truckload",
    "planeload",
    "shipload",
    "container",
    "carton",
    "crate",
    "pallet",
    "worth",
    "million",
    "billion",
    "thousand",
    "hundred",
    "dozen",
    "score",
    "number",
    "lot",
    "package",
    "shipment",
    "batch",
    "consignment",
    "load",
    "supply",
    "amount",
    "part",
    "group",
    "team",
    "delegation",
    "two",
    "three",
    "some",
    "several",
    "many",
    "all",
    "most",
];

fn through_quantities(s: &Sentence, words: Vec<usize>) -> Vec<usize> {
    let mut out = Vec::with_capacity(words.len());
    for w in words {
        out.push(w);
        let lemma = s.words[w].lemma.as_str();
        if QUANTITY.contains(&lemma) || s.words[w].upos == "NUM" {
            let of = Rel {
                deprel: "nmod".into(),
                case: Some("of".into()),
            };
            out.extend(s.children(w).filter(|&c| rel_matches(s, c, &of)));
        }
    }
    out
}

pub(crate) fn is_passive(s: &Sentence, w: usize) -> bool {
    s.children(w).any(|c| {
        matches!(
            s.words[c].deprel.as_str(),
            "nsubj:pass" | "aux:pass" | "csubj:pass"
        )
    }) || (is_reduced_relative(s, w)
        && s.words[w].xpos == "VBN"
        && !has_obj(s, w)
        && !intransitive_main_verb(s, w)
        // "tens of thousands of people *marched*": a verb with no object has no passive, so
        // a tagger's VBN after a plural subject is a past tense.
        && !INTRANSITIVE.contains(&s.words[w].lemma.as_str()))
}

/// Verbs of news events that take no object, so a participle form of theirs has no passive
/// reading: "forces *clashed* with fighters", "rebels *retreated* from the town".
const INTRANSITIVE: &[&str] = &[
    "clash",
    "retreat",
    "demonstrate",
    "protest",
    "rally",
    "march",
    "riot",
    "mutiny",
    "defect",
    "flee",
    "resign",
    "skirmish",
];

/// "Afghan forces clashed with Taliban fighters." parsed with "forces" as the root and
/// "clashed" as its `acl`: a sentence with no verb of its own whose nominal root (no copula,
/// no subject) is followed at once by an intransitive verb is that verb's active clause.
fn intransitive_main_verb(s: &Sentence, w: usize) -> bool {
    let Some(g) = s.head(w) else {
        return false;
    };
    INTRANSITIVE.contains(&s.words[w].lemma.as_str())
        && s.head(g).is_none()
        && w == g + 1
        && !s
            .children(g)
            .any(|c| matches!(base(&s.words[c].deprel), "cop" | "nsubj" | "aux"))
}

/// "the camp *attacked* by militiamen", "soldiers *arrested* 100 people" (a parser's
/// reduced-relative reading): a participle or verb attached to a noun as `acl`.
fn is_reduced_relative(s: &Sentence, w: usize) -> bool {
    s.words[w].deprel == "acl" && s.head(w).is_some()
}

fn has_obj(s: &Sentence, w: usize) -> bool {
    s.children(w).any(|c| s.words[c].deprel == "obj")
}

/// The patient of a passive clause: its `nsubj:pass`, or the noun a passive participle
/// modifies ("the camp attacked by militiamen").
pub(crate) fn passive_patient(s: &Sentence, w: usize) -> Vec<usize> {
    let own: Vec<usize> = s
        .children(w)
        .filter(|&c| s.words[c].deprel == "nsubj:pass")
        .collect();
    if own.is_empty() && is_reduced_relative(s, w) {
        return s.head(w).into_iter().collect();
    }
    own
}

pub(crate) fn has_to_mark(s: &Sentence, w: usize) -> bool {
    s.children(w)
        .any(|c| s.words[c].deprel == "mark" && s.words[c].lemma == "to")
}

pub(crate) fn arg_words(
    s: &Sentence,
    trig: usize,
    arg: &Arg,
    passive: bool,
    actors: &[ActorSpan],
) -> Option<Vec<usize>> {
    let words = match arg {
        Arg::None => return Some(Vec::new()),
        Arg::GovSubj if !own_agent(s, trig).is_empty() => own_agent(s, trig),
        // "the expulsion of diplomats *by Russia*": the noun's own agent, before whoever
        // governs the noun ("Warsaw condemned ...").
        Arg::GovSubj if !by_agent(s, trig).is_empty() => by_agent(s, trig),
        // "drew criticism *from the UN*": the giver, not the receiver.
        Arg::GovSubj if received_from(s, trig).is_some() => {
            received_from(s, trig).map(|(w, _)| w).unwrap_or_default()
        }
        Arg::GovSubj => match noun_governor(s, trig) {
            Some((n, g))
                if (s.words[g].upos == "VERB" || s.words[g].upos == "AUX")
                    && govsubj_is_agent(s, g, trig)
                    && (n == trig || govsubj_is_agent(s, g, n))
                    // "incurred the wrath and condemnation of X": the subject receives it.
                    && !RECIPIENT_VERB.contains(&s.words[g].lemma.as_str()) =>
            {
                subject_of(s, g, 0)
            }
            _ => Vec::new(),
        },
        Arg::Path(p) if p.len() == 1 && p[0].deprel == "nsubj" && p[0].case.is_none() => {
            if passive {
                follow(
                    s,
                    trig,
                    &[Rel {
                        deprel: "obl".into(),
                        case: Some("by".into()),
                    }],
                )
            } else {
                subject_of(s, trig, 0)
            }
        }
        Arg::Path(p) if passive && p.len() == 1 && p[0].deprel == "obj" => passive_patient(s, trig),
        // "Russia asked *China* for help": parsers often label a lone object `iobj`.
        Arg::Path(p) if p.len() == 1 && p[0].deprel == "obj" && p[0].case.is_none() => {
            let obj = follow(s, trig, p);
            if obj.is_empty() {
                s.children(trig)
                    .filter(|&c| s.words[c].deprel == "iobj")
                    .collect()
            } else {
                obj
            }
        }
        Arg::Path(p) => {
            let found = follow(s, trig, p);
            match p.split_last() {
                // "granted asylum *to X*", "threatened to break relations *with X*": parsers
                // often attach the verb's preposition phrase to its object instead; the
                // object's phrase with the same preposition stands in.
                Some((last, prefix))
                    if found.is_empty() && last.deprel == "obl" && last.case.is_some() =>
                {
                    let on_obj = Rel {
                        deprel: "nmod".into(),
                        case: last.case.clone(),
                    };
                    let verbs = if prefix.is_empty() {
                        vec![trig]
                    } else {
                        follow(s, trig, prefix)
                    };
                    let objects: Vec<usize> = verbs
                        .iter()
                        .flat_map(|&v| {
                            if passive && v == trig {
                                passive_patient(s, v)
                            } else {
                                s.children(v)
                                    .filter(|&c| s.words[c].deprel == "obj")
                                    .collect()
                            }
                        })
                        .collect();
                    // "provide 25,000 tons of food aid *to refugees*": through the quantity.
                    let on_objects: Vec<usize> = through_quantities(s, objects)
                        .into_iter()
                        .flat_map(|o| follow(s, o, std::slice::from_ref(&on_obj)))
                        .collect();
                    if on_objects.is_empty() {
                        displaced(s, trig, &verbs, last.case.as_deref(), actors)
                    } else {
                        on_objects
                    }
                }
                Some((last, []))
                    if found.is_empty()
                        && last.deprel == "nmod"
                        && last.case.as_deref() == Some("by") =>
                {
                    by_agent(s, trig)
                }
                Some((last, [])) if found.is_empty() && last.deprel == "iobj" => {
                    first_of_two_objects(s, trig, None)
                }
                Some((last, []))
                    if found.is_empty() && last.deprel == "nmod" && last.case.is_some() =>
                {
                    for_phrase(s, trig)
                        .into_iter()
                        .flat_map(|f| follow(s, f, std::slice::from_ref(last)))
                        .collect()
                }
                _ => found,
            }
        }
    };
    (!words.is_empty()).then(|| with_conjuncts(s, words))
}

/// The verb's preposition phrase `case` where a parser hung it one step off (see
/// `attach`): under another of the verb's phrases, or, for "to", as the first of two objects
/// ("gave *the junta* an ultimatum"). `verbs` are the words the rule's path reached before its
/// last step (the trigger itself, or its governor for `gov.obl:X`).
fn displaced(
    s: &Sentence,
    trig: usize,
    verbs: &[usize],
    case: Option<&str>,
    actors: &[ActorSpan],
) -> Vec<usize> {
    let Some(case) = case.filter(|c| DISPLACED_CASES.contains(c)) else {
        return Vec::new();
    };
    let mut out: Vec<usize> = verbs
        .iter()
        .flat_map(|&v| displaced_phrase(s, v, case, actors))
        .collect();
    if out.is_empty() && case == "to" {
        out = verbs
            .iter()
            .flat_map(|&v| first_of_two_objects(s, v, (v != trig).then_some(trig)))
            .collect();
    }
    out
}

/// Cases of a verb's addressee, partner or aim: the phrases worth finding where the parser
/// misplaced them ("in" and "for" name places and purposes, too often someone else's).
const DISPLACED_CASES: &[&str] = &[
    "with", "to", "against", "on", "at", "into", "from", "between",
];

/// Actor spans for a word: spans headed by it (several when a plural mention was resolved
/// to several actors), else a span covering it, else an actor one or two steps down through
/// possessors, appositions, modifiers and names ("Russia's minister", "spokeswoman Watson").
pub(crate) fn actors_at(s: &Sentence, actors: &[ActorSpan], w: usize) -> Vec<usize> {
    let found = actors_at_word(s, actors, w);
    if found.is_empty() && s.words[w].lemma == "what" {
        return named_by_what(s, w)
            .into_iter()
            .flat_map(|x| actors_at_word(s, actors, x))
            .collect();
    }
    if found.is_empty() && is_pronoun(s, w) {
        return reporter_of(s, actors, w);
    }
    found
}

/// Whether word `w` has a `case` dependent with one of `cases` as lemma ("*against* the army").
pub(crate) fn has_case(s: &Sentence, w: usize, cases: &[&str]) -> bool {
    s.children(w)
        .any(|c| s.words[c].deprel == "case" && cases.contains(&s.words[c].lemma.as_str()))
}

fn is_pronoun(s: &Sentence, w: usize) -> bool {
    s.words[w].upos == "PRON"
        && (matches!(
            s.words[w].lemma.as_str(),
            "it" | "they" | "he" | "she" | "we"
        ) || s.words[w].deprel == "nmod:poss")
}

/// "Hungary has said *it* will support ...": a pronoun subject of a reported clause most
/// often refers to the reporter. A stand-in until the actor stage resolves coreference.
fn reporter_of(s: &Sentence, actors: &[ActorSpan], pron: usize) -> Vec<usize> {
    let Some(mut clause) = s.head(pron) else {
        return Vec::new();
    };
    if s.words[pron].deprel == "nmod:poss" {
        // "X reiterated *its* demand": a possessive usually points at the clause's subject.
        let Some(g) = s.head(clause) else {
            return Vec::new();
        };
        let subj: Vec<usize> = subject_of(s, g, 0)
            .into_iter()
            .filter(|&w| w != clause && pronoun_agrees(s, pron, w))
            .collect();
        if subj.is_empty() {
            return plural_antecedent(s, pron)
                .filter(|&w| pronoun_agrees(s, pron, w) && w != clause)
                .map(|w| actors_at_word(s, actors, w))
                .unwrap_or_default();
        }
        return subj
            .into_iter()
            .flat_map(|w| actors_at_word(s, actors, w))
            .collect();
    }
    // Inside a quotation only "I" and "we" are the speaker: "'They failed to address the
    // attacks,' he said" is about someone else.
    if crate::roles::in_quote(s, pron) && !matches!(crate::roles::person(s, pron), Some("1")) {
        return Vec::new();
    }
    for _ in 0..MAX_DEPTH {
        let Some(g) = s.head(clause) else {
            return Vec::new();
        };
        if base(&s.words[clause].deprel) == "ccomp" {
            let speaker = s
                .children(g)
                .filter(|&c| {
                    s.words[c].deprel == "nsubj" && c != pron && pronoun_agrees(s, pron, c)
                })
                .flat_map(|c| actors_at_word(s, actors, c))
                .collect();
            return speaker;
        }
        if !matches!(base(&s.words[clause].deprel), "xcomp" | "conj") {
            return Vec::new();
        }
        clause = g;
    }
    Vec::new()
}

fn actors_at_word(s: &Sentence, actors: &[ActorSpan], w: usize) -> Vec<usize> {
    let headed: Vec<usize> = (0..actors.len())
        .filter(|&a| actors[a].head_word == w)
        .collect();
    if !headed.is_empty() {
        return headed;
    }
    if let Some(a) =
        (0..actors.len()).find(|&a| actors[a].start_word <= w && w <= actors[a].end_word)
    {
        return vec![a];
    }
    let mut frontier = vec![w];
    for _ in 0..2 {
        let mut next = Vec::new();
        for &f in &frontier {
            for c in s.children(f) {
                let d = s.words[c].deprel.as_str();
                if (matches!(base(d), "appos" | "amod" | "compound" | "flat" | "nmod")
                    || d == "nmod:poss")
                    && nmod_names_owner(s, c)
                {
                    let found: Vec<usize> = (0..actors.len())
                        .filter(|&a| actors[a].head_word == c)
                        .collect();
                    if !found.is_empty() {
                        return found;
                    }
                    next.push(c);
                }
            }
        }
        frontier = next;
    }
    Vec::new()
}

/// Words along `path` from the trigger, reading the first step in the active voice: in a
/// passive clause `obj` is the patient and `nsubj` the "by" agent.
pub(crate) fn voiced_follow(s: &Sentence, trig: usize, path: &[Rel], passive: bool) -> Vec<usize> {
    let Some((first, rest)) = path.split_first() else {
        return vec![trig];
    };
    if !passive || first.case.is_some() {
        return follow(s, trig, path);
    }
    let start = match first.deprel.as_str() {
        "obj" => passive_patient(s, trig),
        "nsubj" => follow(
            s,
            trig,
            &[Rel {
                deprel: "obl".into(),
                case: Some("by".into()),
            }],
        ),
        _ => return follow(s, trig, path),
    };
    start.into_iter().flat_map(|w| follow(s, w, rest)).collect()
}

/// Whether the dependent `c` asks for is there. `typed_object`: the rule also requires an
/// object of a named kind ("fire *shells*"), so a phrase on that object may stand in for the
/// verb's own (see `object_phrase`).
pub(crate) fn constraint_ok(
    s: &Sentence,
    trig: usize,
    c: &Constraint,
    passive: bool,
    typed_object: bool,
) -> bool {
    // The surface form counts too: lemmatisers differ on plurals that are words of their own
    // ("arms" -> "arm", "talks" -> "talk", "forces" -> "force").
    let named = |w: usize| {
        let word = &s.words[w];
        c.lemmas
            .iter()
            .any(|l| l == &word.lemma || l.eq_ignore_ascii_case(&word.form))
    };
    // A noun compound names its kind in the modifier: "aid deliveries", "arms shipments".
    let fits = |w: usize| {
        c.lemmas.is_empty()
            || named(w)
            || s.children(w)
                .any(|m| s.words[m].deprel == "compound" && named(m))
    };
    let found = c
        .paths
        .iter()
        .flat_map(|p| voiced_follow(s, trig, p, passive))
        .any(fits)
        || typed_object
            && c.required
            && c.paths
                .iter()
                .any(|p| object_phrase(s, trig, p, passive).any(fits));
    found == c.required
}

/// For a one-step `obl:X` path, the `nmod:X` phrases of the trigger's objects: "fired four
/// shells *at targets*" is often parsed with the phrase on "shells", the same misattachment
/// `arg_words` reads roles through. Only required items of rules that name their object's
/// kind look here: with any object ("opened a plant *at* Little Island", "calls Norway's
/// claims *on* cyberattacks groundless") the phrase is as often the object's own.
fn object_phrase<'a>(
    s: &'a Sentence,
    trig: usize,
    path: &[Rel],
    passive: bool,
) -> impl Iterator<Item = usize> + 'a {
    let case = match path {
        [only] if only.deprel == "obl" && only.case.is_some() => only.case.clone(),
        _ => None,
    };
    let objects: Vec<usize> = match &case {
        None => Vec::new(),
        Some(_) if passive => passive_patient(s, trig),
        Some(_) => s
            .children(trig)
            .filter(|&c| s.words[c].deprel == "obj")
            .collect(),
    };
    let on_obj = Rel {
        deprel: "nmod".into(),
        case,
    };
    through_quantities(s, objects)
        .into_iter()
        .flat_map(move |o| follow(s, o, std::slice::from_ref(&on_obj)))
        .filter(move |&w| {
            let l = s.words[w].lemma.as_str();
            !crate::dates::TIME_NOUNS.contains(&l) && !MORE_TIME_NOUNS.contains(&l)
        })
}

/// Heads of phrases that say when, besides [`crate::dates::TIME_NOUNS`]: "launched a rocket
/// *on the eve* of the holiday" hangs on the object just like "*at* targets" does.
const MORE_TIME_NOUNS: &[&str] = &["eve", "anniversary", "occasion", "afternoon"];

/// An adjective that is a clause's predicate ("Syria *is opposed* to the plan", "Hanoi *is
/// committed* to reform"): participles the tagger reads as adjectives keep their verb's rules.
pub(crate) fn predicate_adjective(s: &Sentence, i: usize) -> bool {
    s.words[i].upos == "ADJ" && s.children(i).any(|c| s.words[c].deprel == "cop")
}

/// The trigger carries an "unless" clause ("... unless Baghdad accepts its conditions").
pub(crate) fn unless_clause(s: &Sentence, i: usize) -> bool {
    s.children(i).any(|c| {
        base(&s.words[c].deprel) == "advcl"
            && s.children(c)
                .any(|m| s.words[m].deprel == "mark" && s.words[m].lemma == "unless")
    })
}
