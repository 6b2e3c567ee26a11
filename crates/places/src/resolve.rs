//! Choosing one entry for a name, given what the article says.

use serde::Serialize;

use crate::gazetteer::{Candidate, Gazetteer, Kind};

/// How precise a resolved place is. A country or region carries no coordinates: the
/// gazetteer has no centroid for it, and the capital's point is not the country's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// A populated place with a point.
    City,
    /// A first-level administrative division (only US states are named in the data).
    Region,
    /// A country or territory with an ISO 3166-1 code.
    Country,
}

/// Which kind of entry to favour when a name is both (Georgia, Djibouti, New York).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Prefer {
    /// Countries first, then cities and regions by the scores in [`Gazetteer::resolve`].
    #[default]
    Auto,
    /// The caller knows the mention is a settlement ("the city of Djibouti").
    City,
    /// The caller knows the mention is a state or province.
    Region,
    /// The caller knows the mention is a country.
    Country,
}

/// What the article says that helps pick between places of the same name.
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// ISO 3166-1 alpha-3 codes of countries the article mentions (actors, other places).
    pub countries_mentioned: Vec<String>,
    /// Which level to favour.
    pub prefer: Prefer,
}

/// A resolved place.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Place {
    /// The gazetteer's main name ("Kyiv" for a mention of "Kiev").
    pub name: String,
    /// ISO 3166-1 alpha-3 code of the country (for a country, its own code).
    pub country: Option<String>,
    /// First-level division code as GeoNames gives it ("12", "TX").
    pub admin1: Option<String>,
    /// The division's name, where the data has one (US states only).
    pub admin1_name: Option<String>,
    /// Latitude in degrees, for a city only.
    pub lat: Option<f64>,
    /// Longitude in degrees, for a city only.
    pub lon: Option<f64>,
    /// GeoNames feature class: `P` (populated place) or `A` (administrative area).
    pub feature_class: char,
    /// GeoNames feature code where it is known: `PPLC` for capitals, `ADM1` for US
    /// states. The package carries no codes, so other cities and countries have none.
    pub feature_code: Option<String>,
    /// Population from GeoNames, when known and non-zero.
    pub population: Option<u64>,
    /// `geonames:<geonameid>`.
    pub gazetteer_id: String,
    /// How precise this place is.
    pub level: Level,
    /// Matched through an alternate name (exonym, former name) rather than the main one.
    pub matched_alternate: bool,
}

impl Gazetteer {
    /// Every entry `name` may refer to, best first for an empty [`Context`].
    pub fn lookup(&self, name: &str) -> Vec<Place> {
        let mut c = self.candidates(name).to_vec();
        let cx = Context::default();
        c.sort_by(|a, b| {
            self.score(b, &cx)
                .total_cmp(&self.score(a, &cx))
                .then(a.cmp(b))
        });
        c.iter().map(|c| self.place(c)).collect()
    }

    /// The single best entry for `name`, or `None` when the gazetteer does not know it.
    ///
    /// Ranking, strongest first: the level asked for in `cx.prefer`; countries (a bare
    /// "Georgia" in news is the country); a country mentioned in the article; a main-name
    /// match over an alternate-name match (worth a factor of 100 in population); capitals
    /// (a factor of 10); population; and, among alternate-name matches of similar size,
    /// the entry whose main name the query resembles. The weights were set by hand on a
    /// few named examples (see the tests), not fitted to an evaluation set.
    pub fn resolve(&self, name: &str, cx: &Context) -> Option<Place> {
        self.best(self.candidates(name), cx).map(|c| self.place(&c))
    }

    /// [`Gazetteer::resolve`] without building the [`Place`], for hot loops.
    pub fn best(&self, cands: &[Candidate], cx: &Context) -> Option<Candidate> {
        let mut best: Option<(f32, Candidate)> = None;
        for c in cands {
            let s = self.score(c, cx);
            let better = match best {
                None => true,
                // Ties go to the lower index, so the answer never depends on hash order.
                Some((bs, bc)) => s > bs || (s == bs && *c < bc),
            };
            if better {
                best = Some((s, *c));
            }
        }
        best.map(|(_, c)| c)
    }

