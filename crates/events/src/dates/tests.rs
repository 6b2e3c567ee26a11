//! Date tests on hand-written news sentences. Weekday facts used below: 2023-09-05 was a
//! Tuesday, 2024-03-01 a Friday.

use super::*;

fn published() -> Ymd {
    Ymd::new(2023, 9, 5).unwrap()
}

fn one(text: &str, tense: Tense) -> (Option<String>, String, Basis) {
    let found = find_dates(text, &[], published(), tense);
    assert_eq!(found.len(), 1, "{text}: {found:?}");
    let d = found[0].date.clone();
    (d.date, d.text, d.basis)
}

fn date(text: &str, tense: Tense) -> String {
    one(text, tense)
        .0
        .unwrap_or_else(|| panic!("{text}: no date"))
}

#[test]
fn dates_seed_shoigu_said_monday() {
    let (d, text, basis) = one(
        "Shoigu said Monday that both countries might stage joint exercises.",
        Tense::Past,
    );
    assert_eq!(d.as_deref(), Some("2023-09-04"));
    assert_eq!(text, "Monday");
    assert_eq!(basis, Basis::Relative);
}

#[test]
fn dates_weekdays_past_and_future() {
    assert_eq!(
        date("The talks ended on Tuesday.", Tense::Past),
        "2023-09-05"
    );
    assert_eq!(
        date("Troops withdrew on Wednesday.", Tense::Past),
        "2023-08-30"
    );
    assert_eq!(
        date("The ministers met Sunday.", Tense::Unknown),
        "2023-09-03"
    );
    assert_eq!(
        date("The leaders will meet on Friday.", Tense::Future),
        "2023-09-08"
    );
    assert_eq!(
        date("The vote will be held on Tuesday.", Tense::Future),
        "2023-09-05"
    );
    assert_eq!(date("He arrived last Tuesday.", Tense::Past), "2023-08-29");
    assert_eq!(date("He arrived last Monday.", Tense::Past), "2023-09-04");
    assert_eq!(
        date("They meet again next Tuesday.", Tense::Future),
        "2023-09-12"
    );
    assert_eq!(
        date("They meet again next Thursday.", Tense::Past),
        "2023-09-07"
    );
}

#[test]
fn dates_named_days() {
    assert_eq!(
        date("Rebels attacked the town yesterday.", Tense::Past),
        "2023-09-04"
    );
    assert_eq!(
        date("Police said today that ...", Tense::Past),
        "2023-09-05"
    );
    assert_eq!(
        date("The summit opens tomorrow.", Tense::Future),
        "2023-09-06"
    );
    assert_eq!(
        date("Shelling resumed last night.", Tense::Past),
        "2023-09-04"
    );
    assert_eq!(
        date("It happened the day before yesterday.", Tense::Past),
        "2023-09-03"
    );
    assert_eq!(
        date("Officials met this morning.", Tense::Past),
        "2023-09-05"
    );
}

#[test]
fn dates_weeks_months_years_relative() {
    assert_eq!(
        date("Protesters gathered last week.", Tense::Past),
        "2023-08-29"
    );
    assert_eq!(date("They gathered this week.", Tense::Past), "2023-09-05");
    assert_eq!(
        date("They will gather next week.", Tense::Future),
        "2023-09-12"
    );
    assert_eq!(
        date("The deal was signed last month.", Tense::Past),
        "2023-08"
    );
    assert_eq!(
        date("The deal was signed this month.", Tense::Past),
        "2023-09"
    );
    assert_eq!(
        date("A deal was signed earlier this month.", Tense::Past),
        "2023-09"
    );
    assert_eq!(date("A deal is due next month.", Tense::Future), "2023-10");
    assert_eq!(date("Elections were held last year.", Tense::Past), "2022");
    assert_eq!(
        date("Elections are due later this year.", Tense::Future),
        "2023"
    );
    assert_eq!(date("Elections are due next year.", Tense::Future), "2024");
    let (_, text, basis) = one("Protesters gathered last week.", Tense::Past);
    assert_eq!((text.as_str(), basis), ("last week", Basis::Relative));
}

#[test]
fn dates_month_year_boundaries() {
    let jan = Ymd::new(2024, 1, 10).unwrap();
    let got = resolve("last month", jan, Tense::Past).unwrap();
    assert_eq!(got.date.as_deref(), Some("2023-12"));
    let got = resolve("in December", jan, Tense::Past).unwrap();
    assert_eq!(got.date.as_deref(), Some("2023-12"));
    let got = resolve("in December", jan, Tense::Future).unwrap();
    assert_eq!(got.date.as_deref(), Some("2024-12"));
    let got = resolve("last week", jan, Tense::Past).unwrap();
    assert_eq!(got.date.as_deref(), Some("2024-01-03"));
    let got = resolve("on Sunday", jan, Tense::Past).unwrap(); // 2024-01-10 is a Wednesday
    assert_eq!(got.date.as_deref(), Some("2024-01-07"));
}

