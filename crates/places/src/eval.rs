//! A sanity evaluation against a GeoNames `cities15000.txt` table (the copy in
//! `../shared/data/gazetteer`, read in place; never the source of the shipped data).
//!
//! For names sampled with a seed from the table's `name` column, it checks whether
//! [`Gazetteer::resolve`] with an empty context returns the most populous place of that
//! name in the table. That is what a context-free resolver should do, so the figure shows
//! the index and ranking work; it says nothing about accuracy on news text.

use std::collections::HashMap;
use std::io::BufRead;
use std::time::Instant;

use crate::{Context, Gazetteer, Level};

/// One row of a GeoNames cities table, the columns this evaluation needs.
#[derive(Debug, Clone)]
pub struct GeoRow {
    /// geonameid.
    pub id: u32,
    /// Main name.
    pub name: String,
    /// Feature code (PPL, PPLA, PPLC, ...).
    pub feature_code: String,
    /// Population.
    pub population: u64,
}

/// Reads the GeoNames dump format (19 tab-separated columns). Malformed rows are counted,
/// not fatal: the second value is how many were skipped.
pub fn read_geonames<R: BufRead>(r: R) -> std::io::Result<(Vec<GeoRow>, usize)> {
    let mut rows = Vec::new();
    let mut bad = 0;
    for line in r.lines() {
        let line = line?;
        let cols: Vec<&str> = line.split('\t').collect();
        let parsed = (cols.len() >= 15)
            .then(|| Some((cols[0].parse().ok()?, cols[14].parse().ok()?)))
            .flatten();
        match parsed {
            Some((id, population)) => rows.push(GeoRow {
                id,
                name: cols[1].to_string(),
                feature_code: cols[7].to_string(),
                population,
            }),
            None => bad += 1,
        }
    }
    Ok((rows, bad))
}

/// What [`agreement`] measured.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Agreement {
    /// Distinct names sampled.
    pub sampled: usize,
    /// Names whose most populous place in the table is missing from our gazetteer
    /// (the two GeoNames snapshots differ); excluded from the rates below.
    pub not_in_gazetteer: usize,
    /// Of the rest: resolved to exactly that geonameid.
    pub same_id: usize,
    /// Resolved to a country or region of that name instead (by design: "Georgia",
    /// "Luxembourg" at country level).
    pub country_or_region: usize,
    /// Resolved to another city.
    pub other_city: usize,
    /// Not resolved at all.
    pub unresolved: usize,
    /// Sampled names shared by two or more places in the table, and how many of those
    /// resolved to the most populous one.
    pub ambiguous: usize,
    /// See `ambiguous`.
    pub ambiguous_same_id: usize,
    /// The first few disagreements, as "name: got <id or none>, want <id>", for reading.
    pub examples: Vec<String>,
}

impl Agreement {
    /// same_id / (sampled - not_in_gazetteer).
    pub fn rate(&self) -> f64 {
        self.same_id as f64 / (self.sampled - self.not_in_gazetteer).max(1) as f64
    }
}

