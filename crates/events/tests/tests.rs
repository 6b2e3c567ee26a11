//! Integration tests for sitrep-events (one binary; see STYLE.md 2.5).

mod blind_sets;
mod common;
mod compat_suite;
mod dictionary;
mod lexicon_breadth;
mod lexicon_coverage;
mod lexicon_followups;
mod lexicon_general;
mod lexicon_guard;
mod lexicon_manual;
mod lexicon_news;
mod lexicon_round8;
mod lexicon_sense;
mod lexicon_wording;
mod matcher;
mod ontology_shared;
mod robust;
mod roles_slips;
mod roots;
mod seed;
mod sense;
