//! Country and PLOVER sector accuracy on NGEC's actor-resolution tests
//! (`../shared/data/ngec/ngec_actor_resolution_tests.tsv`, read in place), with a stated
//! selection and a held-out half.
//!
//! **Selection** ("rows that do not need a Wikipedia lookup", issue 4): a row is scored for
//! country when (1) its method is not `query_wiki` (those ask for a Wikipedia article),
//! (2) its expectation asserts, with `==`, a non-empty country (`country` or `cc`) that is
//! a country code or PLOVER's `IGO`/`UNO`/`EUR` (one row has its fields swapped), and
//! (3) its expectation names nothing from Wikipedia: no non-empty `wiki`, `wiki NotEq`,
//! `title` (a Wikipedia article title) or `actor_wiki_job` (the office a Wikipedia infobox
//! gives). Rows asserting an empty country are reported apart ("gives no country").
//!
//! **Split**: rows are grouped by their test function's stem (the name without `test_`, cut
//! at the first `_`, trailing digits removed: `test_ratas_gov`, `test_ratas_leg` -> `ratas`;
//! `test_nat1..7` -> `nat`; `test_114_2` -> `114`), so variants of one case stay on one side.
//! The sorted stems alternate: even positions are the tuning half, odd ones the held-out half.
//! Only the tuning half's misses are ever printed (`SITREP_SHOW_MISSES=1`); the held-out half
//! is reported as a figure only.
//!
//! Run `cargo test -p sitrep-actors --test tests ngec -- --nocapture` to see the figures.

use crate::common::shared_dir;
use crate::recognize::words;
use crate::recognize_eval::Gaz;
use sitrep_actors::kb::{Kb, PartialDate};
use sitrep_actors::recognize::{Mention, Recognizer, Scratch};
use std::collections::BTreeSet;

/// NGEC's expectations are "today" as of 2022-2025 and our KB's open roles run to mid-2025,
/// so rows without a date are read at this date.
fn ngec_default_date() -> PartialDate {
    PartialDate::ymd(2025, 6, 1)
}

/// The table's dates: ISO, "10 May 2015", "1 july 2021", "October 1, 2021"; "today" and
/// empty mean [`ngec_default_date`].
fn parse_date(s: &str) -> PartialDate {
    if let Some(d) = PartialDate::parse(s.trim()) {
        return d;
    }
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let (mut day, mut month, mut year) = (None, None, None);
    for tok in s.split([' ', ',']).filter(|t| !t.is_empty()) {
        let low = tok.to_ascii_lowercase();
        if let Ok(n) = tok.parse::<i32>() {
            if n > 31 {
                year = Some(n);
            } else {
                day = Some(n as u8);
            }
        } else if let Some(m) = MONTHS.iter().position(|m| low.starts_with(m)) {
            month = Some(m as u8 + 1);
        }
    }
    match (year, month, day) {
        (Some(y), Some(m), Some(d)) => PartialDate::ymd(y, m, d),
        _ => ngec_default_date(),
    }
}

/// The code NGEC/PLOVER would write for our country or IGO code (`IGONAT` -> `IGO`).
fn plover_country(kb: &Kb, code: &str) -> String {
    match kb.igo(code) {
        Some(igo) => igo.plover_country().to_string(),
        None => code.to_string(),
    }
}

/// The phrase is one actor, and its parts may carry its country and its sector apart
/// ("professor ... in Scotland"): the country is that of the longest mention with one, the
/// sector that of the longest mention with one.
fn main_mention(ms: &[Mention]) -> Option<&Mention> {
    longest(ms, |m| m.country.is_some())
}

fn sector_mention(ms: &[Mention]) -> Option<&Mention> {
    longest(ms, |m| m.plover_sector.is_some())
}

fn longest(ms: &[Mention], keep: impl Fn(&Mention) -> bool) -> Option<&Mention> {
    ms.iter()
        .filter(|m| keep(m))
        .max_by_key(|m| (m.end - m.start, std::cmp::Reverse(m.start)))
}

