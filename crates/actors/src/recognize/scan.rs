//! Longest-match lookup of KB and extra phrases over one sentence's words.

use super::lexicon::{self, Extra};
use super::{Pos, Recognizer, Scratch, Word};
use crate::kb::{given_name, normalize, CountryForm, Entry, Namespace, PartialDate};

/// What a run of words matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AtomKind {
    Person(usize),
    Seat(usize),
    Igo(usize),
    Media(usize),
    /// `lexicon.orgs[index]`.
    Org(usize),
    Country {
        index: usize,
        form: CountryForm,
    },
    /// A sector role word: CAMEO and PLOVER sector records (indices into `kb.sectors()`),
    /// or an extra role phrase.
    Role {
        cameo: Option<usize>,
        plover: Option<usize>,
        extra: Option<usize>,
    },
    /// A word with no sector of its own ("spokeswoman").
    Inherit,
    /// A place name that contains a country word ("New Jersey"): no atom is kept.
    NotCountry,
}

/// Words `w0..w1` (sentence-local) matched `kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Atom {
    pub w0: usize,
    pub w1: usize,
    pub kind: AtomKind,
}

/// Fills `scratch.atoms` with the longest matches, left to right, over `words`.
pub(crate) fn atoms(
    rec: &Recognizer<'_>,
    text: &str,
    words: &[Word],
    date: PartialDate,
    scratch: &mut Scratch,
) {
    scratch.atoms.clear();
    scratch.norms.clear();
    scratch.norm_text.clear();
    for w in words {
        let s = text.get(w.start as usize..w.end as usize).unwrap_or("");
        let a = scratch.norm_text.len() as u32;
        push_norm(s, &mut scratch.norm_text);
        scratch.norms.push((a, scratch.norm_text.len() as u32));
    }
    let max_words = (rec.kb.max_phrase_tokens().max(rec.lex.extra_max) + 3).min(16);
    let mut ends = [0usize; 16];
    let mut i = 0;
    // Whether the previous word is a capitalised word outside any match: then an IGO or seat
    // starting here is the tail of a longer name ("National Security Council").
    let mut prev_free_cap = false;
    while i < words.len() {
        let first = word_text(text, &words[i]);
        if first.is_empty() || !first.chars().next().is_some_and(char::is_alphanumeric) {
            prev_free_cap = false;
            i += 1;
            continue;
        }
        // Words that start no known phrase get only the one-word lookup (inherit words are
        // not listed in `first`); the others extend as far as their longest phrase.
        let (a0, b0) = scratch.norms[i];
        let max_len = rec
            .lex
            .first
            .get(&scratch.norm_text[a0 as usize..b0 as usize])
            .copied();
        let limit = match max_len {
            Some(_) => (i + max_words).min(words.len()),
            None => i + 1,
        };
        scratch.key.clear();
        let mut n = 0;
        for k in i..limit {
            if k > i && words[k].start > words[k - 1].end {
                scratch.key.push(' ');
            }
            let (a, b) = scratch.norms[k];
            scratch
                .key
                .push_str(&scratch.norm_text[a as usize..b as usize]);
            if k > i && max_len.is_some_and(|m| scratch.key.len() > m) {
                break;
            }
            ends[n] = scratch.key.len();
            n += 1;
        }
        let mut found = None;
        for m in (0..n).rev() {
            let last = word_text(text, &words[i + m]);
            if !last.chars().last().is_some_and(char::is_alphanumeric) && m > 0 && last != "." {
                continue;
            }
            let key = &scratch.key[..ends[m]];
            if let Some(kind) =
                match_key(rec, text, words, (i, i + m + 1), key, prev_free_cap, date)
            {
                found = Some((i + m + 1, kind));
                break;
            }
        }
        match found {
            Some((j, AtomKind::NotCountry)) => {
                // Left to the capitalised-name rules, as if no phrase matched.
                prev_free_cap = true;
                i = j;
            }
            Some((j, kind)) => {
                scratch.atoms.push(Atom { w0: i, w1: j, kind });
                prev_free_cap = false;
                i = j;
            }
            None => {
                prev_free_cap = is_capitalised(first) && !super::lexicon::is_stop_cap(first);
                i += 1;
            }
        }
    }
}

