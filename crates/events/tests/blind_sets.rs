//! Four blind generalisation sets (`blind_s8a.tsv`, `blind_s8b.tsv`, `blind_s9c.tsv`,
//! `blind_s10d.tsv`), 120 sentences each with the CAMEO code, source, target and modality a
//! careful coder would give the main event, 20 of them negatives. Each was written by a writer
//! who had not seen the lexicon, its tests or any suite (A and B in session 8, C in session 9,
//! D in session 10), so they measure how the coder carries to wording nobody tuned for. A, B
//! and C are news sentences; D is in the short style of the CAMEO manual's examples, which the
//! PLOVER gold records were edited from (its writer did not read the manual's examples). Set A
//! was then read for classes of failure (it is no longer blind); sets B, C and D were not read
//! (only their totals were printed; the test prints misses for set A only). The figures at
//! HEAD before that session's changes and after are in the file comments below; the test
//! asserts floors so that a change which loses ground on unseen wording fails here.

use sitrep_pipeline::{Pipeline, PipelineOptions};

const SET_A: &str = include_str!("blind_s8a.tsv");
const SET_B: &str = include_str!("blind_s8b.tsv");
const SET_C: &str = include_str!("blind_s9c.tsv");
const SET_D: &str = include_str!("blind_s10d.tsv");

/// Set A (read for classes): main code 44/100 at c4b1cfa, 56/100 after session 8, 69/100
/// after session 9 and after session 10, 75/100 after session 14 (reporting tails and
/// verbless clauses, `crates/pipeline/src/adapt/speaker_split.rs`).
const FLOOR_A: usize = 70;
/// Set B (never read): main code 33/100 at c4b1cfa, 40/100 after session 8, 43/100 after
/// session 9, 44/100 after session 10, 46/100 after session 14.
const FLOOR_B: usize = 42;
/// Set C (never read; written in session 9 before that session's changes were measured on
/// it): main code 55/100 at 15b5c02, 60/100 after sessions 9 and 10, 62/100 after session 14.
const FLOOR_C: usize = 58;
/// Set D (never read; written in session 10 in the short style of the CAMEO manual's
/// examples, which the PLOVER gold records come from, before that session's changes were
/// measured on it): main code 68/100 (code+source+target 60, quiet negatives 16/20) at
/// 9297623, the same after session 10.
const FLOOR_D: usize = 64;

struct Tally {
    events: usize,
    code: usize,
    dyad: usize,
    negatives: usize,
    quiet: usize,
}

/// Source/target expectation: `*` any, `-` none, else code prefixes joined by `|`.
fn actor_ok(pat: &str, code: Option<&str>) -> bool {
    match (pat, code) {
        ("*", _) => true,
        ("-", c) => c.is_none(),
        (_, None) => false,
        (p, Some(c)) => p.split('|').any(|x| c.starts_with(x)),
    }
}

/// Scores one set; `show` prints its misses (set A only: set B stays unread, so that it keeps
/// measuring wording nobody tuned for).
fn score(p: &Pipeline, set: &str, show: bool) -> Tally {
    let mut t = Tally {
        events: 0,
        code: 0,
        dyad: 0,
        negatives: 0,
        quiet: 0,
    };
    for line in set.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(
            f.len(),
            5,
            "CAMEO<TAB>SOURCE<TAB>TARGET<TAB>MODALITY<TAB>sentence: {line}"
        );
        let (code, src, tgt, sentence) = (f[0], f[1], f[2], f[4]);
        // A headline (no final stop) is followed by a neutral body line, as in an article.
        let text = if sentence.ends_with(['.', '?', '!', '"', '\u{201d}']) {
            sentence.to_string()
        } else {
            format!("{sentence}\n\nNo further details were given on the day.")
        };
        let events = p.code_text("blind", &text, Some("2024-06-12"));
        if code == "-" {
            t.negatives += 1;
            t.quiet += usize::from(events.is_empty());
            continue;
        }
        t.events += 1;
        let hits: Vec<_> = events
            .iter()
            .filter(|e| code.split('|').any(|c| e.cameo.code.starts_with(c)))
            .collect();
        t.code += usize::from(!hits.is_empty());
        t.dyad += usize::from(hits.iter().any(|e| {
            actor_ok(src, Some(&e.source.code))
                && actor_ok(tgt, e.target.as_ref().map(|x| x.code.as_str()))
        }));
        if hits.is_empty() && show {
            println!("MISS {code} {src} {tgt}: {sentence}");
        }
    }
    t
}

#[test]
fn blind_sets_hold_their_floors() {
    let p = Pipeline::new(&PipelineOptions::default()).expect("pipeline loads");
    for (name, set, floor) in [
        ("A", SET_A, FLOOR_A),
        ("B", SET_B, FLOOR_B),
        ("C", SET_C, FLOOR_C),
        ("D", SET_D, FLOOR_D),
    ] {
        let t = score(&p, set, name == "A");
        println!(
            "set {name}: main code {}/{}, code+source+target {}/{}, negatives without an event {}/{}",
            t.code, t.events, t.dyad, t.events, t.quiet, t.negatives
        );
        assert_eq!((t.events, t.negatives), (100, 20), "set {name} lost lines");
        assert!(t.code >= floor, "set {name}: {} < floor {floor}", t.code);
        assert!(
            t.quiet >= 16,
            "set {name}: {} negatives coded",
            t.negatives - t.quiet
        );
    }
}
