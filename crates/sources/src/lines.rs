//! Bounded line and block reading: a line longer than the limit is never buffered whole, it is
//! read and thrown away, so a 100 MB line costs time but not memory.

use memchr::memchr;
use std::io::{self, BufRead};

/// How reading a line ended.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Line {
    /// End of input before any byte.
    Eof,
    /// A line (without its `\n`) is in the buffer.
    Complete,
    /// The line is longer than the limit; the buffer holds a prefix and the rest is unread.
    TooLong,
}

/// How discarding ended.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Discard {
    /// Reached the end of the line or block.
    Done,
    /// Input ended first.
    Eof,
    /// `stop` asked to give up (a gzip bomb).
    Stopped,
}

/// Read one line into `buf` (cleared first), storing at most `limit` bytes.
pub(crate) fn read_line<R: BufRead>(
    r: &mut R,
    buf: &mut Vec<u8>,
    limit: usize,
) -> io::Result<Line> {
    buf.clear();
    let mut any = false;
    loop {
        let avail = fill(r)?;
        if avail.is_empty() {
            return Ok(if any { Line::Complete } else { Line::Eof });
        }
        any = true;
        let newline = memchr(b'\n', avail);
        let chunk = &avail[..newline.unwrap_or(avail.len())];
        if buf.len() + chunk.len() > limit {
            return Ok(Line::TooLong);
        }
        reserve_bounded(buf, chunk.len(), limit);
        buf.extend_from_slice(chunk);
        let used = chunk.len() + usize::from(newline.is_some());
        r.consume(used);
        if newline.is_some() {
            return Ok(Line::Complete);
        }
    }
}

/// Consume through the next `\n` without storing anything. `stop` is asked after every buffer
/// so a decompression bomb is abandoned instead of being inflated to the end.
pub(crate) fn discard_line<R: BufRead>(
    r: &mut R,
    mut stop: impl FnMut() -> bool,
) -> io::Result<Discard> {
    loop {
        let avail = fill(r)?;
        if avail.is_empty() {
            return Ok(Discard::Eof);
        }
        if let Some(i) = memchr(b'\n', avail) {
            r.consume(i + 1);
            return Ok(Discard::Done);
        }
        let n = avail.len();
        r.consume(n);
        if stop() {
            return Ok(Discard::Stopped);
        }
    }
}

/// Consume exactly `n` bytes (or up to end of input) without storing them.
pub(crate) fn discard_exact<R: BufRead>(
    r: &mut R,
    mut n: u64,
    mut stop: impl FnMut() -> bool,
) -> io::Result<Discard> {
    while n > 0 {
        let avail = fill(r)?;
        if avail.is_empty() {
            return Ok(Discard::Eof);
        }
        let take = avail.len().min(usize::try_from(n).unwrap_or(usize::MAX));
        r.consume(take);
        n -= take as u64;
        if n > 0 && stop() {
            return Ok(Discard::Stopped);
        }
    }
    Ok(Discard::Done)
}

/// Read exactly `n` bytes into `buf` (cleared first). Returns how many were read: fewer than
/// `n` only when the input ended. The caller has checked `n` against the record limit.
pub(crate) fn read_exact_into<R: BufRead>(
    r: &mut R,
    buf: &mut Vec<u8>,
    n: usize,
) -> io::Result<usize> {
    buf.clear();
    buf.reserve_exact(n);
    while buf.len() < n {
        let avail = fill(r)?;
        if avail.is_empty() {
            break;
        }
        let take = avail.len().min(n - buf.len());
        buf.extend_from_slice(&avail[..take]);
        r.consume(take);
    }
    Ok(buf.len())
}

/// Read to the end, storing at most `limit` bytes. Returns `true` if there was more (the
/// excess is left unread: single-document inputs have nothing after it worth reading).
pub(crate) fn read_to_end_bounded<R: BufRead>(
    r: &mut R,
    buf: &mut Vec<u8>,
    limit: usize,
) -> io::Result<bool> {
    buf.clear();
    loop {
        let avail = fill(r)?;
        if avail.is_empty() {
            return Ok(false);
        }
        if buf.len() + avail.len() > limit {
            return Ok(true);
        }
        let n = avail.len();
        reserve_bounded(buf, n, limit);
        buf.extend_from_slice(avail);
        r.consume(n);
    }
}

