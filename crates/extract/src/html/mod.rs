//! HTML path: a page in, main text with paragraph breaks, metadata, captions and dropped
//! furniture out.
//!
//! Steps: empty scripts and styles ([`prepass`]), parse into an arena DOM ([`dom`], bounded
//! nodes/depth/text), read metadata ([`meta`]: JSON-LD, meta tags, `<title>`/h1, byline
//! elements, `<time>`, URL), mark furniture ([`classify`]), find the article containers
//! ([`content`]), serialise them ([`text`]). When the DOM route finds much less than the
//! page's own JSON-LD `articleBody`, that body is used instead. Every pass is linear in the
//! page and iterative; the same input gives the same output bytes.

mod classify;
mod content;
mod dom;
mod meta;
mod prepass;
mod text;

#[cfg(test)]
mod tests;

use crate::normalize::{clean_inline, join_paragraphs};
use crate::Extracted;
use sitrep_doc::Hints;

/// The JSON-LD body replaces the DOM text when the DOM text is shorter than this share of it.
const LD_BODY_SHARE: f64 = 0.5;
/// ... and it is at least this long (short `articleBody` values are teasers).
const LD_BODY_MIN_CHARS: usize = 500;

pub(crate) fn extract(html: &str, hints: &Hints) -> Extracted {
    let dom = dom::Dom::parse(html);
    let (meta, ld_body) = meta::extract(&dom, hints.url.as_deref());
    let an = content::analyse(&dom);
    let body = text::serialise(&dom, &an, &an.roots, meta.title.as_deref());
    let mut text = join_paragraphs(body.paragraphs.iter().map(String::as_str));
    if let Some(ld) = ld_body {
        let ld_text = join_paragraphs(
            ld.split('\n')
                .map(clean_inline)
                .collect::<Vec<_>>()
                .iter()
                .map(String::as_str),
        );
        let (dom_chars, ld_chars) = (text.chars().count(), ld_text.chars().count());
        if ld_chars >= LD_BODY_MIN_CHARS
            && (dom_chars as f64) < LD_BODY_SHARE * ld_chars as f64
            && !ld_text.contains('<')
        {
            text = ld_text;
        }
    }
    let mut notes = Vec::new();
    if dom.truncated {
        notes.push(
            "truncated: the page is over the HTML parse limits (bytes, nodes, text or depth); \
             what follows the limit was not read"
                .to_string(),
        );
    }
    Extracted {
        text,
        meta,
        captions: body.captions,
        dropped: body.dropped,
        notes,
    }
}
