//! Corrections over the mentions of a document that need the words around them, run after
//! place resolution and before coreference (no mention links to another yet, so mentions
//! can be merged):
//! - a place inside a name is not an actor: "the Mexico City Policy", "the Paris Agreement",
//!   "the Minsk Protocol" are things, not Mexico, France or Belarus;
//! - a city or region naming a venue or a base is a location, not an actor: "the Geneva
//!   talks", "the Normandy format", "a London-based group";
//! - a group named after its backer is not the backer and fights where it is: "US-backed
//!   forces in Syria" are Syrian rebels, not the Syrian or US state;
//! - a company's legal form belongs to its name: "Volkswagen AG";
//! - a party or armed group named by its members is plural ("the Democrats ... their").

use super::lexicon;
use super::scan::word_text;
use super::{span_text, Mention, MentionKind, Pos, Word};
use std::ops::Range;

/// Rule name of a name that contains a place ("Mexico City Policy").
pub const NAME_WITH_PLACE: &str = "name_with_place";
/// Rule name of a place that names a venue or base ("Geneva talks"): its `place` is kept as
/// the event's location, but it is no actor.
pub const VENUE: &str = "venue";
/// Rule name of a group named after its backer ("US-backed forces").
pub const BACKED_GROUP: &str = "backed_group";

/// Capitalised nouns that end a proper name made from a place: agreements, policies and
/// meetings named after where they were made or held.
fn name_noun(w: &str) -> bool {
    matches!(
        w,
        "Policy"
            | "Doctrine"
            | "Accord"
            | "Accords"
            | "Agreement"
            | "Agreements"
            | "Protocol"
            | "Protocols"
            | "Convention"
            | "Conventions"
            | "Treaty"
            | "Declaration"
            | "Consensus"
            | "Process"
            | "Format"
            | "Summit"
            | "Initiative"
            | "Plan"
            | "Talks"
            | "Conference"
            | "Charter"
            | "Compact"
            | "Pact"
            | "Statute"
            | "Memorandum"
            | "Communique"
            | "Principles"
            | "Framework"
            | "Group"
            | "Club"
            | "Dialogue"
            | "Round"
            | "Spring"
            | "Olympics"
            | "Games"
    )
}

/// Lower-case nouns after a city or region that make it the venue of a meeting or deal.
fn venue_noun(w: &str) -> bool {
    matches!(
        w,
        "talks"
            | "summit"
            | "format"
            | "process"
            | "agreement"
            | "agreements"
            | "accord"
            | "accords"
            | "protocol"
            | "conference"
            | "negotiations"
            | "meeting"
            | "meetings"
            | "declaration"
            | "treaty"
            | "convention"
            | "ceasefire"
            | "truce"
            | "deal"
            | "communique"
            | "forum"
            | "dialogue"
            | "round"
    )
}

/// Whether a mention can be the place part of such a name.
fn placeish(m: &Mention) -> bool {
    match m.kind {
        MentionKind::Place => true,
        MentionKind::Unknown => m.rule == "unknown_name",
        MentionKind::Country | MentionKind::Agent => {
            matches!(m.rule, "country" | "capital_metonym")
        }
        _ => false,
    }
}

/// A city or region, not a country: "Syria talks" and "the Iran deal" involve the country.
fn below_country(m: &Mention) -> bool {
    match (&m.kind, &m.place) {
        (MentionKind::Place, Some(p)) => p.level != "country",
        (MentionKind::Place, None) => m.rule == "capital_place",
        (MentionKind::Unknown, _) => true,
        (_, _) => m.rule == "capital_metonym",
    }
}

/// The index of the word that starts at byte `at`, if any.
fn word_at(words: &[Word], at: usize) -> Option<usize> {
    let k = words.partition_point(|w| (w.start as usize) < at);
    (words.get(k)?.start as usize == at).then_some(k)
}

/// The index of the word that ends at byte `at`, if any.
fn word_ending(words: &[Word], at: usize) -> Option<usize> {
    let k = words.partition_point(|w| (w.end as usize) < at);
    (words.get(k)?.end as usize == at).then_some(k)
}

