//! The input view the matcher needs: one parsed sentence in CoNLL-U shape, plus the actor spans
//! the caller found in it. Kept here (not borrowed from the parser or actor crates) so this
//! crate depends on neither; an adapter fills it from the pipeline's Document.

use crate::error::{Error, Result};

/// One syntactic word (CoNLL-U row).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Word {
    /// Surface form.
    pub form: String,
    /// Lemma (lowercased on input so rules need not care about case).
    pub lemma: String,
    /// Universal POS tag.
    pub upos: String,
    /// Language-specific tag.
    pub xpos: String,
    /// Morphological features, `Name=Value|...` or `_`.
    pub feats: String,
    /// Head, 1-based; 0 is the root.
    pub head: usize,
    /// Dependency relation, with subtype (`nsubj:pass`, `obl:tmod`).
    pub deprel: String,
    /// Byte offset of the word in the sentence text.
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
}

/// A parsed sentence. Word `i` (1-based in heads) is `words[i - 1]`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sentence {
    /// The words, in order.
    pub words: Vec<Word>,
    /// The sentence text the offsets point into.
    pub text: String,
}

/// An actor mention found by the caller: word indices are 0-based into `Sentence::words`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ActorSpan {
    /// The syntactic head of the mention.
    pub head_word: usize,
    /// First word of the mention.
    pub start_word: usize,
    /// Last word of the mention (inclusive).
    pub end_word: usize,
    /// Actor code, e.g. "RUSGOVMIL".
    pub code: String,
    /// Country part of the code, e.g. "RUS", when known.
    pub country: String,
}

impl ActorSpan {
    /// A span built by hand in tests and adapters.
    pub fn new(start_word: usize, end_word: usize, head_word: usize, code: &str) -> ActorSpan {
        ActorSpan {
            head_word,
            start_word,
            end_word,
            code: code.to_string(),
            country: code.get(..3).unwrap_or(code).to_string(),
        }
    }
}

impl Sentence {
    /// A sentence from `(form, lemma, upos, head, deprel)` rows (heads 1-based, 0 = root),
    /// for the crate's unit tests.
    #[cfg(test)]
    pub(crate) fn from_rows(rows: &[(&str, &str, &str, usize, &str)]) -> Sentence {
        let conllu: String = rows
            .iter()
            .enumerate()
            .map(|(i, (f, l, u, h, d))| format!("{}\t{f}\t{l}\t{u}\t_\t_\t{h}\t{d}\t_\t_\n", i + 1))
            .collect();
        Sentence::from_conllu(&conllu).unwrap()
    }

    /// Reads one sentence of CoNLL-U (comments allowed; multiword-token ranges and empty nodes
    /// are skipped because the dependency tree is over syntactic words). The text comes from
    /// `# text =` when present, else from the forms joined with `SpaceAfter=No` respected.
    pub fn from_conllu(input: &str) -> Result<Sentence> {
        let mut s = Sentence::default();
        let mut text_comment = None;
        let mut space_after = Vec::new();
        for (i, line) in input.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            let bad = |m: &str| Error::Conllu {
                line: i + 1,
                message: m.to_string(),
            };
            if line.trim().is_empty() {
                if s.words.is_empty() {
                    continue;
                }
                break;
            }
            if let Some(c) = line.strip_prefix('#') {
                if let Some(t) = c.trim().strip_prefix("text =") {
                    text_comment = Some(t.trim().to_string());
                }
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() != 10 {
                return Err(bad("expected 10 tab-separated columns"));
            }
            if f[0].contains('-') || f[0].contains('.') {
                continue;
            }
            let id: usize = f[0].parse().map_err(|_| bad("bad ID"))?;
            if id != s.words.len() + 1 {
                return Err(bad("IDs must count up from 1"));
            }
            let head: usize = f[6].parse().map_err(|_| bad("bad HEAD"))?;
            s.words.push(Word {
                form: f[1].to_string(),
                lemma: f[2].to_lowercase(),
                upos: f[3].to_string(),
                xpos: f[4].to_string(),
                feats: f[5].to_string(),
                head,
                deprel: f[7].to_string(),
                start: 0,
                end: 0,
            });
            space_after.push(!f[9].split('|').any(|m| m == "SpaceAfter=No"));
        }
        let n = s.words.len();
        if n == 0 {
            return Err(Error::Conllu {
                line: 0,
                message: "no words".into(),
            });
        }
        if let Some(w) = s.words.iter().find(|w| w.head > n) {
            return Err(Error::Conllu {
                line: 0,
                message: format!("head {} out of range", w.head),
            });
        }
        s.set_offsets(text_comment, &space_after);
        Ok(s)
    }

