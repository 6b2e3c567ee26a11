//! Arguments of `sitrep dict ...`: PETRARCH and TABARI dictionary tools.

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Args, Subcommand};
use sitrep_actors::dict::Format;
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
    #[arg(long, value_parser = dict_format())]
    pub format: Option<Format>,
    /// Print one JSON object (files, findings, counts) instead of text.
    #[arg(long)]
    pub json: bool,
    /// Print only the per-file summaries, not each finding.
    #[arg(long, short)]
    pub quiet: bool,
}

/// `--format` values: the names `sitrep_actors::dict::Format` gives itself, so the list cannot
/// drift from the formats the loader knows.
fn dict_format() -> impl TypedValueParser<Value = Format> {
    PossibleValuesParser::new(Format::ALL.map(Format::name))
        .map(|name| Format::from_name(&name).expect("every listed name is a format's name"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Parser)]
    struct Cli {
        #[command(subcommand)]
        dict: DictCommand,
    }

    fn format_of(args: &[&str]) -> Result<Option<Format>, clap::Error> {
        let cli = Cli::try_parse_from(
            ["sitrep", "lint"]
                .iter()
                .chain(args)
                .chain(["x.txt"].iter()),
        )?;
        let DictCommand::Lint(a) = cli.dict;
        Ok(a.format)
    }

    #[test]
    fn format_accepts_every_loader_name_and_nothing_else() {
        for f in Format::ALL {
            assert_eq!(format_of(&["--format", f.name()]).unwrap(), Some(f));
        }
        assert_eq!(format_of(&[]).unwrap(), None);
        let err = format_of(&["--format", "petrarch-actor"]).unwrap_err();
        assert_eq!(err.kind(), clap::error::ErrorKind::InvalidValue);
    }
}
