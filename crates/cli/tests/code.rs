//! `sitrep code` and `sitrep eval` (event suites) end to end on the seed article.

use crate::common::{assert_ok, json_lines, run_with_stdin, shared, sitrep};

const FIELDS: [&str; 16] = [
    "event_id",
    "article_id",
    "source",
    "target",
    "cameo",
    "plover",
    "negated",
    "modality",
    "attributed_to",
    "date",
    "date_text",
    "date_basis",
    "location",
    "evidence",
    "mentions",
    "confidence",
];

fn seed_path() -> Option<std::path::PathBuf> {
    Some(shared()?.join("seed/kim-putin-euronews.txt"))
}

fn code(args: &[&str]) -> std::process::Output {
    let out = sitrep().arg("code").args(args).output().unwrap();
    assert_ok(&out);
    out
}

#[test]
fn code_seed_rows_have_every_field() {
    let Some(seed) = seed_path() else { return };
    let out = code(&["-q", "--published", "2023-09-05", seed.to_str().unwrap()]);
    let rows = json_lines(&out.stdout);
    assert!(rows.len() >= 6, "{} rows", rows.len());
    for r in &rows {
        for f in FIELDS {
            assert!(r.get(f).is_some(), "missing {f} in {r}");
        }
        for f in ["text", "country", "sector", "code", "start", "end"] {
            assert!(r["source"].get(f).is_some(), "source.{f} missing");
        }
        for f in ["code", "root", "name", "goldstein", "quad_class"] {
            assert!(r["cameo"].get(f).is_some(), "cameo.{f} missing");
        }
        for f in ["event_type", "mode"] {
            assert!(r["plover"].get(f).is_some(), "plover.{f} missing");
        }
        let ev = &r["evidence"][0];
        for f in [
            "sentence",
            "sentence_index",
            "start",
            "end",
            "trigger",
            "rule",
        ] {
            assert!(ev.get(f).is_some(), "evidence.{f} missing");
        }
        let c = r["confidence"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&c));
    }
}

#[test]
fn code_output_is_the_same_across_runs_and_threads() {
    let Some(seed) = seed_path() else { return };
    let s = seed.to_str().unwrap();
    // Three copies of the article: the reorder buffer must keep input order.
    let a = code(&["-q", "--threads", "1", "--published", "2023-09-05", s, s, s]);
    let b = code(&["-q", "--threads", "3", "--published", "2023-09-05", s, s, s]);
    assert!(!a.stdout.is_empty());
    assert_eq!(a.stdout, b.stdout);
}

#[test]
fn code_explain_says_why_candidates_were_rejected() {
    let Some(seed) = seed_path() else { return };
    let out = code(&[
        "--explain",
        "--published",
        "2023-09-05",
        seed.to_str().unwrap(),
    ]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("sentence 0:"), "{text}");
    assert!(text.contains("rejected"), "{text}");
    assert!(text.contains("coded"), "{text}");
    // The parse the coder read is shown too: the seed's Kremlin sentence has its verb.
    assert!(text.contains("  parse: 1 "), "{text}");
    assert!(text.contains("/VERB "), "{text}");
}

#[test]
fn code_rejects_a_bad_published_flag() {
    let out = run_with_stdin(
        &["code", "--published", "5 Sept"],
        b"Russia attacked Ukraine.",
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn eval_json_runs_the_seed_suite() {
    let Some(shared) = shared() else { return };
    let out = sitrep()
        .args(["eval", "--json", "--only", "seed", "--shared"])
        .arg(&shared)
        .output()
        .unwrap();
    assert_ok(&out);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["seed"]["required"], 6);
    assert_eq!(v["seed"]["matched"], 6);
    assert_eq!(v["seed"]["forbidden"], 0);
    assert!(v.get("petrarch").is_none());
}

#[test]
fn eval_subcommands_still_parse() {
    let out = sitrep()
        .args(["eval", "extraction", "--help"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let out = sitrep()
        .args(["eval", "parser", "--help"])
        .output()
        .unwrap();
    assert!(out.status.success());
}

/// The event suites' headline figures, each with a floor a little under what HEAD measures
/// (`sitrep eval --json`; closing notes give the figures), so that a change that loses
/// PETRARCH records, PLOVER types or actors, or TABARI triples fails CI instead of passing
/// unnoticed. PLOVER's dev half is tuned on; its test half is reported, never tuned on.
#[test]
fn eval_json_event_suites_hold_their_floors() {
    let Some(shared) = shared() else { return };
    let out = sitrep()
        .args(["eval", "--json", "--shared"])
        .arg(&shared)
        .output()
        .unwrap();
    assert_ok(&out);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let num = |path: &[&str]| -> f64 {
        let mut x = &v;
        for k in path {
            x = &x[*k];
        }
        x.as_f64()
            .unwrap_or_else(|| panic!("{path:?} missing in {v}"))
    };
    let floors: [(&[&str], f64); 8] = [
        (&["petrarch", "exact"], 171.0),
        (&["tabari", "precision"], 0.63),
        (&["tabari", "recall"], 0.41),
        (&["plover", "dev_event_type_accuracy"], 0.73),
        (&["plover", "test_event_type_accuracy"], 0.48),
        (&["plover", "dev_actor_country_f1"], 0.80),
        (&["plover", "test_actor_country_f1"], 0.56),
        (&["seed", "matched"], 6.0),
    ];
    for (path, floor) in floors {
        let got = num(path);
        assert!(got >= floor, "{path:?} = {got} under its floor {floor}");
    }
    assert_eq!(num(&["seed", "forbidden"]), 0.0);
}
