//! The recogniser's own small word lists (closed-class words the KB does not hold) and the
//! extra phrase table (media outlets, role phrases written with "of").

use crate::kb::{normalize, Kb, PartialDate};
use std::collections::HashMap;

/// Media outlets, `name<TAB>COUNTRY`, our own list.
const MEDIA: &str = include_str!("media.txt");

/// Parties, armed groups, agencies and partially recognised entities,
/// `name<TAB>CODE<TAB>SECTORS[<TAB>PLOVER]`, our own list.
const ORGS: &str = include_str!("orgs.txt");

/// Companies news names alone, under their home country as BUS; same format as [`ORGS`].
const COMPANIES: &str = include_str!("companies.txt");

/// National institutions (legislatures, central banks, armed forces, police, intelligence
/// services, courts), universities, think tanks and national NGOs; same format as [`ORGS`].
const INSTITUTIONS: &str = include_str!("institutions.txt");

/// First-level regions the gazetteer does not name, `name<TAB>ISO3`, our own list.
const REGIONS: &str = include_str!("regions.txt");

/// Role phrases the KB writes the other way round ("defence minister"): CAMEO sectors,
/// PLOVER sector.
const EXTRA_ROLES: &[(&str, &[&str], &str)] = &[
    ("minister of defence", &["GOV", "MIL"], "GOV"),
    ("minister of defense", &["GOV", "MIL"], "GOV"),
    ("secretary of defence", &["GOV", "MIL"], "GOV"),
    ("minister of foreign affairs", &["GOV"], "GOV"),
    ("minister of the interior", &["GOV"], "GOV"),
    ("minister of interior", &["GOV"], "GOV"),
    ("minister of finance", &["GOV"], "GOV"),
    ("ministry of foreign affairs", &["GOV"], "GOV"),
    ("chief of staff", &["GOV"], "GOV"),
    ("chief of general staff", &["MIL"], "MIL"),
    ("chief of the general staff", &["MIL"], "MIL"),
];

/// Place names made of a country word and more, which must not be read as that country:
/// "New Jersey" is not Jersey, "British Columbia" not Britain; and names that open with an
/// organisation's short name but are no organisation ("Fed Cup" is a tennis team event, not
/// the Federal Reserve). The scan passes over them, so they stay capitalised names for the
/// gazetteer (or the region list).
const NOT_COUNTRIES: &[&str] = &[
    "New Jersey",
    "New Mexico",
    "New England",
    "New South Wales",
    "Jersey City",
    "New Britain",
    "New Ireland",
    "British Columbia",
    "Guinea Pig",
    "Fed Cup",
];

/// A phrase from the extra table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Extra {
    /// `media[index]`: (name, country).
    Media(usize),
    /// `EXTRA_ROLES[index]`.
    Role(usize),
    /// `orgs[index]`.
    Org(usize),
    /// A name in [`NOT_COUNTRIES`].
    NotCountry,
}

/// An acronym of up to three letters ("PAN", "ICE") names an organisation only when written
/// in capitals, as the KB's own case rule has it ("Pan Am", "ice").
pub(crate) fn case_fits(name: &str, surface: &str) -> bool {
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    let acronym = name.chars().all(|c| !c.is_lowercase());
    !(acronym && letters <= 3) || surface.chars().all(|c| !c.is_lowercase())
}

/// `2021-08-15 GOV`: the date and the comma-separated sectors that hold from it.
fn parse_since(s: &str) -> Option<(PartialDate, Vec<String>)> {
    let (date, sectors) = s.split_once(' ')?;
    let date = PartialDate::parse(date)?;
    let sectors = sectors.split(',').map(|x| x.trim().to_string()).collect();
    Some((date, sectors))
}

/// An organisation from `orgs.txt`.
#[derive(Debug)]
pub(crate) struct Org {
    pub name: String,
    /// Country, IGO or generic code.
    pub code: String,
    /// CAMEO sectors (empty for a partially recognised entity: CAMEO has no code for one).
    pub sectors: Vec<String>,
    /// PLOVER sector when it is not the CAMEO one's mapping (`PRE` for Abkhazia).
    pub plover: Option<String>,
    /// From this date on the organisation holds other sectors (the Taliban have been
    /// Afghanistan's government since 2021-08-15): the file's trailing `since DATE SECTORS`.
    pub since: Option<(PartialDate, Vec<String>)>,
}

