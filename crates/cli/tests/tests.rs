//! CLI integration tests: run the real binary. One test binary keeps link time down.
mod actors_seed;
mod code;
mod common;
mod extract;
mod parse;
mod seed_extract;
mod store;
