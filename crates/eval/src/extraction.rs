//! Article-extraction scoring with the ScrapingHub benchmark's metric: per page, multisets of
//! 4-token `\w+` shingles; TP/FP/FN normalised to sum to 1 so every page weighs the same;
//! precision and recall averaged over pages; F1 the harmonic mean of the two means.

use crate::{Error, Result};
use flate2::read::GzDecoder;
use regex::Regex;
use serde::Serialize;
use sitrep_doc::{Hints, Payload, PayloadKind, RawRecord};
use sitrep_extract::Extractor;
use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

const SHINGLE: usize = 4;

fn word_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"\w+").expect("static regex"))
}

fn shingles(text: &str) -> HashMap<Vec<&str>, u32> {
    let toks: Vec<&str> = word_re().find_iter(text).map(|m| m.as_str()).collect();
    let mut out = HashMap::new();
    if toks.is_empty() {
        return out;
    }
    let n = toks.len().saturating_sub(SHINGLE) + 1;
    for i in 0..n.max(1) {
        let end = (i + SHINGLE).min(toks.len());
        *out.entry(toks[i..end].to_vec()).or_insert(0) += 1;
    }
    out
}

/// One page's normalised (tp, fp, fn).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PageScore {
    /// True positives, as a share of tp+fp+fn.
    pub tp: f64,
    /// False positives, as a share.
    pub fp: f64,
    /// False negatives, as a share.
    pub fn_: f64,
}

/// Score one prediction against its gold text.
pub fn score_page(gold: &str, pred: &str) -> PageScore {
    let g = shingles(gold);
    let p = shingles(pred);
    let (mut tp, mut fp, mut fn_) = (0f64, 0f64, 0f64);
    for (k, &gc) in &g {
        let pc = p.get(k).copied().unwrap_or(0);
        tp += gc.min(pc) as f64;
        fn_ += gc.saturating_sub(pc) as f64;
    }
    for (k, &pc) in &p {
        let gc = g.get(k).copied().unwrap_or(0);
        fp += pc.saturating_sub(gc) as f64;
    }
    let s = tp + fp + fn_;
    if s > 0.0 {
        PageScore {
            tp: tp / s,
            fp: fp / s,
            fn_: fn_ / s,
        }
    } else {
        PageScore { tp, fp, fn_ }
    }
}

/// Precision, recall and F1 over pages.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Prf {
    /// Mean per-page precision.
    pub precision: f64,
    /// Mean per-page recall.
    pub recall: f64,
    /// Harmonic mean of the two means.
    pub f1: f64,
}

/// Aggregate page scores the way the benchmark does.
pub fn aggregate(pages: &[PageScore]) -> Prf {
    let prec: Vec<f64> = pages
        .iter()
        .filter(|s| s.tp + s.fp > 0.0)
        .map(|s| {
            if s.fp == 0.0 && s.fn_ == 0.0 {
                1.0
            } else {
                s.tp / (s.tp + s.fp)
            }
        })
        .collect();
    let rec: Vec<f64> = pages
        .iter()
        .filter(|s| s.tp + s.fn_ > 0.0)
        .map(|s| {
            if s.fp == 0.0 && s.fn_ == 0.0 {
                1.0
            } else {
                s.tp / (s.tp + s.fn_)
            }
        })
        .collect();
    let mean = |v: &[f64]| {
        if v.is_empty() {
            0.0
        } else {
            v.iter().sum::<f64>() / v.len() as f64
        }
    };
    let (p, r) = (mean(&prec), mean(&rec));
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    Prf {
        precision: p,
        recall: r,
        f1,
    }
}

/// A page of the dataset: its id, gold text, and the input bytes of one variant.
struct Page {
    id: String,
    gold: String,
    url: Option<String>,
    bytes: Vec<u8>,
}

/// Which variant of the pages to score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Variant {
    /// `html/<id>.html.gz`
    Html,
    /// `flattened/<id>.txt.gz`
    Flattened,
}

/// The result for one variant.
#[derive(Debug, Clone, Serialize)]
pub struct VariantReport {
    /// Which variant.
    pub variant: Variant,
    /// Pages scored.
    pub pages: usize,
    /// Pages the extractor skipped (scored as empty predictions).
    pub skipped: usize,
    /// Scores.
    #[serde(flatten)]
    pub prf: Prf,
    /// Share of pages whose token sequence equals the gold's.
    pub accuracy: f64,
    /// Pages per second, extraction only (decompression and scoring excluded), one thread.
    pub pages_per_s: f64,
    /// Per-page F1, for finding the worst pages (`--per-page`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub per_page: Vec<PageRow>,
}

/// One page's figures.
#[derive(Debug, Clone, Serialize)]
pub struct PageRow {
    /// Page id.
    pub id: String,
    /// Precision on this page.
    pub precision: f64,
    /// Recall on this page.
    pub recall: f64,
}

