//! `sitrep eval ...`: scores against the public sets in ../shared/data.

use crate::args::{EvalExtractionArgs, VariantArg};
use anyhow::Context;
use sitrep_eval::extraction::{self, Variant, VariantReport};
use sitrep_extract::{ExtractOptions, Extractor};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

fn default_dataset(sub: &str) -> anyhow::Result<PathBuf> {
    let shared = sitrep_eval::shared_dir().context(
        "cannot find ../shared (set SITREP_SHARED to the folder holding data/, or pass --dataset)",
    )?;
    Ok(shared.join("data").join(sub))
}

pub fn extraction(args: EvalExtractionArgs) -> anyhow::Result<ExitCode> {
    let dataset = match args.dataset {
        Some(d) => d,
        None => default_dataset("article-extraction-benchmark")?,
    };
    let extractor = Extractor::new(ExtractOptions::default());
    let variants: Vec<Variant> = match args.only {
        Some(VariantArg::Html) => vec![Variant::Html],
        Some(VariantArg::Flattened) => vec![Variant::Flattened],
        None => vec![Variant::Html, Variant::Flattened],
    };
    let mut reports: Vec<VariantReport> = Vec::new();
    for v in variants {
        let r = extraction::evaluate(&dataset, v, &extractor, args.per_page)
            .with_context(|| format!("evaluating {}", dataset.display()))?;
        reports.push(r);
    }
    let mut out = crate::run::stdout();
    if args.json {
        let mut obj = serde_json::Map::new();
        obj.insert("dataset".into(), dataset.display().to_string().into());
        for r in &reports {
            let key = match r.variant {
                Variant::Html => "html",
                Variant::Flattened => "flattened",
            };
            obj.insert(key.into(), serde_json::to_value(r)?);
        }
        writeln!(out, "{}", serde_json::Value::Object(obj))?;
    } else {
        writeln!(out, "dataset: {}", dataset.display())?;
        writeln!(
            out,
            "{:<10} {:>6} {:>8} {:>7} {:>7} {:>7} {:>9} {:>9}",
            "variant", "pages", "skipped", "F1", "P", "R", "accuracy", "pages/s"
        )?;
        for r in &reports {
            writeln!(
                out,
                "{:<10} {:>6} {:>8} {:>7.4} {:>7.4} {:>7.4} {:>9.3} {:>9.1}",
                format!("{:?}", r.variant).to_lowercase(),
                r.pages,
                r.skipped,
                r.prf.f1,
                r.prf.precision,
                r.prf.recall,
                r.accuracy,
                r.pages_per_s
            )?;
        }
        for r in &reports {
            if r.per_page.is_empty() {
                continue;
            }
            let mut rows = r.per_page.clone();
            rows.sort_by(|a, b| {
                let fa = f1(a.precision, a.recall);
                let fb = f1(b.precision, b.recall);
                fa.partial_cmp(&fb).unwrap_or(std::cmp::Ordering::Equal)
            });
            writeln!(out, "\n{:?} pages, worst first:", r.variant)?;
            for row in rows {
                writeln!(
                    out,
                    "{}  P {:.3}  R {:.3}",
                    row.id, row.precision, row.recall
                )?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}
