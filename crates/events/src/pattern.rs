//! The event dictionary's pattern language: one rule per line over a dependency tree.
//!
//! ```text
//! @weapon  arms weapon ammunition missile            # a word class: @name then lemmas
//! @arsenal @weapon tank tanks                         # or earlier classes, expanded
//! appeal.arms  0232  v:persuade|urge  +xcomp=sell|supply  +xcomp.obj=@weapon  src=nsubj tgt=obj
//! ```
//!
//! A rule is `ID CODE TRIGGER ITEM...`. TRIGGER is `v:` (a VERB) or `n:` (a NOUN) and lemmas
//! joined by `|`. Items:
//! - `+PATH` / `+PATH=VALUES`: the trigger must have a dependent along PATH (with a lemma in
//!   VALUES); `-PATH[=VALUES]` forbids it. VALUES are lemmas and `@class` names joined by `|`;
//!   alternative paths are joined by `|` too (`+obl:of|obl:with=@crime`).
//! - PATH is relations joined by `.` (`xcomp.obj`); the step `gov` goes up to the governing
//!   word (`gov.obl:with`). A relation is a UD deprel (`obj`, `xcomp`,
//!   `compound:prt`, `nmod:poss`) or a preposition-marked oblique: `obl:to` is an `obl` child
//!   with a `case` child "to" (`nmod:with` likewise for nouns); `obl:agent` is the passive "by".
//! - `src=ARG|ARG...`, `tgt=ARG|ARG...`: where the actors come from, first that yields words
//!   wins. An ARG is a PATH, `govsubj` (the subject of the verb governing a noun trigger: "held
//!   *talks*"), or `none` (the role may stay empty). Rules are written in the active voice; the
//!   matcher swaps the roles of passive clauses.
//! - `intent=CODE`: the code to use when the event is only intended, expected or possible
//!   ("may hold war games" is CAMEO 03, not 06). `threat=CODE`: likewise for threats.
//!   `neg=CODE`: the code of the negated or refused event ("refused to release": 1243).
//! - `fallback`: the event stands only if no other rule codes a word of its pattern.
//! - `sym`: a symmetric event ("talks", "clash"); when one role holds several conjoined actors
//!   and the other is empty, the first becomes the source and the rest the targets.

use std::collections::HashMap;

use crate::error::{Error, Result};
use crate::ontology::{CameoCode, Ontology};

/// Part of speech a trigger must have.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TriggerKind {
    /// UPOS VERB.
    Verb,
    /// UPOS NOUN.
    Noun,
}

/// One step of a dependency path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rel {
    /// The deprel, compared on its base unless a subtype is given (`obj` matches `obj`,
    /// `nmod:poss` only matches `nmod:poss`).
    pub deprel: String,
    /// For `obl:X`/`nmod:X`: the lemma of the child's `case` word ("by" for `agent`).
    pub case: Option<String>,
}

/// A dependency path from the trigger.
pub type Path = Vec<Rel>;

/// A required or forbidden dependent.
#[derive(Clone, Debug, PartialEq)]
pub struct Constraint {
    /// Where the dependent hangs: alternative paths (`+obl:of|obl:with=...`).
    pub paths: Vec<Path>,
    /// Accepted lemmas (class members expanded); empty means any.
    pub lemmas: Vec<String>,
    /// True for `+`, false for `-`.
    pub required: bool,
    /// The item as written, for explanations.
    pub text: String,
}

/// Where an event role is read from.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    /// Follow a dependency path.
    Path(Path),
    /// Subject of the governing verb of a noun trigger.
    GovSubj,
    /// The role may stay empty.
    None,
}

/// One dictionary rule.
#[derive(Clone, Debug, PartialEq)]
pub struct Rule {
    /// Unique id, reported as the evidence's `rule`.
    pub id: String,
    /// CAMEO code of an actual event.
    pub code: CameoCode,
    /// Verb or noun trigger.
    pub kind: TriggerKind,
    /// Trigger lemmas.
    pub lemmas: Vec<String>,
    /// Required and forbidden dependents.
    pub constraints: Vec<Constraint>,
    /// Source alternatives, in order.
    pub src: Vec<Arg>,
    /// Target alternatives, in order.
    pub tgt: Vec<Arg>,
    /// Code when the event is intended, expected or possible.
    pub intent: Option<CameoCode>,
    /// Code when the event is threatened.
    pub threat: Option<CameoCode>,
    /// Code when the event is negated or refused ("refused to release" is 1243, not 0841).
    pub neg: Option<CameoCode>,
    /// Symmetric event.
    pub sym: bool,
    /// Fallback rule: its event is kept only when no other rule codes one of the words its
    /// pattern names ("agreed *to withdraw*" is coded from "withdraw" when a rule covers it).
    pub fallback: bool,
    /// File and line, for messages.
    pub origin: String,
}

