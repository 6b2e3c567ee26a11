//! A hand-written lexicon of news verbs for the tagger's ambiguity classes
//! (`data/news_verbs.txt`, a few hundred verbs of conflict and political news).
//!
//! EWT, the training treebank, is web text with little war news: "wounded" occurs three times,
//! all adjectives, and "shot" is mostly a noun, so the ambiguity class learned from it (the tags
//! a word takes at least 5% of the time) tells the tagger these words are never verbs, and
//! "Militiamen attacked the village and wounded two soldiers" loses its second verb. With
//! `TrainOptions::news_verbs` (off by default: tried in session 11, not shipped, see
//! `models/en_ewt/MODEL.md`), the training code ([`crate::train`]) adds the verb readings listed
//! here (past VBD, participle VBN, -ing form VBG) to the classes of these forms. The classes are
//! part of the model file, so the tagger reads the same classes at tagging time as it was
//! trained with.

/// The lexicon's text.
const TEXT: &str = include_str!("../data/news_verbs.txt");

/// Which verb readings a form has.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Readings {
    /// Simple past (VBD).
    pub past: bool,
    /// Past participle (VBN).
    pub participle: bool,
    /// Present participle or gerund (VBG).
    pub ing: bool,
}

/// The regular past and -ing forms of a base form: "attack" -> ("attacked", "attacking"),
/// "seize" -> ("seized", "seizing"), "free" -> ("freed", "freeing"), "rally" -> ("rallied",
/// "rallying"). Doubled final consonants ("ban" -> "banned") are written out in the lexicon.
fn regular(base: &str) -> (String, String) {
    let b = base.as_bytes();
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    if let Some(stem) = base.strip_suffix('e') {
        let ing = if stem.ends_with(['e', 'o', 'y']) {
            format!("{base}ing")
        } else {
            format!("{stem}ing")
        };
        (format!("{base}d"), ing)
    } else if b.len() >= 2 && b[b.len() - 1] == b'y' && !vowel(b[b.len() - 2]) {
        (
            format!("{}ied", &base[..base.len() - 1]),
            format!("{base}ing"),
        )
    } else {
        (format!("{base}ed"), format!("{base}ing"))
    }
}

/// Every inflected form in the lexicon (lower case) with its verb readings, in file order; a
/// form listed twice has its readings merged.
pub fn forms() -> Vec<(String, Readings)> {
    let mut out: Vec<(String, Readings)> = Vec::new();
    let mut add = |form: String, r: Readings| {
        if let Some(e) = out.iter_mut().find(|e| e.0 == form) {
            e.1.past |= r.past;
            e.1.participle |= r.participle;
            e.1.ing |= r.ing;
        } else {
            out.push((form, r));
        }
    };
    let past = Readings {
        past: true,
        ..Readings::default()
    };
    let participle = Readings {
        participle: true,
        ..Readings::default()
    };
    let ing = Readings {
        ing: true,
        ..Readings::default()
    };
    for line in TEXT.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        for entry in line.split_whitespace() {
            let parts: Vec<&str> = entry.split(':').collect();
            match parts[..] {
                [base] => {
                    let (ed, g) = regular(base);
                    add(ed.clone(), past);
                    add(ed, participle);
                    add(g, ing);
                }
                [_, p, pp, g] => {
                    add(p.to_string(), past);
                    add(pp.to_string(), participle);
                    add(g.to_string(), ing);
                }
                _ => {}
            }
        }
    }
    out
}

/// The base form of every verb in the lexicon (lower case), in file order.
pub fn bases() -> impl Iterator<Item = String> {
    TEXT.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .flat_map(str::split_whitespace)
        .filter_map(|entry| entry.split(':').next())
        .map(str::to_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_spelling() {
        let f = |b| regular(b);
        assert_eq!(f("attack"), ("attacked".into(), "attacking".into()));
        assert_eq!(f("seize"), ("seized".into(), "seizing".into()));
        assert_eq!(f("free"), ("freed".into(), "freeing".into()));
        assert_eq!(f("rally"), ("rallied".into(), "rallying".into()));
        assert_eq!(f("ratify"), ("ratified".into(), "ratifying".into()));
        assert_eq!(f("veto"), ("vetoed".into(), "vetoing".into()));
        assert_eq!(f("destroy"), ("destroyed".into(), "destroying".into()));
    }

    #[test]
    fn lexicon_parses_and_has_the_news_verbs() {
        let all = forms();
        assert!(all.len() > 500, "{} forms", all.len());
        let get = |w: &str| all.iter().find(|e| e.0 == w).map(|e| e.1);
        let both = Readings {
            past: true,
            participle: true,
            ing: false,
        };
        for w in [
            "wounded",
            "shelled",
            "shot",
            "struck",
            "kidnapped",
            "banned",
            "met",
            "led",
        ] {
            assert_eq!(get(w), Some(both), "{w}");
        }
        assert_eq!(
            get("beaten"),
            Some(Readings {
                participle: true,
                ..Readings::default()
            })
        );
        assert_eq!(get("beat").map(|r| r.past), Some(true));
        assert!(get("shelling").is_some_and(|r| r.ing));
        // Every entry is one lower-case word with letters only, and no base is listed twice
        // (a doubled consonant written out must not also be listed as a plain regular word).
        let mut bases = std::collections::HashSet::new();
        for line in TEXT.lines().filter(|l| !l.trim_start().starts_with('#')) {
            for entry in line.split_whitespace() {
                let parts: Vec<&str> = entry.split(':').collect();
                assert!(parts.len() == 1 || parts.len() == 4, "{entry}");
                assert!(
                    parts
                        .iter()
                        .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_lowercase())),
                    "{entry}"
                );
                assert!(bases.insert(parts[0]), "{} listed twice", parts[0]);
            }
        }
        // Adjective-only participles are kept out on purpose.
        assert_eq!(get("armed"), None);
        // The base forms (the lemmatizer's known verbs) of plain and written-out entries alike.
        let base_forms: Vec<String> = super::bases().collect();
        assert!(base_forms.iter().any(|b| b == "wage"));
        assert!(base_forms.iter().any(|b| b == "shoot"));
        assert!(!base_forms.iter().any(|b| b == "shot" || b.contains(':')));
    }
}
