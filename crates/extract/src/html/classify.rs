//! Which elements are page furniture: by tag, ARIA role, visibility, and the words in their
//! class and id attributes. The vocabulary is generic CMS naming (WordPress, Drupal, Arc,
//! Brightspot, ...), not names of particular sites.

use super::dom::{Dom, Id, Kind, Tag};
use sitrep_doc::DropReason;
use std::sync::OnceLock;

/// What the extractor does with an element and its subtree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// Ordinary markup: walk into it.
    Keep,
    /// Never text (scripts, styles, controls, hidden elements): skipped without a trace.
    Invisible,
    /// Furniture: skipped, and listed in `dropped` when it sits inside the article.
    Drop(DropReason),
    /// An image caption: its text goes to `captions`.
    Caption,
}

/// Class/id substrings and the furniture they name. Checked in order; the first hit wins.
/// Substrings are long enough not to occur inside ordinary words.
const SUBSTRINGS: &[(&str, DropReason)] = &[
    ("cookie", DropReason::CookieNotice),
    ("consent", DropReason::CookieNotice),
    ("gdpr", DropReason::CookieNotice),
    ("newsletter", DropReason::Subscription),
    ("subscri", DropReason::Subscription),
    ("paywall", DropReason::Subscription),
    ("signup", DropReason::Subscription),
    ("sign-up", DropReason::Subscription),
    ("regwall", DropReason::Subscription),
    ("share", DropReason::ShareButton),
    ("social", DropReason::ShareButton),
    ("sharing", DropReason::ShareButton),
    ("addthis", DropReason::ShareButton),
    ("comment", DropReason::Comments),
    ("disqus", DropReason::Comments),
    ("related", DropReason::RelatedLinks),
    ("recommend", DropReason::RelatedLinks),
    ("more-stories", DropReason::RelatedLinks),
    ("most-popular", DropReason::RelatedLinks),
    ("mostpopular", DropReason::RelatedLinks),
    ("most-read", DropReason::RelatedLinks),
    ("trending", DropReason::RelatedLinks),
    ("read-more", DropReason::RelatedLinks),
    ("readmore", DropReason::RelatedLinks),
    ("read-next", DropReason::RelatedLinks),
    ("outbrain", DropReason::Advertisement),
    ("taboola", DropReason::Advertisement),
    ("advert", DropReason::Advertisement),
    ("sponsor", DropReason::Advertisement),
    ("promo", DropReason::Advertisement),
    ("dfp", DropReason::Advertisement),
    ("doubleclick", DropReason::Advertisement),
    ("breadcrumb", DropReason::Navigation),
    ("pagination", DropReason::Navigation),
    ("sidebar", DropReason::Boilerplate),
    ("widget", DropReason::Boilerplate),
    ("footer", DropReason::Footer),
    ("copyright", DropReason::Footer),
    ("byline", DropReason::Byline),
    ("caption", DropReason::Caption),
    ("credit", DropReason::Credit),
    ("dateline", DropReason::Dateline),
    ("timestamp", DropReason::Dateline),
    ("masthead", DropReason::Navigation),
    ("navbar", DropReason::Navigation),
    ("modal", DropReason::Boilerplate),
    ("popup", DropReason::Boilerplate),
    ("popover", DropReason::Boilerplate),
    ("tooltip", DropReason::Boilerplate),
    ("rollover", DropReason::Boilerplate),
    ("hovercard", DropReason::Boilerplate),
    ("overlay", DropReason::Boilerplate),
];

/// Whole class/id tokens (split on anything not a letter or digit) naming furniture; these
/// are too short to match as substrings ("ad" is in "header", "nav" in "canvas").
const TOKENS: &[(&str, DropReason)] = &[
    ("ad", DropReason::Advertisement),
    ("ads", DropReason::Advertisement),
    ("adv", DropReason::Advertisement),
    ("advertisement", DropReason::Advertisement),
    ("banner", DropReason::Advertisement),
    ("nav", DropReason::Navigation),
    ("menu", DropReason::Navigation),
    ("tags", DropReason::Navigation),
    ("tag", DropReason::Navigation),
    ("topics", DropReason::Navigation),
    ("author", DropReason::Byline),
    ("authors", DropReason::Byline),
    ("bio", DropReason::Byline),
    ("meta", DropReason::Dateline),
    ("date", DropReason::Dateline),
    ("time", DropReason::Dateline),
    ("hidden", DropReason::Boilerplate),
    ("hide", DropReason::Boilerplate),
    ("print", DropReason::ShareButton),
    ("tools", DropReason::ShareButton),
    ("toolbar", DropReason::ShareButton),
    ("aside", DropReason::Boilerplate),
    ("extra", DropReason::Boilerplate),
    ("skip", DropReason::Navigation),
];

/// Names that mark the article itself; an element carrying one is never dropped for a
/// weak furniture word (e.g. "article-body-with-sidebar").
const CONTENT_WORDS: &[&str] = &[
    "articlebody",
    "article-body",
    "article_body",
    "article-content",
    "article__body",
    "article__content",
    "story-body",
    "storybody",
    "entry-content",
    "post-content",
    "post-body",
    "postbody",
    "main-content",
    "body-text",
    "article-text",
    "story-text",
    "text-body",
    "content-body",
];

