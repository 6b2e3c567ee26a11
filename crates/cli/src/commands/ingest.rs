//! `sitrep ingest`: extract, code and store articles; incremental (unchanged files are passed
//! over), idempotent (content-hash ids) and crash-safe (one transaction per batch; a file is
//! marked ingested in the transaction that stores its last record).

use crate::args_store::IngestArgs;
use crate::run;
use anyhow::Context;
use sitrep_pipeline::{Pipeline, PipelineOptions, CODER_VERSION};
use sitrep_store::{file_hash, ArticleRow, CodedArticle, FileMark, Store, WriteCounts};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

/// One input file found by the walk, with what identifies its content.
struct InputFile {
    path: PathBuf,
    size: u64,
    mtime: i64,
}

/// Files under `root` in sorted order. Hidden entries and symlinked folders are passed over
/// (counted in `passed_over`), as the readers do. An entry that cannot be read is kept, so the
/// reader reports it as an `unreadable` skip instead of the walk stopping the whole ingest.
fn walk(root: &Path, out: &mut Vec<PathBuf>, passed_over: &mut u64) {
    let is_dir = std::fs::metadata(root).map(|m| m.is_dir()).unwrap_or(false);
    if !is_dir {
        out.push(root.to_path_buf());
        return;
    }
    let Ok(dir) = std::fs::read_dir(root) else {
        out.push(root.to_path_buf());
        return;
    };
    let mut entries: Vec<_> = dir.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        if e.file_name().to_string_lossy().starts_with('.') {
            *passed_over += 1;
            continue;
        }
        let symlinked_dir = e.file_type().is_ok_and(|ft| ft.is_symlink()) && e.path().is_dir();
        if symlinked_dir {
            *passed_over += 1;
            continue;
        }
        walk(&e.path(), out, passed_over);
    }
}

fn file_info(path: &Path) -> std::io::Result<InputFile> {
    let meta = std::fs::metadata(path)?;
    let mtime = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_secs() as i64);
    Ok(InputFile {
        path: path.to_path_buf(),
        size: meta.len(),
        mtime,
    })
}

/// Whether the store already holds this file as it is now (same size and either the same
/// mtime or, when only the mtime moved, the same content).
fn unchanged(store: &Store, f: &InputFile) -> anyhow::Result<bool> {
    let key = f.path.to_string_lossy();
    let Some(mark) = store.file_mark(&key, CODER_VERSION)? else {
        return Ok(false);
    };
    if mark.size != f.size {
        return Ok(false);
    }
    Ok(mark.mtime == f.mtime || mark.hash == file_hash(&f.path)?)
}

