//! The built-in KB checked against the reference data in ../shared (read in place, never
//! copied): the CAMEO and PLOVER manuals' code tables, the CAMEO country list, and the NGEC
//! actor-resolution cases as a measurement of what plain phrase lookup covers.

use crate::common::{kb_dir, shared_dir};
use sitrep_actors::kb::{
    CountryForm, Entry, Kb, Namespace, PartialDate, CAMEO_SECTORS, PLOVER_SECTORS,
};
use std::collections::BTreeSet;

fn kb() -> &'static Kb {
    match Kb::builtin() {
        Ok(kb) => kb,
        Err(e) => panic!("embedded KB failed to load:\n{e}"),
    }
}

/// Three capital letters at the start of a LaTeX table row (`  COP & Police forces ...`).
fn row_code(line: &str) -> Option<&str> {
    let first = line.split('&').next()?.trim();
    (line.contains('&') && first.len() == 3 && first.bytes().all(|b| b.is_ascii_uppercase()))
        .then_some(first)
}

fn between<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
    let s = text
        .find(start)
        .unwrap_or_else(|| panic!("{start:?} not found"));
    let e = text[s..].find(end).map_or(text.len(), |e| s + e);
    &text[s..e]
}

#[test]
fn manual_igo_codes_are_in_the_cameo_manual_and_all_present() {
    let Some(shared) = shared_dir("manual_igo_codes") else {
        return;
    };
    let manual = std::fs::read(shared.join("data/cameo-codebook/manual/CAMEO.Manual.1.1b3.tex"))
        .expect("CAMEO manual");
    let manual = String::from_utf8_lossy(&manual);
    // Codes in the manual's table of international actors: the last cell of a row.
    let mut in_manual = BTreeSet::new();
    for line in manual.lines() {
        if let Some(cell) = line.split('&').nth(2) {
            let code: String = cell
                .trim()
                .chars()
                .take_while(|c| c.is_ascii_uppercase())
                .collect();
            if code.starts_with("IGO") && code.len() >= 6 {
                in_manual.insert(code);
            }
        }
    }
    assert!(
        in_manual.len() >= 60,
        "parsed {} manual IGO codes",
        in_manual.len()
    );
    let raw = std::fs::read_to_string(kb_dir().join("igos.txt")).expect("igos.txt");
    let marked: Vec<&str> = raw
        .lines()
        .filter(|l| l.ends_with("# [manual]"))
        .filter_map(|l| l.split('\t').next())
        .collect();
    for code in &marked {
        // IGOPKO is in the manual's text rather than its table, so search the whole text.
        assert!(
            manual.contains(*code),
            "{code} is marked [manual] but the manual lacks it"
        );
    }
    let kb = kb();
    for code in &in_manual {
        assert!(
            kb.igo(code).is_some(),
            "manual IGO code {code} is missing from igos.txt"
        );
    }
    println!(
        "IGO codes: {} in the manual, {} marked [manual], {} in the KB",
        in_manual.len(),
        marked.len(),
        kb.igos().len()
    );
}

#[test]
fn sector_code_lists_match_the_manuals() {
    let Some(shared) = shared_dir("sector_code_lists") else {
        return;
    };
    let cameo = std::fs::read(shared.join("data/cameo-codebook/manual/CAMEO.Manual.1.1b3.tex"))
        .expect("CAMEO manual");
    let cameo = String::from_utf8_lossy(&cameo);
    let table = between(
        &cameo,
        "caption{Generic Domestic Role Codes}",
        "end{longtable}",
    );
    let cameo_roles: BTreeSet<&str> = table.lines().filter_map(row_code).collect();
    assert!(cameo_roles.len() >= 20, "{cameo_roles:?}");
    for code in &cameo_roles {
        assert!(
            CAMEO_SECTORS.contains(code),
            "CAMEO role {code} missing from CAMEO_SECTORS"
        );
    }
    // Our extra CAMEO codes (PTY and the international generics) must exist in the manual.
    for code in CAMEO_SECTORS.iter().filter(|c| !cameo_roles.contains(*c)) {
        assert!(
            cameo.contains(&format!("texttt{{{code}"))
                || cameo.contains(&format!("{{{code}}}"))
                || cameo.contains(&format!("{code} &")),
            "CAMEO_SECTORS has {code}, the manual does not"
        );
    }
    let plover = std::fs::read_to_string(shared.join("data/plover/codebook/PLOVER_MANUAL.tex"))
        .expect("PLOVER manual");
    let table = between(
        &plover,
        "section{Sector Codes}",
        "subsection{Sector code notes}",
    );
    let plover_roles: BTreeSet<&str> = table.lines().filter_map(row_code).collect();
    let ours: BTreeSet<&str> = PLOVER_SECTORS.iter().copied().collect();
    assert_eq!(
        ours, plover_roles,
        "PLOVER_SECTORS differs from the PLOVER manual's table"
    );
}

