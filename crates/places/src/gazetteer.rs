//! Loading the gazetteer file and building the name index.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::io::Read;

use crate::error::{Error, Result};
use crate::norm::{normalize_append, normalize_into};

/// Decompressed size accepted from a gazetteer file. The shipped one is ~3 MB; a generous
/// cap keeps a `--gazetteer PATH` pointing at the wrong file from eating memory.
const MAX_DECOMPRESSED: u64 = 256 << 20;

/// Words in the longest name [`Gazetteer::longest_prefix`] tries ("Bandar Seri Begawan",
/// "Saint Vincent and the Grenadines" is six).
pub const MAX_NAME_WORDS: usize = 6;

/// Queries longer than this cannot be place names; refusing them bounds normalisation time.
pub(crate) const MAX_QUERY_BYTES: usize = 256;

/// Country names news uses that the package's countries.json does not carry (it has one
/// name per country). Written for this project; each maps to an ISO 3166-1 alpha-3 code.
const COUNTRY_ALIASES: &[(&str, &str)] = &[
    ("U.S.", "USA"),
    ("USA", "USA"),
    ("U.S.A.", "USA"),
    ("United States of America", "USA"),
    ("UK", "GBR"),
    ("U.K.", "GBR"),
    ("Britain", "GBR"),
    ("Great Britain", "GBR"),
    ("Russian Federation", "RUS"),
    ("DPRK", "PRK"),
    ("Democratic People's Republic of Korea", "PRK"),
    ("Republic of Korea", "KOR"),
    ("ROK", "KOR"),
    ("Netherlands", "NLD"),
    ("Czech Republic", "CZE"),
    ("Burma", "MMR"),
    ("Côte d'Ivoire", "CIV"),
    ("UAE", "ARE"),
    ("DRC", "COD"),
    ("DR Congo", "COD"),
    ("Congo-Kinshasa", "COD"),
    ("Congo-Brazzaville", "COG"),
    ("Palestine", "PSE"),
    ("Palestinian Territories", "PSE"),
    ("East Timor", "TLS"),
    ("Timor-Leste", "TLS"),
    ("Cape Verde", "CPV"),
    ("Swaziland", "SWZ"),
    ("Macedonia", "MKD"),
    ("Türkiye", "TUR"),
    ("Vatican City", "VAT"),
    ("Holy See", "VAT"),
];

/// What a candidate points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Kind {
    City,
    Region,
    Country,
}

/// One entry a name can refer to, as returned by [`Gazetteer::candidates`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Candidate {
    pub(crate) kind: Kind,
    pub(crate) idx: u32,
    /// The name matched one of the entry's alternate names (exonym, former name,
    /// transliteration), not its main name.
    pub alternate: bool,
    /// For an alternate-name match, how much of the matched name's key agrees with the
    /// entry's main-name key (shared prefix over the longer length, 0..=255). Separates
    /// a spelling variant ("Sloviansk" for Slovyansk) from an unrelated alternate that
    /// GeoNames also lists elsewhere (Nikopol carries "Slov'iansk").
    pub(crate) likeness: u8,
}

pub(crate) struct City {
    pub id: u32,
    pub name: Box<str>,
    pub lat: f64,
    pub lon: f64,
    /// Index into `countries`, or `None` for a code countries.json lacks.
    pub country: Option<u16>,
    pub admin1: Box<str>,
    /// Index into `regions` when the package names this admin1 (US states only).
    pub region: Option<u16>,
    pub capital: bool,
    pub population: u64,
    /// The population and capital part of the resolver's score, computed once at load so
    /// ranking a candidate costs no logarithm.
    pub rank: f32,
}

pub(crate) struct Region {
    pub id: u32,
    pub name: Box<str>,
    pub code: Box<str>,
    pub country: Option<u16>,
}

pub(crate) struct Country {
    pub id: u32,
    pub iso2: Box<str>,
    pub iso3: Box<str>,
    pub name: Box<str>,
    pub population: u64,
}

/// A small multiply-rotate hasher: keys are our own gazetteer names, not attacker-chosen,
/// so SipHash's flooding protection buys nothing and costs a third of the lookup time.
#[derive(Default, Clone, Copy)]
pub(crate) struct FastHasher(u64);

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

