//! PETRARCH and TABARI verb dictionaries as inputs to sitrep's coder.
//!
//! [`rules_from_petrarch`] and [`rules_from_tabari`] turn a verb dictionary loaded by
//! `sitrep_actors::dict` into [`Rule`]s of our dependency-pattern language, which
//! [`dictionary_from_rules`] (or [`Dictionary::push_rules`] on an existing dictionary, to
//! extend it) makes usable by the [`crate::Matcher`]. [`SuiteCoder`] puts this together with
//! the dictionary-driven actor recogniser of `sitrep_actors` to code a text the way the
//! PETRARCH-2 and TABARI validation suites expect: `(source, target, code)` triples.
//!
//! What the conversion cannot keep (each unconverted pattern is a [`Finding`]):
//! - word order: `^` (skip an actor) and the left-to-right reading of PETRARCH's noun and
//!   prepositional phrases become "has a dependent with this lemma";
//! - PETRARCH-2 transformations (`~ a (a b X) SAY = a b 015`) and TABARI `<TIME>` shifts;
//! - TABARI alternatives whose branches are not single words (a branch is read as its first
//!   word), and `###`/`+++` only discard a sentence when their pattern finds a source actor.
//!
//! Two things a [`Rule`] has no field for are carried in its id and read back with
//! [`rule_meaning`]: null rules (`[---]`: they match, so weaker rules do not fire, but code no
//! event), discard rules (TABARI `[###]`, `[+++]`) and paired codes (`[032:033]`: 032 from source to target and 033 back).

mod convert;
mod suite;
mod walk;

pub use suite::{petrarch_suite_coder, tabari_suite_coder, CoderOptions, SuiteCoder, Triple};

use crate::error::Result;
use crate::ontology::CameoCode;
use crate::pattern::{Dictionary, Rule};
use sitrep_actors::dict::{Finding, VerbDict};

/// Which program's dictionary a rule came from (it only names the rule ids).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flavor {
    /// PETRARCH-1/2 (`CAMEO.2.0.txt`, `PETR.Validate.verbs.txt`).
    Petrarch,
    /// TABARI `.verbs`.
    Tabari,
}

/// What an event coded by a converted rule stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleMeaning {
    /// One event with the rule's code.
    Event,
    /// No event: the pattern exists to stop weaker patterns.
    Null,
    /// The rule's code from source to target plus this code from target to source.
    Pair(CameoCode),
    /// TABARI `[###]`/`[+++]`: the sentence is discarded (or too complex): no event at all.
    Discard,
}

/// Reads the meaning of a rule from its id (`...null`, `...pair033`); rules not made here are
/// [`RuleMeaning::Event`].
pub fn rule_meaning(id: &str) -> RuleMeaning {
    let last = id.rsplit('.').next().unwrap_or("");
    match last {
        "null" => return RuleMeaning::Null,
        "discard" => return RuleMeaning::Discard,
        _ => {}
    }
    match last.strip_prefix("pair").and_then(CameoCode::parse) {
        Some(c) => RuleMeaning::Pair(c),
        None => RuleMeaning::Event,
    }
}

/// Rules from a PETRARCH verb dictionary, and a finding per pattern that could not be
/// converted.
pub fn rules_from_petrarch(dict: &VerbDict) -> (Vec<Rule>, Vec<Finding>) {
    convert::convert(dict, Flavor::Petrarch)
}

/// Rules from a TABARI verb dictionary, and a finding per pattern that could not be
/// converted.
pub fn rules_from_tabari(dict: &VerbDict) -> (Vec<Rule>, Vec<Finding>) {
    convert::convert(dict, Flavor::Tabari)
}

/// A dictionary holding only `rules` (to replace the embedded one).
pub fn dictionary_from_rules(rules: Vec<Rule>) -> Result<Dictionary> {
    let mut d = Dictionary::default();
    d.push_rules(rules)?;
    Ok(d)
}

#[cfg(test)]
mod tests;