#[test]
fn dates_explicit_forms() {
    assert_eq!(
        date("Talks were held on 26 July 2023 in Pyongyang.", Tense::Past),
        "2023-07-26"
    );
    assert_eq!(
        date("Talks were held on July 26, 2023.", Tense::Past),
        "2023-07-26"
    );
    assert_eq!(
        date("Talks were held on July 26 2023.", Tense::Past),
        "2023-07-26"
    );
    assert_eq!(
        date("Talks were held on the 26th of July 2023.", Tense::Past),
        "2023-07-26"
    );
    assert_eq!(
        date("Talks were held on 2023-07-26.", Tense::Past),
        "2023-07-26"
    );
    assert_eq!(
        date("Talks were held on Sept. 1, 2022.", Tense::Past),
        "2022-09-01"
    );
    assert_eq!(
        date("Talks were held in July 2021.", Tense::Past),
        "2021-07"
    );
    assert_eq!(
        date("Talks were held in July of 2021.", Tense::Past),
        "2021-07"
    );
    assert_eq!(date("The war began in 2022.", Tense::Past), "2022");
    assert_eq!(
        date("The fighting has continued since 2014.", Tense::Past),
        "2014"
    );
    assert_eq!(date("Growth slowed in mid-2022.", Tense::Past), "2022");
    let (_, text, basis) = one("Talks were held on 26 July 2023 in Pyongyang.", Tense::Past);
    assert_eq!((text.as_str(), basis), ("26 July 2023", Basis::Explicit));
}

#[test]
fn dates_weekday_before_an_explicit_date() {
    let (d, text, basis) = one("The strike began on Wednesday, July 26, 2023.", Tense::Past);
    assert_eq!(
        (d.as_deref(), text.as_str(), basis),
        (
            Some("2023-07-26"),
            "Wednesday, July 26, 2023",
            Basis::Explicit
        )
    );
    assert_eq!(
        date("It began Friday 1 September.", Tense::Past),
        "2023-09-01"
    );
}

#[test]
fn dates_day_and_month_without_year() {
    assert_eq!(
        date("Shoigu visited on July 26.", Tense::Past),
        "2023-07-26"
    );
    assert_eq!(
        date("Shoigu visited on 26 July.", Tense::Past),
        "2023-07-26"
    );
    assert_eq!(
        date("The vote took place on 5 September.", Tense::Past),
        "2023-09-05"
    );
    assert_eq!(
        date("The vote took place on 6 September.", Tense::Past),
        "2022-09-06"
    );
    assert_eq!(
        date("The vote will take place on 6 September.", Tense::Future),
        "2023-09-06"
    );
    assert_eq!(
        date("He will visit on July 26.", Tense::Future),
        "2024-07-26"
    );
    // A future-in-the-past ("was set to") reads as future; a day 3 days back beats one
    // almost a year ahead.
    assert_eq!(
        date(
            "The rally he was set to attend on 2 September was cancelled.",
            Tense::Future
        ),
        "2023-09-02"
    );
    let leap = Ymd::new(2025, 3, 1).unwrap();
    let got = resolve("on February 29", leap, Tense::Past).unwrap();
    assert_eq!(got.date.as_deref(), Some("2024-02-29"));
}

#[test]
fn dates_bare_months() {
    assert_eq!(
        date("Shoigu visited Pyongyang in July.", Tense::Past),
        "2023-07"
    );
    assert_eq!(date("Prices rose in September.", Tense::Past), "2023-09");
    assert_eq!(date("Prices rose in October.", Tense::Past), "2022-10");
    assert_eq!(
        date("Talks will resume in October.", Tense::Future),
        "2023-10"
    );
    assert_eq!(
        date("Talks will resume in August.", Tense::Future),
        "2024-08"
    );
    assert_eq!(
        date("Fighting flared in early August.", Tense::Past),
        "2023-08"
    );
    assert_eq!(
        date("Fighting flared in mid-August.", Tense::Past),
        "2023-08"
    );
    assert_eq!(
        date("Fighting flared last September.", Tense::Past),
        "2022-09"
    );
    assert_eq!(date("Fighting flared last August.", Tense::Past), "2023-08");
    assert_eq!(date("They meet next September.", Tense::Future), "2024-09");
    assert_eq!(date("They met in March this year.", Tense::Past), "2023-03");
    assert_eq!(date("They met in March last year.", Tense::Past), "2022-03");
}