/// The loaded gazetteer: cities, US states and countries, and a normalised-name index.
pub struct Gazetteer {
    pub(crate) cities: Vec<City>,
    pub(crate) regions: Vec<Region>,
    pub(crate) countries: Vec<Country>,
    /// Normalised name -> range in `cands`.
    pub(crate) index: FastMap<Box<str>, (u32, u32)>,
    pub(crate) cands: Vec<Candidate>,
    pub(crate) by_iso3: FastMap<Box<str>, u16>,
    pub(crate) by_geonameid: FastMap<u32, u32>,
    /// The header line of the file, which names the source package and its hash.
    pub source: String,
}

/// Shared-prefix length of two keys over the longer one, scaled to 0..=255.
fn likeness(a: &str, b: &str) -> u8 {
    let common = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    let longer = a.len().max(b.len()).max(1);
    (common * 255 / longer) as u8
}

fn field<'a>(cols: &[&'a str], i: usize, line: usize) -> Result<&'a str> {
    cols.get(i).copied().ok_or(Error::Row {
        line,
        what: "too few columns",
    })
}

fn num<T: std::str::FromStr>(s: &str, line: usize, what: &'static str) -> Result<T> {
    s.parse().map_err(|_| Error::Row { line, what })
}

impl Gazetteer {
    /// Loads a gzip'd gazetteer in the format `tools/gazetteer/build.sh` writes.
    pub fn from_gz(bytes: &[u8]) -> Result<Gazetteer> {
        let mut text = String::new();
        let mut dec = flate2::read::GzDecoder::new(bytes).take(MAX_DECOMPRESSED + 1);
        dec.read_to_string(&mut text)
            .map_err(|source| Error::Decompress { source })?;
        if text.len() as u64 > MAX_DECOMPRESSED {
            return Err(Error::TooLarge {
                limit: MAX_DECOMPRESSED,
            });
        }
        Gazetteer::from_tsv(&text)
    }

