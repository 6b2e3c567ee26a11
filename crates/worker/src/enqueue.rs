//! The producer's side: input files to task message bodies, transport-free.

use crate::task::Task;
use crate::Error;
use flate2::read::MultiGzDecoder;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// One body to publish, or a line that cannot be one (counted by the producer, never dropped
/// silently).
#[derive(Debug)]
pub enum Item {
    /// A task message body.
    Body(Vec<u8>),
    /// A line longer than the limit: read through and not sent.
    TooLong {
        /// The input.
        input: PathBuf,
        /// 0-based line number, counting every line (as `sitrep code` does).
        line: u64,
        /// Its length in bytes.
        bytes: usize,
    },
}

/// Document tasks: every non-blank line of each JSONL input (gzip recognised by its magic
/// bytes) is one body, sent as is, so the worker codes exactly what `sitrep code` would read.
/// Lines longer than `max_line` (the queue's message limit) are reported, not sent.
pub fn document_bodies(
    inputs: &[PathBuf],
    max_line: usize,
) -> impl Iterator<Item = Result<Item, Error>> + '_ {
    inputs.iter().flat_map(
        move |path| -> Box<dyn Iterator<Item = Result<Item, Error>>> {
            match open(path) {
                Ok(r) => Box::new(Lines {
                    reader: r,
                    path: path.clone(),
                    line: 0,
                    max: max_line,
                    done: false,
                }),
                Err(e) => Box::new(std::iter::once(Err(e))),
            }
        },
    )
}

/// File tasks: one body per input, with the path made absolute so a worker started in
/// another folder finds the file.
pub fn file_bodies(inputs: &[PathBuf]) -> Result<Vec<Vec<u8>>, Error> {
    inputs
        .iter()
        .map(|p| {
            let abs = std::path::absolute(p).map_err(|e| Error::Input {
                path: p.clone(),
                source: e,
            })?;
            if !abs.is_file() {
                return Err(Error::Input {
                    path: p.clone(),
                    source: std::io::Error::new(std::io::ErrorKind::NotFound, "not a file"),
                });
            }
            Ok(Task::File(abs).encode())
        })
        .collect()
}

fn open(path: &Path) -> Result<Box<dyn BufRead>, Error> {
    let err = |e| Error::Input {
        path: path.to_path_buf(),
        source: e,
    };
    let mut f = BufReader::new(std::fs::File::open(path).map_err(err)?);
    let gz = f.fill_buf().map_err(err)?.starts_with(&[0x1f, 0x8b]);
    Ok(if gz {
        Box::new(BufReader::new(MultiGzDecoder::new(f)))
    } else {
        Box::new(f)
    })
}

struct Lines {
    reader: Box<dyn BufRead>,
    path: PathBuf,
    line: u64,
    max: usize,
    done: bool,
}

impl Iterator for Lines {
    type Item = Result<Item, Error>;
    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            let index = self.line;
            let mut buf = Vec::new();
            // Read at most max+1 bytes of the line, so a huge line never sits in memory whole.
            let n = match (&mut self.reader)
                .take(self.max as u64 + 1)
                .read_until(b'\n', &mut buf)
            {
                Ok(n) => n,
                Err(e) => {
                    self.done = true;
                    return Some(Err(Error::Input {
                        path: self.path.clone(),
                        source: e,
                    }));
                }
            };
            if n == 0 {
                self.done = true;
                break;
            }
            self.line += 1;
            if !buf.ends_with(b"\n") && buf.len() > self.max {
                let mut total = buf.len();
                loop {
                    let (used, found) = match self.reader.fill_buf() {
                        Ok([]) => (0, true),
                        Ok(b) => match memchr_nl(b) {
                            Some(i) => (i + 1, true),
                            None => (b.len(), false),
                        },
                        Err(e) => {
                            self.done = true;
                            return Some(Err(Error::Input {
                                path: self.path.clone(),
                                source: e,
                            }));
                        }
                    };
                    self.reader.consume(used);
                    total += used;
                    if found {
                        break;
                    }
                }
                return Some(Ok(Item::TooLong {
                    input: self.path.clone(),
                    line: index,
                    bytes: total,
                }));
            }
            if buf.ends_with(b"\n") {
                buf.pop();
                if buf.ends_with(b"\r") {
                    buf.pop();
                }
            }
            if buf.trim_ascii().is_empty() {
                continue;
            }
            return Some(Ok(Item::Body(buf)));
        }
        None
    }
}

fn memchr_nl(b: &[u8]) -> Option<usize> {
    b.iter().position(|&c| c == b'\n')
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn document_bodies_reads_plain_and_gzip_and_reports_long_lines() {
        let dir = tempfile::tempdir().unwrap();
        let plain = dir.path().join("a.jsonl");
        let long = "x".repeat(100);
        std::fs::write(
            &plain,
            format!("{{\"text\":\"a\"}}\n\n{long}\r\n{{\"text\":\"b\"}}"),
        )
        .unwrap();
        let gz = dir.path().join("b.jsonl.gz");
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(b"{\"text\":\"c\"}\r\n").unwrap();
        std::fs::write(&gz, enc.finish().unwrap()).unwrap();
        let inputs = vec![plain.clone(), gz];
        let items: Vec<_> = document_bodies(&inputs, 50).map(|r| r.unwrap()).collect();
        let bodies: Vec<String> = items
            .iter()
            .filter_map(|i| match i {
                Item::Body(b) => Some(String::from_utf8(b.clone()).unwrap()),
                Item::TooLong { .. } => None,
            })
            .collect();
        assert_eq!(
            bodies,
            [r#"{"text":"a"}"#, r#"{"text":"b"}"#, r#"{"text":"c"}"#]
        );
        let long: Vec<_> = items
            .iter()
            .filter_map(|i| match i {
                Item::TooLong { line, bytes, .. } => Some((*line, *bytes)),
                Item::Body(_) => None,
            })
            .collect();
        assert_eq!(long, [(2, 102)]);
    }

    #[test]
    fn document_bodies_reports_a_missing_input() {
        let inputs = vec![PathBuf::from("/nonexistent/x.jsonl")];
        let items: Vec<_> = document_bodies(&inputs, 10).collect();
        assert!(matches!(items.as_slice(), [Err(Error::Input { .. })]));
    }

    #[test]
    fn file_bodies_are_absolute_file_tasks() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("a.warc");
        std::fs::write(&f, b"WARC/1.0\r\n").unwrap();
        let bodies = file_bodies(std::slice::from_ref(&f)).unwrap();
        assert_eq!(Task::decode(&bodies[0]), Ok(Task::File(f)));
        assert!(file_bodies(&[dir.path().join("missing")]).is_err());
    }
}