#[derive(Debug)]
pub(crate) struct Lexicon {
    /// Normalised key -> extra entry.
    pub extra: HashMap<String, Extra>,
    /// (canonical name, country) of each outlet.
    pub media: Vec<(String, String)>,
    /// Each organisation.
    pub orgs: Vec<Org>,
    /// First word of every known phrase (KB and extra) -> the longest key starting with it,
    /// in bytes: a scan tries longer windows only from these words, and only that far.
    pub first: HashMap<String, usize>,
    /// Longest extra key in words.
    pub extra_max: usize,
    /// Normalised region name -> its country's code.
    pub regions: HashMap<String, String>,
    /// Peoples and communities, and the surnames of KB people.
    pub groups: super::groups::Groups,
    /// Country names and demonyms, for misspellings.
    pub typos: super::typo::Typos,
}

impl Lexicon {
    pub fn new(kb: &Kb) -> Lexicon {
        let mut extra = HashMap::new();
        let mut media = Vec::new();
        let mut extra_max = 1;
        for line in MEDIA.lines() {
            let line = line.trim_end();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((name, cc)) = line.split_once('\t') else {
                continue;
            };
            let key = normalize(name);
            extra_max = extra_max.max(key.split(' ').count());
            extra.entry(key).or_insert(Extra::Media(media.len()));
            media.push((name.to_string(), cc.to_string()));
        }
        let mut orgs = Vec::new();
        for line in ORGS
            .lines()
            .chain(COMPANIES.lines())
            .chain(INSTITUTIONS.lines())
        {
            let mut f: Vec<&str> = line.trim_end().split('\t').collect();
            let since = match f.last().and_then(|x| x.strip_prefix("since ")) {
                Some(rest) => {
                    let since = parse_since(rest);
                    f.pop();
                    since
                }
                None => None,
            };
            let (name, code, sectors, plover) = match f[..] {
                [n, c, s] => (n, c, s, None),
                [n, c, s, p] => (n, c, s, Some(p.to_string())),
                _ => continue,
            };
            if name.starts_with('#') {
                continue;
            }
            let key = normalize(name);
            extra_max = extra_max.max(key.split(' ').count());
            extra.entry(key).or_insert(Extra::Org(orgs.len()));
            let sectors = sectors
                .split(',')
                .filter(|s| *s != "-")
                .map(str::to_string)
                .collect();
            orgs.push(Org {
                name: name.to_string(),
                code: code.to_string(),
                sectors,
                plover,
                since,
            });
        }
        for p in NOT_COUNTRIES {
            extra_max = extra_max.max(p.split(' ').count());
            extra.insert(normalize(p), Extra::NotCountry);
        }
        for (i, (p, _, _)) in EXTRA_ROLES.iter().enumerate() {
            extra_max = extra_max.max(p.split(' ').count());
            extra.insert(normalize(p), Extra::Role(i));
        }
        let mut first = HashMap::new();
        let mut add = |phrase: &str| {
            let key = normalize(phrase);
            // Index the first word both as written and cut at a clitic or hyphen, since
            // the tokenizer splits "People's" and most hyphenated words.
            let w = key.split(' ').next().unwrap_or("");
            let cut = w.split(['-', '\'']).next().unwrap_or(w);
            for f in [w, cut] {
                if f.is_empty() {
                    continue;
                }
                let e = first.entry(f.to_string()).or_insert(0);
                *e = (*e).max(key.len());
            }
        };
        for c in kb.countries() {
            c.names
                .iter()
                .chain(&c.adjectives)
                .chain(&c.capitals)
                .for_each(|p| add(p));
        }
        kb.seats().iter().for_each(|s| add(&s.phrase));
        kb.igos().iter().flat_map(|g| &g.names).for_each(|p| add(p));
        kb.sectors()
            .iter()
            .flat_map(|s| &s.words)
            .for_each(|p| add(p));
        kb.people()
            .iter()
            .flat_map(|p| &p.names)
            .for_each(|p| add(p));
        extra.keys().for_each(|k| add(k));
        // Inherit words cannot be listed through the KB's API; single words are still
        // found by the one-word lookup every word gets, and this is the only longer one.
        add("press secretary");
        add("press secretaries");
        let mut regions = HashMap::new();
        for line in REGIONS.lines() {
            if let Some((name, cc)) = line.split_once('\t').filter(|_| !line.starts_with('#')) {
                regions
                    .entry(normalize(name))
                    .or_insert_with(|| cc.trim().to_string());
            }
        }
        Lexicon {
            first,
            extra,
            media,
            orgs,
            extra_max,
            regions,
            groups: super::groups::Groups::new(kb),
            typos: super::typo::Typos::new(kb),
        }
    }

