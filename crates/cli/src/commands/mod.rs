//! One module per subcommand.
pub mod actors;
pub mod code;
pub mod dict;
pub mod eval;
pub mod eval_events;
pub mod export;
pub mod extract;
pub mod ingest;
pub mod parse;
pub mod query;
pub mod serve;
pub mod stats;
pub mod worker;
