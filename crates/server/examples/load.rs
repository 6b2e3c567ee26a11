//! Open-loop load on `/api/series` over a synthetic store: requests are sent on a fixed
//! schedule (default 100 per second for 30 s) whatever the server's pace, and each latency is
//! measured from the request's scheduled start, so a slow server cannot hide queueing
//! (no coordinated omission). The run is bounded in count and time, talks to loopback only,
//! and stops by itself.
//!
//! cargo run --release -p sitrep-server --example load -- [--db /tmp/sitrep-big.db]
//!     [--events 10000000] [--rate 100] [--seconds 30] [--workers 16]
//!
//! A missing store is built first through the normal write path (`build_synthetic`, the same
//! generator as the store's `dyad_bench`), which takes a long time for 10 M events; an
//! existing file is reused.

use sitrep_store::{build_synthetic, Store, SYNTHETIC_COUNTRIES};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::mpsc;
use std::time::{Duration, Instant};

struct Opts {
    db: std::path::PathBuf,
    events: u64,
    rate: u64,
    seconds: u64,
    workers: usize,
}

fn opts() -> Opts {
    let mut o = Opts {
        db: "/tmp/sitrep-big.db".into(),
        events: 10_000_000,
        rate: 100,
        seconds: 30,
        workers: 16,
    };
    let args: Vec<String> = std::env::args().skip(1).collect();
    for pair in args.chunks(2) {
        let v = pair.get(1).map(String::as_str).unwrap_or("");
        let num = || {
            v.parse::<u64>()
                .unwrap_or_else(|_| panic!("{}: expected a number", pair[0]))
        };
        match pair[0].as_str() {
            "--db" => o.db = v.into(),
            "--events" => o.events = num(),
            "--rate" => o.rate = num().clamp(1, 10_000),
            "--seconds" => o.seconds = num().clamp(1, 3_600),
            "--workers" => o.workers = (num() as usize).clamp(1, 256),
            other => panic!("unknown option {other}"),
        }
    }
    o
}

/// One GET on a kept-alive connection: (status, body length).
fn get(
    conn: &mut BufReader<TcpStream>,
    addr: SocketAddr,
    path: &str,
) -> std::io::Result<(u16, usize)> {
    write!(
        conn.get_mut(),
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\n\r\n"
    )?;
    let mut line = String::new();
    conn.read_line(&mut line)?;
    let status: u16 = line.get(9..12).and_then(|s| s.parse().ok()).unwrap_or(0);
    let mut len = 0usize;
    loop {
        line.clear();
        if conn.read_line(&mut line)? == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        let l = line.trim_end();
        if l.is_empty() {
            break;
        }
        if let Some((k, v)) = l.split_once(':') {
            if k.eq_ignore_ascii_case("content-length") {
                len = v.trim().parse().unwrap_or(0);
            }
        }
    }
    let mut body = vec![0u8; len];
    conn.read_exact(&mut body)?;
    Ok((status, len))
}

fn connect(addr: SocketAddr) -> BufReader<TcpStream> {
    let s = TcpStream::connect(addr).expect("connect to the server");
    s.set_nodelay(true).ok();
    s.set_read_timeout(Some(Duration::from_secs(30))).ok();
    BufReader::new(s)
}

/// The request mix: a dyad drawn from the 20 most frequent countries, a date range of one
/// month to ten years inside the store's span, and an interval.
fn paths(n: u64) -> Vec<String> {
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    let mut rnd = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    (0..n)
        .map(|_| {
            let s = SYNTHETIC_COUNTRIES[(rnd() % 20) as usize];
            let t = SYNTHETIC_COUNTRIES[(rnd() % 20) as usize];
            let y0 = 2015 + rnd() % 10;
            let y1 = (y0 + rnd() % 4).min(2024);
            let (m0, m1) = (1 + rnd() % 12, 1 + rnd() % 12);
            let (m0, m1) = if y0 == y1 { (m0.min(m1), m0.max(m1)) } else { (m0, m1) };
            let interval = ["day", "week", "month"][(rnd() % 3) as usize];
            format!("/api/series?source={s}&target={t}&from={y0}-{m0:02}&to={y1}-{m1:02}&interval={interval}")
        })
        .collect()
}

