//! sitrep-actors: who is acting. This crate owns the built-in actor knowledge base
//! ([`kb`]: countries, seats of power, international organisations, sector role words and
//! people with dated roles, all plain text under `kb/` written by the project) and, later,
//! mention finding and coreference on top of it.
//!
//! The knowledge base is embedded in the binary and parsed once:
//!
//! ```
//! use sitrep_actors::kb::{Entry, Kb};
//! let kb = Kb::builtin().expect("the embedded KB is validated by the tests");
//! let hits = kb.lookup("North Korean");
//! assert!(hits.iter().any(|e| matches!(e, Entry::Country { .. })));
//! assert_eq!(kb.country_of(hits[0]), Some("PRK"));
//! ```
#![warn(missing_docs)]

pub mod dict;
pub mod kb;
pub mod recognize;
