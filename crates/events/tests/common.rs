//! Helpers shared by the integration tests.

use std::path::PathBuf;

use sitrep_events::{ActorSpan, Dictionary, MatchResult, Matcher, RejectReason, Sentence};

/// `../shared` (`sitrep_doc::shared_data`). `None` means skip, unless
/// `SITREP_REQUIRE_SHARED=1`, which turns the skip into a failure.
pub fn shared_dir(test: &str) -> Option<PathBuf> {
    sitrep_doc::shared_data::for_named_test(test, "")
}

/// Builds CoNLL-U from a compact table, one word per line: `FORM LEMMA UPOS[/XPOS] HEAD DEPREL`
/// (`_` as lemma means the lowercased form), then parses it with `Sentence::from_conllu`.
pub fn sent(table: &str) -> Sentence {
    let mut conllu = String::new();
    let rows: Vec<Vec<&str>> = table
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| l.split_whitespace().collect())
        .collect();
    for (i, f) in rows.iter().enumerate() {
        assert_eq!(f.len(), 5, "bad test row {f:?}");
        let lemma = if f[1] == "_" {
            f[0].to_lowercase()
        } else {
            f[1].to_string()
        };
        // Clitics and punctuation attach to the previous word in the text; a hyphen "-"
        // joins the words on both sides ("ride-hailing"; write a spaced dash as "--").
        let glued = f[0] == "-"
            || rows
                .get(i + 1)
                .is_some_and(|n| ["'s", ".", ",", "n't", "-"].contains(&n[0]));
        let misc = if glued { "SpaceAfter=No" } else { "_" };
        // "VERB/VBN" gives UPOS and XPOS.
        let (upos, xpos) = f[2].split_once('/').unwrap_or((f[2], "_"));
        conllu.push_str(&format!(
            "{}\t{}\t{lemma}\t{upos}\t{xpos}\t_\t{}\t{}\t_\t{misc}\n",
            i + 1,
            f[0],
            f[3],
            f[4]
        ));
    }
    Sentence::from_conllu(&conllu).expect("test sentence parses")
}

/// An actor span over 1-based word ids `first..=last` with head `head` (as in CoNLL-U).
pub fn actor(first: usize, last: usize, head: usize, code: &str) -> ActorSpan {
    ActorSpan::new(first - 1, last - 1, head - 1, code)
}

/// Runs the embedded dictionary.
pub fn code(s: &Sentence, actors: &[ActorSpan]) -> MatchResult {
    let dict = Dictionary::embedded().expect("dictionary loads");
    Matcher::new(&dict).run(s, actors)
}

/// The events as `(code, source countries, target countries)` for compact asserts.
pub fn summary(r: &MatchResult, actors: &[ActorSpan]) -> Vec<(String, String, String)> {
    let names = |v: &[usize]| {
        v.iter()
            .map(|&a| actors[a].code.as_str())
            .collect::<Vec<_>>()
            .join("+")
    };
    r.events
        .iter()
        .map(|e| {
            (
                e.code.as_str().to_string(),
                names(&e.sources),
                names(&e.targets),
            )
        })
        .collect()
}

/// Asserts that the word at 0-based `trigger` coded nothing and that the matcher rejected it
/// for a reason `is_reason` accepts, so a test shows both the outcome and the cause.
pub fn assert_rejected(
    r: &MatchResult,
    actors: &[ActorSpan],
    trigger: usize,
    is_reason: impl Fn(&RejectReason) -> bool,
) {
    assert!(
        r.events.iter().all(|e| e.trigger != trigger),
        "word {trigger} coded: {:?}",
        summary(r, actors)
    );
    assert!(
        r.rejected
            .iter()
            .any(|x| x.trigger == trigger && is_reason(&x.reason)),
        "word {trigger} not rejected for the expected reason: {:?}",
        r.rejected
    );
}

