//! A small arena DOM built by our own html5ever `TreeSink`.
//!
//! Nodes live in one `Vec` and point at each other by index, so every walk can be a loop over
//! parent/sibling links (no recursion, no stack to overflow on a page nested 10^6 deep).
//! Limits, all per document: [`MAX_INPUT_BYTES`] of HTML are parsed, at most [`MAX_NODES`]
//! nodes and [`MAX_TEXT_BYTES`] of text are kept, and parsing stops once the tree is
//! [`MAX_DEPTH`] deep (html5ever's scope checks scan the open-element stack, so an unbounded
//! depth would make parsing quadratic). Whatever was parsed before a limit hit is extracted.

use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{parse_document, Attribute, ParseOpts, QualName};
use std::borrow::Cow;
use std::cell::{Cell, Ref, RefCell};

/// Node index; `NONE` is the null link.
pub(crate) type Id = u32;
pub(crate) const NONE: Id = u32::MAX;

pub(crate) const MAX_INPUT_BYTES: usize = 16 << 20;
pub(crate) const MAX_NODES: usize = 400_000;
pub(crate) const MAX_TEXT_BYTES: usize = 16 << 20;
pub(crate) const MAX_DEPTH: u32 = 2_000;
/// Input is fed in chunks so the limits are checked while parsing, not only at the end.
const CHUNK: usize = 16 << 10;

/// The elements the extractor treats specially; everything else is `Other`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tag {
    Other,
    Html,
    Head,
    Body,
    Title,
    Meta,
    Link,
    Script,
    /// Never visible: style, noscript, template, iframe, object, canvas, svg, math, ...
    Invisible,
    /// Form controls whose text is UI, not prose: button, select, option, textarea, label.
    Control,
    P,
    Div,
    Section,
    Article,
    Main,
    Header,
    Footer,
    Nav,
    Aside,
    H1,
    /// h2-h6
    Heading,
    Ul,
    Ol,
    Li,
    Dl,
    Dt,
    Dd,
    Table,
    Tr,
    Td,
    Th,
    Pre,
    Blockquote,
    Figure,
    Figcaption,
    Br,
    A,
    Time,
    Img,
    Form,
    Address,
    /// Other block-level elements (hr, center, details, ...): a paragraph break, no score.
    Block,
}

impl Tag {
    fn of(name: &QualName) -> Tag {
        if name.ns != html5ever::ns!(html) {
            // svg and MathML content is drawing, not prose.
            return Tag::Invisible;
        }
        match &*name.local {
            "html" => Tag::Html,
            "head" => Tag::Head,
            "body" => Tag::Body,
            "title" => Tag::Title,
            "meta" => Tag::Meta,
            "link" => Tag::Link,
            "script" => Tag::Script,
            "style" | "noscript" | "template" | "iframe" | "object" | "embed" | "canvas"
            | "video" | "audio" | "map" | "dialog" | "frameset" | "frame" | "noembed"
            | "noframes" | "source" | "track" | "param" => Tag::Invisible,
            "button" | "select" | "option" | "optgroup" | "textarea" | "input" | "label"
            | "datalist" | "output" | "progress" | "meter" => Tag::Control,
            "p" => Tag::P,
            "div" => Tag::Div,
            "section" => Tag::Section,
            "article" => Tag::Article,
            "main" => Tag::Main,
            "header" => Tag::Header,
            "footer" => Tag::Footer,
            "nav" | "menu" => Tag::Nav,
            "aside" => Tag::Aside,
            "h1" => Tag::H1,
            "h2" | "h3" | "h4" | "h5" | "h6" => Tag::Heading,
            "ul" => Tag::Ul,
            "ol" => Tag::Ol,
            "li" => Tag::Li,
            "dl" => Tag::Dl,
            "dt" => Tag::Dt,
            "dd" => Tag::Dd,
            "table" => Tag::Table,
            "tr" => Tag::Tr,
            "td" => Tag::Td,
            "th" => Tag::Th,
            "pre" => Tag::Pre,
            "blockquote" => Tag::Blockquote,
            "figure" => Tag::Figure,
            "figcaption" => Tag::Figcaption,
            "br" => Tag::Br,
            "a" => Tag::A,
            "time" => Tag::Time,
            "img" => Tag::Img,
            "form" => Tag::Form,
            "address" => Tag::Address,
            "hr" | "center" | "details" | "summary" | "fieldset" | "legend" | "hgroup"
            | "caption" | "thead" | "tbody" | "tfoot" | "colgroup" | "ins" | "del" | "dir"
            | "listing" | "xmp" | "plaintext" | "search" => Tag::Block,
            _ => Tag::Other,
        }
    }

