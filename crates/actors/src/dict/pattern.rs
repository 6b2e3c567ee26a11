//! Verb-pattern syntax shared by PETRARCH and TABARI:
//! `*` verb, `$` source, `+` target, `^` skip the next actor, `%` compound actor,
//! `&NAME` synset, `(...)` prepositional phrase and `{...}` noun phrase (PETRARCH-2),
//! `{ A | B }` alternatives (TABARI), and `_` joining two elements that must be adjacent.

use std::collections::HashSet;
use std::fmt;

/// Nesting beyond this is refused (real patterns nest two deep), bounding recursion.
const MAX_DEPTH: usize = 16;

/// One element of a pattern.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum PatTok {
    /// `*`: where the verb is.
    Verb,
    /// `$`: the source actor.
    Source,
    /// `+`: the target actor.
    Target,
    /// `^`: skip the next actor.
    Skip,
    /// `%`: a compound actor (source and target together).
    Compound,
    /// `&NAME`: any member of a synset; the name is upper-cased without trailing `_`.
    Synset(String),
    /// A literal word as written; a trailing `_` ("this word exactly") or `~` (TABARI's
    /// open ending) is kept.
    Word(String),
    /// `( ... )`: a prepositional phrase.
    Prep(Vec<PatElem>),
    /// `{ ... }`: a noun phrase.
    Noun(Vec<PatElem>),
    /// `{ a | b | c }`: one of the branches.
    Alt(Vec<Vec<PatElem>>),
}

/// A pattern element and whether `_` ties it to the one before it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PatElem {
    /// What it matches.
    pub tok: PatTok,
    /// True when written with `_` directly after the previous element (`IN_*`).
    pub joined: bool,
}

/// Lexer tokens.
#[derive(Debug, PartialEq)]
enum Lex<'a> {
    Open(char),
    Close(char),
    Bar,
    Atom(&'a str),
}

fn lex(s: &str) -> Vec<(Lex<'_>, bool)> {
    let mut out = Vec::new();
    let mut spaced = true;
    let mut i = 0;
    let bytes = s.as_bytes();
    while i < bytes.len() {
        let c = bytes[i];
        if c.is_ascii_whitespace() {
            spaced = true;
            i += 1;
            continue;
        }
        let lexeme = match c {
            b'(' | b'{' => Lex::Open(c as char),
            b')' | b'}' => Lex::Close(c as char),
            b'|' => Lex::Bar,
            _ => {
                let start = i;
                while i < bytes.len() && !b"(){}| \t".contains(&bytes[i]) {
                    i += 1;
                }
                out.push((Lex::Atom(&s[start..i]), spaced));
                spaced = false;
                continue;
            }
        };
        out.push((lexeme, spaced));
        spaced = false;
        i += 1;
    }
    out
}

/// Parse pattern text (without the leading `-` and the code). `known` holds the synset names
/// of the file: `_` both joins elements and occurs inside synset names (`&FIGHT_OF_WORDS`),
/// so `&A_B` is read as one synset only when `A_B` is defined.
pub(crate) fn parse_pattern(s: &str, known: &HashSet<String>) -> Result<Vec<PatElem>, String> {
    let lexed = lex(s);
    let mut pos = 0;
    let cx = Cx { known };
    let elems = parse_seq(&cx, &lexed, &mut pos, None, 0)?;
    match elems {
        Seq::Plain(v) => Ok(v),
        Seq::Alt(_) => Err("`|` outside { }".into()),
    }
}

struct Cx<'k> {
    known: &'k HashSet<String>,
}

enum Seq {
    Plain(Vec<PatElem>),
    Alt(Vec<Vec<PatElem>>),
}

