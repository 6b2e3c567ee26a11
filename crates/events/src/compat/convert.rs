//! PETRARCH/TABARI verb patterns to dependency rules.
//!
//! The source patterns are phrase patterns read left to right over a constituency parse; a
//! rule here is a set of dependents of the verb. The mapping (see the module docs of
//! [`super`] for what is lost):
//! - the `*` verb: the family's verbs (their upper-case base forms, lower-cased, are lemmas);
//!   a phrasal verb's other words (`TALK_OVER`) become a particle constraint;
//! - a word after the verb: a required dependent with that lemma along the usual post-verb
//!   relations (object, oblique, particle, complement, or one step below them); after a
//!   preposition it is the oblique with that case (`obl:with`);
//! - a preposition not followed by a word or role: an oblique with that case must exist;
//! - a word before the verb: an auxiliary, adverb or the governing verb with that lemma;
//! - `&SYNSET`: the pattern once per member, so a multiword member needs all its words
//!   (past 32 expansions, or for nested synsets, the members' last words as a lemma set); a
//!   synset of prepositions is a set of cases;
//! - `_` (adjacency) is not kept: joined words are independent dependents;
//! - `$`/`+` after the verb: the object, or the oblique of the preposition before it; before
//!   the verb: the subject; `%`: a compound subject (its members are coded towards each
//!   other) or, after the verb, the target; `^`: nothing (the tree has no order).
//! - codes: `[---]` makes a null rule (it matches, so nothing weaker fires, and codes no
//!   event); `[A:B]` a paired rule (A from source to target, B back); TABARI's `[###]` and
//!   `[+++]` a discard rule (the sentence codes nothing);
//! - TABARI `{ A | B }` alternatives: the first word of each branch as a lemma set.

use super::walk::{build, clean, expand_synsets, is_prep, path, paths, require, Cx};
use super::{Flavor, RuleMeaning};
use crate::ontology::CameoCode;
use crate::pattern::{Arg, Rule, TriggerKind};
use sitrep_actors::dict::{
    EventCode, Finding, FindingKind, PatElem, PatTok, Pattern, VerbDict, VerbFamily,
};

/// Target alternatives tried in turn when a pattern leaves the target open (each is a rule of
/// its own: the matcher moves to the next rule when one finds no actor).
const DEFAULT_TARGETS: &[&str] = &[
    "obj|iobj",
    "obl",
    "xcomp.obj|xcomp.obl|ccomp.nsubj|ccomp.obj|advcl.obl|obj.nmod|obl.nmod|obj.nmod.nmod|obl.nmod.nmod",
    "none",
];

/// The code part of a rule: (code, meaning), or why there is none.
fn code_of(code: &EventCode) -> Result<(CameoCode, RuleMeaning), String> {
    let parse =
        |c: &str| CameoCode::parse(c).ok_or_else(|| format!("code [{c}] is not 2-4 digits"));
    match code {
        EventCode::Null => Ok((CameoCode::parse("010").expect("valid"), RuleMeaning::Null)),
        EventCode::Code(c) => Ok((parse(c)?, RuleMeaning::Event)),
        EventCode::Pair(Some(a), Some(b)) => Ok((parse(a)?, RuleMeaning::Pair(parse(b)?))),
        EventCode::Pair(Some(a), None) => Ok((parse(a)?, RuleMeaning::Event)),
        EventCode::Pair(None, _) => Err("paired code without a first code".into()),
        // TABARI's "discard the sentence" and "too complex to code".
        EventCode::Special(_) => Ok((
            CameoCode::parse("010").expect("valid"),
            RuleMeaning::Discard,
        )),
    }
}

/// Verb groups of a family: (trigger lemmas, particle words, the code of the group's own
/// verbs when they override the family's). Single-word verbs share one group.
fn groups(f: &VerbFamily) -> Vec<(Vec<String>, Vec<String>, Option<EventCode>)> {
    let mut out: Vec<(Vec<String>, Vec<String>, Option<EventCode>)> = Vec::new();
    for v in &f.verbs {
        let Some(head) = v.words.get(v.head) else {
            continue;
        };
        let mut lemmas = vec![clean(head)];
        for form in &v.forms {
            // Irregular forms; a phrasal form's inflected word is marked `+`.
            let word = form
                .split(['_', ' '])
                .find(|w| w.starts_with('+'))
                .or_else(|| form.split(['_', ' ']).next())
                .unwrap_or("");
            let w = clean(word.trim_start_matches('+'));
            if !w.is_empty() {
                lemmas.push(w);
            }
        }
        let particles: Vec<String> = v
            .words
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != v.head)
            .map(|(_, w)| clean(w))
            .collect();
        match out
            .iter_mut()
            .find(|g| g.1 == particles && g.2 == v.code && particles.is_empty())
        {
            Some(g) => g.0.extend(lemmas),
            None => out.push((lemmas, particles, v.code.clone())),
        }
    }
    for g in &mut out {
        g.0.sort();
        g.0.dedup();
    }
    out
}

