//! Whole-pipeline robustness: seeded mutations of news-like articles (byte flips, truncation,
//! splices, repeated tags, deep nesting, huge tokens, NUL bytes, invalid UTF-8, a sentence
//! with no punctuation, thousands of tiny sentences) go through the record builder the CLI
//! and Python share and through `Pipeline::code`. For each case: no panic, work bounded by
//! the input's size, and every record coded or skipped with a reason. A failing case prints
//! its number (`SITREP_MUTATION_CASE=N` replays it alone) and the run goes on, so one test
//! lists every failure. Per-case times are printed, not asserted (speed is benchmarked, not
//! unit-tested). The cargo-fuzz targets of the same paths are in `fuzz/` (see its README).
//!
//! A second test runs the analysis over every article under `../shared/data/news`.

#[path = "mutated_input/cases.rs"]
mod cases;

use cases::{Lcg, Mutation};
use sitrep_doc::{Hints, Payload, PayloadKind, RawRecord, Skip, SkipReason};
use sitrep_pipeline::api::{document_record, Row};
use sitrep_pipeline::{Coded, Pipeline, PipelineOptions, MAX_ARTICLE_WORDS};
use sitrep_sources::{Limits, SourceItem, SourceOptions};
use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Cases per run: every mutation kind is met this many / 10 times, on varied seeds. Sized so
/// the test takes well under a minute in a debug build on a loaded 2-core machine.
const CASES: usize = 70;
const BASE_SEED: u64 = 0x5172_e9f0;

/// Where the last panic happened and what it said (the default hook would print a
/// backtrace-less line per case to stderr, lost among the others).
static LAST_PANIC: Mutex<Option<String>> = Mutex::new(None);

fn outcome_ok(name: &str, input_len: usize, coded: &Coded) -> Result<(), String> {
    // Every sentence holds at least one byte of the input, and the article is cut at the word
    // limit, so more sentences than that means work that grew beyond the input.
    let max_sentences = (input_len + 1).min(MAX_ARTICLE_WORDS);
    if coded.sentences > max_sentences {
        return Err(format!(
            "{name}: {} sentences from {input_len} bytes",
            coded.sentences
        ));
    }
    // Repeated reports of one event merge into one row, so events are few per sentence.
    if coded.events.len() > 16 * coded.sentences.max(1) {
        return Err(format!(
            "{name}: {} events from {} sentences",
            coded.events.len(),
            coded.sentences
        ));
    }
    if let Some(e) = coded.events.iter().find(|e| e.evidence.is_empty()) {
        return Err(format!("{name}: event {} without evidence", e.event_id));
    }
    Ok(())
}

fn skip_ok(name: &str, rec: u64, skip: &Skip) -> Result<(), String> {
    // `None`: the reader skipped the whole input (binary, too large) before any record.
    let here = skip.record.is_none_or(|r| r == rec);
    if skip.input != name || !here || skip.detail.trim().is_empty() {
        return Err(format!("{name}: skip without where or why: {skip:?}"));
    }
    if skip.reason == SkipReason::InternalPanic {
        return Err(format!("{name}: internal_panic skip: {skip:?}"));
    }
    Ok(())
}

/// Runs one record through the pipeline: Ok(reason or "coded") or Err(what went wrong).
fn code_one(p: &Pipeline, rec: RawRecord, input_len: usize) -> Result<String, String> {
    let (name, n) = (rec.input.clone(), rec.record);
    let res = catch_unwind(AssertUnwindSafe(|| p.code(rec, None)));
    match res {
        Err(payload) => {
            let msg = payload
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            let at = LAST_PANIC.lock().unwrap().take().unwrap_or_default();
            Err(format!("{name}: PANIC at {at}: {msg}"))
        }
        Ok(Ok(coded)) => outcome_ok(&name, input_len, &coded).map(|()| "coded".to_string()),
        Ok(Err(skip)) => skip_ok(&name, n, &skip).map(|()| skip.reason.to_string()),
    }
}

/// One case: the mutated bytes reach the pipeline twice, through `document_record` (the
/// CLI/Python path, where NUL bytes and oversize inputs are skips) and as a record built
/// directly with the seed's payload kind (the JSONL-row and queue path, where they are not).
fn run_case(p: &Pipeline, case: usize, tally: &mut BTreeMap<String, usize>) -> Vec<String> {
    let seeds = cases::seeds();
    let mut rng = Lcg(BASE_SEED ^ (case as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15));
    let (seed_name, bytes, html) = &seeds[case % seeds.len()];
    let other = &seeds[(case / seeds.len() + 1) % seeds.len()].1;
    let muts: Vec<Mutation> = cases::pick(case, &mut rng);
    let mut b = bytes.clone();
    for &m in &muts {
        cases::apply(m, &mut rng, &mut b, other);
    }
    let name = format!("case{case}-{seed_name}-{muts:?}");
    let kind = if *html {
        PayloadKind::Html
    } else {
        PayloadKind::Text
    };
    let mut failures = Vec::new();
    let mut note = |r: Result<String, String>| match r {
        Ok(reason) => *tally.entry(reason).or_default() += 1,
        Err(e) => failures.push(e),
    };
    let limits = Limits::default();
    let first = catch_unwind(AssertUnwindSafe(|| {
        document_record(&name, b.clone(), None, Hints::default(), &limits)
    }));
    match first {
        Err(_) => {
            let at = LAST_PANIC.lock().unwrap().take().unwrap_or_default();
            note(Err(format!("{name}: PANIC in document_record at {at}")));
        }
        Ok(Ok(rec)) => note(code_one(p, rec, b.len())),
        Ok(Err(skip)) => note(skip_ok(&name, 0, &skip).map(|()| skip.reason.to_string())),
    }
    let direct = RawRecord {
        input: name.clone(),
        record: 1,
        payload: Payload {
            kind,
            bytes: b.clone(),
        },
        hints: Hints::default(),
    };
    note(code_one(p, direct, b.len()));
    // The row path: the mutated text as a JSONL `text` field (lossy, as a JSON string must be
    // UTF-8), with a title cut from the mutated text and an impossible date.
    let text = String::from_utf8_lossy(&b).into_owned();
    let row = Row {
        id: None,
        url: None,
        title: Some(text.chars().take(200).collect()),
        published: Some("2024-13-45".into()),
        site: None,
        text: (!html).then(|| text.clone()),
        html: html.then_some(text),
    };
    match sitrep_pipeline::api::row_record(&name, 2, row) {
        Ok(rec) => note(code_one(p, rec, b.len() + 200)),
        Err(skip) => note(skip_ok(&name, 2, &skip).map(|()| skip.reason.to_string())),
    }
    failures
}

