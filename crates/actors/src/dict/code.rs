//! Bracketed codes: actor codes with optional date restrictions (`[USAGOV 19930120-20010120]`,
//! `[HOB < 950601]`, `[HOBREB >990816]`) and event codes (`[042]`, `[042:043]`, `[---]`).

use std::fmt;

/// A calendar date as dictionaries write it. Six-digit `YYMMDD` dates are read with a pivot:
/// `00`-`30` are 2000-2030 and `31`-`99` are 1931-1999 (the Phoenix leader lists start in the
/// 1930s and the dictionaries predate 2030).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub u32);

impl Date {
    /// Year, month, day.
    pub fn ymd(self) -> (u32, u32, u32) {
        (self.0 / 10_000, self.0 / 100 % 100, self.0 % 100)
    }

    /// Parse `YYMMDD` or `YYYYMMDD`; `None` for anything else or an impossible month/day.
    pub fn parse(s: &str) -> Option<Date> {
        if !s.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let n: u32 = s.parse().ok()?;
        let full = match s.len() {
            8 => n,
            6 => {
                let yy = n / 10_000;
                let century = if yy <= 30 { 2000 } else { 1900 };
                (century + yy) * 10_000 + n % 10_000
            }
            _ => return None,
        };
        let d = Date(full);
        let (_, m, day) = d.ymd();
        ((1..=12).contains(&m) && (1..=31).contains(&day)).then_some(d)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

/// When a code applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateRange {
    /// No restriction.
    Always,
    /// `<date`: strictly before the date.
    Before(Date),
    /// `>date`: strictly after the date.
    After(Date),
    /// `from-to`, both days included.
    Between(Date, Date),
}

impl DateRange {
    /// Half-open interval `[lo, hi)` over `YYYYMMDD` numbers. Day arithmetic is not needed:
    /// only the order of the bounds matters for overlap tests.
    pub fn bounds(self) -> (u32, u32) {
        match self {
            DateRange::Always => (0, u32::MAX),
            DateRange::Before(d) => (0, d.0),
            DateRange::After(d) => (d.0 + 1, u32::MAX),
            DateRange::Between(a, b) => (a.0, b.0.saturating_add(1)),
        }
    }

    /// Whether two restrictions share at least one day.
    pub fn overlaps(self, other: DateRange) -> bool {
        let (a0, a1) = self.bounds();
        let (b0, b1) = other.bounds();
        a0.max(b0) < a1.min(b1)
    }

    /// Whether they share more than one day. Successive roles in the Phoenix lists are
    /// written with the handover day in both ranges (`..19331108`, `19331108..`); lint
    /// treats that shared endpoint as a handover, not a conflict.
    pub fn overlaps_beyond_handover(self, other: DateRange) -> bool {
        let (a0, a1) = self.bounds();
        let (b0, b1) = other.bounds();
        let (lo, hi) = (a0.max(b0), a1.min(b1));
        lo < hi && hi - lo > 1
    }
}

impl fmt::Display for DateRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateRange::Always => write!(f, "always"),
            DateRange::Before(d) => write!(f, "before {d}"),
            DateRange::After(d) => write!(f, "after {d}"),
            DateRange::Between(a, b) => write!(f, "{a}..{b}"),
        }
    }
}

/// One code of an actor entry with the dates it applies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorCode {
    /// The code as written, upper-cased (`USAGOV`, `---`, `IGOUNO`). TABARI's `ELR/GAL`
    /// (several actors at once) is kept whole; [`ActorCode::parts`] splits it.
    pub code: String,
    /// When it applies.
    pub dates: DateRange,
}

impl ActorCode {
    /// The actors a `/`-joined TABARI code stands for.
    pub fn parts(&self) -> impl Iterator<Item = &str> {
        self.code.split('/')
    }
}

/// Codes with a special meaning rather than an actor: null, discard, complex.
pub const SPECIAL_CODES: [&str; 3] = ["---", "###", "+++"];

/// Why a bracket did not parse; the parser turns it into a `malformed_code` finding.
pub(crate) type CodeError = String;

