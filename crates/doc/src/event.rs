//! A coded event: the row `sitrep code` prints and the store keeps. Field names are the public
//! interface named by issue 5; keep them stable.

use serde::{Deserialize, Serialize};

/// One actor as coded on an event.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EventActor {
    /// The mention's text as written ("Russian Defense Minister Sergei Shoigu").
    pub text: String,
    /// ISO 3166-1 alpha-3 / CAMEO country code, or an IGO code; None when unknown.
    pub country: Option<String>,
    /// CAMEO sector codes, primary first ("GOV", "MIL").
    pub sector: Vec<String>,
    /// The full CAMEO actor code (country + sectors, e.g. "RUSGOVMIL"; "---REB" for an
    /// unnamed actor with no country, as CAMEO writes it).
    pub code: String,
    /// Character offsets of the mention in the article text (code points).
    pub start: u32,
    /// End offset, exclusive.
    pub end: u32,
}

/// The speaker an event is attributed to ("a US official said").
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Attribution {
    /// The speaker as written.
    pub text: String,
    /// Country code when resolved.
    pub country: Option<String>,
    /// CAMEO sectors.
    pub sector: Vec<String>,
}

/// CAMEO coding.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Cameo {
    /// The code as a string ("036", "0312").
    pub code: String,
    /// Two-digit root ("03").
    pub root: String,
    /// Name of the code.
    pub name: String,
    /// Goldstein score (-10..10); None where the scale has no value.
    pub goldstein: Option<f32>,
    /// Quad class (Phoenix convention: 0 neutral, 1 verbal coop., 2 material coop.,
    /// 3 verbal conflict, 4 material conflict).
    pub quad_class: u8,
}

/// PLOVER coding.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Plover {
    /// Event type (AGREE, CONSULT, ...).
    pub event_type: String,
    /// Mode, when the type has one.
    pub mode: Option<String>,
}

/// Where the event happened, when the text ties a place to it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Location {
    /// Place name as resolved.
    pub name: String,
    /// ISO3 country.
    pub country: Option<String>,
    /// Latitude; None at country level (never a made-up centroid).
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
    /// "geonames:NNN".
    pub gazetteer_id: Option<String>,
    /// city | region | country.
    pub level: String,
}

/// One sentence that supports an event.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// The sentence text.
    pub sentence: String,
    /// Index of the sentence in the article.
    pub sentence_index: u32,
    /// Character offsets of the sentence in the article text (code points).
    pub start: u32,
    /// End offset, exclusive.
    pub end: u32,
    /// The trigger word(s).
    pub trigger: String,
    /// The id of the dictionary rule that fired.
    pub rule: String,
}

/// A coded event with its evidence.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Stable id: hash of article id, dyad, code, date and first evidence offsets.
    pub event_id: String,
    /// The article's id.
    pub article_id: String,
    /// Who acted.
    pub source: EventActor,
    /// On whom; None for events without a target.
    pub target: Option<EventActor>,
    /// CAMEO coding.
    pub cameo: Cameo,
    /// PLOVER coding.
    pub plover: Plover,
    /// "did not", "never", "no".
    pub negated: bool,
    /// actual | intent | expectation | threat | possibility | requested (the content of an
    /// appeal or demand: "urged X *to cease*") | alleged ("*allegedly* broke into": coded as
    /// the act, not established).
    pub modality: String,
    /// The speaker, when the event is reported speech.
    pub attributed_to: Option<Attribution>,
    /// Event date, ISO (`YYYY-MM-DD`; `YYYY-MM` or `YYYY` when only the month or year is known).
    pub date: Option<String>,
    /// The words the date came from ("Monday", "last week"); None when none.
    pub date_text: Option<String>,
    /// explicit | relative | publication (no date evidence: the publication date was used) |
    /// span (the text dates the event by a stretch of time, "over the past eight years": no
    /// single date, `date` is None and `date_text` keeps the words) | none (no date at all).
    pub date_basis: String,
    /// Where.
    pub location: Option<Location>,
    /// Every sentence that reports it, first mention first.
    pub evidence: Vec<Evidence>,
    /// How many times the article reports it.
    pub mentions: u32,
    /// 0-1.
    pub confidence: f32,
}
