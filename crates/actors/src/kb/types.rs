//! The typed records of the knowledge base, one per line (or block) of the text files.

use std::fmt;

/// A country or territory (`countries.txt`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Country {
    /// ISO 3166-1 alpha-3 / CAMEO code (`PRK`); Kosovo is `KSV`, CAMEO's code.
    pub code: String,
    /// Names and short forms; the first is canonical.
    pub names: Vec<String>,
    /// Adjectives and demonyms, singular and plural ("North Korean", "North Koreans").
    pub adjectives: Vec<String>,
    /// Capitals, used as metonyms for the government ("Pyongyang said").
    pub capitals: Vec<String>,
    /// For a dependent territory, the code of the state that CAMEO and PLOVER fold it into
    /// (`PRI` -> `USA`); `None` for independent states.
    pub parent: Option<String>,
}

/// A metonym of power (`seats.txt`): "the Kremlin" -> RUS GOV.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seat {
    /// The phrase as written in the file.
    pub phrase: String,
    /// Country (or IGO) code.
    pub code: String,
    /// CAMEO sector codes, e.g. `["GOV"]` or `["GOV", "MIL"]`.
    pub sectors: Vec<String>,
}

/// An international or regional organisation (`igos.txt`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Igo {
    /// CAMEO code, e.g. `IGONAT` for NATO, `IGOUNOIAE` for the IAEA.
    pub code: String,
    /// Names and acronyms; the first is canonical.
    pub names: Vec<String>,
}

impl Igo {
    /// The PLOVER actor "country" for this organisation: PLOVER keeps only the UN (`UNO`)
    /// and the EU (`EUR`) apart and folds every other organisation into `IGO`.
    pub fn plover_country(&self) -> &'static str {
        if self.code.starts_with("IGOUNO") {
            "UNO"
        } else if self.code.starts_with("IGOEEC") {
            "EUR"
        } else {
            "IGO"
        }
    }
}

/// Which sector vocabulary a code belongs to. The two are kept apart because the same
/// three letters mean different things: MED is media in CAMEO and health in PLOVER.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Namespace {
    /// CAMEO agent codes (manual 1.1b3, table "Generic Domestic Role Codes").
    Cameo,
    /// PLOVER sector codes (PLOVER manual, "Sector Codes").
    Plover,
}

impl Namespace {
    /// `cameo` or `plover`, as written in `sectors.txt`.
    pub fn as_str(self) -> &'static str {
        match self {
            Namespace::Cameo => "cameo",
            Namespace::Plover => "plover",
        }
    }

    /// The codes this namespace allows.
    pub fn codes(self) -> &'static [&'static str] {
        match self {
            Namespace::Cameo => CAMEO_SECTORS,
            Namespace::Plover => PLOVER_SECTORS,
        }
    }
}

/// CAMEO role codes: primary, secondary, tertiary, PTY, plus the generic international
/// codes that the sector vocabulary also signals ("aid workers" -> NGO).
pub const CAMEO_SECTORS: &[&str] = &[
    "COP", "GOV", "INS", "JUD", "MIL", "OPP", "REB", "SEP", "SPY", "UAF", "AGR", "BUS", "CRM",
    "CVL", "DEV", "EDU", "ELI", "ENV", "HLH", "HRI", "LAB", "LEG", "MED", "REF", "MOD", "RAD",
    "PTY", "IGO", "IMG", "INT", "MNC", "NGM", "NGO", "UIS",
];

/// CAMEO's generic international actor codes, which stand where a country code would
/// ("IMG" for a transnational militarized group such as al-Qaeda; manual table
/// "International/Transnational Generic Codes"). People and seats may use them as their
/// country.
pub const GENERIC_ACTOR_CODES: &[&str] = &["IGO", "IMG", "INT", "MNC", "NGM", "NGO", "UIS"];

/// PLOVER sector codes.
pub const PLOVER_SECTORS: &[&str] = &[
    "COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK", "AGR", "BUS",
    "CRM", "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC",
];

/// The role words of one sector in one namespace (`sectors.txt`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sector {
    /// CAMEO or PLOVER.
    pub namespace: Namespace,
    /// The three-letter code.
    pub code: String,
    /// English words and phrases that signal the sector ("defence minister", "troops").
    pub words: Vec<String>,
}

/// A person's gender, when the KB records it (used for pronoun coreference).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    /// `gender=m`
    Male,
    /// `gender=f`
    Female,
}

/// The closed set of role kinds a person block may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RoleKind {
    /// Head of state (president, monarch).
    HeadOfState,
    /// Head of government (prime minister, chancellor).
    HeadOfGovernment,
    /// Foreign minister / secretary of state.
    ForeignMinister,
    /// Defence minister.
    DefenceMinister,
    /// Spokesperson of a government or organisation.
    Spokesperson,
    /// Any other official.
    Official,
    /// Leader of an armed group.
    RebelLeader,
    /// Leader of the opposition.
    OppositionLeader,
    /// Leader of a party.
    PartyLeader,
    /// Chief of the armed forces.
    MilitaryChief,
    /// Head of an international organisation (the country field holds the IGO code).
    IgoHead,
}

