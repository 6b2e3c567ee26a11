//! Proleptic Gregorian calendar arithmetic on plain integers, so the crate needs no date
//! dependency. Day numbers count from 1970-01-01 (day 0, a Thursday).

use std::fmt;

/// A calendar day. Always valid: construct it with [`Ymd::new`] or [`Ymd::parse`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Ymd {
    /// Year (1..=9999 accepted).
    pub year: i32,
    /// Month, 1-12.
    pub month: u32,
    /// Day of month, 1-31.
    pub day: u32,
}

/// Days in `month` of `year`; 0 for a month outside 1-12.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Gregorian leap-year rule.
pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

impl Ymd {
    /// A valid day, or None. Years are limited to 1..=9999 so ISO strings stay 4 digits and
    /// day arithmetic cannot overflow.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Ymd> {
        if !(1..=9999).contains(&year) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Ymd { year, month, day })
    }

    /// Parses `YYYY-MM-DD` (also accepts `YYYYMMDD`, the PETRARCH/TABARI form).
    pub fn parse(s: &str) -> Option<Ymd> {
        let s = s.trim();
        let digits: String;
        let compact = if s.len() == 10 && s.as_bytes().get(4) == Some(&b'-') {
            digits = s.replace('-', "");
            digits.as_str()
        } else {
            s
        };
        if compact.len() != 8 || !compact.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let y = compact[0..4].parse().ok()?;
        let m = compact[4..6].parse().ok()?;
        let d = compact[6..8].parse().ok()?;
        Ymd::new(y, m, d)
    }

    /// Days since 1970-01-01. Shifting the year to start in March puts the leap day last,
    /// so each month's offset in the shifted year is a fixed linear formula.
    pub fn day_number(self) -> i64 {
        let m = i64::from(self.month);
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let year_of_era = y - era * 400;
        let shifted_month = (m + 9) % 12; // March = 0 ... February = 11
        let day_of_year = (153 * shifted_month + 2) / 5 + i64::from(self.day) - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        // 719468 = days from 0000-03-01 to 1970-01-01.
        era * 146_097 + day_of_era - 719_468
    }

    /// The inverse of [`Ymd::day_number`]; None outside years 1..=9999.
    pub fn from_day_number(n: i64) -> Option<Ymd> {
        let z = n + 719_468;
        let era = z.div_euclid(146_097);
        let day_of_era = z - era * 146_097;
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let shifted_month = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
        let month = if shifted_month < 10 {
            shifted_month + 3
        } else {
            shifted_month - 9
        };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        Ymd::new(i32::try_from(year).ok()?, month as u32, day as u32)
    }

    /// Day of week, 0 = Monday ... 6 = Sunday.
    pub fn weekday(self) -> u32 {
        // Day 0 (1970-01-01) was a Thursday, index 3.
        (self.day_number() + 3).rem_euclid(7) as u32
    }

    /// This day moved by `days` (negative: back); None when it leaves years 1..=9999.
    pub fn add_days(self, days: i64) -> Option<Ymd> {
        Ymd::from_day_number(self.day_number().checked_add(days)?)
    }

    /// `YYYY-MM` of the month `months` away from this day's month.
    pub fn add_months(self, months: i32) -> Option<(i32, u32)> {
        let idx = self.year.checked_mul(12)? + self.month as i32 - 1 + months;
        let (y, m) = (idx.div_euclid(12), idx.rem_euclid(12) as u32 + 1);
        (1..=9999).contains(&y).then_some((y, m))
    }
}

impl fmt::Display for Ymd {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// `YYYY-MM`.
pub fn month_string(year: i32, month: u32) -> String {
    format!("{year:04}-{month:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_known_weekdays() {
        // 2023-09-05 was a Tuesday; 2000-02-29 a Tuesday; 1970-01-01 a Thursday.
        assert_eq!(Ymd::new(2023, 9, 5).unwrap().weekday(), 1);
        assert_eq!(Ymd::new(2000, 2, 29).unwrap().weekday(), 1);
        assert_eq!(Ymd::new(1970, 1, 1).unwrap().weekday(), 3);
        assert_eq!(Ymd::new(2024, 12, 29).unwrap().weekday(), 6);
    }

    #[test]
    fn calendar_round_trips_every_day_of_four_centuries() {
        let start = Ymd::new(1800, 1, 1).unwrap().day_number();
        let mut prev: Option<Ymd> = None;
        for n in start..start + 146_097 {
            let d = Ymd::from_day_number(n).unwrap();
            assert_eq!(d.day_number(), n);
            if let Some(p) = prev {
                assert!(d > p, "{d} after {p}");
            }
            prev = Some(d);
        }
    }

    #[test]
    fn calendar_rejects_invalid_days() {
        assert!(Ymd::new(2023, 2, 29).is_none());
        assert!(Ymd::new(1900, 2, 29).is_none());
        assert!(Ymd::new(2000, 2, 29).is_some());
        assert!(Ymd::new(2023, 13, 1).is_none());
        assert!(Ymd::new(2023, 4, 31).is_none());
        assert!(Ymd::parse("2023-02-30").is_none());
        assert_eq!(Ymd::parse("19950101"), Ymd::new(1995, 1, 1));
        assert_eq!(Ymd::parse("2023-09-05"), Ymd::new(2023, 9, 5));
        assert!(Ymd::parse("2023-9-5").is_none());
    }

    #[test]
    fn calendar_month_and_day_shifts() {
        let d = Ymd::new(2023, 1, 15).unwrap();
        assert_eq!(d.add_months(-1), Some((2022, 12)));
        assert_eq!(d.add_months(13), Some((2024, 2)));
        assert_eq!(d.add_days(-15), Ymd::new(2022, 12, 31));
        assert_eq!(
            Ymd::new(2024, 2, 28).unwrap().add_days(1),
            Ymd::new(2024, 2, 29)
        );
        assert!(Ymd::new(9999, 12, 31).unwrap().add_days(1).is_none());
    }
}
