//! Arguments of `sitrep worker` (queue workers and their producer).

use clap::{Args, Subcommand};
use std::path::PathBuf;

/// `sitrep worker ...`
#[derive(Debug, Subcommand)]
pub enum WorkerCommand {
    /// Pull tasks from the queue and code them into DIR/<coder-version>/<input-hash>.jsonl.
    #[command(after_long_help = "Example:\n  \
nats-server -js -a 127.0.0.1 -p 4222 -sd /tmp/nats &\n  \
sitrep worker enqueue --nats nats://127.0.0.1:4222 articles.jsonl.gz\n  \
sitrep worker run --nats nats://127.0.0.1:4222 --out results/ --drain &\n  \
sitrep worker run --nats nats://127.0.0.1:4222 --out results/ --drain\n\n\
Each task's events (the JSON lines of `sitrep code`) go to DIR/<coder-version>/<input-hash>.jsonl, \
written to a temporary name, fsynced and renamed; lost records go to <input-hash>.skips.jsonl. \
A message is acknowledged only after its outputs are durable, and a task whose output exists is \
acknowledged without coding: delivery is at least once, results exactly once. SIGTERM or Ctrl-C \
finishes the tasks in hand, acknowledges them and exits.")]
    Run(WorkerRunArgs),
    /// Put tasks on the queue: each JSONL line is a document, or with --files each path is a
    /// file task.
    Enqueue(WorkerEnqueueArgs),
    /// Counts of the queue: stored, pending, unacknowledged, dead letters.
    Status(WorkerStatusArgs),
}

/// Where the NATS queue is.
#[derive(Debug, Args, Clone)]
pub struct QueueArgs {
    /// NATS server URL.
    #[arg(long, value_name = "URL", default_value = "nats://127.0.0.1:4222")]
    pub nats: String,
    /// JetStream stream holding the tasks (created with work-queue retention if missing).
    #[arg(long, default_value = "SITREP_TASKS")]
    pub stream: String,
    /// Subject the tasks are published on.
    #[arg(long, default_value = "sitrep.tasks")]
    pub subject: String,
    /// Durable pull consumer shared by all workers.
    #[arg(long, default_value = "sitrep-workers")]
    pub consumer: String,
    /// Seconds a delivered task may stay unacknowledged before it is delivered again
    /// (applies when the consumer is created).
    #[arg(long, value_name = "SECS", default_value_t = 30)]
    pub ack_wait: u64,
    /// Deliveries of one task before the server stops retrying it (a dead letter, counted by
    /// `sitrep worker status`; applies when the consumer is created).
    #[arg(long, value_name = "N", default_value_t = 5)]
    pub max_deliver: i64,
}

/// `sitrep worker run`
#[derive(Debug, Args)]
pub struct WorkerRunArgs {
    /// The queue.
    #[command(flatten)]
    pub queue: QueueArgs,
    /// Output folder (shared by all workers).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Publication date (YYYY-MM-DD) for every task, as in `sitrep code --published`; part
    /// of each output's input hash.
    #[arg(long, value_name = "DATE")]
    pub published: Option<String>,
    /// Tasks coded at once by this worker (default 1: scale out with more workers).
    #[arg(long, default_value_t = 1)]
    pub threads: usize,
    /// Messages pulled ahead of the coding threads at most, so the next task is in hand
    /// when a thread frees up (fewer for long tasks: about 250 ms of work); 0 pulls only when
    /// a thread is free.
    #[arg(long, value_name = "N", default_value_t = sitrep_worker::nats::DEFAULT_PREFETCH)]
    pub prefetch: usize,
    /// Exit once the queue has nothing left to deliver or acknowledge (default: run until
    /// SIGTERM).
    #[arg(long)]
    pub drain: bool,
    /// Kafka bootstrap servers: consume a Kafka topic instead of NATS (needs a build with
    /// the `kafka` feature).
    #[arg(long, value_name = "BROKERS", requires_all = ["topic", "group"])]
    pub kafka: Option<String>,
    /// Kafka topic (with --kafka).
    #[arg(long)]
    pub topic: Option<String>,
    /// Kafka consumer group (with --kafka).
    #[arg(long)]
    pub group: Option<String>,
    /// With --kafka: exit after this many seconds without a message.
    #[arg(long, value_name = "SECS")]
    pub idle_exit: Option<u64>,
    /// Print the run's counts as one JSON object on stdout.
    #[arg(long)]
    pub json: bool,
    /// No summary and no skip warnings (errors are still printed).
    #[arg(long, short)]
    pub quiet: bool,
}

/// `sitrep worker enqueue`
#[derive(Debug, Args)]
pub struct WorkerEnqueueArgs {
    /// JSONL files (optionally gzipped): one task per non-blank line. With --files: any
    /// files sitrep reads (WARC, JSONL, HTML, text), one task each.
    #[arg(value_name = "INPUT", required = true)]
    pub inputs: Vec<PathBuf>,
    /// The queue.
    #[command(flatten)]
    pub queue: QueueArgs,
    /// Enqueue file tasks (absolute paths; workers must see the same filesystem).
    #[arg(long)]
    pub files: bool,
}

/// `sitrep worker status`
#[derive(Debug, Args)]
pub struct WorkerStatusArgs {
    /// The queue.
    #[command(flatten)]
    pub queue: QueueArgs,
    /// One JSON object instead of text.
    #[arg(long)]
    pub json: bool,
}
