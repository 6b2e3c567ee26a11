//! Coding text to `(source, target, code)` triples with PETRARCH/TABARI dictionaries: the
//! harness the PETRARCH-2 and TABARI suites run through (`sitrep eval` calls it with sitrep's
//! tokenizer and parser as the parse function).

use super::{rule_meaning, RuleMeaning};
use crate::error::Result;
use crate::matcher::Matcher;
use crate::pattern::{Dictionary, Rule};
use crate::sentence::{ActorSpan, Sentence};
use sitrep_actors::dict::{ActorDict, AgentDict, Date, DiscardDict, Finding, VerbDict};
use sitrep_actors::recognize::dict_actors::{DictActors, DictToken};
use sitrep_actors::recognize::Pos;
use std::collections::BTreeMap;

/// A coded event as the suites write it.
pub type Triple = (String, String, String);

/// The suite options the coder honours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CoderOptions {
    /// Only events with both a source and a target (PETRARCH's default). Otherwise an event
    /// without a target is coded with target `---`.
    pub require_dyad: bool,
}

impl Default for CoderOptions {
    fn default() -> CoderOptions {
        CoderOptions { require_dyad: true }
    }
}

impl CoderOptions {
    /// Options from a record's `<Config>` values (lower-case names, as the eval loader keeps
    /// them); unknown options are ignored.
    pub fn from_config(config: &BTreeMap<String, String>) -> CoderOptions {
        let mut o = CoderOptions::default();
        if let Some(v) = config.get("require_dyad") {
            o.require_dyad = !v.trim().eq_ignore_ascii_case("false");
        }
        o
    }
}

/// Verb rules, actor recogniser and a parse function, ready to code records.
pub struct SuiteCoder<P> {
    dict: Dictionary,
    actors: DictActors,
    discards: Vec<Vec<String>>,
    /// Trigger lemmas usable as stems (TABARI), sorted; empty for PETRARCH.
    stems: Vec<String>,
    parse: P,
    /// Patterns the conversion could not express.
    pub findings: Vec<Finding>,
}

/// A coder over the PETRARCH suite's dictionaries (verbs, actors, agents). `parse` turns a
/// text into parsed sentences.
pub fn petrarch_suite_coder<P>(
    verbs: &VerbDict,
    actors: &ActorDict,
    agents: &AgentDict,
    parse: P,
) -> Result<SuiteCoder<P>>
where
    P: Fn(&str) -> Vec<Sentence>,
{
    let (rules, findings) = super::rules_from_petrarch(verbs);
    SuiteCoder::new(rules, findings, actors, agents, parse)
}

/// A coder over the TABARI suite's dictionaries. TABARI verb roots are stems (`RESTOR`,
/// `RESCHEDUL`): a verb with no rule of its own takes the longest root that begins it.
pub fn tabari_suite_coder<P>(
    verbs: &VerbDict,
    actors: &ActorDict,
    agents: &AgentDict,
    parse: P,
) -> Result<SuiteCoder<P>>
where
    P: Fn(&str) -> Vec<Sentence>,
{
    let (rules, findings) = super::rules_from_tabari(verbs);
    let mut c = SuiteCoder::new(rules, findings, actors, agents, parse)?;
    let mut roots: Vec<String> = c
        .dict
        .rules()
        .iter()
        .flat_map(|r| r.lemmas.iter().cloned())
        .collect();
    roots.sort();
    roots.dedup();
    c.stems = roots;
    Ok(c)
}

impl<P: Fn(&str) -> Vec<Sentence>> SuiteCoder<P> {
    /// A coder over converted rules (e.g. from [`super::rules_from_tabari`]).
    pub fn new(
        rules: Vec<Rule>,
        findings: Vec<Finding>,
        actors: &ActorDict,
        agents: &AgentDict,
        parse: P,
    ) -> Result<SuiteCoder<P>> {
        Ok(SuiteCoder {
            dict: super::dictionary_from_rules(rules)?,
            actors: DictActors::from_dicts(actors, agents),
            discards: Vec::new(),
            stems: Vec::new(),
            parse,
            findings,
        })
    }

    /// Sentence-level discard phrases: a sentence holding one codes nothing (story-level
    /// discards are treated the same, as a record is one sentence).
    pub fn with_discards(mut self, d: &DiscardDict) -> SuiteCoder<P> {
        self.discards = d
            .entries
            .iter()
            .map(|e| {
                e.phrase
                    .split(|c: char| c == '_' || c.is_whitespace())
                    .filter(|w| !w.is_empty())
                    .map(str::to_lowercase)
                    .collect::<Vec<_>>()
            })
            .filter(|ws| !ws.is_empty())
            .collect();
        self
    }

