//! Who a role belongs to, from the words that tie it to another mention in its sentence
//! (session 6, issue 4), and names that are no actor at all:
//! - "Obama-era rules", "Soviet-era tanks": a name before "-era" dates a thing; it is no
//!   mention;
//! - "the government of President Duterte": a role followed by "of" and a person is that
//!   person's state's, whatever the article is about;
//! - "leaders of Russian civil organizations", "members of the union": a head word (leaders,
//!   members, representatives ...) followed by "of" and a group is that group;
//! - "Trump's personal lawyer": a role owned by a named person takes the owner's country, and
//!   a lawyer owned by a person is the client's counsel, a civilian, not the judiciary;
//! - "the Association of African Jurists", "the Third World Water Forum": an unknown name
//!   ending or opening with the head word of a civil or joint body stays a candidate but
//!   carries that body's sector.

use super::parts::countryless_agent_before;
use super::{Mention, MentionKind};

/// Rule name of a role that took the country of the person or group after "of".
pub const ROLE_OF_OWNER: &str = "role_of_owner";

/// Drops mentions written right before "-era" ("Obama-era", "Soviet-era"). Runs before
/// coreference: no mention links to another yet.
pub(crate) fn drop_era(text: &str, out: &mut Vec<Mention>) {
    out.retain(|m| {
        let rest = text.get(m.end..).unwrap_or("");
        let rest = rest
            .strip_prefix('-')
            .or_else(|| rest.strip_prefix('\u{2013}'))
            .unwrap_or("");
        // `get`: the text after a mention is untrusted, a slice may split a character.
        let era = rest.get(..3).is_some_and(|e| e.eq_ignore_ascii_case("era"))
            && !rest
                .get(3..)
                .is_some_and(|r| r.starts_with(|c: char| c.is_alphanumeric()));
        !era
    });
}

/// Head words that stand for the group after "of" ("leaders of the union").
fn part_of_group(head: &str) -> bool {
    matches!(
        head,
        "leader"
            | "leaders"
            | "leadership"
            | "member"
            | "members"
            | "head"
            | "heads"
            | "chief"
            | "chiefs"
            | "representative"
            | "representatives"
            | "delegate"
            | "delegates"
            | "delegation"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "official"
            | "officials"
    )
}

/// Gives a role with no country the country of the person or group right after "of" in
/// its sentence (see the module comment). `out` is in text order; before the article's
/// country is filled and before coreference.
pub(crate) fn roles_of_owners(text: &str, out: &mut [Mention]) {
    countryless_agent_before(text, out, |a, b, cc, between| {
        let between: Vec<&str> = between.split_whitespace().collect();
        let of = match between.as_slice() {
            ["of"] => true,
            ["of", det] => matches!(
                det.to_ascii_lowercase().as_str(),
                "the" | "a" | "an" | "two" | "three" | "several" | "various" | "some"
            ),
            _ => false,
        };
        if !of {
            return;
        }
        let last = a.text.rsplit(' ').next().unwrap_or("").to_ascii_lowercase();
        match b.kind {
            // "the government of President Duterte", "the army of Bashar al-Assad".
            MentionKind::Person => a.country = Some(cc),
            // "leaders of Russian civil organizations": the group itself.
            MentionKind::Agent | MentionKind::Org if part_of_group(&last) => {
                a.country = Some(cc);
                if !b.sectors.is_empty() {
                    a.sectors = b.sectors.clone();
                    a.plover_sector = b.plover_sector.clone();
                }
            }
            _ => return,
        }
        a.rule = ROLE_OF_OWNER;
        a.set_code();
    });
    // "spokesman of Haftar's Libyan National Army": a word with no sector of its own that
    // went to the person speaks for what that person owns, when the name of it follows the
    // possessive.
    for i in 2..out.len() {
        let (a, b, c) = (&out[i - 2], &out[i - 1], &out[i]);
        if a.rule != ROLE_OF_OWNER
            || !a.sectors.is_empty()
            || b.kind != MentionKind::Person
            || !matches!(c.kind, MentionKind::Org | MentionKind::Agent)
            || c.sectors.is_empty()
            || c.sentence != a.sentence
            || (c.country.is_some() && c.country != a.country)
        {
            continue;
        }
        let between = text.get(b.end..c.start).unwrap_or("").trim();
        if matches!(between, "'s" | "\u{2019}s") {
            let (sectors, plover) = (c.sectors.clone(), c.plover_sector.clone());
            let a = &mut out[i - 2];
            a.sectors = sectors;
            a.plover_sector = plover;
            a.set_code();
        }
    }
}

