//! Writing, idempotence, filters, stats and the rollup.

use crate::common::corpus;
use sitrep_store::{FileMark, Filter, StatsBy, Store, StoredEvent};

fn all(store: &Store, f: &Filter) -> Vec<StoredEvent> {
    let mut out = Vec::new();
    store
        .query::<sitrep_store::Error>(f, |e| {
            out.push(e);
            Ok(())
        })
        .unwrap();
    out
}

fn ids(store: &Store, f: &Filter) -> Vec<String> {
    let mut v: Vec<String> = all(store, f)
        .into_iter()
        .map(|e| e.event.event_id)
        .collect();
    v.sort();
    v
}

#[test]
fn store_roundtrip_keeps_every_field_and_evidence() {
    let mut store = Store::open_in_memory().unwrap();
    let corpus = corpus();
    let c = store
        .write_batch(&corpus, &[], "coder-1", 1_694_608_496)
        .unwrap();
    assert_eq!((c.articles_new, c.events_new), (4, 4));
    let got = all(&store, &Filter::default());
    let mut want: Vec<_> = corpus.iter().flat_map(|a| a.events.clone()).collect();
    want.sort_by(|a, b| a.event_id.cmp(&b.event_id));
    let mut got_events: Vec<_> = got.iter().map(|s| s.event.clone()).collect();
    got_events.sort_by(|a, b| a.event_id.cmp(&b.event_id));
    assert_eq!(got_events, want);
    assert!(got
        .iter()
        .all(|s| s.coder_version == "coder-1" && s.added == 1_694_608_496));
    assert_eq!(store.counts().unwrap(), (4, 4));
}

#[test]
fn store_same_batch_twice_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    let mut store = Store::open(&path).unwrap();
    store.write_batch(&corpus(), &[], "coder-1", 0).unwrap();
    let rollup = store.dyad_days(0, 99_999_999, None).unwrap();
    drop(store);
    let mut store = Store::open(&path).unwrap();
    let c = store.write_batch(&corpus(), &[], "coder-1", 5).unwrap();
    assert_eq!((c.articles_new, c.events_new), (0, 0));
    assert_eq!((c.articles_present, c.events_present), (4, 4));
    assert_eq!(store.counts().unwrap(), (4, 4));
    assert_eq!(store.dyad_days(0, 99_999_999, None).unwrap(), rollup);
    // The first insert's ingest time is kept.
    assert!(all(&store, &Filter::default()).iter().all(|s| s.added == 0));
}

#[test]
fn store_filters_narrow_as_documented() {
    let mut store = Store::open_in_memory().unwrap();
    store.write_batch(&corpus(), &[], "coder-1", 0).unwrap();
    let f = |g: fn(&mut Filter)| {
        let mut f = Filter::default();
        g(&mut f);
        f
    };
    let by = |g: fn(&mut Filter)| ids(&store, &f(g));
    assert_eq!(
        by(|f| {
            f.source = Some("rus".into());
            f.target = Some("PRK".into())
        }),
        ["a1-e0", "a1-e1"]
    );
    assert_eq!(
        by(|f| f.from = Some("2023-09-13".into())),
        ["a1-e0", "a2-e0", "a3-e0"]
    );
    assert_eq!(
        by(|f| {
            f.from = Some("2023-09-13".into());
            f.to = Some("2023-09-13".into())
        }),
        ["a1-e0"]
    );
    assert_eq!(
        by(|f| f.to = Some("2023-09".into())),
        ["a1-e0", "a1-e1", "a2-e0"]
    );
    assert_eq!(by(|f| f.cameo = Some("04".into())), ["a1-e0"]);
    assert_eq!(by(|f| f.root = Some("02".into())), ["a3-e0"]);
    assert_eq!(by(|f| f.plover = Some("consult".into())), ["a1-e0"]);
    assert_eq!(by(|f| f.actor = Some("shoigu".into())), ["a1-e0", "a1-e1"]);
    assert_eq!(by(|f| f.actor = Some("MIL".into())), ["a1-e0", "a1-e1"]);
    assert_eq!(by(|f| f.location_country = Some("PRK".into())), ["a2-e0"]);
    assert_eq!(by(|f| f.bbox = Some([120.0, 35.0, 130.0, 45.0])), ["a2-e0"]);
    assert!(by(|f| f.bbox = Some([0.0, 0.0, 10.0, 10.0])).is_empty());
    assert_eq!(by(|f| f.text = Some("Kim".into())), ["a1-e0", "a1-e1"]);
    assert_eq!(by(|f| f.text = Some("missile sanctions".into())), ["a2-e0"]);
    assert!(by(|f| f.text = Some("\"NEAR( kim".into())).is_empty());
    assert_eq!(by(|f| f.limit = Some(2)).len(), 2);
}

#[test]
fn store_stats_and_rollup_agree_with_a_scan() {
    let mut store = Store::open_in_memory().unwrap();
    store.write_batch(&corpus(), &[], "coder-1", 0).unwrap();
    let dyads = store.stats(StatsBy::Dyad, &Filter::default()).unwrap();
    assert_eq!(dyads[0], ("RUS>PRK".to_string(), 2));
    assert_eq!(dyads.len(), 3);
    let days = store.stats(StatsBy::Day, &Filter::default()).unwrap();
    assert_eq!(days.first().unwrap().0, "2023-09-12");
    let codes = store.stats(StatsBy::Code, &Filter::default()).unwrap();
    assert_eq!(codes.iter().map(|c| c.1).sum::<u64>(), 4);
    assert_eq!(
        store.dyad_days(0, 99_999_999, None).unwrap(),
        store.dyad_days_scan(0, 99_999_999).unwrap()
    );
    let one = store
        .dyad_days(20230901, 20230930, Some(("RUS", "PRK")))
        .unwrap();
    assert_eq!(one.iter().map(|d| d.events).sum::<i64>(), 2);
}

#[test]
fn store_file_marks_are_per_coder_version() {
    let mut store = Store::open_in_memory().unwrap();
    let mark = FileMark {
        path: "x/a.jsonl".into(),
        size: 10,
        mtime: 7,
        hash: "ab".into(),
        articles: 4,
    };
    store
        .write_batch(&corpus(), std::slice::from_ref(&mark), "coder-1", 0)
        .unwrap();
    assert_eq!(store.file_mark("x/a.jsonl", "coder-1").unwrap(), Some(mark));
    assert_eq!(store.file_mark("x/a.jsonl", "coder-2").unwrap(), None);
    assert_eq!(store.file_mark("x/b.jsonl", "coder-1").unwrap(), None);
}

#[test]
fn store_rejects_a_newer_schema() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    drop(Store::open(&path).unwrap());
    // Simulate a file written by a future sitrep.
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch("PRAGMA user_version = 99").unwrap();
    drop(conn);
    let err = Store::open(&path).err().expect("newer schema refused");
    assert!(err.to_string().contains("schema version 99"), "{err}");
}
