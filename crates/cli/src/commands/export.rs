//! `sitrep export`: GDELT 2.0 Events TSV or PLOVER JSONL from the store.

use crate::args_store::{ExportArgs, ExportFormat};
use crate::commands::query::{filter, open_existing};
use crate::run;
use anyhow::Context;
use std::io::Write;
use std::process::ExitCode;

pub fn run(args: ExportArgs) -> anyhow::Result<ExitCode> {
    let f = filter(&args.filter)?;
    let store = open_existing(&args.db)?;
    #[cfg(feature = "parquet")]
    if args.format == ExportFormat::Parquet {
        let Some(p) = &args.output else {
            anyhow::bail!("--format parquet writes a binary file: give it with --output FILE");
        };
        let file = std::fs::File::create(p).with_context(|| format!("creating {}", p.display()))?;
        let n = store.export_parquet(&f, std::io::BufWriter::new(file))?;
        eprintln!("sitrep: exported {n} events to {}", p.display());
        return Ok(ExitCode::SUCCESS);
    }
    let mut out: Box<dyn Write> = match &args.output {
        Some(p) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("creating {}", p.display()))?,
        )),
        None => Box::new(run::stdout()),
    };
    let counts = match args.format {
        ExportFormat::Gdelt => store.export_gdelt(&f, &mut out)?,
        ExportFormat::Plover => store.export_plover(&f, &mut out)?,
        #[cfg(feature = "parquet")]
        ExportFormat::Parquet => unreachable!("handled above"),
    };
    out.flush()?;
    eprintln!(
        "sitrep: exported {} events; {} passed over because their date has no day",
        counts.written, counts.no_day
    );
    Ok(ExitCode::SUCCESS)
}
