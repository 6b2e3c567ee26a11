//! Pipeline tests on the seed article (read in place from the shared folder).

use sitrep_doc::{Event, Hints, Payload, PayloadKind, RawRecord};
use sitrep_pipeline::{Pipeline, PipelineOptions};
use std::path::PathBuf;

fn shared() -> Option<PathBuf> {
    let dir = sitrep_eval::shared_dir();
    if dir.is_none() {
        assert!(
            std::env::var("SITREP_REQUIRE_SHARED").as_deref() != Ok("1"),
            "SITREP_REQUIRE_SHARED=1 but no shared folder was found"
        );
        eprintln!("skipped: no shared data folder (set SITREP_SHARED)");
    }
    dir
}

fn record(text: &str) -> RawRecord {
    RawRecord {
        input: "kim-putin-euronews.txt".into(),
        record: 0,
        payload: Payload {
            kind: PayloadKind::Text,
            bytes: text.as_bytes().to_vec(),
        },
        hints: Hints::default(),
    }
}

fn describe(e: &Event) -> String {
    format!(
        "{} -> {} {} {} date={:?} loc={:?} conf={:.2} | {}",
        e.source.code,
        e.target.as_ref().map_or("-", |t| t.code.as_str()),
        e.cameo.code,
        e.modality,
        e.date,
        e.location.as_ref().map(|l| &l.name),
        e.confidence,
        e.evidence
            .iter()
            .map(|v| format!("[{}] {}", v.trigger, v.sentence))
            .collect::<Vec<_>>()
            .join(" || ")
    )
}

#[test]
fn seed_required_events_matched_and_none_forbidden() {
    let Some(shared) = shared() else { return };
    let expected = sitrep_eval::seed::load(&shared).unwrap();
    let article = sitrep_eval::seed::load_article(&shared, &expected).unwrap();
    let p = Pipeline::new(&PipelineOptions::default()).unwrap();
    let coded = p
        .code(record(&article), Some(expected.published()))
        .unwrap();
    for e in &coded.events {
        eprintln!("{}", describe(e));
    }
    let report = sitrep_eval::seed::score(&expected, &coded.events);
    eprintln!("{report:#?}");
    assert_eq!(
        report.forbidden, 0,
        "forbidden events: {:?}",
        report.forbidden_hits
    );
    assert_eq!(
        report.matched, report.required,
        "required events: {:#?}",
        report.details
    );
}

#[test]
fn coding_is_deterministic_and_rows_are_complete() {
    let Some(shared) = shared() else { return };
    let expected = sitrep_eval::seed::load(&shared).unwrap();
    let article = sitrep_eval::seed::load_article(&shared, &expected).unwrap();
    let p = Pipeline::new(&PipelineOptions::default()).unwrap();
    let a = p.code(record(&article), Some("2023-09-05")).unwrap().events;
    let b = p.code(record(&article), Some("2023-09-05")).unwrap().events;
    assert_eq!(a, b);
    assert!(!a.is_empty());
    for e in &a {
        assert_eq!(e.event_id.len(), 16);
        assert!(!e.source.code.is_empty());
        assert!(!e.cameo.code.is_empty() && e.cameo.code.starts_with(&e.cameo.root));
        assert!(!e.evidence.is_empty());
        assert_eq!(e.mentions as usize, e.evidence.len());
        assert!((0.0..=1.0).contains(&e.confidence));
        assert!(["explicit", "relative", "publication", "none"].contains(&e.date_basis.as_str()));
        for ev in &e.evidence {
            assert!(ev.start < ev.end);
        }
    }
}

#[test]
fn bad_publication_date_is_a_skip_not_a_panic() {
    let p = Pipeline::new(&PipelineOptions::default()).unwrap();
    let err = p
        .code(record("Russia attacked Ukraine on Monday."), Some("Sept 5"))
        .unwrap_err();
    assert_eq!(err.reason, sitrep_doc::SkipReason::Unreadable);
}

#[test]
fn undated_article_codes_without_a_date() {
    let p = Pipeline::new(&PipelineOptions::default()).unwrap();
    let coded = p
        .code(
            record("The European Union imposed new sanctions on Iran."),
            None,
        )
        .unwrap();
    assert!(!coded.events.is_empty(), "the sanctions are coded");
    for e in &coded.events {
        assert_eq!(e.date, None);
        assert_eq!(e.date_basis, "none");
    }
}

#[test]
fn external_dictionaries_are_refused_until_converted() {
    let opts = PipelineOptions {
        actor_dicts: vec![sitrep_actors::dict::Dictionary::Words(Default::default())],
        ..Default::default()
    };
    assert!(Pipeline::new(&opts).is_err());
}
