//! Greedy left-to-right part-of-speech tagger (averaged perceptron). One class is a
//! (UPOS, XPOS) pair seen in training, so both columns come out consistent.

use crate::hash::{key, Rng};
use crate::lex::{Lex, PAD};
use crate::perceptron::{Trainer, Weights};

/// Bumped whenever `features` changes; stored in the model header.
pub const TEMPLATES: &str = "tagger-v2:bias,w,form,suf1-4,pre1-3,shape,flags,w-1,w-2,w+1,w+2,\
suf3-1,suf3+1,suf2+1,shape-1,shape+1,t-1,t-2,t-1t-2,t-1w,t-1w+1,w-1w,ww+1,t-1suf3,first-form,\
t-2w,w+1w+2,w-1suf3,amb0,amb+1,amb+2,amb-1,amb0amb+1,t-1amb0,amb+1w,amb-1amb0";

/// Tag index used for "no tag" (before the sentence).
const NONE: u64 = u16::MAX as u64;

/// Fills `out` with the feature keys of word `i` given the tags already chosen to its left.
pub fn features(lex: &[Lex], i: usize, tags: &[u16], out: &mut Vec<u64>) {
    out.clear();
    let p = i + PAD;
    let (w, m1, m2, p1, p2) = (&lex[p], &lex[p - 1], &lex[p - 2], &lex[p + 1], &lex[p + 2]);
    let t1 = if i >= 1 { tags[i - 1] as u64 } else { NONE };
    let t2 = if i >= 2 { tags[i - 2] as u64 } else { NONE };
    let mut f = |t: u32, a: u64, b: u64| out.push(key(t, a, b, 0));
    f(0, 0, 0);
    f(1, w.lower, 0);
    f(2, w.form, 0);
    for k in 0..4 {
        f(3 + k as u32, w.suf[k], 0);
    }
    for k in 0..3 {
        f(7 + k as u32, w.pre[k], 0);
    }
    f(10, w.shape, 0);
    f(11, w.flags, 0);
    f(12, m1.lower, 0);
    f(13, m2.lower, 0);
    f(14, p1.lower, 0);
    f(15, p2.lower, 0);
    f(16, m1.suf[2], 0);
    f(17, p1.suf[2], 0);
    f(18, p1.suf[1], 0);
    f(19, m1.shape, 0);
    f(20, p1.shape, 0);
    f(21, t1, 0);
    f(22, t2, 0);
    f(23, t1, t2);
    f(24, t1, w.lower);
    f(25, t1, p1.lower);
    f(26, m1.lower, w.lower);
    f(27, w.lower, p1.lower);
    f(28, t1, w.suf[2]);
    f(29, w.flags & 0x11, w.form);
    f(30, t2, w.lower);
    f(31, p1.lower, p2.lower);
    f(32, m1.suf[2], w.lower);
    f(33, w.amb, 0);
    f(34, p1.amb, 0);
    f(35, p2.amb, 0);
    f(36, m1.amb, 0);
    f(37, w.amb, p1.amb);
    f(38, t1, w.amb);
    f(39, p1.amb, w.lower);
    f(40, m1.amb, w.amb);
}

/// Tags one sentence.
pub fn tag(
    weights: &Weights,
    lex: &[Lex],
    tags: &mut Vec<u16>,
    feats: &mut Vec<u64>,
    scores: &mut Vec<i32>,
) {
    let n = lex.len().saturating_sub(2 * PAD);
    tags.clear();
    scores.resize(weights.n_classes(), 0);
    for i in 0..n {
        features(lex, i, tags, feats);
        weights.score(feats, scores);
        tags.push(argmax(scores) as u16);
    }
}

/// Index of the highest score; ties go to the lower index so results are deterministic.
pub fn argmax(scores: &[i32]) -> usize {
    let mut best = 0;
    for (i, &s) in scores.iter().enumerate() {
        if s > scores[best] {
            best = i;
        }
    }
    best
}

/// One training sentence: lexical hashes and gold tag indices.
pub struct TagExample {
    /// Padded lex array.
    pub lex: Vec<Lex>,
    /// Gold class per word.
    pub gold: Vec<u16>,
}

/// Trains for `epochs` passes in a seeded order; the model sees its own previous tags.
pub fn train(
    data: &[TagExample],
    n_classes: usize,
    epochs: usize,
    seed: u64,
    min_abs: f64,
) -> Weights {
    let mut t = Trainer::new(n_classes);
    let mut rng = Rng::new(seed);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let (mut feats, mut scores, mut tags) = (Vec::new(), vec![0i32; n_classes], Vec::new());
    for _ in 0..epochs {
        rng.shuffle(&mut order);
        for &s in &order {
            let ex = &data[s];
            tags.clear();
            for (i, &gold) in ex.gold.iter().enumerate() {
                features(&ex.lex, i, &tags, &mut feats);
                t.score(&feats, &mut scores);
                let guess = argmax(&scores);
                t.update(&feats, gold as usize, guess);
                t.tick();
                tags.push(guess as u16);
            }
        }
    }
    t.freeze(min_abs)
}
