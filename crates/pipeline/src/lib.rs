//! sitrep-pipeline: the event coder assembled from sitrep's stages.
//!
//! One [`Pipeline`] holds the read-only parts (extractor, tagger/parser model, actor
//! recognizer over the built-in KB, event dictionary, gazetteer) and codes one record at a
//! time with [`Pipeline::code`]: extract -> tokenize and split -> tag each sentence ->
//! recognise actor and place mentions over the article -> lemmatise and parse the sentences
//! that hold an actor (the others cannot yield an event; the parse is the costly step) ->
//! match the event
//! dictionary per sentence -> build [`Event`] rows (dates, location, attribution, confidence)
//! -> merge repeated reports of one event. `code` takes `&self` and keeps its scratch buffers
//! on the stack, so one pipeline is shared by all worker threads.
//!
//! Segments: the body is coded first, then each caption and the title. They are appended to
//! the analysed text after the body (separated by a blank line), so evidence offsets past the
//! end of the body point into those segments, in that order. A headline or caption only
//! produces rows when its own sentence carries an event; when it repeats a body event the
//! rows merge.
#![warn(missing_docs)]

pub mod actors_view;
mod adapt;
pub mod api;
mod build;
mod dating;
mod merge;

pub use adapt::GazetteerPlaces;
pub use build::confidence;
pub use merge::event_id;

use sitrep_actors::kb::{Kb, PartialDate};
use sitrep_actors::recognize::Recognizer;
use sitrep_doc::{Document, Event, RawRecord, Skip, SkipReason};
use sitrep_events::dates::Ymd;
use sitrep_extract::{ExtractOptions, Extractor};
use sitrep_nlp::Model;
use std::path::PathBuf;

/// Version of the coding logic; rows coded by different versions may differ.
pub const CODER_VERSION: &str = "sitrep-coder/0.1.0";

/// Longest sentence parsed, in words: longer "sentences" are tables or run-on furniture, and
/// the parser's cost grows with length. They are reported in `--explain`, not coded.
pub const MAX_SENTENCE_WORDS: usize = 150;

/// Most words analysed per article; the rest of a huge article is not coded (bounded time
/// and memory on untrusted input). The cut is recorded in [`Coded::notes`].
pub const MAX_ARTICLE_WORDS: usize = 60_000;

/// Errors that stop the pipeline from being built.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The embedded tagger/parser model could not be read.
    #[error("loading the embedded parser model: {0}")]
    Model(#[source] sitrep_nlp::Error),
    /// A model file given in the options could not be read or parsed.
    #[error("loading parser model {path}: {detail}")]
    ModelFile {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        detail: String,
    },
    /// The built-in actor knowledge base failed to load.
    #[error("loading the actor knowledge base: {0}")]
    Kb(String),
    /// The embedded gazetteer failed to load.
    #[error("loading the gazetteer: {0}")]
    Gazetteer(String),
    /// The embedded event dictionary failed to load.
    #[error("loading the event dictionary: {0}")]
    Events(#[source] sitrep_events::Error),
    /// PETRARCH/TABARI dictionaries were passed but their conversion into the recognizer and
    /// the event dictionary is not wired in yet; refusing beats coding with them ignored.
    #[error("{0} external dictionaries were given, but converting PETRARCH/TABARI dictionaries into the coder is not available yet")]
    DictsNotSupported(usize),
}

/// How to build a [`Pipeline`].
#[derive(Debug, Clone, Default)]
pub struct PipelineOptions {
    /// A tagger/parser model file to use instead of the embedded one.
    pub model_path: Option<PathBuf>,
    /// Extra actor dictionaries (PETRARCH/TABARI, already loaded).
    pub actor_dicts: Vec<sitrep_actors::dict::Dictionary>,
    /// Extra verb dictionaries (PETRARCH/TABARI, already loaded).
    pub verb_dicts: Vec<sitrep_actors::dict::Dictionary>,
    /// Record why each candidate event was coded or rejected ([`Coded::explain`]).
    pub explain: bool,
    /// Do not code the title (headline).
    pub skip_title: bool,
}

/// The coding of one article.
#[derive(Debug, Clone)]
pub struct Coded {
    /// The extracted document.
    pub doc: Document,
    /// Coded events, merged within the article, in order of first evidence.
    pub events: Vec<Event>,
    /// Per-sentence explanation lines (only with [`PipelineOptions::explain`]).
    pub explain: Vec<String>,
    /// Sentences analysed.
    pub sentences: usize,
    /// Non-fatal findings (a sentence too long to parse, an article cut at the word limit).
    pub notes: Vec<String>,
}

/// The event coder. Immutable after [`Pipeline::new`]; `Send + Sync`.
pub struct Pipeline {
    extractor: Extractor,
    model: Model,
    recognizer: Recognizer<'static>,
    dict: sitrep_events::Dictionary,
    gazetteer: &'static sitrep_places::Gazetteer,
    explain: bool,
    skip_title: bool,
}

impl std::fmt::Debug for Pipeline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pipeline")
            .field("rules", &self.dict.rules().len())
            .field("explain", &self.explain)
            .finish_non_exhaustive()
    }
}