/// "people in the intelligence community", "many in the military", "those in the police": a
/// vague head for people (a civilian word or a bare quantifier) right before "in the" and a
/// body known by its sector is that body's people, not civilians. Runs before the article's
/// country is filled, so the body's country, when it gets one, is the head's too.
pub(crate) fn people_in_bodies(text: &str, out: &mut [Mention]) {
    for i in 1..out.len() {
        let (head, tail) = out.split_at_mut(i);
        let (a, b) = (&mut head[i - 1], &tail[0]);
        if a.kind != MentionKind::Agent
            || a.country.is_some()
            || a.sentence != b.sentence
            || b.kind != MentionKind::Agent
            || b.sectors.is_empty()
            || b.sectors.iter().any(|s| s == "CVL")
        {
            continue;
        }
        let last = a.text.rsplit(' ').next().unwrap_or("").to_ascii_lowercase();
        let vague = matches!(
            last.as_str(),
            "people" | "those" | "many" | "some" | "others" | "persons" | "individuals"
        );
        let between = text.get(a.end..b.start).unwrap_or("").trim();
        let within = matches!(
            between.to_ascii_lowercase().as_str(),
            "in the" | "within the" | "inside the" | "across the"
        );
        if vague && within && a.sectors.iter().all(|s| s == "CVL") {
            a.sectors = b.sectors.clone();
            a.plover_sector = b.plover_sector.clone();
            a.country = b.country.clone();
            a.rule = ROLE_OF_OWNER;
            a.set_code();
        }
    }
}

/// "Trump's personal lawyer", "Putin's government": a role right after a named person's
/// possessive takes the owner's country (the possessive pronouns are `named::possessed_roles`);
/// so does a role with no sector of its own right after the name ("Putin aide").
/// A lawyer or attorney a person owns is that person's counsel (CVL), not the judiciary.
pub(crate) fn persons_roles(text: &str, out: &mut [Mention]) {
    for i in 1..out.len() {
        let (head, tail) = out.split_at_mut(i);
        let (p, r) = (&head[i - 1], &mut tail[0]);
        let titled = r.kind == MentionKind::Person && r.rule == "title_name";
        if p.kind != MentionKind::Person
            || p.rule == "pronoun"
            || p.sentence != r.sentence
            || !(r.kind == MentionKind::Agent || titled)
        {
            continue;
        }
        let between = text.get(p.end..r.start).unwrap_or("");
        match between
            .strip_prefix("'s")
            .or_else(|| between.strip_prefix("\u{2019}s"))
        {
            Some(rest) => {
                let plain = rest.split_whitespace().count() <= 3
                    && rest
                        .split_whitespace()
                        .all(|w| w.chars().all(|c| c.is_ascii_lowercase() || c == '-'));
                if !plain {
                    continue;
                }
            }
            // "Putin aide", "former Trump foreign policy adviser Carter Page": a name written
            // before a word with no sector of its own is whose aide, envoy or spokesman it
            // is, as with the possessive. Only over words that modify such a role, so that
            // "Trump told officials" gives the officials nothing.
            None => {
                let role_modifiers = between.split_whitespace().count() <= 3
                    && between
                        .split_whitespace()
                        .all(|w| ROLE_MODIFIER.contains(&w));
                if !role_modifiers
                    || !between.starts_with(' ')
                    || !r.sectors.is_empty()
                    || r.country.is_some()
                {
                    continue;
                }
            }
        }
        let low = r.text.to_ascii_lowercase();
        if counsel(&low) && r.sectors.iter().all(|s| s == "JUD") {
            r.sectors = vec!["CVL".to_string()];
            r.plover_sector = Some("CVL".to_string());
        }
        if r.country.is_none() && p.country.is_some() {
            r.country = p.country.clone();
            if r.sectors.is_empty() {
                // An inherit word ("Putin's spokesman") speaks for the owner.
                r.sectors = p.sectors.clone();
                r.plover_sector = p.plover_sector.clone();
            }
            r.rule = ROLE_OF_OWNER;
        }
        r.set_code();
    }
}

