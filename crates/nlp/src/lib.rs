//! sitrep-nlp: tokens, sentences, tags, lemmas and a labeled dependency parse for news English.
//!
//! A [`Model`] (the shipped one is [`Model::embedded`], trained on UD English EWT by
//! [`train::train`]) tags words with UPOS+XPOS ([`tagger`], an averaged perceptron), parses
//! them ([`parser`], arc-hybrid with a dynamic oracle, or [`beam`] search with global training)
//! and gives lemmas and FEATS ([`lemma`]).
//! [`conllu`] reads and writes treebanks; [`eval`] scores a model on one.
#![warn(missing_docs)]

pub mod beam;
pub mod clause;
pub mod conllu;
pub mod error;
pub mod eval;
pub mod hash;
pub mod lemma;
pub mod lex;
pub mod model;
pub mod news_names;
pub mod news_verbs;
pub mod parser;
pub mod perceptron;
pub mod sentences;
pub mod tagger;
pub mod tokenize;
pub mod train;

pub use error::{Error, Result};
pub use model::{Analysis, Model, Scratch};
