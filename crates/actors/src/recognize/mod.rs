//! Actor and place mentions in analysed text, resolved to CAMEO codes with the built-in
//! [`Kb`], and linked within the article (coreference).
//!
//! The input is a document's text with its words (byte ranges, optionally a UPOS tag each)
//! and its sentences (ranges of word indices), as the tokenizer, sentence splitter and tagger
//! of `sitrep-nlp` give them; this crate does not depend on `sitrep-nlp` (stage crates depend
//! only on `sitrep-doc`), so the caller copies them into [`Word`]s. Places are resolved
//! through the [`Places`] trait, which the caller implements over a gazetteer.
//!
//! What is found, in order (each rule names itself in [`Mention::rule`]):
//! 1. KB phrases by longest match over normalised word sequences: people, seats of power
//!    ("the Kremlin"), IGOs, media outlets, countries (name, adjective, capital), sector
//!    role words ("defence minister", "troops") and words that inherit an actor
//!    ("spokeswoman").
//! 2. Chains composed left to right: `[the] [Country ['s]] [Org ['s]] [role words] [Name]`,
//!    so "Russian Defense Minister Sergei Shoigu" is one person mention, "North Korean
//!    leader" is PRK GOV, "Russia's minister of defence" RUS GOV+MIL, "a US official" USA
//!    GOV, "Russian troops" RUS MIL.
//! 3. Capitals are the government only when they act ("Pyongyang said"); after "in", "to"
//!    and the like they are places.
//! 4. Unknown capitalised runs become `unknown` candidates (or places, when the gazetteer
//!    knows them in a place-like position). Names that contain a place ("the Mexico City
//!    Policy"), venues ("the Geneva talks") and groups named after their backer ("US-backed
//!    forces in Syria") are then corrected ([`named`]).
//! 5. In-article resolution ([`coref`]): a later surname or first name, "the minister",
//!    and pronouns link to an earlier full mention through [`Mention::resolved_from`].
//! 6. A surname alone that no full name introduced is the one KB head, foreign or defence
//!    minister of that surname in office on the article's date, when the article names
//!    their country (`surname`).
//! 7. A name one slip from a country's name or demonym is that country (`typo`).
//! 8. Actors that still name no country (a title with a name the KB lacks, "police",
//!    "ethnic Albanians") take the country the article is about (`context`).
//!
//! ```
//! use sitrep_actors::kb::{Kb, PartialDate};
//! use sitrep_actors::recognize::{words_from_spaces, NoPlaces, Recognizer, Scratch};
//! let kb = Kb::builtin().unwrap();
//! let rec = Recognizer::new(kb);
//! let text = "Russian Defense Minister Sergei Shoigu visited Pyongyang .";
//! let words = words_from_spaces(text);
//! let n = words.len();
//! let date = PartialDate::ymd(2023, 9, 5);
//! let ms = rec.recognize(text, &words, &[0..n], date, &NoPlaces, &mut Scratch::default());
//! assert_eq!(ms[0].code.as_deref(), Some("RUSGOVMIL"));
//! ```

mod chain;
mod context;
pub mod coref;
pub mod dict_actors;
mod groups;
mod lexicon;
mod modifiers;
pub mod named;
pub mod owners;
mod parts;
mod place;
pub mod regional;
mod relations;
mod scan;
mod surname;
mod typo;
mod units;

use crate::kb::{Kb, PartialDate};
use lexicon::Lexicon;
use std::ops::Range;

/// A coarse part of speech, from the tagger's UPOS when there is one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Pos {
    /// No tagger ran: rules fall back on capitalisation.
    #[default]
    Unknown,
    /// Proper noun.
    Propn,
    /// Common noun.
    Noun,
    /// Verb.
    Verb,
    /// Auxiliary.
    Aux,
    /// Pronoun.
    Pron,
    /// Adposition.
    Adp,
    /// Determiner.
    Det,
    /// Adjective.
    Adj,
    /// Number.
    Num,
    /// Punctuation.
    Punct,
    /// Anything else.
    Other,
}

impl Pos {
    /// Maps a UD UPOS tag.
    pub fn from_upos(upos: &str) -> Pos {
        match upos {
            "PROPN" => Pos::Propn,
            "NOUN" => Pos::Noun,
            "VERB" => Pos::Verb,
            "AUX" => Pos::Aux,
            "PRON" => Pos::Pron,
            "ADP" => Pos::Adp,
            "DET" => Pos::Det,
            "ADJ" => Pos::Adj,
            "NUM" => Pos::Num,
            "PUNCT" => Pos::Punct,
            _ => Pos::Other,
        }
    }
}

/// One word of the text: a byte range and its part of speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    /// Byte offset of the first byte in the text.
    pub start: u32,
    /// Byte offset one past the last byte.
    pub end: u32,
    /// Part of speech, [`Pos::Unknown`] without a tagger.
    pub pos: Pos,
}

