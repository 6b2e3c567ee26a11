//! Scoring the tokenizer and the splitter against a CoNLL-U treebank (UD English EWT).
//!
//! Sentence boundaries: each document is rebuilt from its sentences' `# text` lines, the
//! splitter runs on the whole document, and predicted sentence end offsets are matched
//! against the gold ones. Tokens: each `# text` line is tokenized and the token spans are
//! matched against the spans of the gold words.

use super::split_sentences;
use crate::tokenize::tokenize;
use std::io::Read;
use std::path::Path;

/// Reads a treebank file, gunzipping it when its name ends in `.gz` (as the EWT files in
/// `../shared/data/ud-english-ewt` do).
pub fn read_treebank(path: &Path) -> std::io::Result<String> {
    let file = std::fs::File::open(path)?;
    let mut text = String::new();
    if path.extension().is_some_and(|e| e == "gz") {
        flate2::read::MultiGzDecoder::new(file).read_to_string(&mut text)?;
    } else {
        std::io::BufReader::new(file).read_to_string(&mut text)?;
    }
    Ok(text)
}

/// How sentences are joined when a document is rebuilt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Joining {
    /// Sentences of a paragraph joined by a space, paragraphs (`# newpar`) by a blank line,
    /// as our extracted text is laid out.
    Paragraphs,
    /// Every sentence joined by a space: no paragraph breaks to help.
    Spaces,
}

/// Precision, recall and F1 of predicted sentence ends against gold ones.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct SentenceScore {
    /// Correct predicted ends / predicted ends.
    pub precision: f64,
    /// Correct predicted ends / gold ends.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
    /// Documents rebuilt.
    pub documents: usize,
    /// Gold sentences.
    pub sentences: usize,
    /// Predicted sentences.
    pub predicted: usize,
    /// Predicted ends that are gold ends.
    pub correct: usize,
}

/// Precision, recall and F1 of predicted token spans against gold word spans.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct TokenScore {
    /// Correct predicted tokens / predicted tokens.
    pub precision: f64,
    /// Correct predicted tokens / gold tokens.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
    /// Sentences scored.
    pub sentences: usize,
    /// Sentences left out because their words could not be found in their `# text`.
    pub unaligned: usize,
    /// Gold tokens.
    pub gold: usize,
    /// Predicted tokens.
    pub predicted: usize,
    /// Predicted tokens whose span is a gold span.
    pub correct: usize,
}

fn prf(correct: usize, predicted: usize, gold: usize) -> (f64, f64, f64) {
    let p = if predicted == 0 {
        0.0
    } else {
        correct as f64 / predicted as f64
    };
    let r = if gold == 0 {
        0.0
    } else {
        correct as f64 / gold as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

/// Sentence boundary F1 with paragraphs kept ([`Joining::Paragraphs`]).
pub fn sentence_boundary_f1(conllu_text: &str) -> SentenceScore {
    sentence_boundary_f1_with(conllu_text, Joining::Paragraphs)
}

/// Sentence boundary F1, rebuilding documents as `joining` says. Documents start at
/// `# newdoc` (a file without any is one document), paragraphs at `# newpar`.
pub fn sentence_boundary_f1_with(conllu_text: &str, joining: Joining) -> SentenceScore {
    let mut score = SentenceScore::default();
    let mut doc = String::new();
    let mut gold_ends: Vec<usize> = Vec::new();
    let mut new_par = false;
    let flush = |doc: &mut String, gold: &mut Vec<usize>, score: &mut SentenceScore| {
        if gold.is_empty() {
            return;
        }
        let tokens = tokenize(doc);
        let sents = split_sentences(doc, &tokens);
        let mut pred: Vec<usize> = sents
            .iter()
            .map(|r| tokens[r.end - 1].end as usize)
            .collect();
        pred.dedup();
        score.documents += 1;
        score.sentences += gold.len();
        score.predicted += pred.len();
        score.correct += count_common(&pred, gold);
        doc.clear();
        gold.clear();
    };
    for line in conllu_text.lines() {
        if line.starts_with("# newdoc") {
            flush(&mut doc, &mut gold_ends, &mut score);
            new_par = false;
        } else if line.starts_with("# newpar") {
            new_par = true;
        } else if let Some(t) = line.strip_prefix("# text =") {
            let t = t.trim();
            if t.is_empty() {
                continue;
            }
            if !doc.is_empty() {
                doc.push_str(if new_par && joining == Joining::Paragraphs {
                    "\n\n"
                } else {
                    " "
                });
            }
            new_par = false;
            doc.push_str(t);
            gold_ends.push(doc.len());
        }
    }
    flush(&mut doc, &mut gold_ends, &mut score);
    let (p, r, f) = prf(score.correct, score.predicted, score.sentences);
    score.precision = p;
    score.recall = r;
    score.f1 = f;
    score
}

/// Number of values two sorted, deduplicated lists share.
fn count_common<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Token F1 against the gold words of each sentence. A multiword token (`1-2` line) is
/// scored as its words when they spell it out ("don't" = "do" + "n't", as our tokenizer
/// splits it), else as one token.
pub fn token_f1(conllu_text: &str) -> TokenScore {
    let mut score = TokenScore::default();
    let mut text: Option<&str> = None;
    // Surface units of the sentence: (form, word forms if a multiword token).
    let mut units: Vec<(&str, Vec<&str>)> = Vec::new();
    let mut mwt_until = 0usize;
    let mut gold: Vec<(usize, usize)> = Vec::new();
    for line in conllu_text.lines().chain(std::iter::once("")) {
        if line.is_empty() {
            if let Some(t) = text.take() {
                if gold_spans(t, &units, &mut gold) {
                    let pred: Vec<(usize, usize)> = tokenize(t)
                        .iter()
                        .map(|k| (k.start as usize, k.end as usize))
                        .collect();
                    score.sentences += 1;
                    score.gold += gold.len();
                    score.predicted += pred.len();
                    score.correct += count_common(&pred, &gold);
                } else {
                    score.unaligned += 1;
                }
            }
            units.clear();
            mwt_until = 0;
            continue;
        }
        if let Some(t) = line.strip_prefix("# text =") {
            text = Some(t.trim());
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(id), Some(form)) = (cols.next(), cols.next()) else {
            continue;
        };
        if id.contains('.') {
            continue; // empty node: no surface form
        }
        if let Some((_, last)) = id.split_once('-') {
            mwt_until = last.parse().unwrap_or(0);
            units.push((form, Vec::new()));
            continue;
        }
        let n: usize = id.parse().unwrap_or(0);
        match units.last_mut() {
            Some((_, words)) if n <= mwt_until => words.push(form),
            _ => units.push((form, Vec::new())),
        }
    }
    let (p, r, f) = prf(score.correct, score.predicted, score.gold);
    score.precision = p;
    score.recall = r;
    score.f1 = f;
    score
}

/// Fills `out` with the byte spans of the gold words in `text`; false when a unit cannot be
/// found where expected.
fn gold_spans(text: &str, units: &[(&str, Vec<&str>)], out: &mut Vec<(usize, usize)>) -> bool {
    out.clear();
    let mut pos = 0;
    for (form, words) in units {
        let rest = &text[pos..];
        let skipped = rest.len() - rest.trim_start().len();
        pos += skipped;
        if !text[pos..].starts_with(form) {
            return false;
        }
        let spelled = !words.is_empty() && words.concat() == *form;
        if spelled {
            let mut p = pos;
            for w in words {
                out.push((p, p + w.len()));
                p += w.len();
            }
        } else {
            out.push((pos, pos + form.len()));
        }
        pos += form.len();
    }
    true
}
