//! sitrep-store integration tests: one binary (link time on 2 cores), modules by topic.

mod common;
mod export;
#[cfg(feature = "parquet")]
mod parquet;
mod roundtrip;
