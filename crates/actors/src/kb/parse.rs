//! Line parsers for the KB text files. Each parser reads one file, returns its records with
//! their line numbers, and pushes every format problem it finds (it does not stop at the
//! first, so one run lists all the typos).

use super::error::Problem;
use super::types::{Country, Gender, Igo, Namespace, PartialDate, Person, Role, RoleKind, Seat};

/// A record and the line it came from.
pub(crate) type Located<T> = (T, usize);

/// Words with no sector of their own ("spokeswoman"): they take the sector of whoever they
/// speak for. Loaded from `sectors.txt` lines with namespace `inherit`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct InheritWords {
    pub words: Vec<String>,
}

pub(crate) enum SectorLine {
    Sector(Namespace, String, Vec<String>),
    Inherit(InheritWords),
}

struct Ctx<'a> {
    file: &'a str,
    problems: &'a mut Vec<Problem>,
}

impl Ctx<'_> {
    fn err(&mut self, line: usize, message: impl Into<String>) {
        self.problems.push(Problem {
            file: self.file.to_string(),
            line,
            message: message.into(),
        });
    }
}

/// Content lines: 1-based number and text without the line end; comments and blank lines
/// are skipped. Role lines keep their leading TAB.
fn content_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines().enumerate().filter_map(|(i, l)| {
        let l = l.strip_suffix('\r').unwrap_or(l);
        // A TAB followed by `#` starts a trailing comment (no field begins with `#`).
        let l = l.find("\t#").map_or(l, |i| &l[..i]);
        let t = l.trim();
        if t.is_empty() || t.starts_with('#') {
            None
        } else {
            Some((i + 1, l))
        }
    })
}

/// Splits a ` | ` list; every item must be non-empty.
fn list(cx: &mut Ctx, line: usize, field: &str, what: &str) -> Vec<String> {
    let mut out = Vec::new();
    for item in field.split('|') {
        let item = item.trim();
        if item.is_empty() {
            cx.err(line, format!("empty item in the {what} list"));
        } else {
            out.push(item.to_string());
        }
    }
    out
}

fn fields<'a>(
    cx: &mut Ctx,
    line: usize,
    l: &'a str,
    allowed: &[usize],
    shape: &str,
) -> Option<Vec<&'a str>> {
    let f: Vec<&str> = l.split('\t').map(str::trim).collect();
    if allowed.contains(&f.len()) {
        Some(f)
    } else {
        cx.err(
            line,
            format!(
                "expected {shape} ({} TAB-separated fields), found {} field(s)",
                allowed
                    .iter()
                    .map(|n| n.to_string())
                    .collect::<Vec<_>>()
                    .join(" or "),
                f.len()
            ),
        );
        None
    }
}

/// One code of `ns`, or several run together in the CAMEO manner (`GOVMIL`).
pub(crate) fn is_compound_code(ns: Namespace, code: &str) -> bool {
    !code.is_empty()
        && code.len() % 3 == 0
        && code.is_ascii()
        && (0..code.len())
            .step_by(3)
            .all(|i| ns.codes().contains(&&code[i..i + 3]))
}

pub(crate) fn is_country_code(s: &str) -> bool {
    s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase())
}

/// CAMEO IGO codes are `IGO` followed by one to three more three-letter groups.
pub(crate) fn is_igo_code(s: &str) -> bool {
    s.len() >= 6
        && s.len() <= 12
        && s.len() % 3 == 0
        && s.starts_with("IGO")
        && s.bytes().all(|b| b.is_ascii_uppercase())
}

fn sectors(cx: &mut Ctx, line: usize, field: &str) -> Vec<String> {
    let mut out = Vec::new();
    for code in field.split(',') {
        let code = code.trim();
        if Namespace::Cameo.codes().contains(&code) || Namespace::Plover.codes().contains(&code) {
            out.push(code.to_string());
        } else {
            cx.err(
                line,
                format!("unknown sector code {code:?} (see sectors.txt)"),
            );
        }
    }
    out
}

pub(crate) fn countries(
    file: &str,
    text: &str,
    problems: &mut Vec<Problem>,
) -> Vec<Located<Country>> {
    let mut cx = Ctx { file, problems };
    let mut out = Vec::new();
    for (n, l) in content_lines(text) {
        let Some(f) = fields(
            &mut cx,
            n,
            l,
            &[4, 5],
            "CODE, names, adjectives, capitals[, parent]",
        ) else {
            continue;
        };
        if !is_country_code(f[0]) {
            cx.err(
                n,
                format!("bad country code {:?}: want three capital letters", f[0]),
            );
            continue;
        }
        let names = list(&mut cx, n, f[1], "names");
        // A territory may lack an adjective or a capital; `-` says so explicitly.
        let opt = |cx: &mut Ctx, s: &str, what| {
            if s == "-" {
                Vec::new()
            } else {
                list(cx, n, s, what)
            }
        };
        let adjectives = opt(&mut cx, f[2], "adjectives");
        let capitals = opt(&mut cx, f[3], "capitals");
        let parent = match f.get(4) {
            None => None,
            Some(p) if is_country_code(p) => Some(p.to_string()),
            Some(p) => {
                cx.err(n, format!("bad parent code {p:?}"));
                None
            }
        };
        out.push((
            Country {
                code: f[0].to_string(),
                names,
                adjectives,
                capitals,
                parent,
            },
            n,
        ));
    }
    out
}