    /// The country of a region the gazetteer does not know ("Tigray" -> ETH).
    pub fn region(&self, name: &str) -> Option<&str> {
        self.regions.get(&normalize(name)).map(String::as_str)
    }

    pub fn role(&self, i: usize) -> (&'static [&'static str], &'static str) {
        let (_, s, p) = EXTRA_ROLES[i];
        (s, p)
    }
}

/// Determiners that may open a chain ("the minister", "a US official").
pub(crate) fn is_det(w: &str) -> bool {
    matches!(w, "the" | "The" | "a" | "A" | "an" | "An" | "THE")
}

/// The possessive clitic as the tokenizer splits it off.
pub(crate) fn is_possessive(w: &str) -> bool {
    matches!(w, "'s" | "\u{2019}s" | "'" | "\u{2019}" | "'S")
}

/// Prepositions after which a country or capital is a place, not an actor.
pub(crate) fn is_locative(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "in" | "at"
            | "near"
            | "inside"
            | "outside"
            | "across"
            | "throughout"
            | "within"
            | "around"
            | "into"
            | "from"
            | "to"
            | "towards"
            | "toward"
            | "via"
            | "through"
            | "between"
            | "off"
    )
}

/// Nouns after which "of X" names a place ("the Pacific city of Vladivostok").
pub(crate) fn is_place_noun(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "city"
            | "town"
            | "village"
            | "port"
            | "capital"
            | "province"
            | "region"
            | "state"
            | "district"
            | "county"
            | "outskirts"
            | "centre"
            | "center"
            | "south"
            | "north"
            | "east"
            | "west"
    )
}

/// Verbs (and auxiliaries) that make a capital the government acting ("Pyongyang said").
pub(crate) fn is_action_verb(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "said"
            | "says"
            | "say"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "is"
            | "was"
            | "wants"
            | "wanted"
            | "warned"
            | "warns"
            | "announced"
            | "announces"
            | "accused"
            | "accuses"
            | "denied"
            | "denies"
            | "rejected"
            | "rejects"
            | "condemned"
            | "condemns"
            | "demanded"
            | "demands"
            | "urged"
            | "urges"
            | "threatened"
            | "threatens"
            | "agreed"
            | "agrees"
            | "signed"
            | "signs"
            | "sent"
            | "sends"
            | "launched"
            | "launches"
            | "claimed"
            | "claims"
            | "insisted"
            | "insists"
            | "responded"
            | "may"
            | "could"
            | "should"
            | "must"
            | "did"
            | "does"
    )
}

/// Capitalised words that start sentences or label dates but are not names.
pub(crate) fn is_stop_cap(w: &str) -> bool {
    matches!(
        w,
        "The"
            | "A"
            | "An"
            | "In"
            | "On"
            | "At"
            | "By"
            | "For"
            | "From"
            | "To"
            | "With"
            | "And"
            | "But"
            | "Or"
            | "If"
            | "As"
            | "Any"
            | "All"
            | "Some"
            | "No"
            | "Not"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "There"
            | "Here"
            | "It"
            | "Its"
            | "He"
            | "She"
            | "They"
            | "We"
            | "I"
            | "You"
            | "His"
            | "Her"
            | "Their"
            | "Our"
            | "My"
            | "Your"
            | "However"
            | "Meanwhile"
            | "After"
            | "Before"
            | "When"
            | "While"
            | "Although"
            | "Since"
            | "Despite"
            | "According"
            | "Also"
            | "Yet"
            | "So"
            | "Then"
            | "Now"
            | "Last"
            | "Next"
            | "Earlier"
            | "Later"
            | "Mr"
            | "Mr."
            | "Mrs"
            | "Mrs."
            | "Ms"
            | "Ms."
            | "Dr"
            | "Dr."
            | "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
            | "January"
            | "February"
            | "March"
            | "April"
            | "May"
            | "June"
            | "July"
            | "August"
            | "September"
            | "October"
            | "November"
            | "December"
            | "Jan"
            | "Jan."
            | "Feb"
            | "Feb."
            | "Mar"
            | "Mar."
            | "Apr"
            | "Apr."
            | "Jun"
            | "Jul"
            | "Aug"
            | "Aug."
            | "Sep"
            | "Sep."
            | "Sept"
            | "Sept."
            | "Oct"
            | "Oct."
            | "Nov"
            | "Nov."
            | "Dec"
            | "Dec."
            | "FILE"
            | "Copyright"
            | "Share"
            | "Comments"
            | "ADVERTISEMENT"
    )
}

