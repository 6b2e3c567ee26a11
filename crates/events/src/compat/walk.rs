//! Reading one PETRARCH/TABARI pattern into dependency constraints and roles (the mapping is
//! described in [`super::convert`]).

use crate::pattern::{Arg, Constraint, Path, Rel};
use sitrep_actors::dict::{PatElem, PatTok, VerbDict};

/// Prepositions: a pattern word among these opens an oblique rather than naming a dependent.
const PREPOSITIONS: &[&str] = &[
    "about",
    "above",
    "across",
    "after",
    "against",
    "along",
    "amid",
    "among",
    "around",
    "as",
    "at",
    "before",
    "behind",
    "below",
    "beside",
    "between",
    "beyond",
    "by",
    "despite",
    "during",
    "for",
    "from",
    "in",
    "inside",
    "into",
    "near",
    "of",
    "off",
    "on",
    "onto",
    "outside",
    "over",
    "since",
    "through",
    "throughout",
    "to",
    "toward",
    "towards",
    "under",
    "until",
    "upon",
    "with",
    "within",
    "without",
];

/// Where a content word after the verb may hang.
const POST_PATHS: &[&str] = &[
    "obj",
    "obl",
    "xcomp",
    "ccomp",
    "advmod",
    "compound:prt",
    "iobj",
    "advcl",
    "nsubj:pass",
    "obj.compound",
    "obj.amod",
    "obj.nmod",
    "obl.compound",
    "obl.amod",
    "xcomp.obj",
    "xcomp.obl",
    "ccomp.obj",
    "ccomp.nsubj",
];

/// Where a word before the verb may be: auxiliaries, adverbs, the governing verb ("JOIN IN
/// *": "joined in condemning"), or the subject's modifiers.
const PRE_PATHS: &[&str] = &[
    "aux",
    "aux:pass",
    "advmod",
    "gov",
    "mark",
    "cop",
    "nsubj",
    "nsubj.compound",
    "nsubj.amod",
    "gov.aux",
    "gov.advmod",
];

pub(super) fn path(s: &str) -> Path {
    s.split('.')
        .map(|r| match r.split_once(':') {
            Some((base @ ("obl" | "nmod"), case)) => Rel {
                deprel: base.to_string(),
                case: Some(case.to_string()),
            },
            _ => Rel {
                deprel: r.to_string(),
                case: None,
            },
        })
        .collect()
}

pub(super) fn paths(list: &[&str]) -> Vec<Path> {
    list.iter().map(|p| path(p)).collect()
}

pub(super) fn prep_paths(preps: &[String]) -> Vec<Path> {
    preps
        .iter()
        .flat_map(|p| {
            [
                "obl",
                "obj.nmod",
                "nmod",
                "obl.nmod",
                "xcomp.obl",
                "advcl.obl",
            ]
            .map(|base| path(&format!("{base}:{p}")))
        })
        .collect()
}

pub(super) fn is_prep(w: &str) -> bool {
    PREPOSITIONS.contains(&w)
}

/// A dictionary word without its markers, lower-cased; contractions as the parser lemmatises
/// them ("n't" is "not").
pub(super) fn clean(w: &str) -> String {
    let w = w.trim_end_matches(['_', '~']).to_lowercase();
    match w.as_str() {
        "n't" => "not".into(),
        // Irregular auxiliaries, as the parser lemmatises them.
        "did" | "does" | "done" => "do".into(),
        "was" | "were" | "is" | "are" | "am" | "been" => "be".into(),
        "has" | "had" => "have".into(),
        "wo" => "will".into(),
        "ca" => "can".into(),
        _ => w,
    }
}

/// Lemmas a surface word may have: itself and its regular base forms ("ties" -> "tie",
/// "hosting" -> "host"/"hoste"); a wrong guess only costs an index entry that never matches.
pub(crate) fn lemma_variants(w: &str) -> Vec<String> {
    let mut out = vec![w.to_string()];
    let stem = |suf: &str| w.strip_suffix(suf).filter(|s| s.len() >= 2);
    if let Some(s) = stem("ies").or(stem("ied")) {
        out.push(format!("{s}y"));
    }
    for suf in ["ing", "ed"] {
        if let Some(s) = stem(suf) {
            out.push(s.to_string());
            out.push(format!("{s}e"));
            let b = s.as_bytes();
            if b.len() >= 3 && b[b.len() - 1] == b[b.len() - 2] && b[b.len() - 1].is_ascii() {
                out.push(s[..s.len() - 1].to_string());
            }
        }
    }
    if let Some(s) = stem("es") {
        out.push(s.to_string());
    }
    if let Some(s) = stem("s").filter(|s| !s.ends_with('s')) {
        out.push(s.to_string());
    }
    out.dedup();
    out
}

/// What one pattern amounts to, before it is split into rules.
#[derive(Default)]
pub(super) struct Built {
    pub(super) constraints: Vec<Constraint>,
    pub(super) src: Option<Vec<Arg>>,
    pub(super) tgt: Option<Vec<Arg>>,
    /// Constructs that could not be expressed (the rule is then not made).
    pub(super) unsupported: Vec<&'static str>,
}

