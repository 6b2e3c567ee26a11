//! The two event ontologies: CAMEO codes (name, Goldstein score, quad class) and the CAMEO to
//! PLOVER conversion (event type, mode, context). Both tables are plain TSV files in `data/`,
//! embedded at compile time so the coder needs no files at run time.

use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

use crate::error::{Error, Result};

const CAMEO_TSV: &str = include_str!("../data/cameo.tsv");
const PLOVER_TSV: &str = include_str!("../data/cameo_plover.tsv");

/// A CAMEO event code: 2 digits (root), 3 digits or 4 digits. Stored inline so it is `Copy`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CameoCode {
    digits: [u8; 4],
    len: u8,
}

impl CameoCode {
    /// Parses "04", "042" or "0421"; anything else (letters, other lengths) is `None`.
    pub fn parse(s: &str) -> Option<CameoCode> {
        let b = s.as_bytes();
        if !(2..=4).contains(&b.len()) || !b.iter().all(u8::is_ascii_digit) {
            return None;
        }
        let mut digits = [0u8; 4];
        digits[..b.len()].copy_from_slice(b);
        Some(CameoCode {
            digits,
            len: b.len() as u8,
        })
    }

    /// The code as text, e.g. "0232".
    pub fn as_str(&self) -> &str {
        // Only ASCII digits are ever stored (checked in `parse`).
        std::str::from_utf8(&self.digits[..self.len as usize]).unwrap_or("")
    }

    /// The two-digit root category ("02" for "0232").
    pub fn root(&self) -> CameoCode {
        CameoCode {
            digits: [self.digits[0], self.digits[1], 0, 0],
            len: 2,
        }
    }

    /// The code one level up ("023" for "0232", "02" for "023"); a root has no parent.
    pub fn parent(&self) -> Option<CameoCode> {
        (self.len > 2).then(|| CameoCode {
            digits: {
                let mut d = self.digits;
                d[self.len as usize - 1] = 0;
                d
            },
            len: self.len - 1,
        })
    }

    /// Number of digits (2, 3 or 4).
    pub fn level(&self) -> usize {
        self.len as usize
    }
}

impl fmt::Debug for CameoCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CameoCode({})", self.as_str())
    }
}

impl fmt::Display for CameoCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// CAMEO quad class, in the Phoenix convention (01-02 neutral; see `data/README.md`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum QuadClass {
    /// 01 statements and 02 appeals.
    Neutral = 0,
    /// 03-05.
    VerbalCooperation = 1,
    /// 06-08.
    MaterialCooperation = 2,
    /// 09-13 and 16.
    VerbalConflict = 3,
    /// 14, 15 and 17-20.
    MaterialConflict = 4,
}

impl QuadClass {
    fn from_digit(s: &str) -> Option<QuadClass> {
        Some(match s {
            "0" => QuadClass::Neutral,
            "1" => QuadClass::VerbalCooperation,
            "2" => QuadClass::MaterialCooperation,
            "3" => QuadClass::VerbalConflict,
            "4" => QuadClass::MaterialConflict,
            _ => return None,
        })
    }
}

macro_rules! str_enum {
    ($(#[$m:meta])* $name:ident { $($var:ident = $s:literal),* $(,)? }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[allow(missing_docs)]
        pub enum $name { $($var),* }
        impl $name {
            /// Parses the name used in the PLOVER codebook.
            pub fn parse(s: &str) -> Option<$name> {
                match s { $($s => Some($name::$var),)* _ => None }
            }
            /// The PLOVER codebook name.
            pub fn as_str(&self) -> &'static str {
                match self { $($name::$var => $s),* }
            }
        }
    };
}

str_enum!(
    /// PLOVER event type (PLOVER 2021 has 16 types; CAMEO 01x statements map to none).
    PloverType {
        Agree = "AGREE", Consult = "CONSULT", Support = "SUPPORT", Cooperate = "COOPERATE",
        Aid = "AID", Concede = "CONCEDE", Retreat = "RETREAT", Accuse = "ACCUSE",
        Request = "REQUEST", Reject = "REJECT", Threaten = "THREATEN", Protest = "PROTEST",
        Mobilize = "MOBILIZE", Sanction = "SANCTION", Coerce = "COERCE", Assault = "ASSAULT",
    }
);