impl Pipeline {
    /// Loads the model, KB, dictionary and gazetteer.
    pub fn new(opts: &PipelineOptions) -> Result<Pipeline, Error> {
        let external = opts.actor_dicts.len() + opts.verb_dicts.len();
        if external > 0 {
            return Err(Error::DictsNotSupported(external));
        }
        let model = match &opts.model_path {
            None => Model::embedded().map_err(Error::Model)?,
            Some(path) => {
                let bytes = std::fs::read(path).map_err(|e| Error::ModelFile {
                    path: path.clone(),
                    detail: e.to_string(),
                })?;
                Model::from_bytes(&bytes).map_err(|e| Error::ModelFile {
                    path: path.clone(),
                    detail: e.to_string(),
                })?
            }
        };
        let kb = Kb::builtin().map_err(|e| Error::Kb(e.to_string()))?;
        Ok(Pipeline {
            extractor: Extractor::new(ExtractOptions::default()),
            model,
            recognizer: Recognizer::new(kb),
            dict: sitrep_events::Dictionary::embedded().map_err(Error::Events)?,
            gazetteer: sitrep_places::Gazetteer::try_builtin()
                .map_err(|e| Error::Gazetteer(e.to_string()))?,
            explain: opts.explain,
            skip_title: opts.skip_title,
        })
    }

    /// Codes one record. `published` (`YYYY-MM-DD...`) overrides the article's own date; it
    /// anchors relative dates and is the event date when the text gives none. A record
    /// without usable text is a [`Skip`]; a record without events is `Ok` with none.
    pub fn code(&self, rec: RawRecord, published: Option<&str>) -> Result<Coded, Skip> {
        let (input, record) = (rec.input.clone(), rec.record);
        let doc = self.extractor.extract(rec)?;
        let pub_text = published
            .map(str::to_string)
            .or_else(|| doc.meta.published.clone());
        let pub_date = pub_text
            .as_deref()
            .and_then(|p| Ymd::parse(p.get(..10).unwrap_or(p)));
        if published.is_some() && pub_date.is_none() {
            return Err(Skip {
                input,
                record: Some(record),
                reason: SkipReason::Unreadable,
                detail: format!("publication date {:?} is not YYYY-MM-DD", published),
            });
        }
        Ok(self.code_document(doc, pub_date))
    }

    /// Codes a plain text (a test sentence, an eval record): the text is extracted as a text
    /// record labelled `input`, and a skip (empty text, bad date) gives no events.
    pub fn code_text(&self, input: &str, text: &str, published: Option<&str>) -> Vec<Event> {
        let rec = RawRecord {
            input: input.to_string(),
            record: 0,
            payload: sitrep_doc::Payload {
                kind: sitrep_doc::PayloadKind::Text,
                bytes: text.as_bytes().to_vec(),
            },
            hints: sitrep_doc::Hints::default(),
        };
        self.code(rec, published)
            .map_or_else(|_| Vec::new(), |c| c.events)
    }