/// Applies the corrections listed in the module comment. `out` is in text order; merged
/// mentions are removed, so this runs before anything links mentions by index.
pub(crate) fn correct(text: &str, words: &[Word], sents: &[Range<usize>], out: &mut Vec<Mention>) {
    let mut drop = vec![false; out.len()];
    for i in 0..out.len() {
        if drop[i] {
            continue;
        }
        let Some(last) = word_ending(words, out[i].end) else {
            continue;
        };
        let sent_end = sents
            .get(out[i].sentence)
            .map_or(words.len(), |r| r.end.min(words.len()));
        let next = last + 1;
        if next >= sent_end {
            continue;
        }
        let glued = |k: usize| k > 0 && words[k].start == words[k - 1].end;
        let nw = word_text(text, &words[next]);
        if placeish(&out[i]) && name_noun(nw) {
            // "Mexico City Policy": the whole name, with its capitalised tail, is one thing.
            let mut end = next + 1;
            while end < sent_end && lexicon::is_capitalised_name(word_text(text, &words[end])) {
                end += 1;
            }
            let end_byte = words[end - 1].end as usize;
            for (j, m) in out.iter().enumerate().skip(i + 1) {
                if m.start >= end_byte {
                    break;
                }
                drop[j] = true;
            }
            let m = &mut out[i];
            m.end = end_byte;
            m.text = span_text(text, m.start, m.end);
            to_thing(m, NAME_WITH_PLACE);
            m.place = None;
        } else if placeish(&out[i])
            && below_country(&out[i])
            && venue_after(text, words, next)
            && (out[i].rule != "capital_metonym" || words[next].pos == Pos::Noun)
        {
            // A capital read as acting ("Kyiv talks with Moscow") stays so unless the
            // tagger says the next word is a noun.
            to_thing(&mut out[i], VENUE);
        } else if placeish(&out[i])
            && nw == "-"
            && glued(next)
            && words
                .get(next + 1)
                .is_some_and(|w| glued(next + 1) && word_text(text, w) == "based")
        {
            // "a Kabul-based journalist": the place is where the actor sits, not an actor;
            // the role it locates is of that country, as "officials in Kyiv" are.
            let cc = match &out[i].place {
                Some(p) => p.country.clone(),
                None => out[i].country.clone(),
            };
            to_thing(&mut out[i], VENUE);
            let (based_end, si) = (words[next + 1].end as usize, out[i].sentence);
            let role = out.get_mut(i + 1).filter(|r| {
                r.kind == MentionKind::Agent
                    && r.country.is_none()
                    && r.sentence == si
                    && near_after(text, based_end, r.start)
            });
            if let (Some(r), Some(cc)) = (role, cc) {
                r.country = Some(cc);
                r.set_code();
            }
        } else if out[i].kind == MentionKind::Org
            && out[i].sectors.iter().any(|s| s == "BUS")
            && lexicon::org_head(nw) == Some(Some("BUS"))
        {
            let end_byte = words[next].end as usize;
            if let Some(j) = out.get(i + 1).filter(|m| m.start < end_byte).map(|_| i + 1) {
                drop[j] = true;
            }
            let m = &mut out[i];
            m.end = end_byte;
            m.text = span_text(text, m.start, m.end);
        }
    }
    for i in 0..out.len() {
        if !drop[i] && out[i].kind == MentionKind::Agent && out[i].country.is_none() {
            backed_group(text, words, out, i);
        }
        if out[i].kind == MentionKind::Org && plural_group(&out[i]) {
            out[i].plural = true;
        }
    }
    let mut k = 0;
    out.retain(|_| {
        k += 1;
        !drop[k - 1]
    });
}

/// A venue noun at `w`, after at most one lower-case modifier ("Geneva peace talks"), and
/// not a verb ("Kyiv talks with Moscow" is Kyiv acting).
fn venue_after(text: &str, words: &[Word], w: usize) -> bool {
    let noun = |k: usize| {
        words.get(k).is_some_and(|x| {
            venue_noun(word_text(text, x)) && !matches!(x.pos, Pos::Verb | Pos::Aux)
        })
    };
    if noun(w) {
        return true;
    }
    let modifier = words.get(w).is_some_and(|x| {
        let s = word_text(text, x);
        matches!(
            s,
            "peace" | "nuclear" | "trade" | "climate" | "security" | "ceasefire"
        )
    });
    modifier && noun(w + 1)
}

/// Makes a mention a thing that is no actor: no country, no sectors, no code.
fn to_thing(m: &mut Mention, rule: &'static str) {
    m.kind = MentionKind::Unknown;
    m.rule = rule;
    m.country = None;
    m.sectors.clear();
    m.plover_sector = None;
    m.code = None;
    m.name = None;
}

