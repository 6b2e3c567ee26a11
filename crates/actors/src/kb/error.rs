//! Errors and warnings of the knowledge-base loader. Every problem names its file and line,
//! so a reviewer can fix the data without reading the loader.

use std::fmt;
use std::path::PathBuf;

/// One problem found in a KB file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file, relative to the KB folder (`countries.txt`, `people/europe.txt`).
    pub file: String,
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

/// Why a knowledge base could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file or folder could not be read.
    #[error("reading {}: {source}", path.display())]
    Io {
        /// The path that failed.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// A file is not UTF-8.
    #[error("{}: not UTF-8 text", path.display())]
    NotUtf8 {
        /// The file.
        path: PathBuf,
    },
    /// A file is larger than the loader accepts (a KB file is text written by hand).
    #[error("{}: {size} bytes is over the {limit}-byte limit for a KB file", path.display())]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// The data has format or validation errors; all of them are listed.
    #[error("{} error(s) in the actor KB:\n{}", problems.len(), list(problems))]
    Invalid {
        /// Every error found, in file and line order.
        problems: Vec<Problem>,
    },
}

fn list(problems: &[Problem]) -> String {
    // Show enough to fix a typo batch; the full list stays in the value.
    const SHOWN: usize = 20;
    let mut s: Vec<String> = problems
        .iter()
        .take(SHOWN)
        .map(|p| format!("  {p}"))
        .collect();
    if problems.len() > SHOWN {
        s.push(format!("  ... and {} more", problems.len() - SHOWN));
    }
    s.join("\n")
}

/// Result of loading a KB.
pub type Result<T> = std::result::Result<T, Error>;
