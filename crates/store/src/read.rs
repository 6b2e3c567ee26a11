//! The read path: filters compiled to one parameterised SQL statement, events rebuilt into
//! the public [`Event`] shape with their evidence, and the counts `sitrep stats` prints.

use crate::error::{Error, Result};
use crate::Store;
use rusqlite::types::Value;
use rusqlite::{params_from_iter, Row};
use sitrep_doc::{Attribution, Cameo, Event, EventActor, Evidence, Location, Plover};

/// What `sitrep query` can ask for. Every field narrows the result; empty means everything.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// First day, inclusive (`YYYY-MM-DD`).
    pub from: Option<String>,
    /// Last day, inclusive.
    pub to: Option<String>,
    /// Source actor country (ISO3/CAMEO, case-insensitive).
    pub source: Option<String>,
    /// Target actor country.
    pub target: Option<String>,
    /// Text matched (case-insensitive substring) against either actor's text, code or sector.
    pub actor: Option<String>,
    /// Sector code (GOV, MIL, ...) on either actor, exactly, case-insensitive.
    pub sector: Option<String>,
    /// CAMEO code; a prefix matches its children ("04" matches "042").
    pub cameo: Option<String>,
    /// CAMEO root ("04").
    pub root: Option<String>,
    /// Quad class (0-4, as on the event).
    pub quad: Option<u8>,
    /// PLOVER event type (AGREE, CONSULT...), case-insensitive.
    pub plover: Option<String>,
    /// Country of the event location.
    pub location_country: Option<String>,
    /// Bounding box of the location: min lon, min lat, max lon, max lat.
    pub bbox: Option<[f64; 4]>,
    /// Words that must all appear in one evidence sentence (full-text index).
    pub text: Option<String>,
    /// At most this many events.
    pub limit: Option<u64>,
}

/// An event as stored: the public row plus what the store adds.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct StoredEvent {
    /// The event.
    #[serde(flatten)]
    pub event: Event,
    /// The coder version that produced it.
    pub coder_version: String,
    /// The article's URL.
    pub url: Option<String>,
    /// The article's publication date.
    pub published: Option<String>,
    /// When the article was stored (seconds since the epoch).
    pub added: i64,
}

/// Dimension for `sitrep stats`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatsBy {
    /// Event date (unknown dates count under "").
    Day,
    /// Source and target country ("RUS>PRK").
    Dyad,
    /// CAMEO code.
    Code,
}

/// One dyad-day cell of the rollup.
#[derive(Debug, Clone, PartialEq)]
pub struct DyadDay {
    /// YYYYMMDD (YYYYMM00 for month precision, 0 for unknown).
    pub day: i64,
    /// Source country ("" when unknown).
    pub source: String,
    /// Target country ("" when unknown).
    pub target: String,
    /// Events.
    pub events: i64,
    /// Sum of Goldstein scores.
    pub goldstein_sum: f64,
}

