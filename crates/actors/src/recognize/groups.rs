//! Peoples and communities that conflict news names instead of a state ("Karen guerrillas",
//! "Kurdish fighters", "Tamils"), and the surnames of KB people (so "President Bush", a title
//! with a surname the KB lists only inside full names, still has its country).
//!
//! A group may live in several states; `groups.txt` lists them most likely first, and the
//! article's own countries choose among them ("Kurdish fighters" in an article about Syria are
//! SYR). Groups give a country only: their sector comes from the role word they own.

use crate::kb::{normalize, Kb, PartialDate};
use std::collections::HashMap;

/// `name<TAB>ISO3[ ISO3...]`, our own list.
const GROUPS: &str = include_str!("groups.txt");

#[derive(Debug, Default)]
pub(crate) struct Groups {
    /// Normalised name -> the states it lives in, most likely first.
    groups: HashMap<String, Vec<String>>,
    /// Normalised surname of a KB person -> the one country all their roles (and those of
    /// every other KB person with that surname) are in; `None` when they differ.
    surnames: HashMap<String, Option<String>>,
    /// Normalised surname (the canonical name's last word, also without "al-") -> the KB
    /// people who bear it, for a surname used alone ([`Groups::office_holder`]).
    bearers: HashMap<String, Vec<usize>>,
}

impl Groups {
    pub(crate) fn new(kb: &Kb) -> Groups {
        let mut groups = HashMap::new();
        for line in GROUPS.lines() {
            if line.starts_with('#') {
                continue;
            }
            let Some((name, codes)) = line.split_once('\t') else {
                continue;
            };
            let codes: Vec<String> = codes.split_whitespace().map(str::to_string).collect();
            if !codes.is_empty() {
                groups.insert(normalize(name), codes);
            }
        }
        let mut surnames: HashMap<String, Option<String>> = HashMap::new();
        let mut bearers: HashMap<String, Vec<usize>> = HashMap::new();
        for (pi, p) in kb.people().iter().enumerate() {
            let Some(full) = p.names.first() else {
                continue;
            };
            if let Some((_, last)) = full.rsplit_once(' ') {
                let bare = ["al-", "el-", "Al-", "El-"]
                    .iter()
                    .find_map(|a| last.strip_prefix(a));
                for key in std::iter::once(last).chain(bare) {
                    let v = bearers.entry(normalize(key)).or_default();
                    if !v.contains(&pi) {
                        v.push(pi);
                    }
                }
            }
            // Only names of two words or more have a surname to index; the roles must agree
            // on one country (an IGO head who was also a minister has two).
            let Some((_, last)) = full.rsplit_once(' ') else {
                continue;
            };
            let mut cc = p.roles.first().map(|r| r.country.clone());
            if p.roles.iter().any(|r| Some(&r.country) != cc.as_ref()) {
                cc = None;
            }
            surnames
                .entry(normalize(last))
                .and_modify(|e| {
                    if *e != cc {
                        *e = None;
                    }
                })
                .or_insert(cc);
        }
        Groups {
            groups,
            surnames,
            bearers,
        }
    }

    /// The one KB person whose surname is `word` and who holds an office at `date`, when
    /// exactly one does ("Sudani said" in 2023 is Mohammed Shia al-Sudani): news names an
    /// office holder by surname alone once the story has introduced them, or when the
    /// surname is well known. Two holders of the surname at that date give nobody.
    pub(crate) fn office_holder(&self, kb: &Kb, word: &str, date: PartialDate) -> Option<usize> {
        let people = self.bearers.get(&normalize(word))?;
        let mut holders = people
            .iter()
            .filter(|&&p| kb.people()[p].role_at(date).is_some());
        let first = holders.next()?;
        holders.next().is_none().then_some(*first)
    }

    /// The state a group named `name` belongs to: the first of its states that the article
    /// mentions (`countries`), else the most likely one.
    pub(crate) fn country(&self, name: &str, countries: &[String]) -> Option<&str> {
        let states = self.groups.get(&normalize(name))?;
        states
            .iter()
            .find(|s| countries.contains(s))
            .or(states.first())
            .map(String::as_str)
    }

    /// The country of the KB people whose surname is the last word of `name`, when they all
    /// agree on one.
    pub(crate) fn surname_country(&self, name: &str) -> Option<&str> {
        let last = name.rsplit(' ').next()?;
        self.surnames.get(&normalize(last))?.as_deref()
    }
}

/// A group name used alone is an actor only in the plural ("Kurds", "Tamils"): the singular
/// ("Karen", "Kurdish") is also a given name or an adjective of a language.
pub(crate) fn is_plural_group(name: &str) -> bool {
    name.ends_with('s') && !name.ends_with("ss")
}

/// Titles of the offices the KB's people hold, which may take a bare surname ("President
/// Bush", "Prime Minister Sharif"); "Senator Brown" is not Gordon Brown.
pub(crate) fn is_office_title(title: &str) -> bool {
    matches!(
        normalize(title).as_str(),
        "president"
            | "prime minister"
            | "premier"
            | "chancellor"
            | "king"
            | "queen"
            | "emir"
            | "foreign minister"
            | "foreign secretary"
            | "secretary of state"
            | "defence minister"
            | "defense minister"
            | "defence secretary"
            | "defense secretary"
    )
}
