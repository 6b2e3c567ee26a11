//! sitrep-store: the embedded event store. One SQLite file (no server) holds articles, coded
//! events, their evidence sentences (with an FTS5 index), a dyad-by-day rollup and the list of
//! ingested files, each row stamped with the coder version.
//!
//! Writes go through [`Store::write_batch`]: one transaction per batch, `INSERT OR IGNORE` on
//! content-hash ids, so storing the same article twice changes nothing and a process killed at
//! any moment leaves whole batches only. Reads go through [`Store::query`] with a [`Filter`],
//! [`Store::stats`], [`Store::dyad_days`], and the exports in [`export`].
//!
//! ```
//! use sitrep_store::{ArticleRow, CodedArticle, Filter, Store};
//! let mut store = Store::open_in_memory().unwrap();
//! let art = CodedArticle {
//!     article: ArticleRow { article_id: "a1".into(), input: "a.txt".into(), ..Default::default() },
//!     events: vec![],
//! };
//! let first = store.write_batch(&[art.clone()], &[], "test-1", 0).unwrap();
//! let again = store.write_batch(&[art], &[], "test-1", 0).unwrap();
//! assert_eq!((first.articles_new, again.articles_new), (1, 0));
//! let n = store.query::<sitrep_store::Error>(&Filter::default(), |_| Ok(())).unwrap();
//! assert_eq!(n, 0);
//! ```
#![warn(missing_docs)]

mod api_read;
mod error;
pub mod export;
mod fips;
#[cfg(feature = "parquet")]
mod parquet_export;
mod read;
mod schema;
mod synthetic;
mod write;

pub use api_read::{ActorCount, ArticleInfo, DyadTotal, Interrupt, LocationPoint, SeriesRow};
pub use error::{Error, Result};
pub use fips::iso3_to_fips;
pub use read::{DyadDay, Filter, StatsBy, StoredEvent};
pub use schema::SCHEMA_VERSION;
pub use synthetic::{build_synthetic, SYNTHETIC_COUNTRIES, SYNTHETIC_DAYS};
pub use write::{day_number, ArticleRow, CodedArticle, FileMark, WriteCounts};

use std::path::{Path, PathBuf};

/// An open store.
pub struct Store {
    conn: rusqlite::Connection,
    path: PathBuf,
}

impl Store {
    /// Open the store at `path`, creating it (and its layout) when absent.
    pub fn open(path: &Path) -> Result<Store> {
        Ok(Store {
            conn: schema::open(path)?,
            path: path.to_path_buf(),
        })
    }

    /// A throwaway store in memory (tests, examples).
    pub fn open_in_memory() -> Result<Store> {
        Store::open(Path::new(":memory:"))
    }

    /// Set SQLite's page cache size (the store opens with 64 MiB); bulk loads go faster
    /// with more.
    pub fn set_cache_mib(&self, mib: u32) -> Result<()> {
        self.conn
            .execute_batch(&format!("PRAGMA cache_size = -{};", u64::from(mib) * 1024))
            .map_err(|source| Error::Sqlite {
                path: self.path.clone(),
                source,
            })
    }

    /// The file this store lives in.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Checkpoint the write-ahead log into the main file, so the file alone is the store
    /// (called at the end of an ingest; a crash before it only leaves a longer log).
    pub fn checkpoint(&self) -> Result<()> {
        self.conn
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
            .map_err(|source| Error::Sqlite {
                path: self.path.clone(),
                source,
            })
    }

    /// A stable positive 63-bit number for an event id, for formats that need an integer id
    /// (GDELT's GLOBALEVENTID): the first 8 bytes of SHA-256 of the id, top bit cleared.
    pub fn numeric_id(event_id: &str) -> i64 {
        use sha2::{Digest, Sha256};
        let d = Sha256::digest(event_id.as_bytes());
        let mut b = [0u8; 8];
        b.copy_from_slice(&d[..8]);
        (u64::from_be_bytes(b) >> 1) as i64
    }
}

/// SHA-256 of a file's bytes (first 16 hex digits), read in blocks so memory stays flat; the
/// `hash` of a [`FileMark`].
pub fn file_hash(path: &Path) -> std::io::Result<String> {
    use sha2::{Digest, Sha256};
    use std::io::Read;
    let mut f = std::fs::File::open(path)?;
    let mut h = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let n = f.read(&mut buf)?;
        if n == 0 {
            break;
        }
        h.update(&buf[..n]);
    }
    Ok(h.finalize()[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect())
}