    /// Starts and ends a paragraph in the serialised text.
    pub(crate) fn is_block(self) -> bool {
        !matches!(
            self,
            Tag::Other | Tag::A | Tag::Time | Tag::Img | Tag::Br | Tag::Control
        )
    }
}

pub(crate) enum Kind {
    Document,
    Element {
        tag: Tag,
        /// Only the attributes the extractor reads (see `KEPT_ATTRS`).
        attrs: Vec<(Box<str>, StrTendril)>,
    },
    Text(StrTendril),
    /// Comments, processing instructions, doctype: parsed and ignored.
    Ignored,
}

pub(crate) struct Node {
    pub parent: Id,
    pub first_child: Id,
    pub last_child: Id,
    pub prev: Id,
    pub next: Id,
    pub depth: u32,
    pub kind: Kind,
    name: QualName,
}

impl Node {
    /// A node not linked into the tree yet.
    fn unlinked(kind: Kind, name: QualName) -> Node {
        Node {
            parent: NONE,
            first_child: NONE,
            last_child: NONE,
            prev: NONE,
            next: NONE,
            depth: 0,
            kind,
            name,
        }
    }

    pub(crate) fn tag(&self) -> Option<Tag> {
        match self.kind {
            Kind::Element { tag, .. } => Some(tag),
            _ => None,
        }
    }

    pub(crate) fn attr(&self, name: &str) -> Option<&str> {
        match &self.kind {
            Kind::Element { attrs, .. } => {
                attrs.iter().find(|(k, _)| &**k == name).map(|(_, v)| &**v)
            }
            _ => None,
        }
    }

    pub(crate) fn text(&self) -> Option<&str> {
        match &self.kind {
            Kind::Text(t) => Some(t),
            _ => None,
        }
    }
}

const KEPT_ATTRS: &[&str] = &[
    "class",
    "id",
    "itemprop",
    "itemtype",
    "property",
    "name",
    "content",
    "datetime",
    "rel",
    "role",
    "hidden",
    "style",
    "aria-hidden",
    "lang",
    "type",
    "http-equiv",
    "href",
];