    /// Loads the decompressed text form.
    pub fn from_tsv(text: &str) -> Result<Gazetteer> {
        let mut lines = text.lines();
        let header = lines.next().unwrap_or("");
        if !header.starts_with("#sitrep-gazetteer v1") {
            return Err(Error::Header);
        }
        let mut g = Gazetteer {
            cities: Vec::new(),
            regions: Vec::new(),
            countries: Vec::new(),
            index: FastMap::default(),
            cands: Vec::new(),
            by_iso3: FastMap::default(),
            by_geonameid: FastMap::default(),
            source: header.trim_start_matches('#').to_string(),
        };
        let mut by_iso2: FastMap<Box<str>, u16> = FastMap::default();
        let mut capitals: Vec<u32> = Vec::new();
        // (key, candidate) pairs, grouped into the index once all rows are read.
        let mut keyed: Vec<(Box<str>, Candidate)> = Vec::new();
        let mut key = String::new();
        let mut push_key = |keyed: &mut Vec<(Box<str>, Candidate)>, name: &str, c: Candidate| {
            normalize_into(name, &mut key);
            if !key.is_empty() {
                keyed.push((key.as_str().into(), c));
            }
        };
        let mut main_key = String::new();
        for (i, line) in lines.enumerate() {
            let ln = i + 2;
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            match cols[0] {
                "C" => {
                    if g.countries.len() >= u16::MAX as usize {
                        return Err(Error::Row {
                            line: ln,
                            what: "too many countries",
                        });
                    }
                    let idx = g.countries.len() as u16;
                    let c = Country {
                        iso2: field(&cols, 1, ln)?.into(),
                        iso3: field(&cols, 2, ln)?.into(),
                        id: num(field(&cols, 3, ln)?, ln, "bad country geonameid")?,
                        name: field(&cols, 4, ln)?.into(),
                        population: num(field(&cols, 6, ln)?, ln, "bad population")?,
                    };
                    let cap = field(&cols, 5, ln)?;
                    if !cap.is_empty() {
                        capitals.push(num(cap, ln, "bad capital geonameid")?);
                    }
                    let cand = Candidate {
                        kind: Kind::Country,
                        idx: idx.into(),
                        alternate: false,
                        likeness: 255,
                    };
                    push_key(&mut keyed, &c.name, cand);
                    by_iso2.insert(c.iso2.clone(), idx);
                    g.by_iso3.insert(c.iso3.clone(), idx);
                    g.countries.push(c);
                }
                "R" => {
                    let idx = g.regions.len() as u32;
                    let r = Region {
                        country: by_iso2.get(field(&cols, 1, ln)?).copied(),
                        code: field(&cols, 2, ln)?.into(),
                        id: num(field(&cols, 3, ln)?, ln, "bad region geonameid")?,
                        name: field(&cols, 4, ln)?.into(),
                    };
                    let cand = Candidate {
                        kind: Kind::Region,
                        idx,
                        alternate: false,
                        likeness: 255,
                    };
                    push_key(&mut keyed, &r.name, cand);
                    g.regions.push(r);
                }
                "P" => {
                    let idx = g.cities.len() as u32;
                    let country = by_iso2.get(field(&cols, 5, ln)?).copied();
                    let admin1 = field(&cols, 6, ln)?;
                    let region = g
                        .regions
                        .iter()
                        .position(|r| r.country == country && &*r.code == admin1)
                        .map(|p| p as u16);
                    let mut c = City {
                        id: num(field(&cols, 1, ln)?, ln, "bad geonameid")?,
                        name: field(&cols, 2, ln)?.into(),
                        lat: num(field(&cols, 3, ln)?, ln, "bad latitude")?,
                        lon: num(field(&cols, 4, ln)?, ln, "bad longitude")?,
                        country,
                        admin1: admin1.into(),
                        region,
                        capital: field(&cols, 7, ln)? == "PPLC",
                        population: num(field(&cols, 8, ln)?, ln, "bad population")?,
                        rank: 0.0,
                    };
                    c.rank = crate::resolve::city_rank(c.population, c.capital);
                    if !(-90.0..=90.0).contains(&c.lat) || !(-180.0..=180.0).contains(&c.lon) {
                        return Err(Error::Row {
                            line: ln,
                            what: "coordinates out of range",
                        });
                    }
                    let main = Candidate {
                        kind: Kind::City,
                        idx,
                        alternate: false,
                        likeness: 255,
                    };
                    push_key(&mut keyed, &c.name, main);
                    normalize_into(&c.name, &mut main_key);
                    let mut alt_key = String::new();
                    for a in field(&cols, 9, ln)?.split('|').filter(|a| !a.is_empty()) {
                        normalize_into(a, &mut alt_key);
                        let alt = Candidate {
                            alternate: true,
                            likeness: likeness(&alt_key, &main_key),
                            ..main
                        };
                        push_key(&mut keyed, a, alt);
                    }
                    g.by_geonameid.insert(c.id, idx);
                    g.cities.push(c);
                }
                _ => {
                    return Err(Error::Row {
                        line: ln,
                        what: "unknown record type",
                    })
                }
            }
        }
        for (alias, iso3) in COUNTRY_ALIASES {
            if let Some(&idx) = g.by_iso3.get(*iso3) {
                let cand = Candidate {
                    kind: Kind::Country,
                    idx: idx.into(),
                    alternate: true,
                    likeness: 0,
                };
                push_key(&mut keyed, alias, cand);
            }
        }
        for id in capitals {
            if let Some(&i) = g.by_geonameid.get(&id) {
                let c = &mut g.cities[i as usize];
                c.capital = true;
                c.rank = crate::resolve::city_rank(c.population, true);
            }
        }
        g.build_index(keyed);
        Ok(g)
    }

    fn build_index(&mut self, mut keyed: Vec<(Box<str>, Candidate)>) {
        // Sorting puts a main-name candidate (alternate = false) before the same entry's
        // alternate-name candidate, so dedup keeps the stronger match.
        keyed.sort_unstable();
        keyed.dedup_by(|b, a| a.0 == b.0 && a.1.kind == b.1.kind && a.1.idx == b.1.idx);
        self.cands.reserve_exact(keyed.len());
        let distinct = 1 + keyed.windows(2).filter(|w| w[0].0 != w[1].0).count();
        self.index.reserve(distinct);
        let mut i = 0;
        while i < keyed.len() {
            let start = self.cands.len() as u32;
            let mut j = i;
            while j < keyed.len() && keyed[j].0 == keyed[i].0 {
                self.cands.push(keyed[j].1);
                j += 1;
            }
            let k = std::mem::take(&mut keyed[i].0);
            self.index.insert(k, (start, (j - i) as u32));
            i = j;
        }
    }

