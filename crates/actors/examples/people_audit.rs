//! Audit of the people with dated roles against issue 4's list: heads of state and
//! government, foreign and defence ministers of the G20 and of the states in or party to an
//! armed conflict since 2000, 2000 to 2025. Prints, per country and office, the months (the
//! 15th of each month) on which no one in the KB held it, merged into ranges, and a total.
//!
//! ```text
//! cargo run -p sitrep-actors --example people_audit [-- [--kb DIR] ISO3...]
//! ```
//! `--kb DIR` audits a KB folder (for example an older revision's `kb/`) instead of the
//! embedded one.
//! The country list is ours (below); states whose president heads the government have no
//! separate head-of-government office to check. Exit status is 0 either way: this is a
//! to-do list, not a test.

use sitrep_actors::kb::{Kb, PartialDate, RoleKind};

/// G20 states (the EU's offices are IGO heads, checked elsewhere).
const G20: &[&str] = &[
    "ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "KOR", "MEX",
    "RUS", "SAU", "ZAF", "TUR", "GBR", "USA",
];

/// States in or party to an armed conflict since 2000 (interstate wars, civil wars and
/// insurgencies with sustained fighting, and the main members of the coalitions in
/// Afghanistan, Iraq, Libya and against the Islamic State).
const CONFLICT: &[&str] = &[
    "AFG", "IRQ", "SYR", "YEM", "LBY", "SOM", "SDN", "SSD", "COD", "CAF", "MLI", "NGA", "ETH",
    "ERI", "UKR", "GEO", "ARM", "AZE", "ISR", "PSE", "LBN", "PAK", "MMR", "THA", "PHL", "COL",
    "NER", "BFA", "TCD", "CMR", "MOZ", "CIV", "LBR", "SLE", "BDI", "UGA", "RWA", "KEN", "DZA",
    "EGY", "IRN", "LKA", "NPL", "SRB", "MKD", "KSV", "TJK", "KGZ", "PRK", "VEN", "POL", "ESP",
    "NLD", "DNK", "NOR", "BEL", "JOR", "ARE", "QAT", "BHR", "KWT", "TUN",
];

/// States whose head of state also heads the government (no separate office to check).
const PRESIDENTIAL: &[&str] = &[
    "USA", "MEX", "BRA", "ARG", "IDN", "COL", "VEN", "NGA", "KEN", "AFG", "PHL", "CYP", "GHA",
    "LBR", "SLE", "ZAF", "SAU", "IRN", "SSD", "CIV", "BDI", "UGA", "MOZ", "TCD", "ARE", "QAT",
    "BHR", "KWT",
];

