//! Groups of states named by a region or by the state that leads them:
//! - "West African leaders", "Gulf states", "Western governments", "the West": CAMEO codes a
//!   group of states named by its region with the manual's international region code (`WAF`,
//!   `PGS`, `WST`, ...), not with any one member's country and not with the article's;
//! - "the US-led coalition", "a NATO-led mission": a coalition named by its leader is the
//!   leader's armed forces (as "Saudi-led forces" already are), where "X-backed" names no
//!   actor.

use super::parts::blank;
use super::scan::word_text;
use super::{span_text, Mention, MentionKind, Word};
use std::ops::Range;

/// Rule name of a group of states named by its region.
pub const REGIONAL_GROUP: &str = "regional_group";
/// Rule name of a coalition named by its leader.
pub const LED_COALITION: &str = "led_coalition";

/// Region words as written (capitalised), longest first within a shared start, and their
/// CAMEO region codes. "Central African" and "South African" are left out: they name states.
const REGIONS: &[(&[&str], &str)] = &[
    (&["West", "African"], "WAF"),
    (&["East", "African"], "EAF"),
    (&["North", "African"], "NAF"),
    (&["Southern", "African"], "SAF"),
    (&["African"], "AFR"),
    (&["Western"], "WST"),
    (&["European"], "EUR"),
    (&["Eastern", "European"], "EEU"),
    (&["Central", "European"], "CEU"),
    (&["Gulf", "Arab"], "PGS"),
    (&["Gulf"], "PGS"),
    (&["Persian", "Gulf"], "PGS"),
    (&["Middle", "Eastern"], "MEA"),
    (&["Mideast"], "MEA"),
    (&["Asian"], "ASA"),
    (&["Southeast", "Asian"], "SEA"),
    (&["South", "Asian"], "SAS"),
    (&["Central", "Asian"], "CAS"),
    (&["Latin", "American"], "LAM"),
    (&["South", "American"], "SAM"),
    (&["North", "American"], "NMR"),
    (&["Balkan"], "BLK"),
    (&["Nordic"], "SCN"),
    (&["Scandinavian"], "SCN"),
    (&["Caribbean"], "CRB"),
];

/// Whether `code` is one of the region codes above (not a state: the article's country
/// count leaves it out).
pub(crate) fn is_region(code: &str) -> bool {
    REGIONS.iter().any(|(_, c)| *c == code)
}

/// Nouns that, after a region word, name the region's states as actors ("Gulf states",
/// "Western powers"). Role words the KB knows ("leaders", "governments", "diplomats") are
/// already agent mentions and need no entry here.
fn states_noun(w: &str) -> bool {
    matches!(
        w,
        "states"
            | "countries"
            | "nations"
            | "powers"
            | "monarchies"
            | "allies"
            | "capitals"
            | "neighbours"
            | "neighbors"
    )
}

/// Sectors a group of states can act in: the state's organs. "Asian women" and "African
/// migrants" are people, not their region's states, and keep no country.
fn state_sectors(m: &Mention) -> bool {
    m.sectors
        .iter()
        .all(|s| matches!(s.as_str(), "GOV" | "MIL" | "LEG" | "SPY" | "COP" | "JUD"))
}

