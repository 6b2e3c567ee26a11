//! The averaged perceptron shared by the tagger and the parser: a sparse trainer and the
//! frozen, quantised weights the shipped model carries.
//!
//! Each feature key maps to a short row of (class, weight) pairs, because a feature is only
//! ever updated for the few classes it was seen with; dense rows of ~100 classes would waste
//! memory and model bytes on zeros.

use crate::hash::FastBuild;
use std::collections::HashMap;

#[derive(Debug, Clone, Copy)]
struct Entry {
    class: u16,
    w: i32,
    /// Sum of `w` over all past ticks up to `stamp` (the lazy-averaging trick).
    total: i64,
    stamp: u32,
}

/// Sparse averaged-perceptron trainer.
#[derive(Debug, Default)]
pub struct Trainer {
    n_classes: usize,
    rows: HashMap<u64, Vec<Entry>, FastBuild>,
    tick: u32,
}

impl Trainer {
    /// A trainer for `n_classes` classes.
    pub fn new(n_classes: usize) -> Trainer {
        Trainer {
            n_classes,
            rows: HashMap::default(),
            tick: 0,
        }
    }

    /// Number of classes.
    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// Adds the current (not averaged) weights of `feats` to `scores`.
    pub fn score(&self, feats: &[u64], scores: &mut [i32]) {
        scores.iter_mut().for_each(|s| *s = 0);
        for f in feats {
            if let Some(row) = self.rows.get(f) {
                for e in row {
                    scores[e.class as usize] += e.w;
                }
            }
        }
    }

    /// One training example seen: advance the clock.
    pub fn tick(&mut self) {
        self.tick += 1;
    }

    /// Adds `delta` to the weight of `class` for every feature in `feats` (the beam trainer's
    /// update: the gold and predicted sequences are rewarded and penalised step by step).
    pub fn add(&mut self, feats: &[u64], class: usize, delta: i32) {
        let now = self.tick;
        let class = class as u16;
        for &f in feats {
            let row = self.rows.entry(f).or_default();
            match row.iter_mut().find(|e| e.class == class) {
                Some(e) => {
                    e.total += e.w as i64 * (now - e.stamp) as i64;
                    e.stamp = now;
                    e.w += delta;
                }
                None => row.push(Entry {
                    class,
                    w: delta,
                    total: 0,
                    stamp: now,
                }),
            }
        }
    }

    /// Reward `truth`, penalise `guess`.
    pub fn update(&mut self, feats: &[u64], truth: usize, guess: usize) {
        if truth == guess {
            return;
        }
        let now = self.tick;
        for &f in feats {
            let row = self.rows.entry(f).or_default();
            for (class, delta) in [(truth as u16, 1i32), (guess as u16, -1i32)] {
                match row.iter_mut().find(|e| e.class == class) {
                    Some(e) => {
                        e.total += e.w as i64 * (now - e.stamp) as i64;
                        e.stamp = now;
                        e.w += delta;
                    }
                    None => row.push(Entry {
                        class,
                        w: delta,
                        total: 0,
                        stamp: now,
                    }),
                }
            }
        }
    }

    /// Averages, quantises to i16 and drops averaged weights smaller than `min_abs` in
    /// magnitude (in perceptron-update units; pruning keeps the shipped file small and lookups
    /// cache-friendly; 0 drops only weights that quantise to zero).
    pub fn freeze(&self, min_abs: f64) -> Weights {
        let now = self.tick.max(1) as f64;
        let avg = |e: &Entry| (e.total + e.w as i64 * (self.tick - e.stamp) as i64) as f64 / now;
        let max_abs = self
            .rows
            .values()
            .flat_map(|r| r.iter().map(avg))
            .fold(0.0f64, |m, x| m.max(x.abs()));
        let scale = if max_abs > 0.0 {
            max_abs / 32767.0
        } else {
            1.0
        };
        let mut keys: Vec<u64> = self.rows.keys().copied().collect();
        // Sorted so the file bytes do not depend on HashMap iteration order.
        keys.sort_unstable();
        let mut rows = Vec::with_capacity(keys.len());
        for k in keys {
            let mut row: Vec<(u8, i16)> = self.rows[&k]
                .iter()
                .filter_map(|e| {
                    let a = avg(e);
                    let q = (a / scale).round() as i32;
                    (q != 0 && a.abs() >= min_abs).then_some((e.class as u8, q as i16))
                })
                .collect();
            if !row.is_empty() {
                row.sort_unstable_by_key(|x| x.0);
                rows.push((k, row));
            }
        }
        Weights::from_rows(self.n_classes, scale as f32, rows)
    }
}