impl RoleKind {
    /// Every kind with its spelling in the files.
    pub const ALL: [(RoleKind, &'static str); 11] = [
        (RoleKind::HeadOfState, "head_of_state"),
        (RoleKind::HeadOfGovernment, "head_of_government"),
        (RoleKind::ForeignMinister, "foreign_minister"),
        (RoleKind::DefenceMinister, "defence_minister"),
        (RoleKind::Spokesperson, "spokesperson"),
        (RoleKind::Official, "official"),
        (RoleKind::RebelLeader, "rebel_leader"),
        (RoleKind::OppositionLeader, "opposition_leader"),
        (RoleKind::PartyLeader, "party_leader"),
        (RoleKind::MilitaryChief, "military_chief"),
        (RoleKind::IgoHead, "igo_head"),
    ];

    /// Parses the file spelling.
    pub fn parse(s: &str) -> Option<RoleKind> {
        RoleKind::ALL.iter().find(|(_, n)| *n == s).map(|(k, _)| *k)
    }

    /// The file spelling.
    pub fn as_str(self) -> &'static str {
        RoleKind::ALL
            .iter()
            .find(|(k, _)| *k == self)
            .map(|(_, n)| *n)
            .unwrap_or("official")
    }
}

/// A calendar date that may be known only to the month or the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    /// Year.
    pub year: i32,
    /// Month 1-12, when known.
    pub month: Option<u8>,
    /// Day 1-31, when known (only with a month).
    pub day: Option<u8>,
}

impl PartialDate {
    /// A full date.
    pub fn ymd(year: i32, month: u8, day: u8) -> PartialDate {
        PartialDate {
            year,
            month: Some(month),
            day: Some(day),
        }
    }

    /// Parses `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; `None` for anything else, including
    /// impossible months and days.
    pub fn parse(s: &str) -> Option<PartialDate> {
        let mut parts = s.split('-');
        let year = parts.next()?;
        if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let year: i32 = year.parse().ok()?;
        let num = |p: &str| -> Option<u8> {
            if p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()) {
                p.parse().ok()
            } else {
                None
            }
        };
        let month = match parts.next() {
            None => None,
            Some(m) => Some(num(m).filter(|m| (1..=12).contains(m))?),
        };
        let day = match parts.next() {
            None => None,
            Some(d) => {
                let d = num(d)?;
                if d < 1 || d > days_in_month(year, month?) {
                    return None;
                }
                Some(d)
            }
        };
        if parts.next().is_some() {
            return None;
        }
        Some(PartialDate { year, month, day })
    }

    /// The first day this date can mean, as a sortable key (y, m, d).
    pub fn earliest(self) -> (i32, u8, u8) {
        (self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The last day this date can mean: "2008" ends on 2008-12-31, "2008-02" on the 29th.
    pub fn latest(self) -> (i32, u8, u8) {
        let m = self.month.unwrap_or(12);
        (
            self.year,
            m,
            self.day.unwrap_or(days_in_month(self.year, m)),
        )
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// One dated role of a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    /// Country code, or the IGO code for `igo_head`.
    pub country: String,
    /// CAMEO sector codes (`GOV`, `GOV,MIL`).
    pub sectors: Vec<String>,
    /// What the role is.
    pub role: RoleKind,
    /// When it began.
    pub start: PartialDate,
    /// When it ended; `None` means still held.
    pub end: Option<PartialDate>,
}

impl Role {
    /// Whether the role was held at any time within `date` (a partial date is a range:
    /// "2012" asks about any day of 2012).
    pub fn active_at(&self, date: PartialDate) -> bool {
        let starts_before_query_ends = self.start.earliest() <= date.latest();
        let ends_after_query_starts = match self.end {
            None => true,
            Some(end) => end.latest() >= date.earliest(),
        };
        starts_before_query_ends && ends_after_query_starts
    }
}

/// A person with name variants and dated roles (`people/*.txt`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// Name variants; the first is canonical.
    pub names: Vec<String>,
    /// Gender when recorded.
    pub gender: Option<Gender>,
    /// Roles in file order.
    pub roles: Vec<Role>,
}

impl Person {
    /// Every role held at `date`, most senior kind first, then the most recent start.
    pub fn roles_at(&self, date: PartialDate) -> Vec<&Role> {
        let mut v: Vec<&Role> = self.roles.iter().filter(|r| r.active_at(date)).collect();
        v.sort_by(|a, b| {
            a.role
                .cmp(&b.role)
                .then(b.start.earliest().cmp(&a.start.earliest()))
        });
        v
    }

    /// The role to code this person with at `date`: the most senior role held then. On a
    /// hand-over day both the outgoing and incoming roles match; seniority then the later
    /// start decide, so the new office wins.
    pub fn role_at(&self, date: PartialDate) -> Option<&Role> {
        self.roles_at(date).into_iter().next()
    }

    /// The most recent role that ended before `date`, for coding former officials (CAMEO
    /// ELI) when no role is active.
    pub fn last_role_before(&self, date: PartialDate) -> Option<&Role> {
        self.roles
            .iter()
            .filter(|r| r.end.is_some_and(|e| e.latest() < date.earliest()))
            .max_by_key(|r| r.end.map(|e| e.latest()))
    }
}
