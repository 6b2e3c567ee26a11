//! Finding the article in the page: furniture pruning with an over-pruning guard, then
//! Readability-style scoring of text blocks propagated to their ancestors, the best container
//! chosen, and its siblings that look like more of the same article merged in.
//!
//! Every pass is a loop over the pre-order list or over parent links: linear in the page.

use super::classify::{self, Role};
use super::dom::{Dom, Id, Kind, Tag, NONE};

/// What the page analysis hands to serialisation.
pub(crate) struct Analysis {
    /// Per node: its role after the over-pruning guard.
    pub role: Vec<Role>,
    /// The containers the article was found in, in page order.
    pub roots: Vec<Id>,
}

/// A block (in the scoring sense) holds at least this many chars of its own text to count.
const MIN_BLOCK_CHARS: u32 = 25;

fn commas(s: &str) -> u32 {
    s.chars()
        .filter(|c| matches!(c, ',' | '،' | '，' | '、' | '﹐' | '︐' | '﹑' | '⸴' | '⸲'))
        .count() as u32
}

/// Chars that are not ASCII whitespace, counted on bytes (UTF-8 lead bytes) for speed.
fn visible_chars(s: &str) -> u32 {
    s.bytes()
        .filter(|&b| (b & 0xC0) != 0x80 && !b.is_ascii_whitespace())
        .count() as u32
}

/// Class/id weight, Readability's idea: names that say "article" help, furniture hurts.
fn class_weight(dom: &Dom, id: Id) -> f32 {
    let names = classify::names(dom, id);
    if names.is_empty() {
        return 0.0;
    }
    let mut w = 0.0;
    const POSITIVE: &[&str] = &[
        "article", "body", "content", "entry", "hentry", "main", "post", "text", "blog", "story",
    ];
    const NEGATIVE: &[&str] = &[
        "comment", "foot", "masthead", "media", "meta", "outbrain", "promo", "related", "scroll",
        "share", "sidebar", "sponsor", "shopping", "tags", "tool", "widget", "hidden", "teaser",
        "card", "list", "menu", "nav", "header",
    ];
    if POSITIVE.iter().any(|p| names.contains(p)) {
        w += 25.0;
    }
    if NEGATIVE.iter().any(|p| names.contains(p)) {
        w -= 25.0;
    }
    w
}

fn tag_base(tag: Tag) -> f32 {
    match tag {
        Tag::Div | Tag::Article | Tag::Main | Tag::Section => 5.0,
        Tag::Pre | Tag::Td | Tag::Blockquote => 3.0,
        Tag::Address | Tag::Ol | Tag::Ul | Tag::Dl | Tag::Dd | Tag::Dt | Tag::Li | Tag::Form => {
            -3.0
        }
        Tag::H1 | Tag::Heading | Tag::Th => -5.0,
        _ => 0.0,
    }
}