/// The longest prefix of `s` of at most `max` bytes that ends on a char boundary.
fn prefix(s: &str, max: usize) -> &str {
    let mut end = s.len().min(max);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// The parsed page.
pub(crate) struct Dom {
    pub nodes: Vec<Node>,
    /// A limit cut the page short (bytes, nodes, text or depth): what follows was not read.
    pub truncated: bool,
}

impl Dom {
    pub(crate) fn parse(html: &str) -> Dom {
        // Scripts and styles are emptied first (over half the bytes of a news page), on at
        // most twice the parse limit so the pass itself stays bounded.
        let html = super::prepass::strip_raw_text(prefix(html, 2 * MAX_INPUT_BYTES));
        let html: &str = &html;
        let end = prefix(html, MAX_INPUT_BYTES).len();
        let stop = std::rc::Rc::new(Cell::new(false));
        let sink = Sink {
            nodes: RefCell::new(vec![Node::unlinked(
                Kind::Document,
                QualName::new(None, html5ever::ns!(), html5ever::local_name!("")),
            )]),
            text_bytes: Cell::new(0),
            stop: stop.clone(),
        };
        let mut parser = parse_document(sink, ParseOpts::default());
        let mut pos = 0;
        while pos < end && !stop.get() {
            let mut next = (pos + CHUNK).min(end);
            while !html.is_char_boundary(next) {
                next += 1;
            }
            parser.process(StrTendril::from_slice(&html[pos..next]));
            pos = next;
        }
        let truncated = end < html.len() || stop.get();
        let nodes = parser.finish();
        Dom { nodes, truncated }
    }

    pub(crate) fn node(&self, id: Id) -> &Node {
        &self.nodes[id as usize]
    }

    /// The next node in document order (pre-order) after `id`, not descending into `id` when
    /// `skip_children`; `within` bounds the walk to a subtree.
    pub(crate) fn next_in(&self, id: Id, within: Id, skip_children: bool) -> Id {
        let n = self.node(id);
        if !skip_children && n.first_child != NONE {
            return n.first_child;
        }
        let mut cur = id;
        while cur != within && cur != NONE {
            let c = self.node(cur);
            if c.next != NONE {
                return c.next;
            }
            cur = c.parent;
        }
        NONE
    }

    /// All nodes of the subtree under `root` in document order (root first).
    pub(crate) fn preorder(&self, root: Id) -> Vec<Id> {
        let mut out = Vec::with_capacity(self.nodes.len());
        let mut cur = root;
        while cur != NONE {
            out.push(cur);
            cur = self.next_in(cur, root, false);
        }
        out
    }

    /// The text of a subtree, inline-joined, skipping invisible elements.
    pub(crate) fn text_of(&self, root: Id, limit: usize) -> String {
        let mut out = String::new();
        let mut cur = root;
        while cur != NONE && out.len() < limit {
            let n = self.node(cur);
            let skip = matches!(
                n.tag(),
                Some(Tag::Script | Tag::Invisible | Tag::Head | Tag::Control)
            ) && cur != root;
            if let Some(t) = n.text() {
                out.push_str(t);
            } else if let Some(tag) = n.tag() {
                if tag.is_block() || tag == Tag::Br {
                    out.push(' ');
                }
            }
            cur = self.next_in(cur, root, skip);
        }
        crate::normalize::clean_inline(&out)
    }

    /// Direct children of a node.
    pub(crate) fn children(&self, id: Id) -> impl Iterator<Item = Id> + '_ {
        let mut cur = self.node(id).first_child;
        std::iter::from_fn(move || {
            if cur == NONE {
                return None;
            }
            let out = cur;
            cur = self.node(cur).next;
            Some(out)
        })
    }
}

struct Sink {
    nodes: RefCell<Vec<Node>>,
    text_bytes: Cell<usize>,
    stop: std::rc::Rc<Cell<bool>>,
}

impl Sink {
    fn new_node(&self, kind: Kind, name: QualName) -> Id {
        let mut nodes = self.nodes.borrow_mut();
        if nodes.len() >= MAX_NODES {
            self.stop.set(true);
        }
        nodes.push(Node::unlinked(kind, name));
        (nodes.len() - 1) as Id
    }

    fn detach(nodes: &mut [Node], id: Id) {
        let (parent, prev, next) = {
            let n = &nodes[id as usize];
            (n.parent, n.prev, n.next)
        };
        if parent == NONE {
            return;
        }
        Self::relink(nodes, parent, prev, next, next, prev);
        let n = &mut nodes[id as usize];
        n.parent = NONE;
        n.prev = NONE;
        n.next = NONE;
    }

    /// Link `child` under `parent`, before `before` (or last when `before` is NONE).
    fn link(&self, nodes: &mut [Node], parent: Id, child: Id, before: Id) {
        Self::detach(nodes, child);
        let depth = nodes[parent as usize].depth + 1;
        if depth > MAX_DEPTH {
            self.stop.set(true);
        }
        let prev = if before == NONE {
            nodes[parent as usize].last_child
        } else {
            nodes[before as usize].prev
        };
        {
            let c = &mut nodes[child as usize];
            c.parent = parent;
            c.prev = prev;
            c.next = before;
            c.depth = depth;
        }
        Self::relink(nodes, parent, prev, before, child, child);
    }

    /// Sets the links across the gap between siblings `prev` and `next` under `parent` (NONE
    /// stands for an end of the child list, whose link lives in the parent): `prev` is then
    /// followed by `after_prev`, and `next` preceded by `before_next`.
    fn relink(nodes: &mut [Node], parent: Id, prev: Id, next: Id, after_prev: Id, before_next: Id) {
        if prev != NONE {
            nodes[prev as usize].next = after_prev;
        } else {
            nodes[parent as usize].first_child = after_prev;
        }
        if next != NONE {
            nodes[next as usize].prev = before_next;
        } else {
            nodes[parent as usize].last_child = before_next;
        }
    }

