//! The built-in actor knowledge base: countries and territories, seats of power, IGOs,
//! CAMEO and PLOVER sector role words, and people with dated roles, read from plain text
//! files (format: `crates/actors/kb/README.md`).
//!
//! [`Kb::builtin`] parses the files embedded in the binary once; [`Kb::from_dir`] reads a
//! folder of the same layout; [`KbBuilder`] layers folders over the built-in files (a later
//! layer replaces a country, IGO or person of the same code or canonical name, and adds
//! words to a sector). [`Kb::lookup`] maps a normalised phrase to every [`Entry`] it names;
//! [`Kb::max_phrase_tokens`] bounds a longest-match scan.

mod error;
mod normalize;
mod parse;
mod types;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_builtin;

pub use error::{Error, Problem, Result};
pub use normalize::{given_name, normalize, token_count};
pub use types::{
    Country, Gender, Igo, Namespace, PartialDate, Person, Role, RoleKind, Seat, Sector,
    CAMEO_SECTORS, GENERIC_ACTOR_CODES, PLOVER_SECTORS,
};

use std::collections::HashMap;
use std::path::Path;
use std::sync::OnceLock;

/// The people files embedded in the binary, in name order (the order `from_dir` reads a
/// folder in, so both give the same person indices). `from_dir` reads every `people/*.txt`;
/// these names are the ones agreed with the people data, one file per region.
const PEOPLE: [(&str, &str); 13] = [
    (
        "people/americas.txt",
        include_str!("../../kb/people/americas.txt"),
    ),
    (
        "people/asia_pacific.txt",
        include_str!("../../kb/people/asia_pacific.txt"),
    ),
    (
        "people/cabinets_2015_2026.txt",
        include_str!("../../kb/people/cabinets_2015_2026.txt"),
    ),
    (
        "people/europe.txt",
        include_str!("../../kb/people/europe.txt"),
    ),
    (
        "people/figures_2000_2026.txt",
        include_str!("../../kb/people/figures_2000_2026.txt"),
    ),
    (
        "people/gaps_2000_2026.txt",
        include_str!("../../kb/people/gaps_2000_2026.txt"),
    ),
    (
        "people/heads_2000_2024.txt",
        include_str!("../../kb/people/heads_2000_2024.txt"),
    ),
    (
        "people/heads_2025.txt",
        include_str!("../../kb/people/heads_2025.txt"),
    ),
    (
        "people/heads_before_2000.txt",
        include_str!("../../kb/people/heads_before_2000.txt"),
    ),
    ("people/igos.txt", include_str!("../../kb/people/igos.txt")),
    (
        "people/middle_east_africa.txt",
        include_str!("../../kb/people/middle_east_africa.txt"),
    ),
    (
        "people/offices_2000_2025.txt",
        include_str!("../../kb/people/offices_2000_2025.txt"),
    ),
    (
        "people/officials_2015_2026.txt",
        include_str!("../../kb/people/officials_2015_2026.txt"),
    ),
];

/// The four top-level files, embedded.
const TOP: [(Kind, &str, &str); 4] = [
    (
        Kind::Countries,
        "countries.txt",
        include_str!("../../kb/countries.txt"),
    ),
    (Kind::Seats, "seats.txt", include_str!("../../kb/seats.txt")),
    (Kind::Igos, "igos.txt", include_str!("../../kb/igos.txt")),
    (
        Kind::Sectors,
        "sectors.txt",
        include_str!("../../kb/sectors.txt"),
    ),
];

/// A KB file is hand-written text; anything this large is a mistake, not data.
const MAX_FILE_BYTES: u64 = 16 << 20;

/// Which kind of KB file a text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `countries.txt`
    Countries,
    /// `seats.txt`
    Seats,
    /// `igos.txt`
    Igos,
    /// `sectors.txt`
    Sectors,
    /// `people/*.txt`
    People,
}

/// How a country is named by a phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CountryForm {
    /// A name or short form ("North Korea", "DPRK").
    Name,
    /// An adjective or demonym ("North Korean", "North Koreans").
    Adjective,
    /// A capital, a metonym for the government ("Pyongyang said").
    Capital,
}

