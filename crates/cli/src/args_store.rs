//! Arguments of the store commands: `ingest`, `query`, `stats`, `export`.

use crate::args::InputArgs;
use clap::{Args, ValueEnum};
use std::path::PathBuf;

/// The store file every store command defaults to.
const DEFAULT_DB: &str = "sitrep.db";

/// `sitrep ingest`
#[derive(Debug, Args)]
pub struct IngestArgs {
    /// Inputs and reading options (as for `sitrep code`).
    #[command(flatten)]
    pub input: InputArgs,
    /// Publication date (YYYY-MM-DD) for every article, overriding the article's own; it anchors
    /// relative dates and is the event date when the text gives none.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub published: Option<String>,
    /// The store file (created when absent).
    #[arg(long, default_value = DEFAULT_DB)]
    pub db: PathBuf,
    /// Articles per transaction: a crash loses at most this many, which a rerun redoes.
    #[arg(long, default_value_t = 200)]
    pub batch: usize,
    /// Read files again even when the store says they are unchanged since the last ingest.
    #[arg(long)]
    pub force: bool,
}

/// Filters shared by `query`, `stats` and `export`.
#[derive(Debug, Args, Clone, Default)]
pub struct FilterArgs {
    /// First event day, inclusive (YYYY-MM-DD or YYYY-MM).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Last event day, inclusive (YYYY-MM-DD or YYYY-MM).
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Source actor country (ISO3/CAMEO, e.g. RUS).
    #[arg(long, value_name = "CODE")]
    pub source: Option<String>,
    /// Target actor country (e.g. PRK).
    #[arg(long, value_name = "CODE")]
    pub target: Option<String>,
    /// Text found in either actor's name, code or sectors (e.g. "Shoigu", "MIL").
    #[arg(long, value_name = "TEXT")]
    pub actor: Option<String>,
    /// CAMEO code; a prefix matches its children (04 matches 042).
    #[arg(long, value_name = "CODE")]
    pub cameo: Option<String>,
    /// CAMEO root (two digits).
    #[arg(long, value_name = "NN")]
    pub root: Option<String>,
    /// Quad class (0 neutral, 1 verbal coop., 2 material coop., 3 verbal conflict, 4 material conflict).
    #[arg(long, value_parser = clap::value_parser!(u8).range(0..=4))]
    pub quad: Option<u8>,
    /// PLOVER event type (AGREE, CONSULT, ...).
    #[arg(long, value_name = "TYPE")]
    pub plover: Option<String>,
    /// Country of the event location (ISO3).
    #[arg(long, value_name = "CODE")]
    pub country: Option<String>,
    /// Bounding box of the event location: MIN_LON,MIN_LAT,MAX_LON,MAX_LAT.
    #[arg(long, value_name = "BOX", allow_hyphen_values = true)]
    pub bbox: Option<String>,
    /// Words that must all appear in one evidence sentence (full-text search).
    #[arg(long, value_name = "WORDS")]
    pub text: Option<String>,
    /// At most this many events.
    #[arg(long)]
    pub limit: Option<u64>,
}

/// `sitrep query`
#[derive(Debug, Args)]
pub struct QueryArgs {
    /// The store file.
    #[arg(long, default_value = DEFAULT_DB)]
    pub db: PathBuf,
    /// Filters.
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = QueryFormat::Table)]
    pub format: QueryFormat,
}

/// Output formats of `sitrep query`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum QueryFormat {
    /// An aligned table, one line per event with its first evidence sentence.
    Table,
    /// One JSON object per event (the `sitrep code` row plus store fields), evidence included.
    Jsonl,
    /// CSV with a header, one row per event.
    Csv,
}

/// `sitrep stats`
#[derive(Debug, Args)]
pub struct StatsArgs {
    /// The store file.
    #[arg(long, default_value = DEFAULT_DB)]
    pub db: PathBuf,
    /// Group by (repeatable; default: day, dyad and code).
    #[arg(long, value_enum)]
    pub by: Vec<StatsByArg>,
    /// Filters.
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Show at most this many rows per grouping.
    #[arg(long)]
    pub top: Option<usize>,
    /// One JSON object instead of tables.
    #[arg(long)]
    pub json: bool,
}

/// Groupings of `sitrep stats`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatsByArg {
    /// Event date.
    Day,
    /// Source and target country.
    Dyad,
    /// CAMEO code.
    Code,
}

/// `sitrep export`
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The store file.
    #[arg(long, default_value = DEFAULT_DB)]
    pub db: PathBuf,
    /// Output format.
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    /// Write here instead of stdout.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// Filters.
    #[command(flatten)]
    pub filter: FilterArgs,
}

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// GDELT 2.0 Events, 61 tab-separated columns, no header.
    Gdelt,
    /// PLOVER JSON lines.
    Plover,
    /// Typed Parquet (zstd), one row per event with evidence, offsets and confidence;
    /// needs --output.
    #[cfg(feature = "parquet")]
    Parquet,
}

/// `sitrep serve`
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The store file (must exist).
    #[arg(long, default_value = DEFAULT_DB)]
    pub db: PathBuf,
    /// Address to listen on (loopback by default; another address exposes the API).
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "ADDR")]
    pub bind: String,
    /// Enables POST /api/ingest for requests with `Authorization: Bearer TOKEN`; without it
    /// the server is read-only. Default: the SITREP_TOKEN environment variable (which keeps
    /// the token out of the process list).
    #[arg(long, value_name = "TOKEN")]
    pub token: Option<String>,
    /// Largest request body in bytes (larger ones get 413).
    #[arg(long, default_value_t = 10 << 20, value_name = "BYTES")]
    pub max_body: usize,
    /// Time budget of one request in milliseconds (past it: 503 with code `timeout`).
    #[arg(long, default_value_t = 10_000, value_name = "N")]
    pub timeout_ms: u64,
}
