//! One input as a stream of decompressed bytes: gzip recognised by its magic bytes (not by
//! name), every byte counted on both sides of the decompressor, and read errors classified
//! into the skip reason a user can act on.

use crate::Limits;
use flate2::bufread::MultiGzDecoder;
use sitrep_doc::{Skip, SkipReason};
use std::io::{self, BufRead, BufReader, Cursor, Read};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;

/// Bytes sniffed from the (decompressed) start of an input to detect its format.
pub(crate) const HEAD_BYTES: usize = 8 << 10;

/// Buffer size for file and decompressor reads: large enough that syscalls are rare, small
/// enough that the read-ahead does not blur the compression ratio much.
const BUF_BYTES: usize = 64 << 10;

/// Below this many decompressed bytes an input is never called a gzip bomb: tiny files of
/// repeated text can have extreme ratios without costing anything.
const BOMB_FLOOR: u64 = 8 << 20;

/// Per-input counts, shared between the reader layers (atomics so `Records` stays `Send`;
/// only one thread ever touches them, so `Relaxed` is enough).
#[derive(Debug, Default)]
pub(crate) struct Counters {
    /// Compressed bytes the gzip decoder consumed (0 for plain inputs).
    pub compressed: AtomicU64,
    /// Bytes delivered after decompression (or read, for plain inputs).
    pub out: AtomicU64,
    /// The underlying file or pipe failed (as opposed to the gzip data being bad).
    pub raw_failed: AtomicBool,
}

impl Counters {
    pub(crate) fn out(&self) -> u64 {
        self.out.load(Ordering::Relaxed)
    }
}

/// Marks OS-level read failures so they are not mistaken for corrupt gzip data.
struct RawRead<R> {
    inner: R,
    counters: Arc<Counters>,
}

impl<R: Read> Read for RawRead<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.inner.read(buf).inspect_err(|e| {
            if e.kind() != io::ErrorKind::Interrupted {
                self.counters.raw_failed.store(true, Ordering::Relaxed);
            }
        })
    }
}

/// Counts the compressed bytes the decoder actually consumed (not what was read ahead), so the
/// decompression ratio used for bomb detection is exact.
struct ConsumedCount<B> {
    inner: B,
    counters: Arc<Counters>,
}

impl<B: BufRead> Read for ConsumedCount<B> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.counters
            .compressed
            .fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

impl<B: BufRead> BufRead for ConsumedCount<B> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }
    fn consume(&mut self, amt: usize) {
        self.counters
            .compressed
            .fetch_add(amt as u64, Ordering::Relaxed);
        self.inner.consume(amt);
    }
}

/// Counts decompressed bytes for progress and the ratio.
struct OutCount<R> {
    inner: R,
    counters: Arc<Counters>,
}

impl<R: Read> Read for OutCount<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.counters.out.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// An opened input: decompressed bytes behind a buffer, plus what is needed to name problems.
pub(crate) struct Stream {
    /// The input's name as shown to users (`-` for stdin).
    pub name: String,
    /// Decompressed bytes, starting at the beginning of the input (the sniffed head included).
    pub reader: BufReader<Box<dyn Read + Send>>,
    /// Byte counts for this input.
    pub counters: Arc<Counters>,
    /// Whether the input is gzip-compressed.
    pub gzip: bool,
    /// The run's limits.
    pub limits: Limits,
}

impl Stream {
    /// Open `raw`, decompressing it when it starts with the gzip magic. Returns the stream and
    /// a copy of its first [`HEAD_BYTES`] decompressed bytes (fewer if the input is shorter).
    pub(crate) fn open(
        name: String,
        raw: Box<dyn Read + Send>,
        limits: &Limits,
    ) -> Result<(Stream, Vec<u8>), Skip> {
        let counters = Arc::new(Counters::default());
        let mut raw = RawRead {
            inner: raw,
            counters: Arc::clone(&counters),
        };
        let magic = read_head(&mut raw, 2).map_err(|e| unreadable(&name, &e))?;
        let gzip = magic == [0x1f, 0x8b];
        let chained = Cursor::new(magic).chain(raw);
        let decompressed: Box<dyn Read + Send> = if gzip {
            let consumed = ConsumedCount {
                inner: BufReader::with_capacity(BUF_BYTES, chained),
                counters: Arc::clone(&counters),
            };
            Box::new(MultiGzDecoder::new(consumed))
        } else {
            Box::new(chained)
        };
        let mut out = OutCount {
            inner: decompressed,
            counters: Arc::clone(&counters),
        };
        let mut stream = Stream {
            name,
            // Replaced below once the head is read; the stream is needed earlier to name errors.
            reader: BufReader::with_capacity(0, Box::new(io::empty())),
            counters,
            gzip,
            limits: limits.clone(),
        };
        let mut head = Vec::with_capacity(HEAD_BYTES);
        let rest: Box<dyn Read + Send> =
            match (&mut out).take(HEAD_BYTES as u64).read_to_end(&mut head) {
                Ok(_) => Box::new(Cursor::new(head.clone()).chain(out)),
                Err(e) if head.is_empty() => return Err(stream.io_skip(&e, None)),
                // Damage inside the head (a short file cut off): the bytes before it may still
                // hold whole records, so deliver them and report the error where it happened.
                Err(e) => Box::new(Cursor::new(head.clone()).chain(FailOnce(Some(e)))),
            };
        stream.reader = BufReader::with_capacity(BUF_BYTES, rest);
        Ok((stream, head))
    }

