//! The NATS worker's loop: pull ahead, code on blocking threads, group-commit, acknowledge.
//!
//! A message goes through four places, all bounded: the local buffer (pulled ahead so the next
//! task is in hand when a coding thread frees up, instead of one pull round trip per task), a
//! coding thread (fed through a channel holding its next task; outputs written under temporary
//! names), the staged list (coded, not yet
//! durable) and a group commit (the files fsynced in parallel, one folder fsync per batch, on its own
//! thread while coding goes on). A message is acknowledged only when the group commit holding
//! it has returned, so the contract of [`crate::nats`] holds: ack after durable, at-least-once
//! delivery, exactly-once results.
//!
//! Acknowledgements are plain publishes (`ack`, no reply awaited): a lost ack costs only a
//! redelivery, which finds the output and is acknowledged without coding, so waiting a round
//! trip per message (`double_ack`) would buy nothing for the results. The one place the
//! server's receipt matters is exit (the tests and `status` read the queue right after), and
//! the final `flush` gives it: the server handles a connection's messages in order.

use crate::code::{Coder, StagedTask};
use crate::nats::{status_of, QueueConfig, RunOptions, PULL_WAIT};
use crate::{Error, Reporter, RunStats};
use async_nats::jetstream::consumer::pull::Batch;
use async_nats::jetstream::consumer::PullConsumer;
use async_nats::jetstream::{self, stream, AckKind};
use futures_util::StreamExt;
use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};
use tokio::task::JoinHandle;

/// How much work to hold ahead of the coding threads, in expected coding time: enough to
/// cover a pull round trip on a loaded machine, short enough that the last tasks are not
/// stuck behind one worker while another idles (a file task of seconds gets no prefetch).
const PREFETCH_HORIZON: Duration = Duration::from_millis(250);

/// A group commit starts once this many tasks are staged...
pub(crate) const COMMIT_BATCH: usize = 64;

/// ...or once the oldest staged task has waited this long, or nothing else is being coded.
const COMMIT_DELAY: Duration = Duration::from_millis(100);

/// With `--drain`, how long an idle worker waits for a message before asking whether the
/// queue is done: short, because the last worker's exit ends a backfill (or a benchmark).
const DRAIN_WAIT: Duration = Duration::from_millis(100);

/// A pull request still open after this long is abandoned (see the housekeeping tick).
const PULL_GIVE_UP: Duration = Duration::from_secs(10);

/// How often the loop wakes on its own: stop requests, progress acknowledgements.
const HOUSEKEEPING: Duration = Duration::from_millis(100);

/// A coded task, or the payload of a panic in coding (a bug in this crate: re-raised).
type Coded = (u64, std::thread::Result<Result<StagedTask, Error>>);

/// Tasks handed to each coding thread beyond the one it is coding, so a thread that finishes
/// starts its next task at once instead of waiting for this loop to be scheduled (on two busy
/// cores that wait was a gap after every document).
const QUEUED_PER_THREAD: usize = 1;

/// The coding threads, fed through a channel.
struct CodingThreads {
    jobs: Option<mpsc::Sender<(u64, Vec<u8>)>>,
    results: tokio::sync::mpsc::UnboundedReceiver<Coded>,
    handles: Vec<std::thread::JoinHandle<()>>,
    /// Tasks sent and not yet returned (coding or queued).
    in_flight: usize,
}

