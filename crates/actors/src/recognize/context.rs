//! The article's country for actors that name none: a title with a name the KB lacks
//! ("President Jane Doe", "former president John Doe"), a bare role ("police", "the
//! government"), and peoples named after another state ("ethnic Albanians" in a story about
//! Macedonia). News writes such actors without their country because the
//! story has already said where it is; CAMEO and PLOVER coders then give them the country the
//! story is about. When the actor's own sentence carries exactly one country, that one;
//! else the one the article's mentions carry most (countries, actors with a country,
//! places), mentions in the actor's own sentence counting twice; ties go to the country
//! mentioned first. Actors outside the state and its contenders ("the
//! company", "students") take only a country named in their own sentence.

use super::parts::ETHNIC;
use super::{Mention, MentionKind};
use crate::kb::Kb;

/// Sectors of actors that belong to the place where they act: the state's organs and the
/// people and groups of the country. International sectors (IGO, NGO, multinational), media,
/// which report from anywhere, and refugees, who are foreign to where they are, are not
/// filled.
fn local_sector(s: &str) -> bool {
    matches!(
        s,
        "GOV"
            | "MIL"
            | "COP"
            | "JUD"
            | "LEG"
            | "SPY"
            | "OPP"
            | "PTY"
            | "REB"
            | "INS"
            | "SEP"
            | "CVL"
            | "EDU"
            | "LAB"
            | "BUS"
            | "REL"
            | "ELI"
            | "AGR"
            | "HLH"
            | "CRM"
            | "UAF"
            | "RAD"
            | "MOD"
            | "HRI"
            | "ENV"
    )
}

/// Sectors of the state and of the armed and political groups that contest it.
fn state_sector(s: &str) -> bool {
    matches!(
        s,
        "GOV" | "MIL" | "COP" | "JUD" | "LEG" | "SPY" | "OPP" | "PTY" | "REB" | "INS" | "SEP"
    )
}

/// Whether `m` is an actor the article's country should complete. Before coreference,
/// "the minister" waits: it may yet link to a named minister.
fn wants_country(m: &Mention, after_coref: bool) -> bool {
    if m.rule == ETHNIC {
        return !after_coref;
    }
    if m.country.is_some() || m.resolved_from.is_some() {
        return false;
    }
    if !after_coref && m.rule == "definite_role" {
        return false;
    }
    match m.kind {
        // A titled name: the title made it a person of some state.
        MentionKind::Person => {
            matches!(m.rule, "title_name" | "title_kb_person" | "kb_person")
                && !m.sectors.is_empty()
        }
        MentionKind::Agent => !m.sectors.is_empty() && m.sectors.iter().all(|s| local_sector(s)),
        _ => false,
    }
}

/// "two Asian women", "African migrants", "foreign troops": a role modified by a region
/// wider than a state, or by a word saying it is foreign, does not belong to the story's
/// country ("the foreign minister" does: a government's role).
fn from_elsewhere(text: &str, m: &Mention) -> bool {
    if m.kind != MentionKind::Agent {
        return false;
    }
    let gov = m.sectors.iter().any(|s| s == "GOV");
    // Faith-named armed, radical and political groups are parties to the story's conflict
    // ("Protestant extremists" in Northern Ireland); other faith-named people are not.
    let fighting = m.sectors.iter().any(|s| {
        matches!(
            s.as_str(),
            "GOV" | "MIL" | "REB" | "INS" | "SEP" | "RAD" | "UAF" | "OPP" | "PTY"
        )
    });
    // The word before the span too: the role may start after its modifier.
    let before = text
        .get(..m.start)
        .unwrap_or("")
        .split_whitespace()
        .next_back();
    let words = m.text.split([' ', '-']).chain(before);
    words.into_iter().any(|w| {
        matches!(
            w,
            "Asian"
                | "Asians"
                | "African"
                | "Africans"
                | "European"
                | "Europeans"
                | "Arab"
                | "Arabs"
                | "Latin"
                | "Western"
                | "Westerners"
                | "Middle"
                | "Nordic"
                | "Scandinavian"
                | "Balkan"
                | "Caucasian"
                | "Hispanic"
                | "Caribbean"
        ) || (!fighting && faith(w))
            || (!gov
                && matches!(
                    w.to_ascii_lowercase().as_str(),
                    "foreign"
                        | "foreigners"
                        | "overseas"
                        | "international"
                        | "expatriate"
                        | "expatriates"
                        | "expat"
                        | "expats"
                        | "migrant"
                        | "migrants"
                        | "immigrant"
                        | "immigrants"
                        | "multinational"
                        | "global"
                ))
    })
}

/// A faith is no state: "Muslim hackers" in a story about Denmark are not Danes.
fn faith(w: &str) -> bool {
    matches!(
        w,
        "Muslim"
            | "Muslims"
            | "Christian"
            | "Christians"
            | "Jewish"
            | "Catholic"
            | "Catholics"
            | "Protestant"
            | "Protestants"
            | "Buddhist"
            | "Buddhists"
            | "Hindu"
            | "Hindus"
            | "Sikh"
            | "Sikhs"
    )
}

/// "troops in Mali": an agent right before "in" and a place was left without the place's
/// country on purpose (`place::agents_in_places`); the article's country is no better.
fn before_a_place(text: &str, out: &[Mention], i: usize) -> bool {
    let (a, Some(b)) = (&out[i], out.get(i + 1)) else {
        return false;
    };
    a.sentence == b.sentence
        && matches!(b.kind, MentionKind::Place | MentionKind::Country)
        && matches!(
            text.get(a.end..b.start).unwrap_or("").trim(),
            "in" | "in the"
        )
}

