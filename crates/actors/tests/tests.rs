//! Integration tests of sitrep-actors (one binary; add modules here).

mod common;
mod dict;
mod gaz;
mod kb_shared;
mod ngec_eval;
mod recognize;
mod recognize_eval;
mod recognize_groups;
mod recognize_named;
mod recognize_orgs;
mod recognize_owners;
mod recognize_relations;
mod recognize_rules;
mod recognize_sectors;