/// Parse the inside of one actor-code bracket: `CODE`, `CODE <date`, `CODE >date`,
/// `CODE date-date` (spaces allowed around the operators).
pub(crate) fn parse_actor_code(inner: &str) -> Result<ActorCode, CodeError> {
    let inner = inner.trim();
    let (code, rest) = match inner.find(|c: char| c.is_whitespace() || c == '<' || c == '>') {
        Some(i) => (&inner[..i], inner[i..].trim()),
        None => (inner, ""),
    };
    if code.is_empty() {
        return Err(format!("no code before the date in [{inner}]"));
    }
    let upper = code.to_uppercase();
    if upper != code {
        return Err(format!("lower-case code {code:?}"));
    }
    check_actor_code(code)?;
    let dates = parse_dates(rest).map_err(|e| format!("{e} in [{inner}]"))?;
    if let DateRange::Between(a, b) = dates {
        if b < a {
            // Reported as a date conflict by the caller, so keep it parseable here.
            return Ok(ActorCode {
                code: upper,
                dates: DateRange::Between(a, b),
            });
        }
    }
    Ok(ActorCode { code: upper, dates })
}

fn check_actor_code(code: &str) -> Result<(), CodeError> {
    for part in code.split('/') {
        if SPECIAL_CODES.contains(&part) {
            continue;
        }
        if part.is_empty()
            || !part
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        {
            return Err(format!("code {code:?} is not letters and digits"));
        }
    }
    Ok(())
}

fn parse_dates(rest: &str) -> Result<DateRange, String> {
    if rest.is_empty() {
        return Ok(DateRange::Always);
    }
    let bad = |s: &str| format!("bad date {s:?}");
    if let Some(d) = rest.strip_prefix('<') {
        let d = d.trim();
        return Date::parse(d).map(DateRange::Before).ok_or_else(|| bad(d));
    }
    if let Some(d) = rest.strip_prefix('>') {
        let d = d.trim();
        return Date::parse(d).map(DateRange::After).ok_or_else(|| bad(d));
    }
    let Some((a, b)) = rest.split_once('-') else {
        if Date::parse(rest).is_some() {
            return Err(format!("date {rest} without <, > or a -range"));
        }
        return Err(bad(rest));
    };
    let (a, b) = (a.trim(), b.trim());
    let a = Date::parse(a).ok_or_else(|| bad(a))?;
    let b = Date::parse(b).ok_or_else(|| bad(b))?;
    Ok(DateRange::Between(a, b))
}

/// An event code: `[---]` (no event), `[042]`, or PETRARCH's `[042:043]` pair (the first
/// applies when the pattern's source is found, the second otherwise; either may be empty as
/// in `[:190]`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum EventCode {
    /// `---`: the pattern matches but codes no event.
    Null,
    /// TABARI's `###` (discard the sentence) or `+++` (treat it as too complex to code).
    Special(String),
    /// One code.
    Code(String),
    /// Two codes separated by `:`.
    Pair(Option<String>, Option<String>),
}

impl fmt::Display for EventCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EventCode::Null => write!(f, "---"),
            EventCode::Special(s) => write!(f, "{s}"),
            EventCode::Code(c) => write!(f, "{c}"),
            EventCode::Pair(a, b) => write!(
                f,
                "{}:{}",
                a.as_deref().unwrap_or(""),
                b.as_deref().unwrap_or("")
            ),
        }
    }
}

/// A CAMEO/WEIS event code is two to four digits. Anything else (`075A`, `sdf`, `031!`) is
/// malformed; the raw text is returned with the error so the entry keeps its code.
pub(crate) fn parse_event_code(inner: &str) -> Result<EventCode, CodeError> {
    let inner = inner.trim();
    if inner == "---" {
        return Ok(EventCode::Null);
    }
    if inner == "###" || inner == "+++" {
        return Ok(EventCode::Special(inner.to_string()));
    }
    let digits = |s: &str| (2..=4).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    if let Some((a, b)) = inner.split_once(':') {
        let (a, b) = (a.trim(), b.trim());
        let ok = |s: &str| s.is_empty() || s == "---" || digits(s);
        if !ok(a) || !ok(b) || (a.is_empty() && b.is_empty()) {
            return Err(format!("event code [{inner}] is not CODE:CODE"));
        }
        let opt = |s: &str| (!s.is_empty()).then(|| s.to_string());
        return Ok(EventCode::Pair(opt(a), opt(b)));
    }
    if digits(inner) {
        Ok(EventCode::Code(inner.to_string()))
    } else {
        Err(format!("event code [{inner}] is not 2-4 digits"))
    }
}

