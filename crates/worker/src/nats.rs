//! NATS JetStream transport: a work-queue stream, one durable pull consumer shared by every
//! worker, explicit acknowledgement after the outputs are durable.
//!
//! Only features of nats-server 2.9 are used (Debian 12 ships 2.9.10): the client is built
//! without its `server_2_10`+ features, so no newer stream or consumer fields are sent.
//!
//! Delivery: a message not acknowledged within `ack_wait` (a worker killed, a network cut)
//! is delivered again, to any worker, up to `max_deliver` times. A worker sends progress
//! acknowledgements for every message it holds (pulled ahead, coding, or waiting for its group
//! commit), so a long file task is not redelivered while its worker is alive. After `max_deliver` deliveries the server stops delivering a message and keeps
//! it in the stream; [`QueueStatus::dead_letters`] counts such messages so they are never
//! lost silently (`sitrep worker status`).

use crate::code::Coder;
use crate::{Error, Reporter, RunStats};
use async_nats::jetstream::{self, consumer, stream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// Where the queue lives and how it redelivers.
#[derive(Debug, Clone)]
pub struct QueueConfig {
    /// Server URL, e.g. `nats://127.0.0.1:4222`.
    pub url: String,
    /// JetStream stream name.
    pub stream: String,
    /// Subject the tasks are published on (the stream's only subject).
    pub subject: String,
    /// Durable consumer shared by all workers.
    pub consumer: String,
    /// How long a delivered message may stay unacknowledged before it is delivered again.
    pub ack_wait: Duration,
    /// Deliveries of one message before the server gives up on it (a dead letter).
    pub max_deliver: i64,
    /// Unacknowledged messages the server lets out across all workers.
    pub max_ack_pending: i64,
}

impl Default for QueueConfig {
    fn default() -> Self {
        QueueConfig {
            url: "nats://127.0.0.1:4222".into(),
            stream: "SITREP_TASKS".into(),
            subject: "sitrep.tasks".into(),
            consumer: "sitrep-workers".into(),
            ack_wait: Duration::from_secs(30),
            max_deliver: 5,
            max_ack_pending: 1000,
        }
    }
}

/// How one worker runs.
#[derive(Debug, Clone)]
pub struct RunOptions {
    /// Tasks coded at once by this worker (each on its own thread); also the messages it
    /// holds unacknowledged, so memory and redelivery after a crash stay bounded.
    pub threads: usize,
    /// Stop once the queue holds nothing to deliver and nothing unacknowledged.
    pub drain: bool,
    /// At most this many messages pulled ahead of the coding threads, so the next task is in
    /// hand when a thread frees up (fewer when tasks are long: about 250 ms of work is held
    /// ahead); 0 pulls only when a thread is free.
    pub prefetch: usize,
}

impl RunOptions {
    /// The most messages this worker holds unacknowledged at once: the coding threads, the
    /// prefetch, and two group commits (one being made durable, one filling).
    pub fn max_held(&self) -> usize {
        self.threads.max(1) + self.prefetch + 2 * crate::pump::COMMIT_BATCH
    }
}

impl Default for RunOptions {
    fn default() -> Self {
        RunOptions {
            threads: 1,
            drain: false,
            prefetch: DEFAULT_PREFETCH,
        }
    }
}

/// Default of [`RunOptions::prefetch`]: 5 ms documents reach it, file tasks stay near 0.
pub const DEFAULT_PREFETCH: usize = 64;

/// Counts of the queue, for `sitrep worker status` and drain checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QueueStatus {
    /// Messages in the stream (work-queue retention removes acknowledged ones).
    pub messages: u64,
    /// Messages not yet delivered to the consumer.
    pub pending: u64,
    /// Delivered and not acknowledged yet.
    pub ack_pending: u64,
    /// Still in the stream but neither pending nor unacknowledged: delivered `max_deliver`
    /// times without an acknowledgement, so the server will not deliver them again.
    pub dead_letters: u64,
}

/// Longest wait of one pull request; also how quickly a stop request is noticed when idle.
pub(crate) const PULL_WAIT: Duration = Duration::from_millis(500);

/// Unawaited publish acknowledgements before waiting for them: async-nats blocks at 5,000
/// in flight (`max_ack_inflight`), so awaiting in smaller batches avoids a stall.
const PUBLISH_WINDOW: usize = 1000;

async fn connect(cfg: &QueueConfig) -> Result<(async_nats::Client, jetstream::Context), Error> {
    let client = async_nats::connect(cfg.url.as_str())
        .await
        .map_err(|e| Error::queue("connecting", format!("{}: {e}", cfg.url)))?;
    let js = jetstream::new(client.clone());
    Ok((client, js))
}