str_enum!(
    /// PLOVER mode: how the event was carried out (the modes used by the CAMEO conversion).
    PloverMode {
        Phone = "phone", Visit = "visit", ThirdParty = "third-party", Release = "release",
        Return = "return", Ease = "ease", Access = "access", Disarm = "disarm",
        Ceasefire = "ceasefire", Withdraw = "withdraw", Investigate = "investigate",
        Assist = "assist", Change = "change", Yield = "yield", Meet = "meet",
        Disapprove = "disapprove", Allege = "allege", Relations = "relations",
        Restrict = "restrict", Ban = "ban", Political = "political", Expel = "expel",
        Violence = "violence", Territory = "territory", Demo = "demo", Hunger = "hunger",
        Boycott = "boycott", Obstruct = "obstruct", Riot = "riot", Police = "police",
        Troops = "troops", Discontinue = "discontinue", Seize = "seize", Curfew = "curfew",
        MartialLaw = "martial-law", Arrest = "arrest", Deport = "deport", Abduct = "abduct",
        Beat = "beat", Sexual = "sexual", Torture = "torture", SuicideAttack = "suicide-attack",
        Explosives = "explosives", Assassinate = "assassinate", ProAutocracy = "pro_autocracy",
        Firearms = "firearms", HeavyWeapons = "heavy-weapons", Massacre = "massacre",
        Cleansing = "cleansing", Unconventional = "unconventional",
    }
);

/// One row of `cameo.tsv`.
#[derive(Clone, Debug, PartialEq)]
pub struct CameoEntry {
    /// The code.
    pub code: CameoCode,
    /// Short CAMEO name.
    pub name: &'static str,
    /// Goldstein score as published; `None` where the scale gives none.
    pub goldstein: Option<f32>,
    /// Quad class.
    pub quad: QuadClass,
}

/// One row of `cameo_plover.tsv`: the PLOVER reading of a CAMEO code.
#[derive(Clone, Debug, PartialEq)]
pub struct PloverEntry {
    /// Event type; `None` for codes PLOVER does not keep (01x statements).
    pub event_type: Option<PloverType>,
    /// Mode, when the conversion gives one.
    pub mode: Option<PloverMode>,
    /// Contexts ("military", "economic", ...), an open set in PLOVER, so kept as text.
    pub context: Vec<&'static str>,
}

/// Both tables, indexed by code.
#[derive(Debug)]
pub struct Ontology {
    cameo: Vec<CameoEntry>,
    by_code: HashMap<CameoCode, usize>,
    plover: HashMap<CameoCode, PloverEntry>,
}

fn data_lines(text: &'static str) -> impl Iterator<Item = (usize, Vec<&'static str>)> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| (i + 1, l.split('\t').collect()))
}