/// What a phrase names; indices point into the [`Kb`] slices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Entry {
    /// `kb.countries()[index]`, named in the given form.
    Country {
        /// Index into [`Kb::countries`].
        index: usize,
        /// Name, adjective or capital.
        form: CountryForm,
    },
    /// `kb.seats()[index]`.
    Seat(usize),
    /// `kb.igos()[index]`.
    Igo(usize),
    /// `kb.sectors()[index]`: a role word of one namespace.
    Sector(usize),
    /// A word with no sector of its own ("spokeswoman"): it takes the actor and sector of
    /// whoever it speaks for ("Kremlin spokesman" is RUS GOV, "army spokeswoman" is MIL).
    Inherit,
    /// `kb.people()[index]`.
    Person(usize),
}

/// The actor an entry stands for: a country, IGO or generic code and its CAMEO sectors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorCode<'a> {
    /// Country, IGO (`IGONAT`) or generic (`IMG`) code.
    pub code: &'a str,
    /// CAMEO sector codes; empty when the phrase names only the country ("North Korean").
    pub sectors: Vec<&'a str>,
}

/// The loaded knowledge base. Read-only after loading; share it through `&` or `Arc`.
#[derive(Debug, Default)]
pub struct Kb {
    countries: Vec<Country>,
    seats: Vec<Seat>,
    igos: Vec<Igo>,
    sectors: Vec<Sector>,
    people: Vec<Person>,
    /// Key -> (entries, how a mention must be written for each; empty when any case will do).
    index: HashMap<String, (Vec<Entry>, Vec<CaseRule>)>,
    country_by_code: HashMap<String, usize>,
    igo_by_code: HashMap<String, usize>,
    max_tokens: usize,
    warnings: Vec<Problem>,
}

impl Kb {
    /// The knowledge base embedded in the binary, parsed on first use (then shared).
    pub fn builtin() -> std::result::Result<&'static Kb, &'static Error> {
        static KB: OnceLock<Result<Kb>> = OnceLock::new();
        KB.get_or_init(|| KbBuilder::new().builtin().build())
            .as_ref()
    }

    /// Loads a KB folder laid out like `crates/actors/kb/` (the four files, and every
    /// `people/*.txt` in name order).
    pub fn from_dir(path: &Path) -> Result<Kb> {
        KbBuilder::new().dir(path)?.build()
    }

    /// Countries and territories in file order.
    pub fn countries(&self) -> &[Country] {
        &self.countries
    }
    /// Seats of power in file order.
    pub fn seats(&self) -> &[Seat] {
        &self.seats
    }
    /// International organisations in file order.
    pub fn igos(&self) -> &[Igo] {
        &self.igos
    }
    /// Sector vocabularies, both namespaces.
    pub fn sectors(&self) -> &[Sector] {
        &self.sectors
    }
    /// People in file order.
    pub fn people(&self) -> &[Person] {
        &self.people
    }
    /// Non-fatal findings, e.g. a phrase that names two different countries.
    pub fn warnings(&self) -> &[Problem] {
        &self.warnings
    }
    /// The longest key in tokens: a longest-match scan need not look further ahead.
    pub fn max_phrase_tokens(&self) -> usize {
        self.max_tokens
    }
    /// Number of distinct keys in the phrase index.
    pub fn phrase_count(&self) -> usize {
        self.index.len()
    }

    /// The code this KB uses for `code`: itself when defined (or a generic actor code such
    /// as `IMG`), else the KB's spelling of a known alias (`XKX` and `KOS` -> `KSV`;
    /// `IGOUNOREFHCR` -> `IGOUNOHCR`), else `None`.
    pub fn canonical_code(&self, code: &str) -> Option<String> {
        if self.country_by_code.contains_key(code)
            || self.igo_by_code.contains_key(code)
            || GENERIC_ACTOR_CODES.contains(&code)
        {
            Some(code.to_string())
        } else {
            build::canonical(code, &self.country_by_code, &self.igo_by_code)
        }
    }

    /// The country with this code.
    pub fn country(&self, code: &str) -> Option<&Country> {
        self.country_by_code.get(code).map(|&i| &self.countries[i])
    }
    /// The IGO with this code.
    pub fn igo(&self, code: &str) -> Option<&Igo> {
        self.igo_by_code.get(code).map(|&i| &self.igos[i])
    }
    /// The sector record of `code` in `namespace`.
    pub fn sector(&self, namespace: Namespace, code: &str) -> Option<&Sector> {
        self.sectors
            .iter()
            .find(|s| s.namespace == namespace && s.code == code)
    }

