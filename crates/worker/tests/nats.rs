//! The NATS JetStream worker against a real `nats-server -js` (skipped when it is missing,
//! unless SITREP_REQUIRE_NATS=1).

use crate::common::{coder, crafted_docs, expected_events, hash, listing, news_docs};
use futures_util::StreamExt;
use sitrep_worker::nats::{self, QueueConfig, RunOptions};
use sitrep_worker::testing::NatsServer;
use sitrep_worker::Task;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;
use std::time::Duration;

fn config(server: &NatsServer) -> QueueConfig {
    QueueConfig {
        url: server.url(),
        // Short, so the test that leaves a message unacknowledged does not wait long.
        ack_wait: Duration::from_secs(2),
        ..QueueConfig::default()
    }
}

fn drain(threads: usize) -> RunOptions {
    RunOptions {
        threads,
        drain: true,
        ..RunOptions::default()
    }
}

fn enqueue(cfg: &QueueConfig, bodies: &[Vec<u8>]) -> u64 {
    nats::enqueue(cfg, bodies.iter().cloned().map(Ok)).unwrap()
}

fn run(cfg: &QueueConfig, c: &sitrep_worker::Coder, threads: usize) -> sitrep_worker::RunStats {
    let stop = Arc::new(AtomicBool::new(false));
    nats::run(cfg, c, &drain(threads), stop, false, None).unwrap()
}

#[test]
fn nats_worker_outputs_equal_pipeline_code_and_redelivery_does_not_duplicate() {
    let Some(server) = NatsServer::start() else {
        return;
    };
    let cfg = config(&server);
    let mut docs = crafted_docs();
    docs.extend(news_docs(12).unwrap_or_default());
    assert_eq!(enqueue(&cfg, &docs), docs.len() as u64);

    let out = tempfile::tempdir().unwrap();
    let c = coder(out.path());
    let stats = run(&cfg, &c, 2);
    assert_eq!(stats.messages, docs.len() as u64);
    assert_eq!((stats.coded, stats.already_done), (docs.len() as u64, 0));
    // w-3 has no text, w-4 is broken JSON: both recorded, neither dropped.
    assert_eq!(stats.skipped_total(), 2, "{:?}", stats.skipped);
    assert_eq!(
        nats::status(&cfg).unwrap().messages,
        0,
        "every message acknowledged"
    );

    let mut total_events = 0;
    for d in &docs {
        let got = std::fs::read(c.out().events_path(&hash(d))).unwrap();
        assert_eq!(got, expected_events(d), "{}", String::from_utf8_lossy(d));
        total_events += got.iter().filter(|&&b| b == b'\n').count() as u64;
    }
    assert_eq!(stats.events, total_events);
    assert!(total_events >= 3, "the crafted documents carry events");
    let skips = std::fs::read_to_string(c.out().skips_path(&hash(&docs[3]))).unwrap();
    assert!(skips.contains("\"reason\":\"invalid_json\""), "{skips}");
    assert!(c.out().skips_path(&hash(&docs[2])).is_file());
    assert!(!c.out().skips_path(&hash(&docs[0])).exists());

    // The same tasks again (a producer retrying, a redelivery): acknowledged, not recoded.
    let before = listing(c.out().path());
    let bytes_before: Vec<_> = docs
        .iter()
        .map(|d| std::fs::read(c.out().events_path(&hash(d))).unwrap())
        .collect();
    enqueue(&cfg, &docs);
    let again = run(&cfg, &c, 1);
    assert_eq!((again.coded, again.already_done), (0, docs.len() as u64));
    assert_eq!(listing(c.out().path()), before, "no new or temporary files");
    for (d, b) in docs.iter().zip(&bytes_before) {
        assert_eq!(&std::fs::read(c.out().events_path(&hash(d))).unwrap(), b);
    }
}

/// A worker that took a message, wrote its outputs and died before acknowledging: the
/// message comes back after ack_wait and is acknowledged without a second output; a message
/// taken and never finished is coded by the next worker.
#[test]
fn nats_unacknowledged_messages_are_redelivered_and_coded_once() {
    let Some(server) = NatsServer::start() else {
        return;
    };
    let cfg = config(&server);
    let docs = crafted_docs();
    enqueue(&cfg, &docs[..2]);
    let out = tempfile::tempdir().unwrap();
    let c = coder(out.path());

    // The "dead worker": pulls both messages, codes the first, acknowledges neither.
    let taken: Vec<Vec<u8>> = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(async {
            let client = async_nats::connect(cfg.url.as_str()).await.unwrap();
            let js = async_nats::jetstream::new(client);
            let stream = js.get_stream(&cfg.stream).await.unwrap();
            let consumer: async_nats::jetstream::consumer::PullConsumer =
                stream.get_consumer(&cfg.consumer).await.unwrap();
            let mut batch = consumer.fetch().max_messages(2).messages().await.unwrap();
            let mut bodies = Vec::new();
            while let Some(m) = batch.next().await {
                bodies.push(m.unwrap().payload.to_vec());
            }
            bodies
        });
    assert_eq!(taken.len(), 2);
    c.process(&taken[0]).unwrap();

    let stats = run(&cfg, &c, 1);
    assert_eq!(stats.redelivered, 2);
    assert_eq!((stats.coded, stats.already_done), (1, 1));
    assert_eq!(nats::status(&cfg).unwrap().messages, 0);
    for d in &docs[..2] {
        let got = std::fs::read(c.out().events_path(&hash(d))).unwrap();
        assert_eq!(got, expected_events(d));
    }
    let names = listing(c.out().path());
    assert_eq!(
        names.len(),
        2,
        "one output per task, no temporary files: {names:?}"
    );
}