#[test]
fn every_cameo_country_code_is_known() {
    let Some(shared) = shared_dir("cameo_country_codes") else {
        return;
    };
    let text = std::fs::read(shared.join("data/cameo-codebook/text_to_CAMEO/countrynames.txt"))
        .expect("countrynames.txt");
    let text = String::from_utf8_lossy(&text);
    let kb = kb();
    let mut missing = Vec::new();
    let mut checked = 0;
    for line in text.lines() {
        let Some(code) = line.split('\t').nth(1) else {
            continue;
        };
        match code.len() {
            // A state or a territory with its own code.
            3 if code.bytes().all(|b| b.is_ascii_uppercase()) => {
                checked += 1;
                if kb.canonical_code(code).is_none() {
                    missing.push(code.to_string());
                }
            }
            // Parent + territory (USAPRI): the parent must be known.
            6 => {
                checked += 1;
                if kb.canonical_code(&code[..3]).is_none() {
                    missing.push(code.to_string());
                }
            }
            _ => {}
        }
    }
    // CAMEO writes Antarctica ANT, which ISO used for the Netherlands Antilles; the KB keeps
    // ISO's ATA and does not alias ANT, since both readings occur in older data.
    // FRNWLF (Wallis and Futuna) is a typo in the CAMEO list for FRAWLF.
    missing.retain(|c| c != "ANT" && c != "FRNWLF");
    assert!(checked >= 230, "checked {checked}");
    assert!(
        missing.is_empty(),
        "CAMEO codes the KB does not know: {missing:?}"
    );
}

/// The string value of `key` in the flat JSON object of the `expected` column.
fn json_str<'a>(json: &'a str, key: &str) -> Option<&'a str> {
    let needle = format!("\"{key}\": \"");
    let rest = &json[json.find(&needle)? + needle.len()..];
    Some(&rest[..rest.find('"')?])
}

/// Country of the leftmost-longest KB phrase in `text`, in PLOVER's actor-country space.
fn first_country(kb: &Kb, text: &str, date: PartialDate) -> Option<String> {
    let toks: Vec<&str> = text
        .split_whitespace()
        .map(|t| t.trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '"' | '(' | ')')))
        .filter(|t| !t.is_empty())
        .collect();
    for i in 0..toks.len() {
        let longest = kb.max_phrase_tokens().min(toks.len() - i);
        for n in (1..=longest).rev() {
            let surface = toks[i..i + n].join(" ");
            let mut hits = kb.lookup_cased(&surface);
            // "Chile's Ministry": a possessive ends the phrase ("People's" must not lose it).
            if hits.is_empty() {
                if let Some(s) = surface
                    .strip_suffix("'s")
                    .or_else(|| surface.strip_suffix("’s"))
                {
                    hits = kb.lookup_cased(s);
                }
            }
            for e in hits {
                let code = match e {
                    Entry::Person(p) => {
                        let p = &kb.people()[p];
                        p.role_at(date)
                            .or_else(|| p.last_role_before(date))
                            .or(p.roles.first())
                            .map(|r| r.country.clone())
                    }
                    other => kb.country_of(other).map(str::to_string),
                };
                if let Some(code) = code {
                    return Some(to_plover(kb, &code));
                }
            }
        }
    }
    None
}

fn to_plover(kb: &Kb, code: &str) -> String {
    if let Some(igo) = kb.igo(code) {
        return igo.plover_country().to_string();
    }
    // NGEC writes Kosovo with the user-assigned ISO code.
    if code == "KSV" {
        "XKX".to_string()
    } else {
        code.to_string()
    }
}

/// Measures, does not tune: the KB was written without looking at these cases' answers.
/// Prints the figures; the floors are the values measured on 2026-11-28 (floors only go up).
#[test]
fn ngec_actor_cases_country_coverage() {
    let Some(shared) = shared_dir("ngec_actor_cases") else {
        return;
    };
    let text = std::fs::read_to_string(shared.join("data/ngec/ngec_actor_resolution_tests.tsv"))
        .expect("ngec tsv");
    let kb = kb();
    let (mut n, mut right, mut wrong, mut none) = (0, 0, 0, 0);
    let (mut n_empty, mut empty_right) = (0, 0);
    let mut misses = Vec::new();
    for line in text.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 7 || f[1] != "True" {
            continue;
        }
        let expected = f[6].replace("\"\"", "\"");
        let Some(want) = json_str(&expected, "country") else {
            continue;
        };
        let date = PartialDate::parse(f[5]).unwrap_or(PartialDate::ymd(2024, 1, 1));
        let got = first_country(kb, f[3], date);
        if want.is_empty() {
            n_empty += 1;
            match got {
                None => empty_right += 1,
                Some(g) => misses.push(format!("{:?}: want no country, got {g}", f[3])),
            }
            continue;
        }
        n += 1;
        match got {
            Some(g) if g == want => right += 1,
            Some(g) => {
                wrong += 1;
                misses.push(format!("{:?}: want {want}, got {g}", f[3]));
            }
            None => {
                none += 1;
                misses.push(format!("{:?}: want {want}, got none", f[3]));
            }
        }
    }
    println!("NGEC cases with a country: {n}; right {right}, wrong {wrong}, none {none}");
    println!("NGEC cases expecting no country: {n_empty}; none found in {empty_right}");
    // The misses are not printed: `ngec_eval.rs` keeps half of these rows held out, and
    // only its tuning half's misses may be looked at.
    let _ = misses;
    assert!(n >= 200, "parsed {n} cases");
    assert!(
        right * 100 >= n * FLOOR_PERCENT,
        "country right {right}/{n} fell below {FLOOR_PERCENT}%"
    );
}

