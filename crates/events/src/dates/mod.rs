//! Event dates from text, resolved against the publication date.
//!
//! [`find_dates`] scans one sentence for date expressions and [`resolve`] reads one
//! expression. Each hit is a [`DateRef`]: an ISO date at the precision the words support
//! (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`), the words it came from and its [`Basis`]. An event with
//! no date evidence takes [`DateRef::publication`], so the row says the date was assumed.
//!
//! Conventions (news usage; each is a decision, tested in `tests.rs`):
//! - **Tense.** The caller passes a [`Tense`] hint. `Past`, `Present` and `Unknown` all follow
//!   the past convention, because most news sentences report what already happened.
//! - **Weekdays.** Past: the most recent such day on or before publication ("said Monday",
//!   published Tuesday 2023-09-05, is 2023-09-04; "said Tuesday" is the publication day).
//!   Future: the next such day on or after publication. "last Monday" is strictly before,
//!   "next Monday" strictly after.
//! - **Months without a year** ("in July", "July 26"): past, the most recent on or before
//!   publication; future, the next on or after. "last July" is strictly before the publication
//!   month, "next July" strictly after, "this July" is in the publication year.
//! - **Weeks.** "last week" is publication - 7 days and "next week" + 7 (TABARI's `LAST_WEEK
//!   [-7]` convention); "this week" is the publication day. Day precision is the only ISO form
//!   for a week, so read these dates as approximate.
//! - **Seasons** (northern meteorological: spring = March, summer = June, autumn/fall =
//!   September, winter = December through February) resolve to the season's first month at
//!   month precision. Bare "in the summer" in the past is the latest season that began on or
//!   before publication; in the future, the one in progress or the next.
//! - **Basis.** `Explicit` when the words name the calendar unit (a day number, a month name
//!   with a day or year, an ISO date, a year; "in July" counts too, its year is inferred);
//!   `Relative` when the date is an offset from publication (weekdays, yesterday, last week,
//!   this month, seasons, "3 days ago"); `Vague` for "recently", "lately", "in recent weeks":
//!   no date, the caller falls back to publication but may keep the words. `Span` for a
//!   stretch ending now ("over the past eight years", "in recent years"): no date either, and
//!   the event takes none.
//! - **All-number dates** ("16.02.2017", "02/16/2017"): dots are day first; with slashes the
//!   order must be certain (a number above 12), else the words are no date.
//! - **Text.** A leading preposition (on, in, during, since, ...) is not part of the date text:
//!   "on Monday" gives "Monday", "in the summer" gives "the summer".
//! - Month names must be capitalised ("may", "march" and "august" are ordinary words), and a
//!   bare month or season needs a cue word before it ("in", "last", "early", "the", ...).

mod calendar;
mod find;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_numeric;
mod words;

pub use calendar::{days_in_month, is_leap, Ymd};

use std::ops::Range;

/// Nouns that name when, lower-cased: the days, "today" and "yesterday", the parts of a day
/// and the calendar units. A phrase headed by one dates something; it never names a party.
pub const TIME_NOUNS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "week",
    "weekend",
    "month",
    "year",
    "day",
    "night",
    "morning",
    "evening",
];

/// A weekday or month name (or a month's abbreviation), lower-cased: the head of a date
/// phrase such as "On Monday" or "In March".
pub(crate) fn is_day_or_month_name(lower: &str) -> bool {
    words::weekday_of(lower).is_some() || words::month_of(lower).is_some()
}

/// How a tense hint steers the choice between the previous and the next occurrence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tense {
    /// Reported as done ("met on Monday").
    Past,
    /// Present tense; treated like past (headlines use it for past events).
    Present,
    /// Announced or planned ("will meet on Friday").
    Future,
    /// No hint; treated like past.
    #[default]
    Unknown,
}

impl Tense {
    pub(crate) fn is_future(self) -> bool {
        self == Tense::Future
    }
}

/// Where a date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// The words name the calendar unit.
    Explicit,
    /// An offset from the publication date.
    Relative,
    /// A vague time word ("recently"): no specific date.
    Vague,
    /// No date evidence: the publication date was used.
    Publication,
    /// A stretch of time ending now ("over the past eight years"): no one date.
    Span,
}