pub(crate) fn analyse(dom: &Dom) -> Analysis {
    let n = dom.nodes.len();
    let order = dom.preorder(0);
    let mut role = vec![Role::Keep; n];
    let mut tchars = vec![0u32; n];
    for &id in &order {
        if let Some(t) = dom.node(id).text() {
            tchars[id as usize] = visible_chars(t);
        }
    }
    let mut raw_p = vec![0u32; n];
    for &id in &order {
        role[id as usize] = classify::role(dom, id);
    }
    // Text outside links per subtree, ignoring roles: the guard's measure of "this subtree
    // is where the article is" (menus and link lists are links; prose is not).
    let mut in_a = vec![false; n];
    for &id in &order {
        let node = dom.node(id);
        let parent_a = node.parent != NONE && in_a[node.parent as usize];
        in_a[id as usize] = parent_a || node.tag() == Some(Tag::A);
    }
    for &id in order.iter().rev() {
        let node = dom.node(id);
        if role[id as usize] == Role::Invisible {
            raw_p[id as usize] = 0;
            continue;
        }
        if node.text().is_some() && !in_a[id as usize] {
            raw_p[id as usize] += tchars[id as usize];
        }
        if node.parent != NONE {
            raw_p[node.parent as usize] += raw_p[id as usize];
        }
    }
    let total_p = raw_p[0].max(1);
    // Over-pruning guard: furniture names on a container that holds most of the page's
    // paragraph text are a naming accident ("main has-sidebar"), not furniture.
    for &id in &order {
        if let Role::Drop(_) | Role::Caption = role[id as usize] {
            if raw_p[id as usize] * 2 > total_p {
                role[id as usize] = Role::Keep;
            }
        }
    }
    // Hidden-ness is inherited: a node is visible only when all its ancestors are kept.
    let mut visible = vec![false; n];
    for &id in &order {
        let node = dom.node(id);
        let parent_ok = node.parent == NONE || visible[node.parent as usize];
        visible[id as usize] = parent_ok && role[id as usize] == Role::Keep;
    }
    // Text and link sizes per subtree, and each text node's share in its nearest block.
    let mut text_len = vec![0u32; n];
    let mut link_len = vec![0u32; n];
    let mut own_len = vec![0u32; n];
    let mut own_link = vec![0u32; n];
    let mut own_commas = vec![0u32; n];
    let in_link = &in_a;
    // Nearest block-level ancestor per node, one pass (no per-text walk up the tree).
    let mut block_of = vec![NONE; n];
    for &id in &order {
        let p = dom.node(id).parent;
        if p != NONE {
            block_of[id as usize] = if dom.node(p).tag().is_some_and(Tag::is_block) {
                p
            } else {
                block_of[p as usize]
            };
        }
    }
    for &id in &order {
        let node = dom.node(id);
        if !visible[id as usize] {
            continue;
        }
        if let Some(t) = node.text() {
            let c = tchars[id as usize];
            if c == 0 {
                continue;
            }
            text_len[id as usize] = c;
            if in_link[id as usize] {
                link_len[id as usize] = c;
            }
            let b = block_of[id as usize];
            if b != NONE {
                own_len[b as usize] += c;
                own_commas[b as usize] += commas(t);
                if in_link[id as usize] {
                    own_link[b as usize] += c;
                }
            }
        }
    }
    for &id in order.iter().rev() {
        let p = dom.node(id).parent;
        if p != NONE && visible[id as usize] {
            text_len[p as usize] += text_len[id as usize];
            link_len[p as usize] += link_len[id as usize];
        }
    }
    // Readability's propagation: each block's score goes to its parent in full, to the
    // grandparent halved, and to three more ancestors divided by 3 x level.
    let mut score = vec![f32::NAN; n];
    for &id in &order {
        let len = own_len[id as usize];
        if len < MIN_BLOCK_CHARS || !visible[id as usize] {
            continue;
        }
        let tag = dom.node(id).tag().unwrap_or(Tag::Other);
        if matches!(tag, Tag::H1 | Tag::Heading | Tag::Li | Tag::Dt) {
            // Headlines and list items describe or point elsewhere more often than not.
            continue;
        }
        let ld = own_link[id as usize] as f32 / len as f32;
        let s = (1.0 + own_commas[id as usize] as f32 + (len as f32 / 100.0).min(3.0)) * (1.0 - ld);
        let mut anc = dom.node(id).parent;
        let mut level = 0;
        while anc != NONE && level < 5 {
            if matches!(dom.node(anc).kind, Kind::Document) {
                break;
            }
            let a = anc as usize;
            if score[a].is_nan() {
                score[a] =
                    tag_base(dom.node(anc).tag().unwrap_or(Tag::Other)) + class_weight(dom, anc);
            }
            let div = match level {
                0 => 1.0,
                1 => 2.0,
                l => 3.0 * l as f32,
            };
            score[a] += s / div;
            anc = dom.node(anc).parent;
            level += 1;
        }
    }
    let final_score = |id: Id| -> f32 {
        let s = score[id as usize];
        if s.is_nan() {
            return f32::NAN;
        }
        let t = text_len[id as usize].max(1) as f32;
        s * (1.0 - link_len[id as usize] as f32 / t)
    };
    let mut top = NONE;
    let mut best = f32::MIN;
    for &id in &order {
        let s = final_score(id);
        // Strictly greater keeps the first of equals: same input, same choice.
        if !s.is_nan() && s > best && visible[id as usize] {
            best = s;
            top = id;
        }
    }
    let roots = if top == NONE {
        body_or_root(dom)
    } else {
        let first = top;
        let top = climb(dom, top, best, &final_score);
        let mut roots = siblings(dom, top, &final_score, &text_len, &link_len, &visible);
        // The class is the best-scoring container's own: wrappers climbed to have none.
        same_class(
            dom, first, &order, &mut roots, &text_len, &link_len, &visible,
        );
        roots
    };
    Analysis { role, roots }
}

fn body_or_root(dom: &Dom) -> Vec<Id> {
    let body = dom
        .preorder(0)
        .into_iter()
        .find(|&id| dom.node(id).tag() == Some(Tag::Body));
    vec![body.unwrap_or(0)]
}

