//! The gzip layer: the input is compressed first, so the fuzzer's bytes reach the detected
//! reader through inflation (and the ratio and size limits); the raw bytes behind a gzip magic
//! number exercise a corrupt stream too.
#![no_main]

use flate2::{write::GzEncoder, Compression};
use libfuzzer_sys::fuzz_target;
use std::io::Write;

fuzz_target!(|data: &[u8]| {
    let mut enc = GzEncoder::new(Vec::new(), Compression::fast());
    enc.write_all(data).expect("writing to a Vec");
    let gz = enc.finish().expect("writing to a Vec");
    sitrep_fuzz::read_all(&gz, None);
    let mut corrupt = vec![0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0, 0xff];
    corrupt.extend_from_slice(data);
    sitrep_fuzz::read_all(&corrupt, None);
});
