//! Arc-hybrid transition parser with a labeled averaged perceptron, rich non-local features
//! (Zhang and Nivre 2011, adapted to arc-hybrid) and a dynamic oracle (Goldberg and Nivre 2013).
//!
//! Transitions: SHIFT moves the buffer front `b0` onto the stack; LEFT(l) makes `b0` the head
//! of `s0` and pops it; RIGHT(l) makes `s1` the head of `s0` and pops it. ROOT sits at the
//! bottom of the stack and may only take a dependent once the buffer is empty, so every parse
//! is a tree with exactly one root child, whatever the scores say.

mod features;

pub use features::{features, TEMPLATES};

use crate::hash::Rng;
use crate::lex::Lex;
use crate::perceptron::{Score, Trainer, Weights};

const NONE: u32 = u32::MAX;
pub(crate) const SHIFT: usize = 0;

/// Transition class of LEFT(label).
#[inline]
pub(crate) fn left(l: usize) -> usize {
    1 + 2 * l
}
/// Transition class of RIGHT(label).
#[inline]
pub(crate) fn right(l: usize) -> usize {
    2 + 2 * l
}

/// Parser configuration plus the partial tree, reused across sentences.
#[derive(Debug, Default, Clone)]
pub struct State {
    n: u32,
    stack: Vec<u32>,
    b: u32,
    /// Per node 0..=n (0 is ROOT).
    heads: Vec<u32>,
    labels: Vec<u16>,
    l1: Vec<u32>,
    l2: Vec<u32>,
    r1: Vec<u32>,
    r2: Vec<u32>,
    nl: Vec<u8>,
    nr: Vec<u8>,
    lset: Vec<u64>,
    rset: Vec<u64>,
}

impl State {
    pub(crate) fn reset(&mut self, n: usize) {
        let m = n + 1;
        self.n = n as u32;
        self.stack.clear();
        self.stack.push(0);
        self.b = 1;
        for v in [
            &mut self.heads,
            &mut self.l1,
            &mut self.l2,
            &mut self.r1,
            &mut self.r2,
        ] {
            v.clear();
            v.resize(m, NONE);
        }
        self.labels.clear();
        self.labels.resize(m, 0);
        self.nl.clear();
        self.nl.resize(m, 0);
        self.nr.clear();
        self.nr.resize(m, 0);
        self.lset.clear();
        self.lset.resize(m, 0);
        self.rset.clear();
        self.rset.resize(m, 0);
    }

    pub(crate) fn terminal(&self) -> bool {
        self.b > self.n && self.stack.len() == 1
    }

    #[inline]
    fn s(&self, k: usize) -> u32 {
        let len = self.stack.len();
        if k < len {
            self.stack[len - 1 - k]
        } else {
            NONE
        }
    }

    #[inline]
    fn buf(&self, k: u32) -> u32 {
        let x = self.b + k;
        if x <= self.n {
            x
        } else {
            NONE
        }
    }

    /// Which transitions are legal now; `root` is the index of the `root` label.
    pub(crate) fn valid(&self, n_labels: usize, root: usize, ok: &mut [bool]) {
        ok.iter_mut().for_each(|v| *v = false);
        let has_b = self.b <= self.n;
        ok[SHIFT] = has_b;
        let s0_word = self.stack.len() >= 2;
        for l in 0..n_labels {
            ok[left(l)] = s0_word && has_b && l != root;
            ok[right(l)] = if s0_word && self.s(1) == 0 {
                !has_b && l == root
            } else {
                s0_word && l != root
            };
        }
    }

    fn attach(&mut self, h: u32, d: u32, l: usize) {
        let (h, d) = (h as usize, d);
        self.heads[d as usize] = h as u32;
        self.labels[d as usize] = l as u16;
        let bit = 1u64 << (l % 64);
        if d < h as u32 {
            self.nl[h] = self.nl[h].saturating_add(1);
            self.lset[h] |= bit;
            if self.l1[h] == NONE || d < self.l1[h] {
                self.l2[h] = self.l1[h];
                self.l1[h] = d;
            } else if self.l2[h] == NONE || d < self.l2[h] {
                self.l2[h] = d;
            }
        } else {
            self.nr[h] = self.nr[h].saturating_add(1);
            self.rset[h] |= bit;
            if self.r1[h] == NONE || d > self.r1[h] {
                self.r2[h] = self.r1[h];
                self.r1[h] = d;
            } else if self.r2[h] == NONE || d > self.r2[h] {
                self.r2[h] = d;
            }
        }
    }

    pub(crate) fn apply(&mut self, t: usize) {
        if t == SHIFT {
            self.stack.push(self.b);
            self.b += 1;
        } else {
            let l = (t - 1) / 2;
            let s0 = self.stack.pop().unwrap_or(0);
            let h = if t % 2 == 1 { self.b } else { self.s(0) };
            self.attach(h, s0, l);
        }
    }

