//! Arguments of `sitrep dict ...`: PETRARCH and TABARI dictionary tools.

use clap::{Args, Subcommand, ValueEnum};
use std::path::PathBuf;

/// `sitrep dict ...`
#[derive(Debug, Subcommand)]
pub enum DictCommand {
    /// Load PETRARCH/TABARI dictionaries and report problems in them.
    #[command(
        long_about = "Load PETRARCH-2 and TABARI dictionaries (actors, agents, verbs, discards, \
issues, options, project) and report undefined synsets, malformed codes, conflicting date \
ranges, duplicates and other findings as `file:line: kind: message`, then a summary per file.",
        after_long_help = "Examples:\n  sitrep dict lint ../shared/data/petrarch2/dictionaries\n  \
sitrep dict lint --format tabari-verbs --json my.verbs\n\n\
Exit codes: 0 every file loaded (findings are not errors); 2 a file could not be read, or its \
format could not be detected."
    )]
    Lint(DictLintArgs),
}

/// `sitrep dict lint`
#[derive(Debug, Args)]
pub struct DictLintArgs {
    /// Dictionary files or folders (folders are searched recursively; files whose format
    /// cannot be detected there are listed as skipped).
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
    /// Read every file as this format instead of detecting it.
    #[arg(long, value_enum)]
    pub format: Option<DictFormatArg>,
    /// Print one JSON object (files, findings, counts) instead of text.
    #[arg(long)]
    pub json: bool,
    /// Print only the per-file summaries, not each finding.
    #[arg(long, short)]
    pub quiet: bool,
}

/// Dictionary formats for `--format`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum DictFormatArg {
    /// PETRARCH `.actors.txt`.
    PetrarchActors,
    /// PETRARCH `.agents.txt`.
    PetrarchAgents,
    /// PETRARCH-1 or PETRARCH-2 verb patterns.
    PetrarchVerbs,
    /// PETRARCH `.discards.txt`.
    PetrarchDiscards,
    /// PETRARCH issue coding.
    PetrarchIssues,
    /// One word a line.
    WordList,
    /// TABARI `.actors`.
    TabariActors,
    /// TABARI `.agents`.
    TabariAgents,
    /// TABARI `.verbs`.
    TabariVerbs,
    /// TABARI discard list.
    TabariDiscards,
    /// TABARI `.options`.
    TabariOptions,
    /// TABARI `.project`.
    TabariProject,
}