#[test]
fn dates_seasons() {
    let (d, text, basis) = one(
        "Russia's defence chief went to Pyongyang in the summer for talks with Kim.",
        Tense::Past,
    );
    assert_eq!(
        (d.as_deref(), text.as_str(), basis),
        (Some("2023-06"), "the summer", Basis::Relative)
    );
    assert_eq!(date("Floods hit in the spring.", Tense::Past), "2023-03");
    assert_eq!(date("Floods hit in the winter.", Tense::Past), "2022-12");
    assert_eq!(date("Floods hit last winter.", Tense::Past), "2022-12");
    assert_eq!(date("Floods hit last summer.", Tense::Past), "2023-06");
    assert_eq!(
        date("A deal is expected in the autumn.", Tense::Future),
        "2023-09"
    );
    assert_eq!(
        date("A deal is expected next summer.", Tense::Future),
        "2024-06"
    );
    assert_eq!(
        date("The offensive began in the summer of 2022.", Tense::Past),
        "2022-06"
    );
    assert_eq!(date("They met this fall.", Tense::Past), "2023-09");
    let feb = Ymd::new(2024, 2, 10).unwrap();
    assert_eq!(
        resolve("this winter", feb, Tense::Past)
            .unwrap()
            .date
            .as_deref(),
        Some("2023-12")
    );
    assert_eq!(
        resolve("in the winter", feb, Tense::Past)
            .unwrap()
            .date
            .as_deref(),
        Some("2023-12")
    );
    let july = Ymd::new(2023, 7, 1).unwrap();
    assert_eq!(
        resolve("last summer", july, Tense::Past)
            .unwrap()
            .date
            .as_deref(),
        Some("2022-06")
    );
    assert_eq!(
        resolve("in the summer", july, Tense::Future)
            .unwrap()
            .date
            .as_deref(),
        Some("2023-06")
    );
}

#[test]
fn dates_ago_and_vague() {
    assert_eq!(
        date("The bridge was hit three days ago.", Tense::Past),
        "2023-09-02"
    );
    assert_eq!(
        date("The bridge was hit 2 weeks ago.", Tense::Past),
        "2023-08-22"
    );
    assert_eq!(
        date("The bridge was hit a month ago.", Tense::Past),
        "2023-08"
    );
    assert_eq!(
        date("The bridge was hit two years ago.", Tense::Past),
        "2021"
    );
    let (d, text, basis) = one("Shoigu traveled to Pyongyang recently.", Tense::Past);
    assert_eq!((d, text.as_str(), basis), (None, "recently", Basis::Vague));
    let (d, _, basis) = one("Clashes have intensified in recent weeks.", Tense::Past);
    assert_eq!((d, basis), (None, Basis::Vague));
    assert_eq!(Basis::Vague.as_str(), "none");
}

#[test]
fn dates_no_false_positives() {
    for s in [
        "Russia and North Korea may hold joint war games.",
        "Thousands march through the capital.",
        "The fall of Kabul shocked the world.",
        "Prices fall as demand weakens.",
        "The Arab Spring began in Tunisia.",
        "Police detained 2022 protesters.",
        "The August assembly voted.",
        "He said the report was dated.",
        "",
        "  ,,, --- ///",
    ] {
        let found = find_dates(s, &[], published(), Tense::Past);
        assert!(found.is_empty(), "{s}: {found:?}");
    }
}

