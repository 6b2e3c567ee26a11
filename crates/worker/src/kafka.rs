//! Kafka transport (feature `kafka`): a consumer group whose offsets are committed only after
//! a message's outputs are durable.
//!
//! Partitions are the unit of parallelism: run one worker process per core and give the topic
//! at least as many partitions as workers. A worker codes its messages one at a time, in
//! partition order, and commits `offset + 1` after each, so a committed offset never runs
//! ahead of a durable output. After a crash the group rebalances and the uncommitted messages
//! are delivered again; those whose outputs exist are committed without coding.

use crate::code::Coder;
use crate::{Error, Reporter, RunStats};
use rdkafka::config::ClientConfig;
use rdkafka::consumer::{BaseConsumer, CommitMode, Consumer};
use rdkafka::message::Message;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Where to consume from.
#[derive(Debug, Clone)]
pub struct KafkaConfig {
    /// Bootstrap servers, `host:port[,host:port...]`.
    pub brokers: String,
    /// Topic holding the task messages.
    pub topic: String,
    /// Consumer group shared by the workers.
    pub group: String,
    /// Stop after this long without a message (Kafka has no "queue empty": a topic is a log).
    pub idle_exit: Option<Duration>,
    /// Stop after this many messages (tests use it to stop a worker part way).
    pub max_messages: Option<u64>,
}

/// How often the loop wakes to check `stop` and the idle deadline.
const POLL_WAIT: Duration = Duration::from_millis(200);

fn kafka_err(what: &'static str) -> impl Fn(rdkafka::error::KafkaError) -> Error {
    move |e| Error::queue(what, e)
}

/// Consumes until `stop` is set, `idle_exit` passes without a message, or `max_messages`
/// were handled. An error (an output that could not be made durable, a failed commit) stops
/// the worker with that message uncommitted, so the group delivers it again.
pub fn run(
    cfg: &KafkaConfig,
    coder: &Coder,
    stop: Arc<AtomicBool>,
    report: Option<Reporter>,
) -> Result<RunStats, Error> {
    let consumer: BaseConsumer = ClientConfig::new()
        .set("bootstrap.servers", &cfg.brokers)
        .set("group.id", &cfg.group)
        // Offsets move only by the explicit commit after the outputs are durable.
        .set("enable.auto.commit", "false")
        .set("enable.auto.offset.store", "false")
        .set("auto.offset.reset", "earliest")
        .create()
        .map_err(kafka_err("creating the consumer"))?;
    consumer
        .subscribe(&[cfg.topic.as_str()])
        .map_err(kafka_err("subscribing"))?;
    let mut stats = RunStats::default();
    let mut last_message = Instant::now();
    while !stop.load(Ordering::SeqCst) {
        if cfg.max_messages.is_some_and(|m| stats.messages >= m) {
            break;
        }
        let msg = match consumer.poll(POLL_WAIT) {
            None => {
                // Idle time counts only once partitions are assigned: joining the group
                // (a rebalance) can itself take seconds.
                let assigned = consumer.assignment().is_ok_and(|a| a.count() > 0);
                if !assigned {
                    last_message = Instant::now();
                } else if cfg.idle_exit.is_some_and(|d| last_message.elapsed() >= d) {
                    break;
                }
                continue;
            }
            // librdkafka retries transient broker errors itself; only a fatal one stops us.
            Some(Err(e)) if !is_fatal(&e) => continue,
            Some(Err(e)) => return Err(Error::queue("consuming", e)),
            Some(Ok(m)) => m,
        };
        last_message = Instant::now();
        stats.messages += 1;
        // A tombstone (no payload) is an empty body: recorded as a skip, not dropped.
        let outcome = coder.process(msg.payload().unwrap_or_default())?;
        consumer
            .commit_message(&msg, CommitMode::Sync)
            .map_err(kafka_err("committing the offset"))?;
        stats.add(&outcome);
        if let Some(r) = &report {
            r(&outcome);
        }
    }
    Ok(stats)
}

fn is_fatal(e: &rdkafka::error::KafkaError) -> bool {
    e.rdkafka_error_code()
        .is_some_and(|c| c == rdkafka::types::RDKafkaErrorCode::Fatal)
}