/// A TSV field written with CSV quoting: `"{""cc"": ""GBR""}"`.
fn unquote(s: &str) -> String {
    match s.strip_prefix('"').and_then(|x| x.strip_suffix('"')) {
        Some(inner) => inner.replace("\"\"", "\""),
        None => s.to_string(),
    }
}

/// The stem that keeps variants of one test case on the same side of the split.
fn stem(test: &str) -> String {
    let s = test.strip_prefix("test_").unwrap_or(test);
    let s = s.split('_').next().unwrap_or(s);
    let cut = s.trim_end_matches(|c: char| c.is_ascii_digit());
    if cut.is_empty() { s } else { cut }.to_string()
}

/// Why a row is not scored for country.
fn exclusion(kb: &Kb, method: &str, exp: &serde_json::Value) -> Option<&'static str> {
    if method == "query_wiki" {
        return Some("method query_wiki");
    }
    let country = exp.get("country").or_else(|| exp.get("cc"));
    let Some(country) = country.and_then(|v| v.as_str()).filter(|s| !s.is_empty()) else {
        return Some("no non-empty country asserted");
    };
    // One row swaps its fields (country "LEG", sector "COL"): no coder can match it.
    let plover_actor = matches!(country, "IGO" | "UNO" | "EUR");
    if !plover_actor && kb.canonical_code(country).is_none() {
        return Some("asserted country is not a country code");
    }
    let names_wiki = ["wiki", "wiki NotEq", "title", "actor_wiki_job"]
        .iter()
        .any(|k| {
            exp.get(*k)
                .and_then(|v| v.as_str())
                .is_some_and(|s| !s.is_empty())
        });
    names_wiki.then_some("names a Wikipedia article or job")
}

/// Per half: [rows, country right, sector rows, sector right].
type Tally = [usize; 4];