impl CodingThreads {
    fn start(threads: usize, coder: &Coder) -> Result<CodingThreads, Error> {
        let (jobs, queue) = mpsc::channel::<(u64, Vec<u8>)>();
        let queue = Arc::new(Mutex::new(queue));
        let (done, results) = tokio::sync::mpsc::unbounded_channel();
        let mut handles = Vec::with_capacity(threads);
        for n in 0..threads {
            let (queue, done, coder) = (queue.clone(), done.clone(), coder.clone());
            let handle = std::thread::Builder::new()
                .name(format!("sitrep-code-{n}"))
                .spawn(move || loop {
                    // The lock is held only while waiting for the next task.
                    let job = queue.lock().unwrap_or_else(|p| p.into_inner()).recv();
                    let Ok((id, body)) = job else { break };
                    let coded = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        coder.stage(&body)
                    }));
                    if done.send((id, coded)).is_err() {
                        break;
                    }
                })
                .map_err(Error::Runtime)?;
            handles.push(handle);
        }
        Ok(CodingThreads {
            jobs: Some(jobs),
            results,
            handles,
            in_flight: 0,
        })
    }

    fn send(&mut self, id: u64, body: Vec<u8>) {
        if let Some(jobs) = &self.jobs {
            // The threads only stop once `jobs` is dropped, so the send cannot fail.
            if jobs.send((id, body)).is_ok() {
                self.in_flight += 1;
            }
        }
    }

    async fn next(&mut self) -> Option<Coded> {
        let coded = self.results.recv().await;
        if coded.is_some() {
            self.in_flight -= 1;
        }
        coded
    }

    /// Ends the threads (each finishes its task first).
    fn stop(mut self) {
        self.jobs = None;
        for h in self.handles.drain(..) {
            let _ = h.join();
        }
    }
}
type Committed = (Vec<(u64, StagedTask)>, Result<(), Error>, Duration);

/// One pull request in flight.
struct Pull {
    batch: Batch,
    sent: Instant,
    got: usize,
    /// A waiting request (sent with nothing in hand); otherwise a no-wait fetch.
    waiting: bool,
}

struct Pump<'a> {
    report: &'a Option<Reporter>,
    prefetch: usize,
    max_held: usize,
    next_id: u64,
    /// Every message this worker holds unacknowledged, wherever it is in the pipeline.
    held: HashMap<u64, jetstream::Message>,
    local: VecDeque<u64>,
    staged: Vec<(u64, StagedTask)>,
    oldest_staged: Option<Instant>,
    /// Moving average of a task's time on its coding thread.
    task_time: Option<Duration>,
    stats: RunStats,
    failed: Option<Error>,
}

fn since_epoch() -> Option<Duration> {
    SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .ok()
}

impl Pump<'_> {
    /// Messages to hold ahead of the coding threads, from how long tasks take.
    fn depth(&self) -> usize {
        match self.task_time {
            _ if self.prefetch == 0 => 0,
            None => 1,
            Some(t) => {
                let n = PREFETCH_HORIZON.as_nanos() / t.as_nanos().max(1);
                n.min(self.prefetch as u128) as usize
            }
        }
    }

    fn fail(&mut self, e: Error) {
        self.failed.get_or_insert(e);
    }

    /// Gives a message back to the queue at once (best effort: if the nak is lost, the
    /// message comes back after `ack_wait`).
    async fn release(&mut self, id: u64) {
        if let Some(msg) = self.held.remove(&id) {
            let _ = msg.ack_with(AckKind::Nak(None)).await;
        }
    }

    /// Takes a message in; returns its id when it must be given back (the worker failed).
    fn received(&mut self, msg: jetstream::Message) -> Option<u64> {
        if self.stats.timings.first_message.is_none() {
            self.stats.timings.first_message = since_epoch();
        }
        self.stats.messages += 1;
        if msg.info().is_ok_and(|i| i.delivered > 1) {
            self.stats.redelivered += 1;
        }
        let id = self.next_id;
        self.next_id += 1;
        self.held.insert(id, msg);
        if self.failed.is_some() {
            return Some(id);
        }
        self.local.push_back(id);
        None
    }

    fn coded(&mut self, id: u64, task: StagedTask) {
        let took = task.code_time + task.write_time;
        self.stats.timings.code += task.code_time;
        self.stats.timings.write += task.write_time;
        self.task_time = Some(match self.task_time {
            Some(avg) => (avg * 7 + took) / 8,
            None => took,
        });
        self.oldest_staged.get_or_insert_with(Instant::now);
        self.staged.push((id, task));
    }

    async fn committed(&mut self, done: Committed) {
        let (batch, result, took) = done;
        self.stats.timings.commits += 1;
        self.stats.timings.commit += took;
        if let Err(e) = result {
            for (id, _) in &batch {
                self.release(*id).await;
            }
            self.fail(e);
            return;
        }
        let started = Instant::now();
        for (id, task) in batch {
            if let Some(msg) = self.held.remove(&id) {
                if msg.ack().await.is_err() {
                    self.stats.ack_failures += 1;
                }
            }
            self.stats.add(&task.outcome);
            if let Some(r) = self.report {
                r(&task.outcome);
            }
        }
        self.stats.timings.ack += started.elapsed();
        self.stats.timings.last_ack = since_epoch();
    }

    /// Tells the server every held message is being worked on, so none is redelivered to
    /// another worker while this one is alive (a long file task, a slow group commit).
    async fn progress(&self) {
        for msg in self.held.values() {
            // Best effort: a lost note only risks a redundant redelivery.
            let _ = msg.ack_with(AckKind::Progress).await;
        }
    }
}