/// An expected `summary` row.
pub fn t(c: &str, s: &str, g: &str) -> (String, String, String) {
    (c.to_string(), s.to_string(), g.to_string())
}

/// The codes of the events, in order.
pub fn codes(r: &MatchResult) -> Vec<String> {
    r.events
        .iter()
        .map(|e| e.code.as_str().to_string())
        .collect()
}

/// Whether any of the codes starts with `prefix` (a root, "19", or a family, "04").
pub fn has(codes: &[String], prefix: &str) -> bool {
    codes.iter().any(|c| c.starts_with(prefix))
}

/// One line of a check-set file (`EXPECT<TAB>sentence`; see `lexicon_general.tsv`).
struct Case<'a> {
    group: &'a str,
    negative: bool,
    prefixes: Vec<&'a str>,
    sentence: &'a str,
}

fn cases(set: &str) -> Vec<Case<'_>> {
    let mut group = "";
    let mut out = Vec::new();
    for line in set.lines() {
        if let Some(g) = line.strip_prefix("## ") {
            group = g.trim();
            continue;
        }
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let (expect, sentence) = line.split_once('\t').expect("EXPECT<TAB>sentence");
        let negative = expect.starts_with('!');
        out.push(Case {
            group,
            negative,
            prefixes: expect.trim_start_matches('!').split('|').collect(),
            sentence,
        });
    }
    out
}

/// The CAMEO codes the coder gives one sentence. A headline (no final stop) is followed by a
/// neutral body line, as a title is in an article, so the extractor keeps it.
fn coded(p: &sitrep_pipeline::Pipeline, sentence: &str) -> Vec<String> {
    let text = if sentence.ends_with(['.', '?', '!', '"']) {
        sentence.to_string()
    } else {
        format!("{sentence}\n\nNo further details were given on the day.")
    };
    p.code_text("check", &text, None)
        .into_iter()
        .map(|e| e.cameo.code)
        .collect()
}

/// Runs a check-set file through the whole coder (as `sitrep code` runs it) and prints the
/// failures and the per-group counts (`--nocapture`). A line passes when some event of the
/// sentence has a code starting with one of its prefixes, or, for a guard (`!`), when none has.
/// Asserts that the file still has `min_lines` lines, that at least `floor` pass and that at
/// least `guard_floor` guard lines pass.
pub fn check_set_holds(set: &str, min_lines: usize, floor: usize, guard_floor: usize) {
    let p = sitrep_pipeline::Pipeline::new(&sitrep_pipeline::PipelineOptions::default())
        .expect("pipeline loads");
    let cases = cases(set);
    let mut groups: Vec<(&str, usize, usize)> = Vec::new();
    let (mut passed, mut guards_passed) = (0, 0);
    for c in &cases {
        let got = coded(&p, c.sentence);
        let hit = got
            .iter()
            .any(|code| c.prefixes.iter().any(|pre| code.starts_with(pre)));
        let ok = hit != c.negative;
        if !ok {
            println!(
                "FAIL {} {:?}: {} -> {:?}",
                c.group, c.prefixes, c.sentence, got
            );
        }
        match groups.iter_mut().find(|g| g.0 == c.group) {
            Some(g) => {
                g.1 += usize::from(ok);
                g.2 += 1;
            }
            None => groups.push((c.group, usize::from(ok), 1)),
        }
        passed += usize::from(ok);
        guards_passed += usize::from(ok && c.negative);
    }
    for (g, ok, n) in &groups {
        println!("{g:10} {ok}/{n}");
    }
    println!("all {passed}/{}", cases.len());
    assert!(
        cases.len() >= min_lines,
        "check set lost lines: {}",
        cases.len()
    );
    assert!(
        passed >= floor,
        "check set: {passed}/{} passed, floor {floor}",
        cases.len()
    );
    assert!(
        guards_passed >= guard_floor,
        "sense guards: {guards_passed} passed, floor {guard_floor}"
    );
}