fn parse_seq(
    cx: &Cx<'_>,
    lexed: &[(Lex<'_>, bool)],
    pos: &mut usize,
    close: Option<char>,
    depth: usize,
) -> Result<Seq, String> {
    if depth > MAX_DEPTH {
        return Err("nested too deep".into());
    }
    let mut branches: Vec<Vec<PatElem>> = Vec::new();
    let mut cur: Vec<PatElem> = Vec::new();
    // Whether the next element is tied to the previous one by a `_` that ended an atom.
    let mut pending_join = false;
    while *pos < lexed.len() {
        let (lexeme, spaced) = &lexed[*pos];
        *pos += 1;
        let joined = pending_join || (!spaced && !cur.is_empty() && matches!(lexeme, Lex::Open(_)));
        pending_join = false;
        match lexeme {
            Lex::Close(c) => {
                return if Some(*c) == close {
                    if branches.is_empty() {
                        Ok(Seq::Plain(cur))
                    } else {
                        branches.push(cur);
                        Ok(Seq::Alt(branches))
                    }
                } else {
                    Err(format!("unexpected `{c}`"))
                };
            }
            Lex::Bar => {
                if close != Some('}') {
                    return Err("`|` outside { }".into());
                }
                branches.push(std::mem::take(&mut cur));
            }
            Lex::Open(c) => {
                let want = if *c == '(' { ')' } else { '}' };
                let inner = parse_seq(cx, lexed, pos, Some(want), depth + 1)?;
                let tok = match (inner, *c) {
                    (Seq::Plain(v), '(') => PatTok::Prep(v),
                    (Seq::Plain(v), _) => PatTok::Noun(v),
                    (Seq::Alt(b), _) => PatTok::Alt(b),
                };
                cur.push(PatElem { tok, joined });
            }
            Lex::Atom(a) => {
                let next_tight = lexed
                    .get(*pos)
                    .is_some_and(|(l, sp)| !sp && matches!(l, Lex::Open(_)));
                let mut text: &str = a;
                let mut first_joined = !spaced && !cur.is_empty();
                if let Some(rest) = text.strip_prefix('_') {
                    text = rest;
                    first_joined = !cur.is_empty();
                }
                // A trailing `_` right before `{`/`(` ties to it; before a space it is the
                // "exact word" marker and stays on the word.
                let keep_exact = !next_tight && text.ends_with('_');
                if next_tight {
                    if let Some(rest) = text.strip_suffix('_') {
                        text = rest;
                        pending_join = true;
                    }
                }
                let pieces: Vec<&str> = text.split('_').collect();
                let last = pieces.len() - 1;
                let mut k = 0;
                while k < pieces.len() {
                    let piece = pieces[k];
                    let first = k == 0;
                    if piece.is_empty() {
                        k += 1;
                        continue;
                    }
                    let mut end = k;
                    if piece.starts_with('&') {
                        // Longest run of pieces that names a defined synset.
                        for j in (k + 1..pieces.len()).rev() {
                            let name = pieces[k..=j].join("_");
                            if cx.known.contains(&name[1..].to_uppercase()) {
                                end = j;
                                break;
                            }
                        }
                    }
                    let text = pieces[k..=end].join("_");
                    let exact = keep_exact && end + 1 == last && pieces[last].is_empty();
                    cur.push(PatElem {
                        tok: atom(&text, exact),
                        joined: if first { first_joined } else { true },
                    });
                    k = end + 1;
                }
            }
        }
    }
    match close {
        Some(c) => Err(format!("missing `{c}`")),
        None => Ok(Seq::Plain(cur)),
    }
}

fn atom(piece: &str, exact: bool) -> PatTok {
    match piece {
        "*" => PatTok::Verb,
        "$" => PatTok::Source,
        "+" => PatTok::Target,
        "^" => PatTok::Skip,
        "%" => PatTok::Compound,
        _ => match piece.strip_prefix('&') {
            Some(name) => PatTok::Synset(name.to_uppercase()),
            None => {
                let mut w = piece.to_string();
                if exact {
                    w.push('_');
                }
                PatTok::Word(w)
            }
        },
    }
}

/// How many `*` a pattern has, at any depth.
pub(crate) fn count_verbs(elems: &[PatElem]) -> usize {
    elems
        .iter()
        .map(|e| match &e.tok {
            PatTok::Verb => 1,
            PatTok::Prep(v) | PatTok::Noun(v) => count_verbs(v),
            PatTok::Alt(b) => b.iter().map(|v| count_verbs(v)).max().unwrap_or(0),
            _ => 0,
        })
        .sum()
}

/// Every synset name a pattern refers to.
pub(crate) fn synset_refs<'a>(elems: &'a [PatElem], out: &mut Vec<&'a str>) {
    for e in elems {
        match &e.tok {
            PatTok::Synset(name) => out.push(name),
            PatTok::Prep(v) | PatTok::Noun(v) => synset_refs(v, out),
            PatTok::Alt(b) => b.iter().for_each(|v| synset_refs(v, out)),
            _ => {}
        }
    }
}

/// Canonical text: one space between elements, `_` where they are joined.
pub(crate) struct Canon<'a>(pub &'a [PatElem]);

