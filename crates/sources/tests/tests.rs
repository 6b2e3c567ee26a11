//! Integration tests for sitrep-sources. Every adversarial input is generated here, never
//! committed.

mod util;

mod files;
mod gzip;
mod jsonl;
mod mutate;
mod shared;
mod warc;
