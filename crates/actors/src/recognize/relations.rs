//! Phrases whose actor is not what their first name says, settled over the sorted mentions
//! (all but the last before the article's country is filled and before coreference):
//! - a minority named by one state's adjective and another state's demonym ("Iraqi Turkmen",
//!   "Syrian Kurds", "Afghan Uzbeks") belongs to the state of the adjective; only where the
//!   demonym is of a state peopled by immigrants ("Afghan Americans") does the head win;
//! - a legislature's committee is the legislature (LEG) whatever its subject: "the Judiciary
//!   Committee" is no court, "the Armed Services Committee" no army;
//! - a broadcaster is the media (CAMEO MED, PLOVER JRN), not its state ("the Israel
//!   Broadcasting Authority");
//! - "Duterte's political allies", "Putin's critics": a person's allies, supporters or
//!   critics are people of the person's country, not the person; the phrase is its own mention
//!   (headed on the relation noun), so the person inside it is not taken as the actor.

use super::{span_text, Mention, MentionKind};

/// Rule name of a merged minority ("Iraqi Turkmen").
const MINORITY: &str = "minority";
/// Rule name of a legislative committee.
const COMMITTEE: &str = "legislative_committee";
/// Rule name of "X's allies" and the like.
const RELATION: &str = "possessor_relation";

/// Demonyms of states peopled by immigrants: "Afghan Americans" are Americans of Afghan
/// descent, while "Iraqi Turkmen" are Turkmen of Iraq.
const SETTLER_DEMONYMS: &[&str] = &[
    "american",
    "americans",
    "canadian",
    "canadians",
    "australian",
    "australians",
    "briton",
    "britons",
    "new zealander",
    "new zealanders",
];

/// Ethnonyms that double as a state's demonym and name minorities across borders, as a
/// singular noun or adjective ("an Afghan Uzbek commander"); plurals ("Uzbeks") need no list.
const ETHNONYMS: &[&str] = &[
    "turkmen",
    "uzbek",
    "tajik",
    "kazakh",
    "kyrgyz",
    "azeri",
    "armenian",
    "albanian",
    "serb",
    "croat",
    "hungarian",
    "somali",
    "turk",
    "russian",
    "greek",
    "tatar",
];

fn only_space(text: &str, a: &Mention, b: &Mention) -> bool {
    a.end < b.start
        && text
            .get(a.end..b.start)
            .is_some_and(|s| s.chars().all(char::is_whitespace))
}

/// "Iraqi Turkmen", "Syrian Kurds", "Afghan Uzbek warlord": merges a country adjective with
/// the demonym, people or role mention right after it into one mention of the adjective's
/// country (see the module comment); a later bare mention of the same people in the article
/// ("the Turkmen") takes that country too.
pub(crate) fn minorities(text: &str, out: &mut Vec<Mention>) {
    // (people word, the demonym's state, the state they are a minority of)
    let mut seen: Vec<(String, String, String)> = Vec::new();
    let mut i = 0;
    while i + 1 < out.len() {
        if let Some(m) = merged_minority(text, &out[i], &out[i + 1]) {
            if let (Some(ca), Some(cb)) = (&m.country, &out[i + 1].country) {
                if ca != cb {
                    seen.push((people_word(&out[i + 1].text), cb.clone(), ca.clone()));
                }
            }
            out[i] = m;
            out.remove(i + 1);
        }
        i += 1;
    }
    if seen.is_empty() {
        return;
    }
    // Anywhere in the article, before or after: "Turkmen fighters", "the Turkmen's"; unless
    // the article names the demonym's own state ("Turkmenistan"), where "Turkmen" may be its
    // own, and never a state organ ("Armenian officials" are Armenia's).
    let named: Vec<String> = out
        .iter()
        .filter(|m| m.kind == MentionKind::Country && m.rule == "country")
        .filter_map(|m| m.country.clone())
        .collect();
    seen.retain(|(_, cb, _)| !named.contains(cb));
    let organ = |m: &Mention| {
        m.sectors.iter().any(|s| {
            matches!(
                s.as_str(),
                "GOV" | "MIL" | "LEG" | "JUD" | "COP" | "SPY" | "PTY" | "ELI"
            )
        })
    };
    for m in out.iter_mut().filter(|m| m.rule != MINORITY) {
        let demonym = match (m.kind, m.rule) {
            (MentionKind::Country, "country_adjective") => true,
            (MentionKind::Agent, "modifier_role") => !organ(m),
            _ => false,
        };
        if !demonym {
            continue;
        }
        let w = people_word(&m.text);
        let Some((_, _, ca)) = seen
            .iter()
            .find(|(pw, cb, _)| *pw == w && m.country.as_ref() == Some(cb))
        else {
            continue;
        };
        m.country = Some(ca.clone());
        if m.kind == MentionKind::Country {
            m.kind = MentionKind::Agent;
        }
        m.rule = MINORITY;
        m.set_code();
    }
}

