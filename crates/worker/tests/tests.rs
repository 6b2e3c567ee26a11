//! Integration tests of sitrep-worker (one binary: link time on 2 cores).

mod common;
#[cfg(feature = "kafka")]
mod kafka;
mod nats;
