//! Exports: the GDELT 2.0 Events 61-column TSV and PLOVER JSONL (Parquet lives in
//! `parquet.rs` behind the `parquet` feature).
//!
//! Neither format can say "only the month is known", so events whose date has no day (or no
//! date at all) are passed over and counted in [`ExportCounts::no_day`], never written with a
//! made-up day.

use crate::error::Result;
use crate::fips::iso3_to_fips;
use crate::read::{Filter, StoredEvent};
use crate::Store;
use serde_json::{json, Map, Value};
use std::io::Write;

/// The 61 GDELT 2.0 Events columns, in order.
pub const GDELT_COLUMNS: usize = 61;

/// What an export wrote and passed over.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ExportCounts {
    /// Rows written.
    pub written: u64,
    /// Events passed over because their date has no day (or there is none).
    pub no_day: u64,
}

/// Days since 1970-01-01 -> (year, month, day), proleptic Gregorian (Howard Hinnant's
/// civil-from-days algorithm), so DATEADDED needs no date library.
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// Seconds since the epoch -> YYYYMMDDHHMMSS (UTC).
pub fn timestamp14(secs: i64) -> i64 {
    let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
    let s = secs.rem_euclid(86_400);
    ((y * 100 + m) * 100 + d) * 1_000_000 + (s / 3600) * 10_000 + (s / 60 % 60) * 100 + s % 60
}

