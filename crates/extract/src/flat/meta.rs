//! Metadata from the lines around the body: title (and the site name a `<title>` carries),
//! byline and authors, dateline, and image captions with their repeats.

use super::lines::Line;
use crate::normalize;

/// How far before the body start the header (byline, date, captions) is looked for, in lines.
const HEADER_WINDOW: usize = 15;

/// Separators between a headline and the outlet in a page title ("Headline - Outlet").
const TITLE_SEPS: &[char] = &['-', '|', '–', '—', ':', '·', '»', '•'];

/// The headline, and the outlet when the title line names one.
#[derive(Debug, Default)]
pub(crate) struct Title {
    pub title: Option<String>,
    pub site: Option<String>,
}

/// Short, and not ending like a statement: headlines end in a word, "?" or "!", not in a full
/// stop (looking through closing quotes and brackets).
fn headline_like(l: &Line) -> bool {
    let end = l
        .text
        .trim_end_matches(['"', '\'', '”', '’', '»', ')', ']'])
        .chars()
        .last();
    l.words >= 2 && l.words <= 40 && l.chars <= 300 && !matches!(end, Some('.' | ':' | ';' | '。'))
}

/// Title from the first line. A flattened page opens with its `<title>` ("Headline - Outlet")
/// and repeats the bare headline (`<h1>`) further down; when it does, the repeat is the title
/// and the rest of the first line is the site. `limit` bounds the search for the repeat.
pub(crate) fn title(lines: &[Line], limit: usize) -> Title {
    let Some(first) = lines.first() else {
        return Title::default();
    };
    if !headline_like(first) {
        return Title::default();
    }
    let f = first.text.as_str();
    for l in lines.iter().take(limit.min(600)).skip(1) {
        if l.chars < 10 || l.text.len() >= f.len() || !f.starts_with(l.text.as_str()) {
            continue;
        }
        let rest = f[l.text.len()..].trim_start();
        if rest.starts_with(TITLE_SEPS) {
            let site = rest.trim_start_matches(TITLE_SEPS).trim();
            return Title {
                title: Some(l.text.clone()),
                site: (!site.is_empty() && site.chars().count() <= 60).then(|| site.to_string()),
            };
        }
    }
    // No repeat: split off a short outlet name after a " | " or " - " separator.
    for sep in [" | ", " - ", " – ", " — "] {
        if let Some(pos) = f.rfind(sep) {
            let (head, tail) = (&f[..pos], f[pos + sep.len()..].trim());
            let tail_words = tail.split(' ').count();
            let outlet_like =
                tail_words <= 4 && tail.chars().next().is_some_and(|c| !c.is_lowercase());
            if head.chars().count() >= 10 && !tail.is_empty() && outlet_like {
                return Title {
                    title: Some(head.trim().to_string()),
                    site: Some(tail.to_string()),
                };
            }
        }
    }
    Title {
        title: Some(f.to_string()),
        site: None,
    }
}

/// Byline words that open a byline line, by language.
const BY: &[&str] = &[
    "by ",
    "por ",
    "par ",
    "von ",
    "di ",
    "door ",
    "av ",
    "автор: ",
    "автор ",
];

/// A byline line: "By Euronews with AP". Returns the byline as printed and the authors.
pub(crate) fn byline(line: &Line, next: Option<&Line>) -> Option<(String, Vec<String>)> {
    if line.chars > 100 || line.words > 16 {
        return None;
    }
    let t = line.text.as_str();
    let lower = t.to_lowercase();
    // "By" alone on a line, the name on the next (a byline split over two elements).
    if matches!(lower.as_str(), "by" | "por" | "par" | "von") {
        let n = next?;
        if n.words == 0 || n.words > 8 || n.ends_sentence {
            return None;
        }
        let authors = authors(&n.text);
        return (!authors.is_empty()).then(|| (format!("{t} {}", n.text), authors));
    }
    // Korean bylines end in 기자 ("reporter").
    if t.ends_with("기자") && line.chars <= 30 {
        let name = t.trim_end_matches("기자").trim();
        return (!name.is_empty()).then(|| (t.to_string(), vec![name.to_string()]));
    }
    let by = BY.iter().find(|b| lower.starts_with(*b))?;
    let rest = &t[by.len()..];
    if !rest.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    let authors = authors(rest);
    (!authors.is_empty()).then(|| (t.to_string(), authors))
}

/// Names out of a byline's tail: split at "and", "with", commas and bars; keep short,
/// capitalised pieces without digits.
fn authors(s: &str) -> Vec<String> {
    let mut parts = vec![s.to_string()];
    for sep in [
        " and ", " with ", " & ", ",", "|", ";", " / ", " e ", " y ", " et ", " und ", " и ",
    ] {
        parts = parts
            .iter()
            .flat_map(|p| p.split(sep).map(str::to_string).collect::<Vec<_>>())
            .collect();
    }
    let mut out: Vec<String> = Vec::new();
    for p in parts {
        let p = p
            .trim()
            .trim_end_matches(['.', '-', '–', '—', ':', '|'])
            .trim();
        let words = p.split(' ').count();
        let ok = !p.is_empty()
            && words <= 5
            && p.starts_with(|c: char| c.is_uppercase())
            && !p.chars().any(|c| c.is_ascii_digit());
        if ok && !out.iter().any(|o| o == p) {
            out.push(p.to_string());
        }
    }
    out
}