impl Rule {
    /// How specific the rule is; the matcher prefers more specific rules on one trigger. Each
    /// required dependent counts its path length, plus one when it names lemmas; forbidden
    /// dependents only narrow a rule's scope and count nothing.
    pub fn specificity(&self) -> usize {
        self.constraints
            .iter()
            .filter(|c| c.required)
            .map(|c| c.paths[0].len() + usize::from(!c.lemmas.is_empty()))
            .sum()
    }
}

/// A parsed dictionary: rules indexed by trigger lemma.
#[derive(Clone, Debug, Default)]
pub struct Dictionary {
    rules: Vec<Rule>,
    index: HashMap<(TriggerKind, String), Vec<usize>>,
}

const DEFAULT_SRC: &str = "nsubj";
const DEFAULT_TGT: &str = "obj";

fn parse_rel(s: &str) -> Option<Rel> {
    if s.is_empty()
        || !s
            .chars()
            .all(|c| c.is_ascii_lowercase() || c == ':' || c == '_')
    {
        return None;
    }
    match s.split_once(':') {
        Some((base @ ("obl" | "nmod"), sub))
            if sub != "poss" && sub != "tmod" && sub != "npmod" =>
        {
            let case = if sub == "agent" { "by" } else { sub };
            Some(Rel {
                deprel: base.to_string(),
                case: Some(case.replace('_', " ")),
            })
        }
        _ => Some(Rel {
            deprel: s.to_string(),
            case: None,
        }),
    }
}

fn parse_path(s: &str) -> Option<Path> {
    s.split('.').map(parse_rel).collect()
}

impl Dictionary {
    /// The project's dictionary (`data/verbs.txt` and `data/nouns.txt`), embedded.
    pub fn embedded() -> Result<Dictionary> {
        let mut d = Dictionary::default();
        let classes = d.add_source(
            "verbs.txt",
            include_str!("../data/verbs.txt"),
            HashMap::new(),
        )?;
        d.add_source("nouns.txt", include_str!("../data/nouns.txt"), classes)?;
        Ok(d)
    }

    /// Parses one dictionary text; word classes defined in earlier files are passed in and the
    /// extended set is returned, so later files can use them.
    pub fn add_source(
        &mut self,
        file: &str,
        text: &str,
        mut classes: HashMap<String, Vec<String>>,
    ) -> Result<HashMap<String, Vec<String>>> {
        let ont = Ontology::embedded();
        for (i, raw) in text.lines().enumerate() {
            let line = raw.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let err = |m: String| Error::Rule {
                file: file.to_string(),
                line: i + 1,
                message: m,
            };
            if let Some(def) = line.strip_prefix('@') {
                let mut it = def.split_whitespace();
                let name = it.next().ok_or_else(|| err("empty class name".into()))?;
                // A class may list an earlier class ("@arms @weapon tank"): expanded here, so a
                // member is never the literal word "@weapon".
                let mut words: Vec<String> = Vec::new();
                for w in it {
                    if let Some(inner) = w.strip_prefix('@') {
                        let members = classes.get(inner).ok_or_else(|| {
                            err(format!("class @{name} lists unknown class @{inner}"))
                        })?;
                        words.extend(members.iter().cloned());
                    } else {
                        words.push(w.to_lowercase());
                    }
                }
                if words.is_empty() {
                    return Err(err(format!("class @{name} has no words")));
                }
                if classes.insert(name.to_string(), words).is_some() {
                    return Err(err(format!("class @{name} defined twice")));
                }
                continue;
            }
            let rule = parse_rule(line, &classes, ont).map_err(err)?;
            let rule = Rule {
                origin: format!("{file}:{}", i + 1),
                ..rule
            };
            if self.rules.iter().any(|r| r.id == rule.id) {
                return Err(err(format!("duplicate rule id {}", rule.id)));
            }
            let n = self.rules.len();
            for l in &rule.lemmas {
                self.index
                    .entry((rule.kind, l.clone()))
                    .or_default()
                    .push(n);
            }
            self.rules.push(rule);
        }
        Ok(classes)
    }

