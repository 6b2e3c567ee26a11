//! `sitrep parse`, `sitrep train parser`, `sitrep eval parser`.

use crate::args::InputFormatArg;
use crate::args_nlp::{EvalParserArgs, ParseArgs, TrainCommand, TrainParserArgs};
use crate::run;
use anyhow::Context;
use sitrep_extract::{ExtractOptions, Extractor};
use sitrep_nlp::conllu::{self, Sentence, Word};
use sitrep_nlp::{eval, tokenize, train, Analysis, Model, Scratch};
use std::fmt::Write as _;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

fn load_model(path: Option<&Path>, beam: Option<u16>) -> anyhow::Result<Model> {
    let mut model = load_model_file(path)?;
    if let Some(b) = beam {
        model.beam = b as usize;
    }
    Ok(model)
}

fn load_model_file(path: Option<&Path>) -> anyhow::Result<Model> {
    match path {
        Some(p) => {
            let bytes =
                std::fs::read(p).with_context(|| format!("reading model {}", p.display()))?;
            Model::from_bytes(&bytes).with_context(|| format!("loading model {}", p.display()))
        }
        None => Model::embedded().context("loading the embedded model"),
    }
}

fn ewt_dir() -> anyhow::Result<PathBuf> {
    let shared = sitrep_eval::shared_dir()
        .context("cannot find ../shared (set SITREP_SHARED to the folder holding data/)")?;
    Ok(shared.join("data").join("ud-english-ewt"))
}

/// Fills the predicted columns of `s` from the model (words and comments stay).
fn annotate(model: &Model, s: &mut Sentence, a: &mut Analysis, scratch: &mut Scratch) {
    let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
    model.analyse(&forms, a, scratch);
    for (i, w) in s.words.iter_mut().enumerate() {
        fill(model, w, a, i);
    }
}

fn fill(model: &Model, w: &mut Word, a: &Analysis, i: usize) {
    let (upos, xpos) = (model.upos(a.tags[i]), model.xpos(a.tags[i]));
    w.lemma = model.lemmatizer.lemma(&w.form, upos, xpos);
    w.feats = model.lemmatizer.feats(&w.form, upos, xpos);
    w.upos = upos.to_string();
    w.xpos = xpos.to_string();
    w.head = Some(a.heads[i]);
    w.deprel = model.label(a.labels[i]).to_string();
    w.deps = "_".to_string();
}

pub fn run(args: ParseArgs) -> anyhow::Result<ExitCode> {
    let model = load_model(args.model.as_deref(), args.beam)?;
    if matches!(args.input.input_format, Some(InputFormatArg::Conllu)) {
        return parse_conllu(&model, &args);
    }
    let extractor = Extractor::new(ExtractOptions::default());
    let mut out = run::stdout();
    let stats = run::run(
        &args.input,
        |rec| {
            let doc = extractor.extract(rec)?;
            Ok(parse_text(&model, &doc.id, &doc.text).into_bytes())
        },
        |bytes| out.write_all(bytes),
    )?;
    run::flush(&mut out)?;
    Ok(run::exit_code(&stats, args.input.strict))
}

/// Tokenises, splits, tags and parses one document's text into CoNLL-U. MISC carries each
/// word's code-point offsets into the text (`start_char`, `end_char`) and `SpaceAfter=No`.
pub fn parse_text(model: &Model, doc_id: &str, text: &str) -> String {
    let (tokens, sents) = tokenize::analyse(text);
    let mut out = String::new();
    let _ = writeln!(out, "# newdoc id = {doc_id}");
    let (mut scratch, mut a) = (Scratch::default(), Analysis::default());
    // Byte offset -> code-point offset, advanced monotonically over the text.
    let (mut byte_at, mut char_at) = (0usize, 0usize);
    let mut to_char = |b: usize| {
        char_at += text.get(byte_at..b).map_or(0, |s| s.chars().count());
        byte_at = b.max(byte_at);
        char_at
    };
    for (k, range) in sents.into_iter().enumerate() {
        let toks = &tokens[range];
        let (Some(first), Some(last)) = (toks.first(), toks.last()) else {
            continue;
        };
        let forms: Vec<&str> = toks.iter().map(|t| t.text(text)).collect();
        model.analyse(&forms, &mut a, &mut scratch);
        let sent_text: String = text
            .get(first.range().start..last.range().end)
            .unwrap_or("")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let mut s = Sentence {
            comments: vec![
                format!("# sent_id = {doc_id}-{}", k + 1),
                format!("# text = {sent_text}"),
            ],
            ..Sentence::default()
        };
        for (i, t) in toks.iter().enumerate() {
            let mut w = Word {
                form: forms[i].to_string(),
                ..Word::default()
            };
            fill(model, &mut w, &a, i);
            let (sc, ec) = (to_char(t.range().start), to_char(t.range().end));
            let space_after = toks.get(i + 1).is_none_or(|n| n.start > t.end);
            w.misc = format!("start_char={sc}|end_char={ec}");
            if !space_after {
                w.misc.push_str("|SpaceAfter=No");
            }
            s.words.push(w);
        }
        conllu::write_sentence(&s, &mut out);
    }
    out
}

