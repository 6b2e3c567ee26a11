//! `sitrep extract`: clean text and metadata, one JSON object per document.

use crate::args::{ExtractArgs, ExtractFormat};
use crate::run;
use serde::Serialize;
use sitrep_doc::{Document, Dropped};
use sitrep_extract::{ExtractOptions, Extractor};
use std::io::Write;
use std::process::ExitCode;

/// The public JSON shape of an extracted document. Field names are an interface.
#[derive(Serialize)]
pub struct ExtractJson<'a> {
    input: &'a str,
    record: u64,
    id: &'a str,
    url: Option<&'a str>,
    title: Option<&'a str>,
    byline: Option<&'a str>,
    authors: &'a [String],
    site: Option<&'a str>,
    published: Option<&'a str>,
    language: Option<&'a str>,
    text: &'a str,
    captions: &'a [String],
    dropped: &'a [Dropped],
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    notes: &'a [String],
}

impl<'a> ExtractJson<'a> {
    /// View a document as its public JSON.
    pub fn new(doc: &'a Document) -> ExtractJson<'a> {
        ExtractJson {
            input: &doc.origin.input,
            record: doc.origin.record,
            id: &doc.id,
            url: doc.meta.url.as_deref(),
            title: doc.meta.title.as_deref(),
            byline: doc.meta.byline.as_deref(),
            authors: &doc.meta.authors,
            site: doc.meta.site.as_deref(),
            published: doc.meta.published.as_deref(),
            language: doc.meta.language.as_deref(),
            text: &doc.text,
            captions: &doc.captions,
            dropped: &doc.dropped,
            notes: &doc.notes,
        }
    }
}

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
                ExtractFormat::Json => {
                    serde_json::to_vec(&ExtractJson::new(&doc)).expect("serialisable")
                }
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
