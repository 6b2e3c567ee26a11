//! Places: countries and capitals after locative prepositions, capitalised names the
//! gazetteer knows, and the countries that names of organisations and roles carry
//! ("Shanghai police"). Resolution waits until the whole article is read, so the countries
//! it mentions can choose between places of the same name.

use super::lexicon;
use super::parts::{blank, countryless_agent_before, give_place_country, plural_word};
use super::{Mention, MentionKind, PlaceInfo, Places, Recognizer, Word};
use crate::kb::CountryForm;

/// A place candidate waiting for the article's countries.
#[derive(Debug)]
pub(crate) struct Pending {
    pub mention: Mention,
    /// After a locative preposition ("in", "city of").
    pub after_prep: bool,
    /// The KB country whose capital this is.
    pub capital_of: Option<String>,
}

/// Whether a place (or place candidate) ends at byte `end`: "Pyongyang, North Korea" names
/// a place and its country.
pub(crate) fn place_ends_at(out: &[Mention], pending: &[Pending], end: usize) -> bool {
    out.last()
        .is_some_and(|m| m.kind == MentionKind::Place && m.end == end)
        || pending
            .last()
            .is_some_and(|p| p.mention.end == end && (p.after_prep || p.capital_of.is_some()))
}

#[allow(clippy::too_many_arguments)]
pub(crate) fn country_alone(
    rec: &Recognizer<'_>,
    text: &str,
    words: &[Word],
    w0: usize,
    w1: usize,
    index: usize,
    form: CountryForm,
    prev: &str,
    next: &str,
    si: usize,
    out: &mut Vec<Mention>,
    pending: &mut Vec<Pending>,
) {
    let code = rec.kb.countries()[index].code.clone();
    let after_place =
        prev == "," && w0 >= 2 && place_ends_at(out, pending, words[w0 - 2].end as usize);
    let place_prep = matches!(
        prev.to_ascii_lowercase().as_str(),
        "in" | "at" | "inside" | "across" | "throughout" | "within" | "near" | "around" | "into"
    );
    let mut m = blank(text, words, w0, w1, si, MentionKind::Country, "country");
    match form {
        CountryForm::Capital if !lexicon::is_action_verb(next) || lexicon::is_locative(prev) => {
            m.kind = MentionKind::Place;
            m.rule = "capital_place";
            let after_prep = true;
            pending.push(Pending {
                mention: m,
                after_prep,
                capital_of: Some(code),
            });
            return;
        }
        CountryForm::Capital => {
            m.rule = "capital_metonym";
            m.sectors.push("GOV".to_string());
            m.plover_sector = Some("GOV".to_string());
        }
        CountryForm::Name if place_prep || after_place => {
            m.kind = MentionKind::Place;
            m.rule = "country_place";
            m.country = Some(code.clone());
            m.place = Some(PlaceInfo {
                name: rec.kb.countries()[index]
                    .names
                    .first()
                    .cloned()
                    .unwrap_or_default(),
                country: Some(code),
                lat: None,
                lon: None,
                level: "country",
                id: String::new(),
            });
            out.push(m);
            return;
        }
        CountryForm::Name => {}
        CountryForm::Adjective => {
            m.rule = "country_adjective";
            m.plural = plural_word(&m.text);
        }
    }
    m.country = Some(code);
    m.set_code();
    out.push(m);
}

/// "Wei said", "CASIC's Wei": a bare name that speaks, or that an acronym owns, is a person
/// or a body, not a place that happens to share its name.
fn speaker(text: &str, m: &Mention) -> bool {
    let after = text.get(m.end..).unwrap_or("");
    let next = after
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_end_matches([',', '.']);
    let speaks = matches!(
        next,
        "said"
            | "says"
            | "told"
            | "added"
            | "stated"
            | "noted"
            | "insisted"
            | "argued"
            | "wrote"
            | "explained"
            | "claimed"
            | "replied"
            | "recalled"
    );
    let before = text.get(..m.start).unwrap_or("").trim_end();
    let owned = before
        .strip_suffix("'s")
        .or_else(|| before.strip_suffix("\u{2019}s"))
        .and_then(|b| b.split_whitespace().next_back())
        .is_some_and(|w| w.len() >= 4 && w.chars().all(|c| c.is_ascii_uppercase()));
    speaks || owned
}

