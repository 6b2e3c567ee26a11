//! Tests of the loader: format errors, layers, dates, lookups. Shared helpers for
//! `tests_builtin`.

use super::*;
use std::path::PathBuf;

pub(super) fn kb() -> &'static Kb {
    match Kb::builtin() {
        Ok(kb) => kb,
        Err(e) => panic!("embedded KB failed to load:\n{e}"),
    }
}

pub(super) fn kb_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("kb")
}

fn errors_of(r: Result<Kb>) -> Vec<Problem> {
    match r {
        Err(Error::Invalid { problems }) => problems,
        Err(e) => panic!("expected validation errors, got {e}"),
        Ok(_) => panic!("expected validation errors, the KB loaded"),
    }
}

pub(super) fn country_codes(kb: &Kb, phrase: &str) -> Vec<String> {
    let mut v: Vec<String> = kb
        .lookup(phrase)
        .iter()
        .filter_map(|e| kb.country_of(*e))
        .map(str::to_string)
        .collect();
    v.sort();
    v.dedup();
    v
}

const MINI_COUNTRIES: &str =
    "# test\nRUS\tRussia\tRussian | Russians\tMoscow\nUKR\tUkraine\tUkrainian\tKyiv | Kiev\n";

#[test]
fn format_errors_name_file_and_line() {
    let bad = "RUS\tRussia\tRussian\tMoscow\nXX1\tNowhere\t-\t-\nFRA\tFrance\tFrench\n";
    let problems = errors_of(
        KbBuilder::new()
            .text(Kind::Countries, "countries.txt", bad)
            .build(),
    );
    assert_eq!(problems.len(), 2, "{problems:#?}");
    assert_eq!(
        (problems[0].file.as_str(), problems[0].line),
        ("countries.txt", 2)
    );
    assert!(problems[0].message.contains("bad country code"));
    assert_eq!(problems[1].line, 3);
    assert!(
        problems[1].message.contains("found 3 field(s)"),
        "{}",
        problems[1]
    );
    let shown = Error::Invalid { problems }.to_string();
    assert!(shown.contains("countries.txt:3:"), "{shown}");
}

#[test]
fn people_errors_are_reported() {
    let people = "\tRUS\tGOV\tofficial\t2000\t-\n\
        Vladimir Putin | Putin ; gender=m\n\
        \tRUS\tGOV\thead_of_state\t2008-05-07\t2000-05-07\n\
        \tRUS\tGOV\temperor\t2000\t-\n\
        \tRUS\tXYZ\tofficial\t2000\t-\n\
        \tRUS\tGOV\tofficial\t2000-02-30\t-\n\
        \tFRA\tGOV\tofficial\t2000\t-\n\
        \tRUS\tGOV\tofficial\t2000\n  \tRUS\tGOV\tofficial\t2000\t-\n\
        Someone ; gender=x\n";
    let problems = errors_of(
        KbBuilder::new()
            .text(Kind::Countries, "countries.txt", MINI_COUNTRIES)
            .text(Kind::People, "people/t.txt", people)
            .build(),
    );
    let lines: Vec<(usize, &str)> = problems
        .iter()
        .map(|p| (p.line, p.message.as_str()))
        .collect();
    let has =
        |line: usize, needle: &str| lines.iter().any(|(l, m)| *l == line && m.contains(needle));
    assert!(has(1, "role line before any person"), "{lines:#?}");
    assert!(
        has(3, "END 2000-05-07 is before START 2008-05-07"),
        "{lines:#?}"
    );
    assert!(has(4, "unknown role"), "{lines:#?}");
    assert!(has(5, "unknown sector"), "{lines:#?}");
    assert!(has(6, "bad START date"), "{lines:#?}");
    assert!(has(8, "found 4 field(s)"), "{lines:#?}");
    assert!(has(9, "indented with spaces"), "{lines:#?}");
    assert!(has(10, "unknown option"), "{lines:#?}");
    // FRA is not in this KB's countries: reported against the person line.
    assert!(has(2, "role country FRA"), "{lines:#?}");
}

#[test]
fn duplicate_phrase_across_countries_is_a_warning() {
    let countries = "COD\tDR Congo | Congo\tCongolese\tKinshasa\nCOG\tRepublic of the Congo | Congo\tCongolese\tBrazzaville\n";
    let kb = KbBuilder::new()
        .text(Kind::Countries, "countries.txt", countries)
        .build()
        .expect("loads");
    let msgs: Vec<String> = kb.warnings().iter().map(|w| w.to_string()).collect();
    assert_eq!(msgs.len(), 2, "{msgs:#?}");
    assert!(
        msgs.iter().any(|m| m
            .contains("\"congo\" names 2 countries: COD (countries.txt:1), COG (countries.txt:2)")),
        "{msgs:#?}"
    );
    // The same code twice in one layer is an error, not a warning.
    let dup = "RUS\tRussia\tRussian\tMoscow\nRUS\tRussian Federation\t-\t-\n";
    let problems = errors_of(
        KbBuilder::new()
            .text(Kind::Countries, "countries.txt", dup)
            .build(),
    );
    assert!(problems[0]
        .message
        .contains("duplicate country code RUS (first at countries.txt:1)"));
}

