//! The word tables of the date scanner: prepositions, shift words, month, weekday and
//! season names, day numbers, years, counts and units.

/// Words that may open a date phrase without being part of its text.
pub(super) const PREPS: &[&str] = &[
    "on",
    "in",
    "during",
    "since",
    "until",
    "till",
    "by",
    "from",
    "through",
    "throughout",
    "of",
    "before",
    "after",
    "over",
    "around",
    "as",
];

#[derive(Clone, Copy, PartialEq)]
pub(super) enum Shift {
    Last,
    This,
    Next,
}

pub(super) fn shift_of(w: &str) -> Option<Shift> {
    match w {
        "last" | "past" | "previous" => Some(Shift::Last),
        "this" | "earlier" | "later" => Some(Shift::This),
        "next" | "coming" => Some(Shift::Next),
        _ => None,
    }
}

pub(super) fn month_of(w: &str) -> Option<u32> {
    let m = match w {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    };
    Some(m)
}

pub(super) fn weekday_of(w: &str) -> Option<u32> {
    let d = match w {
        "monday" => 0,
        "tuesday" => 1,
        "wednesday" => 2,
        "thursday" => 3,
        "friday" => 4,
        "saturday" => 5,
        "sunday" => 6,
        _ => return None,
    };
    Some(d)
}

pub(super) fn season_of(w: &str) -> Option<u32> {
    match w {
        "spring" => Some(3),
        "summer" => Some(6),
        "autumn" | "fall" => Some(9),
        "winter" => Some(12),
        _ => None,
    }
}

/// "26", "26th", "1st": a day of month written with at most two digits.
pub(super) fn day_num(w: &str) -> Option<u32> {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[digits.len()..];
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    let d: u32 = digits.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

/// A four-digit year.
pub(super) fn year_num(w: &str) -> Option<i32> {
    if w.len() != 4 || !w.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    w.parse().ok().filter(|y| *y >= 1000)
}

/// A year standing alone ("in 2022"): a narrower range, since bare numbers are common.
pub(super) fn bare_year(w: &str) -> Option<i32> {
    year_num(w).filter(|y| (1800..=2199).contains(y))
}

pub(super) fn count_of(w: &str) -> Option<i64> {
    let n = match w {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        _ if !w.is_empty() && w.len() <= 3 && w.bytes().all(|b| b.is_ascii_digit()) => {
            return w.parse().ok()
        }
        _ => return None,
    };
    Some(n)
}

#[derive(Clone, Copy, PartialEq)]
pub(super) enum Unit {
    Day,
    Week,
    Month,
    Year,
}

pub(super) fn unit_of(w: &str) -> Option<Unit> {
    match w {
        "day" | "days" => Some(Unit::Day),
        "week" | "weeks" => Some(Unit::Week),
        "month" | "months" => Some(Unit::Month),
        "year" | "years" => Some(Unit::Year),
        _ => None,
    }
}