    /// The converted rules.
    pub fn dictionary(&self) -> &Dictionary {
        &self.dict
    }

    /// Codes a record: its text, its date (`YYYYMMDD`, for date-restricted actor codes) and
    /// options. Distinct triples, in the order found.
    pub fn code(&self, text: &str, date: &str, opts: CoderOptions) -> Vec<Triple> {
        let date = Date::parse(date.trim());
        let mut out = Vec::new();
        for s in (self.parse)(text) {
            for t in self.code_sentence(&s, date, opts) {
                if !out.contains(&t) {
                    out.push(t);
                }
            }
        }
        out
    }

    fn own_form(&self, w: &crate::sentence::Word) -> bool {
        if w.upos != "VERB" {
            return false;
        }
        let form = w.form.to_lowercase();
        form != w.lemma
            && !self
                .dict
                .candidates(crate::pattern::TriggerKind::Verb, &form)
                .is_empty()
    }

    /// The longest stem root beginning a verb that has no rule of its own (TABARI only).
    fn stem_of(&self, w: &crate::sentence::Word) -> Option<String> {
        if self.stems.is_empty() || w.upos != "VERB" {
            return None;
        }
        let verb = crate::pattern::TriggerKind::Verb;
        if !self.dict.candidates(verb, &w.lemma).is_empty() {
            return None;
        }
        let form = w.form.to_lowercase();
        (3..=form.len())
            .rev()
            .filter_map(|n| form.get(..n))
            .find(|p| self.stems.binary_search_by(|x| x.as_str().cmp(p)).is_ok())
            .map(str::to_string)
    }

    fn discarded(&self, s: &Sentence) -> bool {
        let forms: Vec<String> = s.words.iter().map(|w| w.form.to_lowercase()).collect();
        self.discards
            .iter()
            .any(|d| forms.windows(d.len()).any(|w| w == d.as_slice()))
    }

    /// Actor spans of a parsed sentence.
    pub fn actor_spans(&self, s: &Sentence, date: Option<Date>) -> Vec<ActorSpan> {
        let toks: Vec<DictToken<'_>> = s
            .words
            .iter()
            .map(|w| DictToken {
                form: &w.form,
                pos: Pos::from_upos(&w.upos),
            })
            .collect();
        self.actors
            .find(&toks, date)
            .into_iter()
            .map(|m| {
                let last = m.end - 1;
                // The syntactic head: the word of the span whose head lies outside it.
                let head = (m.start..m.end)
                    .find(|&w| s.head(w).is_none_or(|h| h < m.start || h > last))
                    .unwrap_or(last);
                let mut a = ActorSpan::new(m.start, last, head, &m.code);
                a.country = m.code.get(..3).unwrap_or(&m.code).to_string();
                a
            })
            .collect()
    }

