use std::io::{BufRead, BufReader};

use sitrep_places::eval::{
    agreement, capital_labels, datelines, read_geonames, reuters_country, sample_names,
    time_resolve, DatelineRow,
};
use sitrep_places::{distance_km, Context, Gazetteer, Level};

use crate::shared_or_skip;

/// Acceptance: both `places` of the seed article resolve to the right country and lie
/// within their stated tolerance, using the countries the article's actors belong to.
#[test]
fn seed_places_within_tolerance() {
    let Some(shared) = shared_or_skip("seed_places_within_tolerance") else {
        return;
    };
    let path = shared.join("seed/kim-putin-euronews.expected.json");
    let text = std::fs::read_to_string(&path).expect("read seed expectations");
    let v: serde_json::Value = serde_json::from_str(&text).expect("seed json");
    let mut countries: Vec<String> = v["actors"]
        .as_array()
        .expect("actors")
        .iter()
        .filter_map(|a| a["country"].as_str().map(String::from))
        .collect();
    countries.sort();
    countries.dedup();
    let g = Gazetteer::builtin();
    let places = v["places"].as_array().expect("places");
    assert!(!places.is_empty());
    for with_context in [false, true] {
        let cx = Context {
            countries_mentioned: if with_context {
                countries.clone()
            } else {
                vec![]
            },
            ..Context::default()
        };
        for p in places {
            let name = p["text"].as_str().expect("text");
            let got = g
                .resolve(name, &cx)
                .unwrap_or_else(|| panic!("{name} unresolved"));
            assert_eq!(got.country.as_deref(), p["country"].as_str(), "{name}");
            assert_eq!(got.level, Level::City);
            let km = distance_km(
                got.lat.unwrap(),
                got.lon.unwrap(),
                p["lat"].as_f64().unwrap(),
                p["lon"].as_f64().unwrap(),
            );
            assert!(
                km <= p["tolerance_km"].as_f64().unwrap(),
                "{name}: {km:.1} km off"
            );
        }
    }
}

fn shared_rows(test: &str) -> Option<Vec<sitrep_places::eval::GeoRow>> {
    let shared = shared_or_skip(test)?;
    let path = shared.join("data/gazetteer/geonames/cities15000.txt.gz");
    let f = std::fs::File::open(&path).expect("open cities15000.txt.gz");
    let (rows, bad) = read_geonames(BufReader::new(flate2::read::GzDecoder::new(f))).expect("read");
    eprintln!("{}: {} rows, {bad} malformed", path.display(), rows.len());
    Some(rows)
}

/// Sanity evaluation: resolve(name) vs the most populous place of that name in the
/// evaluation copy of GeoNames. Two seeds: the ranking weights were set by hand before
/// either was run, and neither is used for tuning; both are reported.
#[test]
fn shared_agreement_with_most_populous() {
    let Some(rows) = shared_rows("shared_agreement_with_most_populous") else {
        return;
    };
    let g = Gazetteer::builtin();
    for seed in [1u64, 2] {
        let names = sample_names(&rows, 2000, seed);
        let a = agreement(g, &rows, &names);
        eprintln!("seed {seed}: {a:?} rate {:.4}", a.rate());
        // A floor well under the measured figure, so a broken index or ranking fails.
        assert!(a.rate() > 0.9, "seed {seed}: {a:?}");
        assert!(a.ambiguous > 0);
    }
    let (tp, fp, fnn) = capital_labels(g, &rows);
    eprintln!("PPLC labels vs table: tp {tp} fp {fp} fn {fnn}");
    assert!(tp > 200, "{tp}");
}

/// News evaluation: Reuters-21578 datelines resolved with no context, scored by whether
/// the place's country is among the story's `places` labels. Lewis TRAIN is where errors
/// were read (dev); Lewis TEST is held out and reported separately.
#[test]
fn shared_reuters_datelines() {
    let Some(shared) = shared_or_skip("shared_reuters_datelines") else {
        return;
    };
    let path = shared.join("data/news/reuters21578/reuters21578.jsonl.gz");
    let f = std::fs::File::open(&path).expect("open reuters21578.jsonl.gz");
    let mut by_split: std::collections::BTreeMap<String, Vec<DatelineRow>> = Default::default();
    for line in BufReader::new(flate2::read::GzDecoder::new(f)).lines() {
        let line = line.expect("read line");
        let v: serde_json::Value = serde_json::from_str(&line).expect("json line");
        let (Some(d), Some(p)) = (v["dateline"].as_str(), v["places"].as_array()) else {
            continue;
        };
        let places = p
            .iter()
            .filter_map(|x| x.as_str().map(String::from))
            .collect();
        let split = v["lewissplit"].as_str().unwrap_or("?").to_string();
        by_split.entry(split).or_default().push(DatelineRow {
            dateline: d.to_string(),
            places,
        });
    }
    let g = Gazetteer::builtin();
    assert!(
        by_split.values().map(Vec::len).sum::<usize>() > 10_000,
        "Reuters datelines read: {:?}",
        by_split
            .iter()
            .map(|(k, v)| (k, v.len()))
            .collect::<Vec<_>>()
    );
    for (split, rows) in &by_split {
        let s = datelines(g, rows);
        eprintln!("lewissplit {split}: rate {:.4} {s:#?}", s.rate());
        if split != "NOT-USED" {
            // A floor under the measured figure (see the crate README).
            assert!(s.rate() > 0.85, "{split}: {s:?}");
        }
    }
    let mut unmapped: std::collections::BTreeMap<&str, usize> = Default::default();
    for r in by_split.values().flatten() {
        for c in &r.places {
            if reuters_country(g, c).is_none() {
                *unmapped.entry(c.as_str()).or_default() += 1;
            }
        }
    }
    eprintln!("unmapped Reuters place codes: {unmapped:?}");
}

