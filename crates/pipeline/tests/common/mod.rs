//! Helpers shared by the pipeline test files that code written sentences through the real
//! pipeline (tokenizer, parser, actors, matcher, row building). Each test file is its own
//! crate, so a file may leave some of these unused.
#![allow(dead_code)]

use sitrep_doc::Event;
use sitrep_pipeline::{Pipeline, PipelineOptions};
use std::sync::OnceLock;

/// One pipeline per test binary: building it loads the model and the knowledge base.
pub fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::new(&PipelineOptions::default()).unwrap())
}

/// Codes `body` under a neutral headline, so the sentence under test is read as body text;
/// published on Wednesday 2017-02-01.
pub fn code(body: &str) -> Vec<Event> {
    let text = format!("World news in brief\n\n{body}\n");
    pipeline().code_text("pipeline-test", &text, Some("2017-02-01"))
}

/// The rows, one line each, for a failing assertion's message.
pub fn show(events: &[Event]) -> String {
    events
        .iter()
        .map(|e| {
            format!(
                "{} -> {} {} {} neg={} attr={:?} date={:?} ({}) trig={}",
                e.source.code,
                e.target.as_ref().map_or("-", |t| t.code.as_str()),
                e.cameo.code,
                e.modality,
                e.negated,
                e.attributed_to.as_ref().map(|a| &a.text),
                e.date,
                e.date_basis,
                e.evidence[0].trigger
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Events whose trigger (its first word; the rest are pattern words) is `word`.
pub fn on<'a>(events: &'a [Event], word: &str) -> Vec<&'a Event> {
    events
        .iter()
        .filter(|e| {
            e.evidence
                .iter()
                .any(|v| v.trigger.split(' ').next() == Some(word))
        })
        .collect()
}
