//! `sitrep dict lint`: load dictionaries, print their findings and a summary per file.

use crate::args_dict::DictLintArgs;
use serde_json::{json, Value};
use sitrep_actors::dict::{self, FindingKind, Loaded};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// What happened to one input file.
enum Outcome {
    Loaded(Loaded),
    /// Found while walking a folder, but not a dictionary format we know.
    Skipped(PathBuf),
    Failed(String),
}

/// Files of a folder, recursively, in name order so the report is stable.
fn walk(dir: &Path, out: &mut Vec<PathBuf>, errors: &mut Vec<String>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            errors.push(format!("{}: cannot read folder: {e}", dir.display()));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            walk(&p, out, errors);
        } else {
            out.push(p);
        }
    }
}

fn load_all(args: &DictLintArgs) -> Vec<Outcome> {
    let forced = args.format;
    let mut outcomes = Vec::new();
    for input in &args.files {
        if input.is_dir() {
            let mut files = Vec::new();
            let mut errors = Vec::new();
            walk(input, &mut files, &mut errors);
            outcomes.extend(errors.into_iter().map(Outcome::Failed));
            for f in files {
                outcomes.push(match dict::load_file(&f, forced) {
                    Ok(l) => Outcome::Loaded(l),
                    // Inside a folder, an unknown format is expected (XML suites, configs).
                    Err(dict::Error::UnknownFormat { .. }) => Outcome::Skipped(f),
                    Err(e) => Outcome::Failed(e.to_string()),
                });
            }
        } else {
            outcomes.push(match dict::load_file(input, forced) {
                Ok(l) => Outcome::Loaded(l),
                Err(e) => Outcome::Failed(e.to_string()),
            });
        }
    }
    outcomes
}

fn counts(l: &Loaded) -> Vec<(FindingKind, usize)> {
    FindingKind::ALL
        .iter()
        .map(|&k| (k, l.findings.iter().filter(|f| f.kind == k).count()))
        .filter(|&(_, n)| n > 0)
        .collect()
}

pub fn lint(args: DictLintArgs) -> anyhow::Result<ExitCode> {
    let outcomes = load_all(&args);
    let failed = outcomes.iter().any(|o| matches!(o, Outcome::Failed(_)));
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if args.json {
        writeln!(out, "{}", to_json(&outcomes, args.quiet))?;
    } else {
        for o in &outcomes {
            match o {
                Outcome::Loaded(l) => {
                    if !args.quiet {
                        for f in &l.findings {
                            writeln!(out, "{f}")?;
                        }
                    }
                    let by_kind: Vec<String> =
                        counts(l).iter().map(|(k, n)| format!("{k} {n}")).collect();
                    let by_kind = if by_kind.is_empty() {
                        "no findings".to_string()
                    } else {
                        by_kind.join(", ")
                    };
                    writeln!(
                        out,
                        "{}: {}: {} entries loaded; {} findings ({by_kind})",
                        l.file,
                        l.format,
                        l.dict.entries(),
                        l.findings.len()
                    )?;
                }
                Outcome::Skipped(p) => {
                    eprintln!("sitrep: {}: not a dictionary format; skipped", p.display())
                }
                Outcome::Failed(msg) => eprintln!("sitrep: error: {msg}"),
            }
        }
    }
    out.flush()?;
    Ok(if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

fn to_json(outcomes: &[Outcome], quiet: bool) -> Value {
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    let mut errors = Vec::new();
    for o in outcomes {
        match o {
            Outcome::Loaded(l) => {
                let by_kind: serde_json::Map<String, Value> = counts(l)
                    .into_iter()
                    .map(|(k, n)| (k.name().to_string(), n.into()))
                    .collect();
                let mut file = json!({
                    "file": l.file,
                    "format": l.format.name(),
                    "entries": l.dict.entries(),
                    "findings_by_kind": by_kind,
                });
                if !quiet {
                    file["findings"] = l
                        .findings
                        .iter()
                        .map(|f| json!({"line": f.line, "kind": f.kind.name(), "message": f.message}))
                        .collect();
                }
                files.push(file);
            }
            Outcome::Skipped(p) => skipped.push(Value::from(p.display().to_string())),
            Outcome::Failed(msg) => errors.push(Value::from(msg.as_str())),
        }
    }
    json!({"files": files, "skipped": skipped, "errors": errors})
}