/// Anything that scores a feature vector for every class: the trainer's current weights
/// while training, the frozen weights when parsing. Lets one beam search serve both.
pub trait Score {
    /// Number of classes scored.
    fn n_classes(&self) -> usize;
    /// Sets `scores` to the sum of the rows of `feats`.
    fn score_into(&self, feats: &[u64], scores: &mut [i32]);
}

impl Score for Trainer {
    fn n_classes(&self) -> usize {
        self.n_classes
    }
    fn score_into(&self, feats: &[u64], scores: &mut [i32]) {
        self.score(feats, scores)
    }
}

impl Score for Weights {
    fn n_classes(&self) -> usize {
        self.n_classes
    }
    fn score_into(&self, feats: &[u64], scores: &mut [i32]) {
        self.score(feats, scores)
    }
}

/// Asks the CPU to start loading the cache line holding `x`; a hint with no effect on results.
#[inline(always)]
fn prefetch<T>(x: &T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: prefetching never faults and does not read the memory into Rust values; the
    // pointer comes from a live reference.
    #[allow(unused_unsafe)]
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(
            x as *const T as *const i8,
        );
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = x;
}

#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    key: u64,
    start: u32,
    end: u32,
}

/// Frozen weights: an open-addressing table from feature key to a row of (class, weight).
#[derive(Debug, Clone, Default)]
pub struct Weights {
    n_classes: usize,
    scale: f32,
    /// Power-of-two sized; key 0 marks an empty slot (feature keys are odd, see `hash::key`).
    /// Key and span share a slot so a lookup touches one cache line, not two.
    slots: Vec<Slot>,
    entries: Vec<(u8, i16)>,
    n_features: usize,
    /// Distinct for every table built (clones share it, having the same weights), so a memo
    /// of scores can tell which table it was filled from (see `tagger::decode`).
    id: u64,
}

/// Source of [`Weights::id`]; 0 is left to the empty default table.
static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

impl Weights {
    /// Builds the table from (key, row) pairs.
    pub fn from_rows(n_classes: usize, scale: f32, rows: Vec<(u64, Vec<(u8, i16)>)>) -> Weights {
        let mut entries = Vec::with_capacity(rows.iter().map(|r| r.1.len()).sum());
        let mut index = Vec::with_capacity(rows.len());
        for (k, row) in rows {
            let start = entries.len() as u32;
            entries.extend_from_slice(&row);
            index.push((k, start, entries.len() as u32));
        }
        Weights::from_parts(n_classes, scale, &index, entries)
    }

    /// Builds the table from (key, start, end) spans into `entries` (no per-row allocation,
    /// which matters when loading a model with a million rows). Keys must be non-zero;
    /// spans must lie inside `entries` (the model reader checks both).
    pub fn from_parts(
        n_classes: usize,
        scale: f32,
        index: &[(u64, u32, u32)],
        entries: Vec<(u8, i16)>,
    ) -> Weights {
        let cap = (index.len() * 2).next_power_of_two().max(16);
        let mut slots = vec![Slot::default(); cap];
        let n_features = index.len();
        for &(k, start, end) in index {
            let mut i = (k as usize) & (cap - 1);
            while slots[i].key != 0 && slots[i].key != k {
                i = (i + 1) & (cap - 1);
            }
            slots[i] = Slot { key: k, start, end };
        }
        Weights {
            n_classes,
            scale,
            slots,
            entries,
            n_features,
            id: NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        }
    }

    /// Which table this is: equal ids mean equal weights.
    pub fn id(&self) -> u64 {
        self.id
    }

    /// Number of classes.
    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// Quantisation step (weight = stored i16 * scale).
    pub fn scale(&self) -> f32 {
        self.scale
    }

