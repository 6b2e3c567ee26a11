//! `sitrep code`: coded events, one JSON object per event (or `--explain` text).

use crate::args_code::CodeArgs;
use crate::run;
use anyhow::Context as _;
use sitrep_events::dates::Ymd;
use sitrep_pipeline::{Coded, Pipeline, PipelineOptions};
use std::fmt::Write as _;
use std::io::Write;
use std::process::ExitCode;

/// Builds the pipeline for the CLI's flags.
pub fn pipeline(
    model: Option<std::path::PathBuf>,
    explain: bool,
    no_title: bool,
) -> anyhow::Result<Pipeline> {
    let opts = PipelineOptions {
        model_path: model,
        explain,
        skip_title: no_title,
        ..PipelineOptions::default()
    };
    Pipeline::new(&opts).context("building the event coder")
}

pub fn run(args: CodeArgs) -> anyhow::Result<ExitCode> {
    if let Some(p) = &args.published {
        Ymd::parse(p).with_context(|| format!("--published {p}: expected YYYY-MM-DD"))?;
    }
    let p = pipeline(args.model.clone(), args.explain, args.no_title)?;
    let mut out = run::stdout();
    let published = args.published.as_deref();
    let stats = run::run(
        &args.input,
        |rec| {
            let coded = p.code(rec, published)?;
            Ok(if args.explain {
                explain_text(&coded).into_bytes()
            } else {
                sitrep_pipeline::api::events_jsonl(&coded.events)
            })
        },
        |bytes| out.write_all(bytes),
    )?;
    run::flush(&mut out)?;
    Ok(run::exit_code(&stats, args.input.strict))
}

fn explain_text(coded: &Coded) -> String {
    let mut s = String::new();
    let d = &coded.doc;
    let _ = writeln!(
        s,
        "# {}#{} id={} sentences={} events={}",
        d.origin.input,
        d.origin.record,
        d.id,
        coded.sentences,
        coded.events.len()
    );
    for n in &coded.notes {
        let _ = writeln!(s, "note: {n}");
    }
    for line in &coded.explain {
        let _ = writeln!(s, "{line}");
    }
    for e in &coded.events {
        let _ = writeln!(
            s,
            "event {} {} -> {} {} ({}) {} date={} ({}) location={} mentions={} confidence={:.2}",
            e.event_id,
            e.source.code,
            e.target.as_ref().map_or("-", |t| t.code.as_str()),
            e.cameo.code,
            e.cameo.name,
            e.modality,
            e.date.as_deref().unwrap_or("-"),
            e.date_basis,
            e.location.as_ref().map_or("-", |l| l.name.as_str()),
            e.mentions,
            e.confidence
        );
    }
    s.push('\n');
    s
}