pub(super) struct Cx<'d> {
    pub(super) dict: &'d VerbDict,
}

impl Cx<'_> {
    /// Last words of a synset's members, lower-cased (nested synsets expanded one level).
    pub(super) fn synset_words(&self, name: &str) -> Vec<String> {
        let Some(s) = self.dict.synset(name) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for m in &s.members {
            match m.last().map(|e| &e.tok) {
                Some(PatTok::Word(w)) => out.push(clean(w)),
                Some(PatTok::Synset(inner)) if inner != name => {
                    if let Some(s2) = self.dict.synset(inner) {
                        for m2 in &s2.members {
                            if let Some(PatTok::Word(w)) = m2.last().map(|e| &e.tok) {
                                out.push(clean(w));
                            }
                        }
                    }
                }
                _ => {}
            }
        }
        out.sort();
        out.dedup();
        out
    }
}

pub(super) fn require(b: &mut Built, paths: Vec<Path>, words: &[String], text: String) {
    let mut lemmas: Vec<String> = words.iter().flat_map(|w| lemma_variants(w)).collect();
    lemmas.sort();
    lemmas.dedup();
    b.constraints.push(Constraint {
        paths,
        lemmas,
        required: true,
        text,
    });
}

/// Post-verb elements. `prep` is the open preposition (or set of them) and whether a word or
/// role has used it yet.
pub(super) fn post(
    cx: &Cx<'_>,
    elems: &[PatElem],
    prep: &mut Option<(Vec<String>, bool)>,
    b: &mut Built,
) {
    for e in elems {
        match &e.tok {
            PatTok::Word(w) => {
                let w = clean(w);
                if is_prep(&w) {
                    close_prep(prep, b);
                    *prep = Some((vec![w], false));
                } else {
                    content(prep, b, &[w]);
                }
            }
            PatTok::Synset(name) => {
                let words = cx.synset_words(name);
                if words.is_empty() {
                    b.unsupported.push("undefined synset");
                } else if words.iter().all(|w| is_prep(w)) {
                    close_prep(prep, b);
                    *prep = Some((words, false));
                } else {
                    content(prep, b, &words);
                }
            }
            PatTok::Source | PatTok::Target | PatTok::Compound => {
                let args: Vec<Arg> = match prep.as_mut() {
                    Some((ps, used)) => {
                        *used = true;
                        prep_paths(ps).into_iter().map(Arg::Path).collect()
                    }
                    None => vec![Arg::Path(path("obj")), Arg::Path(path("iobj"))],
                };
                match e.tok {
                    PatTok::Source => b.src = Some(args),
                    PatTok::Target => b.tgt = Some(args),
                    // A compound after the verb is read as the target.
                    _ => b.tgt = Some(args),
                }
            }
            PatTok::Skip => {}
            PatTok::Verb => b.unsupported.push("second verb"),
            PatTok::Prep(inner) => {
                close_prep(prep, b);
                let (head, rest) = match inner.first().map(|e| &e.tok) {
                    Some(PatTok::Word(w)) if is_prep(&clean(w)) => {
                        (Some((vec![clean(w)], false)), &inner[1..])
                    }
                    _ => (None, &inner[..]),
                };
                let mut p = head;
                post(cx, rest, &mut p, b);
                close_prep(&mut p, b);
            }
            PatTok::Noun(inner) => post(cx, inner, prep, b),
            PatTok::Alt(branches) => {
                // TABARI `{ A | B }`: the first word of each branch as alternative lemmas.
                let firsts: Vec<String> = branches
                    .iter()
                    .filter_map(|br| match br.first().map(|e| &e.tok) {
                        Some(PatTok::Word(w)) => Some(clean(w)),
                        _ => None,
                    })
                    .collect();
                if firsts.len() != branches.len() {
                    b.unsupported.push("alternative that is not a word");
                } else {
                    content(prep, b, &firsts);
                }
            }
        }
    }
}

pub(super) fn content(prep: &mut Option<(Vec<String>, bool)>, b: &mut Built, words: &[String]) {
    let ps = match prep.as_mut() {
        Some((ps, used)) => {
            *used = true;
            prep_paths(ps)
        }
        None => paths(POST_PATHS),
    };
    require(b, ps, words, words.join("|"));
}

/// A preposition nothing used ("* FOR"): an oblique with that case must exist.
pub(super) fn close_prep(prep: &mut Option<(Vec<String>, bool)>, b: &mut Built) {
    if let Some((ps, false)) = prep.take() {
        b.constraints.push(Constraint {
            paths: prep_paths(&ps),
            lemmas: Vec::new(),
            required: true,
            text: ps.join("|"),
        });
    }
}