impl fmt::Display for Canon<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(if e.joined { "_" } else { " " })?;
            }
            match &e.tok {
                PatTok::Verb => f.write_str("*")?,
                PatTok::Source => f.write_str("$")?,
                PatTok::Target => f.write_str("+")?,
                PatTok::Skip => f.write_str("^")?,
                PatTok::Compound => f.write_str("%")?,
                PatTok::Synset(n) => write!(f, "&{n}")?,
                PatTok::Word(w) => f.write_str(w)?,
                PatTok::Prep(v) => write!(f, "({})", Canon(v))?,
                PatTok::Noun(v) => write!(f, "{{{}}}", Canon(v))?,
                PatTok::Alt(b) => {
                    f.write_str("{")?;
                    for (k, v) in b.iter().enumerate() {
                        if k > 0 {
                            f.write_str(" | ")?;
                        }
                        write!(f, "{}", Canon(v))?;
                    }
                    f.write_str("}")?;
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Result<Vec<PatElem>, String> {
        let known: HashSet<String> = ["BONDS", "WAR_OF_WORDS"].map(String::from).into();
        parse_pattern(s, &known)
    }

    fn canon(s: &str) -> String {
        Canon(&parse(s).unwrap()).to_string()
    }

    #[test]
    fn pattern_reads_roles_and_groups() {
        let p = parse("$ * (TO {&GLOBE SUMMIT}) +").unwrap();
        assert_eq!(p[0].tok, PatTok::Source);
        assert_eq!(p[1].tok, PatTok::Verb);
        let PatTok::Prep(prep) = &p[2].tok else {
            panic!("( ) is a prepositional phrase")
        };
        let PatTok::Noun(noun) = &prep[1].tok else {
            panic!("{{ }} is a noun phrase")
        };
        assert_eq!(noun[0].tok, PatTok::Synset("GLOBE".into()));
        assert_eq!(p[3].tok, PatTok::Target);
        assert_eq!(count_verbs(&p), 1);
    }

    #[test]
    fn pattern_underscores_join_and_mark_exact_words() {
        assert_eq!(canon("WAS_*  IN_ $"), "WAS_* IN_ $");
        let p = parse("WAS_* IN_ $").unwrap();
        assert!(p[1].joined);
        assert_eq!(p[2].tok, PatTok::Word("IN_".into()));
        assert!(!p[3].joined);
        assert_eq!(canon("NEW_&BONDS_TIES *"), "NEW_&BONDS_TIES *");
        let p = parse("* &WAR_OF_WORDS_NOW").unwrap();
        assert_eq!(p[1].tok, PatTok::Synset("WAR_OF_WORDS".into()));
        assert_eq!(p[2].tok, PatTok::Word("NOW".into()));
    }

    #[test]
    fn pattern_alternatives_and_errors() {
        let p = parse("SAID_+ * ASK_{ CASH_ | GRAIN }_NOW").unwrap();
        let PatTok::Alt(b) = &p[4].tok else {
            panic!("| makes alternatives")
        };
        assert!(p[1].joined && p[4].joined && p[5].joined);
        assert_eq!(b.len(), 2);
        assert_eq!(b[0][0].tok, PatTok::Word("CASH_".into()));
        assert!(parse("* (TO").is_err());
        assert!(parse("* TO)").is_err());
        assert!(parse("* A | B").is_err());
    }
}
