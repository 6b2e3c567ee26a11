//! A small learned model for the boundaries the rules cannot see: sentences that end
//! without punctuation (headers, sign-offs, list items, informal text), or after a colon or
//! a bracket. It is a binary averaged perceptron over hashed features of the tokens around
//! a gap (lowercased words, word shapes, tokens since the last boundary). It only ever adds
//! boundaries where the rules found none, and only before a capitalized word, a digit or a
//! quote, or after punctuation, where a boundary is plausible.
//!
//! Training data: UD English EWT (CC BY-SA 4.0). Epochs and the threshold were chosen on
//! EWT dev with a model trained on EWT train alone; the shipped weights are then trained on
//! train + dev with that threshold, and EWT test is only used to report. The weights ship in
//! `boundary.bin` (little-endian f32, [`BUCKETS`] of them, then the threshold); the ignored
//! test `sentences::tests::train_boundary_model` rebuilds it (`SITREP_WRITE_MODEL=1`).

use crate::tokenize::Token;

/// Number of hashed feature buckets.
pub const BUCKETS: usize = 1 << 15;

const SHIPPED: &[u8] = include_bytes!("boundary.bin");

/// Perceptron weights and the decision threshold.
pub struct BoundaryModel {
    weights: Vec<f32>,
    threshold: f32,
}

impl BoundaryModel {
    /// The score of a training example.
    pub fn example_score(&self, e: &Example) -> f32 {
        e.feats.iter().map(|&f| self.weights[f as usize]).sum()
    }

    /// Whether an example is a gold boundary.
    pub fn example_gold(e: &Example) -> bool {
        e.gold
    }

    /// The decision threshold.
    pub fn threshold(&self) -> f32 {
        self.threshold
    }

    /// The same weights with another threshold.
    pub fn with_threshold(mut self, threshold: f32) -> BoundaryModel {
        self.threshold = threshold;
        self
    }

    /// The shipped model; an empty model (adds no boundaries) if the file is malformed,
    /// which a test rules out.
    pub fn shipped() -> &'static BoundaryModel {
        static MODEL: std::sync::OnceLock<BoundaryModel> = std::sync::OnceLock::new();
        MODEL
            .get_or_init(|| BoundaryModel::from_bytes(SHIPPED).unwrap_or_else(BoundaryModel::empty))
    }

    fn empty() -> BoundaryModel {
        BoundaryModel {
            weights: vec![0.0; BUCKETS],
            threshold: f32::INFINITY,
        }
    }

    /// Reads the `boundary.bin` layout; None if the length is wrong.
    pub fn from_bytes(b: &[u8]) -> Option<BoundaryModel> {
        if b.len() != (BUCKETS + 1) * 4 {
            return None;
        }
        let mut v: Vec<f32> = b
            .chunks_exact(4)
            .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        let threshold = v.pop()?;
        Some(BoundaryModel {
            weights: v,
            threshold,
        })
    }

    /// The `boundary.bin` bytes of this model.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity((BUCKETS + 1) * 4);
        for w in self.weights.iter().chain(std::iter::once(&self.threshold)) {
            out.extend_from_slice(&w.to_le_bytes());
        }
        out
    }

    /// Score of a boundary after token `i` (before `i + 1`); `since` tokens since the last
    /// boundary.
    pub fn score(
        &self,
        text: &str,
        tokens: &[Token],
        i: usize,
        since: usize,
        cache: &mut HashCache,
    ) -> f32 {
        let mut feats = [0u32; N_FEATS];
        features(text, tokens, i, since, cache, &mut feats);
        feats.iter().map(|&f| self.weights[f as usize]).sum()
    }

    /// Whether the model puts a boundary after token `i`, the current sentence having
    /// started at token `start`.
    pub fn says_boundary(
        &self,
        text: &str,
        tokens: &[Token],
        i: usize,
        start: usize,
        cache: &mut HashCache,
    ) -> bool {
        is_candidate(text, tokens, i)
            && self.score(text, tokens, i, i + 1 - start.min(i), cache) > self.threshold
    }
}

