//! The write path: one transaction per batch of articles, `INSERT OR IGNORE` on content-hash
//! ids, and the files a batch completes recorded in the same transaction, so a kill at any
//! moment leaves either the whole batch or none of it.

use crate::error::Result;
use crate::Store;
use rusqlite::{params, OptionalExtension};
use sitrep_doc::{Document, Event};

/// The article columns the store keeps (the text itself is not stored: evidence sentences
/// carry what a reader needs, and the source files remain the record of the full text).
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ArticleRow {
    /// Content-hash or input-given id.
    pub article_id: String,
    /// URL.
    pub url: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Outlet.
    pub site: Option<String>,
    /// Publication date as extracted.
    pub published: Option<String>,
    /// Language code.
    pub language: Option<String>,
    /// The file it came from.
    pub input: String,
    /// Record index in that file.
    pub record: u64,
    /// Length of the clean text in code points.
    pub text_chars: u64,
}

impl ArticleRow {
    /// The stored columns of an extracted document.
    pub fn from_document(doc: &Document) -> ArticleRow {
        ArticleRow {
            article_id: doc.id.clone(),
            url: doc.meta.url.clone(),
            title: doc.meta.title.clone(),
            site: doc.meta.site.clone(),
            published: doc.meta.published.clone(),
            language: doc.meta.language.clone(),
            input: doc.origin.input.clone(),
            record: doc.origin.record,
            text_chars: doc.text.chars().count() as u64,
        }
    }
}

/// One coded article ready to store.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct CodedArticle {
    /// Article columns.
    pub article: ArticleRow,
    /// Its events.
    pub events: Vec<Event>,
}

/// An input file whose every record is in the batch (or an earlier one): recorded so the next
/// run passes it over while its size, mtime and coder version are unchanged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileMark {
    /// Path as given on the command line (joined with the walked name).
    pub path: String,
    /// Bytes.
    pub size: u64,
    /// Modification time, seconds since the epoch.
    pub mtime: i64,
    /// SHA-256 of the content (first 16 hex digits), so a touched but unchanged file is
    /// recognised.
    pub hash: String,
    /// Articles stored from it.
    pub articles: u64,
}

/// What a batch changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WriteCounts {
    /// Articles new to the store.
    pub articles_new: u64,
    /// Articles already present (same content hash): nothing changed for them.
    pub articles_present: u64,
    /// Events new to the store.
    pub events_new: u64,
    /// Events already present.
    pub events_present: u64,
}

impl std::ops::AddAssign for WriteCounts {
    fn add_assign(&mut self, o: WriteCounts) {
        self.articles_new += o.articles_new;
        self.articles_present += o.articles_present;
        self.events_new += o.events_new;
        self.events_present += o.events_present;
    }
}

fn opt_sector(s: &[String]) -> String {
    s.join(" ")
}

/// `YYYY-MM-DD` -> YYYYMMDD, `YYYY-MM` -> YYYYMM00 (day 0 marks month precision and still
/// sorts inside its month); anything else -> None.
pub fn day_number(date: &str) -> Option<i64> {
    let b = date.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<i64> {
        let s = date.get(r)?;
        if s.bytes().all(|c| c.is_ascii_digit()) {
            s.parse().ok()
        } else {
            None
        }
    };
    let y = digits(0..4)?;
    if b.get(4) != Some(&b'-') {
        return None;
    }
    let m = digits(5..7)?;
    if !(1..=12).contains(&m) {
        return None;
    }
    match b.len() {
        7 => Some(y * 10000 + m * 100),
        10 if b[7] == b'-' => {
            let d = digits(8..10)?;
            (1..=31).contains(&d).then_some(y * 10000 + m * 100 + d)
        }
        _ => None,
    }
}

