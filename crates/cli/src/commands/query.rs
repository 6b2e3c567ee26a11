//! `sitrep query`: events from the store with their evidence, as a table, JSONL or CSV.

use crate::args_store::{FilterArgs, QueryArgs, QueryFormat};
use crate::run;
use anyhow::Context;
use sitrep_store::{Filter, Store, StoredEvent};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// The store's filter from the flags; a malformed box is a usage error before any reading.
pub fn filter(a: &FilterArgs) -> anyhow::Result<Filter> {
    let bbox = match &a.bbox {
        None => None,
        Some(s) => {
            let v: Vec<f64> = s
                .split(',')
                .map(|x| x.trim().parse::<f64>())
                .collect::<Result<_, _>>()
                .with_context(|| format!("--bbox {s}: expected four numbers"))?;
            let b: [f64; 4] = v.try_into().map_err(|_| {
                anyhow::anyhow!("--bbox {s}: expected MIN_LON,MIN_LAT,MAX_LON,MAX_LAT")
            })?;
            Some(b)
        }
    };
    Ok(Filter {
        from: a.from.clone(),
        to: a.to.clone(),
        source: a.source.clone(),
        target: a.target.clone(),
        actor: a.actor.clone(),
        cameo: a.cameo.clone(),
        root: a.root.clone(),
        quad: a.quad,
        plover: a.plover.clone(),
        location_country: a.country.clone(),
        bbox,
        text: a.text.clone(),
        limit: a.limit,
        ..Filter::default()
    })
}

/// Open an existing store; a missing file is an error rather than a new empty store.
pub fn open_existing(db: &Path) -> anyhow::Result<Store> {
    anyhow::ensure!(
        db.exists(),
        "{}: no such store (create it with `sitrep ingest --db {}`)",
        db.display(),
        db.display()
    );
    Ok(Store::open(db)?)
}

const CSV_HEADER: &str = "event_id,article_id,date,source,source_country,target,target_country,\
cameo,cameo_name,goldstein,quad_class,plover,negated,modality,location,location_country,lat,lon,\
mentions,confidence,url,coder_version,evidence";

/// RFC 4180 quoting: only when needed.
fn csv(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn csv_row(s: &StoredEvent) -> String {
    let e = &s.event;
    let opt = |o: Option<String>| o.unwrap_or_default();
    let t = e.target.as_ref();
    let l = e.location.as_ref();
    [
        e.event_id.clone(),
        e.article_id.clone(),
        opt(e.date.clone()),
        e.source.text.clone(),
        opt(e.source.country.clone()),
        opt(t.map(|t| t.text.clone())),
        opt(t.and_then(|t| t.country.clone())),
        e.cameo.code.clone(),
        e.cameo.name.clone(),
        opt(e.cameo.goldstein.map(|g| g.to_string())),
        e.cameo.quad_class.to_string(),
        e.plover.event_type.clone(),
        e.negated.to_string(),
        e.modality.clone(),
        opt(l.map(|l| l.name.clone())),
        opt(l.and_then(|l| l.country.clone())),
        opt(l.and_then(|l| l.lat).map(|v| v.to_string())),
        opt(l.and_then(|l| l.lon).map(|v| v.to_string())),
        e.mentions.to_string(),
        e.confidence.to_string(),
        opt(s.url.clone()),
        s.coder_version.clone(),
        e.evidence
            .first()
            .map(|x| x.sentence.clone())
            .unwrap_or_default(),
    ]
    .iter()
    .map(|f| csv(f))
    .collect::<Vec<_>>()
    .join(",")
}

/// Cut a cell to `n` characters so one long name does not break the table.
fn cell(s: &str, n: usize) -> String {
    let mut out: String = s.chars().take(n).collect();
    if s.chars().count() > n {
        out.pop();
        out.push('…');
    }
    out
}

fn table_row(s: &StoredEvent) -> String {
    let e = &s.event;
    let actor = |text: &str, country: Option<&str>| match country {
        Some(c) => format!("{} ({c})", cell(text, 24)),
        None => cell(text, 30),
    };
    let target = e
        .target
        .as_ref()
        .map(|t| actor(&t.text, t.country.as_deref()))
        .unwrap_or_else(|| "-".into());
    let sentence = e.evidence.first().map_or("", |x| x.sentence.as_str());
    format!(
        "{:<10}  {:<32}  {:<32}  {:<5} {:<10}  {}",
        e.date.as_deref().unwrap_or("-"),
        actor(&e.source.text, e.source.country.as_deref()),
        target,
        e.cameo.code,
        e.plover.event_type,
        cell(&sentence.replace(['\n', '\t'], " "), 100)
    )
}

pub fn run(args: QueryArgs) -> anyhow::Result<ExitCode> {
    let f = filter(&args.filter)?;
    let store = open_existing(&args.db)?;
    let mut out = run::stdout();
    match args.format {
        QueryFormat::Table => writeln!(
            out,
            "{:<10}  {:<32}  {:<32}  {:<5} {:<10}  EVIDENCE",
            "DATE", "SOURCE", "TARGET", "CAMEO", "PLOVER"
        )?,
        QueryFormat::Csv => writeln!(out, "{CSV_HEADER}")?,
        QueryFormat::Jsonl => {}
    }
    let n = store.query::<anyhow::Error>(&f, |s| {
        match args.format {
            QueryFormat::Jsonl => {
                // Serialise first so a closed pipe surfaces as an io::Error (exit 0).
                let mut line = serde_json::to_vec(&s)?;
                line.push(b'\n');
                out.write_all(&line)?;
            }
            QueryFormat::Csv => writeln!(out, "{}", csv_row(&s))?,
            QueryFormat::Table => writeln!(out, "{}", table_row(&s))?,
        }
        Ok(())
    })?;
    run::flush(&mut out)?;
    eprintln!("sitrep: {n} events");
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_only_when_needed() {
        assert_eq!(csv("plain"), "plain");
        assert_eq!(csv("a,b"), "\"a,b\"");
        assert_eq!(csv("say \"hi\""), "\"say \"\"hi\"\"\"");
    }

    #[test]
    fn filter_parses_and_rejects_boxes() {
        let mut a = FilterArgs {
            bbox: Some("-10,35.5,20,50".into()),
            ..FilterArgs::default()
        };
        assert_eq!(filter(&a).unwrap().bbox, Some([-10.0, 35.5, 20.0, 50.0]));
        a.bbox = Some("1,2,3".into());
        assert!(filter(&a).is_err());
        a.bbox = Some("1,2,x,4".into());
        assert!(filter(&a).is_err());
    }
}
