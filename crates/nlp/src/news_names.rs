//! Noun and adjective readings of news words that EWT lacks, for the tagger's ambiguity
//! classes: a hand-written list of news nouns (`data/news_nouns.txt`) and the demonyms of the
//! project's country list (`crates/actors/kb/countries.txt`, third column: "Sudanese",
//! "Burundian", "Burundians").
//!
//! EWT has no "militiamen" or "Sudanese", so the tagger reads them from their spelling alone
//! and has been seen to tag them NUM and VERB. With `TrainOptions::news_verbs` set to
//! `NewsReadings::PastVerbsAndNames` (not the default; see `models/en_ewt/MODEL.md`, session
//! 12), the training code ([`crate::train`]) gives the words below that train leaves without an
//! ambiguity class the class of their reading. The classes are part of the model file.

/// The news noun list's text.
const NOUNS: &str = include_str!("../data/news_nouns.txt");

/// The country list of the actors crate (read, never edited, here): one country a line,
/// tab-separated, the third field its adjectives and demonyms separated by " | ".
const COUNTRIES: &str = include_str!("../../actors/kb/countries.txt");

/// The reading a form gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// Singular common noun (NOUN NN).
    Noun,
    /// Plural common noun (NOUN NNS).
    PluralNoun,
    /// Adjective (ADJ JJ): "Sudanese", "Burundian".
    Adjective,
    /// Plural proper noun (PROPN NNPS), as EWT tags "Americans": "Burundians".
    PluralProper,
}

/// Every form (lower case) with its reading: the news nouns, then the one-word demonyms. A
/// demonym is a plural proper noun when it ends in "s" and the form without it is also a
/// demonym of the list ("Burundians"); otherwise an adjective ("Sudanese", "Swiss").
/// Multi-word, hyphenated and apostrophe forms are left out (the tagger sees single tokens).
pub fn forms() -> Vec<(String, Reading)> {
    let mut out = Vec::new();
    for line in NOUNS.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        for entry in line.split_whitespace() {
            let (one, many) = match entry.split_once(':') {
                Some((a, b)) => (a.to_string(), b.to_string()),
                None => (entry.to_string(), format!("{entry}s")),
            };
            out.push((one, Reading::Noun));
            out.push((many, Reading::PluralNoun));
        }
    }
    let demonyms = demonyms();
    for d in &demonyms {
        let plural = d
            .strip_suffix('s')
            .is_some_and(|one| demonyms.iter().any(|x| x == one));
        out.push((
            d.clone(),
            if plural {
                Reading::PluralProper
            } else {
                Reading::Adjective
            },
        ));
    }
    out
}

/// The one-word adjectives and demonyms of the country list, lower case, each once.
fn demonyms() -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in COUNTRIES.lines() {
        if line.starts_with('#') {
            continue;
        }
        let Some(field) = line.split('\t').nth(2) else {
            continue;
        };
        for d in field.split('|').map(str::trim) {
            if d.is_empty() || !d.chars().all(char::is_alphabetic) {
                continue;
            }
            let d = d.to_lowercase();
            if !out.contains(&d) {
                out.push(d);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_parse_and_read_as_expected() {
        let all = forms();
        let get = |w: &str| all.iter().find(|e| e.0 == w).map(|e| e.1);
        assert_eq!(get("militiamen"), Some(Reading::PluralNoun));
        assert_eq!(get("militiaman"), Some(Reading::Noun));
        assert_eq!(get("jihadists"), Some(Reading::PluralNoun));
        assert_eq!(get("casualties"), Some(Reading::PluralNoun));
        assert_eq!(get("sudanese"), Some(Reading::Adjective));
        assert_eq!(get("burundian"), Some(Reading::Adjective));
        assert_eq!(get("burundians"), Some(Reading::PluralProper));
        assert_eq!(get("swiss"), Some(Reading::Adjective));
        // Multi-word demonyms are not single tokens.
        assert!(all.iter().all(|e| !e.0.contains(' ') && !e.0.contains('-')));
        assert!(all.len() > 400, "{} forms", all.len());
        // Every noun entry is lower-case letters, one colon at most.
        for line in NOUNS.lines().filter(|l| !l.trim_start().starts_with('#')) {
            for entry in line.split_whitespace() {
                let parts: Vec<&str> = entry.split(':').collect();
                assert!(parts.len() <= 2, "{entry}");
                assert!(
                    parts
                        .iter()
                        .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_lowercase())),
                    "{entry}"
                );
            }
        }
    }
}
