//! Drain inputs and report throughput: `cargo run --release -p sitrep-sources --example drain
//! -- PATH...` prints records, skips by reason, records/s and MB/s (decompressed) on stderr.
//! With `-v`, every skip is printed too. `--limit-mb N` sets the record limit.

use sitrep_sources::{open, SourceItem, SourceOptions};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let mut verbose = false;
    let mut opts = SourceOptions::default();
    let mut paths = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "-v" => verbose = true,
            "--limit-mb" => {
                let mb: usize = args.next().and_then(|v| v.parse().ok()).unwrap_or(64);
                opts.limits.max_record_bytes = mb << 20;
            }
            _ => paths.push(PathBuf::from(a)),
        }
    }
    let started = Instant::now();
    let mut records = open(&paths, &opts);
    let (mut n, mut payload) = (0u64, 0u64);
    let mut skips: BTreeMap<&'static str, u64> = BTreeMap::new();
    for item in &mut records {
        match item {
            SourceItem::Record(r) => {
                n += 1;
                payload += r.payload.bytes.len() as u64;
            }
            SourceItem::Skipped(s) => {
                if verbose {
                    eprintln!("warning: {s}");
                }
                *skips.entry(s.reason.as_str()).or_default() += 1;
            }
        }
    }
    let secs = started.elapsed().as_secs_f64();
    let mb = records.bytes_read() as f64 / 1e6;
    eprintln!(
        "records {n} (payload {:.1} MB), skips {skips:?}, warc non-response {}, ignored {:?}",
        payload as f64 / 1e6,
        records.warc_non_response(),
        records.ignored()
    );
    eprintln!(
        "{secs:.3} s, {:.0} records/s, {:.1} MB/s decompressed ({mb:.1} MB)",
        n as f64 / secs,
        mb / secs
    );
}
