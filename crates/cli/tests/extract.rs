//! `sitrep extract` end to end on the bundled examples and on bad input.
use crate::common::*;

const FIELDS: [&str; 13] = [
    "input",
    "record",
    "id",
    "url",
    "title",
    "byline",
    "authors",
    "site",
    "published",
    "language",
    "text",
    "captions",
    "dropped",
];

fn examples() -> std::path::PathBuf {
    repo_root().join("examples/articles")
}

#[test]
fn extract_examples_folder_gives_every_document_with_all_fields() {
    let out = sitrep()
        .args(["extract", "--quiet"])
        .arg(examples())
        .output()
        .unwrap();
    assert_ok(&out);
    let docs = json_lines(&out.stdout);
    // flood-relief.txt, harbour-talks.html, wire.jsonl (3 lines): sorted path order.
    assert_eq!(docs.len(), 5, "{docs:#?}");
    for d in &docs {
        let obj = d.as_object().unwrap();
        for f in FIELDS {
            assert!(obj.contains_key(f), "missing field {f} in {d}");
        }
        assert!(!d["text"].as_str().unwrap().is_empty());
    }
    let inputs: Vec<&str> = docs.iter().map(|d| d["input"].as_str().unwrap()).collect();
    assert!(inputs[0].ends_with("flood-relief.txt"), "{inputs:?}");
    assert!(inputs[1].ends_with("harbour-talks.html"), "{inputs:?}");
    let records: Vec<u64> = docs[2..]
        .iter()
        .map(|d| d["record"].as_u64().unwrap())
        .collect();
    assert_eq!(records, vec![0, 1, 2]);
    // JSONL metadata is carried through.
    assert_eq!(docs[2]["id"], "wire-0001");
    assert_eq!(docs[2]["published"], "2024-05-02");
    assert_eq!(docs[2]["site"], "Example Wire");
    // The JSONL record given as HTML went through the HTML path.
    assert!(docs[4]["text"]
        .as_str()
        .unwrap()
        .contains("lakeside city of Brenn"));
    assert!(!docs[4]["text"].as_str().unwrap().contains("<p>"));
}

