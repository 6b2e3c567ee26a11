//! `Pipeline::code` end to end on arbitrary bytes, as HTML or text by the first byte: a coded
//! article or a named skip, and never more events than sentences can hold.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sitrep_doc::PayloadKind;
use sitrep_pipeline::{Pipeline, PipelineOptions};
use std::sync::OnceLock;

fuzz_target!(|data: &[u8]| {
    static P: OnceLock<Pipeline> = OnceLock::new();
    let p = P.get_or_init(|| Pipeline::new(&PipelineOptions::default()).expect("pipeline"));
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let kind = if first & 1 == 0 {
        PayloadKind::Text
    } else {
        PayloadKind::Html
    };
    match p.code(sitrep_fuzz::record(rest, kind), None) {
        Ok(coded) => {
            for e in &coded.events {
                assert!(!e.evidence.is_empty(), "an event without evidence");
            }
        }
        Err(skip) => assert!(!skip.detail.is_empty(), "{skip:?}"),
    }
});
