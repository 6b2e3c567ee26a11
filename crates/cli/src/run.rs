//! The streaming run shared by every command that reads documents: one reader thread, N
//! workers, a reorder buffer so output order (and bytes) never depend on `--threads`, bounded
//! in-flight records so memory does not grow with the corpus, a progress bar, rate-limited
//! skip warnings, and the end summary.

use crate::args::{InputArgs, InputFormatArg};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use sitrep_doc::{RawRecord, Skip, SkipReason, Stats};
use sitrep_sources::{Ignored, InputFormat, Limits, SourceItem, SourceOptions};
use std::collections::{BTreeMap, HashMap};
use std::io::{IsTerminal, Write};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::mpsc::{sync_channel, Receiver};
use std::sync::{Arc, Mutex};
use std::time::Instant;

/// Warnings printed per skip reason before they are only counted.
const WARNINGS_PER_REASON: u64 = 10;

/// What a worker made of one record.
pub type WorkResult = Result<Vec<u8>, Skip>;

impl InputArgs {
    /// Source options from the flags.
    pub fn source_options(&self) -> SourceOptions {
        SourceOptions {
            format: self.input_format.map(|f| match f {
                InputFormatArg::Text => InputFormat::Text,
                InputFormatArg::Html => InputFormat::Html,
                InputFormatArg::Jsonl => InputFormat::Jsonl,
                InputFormatArg::Warc => InputFormat::Warc,
                // `sitrep parse` reads CoNLL-U itself; any other command sees it as text.
                InputFormatArg::Conllu => InputFormat::Text,
            }),
            limits: Limits {
                max_record_bytes: self.max_record_mb.saturating_mul(1 << 20),
                ..Limits::default()
            },
        }
    }

    fn input_paths(&self) -> Vec<PathBuf> {
        if self.inputs.is_empty() {
            vec![PathBuf::from("-")]
        } else {
            self.inputs.clone()
        }
    }

    fn thread_count(&self) -> usize {
        self.threads
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
            .max(1)
    }
}

enum Done {
    Output(u64, WorkResult),
}

/// Read every input, run `work` on each record on worker threads, and write the outputs in
/// input order through `sink`. Returns the counts.
pub fn run<F, S>(input: &InputArgs, work: F, mut sink: S) -> anyhow::Result<Stats>
where
    F: Fn(RawRecord) -> WorkResult + Send + Sync,
    S: FnMut(&[u8]) -> std::io::Result<()>,
{
    let threads = input.thread_count();
    let opts = input.source_options();
    let paths = input.input_paths();
    let in_flight = threads * 8;
    let progress = Progress::new(input.quiet);
    let started = Instant::now();

    let mut stats = Stats::default();
    let mut warned: HashMap<SkipReason, u64> = HashMap::new();
    let mut passed_over: Option<(Ignored, u64)> = None;

    std::thread::scope(|scope| -> anyhow::Result<()> {
        let (job_tx, job_rx) = sync_channel::<(u64, SourceItem)>(in_flight);
        let (done_tx, done_rx) = sync_channel::<Done>(in_flight);
        // Credits bound the records between the reader and the writer, reorder buffer included.
        let (credit_tx, credit_rx) = sync_channel::<()>(in_flight);
        for _ in 0..in_flight {
            credit_tx.send(()).expect("receiver alive");
        }

        let reader = scope.spawn(move || {
            let mut records = sitrep_sources::open(&paths, &opts);
            for (seq, item) in (0u64..).zip(records.by_ref()) {
                if credit_rx.recv().is_err() || job_tx.send((seq, item)).is_err() {
                    break;
                }
            }
            (records.ignored(), records.warc_non_response())
        });

        let job_rx = Arc::new(Mutex::new(job_rx));
        for _ in 0..threads {
            let job_rx: Arc<Mutex<Receiver<(u64, SourceItem)>>> = Arc::clone(&job_rx);
            let done_tx = done_tx.clone();
            let work = &work;
            scope.spawn(move || loop {
                let next = job_rx.lock().map(|rx| rx.recv());
                let (seq, item) = match next {
                    Ok(Ok(x)) => x,
                    _ => return,
                };
                let result = match item {
                    SourceItem::Skipped(s) => Err(s),
                    SourceItem::Record(rec) => {
                        let (input, record) = (rec.input.clone(), rec.record);
                        let bytes = rec.payload.bytes.len() as u64;
                        catch_unwind(AssertUnwindSafe(|| work(rec)))
                            .unwrap_or_else(|_| {
                                Err(Skip {
                                    input,
                                    record: Some(record),
                                    reason: SkipReason::InternalPanic,
                                    detail: "a stage panicked; this is a bug, please report it"
                                        .into(),
                                })
                            })
                            .map(|out| {
                                let mut framed = bytes.to_le_bytes().to_vec();
                                framed.extend_from_slice(&out);
                                framed
                            })
                    }
                };
                if done_tx.send(Done::Output(seq, result)).is_err() {
                    return;
                }
            });
        }
        drop(done_tx);

        let mut pending: BTreeMap<u64, WorkResult> = BTreeMap::new();
        let mut next_seq = 0u64;
        for Done::Output(seq, result) in done_rx.iter() {
            pending.insert(seq, result);
            while let Some(result) = pending.remove(&next_seq) {
                next_seq += 1;
                stats.read += 1;
                match result {
                    Ok(framed) => {
                        let (len, out) = framed.split_at(8);
                        stats.bytes += u64::from_le_bytes(len.try_into().expect("8-byte frame"));
                        stats.extracted += 1;
                        sink(out)?;
                    }
                    Err(skip) => {
                        stats.skip(skip.reason);
                        let n = warned.entry(skip.reason).or_insert(0);
                        *n += 1;
                        if *n <= WARNINGS_PER_REASON {
                            let level = if skip.reason == SkipReason::InternalPanic {
                                "error"
                            } else {
                                "warning"
                            };
                            progress.println(format!("{level}: {skip}; record skipped"));
                        }
                    }
                }
                progress.update(&stats);
                let _ = credit_tx.send(());
            }
        }
        passed_over = reader.join().ok();
        Ok(())
    })?;
    progress.finish();

    for (reason, n) in &warned {
        if *n > WARNINGS_PER_REASON {
            eprintln!(
                "warning: {} more records skipped as {reason}",
                n - WARNINGS_PER_REASON
            );
        }
    }
    if !input.quiet {
        eprintln!("{}", summary(&stats, started.elapsed().as_secs_f64()));
        if let Some(line) = passed_over.and_then(|(ign, warc)| passed_over_line(&ign, warc)) {
            eprintln!("{line}");
        }
    }
    Ok(stats)
}