/// CPU time this thread has run, in seconds (Linux schedstat), so a figure taken on a
/// shared, loaded machine is not inflated by waiting for a core.
fn thread_cpu_secs() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    Some(s.split_whitespace().next()?.parse::<f64>().ok()? / 1e9)
}

/// Resident set size of the process in MB (Linux).
fn rss_mb() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let kb: f64 = s
        .lines()
        .find(|l| l.starts_with("VmRSS:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()?;
    Some(kb / 1024.0)
}

/// Load cost and lookup speed. Run alone, in release:
/// `cargo test -p sitrep-places --release --test tests shared_lookup_speed -- --ignored --nocapture`
#[test]
#[ignore = "a speed report: run alone, in release"]
fn shared_lookup_speed() {
    let Some(rows) = shared_rows("shared_lookup_speed") else {
        return;
    };
    let mut names = sample_names(&rows, 5000, 3);
    drop(rows);
    // Half misses, as most spans a recogniser probes are not places.
    names.extend(names.clone().into_iter().map(|n| format!("{n} Xq")));
    let rss0 = rss_mb();
    let (t, c) = (std::time::Instant::now(), thread_cpu_secs());
    let g = Gazetteer::from_gz(sitrep_places::BUILTIN_GZ).expect("load");
    let cpu = thread_cpu_secs().zip(c).map(|(b, a)| b - a);
    eprintln!(
        "load (decompress + index): wall {:.1} ms, cpu {:.1} ms; RSS {:?} -> {:?} MB; heap estimate {:.1} MB",
        t.elapsed().as_secs_f64() * 1e3,
        cpu.unwrap_or(f64::NAN) * 1e3,
        rss0,
        rss_mb(),
        g.heap_bytes() as f64 / 1e6
    );
    let c0 = thread_cpu_secs();
    let (n, secs, hits) = time_resolve(&g, &names, 40);
    let cpu = thread_cpu_secs()
        .zip(c0)
        .map(|(b, a)| b - a)
        .unwrap_or(f64::NAN);
    assert!(hits >= n / 2 - n / 20, "{hits} of {n}");
    eprintln!(
        "{n} resolves (half misses): wall {secs:.3} s = {:.0}/s; cpu {cpu:.3} s = {:.0}/s",
        n as f64 / secs,
        n as f64 / cpu
    );
}

/// Cost of gazetteer probing on real sentences (Reuters-21578 Lewis TEST bodies, split
/// naively): every capitalised word starts a longest-prefix probe of up to six words, and
/// each hit is resolved. This measures lookup cost per sentence, not recognition quality
/// (no mention filter is applied). Run alone, in release:
/// `cargo test -p sitrep-places --release --test tests shared_probe_throughput -- --ignored --nocapture`
#[test]
#[ignore = "a speed report: run alone, in release"]
fn shared_probe_throughput() {
    let Some(shared) = shared_or_skip("shared_probe_throughput") else {
        return;
    };
    let path = shared.join("data/news/reuters21578/reuters21578.jsonl.gz");
    let f = std::fs::File::open(&path).expect("open reuters21578.jsonl.gz");
    let mut sentences: Vec<String> = Vec::new();
    for line in BufReader::new(flate2::read::GzDecoder::new(f)).lines() {
        let v: serde_json::Value = serde_json::from_str(&line.expect("line")).expect("json");
        if v["lewissplit"].as_str() != Some("TEST") {
            continue;
        }
        let text = v["text"].as_str().unwrap_or("").replace('\n', " ");
        sentences.extend(
            text.split(". ")
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from),
        );
    }
    let g = Gazetteer::builtin();
    let cx = Context {
        countries_mentioned: vec!["USA".into()],
        ..Context::default()
    };
    let mut key = String::new();
    let mut words: Vec<&str> = Vec::new();
    let (mut probes, mut hits) = (0usize, 0usize);
    let c0 = thread_cpu_secs();
    let t = std::time::Instant::now();
    for s in &sentences {
        words.clear();
        words.extend(
            s.split_whitespace()
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
                .filter(|w| !w.is_empty()),
        );
        let mut i = 0;
        while i < words.len() {
            if !words[i].starts_with(|c: char| c.is_uppercase()) {
                i += 1;
                continue;
            }
            probes += 1;
            match g.longest_prefix(&words[i..], &mut key) {
                Some((n, c)) => {
                    hits += usize::from(g.best(c, &cx).is_some());
                    i += n;
                }
                None => i += 1,
            }
        }
    }
    let wall = t.elapsed().as_secs_f64();
    let cpu = thread_cpu_secs()
        .zip(c0)
        .map(|(b, a)| b - a)
        .unwrap_or(f64::NAN);
    assert!(hits > 0 && probes > hits);
    eprintln!(
        "{} sentences, {probes} probes, {hits} hits: wall {wall:.3} s = {:.0} sentences/s; cpu {cpu:.3} s = {:.0} sentences/s",
        sentences.len(),
        sentences.len() as f64 / wall,
        sentences.len() as f64 / cpu
    );
}