    /// Number of stored features.
    pub fn n_features(&self) -> usize {
        self.n_features
    }

    /// Number of stored (class, weight) pairs.
    pub fn n_entries(&self) -> usize {
        self.entries.len()
    }

    /// Sets `scores` to the sum of the rows of `feats`.
    ///
    /// The tables are far larger than the CPU caches, so almost every lookup misses. Doing the
    /// work in three passes (prefetch every slot, then find every row and prefetch it, then
    /// add) lets the misses of one sentence state overlap instead of queueing one by one.
    #[inline]
    pub fn score(&self, feats: &[u64], scores: &mut [i32]) {
        scores.iter_mut().for_each(|s| *s = 0);
        self.add_into(feats, scores);
    }

    /// Adds the rows of `feats` to `scores` (what [`Weights::score`] does after zeroing).
    #[inline]
    pub fn add_into(&self, feats: &[u64], scores: &mut [i32]) {
        let mask = self.slots.len() - 1;
        let mut spans = [(0u32, 0u32); 128];
        for chunk in feats.chunks(spans.len()) {
            for &f in chunk {
                prefetch(&self.slots[(f as usize) & mask]);
            }
            let mut n = 0;
            for &f in chunk {
                let mut i = (f as usize) & mask;
                loop {
                    let s = &self.slots[i];
                    if s.key == f {
                        if let Some(e) = self.entries.get(s.start as usize) {
                            prefetch(e);
                        }
                        spans[n] = (s.start, s.end);
                        n += 1;
                        break;
                    }
                    if s.key == 0 {
                        break;
                    }
                    i = (i + 1) & mask;
                }
            }
            for &(a, b) in &spans[..n] {
                for &(c, w) in &self.entries[a as usize..b as usize] {
                    if let Some(s) = scores.get_mut(c as usize) {
                        *s += w as i32;
                    }
                }
            }
        }
    }

    /// A copy without the weights of magnitude below `min_abs` (and features left empty):
    /// fewer features mean a smaller file and fewer cache misses per lookup.
    pub fn pruned(&self, min_abs: i16) -> Weights {
        let rows = self
            .rows()
            .into_iter()
            .filter_map(|(k, row)| {
                let kept: Vec<(u8, i16)> = row
                    .iter()
                    .copied()
                    .filter(|e| e.1.unsigned_abs() >= min_abs.unsigned_abs())
                    .collect();
                (!kept.is_empty()).then_some((k, kept))
            })
            .collect();
        Weights::from_rows(self.n_classes, self.scale, rows)
    }

    /// All rows in key order, for writing.
    pub fn rows(&self) -> Vec<(u64, &[(u8, i16)])> {
        let mut out: Vec<(u64, &[(u8, i16)])> = self
            .slots
            .iter()
            .filter(|s| s.key != 0)
            .map(|s| (s.key, &self.entries[s.start as usize..s.end as usize]))
            .collect();
        out.sort_unstable_by_key(|r| r.0);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perceptron_learns_separable_classes() {
        // Class = which of two features fires; three classes with one feature each.
        let mut t = Trainer::new(3);
        // A shared bias feature (1) makes every class compete on every example.
        let data = [(vec![1u64, 11], 0usize), (vec![1, 13], 1), (vec![1, 15], 2)];
        let mut scores = vec![0; 3];
        for _ in 0..5 {
            for (f, y) in &data {
                t.score(f, &mut scores);
                let guess = (0..3)
                    .max_by_key(|&c| (scores[c], -(c as i32)))
                    .unwrap_or(0);
                t.update(f, *y, guess);
                t.tick();
            }
        }
        let w = t.freeze(0.0);
        for (f, y) in &data {
            w.score(f, &mut scores);
            // Strictly best: a tie would only pass by the tie-breaking rule.
            for c in 0..3 {
                assert!(c == *y || scores[c] < scores[*y], "{f:?}: {scores:?}");
            }
        }
        assert_eq!(w.n_features(), 4);
        // An unknown feature scores nothing.
        w.score(&[99], &mut scores);
        assert_eq!(scores, vec![0, 0, 0]);
    }
}
