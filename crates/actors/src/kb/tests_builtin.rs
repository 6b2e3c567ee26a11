//! Tests of the embedded data: it loads cleanly and answers the spot checks.

use super::tests::{country_codes, kb, kb_dir};
use super::*;

/// Phrases that really name two countries; each must be resolved from context, so the
/// loader's warning about them is expected (see the comment at the top of countries.txt).
const KNOWN_AMBIGUOUS: [&str; 3] = ["\"congolese\"", "\"dominican\"", "\"dominicans\""];

#[test]
fn builtin_loads_with_zero_errors_and_only_known_warnings() {
    let kb = kb();
    for w in kb.warnings() {
        println!("warning: {w}");
    }
    let unexpected: Vec<&Problem> = kb
        .warnings()
        .iter()
        .filter(|w| {
            let is_people = w.file.starts_with("people/");
            !is_people && !KNOWN_AMBIGUOUS.iter().any(|k| w.message.contains(k))
        })
        .collect();
    assert!(
        unexpected.is_empty(),
        "unexpected warnings: {unexpected:#?}"
    );
    assert_eq!(
        kb.countries().len(),
        250,
        "every ISO 3166 country and territory, with Kosovo"
    );
    assert!(kb.igos().len() >= 80, "{} IGOs", kb.igos().len());
    assert!(kb.seats().len() >= 50);
    for ns in [Namespace::Cameo, Namespace::Plover] {
        let n = kb.sectors().iter().filter(|s| s.namespace == ns).count();
        assert!(n >= 20, "{} {ns:?} sectors", n);
    }
    // Every country has a name; every independent one has an adjective.
    for c in kb.countries() {
        assert!(!c.names.is_empty(), "{}", c.code);
        if c.parent.is_none() && c.code != "ATA" {
            assert!(!c.adjectives.is_empty(), "{} has no adjective", c.code);
        }
    }
}

#[test]
fn builtin_embeds_every_people_file() {
    let mut on_disk: Vec<String> = std::fs::read_dir(kb_dir().join("people"))
        .expect("kb/people exists")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    on_disk.sort();
    let embedded: Vec<String> = PEOPLE
        .iter()
        .map(|(n, _)| n.trim_start_matches("people/").to_string())
        .collect();
    assert_eq!(
        on_disk, embedded,
        "a people file on disk is not embedded (or the reverse): edit PEOPLE in kb/mod.rs"
    );
}

#[test]
fn from_dir_reads_the_same_data_as_builtin() {
    let a = kb();
    let b = Kb::from_dir(&kb_dir()).expect("kb/ loads");
    assert_eq!(a.countries(), b.countries());
    assert_eq!(a.igos(), b.igos());
    assert_eq!(a.seats(), b.seats());
    assert_eq!(a.sectors(), b.sectors());
    // People files are edited while other work compiles: compare them only when the files
    // on disk are the ones embedded in this build.
    let same_people = PEOPLE.iter().all(|(name, text)| {
        std::fs::read_to_string(kb_dir().join(name)).is_ok_and(|disk| disk == *text)
    });
    if same_people {
        assert_eq!(a.people().len(), b.people().len());
        assert!(
            a.people() == b.people(),
            "people differ between builtin and from_dir"
        );
        assert_eq!(a.phrase_count(), b.phrase_count());
    } else {
        println!("people/*.txt changed since this build; people not compared");
    }
    assert!(Kb::from_dir(&kb_dir().join("no-such-dir")).is_err());
}

#[test]
fn builtin_spot_checks_countries_and_seats() {
    let kb = kb();
    assert_eq!(country_codes(kb, "North Korean"), ["PRK"]);
    assert_eq!(country_codes(kb, "north koreans"), ["PRK"]);
    assert_eq!(country_codes(kb, "DPRK"), ["PRK"]);
    assert_eq!(country_codes(kb, "Pyongyang"), ["PRK"]);
    assert!(kb.lookup("Pyongyang").contains(&Entry::Country {
        index: kb.countries().iter().position(|c| c.code == "PRK").unwrap(),
        form: CountryForm::Capital
    }));
    assert_eq!(country_codes(kb, "Côte d’Ivoire"), ["CIV"]);
    assert_eq!(country_codes(kb, "Kosovar"), ["KSV"]);
    assert_eq!(country_codes(kb, "Britons"), ["GBR"]);
    assert_eq!(country_codes(kb, "Congolese"), ["COD", "COG"]);
    assert_eq!(
        kb.country("PRI").and_then(|c| c.parent.as_deref()),
        Some("USA")
    );

    for phrase in ["the Kremlin", "Kremlin", "The Kremlin"] {
        let seats: Vec<&Seat> = kb
            .lookup(phrase)
            .iter()
            .filter_map(|e| match e {
                Entry::Seat(i) => Some(&kb.seats()[*i]),
                _ => None,
            })
            .collect();
        assert_eq!(seats.len(), 1, "{phrase}");
        assert_eq!(
            (seats[0].code.as_str(), seats[0].sectors.as_slice()),
            ("RUS", &["GOV".to_string()][..])
        );
    }
    let pentagon = kb.lookup("the Pentagon");
    assert!(
        matches!(pentagon, [Entry::Seat(i)] if kb.seats()[*i].code == "USA"
        && kb.seats()[*i].sectors == ["MIL"])
    );
    assert_eq!(country_codes(kb, "White House"), ["USA"]);
    assert_eq!(country_codes(kb, "Downing Street"), ["GBR"]);
}

