//! All-number dates and spans of time, on hand-written news sentences (published 2023-09-05).

use super::*;

fn published() -> Ymd {
    Ymd::new(2023, 9, 5).unwrap()
}

/// The first expression found: (date, text, basis).
fn first(text: &str) -> Option<(Option<String>, String, Basis)> {
    find_dates(text, &[], published(), Tense::Past)
        .into_iter()
        .next()
        .map(|m| (m.date.date, m.date.text, m.date.basis))
}

fn date_of(text: &str) -> Option<String> {
    first(text).and_then(|f| f.0)
}

#[test]
fn numeric_dates_day_first_with_dots() {
    let (date, text, basis) = first("(16.02.2017) Lithuania has launched a probe.").unwrap();
    assert_eq!(date.as_deref(), Some("2017-02-16"));
    assert_eq!((text.as_str(), basis), ("16.02.2017", Basis::Explicit));
    assert_eq!(
        date_of("The vote was held on 3.9.2023.").as_deref(),
        Some("2023-09-03")
    );
    // Not a day: 31 February.
    assert_eq!(date_of("Figures from 31.02.2017 were revised."), None);
}

#[test]
fn numeric_dates_with_slashes_only_when_the_order_is_certain() {
    assert_eq!(
        date_of("China Daily European Weekly 01/20/2017 page24").as_deref(),
        Some("2017-01-20")
    );
    assert_eq!(
        date_of("The decree of 20/01/2017 was annulled.").as_deref(),
        Some("2017-01-20")
    );
    assert_eq!(
        date_of("The ruling was issued on 2017/01/20.").as_deref(),
        Some("2017-01-20")
    );
    // 6 January or 1 June: no date rather than a guess.
    assert_eq!(first("China Daily European Weekly 01/06/2017 page24"), None);
    assert_eq!(
        date_of("It was signed on 05/05/2017.").as_deref(),
        Some("2017-05-05")
    );
}

#[test]
fn numeric_dates_leave_decimals_and_versions_alone() {
    assert_eq!(first("Growth was 2.5 per cent, up from 1.9."), None);
    assert_eq!(first("The 3.5 million voters chose 12.4.1 software."), None);
}

#[test]
fn spans_of_time_have_no_single_date() {
    for (text, words) in [
        (
            "Israel has launched three military operations against Gaza over the past eight years.",
            "the past eight years",
        ),
        (
            "Attacks have risen in the last few months.",
            "the last few months",
        ),
        ("The group has grown in recent years.", "recent years"),
        (
            "Police arrested dozens during the past week.",
            "the past week",
        ),
    ] {
        let (date, found, basis) = first(text).unwrap_or_else(|| panic!("{text}: none"));
        assert_eq!(
            (date, found.as_str(), basis),
            (None, words, Basis::Span),
            "{text}"
        );
    }
    let found = find_dates(
        "Attacks have risen over the past two years.",
        &[],
        published(),
        Tense::Past,
    );
    let d = event_date(&found, published());
    assert_eq!((d.date, d.basis.as_str()), (None, "span"));
    // "the past" alone and "the last time" are not spans of dated time.
    assert_eq!(first("Such talks failed in the past."), None);
    assert_eq!(first("It was the last time they met."), None);
}

#[test]
fn bare_years_are_year_dates() {
    let (date, text, basis) =
        first("During the first Land Day in 1976 Palestinian citizens protested.").unwrap();
    assert_eq!(
        (date.as_deref(), text.as_str(), basis),
        (Some("1976"), "1976", Basis::Explicit)
    );
}
