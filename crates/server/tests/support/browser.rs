//! Headless Chromium for the dashboard test: finds `chromium` and `chromedriver`, starts the
//! driver on a free loopback port, opens a WebDriver session with fantoccini, and kills the
//! driver and every browser process it started when dropped, also when the test fails.

use fantoccini::{Client, ClientBuilder};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{json, Value};
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The two programs the test needs, or `None` (with a printed reason) when one is missing
/// and `SITREP_REQUIRE_CHROMIUM` is not `1`; with it set, a missing program fails the test.
pub fn programs() -> Option<(PathBuf, PathBuf)> {
    let chromium = program("SITREP_CHROMIUM", &["chromium", "chromium-browser"]);
    let driver = program("SITREP_CHROMEDRIVER", &["chromedriver"]);
    match (chromium, driver) {
        (Some(c), Some(d)) => Some((c, d)),
        (c, d) => {
            let missing = [("chromium", c.is_none()), ("chromedriver", d.is_none())]
                .iter()
                .filter(|(_, m)| *m)
                .map(|(n, _)| *n)
                .collect::<Vec<_>>()
                .join(" and ");
            assert!(
                std::env::var("SITREP_REQUIRE_CHROMIUM").as_deref() != Ok("1"),
                "SITREP_REQUIRE_CHROMIUM=1 but {missing} not found (apt-get install chromium chromium-driver)"
            );
            eprintln!("dashboard test skipped: {missing} not found (set SITREP_REQUIRE_CHROMIUM=1 to fail instead)");
            None
        }
    }
}

/// `env` when set, else the first of `names` found on PATH.
fn program(env: &str, names: &[&str]) -> Option<PathBuf> {
    if let Some(p) = std::env::var_os(env) {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    names.iter().find_map(|n| {
        std::env::split_paths(&path)
            .map(|d| d.join(n))
            .find(|p| p.is_file())
    })
}

/// A loopback port nobody listens on right now (the OS picks it; the small window before
/// the driver binds it is acceptable in a test).
pub fn free_port() -> u16 {
    let l = TcpListener::bind("127.0.0.1:0").expect("binding an ephemeral loopback port");
    l.local_addr().expect("bound socket has an address").port()
}

/// One HTTP/1.1 GET on loopback with a deadline: status and body (chunked bodies decoded).
/// Used for the driver's `/status` and to read the API the dashboard is checked against.
/// The body is read by its length (servers may keep the connection open regardless of
/// `Connection: close`), up to 64 MiB.
pub fn http_get(addr: SocketAddr, path: &str) -> std::io::Result<(u16, String)> {
    let bad = |why: &str| std::io::Error::new(std::io::ErrorKind::InvalidData, why.to_string());
    let mut s = TcpStream::connect_timeout(&addr, Duration::from_secs(2))?;
    s.set_read_timeout(Some(Duration::from_secs(20)))?;
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nAccept: application/json\r\nConnection: close\r\n\r\n"
    )?;
    let mut raw = Vec::new();
    let mut buf = [0u8; 16 << 10];
    let mut head: Option<(usize, String)> = None;
    loop {
        if head.is_none() {
            if let Some(i) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
                head = Some((
                    i + 4,
                    String::from_utf8_lossy(&raw[..i]).to_ascii_lowercase(),
                ));
            }
        }
        if let Some((at, h)) = &head {
            let body = &raw[*at..];
            let length = h.lines().find_map(|l| {
                l.strip_prefix("content-length:")
                    .and_then(|v| v.trim().parse::<usize>().ok())
            });
            let done = match length {
                Some(n) => body.len() >= n,
                None if h.contains("transfer-encoding: chunked") => body.ends_with(b"0\r\n\r\n"),
                None => false,
            };
            if done {
                break;
            }
        }
        let n = s.read(&mut buf)?;
        if n == 0 {
            break;
        }
        raw.extend_from_slice(&buf[..n]);
        if raw.len() > 64 << 20 {
            return Err(bad("answer over 64 MiB"));
        }
    }
    let (at, h) = head.ok_or_else(|| bad("no end of headers"))?;
    let status = h
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .ok_or_else(|| bad("no status code"))?;
    let mut body = raw[at..].to_vec();
    if h.contains("transfer-encoding: chunked") {
        body = dechunk(&body).ok_or_else(|| bad("bad chunked body"))?;
    }
    Ok((status, String::from_utf8_lossy(&body).into_owned()))
}

fn dechunk(mut b: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let eol = b.windows(2).position(|w| w == b"\r\n")?;
        let size_text = std::str::from_utf8(&b[..eol]).ok()?;
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        b = &b[eol + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(b.get(..size)?);
        b = b.get(size + 2..)?;
    }
}

/// A running chromedriver and the browser profile folder its Chromium uses. Dropping it kills
/// the driver and every process whose command line names that (unique) profile folder, so no
/// browser outlives the test even when an assertion fails half-way.
pub struct Driver {
    child: Child,
    pub port: u16,
    profile: PathBuf,
}

