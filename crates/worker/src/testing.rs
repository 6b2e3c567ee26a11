//! Test support (feature `test-util`): a throwaway `nats-server` with JetStream.

use std::io::Read;
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A `nats-server -js` on a free loopback port with its store in a temporary folder; killed
/// when dropped.
#[derive(Debug)]
pub struct NatsServer {
    child: Child,
    port: u16,
    _store: tempfile::TempDir,
}

impl NatsServer {
    /// Starts a server, or returns None when `nats-server` is not installed (after printing a
    /// skip message). Under `SITREP_REQUIRE_NATS=1` a missing server is a test failure.
    pub fn start() -> Option<NatsServer> {
        let bin = std::env::var_os("SITREP_NATS_SERVER")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from("nats-server"));
        let found = Command::new(&bin)
            .arg("--version")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !found {
            assert!(
                std::env::var("SITREP_REQUIRE_NATS").as_deref() != Ok("1"),
                "nats-server is required (SITREP_REQUIRE_NATS=1) but was not found"
            );
            eprintln!("skipped: nats-server not found (apt-get install nats-server)");
            return None;
        }
        let store = tempfile::tempdir().expect("temporary folder");
        // Another process may take the port between this probe and the server's bind; then
        // the server exits and we try another port. That process may be another test's
        // server, which answers on the port while ours is exiting: the server is ours only if
        // its greeting carries our name.
        for attempt in 0..5 {
            let port = TcpListener::bind("127.0.0.1:0")
                .and_then(|l| l.local_addr())
                .expect("a free port")
                .port();
            let name = format!("sitrep-test-{}-{port}-{attempt}", std::process::id());
            let mut child = Command::new(&bin)
                .args([
                    "-js",
                    "-a",
                    "127.0.0.1",
                    "-p",
                    &port.to_string(),
                    "-n",
                    &name,
                ])
                .arg("-sd")
                .arg(store.path())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("starting nats-server");
            let deadline = Instant::now() + Duration::from_secs(20);
            while Instant::now() < deadline {
                if let Ok(Some(_)) = child.try_wait() {
                    break;
                }
                if greets_as(port, &name) {
                    return Some(NatsServer {
                        child,
                        port,
                        _store: store,
                    });
                }
                std::thread::sleep(Duration::from_millis(50));
            }
            let _ = child.kill();
            let _ = child.wait();
        }
        panic!("nats-server did not start");
    }

    /// `nats://127.0.0.1:PORT`
    pub fn url(&self) -> String {
        format!("nats://127.0.0.1:{}", self.port)
    }
}

/// Whether the server on `port` sends an INFO greeting with `"server_name":"NAME"`.
fn greets_as(port: u16, name: &str) -> bool {
    let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
    let mut greeting = Vec::new();
    let mut buf = [0u8; 1024];
    while !greeting.contains(&b'\n') && greeting.len() < 16 * 1024 {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => greeting.extend_from_slice(&buf[..n]),
        }
    }
    let wanted = format!("\"server_name\":\"{name}\"");
    String::from_utf8_lossy(&greeting).contains(&wanted)
}

impl Drop for NatsServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
