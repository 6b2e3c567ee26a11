//! Page metadata: JSON-LD first (what the publisher declared for machines), then OpenGraph and
//! other `<meta>` tags, then the visible page (h1, `<title>`, byline elements, `<time>`, the
//! URL's date path).

use super::dom::{Dom, Id, Tag, NONE};
use crate::normalize::{clean_inline, iso_date};
use serde_json::Value;
use sitrep_doc::Meta;

/// JSON-LD blocks larger than this are skipped (bounded parse cost).
const MAX_JSONLD_BYTES: usize = 1 << 20;

/// What the JSON-LD said about the article.
#[derive(Default, Debug)]
pub(crate) struct LdArticle {
    pub headline: Option<String>,
    pub authors: Vec<String>,
    pub publisher: Option<String>,
    pub published: Option<String>,
    pub body: Option<String>,
    pub language: Option<String>,
}

/// Everything collected in one pass over the page.
#[derive(Default)]
struct Found {
    metas: Vec<(String, String)>,
    title: Option<String>,
    h1: Option<String>,
    html_lang: Option<String>,
    time: Option<String>,
    rel_author: Vec<String>,
    byline: Option<String>,
    ld: LdArticle,
}

fn is_article_type(v: &Value) -> bool {
    let t = |s: &str| {
        s.ends_with("Article")
            || matches!(
                s,
                "BlogPosting" | "Report" | "ReportageNews" | "LiveBlogPosting" | "Posting"
            )
    };
    match v.get("@type") {
        Some(Value::String(s)) => t(s),
        Some(Value::Array(a)) => a.iter().any(|x| x.as_str().is_some_and(t)),
        _ => false,
    }
}

fn names_of(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => out.push(clean_inline(s)),
        Value::Object(o) => {
            if let Some(Value::String(s)) = o.get("name") {
                out.push(clean_inline(s));
            }
        }
        Value::Array(a) => a.iter().take(20).for_each(|x| names_of(x, out)),
        _ => {}
    }
}

fn str_of(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(clean_inline(s)).filter(|s| !s.is_empty()),
        Value::Array(a) => str_of(a.first()),
        Value::Object(o) => str_of(o.get("name")),
        _ => None,
    }
}

/// Fills `ld` from one JSON-LD document; the first article-typed object wins each field.
fn read_jsonld(text: &str, ld: &mut LdArticle) {
    if text.len() > MAX_JSONLD_BYTES {
        return;
    }
    let Ok(v) = serde_json::from_str::<Value>(text.trim()) else {
        return;
    };
    // Objects may sit at the top, in an array, or under @graph; look two levels deep,
    // iteratively.
    let mut todo: Vec<(&Value, u8)> = vec![(&v, 0)];
    while let Some((v, depth)) = todo.pop() {
        match v {
            Value::Array(a) if depth < 3 => {
                todo.extend(a.iter().rev().take(50).map(|x| (x, depth + 1)));
            }
            Value::Object(o) => {
                if let Some(g) = o.get("@graph") {
                    if depth < 3 {
                        todo.push((g, depth + 1));
                    }
                }
                if !is_article_type(v) {
                    continue;
                }
                if ld.headline.is_none() {
                    ld.headline = str_of(o.get("headline")).or_else(|| str_of(o.get("name")));
                }
                if ld.authors.is_empty() {
                    if let Some(a) = o.get("author").or_else(|| o.get("creator")) {
                        names_of(a, &mut ld.authors);
                        ld.authors.retain(|s| !s.is_empty() && !s.contains("://"));
                    }
                }
                if ld.publisher.is_none() {
                    ld.publisher = str_of(o.get("publisher"));
                }
                if ld.published.is_none() {
                    ld.published = o
                        .get("datePublished")
                        .or_else(|| o.get("dateCreated"))
                        .and_then(Value::as_str)
                        .and_then(iso_date);
                }
                if ld.body.is_none() {
                    ld.body = o
                        .get("articleBody")
                        .and_then(Value::as_str)
                        .map(str::to_string);
                }
                if ld.language.is_none() {
                    ld.language = str_of(o.get("inLanguage"));
                }
            }
            _ => {}
        }
    }
}

