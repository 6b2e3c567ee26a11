//! Draws a seeded random sample of events from `sitrep code` JSON lines, for a human review.
//!
//! ```text
//! sitrep code corpus.jsonl.gz > /tmp/events.jsonl
//! cargo run -p sitrep-eval --example sample_events -- /tmp/events.jsonl --n 50 --seed 20261128
//! ```
//!
//! Prints a Markdown table (one row per drawn event, in the order drawn) with the fields a
//! reviewer needs, and after it the drawn rows as JSON lines (`--jsonl` prints only those).
//! The draw depends only on the seed and the input's lines, so the same seed over the same
//! coder output gives the same sample; when the coder changes, the events change and so does
//! the sample. Lines that are not JSON objects are counted and reported, not drawn.

use std::io::{BufRead, BufReader, Read};

/// SplitMix64 (Steele, Lea, Flood 2014): tiny, fixed, and good enough to pick review rows;
/// written here so the draw cannot change with a dependency's version.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` by rejection (no modulo bias); `n` must be > 0.
    fn below(&mut self, n: u64) -> u64 {
        let zone = u64::MAX - (u64::MAX % n);
        loop {
            let x = self.next();
            if x < zone {
                return x % n;
            }
        }
    }
}

/// The first `n` positions of a seeded Fisher-Yates shuffle of `0..len`.
fn draw(len: usize, n: usize, seed: u64) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..len).collect();
    let mut rng = SplitMix64(seed);
    let n = n.min(len);
    for i in 0..n {
        let j = i + rng.below((len - i) as u64) as usize;
        idx.swap(i, j);
    }
    idx.truncate(n);
    idx
}

struct Args {
    input: Option<String>,
    n: usize,
    seed: u64,
    jsonl: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut a = Args {
        input: None,
        n: 50,
        seed: 20261128,
        jsonl: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(x) = it.next() {
        let mut value = |name: &str| it.next().ok_or(format!("{name} needs a value"));
        match x.as_str() {
            "--n" => a.n = value("--n")?.parse().map_err(|e| format!("--n: {e}"))?,
            "--seed" => {
                a.seed = value("--seed")?
                    .parse()
                    .map_err(|e| format!("--seed: {e}"))?
            }
            "--jsonl" => a.jsonl = true,
            "-h" | "--help" => {
                return Err("usage: sample_events [FILE|-] [--n N] [--seed S] [--jsonl]".into())
            }
            _ if a.input.is_none() => a.input = Some(x),
            _ => return Err(format!("unexpected argument {x}")),
        }
    }
    Ok(a)
}

fn field<'a>(v: &'a serde_json::Value, path: &[&str]) -> &'a serde_json::Value {
    path.iter().fold(v, |v, k| &v[*k])
}

fn text(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => "-".into(),
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// One table cell: pipes and newlines would break the Markdown row.
fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace(['\n', '\r'], " ")
}

fn main() {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("sample_events: {e}");
            std::process::exit(2);
        }
    };
    let reader: Box<dyn Read> = match args.input.as_deref() {
        None | Some("-") => Box::new(std::io::stdin()),
        Some(p) => match std::fs::File::open(p) {
            Ok(f) => Box::new(f),
            Err(e) => {
                eprintln!("sample_events: {p}: {e}");
                std::process::exit(2);
            }
        },
    };
    let mut rows = Vec::new();
    let mut bad = 0usize;
    for line in BufReader::new(reader).lines() {
        let Ok(line) = line else {
            bad += 1;
            continue;
        };
        match serde_json::from_str::<serde_json::Value>(&line) {
            Ok(v) if v.is_object() => rows.push(v),
            _ => bad += 1,
        }
    }
    eprintln!(
        "sample_events: {} events read, {bad} lines not JSON objects (not drawn); seed {}, n {}",
        rows.len(),
        args.seed,
        args.n
    );
    let picked = draw(rows.len(), args.n, args.seed);
    if !args.jsonl {
        println!("| # | article | code | source -> target | mod | neg | attr | date | trigger | evidence |");
        println!("|---|---|---|---|---|---|---|---|---|---|");
        for (k, &i) in picked.iter().enumerate() {
            let r = &rows[i];
            let ev = &r["evidence"][0];
            println!(
                "| {} | {} | {} {} | {} ({}) -> {} ({}) | {} | {} | {} | {} | {} | {} |",
                k + 1,
                cell(&text(&r["article_id"])),
                text(field(r, &["cameo", "code"])),
                cell(&text(field(r, &["cameo", "name"]))),
                cell(&text(field(r, &["source", "text"]))),
                text(field(r, &["source", "code"])),
                cell(&text(field(r, &["target", "text"]))),
                text(field(r, &["target", "code"])),
                text(&r["modality"]),
                text(&r["negated"]),
                cell(&text(field(r, &["attributed_to", "text"]))),
                text(&r["date"]),
                cell(&text(&ev["trigger"])),
                cell(&text(&ev["sentence"])),
            );
        }
        println!();
    }
    for &i in &picked {
        println!("{}", rows[i]);
    }
}

#[cfg(test)]
mod tests {
    use super::draw;

    #[test]
    fn draw_is_seeded_distinct_and_bounded() {
        let a = draw(1000, 50, 7);
        assert_eq!(a, draw(1000, 50, 7));
        assert_ne!(a, draw(1000, 50, 8));
        let mut s = a.clone();
        s.sort_unstable();
        s.dedup();
        assert_eq!(s.len(), 50);
        assert!(a.iter().all(|&i| i < 1000));
        assert_eq!(draw(3, 50, 7).len(), 3);
        assert!(draw(0, 50, 7).is_empty());
    }
}
