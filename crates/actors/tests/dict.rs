//! Dictionary loaders against the real PETRARCH-2 and TABARI files in ../shared (read in
//! place, never copied) and against small invented fixtures, one per finding kind.

use sitrep_actors::dict::{
    load_file, parse_bytes, Dictionary, EventCode, FindingKind, Format, Loaded, PatTok,
};
use std::path::{Path, PathBuf};

fn shared_or_skip(test: &str) -> Option<PathBuf> {
    crate::common::shared_dir(test).map(|d| d.join("data"))
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk(&p, out);
        } else {
            out.push(p);
        }
    }
}

fn load(data: &Path, rel: &str) -> Loaded {
    let path = data.join(rel);
    load_file(&path, None).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

#[test]
fn dict_every_shared_dictionary_loads_without_error() {
    let Some(data) = shared_or_skip("dict_every_shared_dictionary_loads_without_error") else {
        return;
    };
    let mut files = Vec::new();
    walk(&data.join("petrarch2"), &mut files);
    walk(&data.join("tabari"), &mut files);
    let mut loaded = Vec::new();
    for f in &files {
        match load_file(f, None) {
            Ok(l) => loaded.push(l),
            Err(sitrep_actors::dict::Error::UnknownFormat { .. }) => {}
            Err(e) => panic!("{e}"),
        }
    }
    // Every dictionary-like file must be detected, so a detection regression cannot pass
    // by silently skipping a file.
    let detected: Vec<String> = loaded
        .iter()
        .map(|l| {
            let name = Path::new(&l.file).file_name().unwrap().to_string_lossy();
            format!("{name}={}", l.format)
        })
        .collect();
    for want in [
        "CAMEO.2.0.txt=petrarch-verbs",
        "CAMEO.verbpatterns.150430.txt=petrarch-verbs",
        "Phoenix.Countries.actors.txt=petrarch-actors",
        "Phoenix.International.actors.txt=petrarch-actors",
        "Phoenix.MilNonState.actors.txt=petrarch-actors",
        "Phoenix.agents.txt=petrarch-agents",
        "Phoenix.discards.txt=petrarch-discards",
        "Phoenix.IssueCoding.txt=petrarch-issues",
        "Phoenix.prepositions.txt=word-list",
        "PETR.Validate.actors.txt=petrarch-actors",
        "PETR.Validate.agents.txt=petrarch-agents",
        "PETR.Validate.discards.txt=petrarch-discards",
        "PETR.Validate.verbs.txt=petrarch-verbs",
        "CAMEO.091003.master.verbs=tabari-verbs",
        "CAMEO.09b5.options=tabari-options",
        "discards.txt=tabari-discards",
        "TABARI.Demo.actors=tabari-actors",
        "TABARI.Demo.verbs=tabari-verbs",
        "TABARI.Demo.options=tabari-options",
        "TABARI.Demo.project=tabari-project",
        "Validate.agents=tabari-agents",
        "Validate.options=tabari-options",
        "Validate.project=tabari-project",
    ] {
        assert!(
            detected.iter().any(|d| d == want),
            "{want} not loaded: {detected:?}"
        );
    }
    for l in &loaded {
        let real_dictionary = !l.file.ends_with("tabari/dictionaries/discards.txt");
        assert!(
            !real_dictionary || l.dict.entries() > 0,
            "{} loaded no entries",
            l.file
        );
    }
}

#[test]
fn dict_phoenix_and_cameo_counts_match_provenance() {
    let Some(data) = shared_or_skip("dict_phoenix_and_cameo_counts_match_provenance") else {
        return;
    };
    // Figures from petrarch2/PROVENANCE.md, counted there independently of this parser.
    let countries = load(&data, "petrarch2/dictionaries/Phoenix.Countries.actors.txt");
    let Dictionary::Actors(a) = &countries.dict else {
        panic!("actors")
    };
    assert_eq!(a.entries.len(), 18_390);
    let synonyms: usize = a.entries.iter().map(|e| e.synonyms.len()).sum();
    assert_eq!(synonyms, 7_527);
    let mil = load(
        &data,
        "petrarch2/dictionaries/Phoenix.MilNonState.actors.txt",
    );
    assert_eq!(mil.dict.entries(), 1_021);

    let cameo = load(&data, "petrarch2/dictionaries/CAMEO.2.0.txt");
    let Dictionary::Verbs(v) = &cameo.dict else {
        panic!("verbs")
    };
    assert_eq!(v.families.len(), 397);
    assert_eq!(v.synsets.len(), 40);
    assert_eq!(v.transformations.len(), 8);
    // 4,668 pattern lines: the ones that do not parse are findings, not entries.
    let unparsed = cameo
        .findings
        .iter()
        .filter(|f| {
            f.kind == FindingKind::MalformedPattern && !f.message.contains("verb positions")
        })
        .count();
    assert_eq!(
        v.families.iter().map(|f| f.patterns.len()).sum::<usize>() + unparsed,
        4_668
    );
    let weapon = v.synset("&WEAPON").expect("CAMEO.2.0 defines &WEAPON");
    assert!(weapon.members.len() > 50);

    let tabari = load(&data, "tabari/dictionaries/CAMEO.091003.master.verbs");
    let unparsed = tabari
        .findings
        .iter()
        .filter(|f| {
            f.kind == FindingKind::MalformedPattern && !f.message.contains("verb positions")
        })
        .count();
    assert_eq!(tabari.dict.entries() + unparsed, 15_582);
}

#[test]
fn dict_validation_dictionaries_keep_pattern_structure() {
    let Some(data) = shared_or_skip("dict_validation_dictionaries_keep_pattern_structure") else {
        return;
    };
    let l = load(&data, "petrarch2/validation/PETR.Validate.verbs.txt");
    let Dictionary::Verbs(v) = &l.dict else {
        panic!("verbs")
    };
    let accord = v
        .families
        .iter()
        .find(|f| f.name == "ACCORD")
        .expect("ACCORD family");
    assert_eq!(accord.code, Some(EventCode::Null));
    // `- INCHING &ACCORDSYN * [083]`
    let p = accord
        .patterns
        .iter()
        .find(|p| p.code == Some(EventCode::Code("083".into())))
        .expect("pattern coded 083");
    assert_eq!(p.elems[1].tok, PatTok::Synset("ACCORDSYN".into()));
    assert_eq!(p.elems[2].tok, PatTok::Verb);
    assert!(l
        .findings
        .iter()
        .all(|f| f.kind != FindingKind::UndefinedSynset));

    let l = load(&data, "tabari/validation/TABARI.Demo.actors");
    let Dictionary::Actors(a) = &l.dict else {
        panic!("actors")
    };
    let gollum = a
        .entries
        .iter()
        .find(|e| e.phrase == "GOLLUM")
        .expect("GOLLUM");
    assert_eq!(gollum.synonyms.len(), 3);
    assert_eq!(gollum.codes.len(), 3);
}

fn kinds(text: &str, format: Format) -> Vec<(usize, FindingKind)> {
    parse_bytes("fixture", text.as_bytes(), format)
        .findings
        .iter()
        .map(|f| (f.line, f.kind))
        .collect()
}

#[test]
fn dict_fixture_undefined_synset() {
    let verbs =
        "&FRUIT\n+APPLE\n+&CITRUS\n--- PICK [---] ---\nPICK\n- * &FRUIT [081]\n- * &BERRY [082]\n";
    assert_eq!(
        kinds(verbs, Format::PetrarchVerbs),
        vec![
            (3, FindingKind::UndefinedSynset),
            (7, FindingKind::UndefinedSynset)
        ]
    );
    let tabari = "<SYNSETS>\n&NUTS\n+PECAN\n</SYNSETS>\nCRACK [---]\n- * &NUTS [081]\n- * &SEEDS_ONLY [082]\n";
    assert_eq!(
        kinds(tabari, Format::TabariVerbs),
        vec![(7, FindingKind::UndefinedSynset)]
    );
}

#[test]
fn dict_fixture_malformed_code() {
    let actors = "OCEANIA [OCN]\nEURASIA [eur]\nEASTASIA [EAS 19841301-19850101]\n";
    assert_eq!(
        kinds(actors, Format::PetrarchActors),
        vec![
            (2, FindingKind::MalformedCode),
            (3, FindingKind::MalformedCode),
        ]
    );
    let verbs = "--- GREET [040] ---\nGREET\n- * WARMLY [04X]\n- * COLDLY [---]\n";
    assert_eq!(
        kinds(verbs, Format::PetrarchVerbs),
        vec![(3, FindingKind::MalformedCode)]
    );
}

#[test]
fn dict_fixture_conflicting_date_ranges() {
    let actors = "MAYOR_QUIMBY\n\t[SPRGOV 19890101-19991231]\n\t[SPRJUD 19950101-20051231]\n\t[SPRBUS >20051231]\nBURNS [SPRBUS 20101231-20000101]\n";
    let found = kinds(actors, Format::PetrarchActors);
    assert_eq!(
        found,
        vec![
            (1, FindingKind::ConflictingDates),
            (5, FindingKind::ConflictingDates)
        ]
    );
    // A handover day written in both ranges is not a conflict.
    let handover = "SMITHERS\n\t[SPRBUS 19890101-19991231]\n\t[SPRGOV 19991231-20051231]\n";
    assert!(kinds(handover, Format::PetrarchActors).is_empty());
}

#[test]
fn dict_fixture_duplicates() {
    let actors = "OCEANIA [OCN]\n+AIRSTRIP_ONE\nAIRSTRIP ONE [OCN]\n";
    assert_eq!(
        kinds(actors, Format::PetrarchActors),
        vec![(3, FindingKind::Duplicate)]
    );
    let verbs = "&TOOL\n+HAMMER\n&TOOL\n+SAW\n--- FIX [---] ---\nFIX\n- * ROOF [081]\n- * ROOF [082]\n--- MEND [---] ---\nFIX\n";
    assert_eq!(
        kinds(verbs, Format::PetrarchVerbs),
        vec![
            (3, FindingKind::Duplicate),
            (8, FindingKind::Duplicate),
            (10, FindingKind::Duplicate)
        ]
    );
    let agents = "PLUMBER [~BUS]\nPLUMBER {PLUMBERS} [~LAB]\n";
    assert_eq!(
        kinds(agents, Format::TabariAgents),
        vec![(2, FindingKind::Duplicate)]
    );
}

#[test]
fn dict_hostile_input_never_panics() {
    let mut junk: Vec<u8> = Vec::new();
    let mut x: u32 = 12345;
    for _ in 0..20_000 {
        // A fixed LCG: reproducible bytes biased toward the dictionaries' syntax characters.
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        let pick = (x >> 16) as usize;
        let alphabet = b"[]{}()<>-+*$%^&~#;!_|:=/ \t\nAZ09\xC3\xFF";
        junk.push(alphabet[pick % alphabet.len()]);
    }
    let deep = format!(
        "--- X [---] ---\nX\n- * {}{} [010]\n",
        "(".repeat(10_000),
        ")".repeat(10_000)
    );
    for format in Format::ALL {
        let l = parse_bytes("junk", &junk, format);
        assert!(l.findings.iter().all(|f| f.line <= 20_000));
        let l = parse_bytes("deep", deep.as_bytes(), format);
        if format == Format::PetrarchVerbs {
            assert!(l
                .findings
                .iter()
                .any(|f| f.kind == FindingKind::MalformedPattern));
        }
    }
}