/// "US-backed forces in Syria", "Iranian-backed militias": the chain dropped the backer and
/// left the agent without a country. An armed agent named by its backer is a rebel or
/// militia group (not a state's army), of the place it fights in when "in PLACE" follows.
fn backed_group(text: &str, words: &[Word], out: &mut [Mention], i: usize) {
    let Some(w) = word_at(words, out[i].start) else {
        return;
    };
    if w < 3 || !super::parts::backer(text, words, w - 2) {
        return;
    }
    let armed = out[i].sectors.is_empty()
        || out[i]
            .sectors
            .iter()
            .all(|s| matches!(s.as_str(), "MIL" | "REB" | "INS" | "SEP" | "UAF"));
    if !armed {
        return;
    }
    let place = out.get(i + 1).filter(|p| {
        p.sentence == out[i].sentence
            && matches!(p.kind, MentionKind::Place | MentionKind::Country)
            && matches!(
                text.get(out[i].end..p.start).unwrap_or("").trim(),
                "in" | "in the" | "inside"
            )
    });
    let country = place.and_then(|p| match &p.place {
        Some(pl) => pl.country.clone(),
        None => p.country.clone(),
    });
    let m = &mut out[i];
    m.start = words[w - 3].start as usize;
    m.text = span_text(text, m.start, m.end);
    if m.sectors.iter().all(|s| s == "MIL") {
        m.sectors = vec!["REB".to_string()];
        m.plover_sector = Some("REB".to_string());
    }
    m.country = country;
    m.rule = BACKED_GROUP;
    m.set_code();
}

/// Rule name of a role owned by a possessive pronoun ("his former adviser").
pub const POSSESSED_ROLE: &str = "possessed_role";

/// "His former national security adviser": a role after a possessive pronoun belongs to
/// whoever the pronoun stands for (the adviser is the president's, so his government's),
/// and "former" makes it ELI. Runs after coreference has resolved the pronoun; the role
/// becomes the actor of the phrase, so that the possessive is not taken for it.
pub(crate) fn possessed_roles(text: &str, out: &mut [Mention]) {
    for i in 1..out.len() {
        let (a, b) = out.split_at_mut(i);
        let (p, r) = (&a[i - 1], &mut b[0]);
        let possessive = matches!(
            p.text.as_str(),
            "His" | "his" | "Her" | "her" | "Their" | "their" | "Its" | "its"
        );
        if !possessive
            || p.rule != "pronoun"
            || p.kind == MentionKind::Unknown
            || p.country.is_none()
            || r.kind != MentionKind::Agent
            || r.country.is_some()
            || r.sentence != p.sentence
        {
            continue;
        }
        let between = text.get(p.end..r.start).unwrap_or("");
        let words: Vec<&str> = between.split_whitespace().collect();
        let plain = words.len() <= 4
            && words
                .iter()
                .all(|w| w.chars().all(|c| c.is_ascii_lowercase() || c == '-'));
        if !plain {
            continue;
        }
        r.country = p.country.clone();
        if words.iter().any(|w| matches!(*w, "former" | "ex")) {
            r.sectors = vec!["ELI".to_string()];
            r.plover_sector = Some("ELI".to_string());
        } else if r.sectors.is_empty() {
            // An inherit word ("adviser", "spokesman") takes the owner's sectors.
            r.sectors = p.sectors.clone();
            r.plover_sector = p.plover_sector.clone();
        }
        r.rule = POSSESSED_ROLE;
        r.set_code();
    }
}

/// "the Democrats", "the Houthis", "the Conservatives": a party or armed group named by its
/// members is "they" ("Hamas", "Reuters" are not plural).
fn plural_group(m: &Mention) -> bool {
    let party = m
        .sectors
        .iter()
        .any(|s| matches!(s.as_str(), "PTY" | "REB" | "OPP" | "INS" | "SEP"));
    let last = m.text.rsplit(' ').next().unwrap_or("");
    party
        && [
            "ans", "ats", "ists", "ives", "ies", "is", "ers", "ites", "ards",
        ]
        .iter()
        .any(|s| last.ends_with(s))
}

/// Rule name of a mention that took its country from the name or role it is in apposition
/// with ("Qatar's emir, Sheikh Hamad, ...", "Samir Haddad, a member of the Syrian
/// parliament, ...").
pub const APPOSITION: &str = "apposition";