/// Measured 143/243 = 58.8% on 2026-11-28 (with the people files as they stood then).
const FLOOR_PERCENT: usize = 55;

/// Every leftmost-longest KB match in `text`, in order.
fn matches(kb: &Kb, text: &str) -> Vec<Entry> {
    let toks: Vec<&str> = text
        .split_whitespace()
        .map(|t| t.trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '"' | '(' | ')')))
        .filter(|t| !t.is_empty())
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let longest = kb.max_phrase_tokens().min(toks.len() - i);
        let mut step = 1;
        for n in (1..=longest).rev() {
            let surface = toks[i..i + n].join(" ");
            let mut hits = kb.lookup_cased(&surface);
            if hits.is_empty() {
                if let Some(s) = surface
                    .strip_suffix("'s")
                    .or_else(|| surface.strip_suffix("’s"))
                {
                    hits = kb.lookup_cased(s);
                }
            }
            if !hits.is_empty() {
                out.extend(hits);
                step = n;
                break;
            }
        }
        i += step;
    }
    out
}

/// The PLOVER sector a plain KB reading gives a mention: a person's role on the date, else
/// a seat's first sector, else the last PLOVER sector word (the head noun comes last in
/// "Mexican authorities"), else GOV for a capital.
fn plover_sector(kb: &Kb, text: &str, date: PartialDate) -> Option<String> {
    let found = matches(kb, text);
    let first3 = |s: &str| s.get(..3).unwrap_or(s).to_string();
    for e in &found {
        if let Entry::Person(_) = e {
            if let Some(a) = kb.actor_of(*e, date) {
                return a.sectors.first().map(|s| first3(s));
            }
        }
    }
    for e in &found {
        if let Entry::Seat(i) = e {
            return kb.seats()[*i].sectors.first().map(|s| first3(s));
        }
    }
    let word = found.iter().rev().find_map(|e| match e {
        Entry::Sector(i) if kb.sectors()[*i].namespace == Namespace::Plover => {
            Some(first3(&kb.sectors()[*i].code))
        }
        _ => None,
    });
    word.or_else(|| {
        found.iter().find_map(|e| match e {
            Entry::Country {
                form: CountryForm::Capital,
                ..
            } => Some("GOV".to_string()),
            _ => None,
        })
    })
}

/// Measures, does not tune (see above): the PLOVER primary sector (`code_1`) of the NGEC
/// cases that state one.
#[test]
fn ngec_actor_cases_sector_coverage() {
    let Some(shared) = shared_dir("ngec_actor_sectors") else {
        return;
    };
    let text = std::fs::read_to_string(shared.join("data/ngec/ngec_actor_resolution_tests.tsv"))
        .expect("ngec tsv");
    let kb = kb();
    // Cases dated "today" or undated were written against the officeholders of their time
    // (2021-2025, see the data's PROVENANCE): report the figure for two reference dates.
    // The floor applies to the first, chosen before measuring.
    for (k, default_date) in [PartialDate::ymd(2024, 1, 1), PartialDate::ymd(2022, 1, 1)]
        .into_iter()
        .enumerate()
    {
        let (mut n, mut right, mut wrong, mut none) = (0, 0, 0, 0);
        let mut misses = Vec::new();
        for line in text.lines().skip(1) {
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 7 || f[1] != "True" {
                continue;
            }
            let expected = f[6].replace("\"\"", "\"");
            let Some(want) = json_str(&expected, "code_1") else {
                continue;
            };
            if want.len() != 3 {
                continue;
            }
            n += 1;
            let date = PartialDate::parse(f[5]).unwrap_or(default_date);
            match plover_sector(kb, f[3], date) {
                Some(g) if g == want => right += 1,
                Some(g) => {
                    wrong += 1;
                    misses.push(format!("{:?}: want {want}, got {g}", f[3]));
                }
                None => {
                    none += 1;
                    misses.push(format!("{:?}: want {want}, got none", f[3]));
                }
            }
        }
        println!(
            "NGEC cases with a PLOVER code_1 (undated = {default_date}): {n}; right {right}, wrong {wrong}, none {none}"
        );
        // Misses are not printed (see `ngec_actor_cases_country_coverage`).
        let _ = misses;
        if k == 0 {
            assert!(n >= 150, "parsed {n} cases");
            assert!(
                right * 100 >= n * SECTOR_FLOOR_PERCENT,
                "sector right {right}/{n} fell below {SECTOR_FLOOR_PERCENT}%"
            );
        }
    }
}

/// Measured 122/262 = 46.6% on 2026-11-28 (undated = 2024-01-01).
const SECTOR_FLOOR_PERCENT: usize = 44;