/// The people a mention starts with, lower-cased, without a possessive or plural ending
/// ("Turkmens'" and "Turkmen fighters": `turkmen`; "Kurds": `kurd`).
fn people_word(s: &str) -> String {
    let first = s.split(' ').next().unwrap_or("").to_lowercase();
    let bare = first
        .trim_end_matches(['\'', '\u{2019}'])
        .trim_end_matches("'s")
        .trim_end_matches("\u{2019}s");
    bare.strip_suffix('s').unwrap_or(bare).to_string()
}

fn merged_minority(text: &str, a: &Mention, b: &Mention) -> Option<Mention> {
    let adjective = a.kind == MentionKind::Country
        && a.rule == "country_adjective"
        && a.sectors.is_empty()
        && a.text.chars().any(char::is_lowercase);
    if !adjective || a.sentence != b.sentence || !only_space(text, a, b) {
        return None;
    }
    let (ca, cb) = (a.country.as_ref()?, b.country.as_ref()?);
    if ca == cb {
        return None;
    }
    let low = b.text.to_lowercase();
    let first = low.split(' ').next().unwrap_or("");
    let listed = |w: &str| ETHNONYMS.contains(&w) || ETHNONYMS.contains(&w.trim_end_matches('s'));
    let fits = match (b.kind, b.rule) {
        // A demonym alone: a plural noun ("Uzbeks") or a listed ethnonym ("Turkmen"), never
        // a plain adjective ("Saudi Iranian rivalry").
        (MentionKind::Country, "country_adjective") => {
            low.ends_with('s') && !low.contains(' ') || listed(&low)
        }
        (MentionKind::Agent, "people_name" | "ethnic_group") => true,
        (MentionKind::Agent, "modifier_role") => listed(first),
        _ => false,
    };
    if !fits {
        return None;
    }
    let settler = SETTLER_DEMONYMS.contains(&low.as_str());
    let mut m = b.clone();
    m.start = a.start;
    m.text = span_text(text, a.start, b.end);
    m.country = Some(if settler { cb.clone() } else { ca.clone() });
    if m.kind == MentionKind::Country {
        m.kind = MentionKind::Agent;
        m.plural = low.ends_with('s');
    }
    m.rule = MINORITY;
    m.set_code();
    Some(m)
}

/// Subjects of standing committees of legislatures ("Judiciary", "Armed Services", "Foreign
/// Relations", "Ways and Means", "Public Accounts").
const COMMITTEE_SUBJECTS: &[&str] = &[
    "judiciary",
    "intelligence",
    "armed",
    "foreign",
    "appropriations",
    "budget",
    "finance",
    "ways",
    "homeland",
    "oversight",
    "rules",
    "ethics",
    "banking",
    "commerce",
    "agriculture",
    "energy",
    "veterans",
    "veterans'",
    "defence",
    "defense",
    "treasury",
    "accounts",
    "home",
    "select",
    "standing",
    "senate",
    "house",
    "congressional",
    "parliamentary",
    "commons",
    "lords",
    "knesset",
    "bundestag",
    "duma",
];

/// Words that make a committee something else: a party's ("Central Committee"), a sports or
/// prize body, a revolutionary or military council.
const NOT_LEGISLATIVE: &[&str] = &[
    "central",
    "olympic",
    "nobel",
    "party",
    "politburo",
    "revolutionary",
    "military",
    "red",
    "joint",
];