impl Driver {
    /// Starts `chromedriver` on a free port (log in `log`) and waits until `/status` says ready.
    pub fn start(driver: &Path, profile: &Path, log: &Path) -> Driver {
        let port = free_port();
        let out = std::fs::File::create(log).expect("creating the chromedriver log");
        let err = out.try_clone().expect("cloning the log handle");
        let child = Command::new(driver)
            .arg(format!("--port={port}"))
            .arg("--allowed-ips=127.0.0.1")
            .arg(format!("--log-path={}", log.display()))
            .stdin(Stdio::null())
            .stdout(out)
            .stderr(err)
            .spawn()
            .expect("starting chromedriver");
        let mut d = Driver {
            child,
            port,
            profile: profile.to_path_buf(),
        };
        let addr = SocketAddr::from(([127, 0, 0, 1], port));
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Ok((200, body)) = http_get(addr, "/status") {
                let v: Value = serde_json::from_str(&body).unwrap_or(Value::Null);
                if v["value"]["ready"] == json!(true) {
                    return d;
                }
            }
            if let Ok(Some(st)) = d.child.try_wait() {
                panic!("chromedriver exited early ({st}); see {}", log.display());
            }
            assert!(
                Instant::now() < deadline,
                "chromedriver not ready within 30 s; see {}",
                log.display()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// A WebDriver session on headless Chromium at 1280x800 with a fresh profile, no
    /// background traffic and no sandbox (the tests run as root).
    pub async fn session(&self, chromium: &Path) -> Client {
        let args = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            "--window-size=1280,800",
            &format!("--user-data-dir={}", self.profile.display()),
        ];
        let caps = json!({
            "browserName": "chrome",
            "goog:chromeOptions": { "binary": chromium.display().to_string(), "args": args },
        });
        let Value::Object(caps) = caps else {
            unreachable!("a JSON object literal")
        };
        let mut b = ClientBuilder::new(HttpConnector::new());
        b.capabilities(caps);
        let c = b
            .connect(&format!("http://127.0.0.1:{}", self.port))
            .await
            .expect("opening a WebDriver session on chromium");
        // The window size includes the browser's own frame; grow it by that much so the
        // page itself gets 1280x800, the size the dashboard is laid out for.
        let frame = c
            .execute(
                "return [window.outerWidth - window.innerWidth, window.outerHeight - window.innerHeight];",
                vec![],
            )
            .await
            .expect("reading the window frame");
        let extra = |i: usize| frame[i].as_u64().unwrap_or(0).min(400) as u32;
        c.set_window_size(1280 + extra(0), 800 + extra(1))
            .await
            .expect("sizing the window");
        c
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        // Chromium's processes are the driver's children and survive its death; they are
        // the ones whose command line names this test's own profile folder. Killed until
        // none is left (a dying parent can fork one more), for at most 3 s.
        let needle = format!("--user-data-dir={}", self.profile.display());
        for _ in 0..30 {
            let pids = processes_with_arg(&needle);
            if pids.is_empty() {
                return;
            }
            for pid in pids {
                let _ = Command::new("kill")
                    .args(["-KILL", &pid])
                    .stderr(Stdio::null())
                    .status();
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

/// Ids of the live processes that have `arg` among their command-line arguments.
fn processes_with_arg(arg: &str) -> Vec<String> {
    let Ok(procs) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for p in procs.flatten() {
        let Some(pid) = p
            .file_name()
            .to_str()
            .filter(|n| n.bytes().all(|c| c.is_ascii_digit()))
            .map(String::from)
        else {
            continue;
        };
        let Ok(cmd) = std::fs::read(p.path().join("cmdline")) else {
            continue;
        };
        // A zombie has an empty command line and is already dead.
        if cmd.split(|&b| b == 0).any(|a| a == arg.as_bytes()) {
            out.push(pid);
        }
    }
    out
}

/// Polls `script` (a JS function body returning a boolean) until it returns true or
/// `within` passes; on timeout fails with `what` and the page's status line.
pub async fn wait_until(c: &Client, script: &str, within: Duration, what: &str) {
    let deadline = Instant::now() + within;
    loop {
        let ok = c
            .execute(script, vec![])
            .await
            .unwrap_or_else(|e| panic!("waiting for {what}: {e}"));
        if ok == json!(true) {
            return;
        }
        if Instant::now() >= deadline {
            let status = c
                .execute(
                    "return document.getElementById('status').textContent",
                    vec![],
                )
                .await
                .unwrap_or(Value::Null);
            panic!("timed out after {within:?} waiting for {what}; page status: {status}");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Where screenshots go: `<target>/test-artifacts/dashboard/`, with `<target>` from
/// `CARGO_TARGET_DIR` (relative to the workspace root) or the workspace's `target/`.
pub fn artifacts_dir() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let target = match std::env::var_os("CARGO_TARGET_DIR") {
        Some(t) if Path::new(&t).is_absolute() => PathBuf::from(t),
        Some(t) => root.join(t),
        None => root.join("target"),
    };
    let dir = target.join("test-artifacts").join("dashboard");
    std::fs::create_dir_all(&dir).expect("creating the screenshot folder");
    dir
}

/// Saves a PNG screenshot of the page as `<artifacts>/<name>.png` and returns its path.
pub async fn screenshot(c: &Client, name: &str) -> PathBuf {
    let png = c.screenshot().await.expect("taking a screenshot");
    assert!(
        png.starts_with(b"\x89PNG"),
        "{name}: screenshot is not a PNG"
    );
    let path = artifacts_dir().join(format!("{name}.png"));
    std::fs::write(&path, png).expect("writing the screenshot");
    eprintln!("screenshot: {}", path.display());
    path
}