fn read_gz(path: &Path) -> Result<Vec<u8>> {
    let f = std::fs::File::open(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let mut out = Vec::new();
    GzDecoder::new(f)
        .read_to_end(&mut out)
        .map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
    Ok(out)
}

fn load(dataset: &Path, variant: Variant) -> Result<Vec<Page>> {
    let gt_path = dataset.join("ground-truth.json");
    let raw = std::fs::read(&gt_path).map_err(|source| Error::Io {
        path: gt_path.clone(),
        source,
    })?;
    let gt: HashMap<String, serde_json::Value> =
        serde_json::from_slice(&raw).map_err(|e| Error::Format {
            path: gt_path.clone(),
            detail: e.to_string(),
        })?;
    let mut ids: Vec<&String> = gt.keys().collect();
    ids.sort();
    let mut pages = Vec::with_capacity(ids.len());
    for id in ids {
        let v = &gt[id];
        let gold = v
            .get("articleBody")
            .and_then(|x| x.as_str())
            .unwrap_or("")
            .to_string();
        let url = v.get("url").and_then(|x| x.as_str()).map(str::to_string);
        let path: PathBuf = match variant {
            Variant::Html => dataset.join("html").join(format!("{id}.html.gz")),
            Variant::Flattened => dataset.join("flattened").join(format!("{id}.txt.gz")),
        };
        let bytes = read_gz(&path)?;
        pages.push(Page {
            id: id.clone(),
            gold,
            url,
            bytes,
        });
    }
    Ok(pages)
}

fn tokens_equal(a: &str, b: &str) -> bool {
    word_re()
        .find_iter(a)
        .map(|m| m.as_str())
        .eq(word_re().find_iter(b).map(|m| m.as_str()))
}

/// Run the extractor over one variant of the dataset and score it.
pub fn evaluate(
    dataset: &Path,
    variant: Variant,
    extractor: &Extractor,
    per_page: bool,
) -> Result<VariantReport> {
    let pages = load(dataset, variant)?;
    let mut scores = Vec::with_capacity(pages.len());
    let mut rows = Vec::new();
    let mut skipped = 0;
    let mut exact = 0;
    let mut spent = Duration::ZERO;
    for page in pages {
        let rec = RawRecord {
            input: page.id.clone(),
            record: 0,
            payload: Payload {
                kind: match variant {
                    Variant::Html => PayloadKind::Html,
                    Variant::Flattened => PayloadKind::Text,
                },
                bytes: page.bytes,
            },
            // The flattened pages carry no URL: a scraper's text file would not either.
            hints: Hints {
                url: if variant == Variant::Html {
                    page.url.clone()
                } else {
                    None
                },
                ..Hints::default()
            },
        };
        let t0 = Instant::now();
        let pred = match extractor.extract(rec) {
            Ok(doc) => doc.text,
            Err(_) => {
                skipped += 1;
                String::new()
            }
        };
        spent += t0.elapsed();
        let s = score_page(&page.gold, &pred);
        if tokens_equal(&page.gold, &pred) {
            exact += 1;
        }
        if per_page {
            let one = aggregate(&[s]);
            rows.push(PageRow {
                id: page.id,
                precision: one.precision,
                recall: one.recall,
            });
        }
        scores.push(s);
    }
    let n = scores.len();
    Ok(VariantReport {
        variant,
        pages: n,
        skipped,
        prf: aggregate(&scores),
        accuracy: if n > 0 { exact as f64 / n as f64 } else { 0.0 },
        pages_per_s: if spent.as_secs_f64() > 0.0 {
            n as f64 / spent.as_secs_f64()
        } else {
            0.0
        },
        per_page: rows,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn score_page_perfect_and_disjoint() {
        let s = score_page("one two three four five", "one two three four five");
        assert_eq!(
            s,
            PageScore {
                tp: 1.0,
                fp: 0.0,
                fn_: 0.0
            }
        );
        let s = score_page("one two three four", "five six seven eight");
        assert_eq!(
            s,
            PageScore {
                tp: 0.0,
                fp: 0.5,
                fn_: 0.5
            }
        );
    }

    #[test]
    fn score_page_counts_extra_text_as_false_positives() {
        // gold: 2 shingles; pred: the same 2 plus 2 more.
        let s = score_page("a b c d e", "a b c d e f g");
        assert!((s.tp - 0.5).abs() < 1e-9 && (s.fp - 0.5).abs() < 1e-9 && s.fn_ == 0.0);
        let prf = aggregate(&[s]);
        assert!((prf.precision - 0.5).abs() < 1e-9 && (prf.recall - 1.0).abs() < 1e-9);
    }

    #[test]
    fn short_texts_make_one_shingle_and_empty_makes_none() {
        assert_eq!(shingles("only two").len(), 1);
        assert!(shingles("  ,, ").is_empty());
        // An empty prediction has no precision entry and zero recall.
        let prf = aggregate(&[score_page("a b c d", "")]);
        assert_eq!(prf.recall, 0.0);
        assert_eq!(prf.precision, 0.0);
    }

    #[test]
    fn aggregate_averages_pages_equally() {
        let long = score_page(&"w ".repeat(1000), &"w ".repeat(1000));
        let bad = score_page("a b c d", "x y z q");
        let prf = aggregate(&[long, bad]);
        assert!((prf.precision - 0.5).abs() < 1e-9);
    }
}
