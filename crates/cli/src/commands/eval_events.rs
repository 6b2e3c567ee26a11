//! `sitrep eval` (no sub-command) and `sitrep eval events`: the event coder on the public
//! suites, read in place from the shared folder.
//!
//! The PETRARCH-2 and TABARI suites are written for their own toy dictionaries (fictional
//! countries such as ARN, GON): they are coded with those dictionaries converted by
//! `sitrep_events::compat` over the pipeline's parser. When the dictionaries cannot be
//! loaded, the built-in coder is scored instead (honestly low) and a warning says so.

use crate::args_code::EvalEventsArgs;
use crate::commands::code::pipeline;
use anyhow::Context as _;
use sitrep_actors::dict::{load_file, ActorDict, AgentDict, Dictionary, Format, VerbDict};
use sitrep_doc::Event;
use sitrep_eval::events_score::{self, Coders, EventSuites};
use sitrep_eval::petrarch::Triple;
use sitrep_events::compat::{petrarch_suite_coder, tabari_suite_coder, CoderOptions, SuiteCoder};
use sitrep_events::Sentence;
use sitrep_pipeline::Pipeline;
use std::path::Path;
use std::process::ExitCode;

/// `YYYYMMDD` or `YYMMDD` (TABARI: years before 50 are 20xx) as `YYYY-MM-DD`.
fn iso_date(d: &str) -> Option<String> {
    let d = d.trim();
    if !d.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (y, rest) = match d.len() {
        8 => (d[..4].to_string(), &d[4..]),
        6 => {
            let yy: u32 = d[..2].parse().ok()?;
            let century = if yy < 50 { 2000 } else { 1900 };
            ((century + yy).to_string(), &d[2..])
        }
        _ => return None,
    };
    Some(format!("{y}-{}-{}", &rest[..2], &rest[2..]))
}

/// The suites' triple for an event; a missing target is written `---` as in the suites.
fn triples(p: &Pipeline, id: &str, text: &str, date: &str) -> Vec<Triple> {
    let published = iso_date(date);
    p.code_text(id, text, published.as_deref())
        .into_iter()
        .map(|e| {
            (
                e.source.code,
                e.target.map_or_else(|| "---".to_string(), |t| t.code),
                e.cameo.code,
            )
        })
        .collect()
}

pub fn run(args: EvalEventsArgs) -> anyhow::Result<ExitCode> {
    let shared = match args.shared.clone().or_else(sitrep_eval::shared_dir) {
        Some(s) => s,
        None => {
            anyhow::bail!("no shared data folder found: pass --shared DIR or set SITREP_SHARED")
        }
    };
    let p = pipeline(None, false, false)?;
    let want = |name: &str| args.only.is_empty() || args.only.iter().any(|o| o == name);
    let parse = |t: &str| p.parse_text(t);
    // A suite is scored with its own dictionaries or not at all: scoring another coder under
    // the suite's name would report a figure for something that did not run.
    let pet_suite = want("petrarch")
        .then(|| petrarch_coder(&shared, &parse))
        .transpose()
        .context("loading the PETRARCH-2 suite's dictionaries")?;
    let tab_suite = want("tabari")
        .then(|| tabari_coder(&shared, &parse))
        .transpose()
        .context("loading the TABARI suite's dictionaries")?;
    let pet = |r: &sitrep_eval::petrarch::Record| match &pet_suite {
        Some(c) => c.code(&r.text, &r.date, CoderOptions::from_config(&r.config)),
        None => triples(&p, &r.id, &r.text, &r.date),
    };
    let tab = |r: &sitrep_eval::tabari::Record| match &tab_suite {
        Some(c) => c.code(&r.text, &r.date, CoderOptions::default()),
        None => triples(&p, &r.id, &r.text, &r.date),
    };
    let plo = |t: &str| p.code_text("plover", t, None);
    let seed = |t: &str, d: &str| p.code_text("seed", t, Some(d));
    let coders = Coders {
        petrarch: want("petrarch").then_some(&pet as _),
        tabari: want("tabari").then_some(&tab as _),
        plover: want("plover").then_some(&plo as _),
        seed: want("seed").then_some(&seed as _),
    };
    let suites = events_score::run(&shared, &coders)
        .with_context(|| format!("running the event suites under {}", shared.display()))?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&suites)?);
    } else {
        print_table(&suites);
    }
    if args.dev_misses {
        print_dev_misses(&shared, &plo)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The PLOVER dev half's misses (see `EvalEventsArgs::dev_misses`), on stderr when the
/// figures went to stdout as JSON, so that the JSON stays parseable.
fn print_dev_misses(shared: &Path, coder: &dyn Fn(&str) -> Vec<Event>) -> anyhow::Result<()> {
    use sitrep_eval::plover;
    let records = plover::load(shared)?;
    let (dev, _test) = plover::split(&records);
    let (mut shown, total) = (0usize, dev.len());
    for r in &dev {
        let events = coder(&r.text);
        let best = plover::top(&events);
        let got = best.map(|e| plover::current_type(&e.plover.event_type).to_string());
        if got.as_deref() == Some(r.event_current.as_str()) {
            continue;
        }
        shown += 1;
        let coded = best.map_or_else(
            || "-".to_string(),
            |e| format!("{} {}", got.as_deref().unwrap_or("-"), e.cameo.code),
        );
        eprintln!("{}\t{}\t{}\t{}", r.id, r.event_current, coded, r.text);
    }
    eprintln!("plover dev misses: {shown} of {total} records");
    Ok(())
}

type Parse<'a> = &'a dyn Fn(&str) -> Vec<Sentence>;

fn load(path: &Path, format: Format) -> anyhow::Result<Dictionary> {
    Ok(load_file(path, Some(format))
        .with_context(|| format!("loading {}", path.display()))?
        .dict)
}

fn parts(
    verbs: Dictionary,
    actors: Dictionary,
    agents: Dictionary,
) -> anyhow::Result<(VerbDict, ActorDict, AgentDict)> {
    match (verbs, actors, agents) {
        (Dictionary::Verbs(v), Dictionary::Actors(a), Dictionary::Agents(g)) => Ok((v, a, g)),
        _ => anyhow::bail!("a suite dictionary is not of the expected kind"),
    }
}

/// The PETRARCH-2 suite's own dictionaries (named by the suite file) over our parser.
fn petrarch_coder<'a>(shared: &Path, parse: Parse<'a>) -> anyhow::Result<SuiteCoder<Parse<'a>>> {
    let suite = sitrep_eval::petrarch::load(shared)?;
    let path = |k: &str| {
        suite
            .dictionary(k)
            .with_context(|| format!("the suite names no {k}"))
    };
    let (v, a, g) = parts(
        load(&path("Verbfile")?, Format::PetrarchVerbs)?,
        load(&path("Actorfile")?, Format::PetrarchActors)?,
        load(&path("Agentfile")?, Format::PetrarchAgents)?,
    )?;
    let mut coder = petrarch_suite_coder(&v, &a, &g, parse)?;
    if let Dictionary::Discards(d) = load(&path("Discardfile")?, Format::PetrarchDiscards)? {
        coder = coder.with_discards(&d);
    }
    Ok(coder)
}