/// Resolves the place candidates with the countries the article mentions; unresolved
/// names become `unknown` candidates.
pub(crate) fn resolve_places(
    rec: &Recognizer<'_>,
    text: &str,
    places: &dyn Places,
    out: &mut Vec<Mention>,
    pending: Vec<Pending>,
) {
    let mut countries: Vec<String> = Vec::new();
    for m in out.iter() {
        if let Some(c) = &m.country {
            if c.len() == 3 && !countries.contains(c) {
                countries.push(c.clone());
            }
        }
    }
    // Names that own a role or an organisation may be places: "Shanghai police",
    // "Madras High Court", "Kano State government" take the place's country.
    for m in out.iter_mut() {
        if m.country.is_some() {
            continue;
        }
        let Some(t) = m.modifier.as_deref() else {
            continue;
        };
        let first = t.split(' ').next().unwrap_or(t);
        // A county is often named after a town abroad ("Bergen County" is in New Jersey, not
        // Norway): its first word alone stands for it only in a country the article names or
        // one whose counties English news names so ("Boulder County", "Nairobi County").
        let county = t.split(' ').nth(1).is_some_and(|w| w == "County");
        let has_counties = |c: &String| {
            countries.contains(c)
                || matches!(
                    c.as_str(),
                    "USA" | "GBR" | "IRL" | "KEN" | "LBR" | "CHN" | "TWN"
                )
        };
        let found = places.resolve(t, &countries, false).or_else(|| {
            (first != t)
                .then(|| places.resolve(first, &countries, true))
                .flatten()
                .filter(|p| !county || p.country.as_ref().is_some_and(has_counties))
        });
        let cc = found.and_then(|p| p.country).or_else(|| {
            let region = rec.lex.region(t).or_else(|| rec.lex.region(first));
            // A people or community ("Karen guerrillas", "Kurdish fighters").
            let group = || rec.lex.groups.country(t, &countries);
            region.or_else(group).map(str::to_string)
        });
        if let Some(cc) = cc {
            m.country = Some(cc);
            if m.kind == MentionKind::Unknown {
                m.kind = MentionKind::Org;
            }
            m.set_code();
        }
    }
    let person_words = super::coref::person_words(out);
    for p in pending {
        let mut m = p.mention;
        if m.kind == MentionKind::Unknown && super::coref::all_in(&person_words, &m) {
            out.push(m);
            continue;
        }
        if m.kind == MentionKind::Unknown && !p.after_prep && speaker(text, &m) {
            out.push(m);
            continue;
        }
        match places.resolve(&m.text, &countries, !p.after_prep) {
            Some(pl) if p.capital_of.is_none() || pl.country == p.capital_of => {
                m.kind = MentionKind::Place;
                if m.rule == "unknown_name" {
                    m.rule = if p.after_prep {
                        "place_after_preposition"
                    } else {
                        "gazetteer_name"
                    };
                }
                m.country = pl.country.clone();
                m.place = Some(pl);
            }
            _ if p.capital_of.is_none() && rec.lex.region(&m.text).is_some() => {
                // A region the gazetteer lacks: its country, at the region level.
                let cc = rec.lex.region(&m.text).map(str::to_string);
                m.kind = MentionKind::Place;
                m.rule = "region_name";
                m.country = cc.clone();
                m.place = Some(PlaceInfo {
                    name: m.text.clone(),
                    country: cc,
                    lat: None,
                    lon: None,
                    level: "region",
                    id: String::new(),
                });
            }
            _ if p.capital_of.is_none()
                && m.kind == MentionKind::Unknown
                && super::groups::is_plural_group(&m.text)
                && rec.lex.groups.country(&m.text, &countries).is_some() =>
            {
                // A people named alone ("Kurds", "Tamils"): an actor of its state.
                m.country = rec
                    .lex
                    .groups
                    .country(&m.text, &countries)
                    .map(str::to_string);
                m.kind = MentionKind::Agent;
                m.rule = "people_name";
                m.plural = true;
                m.set_code();
            }
            _ => {
                if let Some(cc) = p.capital_of {
                    m.country = Some(cc.clone());
                    m.place = Some(PlaceInfo {
                        name: m.text.clone(),
                        country: Some(cc),
                        lat: None,
                        lon: None,
                        level: "city",
                        id: String::new(),
                    });
                }
            }
        }
        out.push(m);
    }
}