    fn insert(&self, parent: Id, before: Id, child: NodeOrText<Id>) {
        if self.stop.get() {
            // Past a limit: keep parsing cheap and the tree as it is.
            return;
        }
        match child {
            NodeOrText::AppendNode(c) => {
                let mut nodes = self.nodes.borrow_mut();
                if c == parent || c as usize >= nodes.len() {
                    return;
                }
                self.link(&mut nodes, parent, c, before);
            }
            NodeOrText::AppendText(t) => {
                let used = self.text_bytes.get() + t.len();
                if used > MAX_TEXT_BYTES {
                    self.stop.set(true);
                    return;
                }
                self.text_bytes.set(used);
                {
                    // html5ever delivers text in pieces; merge with a preceding text node.
                    let mut nodes = self.nodes.borrow_mut();
                    let prev = if before == NONE {
                        nodes[parent as usize].last_child
                    } else {
                        nodes[before as usize].prev
                    };
                    if prev != NONE {
                        if let Kind::Text(ref mut s) = nodes[prev as usize].kind {
                            s.push_tendril(&t);
                            return;
                        }
                    }
                }
                let id = self.new_node(
                    Kind::Text(t),
                    QualName::new(None, html5ever::ns!(), html5ever::local_name!("")),
                );
                let mut nodes = self.nodes.borrow_mut();
                self.link(&mut nodes, parent, id, before);
            }
        }
    }
}

impl TreeSink for Sink {
    type Handle = Id;
    type Output = Vec<Node>;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Vec<Node> {
        self.nodes.into_inner()
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> Id {
        0
    }

    fn elem_name<'a>(&'a self, target: &'a Id) -> Ref<'a, QualName> {
        Ref::map(self.nodes.borrow(), |n| {
            // html5ever only asks for names of handles it created; index 0 is a safe stand-in.
            &n.get(*target as usize).unwrap_or(&n[0]).name
        })
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, _: ElementFlags) -> Id {
        let tag = Tag::of(&name);
        let attrs = attrs
            .into_iter()
            .filter(|a| a.name.ns == html5ever::ns!() && KEPT_ATTRS.contains(&&*a.name.local))
            .map(|a| (Box::<str>::from(&*a.name.local), a.value))
            .collect();
        self.new_node(Kind::Element { tag, attrs }, name)
    }

    fn create_comment(&self, _text: StrTendril) -> Id {
        self.new_node(
            Kind::Ignored,
            QualName::new(None, html5ever::ns!(), html5ever::local_name!("")),
        )
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> Id {
        self.new_node(
            Kind::Ignored,
            QualName::new(None, html5ever::ns!(), html5ever::local_name!("")),
        )
    }

    fn append(&self, parent: &Id, child: NodeOrText<Id>) {
        self.insert(*parent, NONE, child);
    }

    fn append_based_on_parent_node(&self, element: &Id, prev: &Id, child: NodeOrText<Id>) {
        let has_parent = self
            .nodes
            .borrow()
            .get(*element as usize)
            .is_some_and(|n| n.parent != NONE);
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {}

    fn get_template_contents(&self, target: &Id) -> Id {
        // Template contents become the template's children; templates are skipped anyway.
        *target
    }

    fn same_node(&self, x: &Id, y: &Id) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &Id, child: NodeOrText<Id>) {
        let parent = self
            .nodes
            .borrow()
            .get(*sibling as usize)
            .map_or(NONE, |n| n.parent);
        if parent != NONE {
            self.insert(parent, *sibling, child);
        }
    }

    fn add_attrs_if_missing(&self, _target: &Id, _attrs: Vec<Attribute>) {}

    fn remove_from_parent(&self, target: &Id) {
        let mut nodes = self.nodes.borrow_mut();
        if (*target as usize) < nodes.len() {
            Self::detach(&mut nodes, *target);
        }
    }

    fn reparent_children(&self, node: &Id, new_parent: &Id) {
        let mut nodes = self.nodes.borrow_mut();
        if (*node as usize) >= nodes.len() || (*new_parent as usize) >= nodes.len() {
            return;
        }
        let mut c = nodes[*node as usize].first_child;
        while c != NONE {
            let next = nodes[c as usize].next;
            self.link(&mut nodes, *new_parent, c, NONE);
            c = next;
        }
    }
}
