//! Format detection (extension-less input: content sniffing, gzip by magic bytes) and then
//! whichever reader it picks.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| sitrep_fuzz::read_all(data, None));
