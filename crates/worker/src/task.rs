//! Task messages: what a queue message asks a worker to code, and the hash that names its
//! output.

use sha2::{Digest, Sha256};
use std::io::Read;
use std::path::{Path, PathBuf};

/// Prefix of a file task's body; the rest of the body is the path.
pub const FILE_PREFIX: &str = "file:";

/// What one queue message asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Task {
    /// One document: a JSON object as one JSONL line of `sitrep code` (the body as sent).
    Document(Vec<u8>),
    /// A WARC, JSONL, HTML or text file on a filesystem every worker sees.
    File(PathBuf),
}

/// Why a message body is not a task.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotATask(pub String);

impl Task {
    /// Reads a message body: a body whose first non-blank byte is `{` is a document, a body
    /// starting with `file:` names a file; anything else is not a task (the caller records
    /// it as a skip). The body is not parsed here: a broken JSON document becomes an
    /// `invalid_json` skip during coding, like a bad line in `sitrep code`.
    pub fn decode(body: &[u8]) -> Result<Task, NotATask> {
        if let Some(rest) = body.strip_prefix(FILE_PREFIX.as_bytes()) {
            let path = std::str::from_utf8(rest)
                .map_err(|_| NotATask("file task path is not UTF-8".into()))?
                .trim();
            if path.is_empty() {
                return Err(NotATask("file task without a path".into()));
            }
            return Ok(Task::File(PathBuf::from(path)));
        }
        match body.iter().find(|b| !b.is_ascii_whitespace()) {
            Some(b'{') => Ok(Task::Document(body.to_vec())),
            Some(_) => Err(NotATask(
                "neither a JSON object nor a `file:` task".to_string(),
            )),
            None => Err(NotATask("empty message".into())),
        }
    }

    /// The message body for this task (the inverse of [`Task::decode`]).
    pub fn encode(&self) -> Vec<u8> {
        match self {
            Task::Document(line) => line.clone(),
            Task::File(path) => format!("{FILE_PREFIX}{}", path.display()).into_bytes(),
        }
    }
}

/// The name of a task's output: SHA-256 over what determines the coding (the document bytes,
/// or a file task's file contents, plus the `--published` override), first 128 bits in hex.
/// 128 bits keep collisions out of reach at billions of documents; a content hash (not the
/// path) means a file renamed or copied is still recognised as done.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct InputHash(pub String);

impl InputHash {
    /// Hash of a document body.
    pub fn of_bytes(bytes: &[u8], published: Option<&str>) -> InputHash {
        let mut h = Sha256::new();
        h.update(b"doc\0");
        h.update(bytes);
        finish(h, published)
    }

    /// Hash of a file's contents, streamed (memory does not depend on the file size).
    pub fn of_file(path: &Path, published: Option<&str>) -> std::io::Result<InputHash> {
        let mut f = std::fs::File::open(path)?;
        let mut h = Sha256::new();
        h.update(b"file\0");
        let mut buf = vec![0u8; 1 << 16];
        loop {
            let n = match f.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            h.update(&buf[..n]);
        }
        Ok(finish(h, published))
    }
}

fn finish(mut h: Sha256, published: Option<&str>) -> InputHash {
    // The override changes the events, so it is part of what names them; the separator byte
    // keeps "no override" apart from an empty one.
    if let Some(p) = published {
        h.update(b"\0published=");
        h.update(p.as_bytes());
    }
    let digest = h.finalize();
    let mut s = String::with_capacity(32);
    for b in &digest[..16] {
        s.push_str(&format!("{b:02x}"));
    }
    InputHash(s)
}

impl std::fmt::Display for InputHash {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn task_decode_tells_documents_files_and_junk_apart() {
        let doc = br#"  {"text": "Kim met Putin."}"#;
        assert_eq!(Task::decode(doc), Ok(Task::Document(doc.to_vec())));
        assert_eq!(
            Task::decode(b"file:/data/a.warc.gz\n"),
            Ok(Task::File(PathBuf::from("/data/a.warc.gz")))
        );
        assert!(Task::decode(b"file:  ").is_err());
        assert!(Task::decode(b"hello").is_err());
        assert!(Task::decode(b" \n").is_err());
        assert!(Task::decode(&[0xff, 0xfe]).is_err());
    }

    #[test]
    fn task_encode_round_trips() {
        for t in [
            Task::Document(br#"{"id":"1","text":"x"}"#.to_vec()),
            Task::File(PathBuf::from("/a/b c.jsonl")),
        ] {
            assert_eq!(Task::decode(&t.encode()), Ok(t));
        }
    }

    #[test]
    fn input_hash_depends_on_bytes_and_published_override() {
        let a = InputHash::of_bytes(b"{}", None);
        assert_eq!(a.0.len(), 32);
        assert_eq!(a, InputHash::of_bytes(b"{}", None));
        assert_ne!(a, InputHash::of_bytes(b"{} ", None));
        assert_ne!(a, InputHash::of_bytes(b"{}", Some("2017-01-01")));
        assert_ne!(a, InputHash::of_bytes(b"{}", Some("")));
    }

    #[test]
    fn input_hash_of_file_follows_content_not_name() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a.jsonl"), dir.path().join("b.jsonl"));
        std::fs::write(&a, b"{\"text\":\"x\"}\n").unwrap();
        std::fs::write(&b, b"{\"text\":\"x\"}\n").unwrap();
        assert_eq!(
            InputHash::of_file(&a, None).unwrap(),
            InputHash::of_file(&b, None).unwrap()
        );
        std::fs::write(&b, b"{\"text\":\"y\"}\n").unwrap();
        assert_ne!(
            InputHash::of_file(&a, None).unwrap(),
            InputHash::of_file(&b, None).unwrap()
        );
    }
}