#[test]
fn mutated_articles_never_panic_and_every_record_is_coded_or_skipped() {
    let only: Option<usize> = std::env::var("SITREP_MUTATION_CASE")
        .ok()
        .and_then(|v| v.parse().ok());
    let p = Pipeline::new(&PipelineOptions::default()).unwrap();
    let prev = std::panic::take_hook();
    std::panic::set_hook(Box::new(|info| {
        let at = info
            .location()
            .map_or_else(String::new, |l| format!("{}:{}", l.file(), l.line()));
        *LAST_PANIC.lock().unwrap() = Some(at);
    }));
    let start = Instant::now();
    let mut tally = BTreeMap::new();
    let mut failures = Vec::new();
    let mut slowest: Vec<(Duration, usize)> = Vec::new();
    for case in (0..CASES).filter(|c| only.is_none_or(|o| o == *c)) {
        let t = Instant::now();
        failures.extend(run_case(&p, case, &mut tally));
        slowest.push((t.elapsed(), case));
    }
    std::panic::set_hook(prev);
    slowest.sort_by(|a, b| b.cmp(a));
    eprintln!(
        "mutated input: {} cases in {:.1?}; outcomes {tally:?}",
        slowest.len(),
        start.elapsed()
    );
    for (d, case) in slowest.iter().take(5) {
        eprintln!("  slowest: case {case} {d:.1?}");
    }
    let records: usize = tally.values().sum();
    assert!(
        failures.is_empty(),
        "{} of {} records failed:\n{}",
        failures.len(),
        records + failures.len(),
        failures.join("\n")
    );
    // Each case gives three records; all must be accounted for, some coded, some skipped.
    assert_eq!(records, 3 * slowest.len());
    if only.is_none() {
        assert!(tally.get("coded").is_some_and(|&n| n > 0), "{tally:?}");
        assert!(tally.len() > 1, "no case was skipped: {tally:?}");
    }
}

/// Issue 3 acceptance: no panic on any text under `../shared/data/news`. The nlp crate's own
/// test covers the tokenizer and splitter there; this one runs the whole analysis (tagger,
/// parser, recognition, matching) through `Pipeline::code`, read by the JSONL reader the CLI
/// uses, on every article, with every record coded or skipped with a reason.
#[test]
fn every_news_article_codes_without_panic() {
    let Some(news) = sitrep_doc::shared_data::for_test("data/news") else {
        return;
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(&news)
        .expect("data/news")
        .flatten()
        .flat_map(|d| std::fs::read_dir(d.path()).into_iter().flatten().flatten())
        .map(|f| f.path())
        .filter(|p| p.to_string_lossy().ends_with(".jsonl.gz"))
        .collect();
    files.sort();
    assert!(files.len() >= 3, "news files: {files:?}");
    let p = Pipeline::new(&PipelineOptions::default()).unwrap();
    let start = Instant::now();
    let items = Mutex::new(sitrep_sources::open(&files, &SourceOptions::default()));
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    // (records coded, skips by reason, failures)
    let totals = Mutex::new((
        0usize,
        BTreeMap::<String, usize>::new(),
        Vec::<String>::new(),
    ));
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| loop {
                let item = items.lock().unwrap().next();
                let (coded, reason, failure) = match item {
                    None => return,
                    Some(SourceItem::Skipped(skip)) => (0, Some(skip.reason.to_string()), None),
                    Some(SourceItem::Record(rec)) => {
                        let (name, n) = (rec.input.clone(), rec.record);
                        match catch_unwind(AssertUnwindSafe(|| p.code(rec, None))) {
                            Err(_) => (0, None, Some(format!("{name}#{n}: panic"))),
                            Ok(Ok(_)) => (1, None, None),
                            Ok(Err(skip)) => match skip_ok(&name, n, &skip) {
                                Ok(()) => (0, Some(skip.reason.to_string()), None),
                                Err(e) => (0, None, Some(e)),
                            },
                        }
                    }
                };
                let mut t = totals.lock().unwrap();
                t.0 += coded;
                if let Some(r) = reason {
                    *t.1.entry(r).or_default() += 1;
                }
                t.2.extend(failure);
            });
        }
    });
    let (coded, skips, failures) = totals.into_inner().unwrap();
    eprintln!(
        "news corpora: {coded} articles coded, skips {skips:?}, {} failures, in {:.1?} on {threads} threads",
        failures.len(),
        start.elapsed()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // The three corpora hold over 27,000 records; most have text.
    assert!(coded > 20_000, "only {coded} coded");
}
