//! The model file: header (magic, format version, hash of the feature templates), then a
//! deflate-compressed body holding the tag set, label set, both weight tables and the
//! lemmatizer tables. The shipped model is embedded in the binary.

use crate::error::{Error, Result};
use crate::hash::hash_str;
use crate::lemma::Lemmatizer;
use crate::lex::{self, Lex, Lexicon};
use crate::perceptron::Weights;
use crate::tagger::Tagger;
use crate::{beam, parser, tagger};
use std::collections::HashMap;

/// First bytes of every model file.
pub const MAGIC: &[u8; 8] = b"SITREPUD";
/// Layout version of the file; bump on any change to `to_bytes`. Version 3 added the default
/// beam width after the root label, version 4 the right-to-left tagger table after the
/// left-to-right one.
pub const FORMAT_VERSION: u32 = 4;
/// Older layouts, still read: 2 has no beam width (greedy), 2 and 3 no right-to-left tagger.
const FORMAT_V2: u32 = 2;
const FORMAT_V3: u32 = 3;
/// Widest beam accepted from a file or a caller: bounds parse time per sentence.
pub const MAX_BEAM: usize = 64;

/// The shipped English model (UD English EWT), see `models/en_ewt/MODEL.md`.
pub static EMBEDDED: &[u8] = include_bytes!("../models/en_ewt/model.bin");

/// Hash of everything that must agree between the code and a model's weights.
pub fn template_hash() -> u64 {
    hash_str(&format!(
        "{}|{}|lex-v1",
        tagger::TEMPLATES,
        parser::TEMPLATES
    ))
}

/// A trained tagger, lemmatizer and parser.
#[derive(Debug, Clone)]
pub struct Model {
    /// Tag classes: (UPOS, XPOS).
    pub tags: Vec<(String, String)>,
    /// Dependency labels (full UD relations, with subtypes).
    pub labels: Vec<String>,
    /// Index of `root` in `labels`.
    pub root: usize,
    /// Parser beam width (1 = greedy); the file stores the width the model was trained for,
    /// callers may change it (clamped to 1..=[`MAX_BEAM`]).
    pub beam: usize,
    /// Tagger weights (both directions).
    pub tagger: Tagger,
    /// Parser weights.
    pub parser: Weights,
    /// Lemma and FEATS tables.
    pub lemmatizer: Lemmatizer,
    /// Ambiguity classes of training words, a tagger feature.
    pub lexicon: Lexicon,
    /// Free text: how the model was built and its scores.
    pub info: String,
}

/// Reusable buffers for [`Model::analyse`].
#[derive(Debug, Default, Clone)]
pub struct Scratch {
    lex: Vec<Lex>,
    feats: Vec<u64>,
    scores: Vec<i32>,
    parse: parser::Scratch,
    beam: beam::Scratch,
}

/// The analysis of one sentence: indices into the model's tag and label sets.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Analysis {
    /// Tag class per word.
    pub tags: Vec<u16>,
    /// Head per word, 1-based (0 = root).
    pub heads: Vec<u32>,
    /// Label index per word.
    pub labels: Vec<u16>,
}

impl Model {
    /// The embedded model.
    pub fn embedded() -> Result<Model> {
        Model::from_bytes(EMBEDDED)
    }

    /// UPOS of a tag class.
    pub fn upos(&self, tag: u16) -> &str {
        self.tags.get(tag as usize).map_or("X", |t| t.0.as_str())
    }

    /// XPOS of a tag class.
    pub fn xpos(&self, tag: u16) -> &str {
        self.tags.get(tag as usize).map_or("_", |t| t.1.as_str())
    }

    /// Name of a label.
    pub fn label(&self, l: u16) -> &str {
        self.labels.get(l as usize).map_or("dep", String::as_str)
    }

