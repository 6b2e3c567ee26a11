//! Beam search over the arc-hybrid transitions of [`crate::parser`], and its global training
//! with the max-violation perceptron (Huang, Fayong and Guo 2012; beam parsing as in Zhang and
//! Clark 2008 and Zhang and Nivre 2011).
//!
//! Every arc-hybrid derivation of an n-word sentence has exactly 2n transitions (each word is
//! shifted once and reduced once), so all beam items finish together and their scores compare
//! directly. Each item proposes at most three successors: SHIFT, its best-scoring LEFT label
//! and its best-scoring RIGHT label. Letting all 2 x 51 labelled arcs compete would fill the
//! beam with label variants of one structure; keeping one label per direction spends the width
//! on different trees. Width 1 is exactly the greedy parser.

use crate::hash::Rng;
use crate::lex::Lex;
use crate::parser::{features, left, right, ParseExample, State, SHIFT};
use crate::perceptron::{Score, Trainer, Weights};
use std::cmp::Ordering;

/// A successor: the parent item's index in the current beam, the transition, the total score.
#[derive(Debug, Clone, Copy)]
struct Cand {
    score: i64,
    parent: u32,
    t: u16,
}

/// Higher score first; ties by parent then transition, so the search is deterministic.
fn order(a: &Cand, b: &Cand) -> Ordering {
    b.score
        .cmp(&a.score)
        .then(a.parent.cmp(&b.parent))
        .then(a.t.cmp(&b.t))
}

/// Pushes the (at most three) successors of one item.
fn expand(
    scores: &[i32],
    ok: &[bool],
    n_labels: usize,
    base: i64,
    parent: u32,
    out: &mut Vec<Cand>,
) {
    let mut push = |t: usize| {
        out.push(Cand {
            score: base + scores[t] as i64,
            parent,
            t: t as u16,
        })
    };
    if ok[SHIFT] {
        push(SHIFT);
    }
    let (mut bl, mut br) = (usize::MAX, usize::MAX);
    for l in 0..n_labels {
        let (a, b) = (left(l), right(l));
        if ok[a] && (bl == usize::MAX || scores[a] > scores[bl]) {
            bl = a;
        }
        if ok[b] && (br == usize::MAX || scores[b] > scores[br]) {
            br = b;
        }
    }
    if bl != usize::MAX {
        push(bl);
    }
    if br != usize::MAX {
        push(br);
    }
}

/// Keeps the best `width` candidates, best first.
fn select(cands: &mut Vec<Cand>, width: usize) {
    cands.sort_unstable_by(order);
    cands.truncate(width.max(1));
}

/// Reusable buffers for beam parsing.
#[derive(Debug, Default, Clone)]
pub struct Scratch {
    states: Vec<State>,
    next: Vec<State>,
    base: Vec<i64>,
    cands: Vec<Cand>,
    feats: Vec<u64>,
    scores: Vec<i32>,
    ok: Vec<bool>,
}

/// Parses one tagged sentence with a beam of `width` items and returns the best final state.
pub fn parse<'a, W: Score>(
    w: &W,
    n_labels: usize,
    root: usize,
    lex: &[Lex],
    tags: &[u16],
    width: usize,
    sc: &'a mut Scratch,
) -> &'a State {
    let n = tags.len();
    if sc.states.is_empty() {
        sc.states.push(State::default());
    }
    sc.states[0].reset(n);
    sc.base.clear();
    sc.base.push(0);
    sc.scores.resize(w.n_classes(), 0);
    sc.ok.resize(w.n_classes(), false);
    let mut live = 1;
    // Exactly 2n transitions; the bound also guards against a state with no legal move.
    for _ in 0..2 * n {
        if sc.states[0].terminal() {
            break;
        }
        sc.cands.clear();
        for i in 0..live {
            features(&sc.states[i], lex, tags, &mut sc.feats);
            w.score_into(&sc.feats, &mut sc.scores);
            sc.states[i].valid(n_labels, root, &mut sc.ok);
            expand(
                &sc.scores,
                &sc.ok,
                n_labels,
                sc.base[i],
                i as u32,
                &mut sc.cands,
            );
        }
        if sc.cands.is_empty() {
            break;
        }
        select(&mut sc.cands, width);
        while sc.next.len() < sc.cands.len() {
            sc.next.push(State::default());
        }
        sc.base.clear();
        for (j, c) in sc.cands.iter().enumerate() {
            sc.next[j].clone_from(&sc.states[c.parent as usize]);
            sc.next[j].apply(c.t as usize);
            sc.base.push(c.score);
        }
        std::mem::swap(&mut sc.states, &mut sc.next);
        live = sc.cands.len();
    }
    sc.states[0].finish(root);
    &sc.states[0]
}

/// One item of the training beam's history: where it came from and whether its whole prefix
/// is the oracle's.
#[derive(Debug, Clone, Copy)]
struct Hist {
    parent: u32,
    t: u16,
    gold: bool,
    score: i64,
}

