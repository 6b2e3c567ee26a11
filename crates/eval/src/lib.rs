//! sitrep-eval: scorers and loaders for the public evaluation sets under `../shared/data`.
//!
//! The data is read in place, never copied. Each scorer is a pure function tested on small
//! hand-made cases; the loaders only know the datasets' layouts.
#![warn(missing_docs)]

pub mod events_score;
pub mod extraction;
pub mod petrarch;
pub mod plover;
pub mod seed;
pub mod tabari;

use std::path::PathBuf;

/// Errors from loading an evaluation set.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file of the dataset could not be read.
    #[error("reading {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// A file of the dataset is not in the expected format.
    #[error("{path}: {detail}")]
    Format {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        detail: String,
    },
}

/// Result with this crate's error.
pub type Result<T> = std::result::Result<T, Error>;

/// Where `../shared/data` is: `SITREP_SHARED` (the folder holding `data/`) if set, else the
/// first `shared/` or `../shared` holding `data/` from the working directory up
/// ([`sitrep_doc::shared_data::locate`]).
pub fn shared_dir() -> Option<PathBuf> {
    sitrep_doc::shared_data::locate()
}
