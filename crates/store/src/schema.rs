//! The SQLite layout and its version. One file holds everything, so a copy of the file is a
//! copy of the store.
//!
//! Why this layout (measured numbers are in the crate README):
//! - `events` keeps one row per event with flat columns, so filters are plain SQL and a row
//!   needs no JSON parsing; sectors are space-joined because they are short and only filtered
//!   by substring.
//! - `event_id` is UNIQUE: the content-hash id makes `INSERT OR IGNORE` idempotent.
//! - `dyad_day` is a rollup kept by a trigger inside the same transaction as the insert, so it
//!   can never disagree with `events`, even after a crash; it answers dyad-by-day aggregation
//!   without touching the events table.
//! - `dyad_quad_day` is the same rollup split by quad class and keyed dyad first, so one
//!   dyad's time series (the API's `/api/series`) is a range read of its own rows.
//! - `evidence_fts` is an FTS5 index over evidence sentences (external content, so the text is
//!   stored once).

use crate::error::{Error, Result};
use rusqlite::Connection;
use std::path::Path;

/// The layout version this build writes. Bump it with a migration when the layout changes.
pub const SCHEMA_VERSION: i64 = 1;

const DDL: &str = "
CREATE TABLE IF NOT EXISTS store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    article_id TEXT PRIMARY KEY,
    url TEXT, title TEXT, site TEXT, published TEXT, language TEXT,
    input TEXT NOT NULL, record INTEGER NOT NULL,
    text_chars INTEGER NOT NULL,
    added INTEGER NOT NULL,
    coder_version TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS events (
    rid INTEGER PRIMARY KEY,
    event_id TEXT NOT NULL UNIQUE,
    article_id TEXT NOT NULL,
    day INTEGER,
    date TEXT, date_text TEXT, date_basis TEXT NOT NULL,
    src_text TEXT NOT NULL, src_country TEXT, src_sector TEXT NOT NULL, src_code TEXT NOT NULL,
    src_start INTEGER NOT NULL, src_end INTEGER NOT NULL,
    tgt_text TEXT, tgt_country TEXT, tgt_sector TEXT, tgt_code TEXT,
    tgt_start INTEGER, tgt_end INTEGER,
    cameo_code TEXT NOT NULL, cameo_root TEXT NOT NULL, cameo_name TEXT NOT NULL,
    goldstein REAL, quad_class INTEGER NOT NULL,
    plover_type TEXT NOT NULL, plover_mode TEXT,
    negated INTEGER NOT NULL, modality TEXT NOT NULL,
    attr_text TEXT, attr_country TEXT, attr_sector TEXT,
    loc_name TEXT, loc_country TEXT, loc_lat REAL, loc_lon REAL, loc_gazetteer_id TEXT,
    loc_level TEXT,
    mentions INTEGER NOT NULL, confidence REAL NOT NULL,
    coder_version TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_dyad ON events (src_country, tgt_country, day);
CREATE INDEX IF NOT EXISTS events_day ON events (day);
CREATE INDEX IF NOT EXISTS events_article ON events (article_id);
CREATE TABLE IF NOT EXISTS evidence (
    id INTEGER PRIMARY KEY,
    event_rid INTEGER NOT NULL,
    ord INTEGER NOT NULL,
    sentence TEXT NOT NULL, sentence_index INTEGER NOT NULL,
    start INTEGER NOT NULL, end INTEGER NOT NULL,
    trigger TEXT NOT NULL, rule TEXT NOT NULL,
    UNIQUE (event_rid, ord)
);
CREATE VIRTUAL TABLE IF NOT EXISTS evidence_fts USING fts5 (
    sentence, content = 'evidence', content_rowid = 'id'
);
CREATE TRIGGER IF NOT EXISTS evidence_fts_ai AFTER INSERT ON evidence BEGIN
    INSERT INTO evidence_fts (rowid, sentence) VALUES (new.id, new.sentence);
END;
CREATE TABLE IF NOT EXISTS dyad_day (
    day INTEGER NOT NULL, src TEXT NOT NULL, tgt TEXT NOT NULL,
    events INTEGER NOT NULL, goldstein_sum REAL NOT NULL,
    PRIMARY KEY (day, src, tgt)
) WITHOUT ROWID;
CREATE TRIGGER IF NOT EXISTS events_rollup_ai AFTER INSERT ON events BEGIN
    INSERT INTO dyad_day (day, src, tgt, events, goldstein_sum)
    VALUES (coalesce(new.day, 0), coalesce(new.src_country, ''), coalesce(new.tgt_country, ''),
            1, coalesce(new.goldstein, 0))
    ON CONFLICT (day, src, tgt) DO UPDATE SET
        events = events + 1, goldstein_sum = goldstein_sum + excluded.goldstein_sum;
END;
CREATE TABLE IF NOT EXISTS dyad_quad_day (
    src TEXT NOT NULL, tgt TEXT NOT NULL, day INTEGER NOT NULL, quad INTEGER NOT NULL,
    events INTEGER NOT NULL, goldstein_sum REAL NOT NULL,
    PRIMARY KEY (src, tgt, day, quad)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS dyad_quad_day_tgt ON dyad_quad_day (tgt, day);
CREATE INDEX IF NOT EXISTS dyad_quad_day_day ON dyad_quad_day (day);
CREATE TRIGGER IF NOT EXISTS events_rollup_quad_ai AFTER INSERT ON events BEGIN
    INSERT INTO dyad_quad_day (src, tgt, day, quad, events, goldstein_sum)
    VALUES (coalesce(new.src_country, ''), coalesce(new.tgt_country, ''), coalesce(new.day, 0),
            new.quad_class, 1, coalesce(new.goldstein, 0))
    ON CONFLICT (src, tgt, day, quad) DO UPDATE SET
        events = events + 1, goldstein_sum = goldstein_sum + excluded.goldstein_sum;
END;
CREATE TABLE IF NOT EXISTS ingested_files (
    path TEXT PRIMARY KEY,
    size INTEGER NOT NULL, mtime INTEGER NOT NULL, hash TEXT NOT NULL,
    coder_version TEXT NOT NULL,
    articles INTEGER NOT NULL
) WITHOUT ROWID;
";

/// Fills `dyad_quad_day` from `events` (for stores written before that rollup existed).
const QUAD_BACKFILL: &str = "
INSERT INTO dyad_quad_day (src, tgt, day, quad, events, goldstein_sum)
SELECT coalesce(src_country, ''), coalesce(tgt_country, ''), coalesce(day, 0), quad_class,
       count(*), sum(coalesce(goldstein, 0))
FROM events GROUP BY 1, 2, 3, 4;
";

/// Open (creating when absent) and bring the layout up to date.
pub(crate) fn open(path: &Path) -> Result<Connection> {
    let wrap = |source| Error::Sqlite {
        path: path.to_path_buf(),
        source,
    };
    let conn = if path.as_os_str() == ":memory:" {
        Connection::open_in_memory().map_err(wrap)?
    } else {
        Connection::open(path).map_err(wrap)?
    };
    // A 64 MiB page cache (SQLite's default is 2 MiB): index inserts land at random pages, and
    // with the default cache a store of millions of events spends its time re-reading them.
    // WAL: readers never block the writer, and a commit is one fsync of the log. NORMAL sync
    // is durable against a process kill (the case the crash test covers); only a power cut
    // can lose the last committed batch, which a rerun then redoes.
    conn.execute_batch(
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = OFF;
         PRAGMA busy_timeout = 10000; PRAGMA cache_size = -65536;",
    )
    .map_err(wrap)?;
    let found: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(wrap)?;
    if found > SCHEMA_VERSION {
        return Err(Error::SchemaTooNew {
            path: path.to_path_buf(),
            found,
            supported: SCHEMA_VERSION,
        });
    }
    // The per-quad rollup came after the first stores were written: a store made before it
    // gets it filled from its events once, in the same transaction that creates it.
    let had_quad_rollup: bool = conn
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE name = 'dyad_quad_day'",
            [],
            |r| r.get::<_, i64>(0),
        )
        .map_err(wrap)?
        > 0;
    let backfill = if had_quad_rollup { "" } else { QUAD_BACKFILL };
    conn.execute_batch(&format!(
        "BEGIN; {DDL} {backfill} PRAGMA user_version = {SCHEMA_VERSION};
         INSERT OR REPLACE INTO store_meta (key, value) VALUES ('schema_version', '{SCHEMA_VERSION}');
         COMMIT;"
    ))
    .map_err(wrap)?;
    Ok(conn)
}
