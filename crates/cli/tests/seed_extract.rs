//! Acceptance (flattened text): every `clean_text` expectation in
//! `../shared/seed/kim-putin-euronews.expected.json` holds for
//! `sitrep extract ../shared/seed/kim-putin-euronews.txt`. The expectations are read from the
//! JSON file, so a change there is tested without touching this file.
use crate::common::*;

#[test]
fn seed_extract_meets_every_clean_text_expectation() {
    let Some(shared) = shared() else { return };
    let (expected, input) = seed_case(&shared);
    let want = &expected["clean_text"];

    let out = sitrep()
        .args(["extract", "--quiet"])
        .arg(&input)
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout.clone()).unwrap();
    assert_ok(&out);
    let docs = json_lines(&out.stdout);
    assert_eq!(docs.len(), 1, "one document expected: {stdout}");
    let d = &docs[0];
    let text = d["text"].as_str().unwrap();

    assert_eq!(d["title"], want["title"], "title");
    let byline = d["byline"].as_str().unwrap_or("");
    for part in strings(&want["byline_contains"]) {
        assert!(byline.contains(part), "byline {byline:?} lacks {part:?}");
    }
    for part in strings(&want["body_must_contain"]) {
        assert!(text.contains(part), "body lacks {part:?}:\n{text}");
    }
    for part in strings(&want["body_must_not_contain"]) {
        assert!(!text.contains(part), "body keeps {part:?}:\n{text}");
    }
    let caption = want["caption_contains"].as_str().unwrap();
    let captions = strings(&d["captions"]);
    assert!(
        captions.iter().any(|c| c.contains(caption)),
        "no caption contains {caption:?}: {captions:?}"
    );
    // Counted over the whole JSON output (text, captions, title and the dropped list alike).
    let at_most = want["caption_times_in_output_at_most"].as_u64().unwrap() as usize;
    let times = stdout.matches(caption).count();
    assert!(
        times <= at_most,
        "caption appears {times} times (at most {at_most}): {stdout}"
    );
}
