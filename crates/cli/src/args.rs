//! Command-line arguments (clap derive). Names of commands and flags are a public interface.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// sitrep: raw news in, structured political event data out.
#[derive(Debug, Parser)]
#[command(name = "sitrep", version, about, long_about = None)]
#[command(
    after_long_help = "Exit codes: 0 success (some records may have been skipped, see the summary); \
1 nothing could be read, or any skip under --strict; 2 usage, configuration, I/O or internal error."
)]
pub struct Cli {
    /// Command.
    #[command(subcommand)]
    pub command: Command,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract clean article text and metadata; one JSON object per document.
    #[command(
        after_long_help = "Example:\n  sitrep extract examples/articles/ > articles.jsonl\n  \
sitrep extract --format text page.html"
    )]
    Extract(ExtractArgs),
    /// Extract, then tokenize, tag and parse; prints CoNLL-U.
    Parse(crate::args_nlp::ParseArgs),
    /// Extract, analyse, then find actor and place mentions; one JSON object per article.
    Actors(crate::args_actors::ActorsArgs),
    /// Train sitrep's models from public data.
    #[command(subcommand)]
    Train(crate::args_nlp::TrainCommand),
    /// Score sitrep against public evaluation sets; with no sub-command, the event suites
    /// (PETRARCH-2, TABARI, PLOVER, seed).
    #[command(args_conflicts_with_subcommands = true)]
    Eval(EvalArgs),
    /// Extract, analyse and code events; one JSON object per event.
    Code(crate::args_code::CodeArgs),
    /// Check PETRARCH and TABARI dictionaries.
    #[command(subcommand)]
    Dict(crate::args_dict::DictCommand),
    /// Extract, code and store articles in an embedded store (incremental, idempotent).
    #[command(after_long_help = "Example:\n  sitrep ingest --db events.db news/\n  \
sitrep query --db events.db --source RUS --target PRK")]
    Ingest(crate::args_store::IngestArgs),
    /// Events from a store, filtered; as a table, JSONL or CSV.
    Query(crate::args_store::QueryArgs),
    /// Event counts in a store by day, dyad and CAMEO code.
    Stats(crate::args_store::StatsArgs),
    /// Export a store as GDELT 2.0 Events TSV, PLOVER JSONL or Parquet.
    Export(crate::args_store::ExportArgs),
    /// Serve a store over an HTTP JSON API (OpenAPI at /api/openapi.json) and the dashboard.
    #[command(after_long_help = "Example:\n  sitrep serve --db events.db\n  \
curl 'http://127.0.0.1:8080/api/events?source=RUS&target=PRK'\n\n\
Read-only unless started with --token (or SITREP_TOKEN), which enables POST /api/ingest \
for requests carrying `Authorization: Bearer <token>`.")]
    Serve(crate::args_store::ServeArgs),
    /// Queue workers: code tasks from a NATS JetStream (or Kafka) queue, exactly once.
    #[command(subcommand)]
    Worker(crate::args_worker::WorkerCommand),
}

/// Input flags shared by every command that reads documents.
#[derive(Debug, Args, Clone)]
pub struct InputArgs {
    /// Files or folders (recursive); `-` or nothing reads stdin.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Force the input format instead of detecting it per file.
    #[arg(long, value_enum)]
    pub input_format: Option<InputFormatArg>,
    /// Worker threads (default: available cores). Output is the same for any value.
    #[arg(long)]
    pub threads: Option<usize>,
    /// Exit with status 1 if any record was skipped.
    #[arg(long)]
    pub strict: bool,
    /// No progress bar and no summary (errors are still printed).
    #[arg(long, short)]
    pub quiet: bool,
    /// Largest record kept, in MiB (decompressed); larger ones are skipped as too_large.
    #[arg(long, default_value_t = 64)]
    pub max_record_mb: usize,
}

/// Input formats accepted by `--input-format`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum InputFormatArg {
    /// Plain or flattened text, one document per file.
    Text,
    /// An HTML page per file.
    Html,
    /// One JSON object per line: id, url, title, published, source, text or html.
    Jsonl,
    /// WARC 1.0/1.1 response records (CC-NEWS).
    Warc,
    /// Pre-tokenised CoNLL-U (`sitrep parse` only): words and sentence breaks are kept.
    Conllu,
}

/// `sitrep extract`
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Inputs and reading options.
    #[command(flatten)]
    pub input: InputArgs,
    /// Output: JSON lines with all fields, or the clean text only.
    #[arg(long, value_enum, default_value_t = ExtractFormat::Json)]
    pub format: ExtractFormat,
}

/// Output formats of `sitrep extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    /// One JSON object per document.
    Json,
    /// The clean text of each document, documents separated by a form feed line.
    Text,
}

/// `sitrep eval [SUBCOMMAND]`: plain `sitrep eval` runs the event suites.
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// A single evaluation; none runs the event suites.
    #[command(subcommand)]
    pub command: Option<EvalCommand>,
    /// Event-suite flags (when no sub-command is given).
    #[command(flatten)]
    pub events: crate::args_code::EvalEventsArgs,
}

/// `sitrep eval ...`
#[derive(Debug, Subcommand)]
pub enum EvalCommand {
    /// The event coder on the PETRARCH-2, TABARI, PLOVER and seed suites (same as plain
    /// `sitrep eval`).
    Events(crate::args_code::EvalEventsArgs),
    /// Article extraction on a dataset laid out like the ScrapingHub benchmark.
    Extraction(EvalExtractionArgs),
    /// Tagger and parser on a UD treebank (gold tokens): UPOS, XPOS, UAS, LAS, speed.
    Parser(crate::args_nlp::EvalParserArgs),
}

/// `sitrep eval extraction`
#[derive(Debug, Args)]
pub struct EvalExtractionArgs {
    /// Dataset folder (ground-truth.json, html/, flattened/). Default: ../shared/data/article-extraction-benchmark
    #[arg(long)]
    pub dataset: Option<PathBuf>,
    /// Print one JSON object instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Also list each page's precision and recall, worst first.
    #[arg(long)]
    pub per_page: bool,
    /// Score only this variant.
    #[arg(long, value_enum)]
    pub only: Option<VariantArg>,
}

/// Dataset variants.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum VariantArg {
    /// The HTML pages.
    Html,
    /// The same pages flattened to text.
    Flattened,
}