/// "Quatar's emir": a role owned by a name the recogniser could not read belongs to that
/// name, not to the article's country.
fn owned_by_unknown(text: &str, out: &[Mention], i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).map(|j| &out[j]) else {
        return false;
    };
    prev.kind == MentionKind::Unknown
        && prev.rule == "unknown_name"
        && matches!(
            text.get(prev.end..out[i].start).unwrap_or("").trim(),
            "'s" | "\u{2019}s" | "'"
        )
}

/// "Born in Breslau - today's Wroclaw, in Poland - in 1931, the minister went on to ...": where
/// someone was born says nothing of whose they are (a German politician born in a city now in
/// Poland), so a place in a birth phrase does not count for the article's country. The words
/// between "born" and the mention are prepositions, glosses ("current-day", "what is now")
/// and other names of places only.
fn birthplace(text: &str, m: &Mention) -> bool {
    let before = text.get(..m.start).unwrap_or("");
    let words: Vec<&str> = before.split_whitespace().rev().take(8).collect();
    let Some(k) = words
        .iter()
        .position(|w| w.eq_ignore_ascii_case("born") || w.eq_ignore_ascii_case("native"))
    else {
        return false;
    };
    words[..k].iter().all(|w| {
        let w = w.trim_matches(|c: char| c == ',' || c == '-' || c == '\u{2013}');
        w.is_empty()
            || w.starts_with(|c: char| c.is_uppercase())
            || matches!(
                w.to_ascii_lowercase().as_str(),
                "in" | "at"
                    | "near"
                    | "of"
                    | "the"
                    | "current-day"
                    | "present-day"
                    | "modern-day"
                    | "today's"
                    | "what"
                    | "is"
                    | "now"
                    | "then"
                    | "city"
                    | "town"
                    | "village"
            )
    })
}

/// The country a mention carries for the count: a state's code, never an IGO's.
fn carried<'m>(kb: &Kb, m: &'m Mention) -> Option<&'m str> {
    let c = match m.kind {
        MentionKind::Place => m.place.as_ref()?.country.as_deref()?,
        MentionKind::Unknown => return None,
        _ => m.country.as_deref()?,
    };
    (kb.igo(c).is_none() && c.len() == 3 && !super::regional::is_region(c)).then_some(c)
}

/// A country's count in the article: (code, mentions, index of the first, per-sentence
/// counts as (sentence, mentions)).
type Tally<'m> = (&'m str, usize, usize, Vec<(usize, usize)>);

/// Fills the country of the actors that name none (see the module comment). `out` is in
/// text order; only mentions without a country change. Runs before coreference (so that
/// "the president" can link to a titled name given its country) and after it, with
/// `after_coref`, for the roles that linked to nothing.
pub(crate) fn fill_from_article(kb: &Kb, text: &str, out: &mut [Mention], after_coref: bool) {
    if !out.iter().any(|m| wants_country(m, after_coref)) {
        return;
    }
    let mut tally: Vec<Tally> = Vec::new();
    for (i, m) in out.iter().enumerate() {
        let Some(c) = carried(kb, m) else { continue };
        if birthplace(text, m) {
            continue;
        }
        let k = match tally.iter().position(|t| t.0 == c) {
            Some(k) => k,
            None => {
                tally.push((c, 0, i, Vec::new()));
                tally.len() - 1
            }
        };
        let entry = &mut tally[k];
        entry.1 += 1;
        match entry.3.iter_mut().find(|s| s.0 == m.sentence) {
            Some(s) => s.1 += 1,
            None => entry.3.push((m.sentence, 1)),
        }
    }
    if tally.is_empty() {
        return;
    }
    // An ethnic group's own state is the one it does not live in: it is never the pick.
    let near = |t: &Tally, sentence: usize| t.3.iter().find(|s| s.0 == sentence).map_or(0, |s| s.1);
    // The state's organs and titled people belong to the story's country; a bare "the
    // company" or "the researchers" only to a country named in their own sentence.
    let pick = |m: &Mention| -> String {
        let own = if m.rule == ETHNIC {
            m.country.as_deref()
        } else {
            None
        };
        let organ = m.kind == MentionKind::Person
            || m.rule == ETHNIC
            || m.sectors.iter().all(|s| state_sector(s) || s == "ELI");
        // Sentence evidence beats the article default: when the actor's own sentence carries
        // exactly one country ("the government ... President Duterte" in a story about
        // Turkey), that country wins.
        let here: Vec<&Tally> = tally
            .iter()
            .filter(|t| Some(t.0) != own && near(t, m.sentence) > 0)
            .collect();
        if let [only] = here.as_slice() {
            return only.0.to_string();
        }
        let score = |t: &Tally| (t.1 + near(t, m.sentence), std::cmp::Reverse(t.2));
        tally
            .iter()
            .filter(|t| Some(t.0) != own && (organ || near(t, m.sentence) > 0))
            .max_by_key(|t| score(t))
            .map(|t| t.0.to_string())
            .unwrap_or_default()
    };
    let fills: Vec<(usize, String)> = out
        .iter()
        .enumerate()
        .filter(|&(i, m)| {
            wants_country(m, after_coref)
                && !before_a_place(text, out, i)
                && !owned_by_unknown(text, out, i)
                && !from_elsewhere(text, m)
        })
        .map(|(i, m)| (i, pick(m)))
        .collect();
    for (i, code) in fills {
        if code.is_empty() {
            continue;
        }
        let m = &mut out[i];
        m.country = Some(code);
        m.set_code();
    }
}