/// "the Judiciary Committee", "the Senate Armed Services Committee": a committee named by a
/// legislative subject or a chamber is LEG. A chamber mention right before it ("Senate")
/// joins the committee's mention.
pub(crate) fn committees(text: &str, out: &mut Vec<Mention>) {
    let mut i = 0;
    while i < out.len() {
        let m = &out[i];
        let low = m.text.to_lowercase();
        let words: Vec<&str> = low.split(' ').collect();
        let last = words.last().copied().unwrap_or("");
        let committee = matches!(
            last,
            "committee" | "committees" | "subcommittee" | "subcommittees"
        );
        let known = matches!(m.kind, MentionKind::Org) && !m.sectors.is_empty();
        if !committee
            || known
            || m.kind == MentionKind::Place
            || m.sectors.iter().any(|s| s == "IGO" || s == "NGO")
            || words.iter().any(|w| NOT_LEGISLATIVE.contains(w))
        {
            i += 1;
            continue;
        }
        let chamber_before = i > 0
            && out[i - 1].sectors.iter().any(|s| s == "LEG")
            && only_space(text, &out[i - 1], &out[i]);
        let subject = words[..words.len() - 1]
            .iter()
            .any(|w| COMMITTEE_SUBJECTS.contains(w));
        if !subject && !chamber_before {
            i += 1;
            continue;
        }
        let mut c = out[i].clone();
        if chamber_before {
            let p = &out[i - 1];
            c.start = p.start;
            c.text = span_text(text, p.start, c.end);
            if c.country.is_none() {
                c.country = p.country.clone();
            }
        }
        if c.country.is_none() {
            // "Sen. Lindsey Graham ... the Senate Intelligence Committee": the legislature of
            // the nearest legislator or chamber with a country, before it, else after it
            // (the article's most named country is often the one under investigation).
            let leg = |m: &Mention| m.country.is_some() && m.sectors.iter().any(|s| s == "LEG");
            let before = out[..i].iter().rev().find(|m| leg(m));
            c.country = before
                .or_else(|| out[i + 1..].iter().find(|m| leg(m)))
                .and_then(|m| m.country.clone());
        }
        c.kind = MentionKind::Agent;
        c.sectors = vec!["LEG".to_string()];
        c.plover_sector = Some("LEG".to_string());
        c.person = None;
        c.name = None;
        c.role = None;
        c.female = None;
        c.plural = last.ends_with('s');
        c.rule = COMMITTEE;
        c.set_code();
        if chamber_before {
            out[i - 1] = c;
            out.remove(i);
        } else {
            out[i] = c;
            i += 1;
        }
    }
}

/// Words that make a name a broadcaster.
fn broadcaster(words: &[&str]) -> bool {
    words.iter().any(|w| {
        matches!(
            *w,
            "broadcasting" | "broadcaster" | "broadcasters" | "television" | "tv" | "radio"
        )
    })
}

/// "the Israel Broadcasting Authority", "the Korean Broadcasting System": a name with a
/// broadcasting word and no sector of its own is its country's media; a country adjective
/// right before an unknown one gives it the country.
pub(crate) fn broadcasters(text: &str, out: &mut Vec<Mention>) {
    let mut i = 0;
    while i < out.len() {
        let m = &out[i];
        let low = m.text.to_lowercase();
        let words: Vec<&str> = low.split(' ').collect();
        let eligible = matches!(m.kind, MentionKind::Org | MentionKind::Unknown)
            && m.sectors.is_empty()
            && words.len() >= 2
            && m.text.starts_with(|c: char| c.is_uppercase() || c == 't')
            && broadcaster(&words);
        if !eligible {
            i += 1;
            continue;
        }
        let owner = i > 0
            && m.country.is_none()
            && out[i - 1].kind == MentionKind::Country
            && out[i - 1].sectors.is_empty()
            && only_space(text, &out[i - 1], &out[i]);
        let mut c = out[i].clone();
        if owner {
            let p = &out[i - 1];
            c.start = p.start;
            c.text = span_text(text, p.start, c.end);
            c.country = p.country.clone();
        }
        c.kind = MentionKind::Org;
        c.sectors = vec!["MED".to_string()];
        c.plover_sector = Some("JRN".to_string());
        c.rule = if owner { "broadcaster" } else { c.rule };
        c.set_code();
        if owner {
            out[i - 1] = c;
            out.remove(i);
        } else {
            out[i] = c;
            i += 1;
        }
    }
}