/// Words of free text as an FTS5 query in which every word is a quoted phrase, so user input
/// can never be parsed as FTS5 syntax (a stray `"` or `NEAR(` would otherwise be an error).
fn fts_query(text: &str) -> Option<String> {
    let words: Vec<String> = text
        .split_whitespace()
        .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

fn filter_day(date: &str, end: bool) -> Result<i64> {
    match crate::write::day_number(date) {
        // A month given as a bound covers the whole month.
        Some(d) if d % 100 == 0 && end => Ok(d + 99),
        Some(d) => Ok(d),
        None => Err(Error::BadFilter("dates must be YYYY-MM-DD or YYYY-MM")),
    }
}

/// The WHERE clause and its parameters.
pub(crate) fn where_clause(f: &Filter) -> Result<(String, Vec<Value>)> {
    let mut conds: Vec<String> = Vec::new();
    let mut vals: Vec<Value> = Vec::new();
    let mut push = |cond: &str, v: Vec<Value>, conds: &mut Vec<String>| {
        conds.push(cond.to_string());
        vals.extend(v);
    };
    if let Some(d) = &f.from {
        push(
            "e.day >= ?",
            vec![Value::Integer(filter_day(d, false)?)],
            &mut conds,
        );
    }
    if let Some(d) = &f.to {
        push(
            "e.day <= ?",
            vec![Value::Integer(filter_day(d, true)?)],
            &mut conds,
        );
    }
    // Code filters compare upper-cased, exactly.
    for (value, cond) in [
        (&f.source, "e.src_country = ?"),
        (&f.target, "e.tgt_country = ?"),
        (&f.plover, "e.plover_type = ?"),
        (&f.location_country, "e.loc_country = ?"),
    ] {
        if let Some(c) = value {
            push(cond, vec![Value::Text(c.to_uppercase())], &mut conds);
        }
    }
    if let Some(a) = &f.actor {
        let pat = Value::Text(format!("%{}%", a.replace(['%', '_'], "")));
        let cond = "(e.src_text LIKE ?1x OR e.src_code LIKE ?1x OR e.src_sector LIKE ?1x \
                    OR e.tgt_text LIKE ?1x OR e.tgt_code LIKE ?1x OR e.tgt_sector LIKE ?1x)";
        push(&cond.replace("?1x", "?"), vec![pat; 6], &mut conds);
    }
    if let Some(sec) = &f.sector {
        // Sectors are stored space-joined: padding both sides makes the match whole-code.
        let pat = Value::Text(format!(
            "% {} %",
            sec.to_uppercase().replace(['%', '_'], "")
        ));
        push(
            "(' ' || e.src_sector || ' ' LIKE ? OR ' ' || coalesce(e.tgt_sector, '') || ' ' LIKE ?)",
            vec![pat.clone(), pat],
            &mut conds,
        );
    }
    if let Some(c) = &f.cameo {
        push(
            "e.cameo_code LIKE ?",
            vec![Value::Text(format!("{}%", c.replace(['%', '_'], "")))],
            &mut conds,
        );
    }
    if let Some(r) = &f.root {
        push("e.cameo_root = ?", vec![Value::Text(r.clone())], &mut conds);
    }
    if let Some(q) = f.quad {
        push(
            "e.quad_class = ?",
            vec![Value::Integer(q.into())],
            &mut conds,
        );
    }
    if let Some([x0, y0, x1, y1]) = f.bbox {
        if !(x0 <= x1 && y0 <= y1) || [x0, y0, x1, y1].iter().any(|v| !v.is_finite()) {
            return Err(Error::BadFilter(
                "bbox must be MIN_LON,MIN_LAT,MAX_LON,MAX_LAT with min <= max",
            ));
        }
        push(
            "e.loc_lon BETWEEN ? AND ? AND e.loc_lat BETWEEN ? AND ?",
            vec![x0.into(), x1.into(), y0.into(), y1.into()],
            &mut conds,
        );
    }
    if let Some(t) = f.text.as_deref().and_then(fts_query) {
        push(
            "e.rid IN (SELECT v.event_rid FROM evidence_fts JOIN evidence v \
             ON v.id = evidence_fts.rowid WHERE evidence_fts MATCH ?)",
            vec![Value::Text(t)],
            &mut conds,
        );
    }
    let sql = if conds.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", conds.join(" AND "))
    };
    Ok((sql, vals))
}

fn split_sector(s: Option<String>) -> Vec<String> {
    s.map(|s| s.split_whitespace().map(str::to_string).collect())
        .unwrap_or_default()
}

pub(crate) const COLUMNS: &str =
    "e.rid, e.event_id, e.article_id, e.date, e.date_text, e.date_basis,
    e.src_text, e.src_country, e.src_sector, e.src_code, e.src_start, e.src_end,
    e.tgt_text, e.tgt_country, e.tgt_sector, e.tgt_code, e.tgt_start, e.tgt_end,
    e.cameo_code, e.cameo_root, e.cameo_name, e.goldstein, e.quad_class, e.plover_type,
    e.plover_mode, e.negated, e.modality, e.attr_text, e.attr_country, e.attr_sector,
    e.loc_name, e.loc_country, e.loc_lat, e.loc_lon, e.loc_gazetteer_id, e.loc_level,
    e.mentions, e.confidence, e.coder_version, a.url, a.published, a.added";