/// Lower-case words between a person's name and a role with no sector that leave the role
/// that person's: "Trump *foreign policy* adviser", "Putin *senior* aide".
const ROLE_MODIFIER: &[&str] = &[
    "foreign",
    "policy",
    "security",
    "national",
    "campaign",
    "senior",
    "top",
    "chief",
    "economic",
    "trade",
    "press",
    "media",
    "political",
    "special",
    "deputy",
    "communications",
    "transition",
    "longtime",
    "long-time",
    "close",
    "former",
];

/// A lawyer or attorney for a client; attorneys general and district attorneys are
/// officials.
pub(crate) fn counsel(lower: &str) -> bool {
    (lower.contains("lawyer") || lower.contains("attorney") || lower.contains("counsel"))
        && !lower.contains("general")
        && !lower.contains("district")
        && !lower.contains("state")
}

/// "the Association of African Jurists", "the Ceasefire Violations Committee": unknown
/// names whose head word says what kind of body they are keep `unknown` (a candidate for
/// review, with no country) but carry the sector: civil associations NGO (PLOVER SOC),
/// joint ceasefire or monitoring bodies IGO.
pub(crate) fn unknown_bodies(out: &mut [Mention]) {
    for m in out.iter_mut() {
        // "the Association of African Jurists" reads as a name owning the role "Jurists".
        let named_role = m.kind == MentionKind::Agent
            && m.country.is_none()
            && m.rule == "modifier_role"
            && m.text.starts_with(|c: char| c.is_uppercase());
        if !named_role
            && (m.kind != MentionKind::Unknown
                || !matches!(m.rule, "unknown_name" | "unknown_org")
                || !m.sectors.is_empty())
        {
            continue;
        }
        let words: Vec<&str> = m.text.split(' ').filter(|w| *w != "the").collect();
        if words.len() < 2 {
            continue;
        }
        let (first, last) = (words[0], words[words.len() - 1]);
        let civil = |w: &str| {
            matches!(
                w,
                "Association"
                    | "Federation"
                    | "Society"
                    | "Foundation"
                    | "Forum"
                    | "Network"
                    | "Coalition"
            )
        };
        let joint = matches!(last, "Committee" | "Commission" | "Mission")
            && words.iter().any(|w| {
                matches!(
                    *w,
                    "Ceasefire" | "Cease-fire" | "Truce" | "Joint" | "Monitoring" | "Violations"
                )
            });
        if named_role && !civil(first) {
            continue;
        }
        if civil(first) || civil(last) {
            m.kind = MentionKind::Unknown;
            m.sectors = vec!["NGO".to_string()];
            m.plover_sector = Some("SOC".to_string());
        } else if joint {
            // PLOVER has no sector for an international body; its country says IGO.
            m.sectors = vec!["IGO".to_string()];
        } else {
            continue;
        }
        m.rule = "unknown_org";
    }
}

/// "Haftar's Libyan National Army (LNA) ... the eastern-based armed group", "Hamas ... the
/// Gaza-based group": a definite armed group described by where it is based stands for the
/// armed body named last before it in its sentence or the one before, not for new rebels.
/// Runs before coreference, so that pronouns after it take the body too.
pub(crate) fn based_descriptions(text: &str, out: &mut [Mention]) {
    let armed = |m: &Mention| {
        m.sectors
            .iter()
            .any(|s| matches!(s.as_str(), "REB" | "MIL" | "UAF" | "INS"))
    };
    for i in 1..out.len() {
        let m = &out[i];
        if m.kind != MentionKind::Agent || m.country.is_some() || !armed(m) || m.plural {
            continue;
        }
        let before = text.get(..m.start).unwrap_or("");
        let mut words = before.split_whitespace().rev();
        let based = words.next().is_some_and(|w| w.ends_with("-based"));
        if !based || !words.next().is_some_and(|w| w.eq_ignore_ascii_case("the")) {
            continue;
        }
        let sentence = m.sentence;
        let Some(j) = (0..i).rev().find(|&j| {
            let o = &out[j];
            o.kind == MentionKind::Org
                && o.country.is_some()
                && armed(o)
                && o.sentence + 1 >= sentence
        }) else {
            continue;
        };
        let (country, sectors, plover) = (
            out[j].country.clone(),
            out[j].sectors.clone(),
            out[j].plover_sector.clone(),
        );
        let m = &mut out[i];
        m.country = country;
        m.sectors = sectors;
        m.plover_sector = plover;
        m.rule = ROLE_OF_OWNER;
        m.set_code();
    }
}
