//! Serialising the article containers to text: one paragraph per block element, `<br>` as a
//! line break, inline elements joined as a browser shows them, furniture and captions set
//! apart, and blocks that are mostly links dropped.

use super::classify::Role;
use super::content::Analysis;
use super::dom::{Dom, Id, Tag, NONE};
use crate::normalize::clean_inline;
use sitrep_doc::{DropReason, Dropped};

/// Dropped texts are cut to this many chars: enough to audit, bounded in size.
const DROPPED_MAX_CHARS: usize = 200;

/// One paragraph before filtering.
struct Block {
    text: String,
    links: u32,
    chars: u32,
    tag: Tag,
    /// Inside a list item: a linked heading there is a list of pointers.
    in_list: bool,
}

pub(crate) struct Body {
    pub paragraphs: Vec<String>,
    pub captions: Vec<String>,
    pub dropped: Vec<Dropped>,
}

pub(crate) fn truncate(s: &str) -> String {
    match s.char_indices().nth(DROPPED_MAX_CHARS) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// Serialises the subtrees under `roots`.
pub(crate) fn serialise(dom: &Dom, an: &Analysis, roots: &[Id], title: Option<&str>) -> Body {
    let mut w = Writer {
        blocks: Vec::new(),
        buf: String::new(),
        links: 0,
        chars: 0,
        block_tag: Vec::new(),
        pre: 0,
        link_depth: 0,
        captions: Vec::new(),
        dropped: Vec::new(),
    };
    for &root in roots {
        w.walk(dom, an, root);
        w.flush();
    }
    w.nearby_captions(dom, an, roots);
    let blocks = std::mem::take(&mut w.blocks);
    let mut verdict: Vec<Option<DropReason>> = blocks.iter().map(|b| judge(b, title)).collect();
    // A linked heading followed by prose heads a section of this article (product or list
    // articles), not a pointer elsewhere.
    for i in 0..blocks.len().saturating_sub(1) {
        if blocks[i].tag == Tag::Heading
            && !blocks[i].in_list
            && verdict[i] == Some(DropReason::RelatedLinks)
            && verdict[i + 1].is_none()
            && blocks[i + 1].tag != Tag::Heading
            && blocks[i + 1].chars >= 80
        {
            verdict[i] = None;
        }
    }
    // Headings after the last paragraph of prose titled boxes that were dropped: "More in
    // Milan", "You may also like".
    for (b, v) in blocks.iter().zip(verdict.iter_mut()).rev() {
        if v.is_some() {
            continue;
        }
        if b.tag != Tag::Heading {
            break;
        }
        *v = Some(DropReason::RelatedLinks);
    }
    // Calls to action after the story ("Subscribe to our newsletter", "Follow us on ...").
    for (b, v) in blocks.iter().zip(verdict.iter_mut()).rev() {
        if v.is_some() {
            continue;
        }
        if b.chars > 250 || !is_call_to_action(&b.text) {
            break;
        }
        *v = Some(DropReason::Subscription);
    }
    let mut paragraphs: Vec<String> = Vec::new();
    for (b, v) in blocks.into_iter().zip(verdict) {
        if let Some(reason) = v {
            w.dropped.push(Dropped {
                text: truncate(&b.text),
                reason,
            });
            continue;
        }
        paragraphs.push(b.text);
    }
    Body {
        paragraphs,
        captions: w.captions,
        dropped: w.dropped,
    }
}

/// Why a paragraph is not article text, if it is not.
fn judge(b: &Block, title: Option<&str>) -> Option<DropReason> {
    if b.tag == Tag::H1 {
        return Some(DropReason::Title);
    }
    if let Some(t) = title {
        if b.text.eq_ignore_ascii_case(t) {
            return Some(DropReason::Title);
        }
    }
    let ld = b.links as f32 / b.chars.max(1) as f32;
    // A block that is nearly all link text is a pointer elsewhere: related stories, tags,
    // "read more". Long prose with a few links is kept.
    if ld > 0.8 || (ld > 0.5 && b.chars < 150) {
        return Some(DropReason::RelatedLinks);
    }
    // Photo credits and copyright lines.
    if b.chars < 200 && b.text.contains('©') {
        return Some(DropReason::Credit);
    }
    if is_ui_label(&b.text) {
        return Some(DropReason::Advertisement);
    }
    None
}

/// Prompts to subscribe, follow or get in touch, in several languages.
fn is_call_to_action(s: &str) -> bool {
    const CUES: &[&str] = &[
        "subscribe",
        "newsletter",
        "sign up",
        "follow us",
        "follow her",
        "follow him",
        "follow me",
        "click here",
        "download our app",
        "all rights reserved",
        "may be reached at",
        "can be reached at",
        "have a tip",
        "join our",
        "if you enjoyed",
        "become a member",
        "support our journalism",
        "send us",
        "abonnez",
        "abonnieren",
        "suscríbete",
        "suscribete",
        "assine",
        "inscreva",
        "iscriviti",
        "подпишитесь",
        "подписывайтесь",
        "구독",
    ];
    let l = s.to_lowercase();
    CUES.iter().any(|c| l.contains(c))
}

/// Short labels that ad slots and share bars leave in the text, in several languages.
fn is_ui_label(s: &str) -> bool {
    if s.chars().count() > 40 {
        return false;
    }
    let l = s
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    matches!(
        l.as_str(),
        "advertisement"
            | "advertising"
            | "advert"
            | "comments"
            | "related"
            | "related news"
            | "related stories"
            | "related articles"
            | "read more"
            | "see also"
            | "this slideshow requires javascript"
            | "ad"
            | "sponsored"
            | "sponsored links"
            | "sponsored content"
            | "anzeige"
            | "werbung"
            | "publicidad"
            | "publicité"
            | "publicidade"
            | "pubblicità"
            | "реклама"
            | "광고"
            | "scroll to continue with content"
            | "continue reading below"
            | "story continues below"
            | "story continues below advertisement"
            | "article continues below"
    )
}

struct Writer {
    blocks: Vec<Block>,
    buf: String,
    links: u32,
    chars: u32,
    /// Block elements open around the write position (the innermost names the paragraph).
    block_tag: Vec<Tag>,
    pre: u32,
    link_depth: u32,
    captions: Vec<String>,
    dropped: Vec<Dropped>,
}

impl Writer {
    fn flush(&mut self) {
        if self.buf.is_empty() {
            return;
        }
        let mut text = String::new();
        for line in self.buf.split('\n') {
            let line = clean_inline(line);
            if line.is_empty() {
                continue;
            }
            if !text.is_empty() {
                text.push('\n');
            }
            text.push_str(&line);
        }
        self.buf.clear();
        let (links, chars) = (self.links, self.chars);
        self.links = 0;
        self.chars = 0;
        if text.is_empty() {
            return;
        }
        self.blocks.push(Block {
            text,
            links,
            chars,
            tag: self.block_tag.last().copied().unwrap_or(Tag::Other),
            in_list: self.block_tag.contains(&Tag::Li),
        });
    }

    /// Records furniture or a caption found inside the article.
    fn set_apart(&mut self, dom: &Dom, id: Id, role: Role) {
        let text = dom.text_of(id, 64 << 10);
        if text.is_empty() {
            return;
        }
        match role {
            Role::Caption => {
                if self.captions.contains(&text) {
                    self.dropped.push(Dropped {
                        text: truncate(&text),
                        reason: DropReason::DuplicateCaption,
                    });
                } else {
                    self.dropped.push(Dropped {
                        text: truncate(&text),
                        reason: DropReason::Caption,
                    });
                    self.captions.push(text);
                }
            }
            Role::Drop(reason) => {
                self.dropped.push(Dropped {
                    text: truncate(&text),
                    reason,
                });
                // Captions inside a dropped figure still belong in `captions`.
                let mut cur = id;
                while cur != NONE {
                    let mut skip = false;
                    if cur != id {
                        if let Some(Tag::Figcaption) = dom.node(cur).tag() {
                            let c = dom.text_of(cur, 64 << 10);
                            if !c.is_empty() && !self.captions.contains(&c) {
                                self.captions.push(c);
                            }
                            skip = true;
                        }
                    }
                    cur = dom.next_in(cur, id, skip);
                }
            }
            Role::Keep | Role::Invisible => {}
        }
    }

    /// The lead photo often sits beside the body container, not in it: captions in the
    /// containers' parents (below `<body>`) are the article's captions too.
    fn nearby_captions(&mut self, dom: &Dom, an: &Analysis, roots: &[Id]) {
        let mut scopes: Vec<Id> = Vec::new();
        for &r in roots {
            let p = dom.node(r).parent;
            if p != NONE
                && !matches!(dom.node(p).tag(), Some(Tag::Body | Tag::Html) | None)
                && !scopes.contains(&p)
            {
                scopes.push(p);
            }
        }
        for scope in scopes {
            let mut cur = scope;
            while cur != NONE {
                let n = dom.node(cur);
                let role = an.role[cur as usize];
                let mut skip = roots.contains(&cur) || role == Role::Invisible;
                if !skip && (role == Role::Caption || n.tag() == Some(Tag::Figcaption)) {
                    let c = dom.text_of(cur, 64 << 10);
                    if !c.is_empty() && !self.captions.contains(&c) {
                        self.dropped.push(Dropped {
                            text: truncate(&c),
                            reason: DropReason::Caption,
                        });
                        self.captions.push(c);
                    }
                    skip = true;
                }
                cur = dom.next_in(cur, scope, skip);
            }
        }
    }

    /// Walks one subtree with enter/exit events, without recursion.
    fn walk(&mut self, dom: &Dom, an: &Analysis, root: Id) {
        let mut cur = root;
        loop {
            let descend = self.enter(dom, an, cur);
            let first = dom.node(cur).first_child;
            if descend && first != NONE {
                cur = first;
                continue;
            }
            if !descend {
                // Entered but not walked: no exit event, `enter` handled it whole.
                if cur == root {
                    return;
                }
            } else {
                self.exit(dom, cur);
                if cur == root {
                    return;
                }
            }
            loop {
                let n = dom.node(cur);
                if n.next != NONE {
                    cur = n.next;
                    break;
                }
                cur = n.parent;
                if cur == NONE {
                    return;
                }
                self.exit(dom, cur);
                if cur == root {
                    return;
                }
            }
        }
    }

    /// Returns whether to walk into the node's children.
    fn enter(&mut self, dom: &Dom, an: &Analysis, id: Id) -> bool {
        let n = dom.node(id);
        if let Some(t) = n.text() {
            if self.pre > 0 {
                self.buf.push_str(t);
            } else {
                // Two text nodes in a row always have an element edge between them. A
                // sentence or aside closed on one side and a capital on the other is a word
                // boundary that styling supplied ("<cite>Hong Kong (AP)</cite>A muddled").
                let closed =
                    self.buf.chars().next_back().is_some_and(|c| {
                        matches!(c, ')' | '.' | '!' | '?' | ':' | ';' | ',' | ']')
                    });
                let capital = t.chars().next().is_some_and(char::is_uppercase);
                if closed && capital {
                    self.buf.push(' ');
                }
                // Newlines in ordinary text are spaces; only <br> breaks a line.
                for piece in t.split(['\n', '\r']) {
                    self.buf.push_str(piece);
                    self.buf.push(' ');
                }
                self.buf.pop();
            }
            let c = t.chars().filter(|c| !c.is_whitespace()).count() as u32;
            self.chars += c;
            if self.link_depth > 0 {
                self.links += c;
            }
            return false;
        }
        let tag = match n.tag() {
            Some(t) => t,
            None => return false,
        };
        let role = an.role[id as usize];
        if role != Role::Keep {
            if role != Role::Invisible {
                if tag.is_block() {
                    self.flush();
                }
                self.set_apart(dom, id, role);
            }
            return false;
        }
        match tag {
            Tag::Br => {
                self.buf.push('\n');
                return false;
            }
            Tag::Img => return false,
            Tag::A => self.link_depth += 1,
            Tag::Pre => self.pre += 1,
            _ => {}
        }
        if tag.is_block() {
            self.flush();
            self.block_tag.push(tag);
        } else if tag == Tag::Other {
            // Unknown inline elements glue to their neighbours as in a browser.
        }
        true
    }

    fn exit(&mut self, dom: &Dom, id: Id) {
        let tag = match dom.node(id).tag() {
            Some(t) => t,
            None => return,
        };
        match tag {
            Tag::A => self.link_depth = self.link_depth.saturating_sub(1),
            Tag::Pre => self.pre = self.pre.saturating_sub(1),
            _ => {}
        }
        if tag.is_block() {
            self.flush();
            self.block_tag.pop();
        }
    }
}
