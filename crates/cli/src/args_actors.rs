//! Arguments of `sitrep actors`.

use crate::args::InputArgs;
use clap::Args;
use std::path::PathBuf;

/// `sitrep actors`
#[derive(Debug, Args)]
#[command(
    after_long_help = "Example:\n  sitrep actors --published 2023-09-05 article.txt\n\n\
One JSON object per article: `actors` and `places`, each mention with byte offsets (`start`, \
`end`), code-point offsets (`start_char`, `end_char`), resolved codes, roles, coordinates and \
`resolved_from` (the `id` of the mention it refers back to)."
)]
pub struct ActorsArgs {
    /// Inputs and reading options.
    #[command(flatten)]
    pub input: InputArgs,
    /// The date roles are chosen for (YYYY-MM-DD, YYYY-MM or YYYY). Default: each
    /// article's published date, else today (UTC).
    #[arg(long, value_name = "DATE")]
    pub published: Option<String>,
    /// Do not run the tagger: rules use capitalisation only (faster, less accurate).
    #[arg(long)]
    pub no_tagger: bool,
    /// Use this tagger/parser model file instead of the embedded one.
    #[arg(long, value_name = "PATH")]
    pub model: Option<PathBuf>,
}