#[test]
fn ngec_actor_resolution() {
    let Some(shared) = shared_dir("ngec_actor_resolution") else {
        return;
    };
    let path = shared.join("data/ngec/ngec_actor_resolution_tests.tsv");
    let text = std::fs::read_to_string(&path).expect("read the NGEC table");
    let kb = Kb::builtin().unwrap();
    let rec = Recognizer::new(kb);
    let gaz = Gaz(sitrep_places::Gazetteer::builtin());
    let mut scratch = Scratch::default();
    let show = std::env::var_os("SITREP_SHOW_MISSES").is_some();
    let mut rows = Vec::new();
    let mut excluded = std::collections::BTreeMap::<&str, usize>::new();
    // (no country asserted, none given) over no-Wikipedia rows asserting an empty country.
    let (mut empty_n, mut empty_ok) = (0, 0);
    for line in text.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        let [test, _, method, input, context, date, expected] = f[..] else {
            *excluded.entry("malformed line").or_default() += 1;
            continue;
        };
        let exp: serde_json::Value = match serde_json::from_str(&unquote(expected)) {
            Ok(v) => v,
            Err(_) => {
                *excluded.entry("expectation not JSON").or_default() += 1;
                continue;
            }
        };
        let row = (
            test.to_string(),
            unquote(input),
            unquote(context),
            parse_date(date),
            exp,
        );
        match exclusion(kb, method, &row.4) {
            None => rows.push(row),
            Some(why) => {
                *excluded.entry(why).or_default() += 1;
                let empty = row.4.get("country").and_then(|v| v.as_str()) == Some("");
                if empty && method != "query_wiki" && !row.4.get("wiki").is_some_and(|v| v != "") {
                    empty_n += 1;
                    let (w, s) = words(&row.1);
                    let ms = rec.recognize(&row.1, &w, &s, row.3, &gaz, &mut scratch);
                    empty_ok += usize::from(main_mention(&ms).is_none_or(|m| m.country.is_none()));
                }
            }
        }
    }
    let stems: BTreeSet<String> = rows.iter().map(|r| stem(&r.0)).collect();
    let held_out: BTreeSet<&String> = stems.iter().skip(1).step_by(2).collect();
    let mut tally = [Tally::default(); 2];
    for (test, input, context, date, exp) in &rows {
        let half = usize::from(held_out.contains(&stem(test)));
        let want = exp
            .get("country")
            .or_else(|| exp.get("cc"))
            .and_then(|v| v.as_str())
            .unwrap_or("");
        // NGEC writes Kosovo XKX; the KB's code is KSV (the CAMEO list's).
        let want = kb.canonical_code(want).unwrap_or_else(|| want.to_string());
        let (w, s) = words(input);
        let ms = rec.recognize(input, &w, &s, *date, &gaz, &mut scratch);
        let m = main_mention(&ms);
        let mut got = m
            .and_then(|m| m.country.as_deref())
            .map(|c| plover_country(kb, c));
        // NGEC's `context` argument is the text around the mention: it gives the country
        // when the phrase names none ("Defense Minister" in a German story).
        if got.is_none() && !context.is_empty() {
            let (w, s) = words(context);
            let cms = rec.recognize(context, &w, &s, *date, &gaz, &mut scratch);
            got = cms
                .iter()
                .find_map(|m| m.country.as_deref())
                .map(|c| plover_country(kb, c));
        }
        let t = &mut tally[half];
        t[0] += 1;
        let right = got.as_deref() == Some(want.as_str());
        t[1] += usize::from(right);
        if show && half == 0 && !right {
            println!("tuning country miss {test} {input:?} @{date}: want {want}, got {got:?}");
        }
        if let Some(sector) = exp.get("code_1").and_then(|v| v.as_str()) {
            if !sector.is_empty() {
                t[2] += 1;
                let got = sector_mention(&ms).and_then(|m| m.plover_sector.as_deref());
                t[3] += usize::from(got == Some(sector));
                if show && half == 0 && got != Some(sector) {
                    println!("tuning sector miss {test} {input:?}: want {sector}, got {got:?}");
                }
            }
        }
    }
    let ratio = |a: usize, b: usize| a as f64 / b.max(1) as f64;
    println!("NGEC rows left out: {excluded:?}");
    let all: Tally = std::array::from_fn(|k| tally[0][k] + tally[1][k]);
    for (name, t) in [("tuning", tally[0]), ("held-out", tally[1]), ("all", all)] {
        println!(
            "NGEC {name}: country {}/{} = {:.3}; PLOVER sector (code_1 asserted) {}/{} = {:.3}",
            t[1],
            t[0],
            ratio(t[1], t[0]),
            t[3],
            t[2],
            ratio(t[3], t[2])
        );
    }
    println!(
        "NGEC rows asserting no country (no Wikipedia): none given {empty_ok}/{empty_n} = {:.3}",
        ratio(empty_ok, empty_n)
    );
    assert!(all[0] > 100, "selection too small: {}", all[0]);
    assert!(tally[0][0] > 50 && tally[1][0] > 50, "unbalanced split");
    let (acc, held) = (ratio(all[1], all[0]), ratio(tally[1][1], tally[1][0]));
    assert!(acc >= NGEC_ALL_FLOOR, "country accuracy {acc:.3}");
    assert!(held >= NGEC_HELD_OUT_FLOOR, "held-out accuracy {held:.3}");
}

/// Measured 150/157 = 0.955 on the selected rows (tuning 77/77, held-out 73/80, session 12);
/// the issue asks for 0.90.
const NGEC_ALL_FLOOR: f64 = 0.90;
/// Measured 73/80 = 0.912 on the held-out half (session 12, after the organisation lists:
/// 74/80 before three social platforms were taken out of them);
/// the 0.90 is the floor, 72/80.
const NGEC_HELD_OUT_FLOOR: f64 = 0.90;

#[test]
fn ngec_eval_date_forms() {
    assert_eq!(parse_date("10 May 2015"), PartialDate::ymd(2015, 5, 10));
    assert_eq!(parse_date("October 1, 2021"), PartialDate::ymd(2021, 10, 1));
    assert_eq!(parse_date("2022-01-01"), PartialDate::ymd(2022, 1, 1));
    assert_eq!(parse_date("Today"), ngec_default_date());
    assert_eq!(stem("test_ratas_gov"), "ratas");
    assert_eq!(stem("test_114_2"), "114");
    assert_eq!(stem("test_nat3"), "nat");
}