pub(crate) fn event_from_row(r: &Row) -> rusqlite::Result<(i64, StoredEvent)> {
    let target = match r.get::<_, Option<String>>(12)? {
        Some(text) => Some(EventActor {
            text,
            country: r.get(13)?,
            sector: split_sector(r.get(14)?),
            code: r.get::<_, Option<String>>(15)?.unwrap_or_default(),
            start: r.get::<_, Option<u32>>(16)?.unwrap_or(0),
            end: r.get::<_, Option<u32>>(17)?.unwrap_or(0),
        }),
        None => None,
    };
    let attributed_to = match r.get::<_, Option<String>>(27)? {
        Some(text) => Some(Attribution {
            text,
            country: r.get(28)?,
            sector: split_sector(r.get(29)?),
        }),
        None => None,
    };
    let location = match r.get::<_, Option<String>>(30)? {
        Some(name) => Some(Location {
            name,
            country: r.get(31)?,
            lat: r.get(32)?,
            lon: r.get(33)?,
            gazetteer_id: r.get(34)?,
            level: r.get::<_, Option<String>>(35)?.unwrap_or_default(),
        }),
        None => None,
    };
    let event = Event {
        event_id: r.get(1)?,
        article_id: r.get(2)?,
        date: r.get(3)?,
        date_text: r.get(4)?,
        date_basis: r.get(5)?,
        source: EventActor {
            text: r.get(6)?,
            country: r.get(7)?,
            sector: split_sector(r.get(8)?),
            code: r.get(9)?,
            start: r.get(10)?,
            end: r.get(11)?,
        },
        target,
        cameo: Cameo {
            code: r.get(18)?,
            root: r.get(19)?,
            name: r.get(20)?,
            goldstein: r.get::<_, Option<f64>>(21)?.map(|g| g as f32),
            quad_class: r.get(22)?,
        },
        plover: Plover {
            event_type: r.get(23)?,
            mode: r.get(24)?,
        },
        negated: r.get(25)?,
        modality: r.get(26)?,
        attributed_to,
        location,
        evidence: Vec::new(),
        mentions: r.get(36)?,
        confidence: r.get::<_, f64>(37)? as f32,
    };
    Ok((
        r.get(0)?,
        StoredEvent {
            event,
            coder_version: r.get(38)?,
            url: r.get(39)?,
            published: r.get(40)?,
            added: r.get::<_, Option<i64>>(41)?.unwrap_or(0),
        },
    ))
}

/// The evidence sentences of the event with row id `rid`, in their stored order.
pub(crate) fn evidence_of(
    conn: &rusqlite::Connection,
    rid: i64,
) -> rusqlite::Result<Vec<Evidence>> {
    let mut st = conn.prepare_cached(
        "SELECT sentence, sentence_index, start, end, trigger, rule FROM evidence
         WHERE event_rid = ?1 ORDER BY ord",
    )?;
    let rows = st.query_map([rid], |r| {
        Ok(Evidence {
            sentence: r.get(0)?,
            sentence_index: r.get(1)?,
            start: r.get(2)?,
            end: r.get(3)?,
            trigger: r.get(4)?,
            rule: r.get(5)?,
        })
    })?;
    rows.collect()
}

