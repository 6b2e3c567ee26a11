//! The crate's error type.

use std::path::PathBuf;

/// Errors of loading, reading and training.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// Malformed CoNLL-U.
    #[error("{}line {line}: {message}", path_prefix(.path))]
    Conllu {
        /// The file (empty when parsing a string).
        path: PathBuf,
        /// 1-based line, 0 when the problem spans a sentence.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// The model bytes are not a model this code can read.
    #[error("model: {0}")]
    Model(&'static str),
    /// The model was written by different code (format version or feature templates differ).
    #[error("model was built by different code: {what} is {found:#x}, this build expects {expected:#x}; retrain with `sitrep train parser`")]
    ModelMismatch {
        /// Which header field.
        what: &'static str,
        /// In the file.
        found: u64,
        /// In this build.
        expected: u64,
    },
    /// Training data has no usable sentences or too many classes.
    #[error("training: {0}")]
    Training(String),
}

/// `Result<T, Error>`.
pub type Result<T> = std::result::Result<T, Error>;

fn path_prefix(p: &std::path::Path) -> String {
    if p.as_os_str().is_empty() {
        String::new()
    } else {
        format!("{}: ", p.display())
    }
}
