//! Reads behind the HTTP API (`sitrep serve`) that `sitrep query` does not need: read-only
//! connections that a timer can interrupt, paged events with a total, articles, the per-quad
//! time series, top actors, the country network and location points. Every list takes a
//! limit, so no request can make the store return an unbounded result.

use crate::error::{Error, Result};
use crate::read::{event_from_row, evidence_of, where_clause, COLUMNS};
use crate::{Filter, Store, StoredEvent};
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, OpenFlags, OptionalExtension};
use std::path::Path;

/// Stops the statement running on one connection from another thread (a request past its
/// time budget); the interrupted call returns an error for which [`Error::is_interrupted`]
/// is true.
pub struct Interrupt(rusqlite::InterruptHandle);

impl Interrupt {
    /// Interrupt whatever the connection is running now (nothing happens when it is idle).
    pub fn interrupt(&self) {
        self.0.interrupt();
    }
}

impl Error {
    /// Whether this error is a statement stopped by [`Interrupt::interrupt`].
    pub fn is_interrupted(&self) -> bool {
        matches!(
            self,
            Error::Sqlite {
                source: rusqlite::Error::SqliteFailure(e, _),
                ..
            } if e.code == rusqlite::ErrorCode::OperationInterrupted
        )
    }
}

/// An article's stored columns.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ArticleInfo {
    /// Article id.
    pub id: String,
    /// Headline.
    pub title: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// Publication date.
    pub published: Option<String>,
    /// Outlet (the site name extraction found).
    pub outlet: Option<String>,
    /// Language code.
    pub language: Option<String>,
    /// Length of the clean text in code points (the text itself is not stored).
    pub text_chars: u64,
    /// Coder version that stored it.
    pub coder_version: String,
}

/// Events and Goldstein sum of one (day, quad class) cell of the time series.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SeriesRow {
    /// YYYYMMDD (YYYYMM00 for month precision, 0 for undated).
    pub day: i64,
    /// Quad class (0 when the code has none).
    pub quad: u8,
    /// Events.
    pub events: i64,
    /// Sum of Goldstein scores.
    pub goldstein_sum: f64,
}

/// One actor (country or actor code) with its event counts.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ActorCount {
    /// Country code, or full actor code.
    pub key: String,
    /// A name for it: for actor codes, one text it was written as.
    pub label: Option<String>,
    /// Events it is on either side of (an event with it on both sides counts once).
    pub events: i64,
    /// Events it is the source of.
    pub as_source: i64,
    /// Events it is the target of.
    pub as_target: i64,
}

/// Source country, target country, events and Goldstein sum: one edge of the network.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct DyadTotal {
    /// Source country.
    pub source: String,
    /// Target country.
    pub target: String,
    /// Events.
    pub events: i64,
    /// Sum of Goldstein scores.
    pub goldstein_sum: f64,
}

/// A place events happened at.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct LocationPoint {
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// Place name.
    pub name: String,
    /// Country code.
    pub country: Option<String>,
    /// Events located there.
    pub events: i64,
}

/// `cond` (empty or `WHERE ...`) narrowed further by `extra`.
fn and_where(cond: &str, extra: &str) -> String {
    if cond.is_empty() {
        format!("WHERE {extra}")
    } else {
        format!("{cond} AND {extra}")
    }
}

fn int(n: u64) -> Value {
    Value::Integer(i64::try_from(n).unwrap_or(i64::MAX))
}

impl Store {
    /// Open an existing store for reading only (`PRAGMA query_only`; the file is never
    /// changed). Refuses a file without the store's layout or with a newer one.
    pub fn open_read_only(path: &Path) -> Result<Store> {
        let wrap = |source| Error::Sqlite {
            path: path.to_path_buf(),
            source,
        };
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = rusqlite::Connection::open_with_flags(path, flags).map_err(wrap)?;
        conn.execute_batch(
            "PRAGMA query_only = 1; PRAGMA busy_timeout = 10000; PRAGMA cache_size = -32768;",
        )
        .map_err(wrap)?;
        let found: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(wrap)?;
        if found == 0 {
            return Err(Error::NotAStore {
                path: path.to_path_buf(),
            });
        }
        if found > crate::SCHEMA_VERSION {
            return Err(Error::SchemaTooNew {
                path: path.to_path_buf(),
                found,
                supported: crate::SCHEMA_VERSION,
            });
        }
        Ok(Store {
            conn,
            path: path.to_path_buf(),
        })
    }

