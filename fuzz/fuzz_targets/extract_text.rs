//! Flat-text extraction (decode, line classification, furniture removal) on arbitrary bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sitrep_doc::PayloadKind;
use sitrep_extract::{ExtractOptions, Extractor};
use std::sync::OnceLock;

fuzz_target!(|data: &[u8]| {
    static EX: OnceLock<Extractor> = OnceLock::new();
    let ex = EX.get_or_init(|| Extractor::new(ExtractOptions::default()));
    match ex.extract(sitrep_fuzz::record(data, PayloadKind::Text)) {
        Ok(doc) => assert!(!doc.text.contains("\n\n\n"), "text not normalised"),
        Err(skip) => assert!(!skip.detail.is_empty(), "{skip:?}"),
    }
});