    /// Everything a phrase names, ignoring case (see [`normalize`]); empty if nothing.
    pub fn lookup(&self, phrase: &str) -> &[Entry] {
        self.lookup_key(&normalize(phrase))
    }

    /// Like [`Kb::lookup`] for a key that is already normalised (the hot path of a scanner
    /// that builds keys from tokens).
    pub fn lookup_key(&self, key: &str) -> &[Entry] {
        self.index.get(key).map_or(&[], |(e, _)| e.as_slice())
    }

    /// Like [`Kb::lookup`], but a mention must be written the way the KB phrase is: a proper
    /// name ("Turkey", "Borne") only matches a capitalised mention, so "turkey" and "car-borne"
    /// name nothing; a short acronym ("US", "WHO", "CAR") only a mention in capitals, so "us"
    /// and "who" stay words; a longer acronym ("NATO") also a capitalised one ("Nato").
    /// Lower-case KB phrases (sector words) match in any case. A leading "the" is ignored.
    pub fn lookup_cased(&self, surface: &str) -> Vec<Entry> {
        match self.index.get(&normalize(surface)) {
            None => Vec::new(),
            Some((entries, rules)) if rules.is_empty() => entries.clone(),
            Some((entries, rules)) => entries
                .iter()
                .zip(rules)
                .filter(|(_, rule)| rule.allows(surface))
                .map(|(e, _)| *e)
                .collect(),
        }
    }

    /// The sector role words a phrase signals in one namespace.
    pub fn lookup_sector(&self, phrase: &str, namespace: Namespace) -> Vec<&Sector> {
        self.lookup(phrase)
            .iter()
            .filter_map(|e| match e {
                Entry::Sector(i) if self.sectors[*i].namespace == namespace => {
                    Some(&self.sectors[*i])
                }
                _ => None,
            })
            .collect()
    }

    /// The actor an entry stands for on `date`: a capital is its government (GOV, the
    /// metonym "Pyongyang said"); a seat carries its sectors; a person their role on that
    /// date, or, out of office, the country of their last role as ELI (CAMEO's former
    /// officials). Sector and inherit words name no actor by themselves: `None`.
    pub fn actor_of(&self, entry: Entry, date: PartialDate) -> Option<ActorCode<'_>> {
        Some(match entry {
            Entry::Country { index, form } => ActorCode {
                code: &self.countries[index].code,
                sectors: if form == CountryForm::Capital {
                    vec!["GOV"]
                } else {
                    Vec::new()
                },
            },
            Entry::Seat(i) => ActorCode {
                code: &self.seats[i].code,
                sectors: strs(&self.seats[i].sectors),
            },
            Entry::Igo(i) => ActorCode {
                code: &self.igos[i].code,
                sectors: Vec::new(),
            },
            Entry::Person(i) => {
                let p = &self.people[i];
                match p.role_at(date) {
                    Some(r) => ActorCode {
                        code: &r.country,
                        sectors: strs(&r.sectors),
                    },
                    None => ActorCode {
                        code: &p.last_role_before(date)?.country,
                        sectors: vec!["ELI"],
                    },
                }
            }
            Entry::Sector(_) | Entry::Inherit => return None,
        })
    }

    /// The country or IGO code an entry stands for (`None` for sectors and inherit words;
    /// for a person, use [`Person::role_at`]).
    pub fn country_of(&self, entry: Entry) -> Option<&str> {
        match entry {
            Entry::Country { index, .. } => Some(&self.countries[index].code),
            Entry::Seat(i) => Some(&self.seats[i].code),
            Entry::Igo(i) => Some(&self.igos[i].code),
            Entry::Sector(_) | Entry::Inherit | Entry::Person(_) => None,
        }
    }
}

/// How a phrase is capitalised in the KB, and so how a mention must be written to match it.
/// Ordered from the most to the least permissive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum CaseRule {
    /// Lower case in the KB: any case matches.
    Any,
    /// A proper name: the mention must start with a capital.
    Capitalised,
    /// An acronym: in capitals (or capitalised, when longer than three letters).
    Acronym,
}

impl CaseRule {
    /// The rule a KB phrase imposes.
    pub(crate) fn of(phrase: &str) -> CaseRule {
        let p = strip_article(phrase);
        if p.chars().any(char::is_uppercase) && !p.chars().any(char::is_lowercase) {
            CaseRule::Acronym
        } else if first_letter_upper(p) {
            CaseRule::Capitalised
        } else {
            CaseRule::Any
        }
    }