    /// Tags, lemmatises and parses every sentence of a plain text with the pipeline's model,
    /// in the matcher's shape (for coders with their own dictionaries, such as
    /// `sitrep_events::compat::SuiteCoder`).
    pub fn parse_text(&self, text: &str) -> Vec<sitrep_events::Sentence> {
        adapt::parse_all(&self.model, text)
    }

    /// Codes an already extracted document (the store and the eval suites call this).
    pub fn code_document(&self, doc: Document, published: Option<Ymd>) -> Coded {
        // One function builds the text and the role date for `code` and `sitrep actors`
        // (`actors_view`), so the two see the same mentions.
        let text = self.analysed_text(&doc);
        let role_date = actors_view::role_date(published);
        let a = adapt::analyse(self, &text, role_date);
        let mut explain = Vec::new();
        let mut rows = Vec::new();
        build::code_sentences(
            self,
            &doc.id,
            &text,
            &a,
            published,
            &mut rows,
            self.explain.then_some(&mut explain),
        );
        let events = merge::merge(&doc.id, rows);
        Coded {
            sentences: a.sentences.len(),
            notes: a.notes.clone(),
            doc,
            events,
            explain,
        }
    }
}

/// Today (UTC) from the system clock.
/// The date the built-in knowledge base describes ("in office" means in office then); used for
/// articles without a publication date.
pub const KB_AS_OF: PartialDate = PartialDate {
    year: 2026,
    month: Some(11),
    day: None,
};

/// Photo-caption furniture that breaks the parse of an otherwise plain sentence: a leading
/// "FILE:" and position notes between commas ("Kim Jong Un, second right, and ...").
/// The caption's own words are kept; only these notes go.
fn clean_caption(cap: &str) -> String {
    let mut c = cap.trim();
    for prefix in ["FILE PHOTO:", "FILE PHOTO -", "FILE:", "FILE -"] {
        if let Some(rest) = c.strip_prefix(prefix) {
            c = rest.trim_start();
        }
    }
    let is_note = |seg: &str| {
        let seg = seg.trim().trim_start_matches('(').trim_end_matches(')');
        let words: Vec<&str> = seg.split_whitespace().collect();
        !words.is_empty()
            && words.len() <= 4
            && words.iter().any(|w| {
                matches!(
                    w.to_lowercase().as_str(),
                    "left" | "right" | "center" | "centre"
                )
            })
            && words.iter().all(|w| {
                matches!(
                    w.to_lowercase().as_str(),
                    "left"
                        | "right"
                        | "center"
                        | "centre"
                        | "far"
                        | "first"
                        | "second"
                        | "third"
                        | "fourth"
                        | "front"
                        | "back"
                        | "row"
                        | "top"
                        | "bottom"
                        | "from"
                        | "in"
                        | "the"
                )
            })
    };
    let mut out = String::with_capacity(c.len());
    let mut dropped = false;
    for (i, seg) in c.split(',').enumerate() {
        if i > 0 && is_note(seg) {
            dropped = true;
            continue;
        }
        if i > 0 && !dropped {
            out.push(',');
        }
        out.push_str(seg);
        dropped = false;
    }
    out
}

fn push_segment(text: &mut String, seg: &str) {
    let seg = seg.trim();
    if seg.is_empty() {
        return;
    }
    if !text.is_empty() {
        text.push_str("\n\n");
    }
    text.push_str(seg);
}

#[cfg(test)]
mod tests {
    use super::clean_caption;

    #[test]
    fn caption_position_notes_and_file_prefix_go() {
        assert_eq!(
            clean_caption("FILE: Kim Jong Un, second right, and Sergei Shoigu, third right, visit an exhibition in Pyongyang, North Korea 26 July 2023"),
            "Kim Jong Un and Sergei Shoigu visit an exhibition in Pyongyang, North Korea 26 July 2023"
        );
        assert_eq!(
            clean_caption("Troops in Kyiv, Ukraine"),
            "Troops in Kyiv, Ukraine"
        );
    }
}