/// The (lowercase, shape) hashes of the last few tokens: neighbouring gaps share tokens,
/// and hashing is most of the model's cost.
pub struct HashCache {
    keys: [usize; 8],
    vals: [(u64, u64); 8],
}

impl Default for HashCache {
    fn default() -> Self {
        HashCache {
            keys: [usize::MAX; 8],
            vals: [(0, 0); 8],
        }
    }
}

impl HashCache {
    /// Hashes of token `k`, or of `<s>` / `</s>` before the first / after the last token.
    fn get(&mut self, text: &str, tokens: &[Token], k: Option<usize>) -> (u64, u64) {
        let Some(k) = k.filter(|&k| k < tokens.len()) else {
            let t = if k.is_none() { "<s>" } else { "</s>" };
            return (lower(t), shape(t));
        };
        let slot = k % 8;
        if self.keys[slot] != k {
            let t = tokens[k].text(text);
            self.keys[slot] = k;
            self.vals[slot] = (lower(t), shape(t));
        }
        self.vals[slot]
    }
}

/// Gaps the model may decide: before a capitalized word or a digit, or a quote after
/// punctuation.
pub fn is_candidate(text: &str, tokens: &[Token], i: usize) -> bool {
    let (Some(l), Some(r)) = (tokens.get(i), tokens.get(i + 1)) else {
        return false;
    };
    let rc = r.text(text).chars().next().unwrap_or(' ');
    let lc = l.text(text).chars().next().unwrap_or(' ');
    // A sentence starts with a capital, a number or a quote. Lowercase starts are common in
    // EWT's web text but in news they are almost always mid-sentence ("(£26bn) a year").
    rc.is_uppercase()
        || rc.is_ascii_digit()
        || (matches!(rc, '"' | '\u{201C}' | '(' | '\'') && !lc.is_alphanumeric())
}

const N_FEATS: usize = 14;

/// Word shape: X for upper, x for lower, d for digit, other chars as is; runs collapsed,
/// at most 4 symbols.
fn shape(t: &str) -> u64 {
    let mut h = FNV;
    let mut last = '\0';
    let mut n = 0;
    for c in t.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if s != last {
            h = mix(h, s as u64);
            last = s;
            n += 1;
            if n == 4 {
                break;
            }
        }
    }
    h
}

const FNV: u64 = 0xcbf2_9ce4_8422_2325;

#[inline]
fn mix(h: u64, v: u64) -> u64 {
    (h ^ v).wrapping_mul(0x0000_0100_0000_01b3)
}

/// Hash of the lowercased token (ASCII folding only: cheap and stable).
fn lower(t: &str) -> u64 {
    t.bytes()
        .fold(FNV, |h, b| mix(h, b.to_ascii_lowercase() as u64))
}

/// Features of the gap after token `i`; `since` is the number of tokens since the last
/// boundary (a long run without one makes a boundary likelier).
fn features(
    text: &str,
    tokens: &[Token],
    i: usize,
    since: usize,
    cache: &mut HashCache,
    out: &mut [u32; N_FEATS],
) {
    let (ll, ls) = cache.get(text, tokens, Some(i));
    let (rl, rs) = cache.get(text, tokens, Some(i + 1));
    let (l2l, l2s) = cache.get(text, tokens, i.checked_sub(1));
    let (r2l, r2s) = cache.get(text, tokens, Some(i + 2));
    let templates: [u64; N_FEATS] = [
        mix(1, 0),
        mix(2, ll),
        mix(3, rl),
        mix(mix(4, ls), rs),
        mix(mix(5, ll), rs),
        mix(mix(6, ls), rl),
        mix(mix(mix(7, l2s), ls), rs),
        mix(mix(8, ls), r2s),
        mix(mix(9, l2l), ll),
        mix(mix(10, rl), r2l),
        mix(mix(11, ll), rl),
        mix(mix(mix(12, rs), r2s), ls),
        mix(13, since.min(40) as u64 / 4),
        mix(mix(14, since.min(40) as u64 / 4), rs),
    ];
    for (o, t) in out.iter_mut().zip(templates) {
        // Fold the high bits in: the low bits of an FNV product are weak.
        *o = ((t ^ (t >> 29) ^ (t >> 47)) as usize % BUCKETS) as u32;
    }
}