    fn allows(self, surface: &str) -> bool {
        let s = strip_article(surface);
        let letters = s.chars().filter(|c| c.is_alphabetic()).count();
        let all_caps = letters > 0 && !s.chars().any(char::is_lowercase);
        match self {
            CaseRule::Any => true,
            CaseRule::Capitalised => first_letter_upper(s),
            CaseRule::Acronym => all_caps || (letters > 3 && first_letter_upper(s)),
        }
    }
}

fn strip_article(s: &str) -> &str {
    let t = s.trim_start();
    for a in ["the ", "The ", "THE "] {
        if let Some(rest) = t.strip_prefix(a) {
            return rest.trim_start();
        }
    }
    t
}

fn first_letter_upper(s: &str) -> bool {
    s.chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(char::is_uppercase)
}

/// Collects KB texts in layers, then validates and indexes them.
#[derive(Debug, Default)]
pub struct KbBuilder {
    /// (layer, kind, file name for messages, text)
    sources: Vec<(usize, Kind, String, String)>,
    layers: usize,
}

impl KbBuilder {
    /// An empty builder.
    pub fn new() -> KbBuilder {
        KbBuilder::default()
    }

    /// Adds the embedded files as one layer.
    pub fn builtin(mut self) -> KbBuilder {
        let layer = self.next_layer();
        for (kind, name, text) in TOP {
            self.sources
                .push((layer, kind, name.to_string(), text.to_string()));
        }
        for (name, text) in PEOPLE {
            self.sources
                .push((layer, Kind::People, name.to_string(), text.to_string()));
        }
        self
    }

    /// Adds a folder as one layer. Its four top files are optional here (an overlay may hold
    /// only `people/`), but `Kb::from_dir` on a folder without `countries.txt` finds no
    /// countries and says so.
    pub fn dir(mut self, path: &Path) -> Result<KbBuilder> {
        if !path.is_dir() {
            let source = std::io::Error::new(std::io::ErrorKind::NotFound, "not a directory");
            return Err(Error::Io {
                path: path.to_path_buf(),
                source,
            });
        }
        let layer = self.next_layer();
        let top = [
            (Kind::Countries, "countries.txt"),
            (Kind::Seats, "seats.txt"),
            (Kind::Igos, "igos.txt"),
            (Kind::Sectors, "sectors.txt"),
        ];
        for (kind, name) in top {
            let p = path.join(name);
            if p.is_file() {
                let text = read_text(&p)?;
                self.sources.push((layer, kind, name.to_string(), text));
            }
        }
        let people = path.join("people");
        if people.is_dir() {
            let rd = std::fs::read_dir(&people).map_err(|source| Error::Io {
                path: people.clone(),
                source,
            })?;
            let mut files = Vec::new();
            for e in rd {
                let e = e.map_err(|source| Error::Io {
                    path: people.clone(),
                    source,
                })?;
                let p = e.path();
                if p.extension().is_some_and(|x| x == "txt") && p.is_file() {
                    files.push(p);
                }
            }
            files.sort();
            for p in files {
                let text = read_text(&p)?;
                let name = format!(
                    "people/{}",
                    p.file_name().unwrap_or_default().to_string_lossy()
                );
                self.sources.push((layer, Kind::People, name, text));
            }
        }
        Ok(self)
    }

    /// Adds one text as its own layer (tests, or KB data held elsewhere).
    pub fn text(mut self, kind: Kind, name: &str, text: &str) -> KbBuilder {
        let layer = self.next_layer();
        self.sources
            .push((layer, kind, name.to_string(), text.to_string()));
        self
    }

    fn next_layer(&mut self) -> usize {
        self.layers += 1;
        self.layers
    }

    /// Parses, validates and indexes. Fails with every problem found, named by file and line.
    pub fn build(self) -> Result<Kb> {
        build::build(self.sources)
    }
}

fn strs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

fn read_text(p: &Path) -> Result<String> {
    let meta = std::fs::metadata(p).map_err(|source| Error::Io {
        path: p.to_path_buf(),
        source,
    })?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(Error::TooLarge {
            path: p.to_path_buf(),
            size: meta.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    let bytes = std::fs::read(p).map_err(|source| Error::Io {
        path: p.to_path_buf(),
        source,
    })?;
    String::from_utf8(bytes).map_err(|_| Error::NotUtf8 {
        path: p.to_path_buf(),
    })
}

mod build;