impl Store {
    /// Store a batch in one transaction; `done` files are marked ingested in the same
    /// transaction. `added` is the ingest time (seconds since the epoch) kept on new articles.
    pub fn write_batch(
        &mut self,
        batch: &[CodedArticle],
        done: &[FileMark],
        coder_version: &str,
        added: i64,
    ) -> Result<WriteCounts> {
        let path = self.path.clone();
        let wrap = |source| crate::Error::Sqlite {
            path: path.clone(),
            source,
        };
        let tx = self.conn.transaction().map_err(wrap)?;
        let mut counts = WriteCounts::default();
        {
            let mut art = tx
                .prepare_cached(
                    "INSERT OR IGNORE INTO articles (article_id, url, title, site, published,
                     language, input, record, text_chars, added, coder_version)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                )
                .map_err(wrap)?;
            let mut ev = tx
                .prepare_cached(
                    "INSERT OR IGNORE INTO events (event_id, article_id, day, date, date_text,
                     date_basis, src_text, src_country, src_sector, src_code, src_start, src_end,
                     tgt_text, tgt_country, tgt_sector, tgt_code, tgt_start, tgt_end,
                     cameo_code, cameo_root, cameo_name, goldstein, quad_class, plover_type,
                     plover_mode, negated, modality, attr_text, attr_country, attr_sector,
                     loc_name, loc_country, loc_lat, loc_lon, loc_gazetteer_id, loc_level,
                     mentions, confidence, coder_version)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,
                     ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30,
                     ?31, ?32, ?33, ?34, ?35, ?36, ?37, ?38, ?39)",
                )
                .map_err(wrap)?;
            let mut evid = tx
                .prepare_cached(
                    "INSERT OR IGNORE INTO evidence (event_rid, ord, sentence, sentence_index,
                     start, end, trigger, rule) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                )
                .map_err(wrap)?;
            for ca in batch {
                let a = &ca.article;
                let n = art
                    .execute(params![
                        a.article_id,
                        a.url,
                        a.title,
                        a.site,
                        a.published,
                        a.language,
                        a.input,
                        a.record as i64,
                        a.text_chars as i64,
                        added,
                        coder_version
                    ])
                    .map_err(wrap)?;
                if n == 1 {
                    counts.articles_new += 1;
                } else {
                    counts.articles_present += 1;
                }
                for e in &ca.events {
                    let t = e.target.as_ref();
                    let at = e.attributed_to.as_ref();
                    let l = e.location.as_ref();
                    let n = ev
                        .execute(params![
                            e.event_id,
                            e.article_id,
                            e.date.as_deref().and_then(day_number),
                            e.date,
                            e.date_text,
                            e.date_basis,
                            e.source.text,
                            e.source.country,
                            opt_sector(&e.source.sector),
                            e.source.code,
                            e.source.start,
                            e.source.end,
                            t.map(|t| &t.text),
                            t.and_then(|t| t.country.as_ref()),
                            t.map(|t| opt_sector(&t.sector)),
                            t.map(|t| &t.code),
                            t.map(|t| t.start),
                            t.map(|t| t.end),
                            e.cameo.code,
                            e.cameo.root,
                            e.cameo.name,
                            e.cameo.goldstein.map(f64::from),
                            e.cameo.quad_class,
                            e.plover.event_type,
                            e.plover.mode,
                            e.negated,
                            e.modality,
                            at.map(|a| &a.text),
                            at.and_then(|a| a.country.as_ref()),
                            at.map(|a| opt_sector(&a.sector)),
                            l.map(|l| &l.name),
                            l.and_then(|l| l.country.as_ref()),
                            l.and_then(|l| l.lat),
                            l.and_then(|l| l.lon),
                            l.and_then(|l| l.gazetteer_id.as_ref()),
                            l.map(|l| &l.level),
                            e.mentions,
                            f64::from(e.confidence),
                            coder_version
                        ])
                        .map_err(wrap)?;
                    if n == 0 {
                        counts.events_present += 1;
                        continue;
                    }
                    counts.events_new += 1;
                    let rid = tx.last_insert_rowid();
                    for (ord, x) in e.evidence.iter().enumerate() {
                        evid.execute(params![
                            rid,
                            ord as i64,
                            x.sentence,
                            x.sentence_index,
                            x.start,
                            x.end,
                            x.trigger,
                            x.rule
                        ])
                        .map_err(wrap)?;
                    }
                }
            }
            let mut mark = tx
                .prepare_cached(
                    "INSERT OR REPLACE INTO ingested_files (path, size, mtime, hash,
                     coder_version, articles) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                )
                .map_err(wrap)?;
            for f in done {
                mark.execute(params![
                    f.path,
                    f.size as i64,
                    f.mtime,
                    f.hash,
                    coder_version,
                    f.articles as i64
                ])
                .map_err(wrap)?;
            }
        }
        tx.commit().map_err(wrap)?;
        Ok(counts)
    }

    /// The mark stored for `path` by an earlier run with this coder version, if any.
    pub fn file_mark(&self, path: &str, coder_version: &str) -> Result<Option<FileMark>> {
        self.conn
            .query_row(
                "SELECT path, size, mtime, hash, articles FROM ingested_files
                 WHERE path = ?1 AND coder_version = ?2",
                params![path, coder_version],
                |r| {
                    Ok(FileMark {
                        path: r.get(0)?,
                        size: r.get::<_, i64>(1)? as u64,
                        mtime: r.get(2)?,
                        hash: r.get(3)?,
                        articles: r.get::<_, i64>(4)? as u64,
                    })
                },
            )
            .optional()
            .map_err(|source| crate::Error::Sqlite {
                path: self.path.clone(),
                source,
            })
    }
}

#[cfg(test)]
mod tests {
    use super::day_number;

    #[test]
    fn day_number_parses_day_and_month_precision() {
        assert_eq!(day_number("2023-09-13"), Some(20230913));
        assert_eq!(day_number("2023-09"), Some(20230900));
        assert_eq!(day_number("2023-13-01"), None);
        assert_eq!(day_number("2023-09-1x"), None);
        assert_eq!(day_number("2023/09/13"), None);
        assert_eq!(day_number("é023-09-13"), None);
        assert_eq!(day_number(""), None);
    }
}