#[test]
fn extract_html_example_keeps_story_and_drops_furniture() {
    let out = sitrep()
        .args(["extract", "--quiet"])
        .arg(examples().join("harbour-talks.html"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let d = &json_lines(&out.stdout)[0];
    let text = d["text"].as_str().unwrap();
    assert!(
        text.starts_with("The foreign ministers of Norland"),
        "{text}"
    );
    assert!(text.contains("Per Haldor, 58."));
    for junk in [
        "ADVERTISEMENT",
        "Share on Facebook",
        "Related",
        "Subscribe",
        "cookies",
        "All rights reserved",
        "Photo:",
    ] {
        assert!(!text.contains(junk), "{junk:?} left in text: {text}");
    }
    assert_eq!(
        d["title"],
        "Coastal states agree to reopen harbour talks after fishing clash"
    );
    assert_eq!(d["site"], "The Meridian Herald");
    assert_eq!(d["published"], "2024-03-18");
    assert_eq!(d["language"], "en");
    let authors = strings(&d["authors"]);
    assert!(
        authors.contains(&"Lena Okafor") && authors.contains(&"Tomas Reyes"),
        "{authors:?}"
    );
    let captions = d["captions"].as_array().unwrap();
    assert_eq!(captions.len(), 1, "{captions:?}");
    assert!(captions[0]
        .as_str()
        .unwrap()
        .contains("Fishing boats moored"));
    assert!(!d["dropped"].as_array().unwrap().is_empty());
}

#[test]
fn extract_flat_example_drops_furniture_and_keeps_caption_once() {
    let out = sitrep()
        .args(["extract", "--quiet"])
        .arg(examples().join("flood-relief.txt"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let raw = String::from_utf8(out.stdout.clone()).unwrap();
    let d = &json_lines(&out.stdout)[0];
    let text = d["text"].as_str().unwrap();
    assert_eq!(d["title"], "Army deployed as floods cut off northern towns");
    assert!(
        text.starts_with("The government of Carsova ordered the army"),
        "{text}"
    );
    assert!(text.contains("a charge the prime minister rejected."));
    for junk in [
        "ADVERTISEMENT",
        "Share this article",
        "Copyright",
        "You might also like",
        "recipes",
        "Star striker",
    ] {
        assert!(!text.contains(junk), "{junk:?} left in text: {text}");
    }
    assert!(d["byline"].as_str().unwrap().contains("Reuters"));
    assert_eq!(
        raw.matches("Soldiers carry sandbags").count(),
        1,
        "caption must appear once: {raw}"
    );
    let reasons: Vec<&str> = d["dropped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["reason"].as_str().unwrap())
        .collect();
    assert!(reasons.contains(&"advertisement"), "{reasons:?}");
    assert!(reasons.contains(&"related_links"), "{reasons:?}");
}

#[test]
fn extract_is_deterministic_across_runs_and_thread_counts() {
    let run = |threads: &str| {
        let out = sitrep()
            .args(["extract", "--quiet", "--threads", threads])
            .arg(examples())
            .output()
            .unwrap();
        assert!(out.status.success());
        out.stdout
    };
    let a = run("1");
    assert_eq!(a, run("1"));
    assert_eq!(a, run("2"));
    assert_eq!(a, run("7"));
}

#[test]
fn extract_reads_stdin_and_prints_text_format() {
    let html = std::fs::read(examples().join("harbour-talks.html")).unwrap();
    let out = run_with_stdin(&["extract", "--quiet", "--format", "text", "-"], &html);
    assert_ok(&out);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("The foreign ministers of Norland"),
        "{text}"
    );
    assert!(!text.trim_start().starts_with('{'));
}

#[test]
fn extract_missing_input_is_a_counted_skip_and_exit_1() {
    let out = sitrep()
        .args(["extract", "/nonexistent/sitrep-test-path"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("/nonexistent/sitrep-test-path"), "{err}");
    assert!(err.contains("skipped 1"), "{err}");
}

#[test]
fn extract_strict_fails_on_any_skip_but_still_prints_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        examples().join("flood-relief.txt"),
        dir.path().join("a.txt"),
    )
    .unwrap();
    std::fs::write(dir.path().join("b.txt"), b"").unwrap();
    let lax = sitrep().args(["extract"]).arg(dir.path()).output().unwrap();
    assert_eq!(lax.status.code(), Some(0));
    assert_eq!(json_lines(&lax.stdout).len(), 1);
    let err = String::from_utf8_lossy(&lax.stderr);
    assert!(err.contains("b.txt") && err.contains("empty"), "{err}");
    let strict = sitrep()
        .args(["extract", "--strict"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(strict.status.code(), Some(1));
    assert_eq!(json_lines(&strict.stdout).len(), 1);
}

#[test]
fn extract_bad_inputs_are_skipped_by_reason_and_the_run_goes_on() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::copy(examples().join("harbour-talks.html"), p.join("good.html")).unwrap();
    std::fs::write(
        p.join("binary.txt"),
        [0u8, 1, 2, 3, 0xff, 0xfe, 0, 0, 7, 8].repeat(100),
    )
    .unwrap();
    // Truncated gzip: a valid member cut in half.
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&"Some words of an article. ".repeat(2000).into_bytes())
        .unwrap();
    let gz = gz.finish().unwrap();
    std::fs::write(p.join("cut.txt.gz"), &gz[..gz.len() / 2]).unwrap();
    // Invalid UTF-8 in a text file: decoded with a note, not skipped.
    std::fs::write(
        p.join("latin1.txt"),
        b"The minister said the caf\xe9 near the harbour would reopen on Monday after repairs.",
    )
    .unwrap();
    // Deeply nested HTML.
    let deep = format!(
        "<html><body>{}<p>Deep text that is still an article paragraph.</p></body></html>",
        "<div>".repeat(200_000)
    );
    std::fs::write(p.join("deep.html"), deep).unwrap();
    let out = sitrep().args(["extract"]).arg(p).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(!err.contains("internal_panic"), "{err}");
    assert!(
        err.contains("binary.txt") && err.contains("binary"),
        "{err}"
    );
    assert!(
        err.contains("cut.txt.gz") && err.contains("truncated_gzip"),
        "{err}"
    );
    let docs = json_lines(&out.stdout);
    let inputs: Vec<&str> = docs.iter().map(|d| d["input"].as_str().unwrap()).collect();
    assert!(
        inputs.iter().any(|i| i.ends_with("good.html")),
        "{inputs:?}"
    );
    let latin = docs
        .iter()
        .find(|d| d["input"].as_str().unwrap().ends_with("latin1.txt"))
        .expect("latin1 kept");
    assert!(latin["text"].as_str().unwrap().contains("café"));
}

/// Acceptance (issue 2): no panic and no unbounded run on every file under ../shared/data.
#[test]
fn extract_every_file_under_shared_data_without_panic() {
    let Some(shared) = shared() else { return };
    let out = sitrep()
        .args(["extract", "--quiet"])
        .arg(shared.join("data"))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("internal_panic"), "{err}");
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(json_lines(&out.stdout).len() > 20_000);
}