/// The end-of-run line: read, extracted, skipped by reason.
pub fn summary(stats: &Stats, secs: f64) -> String {
    let mut s = format!(
        "sitrep: read {} records, extracted {}, skipped {}",
        stats.read,
        stats.extracted,
        stats.skipped_total()
    );
    if !stats.skipped.is_empty() {
        let parts: Vec<String> = stats
            .skipped
            .iter()
            .map(|(r, n)| format!("{r}: {n}"))
            .collect();
        s.push_str(&format!(" ({})", parts.join(", ")));
    }
    s.push_str(&format!(" in {secs:.2}s"));
    s
}

/// Entries that were never records, said once so nothing disappears without a word.
fn passed_over_line(ign: &Ignored, warc_non_response: u64) -> Option<String> {
    let parts: Vec<String> = [
        (ign.hidden, "hidden files or folders"),
        (ign.symlinked_dirs, "symlinked folders (not followed)"),
        (ign.special, "special files (sockets, FIFOs, devices)"),
        (warc_non_response, "WARC records that are not responses"),
    ]
    .iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, what)| format!("{n} {what}"))
    .collect();
    (!parts.is_empty()).then(|| format!("sitrep: passed over {}", parts.join(", ")))
}

/// The exit code the input contract asks for: 1 when nothing was extracted (and something or
/// nothing was read), or when `--strict` and anything was skipped.
pub fn exit_code(stats: &Stats, strict: bool) -> std::process::ExitCode {
    if stats.extracted == 0 || (strict && stats.skipped_total() > 0) {
        std::process::ExitCode::from(1)
    } else {
        std::process::ExitCode::SUCCESS
    }
}

/// A progress bar on stderr, drawn only on a terminal and without `--quiet`.
struct Progress {
    bar: Option<ProgressBar>,
    started: Instant,
}

impl Progress {
    fn new(quiet: bool) -> Progress {
        let bar = (!quiet && std::io::stderr().is_terminal()).then(|| {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr_with_hz(4));
            bar.set_style(
                ProgressStyle::with_template("{spinner} {pos} docs {per_sec} {msg} [{elapsed}]")
                    .expect("static template"),
            );
            bar
        });
        Progress {
            bar,
            started: Instant::now(),
        }
    }

    fn update(&self, stats: &Stats) {
        if let Some(bar) = &self.bar {
            bar.set_position(stats.read);
            let secs = self.started.elapsed().as_secs_f64().max(1e-3);
            bar.set_message(format!(
                "{:.1} MB ({:.1} MB/s), {} skipped",
                stats.bytes as f64 / 1e6,
                stats.bytes as f64 / 1e6 / secs,
                stats.skipped_total()
            ));
        }
    }

    fn println(&self, line: String) {
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// Write through a buffered stdout (block-buffered; flushed at the end).
pub fn stdout() -> std::io::BufWriter<std::io::StdoutLock<'static>> {
    std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock())
}

/// Flush, mapping a broken pipe to success at the caller.
pub fn flush(w: &mut impl Write) -> std::io::Result<()> {
    w.flush()
}
