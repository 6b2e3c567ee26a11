//! `sitrep worker run|enqueue|status`: queue workers (crates/worker) and their producer.

use crate::args_worker::{QueueArgs, WorkerCommand, WorkerEnqueueArgs, WorkerRunArgs};
use anyhow::{bail, Context as _};
use sitrep_events::dates::Ymd;
use sitrep_worker::enqueue::{self, Item};
use sitrep_worker::nats::{self, QueueConfig, RunOptions};
use sitrep_worker::{Coder, OutDir, Outcome, RunStats};
use std::collections::HashMap;
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Skip warnings printed per reason before they are only counted (as in `sitrep code`).
const WARNINGS_PER_REASON: u64 = 10;

pub fn run(cmd: WorkerCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        WorkerCommand::Run(a) => run_worker(a),
        WorkerCommand::Enqueue(a) => run_enqueue(a),
        WorkerCommand::Status(a) => {
            let s = nats::status(&queue_config(&a.queue)).context("reading the queue")?;
            if a.json {
                let v = serde_json::json!({
                    "messages": s.messages,
                    "pending": s.pending,
                    "ack_pending": s.ack_pending,
                    "dead_letters": s.dead_letters,
                });
                println!("{v}");
            } else {
                println!(
                    "stored {}  pending {}  unacknowledged {}  dead letters {}",
                    s.messages, s.pending, s.ack_pending, s.dead_letters
                );
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn queue_config(q: &QueueArgs) -> QueueConfig {
    QueueConfig {
        url: q.nats.clone(),
        stream: q.stream.clone(),
        subject: q.subject.clone(),
        consumer: q.consumer.clone(),
        ack_wait: Duration::from_secs(q.ack_wait.max(1)),
        max_deliver: q.max_deliver,
        ..QueueConfig::default()
    }
}

fn run_worker(a: WorkerRunArgs) -> anyhow::Result<ExitCode> {
    if let Some(p) = &a.published {
        Ymd::parse(p).with_context(|| format!("--published {p}: expected YYYY-MM-DD"))?;
    }
    if a.threads == 0 {
        bail!("--threads must be at least 1");
    }
    let pipeline = Arc::new(super::code::pipeline(None, false, false)?);
    let out = OutDir::create(&a.out, sitrep_pipeline::CODER_VERSION)
        .with_context(|| format!("preparing the output folder {}", a.out.display()))?;
    let coder = Coder::new(pipeline, out, a.published.clone());
    let report = (!a.quiet).then(warn_skips);
    let stop = Arc::new(AtomicBool::new(false));
    let stats = match &a.kafka {
        Some(brokers) => run_kafka(&a, brokers, &coder, stop, report)?,
        None => {
            let opts = RunOptions {
                threads: a.threads,
                drain: a.drain,
                prefetch: a.prefetch,
            };
            nats::run(&queue_config(&a.queue), &coder, &opts, stop, true, report)
                .context("worker stopped")?
        }
    };
    if a.json {
        println!("{}", stats_json(&stats));
    }
    if !a.quiet {
        let mut reasons = String::new();
        for (r, n) in &stats.skipped {
            reasons.push_str(&format!(" {r}={n}"));
        }
        eprintln!(
            "worker: {} messages, {} coded, {} already done, {} redelivered, {} records, {} events, {} skipped{}",
            stats.messages,
            stats.coded,
            stats.already_done,
            stats.redelivered,
            stats.records,
            stats.events,
            stats.skipped_total(),
            reasons
        );
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(feature = "kafka")]
fn run_kafka(
    a: &WorkerRunArgs,
    brokers: &str,
    coder: &Coder,
    stop: Arc<AtomicBool>,
    report: Option<sitrep_worker::Reporter>,
) -> anyhow::Result<RunStats> {
    let cfg = sitrep_worker::kafka::KafkaConfig {
        brokers: brokers.to_string(),
        topic: a.topic.clone().unwrap_or_default(),
        group: a.group.clone().unwrap_or_default(),
        idle_exit: a.idle_exit.map(Duration::from_secs),
        max_messages: None,
    };
    sitrep_worker::kafka::run(&cfg, coder, stop, report).context("kafka worker stopped")
}

#[cfg(not(feature = "kafka"))]
fn run_kafka(
    _: &WorkerRunArgs,
    _: &str,
    _: &Coder,
    _: Arc<AtomicBool>,
    _: Option<sitrep_worker::Reporter>,
) -> anyhow::Result<RunStats> {
    bail!("--kafka needs a sitrep built with the `kafka` feature (cargo build --features kafka)")
}

/// Prints each lost record once, then only counts per reason; the summary has the totals.
fn warn_skips() -> sitrep_worker::Reporter {
    let seen: Mutex<HashMap<&'static str, u64>> = Mutex::new(HashMap::new());
    Arc::new(move |o: &Outcome| {
        let Outcome::Coded { hash, skips, .. } = o else {
            return;
        };
        let mut seen = seen.lock().unwrap_or_else(|p| p.into_inner());
        for s in skips {
            let n = seen.entry(s.reason.as_str()).or_default();
            *n += 1;
            if *n <= WARNINGS_PER_REASON {
                eprintln!("warning: task {hash}: {s}; record skipped (see {hash}.skips.jsonl)");
            } else if *n == WARNINGS_PER_REASON + 1 {
                eprintln!("warning: more {} skips are only counted", s.reason);
            }
        }
    })
}

fn stats_json(s: &RunStats) -> serde_json::Value {
    serde_json::json!({
        "messages": s.messages,
        "coded": s.coded,
        "already_done": s.already_done,
        "redelivered": s.redelivered,
        "records": s.records,
        "events": s.events,
        "skipped": s.skipped,
        "ack_failures": s.ack_failures,
        "timings": timings_json(&s.timings),
    })
}

/// Seconds as numbers (the scaling benchmark sums them over workers).
fn timings_json(t: &sitrep_worker::Timings) -> serde_json::Value {
    let secs = |d: Duration| (d.as_secs_f64() * 1e6).round() / 1e6;
    serde_json::json!({
        "pulls": t.pulls,
        "pull_wait_s": secs(t.pull_wait),
        "starved_s": secs(t.starved),
        "code_s": secs(t.code),
        "write_s": secs(t.write),
        "commits": t.commits,
        "commit_s": secs(t.commit),
        "ack_s": secs(t.ack),
        "first_message_unix_s": t.first_message.map(secs),
        "last_ack_unix_s": t.last_ack.map(secs),
    })
}

fn run_enqueue(a: WorkerEnqueueArgs) -> anyhow::Result<ExitCode> {
    let cfg = queue_config(&a.queue);
    if a.files {
        let bodies = enqueue::file_bodies(&a.inputs)?;
        let n = nats::enqueue(&cfg, bodies.into_iter().map(Ok)).context("enqueueing")?;
        eprintln!("enqueued {n} file tasks");
        return Ok(ExitCode::SUCCESS);
    }
    let max = nats::max_payload(&cfg).context("connecting")?;
    let too_long = std::cell::Cell::new(0u64);
    let bodies = enqueue::document_bodies(&a.inputs, max).filter_map(|item| match item {
        Ok(Item::Body(b)) => Some(Ok(b)),
        Ok(Item::TooLong { input, line, bytes }) => {
            // Not sendable: the server's message limit. Named, counted, never silent.
            eprintln!(
                "warning: {}#{line}: {bytes} bytes is over the server's {max}-byte message limit; not enqueued",
                input.display()
            );
            too_long.set(too_long.get() + 1);
            None
        }
        Err(e) => Some(Err(e)),
    });
    let n = nats::enqueue(&cfg, bodies).context("enqueueing")?;
    eprintln!(
        "enqueued {n} documents; {} not enqueued (too_large)",
        too_long.get()
    );
    Ok(if too_long.get() > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
