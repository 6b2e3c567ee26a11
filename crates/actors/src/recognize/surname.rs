//! A surname used alone for a KB office holder the article never names in full ("Sudani
//! said", "talks with Zelensky" when the KB lists only the full names): the one KB person with
//! that surname who holds an office on the article's date. Runs after coreference, so a
//! surname that repeats a full name in the article is already linked to it. Surnames are
//! shared by many people ("Murphy", "Yang", "Ali"), so two more conditions guard it: no
//! other name in the article ends with that word (the story introduced someone else, whom
//! the KB does not know), and the article names the holder's country or organisation
//! elsewhere ("Moise" in a story about Haiti, not "Morales" in one about Texas).

use super::lexicon;
use super::{Mention, MentionKind, Recognizer, RoleAt};
use crate::kb::{Gender, PartialDate, Role, RoleKind};

/// The offices whose holders news names by surname alone. Legislators and officials share
/// their surnames with too many people ("Ryan", "Murray", "Scott").
fn named_by_surname(r: &Role) -> bool {
    matches!(
        r.role,
        RoleKind::HeadOfState
            | RoleKind::HeadOfGovernment
            | RoleKind::ForeignMinister
            | RoleKind::DefenceMinister
            | RoleKind::IgoHead
            | RoleKind::RebelLeader
    ) && !r.sectors.iter().any(|s| s == "LEG")
}

/// Whether the word stands alone in the text: not glued to a hyphen or to letters a bad
/// encoding broke off ("Mazar-i-Sharif", "Pen\u{FFFD}lope"), and not the first part of a
/// longer name ("Ibrahim el-Bakraoui", "Johnson & Johnson").
fn stands_alone(text: &str, m: &Mention) -> bool {
    let before = text.get(..m.start).and_then(|t| t.chars().next_back());
    let rest = text.get(m.end..).unwrap_or("");
    let glue = |c: char| c == '-' || c == '\u{FFFD}' || c.is_alphanumeric();
    let next = rest.trim_start();
    let prev = text.get(..m.start).unwrap_or("").trim_end();
    !before.is_some_and(glue)
        && !prev.ends_with('&')
        && !rest.chars().next().is_some_and(glue)
        && !["el-", "al-", "bin ", "ibn ", "&"]
            .iter()
            .any(|p| next.starts_with(p))
}

/// Whether an unknown capitalised name may be a surname: one word, a capital and then lower
/// case (acronyms name organisations), three letters or more.
fn surname_like(s: &str) -> bool {
    let mut chars = s.chars();
    s.chars().count() >= 3
        && chars.next().is_some_and(char::is_uppercase)
        && chars.any(char::is_lowercase)
        && !s.contains(char::is_whitespace)
}

/// Resolves the unknown one-word names that are the surname of exactly one office holder on
/// `date` (see the module comment); later ones link to the first.
pub(crate) fn resolve(rec: &Recognizer<'_>, text: &str, date: PartialDate, out: &mut [Mention]) {
    let kb = rec.kb;
    if !out.iter().any(|m| m.rule == "unknown_name") {
        return;
    }
    // The last words of the article's longer names, and the codes its actors carry.
    let mut last_words: Vec<String> = Vec::new();
    let mut codes: Vec<&str> = Vec::new();
    for m in out.iter() {
        if let Some((_, last)) = m.text.rsplit_once(' ') {
            if matches!(m.kind, MentionKind::Person | MentionKind::Unknown) {
                // "Nasr al-Hariri" introduces a Hariri.
                let last = last.to_lowercase();
                let bare = ["al-", "el-"].iter().find_map(|a| last.strip_prefix(a));
                if let Some(b) = bare {
                    last_words.push(b.to_string());
                }
                last_words.push(last);
            }
        }
        if let Some(c) = m.country.as_deref() {
            codes.push(c);
        }
        if let Some(c) = m.place.as_ref().and_then(|p| p.country.as_deref()) {
            codes.push(c);
        }
    }
    let mut found = Vec::new();
    for (i, m) in out.iter().enumerate() {
        if m.kind != MentionKind::Unknown
            || m.rule != "unknown_name"
            || m.resolved_from.is_some()
            || !surname_like(&m.text)
            || !stands_alone(text, m)
        {
            continue;
        }
        if last_words.contains(&m.text.to_lowercase()) {
            continue;
        }
        let Some(p) = rec.lex.groups.office_holder(kb, &m.text, date) else {
            continue;
        };
        let person = &kb.people()[p];
        let Some(r) = person.role_at(date) else {
            continue;
        };
        if named_by_surname(r) && codes.contains(&r.country.as_str()) {
            found.push((i, p));
        }
    }
    for (i, p) in found {
        let person = &kb.people()[p];
        let Some(r) = person.role_at(date) else {
            continue;
        };
        let first = out[..i]
            .iter()
            .position(|x| x.person == Some(p))
            .map(|j| out[j].resolved_from.unwrap_or(j));
        let m = &mut out[i];
        m.kind = MentionKind::Person;
        m.rule = "kb_surname_dated";
        m.name = person.names.first().cloned();
        m.person = Some(p);
        m.female = person.gender.map(|g| g == Gender::Female);
        m.country = Some(r.country.clone());
        m.sectors.clear();
        super::parts::add_sectors(m, &r.sectors.iter().map(String::as_str).collect::<Vec<_>>());
        m.plover_sector = m
            .sectors
            .first()
            .and_then(|s| lexicon::plover_of(s))
            .map(str::to_string);
        m.role = Some(RoleAt {
            role: r.role.as_str(),
            start: r.start.to_string(),
            end: r.end.map(|e| e.to_string()),
        });
        m.resolved_from = first;
        m.set_code();
    }
}