    fn set_offsets(&mut self, text: Option<String>, space_after: &[bool]) {
        // Find each form in the given text, in order; if a form is missing there (tokenizer
        // normalisation) fall back to rebuilding the text from the forms.
        if let Some(t) = text {
            let mut pos = 0;
            let mut offs = Vec::with_capacity(self.words.len());
            for w in &self.words {
                match t[pos..].find(w.form.as_str()) {
                    Some(k) => {
                        offs.push((pos + k, pos + k + w.form.len()));
                        pos += k + w.form.len();
                    }
                    None => break,
                }
            }
            if offs.len() == self.words.len() {
                for (w, (a, b)) in self.words.iter_mut().zip(offs) {
                    w.start = a;
                    w.end = b;
                }
                self.text = t;
                return;
            }
        }
        let mut t = String::new();
        for (w, &sp) in self.words.iter_mut().zip(space_after) {
            w.start = t.len();
            t.push_str(&w.form);
            w.end = t.len();
            if sp {
                t.push(' ');
            }
        }
        self.text = t.trim_end().to_string();
    }

    /// Children of word `i` (0-based), in order.
    pub fn children(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        self.words
            .iter()
            .enumerate()
            .filter(move |(_, w)| w.head == i + 1)
            .map(|(j, _)| j)
    }

    /// Head of word `i` as a 0-based index; `None` for the root (or a malformed head).
    pub fn head(&self, i: usize) -> Option<usize> {
        let h = self.words.get(i)?.head;
        (h >= 1 && h <= self.words.len() && h != i + 1).then(|| h - 1)
    }

    /// The text between the first and last word (inclusive), for evidence.
    pub fn span_text(&self, first: usize, last: usize) -> &str {
        let (Some(a), Some(b)) = (self.words.get(first), self.words.get(last)) else {
            return "";
        };
        self.text.get(a.start..b.end.max(a.start)).unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const S: &str = "# text = Kim visited Moscow.\n\
1\tKim\tKim\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n\
2\tvisited\tvisit\tVERB\tVBD\t_\t0\troot\t_\t_\n\
3\tMoscow\tMoscow\tPROPN\tNNP\t_\t2\tobj\t_\tSpaceAfter=No\n\
4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n";

    #[test]
    fn sentence_from_conllu_offsets_and_tree() {
        let s = Sentence::from_conllu(S).unwrap();
        assert_eq!(s.words.len(), 4);
        assert_eq!(s.words[2].lemma, "moscow");
        assert_eq!(&s.text[s.words[2].start..s.words[2].end], "Moscow");
        assert_eq!(s.children(1).collect::<Vec<_>>(), vec![0, 2, 3]);
        assert_eq!(s.head(1), None);
        assert_eq!(s.span_text(0, 2), "Kim visited Moscow");
    }

    #[test]
    fn sentence_from_conllu_rebuilds_text_without_comment() {
        let no_text: String = S.lines().skip(1).map(|l| format!("{l}\n")).collect();
        let s = Sentence::from_conllu(&no_text).unwrap();
        assert_eq!(s.text, "Kim visited Moscow.");
    }

    #[test]
    fn sentence_from_conllu_rejects_bad_input() {
        assert!(Sentence::from_conllu("").is_err());
        assert!(Sentence::from_conllu("1\tA\ta\tX\tX\t_\t0\n").is_err());
        assert!(Sentence::from_conllu("1\tA\ta\tX\tX\t_\t5\troot\t_\t_\n").is_err());
        assert!(Sentence::from_conllu("2\tA\ta\tX\tX\t_\t0\troot\t_\t_\n").is_err());
        assert!(Sentence::from_conllu("1\tA\ta\tX\tX\t_\tx\troot\t_\t_\n").is_err());
    }
}