/// Split `text` into what precedes the first `[` and the bracket contents that follow.
/// Returns the head, the bracket bodies, any stray text between or after them, and whether a
/// bracket was left open.
pub(crate) struct Brackets<'a> {
    pub head: &'a str,
    pub bodies: Vec<&'a str>,
    pub stray: String,
    pub unclosed: bool,
}

pub(crate) fn split_brackets(text: &str) -> Brackets<'_> {
    let Some(first) = text.find('[') else {
        return Brackets {
            head: text,
            bodies: Vec::new(),
            stray: String::new(),
            unclosed: false,
        };
    };
    let head = &text[..first];
    let mut bodies = Vec::new();
    let mut stray = String::new();
    let mut rest = &text[first..];
    let mut unclosed = false;
    while let Some(open) = rest.find('[') {
        stray.push_str(rest[..open].trim());
        match rest[open + 1..].find(']') {
            Some(close) => {
                bodies.push(&rest[open + 1..open + 1 + close]);
                rest = &rest[open + 1 + close + 1..];
            }
            None => {
                unclosed = true;
                rest = "";
                break;
            }
        }
    }
    stray.push_str(rest.trim());
    Brackets {
        head,
        bodies,
        stray,
        unclosed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_parse_pivots_two_digit_years() {
        assert_eq!(Date::parse("950601"), Some(Date(19950601)));
        assert_eq!(Date::parse("030101"), Some(Date(20030101)));
        assert_eq!(Date::parse("19950601"), Some(Date(19950601)));
        assert_eq!(Date::parse("951301"), None);
        assert_eq!(Date::parse("95060"), None);
    }

    #[test]
    fn actor_code_parses_each_restriction_form() {
        let c = parse_actor_code("HOBGOV 19950601 - 19990815").unwrap();
        assert_eq!(c.dates, DateRange::Between(Date(19950601), Date(19990815)));
        assert_eq!(
            parse_actor_code("HOB < 950601").unwrap().dates,
            DateRange::Before(Date(19950601))
        );
        assert_eq!(
            parse_actor_code("HOBREB >990816").unwrap().dates,
            DateRange::After(Date(19990816))
        );
        assert_eq!(parse_actor_code(" ~GOV").map(|c| c.code).ok(), None);
        assert!(parse_actor_code("950601-990815").is_err());
        assert!(parse_actor_code("pse").is_err());
        assert!(parse_actor_code("ELR/GAL").is_ok());
    }

    #[test]
    fn ranges_overlap_only_when_sharing_a_day() {
        let before = DateRange::Before(Date(19950601));
        let from = DateRange::Between(Date(19950601), Date(19990815));
        let after = DateRange::After(Date(19990815));
        assert!(!before.overlaps(from));
        assert!(!from.overlaps(after));
        assert!(from.overlaps(DateRange::Always));
        assert!(DateRange::After(Date(19990814)).overlaps(from));
        let next = DateRange::Between(Date(19990815), Date(20010101));
        assert!(from.overlaps(next));
        assert!(!from.overlaps_beyond_handover(next));
        assert!(from.overlaps_beyond_handover(DateRange::Between(Date(19990814), Date(20010101))));
    }

    #[test]
    fn event_codes_accept_pairs_and_reject_letters() {
        assert_eq!(parse_event_code("---"), Ok(EventCode::Null));
        assert_eq!(
            parse_event_code("###"),
            Ok(EventCode::Special("###".into()))
        );
        assert_eq!(parse_event_code("0874"), Ok(EventCode::Code("0874".into())));
        assert_eq!(
            parse_event_code(":190"),
            Ok(EventCode::Pair(None, Some("190".into())))
        );
        assert!(parse_event_code("075A").is_err());
        assert!(parse_event_code("080!").is_err());
    }
}
