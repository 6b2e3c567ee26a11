//! `sitrep actors`: actor and place mentions per article, as JSON lines.

use crate::args_actors::ActorsArgs;
use crate::run;
use anyhow::Context as _;
use serde::Serialize;
use sitrep_actors::kb::{Kb, PartialDate};
use sitrep_actors::recognize::{Mention, Pos, Recognizer, Scratch, Word};
use sitrep_extract::{ExtractOptions, Extractor};
use sitrep_nlp::{tokenize, Analysis, Model};
use sitrep_pipeline::GazetteerPlaces;
use sitrep_places::Gazetteer;
use std::io::Write;
use std::ops::Range;
use std::process::ExitCode;

#[derive(Serialize)]
struct PlaceJson<'a> {
    name: &'a str,
    country: Option<&'a str>,
    lat: Option<f64>,
    lon: Option<f64>,
    level: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    gazetteer_id: &'a str,
}

#[derive(Serialize)]
struct MentionJson<'a> {
    id: usize,
    kind: &'a str,
    text: &'a str,
    start: usize,
    end: usize,
    start_char: usize,
    end_char: usize,
    sentence: usize,
    country: Option<&'a str>,
    sectors: &'a [String],
    plover_sector: Option<&'a str>,
    code: Option<&'a str>,
    name: Option<&'a str>,
    role: Option<&'a str>,
    role_start: Option<&'a str>,
    role_end: Option<&'a str>,
    resolved_from: Option<usize>,
    rule: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    place: Option<PlaceJson<'a>>,
}

#[derive(Serialize)]
struct ArticleJson<'a> {
    input: &'a str,
    record: u64,
    id: &'a str,
    date: String,
    actors: Vec<MentionJson<'a>>,
    places: Vec<MentionJson<'a>>,
}

/// The date an article's roles are read at: the flag, else its published date, else the
/// knowledge base's reference date (never the clock: same input, same output).
fn article_date(flag: Option<PartialDate>, published: Option<&str>) -> PartialDate {
    flag.or_else(|| published.and_then(|p| PartialDate::parse(p.get(..10).unwrap_or(p))))
        .unwrap_or(sitrep_pipeline::KB_AS_OF)
}

/// Words with POS tags (when a model is given) and sentences of one text.
pub fn analyse(model: Option<&Model>, text: &str) -> (Vec<Word>, Vec<Range<usize>>) {
    let (tokens, sents) = tokenize::analyse(text);
    let mut words: Vec<Word> = tokens
        .iter()
        .map(|t| Word {
            start: t.start,
            end: t.end,
            pos: Pos::Unknown,
        })
        .collect();
    if let Some(model) = model {
        let (mut a, mut scratch) = (Analysis::default(), sitrep_nlp::Scratch::default());
        let mut forms: Vec<&str> = Vec::new();
        for r in &sents {
            forms.clear();
            forms.extend(tokens[r.clone()].iter().map(|t| t.text(text)));
            model.analyse(&forms, &mut a, &mut scratch);
            for (k, w) in words[r.clone()].iter_mut().enumerate() {
                if let Some(&t) = a.tags.get(k) {
                    w.pos = Pos::from_upos(model.upos(t));
                }
            }
        }
    }
    (words, sents)
}

fn to_json<'a>(text: &str, ms: &'a [Mention]) -> (Vec<MentionJson<'a>>, Vec<MentionJson<'a>>) {
    let (mut actors, mut places) = (Vec::new(), Vec::new());
    let (mut byte_at, mut char_at) = (0usize, 0usize);
    for (id, m) in ms.iter().enumerate() {
        // Mentions are sorted by start, so the code-point offset advances monotonically.
        if m.start >= byte_at {
            char_at += text.get(byte_at..m.start).map_or(0, |s| s.chars().count());
            byte_at = m.start;
        }
        let end_char = char_at + text.get(m.start..m.end).map_or(0, |s| s.chars().count());
        let j = MentionJson {
            id,
            kind: m.kind.as_str(),
            text: &m.text,
            start: m.start,
            end: m.end,
            start_char: char_at,
            end_char,
            sentence: m.sentence,
            country: m.country.as_deref(),
            sectors: &m.sectors,
            plover_sector: m.plover_sector.as_deref(),
            code: m.code.as_deref(),
            name: m.name.as_deref(),
            role: m.role.as_ref().map(|r| r.role),
            role_start: m.role.as_ref().map(|r| r.start.as_str()),
            role_end: m.role.as_ref().and_then(|r| r.end.as_deref()),
            resolved_from: m.resolved_from,
            rule: m.rule,
            place: m.place.as_ref().map(|p| PlaceJson {
                name: &p.name,
                country: p.country.as_deref(),
                lat: p.lat,
                lon: p.lon,
                level: p.level,
                gazetteer_id: &p.id,
            }),
        };
        if m.kind == sitrep_actors::recognize::MentionKind::Place {
            places.push(j);
        } else {
            actors.push(j);
        }
    }
    (actors, places)
}

pub fn run(args: ActorsArgs) -> anyhow::Result<ExitCode> {
    let flag_date =
        match &args.published {
            Some(s) => Some(PartialDate::parse(s).with_context(|| {
                format!("--published {s}: expected YYYY-MM-DD, YYYY-MM or YYYY")
            })?),
            None => None,
        };
    let model = if args.no_tagger {
        None
    } else {
        Some(match &args.model {
            Some(p) => {
                let bytes =
                    std::fs::read(p).with_context(|| format!("reading model {}", p.display()))?;
                Model::from_bytes(&bytes)
                    .with_context(|| format!("loading model {}", p.display()))?
            }
            // The embedded model may be missing while it is being retrained: the rules
            // then fall back on capitalisation, and we say so once.
            None => match Model::embedded() {
                Ok(m) => m,
                Err(e) => {
                    eprintln!("sitrep: warning: no tagger ({e}); using capitalisation only");
                    return run_with(args, flag_date, None);
                }
            },
        })
    };
    run_with(args, flag_date, model.as_ref())
}

fn run_with(
    args: ActorsArgs,
    flag_date: Option<PartialDate>,
    model: Option<&Model>,
) -> anyhow::Result<ExitCode> {
    let kb = Kb::builtin().map_err(|e| anyhow::anyhow!("loading the built-in KB: {e}"))?;
    let gazetteer =
        Gazetteer::try_builtin().map_err(|e| anyhow::anyhow!("loading the gazetteer: {e}"))?;
    let recognizer = Recognizer::new(kb);
    let places = GazetteerPlaces(gazetteer);
    let extractor = Extractor::new(ExtractOptions::default());
    let mut out = run::stdout();
    let stats = run::run(
        &args.input,
        |rec| {
            let doc = extractor.extract(rec)?;
            let date = article_date(flag_date, doc.meta.published.as_deref());
            let (words, sents) = analyse(model, &doc.text);
            let ms = recognizer.recognize(
                &doc.text,
                &words,
                &sents,
                date,
                &places,
                &mut Scratch::default(),
            );
            let (actors, places) = to_json(&doc.text, &ms);
            let j = ArticleJson {
                input: &doc.origin.input,
                record: doc.origin.record,
                id: &doc.id,
                date: date.to_string(),
                actors,
                places,
            };
            let mut buf = serde_json::to_vec(&j).expect("serialisable");
            buf.push(b'\n');
            Ok(buf)
        },
        |bytes| out.write_all(bytes),
    )?;
    run::flush(&mut out)?;
    Ok(run::exit_code(&stats, args.input.strict))
}