/// Converts every family of a verb dictionary. Rule ids are
/// `<prefix>.L<line>.g<group>.x<expansion>.t<target variant>` with `.null`, `.discard` or
/// `.pair<code>` appended (see [`super::rule_meaning`]).
pub(crate) fn convert(dict: &VerbDict, flavor: Flavor) -> (Vec<Rule>, Vec<Finding>) {
    let (prefix, file) = match flavor {
        Flavor::Petrarch => ("petr", "petrarch-verbs"),
        Flavor::Tabari => ("tabari", "tabari-verbs"),
    };
    let cx = Cx { dict };
    let mut rules = Vec::new();
    let mut findings = Vec::new();
    let mut skip = |line: usize, message: String| {
        findings.push(Finding {
            file: file.to_string(),
            line,
            kind: FindingKind::MalformedPattern,
            message,
        })
    };
    if !dict.transformations.is_empty() {
        skip(
            dict.transformations[0].line,
            format!(
                "{} transformation(s) not converted (reported-event rewriting is not supported)",
                dict.transformations.len()
            ),
        );
    }
    for f in &dict.families {
        for (gi, (lemmas, particles, own)) in groups(f).into_iter().enumerate() {
            let default = Pattern {
                elems: vec![PatElem {
                    tok: PatTok::Verb,
                    joined: false,
                }],
                code: own.clone().or_else(|| f.code.clone()),
                line: f.line,
            };
            // Patterns first: they are more specific, and equal specificity keeps file order.
            for p in f.patterns.iter().chain(std::iter::once(&default)) {
                let Some(code) = p.code.as_ref() else {
                    continue;
                };
                let (code, meaning) = match code_of(code) {
                    Ok(c) => c,
                    Err(m) => {
                        skip(p.line, format!("pattern {:?} not converted: {m}", p.text()));
                        continue;
                    }
                };
                for (x, elems) in expand_synsets(&cx, &p.elems).iter().enumerate() {
                    let mut b = build(&cx, elems);
                    if let Some(why) = b.unsupported.first() {
                        skip(
                            p.line,
                            format!("pattern {:?} not converted: {why}", p.text()),
                        );
                        break;
                    }
                    for part in &particles {
                        let mut ps = paths(&["compound:prt", "advmod", "compound", "xcomp"]);
                        if is_prep(part) {
                            ps.extend(paths(&["obl.case", "obj.nmod.case"]));
                        }
                        require(&mut b, ps, std::slice::from_ref(part), part.clone());
                    }
                    let suffix = match meaning {
                        RuleMeaning::Event => String::new(),
                        RuleMeaning::Null => ".null".into(),
                        RuleMeaning::Discard => ".discard".into(),
                        RuleMeaning::Pair(c) => format!(".pair{}", c.as_str()),
                    };
                    let targets: Vec<Vec<Arg>> = match &b.tgt {
                        Some(t) => vec![t.clone()],
                        None => DEFAULT_TARGETS
                            .iter()
                            .map(|t| {
                                t.split('|')
                                    .map(|a| {
                                        if a == "none" {
                                            Arg::None
                                        } else {
                                            Arg::Path(path(a))
                                        }
                                    })
                                    .collect()
                            })
                            .collect(),
                    };
                    for (k, tgt) in targets.into_iter().enumerate() {
                        rules.push(Rule {
                            id: format!("{prefix}.L{}.g{gi}.x{x}.t{k}{suffix}", p.line),
                            code,
                            kind: TriggerKind::Verb,
                            lemmas: lemmas.clone(),
                            constraints: b.constraints.clone(),
                            src: b
                                .src
                                .clone()
                                .unwrap_or_else(|| vec![Arg::Path(path("nsubj"))]),
                            tgt,
                            intent: None,
                            threat: None,
                            neg: None,
                            sym: false,
                            fallback: false,
                            origin: format!("{file}:{}", p.line),
                        });
                    }
                }
            }
        }
    }
    (rules, findings)
}