/// A dateline: a short line that is mostly a date ("Nov. 19, 2019 8:03 am ET",
/// "Published 5 September 2023"). Returns the ISO date.
pub(crate) fn dateline(line: &Line) -> Option<String> {
    // A short sentence that mentions a date ("The vote is set for March 5, 2024.") is prose.
    // An embedded post's attribution ("— Jane Doe (@jane) March 5, 2024") is part of the quote.
    if line.chars > 80
        || line.words > 12
        || (line.ends_sentence && line.words > 4)
        || line.text.contains('@')
    {
        return None;
    }
    normalize::iso_date(&line.text)
}

/// The header window before the body: where byline, dateline and captions are looked for.
pub(crate) fn header_range(body_start: usize) -> std::ops::Range<usize> {
    body_start.saturating_sub(HEADER_WINDOW)..body_start
}

/// Text before a trailing credit ("... 26 July 2023 Copyright AP Photo", "... (AP Photo/X)"),
/// when the line ends in one.
pub(crate) fn strip_credit(t: &str) -> Option<&str> {
    let lower = t.to_lowercase();
    // "... Copyright AP Photo": capitalised, and followed by a few words that are not a
    // sentence, so "sued for copyright infringement." stays prose.
    for mark in [" Copyright ", " ©"] {
        if let Some(pos) = t.rfind(mark) {
            let tail = &t[pos + mark.len()..];
            let short = tail.split(' ').count() <= 6 && !tail.trim_end().ends_with('.');
            if short && pos >= 20 {
                return Some(t[..pos].trim_end());
            }
        }
    }
    // "...ate a rabbitCredit: Agency": a credit element glued to its caption.
    if let Some(pos) = t.rfind("Credit:") {
        if t.len() - pos <= 80 && pos >= 20 {
            return Some(t[..pos].trim_end());
        }
    }
    if t.ends_with(')') {
        if let Some(open) = t.rfind('(') {
            let inner = &lower[open..];
            let credit = [
                "photo", "getty", "afp", "reuters", "epa", "credit", "foto", "ap/", "image:",
            ]
            .iter()
            .any(|w| inner.contains(w));
            if credit && open >= 20 && t.len() - open <= 80 {
                return Some(t[..open].trim_end().trim_end_matches(['(', ' ']));
            }
        }
    }
    None
}

/// A line that announces itself as a caption ("FILE: ...", "FILE PHOTO: ...").
pub(crate) fn caption_prefix(t: &str) -> bool {
    let up = t.trim_start();
    (up.starts_with("FILE") && up[4..].trim_start().starts_with([':', '-']))
        || up.starts_with("FILE PHOTO")
        || up.starts_with("IMAGE:")
}

#[cfg(test)]
mod tests {
    use super::super::lines::split;
    use super::*;

    #[test]
    fn title_takes_the_repeated_headline_and_the_site() {
        let ls = split("Floods cut off northern towns - The Valley Gazette\nHome\nWorld\nFloods cut off northern towns\nBody.");
        let t = title(&ls, 10);
        assert_eq!(t.title.as_deref(), Some("Floods cut off northern towns"));
        assert_eq!(t.site.as_deref(), Some("The Valley Gazette"));
        let ls = split("Army deployed as floods cut off northern towns\n\nThe army was deployed.");
        let t = title(&ls, 10);
        assert_eq!(
            t.title.as_deref(),
            Some("Army deployed as floods cut off northern towns")
        );
        assert_eq!(t.site, None);
    }

    #[test]
    fn byline_parses_authors_and_agencies() {
        let ls =
            split("By Lena Okafor and Tomas Reyes | Reuters\nBy\nMaria Costa\nbypass road reopens\nBy Staff Reports -");
        let (b, a) = byline(&ls[0], None).unwrap();
        assert_eq!(b, "By Lena Okafor and Tomas Reyes | Reuters");
        assert_eq!(a, ["Lena Okafor", "Tomas Reyes", "Reuters"]);
        let (_, a) = byline(&ls[1], Some(&ls[2])).unwrap();
        assert_eq!(a, ["Maria Costa"]);
        assert!(byline(&ls[3], None).is_none());
        assert_eq!(byline(&ls[4], None).unwrap().1, ["Staff Reports"]);
    }

    #[test]
    fn dateline_and_credit_forms() {
        let ls = split("Updated 10:02 am, Tuesday, March 19, 2024\nThe talks ended on 3 March 2024 without any agreement between the two delegations.");
        assert_eq!(dateline(&ls[0]).as_deref(), Some("2024-03-19"));
        assert_eq!(dateline(&ls[1]), None);
        assert_eq!(
            dateline(&split("The vote is set for March 5, 2024.")[0]),
            None
        );
        assert_eq!(
            strip_credit("Rescue workers search the rubble in Aldmoor (AP Photo/Jan Novak)"),
            Some("Rescue workers search the rubble in Aldmoor")
        );
        assert_eq!(
            strip_credit("Boats moored in the harbour of Brenn on Monday Copyright Reuters"),
            Some("Boats moored in the harbour of Brenn on Monday")
        );
        assert_eq!(
            strip_credit("He said the deal (signed in May) would hold."),
            None
        );
        assert!(caption_prefix("FILE: Boats in the harbour"));
        assert!(!caption_prefix("FILED under politics"));
    }
}