impl Store {
    fn sql_err(&self) -> impl Fn(rusqlite::Error) -> Error + '_ {
        move |source| Error::Sqlite {
            path: self.path.clone(),
            source,
        }
    }

    /// Call `each` for every event matching `f`, in (day, event id) order, evidence included.
    /// Returns how many were passed. An error from `each` stops the scan and is returned.
    pub fn query<E>(
        &self,
        f: &Filter,
        mut each: impl FnMut(StoredEvent) -> std::result::Result<(), E>,
    ) -> std::result::Result<u64, E>
    where
        E: From<Error>,
    {
        let (cond, mut vals) = where_clause(f)?;
        let limit = match f.limit {
            Some(n) => {
                vals.push(Value::Integer(i64::try_from(n).unwrap_or(i64::MAX)));
                "LIMIT ?"
            }
            None => "",
        };
        let sql = format!(
            "SELECT {COLUMNS} FROM events e LEFT JOIN articles a ON a.article_id = e.article_id
             {cond} ORDER BY e.day, e.event_id {limit}"
        );
        let err = self.sql_err();
        let mut stmt = self.conn.prepare(&sql).map_err(&err)?;
        let mut rows = stmt.query(params_from_iter(vals)).map_err(&err)?;
        let mut n = 0u64;
        while let Some(row) = rows.next().map_err(&err)? {
            let (rid, mut stored) = event_from_row(row).map_err(&err)?;
            stored.event.evidence = evidence_of(&self.conn, rid).map_err(&err)?;
            each(stored)?;
            n += 1;
        }
        Ok(n)
    }

    /// Event counts grouped by `by`, largest first (ties by key), over the events matching `f`.
    pub fn stats(&self, by: StatsBy, f: &Filter) -> Result<Vec<(String, u64)>> {
        let key = match by {
            StatsBy::Day => "coalesce(e.date, '')",
            StatsBy::Dyad => "coalesce(e.src_country, '') || '>' || coalesce(e.tgt_country, '')",
            StatsBy::Code => "e.cameo_code",
        };
        let (cond, vals) = where_clause(f)?;
        let order = match by {
            StatsBy::Day => "k",
            _ => "n DESC, k",
        };
        let sql = format!(
            "SELECT {key} AS k, count(*) AS n FROM events e {cond} GROUP BY k ORDER BY {order}"
        );
        let err = self.sql_err();
        let mut stmt = self.conn.prepare(&sql).map_err(&err)?;
        let rows = stmt
            .query_map(params_from_iter(vals), |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)? as u64))
            })
            .map_err(&err)?;
        rows.collect::<rusqlite::Result<Vec<_>>>().map_err(&err)
    }

    /// The dyad-by-day rollup between two days (YYYYMMDD, inclusive), optionally for one
    /// dyad. Reads only the rollup table.
    pub fn dyad_days(
        &self,
        from: i64,
        to: i64,
        dyad: Option<(&str, &str)>,
    ) -> Result<Vec<DyadDay>> {
        let err = self.sql_err();
        let (tail, params): (&str, Vec<&dyn rusqlite::ToSql>) = match &dyad {
            Some((s, t)) => (
                "AND src = ?3 AND tgt = ?4 ORDER BY day",
                vec![&from, &to, s, t],
            ),
            None => ("ORDER BY day, src, tgt", vec![&from, &to]),
        };
        let mut st = self
            .conn
            .prepare_cached(&format!(
                "SELECT day, src, tgt, events, goldstein_sum FROM dyad_day
                 WHERE day BETWEEN ?1 AND ?2 {tail}"
            ))
            .map_err(&err)?;
        let rows = st
            .query_map(params.as_slice(), dyad_day_row)
            .map_err(&err)?;
        rows.collect::<rusqlite::Result<Vec<_>>>().map_err(&err)
    }

    /// The same aggregation computed from the events table (GROUP BY over the covering
    /// index), kept to measure the rollup against and to check the rollup in tests.
    pub fn dyad_days_scan(&self, from: i64, to: i64) -> Result<Vec<DyadDay>> {
        let err = self.sql_err();
        let mut st = self
            .conn
            .prepare(
                "SELECT coalesce(day, 0) AS d, coalesce(src_country, '') AS s,
                 coalesce(tgt_country, '') AS t, count(*), sum(coalesce(goldstein, 0))
                 FROM events WHERE coalesce(day, 0) BETWEEN ?1 AND ?2
                 GROUP BY d, s, t ORDER BY d, s, t",
            )
            .map_err(&err)?;
        let rows = st
            .query_map(rusqlite::params![from, to], dyad_day_row)
            .map_err(&err)?;
        rows.collect::<rusqlite::Result<Vec<_>>>().map_err(&err)
    }

    /// Number of events and articles stored.
    pub fn counts(&self) -> Result<(u64, u64)> {
        let err = self.sql_err();
        let ev: i64 = self
            .conn
            .query_row("SELECT count(*) FROM events", [], |r| r.get(0))
            .map_err(&err)?;
        let ar: i64 = self
            .conn
            .query_row("SELECT count(*) FROM articles", [], |r| r.get(0))
            .map_err(&err)?;
        Ok((ev as u64, ar as u64))
    }
}

/// A row with the rollup's columns (day, source, target, events, Goldstein sum), from the
/// rollup table or from the scan that checks it.
fn dyad_day_row(r: &Row) -> rusqlite::Result<DyadDay> {
    Ok(DyadDay {
        day: r.get(0)?,
        source: r.get(1)?,
        target: r.get(2)?,
        events: r.get(3)?,
        goldstein_sum: r.get(4)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fts_query_quotes_every_word() {
        assert_eq!(
            fts_query("missile test").as_deref(),
            Some("\"missile\" \"test\"")
        );
        assert_eq!(
            fts_query("a\"b NEAR(").as_deref(),
            Some("\"a\"\"b\" \"NEAR(\"")
        );
        assert_eq!(fts_query("   "), None);
    }

    #[test]
    fn where_clause_rejects_bad_dates_and_boxes() {
        let f = Filter {
            from: Some("yesterday".into()),
            ..Filter::default()
        };
        assert!(where_clause(&f).is_err());
        let f = Filter {
            bbox: Some([10.0, 0.0, 5.0, 1.0]),
            ..Filter::default()
        };
        assert!(where_clause(&f).is_err());
        let f = Filter {
            to: Some("2023-09".into()),
            ..Filter::default()
        };
        let (_, vals) = where_clause(&f).unwrap();
        assert_eq!(vals, vec![Value::Integer(20230999)]);
    }
}
