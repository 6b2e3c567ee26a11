//! The date-expression scanner: a small lexer, then rules tried at each word, longest form
//! first. The conventions the rules follow are documented on the parent module.

use super::calendar::{month_string, Ymd};
use super::words::*;
use super::{Basis, DateRef, Tense};
use std::ops::Range;

struct Tok {
    start: usize,
    end: usize,
    lower: String,
    cap: bool,
}

/// Words are runs of letters and digits; a '-' or '/' between two of them stays inside the
/// word so "2023-07-26" and "mid-July" are one word, and so does a '.' between two digits
/// ("16.02.2017"). Anything else is a one-char word.
fn lex(text: &str) -> Vec<Tok> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut toks = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        if c.is_alphanumeric() {
            while j < chars.len() {
                let cj = chars[j].1;
                let next = chars.get(j + 1).map(|&(_, n)| n);
                let joiner = ((cj == '-' || cj == '/') && next.is_some_and(char::is_alphanumeric))
                    || (cj == '.'
                        && chars[j - 1].1.is_ascii_digit()
                        && next.is_some_and(|n| n.is_ascii_digit()));
                if cj.is_alphanumeric() || joiner {
                    j += 1;
                } else {
                    break;
                }
            }
        }
        let end = chars.get(j).map_or(text.len(), |&(b, _)| b);
        let word = &text[start..end];
        toks.push(Tok {
            start,
            end,
            lower: word.to_lowercase(),
            cap: c.is_uppercase(),
        });
        i = j;
    }
    toks
}

struct Res {
    date: Option<String>,
    basis: Basis,
}

fn day(d: Ymd, basis: Basis) -> Option<Res> {
    Some(Res {
        date: Some(d.to_string()),
        basis,
    })
}

fn month(y: i32, m: u32, basis: Basis) -> Option<Res> {
    (1..=9999).contains(&y).then(|| Res {
        date: Some(month_string(y, m)),
        basis,
    })
}

fn year(y: i32, basis: Basis) -> Option<Res> {
    (1..=9999).contains(&y).then(|| Res {
        date: Some(format!("{y:04}")),
        basis,
    })
}

struct Cx<'a> {
    toks: &'a [Tok],
    published: Ymd,
    tense: Tense,
}

pub(super) fn scan(text: &str, published: Ymd, tense: Tense) -> Vec<(Range<usize>, DateRef)> {
    let toks = lex(text);
    let cx = Cx {
        toks: &toks,
        published,
        tense,
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match cx.at(i) {
            Some((start, end, res)) if end > start => {
                let span = toks[start].start..toks[end - 1].end;
                let text = text[span.clone()].to_string();
                out.push((
                    span,
                    DateRef {
                        date: res.date,
                        text,
                        basis: res.basis,
                    },
                ));
                i = end;
            }
            _ => i += 1,
        }
    }
    out
}