    /// Adds rules built in code (e.g. converted from a PETRARCH/TABARI verb dictionary by
    /// [`crate::compat`]). Their codes are not checked against the ontology: those
    /// dictionaries use WEIS-era and suite-only codes. Fails, adding nothing, on a duplicate
    /// id.
    pub fn push_rules(&mut self, rules: Vec<Rule>) -> Result<()> {
        // A set, not a scan per rule: converted dictionaries hold tens of thousands of rules.
        let mut ids: std::collections::HashSet<&str> =
            self.rules.iter().map(|r| r.id.as_str()).collect();
        if let Some(dup) = rules.iter().find(|r| !ids.insert(r.id.as_str())) {
            return Err(Error::Rule {
                file: dup.origin.clone(),
                line: 0,
                message: format!("duplicate rule id {}", dup.id),
            });
        }
        for rule in rules {
            let n = self.rules.len();
            for l in &rule.lemmas {
                self.index
                    .entry((rule.kind, l.clone()))
                    .or_default()
                    .push(n);
            }
            self.rules.push(rule);
        }
        Ok(())
    }

    /// All rules, in file order.
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// Indices of the rules triggered by `lemma` as `kind`.
    pub fn candidates(&self, kind: TriggerKind, lemma: &str) -> &[usize] {
        self.index
            .get(&(kind, lemma.to_string()))
            .map_or(&[], Vec::as_slice)
    }
}

fn parse_values(
    v: &str,
    classes: &HashMap<String, Vec<String>>,
) -> std::result::Result<Vec<String>, String> {
    let mut out = Vec::new();
    for item in v.split('|') {
        if let Some(c) = item.strip_prefix('@') {
            let words = classes
                .get(c)
                .ok_or_else(|| format!("unknown class @{c}"))?;
            out.extend(words.iter().cloned());
        } else if item.is_empty() {
            return Err(format!("empty value in {v:?}"));
        } else {
            out.push(item.to_lowercase());
        }
    }
    Ok(out)
}

fn parse_args(v: &str) -> std::result::Result<Vec<Arg>, String> {
    v.split('|')
        .map(|a| match a {
            "govsubj" => Ok(Arg::GovSubj),
            "none" => Ok(Arg::None),
            p => parse_path(p)
                .map(Arg::Path)
                .ok_or_else(|| format!("bad argument path {p:?}")),
        })
        .collect()
}