/// Buffers of one training sentence, reused across sentences.
#[derive(Default)]
struct TrainBufs {
    states: Vec<State>,
    next: Vec<State>,
    cands: Vec<Cand>,
    feats: Vec<u64>,
    scores: Vec<i32>,
    ok: Vec<bool>,
    costs: Vec<i32>,
    /// Oracle transitions and the oracle prefix score after each step.
    gold_t: Vec<u16>,
    gold_prefix: Vec<i64>,
    /// Feature keys of the oracle state at each step, `stride` keys per step.
    gold_feats: Vec<u64>,
    /// Items per level (level 0 is the start), flattened with level offsets.
    hist: Vec<Hist>,
    level: Vec<usize>,
    /// Feature keys of each item of each level (same order as `hist`), `stride` per item.
    arena: Vec<u64>,
}

/// Number of feature keys `features` emits (fixed by the templates).
fn stride() -> usize {
    let mut st = State::default();
    st.reset(1);
    let lex = vec![Lex::default(); 1 + 2 * crate::lex::PAD];
    let mut f = Vec::new();
    features(&st, &lex, &[0], &mut f);
    f.len()
}

/// The oracle derivation under the current weights: at each step the lowest-cost transition
/// (Goldberg and Nivre 2013 costs, so a non-projective tree gets its best reachable
/// projective approximation), ties broken by model score as in the greedy trainer.
fn oracle(tr: &Trainer, ex: &ParseExample, n_labels: usize, root: usize, b: &mut TrainBufs) {
    let n = ex.tags.len();
    let mut st = State::default();
    st.reset(n);
    b.gold_t.clear();
    b.gold_prefix.clear();
    b.gold_prefix.push(0);
    b.gold_feats.clear();
    for _ in 0..2 * n {
        if st.terminal() {
            break;
        }
        features(&st, &ex.lex, &ex.tags, &mut b.feats);
        tr.score(&b.feats, &mut b.scores);
        st.valid(n_labels, root, &mut b.ok);
        st.costs(&ex.heads, &ex.labels, &b.ok, &mut b.costs);
        let min = b.costs.iter().copied().min().unwrap_or(i32::MAX);
        let mut t = usize::MAX;
        for c in 0..b.costs.len() {
            if b.costs[c] == min && (t == usize::MAX || b.scores[c] > b.scores[t]) {
                t = c;
            }
        }
        if t == usize::MAX || min == i32::MAX {
            break;
        }
        b.gold_feats.extend_from_slice(&b.feats);
        b.gold_t.push(t as u16);
        let last = *b.gold_prefix.last().unwrap_or(&0);
        b.gold_prefix.push(last + b.scores[t] as i64);
        st.apply(t);
    }
}

/// One max-violation update on one sentence. Returns whether the weights changed.
fn learn_one(
    tr: &mut Trainer,
    ex: &ParseExample,
    n_labels: usize,
    root: usize,
    width: usize,
    stride: usize,
    b: &mut TrainBufs,
) -> bool {
    let n_classes = tr.n_classes();
    b.scores.resize(n_classes, 0);
    b.ok.resize(n_classes, false);
    b.costs.resize(n_classes, 0);
    oracle(tr, ex, n_labels, root, b);
    let steps = b.gold_t.len();
    if b.states.is_empty() {
        b.states.push(State::default());
    }
    b.states[0].reset(ex.tags.len());
    b.hist.clear();
    b.level.clear();
    b.arena.clear();
    b.level.push(0);
    b.hist.push(Hist {
        parent: 0,
        t: 0,
        gold: true,
        score: 0,
    });
    b.level.push(1);
    let mut live = 1;
    // (violation, level) of the worst step whose best item is not the oracle's.
    let mut worst: Option<(i64, usize)> = None;
    for s in 0..steps {
        b.cands.clear();
        let lvl = b.level[s];
        for i in 0..live {
            features(&b.states[i], &ex.lex, &ex.tags, &mut b.feats);
            if b.feats.len() != stride {
                return false;
            }
            b.arena.extend_from_slice(&b.feats);
            tr.score(&b.feats, &mut b.scores);
            b.states[i].valid(n_labels, root, &mut b.ok);
            let base = b.hist[lvl + i].score;
            expand(&b.scores, &b.ok, n_labels, base, i as u32, &mut b.cands);
        }
        if b.cands.is_empty() {
            break;
        }
        select(&mut b.cands, width);
        while b.next.len() < b.cands.len() {
            b.next.push(State::default());
        }
        for (j, c) in b.cands.iter().enumerate() {
            b.next[j].clone_from(&b.states[c.parent as usize]);
            b.next[j].apply(c.t as usize);
            let parent_gold = b.hist[lvl + c.parent as usize].gold;
            b.hist.push(Hist {
                parent: c.parent,
                t: c.t,
                gold: parent_gold && c.t == b.gold_t[s],
                score: c.score,
            });
        }
        std::mem::swap(&mut b.states, &mut b.next);
        live = b.cands.len();
        b.level.push(b.hist.len());
        let top = b.hist[b.level[s + 1]];
        if !top.gold {
            let v = top.score - b.gold_prefix[s + 1];
            if worst.is_none_or(|(w, _)| v >= w) {
                worst = Some((v, s + 1));
            }
        }
    }
    let final_gold = b.level.len() == steps + 2 && b.hist[b.level[steps]].gold;
    let Some((_, upto)) = worst.filter(|_| !final_gold) else {
        return false;
    };
    for s in 0..upto {
        let f = &b.gold_feats[s * stride..(s + 1) * stride];
        tr.add(f, b.gold_t[s] as usize, 1);
    }
    // Walk the predicted prefix back from the best item at level `upto`. The arena holds one
    // feature block per item per level, in the same order as `hist` from level 0 on.
    let mut x = b.level[upto];
    for s in (0..upto).rev() {
        let h = b.hist[x];
        let parent = b.level[s] + h.parent as usize;
        let f = &b.arena[parent * stride..(parent + 1) * stride];
        tr.add(f, h.t as usize, -1);
        x = parent;
    }
    true
}