/// Words that may stand between a country and a role ("Poland's current interior
/// minister", "a senior US official").
pub(crate) fn is_filler(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "current"
            | "new"
            | "top"
            | "senior"
            | "deputy"
            | "acting"
            | "then"
            | "outgoing"
            | "incoming"
            | "interim"
            | "veteran"
            | "local"
            | "regional"
            | "federal"
            | "provincial"
            // Adjectives before a role that the tagger reads as adjectives, not role nouns:
            // "Tamil civilian refugees" are Tamil refugees.
            | "civilian"
            | "armed"
            | "unarmed"
            | "young"
            | "elderly"
            | "displaced"
            | "wounded"
            | "nationalist"
    )
}

/// Honorifics that open a person's name without a role ("Mr Kim").
pub(crate) fn is_honorific(w: &str) -> bool {
    matches!(
        w,
        "Mr" | "Mr." | "Mrs" | "Mrs." | "Ms" | "Ms." | "Dr" | "Dr." | "Sir" | "Dame"
    )
}

/// Words that end an organisation's name ("National Security Council"), with the CAMEO
/// sector the name then carries, if any.
pub(crate) fn org_head(w: &str) -> Option<Option<&'static str>> {
    Some(match w {
        "Council" | "Committee" | "Commission" | "Office" | "Department" | "Agency"
        | "Authority" | "Service" | "Bureau" | "Secretariat" => None,
        "Ministry" | "Government" | "Administration" | "Cabinet" => Some("GOV"),
        "Army" | "Navy" | "Forces" | "Fleet" | "Command" | "Corps" | "Brigade" | "Brigades"
        | "Regiment" | "Division" => Some("MIL"),
        "Police" | "Gendarmerie" => Some("COP"),
        "Court" | "Tribunal" => Some("JUD"),
        "Parliament" | "Assembly" | "Senate" | "Congress" | "Duma" => Some("LEG"),
        "Party" => Some("PTY"),
        "Front" | "Movement" | "Militia" | "Cartel" => None,
        "Bank" | "Company" | "Corporation" | "Corp" | "Corp." | "Inc" | "Inc." | "Ltd" | "Ltd."
        | "Group" | "Airlines" | "Holdings" | "LLC" | "PLC" | "Plc" | "plc" | "GmbH" | "AG"
        | "SA" | "S.A." | "NV" | "N.V." | "SpA" | "S.p.A." | "Co." => Some("BUS"),
        "University" | "Institute" | "School" | "College" => Some("EDU"),
        "Church" | "Mosque" => None,
        "Union" | "Association" | "Federation" | "League" | "Alliance" | "Society"
        | "Foundation" | "Organization" | "Organisation" => None,
        "Times" | "Post" | "News" | "Journal" | "Herald" | "Tribune" | "Gazette" | "Press" => {
            Some("MED")
        }
        _ => return None,
    })
}

/// Personal pronouns: (female, male, plural, neuter) agreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pronoun {
    He,
    She,
    They,
    It,
}

pub(crate) fn pronoun(w: &str) -> Option<Pronoun> {
    Some(match w {
        "he" | "He" | "him" | "his" | "His" => Pronoun::He,
        "she" | "She" | "her" | "Her" => Pronoun::She,
        "they" | "They" | "them" | "their" | "Their" => Pronoun::They,
        "it" | "It" | "its" | "Its" => Pronoun::It,
        _ => return None,
    })
}

/// The PLOVER sector a CAMEO sector maps to, for mentions whose words gave none.
pub(crate) fn plover_of(cameo: &str) -> Option<&'static str> {
    Some(match cameo {
        "GOV" => "GOV",
        "MIL" => "MIL",
        "COP" => "COP",
        "JUD" => "JUD",
        "LEG" => "LEG",
        "OPP" => "OPP",
        "PTY" => "PTY",
        "REB" | "INS" | "SEP" => "REB",
        "SPY" => "SPY",
        "UAF" => "UAF",
        "AGR" => "AGR",
        "BUS" | "MNC" => "BUS",
        "CRM" => "CRM",
        "CVL" => "CVL",
        "EDU" => "EDU",
        "ELI" => "ELI",
        "LAB" => "LAB",
        "MED" => "JRN",
        "HLH" => "MED",
        "REF" => "REF",
        "HRI" | "NGO" | "ENV" | "DEV" => "SOC",
        "REL" | "RAD" | "MOD" => "REL",
        _ => return None,
    })
}

/// Whether a word starts with a capital letter (a name or acronym).
pub(crate) fn is_capitalised_name(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}