fn collect(dom: &Dom) -> Found {
    let mut f = Found::default();
    let mut cur: Id = 0;
    while cur != NONE {
        let n = dom.node(cur);
        let mut skip = false;
        match n.tag() {
            Some(Tag::Html) => f.html_lang = n.attr("lang").map(str::to_string),
            Some(Tag::Meta) => {
                let key = n
                    .attr("property")
                    .or_else(|| n.attr("name"))
                    .or_else(|| n.attr("itemprop"))
                    .or_else(|| n.attr("http-equiv"));
                if let (Some(k), Some(v)) = (key, n.attr("content")) {
                    if f.metas.len() < 500 {
                        f.metas.push((k.to_ascii_lowercase(), clean_inline(v)));
                    }
                }
            }
            Some(Tag::Title) => {
                if f.title.is_none() {
                    f.title = Some(dom.text_of(cur, 2000));
                }
                skip = true;
            }
            Some(Tag::H1) => {
                if f.h1.is_none() {
                    f.h1 = Some(dom.text_of(cur, 2000)).filter(|s| !s.is_empty());
                }
                skip = true;
            }
            Some(Tag::Script) => {
                if n.attr("type").is_some_and(|t| t.contains("ld+json")) {
                    let mut text = String::new();
                    for c in dom.children(cur) {
                        if let Some(t) = dom.node(c).text() {
                            text.push_str(t);
                        }
                    }
                    read_jsonld(&text, &mut f.ld);
                }
                skip = true;
            }
            Some(Tag::Time) if f.time.is_none() => {
                f.time = n
                    .attr("datetime")
                    .and_then(iso_date)
                    .or_else(|| iso_date(&dom.text_of(cur, 200)));
            }
            Some(Tag::A | Tag::Link) if n.attr("rel").is_some_and(|r| r.contains("author")) => {
                let t = dom.text_of(cur, 200);
                if !t.is_empty() && f.rel_author.len() < 10 && !f.rel_author.contains(&t) {
                    f.rel_author.push(t);
                }
            }
            Some(_) if f.byline.is_none() => {
                let byline = |k: &str| {
                    n.attr(k)
                        .is_some_and(|v| super::classify::contains_ci(v, "byline"))
                };
                if byline("class") || byline("id") || n.attr("itemprop") == Some("author") {
                    let t = dom.text_of(cur, 400);
                    // Long "bylines" carry bios and link labels; the names alone say more.
                    if !t.is_empty() && t.chars().count() <= 100 {
                        f.byline = Some(t);
                    }
                }
            }
            _ => {}
        }
        cur = dom.next_in(cur, 0, skip);
    }
    f
}

fn meta_value<'a>(f: &'a Found, keys: &[&str]) -> Option<&'a str> {
    keys.iter().find_map(|k| {
        f.metas
            .iter()
            .find(|(mk, v)| mk == k && !v.is_empty())
            .map(|(_, v)| v.as_str())
    })
}

/// Cuts a " | Site" style suffix (or "Site - " prefix) off a page title.
pub(crate) fn strip_site(title: &str, site: Option<&str>) -> String {
    const SEPS: [&str; 7] = [" | ", " - ", " – ", " — ", " :: ", " » ", " · "];
    let mut best = title;
    for sep in SEPS {
        if let Some(i) = title.rfind(sep) {
            let (head, tail) = (&title[..i], &title[i + sep.len()..]);
            let site_like = site.is_some_and(|s| tail.eq_ignore_ascii_case(s))
                || tail.split_whitespace().count() <= 4;
            if site_like && head.split_whitespace().count() >= 3 && head.len() < best.len() {
                best = head;
            }
        }
        if let (Some(i), Some(s)) = (title.find(sep), site) {
            if title[..i].eq_ignore_ascii_case(s) {
                let rest = &title[i + sep.len()..];
                if rest.len() < best.len() {
                    best = rest;
                }
            }
        }
    }
    best.trim().to_string()
}

/// Splits a byline into names: "By A and B" -> [A, B].
pub(crate) fn split_authors(byline: &str) -> Vec<String> {
    let mut s = byline.trim();
    for prefix in [
        "by ",
        "by:",
        "por ",
        "von ",
        "par ",
        "di ",
        "door ",
        "автор:",
        "av ",
    ] {
        if s.len() >= prefix.len()
            && s.is_char_boundary(prefix.len())
            && s[..prefix.len()].eq_ignore_ascii_case(prefix)
        {
            s = s[prefix.len()..].trim_start();
            break;
        }
    }
    // A dateline or role after a separator is not part of a name, nor is a date.
    if let Some(i) = s.find(['|', '\n', '•']) {
        s = &s[..i];
    }
    if let Some(i) = s.find(|c: char| c.is_ascii_digit()) {
        s = &s[..i];
    }
    for day in [
        " Monday",
        " Tuesday",
        " Wednesday",
        " Thursday",
        " Friday",
        " Saturday",
        " Sunday",
        " Updated",
        " Published",
    ] {
        if let Some(i) = s.find(day) {
            s = &s[..i];
        }
    }
    let mut out = Vec::new();
    let mut rest = s.to_string();
    for sep in [" and ", " & ", " y ", " und ", " et ", " e ", " и ", ";"] {
        rest = rest.replace(sep, ",");
    }
    for part in rest.split(',') {
        let p = part.trim().trim_end_matches('.').trim();
        let words = p.split_whitespace().count();
        if words == 0 || words > 6 || p.chars().any(|c| c.is_ascii_digit()) || p.contains("://") {
            continue;
        }
        if !out.iter().any(|o: &String| o == p) {
            out.push(p.to_string());
        }
    }
    out
}

