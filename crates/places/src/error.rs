//! The crate's one error type: a gazetteer file that cannot be read.

/// Why a gazetteer could not be loaded. Resolution itself never fails: an unknown name is
/// `None`, not an error.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The gzip stream could not be read (corrupt, truncated, or not gzip at all).
    #[error("gazetteer: cannot decompress: {source}")]
    Decompress {
        /// The underlying decoder error.
        #[source]
        source: std::io::Error,
    },
    /// The data decompresses to more than the loader accepts (a gzip bomb or a wrong file).
    #[error("gazetteer: more than {limit} bytes after decompression")]
    TooLarge {
        /// The byte limit.
        limit: u64,
    },
    /// The first line is not the `sitrep-gazetteer v1` header.
    #[error("gazetteer: missing or unknown format header (want `#sitrep-gazetteer v1`)")]
    Header,
    /// A row does not have the shape its record type requires.
    #[error("gazetteer: line {line}: {what}")]
    Row {
        /// 1-based line number in the decompressed text.
        line: usize,
        /// What was wrong with it.
        what: &'static str,
    },
}

/// Result alias for this crate.
pub type Result<T> = std::result::Result<T, Error>;
