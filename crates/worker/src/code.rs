//! The transport-free part of a worker: one message body in, durable outputs out.

use crate::output::{OutDir, StagedFile};
use crate::task::{InputHash, Task};
use crate::Error;
use sitrep_doc::{Skip, SkipReason};
use sitrep_pipeline::{api, Pipeline};
use sitrep_sources::{InputFormat, Limits, SourceItem, SourceOptions};
use std::sync::Arc;
use std::time::{Duration, Instant};

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

    /// Codes one message body unless its outputs exist, and makes the outputs durable. Bad
    /// input is never an error: it is written to the skips file and the task counts as done.
    /// An error means the outputs could not be made durable; the caller must not acknowledge
    /// the message.
    pub fn process(&self, body: &[u8]) -> Result<Outcome, Error> {
        let mut staged = [self.stage(body)?];
        self.commit(&mut staged)?;
        let [task] = staged;
        Ok(task.outcome)
    }

    /// Codes one message body into outputs under temporary names (not durable yet, nothing
    /// visible under a final name); [`Coder::commit`] makes a batch of them durable. A task
    /// whose outputs exist is staged without files.
    pub fn stage(&self, body: &[u8]) -> Result<StagedTask, Error> {
        let started = Instant::now();
        let mut code_time = Duration::ZERO;
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
            return Ok(StagedTask {
                outcome: Outcome::AlreadyDone { hash },
                files: Vec::new(),
                mark: None,
                code_time,
                write_time: started.elapsed(),
            });
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
                            let t = Instant::now();
                            let coded = api::code_caught(&self.pipeline, rec, published);
                            code_time += t.elapsed();
                            match coded {
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
        let mut files = Vec::new();
        if !skips.is_empty() {
            let mut f = self.out.start(self.out.skips_path(&hash.0))?;
            for s in &skips {
                f.write(&skip_line(s))?;
            }
            files.push(f.stage()?);
        }
        let mark = Some(events.stage()?);
        Ok(StagedTask {
            outcome: Outcome::Coded {
                hash,
                records,
                events: n_events,
                skips,
            },
            files,
            mark,
            code_time,
            write_time: started.elapsed().saturating_sub(code_time),
        })
    }

    /// Group commit: makes the outputs of a batch of staged tasks durable with one folder
    /// fsync (two when a skips file is among them: the events file, which marks a task done,
    /// is renamed only after every other file is durable). Only after this returns may the
    /// batch's messages be acknowledged. On an error some tasks may be durable and others
    /// not; none may be acknowledged, and the redelivered ones that are done are recognised.
    pub fn commit(&self, batch: &mut [StagedTask]) -> Result<(), Error> {
        let (mut first, mut marks, mut found_done) = (Vec::new(), Vec::new(), false);
        for task in batch.iter_mut() {
            first.append(&mut task.files);
            match task.mark.take() {
                Some(m) => marks.push(m),
                None => found_done = true,
            }
        }
        self.out.commit(first, marks, found_done)
    }
}

/// A coded task whose outputs are written under temporary names, waiting for a group commit.
#[derive(Debug)]
pub struct StagedTask {
    /// What the task produced (valid once committed).
    pub outcome: Outcome,
    files: Vec<StagedFile>,
    mark: Option<StagedFile>,
    /// Time spent in the coding pipeline.
    pub code_time: Duration,
    /// The rest of the task's time: hashing, reading records, serialising, writing.
    pub write_time: Duration,
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