#[test]
fn dates_several_in_one_sentence_and_token_ranges() {
    let s = "He said on Monday that talks held in July would resume next week.";
    // Whitespace tokens with the final full stop split off, as a tokenizer would give.
    let mut toks = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        if c == ' ' || c == '.' {
            if let Some(st) = start.take() {
                toks.push((st, i));
            }
            if c == '.' {
                toks.push((i, i + 1));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    let found = find_dates(s, &toks, published(), Tense::Past);
    let got: Vec<(&str, Option<&str>, std::ops::Range<usize>)> = found
        .iter()
        .map(|m| {
            (
                m.date.text.as_str(),
                m.date.date.as_deref(),
                m.tokens.clone(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("Monday", Some("2023-09-04"), 3..4),
            ("July", Some("2023-07"), 8..9),
            ("next week", Some("2023-09-12"), 11..13),
        ]
    );
    assert_eq!(&s[found[2].span.clone()], "next week");
}

#[test]
fn dates_event_date_falls_back_to_publication() {
    let p = published();
    let vague = find_dates(
        "Shoigu traveled to Pyongyang recently.",
        &[],
        p,
        Tense::Past,
    );
    let d = event_date(&vague, p);
    assert_eq!(
        (d.date.as_deref(), d.text.as_str(), d.basis),
        (Some("2023-09-05"), "recently", Basis::Publication)
    );
    let none = event_date(&[], p);
    assert_eq!(
        (none.date.as_deref(), none.basis.as_str()),
        (Some("2023-09-05"), "publication")
    );
    let some = find_dates("They met recently, on Monday.", &[], p, Tense::Past);
    assert_eq!(event_date(&some, p).date.as_deref(), Some("2023-09-04"));
}

#[test]
fn dates_tense_guess() {
    assert_eq!(guess_tense("Kim will meet Putin on Friday."), Tense::Future);
    assert_eq!(
        guess_tense("Kim is expected to travel next week."),
        Tense::Future
    );
    assert_eq!(guess_tense("Kim met Putin on Friday."), Tense::Past);
}

#[test]
fn dates_hostile_input_is_bounded() {
    let long = "Monday ".repeat(20_000) + "é";
    let found = find_dates(&long, &[(0, 3)], published(), Tense::Past);
    assert!(!found.is_empty() && found.len() <= MAX_SENTENCE_BYTES / 7 + 1);
    assert!(find_dates("\u{1F600}2023-07-26\u{0}", &[], published(), Tense::Past).len() == 1);
    let far = Ymd::new(9999, 12, 31).unwrap();
    assert!(resolve("tomorrow", far, Tense::Future).is_none());
    assert_eq!(resolve("next year", far, Tense::Future), None);
}

#[test]
fn dates_on_the_seed_article() {
    // A printed skip without ../shared, a failure under SITREP_REQUIRE_SHARED=1.
    let Some(dir) = sitrep_doc::shared_data::for_test("") else {
        return;
    };
    let text = std::fs::read_to_string(dir.join("seed/kim-putin-euronews.txt")).unwrap();
    let mut got = Vec::new();
    for line in text.lines() {
        for m in find_dates(line, &[], published(), guess_tense(line)) {
            got.push((m.date.text, m.date.date, m.date.basis.as_str()));
        }
    }
    fn want(t: &str, d: Option<&str>, b: &'static str) -> (String, Option<String>, &'static str) {
        (t.to_string(), d.map(String::from), b)
    }
    // Every date expression of the article, in order (the caption appears twice).
    assert_eq!(
        got,
        vec![
            want("26 July 2023", Some("2023-07-26"), "explicit"),
            want("26 July 2023", Some("2023-07-26"), "explicit"),
            want("the summer", Some("2023-06"), "relative"),
            want("Monday", Some("2023-09-04"), "relative"),
            want("recently", None, "none"),
            want("Monday", Some("2023-09-04"), "relative"),
            want("this month", Some("2023-09"), "relative"),
            want("last week", Some("2023-08-29"), "relative"),
        ]
    );
}

#[test]
fn dates_random_word_soup_keeps_invariants() {
    // A fixed-seed generator over date-ish pieces: spans must lie on char boundaries inside
    // the text, be ordered without overlap, and every date must be a valid ISO prefix form.
    const PIECES: &[&str] = &[
        "on",
        "in",
        "the",
        "last",
        "next",
        "this",
        "Monday",
        "July",
        "May",
        "26",
        "31st",
        "2023",
        "-",
        "/",
        ",",
        ".",
        "of",
        "summer",
        "fall",
        "ago",
        "three",
        "weeks",
        "day",
        "é",
        "2023-02-29",
        "2024-02-29",
        "mid-July",
        "early",
        "yesterday",
        "recent",
        "recently",
        "Sept",
        "999",
    ];
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..2000 {
        let n = (next() % 12) as usize;
        let mut s = String::new();
        for _ in 0..n {
            s.push_str(PIECES[(next() as usize) % PIECES.len()]);
            if next() % 3 != 0 {
                s.push(' ');
            }
        }
        let tense = if next() % 2 == 0 {
            Tense::Past
        } else {
            Tense::Future
        };
        let mut prev_end = 0;
        for m in find_dates(&s, &[], published(), tense) {
            assert!(m.span.start >= prev_end && m.span.end <= s.len(), "{s:?}");
            assert!(s.is_char_boundary(m.span.start) && s.is_char_boundary(m.span.end));
            prev_end = m.span.end;
            if let Some(d) = &m.date.date {
                let ok = match d.len() {
                    10 => Ymd::parse(d).is_some(),
                    7 => d[5..].parse::<u32>().is_ok_and(|m| (1..=12).contains(&m)),
                    4 => d.parse::<u32>().is_ok(),
                    _ => false,
                };
                assert!(ok, "{s:?} -> {d}");
            }
        }
    }
}

#[test]
fn dates_inside_a_quote_and_background_years() {
    // A date right before the closing quote of reported speech.
    assert_eq!(
        date(
            "\"Representatives of Russia and Turkey met in Astana on August 29,\" the diplomat said.",
            Tense::Past
        ),
        "2023-08-29"
    );
    assert_eq!(
        date(
            "Russia annexed Crimea in 2014 after a referendum.",
            Tense::Past
        ),
        "2014"
    );
    assert_eq!(
        date(
            "The two leaders last met last year in Beijing.",
            Tense::Past
        ),
        "2022"
    );
}