/// A file task codes every record of a JSONL file into one output, named by the content hash.
#[test]
fn nats_file_task_codes_every_record_of_the_file() {
    let Some(server) = NatsServer::start() else {
        return;
    };
    let cfg = config(&server);
    let dir = tempfile::tempdir().unwrap();
    let docs = crafted_docs();
    let path = dir.path().join("batch.jsonl");
    let mut file = Vec::new();
    for d in &docs {
        file.extend_from_slice(d);
        file.push(b'\n');
    }
    std::fs::write(&path, &file).unwrap();
    let missing = dir.path().join("gone.jsonl");
    let bodies = vec![
        Task::File(path.clone()).encode(),
        Task::File(missing.clone()).encode(),
    ];
    enqueue(&cfg, &bodies);
    let out = tempfile::tempdir().unwrap();
    let c = coder(out.path());
    let stats = run(&cfg, &c, 1);
    assert_eq!(stats.coded, 2);
    assert!(stats.records >= 2, "{stats:?}");

    let h = sitrep_worker::InputHash::of_file(&path, None).unwrap().0;
    let want: Vec<u8> = docs
        .iter()
        .flat_map(|d| expected_events(d.as_slice()))
        .collect();
    assert_eq!(std::fs::read(c.out().events_path(&h)).unwrap(), want);
    let skips = std::fs::read_to_string(c.out().skips_path(&h)).unwrap();
    assert_eq!(skips.lines().count(), 2, "{skips}");
    // The missing file is a recorded `unreadable` skip, named by the task itself.
    let h_missing = hash(&bodies[1]);
    let s = std::fs::read_to_string(c.out().skips_path(&h_missing)).unwrap();
    assert!(s.contains("\"reason\":\"unreadable\""), "{s}");
}

/// A stop request while messages are pulled ahead: every message the worker received
/// (in hand or pulled ahead) is finished and acknowledged, nothing stays unacknowledged, and
/// a second worker codes exactly the rest.
#[test]
fn nats_stop_finishes_prefetched_messages_and_leaves_none_unacknowledged() {
    let Some(server) = NatsServer::start() else {
        return;
    };
    let cfg = config(&server);
    let opts = RunOptions {
        threads: 1,
        drain: true,
        prefetch: 8,
    };
    let mut docs = crafted_docs();
    docs.extend(news_docs(20).unwrap_or_default());
    // More messages than the worker can have received when it sees the stop (set at the third
    // report: at most two acknowledged, plus at most `max_held` in hand), so some always stay
    // queued however fast this machine codes (24 did not: a fast run took them all). Distinct
    // bodies, so every task has its own output.
    let total = opts.max_held() + 16;
    for i in 0..total.saturating_sub(docs.len()) {
        docs.push(format!(r#"{{"id": "x-{i}", "text": "Germany met France."}}"#).into_bytes());
    }
    let n = docs.len() as u64;
    enqueue(&cfg, &docs);
    let out = tempfile::tempdir().unwrap();
    let c = coder(out.path());

    let stop = Arc::new(AtomicBool::new(false));
    let seen = Arc::new(std::sync::atomic::AtomicU64::new(0));
    let (stop2, seen2) = (Arc::clone(&stop), Arc::clone(&seen));
    let report: sitrep_worker::Reporter = Arc::new(move |_| {
        if seen2.fetch_add(1, std::sync::atomic::Ordering::SeqCst) + 1 >= 3 {
            stop2.store(true, std::sync::atomic::Ordering::SeqCst);
        }
    });
    let first = nats::run(&cfg, &c, &opts, stop, false, Some(report)).unwrap();
    assert!(first.coded >= 3 && first.coded < n, "{first:?}");
    assert_eq!(
        first.messages, first.coded,
        "every message received was finished"
    );
    let s = nats::status(&cfg).unwrap();
    assert_eq!(s.ack_pending, 0, "{s:?}");
    assert_eq!(s.messages, n - first.coded, "{s:?}");
    let outputs = listing(c.out().path())
        .iter()
        .filter(|n| !n.ends_with(".skips.jsonl"))
        .count();
    assert_eq!(outputs as u64, first.coded, "no temporary file left");
    assert!(first.timings.commits >= 1 && first.timings.first_message.is_some());

    let second = run(&cfg, &c, 1);
    assert_eq!((second.coded, second.already_done), (n - first.coded, 0));
    for d in &docs {
        let got = std::fs::read(c.out().events_path(&hash(d))).unwrap();
        assert_eq!(got, expected_events(d));
    }
}