#[test]
fn builtin_spot_checks_igos() {
    let kb = kb();
    assert_eq!(country_codes(kb, "NATO"), ["IGONAT"]);
    assert_eq!(country_codes(kb, "IAEA"), ["IGOUNOIAE"]);
    assert_eq!(country_codes(kb, "African Union"), ["IGOAFU"]);
    assert_eq!(kb.igo("IGOUNOIAE").map(Igo::plover_country), Some("UNO"));
    assert_eq!(kb.igo("IGOEEC").map(Igo::plover_country), Some("EUR"));
    assert_eq!(kb.igo("IGOEECEUC").map(Igo::plover_country), Some("EUR"));
    assert_eq!(kb.igo("IGONAT").map(Igo::plover_country), Some("IGO"));
}

#[test]
fn lookup_cased_keeps_short_acronyms_apart_from_words() {
    let kb = kb();
    let codes = |s: &str| -> Vec<String> {
        kb.lookup_cased(s)
            .iter()
            .filter_map(|e| kb.country_of(*e))
            .map(str::to_string)
            .collect()
    };
    assert_eq!(codes("US"), ["USA"]);
    assert!(codes("us").is_empty());
    assert_eq!(codes("WHO"), ["IGOUNOWHO"]);
    assert!(codes("who").is_empty() && codes("Who").is_empty());
    assert_eq!(codes("Nato"), ["IGONAT"]);
    assert!(codes("nato").is_empty());
    // Proper names need a capital, so common words stay words.
    assert_eq!(codes("Russia"), ["RUS"]);
    assert_eq!(codes("RUSSIA"), ["RUS"]);
    assert!(codes("russia").is_empty());
    assert_eq!(codes("Turkey"), ["TUR"]);
    assert!(codes("turkey").is_empty());
    assert_eq!(codes("the Kremlin"), ["RUS"]);
    assert!(codes("car").is_empty() && codes("Car").is_empty());
    assert_eq!(codes("CAR"), ["CAF"]);
    // Lower-case KB words match in any case.
    let sector = |s: &str| {
        kb.lookup_cased(s)
            .iter()
            .any(|e| matches!(e, Entry::Sector(_)))
    };
    assert!(sector("troops") && sector("Troops") && sector("TROOPS"));
}

#[test]
fn sectors_keep_cameo_and_plover_apart() {
    let kb = kb();
    let codes = |w: &str, ns| -> Vec<&str> {
        kb.lookup_sector(w, ns)
            .iter()
            .map(|s| s.code.as_str())
            .collect()
    };
    assert_eq!(codes("journalists", Namespace::Cameo), ["MED"]);
    assert_eq!(codes("journalists", Namespace::Plover), ["JRN"]);
    assert_eq!(codes("doctors", Namespace::Cameo), ["HLH"]);
    assert_eq!(codes("doctors", Namespace::Plover), ["MED"]);
    assert_eq!(codes("troops", Namespace::Cameo), ["MIL"]);
    assert_eq!(codes("defence minister", Namespace::Cameo), ["GOVMIL"]);
    assert_eq!(codes("protesters", Namespace::Cameo), ["CVL"]);
    assert_eq!(codes("insurgents", Namespace::Cameo), ["INS"]);
    assert_eq!(codes("insurgents", Namespace::Plover), ["REB"]);
    assert_eq!(codes("police", Namespace::Plover), ["COP"]);
    let cameo_med = kb.sector(Namespace::Cameo, "MED").expect("cameo MED");
    let plover_med = kb.sector(Namespace::Plover, "MED").expect("plover MED");
    assert!(cameo_med.words.iter().any(|w| w == "journalist"));
    assert!(plover_med.words.iter().any(|w| w == "doctor"));
    assert!(!plover_med.words.iter().any(|w| w == "journalist"));
}

#[test]
fn spokespeople_inherit_their_sector() {
    // A spokeswoman is coded as whoever she speaks for, so the word carries no sector.
    let kb = kb();
    for w in ["spokeswoman", "spokesman", "spokespeople", "spokesperson"] {
        assert_eq!(kb.lookup(w), [Entry::Inherit], "{w}");
        assert!(kb.lookup_sector(w, Namespace::Cameo).is_empty());
        assert!(kb.lookup_sector(w, Namespace::Plover).is_empty());
    }
}

#[test]
fn max_phrase_tokens_bounds_every_key() {
    let kb = kb();
    let longest = kb.index.keys().map(|k| token_count(k)).max().unwrap_or(0);
    assert_eq!(kb.max_phrase_tokens(), longest);
    assert!(
        longest >= 8,
        "United Kingdom of Great Britain and Northern Ireland"
    );
}