fn parse_conllu(model: &Model, args: &ParseArgs) -> anyhow::Result<ExitCode> {
    let inputs: Vec<PathBuf> = if args.input.inputs.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.input.inputs.clone()
    };
    let mut out = run::stdout();
    let (mut scratch, mut a) = (Scratch::default(), Analysis::default());
    let (mut ok, mut failed, mut sentences) = (0usize, 0usize, 0usize);
    let started = Instant::now();
    for path in &inputs {
        let parsed = if path.as_os_str() == "-" {
            let mut text = String::new();
            std::io::stdin()
                .take(conllu::MAX_FILE_BYTES)
                .read_to_string(&mut text)
                .context("reading stdin")
                .and_then(|_| conllu::parse(&text).context("stdin"))
        } else {
            conllu::read_file(path).map_err(anyhow::Error::from)
        };
        let sents = match parsed {
            Ok(s) => s,
            Err(e) => {
                // One bad file does not stop the others; the exit status says something failed.
                eprintln!("sitrep: error: {e:#}");
                failed += 1;
                continue;
            }
        };
        let mut buf = String::new();
        for mut s in sents {
            annotate(model, &mut s, &mut a, &mut scratch);
            conllu::write_sentence(&s, &mut buf);
            sentences += 1;
        }
        out.write_all(buf.as_bytes())?;
        ok += 1;
    }
    run::flush(&mut out)?;
    if !args.input.quiet {
        eprintln!(
            "sitrep: parsed {sentences} sentences from {ok} inputs, {failed} failed, in {:.2}s",
            started.elapsed().as_secs_f64()
        );
    }
    Ok(if failed > 0 {
        ExitCode::from(2)
    } else if ok == 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

pub fn train(cmd: TrainCommand) -> anyhow::Result<ExitCode> {
    let TrainCommand::Parser(args) = cmd;
    train_parser(args)
}

fn train_parser(args: TrainParserArgs) -> anyhow::Result<ExitCode> {
    let dir = match &args.treebank_dir {
        Some(d) => d.clone(),
        None => ewt_dir()?,
    };
    let find = |split: &str| -> anyhow::Result<PathBuf> {
        ["conllu.gz", "conllu"]
            .iter()
            .map(|ext| dir.join(format!("en_ewt-ud-{split}.{ext}")))
            .find(|p| p.is_file())
            .with_context(|| format!("no en_ewt-ud-{split}.conllu(.gz) in {}", dir.display()))
    };
    let started = Instant::now();
    let trainset = conllu::read_file(&find("train")?)?;
    let dev = if args.no_dev {
        Vec::new()
    } else {
        conllu::read_file(&find("dev")?)?
    };
    let mut o = train::TrainOptions::default();
    o.tagger_epochs = args.tagger_epochs.unwrap_or(o.tagger_epochs);
    o.parser_epochs = args.parser_epochs.unwrap_or(o.parser_epochs);
    o.folds = args.folds.unwrap_or(o.folds);
    o.seed = args.seed.unwrap_or(o.seed);
    o.tagger_r2l = !args.no_r2l;
    o.rare_count = args.rare_count.unwrap_or(o.rare_count);
    o.beam = args.beam.map_or(o.beam, usize::from);
    o.prune = (
        args.prune_tagger.unwrap_or(o.prune.0),
        args.prune_parser.unwrap_or(o.prune.1),
    );
    let model = train::train(&trainset, &dev, &o, |line| eprintln!("{line}"))?;
    let bytes = model.to_bytes();
    std::fs::write(&args.out, &bytes).with_context(|| format!("writing {}", args.out.display()))?;
    eprintln!(
        "wrote {} ({:.1} MB) after {:.1}s",
        args.out.display(),
        bytes.len() as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}

pub fn eval_parser(args: EvalParserArgs) -> anyhow::Result<ExitCode> {
    let path = match &args.treebank {
        Some(p) => p.clone(),
        None => ewt_dir()?.join("en_ewt-ud-test.conllu.gz"),
    };
    let (load_start, load_cpu) = (Instant::now(), eval::thread_cpu_seconds());
    let model = load_model(args.model.as_deref(), args.beam)?;
    let load_ms = load_start.elapsed().as_secs_f64() * 1e3;
    let load_cpu_ms = load_cpu.and_then(|a| Some((eval::thread_cpu_seconds()? - a) * 1e3));
    let gold = conllu::read_file(&path)?;
    let sc = eval::evaluate(&model, &gold);
    // The splitter is scored on documents rebuilt from the `# text` lines.
    let raw = conllu::read_text(&path)?;
    let sb = sitrep_nlp::sentences::sentence_boundary_f1(&raw);
    if args.json {
        let j = serde_json::json!({
            "treebank": path.display().to_string(),
            "sentences": sc.sentences,
            "words": sc.words,
            "upos": round2(sc.upos_pct()),
            "xpos": round2(sc.xpos_pct()),
            "lemma": round2(sc.lemma_pct()),
            "uas": round2(sc.uas_pct()),
            "las": round2(sc.las_pct()),
            "sentences_per_s": sc.sentences_per_s().round(),
            "sentences_per_wall_s": sc.sentences_per_wall_s().round(),
            "model_load_ms": round2(load_ms),
            "model_load_cpu_ms": load_cpu_ms.map(round2),
            "sentence_boundary_f1": round2(100.0 * sb.f1),
        });
        println!("{j}");
    } else {
        println!(
            "treebank   {} ({} sentences, {} words, gold tokens)",
            path.display(),
            sc.sentences,
            sc.words
        );
        println!("UPOS       {:.2}", sc.upos_pct());
        println!("XPOS       {:.2}", sc.xpos_pct());
        println!("lemma      {:.2}", sc.lemma_pct());
        println!("UAS        {:.2}", sc.uas_pct());
        println!(
            "LAS        {:.2}  (universal labels, all words)",
            sc.las_pct()
        );
        println!(
            "speed      {:.0} sentences/s (tag + parse, one thread)",
            sc.sentences_per_s()
        );
        println!("model load {load_ms:.1} ms");
        println!(
            "splitter   sentence-boundary F1 {:.2} (P {:.2}, R {:.2}; {} documents rebuilt from # text)",
            100.0 * sb.f1,
            100.0 * sb.precision,
            100.0 * sb.recall,
            sb.documents
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}