    /// Gold-tree cost of every transition (Goldberg and Nivre 2013): arcs of the gold tree
    /// that become unreachable. Illegal transitions get `i32::MAX`.
    pub(crate) fn costs(&self, gh: &[u32], gl: &[u16], ok: &[bool], costs: &mut [i32]) {
        let (s0, s1, b) = (self.s(0), self.s(1), self.b);
        let n = self.n;
        let deps_in_buffer = |x: u32| (b..=n).filter(|&d| gh[d as usize] == x).count() as i32;
        let shift = if b <= n {
            let hb = gh[b as usize];
            let mut c = self
                .stack
                .iter()
                .filter(|&&d| d != 0 && gh[d as usize] == b)
                .count() as i32;
            c += (hb != s0 && self.stack.contains(&hb)) as i32;
            c
        } else {
            0
        };
        let (mut lcost, mut rcost, mut hs0) = (0, 0, NONE);
        if s0 != NONE && s0 != 0 {
            hs0 = gh[s0 as usize];
            let d = deps_in_buffer(s0);
            lcost = d + (hs0 != b && (hs0 == s1 || (hs0 >= b && hs0 <= n && hs0 != 0))) as i32;
            rcost = d + (hs0 != s1 && hs0 >= b && hs0 <= n && hs0 != 0) as i32;
        }
        let gold_l = if s0 != NONE && s0 != 0 {
            gl[s0 as usize] as usize
        } else {
            usize::MAX
        };
        for (t, c) in costs.iter_mut().enumerate() {
            *c = if !ok[t] {
                i32::MAX
            } else if t == SHIFT {
                shift
            } else {
                let l = (t - 1) / 2;
                if t % 2 == 1 {
                    lcost + (hs0 == b && l != gold_l) as i32
                } else {
                    rcost + (hs0 == s1 && l != gold_l) as i32
                }
            };
        }
    }

    /// Attaches any word left without a head to ROOT (only reachable if a search stopped
    /// early), so the output is always a complete tree.
    pub(crate) fn finish(&mut self, root: usize) {
        for d in 1..=self.n as usize {
            if self.heads[d] == NONE {
                self.heads[d] = 0;
                self.labels[d] = root as u16;
            }
        }
    }

    /// Head of each word 1..=n (0 = root) and its label index.
    pub fn tree(&self) -> (&[u32], &[u16]) {
        (&self.heads[1..], &self.labels[1..])
    }
}

/// Scratch buffers for parsing, kept across sentences.
#[derive(Debug, Default, Clone)]
pub struct Scratch {
    /// The configuration.
    pub state: State,
    feats: Vec<u64>,
    scores: Vec<i32>,
    ok: Vec<bool>,
}

/// Best legal transition under `scores`.
pub(crate) fn best_legal(scores: &[i32], ok: &[bool]) -> usize {
    let mut best = usize::MAX;
    for t in 0..scores.len() {
        if ok[t] && (best == usize::MAX || scores[t] > scores[best]) {
            best = t;
        }
    }
    best
}

/// Parses one tagged sentence greedily; the tree is left in `scratch.state`.
pub fn parse<W: Score>(
    weights: &W,
    n_labels: usize,
    root: usize,
    lex: &[Lex],
    tags: &[u16],
    scratch: &mut Scratch,
) {
    let Scratch {
        state,
        feats,
        scores,
        ok,
    } = scratch;
    state.reset(tags.len());
    scores.resize(weights.n_classes(), 0);
    ok.resize(weights.n_classes(), false);
    while !state.terminal() {
        features(state, lex, tags, feats);
        weights.score_into(feats, scores);
        state.valid(n_labels, root, ok);
        let t = best_legal(scores, ok);
        if t == usize::MAX {
            // Unreachable (a non-terminal state always allows SHIFT or RIGHT); stop rather
            // than loop, leaving unattached words on ROOT below.
            break;
        }
        state.apply(t);
    }
    state.finish(root);
}

/// One training sentence.
pub struct ParseExample {
    /// Padded lex array.
    pub lex: Vec<Lex>,
    /// Predicted (jackknifed) tags.
    pub tags: Vec<u16>,
    /// Gold head per node 0..=n (entry 0 unused).
    pub heads: Vec<u32>,
    /// Gold label per node 0..=n (entry 0 unused).
    pub labels: Vec<u16>,
}