#[test]
fn a_later_layer_overrides_and_extends() {
    let kb = KbBuilder::new()
        .builtin()
        .text(
            Kind::Countries,
            "local/countries.txt",
            "PRK\tHermit Kingdom\tNorth Korean\tPyongyang\n",
        )
        .text(
            Kind::Sectors,
            "local/sectors.txt",
            "cameo\tMIL\tbluecoats\n",
        )
        .build()
        .expect("overlay loads");
    assert_eq!(kb.countries().len(), 250);
    assert_eq!(
        kb.country("PRK").map(|c| c.names[0].as_str()),
        Some("Hermit Kingdom")
    );
    assert!(kb.lookup("DPRK").is_empty(), "replaced names are gone");
    assert_eq!(
        kb.lookup_sector("bluecoats", Namespace::Cameo)[0].code,
        "MIL"
    );
    assert_eq!(kb.lookup_sector("troops", Namespace::Cameo)[0].code, "MIL");
}

fn putin() -> Person {
    let text = "Vladimir Putin | Putin ; gender=m\n\
        \tRUS\tGOV\thead_of_state\t2000-05-07\t2008-05-07\n\
        \tRUS\tGOV\thead_of_government\t2008-05-08\t2012-05-07\n\
        \tRUS\tGOV\thead_of_state\t2012-05-07\t-\n";
    let kb = KbBuilder::new()
        .text(Kind::Countries, "countries.txt", MINI_COUNTRIES)
        .text(Kind::People, "people/t.txt", text)
        .build()
        .expect("loads");
    assert!(matches!(kb.lookup("Putin"), [Entry::Person(0)]));
    kb.people()[0].clone()
}

#[test]
fn role_at_picks_the_role_held_on_the_date() {
    let p = putin();
    assert_eq!(p.gender, Some(Gender::Male));
    let role = |y, m, d| {
        p.role_at(PartialDate::ymd(y, m, d))
            .map(|r| (r.role, r.start.year))
    };
    assert_eq!(role(1999, 12, 31), None);
    assert_eq!(role(2004, 3, 1), Some((RoleKind::HeadOfState, 2000)));
    assert_eq!(role(2010, 1, 1), Some((RoleKind::HeadOfGovernment, 2008)));
    // Hand-over day: both roles match; the head-of-state role starting that day wins.
    assert_eq!(role(2012, 5, 7), Some((RoleKind::HeadOfState, 2012)));
    assert_eq!(role(2026, 11, 1), Some((RoleKind::HeadOfState, 2012)));
    // A year-only query covers the whole year: in 2008 he held both offices.
    let in_2008 = p.roles_at(PartialDate::parse("2008").unwrap());
    assert_eq!(in_2008.len(), 2);
    assert_eq!(in_2008[0].role, RoleKind::HeadOfState);
    assert_eq!(
        p.last_role_before(PartialDate::ymd(2011, 1, 1))
            .map(|r| r.role),
        Some(RoleKind::HeadOfState)
    );
}

#[test]
fn partial_dates_parse_and_bound() {
    let d = |s| PartialDate::parse(s);
    assert_eq!(
        d("2008"),
        Some(PartialDate {
            year: 2008,
            month: None,
            day: None
        })
    );
    assert_eq!(d("2008-02").map(|x| x.latest()), Some((2008, 2, 29)));
    assert_eq!(d("2009-02").map(|x| x.latest()), Some((2009, 2, 28)));
    assert_eq!(
        d("2008").map(|x| (x.earliest(), x.latest())),
        Some(((2008, 1, 1), (2008, 12, 31)))
    );
    for bad in [
        "",
        "08",
        "2008-13",
        "2008-02-30",
        "2008-1-1",
        "2008-01-01-01",
        "20O8",
        "-",
    ] {
        assert_eq!(d(bad), None, "{bad:?}");
    }
    assert_eq!(d("2012-05-07").unwrap().to_string(), "2012-05-07");
    // A role ending in a year-only END lasts to the end of that year.
    let r = Role {
        country: "RUS".into(),
        sectors: vec![],
        role: RoleKind::Official,
        start: d("2001").unwrap(),
        end: d("2003").unwrap().into(),
    };
    assert!(r.active_at(PartialDate::ymd(2003, 12, 31)));
    assert!(!r.active_at(PartialDate::ymd(2004, 1, 1)));
    assert!(!r.active_at(d("2000-12").unwrap()));
}

