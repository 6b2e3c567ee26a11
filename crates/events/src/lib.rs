//! sitrep-events owns event coding: the CAMEO and PLOVER ontology tables, the project's own
//! event dictionary (`data/verbs.txt`, `data/nouns.txt`) and the matcher that applies it to a
//! dependency parse.
//!
//! Reads: a parsed [`Sentence`] (CoNLL-U shape) and the caller's [`ActorSpan`]s. Writes:
//! [`Candidate`] events (CAMEO code, Goldstein, PLOVER type and mode, source and target actors,
//! negation, modality, attribution, evidence span and rule id) and [`Rejected`] rule
//! applications with a reason, for `--explain`.
//!
//! ```
//! use sitrep_events::{ActorSpan, Dictionary, Matcher, Sentence};
//! let s = Sentence::from_conllu(
//!     "1\tShoigu\tShoigu\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n\
//!      2\tvisited\tvisit\tVERB\tVBD\t_\t0\troot\t_\t_\n\
//!      3\tPyongyang\tPyongyang\tPROPN\tNNP\t_\t2\tobj\t_\t_\n",
//! ).unwrap();
//! let actors = [ActorSpan::new(0, 0, 0, "RUSGOVMIL"), ActorSpan::new(2, 2, 2, "PRK")];
//! let dict = Dictionary::embedded().unwrap();
//! let found = Matcher::new(&dict).run(&s, &actors);
//! assert_eq!(found.events[0].code.as_str(), "042");
//! ```
#![warn(missing_docs)]

mod attach;
mod attribution;
mod background;
mod clause;
pub mod compat;
pub mod dates;
mod error;
mod forms;
mod framing;
mod matcher;
mod modality;
mod ontology;
mod pattern;
mod protest;
mod repair;
mod roles;
mod sentence;
mod subject;
mod syntax;

pub use error::{Error, Result};
pub use matcher::{Attribution, Candidate, MatchResult, Matcher, Modality, RejectReason, Rejected};
pub use modality::is_request_verb;
pub use ontology::{
    CameoCode, CameoEntry, Ontology, PloverEntry, PloverMode, PloverType, QuadClass,
};
pub use pattern::{Arg, Constraint, Dictionary, Path, Rel, Rule, TriggerKind};
pub use sentence::{ActorSpan, Sentence, Word};
