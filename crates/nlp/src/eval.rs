//! Scoring against gold CoNLL-U on gold tokens: UPOS, XPOS, lemma, UAS and LAS over all words
//! (punctuation included), LAS on universal labels (the part before `:`), as in the CoNLL 2018
//! shared task; plus tag-and-parse speed.

use crate::conllu::Sentence;
use crate::model::{Analysis, Model, Scratch};
use std::time::Instant;

/// Counts and timings of one evaluation.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scores {
    /// Sentences scored.
    pub sentences: usize,
    /// Words scored.
    pub words: usize,
    /// Correct UPOS.
    pub upos: usize,
    /// Correct XPOS.
    pub xpos: usize,
    /// Correct lemma.
    pub lemma: usize,
    /// Correct head.
    pub uas: usize,
    /// Correct head and universal label.
    pub las: usize,
    /// Wall-clock seconds spent tagging and parsing (not reading, lemmatising or scoring).
    pub seconds: f64,
    /// CPU seconds of this thread over the same span, where the OS tells (Linux). On a shared
    /// machine this is the honest "one core" figure: waiting for a core is not counted.
    pub cpu_seconds: Option<f64>,
}

/// CPU time this thread has run, from `/proc/thread-self/schedstat` (nanoseconds on a CPU).
pub fn thread_cpu_seconds() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns as f64 / 1e9)
}

fn pct(a: usize, n: usize) -> f64 {
    if n == 0 {
        0.0
    } else {
        100.0 * a as f64 / n as f64
    }
}

impl Scores {
    /// UPOS accuracy, percent.
    pub fn upos_pct(&self) -> f64 {
        pct(self.upos, self.words)
    }
    /// XPOS accuracy, percent.
    pub fn xpos_pct(&self) -> f64 {
        pct(self.xpos, self.words)
    }
    /// Lemma accuracy, percent.
    pub fn lemma_pct(&self) -> f64 {
        pct(self.lemma, self.words)
    }
    /// Unlabeled attachment score, percent.
    pub fn uas_pct(&self) -> f64 {
        pct(self.uas, self.words)
    }
    /// Labeled attachment score (universal labels), percent.
    pub fn las_pct(&self) -> f64 {
        pct(self.las, self.words)
    }
    /// Tag-and-parse throughput per CPU second of one thread (wall clock where the OS does
    /// not report thread CPU time).
    pub fn sentences_per_s(&self) -> f64 {
        let secs = self.cpu_seconds.unwrap_or(self.seconds);
        if secs > 0.0 {
            self.sentences as f64 / secs
        } else {
            0.0
        }
    }

    /// Tag-and-parse throughput per wall-clock second.
    pub fn sentences_per_wall_s(&self) -> f64 {
        if self.seconds > 0.0 {
            self.sentences as f64 / self.seconds
        } else {
            0.0
        }
    }
}

/// The universal part of a relation: `nmod:poss` -> `nmod`.
pub fn universal(rel: &str) -> &str {
    rel.split(':').next().unwrap_or(rel)
}

/// Tags and parses every sentence on its gold words and scores the result.
pub fn evaluate(model: &Model, gold: &[Sentence]) -> Scores {
    let mut sc = Scores::default();
    let mut scratch = Scratch::default();
    let forms: Vec<Vec<&str>> = gold
        .iter()
        .map(|s| s.words.iter().map(|w| w.form.as_str()).collect())
        .collect();
    let mut out: Vec<Analysis> = vec![Analysis::default(); gold.len()];
    let (start, cpu_start) = (Instant::now(), thread_cpu_seconds());
    for (f, a) in forms.iter().zip(out.iter_mut()) {
        model.analyse(f, a, &mut scratch);
    }
    sc.seconds = start.elapsed().as_secs_f64();
    sc.cpu_seconds = cpu_start.and_then(|a| Some(thread_cpu_seconds()? - a));
    for (s, a) in gold.iter().zip(&out) {
        sc.sentences += 1;
        for (i, w) in s.words.iter().enumerate() {
            sc.words += 1;
            let (upos, xpos) = (model.upos(a.tags[i]), model.xpos(a.tags[i]));
            sc.upos += (upos == w.upos) as usize;
            sc.xpos += (xpos == w.xpos) as usize;
            sc.lemma += (model.lemmatizer.lemma(&w.form, upos, xpos) == w.lemma) as usize;
            if w.head == Some(a.heads[i]) {
                sc.uas += 1;
                sc.las += (universal(model.label(a.labels[i])) == universal(&w.deprel)) as usize;
            }
        }
    }
    sc
}

/// Scores the tagger on sentences of marked gold tokens, one per line: `word/GOLD` marks a
/// checked word, GOLD listing alternatives separated by `|`, each a UPOS or an XPOS the
/// predicted tag may match (`wounded/VERB`, `armed/ADJ|VBN`); other tokens are context.
/// Returns (correct, checked, one line per miss).
pub fn marked_tags(model: &Model, text: &str) -> (usize, usize, Vec<String>) {
    let (mut a, mut scratch) = (Analysis::default(), Scratch::default());
    let (mut ok, mut all, mut misses) = (0, 0, Vec::new());
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let toks: Vec<(&str, Option<&str>)> = line
            .split_whitespace()
            .map(|t| match t.rsplit_once('/') {
                Some((w, g)) if !w.is_empty() && !g.is_empty() => (w, Some(g)),
                _ => (t, None),
            })
            .collect();
        let words: Vec<&str> = toks.iter().map(|t| t.0).collect();
        model.analyse(&words, &mut a, &mut scratch);
        for (i, (w, g)) in toks.iter().enumerate() {
            let Some(g) = g else { continue };
            let (u, x) = a
                .tags
                .get(i)
                .map_or(("X", "_"), |&t| (model.upos(t), model.xpos(t)));
            all += 1;
            if g.split('|').any(|g| g == u || g == x) {
                ok += 1;
            } else {
                misses.push(format!("{w}: {u}/{x}, want {g} in \"{line}\""));
            }
        }
    }
    (ok, all, misses)
}