fn main() {
    let o = opts();
    if !o.db.exists() {
        let mut store = Store::open(&o.db).expect("create store");
        store.set_cache_mib(512).expect("cache size");
        let t = Instant::now();
        build_synthetic(&mut store, o.events, |done| {
            if done % 1_000_000 == 0 {
                eprintln!("{done} events written ({:.0}s)", t.elapsed().as_secs_f64());
            }
        })
        .expect("build the synthetic store");
        eprintln!("built in {:.0}s", t.elapsed().as_secs_f64());
    }
    let (events, _) = Store::open_read_only(&o.db)
        .expect("open")
        .counts()
        .expect("count");
    let cfg = sitrep_server::Config::new(o.db.clone());
    let server = sitrep_server::start("127.0.0.1:0", &cfg).expect("start server");
    let addr = server.addr();
    let total = o.rate * o.seconds;
    let work = paths(total);
    println!(
        "store {} ({events} events); {} req/s for {} s = {total} requests of /api/series, {} client connections",
        o.db.display(),
        o.rate,
        o.seconds,
        o.workers
    );
    // Warm-up, not measured: the first reads bring the rollup's upper pages into cache.
    let mut warm = connect(addr);
    for p in paths(50) {
        get(&mut warm, addr, &p).expect("warm-up request");
    }

    let (tx, rx) = mpsc::channel::<(Instant, usize)>();
    let rx = std::sync::Arc::new(std::sync::Mutex::new(rx));
    let work = std::sync::Arc::new(work);
    let (done_tx, done_rx) = mpsc::channel::<(Duration, u16, usize)>();
    let workers: Vec<_> = (0..o.workers)
        .map(|_| {
            let (rx, work, done_tx) = (rx.clone(), work.clone(), done_tx.clone());
            std::thread::spawn(move || {
                let mut conn = connect(addr);
                loop {
                    let job = rx.lock().ok().and_then(|r| r.recv().ok());
                    let Some((scheduled, i)) = job else { break };
                    let (status, len) = match get(&mut conn, addr, &work[i]) {
                        Ok(r) => r,
                        Err(_) => {
                            conn = connect(addr);
                            (0, 0)
                        }
                    };
                    let _ = done_tx.send((scheduled.elapsed(), status, len));
                }
            })
        })
        .collect();
    drop(done_tx);
    let start = Instant::now() + Duration::from_millis(10);
    let gap = Duration::from_secs(1) / o.rate as u32;
    for i in 0..total as usize {
        let at = start + gap * i as u32;
        if let Some(wait) = at.checked_duration_since(Instant::now()) {
            std::thread::sleep(wait);
        }
        tx.send((at, i)).expect("workers alive");
    }
    drop(tx);
    for w in workers {
        let _ = w.join();
    }
    let wall = start.elapsed().as_secs_f64();
    let mut lat: Vec<Duration> = Vec::with_capacity(total as usize);
    let (mut errors, mut bytes) = (0u64, 0usize);
    for (d, status, len) in done_rx.iter() {
        lat.push(d);
        bytes += len;
        if status != 200 {
            errors += 1;
        }
    }
    server.stop();
    lat.sort();
    let pct = |p: f64| -> f64 {
        let i = ((lat.len() as f64 * p).ceil() as usize).clamp(1, lat.len()) - 1;
        lat[i].as_secs_f64() * 1000.0
    };
    let p99 = pct(0.99);
    println!(
        "{} requests in {wall:.1}s ({:.1} req/s), {errors} errors, {:.1} KiB/response on average",
        lat.len(),
        lat.len() as f64 / wall,
        bytes as f64 / lat.len().max(1) as f64 / 1024.0
    );
    println!(
        "latency ms: p50 {:.2}  p90 {:.2}  p99 {:.2}  max {:.2}",
        pct(0.5),
        pct(0.9),
        p99,
        pct(1.0)
    );
    println!(
        "target p99 < 50 ms: {}",
        if p99 < 50.0 && errors == 0 {
            "met"
        } else {
            "NOT met"
        }
    );
}
