//! The transport-free part of a worker: one message body in, durable outputs out.

use crate::output::OutDir;
use crate::task::{InputHash, Task};
use crate::Error;
use sitrep_doc::{Skip, SkipReason};
use sitrep_pipeline::{api, Pipeline};
use sitrep_sources::{InputFormat, Limits, SourceItem, SourceOptions};
use std::sync::Arc;

/// What became of one task.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Coded now; its outputs are durable.
    Coded {
        /// The output name.
        hash: InputHash,
        /// Records read from the task.
        records: u64,
        /// Events written.
        events: u64,
        /// Records lost (also written to the task's skips file).
        skips: Vec<Skip>,
    },
    /// Its outputs already existed (a redelivery, or the same input enqueued twice).
    AlreadyDone {
        /// The output name.
        hash: InputHash,
    },
}

/// Codes tasks into an output folder. Shared by every transport and every coding thread.
#[derive(Debug, Clone)]
pub struct Coder {
    pipeline: Arc<Pipeline>,
    out: OutDir,
    published: Option<String>,
    limits: Limits,
}

impl Coder {
    /// A coder writing under `out`; `published` is `sitrep code --published`.
    pub fn new(pipeline: Arc<Pipeline>, out: OutDir, published: Option<String>) -> Coder {
        Coder {
            pipeline,
            out,
            published,
            limits: Limits::default(),
        }
    }

    /// Bounds on one record (the same defaults as `sitrep code`).
    pub fn with_limits(mut self, limits: Limits) -> Coder {
        self.limits = limits;
        self
    }

    /// The output folder.
    pub fn out(&self) -> &OutDir {
        &self.out
    }

    /// Codes one message body unless its outputs exist. Bad input is never an error: it is
    /// written to the skips file and the task counts as done. An error means the outputs could
    /// not be made durable; the caller must not acknowledge the message.
    pub fn process(&self, body: &[u8]) -> Result<Outcome, Error> {
        let published = self.published.as_deref();
        let (hash, task) = match Task::decode(body) {
            Ok(Task::File(path)) => match InputHash::of_file(&path, published) {
                Ok(h) => (h, Ok(Task::File(path))),
                Err(e) => {
                    // No content to hash: the task itself names the (skip) output.
                    let h = InputHash::of_bytes(body, published);
                    let skip = Skip {
                        input: path.display().to_string(),
                        record: None,
                        reason: SkipReason::Unreadable,
                        detail: e.to_string(),
                    };
                    (h, Err(skip))
                }
            },
            Ok(task) => (InputHash::of_bytes(body, published), Ok(task)),
            Err(not) => {
                let h = InputHash::of_bytes(body, published);
                let skip = Skip {
                    input: format!("task:{h}"),
                    record: None,
                    reason: SkipReason::InvalidJson,
                    detail: format!("not a task message: {}", not.0),
                };
                (h, Err(skip))
            }
        };
        if self.out.is_done(&hash.0) {
            return Ok(Outcome::AlreadyDone { hash });
        }
        let mut events = self.out.start(self.out.events_path(&hash.0))?;
        let (mut records, mut n_events, mut skips) = (0u64, 0u64, Vec::new());
        match task {
            Err(skip) => skips.push(skip),
            Ok(task) => {
                let items = match &task {
                    Task::Document(bytes) => {
                        let opts = SourceOptions {
                            format: Some(InputFormat::Jsonl),
                            limits: self.limits.clone(),
                        };
                        let reader = std::io::Cursor::new(bytes.clone());
                        sitrep_sources::open_reader(&format!("task:{hash}"), reader, &opts)
                    }
                    Task::File(path) => {
                        let opts = SourceOptions {
                            format: None,
                            limits: self.limits.clone(),
                        };
                        sitrep_sources::open(std::slice::from_ref(path), &opts)
                    }
                };
                for item in items {
                    match item {
                        SourceItem::Skipped(s) => skips.push(s),
                        SourceItem::Record(rec) => {
                            records += 1;
                            // A panic in a stage is an `internal_panic` skip, never a crash.
                            match api::code_caught(&self.pipeline, rec, published) {
                                Ok(coded) => {
                                    let bytes = api::events_jsonl(&coded.events);
                                    n_events +=
                                        bytes.iter().filter(|&&b| b == b'\n').count() as u64;
                                    events.write(&bytes)?;
                                }
                                Err(s) => skips.push(s),
                            }
                        }
                    }
                }
            }
        }
        if !skips.is_empty() {
            let mut f = self.out.start(self.out.skips_path(&hash.0))?;
            for s in &skips {
                f.write(&skip_line(s))?;
            }
            f.commit()?;
        }
        // Last: the events file is the mark that the task is done.
        events.commit()?;
        Ok(Outcome::Coded {
            hash,
            records,
            events: n_events,
            skips,
        })
    }
}

/// A skip as one JSON line: input, record, reason (the stable snake_case name), detail.
pub fn skip_line(s: &Skip) -> Vec<u8> {
    let v = serde_json::json!({
        "input": s.input,
        "record": s.record,
        "reason": s.reason.as_str(),
        "detail": s.detail,
    });
    let mut line = v.to_string().into_bytes();
    line.push(b'\n');
    line
}