    /// Tags and parses one sentence of words.
    pub fn analyse<S: AsRef<str>>(&self, words: &[S], out: &mut Analysis, scratch: &mut Scratch) {
        lex::sentence(words, &self.lexicon, &mut scratch.lex);
        tagger::tag(
            &self.tagger,
            &scratch.lex,
            &mut out.tags,
            &mut scratch.feats,
            &mut scratch.scores,
        );
        let lex = std::mem::take(&mut scratch.lex);
        self.parse_tagged(&lex, out, scratch);
        scratch.lex = lex;
    }

    /// Parses words whose tags are already in `out.tags`.
    pub fn parse_tagged(&self, lex: &[Lex], out: &mut Analysis, scratch: &mut Scratch) {
        let width = self.beam.clamp(1, MAX_BEAM);
        let state = if width == 1 {
            parser::parse(
                &self.parser,
                self.labels.len(),
                self.root,
                lex,
                &out.tags,
                &mut scratch.parse,
            );
            &scratch.parse.state
        } else {
            beam::parse(
                &self.parser,
                self.labels.len(),
                self.root,
                lex,
                &out.tags,
                width,
                &mut scratch.beam,
            )
        };
        let (h, l) = state.tree();
        out.heads.clear();
        out.heads.extend_from_slice(h);
        out.labels.clear();
        out.labels.extend_from_slice(l);
    }

    /// Serialises the model.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut body = Vec::new();
        let w = &mut body;
        put_u32(w, self.tags.len() as u32);
        for (u, x) in &self.tags {
            put_str(w, u);
            put_str(w, x);
        }
        put_u32(w, self.labels.len() as u32);
        for l in &self.labels {
            put_str(w, l);
        }
        put_u32(w, self.root as u32);
        put_u32(w, self.beam as u32);
        put_weights(w, &self.tagger.fwd);
        put_weights(w, &self.tagger.rev);
        put_weights(w, &self.parser);
        let lm = &self.lemmatizer;
        put_map(w, &lm.exceptions, |w, v| put_str(w, v));
        put_map(w, &lm.rules, |w, (s, a)| {
            w.push(*s);
            put_str(w, a);
        });
        put_map(w, &lm.word_feats, |w, v| put_str(w, v));
        put_map(w, &lm.tag_feats, |w, v| put_str(w, v));
        let mut lexicon: Vec<(u64, u64)> = self.lexicon.iter().map(|(k, v)| (*k, *v)).collect();
        lexicon.sort_unstable();
        put_u32(w, lexicon.len() as u32);
        for (k, v) in lexicon {
            w.extend_from_slice(&k.to_le_bytes());
            w.extend_from_slice(&v.to_le_bytes());
        }
        put_str(w, &self.info);
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        put_u32(&mut out, FORMAT_VERSION);
        out.extend_from_slice(&template_hash().to_le_bytes());
        out.extend_from_slice(&body);
        out
    }

    /// Reads a model, checking the header against this build.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model> {
        if bytes.len() < 20 || &bytes[..8] != MAGIC {
            return Err(Error::Model(
                "not a sitrep parser model (bad magic); run `sitrep train parser`",
            ));
        }
        let version = u32::from_le_bytes([bytes[8], bytes[9], bytes[10], bytes[11]]);
        if ![FORMAT_V2, FORMAT_V3, FORMAT_VERSION].contains(&version) {
            return Err(Error::ModelMismatch {
                what: "format version",
                found: version as u64,
                expected: FORMAT_VERSION as u64,
            });
        }
        let mut h = [0u8; 8];
        h.copy_from_slice(&bytes[12..20]);
        let found = u64::from_le_bytes(h);
        if found != template_hash() {
            return Err(Error::ModelMismatch {
                what: "feature-template hash",
                found,
                expected: template_hash(),
            });
        }
        let body = &bytes[20..];
        let r = &mut Reader { b: body, at: 0 };
        let n = r.u32()? as usize;
        let mut tags = Vec::with_capacity(n.min(1024));
        for _ in 0..n {
            tags.push((r.str()?, r.str()?));
        }
        let n = r.u32()? as usize;
        let mut labels = Vec::with_capacity(n.min(1024));
        for _ in 0..n {
            labels.push(r.str()?);
        }
        let root = r.u32()? as usize;
        let beam = if version == FORMAT_V2 {
            1
        } else {
            (r.u32()? as usize).clamp(1, MAX_BEAM)
        };
        let fwd = r.weights()?;
        let rev = if version == FORMAT_VERSION {
            r.weights()?
        } else {
            Weights::from_rows(fwd.n_classes(), 1.0, vec![])
        };
        let tagger = Tagger::new(fwd, rev).with_roles(&tags);
        let parser = r.weights()?;
        let exceptions = r.map(|r| r.str())?;
        let rules = r.map(|r| Ok((r.u8()?, r.str()?)))?;
        let word_feats = r.map(|r| r.str())?;
        let tag_feats = r.map(|r| r.str())?;
        let n = r.u32()? as usize;
        if n > body.len() / 16 {
            return Err(Error::Model("lexicon size exceeds body"));
        }
        let mut lexicon = Lexicon::default();
        lexicon.reserve(n);
        for _ in 0..n {
            let (k, v) = (r.u64()?, r.u64()?);
            lexicon.insert(k, v);
        }
        let info = r.str()?;
        if root >= labels.len()
            || tagger.fwd.n_classes() != tags.len()
            || tagger.rev.n_classes() != tags.len()
            || parser.n_classes() != 1 + 2 * labels.len()
        {
            return Err(Error::Model("inconsistent class counts"));
        }
        Ok(Model {
            tags,
            labels,
            root,
            beam,
            tagger,
            parser,
            lemmatizer: Lemmatizer {
                known: crate::lemma::known_lemmas(&exceptions),
                exceptions,
                rules,
                word_feats,
                tag_feats,
            },
            lexicon,
            info,
        })
    }
}

