//! Dyad-by-day aggregation at scale: builds a synthetic store of N events through the normal
//! write path (evidence, FTS and rollup included), then times the aggregation from the rollup
//! and, for comparison, from a scan of the events table.
//!
//! cargo run --release -p sitrep-store --example dyad_bench -- /tmp/big.db 10000000
//! (an existing file is reused, so the timing part can be rerun alone)

use sitrep_store::{build_synthetic, Store};
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = std::path::PathBuf::from(args.next().unwrap_or_else(|| "/tmp/sitrep-big.db".into()));
    let n: u64 = args
        .next()
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000_000);
    let fresh = !path.exists();
    let mut store = Store::open(&path).expect("open store");
    store.set_cache_mib(512).expect("cache size");
    if fresh {
        let t = Instant::now();
        build_synthetic(&mut store, n, |done| {
            if done % 1_000_000 == 0 {
                eprintln!("{done} events written ({:.0}s)", t.elapsed().as_secs_f64());
            }
        })
        .expect("write");
        let secs = t.elapsed().as_secs_f64();
        println!(
            "built {n} events in {secs:.1}s ({:.0} events/s)",
            n as f64 / secs
        );
    }
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    let (events, _) = store.counts().expect("counts");
    println!("store: {events} events, {:.2} GB", size as f64 / 1e9);
    let time = |name: &str, f: &mut dyn FnMut() -> usize| {
        let mut best = f64::MAX;
        let mut rows = 0;
        for _ in 0..3 {
            let t = Instant::now();
            rows = f();
            best = best.min(t.elapsed().as_secs_f64());
        }
        println!("{name}: {rows} rows, best of 3 {:.3}s", best);
    };
    time("rollup, one dyad (USA>RUS), all 10 years", &mut || {
        store
            .dyad_days(0, 99_999_999, Some(("USA", "RUS")))
            .unwrap()
            .len()
    });
    time("rollup, all dyads, one month (2020-03)", &mut || {
        store.dyad_days(20200300, 20200399, None).unwrap().len()
    });
    time("rollup, all dyads, one year (2020)", &mut || {
        store.dyad_days(20200000, 20209999, None).unwrap().len()
    });
    time("rollup, all dyads, all days", &mut || {
        store.dyad_days(0, 99_999_999, None).unwrap().len()
    });
    time("quad rollup, one dyad (USA>RUS), all 10 years", &mut || {
        store
            .series_rows(0, 99_999_999, Some("USA"), Some("RUS"), None)
            .unwrap()
            .len()
    });
    time(
        "scan of events (GROUP BY), all dyads, one year (2020)",
        &mut || store.dyad_days_scan(20200000, 20209999).unwrap().len(),
    );
}