/// Readability's walk up: an ancestor that scores higher than the path below it, or an only
/// child's parent, holds more of the article.
fn climb(dom: &Dom, top: Id, best: f32, score: &dyn Fn(Id) -> f32) -> Id {
    let mut top = top;
    let threshold = best / 3.0;
    let mut last = best;
    let mut parent = dom.node(top).parent;
    while parent != NONE && !matches!(dom.node(parent).tag(), Some(Tag::Body) | None) {
        let s = score(parent);
        if s.is_nan() {
            parent = dom.node(parent).parent;
            continue;
        }
        if s < threshold {
            break;
        }
        if s > last {
            top = parent;
            break;
        }
        last = s;
        parent = dom.node(parent).parent;
    }
    // An only child says nothing its parent does not; the parent may hold headings too.
    loop {
        let p = dom.node(top).parent;
        if p == NONE || matches!(dom.node(p).tag(), Some(Tag::Body) | None) {
            break;
        }
        let elems = dom
            .children(p)
            .filter(|&c| dom.node(c).tag().is_some())
            .count();
        if elems != 1 {
            break;
        }
        top = p;
    }
    top
}

/// Article bodies split by figures or ads often come as several containers with the same
/// class as the chosen one, away from it in the tree; take those that hold prose too.
fn same_class(
    dom: &Dom,
    top: Id,
    order: &[Id],
    roots: &mut Vec<Id>,
    text_len: &[u32],
    link_len: &[u32],
    visible: &[bool],
) {
    let Some(class) = dom.node(top).attr("class").filter(|c| !c.trim().is_empty()) else {
        return;
    };
    let tag = dom.node(top).tag();
    let mut pos = vec![u32::MAX; dom.nodes.len()];
    for (i, &id) in order.iter().enumerate() {
        pos[id as usize] = i as u32;
    }
    // The subtree of x is the pre-order range from pos(x) up to the node after it.
    let end_of = |x: Id| {
        let mut a = x;
        while a != NONE {
            let nx = dom.node(a).next;
            if nx != NONE {
                return pos[nx as usize];
            }
            a = dom.node(a).parent;
        }
        u32::MAX
    };
    let mut added = Vec::new();
    for &id in order {
        let n = dom.node(id);
        if id == top || n.tag() != tag || n.attr("class") != Some(class) || !visible[id as usize] {
            continue;
        }
        let len = text_len[id as usize];
        if len < 100 || link_len[id as usize] as f32 > 0.3 * len as f32 {
            continue;
        }
        added.push(id);
    }
    if added.is_empty() {
        return;
    }
    roots.extend(added);
    roots.sort_by_key(|&r| pos[r as usize]);
    roots.dedup();
    // Keep outermost roots only: a root inside an earlier one is already covered.
    let mut kept: Vec<Id> = Vec::new();
    let mut covered_until = 0u32;
    for &r in roots.iter() {
        let p = pos[r as usize];
        if !kept.is_empty() && p < covered_until {
            continue;
        }
        kept.push(r);
        covered_until = end_of(r);
    }
    *roots = kept;
}

/// The top candidate plus those siblings that score like article text.
fn siblings(
    dom: &Dom,
    top: Id,
    score: &dyn Fn(Id) -> f32,
    text_len: &[u32],
    link_len: &[u32],
    visible: &[bool],
) -> Vec<Id> {
    let parent = dom.node(top).parent;
    if parent == NONE {
        return vec![top];
    }
    let top_score = score(top);
    let threshold = (top_score * 0.2).max(10.0);
    let top_class = dom.node(top).attr("class").unwrap_or("");
    let mut out = Vec::new();
    for c in dom.children(parent) {
        if c == top {
            out.push(c);
            continue;
        }
        if !visible[c as usize] || dom.node(c).tag().is_none() {
            continue;
        }
        let mut s = score(c);
        if s.is_nan() {
            s = 0.0;
        }
        if !top_class.is_empty() && dom.node(c).attr("class") == Some(top_class) {
            s += top_score * 0.2;
        }
        let len = text_len[c as usize];
        let ld = link_len[c as usize] as f32 / len.max(1) as f32;
        let para = dom.node(c).tag() == Some(Tag::P);
        // Readability's sibling paragraphs: long with few links, or a short linkless
        // sentence.
        let sentence = || {
            let t = dom.text_of(c, 400);
            t.ends_with('.') || t.contains(". ")
        };
        if s >= threshold
            || (para && len > 80 && ld < 0.25)
            || (para && len > 0 && ld == 0.0 && sentence())
        {
            out.push(c);
        }
    }
    out
}
