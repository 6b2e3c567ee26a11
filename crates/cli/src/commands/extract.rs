//! `sitrep extract`: clean text and metadata, one JSON object per document.

use crate::args::{ExtractArgs, ExtractFormat};
use crate::run;
use sitrep_extract::{ExtractOptions, Extractor};
use sitrep_pipeline::api::ExtractJson;
use std::io::Write;
use std::process::ExitCode;

pub fn run(args: ExtractArgs) -> anyhow::Result<ExitCode> {
    let extractor = Extractor::new(ExtractOptions::default());
    let format = args.format;
    let mut out = run::stdout();
    let mut first = true;
    let stats = run::run(
        &args.input,
        |rec| {
            let doc = extractor.extract(rec)?;
            let mut buf = match format {
                ExtractFormat::Json => ExtractJson::new(&doc).to_json().into_bytes(),
                ExtractFormat::Text => doc.text.into_bytes(),
            };
            buf.push(b'\n');
            Ok(buf)
        },
        |bytes| {
            if format == ExtractFormat::Text && !first {
                out.write_all(b"\x0c\n")?;
            }
            first = false;
            out.write_all(bytes)
        },
    )?;
    run::flush(&mut out)?;
    Ok(run::exit_code(&stats, args.input.strict))
}