/// Lower-cased "class id" of an element, empty when it has neither.
pub(crate) fn names(dom: &Dom, id: Id) -> String {
    let n = dom.node(id);
    let mut s = String::new();
    for key in ["class", "id"] {
        if let Some(v) = n.attr(key) {
            s.push_str(v);
            s.push(' ');
        }
    }
    s.make_ascii_lowercase();
    s
}

pub(crate) fn is_content_name(names: &str) -> bool {
    CONTENT_WORDS.iter().any(|w| names.contains(w))
}

/// Furniture named by class/id, if any.
pub(crate) fn name_reason(names: &str) -> Option<DropReason> {
    if names.is_empty() {
        return None;
    }
    for tok in names.split(|c: char| !c.is_ascii_alphanumeric()) {
        if let Some((_, r)) = TOKENS.iter().find(|(t, _)| *t == tok) {
            return Some(*r);
        }
    }
    substring_hit(names.as_bytes()).map(|i| SUBSTRINGS[i].1)
}

/// Index of the first entry of `SUBSTRINGS` (in list order) occurring in `hay`. One pass over
/// `hay`, trying only the patterns that start with each byte: this runs on every element.
fn substring_hit(hay: &[u8]) -> Option<usize> {
    static BY_FIRST: OnceLock<Vec<Vec<usize>>> = OnceLock::new();
    let by_first = BY_FIRST.get_or_init(|| {
        let mut v = vec![Vec::new(); 256];
        for (i, (p, _)) in SUBSTRINGS.iter().enumerate() {
            v[p.as_bytes()[0] as usize].push(i);
        }
        v
    });
    let mut best = usize::MAX;
    for i in 0..hay.len() {
        for &pi in &by_first[hay[i] as usize] {
            if pi < best && hay[i..].starts_with(SUBSTRINGS[pi].0.as_bytes()) {
                best = pi;
            }
        }
    }
    (best != usize::MAX).then_some(best)
}

/// ASCII case-insensitive substring test without allocating.
pub(crate) fn contains_ci(hay: &str, needle: &str) -> bool {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    n.is_empty() || h.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n))
}

fn hidden(dom: &Dom, id: Id) -> bool {
    let n = dom.node(id);
    if n.attr("hidden").is_some() || n.attr("aria-hidden") == Some("true") {
        return true;
    }
    n.attr("style").is_some_and(|s| {
        let s: String = s
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        s.contains("display:none") || s.contains("visibility:hidden")
    })
}

/// The role of one element, from its own markup only (the caller applies guards that need
/// the text sizes).
pub(crate) fn role(dom: &Dom, id: Id) -> Role {
    let n = dom.node(id);
    let tag = match &n.kind {
        Kind::Element { tag, .. } => *tag,
        _ => return Role::Keep,
    };
    match tag {
        Tag::Script
        | Tag::Invisible
        | Tag::Control
        | Tag::Head
        | Tag::Title
        | Tag::Meta
        | Tag::Link => return Role::Invisible,
        Tag::Nav => return Role::Drop(DropReason::Navigation),
        Tag::Footer => return Role::Drop(DropReason::Footer),
        Tag::Aside => return Role::Drop(DropReason::Boilerplate),
        Tag::Figcaption => return Role::Caption,
        Tag::Html | Tag::Body => return Role::Keep,
        _ => {}
    }
    if hidden(dom, id) {
        return Role::Invisible;
    }
    if let Some(r) = n.attr("role") {
        match r.trim().to_ascii_lowercase().as_str() {
            "navigation" | "menu" | "menubar" | "tablist" => {
                return Role::Drop(DropReason::Navigation)
            }
            "complementary" | "dialog" | "alertdialog" | "banner" | "search" => {
                return Role::Drop(DropReason::Boilerplate)
            }
            "contentinfo" => return Role::Drop(DropReason::Footer),
            _ => {}
        }
    }
    if let Some(p) = n.attr("itemprop") {
        if p.contains("articleBody") || p.contains("text") {
            return Role::Keep;
        }
    }
    let names = names(dom, id);
    let reason = name_reason(&names);
    // Embedded posts (tweets, Instagram) are quoted in the article; their wrappers are often
    // named "social-media-embed", which must not read as a share bar. Their captions and
    // credits are still captions and credits.
    let embedded = names.contains("embed") || names.contains("tweet");
    match reason {
        Some(DropReason::Caption | DropReason::Credit) => {}
        _ if embedded => return Role::Keep,
        _ => {}
    }
    match reason {
        Some(DropReason::Caption) if tag != Tag::Figure => Role::Caption,
        Some(r) => {
            let weak = matches!(
                r,
                DropReason::Boilerplate
                    | DropReason::Dateline
                    | DropReason::Footer
                    | DropReason::Navigation
                    | DropReason::Credit
            );
            if weak && is_content_name(&names) {
                Role::Keep
            } else {
                Role::Drop(r)
            }
        }
        None if tag == Tag::Figure => Role::Drop(DropReason::Credit),
        None => Role::Keep,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_reason_tokens_and_substrings() {
        assert_eq!(name_reason("ad-slot "), Some(DropReason::Advertisement));
        assert_eq!(name_reason("header "), None);
        assert_eq!(
            name_reason("social-share-bar "),
            Some(DropReason::ShareButton)
        );
        assert_eq!(
            name_reason("related-articles "),
            Some(DropReason::RelatedLinks)
        );
        assert_eq!(name_reason("story-body "), None);
    }
}