/// Tabs and line breaks would shift GDELT columns: they become spaces.
fn clean(s: &str) -> String {
    s.chars()
        .map(|c| {
            if matches!(c, '\t' | '\n' | '\r') {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// GDELT's quad class comes from the CAMEO root (01-05 verbal cooperation, 06-08 material
/// cooperation, 09-13 verbal conflict, 14-20 material conflict), so it is derived here rather
/// than copied from the Phoenix-style quad class on the event (which has a neutral 0).
fn gdelt_quad(root: &str) -> Option<u8> {
    let r: u8 = root.parse().ok()?;
    match r {
        1..=5 => Some(1),
        6..=8 => Some(2),
        9..=13 => Some(3),
        14..=20 => Some(4),
        _ => None,
    }
}

/// Actor columns (code, name, country, known group, ethnic, religion x2, type x3).
fn actor_cols(cols: &mut Vec<String>, a: Option<&sitrep_doc::EventActor>) {
    let Some(a) = a else {
        cols.extend(std::iter::repeat_n(String::new(), 10));
        return;
    };
    let country = a.country.as_deref().unwrap_or("");
    // A code the FIPS table knows is a country; any other (UNO, NAT, EUR...) is a known group.
    let (cc, group) = if country.is_empty() || iso3_to_fips(country).is_some() {
        (country, "")
    } else {
        ("", country)
    };
    // An unnamed actor is "---REB" in sitrep's rows (CAMEO's way); GDELT writes its
    // Actor1Code without the dashes ("REB") and leaves the country empty.
    cols.push(clean(a.code.trim_start_matches('-')));
    cols.push(clean(&a.text));
    cols.push(cc.to_string());
    cols.push(group.to_string());
    cols.push(String::new());
    cols.push(String::new());
    cols.push(String::new());
    for i in 0..3 {
        cols.push(a.sector.get(i).cloned().unwrap_or_default());
    }
}

/// One GDELT row, or None when the date has no day.
pub fn gdelt_row(s: &StoredEvent) -> Option<Vec<String>> {
    let e = &s.event;
    let day = e.date.as_deref().and_then(crate::write::day_number)?;
    if day % 100 == 0 {
        return None;
    }
    let (y, m, d) = (day / 10000, day / 100 % 100, day % 100);
    let mut c: Vec<String> = Vec::with_capacity(GDELT_COLUMNS);
    c.push(Store::numeric_id(&e.event_id).to_string());
    c.push(day.to_string());
    c.push((y * 100 + m).to_string());
    c.push(y.to_string());
    c.push(format!("{:.4}", y as f64 + (m * 30 + d) as f64 / 365.0));
    actor_cols(&mut c, Some(&e.source));
    actor_cols(&mut c, e.target.as_ref());
    let is_root = e.evidence.first().is_some_and(|x| x.sentence_index == 0);
    c.push(u8::from(is_root).to_string());
    let code = &e.cameo.code;
    c.push(code.clone());
    c.push(code.get(..3).unwrap_or(code).to_string());
    c.push(e.cameo.root.clone());
    c.push(
        gdelt_quad(&e.cameo.root)
            .map(|q| q.to_string())
            .unwrap_or_default(),
    );
    c.push(
        e.cameo
            .goldstein
            .map(|g| format!("{g:.1}"))
            .unwrap_or_default(),
    );
    c.push(e.mentions.max(1).to_string());
    c.push("1".into());
    c.push("1".into());
    // sitrep does not score tone; an empty field says so instead of a fake neutral 0.
    c.push(String::new());
    // Actor1Geo and Actor2Geo: sitrep places the event, not each actor (type 0 = no place).
    for _ in 0..2 {
        c.push("0".into());
        c.extend(std::iter::repeat_n(String::new(), 7));
    }
    match &e.location {
        Some(l) => {
            let fips = l.country.as_deref().and_then(iso3_to_fips).unwrap_or("");
            let us = fips == "US";
            let t = match l.level.as_str() {
                "country" => 1,
                "region" if us => 2,
                "region" => 5,
                "city" if us => 3,
                _ => 4,
            };
            c.push(t.to_string());
            c.push(clean(&l.name));
            c.push(fips.to_string());
            c.push(String::new());
            c.push(String::new());
            c.push(l.lat.map(|v| format!("{v:.4}")).unwrap_or_default());
            c.push(l.lon.map(|v| format!("{v:.4}")).unwrap_or_default());
            let feature = match &l.gazetteer_id {
                Some(g) => g.rsplit(':').next().unwrap_or(g).to_string(),
                None if t == 1 => fips.to_string(),
                None => String::new(),
            };
            c.push(feature);
        }
        None => {
            c.push("0".into());
            c.extend(std::iter::repeat_n(String::new(), 7));
        }
    }
    c.push(timestamp14(s.added).to_string());
    c.push(clean(s.url.as_deref().unwrap_or("")));
    debug_assert_eq!(c.len(), GDELT_COLUMNS);
    Some(c)
}

/// One PLOVER JSON object, or None when the date has no day.
pub fn plover_json(s: &StoredEvent) -> Option<Value> {
    let e = &s.event;
    let date = e.date.as_deref()?;
    if crate::write::day_number(date).is_none_or(|d| d % 100 == 0) {
        return None;
    }
    let entity = |a: &sitrep_doc::EventActor| {
        let mut m = Map::new();
        if let Some(c) = &a.country {
            m.insert("code".into(), json!(c));
        }
        if let Some(sec) = a.sector.first() {
            m.insert("sector".into(), json!(sec));
        }
        m.insert("entity_text".into(), json!(a.text));
        Value::Object(m)
    };
    let mut o = Map::new();
    o.insert("id".into(), json!(e.event_id));
    o.insert("has_event".into(), json!(true));
    o.insert("date".into(), json!(date));
    o.insert("actor".into(), json!([entity(&e.source)]));
    if let Some(t) = &e.target {
        o.insert("recipient".into(), json!([entity(t)]));
    }
    o.insert("event".into(), json!([e.plover.event_type]));
    if let Some(m) = &e.plover.mode {
        o.insert("mode".into(), json!([m]));
    }
    if let Some(l) = &e.location {
        let mut loc = Map::new();
        loc.insert("extracted_place".into(), json!(l.name));
        loc.insert("resolved_place".into(), json!(l.name));
        if let Some(n) = l
            .gazetteer_id
            .as_deref()
            .and_then(|g| g.strip_prefix("geonames:"))
            .and_then(|n| n.parse::<i64>().ok())
        {
            loc.insert("geonameid".into(), json!(n));
        }
        if let (Some(lat), Some(lon)) = (l.lat, l.lon) {
            loc.insert("lat".into(), json!(lat));
            loc.insert("lon".into(), json!(lon));
        }
        if let Some(c) = &l.country {
            loc.insert("country_code".into(), json!(c));
        }
        let res = match l.level.as_str() {
            "country" => 1,
            "region" => 2,
            _ => 4,
        };
        loc.insert("resolution".into(), json!(res));
        o.insert("event_loc".into(), Value::Object(loc));
    }
    let texts: Vec<&str> = e.evidence.iter().map(|x| x.sentence.as_str()).collect();
    o.insert("event_text".into(), json!(texts));
    if let Some(q) = gdelt_quad(&e.cameo.root) {
        o.insert("quad_code".into(), json!(q));
    }
    if let Some(x) = e.evidence.first() {
        o.insert(
            "text_info".into(),
            json!({"sequence": x.sentence_index, "start": x.start, "end": x.end}),
        );
    }
    let mut cite = Map::new();
    if let Some(u) = &s.url {
        cite.insert("url".into(), json!(u));
    }
    cite.insert("coder".into(), json!(format!("sitrep {}", s.coder_version)));
    o.insert("cite_info".into(), Value::Object(cite));
    o.insert("coder".into(), json!(format!("sitrep {}", s.coder_version)));
    let (y, m, d) = civil_from_days(s.added.div_euclid(86_400));
    o.insert("coded_date".into(), json!(format!("{y:04}-{m:02}-{d:02}")));
    Some(Value::Object(o))
}

impl Store {
    /// Write the events matching `f` as GDELT 2.0 Events TSV (no header, as GDELT ships it).
    pub fn export_gdelt(&self, f: &Filter, out: &mut dyn Write) -> Result<ExportCounts> {
        let mut counts = ExportCounts::default();
        self.query::<crate::Error>(f, |s| {
            match gdelt_row(&s) {
                Some(row) => {
                    out.write_all(row.join("\t").as_bytes())?;
                    out.write_all(b"\n")?;
                    counts.written += 1;
                }
                None => counts.no_day += 1,
            }
            Ok(())
        })?;
        Ok(counts)
    }

    /// Write the events matching `f` as PLOVER JSON lines.
    pub fn export_plover(&self, f: &Filter, out: &mut dyn Write) -> Result<ExportCounts> {
        let mut counts = ExportCounts::default();
        self.query::<crate::Error>(f, |s| {
            match plover_json(&s) {
                Some(v) => {
                    // Serialise first so a write error stays an io::Error (a closed pipe
                    // must be recognisable as one by the caller).
                    let mut line = serde_json::to_vec(&v)?;
                    line.push(b'\n');
                    out.write_all(&line)?;
                    counts.written += 1;
                }
                None => counts.no_day += 1,
            }
            Ok(())
        })?;
        Ok(counts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unnamed_actor_is_gdelt_style_in_the_actor_columns() {
        let a = sitrep_doc::EventActor {
            text: "Gunmen".into(),
            country: None,
            sector: vec!["REB".into()],
            code: "---REB".into(),
            start: 0,
            end: 6,
        };
        let mut cols = Vec::new();
        actor_cols(&mut cols, Some(&a));
        assert_eq!(cols.len(), 10);
        assert_eq!(&cols[..3], ["REB", "Gunmen", ""]);
        assert_eq!(cols[7], "REB");
    }

    #[test]
    fn timestamp14_matches_known_instants() {
        assert_eq!(timestamp14(0), 19700101000000);
        // 2023-09-13T12:34:56Z
        assert_eq!(timestamp14(1_694_608_496), 20230913123456);
        // 2000-02-29 (leap day, century divisible by 400)
        assert_eq!(timestamp14(951_782_400), 20000229000000);
    }

    #[test]
    fn gdelt_quad_follows_cameo_roots() {
        assert_eq!(gdelt_quad("05"), Some(1));
        assert_eq!(gdelt_quad("06"), Some(2));
        assert_eq!(gdelt_quad("13"), Some(3));
        assert_eq!(gdelt_quad("20"), Some(4));
        assert_eq!(gdelt_quad("xx"), None);
    }
}
