//! sitrep-worker: queue workers that code documents pulled from a shared queue, with
//! at-least-once delivery and exactly-once results.
//!
//! A task message (see [`Task`]) is one document (a JSON object, as one line of the JSONL
//! that `sitrep code` reads) or a file task (`file:PATH`, a WARC/JSONL/HTML/text file on a
//! filesystem all workers see). A [`Coder`] turns one message into
//! `DIR/<coder-version-slug>/<input-hash>.jsonl` (the events, byte for byte the JSON lines of
//! `sitrep code`) plus `<input-hash>.skips.jsonl` when a record was lost; outputs are written
//! to a temporary name, fsynced and renamed ([`output`]), several tasks at a time with one
//! folder fsync (a group commit, [`Coder::commit`]). The transport acknowledges a message
//! only after that, so a crash at any point leaves either no output (the message is delivered
//! again) or the complete output (a redelivery is acknowledged without coding again): no
//! result is lost or duplicated.
//!
//! Transports: [`nats`] (a JetStream work-queue stream with one durable pull consumer shared
//! by every worker) and, with the `kafka` feature, `kafka` (a consumer group whose offsets are
//! committed only after the outputs are durable).
//!
//! ```
//! use sitrep_worker::{Task, InputHash};
//! let body = br#"{"id": "a1", "text": "Kim met Putin in Moscow."}"#;
//! assert!(matches!(Task::decode(body), Ok(Task::Document(_))));
//! assert_eq!(InputHash::of_bytes(body, None).0.len(), 32);
//! ```
#![warn(missing_docs)]

mod code;
pub mod enqueue;
pub mod nats;
pub mod output;
mod pump;
mod task;

#[cfg(feature = "kafka")]
pub mod kafka;
#[cfg(feature = "test-util")]
pub mod testing;

pub use code::{skip_line, Coder, Outcome, StagedTask};
pub use output::OutDir;
pub use task::{InputHash, NotATask, Task, FILE_PREFIX};

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Errors that stop a worker or a producer. Bad input never does: it becomes a recorded skip.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// An output could not be written or made durable (the message is not acknowledged).
    #[error("writing {path}: {source}")]
    Output {
        /// The file or folder.
        path: PathBuf,
        /// The OS error.
        #[source]
        source: std::io::Error,
    },
    /// An input of the producer could not be read.
    #[error("reading {path}: {source}")]
    Input {
        /// The file.
        path: PathBuf,
        /// The OS error.
        #[source]
        source: std::io::Error,
    },
    /// The queue failed: connecting, creating the stream or consumer, fetching, publishing.
    #[error("queue: {what}: {detail}")]
    Queue {
        /// The operation.
        what: &'static str,
        /// The client's message.
        detail: String,
    },
    /// The tokio runtime could not start.
    #[error("starting the async runtime: {0}")]
    Runtime(#[source] std::io::Error),
}

impl Error {
    pub(crate) fn output(path: &Path, source: std::io::Error) -> Error {
        Error::Output {
            path: path.to_path_buf(),
            source,
        }
    }

    pub(crate) fn queue(what: &'static str, e: impl std::fmt::Display) -> Error {
        Error::Queue {
            what,
            detail: e.to_string(),
        }
    }
}

/// What a worker did, summed over its run.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RunStats {
    /// Messages received (including redeliveries).
    pub messages: u64,
    /// Tasks coded by this worker.
    pub coded: u64,
    /// Tasks whose outputs already existed (acknowledged without coding).
    pub already_done: u64,
    /// Messages received with a delivery count above 1.
    pub redelivered: u64,
    /// Records read from coded tasks.
    pub records: u64,
    /// Events written.
    pub events: u64,
    /// Records lost, by reason (each also in the task's skips file).
    pub skipped: BTreeMap<&'static str, u64>,
    /// Acknowledgements the transport failed to send; the outputs are durable, so the
    /// redelivery that follows is acknowledged without coding.
    pub ack_failures: u64,
    /// Where the worker's time went (filled by the NATS transport).
    pub timings: Timings,
}

/// Where a worker's time went, summed over its run (`sitrep worker run --json` prints it; the
/// scaling benchmark reads it). Coding threads and the queue client run at the same time, so
/// the parts overlap and do not add up to the wall time.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Timings {
    /// Pull requests sent, and the time from each request to its first message (or to its
    /// end when it brought none).
    pub pulls: u64,
    /// See [`Timings::pulls`].
    pub pull_wait: Duration,
    /// Time coding slots sat free with no message in hand (waiting for the queue, including
    /// the wait for the last messages and the final drain check).
    pub starved: Duration,
    /// Time in the coding pipeline, over all tasks.
    pub code: Duration,
    /// The rest of the tasks' time on coding threads: hashing, reading records, serialising,
    /// writing outputs under temporary names.
    pub write: Duration,
    /// Group commits (fsync of the files, renames, folder fsync) and their total time.
    pub commits: u64,
    /// See [`Timings::commits`].
    pub commit: Duration,
    /// Time spent handing acknowledgements to the client, plus the final flush.
    pub ack: Duration,
    /// Since the Unix epoch: the first message received and the last acknowledgement sent,
    /// so a benchmark can time the steady state of several workers without their start-up.
    pub first_message: Option<Duration>,
    /// See [`Timings::first_message`].
    pub last_ack: Option<Duration>,
}

impl RunStats {
    /// Adds one outcome.
    pub fn add(&mut self, outcome: &Outcome) {
        match outcome {
            Outcome::AlreadyDone { .. } => self.already_done += 1,
            Outcome::Coded {
                records,
                events,
                skips,
                ..
            } => {
                self.coded += 1;
                self.records += records;
                self.events += events;
                for s in skips {
                    *self.skipped.entry(s.reason.as_str()).or_default() += 1;
                }
            }
        }
    }

    /// Records lost, all reasons.
    pub fn skipped_total(&self) -> u64 {
        self.skipped.values().sum()
    }
}

/// Called with every outcome as it happens (the CLI prints skips and progress from it).
pub type Reporter = std::sync::Arc<dyn Fn(&Outcome) + Send + Sync>;
