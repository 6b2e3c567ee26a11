//! A synthetic store for measuring at scale: made-up events with a skewed dyad mix over ten
//! years, written through the normal write path (evidence, full-text index and rollups
//! included), so what is measured on it is what a real store of that size costs. Shared by
//! the store's `dyad_bench` and the server's load benchmark.

use crate::error::Result;
use crate::write::{ArticleRow, CodedArticle};
use crate::Store;
use sitrep_doc::{Cameo, Event, EventActor, Evidence, Plover};

/// The countries synthetic events are drawn from, most frequent first.
pub const SYNTHETIC_COUNTRIES: [&str; 40] = [
    "USA", "RUS", "CHN", "PRK", "KOR", "UKR", "ISR", "IRN", "GBR", "FRA", "DEU", "JPN", "IND",
    "PAK", "AFG", "SYR", "IRQ", "TUR", "SAU", "EGY", "NGA", "ZAF", "BRA", "MEX", "VEN", "COL",
    "CAN", "AUS", "IDN", "PHL", "VNM", "THA", "MMR", "ETH", "SDN", "SOM", "KEN", "LBY", "YEM",
    "LBN",
];

/// First and last day (inclusive) synthetic events fall on.
pub const SYNTHETIC_DAYS: (&str, &str) = ("2015-01-01", "2024-12-28");

/// CAMEO codes with their quad class and a Goldstein score, so the quad and Goldstein columns
/// of the rollups get a realistic spread rather than one value.
const CODES: [(&str, u8, f32); 10] = [
    ("010", 1, 0.0),
    ("036", 1, 4.0),
    ("042", 1, 1.9),
    ("043", 1, 2.8),
    ("051", 1, 3.4),
    ("0231", 1, 3.4),
    ("112", 3, -2.0),
    ("138", 3, -7.0),
    ("173", 4, -5.0),
    ("190", 4, -10.0),
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

/// Deterministic xorshift generator: the same call always builds the same store.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// Synthetic article `a` (ten events each), drawn from `rng`.
fn article(a: u64, rng: &mut Rng) -> CodedArticle {
    let id = format!("art{a:010}");
    let per_article = 10u64;
    let mut events = Vec::with_capacity(per_article as usize);
    for k in 0..per_article {
        let (s, t) = (skewed(rng.next(), 40), skewed(rng.next(), 40));
        let (src, tgt) = (SYNTHETIC_COUNTRIES[s], SYNTHETIC_COUNTRIES[t]);
        let day = rng.next() % 3650; // ten years
        let (y, d) = (2015 + day / 365, day % 365);
        let date = format!("{y}-{:02}-{:02}", 1 + d / 31 % 12, 1 + d % 28);
        let (code, quad, goldstein) = CODES[(rng.next() % 10) as usize];
        let sentence = format!("{src} officials met {tgt} officials on talks {k}.");
        events.push(Event {
            event_id: format!("{id}-{k}"),
            article_id: id.clone(),
            source: actor(src),
            target: Some(EventActor {
                start: 17,
                end: 30,
                ..actor(tgt)
            }),
            cameo: Cameo {
                code: code.into(),
                root: code[..2].into(),
                name: String::new(),
                goldstein: Some(goldstein),
                quad_class: quad,
            },
            plover: Plover {
                event_type: "CONSULT".into(),
                mode: None,
            },
            modality: "actual".into(),
            date: Some(date),
            date_basis: "explicit".into(),
            evidence: vec![Evidence {
                end: sentence.chars().count() as u32,
                sentence,
                sentence_index: k as u32,
                start: 0,
                trigger: "met".into(),
                rule: "bench".into(),
            }],
            mentions: 1,
            confidence: 0.5,
            ..Event::default()
        });
    }
    CodedArticle {
        article: ArticleRow {
            article_id: id,
            input: "synthetic".into(),
            title: Some(format!("Synthetic article {a}")),
            ..ArticleRow::default()
        },
        events,
    }
}

/// Write `events` synthetic events (rounded down to whole articles of ten) into `store`, in
/// batches of 1,000 articles, calling `progress` with the events written so far after each
/// batch. Returns the events written.
pub fn build_synthetic(
    store: &mut Store,
    events: u64,
    mut progress: impl FnMut(u64),
) -> Result<u64> {
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let articles = events / 10;
    let mut batch = Vec::with_capacity(1000);
    for a in 0..articles {
        batch.push(article(a, &mut rng));
        if batch.len() == 1000 {
            store.write_batch(&batch, &[], "synthetic", 0)?;
            batch.clear();
            progress((a + 1) * 10);
        }
    }
    store.write_batch(&batch, &[], "synthetic", 0)?;
    store.checkpoint()?;
    Ok(articles * 10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn build_synthetic_is_deterministic_and_fills_the_rollups() {
        let mut a = Store::open_in_memory().unwrap();
        let mut b = Store::open_in_memory().unwrap();
        assert_eq!(build_synthetic(&mut a, 2_000, |_| ()).unwrap(), 2_000);
        build_synthetic(&mut b, 2_000, |_| ()).unwrap();
        assert_eq!(a.counts().unwrap(), (2_000, 200));
        let cells = a.dyad_days(0, 99_999_999, None).unwrap();
        assert_eq!(cells.iter().map(|c| c.events).sum::<i64>(), 2_000);
        assert_eq!(cells, b.dyad_days(0, 99_999_999, None).unwrap());
        // More than one quad class is drawn.
        let quads = a
            .stats(crate::StatsBy::Code, &crate::Filter::default())
            .unwrap();
        assert!(quads.len() > 5, "{quads:?}");
    }
}
