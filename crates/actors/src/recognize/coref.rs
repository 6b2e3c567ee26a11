//! In-article resolution: a later surname or first name, "the minister", and personal
//! pronouns link to an earlier full mention ([`super::Mention::resolved_from`]), and take its
//! country, sectors and role.

use super::lexicon;
use super::{Mention, MentionKind};
use crate::kb::Kb;

#[path = "coref_pronoun.rs"]
mod pronoun;

/// How many mentions back (or ahead) a name or "the minister" looks for its antecedent:
/// bounds the work on pathological documents to linear time.
const LINK_WINDOW: usize = 400;

/// The words of a name, lower-cased.
fn name_words(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// Whether every word of `m` is a word of `p`'s name (or text).
fn names(p: &Mention, m: &Mention) -> bool {
    if p.kind != MentionKind::Person {
        return false;
    }
    let mut own: Vec<String> = name_words(&p.text).collect();
    if let Some(n) = &p.name {
        own.extend(name_words(n));
    }
    let mut any = false;
    for w in name_words(&m.text) {
        if !own.contains(&w) {
            return false;
        }
        any = true;
    }
    any
}

/// The lower-cased words of every person's name in the article, so that an unknown
/// capitalised name repeating one ("Kim" after "Kim Jong Un") is kept for linking instead
/// of being looked up as a place.
pub(crate) fn person_words(out: &[Mention]) -> std::collections::HashSet<String> {
    let mut set = std::collections::HashSet::new();
    for p in out.iter().filter(|p| p.kind == MentionKind::Person) {
        set.extend(name_words(&p.text));
        if let Some(n) = &p.name {
            set.extend(name_words(n));
        }
    }
    set
}

/// Whether every word of `m` is in `words` (see [`person_words`]).
pub(crate) fn all_in(words: &std::collections::HashSet<String>, m: &Mention) -> bool {
    let mut any = false;
    for w in name_words(&m.text) {
        if !words.contains(&w) {
            return false;
        }
        any = true;
    }
    any
}

fn root(out: &[Mention], j: usize) -> usize {
    out[j].resolved_from.unwrap_or(j)
}

fn copy_from(out: &mut [Mention], i: usize, j: usize, rule: &'static str) {
    let a = out[j].clone();
    let r = root(out, j);
    let m = &mut out[i];
    m.kind = a.kind;
    m.country = a.country;
    m.sectors = a.sectors;
    m.plover_sector = a.plover_sector;
    m.name = a.name;
    m.role = a.role;
    m.female = a.female;
    m.plural = a.plural;
    m.person = a.person;
    m.resolved_from = Some(r);
    m.rule = rule;
    m.set_code();
}

/// Words that make one office another: "the vice president" is not "President Trump", "the
/// prime minister" not "Foreign Minister Lavrov", and "the president" not "Vice President
/// Pence".
const QUALIFIERS: [&str; 11] = [
    "vice",
    "deputy",
    "prime",
    "foreign",
    "defence",
    "defense",
    "interior",
    "finance",
    "justice",
    "assistant",
    "acting",
];

/// Whether a definite role ("the vice president") can be the earlier actor `a`: each
/// qualifier of the role is in `a`'s words or in the KB role `a` held, and `a` is no
/// deputy the role does not say ("the minister" may be "Foreign Minister Lavrov").
fn qualifiers_agree(def: &Mention, a: &Mention) -> bool {
    let lower = |m: &Mention| m.text.to_ascii_lowercase().replace('-', " ");
    let (d, t) = (lower(def), lower(a));
    // A role word links to a role word of the same office ("a former minister ... the
    // minister"), not to another ("a former army general ... the former president").
    if a.kind == MentionKind::Agent && d.split(' ').next_back() != t.split(' ').next_back() {
        return false;
    }
    let role = a.role.as_ref().map_or("", |r| r.role);
    let has = |s: &str, q: &str| s.split(' ').any(|w| w == q);
    let held = |q: &str| match q {
        "prime" => role == "head_of_government",
        "foreign" => role == "foreign_minister",
        "defence" | "defense" => role == "defence_minister",
        _ => false,
    };
    QUALIFIERS.iter().all(|q| {
        let (in_d, in_t) = (has(&d, q), has(&t, q));
        if in_d {
            in_t || held(q)
        } else {
            !(in_t && matches!(*q, "vice" | "deputy" | "assistant"))
        }
    })
}

/// Titles of one office that a definite role ("the king") shares only with a person written
/// with the same title.
const OFFICE_TITLES: [&str; 12] = [
    "king",
    "queen",
    "emir",
    "sultan",
    "president",
    "pope",
    "chancellor",
    "prince",
    "princess",
    "ayatollah",
    "emperor",
    "premier",
];

fn last_word(m: &Mention) -> String {
    m.text.rsplit(' ').next().unwrap_or("").to_ascii_lowercase()
}

/// The office title a definite role names ("the king": `king`).
fn title_of(def: &Mention) -> Option<&'static str> {
    let w = last_word(def);
    OFFICE_TITLES.iter().copied().find(|t| *t == w)
}

/// The office titles written in a mention's text ("Saudi Arabia's King Salman": `king`).
fn title_words(a: &Mention) -> impl Iterator<Item = &'static str> + '_ {
    a.text.split(' ').filter_map(|w| {
        OFFICE_TITLES
            .iter()
            .copied()
            .find(|t| w.eq_ignore_ascii_case(t))
    })
}

