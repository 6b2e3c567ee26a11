//! One module per subcommand.
pub mod dict;
pub mod eval;
pub mod extract;
pub mod parse;