/// Trains the parser with a beam of `width` and max-violation updates; `on_epoch` sees the
/// trainer after each pass (for scoring dev).
#[allow(clippy::too_many_arguments)]
pub fn train(
    data: &[ParseExample],
    n_labels: usize,
    root: usize,
    epochs: usize,
    seed: u64,
    width: usize,
    min_abs: f64,
    mut on_epoch: impl FnMut(usize, &Trainer),
) -> Weights {
    let mut tr = Trainer::new(1 + 2 * n_labels);
    let mut rng = Rng::new(seed);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut bufs = TrainBufs::default();
    let stride = stride();
    for epoch in 0..epochs {
        rng.shuffle(&mut order);
        for &s in &order {
            learn_one(&mut tr, &data[s], n_labels, root, width, stride, &mut bufs);
            tr.tick();
        }
        on_epoch(epoch, &tr);
    }
    tr.freeze(min_abs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hash::Rng;
    use crate::parser::is_tree;

    /// Scores every (feature, class) pair with a pseudo-random weight, so every feature fires
    /// (random table keys would almost never meet the parser's feature hashes).
    struct Hashed(u64);

    impl Score for Hashed {
        fn n_classes(&self) -> usize {
            11
        }
        fn score_into(&self, feats: &[u64], scores: &mut [i32]) {
            for (c, s) in scores.iter_mut().enumerate() {
                *s = feats
                    .iter()
                    .map(|&f| (crate::hash::mix(f ^ self.0 ^ c as u64) % 201) as i32 - 100)
                    .sum();
            }
        }
    }

    #[test]
    fn wide_beam_leaves_the_greedy_path() {
        // Under a scorer where every feature fires, a wide beam must sometimes leave the
        // greedy path, and what it returns is still a tree.
        let mut rng = Rng::new(11);
        let (n_labels, root) = (5, 2);
        let mut bs = Scratch::default();
        let mut differs = 0;
        for trial in 0..60 {
            let w = Hashed(rng.next_u64());
            let n = trial % 20 + 2;
            let words: Vec<String> = (0..n).map(|_| format!("w{}", rng.next_u64() % 9)).collect();
            let mut lex = Vec::new();
            crate::lex::sentence(&words, &Default::default(), &mut lex);
            let tags: Vec<u16> = (0..n).map(|_| (rng.next_u64() % 4) as u16).collect();
            let greedy = parse(&w, n_labels, root, &lex, &tags, 1, &mut bs)
                .tree()
                .0
                .to_vec();
            let st = parse(&w, n_labels, root, &lex, &tags, 8, &mut bs);
            let heads = st.tree().0.to_vec();
            assert!(is_tree(&heads), "not a tree: {heads:?}");
            differs += (heads != greedy) as usize;
        }
        assert!(differs > 0, "width 8 never changed a parse");
    }

    #[test]
    fn beam_gives_trees_and_width_one_is_greedy() {
        let mut rng = Rng::new(7);
        let (n_labels, root) = (5, 2);
        let (mut bs, mut gs) = (Scratch::default(), crate::parser::Scratch::default());
        for trial in 0..150 {
            let wts = Hashed(rng.next_u64());
            let n = trial % 25 + 1;
            let words: Vec<String> = (0..n).map(|_| format!("w{}", rng.next_u64() % 9)).collect();
            let mut lex = Vec::new();
            crate::lex::sentence(&words, &Default::default(), &mut lex);
            let tags: Vec<u16> = (0..n).map(|_| (rng.next_u64() % 4) as u16).collect();
            crate::parser::parse(&wts, n_labels, root, &lex, &tags, &mut gs);
            let one = parse(&wts, n_labels, root, &lex, &tags, 1, &mut bs);
            assert_eq!(
                one.tree(),
                gs.state.tree(),
                "width 1 must be the greedy parse"
            );
            for width in [2, 4, 8] {
                let st = parse(&wts, n_labels, root, &lex, &tags, width, &mut bs);
                let (heads, labels) = st.tree();
                assert!(is_tree(heads), "not a tree: {heads:?}");
                for (h, l) in heads.iter().zip(labels) {
                    assert_eq!(*h == 0, *l as usize == root);
                }
            }
        }
    }
}