    /// Is the decompression ratio so extreme (after a floor) that this input is a gzip bomb?
    pub(crate) fn is_bomb(&self) -> bool {
        self.probe().is_bomb()
    }

    /// The bomb test, detached so it can run while the reader is borrowed.
    pub(crate) fn probe(&self) -> BombProbe {
        BombProbe {
            gzip: self.gzip,
            counters: Arc::clone(&self.counters),
            max_record_bytes: self.limits.max_record_bytes,
            max_ratio: self.limits.max_gzip_ratio,
        }
    }

    /// A skip for a gzip bomb, stating the ratio so users can judge it.
    pub(crate) fn bomb_skip(&self, record: Option<u64>) -> Skip {
        let out = self.counters.out();
        let compressed = self.counters.compressed.load(Ordering::Relaxed).max(1);
        self.skip(
            record,
            SkipReason::GzipBomb,
            format!(
                "{out} bytes decompressed from {compressed} (ratio {} > {}); rest of input abandoned",
                out / compressed,
                self.limits.max_gzip_ratio
            ),
        )
    }

    /// A record over the size limit: a gzip bomb when the ratio says so, else `too_large`.
    pub(crate) fn oversize_skip(&self, record: Option<u64>, what: &str) -> Skip {
        if self.is_bomb() {
            return self.bomb_skip(record);
        }
        self.skip(
            record,
            SkipReason::TooLarge,
            format!(
                "{what} exceeds the limit of {} bytes",
                self.limits.max_record_bytes
            ),
        )
    }

    /// The skip for a read error: `truncated_gzip` when the gzip data is at fault,
    /// `unreadable` when the file or pipe itself failed.
    pub(crate) fn io_skip(&self, e: &io::Error, record: Option<u64>) -> Skip {
        if self.gzip && !self.counters.raw_failed.load(Ordering::Relaxed) {
            self.skip(
                record,
                SkipReason::TruncatedGzip,
                format!(
                    "gzip data ends early or is corrupt after {} decompressed bytes ({e}); rest of input lost",
                    self.counters.out()
                ),
            )
        } else {
            self.skip(record, SkipReason::Unreadable, format!("read error: {e}"))
        }
    }

    pub(crate) fn skip(&self, record: Option<u64>, reason: SkipReason, detail: String) -> Skip {
        Skip {
            input: self.name.clone(),
            record,
            reason,
            detail,
        }
    }
}

/// The bomb test without borrowing the stream (its reader is borrowed while discarding).
pub(crate) struct BombProbe {
    gzip: bool,
    counters: Arc<Counters>,
    max_record_bytes: usize,
    max_ratio: u64,
}

impl BombProbe {
    pub(crate) fn is_bomb(&self) -> bool {
        if !self.gzip {
            return false;
        }
        let out = self.counters.out();
        let floor = BOMB_FLOOR.min(self.max_record_bytes as u64);
        let compressed = self.counters.compressed.load(Ordering::Relaxed).max(1);
        out >= floor && out / compressed > self.max_ratio
    }
}

/// A reader that replays one read error, then reports end of input.
struct FailOnce(Option<io::Error>);

impl Read for FailOnce {
    fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
        match self.0.take() {
            Some(e) => Err(e),
            None => Ok(0),
        }
    }
}

/// The skip for an input that cannot even be opened or read at its start.
pub(crate) fn unreadable(name: &str, e: &io::Error) -> Skip {
    Skip {
        input: name.to_string(),
        record: None,
        reason: SkipReason::Unreadable,
        detail: e.to_string(),
    }
}

/// Read up to `n` bytes, looping over short reads (pipes deliver what they have).
fn read_head(r: &mut impl Read, n: usize) -> io::Result<Vec<u8>> {
    let mut head = Vec::with_capacity(n);
    r.take(n as u64).read_to_end(&mut head)?;
    Ok(head)
}