/// "X's emir, Sheikh Hamad bin Khalifa, launched", "A member of the Syrian parliament,
/// Samir Haddad, began": a role and a name set off by commas are one actor. A role
/// without a country takes the named person's; a name the KB lacks takes the role's
/// country and sectors. Runs after coreference, before the last article-country pass.
pub(crate) fn appositions(text: &str, out: &mut [Mention]) {
    for i in 1..out.len() {
        // "Sidhoum, Algeria's leading human rights activist,": the role after a country's
        // possessive stands in apposition for the pair.
        let j = if out[i].kind == MentionKind::Country
            && out.get(i + 1).is_some_and(|r| {
                r.kind == MentionKind::Agent
                    && r.sentence == out[i].sentence
                    && near_after(text, out[i].end, r.start)
                    && (out[i].text.ends_with("'s") || out[i].text.ends_with("\u{2019}s"))
            }) {
            i + 1
        } else {
            i
        };
        let start = out[i].start;
        let (a, b) = out.split_at_mut(j);
        let (x, y) = (&mut a[i - 1], &mut b[0]);
        let between = text.get(x.end..start).map(str::trim);
        // ", a former German justice minister": an indefinite role after a name describes
        // it; a lone surname may stand so ("Ehmke, a former minister").
        let described = matches!(between, Some(", a" | ", an"))
            && y.kind == MentionKind::Agent
            && x.kind == MentionKind::Unknown
            && x.rule == "unknown_name";
        if x.sentence != y.sentence || (between != Some(",") && !described) {
            continue;
        }
        // The apposition closes: a comma, the end of the sentence, or a bracket follows,
        // maybe after the rest of the name ("Sheikh Hamad bin Khalifa al-Thani,").
        let mut after = text.get(y.end..).unwrap_or("").trim_start();
        while let Some(w) = after
            .split([' ', ',', '.'])
            .next()
            .filter(|w| !w.is_empty())
        {
            if !(lexicon::is_capitalised_name(w) || matches!(w, "bin" | "ibn" | "al" | "el")) {
                break;
            }
            after = after[w.len()..].trim_start();
        }
        if !(after.is_empty() || after.starts_with([',', '.', ')', ';'])) {
            continue;
        }
        let (role, name) = if x.kind == MentionKind::Agent {
            (x, y)
        } else if y.kind == MentionKind::Agent {
            (y, x)
        } else {
            continue;
        };
        if role.plural {
            continue;
        }
        let known = name.kind == MentionKind::Person && name.country.is_some();
        let unknown = name.kind == MentionKind::Unknown
            && name.rule == "unknown_name"
            && (name.text.split(' ').count() >= 2 || described);
        if known && role.country.is_none() {
            role.country = name.country.clone();
            if role.sectors.is_empty() {
                role.sectors = name.sectors.clone();
                role.plover_sector = name.plover_sector.clone();
            }
            role.rule = APPOSITION;
            role.set_code();
        } else if unknown && role.country.is_some() && !role.sectors.is_empty() {
            become_person_like(name, role);
        }
    }
    // The same name elsewhere in the article is the same person ("Ehmke, a former German
    // justice minister, ..." and later "Ehmke became a paratrooper").
    let named: Vec<(String, Mention)> = out
        .iter()
        .filter(|m| m.rule == APPOSITION && m.kind == MentionKind::Person)
        .map(|m| (m.text.clone(), m.clone()))
        .collect();
    for m in out.iter_mut() {
        if m.kind != MentionKind::Unknown || m.rule != "unknown_name" {
            continue;
        }
        if let Some((_, p)) = named.iter().find(|(t, _)| *t == m.text) {
            become_person_like(m, p);
        }
    }
}

/// Whether at most three lower-case words lie between `from` and `start` ("a London-based
/// *private equity* firm").
fn near_after(text: &str, from: usize, start: usize) -> bool {
    let between = text.get(from..start).unwrap_or("X");
    between.split_whitespace().count() <= 3
        && between
            .split_whitespace()
            .all(|w| w.chars().all(|c| c.is_lowercase() || c == '-'))
}

/// An unknown name described by a role ("Ehmke, a former German justice minister") is a person
/// with that role's country and sectors, by apposition.
fn become_person_like(name: &mut Mention, role: &Mention) {
    name.kind = MentionKind::Person;
    name.country = role.country.clone();
    name.sectors = role.sectors.clone();
    name.plover_sector = role.plover_sector.clone();
    name.rule = APPOSITION;
    name.set_code();
}