/// Pre-verb elements.
pub(super) fn pre(cx: &Cx<'_>, elems: &[PatElem], b: &mut Built) {
    for e in elems {
        match &e.tok {
            PatTok::Word(w) => {
                let w = clean(w);
                // A preposition before the verb ("JOIN IN *") has no dependency of its own.
                if !is_prep(&w) {
                    require(b, paths(PRE_PATHS), std::slice::from_ref(&w), w.clone());
                }
            }
            PatTok::Synset(name) => {
                let words = cx.synset_words(name);
                if words.is_empty() {
                    b.unsupported.push("undefined synset");
                } else if !words.iter().all(|w| is_prep(w)) {
                    require(b, paths(PRE_PATHS), &words, format!("&{name}"));
                }
            }
            PatTok::Source => b.src = Some(vec![Arg::Path(path("nsubj"))]),
            PatTok::Target => b.tgt = Some(vec![Arg::Path(path("nsubj"))]),
            // The compound subject's members are coded towards each other by the suite coder
            // (every ordered pair), which a `sym` rule would not do.
            PatTok::Compound => b.src = Some(vec![Arg::Path(path("nsubj"))]),
            PatTok::Skip => {}
            PatTok::Verb => b.unsupported.push("second verb"),
            PatTok::Prep(inner) | PatTok::Noun(inner) => pre(cx, inner, b),
            PatTok::Alt(branches) => {
                // As after the verb: the first word of each branch as alternative lemmas.
                let firsts: Vec<String> = branches
                    .iter()
                    .filter_map(|br| match br.first().map(|e| &e.tok) {
                        Some(PatTok::Word(w)) => Some(clean(w)),
                        _ => None,
                    })
                    .collect();
                if firsts.len() != branches.len() {
                    b.unsupported.push("alternative that is not a word");
                } else {
                    let text = firsts.join("|");
                    require(b, paths(PRE_PATHS), &firsts, text);
                }
            }
        }
    }
}

/// Expansions of a pattern beyond which its synsets are read as lemma sets instead.
const MAX_EXPANSIONS: usize = 32;

/// The pattern once per multiword member of each word synset (prepositional synsets stay:
/// they are sets of cases), so such a member ("AUSTRIAN GOLD FLORIN") needs all its words
/// and outranks a shorter one ("AUSTRIAN FLORIN"), as in PETRARCH. Past [`MAX_EXPANSIONS`]
/// the pattern is returned as is.
pub(super) fn expand_synsets(cx: &Cx<'_>, elems: &[PatElem]) -> Vec<Vec<PatElem>> {
    let mut out: Vec<Vec<PatElem>> = vec![Vec::new()];
    for e in elems {
        let options: Vec<Vec<PatElem>> = match &e.tok {
            PatTok::Synset(name) => match cx.dict.synset(name) {
                Some(s)
                    if !cx.synset_words(name).iter().all(|w| is_prep(w))
                        && s.members.iter().any(|m| m.len() > 1)
                        && s.members
                            .iter()
                            .all(|m| m.iter().all(|x| matches!(x.tok, PatTok::Word(_)))) =>
                {
                    // Multiword members one by one; the one-word members together as an
                    // alternative (a lemma set), which keeps the rule count down.
                    let mut opts: Vec<Vec<PatElem>> =
                        s.members.iter().filter(|m| m.len() > 1).cloned().collect();
                    let singles: Vec<Vec<PatElem>> =
                        s.members.iter().filter(|m| m.len() == 1).cloned().collect();
                    if !singles.is_empty() {
                        opts.push(vec![PatElem {
                            tok: PatTok::Alt(singles),
                            joined: e.joined,
                        }]);
                    }
                    opts
                }
                _ => vec![vec![e.clone()]],
            },
            PatTok::Prep(inner) => expand_synsets(cx, inner)
                .into_iter()
                .map(|v| {
                    vec![PatElem {
                        tok: PatTok::Prep(v),
                        joined: e.joined,
                    }]
                })
                .collect(),
            PatTok::Noun(inner) => expand_synsets(cx, inner)
                .into_iter()
                .map(|v| {
                    vec![PatElem {
                        tok: PatTok::Noun(v),
                        joined: e.joined,
                    }]
                })
                .collect(),
            _ => vec![vec![e.clone()]],
        };
        if out.len() * options.len() > MAX_EXPANSIONS {
            return vec![elems.to_vec()];
        }
        out = out
            .iter()
            .flat_map(|prefix| {
                options.iter().map(move |o| {
                    let mut v = prefix.clone();
                    v.extend(o.iter().cloned());
                    v
                })
            })
            .collect();
    }
    out
}

pub(super) fn build(cx: &Cx<'_>, elems: &[PatElem]) -> Built {
    let mut b = Built::default();
    let Some(v) = elems.iter().position(|e| e.tok == PatTok::Verb) else {
        b.unsupported.push("`*` not at the top level");
        return b;
    };
    pre(cx, &elems[..v], &mut b);
    // A `+` before the verb with a `$` after it: the subject is the target.
    let mut prep = None;
    post(cx, &elems[v + 1..], &mut prep, &mut b);
    close_prep(&mut prep, &mut b);
    if b.src.as_ref() == b.tgt.as_ref() && b.src.is_some() {
        b.unsupported.push("source and target in one place");
    }
    b
}