/// The region code of the region words starting at word `k`, and the word after them.
fn region_at(text: &str, words: &[Word], k: usize, end: usize) -> Option<(&'static str, usize)> {
    let mut best: Option<(&'static str, usize)> = None;
    for (ws, code) in REGIONS {
        let n = ws.len();
        if k + n > end {
            continue;
        }
        let hit = ws
            .iter()
            .enumerate()
            .all(|(j, w)| word_text(text, &words[k + j]) == *w);
        if hit && best.is_none_or(|(_, e)| k + n > e) {
            best = Some((code, k + n));
        }
    }
    best
}

/// "Russia accused the West": "West" after "the", not a place's name ("the West Bank",
/// "the West African") and not where something is ("in the West", "to the West").
fn the_west(text: &str, words: &[Word], k: usize, s0: usize, s1: usize) -> bool {
    if word_text(text, &words[k]) != "West" || k < s0 + 1 {
        return false;
    }
    if !matches!(word_text(text, &words[k - 1]), "the" | "The") {
        return false;
    }
    let located = k >= s0 + 2
        && matches!(
            word_text(text, &words[k - 2]).to_ascii_lowercase().as_str(),
            "in" | "to" | "from" | "across" | "into" | "throughout" | "toward" | "towards" | "of"
        );
    let named = words.get(k + 1).filter(|_| k + 1 < s1).is_some_and(|w| {
        let t = word_text(text, w);
        t.starts_with(|c: char| c.is_uppercase()) || t == "-"
    });
    !located && !named
}

/// A number before a group of states: the story names its members ("the two West African
/// neighbours" after Mauritania and Senegal).
fn counted(w: &str) -> bool {
    w.bytes().all(|b| b.is_ascii_digit())
        || matches!(
            w.to_ascii_lowercase().as_str(),
            "both" | "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine" | "ten"
        )
}

/// Codes groups of states named by their region (see the module comment). `out` is in text
/// order and stays so; runs before coreference, since it may add a mention.
pub(crate) fn regional_groups(
    text: &str,
    words: &[Word],
    sents: &[Range<usize>],
    out: &mut Vec<Mention>,
) {
    let mut added = Vec::new();
    for (si, r) in sents.iter().enumerate() {
        let (s0, s1) = (r.start.min(words.len()), r.end.min(words.len()));
        let mut k = s0;
        while k < s1 {
            if the_west(text, words, k, s0, s1) {
                let mut m = blank(
                    text,
                    words,
                    k,
                    k + 1,
                    si,
                    MentionKind::Agent,
                    REGIONAL_GROUP,
                );
                m.country = Some("WST".to_string());
                m.sectors.push("GOV".to_string());
                m.plover_sector = Some("GOV".to_string());
                m.plural = true;
                m.set_code();
                added.push(m);
                k += 1;
                continue;
            }
            let Some((code, h)) = region_at(text, words, k, s1) else {
                k += 1;
                continue;
            };
            // "the two West African neighbours" are states the story has named.
            if k > s0 && counted(word_text(text, &words[k - 1])) {
                k = h;
                continue;
            }
            let (start, head) = (words[k].start as usize, words.get(h).filter(|_| h < s1));
            let Some(head) = head else {
                k = h;
                continue;
            };
            let head_start = head.start as usize;
            // An agent the scan found: at the head ("Gulf leaders") or over the region word
            // ("African leaders", which the scan reads as a modified role).
            let agent = out.iter().position(|m| {
                m.kind == MentionKind::Agent
                    && m.country.is_none()
                    && (m.start == head_start || (m.start >= start && m.start < head_start))
            });
            if let Some(i) = agent {
                // "a Western diplomat", "the Western delegation": one unnamed state's, not
                // the region's states.
                if state_sectors(&out[i]) && out[i].plural {
                    let m = &mut out[i];
                    m.start = start;
                    m.text = span_text(text, m.start, m.end);
                    m.country = Some(code.to_string());
                    if m.sectors.is_empty() {
                        m.sectors.push("GOV".to_string());
                        m.plover_sector = Some("GOV".to_string());
                    }
                    m.rule = REGIONAL_GROUP;
                    m.plural = true;
                    m.set_code();
                }
            } else if states_noun(word_text(text, head)) {
                let mut m = blank(
                    text,
                    words,
                    k,
                    h + 1,
                    si,
                    MentionKind::Agent,
                    REGIONAL_GROUP,
                );
                m.country = Some(code.to_string());
                m.sectors.push("GOV".to_string());
                m.plover_sector = Some("GOV".to_string());
                m.plural = true;
                m.set_code();
                added.push(m);
            }
            k = h;
        }
    }
    if added.is_empty() {
        return;
    }
    // A region word the scan read as an unknown name ("Gulf") is part of the new mention.
    out.retain(|m| {
        !added
            .iter()
            .any(|a| m.start < a.end && a.start < m.end && m.kind == MentionKind::Unknown)
    });
    out.extend(added);
    out.sort_by_key(|m| (m.start, m.end));
}

/// Nouns a leader's country names as its armed coalition ("the US-led coalition").
fn coalition_noun(w: &str) -> bool {
    matches!(
        w,
        "coalition" | "alliance" | "mission" | "operation" | "offensive" | "campaign" | "force"
    )
}

/// "the US-led coalition", "a Saudi-led military coalition": the leader's country (or IGO)
/// with the military sector, over the whole phrase. `out` is in text order.
pub(crate) fn led_coalitions(
    text: &str,
    words: &[Word],
    sents: &[Range<usize>],
    out: &mut Vec<Mention>,
) {
    let mut drop = vec![false; out.len()];
    for i in 0..out.len() {
        let m = &out[i];
        if drop[i]
            || !matches!(
                m.kind,
                MentionKind::Country | MentionKind::Org | MentionKind::Igo
            )
            || m.country.is_none()
        {
            continue;
        }
        let k = words.partition_point(|w| (w.end as usize) < m.end);
        if words.get(k).is_none_or(|w| w.end as usize != m.end) {
            continue;
        }
        let s1 = sents
            .get(m.sentence)
            .map_or(words.len(), |r| r.end.min(words.len()));
        let glued = |j: usize| j < s1 && words[j].start == words[j - 1].end;
        if !(glued(k + 1)
            && word_text(text, &words[k + 1]) == "-"
            && glued(k + 2)
            && word_text(text, &words[k + 2]) == "led")
        {
            continue;
        }
        // At most two modifiers: "the Saudi-led Arab military coalition".
        let mut h = k + 3;
        while h < s1 && h < k + 5 && !coalition_noun(word_text(text, &words[h])) {
            let w = word_text(text, &words[h]);
            // "Saudi-led forces" are already the leader's armed agent.
            let agent_here = out
                .iter()
                .any(|o| o.kind == MentionKind::Agent && o.start == words[h].start as usize);
            if !w.chars().all(|c| c.is_alphabetic()) || agent_here {
                break;
            }
            h += 1;
        }
        if h >= s1 || !coalition_noun(word_text(text, &words[h])) {
            continue;
        }
        let end = words[h].end as usize;
        for (j, d) in drop.iter_mut().enumerate().skip(i + 1) {
            if out[j].start >= end {
                break;
            }
            *d = true;
        }
        let m = &mut out[i];
        m.kind = MentionKind::Agent;
        m.end = end;
        m.text = span_text(text, m.start, end);
        m.sectors = vec!["MIL".to_string()];
        m.plover_sector = Some("MIL".to_string());
        m.rule = LED_COALITION;
        m.set_code();
    }
    let mut k = 0;
    out.retain(|_| {
        k += 1;
        !drop[k - 1]
    });
}
