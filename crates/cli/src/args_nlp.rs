//! Arguments of the language-analysis commands: `parse`, `train parser`, `eval parser`.

use crate::args::InputArgs;
use clap::{Args, Subcommand};
use std::path::PathBuf;

/// `sitrep parse`
#[derive(Debug, Args)]
#[command(
    after_long_help = "Examples:\n  sitrep parse article.html > article.conllu\n  \
sitrep parse --input-format conllu gold.conllu > predicted.conllu"
)]
pub struct ParseArgs {
    /// Inputs and reading options.
    #[command(flatten)]
    pub input: InputArgs,
    /// Use this model file instead of the embedded one.
    #[arg(long, value_name = "PATH")]
    pub model: Option<PathBuf>,
    /// Parser beam width (1 = greedy; wider is slower and usually more accurate). Default: the
    /// width stored in the model.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=64))]
    pub beam: Option<u16>,
}

/// `sitrep train ...`
#[derive(Debug, Subcommand)]
pub enum TrainCommand {
    /// Train the tagger, lemmatizer and parser on UD English EWT.
    #[command(after_long_help = "The shipped model was built with:\n  \
sitrep train parser --out crates/nlp/models/en_ewt/model.bin")]
    Parser(TrainParserArgs),
}

/// `sitrep train parser`
#[derive(Debug, Args)]
pub struct TrainParserArgs {
    /// Folder with en_ewt-ud-{train,dev}.conllu(.gz). Default: ../shared/data/ud-english-ewt
    #[arg(long)]
    pub treebank_dir: Option<PathBuf>,
    /// Where to write the model.
    #[arg(long)]
    pub out: PathBuf,
    /// Tagger passes over train (default: the shipped model's setting).
    #[arg(long)]
    pub tagger_epochs: Option<usize>,
    /// Parser passes over train.
    #[arg(long)]
    pub parser_epochs: Option<usize>,
    /// Jackknife folds for the parser's training tags (0 = none).
    #[arg(long)]
    pub folds: Option<usize>,
    /// Drop tagger weights whose averaged magnitude is below this (model size and speed).
    #[arg(long)]
    pub prune_tagger: Option<f64>,
    /// Drop parser weights whose averaged magnitude is below this.
    #[arg(long)]
    pub prune_parser: Option<f64>,
    /// Seed for shuffling and exploration.
    #[arg(long)]
    pub seed: Option<u64>,
    /// Train the left-to-right tagger only (no right-to-left table; the previous tagger).
    #[arg(long)]
    pub no_r2l: bool,
    /// Words seen fewer times than this in train get a "rare" variant of their ambiguity
    /// class (0 = none; default: the shipped model's setting).
    #[arg(long, value_name = "N")]
    pub rare_count: Option<u32>,
    /// Parser beam width for training (1 = greedy with the dynamic oracle; wider = global
    /// max-violation training); also the model's default decoding width.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=64))]
    pub beam: Option<u16>,
    /// Skip scoring dev after each parser epoch (faster).
    #[arg(long)]
    pub no_dev: bool,
}

/// `sitrep eval parser`
#[derive(Debug, Args)]
pub struct EvalParserArgs {
    /// A CoNLL-U file (.gz accepted). Default: EWT test.
    #[arg(long)]
    pub treebank: Option<PathBuf>,
    /// Use this model file instead of the embedded one.
    #[arg(long, value_name = "PATH")]
    pub model: Option<PathBuf>,
    /// Parser beam width (1 = greedy; wider is slower and usually more accurate). Default: the
    /// width stored in the model.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=64))]
    pub beam: Option<u16>,
    /// Print one JSON object.
    #[arg(long)]
    pub json: bool,
}