/// What a mention names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionKind {
    /// A person (from the KB, or a title with a name).
    Person,
    /// An organisation, seat of power or media outlet.
    Org,
    /// A country as an actor ("North Korea", "Russians").
    Country,
    /// An international organisation.
    Igo,
    /// A role word with what it belongs to ("North Korean leader", "Russian troops").
    Agent,
    /// A place.
    Place,
    /// A capitalised name the KB does not know: a candidate for review.
    Unknown,
}

impl MentionKind {
    /// The JSON spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            MentionKind::Person => "person",
            MentionKind::Org => "org",
            MentionKind::Country => "country",
            MentionKind::Igo => "igo",
            MentionKind::Agent => "agent",
            MentionKind::Place => "place",
            MentionKind::Unknown => "unknown",
        }
    }
}

/// A person's role on the article's date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleAt {
    /// Role kind as written in the KB (`head_of_state`, ...).
    pub role: &'static str,
    /// When it began (`YYYY[-MM[-DD]]`).
    pub start: String,
    /// When it ended; `None` while held.
    pub end: Option<String>,
}

/// A resolved place.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceInfo {
    /// The gazetteer's name.
    pub name: String,
    /// ISO 3166-1 alpha-3 code of its country.
    pub country: Option<String>,
    /// Latitude (cities only).
    pub lat: Option<f64>,
    /// Longitude (cities only).
    pub lon: Option<f64>,
    /// `city`, `region` or `country`.
    pub level: &'static str,
    /// Gazetteer id (`geonames:<id>`).
    pub id: String,
}

/// Place resolution, implemented by the caller over a gazetteer.
pub trait Places {
    /// The place `name` most likely means given the countries the article mentions.
    /// `strict` asks only for places that a bare capitalised name is very likely to mean
    /// (countries, regions, capitals, big cities): the name was not after a preposition.
    fn resolve(&self, name: &str, countries: &[String], strict: bool) -> Option<PlaceInfo>;
}

/// No gazetteer: only KB capitals and countries become places, without coordinates.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoPlaces;

impl Places for NoPlaces {
    fn resolve(&self, _: &str, _: &[String], _: bool) -> Option<PlaceInfo> {
        None
    }
}

/// One mention of an actor or a place.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Byte offset of the first byte in the document text.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The text as written (whitespace runs collapsed).
    pub text: String,
    /// What it names.
    pub kind: MentionKind,
    /// Country, IGO or generic code (`PRK`, `IGONAT`, `IMG`); `None` when unknown.
    pub country: Option<String>,
    /// CAMEO sector codes (`GOV`, `MIL`).
    pub sectors: Vec<String>,
    /// PLOVER sector code, when one follows.
    pub plover_sector: Option<String>,
    /// Country code and sectors run together in the CAMEO manner (`RUSGOVMIL`).
    pub code: Option<String>,
    /// The KB's canonical name (people, organisations).
    pub name: Option<String>,
    /// A person's role on the date.
    pub role: Option<RoleAt>,
    /// Index of the mention this one refers back to (coreference).
    pub resolved_from: Option<usize>,
    /// The rule that produced it.
    pub rule: &'static str,
    /// Sentence index.
    pub sentence: usize,
    /// Grammatical number, for pronoun agreement.
    pub plural: bool,
    /// Gender, for pronoun agreement: `Some(true)` female, `Some(false)` male.
    pub female: Option<bool>,
    /// The place, for [`MentionKind::Place`].
    pub place: Option<PlaceInfo>,
    /// Index of the KB person, for linking repeated mentions.
    pub(crate) person: Option<usize>,
    /// A name that may be a place giving the mention its country ("Shanghai police").
    pub(crate) modifier: Option<String>,
}

impl Mention {
    /// Recomputes [`Mention::code`] from the country and sectors.
    pub fn set_code(&mut self) {
        self.code = self.country.as_ref().map(|c| {
            let mut s = c.clone();
            for sec in &self.sectors {
                s.push_str(sec);
            }
            s
        });
    }
}

/// Buffers reused from one document to the next.
#[derive(Debug, Default)]
pub struct Scratch {
    key: String,
    norms: Vec<(u32, u32)>,
    norm_text: String,
    atoms: Vec<scan::Atom>,
}

/// The longest document the recogniser reads, in words; the rest is not scanned (news
/// articles are far shorter, this only bounds time on pathological input).
pub const MAX_WORDS: usize = 200_000;

/// Finds and resolves actor and place mentions. Build once, share read-only.
#[derive(Debug)]
pub struct Recognizer<'k> {
    kb: &'k Kb,
    lex: Lexicon,
}

impl<'k> Recognizer<'k> {
    /// Builds the recogniser's tables over a KB.
    pub fn new(kb: &'k Kb) -> Recognizer<'k> {
        Recognizer {
            kb,
            lex: Lexicon::new(kb),
        }
    }

    /// The KB in use.
    pub fn kb(&self) -> &'k Kb {
        self.kb
    }