    /// All entries `name` can refer to (normalised match on main or alternate names), in
    /// no particular order. Allocation-free apart from the key buffer; empty when unknown.
    pub fn candidates(&self, name: &str) -> &[Candidate] {
        if name.len() > MAX_QUERY_BYTES {
            return &[];
        }
        let mut key = String::with_capacity(name.len() + 8);
        normalize_into(name, &mut key);
        self.candidates_for_key(&key)
    }

    /// Like [`Gazetteer::candidates`] for an already-normalised key (see
    /// [`crate::normalize`]), for callers that probe many spans and reuse one buffer.
    pub fn candidates_for_key(&self, key: &str) -> &[Candidate] {
        match self.index.get(key) {
            Some(&(s, n)) => &self.cands[s as usize..(s + n) as usize],
            None => &[],
        }
    }

    /// The longest run of `words`, from the first, that names an entry (at most
    /// [`MAX_NAME_WORDS`] words): how many words it spans and its candidates. `key` is
    /// scratch space the caller reuses across calls, so probing allocates nothing.
    pub fn longest_prefix<'g>(
        &'g self,
        words: &[&str],
        key: &mut String,
    ) -> Option<(usize, &'g [Candidate])> {
        key.clear();
        let mut best = None;
        for (n, w) in words.iter().take(MAX_NAME_WORDS).enumerate() {
            if key.len() + w.len() > MAX_QUERY_BYTES {
                break;
            }
            normalize_append(w, key);
            let c = self.candidates_for_key(key);
            if !c.is_empty() {
                best = Some((n + 1, c));
            }
        }
        best
    }

    /// Number of distinct normalised names in the index.
    pub fn name_count(&self) -> usize {
        self.index.len()
    }

    /// Number of cities, regions and countries loaded.
    pub fn entry_counts(&self) -> (usize, usize, usize) {
        (self.cities.len(), self.regions.len(), self.countries.len())
    }

    /// A rough count of heap bytes held (strings, tables and the index), for reports.
    pub fn heap_bytes(&self) -> usize {
        let strs: usize = self
            .cities
            .iter()
            .map(|c| c.name.len() + c.admin1.len())
            .sum::<usize>()
            + self.index.keys().map(|k| k.len()).sum::<usize>();
        let tables = self.cities.capacity() * std::mem::size_of::<City>()
            + self.cands.capacity() * std::mem::size_of::<Candidate>()
            // hashbrown stores one control byte per bucket next to each slot.
            + self.index.capacity() * (std::mem::size_of::<(Box<str>, (u32, u32))>() + 1)
            + self.by_geonameid.capacity() * (std::mem::size_of::<(u32, u32)>() + 1);
        strs + tables
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Context, Level, Prefer};

    const HEAD: &str = "#sitrep-gazetteer v1\tsource=test\n";

    fn tiny() -> Gazetteer {
        let rows = [
            "C\tAA\tAAA\t1\tAland\t10\t1000",
            "C\tBB\tBBB\t2\tBeeland\t\t2000",
            "R\tBB\tNW\t3\tNorthwest",
            "P\t10\tAlpha\t1.0000\t2.0000\tAA\t01\tPPLC\t50000\tOld Alpha|Gamma",
            "P\t20\tAlpha\t-1.0000\t-2.0000\tBB\tNW\t\t20000\t",
            "P\t30\tGamma\t5.0000\t5.0000\tBB\tNW\t\t100\tBeeland City",
            "P\t40\tDelta\t0.0000\t0.0000\tBB\tXX\t\t100\t",
            "P\t41\tDelta\t0.0000\t0.0000\tBB\tXX\t\t100\t",
        ];
        Gazetteer::from_tsv(&format!("{HEAD}{}\n", rows.join("\n"))).expect("tiny loads")
    }

    fn id(g: &Gazetteer, name: &str, cx: &Context) -> Option<String> {
        g.resolve(name, cx).map(|p| p.gazetteer_id)
    }

    #[test]
    fn resolve_ranks_population_then_context() {
        let g = tiny();
        let none = Context::default();
        assert_eq!(id(&g, "alpha", &none).as_deref(), Some("geonames:10"));
        let bb = Context {
            countries_mentioned: vec!["BBB".into()],
            ..none.clone()
        };
        let p = g.resolve("Alpha", &bb).unwrap();
        assert_eq!(p.gazetteer_id, "geonames:20");
        assert_eq!(p.admin1_name.as_deref(), Some("Northwest"));
        // Equal scores: the lower index wins, whatever the hash order.
        assert_eq!(id(&g, "Delta", &none).as_deref(), Some("geonames:40"));
    }

    #[test]
    fn resolve_alternate_names_and_main_names() {
        let g = tiny();
        let none = Context::default();
        let p = g.resolve("Old Alpha", &none).unwrap();
        assert_eq!(
            (p.gazetteer_id.as_str(), p.matched_alternate),
            ("geonames:10", true)
        );
        assert_eq!(p.feature_code.as_deref(), Some("PPLC"));
        // "Gamma" is city 30's main name but city 10's alternate; 10 is 500 times bigger
        // and a capital, which outweighs the main-name bonus.
        assert_eq!(id(&g, "Gamma", &none).as_deref(), Some("geonames:10"));
        assert_eq!(g.candidates("gamma").len(), 2);
    }

    #[test]
    fn resolve_levels_and_prefer() {
        let g = tiny();
        let c = g.resolve("Beeland", &Context::default()).unwrap();
        assert_eq!(
            (c.level, c.lat, c.country.as_deref()),
            (Level::Country, None, Some("BBB"))
        );
        assert_eq!(c.population, Some(2000));
        let r = g.resolve("Northwest", &Context::default()).unwrap();
        assert_eq!((r.level, r.admin1.as_deref()), (Level::Region, Some("NW")));
        // The country's capital column marks city 10 even though its own row is enough.
        assert_eq!(
            g.by_geonameid(10).unwrap().feature_code.as_deref(),
            Some("PPLC")
        );
        let city = Context {
            prefer: Prefer::City,
            ..Context::default()
        };
        assert_eq!(
            g.resolve("Beeland City", &city).unwrap().gazetteer_id,
            "geonames:30"
        );
        assert_eq!(g.country("AAA").unwrap().name, "Aland");
        assert!(g.country("ZZZ").is_none());
    }

    #[test]
    fn longest_prefix_takes_the_longest_name() {
        let g = tiny();
        let mut key = String::new();
        let (n, c) = g
            .longest_prefix(&["Old", "Alpha", "said"], &mut key)
            .unwrap();
        assert_eq!((n, c.len()), (2, 1));
        let (n, c) = g.longest_prefix(&["Alpha", "Old"], &mut key).unwrap();
        assert_eq!((n, c.len()), (1, 2));
        assert!(g.longest_prefix(&["Old", "Beeland"], &mut key).is_none());
        assert!(g.longest_prefix(&[], &mut key).is_none());
    }

    #[test]
    fn from_tsv_rejects_malformed_files() {
        assert!(matches!(Gazetteer::from_tsv("P\t1"), Err(Error::Header)));
        let bad = |row: &str| Gazetteer::from_tsv(&format!("{HEAD}{row}\n")).err();
        assert!(matches!(bad("P\t1\tX"), Some(Error::Row { line: 2, .. })));
        assert!(matches!(
            bad("Q\t1"),
            Some(Error::Row {
                what: "unknown record type",
                ..
            })
        ));
        let far = "P\t1\tX\t91.0\t0.0\tAA\t\t\t0\t";
        assert!(matches!(
            bad(far),
            Some(Error::Row {
                what: "coordinates out of range",
                ..
            })
        ));
        let nan = "P\t1\tX\tabc\t0.0\tAA\t\t\t0\t";
        assert!(matches!(
            bad(nan),
            Some(Error::Row {
                what: "bad latitude",
                ..
            })
        ));
    }

    #[test]
    fn from_gz_rejects_non_gzip_and_truncated_input() {
        assert!(matches!(
            Gazetteer::from_gz(b"not gzip"),
            Err(Error::Decompress { .. })
        ));
        let cut = &crate::BUILTIN_GZ[..crate::BUILTIN_GZ.len() / 2];
        assert!(matches!(
            Gazetteer::from_gz(cut),
            Err(Error::Decompress { .. })
        ));
    }
}