    /// Codes one parsed sentence.
    pub fn code_sentence(
        &self,
        s: &Sentence,
        date: Option<Date>,
        opts: CoderOptions,
    ) -> Vec<Triple> {
        if s.words.is_empty() || self.discarded(s) {
            return Vec::new();
        }
        // The dictionaries list some inflected forms as verbs of their own (`LEFT [032:033]`
        // next to `LEAVE [012]`): such a form is its own trigger, as in PETRARCH. TABARI
        // roots are stems: a verb without rules takes the root that begins it.
        let mut own;
        let mut s = s;
        if s.words
            .iter()
            .any(|w| self.own_form(w) || self.stem_of(w).is_some())
        {
            own = s.clone();
            for w in &mut own.words {
                if self.own_form(w) {
                    w.lemma = w.form.to_lowercase();
                } else if let Some(root) = self.stem_of(w) {
                    w.lemma = root;
                }
            }
            s = &own;
        }
        let spans = self.actor_spans(s, date);
        let found = Matcher::new(&self.dict).run(s, &spans);
        if found
            .events
            .iter()
            .any(|e| rule_meaning(&e.rule) == RuleMeaning::Discard)
        {
            return Vec::new();
        }
        let mut out = Vec::new();
        for e in &found.events {
            let meaning = rule_meaning(&e.rule);
            if meaning == RuleMeaning::Null {
                continue;
            }
            let code = e.code.as_str().to_string();
            // PETRARCH reads targets after the verb: a clause reported before its speech verb
            // ("Arnor will ..., officials said") is not the speaker's target.
            let after: Vec<usize> = e
                .target_words
                .iter()
                .copied()
                .filter(|&w| !in_preceding_clause(s, w, e.trigger))
                .collect();
            if after.is_empty() && !e.target_words.is_empty() {
                if opts.require_dyad {
                    continue;
                }
                for &src in &e.sources {
                    out.push((spans[src].code.clone(), "---".into(), code.clone()));
                }
                continue;
            }
            let target_spans = first_target_group(s, &spans, &after, &e.targets);
            let codes_of =
                |v: &[usize]| -> Vec<&str> { v.iter().map(|&t| spans[t].code.as_str()).collect() };
            let (src_codes, tgt_codes) = (codes_of(&e.sources), codes_of(&target_spans));
            if src_codes.len() > 1 && tgt_codes.iter().all(|t| src_codes.contains(t)) {
                // A compound subject with no target ("Gondor and Osgiliath downplayed their
                // meeting"): every actor towards every other, as PETRARCH codes it.
                for &a in &e.sources {
                    for &b in &e.sources {
                        let (a, b) = (&spans[a].code, &spans[b].code);
                        if a != b {
                            out.push((a.clone(), b.clone(), code.clone()));
                        }
                    }
                }
                continue;
            }
            let targets: Vec<&str> = if tgt_codes.is_empty() {
                if opts.require_dyad {
                    continue;
                }
                vec!["---"]
            } else {
                tgt_codes
            };
            // TABARI's `FRO/BIL/SAM` stands for several actors at once.
            let split = |codes: &[&str]| -> Vec<String> {
                codes
                    .iter()
                    .flat_map(|c| c.split('/'))
                    .filter(|c| !c.is_empty())
                    .map(str::to_string)
                    .collect()
            };
            for src in split(&src_codes) {
                for tgt in split(&targets) {
                    if src == tgt {
                        continue;
                    }
                    out.push((src.clone(), tgt.clone(), code.clone()));
                    if let (RuleMeaning::Pair(back), false) = (meaning, tgt == "---") {
                        out.push((tgt, src.clone(), back.as_str().to_string()));
                    }
                }
            }
        }
        let mut seen = Vec::with_capacity(out.len());
        out.retain(|t| {
            let fresh = !seen.contains(t);
            if fresh {
                seen.push(t.clone());
            }
            fresh
        });
        out
    }
}

/// The target actors of the first target word that has any, plus those of words conjoined
/// with it: PETRARCH takes the first noun phrase after the verb, where the matcher gathers
/// every oblique ("left *for Minas Tirith* ... for meetings *with Arnor*").
fn first_target_group(
    s: &Sentence,
    spans: &[ActorSpan],
    words: &[usize],
    all: &[usize],
) -> Vec<usize> {
    let mut words = words.to_vec();
    words.sort_unstable();
    let Some((anchor, first)) = words.iter().find_map(|&w| {
        let a = crate::syntax::actors_at(s, spans, w);
        (!a.is_empty()).then_some((w, a))
    }) else {
        return all.to_vec();
    };
    let mut out = first;
    let mut group = vec![anchor];
    for &w in &words {
        let linked =
            s.words[w].deprel.starts_with("conj") && s.head(w).is_some_and(|h| group.contains(&h));
        if w != anchor && linked {
            group.push(w);
            for a in crate::syntax::actors_at(s, spans, w) {
                if !out.contains(&a) {
                    out.push(a);
                }
            }
        }
    }
    // Only actors the matcher itself accepted for the event.
    out.retain(|a| all.contains(a));
    if out.is_empty() {
        all.to_vec()
    } else {
        out
    }
}

/// Whether `w` lies in a clausal complement (or parataxis) of `trigger` that comes before it.
fn in_preceding_clause(s: &Sentence, w: usize, trigger: usize) -> bool {
    let mut cur = w;
    for _ in 0..crate::syntax::MAX_DEPTH {
        let Some(h) = s.head(cur) else {
            return false;
        };
        if h == trigger {
            let rel = crate::syntax::base(&s.words[cur].deprel);
            return cur < trigger && matches!(rel, "ccomp" | "parataxis");
        }
        cur = h;
    }
    false
}