    /// All mentions of one document, in text order (places included), with coreference
    /// links. Words or sentences that do not fit the text are ignored, never a panic.
    pub fn recognize(
        &self,
        text: &str,
        words: &[Word],
        sents: &[Range<usize>],
        date: PartialDate,
        places: &dyn Places,
        scratch: &mut Scratch,
    ) -> Vec<Mention> {
        let words = &words[..words.len().min(MAX_WORDS)];
        let mut out = Vec::new();
        let mut pending_places = Vec::new();
        for (si, r) in sents.iter().enumerate() {
            let r = r.start.min(words.len())..r.end.min(words.len());
            if r.is_empty() {
                continue;
            }
            scan::atoms(self, text, &words[r.clone()], date, scratch);
            chain::compose(
                self,
                text,
                &words[r.clone()],
                si,
                date,
                scratch,
                &mut out,
                &mut pending_places,
            );
        }
        place::resolve_places(self, text, places, &mut out, pending_places);
        out.sort_by_key(|m| (m.start, m.end));
        owners::drop_era(text, &mut out);
        relations::minorities(text, &mut out);
        named::correct(text, words, sents, &mut out);
        regional::led_coalitions(text, words, sents, &mut out);
        regional::regional_groups(text, words, sents, &mut out);
        owners::unknown_bodies(&mut out);
        relations::committees(text, &mut out);
        relations::broadcasters(text, &mut out);
        relations::peoples_bodies(text, &mut out);
        share_coordinated_role(text, &mut out);
        place::agents_in_places(text, &mut out);
        owners::roles_of_owners(text, &mut out);
        owners::people_in_bodies(text, &mut out);
        owners::persons_roles(text, &mut out);
        owners::based_descriptions(text, &mut out);
        context::fill_from_article(self.kb, text, &mut out, false);
        coref::link(self.kb, text, &mut out);
        named::possessed_roles(text, &mut out);
        named::appositions(text, &mut out);
        surname::resolve(self, text, date, &mut out);
        typo::resolve(self.kb, &self.lex.typos, &mut out);
        context::fill_from_article(self.kb, text, &mut out, true);
        coref::propagate(&mut out);
        relations::possessor_relations(text, &mut out);
        // Again for pronouns whose antecedent got its country from the article only now.
        named::possessed_roles(text, &mut out);
        out
    }
}

/// "U.S. and Russian negotiators", "French or German ministers": two country words
/// coordinated before one role noun are two actors of that role, but the scan reads the
/// first as a bare country. It takes the role of the mention after the conjunction.
/// `out` is in text order.
fn share_coordinated_role(text: &str, out: &mut [Mention]) {
    for i in 1..out.len() {
        let (a, b) = out.split_at_mut(i);
        let (first, role) = (&mut a[i - 1], &b[0]);
        let between = text.get(first.end..role.start).unwrap_or("").trim();
        if first.sentence == role.sentence
            && matches!(between, "and" | "or" | "&")
            && first.kind == MentionKind::Country
            && attributive(first)
            && first.country.is_some()
            && first.sectors.is_empty()
            && role.kind == MentionKind::Agent
            && role.rule == "modifier_role"
            && !role.sectors.is_empty()
        {
            first.sectors = role.sectors.clone();
            first.plover_sector = role.plover_sector.clone();
            first.kind = MentionKind::Agent;
            first.plural = role.plural;
            first.rule = COORDINATED_ROLE;
            first.set_code();
        }
    }
}

/// A country word that can modify a noun: an adjective ("Russian") or an abbreviation
/// ("U.S.", "UK"); "Russia and Chinese diplomats" are two actors, Russia itself one.
fn attributive(m: &Mention) -> bool {
    m.rule == "country_adjective" || !m.text.chars().any(char::is_lowercase)
}

/// The rule name of a country word that shares the role noun after it (see
/// `share_coordinated_role`); the pipeline gives such a mention the role noun's head.
pub const COORDINATED_ROLE: &str = "coordinated_modifier_role";

/// Words split on whitespace with unknown POS: for examples and tests whose text is already
/// tokenised with spaces.
pub fn words_from_spaces(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push(Word {
                    start: s as u32,
                    end: i as u32,
                    pos: Pos::Unknown,
                });
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(Word {
            start: s as u32,
            end: text.len() as u32,
            pos: Pos::Unknown,
        });
    }
    out
}

/// The text of a byte range with whitespace runs collapsed to one space.
pub(crate) fn span_text(text: &str, start: usize, end: usize) -> String {
    let s = text.get(start..end).unwrap_or("");
    let mut out = String::with_capacity(s.len());
    for (k, part) in s.split_whitespace().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        out.push_str(part);
    }
    out
}