pub fn run(args: IngestArgs) -> anyhow::Result<ExitCode> {
    if let Some(p) = &args.published {
        anyhow::ensure!(
            sitrep_store::day_number(p).is_some_and(|d| d % 100 != 0),
            "--published {p}: expected YYYY-MM-DD"
        );
    }
    let mut store = Store::open(&args.db)?;
    let pipeline = Pipeline::new(&PipelineOptions::default()).context("building the coder")?;

    // Decide which files to read before any work, so a rerun after a crash skips what whole
    // committed batches already hold.
    let stdin =
        args.input.inputs.is_empty() || args.input.inputs.iter().any(|p| p.as_os_str() == "-");
    let mut files = Vec::new();
    let mut unchanged_files = 0u64;
    let mut passed_over = 0u64;
    for root in args.input.inputs.iter().filter(|p| p.as_os_str() != "-") {
        let mut found = Vec::new();
        walk(root, &mut found, &mut passed_over);
        for path in found {
            // Unreadable: handed to the reader anyway, which names it as a skip.
            let info = file_info(&path).unwrap_or(InputFile {
                path: path.clone(),
                size: 0,
                mtime: 0,
            });
            if !args.force && unchanged(&store, &info)? {
                unchanged_files += 1;
            } else {
                files.push(info);
            }
        }
    }
    if passed_over > 0 && !args.input.quiet {
        eprintln!("sitrep: passed over {passed_over} hidden files or symlinked folders");
    }
    if files.is_empty() && !stdin {
        if !args.input.quiet {
            eprintln!(
                "sitrep: nothing new to ingest ({unchanged_files} files unchanged since they were stored)"
            );
        }
        return Ok(ExitCode::SUCCESS);
    }
    let mut input = args.input.clone();
    input.inputs = files.iter().map(|f| f.path.clone()).collect();
    if stdin {
        input.inputs.push(PathBuf::from("-"));
    }
    let index: HashMap<String, usize> = files
        .iter()
        .enumerate()
        .map(|(i, f)| (f.path.to_string_lossy().into_owned(), i))
        .collect();

    let added = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    let batch_size = args.batch.max(1);
    let published = args.published.clone();
    let mut batch: Vec<CodedArticle> = Vec::with_capacity(batch_size);
    let mut marks: Vec<FileMark> = Vec::new();
    let mut per_file = vec![0u64; files.len()];
    let mut next_unmarked = 0usize;
    let mut totals = WriteCounts::default();

    // Marks every file before `upto`: records arrive in input order, so once a record of a
    // later file is seen every record of the earlier ones has been stored or skipped.
    let mark_upto = |upto: usize,
                     next_unmarked: &mut usize,
                     marks: &mut Vec<FileMark>,
                     per_file: &[u64]|
     -> std::io::Result<()> {
        while *next_unmarked < upto {
            let f = &files[*next_unmarked];
            // A file that cannot be read is not marked: the reader has reported it as a skip,
            // and the next run tries it again.
            if let Ok(hash) = file_hash(&f.path) {
                marks.push(FileMark {
                    path: f.path.to_string_lossy().into_owned(),
                    size: f.size,
                    mtime: f.mtime,
                    hash,
                    articles: per_file[*next_unmarked],
                });
            }
            *next_unmarked += 1;
        }
        Ok(())
    };
    let to_io = |e: sitrep_store::Error| std::io::Error::other(e);

    let stats = run::run(
        &input,
        |rec| {
            let coded = pipeline.code(rec, published.as_deref())?;
            let mut article = ArticleRow::from_document(&coded.doc);
            // `--published` overrides the article's own date for the coding, so the stored
            // article shows the same date (as the API's ingest endpoint does).
            if let Some(p) = &published {
                article.published = Some(p.clone());
            }
            let item = CodedArticle {
                article,
                events: coded.events,
            };
            Ok(serde_json::to_vec(&item).expect("serialisable"))
        },
        |bytes| {
            let item: CodedArticle =
                serde_json::from_slice(bytes).map_err(std::io::Error::other)?;
            if let Some(&i) = index.get(&item.article.input) {
                mark_upto(i, &mut next_unmarked, &mut marks, &per_file)?;
                per_file[i] += 1;
            }
            batch.push(item);
            if batch.len() >= batch_size {
                totals += store
                    .write_batch(&batch, &marks, CODER_VERSION, added)
                    .map_err(to_io)?;
                batch.clear();
                marks.clear();
            }
            Ok(())
        },
    )?;
    mark_upto(files.len(), &mut next_unmarked, &mut marks, &per_file)?;
    totals += store.write_batch(&batch, &marks, CODER_VERSION, added)?;
    store.checkpoint()?;
    if !args.input.quiet {
        let (events, articles) = store.counts()?;
        eprintln!(
            "sitrep: stored {} new articles and {} new events ({} articles and {} events were \
             already stored); {} files unchanged and passed over; the store holds {articles} \
             articles and {events} events",
            totals.articles_new,
            totals.events_new,
            totals.articles_present,
            totals.events_present,
            unchanged_files
        );
    }
    Ok(run::exit_code(&stats, args.input.strict))
}