#[test]
fn other_spellings_of_codes_are_rewritten() {
    let kb = kb();
    assert_eq!(kb.canonical_code("XKX").as_deref(), Some("KSV"));
    assert_eq!(kb.canonical_code("KOS").as_deref(), Some("KSV"));
    assert_eq!(
        kb.canonical_code("IGOUNOREFHCR").as_deref(),
        Some("IGOUNOHCR")
    );
    assert_eq!(kb.canonical_code("IGOWSTNAT").as_deref(), Some("IGONAT"));
    assert_eq!(kb.canonical_code("IGOEUREEC").as_deref(), Some("IGOEEC"));
    assert_eq!(kb.canonical_code("IMG").as_deref(), Some("IMG"));
    assert_eq!(kb.canonical_code("RUS").as_deref(), Some("RUS"));
    assert_eq!(kb.canonical_code("QQQ"), None);
    assert_eq!(kb.canonical_code("IGOQQQ"), None);

    let people = "Someone ; gender=f\n\tXKX\tGOV\tofficial\t2020\t-\n\
        Another\n\tIGOUNOREFHCR\tIGO\tigo_head\t2020\t-\n";
    let kb = KbBuilder::new()
        .builtin()
        .text(Kind::People, "people/t.txt", people)
        .build()
        .expect("aliases resolve");
    let find = |name: &str| kb.people().iter().find(|p| p.names[0] == name).expect(name);
    assert_eq!(find("Someone").roles[0].country, "KSV");
    assert_eq!(find("Another").roles[0].country, "IGOUNOHCR");
}

#[test]
fn actor_of_gives_code_and_sectors() {
    let kb = kb();
    let day = PartialDate::ymd(2024, 6, 1);
    let first = |phrase: &str| kb.actor_of(kb.lookup(phrase)[0], day);
    assert_eq!(
        first("Pyongyang"),
        Some(ActorCode {
            code: "PRK",
            sectors: vec!["GOV"]
        })
    );
    assert_eq!(
        first("North Korean"),
        Some(ActorCode {
            code: "PRK",
            sectors: vec![]
        })
    );
    assert_eq!(
        first("GRU"),
        Some(ActorCode {
            code: "RUS",
            sectors: vec!["MIL", "SPY"]
        })
    );
    assert_eq!(
        first("NATO"),
        Some(ActorCode {
            code: "IGONAT",
            sectors: vec![]
        })
    );
    assert_eq!(first("spokeswoman"), None);

    let text = "Some Minister ; gender=f\n\tRUS\tGOV,MIL\tdefence_minister\t2010\t2012-05\n";
    let kb = KbBuilder::new()
        .text(Kind::Countries, "countries.txt", MINI_COUNTRIES)
        .text(Kind::People, "people/t.txt", text)
        .build()
        .expect("loads");
    let e = kb.lookup("Some Minister")[0];
    let at = |y, m, d| kb.actor_of(e, PartialDate::ymd(y, m, d));
    assert_eq!(
        at(2011, 1, 1),
        Some(ActorCode {
            code: "RUS",
            sectors: vec!["GOV", "MIL"]
        })
    );
    assert_eq!(
        at(2012, 5, 31),
        Some(ActorCode {
            code: "RUS",
            sectors: vec!["GOV", "MIL"]
        })
    );
    assert_eq!(
        at(2013, 1, 1),
        Some(ActorCode {
            code: "RUS",
            sectors: vec!["ELI"]
        })
    );
    assert_eq!(
        at(2009, 1, 1),
        None,
        "not yet in office and no earlier role"
    );
}

#[test]
fn garbage_input_never_panics() {
    // Deterministic pseudo-random lines over the characters the format cares about.
    const ALPHABET: &[&str] = &[
        "\t",
        " | ",
        "|",
        "#",
        ";",
        "-",
        ",",
        " ",
        "\n",
        "\r\n",
        "gender=m",
        "gender=x",
        "RUS",
        "IGONAT",
        "IGOUNOREFHCR",
        "XKX",
        "GOV",
        "GOVMIL",
        "MIL,SPY",
        "head_of_state",
        "igo_head",
        "2008",
        "2008-02",
        "2008-02-30",
        "2012-05-07",
        "é",
        "’",
        "the ",
        "a",
        "Z",
        "\u{0}",
        "cameo",
        "plover",
        "inherit",
        "*",
        "MEDX",
        "ÅÆ",
    ];
    let mut state: u64 = 0x5eed;
    let mut next = |n: usize| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((state >> 33) as usize) % n
    };
    let kinds = [
        Kind::Countries,
        Kind::Seats,
        Kind::Igos,
        Kind::Sectors,
        Kind::People,
    ];
    let mut loaded = 0;
    for round in 0..600 {
        let mut text = String::new();
        for _ in 0..next(40) {
            text.push_str(ALPHABET[next(ALPHABET.len())]);
        }
        let kind = kinds[round % kinds.len()];
        let r = KbBuilder::new()
            .text(Kind::Countries, "countries.txt", MINI_COUNTRIES)
            .text(kind, "fuzz.txt", &text)
            .build();
        if let Ok(kb) = r {
            loaded += 1;
            for p in kb.people() {
                let _ = p.role_at(PartialDate::ymd(2008, 2, 29));
            }
            let _ = kb.lookup_cased(&text);
        }
    }
    // Some inputs are comment-only or blank and load; most are errors. Either way, no panic.
    assert!(loaded > 0);
}