fn parse_rule(
    line: &str,
    classes: &HashMap<String, Vec<String>>,
    ont: &Ontology,
) -> std::result::Result<Rule, String> {
    let mut it = line.split_whitespace();
    let (Some(id), Some(code), Some(trigger)) = (it.next(), it.next(), it.next()) else {
        return Err("a rule needs ID CODE TRIGGER".into());
    };
    if !id
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "._-".contains(c))
    {
        return Err(format!("bad rule id {id:?}"));
    }
    let known = |c: &str| {
        CameoCode::parse(c)
            .filter(|cc| ont.get(*cc).is_some())
            .ok_or_else(|| format!("unknown CAMEO code {c:?}"))
    };
    let code = known(code)?;
    let (kind, lemmas) = match trigger.split_once(':') {
        Some(("v", l)) => (TriggerKind::Verb, l),
        Some(("n", l)) => (TriggerKind::Noun, l),
        _ => {
            return Err(format!(
                "trigger must be v:LEMMA or n:LEMMA, got {trigger:?}"
            ))
        }
    };
    let lemmas = parse_values(lemmas, classes)?;
    let mut rule = Rule {
        id: id.to_string(),
        code,
        kind,
        lemmas,
        constraints: Vec::new(),
        src: Vec::new(),
        tgt: Vec::new(),
        intent: None,
        threat: None,
        neg: None,
        sym: false,
        fallback: false,
        origin: String::new(),
    };
    for item in it {
        if let Some(rest) = item
            .strip_prefix('+')
            .map(|r| (r, true))
            .or(item.strip_prefix('-').map(|r| (r, false)))
        {
            let (body, required) = rest;
            let (p, v) = body.split_once('=').unwrap_or((body, ""));
            let paths = p
                .split('|')
                .map(|one| parse_path(one).ok_or_else(|| format!("bad path {one:?}")))
                .collect::<std::result::Result<Vec<_>, _>>()?;
            let lemmas = if v.is_empty() {
                Vec::new()
            } else {
                parse_values(v, classes)?
            };
            rule.constraints.push(Constraint {
                paths,
                lemmas,
                required,
                text: item.to_string(),
            });
        } else if let Some(v) = item.strip_prefix("src=") {
            rule.src = parse_args(v)?;
        } else if let Some(v) = item.strip_prefix("tgt=") {
            rule.tgt = parse_args(v)?;
        } else if let Some(v) = item.strip_prefix("intent=") {
            rule.intent = Some(known(v)?);
        } else if let Some(v) = item.strip_prefix("threat=") {
            rule.threat = Some(known(v)?);
        } else if let Some(v) = item.strip_prefix("neg=") {
            rule.neg = Some(known(v)?);
        } else if item == "sym" {
            rule.sym = true;
        } else if item == "fallback" {
            rule.fallback = true;
        } else {
            return Err(format!("unknown item {item:?}"));
        }
    }
    if rule.src.is_empty() {
        rule.src = parse_args(DEFAULT_SRC)?;
    }
    if rule.tgt.is_empty() {
        rule.tgt = parse_args(DEFAULT_TGT)?;
    }
    Ok(rule)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dict(text: &str) -> Result<Dictionary> {
        let mut d = Dictionary::default();
        d.add_source("t.txt", text, HashMap::new())?;
        Ok(d)
    }

    #[test]
    fn pattern_parses_full_rule() {
        let d = dict(
            "@weapon arms ammunition\n\
             appeal.arms 0232 v:persuade|urge +xcomp=sell +xcomp.obj=@weapon -advmod=not src=nsubj tgt=obj|obl:to intent=033 sym # c\n",
        )
        .unwrap();
        let r = &d.rules()[0];
        assert_eq!(r.code.as_str(), "0232");
        assert_eq!(r.lemmas, vec!["persuade", "urge"]);
        assert_eq!(r.constraints.len(), 3);
        assert_eq!(r.constraints[1].lemmas, vec!["arms", "ammunition"]);
        assert!(!r.constraints[2].required);
        assert_eq!(r.tgt.len(), 2);
        assert_eq!(
            r.tgt[1],
            Arg::Path(vec![Rel {
                deprel: "obl".into(),
                case: Some("to".into())
            }])
        );
        assert_eq!(r.intent.unwrap().as_str(), "033");
        assert!(r.sym);
        assert_eq!(d.candidates(TriggerKind::Verb, "urge"), &[0]);
        assert!(d.candidates(TriggerKind::Noun, "urge").is_empty());
    }

    #[test]
    fn pattern_defaults_and_agent() {
        let d = dict("a.b 190 v:attack tgt=obj|obl:agent\n").unwrap();
        let r = &d.rules()[0];
        assert_eq!(
            r.src,
            vec![Arg::Path(vec![Rel {
                deprel: "nsubj".into(),
                case: None
            }])]
        );
        assert_eq!(
            r.tgt[1],
            Arg::Path(vec![Rel {
                deprel: "obl".into(),
                case: Some("by".into())
            }])
        );
    }

    #[test]
    fn pattern_class_expands_an_earlier_class() {
        let d = dict(
            "@weapon arms ammunition\n\
             @arsenal @weapon tanks\n\
             a.b 072 v:send +obj=@arsenal tgt=obl:to\n",
        )
        .unwrap();
        let r = &d.rules()[0];
        assert_eq!(r.constraints[0].lemmas, vec!["arms", "ammunition", "tanks"]);
        assert!(!r.constraints[0].lemmas.iter().any(|l| l.starts_with('@')));
    }

    #[test]
    fn pattern_class_naming_an_unknown_class_is_an_error_with_its_line() {
        let mut d = Dictionary::default();
        let e = d
            .add_source(
                "t.txt",
                "@weapon arms\n\n@arsenal @weapons tanks\n",
                HashMap::new(),
            )
            .unwrap_err();
        let msg = e.to_string();
        assert!(msg.contains("t.txt") && msg.contains('3'), "{msg}");
        assert!(msg.contains("@weapons"), "{msg}");
        // A class cannot list itself: it is not defined yet on its own line.
        assert!(dict("@loop @loop word\n").is_err());
    }

    #[test]
    fn pattern_rejects_bad_rules() {
        for bad in [
            "x 999 v:go",
            "x 042 go",
            "x 042 v:go +obj=@nope",
            "x 042 v:go frob",
            "x 042 v:go intent=77",
            "x 042",
            "x 042 v:go\nx 043 v:host",
            "@c\n",
            "x 042 v:go +OBJ",
        ] {
            assert!(dict(bad).is_err(), "accepted {bad:?}");
        }
    }
}