/// TABARI's demo dictionaries over our parser.
fn tabari_coder<'a>(shared: &Path, parse: Parse<'a>) -> anyhow::Result<SuiteCoder<Parse<'a>>> {
    let dir = shared.join("data/tabari/validation");
    let (v, a, g) = parts(
        load(&dir.join("TABARI.Demo.verbs"), Format::TabariVerbs)?,
        load(&dir.join("TABARI.Demo.actors"), Format::TabariActors)?,
        load(&dir.join("Validate.agents"), Format::TabariAgents)?,
    )?;
    Ok(tabari_suite_coder(&v, &a, &g, parse)?)
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

fn print_table(s: &EventSuites) {
    if let Some(r) = &s.petrarch {
        println!(
            "petrarch  records {:>4}  exact {:>4} ({:.1}%)  triples P {:.3} R {:.3} F1 {:.3}",
            r.records,
            r.exact,
            100.0 * r.exact_rate,
            r.precision,
            r.recall,
            f1(r.precision, r.recall)
        );
        for (cat, c) in &r.per_category {
            println!("  {cat:<24} {:>4} / {:>4} exact", c.exact, c.records);
        }
    }
    if let Some(r) = &s.tabari {
        println!(
            "tabari    records {:>4}  exact {:>4}  P {:.3} R {:.3} F1 {:.3} (tp {} fp {} fn {})",
            r.records,
            r.exact,
            r.precision,
            r.recall,
            f1(r.precision, r.recall),
            r.true_positives,
            r.false_positives,
            r.false_negatives
        );
    }
    if let Some(r) = &s.plover {
        println!(
            "plover    records {:>4}  event type accuracy {:.3} (dev {:.3}, test {:.3})  actor country F1 {:.3} (dev {:.3}, test {:.3})  no event {} (dev {}, test {})",
            r.all.records,
            r.event_type_accuracy,
            r.dev_event_type_accuracy,
            r.test_event_type_accuracy,
            r.actor_country_f1,
            r.dev_actor_country_f1,
            r.test_actor_country_f1,
            r.all.no_event,
            r.dev_no_event,
            r.test_no_event
        );
        for (t, c) in &r.all.per_type {
            println!("  {t:<24} {:>4} / {:>4} correct", c.correct, c.records);
        }
    }
    if let Some(r) = &s.seed {
        println!(
            "seed      required {}  matched {}  forbidden {}  produced {}",
            r.required, r.matched, r.forbidden, r.produced
        );
        for d in &r.details {
            println!(
                "  {:<20} {}{}",
                d.id,
                if d.matched { "matched" } else { "missed" },
                if d.near_misses.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", d.near_misses.join("; "))
                }
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::iso_date;

    #[test]
    fn iso_date_reads_both_suite_formats() {
        assert_eq!(iso_date("19950101").as_deref(), Some("1995-01-01"));
        assert_eq!(iso_date("950101").as_deref(), Some("1995-01-01"));
        assert_eq!(iso_date("080315").as_deref(), Some("2008-03-15"));
        assert_eq!(iso_date("1995-01").as_deref(), None);
    }
}