/// `fill_buf`, retried when a signal interrupts it (`Interrupted` is not a read error). The
/// end of input is answered without a second read (a terminal's end of input is not sticky).
fn fill<R: BufRead>(r: &mut R) -> io::Result<&[u8]> {
    loop {
        match r.fill_buf() {
            Ok([]) => return Ok(&[]),
            Ok(_) => break,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    // Bytes are buffered now, so this call hands them back without reading. (Returning the
    // first call's slice from inside the loop is rejected by today's borrow checker.)
    r.fill_buf()
}

/// Grow `buf` for `extra` more bytes without letting amortised doubling overshoot `limit`, so
/// peak memory for one record stays near the limit rather than twice it.
fn reserve_bounded(buf: &mut Vec<u8>, extra: usize, limit: usize) {
    let need = buf.len() + extra;
    if need > buf.capacity() {
        let target = buf
            .capacity()
            .saturating_mul(2)
            .max(need)
            .max(4096)
            .min(limit.max(need));
        buf.reserve_exact(target - buf.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{BufReader, Cursor};

    #[test]
    fn read_line_splits_and_reports_eof() {
        let mut r = BufReader::with_capacity(3, Cursor::new(b"ab\ncdef\n\ng".to_vec()));
        let mut buf = Vec::new();
        let mut got = Vec::new();
        while read_line(&mut r, &mut buf, 100).unwrap() == Line::Complete {
            got.push(String::from_utf8(buf.clone()).unwrap());
        }
        assert_eq!(got, ["ab", "cdef", "", "g"]);
    }

    #[test]
    fn read_line_too_long_then_discard_resumes_at_next_line() {
        let mut r = BufReader::with_capacity(4, Cursor::new(b"0123456789\nok\n".to_vec()));
        let mut buf = Vec::new();
        assert_eq!(read_line(&mut r, &mut buf, 5).unwrap(), Line::TooLong);
        assert!(buf.len() <= 5);
        assert_eq!(discard_line(&mut r, || false).unwrap(), Discard::Done);
        assert_eq!(read_line(&mut r, &mut buf, 5).unwrap(), Line::Complete);
        assert_eq!(buf, b"ok");
    }

    #[test]
    fn discard_stops_when_asked() {
        let mut r = BufReader::with_capacity(4, Cursor::new(vec![b'x'; 100]));
        assert_eq!(discard_line(&mut r, || true).unwrap(), Discard::Stopped);
        let mut r = BufReader::with_capacity(4, Cursor::new(vec![b'x'; 10]));
        assert_eq!(discard_exact(&mut r, 20, || false).unwrap(), Discard::Eof);
    }

    /// Answers `Interrupted` on every other read (the first included), else reads the cursor.
    struct Flaky {
        inner: Cursor<Vec<u8>>,
        interrupt: bool,
    }

    impl io::Read for Flaky {
        fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
            self.interrupt = !self.interrupt;
            if self.interrupt {
                return Err(io::ErrorKind::Interrupted.into());
            }
            self.inner.read(out)
        }
    }

    #[test]
    fn reads_retry_after_an_interrupted_call() {
        let flaky = Flaky {
            inner: Cursor::new(b"ab\ncd".to_vec()),
            interrupt: false,
        };
        let mut r = BufReader::with_capacity(2, flaky);
        let mut buf = Vec::new();
        assert_eq!(read_line(&mut r, &mut buf, 100).unwrap(), Line::Complete);
        assert_eq!(buf, b"ab");
        assert!(!read_to_end_bounded(&mut r, &mut buf, 100).unwrap());
        assert_eq!(buf, b"cd");
        assert_eq!(read_line(&mut r, &mut buf, 100).unwrap(), Line::Eof);
    }

    #[test]
    fn bounded_growth_never_exceeds_limit_capacity() {
        let mut r = BufReader::with_capacity(1000, Cursor::new(vec![b'x'; 10_000]));
        let mut buf = Vec::new();
        assert!(read_to_end_bounded(&mut r, &mut buf, 9_500).unwrap());
        assert!(buf.capacity() <= 9_500, "capacity {}", buf.capacity());
    }
}