/// Sectors whose people usually belong to the place they are in. Criminals too: "hackers in
/// Iran", "gangs in El Salvador" are the place's own as a rule.
/// Parties, elites and the armed and radical groups that fight inside a state are its own as
/// a rule ("rebel fighters in Syria", "radicals in Ukraine", "the state party in New
/// Hampshire"); a foreign one is named so ("foreign fighters in Syria", "Chechen rebels").
const LOCAL_SECTORS: &[&str] = &[
    "GOV", "COP", "CVL", "OPP", "JUD", "LEG", "EDU", "MED", "BUS", "LAB", "HLH", "REL", "CRM",
    "PTY", "ELI", "REB", "INS", "SEP", "RAD", "UAF",
];

/// One officer is the place's own ("a senior general in South Sudan"); troops, forces and
/// soldiers in a place are often foreign ("troops in Syria").
fn one_officer(m: &Mention) -> bool {
    !m.plural && m.sectors.iter().all(|s| s == "MIL")
}

/// "foreign fighters in Syria", "international observers in Kosovo": said to be from
/// elsewhere; and those who travel to where they are met ("rebel delegations in Geneva",
/// "negotiators in Astana").
fn foreign(m: &Mention) -> bool {
    m.text.split([' ', '-']).any(|w| {
        matches!(
            w.to_ascii_lowercase().as_str(),
            "foreign"
                | "international"
                | "overseas"
                | "expatriate"
                | "migrant"
                | "immigrant"
                | "delegation"
                | "delegations"
                | "delegate"
                | "delegates"
                | "negotiator"
                | "negotiators"
                | "envoy"
                | "envoys"
                | "emissary"
                | "emissaries"
        )
    })
}

/// "officials in Kyiv", "protesters in Hong Kong", "police in northern Nigeria": an agent with
/// no country of its own, right before "in" and a place, takes the place's country. Only
/// agents of sectors that belong where they are; refugees, troops and aid workers are often
/// foreign to the place, and settlers are the settling state's (which only an explicit
/// "Israeli settlers" says, so bare "settlers in the West Bank" get no country). This is the
/// one place the recogniser's output gets a country from where an agent is; the event
/// pipeline lends none. `out` is in text order.
pub(crate) fn agents_in_places(text: &str, out: &mut [Mention]) {
    agents_based_or_from(text, out);
    second_origins(text, out);
    countryless_agent_before(text, out, |a, b, cc, between| {
        // Inherit words ("officials") have no sector: the place's government.
        let local = a
            .sectors
            .iter()
            .all(|s| LOCAL_SECTORS.contains(&s.as_str()))
            || one_officer(a);
        if local
            && !foreign(a)
            && matches!(b.kind, MentionKind::Place | MentionKind::Country)
            && located_in(between)
            && !settlers(a)
        {
            give_place_country(a, cc);
        }
    });
}

/// "northern", "south-eastern", "central": a part of the place named after it.
fn direction(x: &str) -> bool {
    let x = x.to_ascii_lowercase();
    let x = x
        .strip_prefix("north")
        .or_else(|| x.strip_prefix("south"))
        .unwrap_or(&x);
    matches!(
        x.trim_start_matches('-'),
        "" | "ern" | "east" | "eastern" | "west" | "western" | "central"
    )
}