impl Ontology {
    /// The tables embedded in the crate, parsed once.
    pub fn embedded() -> &'static Ontology {
        static ONT: OnceLock<Ontology> = OnceLock::new();
        // The embedded files are checked by the crate's tests, so a failure here is a build bug.
        ONT.get_or_init(|| Ontology::parse(CAMEO_TSV, PLOVER_TSV).expect("embedded tables parse"))
    }

    /// Parses the two TSV tables (formats documented in `data/README.md`).
    pub fn parse(cameo_tsv: &'static str, plover_tsv: &'static str) -> Result<Ontology> {
        let bad = |table: &'static str, line: usize, what: &str| Error::Table {
            table,
            line,
            message: what.to_string(),
        };
        let mut cameo = Vec::new();
        let mut by_code = HashMap::new();
        for (line, f) in data_lines(cameo_tsv) {
            if f.len() != 4 {
                return Err(bad("cameo.tsv", line, "expected 4 tab-separated fields"));
            }
            let code = CameoCode::parse(f[0]).ok_or_else(|| bad("cameo.tsv", line, "bad code"))?;
            let goldstein = match f[2] {
                "" => None,
                g => Some(
                    g.parse()
                        .map_err(|_| bad("cameo.tsv", line, "bad goldstein"))?,
                ),
            };
            let quad =
                QuadClass::from_digit(f[3]).ok_or_else(|| bad("cameo.tsv", line, "bad quad"))?;
            if by_code.insert(code, cameo.len()).is_some() {
                return Err(bad("cameo.tsv", line, "duplicate code"));
            }
            cameo.push(CameoEntry {
                code,
                name: f[1],
                goldstein,
                quad,
            });
        }
        let mut plover = HashMap::new();
        for (line, f) in data_lines(plover_tsv) {
            if f.len() != 4 {
                return Err(bad("cameo_plover.tsv", line, "expected 4 fields"));
            }
            let code =
                CameoCode::parse(f[0]).ok_or_else(|| bad("cameo_plover.tsv", line, "bad code"))?;
            if !by_code.contains_key(&code) {
                return Err(bad("cameo_plover.tsv", line, "code not in cameo.tsv"));
            }
            let event_type = match f[1] {
                "-" => None,
                t => Some(
                    PloverType::parse(t)
                        .ok_or_else(|| bad("cameo_plover.tsv", line, "bad type"))?,
                ),
            };
            let mode = match f[2] {
                "" => None,
                m => Some(
                    PloverMode::parse(m)
                        .ok_or_else(|| bad("cameo_plover.tsv", line, "bad mode"))?,
                ),
            };
            let context = f[3].split(';').filter(|c| !c.is_empty()).collect();
            let entry = PloverEntry {
                event_type,
                mode,
                context,
            };
            if plover.insert(code, entry).is_some() {
                return Err(bad("cameo_plover.tsv", line, "duplicate code"));
            }
        }
        Ok(Ontology {
            cameo,
            by_code,
            plover,
        })
    }

    /// Every CAMEO entry in file order.
    pub fn cameo(&self) -> &[CameoEntry] {
        &self.cameo
    }

    /// The entry for `code`, if it is a CAMEO code.
    pub fn get(&self, code: CameoCode) -> Option<&CameoEntry> {
        self.by_code.get(&code).map(|&i| &self.cameo[i])
    }

    /// Goldstein score of `code`, falling back to the nearest ancestor that has one (the scale
    /// leaves a few sub-codes unscored; their parent's score is the closest published value).
    pub fn goldstein(&self, code: CameoCode) -> Option<f32> {
        let mut c = Some(code);
        while let Some(cc) = c {
            if let Some(g) = self.get(cc).and_then(|e| e.goldstein) {
                return Some(g);
            }
            c = cc.parent();
        }
        None
    }

    /// The PLOVER reading of `code`.
    pub fn plover(&self, code: CameoCode) -> Option<&PloverEntry> {
        self.plover.get(&code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cameo_code_parse_and_parent() {
        let c = CameoCode::parse("0232").unwrap();
        assert_eq!(c.as_str(), "0232");
        assert_eq!(c.root().as_str(), "02");
        assert_eq!(c.parent().unwrap().as_str(), "023");
        assert_eq!(c.root().parent(), None);
        assert_eq!(CameoCode::parse("2"), None);
        assert_eq!(CameoCode::parse("02a"), None);
        assert_eq!(CameoCode::parse("02321"), None);
    }

    #[test]
    fn ontology_embedded_lookups() {
        let o = Ontology::embedded();
        let c = CameoCode::parse("042").unwrap();
        assert_eq!(o.get(c).unwrap().name, "Make a visit");
        assert_eq!(o.get(c).unwrap().quad, QuadClass::VerbalCooperation);
        let p = o.plover(c).unwrap();
        assert_eq!(p.event_type, Some(PloverType::Consult));
        assert_eq!(p.mode, Some(PloverMode::Visit));
        // 019 has no published score: the root's is used.
        assert_eq!(o.goldstein(CameoCode::parse("019").unwrap()), Some(0.0));
        assert_eq!(
            o.plover(CameoCode::parse("010").unwrap())
                .unwrap()
                .event_type,
            None
        );
    }

    #[test]
    fn ontology_every_code_has_plover_row_and_a_root() {
        let o = Ontology::embedded();
        for e in o.cameo() {
            assert!(o.plover(e.code).is_some(), "{} lacks a PLOVER row", e.code);
            assert!(o.get(e.code.root()).is_some(), "{} lacks its root", e.code);
            assert!(o.goldstein(e.code).is_some(), "{} has no score", e.code);
        }
        assert_eq!(o.cameo().iter().filter(|e| e.code.level() == 2).count(), 20);
    }

    #[test]
    fn ontology_rejects_malformed_rows() {
        assert!(Ontology::parse("01\tX\t0.0\n", "").is_err());
        assert!(Ontology::parse("01\tX\tzero\t0\n", "").is_err());
        assert!(Ontology::parse("01\tX\t0.0\t0\n", "02\tREQUEST\t\t\n").is_err());
        assert!(Ontology::parse("01\tX\t0.0\t0\n", "01\tSTATE\t\t\n").is_err());
        assert!(Ontology::parse("01\tX\t0.0\t0\n", "01\t-\t\t\n").is_ok());
    }
}