/// Relation nouns after a person's possessive: the people so related are not the person.
/// Critics and opponents of someone in government are the political opposition (OPP).
fn relation(w: &str) -> Option<bool> {
    match w {
        "ally" | "allies" | "supporter" | "supporters" | "loyalist" | "loyalists" | "backer"
        | "backers" | "follower" | "followers" => Some(false),
        "critic" | "critics" | "opponent" | "opponents" | "detractor" | "detractors" => Some(true),
        _ => None,
    }
}

/// "Duterte's political allies", "Putin's critics": see the module comment. Adds the
/// phrase as an agent of the person's country after the person's own mention. Runs last, once
/// a surname has its person ("Duterte" after "Rodrigo Duterte").
pub(crate) fn possessor_relations(text: &str, out: &mut Vec<Mention>) {
    let mut i = 0;
    while i < out.len() {
        let p = &out[i];
        if p.kind != MentionKind::Person || p.country.is_none() || p.rule == "pronoun" {
            i += 1;
            continue;
        }
        let rest = text.get(p.end..).unwrap_or("");
        let Some(rest) = rest
            .strip_prefix("'s ")
            .or_else(|| rest.strip_prefix("\u{2019}s "))
        else {
            i += 1;
            continue;
        };
        let after = p.end + (text.len() - p.end - rest.len());
        // The relation noun within three lower-case words ("political allies", "most vocal
        // critics").
        let mut end = None;
        let mut offset = 0;
        for w in rest.split(' ').take(3) {
            let bare = w.trim_end_matches([',', '.', ';', ':', ')', '"']);
            if bare.is_empty() || !bare.chars().all(|c| c.is_ascii_lowercase() || c == '-') {
                break;
            }
            if let Some(opp) = relation(bare) {
                end = Some((after + offset + bare.len(), opp, bare.ends_with('s')));
                break;
            }
            offset += w.len() + 1;
        }
        let Some((end, opp, plural)) = end else {
            i += 1;
            continue;
        };
        // Another mention inside the phrase ("Putin's spokesman") was read by its own rule.
        if out.get(i + 1).is_some_and(|n| n.start < end) {
            i += 1;
            continue;
        }
        let governs = p.sectors.iter().any(|s| s == "GOV");
        let mut m = p.clone();
        m.end = end;
        m.text = span_text(text, p.start, end);
        m.kind = MentionKind::Agent;
        m.sectors = if opp && governs {
            vec!["OPP".to_string()]
        } else {
            Vec::new()
        };
        m.plover_sector = m.sectors.first().cloned();
        m.person = None;
        m.name = None;
        m.role = None;
        m.female = None;
        m.plural = plural;
        m.resolved_from = None;
        m.rule = RELATION;
        m.set_code();
        // Runs after coreference: links past the insertion point move by one.
        for o in out.iter_mut() {
            if let Some(r) = o.resolved_from.as_mut().filter(|r| **r > i) {
                *r += 1;
            }
        }
        out.insert(i + 1, m);
        i += 2;
    }
}

/// "the Mongolian People's Party", "the Workers' Party": the possessive splits the name into
/// a people word (read as civilians) and the body after it; the two are one body, of the
/// people word's country when the body has none.
pub(crate) fn peoples_bodies(text: &str, out: &mut Vec<Mention>) {
    let mut i = 0;
    while i + 1 < out.len() {
        let (a, b) = (&out[i], &out[i + 1]);
        let last = a.text.rsplit(' ').next().unwrap_or("");
        let people = matches!(
            last,
            "People" | "Peoples" | "Workers" | "Farmers" | "Toilers"
        );
        let between = text.get(a.end..b.start).unwrap_or("");
        let possessive = matches!(between, "'s " | "\u{2019}s " | "' " | "\u{2019} ");
        let body = b.text.starts_with(|c: char| c.is_uppercase())
            && !b.sectors.is_empty()
            && b.sectors.iter().all(|s| s != "CVL");
        if !(people && possessive && body && a.sentence == b.sentence) {
            i += 1;
            continue;
        }
        let mut m = b.clone();
        m.start = a.start;
        m.text = span_text(text, a.start, b.end);
        m.kind = MentionKind::Org;
        if m.country.is_none() {
            m.country = a.country.clone();
        }
        m.plural = false;
        m.rule = "people_body";
        m.set_code();
        out[i] = m;
        out.remove(i + 1);
        i += 1;
    }
}
