//! Seeds and mutations for `mutated_input.rs`. The seeds are news-like articles written for
//! this test (text and HTML); the mutations are what scrapers, broken encoders and hostile
//! pages produce. Everything is derived from a case number, so one case replays alone.

/// A small deterministic generator (an LCG: no dependency, the same stream on every machine).
pub struct Lcg(pub u64);

impl Lcg {
    pub fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const WIRE: &str = "MOSCOW, March 4 (Wire) - Russian President Vladimir Putin met Chinese \
President Xi Jinping in Moscow on Tuesday and the two leaders signed an agreement on energy \
cooperation, the Kremlin said.\n\nBy Staff Reporter\n\nThe talks came a day after Ukraine \
accused Russia of shelling the city of Kharkiv overnight. \"We will not accept threats,\" \
Ukrainian Foreign Minister Dmytro Kuleba told reporters in Kyiv.\n\nThe United States \
condemned the attack and said it would send more air defence systems to Ukraine. NATO \
Secretary General Jens Stoltenberg urged both sides to return to talks.\n\nSHARE THIS \
ARTICLE\n\nRead more: Oil prices rise as talks stall\n\nIran's foreign ministry denied \
reports that Tehran had supplied drones to Moscow. Israeli Prime Minister Benjamin Netanyahu \
warned on Wednesday that Israel would act against any threat.\n";

const HTML: &str = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
<title>Leaders meet as protests grow | Example News</title>\
<meta property=\"og:title\" content=\"Leaders meet as protests grow\">\
<meta name=\"author\" content=\"A. Writer\">\
<meta property=\"article:published_time\" content=\"2024-05-02T09:00:00Z\">\
<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Leaders meet \
as protests grow\",\"datePublished\":\"2024-05-02\"}</script></head><body>\
<nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>\
<article><h1>Leaders meet as protests grow</h1><p class=\"byline\">By A. Writer</p>\
<p>French President Emmanuel Macron hosted German Chancellor Olaf Scholz in Paris on Monday, \
as thousands of farmers protested against new taxes outside parliament.</p>\
<figure><img src=\"a.jpg\"><figcaption>FILE: Police officers stand guard in Paris. \
(Photo: Agency)</figcaption></figure>\
<p>Police arrested 40 people after clashes near the Elysee Palace, the interior ministry \
said. The European Union called for calm.</p>\
<p>Turkey's President Recep Tayyip Erdogan criticised Sweden, and Egypt offered to mediate \
between Israel and Hamas.</p>\
<div class=\"share\">Share on Facebook Share on X</div>\
<ul class=\"related\"><li><a href=\"/x\">Related: Markets fall</a></li></ul></article>\
<footer>Copyright 2024 Example News</footer></body></html>";

const BRIEF: &str = "Indian Prime Minister Narendra Modi will visit Japan next week, his \
office said on Friday. Japanese officials said Prime Minister Fumio Kishida would host him in \
Tokyo. Pakistan rejected the statement.\n";

/// The seeds: (name, bytes, whether the payload is HTML).
pub fn seeds() -> Vec<(&'static str, Vec<u8>, bool)> {
    vec![
        ("wire", WIRE.as_bytes().to_vec(), false),
        ("html", HTML.as_bytes().to_vec(), true),
        ("brief", BRIEF.as_bytes().to_vec(), false),
        // The text seed served as HTML and the page served as text: mislabelled payloads.
        ("wire_as_html", WIRE.as_bytes().to_vec(), true),
        ("html_as_text", HTML.as_bytes().to_vec(), false),
    ]
}

/// One mutation; several are applied to each case.
#[derive(Debug, Clone, Copy)]
pub enum Mutation {
    ByteFlip,
    Truncate,
    Splice,
    RepeatTags,
    DeepNesting,
    HugeToken,
    NulBytes,
    InvalidUtf8,
    LongSentence,
    TinySentences,
}

const ALL: [Mutation; 10] = [
    Mutation::ByteFlip,
    Mutation::Truncate,
    Mutation::Splice,
    Mutation::RepeatTags,
    Mutation::DeepNesting,
    Mutation::HugeToken,
    Mutation::NulBytes,
    Mutation::InvalidUtf8,
    Mutation::LongSentence,
    Mutation::TinySentences,
];

/// The mutations of a case: the case number picks the first one (so each kind is met every
/// `ALL.len()` cases), the generator adds up to two more.
pub fn pick(case: usize, rng: &mut Lcg) -> Vec<Mutation> {
    let mut out = vec![ALL[case % ALL.len()]];
    for _ in 0..rng.below(3) {
        out.push(ALL[rng.below(ALL.len())]);
    }
    out
}

/// A position in `b` at a character boundary when `b` is UTF-8 (so only the mutations meant
/// to break encoding do).
fn at(rng: &mut Lcg, b: &[u8]) -> usize {
    let mut i = rng.below(b.len() + 1);
    while i < b.len() && (b[i] & 0xc0) == 0x80 {
        i += 1;
    }
    i
}

/// Applies `m` to `b`. `other` is another seed to splice from. The sizes are chosen to reach
/// the limits that matter (a sentence over the parse cap, nesting deep enough to hurt a
/// recursive walk) while keeping a debug build fast.
pub fn apply(m: Mutation, rng: &mut Lcg, b: &mut Vec<u8>, other: &[u8]) {
    match m {
        Mutation::ByteFlip => {
            for _ in 0..1 + rng.below(8) {
                if !b.is_empty() {
                    let i = rng.below(b.len());
                    b[i] ^= 1 << rng.below(8);
                }
            }
        }
        Mutation::Truncate => {
            let i = rng.below(b.len() + 1);
            b.truncate(i);
        }
        Mutation::Splice => {
            let from = rng.below(other.len());
            let end = (from + 1 + rng.below(400)).min(other.len());
            let i = rng.below(b.len() + 1);
            b.splice(i..i, other[from..end].iter().copied());
        }
        Mutation::RepeatTags => {
            let tags: [&[u8]; 6] = [
                b"<p>",
                b"</div>",
                b"<br>",
                b"<script>",
                b"<figcaption>x</figcaption>",
                b"<!--",
            ];
            let tag = tags[rng.below(tags.len())];
            let n = 100 + rng.below(3000);
            let i = at(rng, b);
            b.splice(i..i, tag.iter().copied().cycle().take(tag.len() * n));
        }
        Mutation::DeepNesting => {
            let depth = 500 + rng.below(5000);
            let (open, close): (&[u8], &[u8]) = match rng.below(3) {
                0 => (b"<div>", b"</div>"),
                1 => (b"<blockquote><p>", b"</p></blockquote>"),
                _ => (b"<span><b><i>", b"</i></b></span>"),
            };
            let mut out = Vec::with_capacity(b.len() + depth * (open.len() + close.len()));
            for _ in 0..depth {
                out.extend_from_slice(open);
            }
            out.extend_from_slice(b);
            for _ in 0..depth {
                out.extend_from_slice(close);
            }
            *b = out;
        }
        Mutation::HugeToken => {
            let len = 10_000 + rng.below(200_000);
            let unit: &[u8] = match rng.below(3) {
                0 => b"a",
                1 => b"http://x.example/",
                _ => "\u{00e9}".as_bytes(),
            };
            let i = at(rng, b);
            b.splice(i..i, unit.iter().copied().cycle().take(len));
        }
        Mutation::NulBytes => {
            for _ in 0..1 + rng.below(5) {
                let i = rng.below(b.len() + 1);
                b.insert(i, 0);
            }
        }
        Mutation::InvalidUtf8 => {
            let bad: [&[u8]; 5] = [b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xc0\xaf", b"\xe2\x82"];
            for _ in 0..1 + rng.below(5) {
                let i = rng.below(b.len() + 1);
                let v = bad[rng.below(bad.len())];
                b.splice(i..i, v.iter().copied());
            }
        }
        Mutation::LongSentence => {
            // Words taken from the seed, no punctuation: one sentence far over the parse cap.
            let words = [
                "Putin", "met", "Xi", "in", "Moscow", "and", "the", "talks", "went",
            ];
            let n = 1_000 + rng.below(4_000);
            let mut s = Vec::new();
            for k in 0..n {
                s.extend_from_slice(words[(k + rng.below(3)) % words.len()].as_bytes());
                s.push(b' ');
            }
            let i = at(rng, b);
            b.splice(i..i, s);
        }
        Mutation::TinySentences => {
            let units: [&[u8]; 3] = [b"Yes. ", b"Putin met Xi. ", b"A. "];
            let unit = units[rng.below(units.len())];
            let n = 500 + rng.below(2_500);
            let i = at(rng, b);
            b.splice(i..i, unit.iter().copied().cycle().take(unit.len() * n));
        }
    }
}