fn put_u32(w: &mut Vec<u8>, x: u32) {
    w.extend_from_slice(&x.to_le_bytes());
}

fn put_str(w: &mut Vec<u8>, s: &str) {
    put_u32(w, s.len() as u32);
    w.extend_from_slice(s.as_bytes());
}

fn put_weights(w: &mut Vec<u8>, x: &Weights) {
    put_u32(w, x.n_classes() as u32);
    w.extend_from_slice(&x.scale().to_le_bytes());
    let rows = x.rows();
    put_u32(w, rows.len() as u32);
    // Keys are sorted, so storing deltas would compress a little better; plain keys keep
    // the format obvious.
    for (k, row) in rows {
        w.extend_from_slice(&k.to_le_bytes());
        w.push(row.len() as u8);
        for &(c, v) in row {
            w.push(c);
            w.extend_from_slice(&v.to_le_bytes());
        }
    }
}

fn put_map<V>(w: &mut Vec<u8>, m: &HashMap<(String, String), V>, put_v: impl Fn(&mut Vec<u8>, &V)) {
    let mut keys: Vec<&(String, String)> = m.keys().collect();
    keys.sort();
    put_u32(w, keys.len() as u32);
    for k in keys {
        put_str(w, &k.0);
        put_str(w, &k.1);
        put_v(w, &m[k]);
    }
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8]> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&e| e <= self.b.len())
            .ok_or(Error::Model("truncated"))?;
        let s = &self.b[self.at..end];
        self.at = end;
        Ok(s)
    }
    fn u8(&mut self) -> Result<u8> {
        Ok(self.take(1)?[0])
    }
    fn u32(&mut self) -> Result<u32> {
        let s = self.take(4)?;
        Ok(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }
    fn u64(&mut self) -> Result<u64> {
        let mut a = [0u8; 8];
        a.copy_from_slice(self.take(8)?);
        Ok(u64::from_le_bytes(a))
    }
    fn str(&mut self) -> Result<String> {
        let n = self.u32()? as usize;
        String::from_utf8(self.take(n)?.to_vec()).map_err(|_| Error::Model("invalid UTF-8 string"))
    }
    fn weights(&mut self) -> Result<Weights> {
        let n_classes = self.u32()? as usize;
        if n_classes == 0 || n_classes > 256 {
            return Err(Error::Model("class count out of range"));
        }
        let s = self.take(4)?;
        let scale = f32::from_le_bytes([s[0], s[1], s[2], s[3]]);
        let n = self.u32()? as usize;
        // Each row takes at least 9 bytes: reject counts the body cannot hold before allocating.
        if n > self.b.len() / 9 {
            return Err(Error::Model("row count exceeds body"));
        }
        let mut index = Vec::with_capacity(n);
        let mut entries = Vec::with_capacity(n * 2);
        for _ in 0..n {
            let k = self.u64()? | 1;
            let len = self.u8()? as usize;
            let start = entries.len() as u32;
            for e in self.take(3 * len)?.chunks_exact(3) {
                entries.push((e[0], i16::from_le_bytes([e[1], e[2]])));
            }
            index.push((k, start, entries.len() as u32));
        }
        Ok(Weights::from_parts(n_classes, scale, &index, entries))
    }
    fn map<V>(
        &mut self,
        get_v: impl Fn(&mut Self) -> Result<V>,
    ) -> Result<HashMap<(String, String), V>> {
        let n = self.u32()? as usize;
        if n > self.b.len() / 8 {
            return Err(Error::Model("map size exceeds body"));
        }
        let mut m = HashMap::with_capacity(n);
        for _ in 0..n {
            let k = (self.str()?, self.str()?);
            let v = get_v(self)?;
            m.insert(k, v);
        }
        Ok(m)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_model_matches_code() {
        // Fails when the feature templates or the format change without retraining: the
        // embedded weights would then be silently meaningless.
        let m = Model::embedded()
            .expect("the embedded model must load; retrain with `sitrep train parser`");
        assert!(m.tags.iter().any(|t| t.0 == "NOUN"));
        assert_eq!(m.label(m.root as u16), "root");
        assert!(m.tagger.n_features() > 1000 && m.parser.n_features() > 1000);
        // A sentence comes out as a tree with one root.
        let (mut a, mut sc) = (Analysis::default(), Scratch::default());
        m.analyse(
            &["Kim", "met", "Putin", "in", "Moscow", "."],
            &mut a,
            &mut sc,
        );
        assert_eq!(a.heads.iter().filter(|&&h| h == 0).count(), 1);
    }

    #[test]
    fn model_header_mismatch_is_an_error() {
        let good = Model {
            tags: vec![("X".into(), "X".into())],
            labels: vec!["root".into()],
            root: 0,
            beam: 4,
            tagger: Tagger::new(
                Weights::from_rows(1, 1.0, vec![]),
                Weights::from_rows(1, 1.0, vec![]),
            ),
            parser: Weights::from_rows(3, 1.0, vec![]),
            lemmatizer: Lemmatizer::default(),
            lexicon: Lexicon::default(),
            info: "test".into(),
        };
        let bytes = good.to_bytes();
        assert_eq!(Model::from_bytes(&bytes).map(|m| m.beam).ok(), Some(4));
        let mut v = bytes.clone();
        v[8] = 99;
        assert!(matches!(
            Model::from_bytes(&v),
            Err(Error::ModelMismatch {
                what: "format version",
                ..
            })
        ));
        let mut t = bytes.clone();
        t[15] ^= 1;
        assert!(matches!(
            Model::from_bytes(&t),
            Err(Error::ModelMismatch {
                what: "feature-template hash",
                ..
            })
        ));
        assert!(Model::from_bytes(b"SITREPUD").is_err());
        assert!(Model::from_bytes(&bytes[..bytes.len() - 3]).is_err());
        // Garbage after a valid header never panics.
        let mut g = bytes[..20].to_vec();
        g.extend((0..500u32).map(|i| (i * 7919 % 251) as u8));
        assert!(Model::from_bytes(&g).is_err());
    }
}