pub(crate) fn seats(file: &str, text: &str, problems: &mut Vec<Problem>) -> Vec<Located<Seat>> {
    let mut cx = Ctx { file, problems };
    let mut out = Vec::new();
    for (n, l) in content_lines(text) {
        let Some(f) = fields(&mut cx, n, l, &[3], "phrase, CODE, SECTORS") else {
            continue;
        };
        if f[0].is_empty() {
            cx.err(n, "empty phrase");
            continue;
        }
        if !is_country_code(f[1]) && !is_igo_code(f[1]) {
            cx.err(
                n,
                format!("bad code {:?}: want a country or IGO code", f[1]),
            );
            continue;
        }
        let sectors = sectors(&mut cx, n, f[2]);
        out.push((
            Seat {
                phrase: f[0].to_string(),
                code: f[1].to_string(),
                sectors,
            },
            n,
        ));
    }
    out
}

pub(crate) fn igos(file: &str, text: &str, problems: &mut Vec<Problem>) -> Vec<Located<Igo>> {
    let mut cx = Ctx { file, problems };
    let mut out = Vec::new();
    for (n, l) in content_lines(text) {
        let Some(f) = fields(&mut cx, n, l, &[2], "CAMEO_CODE, names") else {
            continue;
        };
        if !is_igo_code(f[0]) {
            cx.err(
                n,
                format!("bad IGO code {:?}: want IGO plus 3-letter groups", f[0]),
            );
            continue;
        }
        let names = list(&mut cx, n, f[1], "names");
        out.push((
            Igo {
                code: f[0].to_string(),
                names,
            },
            n,
        ));
    }
    out
}

pub(crate) fn sector_lines(
    file: &str,
    text: &str,
    problems: &mut Vec<Problem>,
) -> Vec<Located<SectorLine>> {
    let mut cx = Ctx { file, problems };
    let mut out = Vec::new();
    for (n, l) in content_lines(text) {
        let Some(f) = fields(&mut cx, n, l, &[3], "NAMESPACE, CODE, words") else {
            continue;
        };
        let words = list(&mut cx, n, f[2], "words");
        let ns = match f[0] {
            "cameo" => Namespace::Cameo,
            "plover" => Namespace::Plover,
            "inherit" if f[1] == "*" => {
                out.push((SectorLine::Inherit(InheritWords { words }), n));
                continue;
            }
            "inherit" => {
                cx.err(n, "an inherit line takes `*` as its code");
                continue;
            }
            other => {
                cx.err(
                    n,
                    format!("unknown namespace {other:?}: want cameo, plover or inherit"),
                );
                continue;
            }
        };
        if !is_compound_code(ns, f[1]) {
            cx.err(
                n,
                format!("{:?} is not a {} sector code", f[1], ns.as_str()),
            );
            continue;
        }
        out.push((SectorLine::Sector(ns, f[1].to_string(), words), n));
    }
    out
}

pub(crate) fn people(file: &str, text: &str, problems: &mut Vec<Problem>) -> Vec<Located<Person>> {
    let mut cx = Ctx { file, problems };
    let mut out: Vec<Located<Person>> = Vec::new();
    for (n, l) in content_lines(text) {
        if let Some(rest) = l.strip_prefix('\t') {
            let Some((person, _)) = out.last_mut() else {
                cx.err(n, "role line before any person line");
                continue;
            };
            if let Some(role) = role(&mut cx, n, rest) {
                person.roles.push(role);
            }
            continue;
        }
        if l.starts_with(' ') {
            cx.err(n, "indented with spaces: role lines start with one TAB");
            continue;
        }
        let mut parts = l.split(';');
        let names = list(&mut cx, n, parts.next().unwrap_or(""), "names");
        let mut gender = None;
        for opt in parts {
            match opt.trim() {
                "gender=m" => gender = Some(Gender::Male),
                "gender=f" => gender = Some(Gender::Female),
                other => cx.err(
                    n,
                    format!("unknown option {other:?}: want gender=m or gender=f"),
                ),
            }
        }
        out.push((
            Person {
                names,
                gender,
                roles: Vec::new(),
            },
            n,
        ));
    }
    out
}

fn role(cx: &mut Ctx, n: usize, rest: &str) -> Option<Role> {
    let f = fields(cx, n, rest, &[5], "TAB COUNTRY, SECTORS, ROLE, START, END")?;
    let country = f[0];
    if !is_country_code(country) && !is_igo_code(country) {
        cx.err(n, format!("bad country code {country:?}"));
        return None;
    }
    let sectors = sectors(cx, n, f[1]);
    let Some(kind) = RoleKind::parse(f[2]) else {
        cx.err(n, format!("unknown role {:?}", f[2]));
        return None;
    };
    if kind == RoleKind::IgoHead && !is_igo_code(country) {
        cx.err(n, format!("igo_head needs an IGO code, found {country:?}"));
    }
    let Some(start) = PartialDate::parse(f[3]) else {
        cx.err(
            n,
            format!(
                "bad START date {:?}: want YYYY-MM-DD, YYYY-MM or YYYY",
                f[3]
            ),
        );
        return None;
    };
    let end = if f[4] == "-" {
        None
    } else {
        let Some(end) = PartialDate::parse(f[4]) else {
            cx.err(n, format!("bad END date {:?}: want a date or -", f[4]));
            return None;
        };
        if end.latest() < start.earliest() {
            cx.err(n, format!("END {end} is before START {start}"));
            return None;
        }
        Some(end)
    };
    Some(Role {
        country: country.to_string(),
        sectors,
        role: kind,
        start,
        end,
    })
}