/// "the king" is not "China's President Xi Jinping": a person written with another office
/// title does not hold the one the definite role names (one written with none may).
fn titles_agree(def: &Mention, a: &Mention) -> bool {
    let Some(t) = title_of(def) else {
        return true;
    };
    a.kind != MentionKind::Person || {
        let mut own = title_words(a).peekable();
        own.peek().is_none() || own.any(|w| w == t)
    }
}

/// Links mentions (sorted by position) to earlier ones, and drops pronouns that find no
/// antecedent (they name nobody by themselves).
pub fn link(_kb: &Kb, text: &str, out: &mut Vec<Mention>) {
    let mut keep = vec![true; out.len()];
    for i in 0..out.len() {
        let m = &out[i];
        match (m.kind, m.rule) {
            (MentionKind::Person, _) if m.person.is_some() => {
                let p = m.person;
                let first = (i.saturating_sub(LINK_WINDOW)..i)
                    .find(|&j| out[j].person == p && out[j].rule != "name_coref_forward");
                if let Some(r) = first.map(|j| root(out, j)).filter(|&r| r != i) {
                    out[i].resolved_from = Some(r);
                }
            }
            (MentionKind::Unknown, "unknown_name") | (MentionKind::Person, "honorific_name") => {
                // An earlier full name first; else a later one (a headline or lede may say
                // "Kim" before the body writes "Kim Jong Un").
                let found = (i.saturating_sub(LINK_WINDOW)..i)
                    .rev()
                    .find(|&j| names(&out[j], &out[i]));
                let later = || {
                    (i + 1..out.len().min(i + LINK_WINDOW))
                        .find(|&j| out[j].person.is_some() && names(&out[j], &out[i]))
                };
                if let Some(j) = found {
                    copy_from(out, i, j, "name_coref");
                } else if let Some(j) = later() {
                    copy_from(out, i, j, "name_coref_forward");
                    out[i].resolved_from = Some(j);
                }
            }
            (MentionKind::Agent, "definite_role") => {
                let want = out[i].sectors.clone();
                let fits = |a: &Mention| {
                    a.country.is_some()
                        && matches!(a.kind, MentionKind::Person | MentionKind::Agent)
                        && !a.plural
                        && (want.is_empty() || want.iter().any(|s| a.sectors.contains(s)))
                        && qualifiers_agree(&out[i], a)
                        && titles_agree(&out[i], a)
                };
                let window = i.saturating_sub(LINK_WINDOW)..i;
                // "King Salman ... Xi Jinping ... the king": the person written with the
                // title first, then the nearest that fits.
                let titled = title_of(&out[i]).and_then(|t| {
                    window
                        .clone()
                        .rev()
                        .find(|&j| fits(&out[j]) && title_words(&out[j]).any(|w| w == t))
                });
                let found = titled.or_else(|| window.clone().rev().find(|&j| fits(&out[j])));
                // "the authority of the courts" after "Israel's military court": a plural
                // institution takes the country of the same institution named before, but
                // stays plural (it is the whole court system, not that one court).
                let institution = || {
                    let head = last_word(&out[i]);
                    let one = head.strip_suffix('s').filter(|_| out[i].plural)?;
                    window.clone().rev().find(|&j| {
                        let a = &out[j];
                        a.kind == MentionKind::Agent
                            && a.country.is_some()
                            && !a.plural
                            && last_word(a) == one
                            && want.iter().any(|s| a.sectors.contains(s))
                    })
                };
                if let Some(j) = found {
                    copy_from(out, i, j, "definite_coref");
                } else if let Some(j) = institution() {
                    copy_from(out, i, j, "definite_coref");
                    out[i].plural = true;
                }
            }
            (MentionKind::Unknown, "pronoun") => {
                let w = text.get(m.start..m.end).unwrap_or("");
                let found =
                    lexicon::pronoun(w).and_then(|p| pronoun::antecedent(text, out, &keep, i, p));
                match found {
                    Some(j) => copy_from(out, i, j, "pronoun"),
                    None => keep[i] = false,
                }
            }
            _ => {}
        }
    }
    // Dropping shifts indices: remap resolved_from through the kept positions.
    if keep.iter().all(|&k| k) {
        return;
    }
    let mut new_index = vec![usize::MAX; out.len()];
    let mut n = 0;
    for (i, k) in keep.iter().enumerate() {
        if *k {
            new_index[i] = n;
            n += 1;
        }
    }
    let mut i = 0;
    out.retain(|_| {
        i += 1;
        keep[i - 1]
    });
    for m in out.iter_mut() {
        m.resolved_from = m.resolved_from.and_then(|r| {
            let r = new_index[r];
            (r != usize::MAX).then_some(r)
        });
    }
}

/// Mentions linked to a role that had no country yet when they were linked ("The ministry
/// said its envoy ...": "its" before the article gave "the ministry" its country) take the
/// country and sectors their antecedent has now. Runs after the last article-country pass.
pub(crate) fn propagate(out: &mut [Mention]) {
    for i in 0..out.len() {
        let Some(r) = out[i].resolved_from.filter(|&r| r < out.len()) else {
            continue;
        };
        if out[i].country.is_some() || out[r].country.is_none() {
            continue;
        }
        let a = out[r].clone();
        let m = &mut out[i];
        m.country = a.country;
        m.sectors = a.sectors;
        m.plover_sector = a.plover_sector;
        m.set_code();
    }
}
