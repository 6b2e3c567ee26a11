//! Mutated valid inputs in every format, forced and detected: the reader must never panic,
//! must end, and every skip must say where and why. A poor man's fuzzer with a fixed seed (the
//! cargo-fuzz targets of the same readers are in `fuzz/`, outside the workspace: see
//! `fuzz/README.md`); failures print the seed to replay.

use crate::util::*;
use sitrep_sources::{open_reader, InputFormat, SourceItem, SourceOptions};

struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn seeds() -> Vec<Vec<u8>> {
    let warc = [
        warcinfo(),
        warc_response(1, "http://a/1", "HTTP/1.1 200 OK\nContent-Type: text/html", html_page("x").as_bytes()),
        warc_response(
            2,
            "http://a/2",
            "HTTP/1.1 200 OK\nContent-Type: text/html\nTransfer-Encoding: chunked\nContent-Encoding: gzip",
            &{
                let gz = gzip(html_page("y").as_bytes());
                let mut c = format!("{:x}\r\n", gz.len()).into_bytes();
                c.extend(gz);
                c.extend_from_slice(b"\r\n0\r\n\r\n");
                c
            },
        ),
    ]
    .concat();
    let jsonl =
        b"{\"id\": 1, \"text\": \"a\"}\n\n{\"html\": \"<p>b</p>\", \"date\": 3}\n[1]\n".to_vec();
    let html = html_page("z").into_bytes();
    vec![gzip(&warc), warc.clone(), gzip(&jsonl), jsonl, html]
}

fn mutate(rng: &mut Lcg, input: &[u8]) -> Vec<u8> {
    let mut b = input.to_vec();
    for _ in 0..1 + rng.below(4) {
        if b.is_empty() {
            b.push(b'{');
        }
        let at = rng.below(b.len());
        match rng.below(6) {
            0 => b[at] ^= 1 << rng.below(8),
            1 => b.truncate(at),
            2 => b.insert(at, [b'\n', b'\r', b'\0', b'{', b':', 0x1f][rng.below(6)]),
            3 => {
                let end = (at + rng.below(64)).min(b.len());
                let slice = b[at..end].to_vec();
                b.splice(at..at, slice);
            }
            4 => b[at] = b"0123456789abcdef"[rng.below(16)],
            _ => {
                let end = (at + rng.below(32)).min(b.len());
                b.drain(at..end);
            }
        }
    }
    b
}

#[test]
fn mutated_inputs_never_panic_and_every_skip_is_named() {
    let formats = [
        None,
        Some(InputFormat::Text),
        Some(InputFormat::Html),
        Some(InputFormat::Jsonl),
        Some(InputFormat::Warc),
    ];
    let mut rng = Lcg(0x0051_72e9);
    let (mut records, mut skips) = (0u64, 0u64);
    for (i, seed) in seeds().iter().enumerate() {
        for round in 0..2000 {
            let input = mutate(&mut rng, seed);
            for format in formats {
                let mut opts: SourceOptions = opts_with_limit(4096);
                opts.format = format;
                let name = format!("seed{i}-round{round}");
                let items = open_reader(&name, std::io::Cursor::new(input.clone()), &opts);
                let mut count = 0;
                // A few KB cannot hold 1000 items: more means the reader does not end.
                for item in items.take(1000) {
                    count += 1;
                    match item {
                        SourceItem::Record(r) => {
                            assert_eq!(r.input, name);
                            assert!(r.payload.bytes.len() <= 4096);
                            records += 1;
                        }
                        SourceItem::Skipped(s) => {
                            assert_eq!(s.input, name);
                            assert!(!s.detail.is_empty(), "{name} {format:?}: {s:?}");
                            skips += 1;
                        }
                    }
                }
                assert!(count < 1000, "{name} {format:?}: the reader does not end");
            }
        }
    }
    eprintln!("mutations: {records} records, {skips} skips");
    assert!(records > 0 && skips > 0);
}
