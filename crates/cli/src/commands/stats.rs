//! `sitrep stats`: event counts by day, dyad and CAMEO code.

use crate::args_store::{StatsArgs, StatsByArg};
use crate::commands::query::{filter, open_existing};
use crate::run;
use sitrep_store::StatsBy;
use std::io::Write;
use std::process::ExitCode;

pub fn run(args: StatsArgs) -> anyhow::Result<ExitCode> {
    let f = filter(&args.filter)?;
    let store = open_existing(&args.db)?;
    let by = if args.by.is_empty() {
        vec![StatsByArg::Day, StatsByArg::Dyad, StatsByArg::Code]
    } else {
        args.by.clone()
    };
    let (events, articles) = store.counts()?;
    let mut out = run::stdout();
    let mut json = serde_json::Map::new();
    json.insert("events".into(), events.into());
    json.insert("articles".into(), articles.into());
    if !args.json {
        writeln!(out, "{events} events from {articles} articles")?;
    }
    for b in by {
        let (name, key) = match b {
            StatsByArg::Day => ("day", StatsBy::Day),
            StatsByArg::Dyad => ("dyad", StatsBy::Dyad),
            StatsByArg::Code => ("code", StatsBy::Code),
        };
        let mut rows = store.stats(key, &f)?;
        if let Some(n) = args.top {
            rows.truncate(n);
        }
        if args.json {
            let v: Vec<serde_json::Value> = rows
                .iter()
                .map(|(k, n)| serde_json::json!({ "key": k, "events": n }))
                .collect();
            json.insert(name.into(), v.into());
        } else {
            writeln!(out, "\nby {name}:")?;
            for (k, n) in rows {
                let k = if k.is_empty() { "(none)" } else { k.as_str() };
                writeln!(out, "  {k:<16} {n:>10}")?;
            }
        }
    }
    if args.json {
        serde_json::to_writer(&mut out, &json)?;
        writeln!(out)?;
    }
    run::flush(&mut out)?;
    Ok(ExitCode::SUCCESS)
}