/// A splitmix64 step: a seeded, dependency-free generator so samples are reproducible.
fn splitmix(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Distinct names of `rows`, sorted, then `n` of them drawn without replacement with `seed`.
pub fn sample_names(rows: &[GeoRow], n: usize, seed: u64) -> Vec<String> {
    let mut names: Vec<&str> = rows.iter().map(|r| r.name.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    let mut state = seed;
    let n = n.min(names.len());
    // Partial Fisher-Yates: the first n slots become the sample.
    for i in 0..n {
        let j = i + (splitmix(&mut state) % (names.len() - i) as u64) as usize;
        names.swap(i, j);
    }
    names[..n].iter().map(|s| s.to_string()).collect()
}

/// Measures agreement with "the most populous place of that name" on `names`.
pub fn agreement(g: &Gazetteer, rows: &[GeoRow], names: &[String]) -> Agreement {
    let mut by_name: HashMap<&str, (u64, u32, usize)> = HashMap::new();
    for r in rows {
        let e = by_name.entry(r.name.as_str()).or_insert((0, u32::MAX, 0));
        // Most populous first; ties to the lower id, as the resolver breaks them.
        if (r.population, std::cmp::Reverse(r.id)) > (e.0, std::cmp::Reverse(e.1)) {
            e.0 = r.population;
            e.1 = r.id;
        }
        e.2 += 1;
    }
    let cx = Context::default();
    let mut a = Agreement::default();
    for name in names {
        let Some(&(_, want, count)) = by_name.get(name.as_str()) else {
            continue;
        };
        a.sampled += 1;
        if g.by_geonameid(want).is_none() {
            a.not_in_gazetteer += 1;
            continue;
        }
        let got = g.resolve(name, &cx);
        let same = got
            .as_ref()
            .map(|p| p.gazetteer_id == format!("geonames:{want}"));
        match (&got, same) {
            (None, _) => a.unresolved += 1,
            (Some(_), Some(true)) => a.same_id += 1,
            (Some(p), _) if p.level != Level::City => a.country_or_region += 1,
            _ => a.other_city += 1,
        }
        if same != Some(true) && a.examples.len() < 25 {
            let got_id = got.as_ref().map_or("none", |p| p.gazetteer_id.as_str());
            a.examples
                .push(format!("{name}: got {got_id}, want geonames:{want}"));
        }
        if count > 1 {
            a.ambiguous += 1;
            if same == Some(true) {
                a.ambiguous_same_id += 1;
            }
        }
    }
    a
}

/// How our derived `PPLC` labels compare with the table's feature codes, over the cities
/// both hold: (true positives, our PPLC not PPLC there, their PPLC we missed).
pub fn capital_labels(g: &Gazetteer, rows: &[GeoRow]) -> (usize, usize, usize) {
    let (mut tp, mut fp, mut fnn) = (0, 0, 0);
    for r in rows {
        let Some(p) = g.by_geonameid(r.id) else {
            continue;
        };
        let ours = p.feature_code.as_deref() == Some("PPLC");
        let theirs = r.feature_code == "PPLC";
        match (ours, theirs) {
            (true, true) => tp += 1,
            (true, false) => fp += 1,
            (false, true) => fnn += 1,
            _ => {}
        }
    }
    (tp, fp, fnn)
}

/// Resolves every name in `names` `rounds` times and returns (resolutions, seconds, hits).
/// The hit count is returned so the caller can check the loop did real work.
pub fn time_resolve(g: &Gazetteer, names: &[String], rounds: usize) -> (usize, f64, usize) {
    let cx = Context::default();
    let mut hits = 0usize;
    let t = Instant::now();
    for _ in 0..rounds {
        for n in names {
            if g.best(g.candidates(n), &cx).is_some() {
                hits += 1;
            }
        }
    }
    (names.len() * rounds, t.elapsed().as_secs_f64(), hits)
}

/// One wire story for the dateline evaluation: its dateline ("SALVADOR, Feb 26 -") and
/// the Reuters `places` index terms ("el-salvador", "usa"), which are country-level.
#[derive(Debug, Clone)]
pub struct DatelineRow {
    /// The raw dateline.
    pub dateline: String,
    /// Reuters place codes.
    pub places: Vec<String>,
}

/// What [`datelines`] measured.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DatelineScore {
    /// Stories with a dateline name and at least one place code we could map.
    pub scored: usize,
    /// Stories skipped because no place code mapped to an ISO3 country.
    pub no_mapped_label: usize,
    /// Scored stories whose dateline resolved to a place in one of the labelled countries.
    pub country_in_labels: usize,
    /// Resolved, but to a country not among the labels.
    pub country_not_in_labels: usize,
    /// Not resolved.
    pub unresolved: usize,
    /// The first few misses, for reading.
    pub examples: Vec<String>,
}

impl DatelineScore {
    /// country_in_labels / scored.
    pub fn rate(&self) -> f64 {
        self.country_in_labels as f64 / self.scored.max(1) as f64
    }
}

/// Reuters-21578 place codes that are not a country name we know. Written for this
/// evaluation; the 1987 states map to their main successor only where the dateline city
/// lies in it today (Bonn, Moscow), so the mapping cannot favour the resolver.
const REUTERS_CODES: &[(&str, &str)] =
    &[("west-germany", "DEU"), ("ussr", "RUS"), ("zaire", "COD")];

/// The ISO3 code of a Reuters place code, if it names a country.
pub fn reuters_country(g: &Gazetteer, code: &str) -> Option<String> {
    if let Some((_, iso3)) = REUTERS_CODES.iter().find(|(c, _)| *c == code) {
        return Some(iso3.to_string());
    }
    let cx = Context {
        prefer: crate::Prefer::Country,
        ..Context::default()
    };
    let p = g.resolve(&code.replace('-', " "), &cx)?;
    (p.level == Level::Country).then_some(p.country).flatten()
}

/// The place name in a dateline: the text before the first comma ("NEW YORK").
pub fn dateline_name(dateline: &str) -> &str {
    let head = dateline.split(',').next().unwrap_or("");
    head.trim().trim_end_matches('-').trim()
}

/// Resolves each story's dateline with an empty context and checks that the place's
/// country is among the story's `places` labels. The labels list every country the story
/// concerns, so this is a lenient check of the country, not of the city.
pub fn datelines(g: &Gazetteer, rows: &[DatelineRow]) -> DatelineScore {
    let mut s = DatelineScore::default();
    let cx = Context::default();
    for r in rows {
        let name = dateline_name(&r.dateline);
        if name.is_empty() {
            continue;
        }
        let labels: Vec<String> = r
            .places
            .iter()
            .filter_map(|c| reuters_country(g, c))
            .collect();
        if labels.is_empty() {
            s.no_mapped_label += 1;
            continue;
        }
        s.scored += 1;
        let got = g.resolve(name, &cx).and_then(|p| p.country);
        match got {
            Some(c) if labels.contains(&c) => s.country_in_labels += 1,
            other => {
                if other.is_some() {
                    s.country_not_in_labels += 1;
                } else {
                    s.unresolved += 1;
                }
                if s.examples.len() < 30 {
                    s.examples
                        .push(format!("{name}: got {other:?}, labels {labels:?}"));
                }
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: u32, name: &str, pop: u64) -> GeoRow {
        GeoRow {
            id,
            name: name.into(),
            feature_code: "PPL".into(),
            population: pop,
        }
    }

    #[test]
    fn sample_names_is_seeded_and_distinct() {
        let rows: Vec<GeoRow> = (0..50)
            .map(|i| row(i, &format!("n{}", i % 20), 1))
            .collect();
        let a = sample_names(&rows, 10, 7);
        assert_eq!(a, sample_names(&rows, 10, 7));
        assert_ne!(a, sample_names(&rows, 10, 8));
        let mut d = a.clone();
        d.sort();
        d.dedup();
        assert_eq!(d.len(), 10);
        assert_eq!(sample_names(&rows, 100, 1).len(), 20);
    }

    #[test]
    fn read_geonames_counts_bad_rows() {
        let good = "1\tA\tA\t\t1.0\t2.0\tP\tPPLC\tXX\t\t01\t\t\t\t500\t\t\tUTC\t2020-01-01";
        let text = format!("{good}\nnot a row\n");
        let (rows, bad) = read_geonames(text.as_bytes()).unwrap();
        assert_eq!((rows.len(), bad), (1, 1));
        assert_eq!((rows[0].id, rows[0].population), (1, 500));
        assert_eq!(rows[0].feature_code, "PPLC");
    }
}