fn match_key(
    rec: &Recognizer<'_>,
    text: &str,
    words: &[Word],
    (w0, w1): (usize, usize),
    key: &str,
    prev_free_cap: bool,
    date: PartialDate,
) -> Option<AtomKind> {
    let kb = rec.kb;
    let surface = text.get(words[w0].start as usize..words[w1 - 1].end as usize)?;
    if let Some(&e) = rec.lex.extra.get(key) {
        match e {
            Extra::Media(m)
                if is_capitalised(surface)
                    && !prev_free_cap
                    && lexicon::case_fits(&rec.lex.media[m].0, surface) =>
            {
                return Some(AtomKind::Media(m));
            }
            Extra::Org(o)
                if is_capitalised(surface)
                    && !prev_free_cap
                    && lexicon::case_fits(&rec.lex.orgs[o].name, surface) =>
            {
                return Some(AtomKind::Org(o));
            }
            Extra::NotCountry if is_capitalised(surface) => return Some(AtomKind::NotCountry),
            Extra::Role(r) => {
                return Some(AtomKind::Role {
                    cameo: None,
                    plover: None,
                    extra: Some(r),
                });
            }
            _ => {}
        }
    }
    if kb.lookup_key(key).is_empty() {
        return None;
    }
    let entries = kb.lookup_cased(surface);
    if entries.is_empty() {
        return None;
    }
    let single = w1 - w0 == 1;
    let pos = words[w0].pos;
    let mut best: Option<(u8, AtomKind)> = None;
    let (mut cameo, mut plover) = (None, None);
    for e in entries {
        let cand = match e {
            Entry::Person(p) => {
                let active = kb.people()[p].role_at(date).is_some();
                (if active { 0 } else { 1 }, AtomKind::Person(p))
            }
            Entry::Seat(s) if !prev_free_cap => (2, AtomKind::Seat(s)),
            Entry::Igo(g) if !prev_free_cap => (3, AtomKind::Igo(g)),
            Entry::Country { index, form } => (4, AtomKind::Country { index, form }),
            Entry::Sector(s) => {
                match kb.sectors()[s].namespace {
                    Namespace::Cameo => cameo = cameo.or(Some(s)),
                    Namespace::Plover => plover = plover.or(Some(s)),
                }
                continue;
            }
            Entry::Inherit => (6, AtomKind::Inherit),
            _ => continue,
        };
        if best.is_none_or(|(r, _)| cand.0 < r) {
            best = Some(cand);
        }
    }
    if (cameo.is_some() || plover.is_some()) && best.is_none_or(|(r, _)| r > 5) {
        // A lone common noun tagged as something else ("general" ADJ, "head" VERB) is not
        // a role word; "military" is one as a modifier too ("Israel's military said", "a
        // senior Israeli military official").
        if single && !role_pos(pos) && key != "military" {
            return None;
        }
        best = Some((
            5,
            AtomKind::Role {
                cameo,
                plover,
                extra: None,
            },
        ));
    }
    if let Some((_, AtomKind::Inherit | AtomKind::Role { .. })) = best {
        if single && !role_pos(pos) && key != "military" {
            return None;
        }
        // A role word glued to a hyphen modifies the next word ("leader-level talks").
        if words
            .get(w1)
            .is_some_and(|n| n.start == words[w1 - 1].end && word_text(text, n) == "-")
        {
            return None;
        }
        // "EU candidate countries", "a candidate vaccine": a candidate that qualifies a thing
        // is no person.
        if matches!(key, "candidate" | "candidates")
            && words.get(w1).is_some_and(|n| {
                matches!(
                    word_text(text, n).to_ascii_lowercase().as_str(),
                    "country"
                        | "countries"
                        | "state"
                        | "states"
                        | "nation"
                        | "nations"
                        | "status"
                        | "city"
                        | "cities"
                        | "vaccine"
                        | "vaccines"
                        | "drug"
                        | "drugs"
                        | "site"
                        | "sites"
                        | "list"
                        | "lists"
                )
            })
        {
            return None;
        }
    }
    best.map(|(_, k)| k)
}

/// Tags a role word may carry. The tagger reads rare nouns it has not seen as numbers
/// ("Burundian militiamen/NUM", "gunmen/NUM"); a role word so tagged is still a noun.
fn role_pos(pos: Pos) -> bool {
    matches!(pos, Pos::Unknown | Pos::Noun | Pos::Propn | Pos::Num)
}

pub(crate) fn word_text<'t>(text: &'t str, w: &Word) -> &'t str {
    text.get(w.start as usize..w.end as usize).unwrap_or("")
}

pub(crate) fn is_capitalised(s: &str) -> bool {
    // Arabic names keep a lower-case article: "al-Qaida", "el-Sisi" are capitalised names.
    let s = match s.split_once('-') {
        Some(("al" | "el" | "ad" | "ash" | "as" | "an" | "ar" | "at" | "az" | "ul", rest)) => rest,
        _ => s,
    };
    s.chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(char::is_uppercase)
}

/// Appends the lookup form of one word: lower case, accents folded, a transliterated given
/// name in its indexed spelling (as [`normalize`]).
fn push_norm(s: &str, out: &mut String) {
    if s.is_ascii() {
        let start = out.len();
        for b in s.bytes() {
            out.push(b.to_ascii_lowercase() as char);
        }
        if let Some(name) = given_name(&out[start..]) {
            out.truncate(start);
            out.push_str(name);
        }
    } else {
        out.push_str(&normalize(s));
    }
}
