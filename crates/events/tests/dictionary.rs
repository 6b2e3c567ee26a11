//! The embedded event dictionary: loads, references real codes, covers every CAMEO root.

use std::collections::{BTreeMap, HashSet};

use sitrep_events::{Dictionary, Ontology};

#[test]
fn dictionary_loads_with_unique_ids_and_known_codes() {
    let d = Dictionary::embedded().expect("dictionary parses");
    let ont = Ontology::embedded();
    let mut ids = HashSet::new();
    for r in d.rules() {
        assert!(ids.insert(r.id.as_str()), "duplicate id {}", r.id);
        for c in [Some(r.code), r.intent, r.threat, r.neg]
            .into_iter()
            .flatten()
        {
            assert!(ont.get(c).is_some(), "{}: unknown code {c}", r.origin);
        }
        assert!(
            !r.lemmas.is_empty() && !r.src.is_empty() && !r.tgt.is_empty(),
            "{}",
            r.origin
        );
        if let Some(i) = r.intent {
            assert_eq!(
                i.root().as_str(),
                "03",
                "{}: intent codes are CAMEO 03",
                r.origin
            );
        }
        if let Some(n) = r.neg {
            assert_eq!(
                n.root().as_str(),
                "12",
                "{}: refusal codes are CAMEO 12",
                r.origin
            );
        }
        if let Some(t) = r.threat {
            assert_eq!(
                t.root().as_str(),
                "13",
                "{}: threat codes are CAMEO 13",
                r.origin
            );
        }
    }
}

#[test]
fn dictionary_covers_all_twenty_roots() {
    let d = Dictionary::embedded().unwrap();
    let mut per_root: BTreeMap<String, usize> = BTreeMap::new();
    let mut codes = HashSet::new();
    for r in d.rules() {
        *per_root
            .entry(r.code.root().as_str().to_string())
            .or_default() += 1;
        codes.insert(r.code);
        codes.extend(r.intent);
        codes.extend(r.threat);
    }
    eprintln!(
        "rules per root: {per_root:?}; {} rules, {} codes",
        d.rules().len(),
        codes.len()
    );
    let roots: Vec<String> = (1..=20).map(|r| format!("{r:02}")).collect();
    for root in &roots {
        assert!(per_root.contains_key(root), "no rule for root {root}");
    }
}

/// A class definition may list an earlier class: the loader expands it, so no rule of the
/// shipped dictionary matches a literal "@name" (a nested class once silently matched nothing
/// and left "crackdown on civilians" uncoded).
#[test]
fn dictionary_nested_classes_are_expanded() {
    let d = Dictionary::embedded().expect("dictionary loads");
    for r in d.rules() {
        for c in &r.constraints {
            assert!(
                !c.lemmas.iter().any(|l| l.starts_with('@')),
                "{}: literal class word in {:?}",
                r.origin,
                c.lemmas
            );
        }
    }
}
