//! `sitrep actors`: actor and place mentions per article, as JSON lines. The mentions come
//! from `sitrep_pipeline::Pipeline::actors`, the first pass of `sitrep code`.

use crate::args_actors::ActorsArgs;
use crate::run;
use anyhow::Context as _;
use serde::Serialize;
use sitrep_actors::kb::PartialDate;
use sitrep_actors::recognize::Mention;
use std::io::Write;
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
    let date =
        match &args.published {
            Some(s) => Some(PartialDate::parse(s).with_context(|| {
                format!("--published {s}: expected YYYY-MM-DD, YYYY-MM or YYYY")
            })?),
            None => None,
        };
    // The event coder's own pipeline: the same analysed text, caps, tags and role date as
    // `sitrep code`, so the mentions printed here are the ones it codes.
    let p = super::code::pipeline(args.model.clone(), false, false)?;
    let mut out = run::stdout();
    let stats = run::run(
        &args.input,
        |rec| {
            let v = p.actors(rec, date, !args.no_tagger)?;
            let (actors, places) = to_json(&v.text, &v.mentions);
            let j = ArticleJson {
                input: &v.doc.origin.input,
                record: v.doc.origin.record,
                id: &v.doc.id,
                date: v.date.to_string(),
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