async fn next_message(pull: &mut Option<Pull>) -> Option<Result<jetstream::Message, String>> {
    match pull {
        Some(p) => p.batch.next().await.map(|r| r.map_err(|e| e.to_string())),
        None => std::future::pending().await,
    }
}

async fn next_commit(c: &mut Option<JoinHandle<Committed>>) -> Committed {
    match c {
        Some(h) => match h.await {
            Ok(done) => done,
            // Committing does not panic on I/O errors; a panic is a bug in this crate.
            Err(join) => std::panic::resume_unwind(join.into_panic()),
        },
        None => std::future::pending().await,
    }
}

/// Runs the loop until drained (with `opts.drain`), stopped, or failed; see [`crate::nats::run`].
#[allow(clippy::too_many_arguments)]
pub(crate) async fn work(
    client: &async_nats::Client,
    stream: &mut stream::Stream,
    consumer: &mut PullConsumer,
    cfg: &QueueConfig,
    coder: &Coder,
    opts: &RunOptions,
    stop: &AtomicBool,
    report: &Option<Reporter>,
) -> Result<RunStats, Error> {
    let threads = opts.threads.max(1);
    let mut p = Pump {
        report,
        prefetch: opts.prefetch,
        max_held: opts.max_held(),
        next_id: 0,
        held: HashMap::new(),
        local: VecDeque::new(),
        staged: Vec::new(),
        oldest_staged: None,
        task_time: None,
        stats: RunStats::default(),
        failed: None,
    };
    let progress_every = (cfg.ack_wait / 3).max(Duration::from_millis(100));
    let mut last_progress = Instant::now();
    let mut tick = tokio::time::interval(HOUSEKEEPING);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut pull: Option<Pull> = None;
    let mut coding = CodingThreads::start(threads, coder)?;
    let mut committing: Option<JoinHandle<Committed>> = None;
    // A no-wait fetch found nothing: do not ask again until a task completes.
    let mut found_empty = false;
    let mut drained = false;
    loop {
        let stopping = stop.load(Ordering::SeqCst) || p.failed.is_some();
        if p.failed.is_some() {
            // Not started: back to the queue for another worker (or this one, restarted).
            while let Some(id) = p.local.pop_front() {
                p.release(id).await;
            }
        }
        // On a stop request the messages pulled ahead are coded too (at most ~250 ms of work):
        // a nak would leave them counted as unacknowledged until the server redelivers them.
        while coding.in_flight < threads * (1 + QUEUED_PER_THREAD) {
            let Some(id) = p.local.pop_front() else { break };
            let Some(msg) = p.held.get(&id) else { continue };
            coding.send(id, msg.payload.to_vec());
        }
        if pull.is_none() && !stopping && !drained {
            // Top up only once half the prefetch is used, then fill it: one pull request
            // (server CPU on the same two cores) brings several messages, not one each.
            let (ahead, depth) = (p.local.len() + coding.in_flight, p.depth());
            let low = ahead <= threads + depth / 2;
            let want = (threads + depth).saturating_sub(ahead) * usize::from(low);
            let n = want.min(p.max_held.saturating_sub(p.held.len()));
            let waiting = p.held.is_empty();
            if n > 0 && (waiting || !found_empty) {
                let request = if waiting {
                    consumer
                        .batch()
                        .max_messages(n)
                        .expires(if opts.drain { DRAIN_WAIT } else { PULL_WAIT })
                        .messages()
                        .await
                } else {
                    consumer.fetch().max_messages(n).messages().await
                };
                p.stats.timings.pulls += 1;
                match request {
                    Ok(batch) => {
                        pull = Some(Pull {
                            batch,
                            sent: Instant::now(),
                            got: 0,
                            waiting,
                        })
                    }
                    Err(e) => p.fail(Error::queue("pulling", e)),
                }
            }
        }
        let quiet = coding.in_flight == 0 && p.local.is_empty();
        if committing.is_none()
            && !p.staged.is_empty()
            && (stopping
                || quiet
                || p.staged.len() >= COMMIT_BATCH
                || p.oldest_staged.is_some_and(|t| t.elapsed() >= COMMIT_DELAY))
        {
            let mut batch = std::mem::take(&mut p.staged);
            p.oldest_staged = None;
            let coder = coder.clone();
            committing = Some(tokio::task::spawn_blocking(move || {
                let started = Instant::now();
                let mut tasks: Vec<StagedTask> = Vec::with_capacity(batch.len());
                let ids: Vec<u64> = batch.iter().map(|(id, _)| *id).collect();
                tasks.extend(batch.drain(..).map(|(_, t)| t));
                let result = coder.commit(&mut tasks);
                (
                    ids.into_iter().zip(tasks).collect(),
                    result,
                    started.elapsed(),
                )
            }));
        }
        let idle = pull.is_none() && quiet && committing.is_none() && p.staged.is_empty();
        if idle && (stopping || drained) {
            break;
        }
        let commit_at = match (&committing, p.oldest_staged) {
            (None, Some(t)) => Some(t + COMMIT_DELAY),
            _ => None,
        };
        // A coding slot free with no message for it: time lost waiting for the queue.
        let starving = coding.in_flight < threads && p.local.is_empty() && !stopping;
        let waited = Instant::now();
        tokio::select! {
            m = next_message(&mut pull), if pull.is_some() => {
                let Some(req) = pull.as_mut() else { continue };
                if req.got == 0 {
                    p.stats.timings.pull_wait += req.sent.elapsed();
                }
                match m {
                    Some(Ok(msg)) => {
                        req.got += 1;
                        if let Some(id) = p.received(msg) {
                            p.release(id).await;
                        }
                    }
                    Some(Err(e)) => {
                        pull = None;
                        p.fail(Error::queue("receiving", e));
                    }
                    None => {
                        let (got, waiting) = (req.got, req.waiting);
                        pull = None;
                        if got == 0 && !waiting {
                            found_empty = true;
                        }
                        if got == 0 && waiting && opts.drain && p.held.is_empty() {
                            match status_of(stream, consumer).await {
                                Ok(s) => drained = s.pending == 0 && s.ack_pending == 0,
                                Err(e) => p.fail(e),
                            }
                        }
                    }
                }
            }
            Some((id, done)) = coding.next(), if coding.in_flight > 0 => {
                found_empty = false;
                match done {
                    Ok(Ok(task)) => p.coded(id, task),
                    Ok(Err(e)) => {
                        p.release(id).await;
                        p.fail(e);
                    }
                    // Coding catches panics itself; a panic here is a bug in this crate.
                    Err(panic) => std::panic::resume_unwind(panic),
                }
            }
            done = next_commit(&mut committing), if committing.is_some() => {
                committing = None;
                p.committed(done).await;
            }
            _ = tick.tick() => {
                // A no-wait fetch has no client-side timeout: if its reply is lost (a
                // reconnect), give up on it; a message it brings later is redelivered after
                // `ack_wait`.
                if pull.as_ref().is_some_and(|r| r.sent.elapsed() >= PULL_GIVE_UP) {
                    pull = None;
                }
                if last_progress.elapsed() >= progress_every {
                    p.progress().await;
                    last_progress = Instant::now();
                }
            }
            _ = sleep_until(commit_at), if commit_at.is_some() => {}
        }
        if starving {
            p.stats.timings.starved += waited.elapsed();
        }
    }
    coding.stop();
    // Acknowledgements are buffered by the client; send them before returning.
    let started = Instant::now();
    let flushed = client.flush().await;
    p.stats.timings.ack += started.elapsed();
    if let Some(e) = p.failed {
        return Err(e);
    }
    flushed.map_err(|e| Error::queue("flushing acknowledgements", e))?;
    Ok(p.stats)
}

async fn sleep_until(at: Option<Instant>) {
    match at {
        Some(t) => tokio::time::sleep_until(t.into()).await,
        None => std::future::pending().await,
    }
}