    /// Whether the store predates the per-quad rollup the API reads (opening it read-write
    /// with [`Store::open`] adds and fills it).
    pub fn needs_upgrade(&self) -> Result<bool> {
        let n: i64 = self
            .conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE name = 'dyad_quad_day'",
                [],
                |r| r.get(0),
            )
            .map_err(self.api_err())?;
        Ok(n == 0)
    }

    /// A handle that interrupts this connection's running statement from another thread.
    pub fn interrupt_handle(&self) -> Interrupt {
        Interrupt(self.conn.get_interrupt_handle())
    }

    fn api_err(&self) -> impl Fn(rusqlite::Error) -> Error + '_ {
        move |source| Error::Sqlite {
            path: self.path.clone(),
            source,
        }
    }

    /// How many events match `f` (its `limit` is ignored).
    pub fn count(&self, f: &Filter) -> Result<u64> {
        let (cond, vals) = where_clause(f)?;
        let sql = format!("SELECT count(*) FROM events e {cond}");
        let n: i64 = self
            .conn
            .query_row(&sql, params_from_iter(vals), |r| r.get(0))
            .map_err(self.api_err())?;
        Ok(n as u64)
    }

    /// One page of the events matching `f`, in (day, event id) order as `query` gives them,
    /// with their evidence. `f.limit` is ignored in favour of `limit`.
    pub fn query_page(&self, f: &Filter, offset: u64, limit: u64) -> Result<Vec<StoredEvent>> {
        let (cond, mut vals) = where_clause(f)?;
        vals.push(int(limit));
        vals.push(int(offset));
        let sql = format!(
            "SELECT {COLUMNS} FROM events e LEFT JOIN articles a ON a.article_id = e.article_id
             {cond} ORDER BY e.day, e.event_id LIMIT ? OFFSET ?"
        );
        self.events_by(&sql, vals)
    }

    /// The events of one article in the order the coder produced them, at most `limit`.
    pub fn article_events(&self, article_id: &str, limit: u64) -> Result<Vec<StoredEvent>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM events e LEFT JOIN articles a ON a.article_id = e.article_id
             WHERE e.article_id = ? ORDER BY e.rid LIMIT ?"
        );
        self.events_by(&sql, vec![Value::Text(article_id.into()), int(limit)])
    }

    fn events_by(&self, sql: &str, vals: Vec<Value>) -> Result<Vec<StoredEvent>> {
        let err = self.api_err();
        let mut stmt = self.conn.prepare_cached(sql).map_err(&err)?;
        let mut rows = stmt.query(params_from_iter(vals)).map_err(&err)?;
        let mut out = Vec::new();
        while let Some(row) = rows.next().map_err(&err)? {
            let (rid, mut stored) = event_from_row(row).map_err(&err)?;
            stored.event.evidence = evidence_of(&self.conn, rid).map_err(&err)?;
            out.push(stored);
        }
        Ok(out)
    }

    /// An article's stored columns, or None when the store has no article with that id.
    pub fn article(&self, id: &str) -> Result<Option<ArticleInfo>> {
        self.conn
            .prepare_cached(
                "SELECT article_id, title, url, published, site, language, text_chars,
                 coder_version FROM articles WHERE article_id = ?1",
            )
            .and_then(|mut st| {
                st.query_row(params![id], |r| {
                    Ok(ArticleInfo {
                        id: r.get(0)?,
                        title: r.get(1)?,
                        url: r.get(2)?,
                        published: r.get(3)?,
                        outlet: r.get(4)?,
                        language: r.get(5)?,
                        text_chars: r.get::<_, i64>(6)? as u64,
                        coder_version: r.get(7)?,
                    })
                })
                .optional()
            })
            .map_err(self.api_err())
    }

    /// The per-quad time series between two days (YYYYMMDD, inclusive), summed over the
    /// dyads that match: `source` and/or `target` country, and `country` on either side.
    /// Reads only the `dyad_quad_day` rollup. Rows come in (day, quad) order.
    pub fn series_rows(
        &self,
        from: i64,
        to: i64,
        source: Option<&str>,
        target: Option<&str>,
        country: Option<&str>,
    ) -> Result<Vec<SeriesRow>> {
        let mut conds = vec!["day BETWEEN ? AND ?".to_string()];
        let mut vals = vec![Value::Integer(from), Value::Integer(to)];
        for (v, c) in [(source, "src = ?"), (target, "tgt = ?")] {
            if let Some(v) = v {
                conds.push(c.into());
                vals.push(Value::Text(v.to_uppercase()));
            }
        }
        let cond = conds.join(" AND ");
        let cols = "SELECT day, quad, events, goldstein_sum FROM dyad_quad_day";
        // Either side: two range reads (source side, then target side without the events
        // already counted on the source side), each on its own index.
        let inner = match country {
            Some(c) => {
                let c = Value::Text(c.to_uppercase());
                let mut second = vals.clone();
                second.extend([c.clone(), c.clone()]);
                vals.push(c);
                vals.extend(second);
                format!(
                    "{cols} WHERE {cond} AND src = ? UNION ALL \
                     {cols} WHERE {cond} AND tgt = ? AND src <> ?"
                )
            }
            None => format!("{cols} WHERE {cond}"),
        };
        let sql = format!(
            "SELECT day, quad, sum(events), sum(goldstein_sum) FROM ({inner})
             GROUP BY day, quad ORDER BY day, quad"
        );
        let err = self.api_err();
        let mut st = self.conn.prepare_cached(&sql).map_err(&err)?;
        let rows = st
            .query_map(params_from_iter(vals), |r| {
                Ok(SeriesRow {
                    day: r.get(0)?,
                    quad: r.get::<_, i64>(1)?.clamp(0, 255) as u8,
                    events: r.get(2)?,
                    goldstein_sum: r.get(3)?,
                })
            })
            .map_err(&err)?;
        rows.collect::<rusqlite::Result<Vec<_>>>().map_err(&err)
    }

    /// The countries on most events between two days (from the dyad rollup), at most `limit`.
    pub fn top_countries(&self, from: i64, to: i64, limit: u64) -> Result<Vec<ActorCount>> {
        let sql = "SELECT k, sum(s), sum(t), sum(b) FROM (
                SELECT src AS k, events AS s, 0 AS t, CASE WHEN src = tgt THEN events ELSE 0 END AS b
                FROM dyad_day WHERE day BETWEEN ?1 AND ?2 AND src <> ''
                UNION ALL
                SELECT tgt, 0, events, 0 FROM dyad_day WHERE day BETWEEN ?1 AND ?2 AND tgt <> ''
            ) GROUP BY k ORDER BY sum(s) + sum(t) - sum(b) DESC, k LIMIT ?3";
        let err = self.api_err();
        let mut st = self.conn.prepare_cached(sql).map_err(&err)?;
        let rows = st
            .query_map(params![from, to, int(limit)], |r| {
                let (s, t, both): (i64, i64, i64) = (r.get(1)?, r.get(2)?, r.get(3)?);
                Ok(ActorCount {
                    key: r.get(0)?,
                    label: None,
                    events: s + t - both,
                    as_source: s,
                    as_target: t,
                })
            })
            .map_err(&err)?;
        rows.collect::<rusqlite::Result<Vec<_>>>().map_err(&err)
    }

    /// The actor codes on most events matching `f` (a scan of the events, not a rollup), at
    /// most `limit`; the label is one text the actor was written as.
    pub fn top_actors(&self, f: &Filter, limit: u64) -> Result<Vec<ActorCount>> {
        let (cond, vals) = where_clause(f)?;
        let tgt_cond = and_where(&cond, "e.tgt_code IS NOT NULL AND e.tgt_code <> ''");
        let src_cond = and_where(&cond, "e.src_code <> ''");
        let mut all = vals.clone();
        all.extend(vals);
        all.push(int(limit));
        let sql = format!(
            "SELECT k, max(l), sum(s), sum(t), sum(b) FROM (
                SELECT e.src_code AS k, e.src_text AS l, 1 AS s, 0 AS t,
                       e.src_code = coalesce(e.tgt_code, '') AS b FROM events e {src_cond}
                UNION ALL
                SELECT e.tgt_code, e.tgt_text, 0, 1, 0 FROM events e {tgt_cond}
            ) GROUP BY k ORDER BY sum(s) + sum(t) - sum(b) DESC, k LIMIT ?"
        );
        let err = self.api_err();
        let mut st = self.conn.prepare(&sql).map_err(&err)?;
        let rows = st
            .query_map(params_from_iter(all), |r| {
                let (s, t, both): (i64, i64, i64) = (r.get(2)?, r.get(3)?, r.get(4)?);
                Ok(ActorCount {
                    key: r.get(0)?,
                    label: r.get(1)?,
                    events: s + t - both,
                    as_source: s,
                    as_target: t,
                })
            })
            .map_err(&err)?;
        rows.collect::<rusqlite::Result<Vec<_>>>().map_err(&err)
    }

    /// Country-to-country totals between two days with at least `min_events` events, largest
    /// first, at most `limit` (from the dyad rollup; unknown countries left out).
    pub fn dyad_totals(
        &self,
        from: i64,
        to: i64,
        min_events: i64,
        limit: u64,
    ) -> Result<Vec<DyadTotal>> {
        let sql = "SELECT src, tgt, sum(events) AS n, sum(goldstein_sum) FROM dyad_day
                   WHERE day BETWEEN ?1 AND ?2 AND src <> '' AND tgt <> ''
                   GROUP BY src, tgt HAVING n >= ?3 ORDER BY n DESC, src, tgt LIMIT ?4";
        let err = self.api_err();
        let mut st = self.conn.prepare_cached(sql).map_err(&err)?;
        let rows = st
            .query_map(params![from, to, min_events, int(limit)], |r| {
                Ok(DyadTotal {
                    source: r.get(0)?,
                    target: r.get(1)?,
                    events: r.get(2)?,
                    goldstein_sum: r.get(3)?,
                })
            })
            .map_err(&err)?;
        rows.collect::<rusqlite::Result<Vec<_>>>().map_err(&err)
    }

    /// Places of the events matching `f` with their event counts, most events first, at most
    /// `limit`. Events without coordinates are not places and are left out.
    pub fn location_points(&self, f: &Filter, limit: u64) -> Result<Vec<LocationPoint>> {
        let (cond, mut vals) = where_clause(f)?;
        let cond = and_where(&cond, "e.loc_lat IS NOT NULL AND e.loc_lon IS NOT NULL");
        vals.push(int(limit));
        let sql = format!(
            "SELECT e.loc_lat, e.loc_lon, coalesce(e.loc_name, ''), e.loc_country, count(*) AS n
             FROM events e {cond} GROUP BY 1, 2, 3, 4 ORDER BY n DESC, 3 LIMIT ?"
        );
        let err = self.api_err();
        let mut st = self.conn.prepare(&sql).map_err(&err)?;
        let rows = st
            .query_map(params_from_iter(vals), |r| {
                Ok(LocationPoint {
                    lat: r.get(0)?,
                    lon: r.get(1)?,
                    name: r.get(2)?,
                    country: r.get(3)?,
                    events: r.get(4)?,
                })
            })
            .map_err(&err)?;
        rows.collect::<rusqlite::Result<Vec<_>>>().map_err(&err)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn series_rows_either_side_counts_self_dyads_once() {
        let mut store = Store::open_in_memory().unwrap();
        crate::build_synthetic(&mut store, 3_000, |_| ()).unwrap();
        let all = |s: Option<&str>, t: Option<&str>, c: Option<&str>| -> i64 {
            store
                .series_rows(0, 99_999_999, s, t, c)
                .unwrap()
                .iter()
                .map(|r| r.events)
                .sum()
        };
        let f = |s: Option<&str>, t: Option<&str>| Filter {
            source: s.map(Into::into),
            target: t.map(Into::into),
            ..Filter::default()
        };
        assert_eq!(all(None, None, None), 3_000);
        let usa_src = store.count(&f(Some("USA"), None)).unwrap() as i64;
        let usa_tgt = store.count(&f(None, Some("USA"))).unwrap() as i64;
        let usa_usa = store.count(&f(Some("USA"), Some("USA"))).unwrap() as i64;
        assert!(
            usa_usa > 0,
            "the skewed draw puts USA on both sides sometimes"
        );
        assert_eq!(all(Some("usa"), None, None), usa_src);
        assert_eq!(all(None, None, Some("USA")), usa_src + usa_tgt - usa_usa);
        assert_eq!(all(Some("USA"), Some("USA"), None), usa_usa);
        let top = store.top_countries(0, 99_999_999, 3).unwrap();
        assert_eq!(top[0].key, "USA");
        assert_eq!(top[0].events, usa_src + usa_tgt - usa_usa);
    }

    #[test]
    fn read_only_store_refuses_writes_and_non_stores() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.db");
        let mut store = Store::open(&path).unwrap();
        crate::build_synthetic(&mut store, 20, |_| ()).unwrap();
        drop(store);
        let ro = Store::open_read_only(&path).unwrap();
        assert_eq!(ro.count(&Filter::default()).unwrap(), 20);
        assert!(ro.conn.execute("DELETE FROM events", []).is_err());
        let page = ro.query_page(&Filter::default(), 5, 10).unwrap();
        assert_eq!(page.len(), 10);
        assert_eq!(page[0].event.evidence.len(), 1);
        let other = dir.path().join("other.db");
        rusqlite::Connection::open(&other)
            .unwrap()
            .execute_batch("CREATE TABLE t (x);")
            .unwrap();
        assert!(matches!(
            Store::open_read_only(&other),
            Err(Error::NotAStore { .. })
        ));
    }
}