/// One training example: the features of a gap and whether it is a boundary.
#[derive(Clone)]
pub struct Example {
    feats: [u32; N_FEATS],
    gold: bool,
}

/// Examples from one rebuilt document: every candidate gap the rules leave open.
/// `gold_ends` are the byte offsets where gold sentences end; `rule_ends` the token indices
/// after which the rules already put a boundary.
pub fn examples(
    text: &str,
    tokens: &[Token],
    gold_ends: &[usize],
    rule_ends: &[usize],
    out: &mut Vec<Example>,
) {
    // Training sees the gold sentence start, as inference sees the start it decided.
    let mut start = 0;
    let mut cache = HashCache::default();
    for i in 0..tokens.len().saturating_sub(1) {
        let gold = gold_ends.binary_search(&(tokens[i].end as usize)).is_ok();
        if rule_ends.binary_search(&i).is_err() && is_candidate(text, tokens, i) {
            let mut feats = [0u32; N_FEATS];
            features(text, tokens, i, i + 1 - start, &mut cache, &mut feats);
            out.push(Example { feats, gold });
        }
        if gold {
            start = i + 1;
        }
    }
}

/// Trains an averaged perceptron on `train` for `epochs` passes (shuffled with a fixed
/// seed), with the threshold that adds the most net correct boundaries on `dev`.
pub fn train(train: &[Example], dev: &[Example], epochs: usize) -> BoundaryModel {
    let mut model = train_weights(train, epochs);
    model.threshold = best_threshold(&model, dev);
    model
}

/// The averaged perceptron's weights, threshold 0.
pub fn train_weights(train: &[Example], epochs: usize) -> BoundaryModel {
    let mut w = vec![0.0f32; BUCKETS];
    let mut total = vec![0.0f32; BUCKETS];
    let mut stamp = vec![0u32; BUCKETS];
    let mut step: u32 = 1;
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..epochs {
        for k in (1..order.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            order.swap(k, (seed % (k as u64 + 1)) as usize);
        }
        for &k in &order {
            let ex = &train[k];
            let s: f32 = ex.feats.iter().map(|&f| w[f as usize]).sum();
            if (s > 0.0) != ex.gold {
                let delta = if ex.gold { 1.0 } else { -1.0 };
                for &f in &ex.feats {
                    let f = f as usize;
                    // Lazy averaging: credit the weight for the steps it held its value.
                    total[f] += (step - stamp[f]) as f32 * w[f];
                    stamp[f] = step;
                    w[f] += delta;
                }
            }
            step += 1;
        }
    }
    for f in 0..BUCKETS {
        total[f] += (step - stamp[f]) as f32 * w[f];
        total[f] /= step as f32;
    }
    BoundaryModel {
        weights: total,
        threshold: 0.0,
    }
}

fn best_threshold(model: &BoundaryModel, dev: &[Example]) -> f32 {
    best_threshold_of(
        dev.iter()
            .map(|e| (model.example_score(e), e.gold))
            .collect(),
    )
}

/// The threshold that adds the most net correct boundaries among scored held-out gaps
/// `(score, is a gold boundary)`.
pub fn best_threshold_of(mut scored: Vec<(f32, bool)>) -> f32 {
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    // Each added boundary is judged with the errors it costs: the rules already found
    // most boundaries, so what matters is net correct boundaries minus wrong ones.
    let (mut best, mut best_t, mut net) = (0i64, f32::INFINITY, 0i64);
    for (k, &(s, gold)) in scored.iter().enumerate() {
        net += if gold { 1 } else { -1 };
        let next = scored.get(k + 1).map_or(f32::NEG_INFINITY, |x| x.0);
        if net > best && next < s {
            best = net;
            best_t = (s + next.max(s - 1.0)) / 2.0;
        }
    }
    best_t
}
