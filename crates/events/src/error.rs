//! The crate's error type: malformed tables, dictionaries or CoNLL-U test input.

/// Errors from loading the ontology tables, the event dictionary or a CoNLL-U sentence.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A row of an ontology table is malformed.
    #[error("{table}:{line}: {message}")]
    Table {
        /// File name of the table.
        table: &'static str,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A rule of the event dictionary does not parse or names an unknown code or class.
    #[error("{file}:{line}: {message}")]
    Rule {
        /// Dictionary file name.
        file: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A CoNLL-U line is malformed.
    #[error("conllu line {line}: {message}")]
    Conllu {
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

/// Result with the crate's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;