/// Trains with the dynamic oracle: from the second epoch on, the trainer follows its own
/// prediction with probability `explore`, so it learns to recover from its mistakes.
#[allow(clippy::too_many_arguments)]
pub fn train(
    data: &[ParseExample],
    n_labels: usize,
    root: usize,
    epochs: usize,
    seed: u64,
    explore: f64,
    min_abs: f64,
    mut on_epoch: impl FnMut(usize, &Trainer),
) -> Weights {
    let n_classes = 1 + 2 * n_labels;
    let mut tr = Trainer::new(n_classes);
    let mut rng = Rng::new(seed);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut st = State::default();
    let (mut feats, mut scores, mut ok, mut costs) = (
        Vec::new(),
        vec![0; n_classes],
        vec![false; n_classes],
        vec![0; n_classes],
    );
    for epoch in 0..epochs {
        rng.shuffle(&mut order);
        for &s in &order {
            let ex = &data[s];
            st.reset(ex.tags.len());
            while !st.terminal() {
                features(&st, &ex.lex, &ex.tags, &mut feats);
                tr.score(&feats, &mut scores);
                st.valid(n_labels, root, &mut ok);
                st.costs(&ex.heads, &ex.labels, &ok, &mut costs);
                let guess = best_legal(&scores, &ok);
                let min = costs.iter().copied().min().unwrap_or(0);
                let mut gold = usize::MAX;
                for t in 0..n_classes {
                    if costs[t] == min && (gold == usize::MAX || scores[t] > scores[gold]) {
                        gold = t;
                    }
                }
                if gold == usize::MAX || guess == usize::MAX {
                    break;
                }
                if costs[guess] > min {
                    tr.update(&feats, gold, guess);
                }
                tr.tick();
                let next = if epoch > 0 && rng.next_f64() < explore {
                    guess
                } else {
                    gold
                };
                st.apply(next);
            }
        }
        on_epoch(epoch, &tr);
    }
    tr.freeze(min_abs)
}

/// Test helper: `heads` (1-based, 0 = root) form one tree with a single root.
#[cfg(test)]
pub(crate) fn is_tree(heads: &[u32]) -> bool {
    let n = heads.len();
    if heads.iter().filter(|&&h| h == 0).count() != 1 || heads.iter().any(|&h| h as usize > n) {
        return false;
    }
    (1..=n).all(|start| {
        let (mut x, mut steps) = (start, 0);
        while x != 0 && steps <= n {
            x = heads[x - 1] as usize;
            steps += 1;
        }
        x == 0
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::perceptron::Weights;

    #[test]
    fn parse_is_always_a_tree() {
        // Random weights over random sentences: whatever the scores, the result is a tree.
        let mut rng = Rng::new(1);
        let n_labels = 5;
        for trial in 0..200 {
            let rows: Vec<(u64, Vec<(u8, i16)>)> = (0..500)
                .map(|_| {
                    let k = rng.next_u64() | 1;
                    let row = (0..3)
                        .map(|_| {
                            (
                                (rng.next_u64() % 11) as u8,
                                (rng.next_u64() % 200) as i16 - 100,
                            )
                        })
                        .collect();
                    (k, row)
                })
                .collect();
            let wts = Weights::from_rows(1 + 2 * n_labels, 1.0, rows);
            let n = (trial % 30) + 1;
            let words: Vec<String> = (0..n)
                .map(|i| format!("w{}", rng.next_u64() % 7 + i as u64 % 2))
                .collect();
            let mut lex = Vec::new();
            crate::lex::sentence(&words, &Default::default(), &mut lex);
            let tags: Vec<u16> = (0..n).map(|_| (rng.next_u64() % 4) as u16).collect();
            let mut sc = Scratch::default();
            parse(&wts, n_labels, 2, &lex, &tags, &mut sc);
            let (heads, labels) = sc.state.tree();
            assert!(is_tree(heads), "not a tree: {heads:?}");
            for (h, l) in heads.iter().zip(labels) {
                assert_eq!(*h == 0, *l == 2, "root label iff attached to ROOT");
            }
        }
    }

    #[test]
    fn oracle_reproduces_projective_gold_tree() {
        // Following the zero-cost transitions rebuilds the gold tree exactly.
        // "the cat sat on the mat": heads (1-based), labels arbitrary.
        let gh = [0u32, 2, 3, 0, 6, 6, 3];
        let gl = [0u16, 1, 3, 0, 4, 1, 2];
        let (n_labels, root) = (5, 0);
        let mut st = State::default();
        st.reset(6);
        let nc = 1 + 2 * n_labels;
        let (mut ok, mut costs) = (vec![false; nc], vec![0; nc]);
        let mut steps = 0;
        while !st.terminal() {
            st.valid(n_labels, root, &mut ok);
            st.costs(&gh, &gl, &ok, &mut costs);
            let t = (0..nc)
                .find(|&t| costs[t] == 0)
                .expect("a zero-cost move exists");
            st.apply(t);
            steps += 1;
        }
        assert_eq!(steps, 12);
        assert_eq!(st.tree().0, &gh[1..]);
        assert_eq!(st.tree().1, &gl[1..]);
    }
}
