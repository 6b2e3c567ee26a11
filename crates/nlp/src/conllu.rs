//! CoNLL-U reading and writing. Multiword-token lines (`1-2`) and empty nodes (`1.1`) are kept
//! verbatim so a file survives a round trip, but only ordinary words are analysed.

use crate::error::{Error, Result};
use std::fmt::Write as _;
use std::io::Read;
use std::path::Path;

/// Largest file we read (decompressed): bounds memory on hostile input.
pub const MAX_FILE_BYTES: u64 = 1 << 30;

/// One syntactic word.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Word {
    /// FORM
    pub form: String,
    /// LEMMA
    pub lemma: String,
    /// UPOS
    pub upos: String,
    /// XPOS
    pub xpos: String,
    /// FEATS
    pub feats: String,
    /// HEAD (0 = root); `None` when the column was `_`.
    pub head: Option<u32>,
    /// DEPREL
    pub deprel: String,
    /// DEPS
    pub deps: String,
    /// MISC
    pub misc: String,
}

/// One sentence: comments, words, and the raw lines we do not analyse.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sentence {
    /// Comment lines without the leading `# `... kept whole, including `#`.
    pub comments: Vec<String>,
    /// Ordinary words, ids 1..=n.
    pub words: Vec<Word>,
    /// Multiword-token and empty-node lines, with the index of the word they precede.
    pub extra: Vec<(usize, String)>,
}

impl Sentence {
    /// The value of a `# key = value` comment.
    pub fn comment(&self, key: &str) -> Option<&str> {
        self.comments.iter().find_map(|c| {
            let rest = c.strip_prefix('#')?.trim_start();
            let rest = rest.strip_prefix(key)?.trim_start();
            Some(rest.strip_prefix('=')?.trim())
        })
    }
}

/// Reads a text file (at most [`MAX_FILE_BYTES`]); `.gz` is decompressed.
pub fn read_text(path: &Path) -> Result<String> {
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let mut text = String::new();
    if path.extension().is_some_and(|e| e == "gz") {
        flate2::read::MultiGzDecoder::new(file)
            .take(MAX_FILE_BYTES)
            .read_to_string(&mut text)
            .map_err(io)?;
    } else {
        file.take(MAX_FILE_BYTES)
            .read_to_string(&mut text)
            .map_err(io)?;
    }
    Ok(text)
}

/// Reads a CoNLL-U file; `.gz` is decompressed.
pub fn read_file(path: &Path) -> Result<Vec<Sentence>> {
    let text = read_text(path)?;
    parse(&text).map_err(|e| match e {
        Error::Conllu { line, message, .. } => Error::Conllu {
            path: path.to_path_buf(),
            line,
            message,
        },
        other => other,
    })
}

/// Parses CoNLL-U text. Errors name the 1-based line.
pub fn parse(text: &str) -> Result<Vec<Sentence>> {
    let mut out = Vec::new();
    let mut cur = Sentence::default();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        let err = |message: String| Error::Conllu {
            path: Default::default(),
            line: i + 1,
            message,
        };
        if line.trim().is_empty() {
            if !cur.words.is_empty() || !cur.comments.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if line.starts_with('#') {
            cur.comments.push(line.to_string());
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(err(format!(
                "expected 10 tab-separated columns, found {}",
                cols.len()
            )));
        }
        let id = cols[0];
        if id.contains('-') || id.contains('.') {
            cur.extra.push((cur.words.len(), line.to_string()));
            continue;
        }
        let n: usize = id.parse().map_err(|_| err(format!("bad word id {id:?}")))?;
        if n != cur.words.len() + 1 {
            return Err(err(format!("word id {n} out of sequence")));
        }
        let head = match cols[6] {
            "_" => None,
            h => Some(h.parse().map_err(|_| err(format!("bad head {h:?}")))?),
        };
        cur.words.push(Word {
            form: cols[1].to_string(),
            lemma: cols[2].to_string(),
            upos: cols[3].to_string(),
            xpos: cols[4].to_string(),
            feats: cols[5].to_string(),
            head,
            deprel: cols[7].to_string(),
            deps: cols[8].to_string(),
            misc: cols[9].to_string(),
        });
    }
    if !cur.words.is_empty() || !cur.comments.is_empty() {
        out.push(cur);
    }
    // Heads must point inside the sentence, or later stages would index out of range.
    for s in &out {
        let n = s.words.len() as u32;
        if let Some(w) = s.words.iter().find(|w| w.head.is_some_and(|h| h > n)) {
            return Err(Error::Conllu {
                path: Default::default(),
                line: 0,
                message: format!("head {:?} outside a sentence of {n} words", w.head),
            });
        }
    }
    Ok(out)
}

fn col(s: &str) -> &str {
    if s.is_empty() {
        "_"
    } else {
        s
    }
}

/// Writes one sentence (with its trailing blank line) to `out`.
pub fn write_sentence(s: &Sentence, out: &mut String) {
    for c in &s.comments {
        out.push_str(c);
        out.push('\n');
    }
    let mut extra = s.extra.iter().peekable();
    for (i, w) in s.words.iter().enumerate() {
        while let Some((_, line)) = extra.next_if(|e| e.0 == i) {
            out.push_str(line);
            out.push('\n');
        }
        let head = w.head.map_or_else(|| "_".to_string(), |h| h.to_string());
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            i + 1,
            col(&w.form),
            col(&w.lemma),
            col(&w.upos),
            col(&w.xpos),
            col(&w.feats),
            head,
            col(&w.deprel),
            col(&w.deps),
            col(&w.misc)
        );
    }
    for (_, line) in extra {
        out.push_str(line);
        out.push('\n');
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# sent_id = a-1\n# text = Don't go.\n1-2\tDon't\t_\t_\t_\t_\t_\t_\t_\t_\n\
1\tDo\tdo\tAUX\tVBP\tMood=Ind\t3\taux\t3:aux\t_\n2\tn't\tnot\tPART\tRB\t_\t3\tadvmod\t3:advmod\t_\n\
3\tgo\tgo\tVERB\tVB\tVerbForm=Inf\t0\troot\t0:root\tSpaceAfter=No\n3.1\tx\tx\tX\tX\t_\t_\t_\t3:dep\t_\n\
4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t3:punct\t_\n\n";

    #[test]
    fn conllu_round_trip() {
        let s = parse(SAMPLE).expect("sample parses");
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].words.len(), 4);
        assert_eq!(s[0].words[2].head, Some(0));
        assert_eq!(s[0].comment("text"), Some("Don't go."));
        assert_eq!(s[0].comment("sent_id"), Some("a-1"));
        let mut out = String::new();
        write_sentence(&s[0], &mut out);
        assert_eq!(out, SAMPLE);
    }

    #[test]
    fn conllu_rejects_bad_lines_without_panic() {
        assert!(parse("1\tonly\tthree\n").is_err());
        assert!(parse("x\ta\ta\tX\tX\t_\t0\troot\t_\t_\n").is_err());
        assert!(parse("1\ta\ta\tX\tX\t_\t9\troot\t_\t_\n").is_err());
        assert!(parse("2\ta\ta\tX\tX\t_\t0\troot\t_\t_\n").is_err());
        assert_eq!(parse("\n\n").map(|v| v.len()).ok(), Some(0));
    }
}
