//! Arguments of `sitrep code` and of `sitrep eval` (the event suites).

use crate::args::InputArgs;
use clap::Args;
use std::path::PathBuf;

/// `sitrep code`
#[derive(Debug, Args)]
#[command(
    after_long_help = "Example:\n  sitrep code --published 2023-09-05 article.txt\n\n\
One JSON object per event: event_id, article_id, source, target, cameo{code,root,name,goldstein,\
quad_class}, plover{event_type,mode}, negated, modality, attributed_to, date, date_text, \
date_basis, location, evidence[{sentence,sentence_index,start,end,trigger,rule}], mentions, \
confidence. Offsets are code points into the article text; offsets past its end point into the \
captions and then the title, appended after a blank line each."
)]
pub struct CodeArgs {
    /// Inputs and reading options.
    #[command(flatten)]
    pub input: InputArgs,
    /// Publication date (YYYY-MM-DD): anchors relative dates and is the event date when the
    /// text gives none. Default: each article's own date; without one, events are undated.
    #[arg(long, value_name = "DATE")]
    pub published: Option<String>,
    /// Instead of JSON, print per sentence the actors found and why each candidate event was
    /// coded or rejected, then the coded events.
    #[arg(long)]
    pub explain: bool,
    /// Do not code article titles (headlines).
    #[arg(long)]
    pub no_title: bool,
    /// Use this tagger/parser model file instead of the embedded one.
    #[arg(long, value_name = "PATH")]
    pub model: Option<PathBuf>,
}

/// `sitrep eval` with no sub-command: the event suites.
#[derive(Debug, Args, Default)]
pub struct EvalEventsArgs {
    /// The shared data folder (holding `data/` and `seed/`). Default: `SITREP_SHARED`, else
    /// the first `shared/` or `../shared` found from the working directory up.
    #[arg(long, value_name = "DIR")]
    pub shared: Option<PathBuf>,
    /// Print one JSON object instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Run only these suites (petrarch, tabari, plover, seed); default all.
    #[arg(long, value_delimiter = ',')]
    pub only: Vec<String>,
    /// Also print the PLOVER records of the dev half whose top event has the wrong type (or
    /// none), one per line: id, gold type, coded type and CAMEO code, sentence. The test half
    /// is never printed, so that it keeps measuring wording nobody tuned for.
    #[arg(long)]
    pub dev_misses: bool,
}
