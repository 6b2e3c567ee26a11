//! The store's one error type.

use std::path::PathBuf;

/// What can go wrong opening, writing or reading a store.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// SQLite failed (I/O, corruption, a full disk, a locked database).
    #[error("store {path}: {source}")]
    Sqlite {
        /// The database file (`:memory:` for in-memory stores).
        path: PathBuf,
        /// The SQLite error.
        #[source]
        source: rusqlite::Error,
    },
    /// The file was written by a newer sitrep whose layout this one does not know.
    #[error("store {path}: schema version {found} is newer than this sitrep's {supported}")]
    SchemaTooNew {
        /// The database file.
        path: PathBuf,
        /// Version in the file.
        found: i64,
        /// Version this build writes.
        supported: i64,
    },
    /// The file exists but holds no sitrep store (opened read-only, so it was not created).
    #[error("{path}: not a sitrep store (no store layout in it)")]
    NotAStore {
        /// The file.
        path: PathBuf,
    },
    /// A filter value that cannot be used (e.g. a malformed date or bounding box).
    #[error("bad filter: {0}")]
    BadFilter(&'static str),
    /// Writing an export failed.
    #[error("writing export: {0}")]
    Io(#[from] std::io::Error),
    /// An event could not be turned into JSON (should not happen with the shared types).
    #[error("serialising an event: {0}")]
    Json(#[from] serde_json::Error),
}

/// Result with the store's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;
