//! Actor and place recognition (with coreference) through the pipeline's `actors` view, on
//! arbitrary text: mentions stay inside the analysed text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sitrep_doc::PayloadKind;
use sitrep_pipeline::{Pipeline, PipelineOptions};
use std::sync::OnceLock;

fuzz_target!(|data: &[u8]| {
    static P: OnceLock<Pipeline> = OnceLock::new();
    let p = P.get_or_init(|| Pipeline::new(&PipelineOptions::default()).expect("pipeline"));
    let tag = data.first().is_some_and(|b| b & 1 == 1);
    if let Ok(view) = p.actors(sitrep_fuzz::record(data, PayloadKind::Text), None, tag) {
        for m in &view.mentions {
            assert!(m.start < m.end && m.end <= view.text.len(), "{m:?}");
            assert!(
                view.text.get(m.start..m.end).is_some(),
                "not on char boundaries: {m:?}"
            );
        }
    }
});