/// Offices that do not exist for part of the period: (country, office, from, to), `YYYY-MM`.
/// The British monarch reigns in Australia and Canada (coded GBR); Turkey abolished its prime
/// minister in 2018-07 and Syria's 2025 constitutional declaration has none; Eritrea's and
/// Sudan's presidents (until 2017) head the government; South Sudan did not exist before
/// 2011-07; the presidents of Algeria and Sri Lanka and the prime minister of Jordan hold the
/// defence ministry, and Palestine has none; Iraq had no state under the occupation authority (2003-04 to 2004-05);
/// the DR Congo had no prime minister from 2000 to 2006-11, nor Myanmar from 2011-04 to 2016-03.
const NO_OFFICE: &[(&str, RoleKind, &str, &str)] = &[
    ("AUS", RoleKind::HeadOfState, "2000-01", "9999-12"),
    ("CAN", RoleKind::HeadOfState, "2000-01", "9999-12"),
    ("TUR", RoleKind::HeadOfGovernment, "2018-07", "9999-12"),
    ("SYR", RoleKind::HeadOfGovernment, "2025-03", "9999-12"),
    ("ERI", RoleKind::HeadOfGovernment, "2000-01", "9999-12"),
    ("SDN", RoleKind::HeadOfGovernment, "2000-01", "2017-02"),
    ("SSD", RoleKind::HeadOfState, "2000-01", "2011-06"),
    ("SSD", RoleKind::ForeignMinister, "2000-01", "2011-06"),
    ("SSD", RoleKind::DefenceMinister, "2000-01", "2011-06"),
    ("DZA", RoleKind::DefenceMinister, "2000-01", "9999-12"),
    ("LKA", RoleKind::DefenceMinister, "2000-01", "9999-12"),
    ("JOR", RoleKind::DefenceMinister, "2000-01", "9999-12"),
    ("PSE", RoleKind::DefenceMinister, "2000-01", "9999-12"),
    ("IRQ", RoleKind::HeadOfState, "2003-05", "2004-05"),
    ("IRQ", RoleKind::HeadOfGovernment, "2003-05", "2004-05"),
    ("COD", RoleKind::HeadOfGovernment, "2000-01", "2006-11"),
    ("MMR", RoleKind::HeadOfGovernment, "2011-04", "2016-03"),
];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut only: Vec<String> = std::env::args().skip(1).collect();
    let owned;
    let kb = match only.iter().position(|a| a == "--kb") {
        Some(i) if i + 1 < only.len() => {
            let dir = only.remove(i + 1);
            only.remove(i);
            owned = Kb::from_dir(std::path::Path::new(&dir)).map_err(|e| e.to_string())?;
            &owned
        }
        _ => Kb::builtin().map_err(|e| e.to_string())?,
    };
    let mut countries: Vec<&str> = G20.iter().chain(CONFLICT).copied().collect();
    countries.dedup();
    if !only.is_empty() {
        countries.retain(|c| only.iter().any(|o| o == c));
    }
    let offices = [
        RoleKind::HeadOfState,
        RoleKind::HeadOfGovernment,
        RoleKind::ForeignMinister,
        RoleKind::DefenceMinister,
    ];
    let (mut missing, mut checked) = (0usize, 0usize);
    for cc in countries {
        for office in offices {
            if office == RoleKind::HeadOfGovernment && PRESIDENTIAL.contains(&cc) {
                continue;
            }
            let mut gaps: Vec<(String, String)> = Vec::new();
            for year in 2000..=2025 {
                for month in 1..=12u8 {
                    if year == 2025 && month > 10 {
                        break;
                    }
                    let ym = format!("{year}-{month:02}");
                    let absent = NO_OFFICE.iter().any(|(c, o, from, to)| {
                        *c == cc && *o == office && *from <= ym.as_str() && ym.as_str() <= *to
                    });
                    if absent {
                        continue;
                    }
                    checked += 1;
                    let d = PartialDate::ymd(year, month, 15);
                    let held = kb.people().iter().any(|p| {
                        p.roles
                            .iter()
                            .any(|r| r.role == office && r.country == cc && r.active_at(d))
                    });
                    if held {
                        continue;
                    }
                    missing += 1;
                    match gaps.last_mut() {
                        Some((_, end)) if next_month(end) == ym => *end = ym,
                        _ => gaps.push((ym.clone(), ym)),
                    }
                }
            }
            if !gaps.is_empty() {
                let ranges: Vec<String> = gaps
                    .iter()
                    .map(|(a, b)| {
                        if a == b {
                            a.clone()
                        } else {
                            format!("{a}..{b}")
                        }
                    })
                    .collect();
                println!("{cc} {:<18} {}", office.as_str(), ranges.join(", "));
            }
        }
    }
    println!("months without a holder: {missing} of {checked}");
    Ok(())
}

fn next_month(ym: &str) -> String {
    let y: i32 = ym.get(..4).and_then(|s| s.parse().ok()).unwrap_or(0);
    let m: u8 = ym.get(5..).and_then(|s| s.parse().ok()).unwrap_or(0);
    if m >= 12 {
        format!("{}-01", y + 1)
    } else {
        format!("{y}-{:02}", m + 1)
    }
}