    fn score(&self, c: &Candidate, cx: &Context) -> f32 {
        let (level, country, mut s) = match c.kind {
            Kind::City => {
                let p = &self.cities[c.idx as usize];
                (Level::City, p.country, p.rank)
            }
            // Regions and countries have no population figure we trust for ranking
            // against cities; they get fixed weights. A region counts as a city of
            // ~300,000 ("Texas" is the state, a bare "Washington" the capital); a country
            // beats any city ("Georgia", "Luxembourg").
            Kind::Region => (Level::Region, self.regions[c.idx as usize].country, 5.5),
            Kind::Country => (Level::Country, Some(c.idx as u16), 20.0),
        };
        if !c.alternate {
            s += 2.0;
        } else {
            // At most a quarter point: breaks near-ties between cities of similar size
            // (within a factor of 1.8), never a clear population difference. At 0.5,
            // "Artemovsk" went to Artyomovsky (RU, 33,700) instead of Bakhmut (80,500).
            s += 0.25 * f32::from(c.likeness) / 255.0;
        }
        if let Some(ci) = country {
            let iso3 = &*self.countries[ci as usize].iso3;
            if cx.countries_mentioned.iter().any(|m| m == iso3) {
                s += 10.0;
            }
        }
        let wanted = match cx.prefer {
            Prefer::Auto => None,
            Prefer::City => Some(Level::City),
            Prefer::Region => Some(Level::Region),
            Prefer::Country => Some(Level::Country),
        };
        if wanted == Some(level) {
            s += 100.0;
        }
        s
    }

    /// Builds the public record for a candidate.
    pub fn place(&self, c: &Candidate) -> Place {
        let iso3 = |i: Option<u16>| i.map(|i| self.countries[i as usize].iso3.to_string());
        match c.kind {
            Kind::City => {
                let p = &self.cities[c.idx as usize];
                Place {
                    name: p.name.to_string(),
                    country: iso3(p.country),
                    admin1: (!p.admin1.is_empty()).then(|| p.admin1.to_string()),
                    admin1_name: p.region.map(|r| self.regions[r as usize].name.to_string()),
                    lat: Some(p.lat),
                    lon: Some(p.lon),
                    feature_class: 'P',
                    feature_code: p.capital.then(|| "PPLC".to_string()),
                    population: (p.population > 0).then_some(p.population),
                    gazetteer_id: format!("geonames:{}", p.id),
                    level: Level::City,
                    matched_alternate: c.alternate,
                }
            }
            Kind::Region => {
                let r = &self.regions[c.idx as usize];
                Place {
                    name: r.name.to_string(),
                    country: iso3(r.country),
                    admin1: Some(r.code.to_string()),
                    admin1_name: Some(r.name.to_string()),
                    lat: None,
                    lon: None,
                    feature_class: 'A',
                    feature_code: Some("ADM1".to_string()),
                    population: None,
                    gazetteer_id: format!("geonames:{}", r.id),
                    level: Level::Region,
                    matched_alternate: c.alternate,
                }
            }
            Kind::Country => {
                let k = &self.countries[c.idx as usize];
                Place {
                    name: k.name.to_string(),
                    country: Some(k.iso3.to_string()),
                    admin1: None,
                    admin1_name: None,
                    lat: None,
                    lon: None,
                    feature_class: 'A',
                    feature_code: None,
                    population: (k.population > 0).then_some(k.population),
                    gazetteer_id: format!("geonames:{}", k.id),
                    level: Level::Country,
                    matched_alternate: c.alternate,
                }
            }
        }
    }

    /// The country with this ISO 3166-1 alpha-3 code, at country level.
    pub fn country(&self, iso3: &str) -> Option<Place> {
        let idx = *self.by_iso3.get(iso3)?;
        Some(self.place(&Candidate {
            kind: Kind::Country,
            idx: idx.into(),
            alternate: false,
            likeness: 255,
        }))
    }

    /// The city with this GeoNames id, if the gazetteer holds it.
    pub fn by_geonameid(&self, id: u32) -> Option<Place> {
        let idx = *self.by_geonameid.get(&id)?;
        Some(self.place(&Candidate {
            kind: Kind::City,
            idx,
            alternate: false,
            likeness: 255,
        }))
    }
}

/// A city's score from size alone: log10(population), so a hundredfold bigger city
/// outweighs a main-name match (+2), plus 1 for a capital.
pub(crate) fn city_rank(population: u64, capital: bool) -> f32 {
    let s = ((population as f64) + 1.0).log10() as f32;
    if capital {
        s + 1.0
    } else {
        s
    }
}

/// Great-circle distance in kilometres (haversine, mean Earth radius).
pub fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0088 * a.sqrt().min(1.0).asin()
}
