//! Feature extraction for the parser: the templates over the stack, buffer and partial tree
//! of a configuration, hashed to keys for the perceptron. Apart from `parser.rs` because the
//! templates are tied to the shipped weights (changing them means bumping [`TEMPLATES`] and
//! retraining), while the transition system and training around them are not.

use super::{State, NONE};
use crate::hash::{key, mix};
use crate::lex::{Lex, PAD};

/// Bumped whenever `features` changes; stored in the model header.
pub const TEMPLATES: &str = "parser-v1:zn2011-arc-hybrid-82";

#[inline]
fn bucket(d: u32) -> u64 {
    match d {
        0..=4 => d as u64,
        5..=6 => 5,
        7..=9 => 6,
        _ => 7,
    }
}

/// Fills `out` with the feature keys of the current configuration.
pub fn features(st: &State, lex: &[Lex], tags: &[u16], out: &mut Vec<u64>) {
    out.clear();
    let w = |x: u32| match x {
        NONE => 0x4e4f4e45,
        0 => 0x524f4f54,
        _ => lex[PAD + x as usize - 1].lower,
    };
    let p = |x: u32| match x {
        NONE => 0xFFFF_FFFF,
        0 => 0xFFFF_FFFE,
        _ => tags[x as usize - 1] as u64,
    };
    let wp = |x: u32| mix(w(x) ^ p(x).wrapping_mul(0x9E37_79B9));
    let node = |v: &Vec<u32>, x: u32| if x == NONE { NONE } else { v[x as usize] };
    let lab = |x: u32| {
        if x == NONE {
            0xFFFF
        } else {
            st.labels[x as usize] as u64
        }
    };
    let (s0, s1, s2) = (st.s(0), st.s(1), st.s(2));
    let (b0, b1, b2) = (st.buf(0), st.buf(1), st.buf(2));
    let (s0l, s0l2, s0r, s0r2) = (
        node(&st.l1, s0),
        node(&st.l2, s0),
        node(&st.r1, s0),
        node(&st.r2, s0),
    );
    let (s1l, s1r) = (node(&st.l1, s1), node(&st.r1, s1));
    let (b0l, b0l2) = (node(&st.l1, b0), node(&st.l2, b0));
    let (ws0, ps0, wps0) = (w(s0), p(s0), wp(s0));
    let (wb0, pb0, wpb0) = (w(b0), p(b0), wp(b0));
    let (ws1, ps1) = (w(s1), p(s1));
    let d0 = if s0 != NONE && b0 != NONE {
        bucket(b0 - s0)
    } else {
        8
    };
    let d1 = if s1 != NONE && s0 != NONE {
        bucket(s0 - s1)
    } else {
        8
    };
    let (vl0, vr0) = if s0 != NONE {
        (st.nl[s0 as usize] as u64, st.nr[s0 as usize] as u64)
    } else {
        (99, 99)
    };
    let vlb = if b0 != NONE {
        st.nl[b0 as usize] as u64
    } else {
        99
    };
    let (sl0, sr0) = if s0 != NONE {
        (st.lset[s0 as usize], st.rset[s0 as usize])
    } else {
        (1 << 63, 1 << 63)
    };
    let slb = if b0 != NONE {
        st.lset[b0 as usize]
    } else {
        1 << 63
    };
    let mut t = 0u32;
    let mut f = |a: u64, b: u64, c: u64| {
        out.push(key(t, a, b, c));
        t += 1;
    };
    // Single words.
    f(wps0, 0, 0);
    f(ws0, 0, 0);
    f(ps0, 0, 0);
    f(wpb0, 0, 0);
    f(wb0, 0, 0);
    f(pb0, 0, 0);
    f(wp(b1), 0, 0);
    f(w(b1), 0, 0);
    f(p(b1), 0, 0);
    f(wp(b2), 0, 0);
    f(w(b2), 0, 0);
    f(p(b2), 0, 0);
    f(wp(s1), 0, 0);
    f(ws1, 0, 0);
    f(ps1, 0, 0);
    f(p(s2), 0, 0);
    f(w(s2), 0, 0);
    // Pairs.
    f(wps0, wpb0, 0);
    f(wps0, wb0, 0);
    f(ws0, wpb0, 0);
    f(wps0, pb0, 0);
    f(ps0, wpb0, 0);
    f(ws0, wb0, 0);
    f(ps0, pb0, 0);
    f(pb0, p(b1), 0);
    f(ws1, ws0, 0);
    f(ps1, ps0, 0);
    f(ps1, ws0, 0);
    f(ws1, ps0, 0);
    f(wp(s1), wps0, 0);
    // Triples of tags.
    f(pb0, p(b1), p(b2));
    f(ps0, pb0, p(b1));
    f(ps1, ps0, pb0);
    f(ps0, p(s0l), pb0);
    f(ps0, p(s0r), pb0);
    f(ps0, pb0, p(b0l));
    f(ps1, ps0, p(s0l));
    f(ps1, ps0, p(s0r));
    f(ps1, p(s1r), ps0);
    f(ps1, p(s1l), ps0);
    f(p(s2), ps1, ps0);
    // Distance.
    f(ws0, d0, 0);
    f(ps0, d0, 0);
    f(wb0, d0, 0);
    f(pb0, d0, 0);
    f(ws0, wb0, d0);
    f(ps0, pb0, d0);
    f(ps1, ps0, d1);
    f(ws1, ws0, d1);
    // Valency.
    f(ws0, vr0, 0);
    f(ps0, vr0, 0);
    f(ws0, vl0, 0);
    f(ps0, vl0, 0);
    f(wb0, vlb, 0);
    f(pb0, vlb, 0);
    // Children.
    f(w(s0l), 0, 0);
    f(p(s0l), 0, 0);
    f(lab(s0l), 0, 0);
    f(w(s0r), 0, 0);
    f(p(s0r), 0, 0);
    f(lab(s0r), 0, 0);
    f(w(b0l), 0, 0);
    f(p(b0l), 0, 0);
    f(lab(b0l), 0, 0);
    f(w(s1r), p(s1r), lab(s1r));
    f(p(s1l), lab(s1l), 0);
    // Second children.
    f(w(s0l2), 0, 0);
    f(p(s0l2), lab(s0l2), 0);
    f(w(s0r2), 0, 0);
    f(p(s0r2), lab(s0r2), 0);
    f(w(b0l2), 0, 0);
    f(p(b0l2), lab(b0l2), 0);
    f(ps0, p(s0l), p(s0l2));
    f(ps0, p(s0r), p(s0r2));
    f(pb0, p(b0l), p(b0l2));
    // Label sets.
    f(ws0, sl0, 0);
    f(ps0, sl0, 0);
    f(ws0, sr0, 0);
    f(ps0, sr0, 0);
    f(wb0, slb, 0);
    f(pb0, slb, 0);
    // Bigram lexical context of the pair being decided.
    f(ps0, pb0, lab(s0l));
}
