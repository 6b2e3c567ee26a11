//! The warc reader (format forced) on arbitrary bytes: ends, never panics, names every skip.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sitrep_sources::InputFormat;

fuzz_target!(|data: &[u8]| sitrep_fuzz::read_all(data, Some(InputFormat::Warc)));