impl Basis {
    /// The name used in event rows: explicit | relative | none | publication | span.
    pub fn as_str(self) -> &'static str {
        match self {
            Basis::Span => "span",
            Basis::Explicit => "explicit",
            Basis::Relative => "relative",
            Basis::Vague => "none",
            Basis::Publication => "publication",
        }
    }
}

/// A resolved date expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateRef {
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; None for a [`Basis::Vague`] or [`Basis::Span`]
    /// expression.
    pub date: Option<String>,
    /// The words the date came from, as written ("Monday", "last week").
    pub text: String,
    /// How the date was obtained.
    pub basis: Basis,
}

impl DateRef {
    /// The fallback for an event without date evidence.
    pub fn publication(published: Ymd) -> DateRef {
        DateRef {
            date: Some(published.to_string()),
            text: String::new(),
            basis: Basis::Publication,
        }
    }
}

/// One date expression found in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMatch {
    /// Indices of the caller's tokens the expression covers (empty when no token offsets
    /// were given or none overlaps).
    pub tokens: Range<usize>,
    /// Byte range of the expression in the sentence text.
    pub span: Range<usize>,
    /// The resolved date.
    pub date: DateRef,
}

/// Longest sentence scanned, in bytes: a longer text is cut at the last char boundary before
/// this, which bounds the work on untrusted input (a real sentence is far shorter).
pub const MAX_SENTENCE_BYTES: usize = 64 * 1024;

/// Finds the date expressions of a sentence, left to right, without overlaps.
/// `token_offsets` are the caller's tokens as byte ranges into `sentence` (as a tokenizer
/// gives them); they only serve to report [`DateMatch::tokens`].
pub fn find_dates(
    sentence: &str,
    token_offsets: &[(usize, usize)],
    published: Ymd,
    tense: Tense,
) -> Vec<DateMatch> {
    let mut cut = sentence.len().min(MAX_SENTENCE_BYTES);
    while !sentence.is_char_boundary(cut) {
        cut -= 1;
    }
    let text = &sentence[..cut];
    find::scan(text, published, tense)
        .into_iter()
        .map(|(span, date)| DateMatch {
            tokens: token_range(token_offsets, &span),
            span,
            date,
        })
        .collect()
}

/// Reads one date expression (the first one found in `expr`).
pub fn resolve(expr: &str, published: Ymd, tense: Tense) -> Option<DateRef> {
    find_dates(expr, &[], published, tense)
        .into_iter()
        .next()
        .map(|m| m.date)
}

/// The date of an event from the date expressions of its sentence: the first one with a
/// date; else a span's words without a date (the event has no single day); else the publication
/// date (basis publication, keeping a vague expression's words).
pub fn event_date(matches: &[DateMatch], published: Ymd) -> DateRef {
    if let Some(m) = matches.iter().find(|m| m.date.date.is_some()) {
        return m.date.clone();
    }
    if let Some(m) = matches.iter().find(|m| m.date.basis == Basis::Span) {
        return m.date.clone();
    }
    let mut fallback = DateRef::publication(published);
    if let Some(vague) = matches.first() {
        fallback.text = vague.date.text.clone();
    }
    fallback
}

/// A cheap tense hint from the sentence's words, for callers without a parse: future when a
/// future marker ("will", "'ll", "plans to", "is expected to", ...) occurs, else past.
pub fn guess_tense(sentence: &str) -> Tense {
    let lower = sentence.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .collect();
    let future = words.iter().enumerate().any(|(i, w)| {
        let next = words.get(i + 1).copied().unwrap_or("");
        matches!(*w, "will" | "shall" | "won't")
            || w.ends_with("'ll")
            || (matches!(
                *w,
                "plans" | "planned" | "expected" | "scheduled" | "set" | "due" | "going"
            ) && next == "to")
    });
    if future {
        Tense::Future
    } else {
        Tense::Past
    }
}

fn token_range(tokens: &[(usize, usize)], span: &Range<usize>) -> Range<usize> {
    let first = tokens
        .iter()
        .position(|&(s, e)| e > span.start && s < span.end);
    match first {
        Some(first) => {
            let last = tokens[first..]
                .iter()
                .take_while(|&&(s, _)| s < span.end)
                .count();
            first..first + last
        }
        None => 0..0,
    }
}
