//! Lemmatizer and morphological features: an exception table learned from training words, and
//! suffix-rewrite rules (keyed by XPOS and the word's last characters) for unseen words.
//! FEATS come from (word, XPOS) when the word was seen, else from the most frequent FEATS of
//! its (UPOS, XPOS): cheap, and right for most English morphology (number, tense, form).

use std::collections::HashMap;

/// Longest suffix a rule is keyed on.
const MAX_SUFFIX: usize = 5;

/// The learned tables.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lemmatizer {
    /// (form, xpos) -> lemma, for words seen in training.
    pub exceptions: HashMap<(String, String), String>,
    /// (xpos, lower-cased suffix) -> (characters to strip, text to append).
    pub rules: HashMap<(String, String), (u8, String)>,
    /// (lower-cased form, xpos) -> feats.
    pub word_feats: HashMap<(String, String), String>,
    /// (upos, xpos) -> feats.
    pub tag_feats: HashMap<(String, String), String>,
}

fn most_frequent<K: std::hash::Hash + Eq, V: Ord + Clone>(
    counts: HashMap<K, HashMap<V, u32>>,
    min: u32,
) -> HashMap<K, V> {
    counts
        .into_iter()
        .filter_map(|(k, vs)| {
            // Ties go to the smaller value so training is deterministic.
            let best = vs.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))?;
            (*best.1 >= min).then(|| (k, best.0.clone()))
        })
        .collect()
}

fn edit(from: &str, to: &str) -> (u8, String) {
    let common = from
        .char_indices()
        .zip(to.chars())
        .take_while(|((_, a), b)| a == b)
        .last()
        .map_or(0, |((i, a), _)| i + a.len_utf8());
    let strip = from[common..].chars().count().min(u8::MAX as usize) as u8;
    (strip, to[common.min(to.len())..].to_string())
}

fn suffix(s: &str, k: usize) -> Option<&str> {
    let n = s.chars().count();
    if k > n {
        return None;
    }
    let at = s.char_indices().nth(n - k).map_or(s.len(), |c| c.0);
    Some(&s[at..])
}

impl Lemmatizer {
    /// Learns the tables from (form, lemma, upos, xpos, feats) of training words.
    pub fn learn<'a>(
        words: impl Iterator<Item = (&'a str, &'a str, &'a str, &'a str, &'a str)>,
    ) -> Lemmatizer {
        let mut exc: HashMap<(String, String), HashMap<String, u32>> = HashMap::new();
        let mut rules: HashMap<(String, String), HashMap<(u8, String), u32>> = HashMap::new();
        let mut wf: HashMap<(String, String), HashMap<String, u32>> = HashMap::new();
        let mut tf: HashMap<(String, String), HashMap<String, u32>> = HashMap::new();
        for (form, lemma, upos, xpos, feats) in words {
            if lemma == "_" || form.is_empty() {
                continue;
            }
            *exc.entry((form.to_string(), xpos.to_string()))
                .or_default()
                .entry(lemma.to_string())
                .or_default() += 1;
            let base = if upos == "PROPN" {
                form.to_string()
            } else {
                form.to_lowercase()
            };
            let rule = edit(&base, lemma);
            let lower = form.to_lowercase();
            for k in 0..=MAX_SUFFIX {
                if let Some(suf) = suffix(&lower, k) {
                    *rules
                        .entry((xpos.to_string(), suf.to_string()))
                        .or_default()
                        .entry(rule.clone())
                        .or_default() += 1;
                }
            }
            *wf.entry((lower, xpos.to_string()))
                .or_default()
                .entry(feats.to_string())
                .or_default() += 1;
            *tf.entry((upos.to_string(), xpos.to_string()))
                .or_default()
                .entry(feats.to_string())
                .or_default() += 1;
        }
        Lemmatizer {
            exceptions: most_frequent(exc, 1),
            // A rule seen once is as likely noise as a pattern.
            rules: most_frequent(rules, 2),
            word_feats: most_frequent(wf, 1),
            tag_feats: most_frequent(tf, 1),
        }
    }

    /// The lemma of `form` tagged (`upos`, `xpos`).
    pub fn lemma(&self, form: &str, upos: &str, xpos: &str) -> String {
        // Allocation-free lookups would need a borrowed key type; the tables are small and
        // this runs once per word, so clarity wins.
        let key = (form.to_string(), xpos.to_string());
        if let Some(l) = self.exceptions.get(&key) {
            return l.clone();
        }
        let lower = form.to_lowercase();
        // Unseen proper nouns are their own lemma in EWT; suffix rules learned mostly from
        // common words would mangle names ("Morphed" is not a past tense here).
        if upos == "PROPN" {
            return form.to_string();
        }
        for k in (0..=MAX_SUFFIX).rev() {
            let Some(suf) = suffix(&lower, k) else {
                continue;
            };
            if let Some((strip, add)) = self.rules.get(&(xpos.to_string(), suf.to_string())) {
                let n = lower.chars().count();
                // A rule keyed on a k-character suffix may only rewrite inside that suffix.
                if (*strip as usize) <= k && (*strip as usize) < n {
                    let keep = lower
                        .char_indices()
                        .nth(n - *strip as usize)
                        .map_or(lower.len(), |c| c.0);
                    return format!("{}{}", &lower[..keep], add);
                }
            }
        }
        lower
    }

    /// FEATS of `form` tagged (`upos`, `xpos`), `_` when unknown.
    pub fn feats(&self, form: &str, upos: &str, xpos: &str) -> String {
        self.word_feats
            .get(&(form.to_lowercase(), xpos.to_string()))
            .or_else(|| self.tag_feats.get(&(upos.to_string(), xpos.to_string())))
            .cloned()
            .unwrap_or_else(|| "_".to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lemmatizer_generalises_suffix_rules() {
        let train = [
            ("cats", "cat", "NOUN", "NNS", "Number=Plur"),
            ("dogs", "dog", "NOUN", "NNS", "Number=Plur"),
            ("hats", "hat", "NOUN", "NNS", "Number=Plur"),
            ("walked", "walk", "VERB", "VBD", "Tense=Past"),
            ("talked", "talk", "VERB", "VBD", "Tense=Past"),
            ("went", "go", "VERB", "VBD", "Tense=Past"),
            ("Paris", "Paris", "PROPN", "NNP", "Number=Sing"),
        ];
        let l = Lemmatizer::learn(train.iter().copied());
        assert_eq!(l.lemma("went", "VERB", "VBD"), "go");
        assert_eq!(l.lemma("bats", "NOUN", "NNS"), "bat");
        assert_eq!(l.lemma("jumped", "VERB", "VBD"), "jump");
        assert_eq!(l.lemma("Rats", "NOUN", "NNS"), "rat");
        assert_eq!(l.lemma("Lyon", "PROPN", "NNP"), "Lyon");
        assert_eq!(l.feats("rats", "NOUN", "NNS"), "Number=Plur");
        assert_eq!(l.feats("x", "X", "FW"), "_");
        assert_eq!(edit("", ""), (0, String::new()));
        assert_eq!(l.lemma("", "NOUN", "NNS"), "");
    }
}
