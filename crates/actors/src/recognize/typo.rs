//! Misspelt country names and demonyms ("Ethopia", "Quatar", "Kazahks", "Ghanians"): an
//! unknown capitalised word one slip away from exactly one country form. Only slips that
//! keep the word's first letter count ("Iberia" is not "Liberia"), and only a dropped letter, an extra letter or
//! two swapped neighbours; a changed letter does not ("Roland" is not "Poland", "Greene" is
//! not "Greece"), nor an added final "s" ("Frances" is a given name, not "France"). The
//! word and the form must both be six letters or more ("Karnak" is not "Kanak"), and a few
//! real names near a form are never slips ("Americas"). A slip at the last letter does not
//! count either: those are other words ("Indiana", "Romani"). Runs last, on names nothing
//! else resolved.

use super::{Mention, MentionKind};
use crate::kb::Kb;
use std::collections::HashMap;

/// The shortest word (and form) read as a possible slip.
const MIN_LEN: usize = 6;

/// Real names one slip from a country form.
const NOT_SLIPS: &[&str] = &["americas", "koreas", "holyland", "indianos"];

/// Country names and demonyms of one word, by their first letter (lower case).
#[derive(Debug, Default)]
pub(crate) struct Typos {
    /// First letter -> (form in lower case, country index, plural demonym).
    forms: HashMap<char, Vec<(Vec<char>, usize, bool)>>,
}

fn head(w: &[char]) -> Option<char> {
    w.first().copied()
}

impl Typos {
    pub(crate) fn new(kb: &Kb) -> Typos {
        let mut forms: HashMap<char, Vec<(Vec<char>, usize, bool)>> = HashMap::new();
        for (i, c) in kb.countries().iter().enumerate() {
            let names = c.names.iter().map(|n| (n, false));
            let adjs = c.adjectives.iter().map(|a| (a, a.ends_with('s')));
            for (form, plural) in names.chain(adjs) {
                if form.contains(' ') || form.chars().count() < MIN_LEN {
                    continue;
                }
                let w: Vec<char> = form.to_lowercase().chars().collect();
                if let Some(h) = head(&w) {
                    forms.entry(h).or_default().push((w, i, plural));
                }
            }
        }
        Typos { forms }
    }

    /// The country index (and whether the form is a plural demonym) of the one form `word`
    /// misspells, if exactly one country's forms are one slip away.
    pub(crate) fn country(&self, word: &str) -> Option<(usize, bool)> {
        let w: Vec<char> = word.to_lowercase().chars().collect();
        if w.len() < MIN_LEN
            || !w.iter().all(|c| c.is_alphabetic())
            || NOT_SLIPS.contains(&&*word.to_lowercase())
        {
            return None;
        }
        let mut found: Option<(usize, bool)> = None;
        for (form, i, plural) in self.forms.get(&head(&w)?)? {
            if *form == w || !one_slip(&w, form) {
                continue;
            }
            match found {
                Some((j, _)) if j != *i => return None,
                _ => found = Some((*i, *plural)),
            }
        }
        found
    }
}

/// Whether `w` is `form` with one letter dropped, one added, or two neighbours swapped,
/// after the first letter and before the last.
fn one_slip(w: &[char], form: &[char]) -> bool {
    let n = w.len().min(form.len());
    let p = (0..n).find(|&k| w[k] != form[k]).unwrap_or(n);
    if p < 1 {
        return false;
    }
    if w.len() == form.len() {
        p + 1 < w.len() && w[p] == form[p + 1] && w[p + 1] == form[p] && w[p + 2..] == form[p + 2..]
    } else if w.len() + 1 == form.len() {
        p < w.len() && w[p..] == form[p + 1..]
    } else if w.len() == form.len() + 1 {
        p + 1 < w.len() && w[p + 1..] == form[p..]
    } else {
        false
    }
}

/// Reads the unknown names that misspell a country form as that country.
pub(crate) fn resolve(kb: &Kb, typos: &Typos, out: &mut [Mention]) {
    for m in out.iter_mut() {
        if m.kind != MentionKind::Unknown
            || m.rule != "unknown_name"
            || m.resolved_from.is_some()
            || m.text.contains(' ')
        {
            continue;
        }
        let Some((i, plural)) = typos.country(&m.text) else {
            continue;
        };
        m.kind = MentionKind::Country;
        m.rule = "country_misspelt";
        m.country = Some(kb.countries()[i].code.clone());
        m.plural = plural;
        m.set_code();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slips_of_one_letter_after_the_first() {
        let f = |a: &str, b: &str| {
            let a: Vec<char> = a.chars().collect();
            let b: Vec<char> = b.chars().collect();
            one_slip(&a, &b)
        };
        assert!(f("ethopia", "ethiopia"));
        assert!(f("kazahks", "kazakhs"));
        assert!(!f("roland", "poland"));
        assert!(!f("greene", "greece"));
        assert!(!f("frances", "france"));
        assert!(!f("iberia", "liberia"));
        assert!(!f("indiana", "indian"));
        assert!(!f("romani", "romania"));
    }
}