/// "in", "in the", "in northern", "in the south-eastern": the words between an agent and
/// the place it is in.
fn located_in(between: &str) -> bool {
    let mut w = between.split_whitespace().map(str::to_ascii_lowercase);
    if w.next().as_deref() != Some("in") {
        return false;
    }
    let rest: Vec<String> = w.collect();
    match rest.as_slice() {
        [] => true,
        [a] => a == "the" || direction(a),
        [a, b] => a == "the" && direction(b),
        _ => false,
    }
}

/// Settlers and colonists live where their state settled them: "settlers in the West Bank"
/// are not the place's people, and only words naming the state ("Israeli settlers") give
/// them a country.
fn settlers(m: &Mention) -> bool {
    let low = m.text.to_ascii_lowercase();
    low.contains("settler") || low.contains("colonist")
}

/// "a terror group based in Trinidad", "doctors from two American aid groups", "officials
/// from Russia": an agent with no country, of any sector, right before "based in" a place
/// or "from" a country, place or group with a country, takes that country. Its own sector
/// stays (the doctors are doctors). `out` is in text order.
fn agents_based_or_from(text: &str, out: &mut [Mention]) {
    countryless_agent_before(text, out, |a, b, cc, between| {
        let between: Vec<String> = between
            .split_whitespace()
            .map(str::to_ascii_lowercase)
            .collect();
        let between: Vec<&str> = between.iter().map(String::as_str).collect();
        let filler = |w: &str| {
            matches!(
                w,
                "the" | "a" | "an" | "two" | "three" | "four" | "several" | "various" | "some"
            ) || direction(w)
        };
        let ok = match between.as_slice() {
            [",", "based", "in", rest @ ..] | ["based", "in", rest @ ..] => {
                rest.iter().all(|w| filler(w))
                    && matches!(b.kind, MentionKind::Place | MentionKind::Country)
            }
            ["from", rest @ ..] => {
                rest.iter().all(|w| filler(w))
                    && rest.len() <= 1
                    && matches!(
                        b.kind,
                        MentionKind::Place
                            | MentionKind::Country
                            | MentionKind::Agent
                            | MentionKind::Org
                    )
                    && (b.kind != MentionKind::Place || cc.len() == 3)
            }
            _ => false,
        };
        if ok && (cc.len() == 3 || b.kind != MentionKind::Place) {
            give_place_country(a, cc);
        }
    });
}

/// Rule name of the second of two origins ("negotiators from Kyiv and Moscow").
pub const SECOND_ORIGIN: &str = "second_origin";

/// "Negotiators from Kyiv and Moscow", "officials from Russia and Ukraine": an agent from
/// two states is two actors. The first origin gave the agent its country
/// (`agents_based_or_from`); the second, of another state, becomes an actor of the same
/// sector. `out` is in text order.
fn second_origins(text: &str, out: &mut [Mention]) {
    let country = |m: &Mention| match (&m.kind, &m.place) {
        (MentionKind::Place, Some(p)) => p.country.clone(),
        _ => m.country.clone(),
    };
    for i in 2..out.len() {
        let (head, tail) = out.split_at_mut(i);
        let (a, b, c) = (&head[i - 2], &head[i - 1], &mut tail[0]);
        let origin = |m: &Mention| matches!(m.kind, MentionKind::Place | MentionKind::Country);
        if a.kind != MentionKind::Agent
            || !origin(b)
            || !origin(c)
            || a.sentence != c.sentence
            || a.country.is_none()
            || country(b) != a.country
        {
            continue;
        }
        let from = text.get(a.end..b.start).unwrap_or("").trim();
        let and = text.get(b.end..c.start).unwrap_or("").trim();
        if !matches!(from, "from" | "from the") || !matches!(and, "and" | "and the" | ", and") {
            continue;
        }
        let Some(cc) = country(c).filter(|cc| cc.len() == 3 && Some(cc) != a.country.as_ref())
        else {
            continue;
        };
        c.kind = MentionKind::Agent;
        c.country = Some(cc);
        c.sectors = a.sectors.clone();
        c.plover_sector = a.plover_sector.clone();
        c.plural = a.plural;
        c.place = None;
        c.rule = SECOND_ORIGIN;
        c.set_code();
    }
}