/// `/2023/09/05/` or `/2023-09-05` in a URL path.
pub(crate) fn url_date(url: &str) -> Option<String> {
    let b = url.as_bytes();
    for i in 0..b.len().saturating_sub(10) {
        if b[i] != b'/' || !b[i + 1..i + 5].iter().all(u8::is_ascii_digit) {
            continue;
        }
        let sep = b[i + 5];
        if !matches!(sep, b'/' | b'-') {
            continue;
        }
        let rest = &url[i + 6..];
        let mut parts = rest.splitn(3, sep as char);
        let m = parts.next()?;
        let d = parts.next().unwrap_or("");
        let d: String = d.chars().take_while(char::is_ascii_digit).collect();
        if m.len() <= 2 && !d.is_empty() && d.len() <= 2 {
            let s = format!("{}-{:0>2}-{:0>2}", &url[i + 1..i + 5], m, d);
            if let Some(v) = iso_date(&s) {
                return Some(v);
            }
        }
    }
    None
}

/// Hostname without `www.`, the outlet name of last resort.
pub(crate) fn host(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#', ':']).next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty() && host.contains('.')).then(|| host.to_ascii_lowercase())
}

fn lang_code(s: &str) -> Option<String> {
    let primary = s.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    (primary.len() == 2 && primary.chars().all(|c| c.is_ascii_lowercase())).then_some(primary)
}

/// Reads the page's metadata; also returns the JSON-LD `articleBody` for the caller's
/// recall fallback.
pub(crate) fn extract(dom: &Dom, url: Option<&str>) -> (Meta, Option<String>) {
    let f = collect(dom);
    let mut m = Meta {
        site: meta_value(&f, &["og:site_name", "application-name"])
            .map(str::to_string)
            .or_else(|| f.ld.publisher.clone())
            .or_else(|| url.and_then(host)),
        ..Meta::default()
    };
    let title =
        f.ld.headline
            .clone()
            .or_else(|| meta_value(&f, &["og:title", "twitter:title"]).map(str::to_string))
            .or_else(|| f.h1.clone())
            .or_else(|| f.title.clone().filter(|t| !t.is_empty()));
    m.title = title.map(|t| strip_site(&t, m.site.as_deref()));
    let mut authors: Vec<String> = Vec::new();
    for a in &f.ld.authors {
        for name in split_authors(a) {
            if !authors.contains(&name) {
                authors.push(name);
            }
        }
    }
    if authors.is_empty() {
        if let Some(a) = meta_value(&f, &["author", "article:author", "dc.creator", "byl"]) {
            if !a.contains("://") {
                authors = split_authors(a);
            }
        }
    }
    if authors.is_empty() {
        authors = f.rel_author.clone();
    }
    if authors.is_empty() {
        if let Some(b) = &f.byline {
            authors = split_authors(b);
        }
    }
    m.byline = f
        .byline
        .clone()
        .or_else(|| (!authors.is_empty()).then(|| authors.join(", ")));
    m.authors = authors;
    m.published =
        f.ld.published
            .clone()
            .or_else(|| {
                meta_value(
                    &f,
                    &[
                        "article:published_time",
                        "og:published_time",
                        "datepublished",
                        "publishdate",
                        "pubdate",
                        "publish-date",
                        "date",
                        "dc.date.issued",
                        "dc.date",
                        "dcterms.created",
                        "sailthru.date",
                        "parsely-pub-date",
                    ],
                )
                .and_then(iso_date)
            })
            .or_else(|| f.time.clone())
            .or_else(|| url.and_then(url_date))
            .or_else(|| f.byline.as_deref().and_then(iso_date));
    m.language = f
        .html_lang
        .as_deref()
        .and_then(lang_code)
        .or_else(|| meta_value(&f, &["og:locale", "content-language"]).and_then(lang_code))
        .or_else(|| f.ld.language.as_deref().and_then(lang_code));
    (m, f.ld.body)
}
