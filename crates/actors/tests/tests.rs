//! Integration tests of sitrep-actors (one binary; add modules here).

mod common;
mod dict;
mod kb_shared;
mod recognize;
mod recognize_eval;