/// Creates the stream and the durable consumer unless they exist (every worker and producer
/// calls this, so the first one to start sets them up).
async fn queue(
    js: &jetstream::Context,
    cfg: &QueueConfig,
) -> Result<(stream::Stream, consumer::PullConsumer), Error> {
    let stream = js
        .get_or_create_stream(stream::Config {
            name: cfg.stream.clone(),
            subjects: vec![cfg.subject.clone()],
            retention: stream::RetentionPolicy::WorkQueue,
            storage: stream::StorageType::File,
            ..Default::default()
        })
        .await
        .map_err(|e| Error::queue("creating the stream", e))?;
    let consumer = stream
        .get_or_create_consumer(
            &cfg.consumer,
            consumer::pull::Config {
                durable_name: Some(cfg.consumer.clone()),
                ack_policy: consumer::AckPolicy::Explicit,
                ack_wait: cfg.ack_wait,
                max_deliver: cfg.max_deliver,
                max_ack_pending: cfg.max_ack_pending,
                ..Default::default()
            },
        )
        .await
        .map_err(|e| Error::queue("creating the consumer", e))?;
    Ok((stream, consumer))
}

pub(crate) async fn status_of(
    stream: &mut stream::Stream,
    consumer: &mut consumer::PullConsumer,
) -> Result<QueueStatus, Error> {
    let messages = stream
        .info()
        .await
        .map_err(|e| Error::queue("reading stream info", e))?
        .state
        .messages;
    let info = consumer
        .info()
        .await
        .map_err(|e| Error::queue("reading consumer info", e))?;
    let (pending, ack_pending) = (info.num_pending, info.num_ack_pending as u64);
    Ok(QueueStatus {
        messages,
        pending,
        ack_pending,
        dead_letters: messages.saturating_sub(pending + ack_pending),
    })
}

fn runtime() -> Result<tokio::runtime::Runtime, Error> {
    // One thread for the client: coding runs on blocking threads, bounded by `threads`.
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(Error::Runtime)
}

/// Publishes task bodies, waiting for the server's acknowledgement of each (a body the
/// producer reports sent is stored). Returns the number published.
pub fn enqueue(
    cfg: &QueueConfig,
    bodies: impl Iterator<Item = Result<Vec<u8>, Error>>,
) -> Result<u64, Error> {
    runtime()?.block_on(async {
        let (client, js) = connect(cfg).await?;
        queue(&js, cfg).await?;
        let mut acks = Vec::with_capacity(PUBLISH_WINDOW);
        let mut sent = 0u64;
        for body in bodies {
            let ack = js
                .publish(cfg.subject.clone(), body?.into())
                .await
                .map_err(|e| Error::queue("publishing", e))?;
            acks.push(ack);
            if acks.len() == PUBLISH_WINDOW {
                sent += await_acks(&mut acks).await?;
            }
        }
        sent += await_acks(&mut acks).await?;
        client
            .flush()
            .await
            .map_err(|e| Error::queue("flushing", e))?;
        Ok(sent)
    })
}

async fn await_acks(acks: &mut Vec<jetstream::context::PublishAckFuture>) -> Result<u64, Error> {
    let n = acks.len() as u64;
    for ack in acks.drain(..) {
        ack.await
            .map_err(|e| Error::queue("publish acknowledgement", e))?;
    }
    Ok(n)
}

/// The largest message the server accepts (the producer reports longer documents).
pub fn max_payload(cfg: &QueueConfig) -> Result<usize, Error> {
    runtime()?.block_on(async {
        let (client, _) = connect(cfg).await?;
        Ok(client.server_info().max_payload)
    })
}

/// The queue's counts (creating the stream and consumer if needed).
pub fn status(cfg: &QueueConfig) -> Result<QueueStatus, Error> {
    runtime()?.block_on(async {
        let (_client, js) = connect(cfg).await?;
        let (mut stream, mut consumer) = queue(&js, cfg).await?;
        status_of(&mut stream, &mut consumer).await
    })
}

/// Runs a worker until `stop` is set (then gives back the messages pulled ahead, finishes the
/// tasks in hand, acknowledges them and returns) or, with [`RunOptions::drain`], until the
/// queue is empty. With `signals`, SIGTERM and SIGINT set `stop`. An error (an output that
/// could not be made durable, the server gone) stops the worker; its unacknowledged messages
/// are delivered again. The loop itself (prefetch, group commit) is in `pump.rs`.
pub fn run(
    cfg: &QueueConfig,
    coder: &Coder,
    opts: &RunOptions,
    stop: Arc<AtomicBool>,
    signals: bool,
    report: Option<Reporter>,
) -> Result<RunStats, Error> {
    runtime()?.block_on(async {
        if signals {
            watch_signals(Arc::clone(&stop))?;
        }
        let (client, js) = connect(cfg).await?;
        let (mut stream, mut consumer) = queue(&js, cfg).await?;
        crate::pump::work(
            &client,
            &mut stream,
            &mut consumer,
            cfg,
            coder,
            opts,
            &stop,
            &report,
        )
        .await
    })
}

fn watch_signals(stop: Arc<AtomicBool>) -> Result<(), Error> {
    use tokio::signal::unix::{signal, SignalKind};
    let mut term = signal(SignalKind::terminate()).map_err(Error::Runtime)?;
    let mut int = signal(SignalKind::interrupt()).map_err(Error::Runtime)?;
    tokio::spawn(async move {
        tokio::select! {
            _ = term.recv() => {}
            _ = int.recv() => {}
        }
        stop.store(true, Ordering::SeqCst);
    });
    Ok(())
}