impl Cx<'_> {
    fn w(&self, k: usize) -> &str {
        self.toks.get(k).map_or("", |t| t.lower.as_str())
    }

    fn cap(&self, k: usize) -> bool {
        self.toks.get(k).is_some_and(|t| t.cap)
    }

    /// A capitalised month name at `k` (lowercase "may" or "march" are other words), and
    /// the index after it, skipping the full stop of an abbreviation ("Sept.").
    fn month_at(&self, k: usize) -> Option<(u32, usize)> {
        if !self.cap(k) {
            return None;
        }
        let m = month_of(self.w(k))?;
        let next = if self.w(k + 1) == "." && self.w(k).len() <= 4 {
            k + 2
        } else {
            k + 1
        };
        Some((m, next))
    }

    /// An explicit year after a month or season: "2023", ", 2023", "of 2023".
    fn year_after(&self, k: usize) -> Option<(i32, usize)> {
        let k2 = if matches!(self.w(k), "," | "of") {
            k + 1
        } else {
            k
        };
        year_num(self.w(k2)).map(|y| (y, k2 + 1))
    }

    /// Returns (first token of the text, end, resolution) for an expression starting at `i`.
    fn at(&self, i: usize) -> Option<(usize, usize, Res)> {
        let cued = PREPS.contains(&self.w(i));
        let j = if cued { i + 1 } else { i };
        if j >= self.toks.len() {
            return None;
        }
        let (end, res) = self
            .iso(j)
            .or_else(|| self.numeric(j))
            .or_else(|| self.day_first(j))
            .or_else(|| self.month_first(j))
            .or_else(|| self.cued_month(j, cued))
            .or_else(|| self.weekday(j))
            .or_else(|| self.named_day(j))
            .or_else(|| self.unit_phrase(j))
            .or_else(|| self.season(j, cued))
            .or_else(|| self.ago(j))
            .or_else(|| self.span(j, cued))
            .or_else(|| self.year_alone(j, cued))
            .or_else(|| self.vague(j, cued))?;
        Some((j, end, res))
    }

    fn iso(&self, j: usize) -> Option<(usize, Res)> {
        let w = self.w(j);
        let b = w.as_bytes();
        if w.len() != 10 || b[4] != b[7] || !(b[4] == b'-' || b[4] == b'/') {
            return None;
        }
        let d = Ymd::parse(&w.replace('/', "-"))?;
        Some((j + 1, day(d, Basis::Explicit)?))
    }

    /// All-number dates with the year last. Dots are the day-first European form
    /// ("16.02.2017"). With slashes or hyphens the order is read only when it is not in doubt:
    /// a first number above 12 is a day ("16/02/2017"), a second above 12 makes the US order
    /// ("02/16/2017"); "01/06/2017" could be either and is no date.
    fn numeric(&self, j: usize) -> Option<(usize, Res)> {
        let w = self.w(j);
        let sep = w.chars().find(|c| matches!(c, '.' | '/' | '-'))?;
        let parts: Vec<&str> = w.split(sep).collect();
        let [a, b, y] = parts.as_slice() else {
            return None;
        };
        let small = |p: &str| (1..=2).contains(&p.len()) && p.bytes().all(|c| c.is_ascii_digit());
        if !small(a) || !small(b) {
            return None;
        }
        let y = year_num(y)?;
        let (a, b): (u32, u32) = (a.parse().ok()?, b.parse().ok()?);
        let (d, m) = if sep == '.' || a > 12 || a == b {
            (a, b)
        } else if b > 12 {
            (b, a)
        } else {
            return None;
        };
        Some((j + 1, day(Ymd::new(y, m, d)?, Basis::Explicit)?))
    }

    /// "26 July 2023", "26th of July", "5 Sept. 2023".
    fn day_first(&self, j: usize) -> Option<(usize, Res)> {
        let d = day_num(self.w(j))?;
        let k = if self.w(j + 1) == "of" { j + 2 } else { j + 1 };
        let (m, k) = self.month_at(k)?;
        self.day_month_year(m, d, k)
    }

    /// "July 26, 2023", "July 26", "July 2023".
    fn month_first(&self, j: usize) -> Option<(usize, Res)> {
        let (m, k) = self.month_at(j)?;
        if let Some(d) = day_num(self.w(k)) {
            return self.day_month_year(m, d, k + 1);
        }
        let (y, end) = self.year_after(k)?;
        Some((end, month(y, m, Basis::Explicit)?))
    }

    fn day_month_year(&self, m: u32, d: u32, k: usize) -> Option<(usize, Res)> {
        if let Some((y, end)) = self.year_after(k) {
            return Some((end, day(Ymd::new(y, m, d)?, Basis::Explicit)?));
        }
        Some((k, day(self.infer_day(m, d)?, Basis::Explicit)?))
    }

    /// The year of a day named without one: the latest on or before publication (past), or
    /// the first on or after it (future). Looks a few years out for 29 February. A future
    /// reading more than half a year ahead yields to a past one within a month: "was set to
    /// attend on March 2", published March 14, is this March 2, not next year's (the tense
    /// hint is per sentence and a future-in-the-past looks like a future).
    fn infer_day(&self, m: u32, d: u32) -> Option<Ymd> {
        let p = self.published;
        let pick = |future: bool| {
            (0..8).find_map(|off| {
                let y = if future { p.year + off } else { p.year - off };
                Ymd::new(y, m, d).filter(|c| if future { *c >= p } else { *c <= p })
            })
        };
        if !self.tense.is_future() {
            return pick(false);
        }
        let next = pick(true);
        let recent = pick(false).filter(|c| p.day_number() - c.day_number() <= 31);
        match (next, recent) {
            (Some(n), Some(r)) if n.day_number() - p.day_number() > 183 => Some(r),
            (n, _) => n,
        }
    }

    /// "in July", "early July", "mid-July", "last July", "July this year".
    fn cued_month(&self, j: usize, cued: bool) -> Option<(usize, Res)> {
        let mut k = j;
        let mut cue = cued;
        if let Some(rest) = self.w(k).strip_prefix("mid-") {
            let m = month_of(rest)?;
            return Some((k + 1, self.month_by_shift(m, None)?));
        }
        if matches!(self.w(k), "early" | "mid" | "late") {
            cue = true;
            k += 1;
        }
        let shift = shift_of(self.w(k)).filter(|s| *s != Shift::This || self.w(k) == "this");
        if shift.is_some() {
            k += 1;
        }
        if !cue && shift.is_none() {
            return None;
        }
        let (m, k) = self.month_at(k)?;
        let p = self.published;
        match (self.w(k), self.w(k + 1)) {
            ("this", "year") => return Some((k + 2, month(p.year, m, Basis::Relative)?)),
            ("last", "year") => return Some((k + 2, month(p.year - 1, m, Basis::Relative)?)),
            ("next", "year") => return Some((k + 2, month(p.year + 1, m, Basis::Relative)?)),
            _ => {}
        }
        if let Some((y, end)) = self.year_after(k) {
            return Some((end, month(y, m, Basis::Explicit)?));
        }
        Some((k, self.month_by_shift(m, shift)?))
    }

    fn month_by_shift(&self, m: u32, shift: Option<Shift>) -> Option<Res> {
        let (py, pm) = (self.published.year, self.published.month);
        let y = match shift {
            Some(Shift::Last) => {
                if m < pm {
                    py
                } else {
                    py - 1
                }
            }
            Some(Shift::Next) => {
                if m > pm {
                    py
                } else {
                    py + 1
                }
            }
            Some(Shift::This) => py,
            None if self.tense.is_future() => {
                if m >= pm {
                    py
                } else {
                    py + 1
                }
            }
            None => {
                if m <= pm {
                    py
                } else {
                    py - 1
                }
            }
        };
        let basis = if shift.is_some() {
            Basis::Relative
        } else {
            Basis::Explicit
        };
        month(y, m, basis)
    }

    /// "Monday", "last Monday", "next Friday".
    fn weekday(&self, j: usize) -> Option<(usize, Res)> {
        let shift = shift_of(self.w(j)).filter(|_| matches!(self.w(j), "last" | "this" | "next"));
        let k = if shift.is_some() { j + 1 } else { j };
        let wd = weekday_of(self.w(k))?;
        // "Wednesday, July 26, 2023": the explicit date that follows decides.
        let after = if self.w(k + 1) == "," { k + 2 } else { k + 1 };
        if let Some((end, res)) = self.day_first(after).or_else(|| self.month_first(after)) {
            return Some((end, res));
        }
        let pw = self.published.weekday();
        let back = i64::from((pw + 7 - wd) % 7);
        let fwd = i64::from((wd + 7 - pw) % 7);
        let offset = match shift {
            Some(Shift::Last) => -(if back == 0 { 7 } else { back }),
            Some(Shift::Next) => {
                if fwd == 0 {
                    7
                } else {
                    fwd
                }
            }
            _ if self.tense.is_future() => fwd,
            _ => -back,
        };
        Some((
            k + 1,
            day(self.published.add_days(offset)?, Basis::Relative)?,
        ))
    }

    /// yesterday, today, tonight, tomorrow, last night, this morning, the day before yesterday.
    fn named_day(&self, j: usize) -> Option<(usize, Res)> {
        let (offset, end) = match (self.w(j), self.w(j + 1)) {
            ("yesterday", _) => (-1, j + 1),
            ("today" | "tonight", _) => (0, j + 1),
            ("tomorrow", _) => (1, j + 1),
            ("last", "night") => (-1, j + 2),
            ("this", "morning" | "afternoon" | "evening") => (0, j + 2),
            ("the", "day") => match (self.w(j + 2), self.w(j + 3)) {
                ("before", "yesterday") => (-2, j + 4),
                ("after", "tomorrow") => (2, j + 4),
                _ => return None,
            },
            _ => return None,
        };
        Some((end, day(self.published.add_days(offset)?, Basis::Relative)?))
    }

    /// "last week", "this month", "next year", "earlier this month", "later this year".
    fn unit_phrase(&self, j: usize) -> Option<(usize, Res)> {
        let (shift, k) = match (self.w(j), self.w(j + 1)) {
            ("earlier" | "later", "this") => (Shift::This, j + 2),
            ("last" | "this" | "next", _) => (shift_of(self.w(j))?, j + 1),
            _ => return None,
        };
        let unit = unit_of(self.w(k)).filter(|_| !self.w(k).ends_with('s'))?;
        let p = self.published;
        let step: i32 = match shift {
            Shift::Last => -1,
            Shift::This => 0,
            Shift::Next => 1,
        };
        let res = match unit {
            Unit::Day => return None,
            Unit::Week => day(p.add_days(7 * i64::from(step))?, Basis::Relative),
            Unit::Month => {
                let (y, m) = p.add_months(step)?;
                month(y, m, Basis::Relative)
            }
            Unit::Year => year(p.year + step, Basis::Relative),
        }?;
        Some((k + 1, res))
    }

    /// "in the summer", "last winter", "the summer of 2023", "summer 2023".
    fn season(&self, j: usize, cued: bool) -> Option<(usize, Res)> {
        let mut k = j;
        let mut cue = cued;
        let mut strong_cue = cued;
        if self.w(k) == "the" {
            cue = true;
            k += 1;
        }
        if matches!(self.w(k), "early" | "mid" | "late") {
            cue = true;
            k += 1;
        }
        let shift = shift_of(self.w(k)).filter(|_| matches!(self.w(k), "last" | "this" | "next"));
        if shift.is_some() {
            cue = true;
            strong_cue = true;
            k += 1;
        }
        let word = self.w(k);
        let start = season_of(word)?;
        let explicit = self.year_after(k + 1);
        // "the fall of Kabul": "fall" is a date only with a preposition or last/this/next,
        // and never before "of" + a non-year.
        if word == "fall" && (!strong_cue || (self.w(k + 1) == "of" && explicit.is_none())) {
            return None;
        }
        if let Some((y, end)) = explicit {
            return Some((end, month(y, start, Basis::Explicit)?));
        }
        if !cue {
            return None;
        }
        let p = self.published;
        let pub_idx = p.year * 12 + p.month as i32 - 1;
        // Candidate seasons by start-month index; a season spans its start and two more.
        let cands: Vec<i32> = (-2..=2)
            .map(|dy| (p.year + dy) * 12 + start as i32 - 1)
            .collect();
        let pick = match shift {
            Some(Shift::Last) => cands.iter().rev().find(|&&s| s + 2 < pub_idx),
            Some(Shift::Next) => cands.iter().find(|&&s| s > pub_idx),
            Some(Shift::This) => cands
                .iter()
                .find(|&&s| s <= pub_idx && pub_idx <= s + 2)
                .or_else(|| cands.iter().find(|&&s| s.div_euclid(12) == p.year)),
            None if self.tense.is_future() => cands.iter().find(|&&s| s + 2 >= pub_idx),
            None => cands.iter().rev().find(|&&s| s <= pub_idx),
        }?;
        let (y, m) = (pick.div_euclid(12), pick.rem_euclid(12) as u32 + 1);
        Some((k + 1, month(y, m, Basis::Relative)?))
    }

    /// "three days ago", "2 weeks ago", "a year ago".
    fn ago(&self, j: usize) -> Option<(usize, Res)> {
        let n = count_of(self.w(j))?;
        let unit = unit_of(self.w(j + 1))?;
        if self.w(j + 2) != "ago" {
            return None;
        }
        let p = self.published;
        let res = match unit {
            Unit::Day => day(p.add_days(-n)?, Basis::Relative),
            Unit::Week => day(p.add_days(-7 * n)?, Basis::Relative),
            Unit::Month => {
                let (y, m) = p.add_months(-i32::try_from(n).ok()?)?;
                month(y, m, Basis::Relative)
            }
            Unit::Year => year(p.year - i32::try_from(n).ok()?, Basis::Relative),
        }?;
        Some((j + 3, res))
    }

    /// A stretch of time that ends now: "over the past eight years", "in the last few
    /// months", "in recent years". What happened over it has no one date; the words are kept
    /// and the row says so ([`Basis::Span`]) instead of taking the publication day.
    fn span(&self, j: usize, cued: bool) -> Option<(usize, Res)> {
        let res = Res {
            date: None,
            basis: Basis::Span,
        };
        let unit =
            |k: usize| matches!(self.w(k), "decade" | "decades") || unit_of(self.w(k)).is_some();
        if cued && self.w(j) == "recent" && matches!(self.w(j + 1), "years" | "decades") {
            return Some((j + 2, res));
        }
        if !cued || self.w(j) != "the" || !matches!(self.w(j + 1), "past" | "last") {
            return None;
        }
        let k = j + 2;
        let k = if count_of(self.w(k)).is_some() || matches!(self.w(k), "few" | "several") {
            k + 1
        } else {
            k
        };
        unit(k).then_some((k + 1, res))
    }

    /// "in 2022", "since 2014", "early 2022", "mid-2022".
    fn year_alone(&self, j: usize, cued: bool) -> Option<(usize, Res)> {
        if let Some(y) = self.w(j).strip_prefix("mid-").and_then(bare_year) {
            return Some((j + 1, year(y, Basis::Explicit)?));
        }
        let (k, cue) = match self.w(j) {
            "early" | "late" | "mid" => (j + 1, true),
            _ => (j, cued),
        };
        let y = bare_year(self.w(k)).filter(|_| cue)?;
        Some((k + 1, year(y, Basis::Explicit)?))
    }

    /// "recently", "lately", "in recent weeks": time words without a date.
    fn vague(&self, j: usize, cued: bool) -> Option<(usize, Res)> {
        let end = match (self.w(j), self.w(j + 1)) {
            ("recently" | "lately", _) => j + 1,
            ("recent", "days" | "weeks" | "months") if cued => j + 2,
            _ => return None,
        };
        Some((
            end,
            Res {
                date: None,
                basis: Basis::Vague,
            },
        ))
    }
}
