//! Time-series bucketing: rollup rows (day, quad) summed into day, ISO-week or month periods.

use serde::Serialize;
use sitrep_store::SeriesRow;
use std::collections::BTreeMap;

/// Period length of `/api/series`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Interval {
    /// One point per day (`YYYY-MM-DD`).
    Day,
    /// One point per ISO week, named by its Monday (`YYYY-MM-DD`).
    Week,
    /// One point per month (`YYYY-MM`).
    Month,
}

impl Interval {
    /// From the parameter value.
    pub fn parse(s: &str) -> Option<Interval> {
        match s {
            "day" => Some(Interval::Day),
            "week" => Some(Interval::Week),
            "month" => Some(Interval::Month),
            _ => None,
        }
    }

    /// The parameter value.
    pub fn name(self) -> &'static str {
        match self {
            Interval::Day => "day",
            Interval::Week => "week",
            Interval::Month => "month",
        }
    }
}

/// One period of the series.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Point {
    /// Period name.
    pub period: String,
    /// Events.
    pub events: i64,
    /// Sum of Goldstein scores.
    pub goldstein_sum: f64,
    /// Events per quad class "1".."4" (and "0" when any event had none).
    pub quad: BTreeMap<String, i64>,
}

/// The series plus what could not be placed in a period (counted, never dropped silently).
#[derive(Debug, Default, Serialize)]
pub struct Buckets {
    /// `day`, `week` or `month`.
    pub interval: &'static str,
    /// Periods with events, in order; periods without events are absent.
    pub points: Vec<Point>,
    /// Events with no date.
    pub undated: i64,
    /// Events dated to a month only, which day and week series cannot place.
    pub month_only: i64,
}

/// Days since 1970-01-01 of a civil date (proleptic Gregorian).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day count since 1970-01-01.
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (
        if m <= 2 {
            yoe + era * 400 + 1
        } else {
            yoe + era * 400
        },
        m,
        d,
    )
}

/// The period name of YYYYMMDD `day` (day part non-zero) for `interval`.
fn period(day: i64, interval: Interval) -> String {
    let (y, m, d) = (day / 10_000, day / 100 % 100, day % 100);
    match interval {
        Interval::Day => format!("{y:04}-{m:02}-{d:02}"),
        Interval::Month => format!("{y:04}-{m:02}"),
        Interval::Week => {
            let n = days_from_civil(y, m, d);
            // 1970-01-01 was a Thursday: Monday-based weekday 3.
            let monday = n - (n + 3).rem_euclid(7);
            let (y, m, d) = civil_from_days(monday);
            format!("{y:04}-{m:02}-{d:02}")
        }
    }
}

/// Sum rollup rows into periods.
pub fn bucket(rows: &[SeriesRow], interval: Interval) -> Buckets {
    let mut out = Buckets {
        interval: interval.name(),
        ..Buckets::default()
    };
    let mut map: BTreeMap<String, Point> = BTreeMap::new();
    for r in rows {
        if r.day == 0 {
            out.undated += r.events;
            continue;
        }
        if r.day % 100 == 0 && interval != Interval::Month {
            out.month_only += r.events;
            continue;
        }
        let key = period(r.day, interval);
        let p = map.entry(key.clone()).or_insert_with(|| Point {
            period: key,
            events: 0,
            goldstein_sum: 0.0,
            quad: ["1", "2", "3", "4"]
                .iter()
                .map(|q| (q.to_string(), 0))
                .collect(),
        });
        p.events += r.events;
        p.goldstein_sum += r.goldstein_sum;
        *p.quad.entry(r.quad.to_string()).or_insert(0) += r.events;
    }
    out.points = map.into_values().collect();
    for p in &mut out.points {
        // Sums of one-decimal scores: rounding keeps 0.1 + 0.2 from printing as 0.30000000000000004.
        p.goldstein_sum = (p.goldstein_sum * 1000.0).round() / 1000.0;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(day: i64, quad: u8, events: i64) -> SeriesRow {
        SeriesRow {
            day,
            quad,
            events,
            goldstein_sum: events as f64 * 0.5,
        }
    }

    #[test]
    fn bucket_weeks_start_on_monday_and_count_what_cannot_be_placed() {
        // 2023-09-05 was a Tuesday, 2023-09-10 a Sunday, 2023-09-11 a Monday.
        let rows = [
            row(0, 1, 2),
            row(20230900, 1, 3),
            row(20230905, 1, 1),
            row(20230905, 4, 2),
            row(20230910, 3, 1),
            row(20230911, 2, 5),
        ];
        let w = bucket(&rows, Interval::Week);
        assert_eq!((w.undated, w.month_only), (2, 3));
        let got: Vec<(&str, i64)> = w
            .points
            .iter()
            .map(|p| (p.period.as_str(), p.events))
            .collect();
        assert_eq!(got, vec![("2023-09-04", 4), ("2023-09-11", 5)]);
        assert_eq!(w.points[0].quad["4"], 2);
        assert_eq!(w.points[0].quad["2"], 0);
        let m = bucket(&rows, Interval::Month);
        assert_eq!(
            (m.points.len(), m.points[0].events, m.month_only),
            (1, 12, 0)
        );
        let d = bucket(&rows, Interval::Day);
        assert_eq!(d.points[0].period, "2023-09-05");
        assert_eq!(d.points[0].goldstein_sum, 1.5);
    }

    #[test]
    fn civil_dates_round_trip() {
        for n in [-1, 0, 59, 365 * 30 + 7, 19_605] {
            let (y, m, d) = civil_from_days(n);
            assert_eq!(days_from_civil(y, m, d), n);
        }
        assert_eq!(civil_from_days(19_605), (2023, 9, 5));
    }
}
