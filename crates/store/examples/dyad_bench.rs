//! Dyad-by-day aggregation at scale: builds a synthetic store of N events through the normal
//! write path (evidence, FTS and rollup included), then times the aggregation from the rollup
//! and, for comparison, from a scan of the events table.
//!
//! cargo run --release -p sitrep-store --example dyad_bench -- /tmp/big.db 10000000
//! (an existing file is reused, so the timing part can be rerun alone)

use sitrep_doc::{Cameo, Event, EventActor, Evidence, Plover};
use sitrep_store::{ArticleRow, CodedArticle, Store};
use std::time::Instant;

const COUNTRIES: [&str; 40] = [
    "USA", "RUS", "CHN", "PRK", "KOR", "UKR", "ISR", "IRN", "GBR", "FRA", "DEU", "JPN", "IND",
    "PAK", "AFG", "SYR", "IRQ", "TUR", "SAU", "EGY", "NGA", "ZAF", "BRA", "MEX", "VEN", "COL",
    "CAN", "AUS", "IDN", "PHL", "VNM", "THA", "MMR", "ETH", "SDN", "SOM", "KEN", "LBY", "YEM",
    "LBN",
];
const CODES: [&str; 10] = [
    "010", "036", "042", "043", "051", "0231", "112", "138", "173", "190",
];

/// Zipf-like pick: low indexes far more often, as real dyads are (a few dominate the news).
fn skewed(r: u64, n: usize) -> usize {
    let u = (r % 1_000_000) as f64 / 1_000_000.0;
    ((u * u * u) * n as f64) as usize % n
}

fn actor(c: &str) -> EventActor {
    EventActor {
        text: format!("{c} officials"),
        country: Some(c.into()),
        sector: vec!["GOV".into()],
        code: format!("{c}GOV"),
        start: 0,
        end: 12,
    }
}

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
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut rnd = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let per_article = 10u64;
        let mut batch = Vec::new();
        for a in 0..n / per_article {
            let id = format!("art{a:010}");
            let mut events = Vec::new();
            for k in 0..per_article {
                let (s, tgt) = (skewed(rnd(), 40), skewed(rnd(), 40));
                let day = rnd() % 3650; // ten years
                let (y, d) = (2015 + day / 365, day % 365);
                let date = format!("{y}-{:02}-{:02}", 1 + d / 31 % 12, 1 + d % 28);
                let code = CODES[(rnd() % 10) as usize];
                events.push(Event {
                    event_id: format!("{id}-{k}"),
                    article_id: id.clone(),
                    source: actor(COUNTRIES[s]),
                    target: Some(actor(COUNTRIES[tgt])),
                    cameo: Cameo {
                        code: code.into(),
                        root: code[..2].into(),
                        name: String::new(),
                        goldstein: Some(1.0),
                        quad_class: 1,
                    },
                    plover: Plover {
                        event_type: "CONSULT".into(),
                        mode: None,
                    },
                    modality: "actual".into(),
                    date: Some(date),
                    date_basis: "explicit".into(),
                    evidence: vec![Evidence {
                        sentence: format!(
                            "{} officials met {} officials on talks {k}.",
                            COUNTRIES[s], COUNTRIES[tgt]
                        ),
                        sentence_index: k as u32,
                        trigger: "met".into(),
                        rule: "bench".into(),
                        ..Evidence::default()
                    }],
                    mentions: 1,
                    confidence: 0.5,
                    ..Event::default()
                });
            }
            batch.push(CodedArticle {
                article: ArticleRow {
                    article_id: id,
                    input: "bench".into(),
                    ..ArticleRow::default()
                },
                events,
            });
            if batch.len() == 1000 {
                store.write_batch(&batch, &[], "bench", 0).expect("write");
                batch.clear();
            }
        }
        store.write_batch(&batch, &[], "bench", 0).expect("write");
        store.checkpoint().expect("checkpoint");
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
    time(
        "scan of events (GROUP BY), all dyads, one year (2020)",
        &mut || store.dyad_days_scan(20200000, 20209999).unwrap().len(),
    );
}
