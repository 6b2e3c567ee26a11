//! End-to-end API tests: a real server on an ephemeral loopback port, a store filled through
//! the server's own ingest endpoint (the seed article, published 2023-09-05, when ../shared is
//! there, plus the repo's examples), and answers compared with what the store itself says.

use serde_json::Value;
use sitrep_server::{Config, Server};
use sitrep_store::{Filter, Store};
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Duration;

const TOKEN: &str = "test-token-8c1f";

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `../shared` (`sitrep_doc::shared_data`); None (printed) when absent, a failure under
/// `SITREP_REQUIRE_SHARED=1`.
fn shared() -> Option<PathBuf> {
    sitrep_doc::shared_data::for_test("")
}

/// One HTTP/1.1 exchange over a fresh connection: (status, lower-cased head, body).
fn http(
    addr: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> (u16, String, Vec<u8>) {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(300))).unwrap();
    let mut req = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (k, v) in headers {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    req.push_str("\r\n");
    s.write_all(req.as_bytes()).unwrap();
    // The server may answer (413) before reading the whole body and close: a failed write
    // of the rest is expected then.
    let _ = s.write_all(body);
    let mut raw = Vec::new();
    let _ = s.read_to_end(&mut raw);
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a response head");
    let head = String::from_utf8_lossy(&raw[..split]).to_lowercase();
    let mut body = raw[split + 4..].to_vec();
    if head.contains("transfer-encoding: chunked") {
        body = dechunk(&body);
    }
    let status = head[9..12].parse().unwrap();
    (status, head, body)
}

fn dechunk(mut b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let line_end = b.windows(2).position(|w| w == b"\r\n").unwrap();
        let n =
            usize::from_str_radix(std::str::from_utf8(&b[..line_end]).unwrap().trim(), 16).unwrap();
        if n == 0 {
            return out;
        }
        out.extend_from_slice(&b[line_end + 2..line_end + 2 + n]);
        b = &b[line_end + 4 + n..];
    }
}

fn get(addr: SocketAddr, path: &str) -> (u16, Value) {
    let (status, head, body) = http(addr, "GET", path, &[], b"");
    assert!(head.contains("application/json"), "{path}: {head}");
    (status, serde_json::from_slice(&body).unwrap())
}

fn post(addr: SocketAddr, path: &str, token: Option<&str>, body: &[u8]) -> (u16, String, Value) {
    let auth = token.map(|t| format!("Bearer {t}"));
    let headers: Vec<(&str, &str)> = auth
        .as_deref()
        .map(|a| vec![("Authorization", a)])
        .unwrap_or_default();
    let (status, head, body) = http(addr, "POST", path, &headers, body);
    (status, head, serde_json::from_slice(&body).unwrap())
}

fn error_code(v: &Value) -> &str {
    v["error"]["code"].as_str().unwrap_or("<no error code>")
}

struct Fixture {
    server: Server,
    db: PathBuf,
    seed: bool,
    _dir: tempfile::TempDir,
}

/// One server (with a token) over one store, filled through POST /api/ingest.
fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("api.db");
        drop(Store::open(&db).unwrap());
        let mut cfg = Config::new(db.clone());
        cfg.token = Some(TOKEN.into());
        cfg.max_body = 256 << 10;
        // The coder runs unoptimised in test builds.
        cfg.timeout = Duration::from_secs(300);
        let server = sitrep_server::start("127.0.0.1:0", &cfg).unwrap();
        let addr = server.addr();
        let examples = repo_root().join("examples/events");
        let text = std::fs::read(examples.join("harbour-accord.txt")).unwrap();
        let (st, _, v) = post(addr, "/api/ingest?published=2023-10-02", Some(TOKEN), &text);
        assert_eq!(st, 200, "{v}");
        let wire = std::fs::read(examples.join("wire.jsonl")).unwrap();
        let (st, _, v) = post(addr, "/api/ingest?format=jsonl", Some(TOKEN), &wire);
        assert_eq!(st, 200, "{v}");
        let seed = match shared() {
            Some(sh) => {
                let text = std::fs::read(sh.join("seed/kim-putin-euronews.txt")).unwrap();
                let (st, _, v) = post(addr, "/api/ingest?published=2023-09-05", Some(TOKEN), &text);
                assert_eq!(st, 200, "{v}");
                assert_eq!(v["articles_new"], 1, "{v}");
                true
            }
            None => false,
        };
        Fixture {
            server,
            db,
            seed,
            _dir: dir,
        }
    })
}

fn addr() -> SocketAddr {
    fixture().server.addr()
}

fn store() -> Store {
    Store::open_read_only(&fixture().db).unwrap()
}

fn dyad(s: &str, t: &str) -> Filter {
    Filter {
        source: Some(s.into()),
        target: Some(t.into()),
        ..Filter::default()
    }
}

#[test]
fn api_events_return_the_seed_dyads_with_evidence() {
    if !fixture().seed {
        return;
    }
    for (s, t) in [("RUS", "PRK"), ("PRK", "RUS")] {
        let (st, v) = get(addr(), &format!("/api/events?source={s}&target={t}"));
        assert_eq!(st, 200, "{v}");
        let expected = store().count(&dyad(s, t)).unwrap();
        assert!(expected > 0, "the seed codes {s}->{t} events");
        assert_eq!(v["total"], expected);
        let events = v["events"].as_array().unwrap();
        assert_eq!(events.len() as u64, expected);
        for e in events {
            assert_eq!(e["source"]["country"], s);
            assert_eq!(e["target"]["country"], t);
            assert_eq!(e["article"]["published"], "2023-09-05");
            assert!(e["article"]["title"]
                .as_str()
                .unwrap()
                .contains("Kim Jong Un"));
            let ev = e["evidence"].as_array().unwrap();
            assert!(!ev.is_empty());
            for item in ev {
                let sentence: Vec<char> = item["sentence"].as_str().unwrap().chars().collect();
                for h in item["highlights"].as_array().unwrap() {
                    let (a, b) = (h["start"].as_u64().unwrap(), h["end"].as_u64().unwrap());
                    let text: String = sentence[a as usize..b as usize].iter().collect();
                    assert_eq!(h["text"], text.as_str());
                }
            }
            let roles: Vec<&str> = ev
                .iter()
                .flat_map(|i| i["highlights"].as_array().unwrap())
                .filter_map(|h| h["role"].as_str())
                .collect();
            assert!(roles.contains(&"source"), "{e}");
            assert!(roles.contains(&"trigger"), "{e}");
        }
    }
}

#[test]
fn api_events_page_and_search_agree_with_the_store() {
    let (_, all) = get(addr(), "/api/events?limit=1000");
    let total = all["total"].as_u64().unwrap();
    assert_eq!(total, store().count(&Filter::default()).unwrap());
    assert!(total >= 2, "the examples code more than one event");
    assert_eq!(all["next_offset"], Value::Null);
    let (_, p1) = get(addr(), "/api/events?limit=1");
    assert_eq!(p1["events"].as_array().unwrap().len(), 1);
    assert_eq!(p1["next_offset"], 1);
    let (_, p2) = get(addr(), "/api/events?limit=1&offset=1");
    assert_eq!(p2["events"][0]["event_id"], all["events"][1]["event_id"]);
    // Full-text search on a word of the first event's evidence.
    let sentence = all["events"][0]["evidence"][0]["sentence"]
        .as_str()
        .unwrap();
    let word = sentence
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| w.len() >= 5)
        .unwrap();
    let (st, hits) = get(addr(), &format!("/api/events?q={word}"));
    assert_eq!(st, 200);
    assert!(hits["total"].as_u64().unwrap() >= 1);
    for e in hits["events"].as_array().unwrap() {
        let found = e["evidence"].as_array().unwrap().iter().any(|i| {
            i["sentence"]
                .as_str()
                .unwrap()
                .to_lowercase()
                .contains(&word.to_lowercase())
        });
        assert!(found, "{word} in {e}");
    }
    // Empty values are absent parameters.
    let (st, v) = get(addr(), "/api/events?code=&root=&limit=1000");
    assert_eq!((st, v["total"].as_u64()), (200, Some(total)));
}

#[test]
fn api_health_counts_match_the_store() {
    let (st, v) = get(addr(), "/api/health");
    assert_eq!(st, 200);
    let (events, articles) = store().counts().unwrap();
    assert_eq!(v["status"], "ok");
    assert_eq!(v["events"], events);
    assert_eq!(v["articles"], articles);
    assert_eq!(v["coder_version"], sitrep_pipeline::CODER_VERSION);
    assert_eq!(v["read_only"], false);
}

#[test]
fn api_series_sums_match_the_store_for_every_interval() {
    let s = store();
    let (src, tgt) = if fixture().seed {
        ("RUS", "PRK")
    } else {
        ("TUR", "UKR")
    };
    let expected = s.count(&dyad(src, tgt)).unwrap() as i64;
    for interval in ["day", "week", "month"] {
        let (st, v) = get(
            addr(),
            &format!("/api/series?source={src}&target={tgt}&interval={interval}"),
        );
        assert_eq!(st, 200, "{v}");
        assert_eq!(v["interval"], interval);
        let points = v["points"].as_array().unwrap();
        let mut sum = v["undated"].as_i64().unwrap() + v["month_only"].as_i64().unwrap();
        for p in points {
            let n = p["events"].as_i64().unwrap();
            let quads: i64 = p["quad"]
                .as_object()
                .unwrap()
                .values()
                .map(|q| q.as_i64().unwrap())
                .sum();
            assert_eq!(quads, n, "{p}");
            sum += n;
        }
        assert_eq!(sum, expected, "{interval}: {v}");
    }
    if fixture().seed {
        let (_, v) = get(
            addr(),
            "/api/series?source=RUS&target=PRK&from=2023-09-05&to=2023-09-05",
        );
        assert!(v["points"]
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p["period"] == "2023-09-05"));
    }
    // Either side: events with the country as source or target, once each.
    let c = if fixture().seed { "RUS" } else { "TUR" };
    let (_, v) = get(addr(), &format!("/api/series?country={c}&interval=month"));
    let got: i64 = v["points"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["events"].as_i64().unwrap())
        .sum::<i64>()
        + v["undated"].as_i64().unwrap();
    let by = |f: Filter| s.count(&f).unwrap() as i64;
    let both = by(dyad(c, c));
    let src_only = by(Filter {
        source: Some(c.into()),
        ..Filter::default()
    });
    let tgt_only = by(Filter {
        target: Some(c.into()),
        ..Filter::default()
    });
    assert_eq!(got, src_only + tgt_only - both);
}

#[test]
fn api_actors_network_and_locations_agree_with_the_store() {
    let s = store();
    let (st, v) = get(addr(), "/api/actors/top?by=country&limit=1000");
    assert_eq!(st, 200, "{v}");
    let actors = v["actors"].as_array().unwrap();
    assert!(!actors.is_empty());
    for a in actors {
        let key = a["key"].as_str().unwrap();
        let as_source = s
            .count(&Filter {
                source: Some(key.into()),
                ..Filter::default()
            })
            .unwrap();
        assert_eq!(a["as_source"], as_source, "{a}");
    }
    if fixture().seed {
        let rus = actors
            .iter()
            .find(|a| a["key"] == "RUS")
            .expect("RUS among top countries");
        assert_eq!(rus["label"], "Russia");
    }
    let (st, v) = get(addr(), "/api/actors/top?by=actor&limit=2");
    assert_eq!(st, 200, "{v}");
    assert!(v["actors"].as_array().unwrap().len() <= 2);

    let (st, v) = get(addr(), "/api/network");
    assert_eq!(st, 200, "{v}");
    let edges = v["edges"].as_array().unwrap();
    assert!(!edges.is_empty());
    for e in edges {
        let n = s
            .count(&dyad(
                e["source"].as_str().unwrap(),
                e["target"].as_str().unwrap(),
            ))
            .unwrap();
        assert_eq!(e["events"], n, "{e}");
        for end in ["source", "target"] {
            assert!(v["nodes"]
                .as_array()
                .unwrap()
                .iter()
                .any(|n| n["id"] == e[end]));
        }
    }
    let (_, v) = get(addr(), "/api/network?min_events=1000000");
    assert!(v["edges"].as_array().unwrap().is_empty());

    let (st, v) = get(addr(), "/api/locations?limit=1000");
    assert_eq!(st, 200, "{v}");
    let located: i64 = v["points"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["events"].as_i64().unwrap())
        .sum();
    let mut with_coords = 0i64;
    s.query::<sitrep_store::Error>(&Filter::default(), |e| {
        if e.event
            .location
            .as_ref()
            .is_some_and(|l| l.lat.is_some() && l.lon.is_some())
        {
            with_coords += 1;
        }
        Ok(())
    })
    .unwrap();
    assert_eq!(located, with_coords);
}

#[test]
fn api_article_lists_its_events_and_unknown_ids_are_404() {
    let (_, all) = get(addr(), "/api/events?limit=1");
    let id = all["events"][0]["article_id"].as_str().unwrap().to_string();
    let (st, v) = get(addr(), &format!("/api/articles/{id}"));
    assert_eq!(st, 200, "{v}");
    assert_eq!(v["article"]["id"], id.as_str());
    assert_eq!(v["article"]["text"], Value::Null);
    assert_eq!(v["article"]["text_stored"], false);
    let events = v["events"].as_array().unwrap();
    let expected = store().article_events(&id, 1000).unwrap().len();
    assert_eq!(events.len(), expected);
    assert!(events.iter().all(|e| e["article_id"] == id.as_str()));
    let (st, v) = get(addr(), "/api/articles/no-such-article");
    assert_eq!((st, error_code(&v)), (404, "not_found"));
}

#[test]
fn api_bad_requests_get_json_errors() {
    for (path, status, code) in [
        ("/api/events?colour=red", 400, "unknown_parameter"),
        ("/api/events?from=yesterday", 400, "bad_parameter"),
        ("/api/events?limit=5000", 400, "bad_parameter"),
        ("/api/events?quad=9", 400, "bad_parameter"),
        ("/api/events?bbox=1,2,3", 400, "bad_parameter"),
        ("/api/events?bbox=10,0,5,1", 400, "bad_parameter"),
        ("/api/events?source=RUS&source=USA", 400, "bad_parameter"),
        ("/api/series?interval=year", 400, "bad_parameter"),
        ("/api/actors/top?by=planet", 400, "bad_parameter"),
        ("/api/health?x=1", 400, "unknown_parameter"),
        ("/api/nothing-here", 404, "not_found"),
        ("/assets/missing.js", 404, "not_found"),
    ] {
        let (st, v) = get(addr(), path);
        assert_eq!((st, error_code(&v)), (status, code), "{path}: {v}");
        assert!(v["error"]["message"]
            .as_str()
            .is_some_and(|m| !m.is_empty()));
    }
    let (st, head, body) = http(addr(), "DELETE", "/api/events", &[], b"");
    let v: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!((st, error_code(&v)), (405, "method_not_allowed"), "{head}");
}

#[test]
fn api_ingest_needs_the_token_bounds_the_body_and_is_idempotent() {
    let text = std::fs::read(repo_root().join("examples/events/harbour-accord.txt")).unwrap();
    let (st, head, v) = post(addr(), "/api/ingest", None, &text);
    assert_eq!((st, error_code(&v)), (401, "unauthorized"));
    assert!(head.contains("www-authenticate: bearer"));
    let (st, _, v) = post(addr(), "/api/ingest", Some("wrong"), &text);
    assert_eq!((st, error_code(&v)), (403, "forbidden"));
    let big = vec![b'a'; 300 << 10];
    let (st, _, v) = post(addr(), "/api/ingest", Some(TOKEN), &big);
    assert_eq!((st, error_code(&v)), (413, "body_too_large"));
    let (st, _, v) = post(addr(), "/api/ingest?format=pdf", Some(TOKEN), &text);
    assert_eq!((st, error_code(&v)), (400, "bad_parameter"));
    // The fixture stored this text already: the same bytes again change nothing.
    let before = store().counts().unwrap();
    let (st, _, v) = post(
        addr(),
        "/api/ingest?published=2023-10-02",
        Some(TOKEN),
        &text,
    );
    assert_eq!(st, 200, "{v}");
    assert_eq!(
        (v["articles_new"].as_u64(), v["articles_present"].as_u64()),
        (Some(0), Some(1))
    );
    assert_eq!(v["events_new"], 0);
    assert_eq!(store().counts().unwrap(), before);
    // An empty document is a counted skip, not an error.
    let (st, _, v) = post(addr(), "/api/ingest", Some(TOKEN), b"   \n");
    assert_eq!(st, 200, "{v}");
    assert_eq!(
        (v["records"].as_u64(), v["articles"].as_u64()),
        (Some(1), Some(0))
    );
    assert_eq!(
        v["skipped"]
            .as_object()
            .unwrap()
            .values()
            .map(|n| n.as_u64().unwrap())
            .sum::<u64>(),
        1
    );
}

#[test]
fn api_read_only_server_refuses_ingest() {
    let server = sitrep_server::start("127.0.0.1:0", &Config::new(fixture().db.clone())).unwrap();
    let (st, v) = get(server.addr(), "/api/health");
    assert_eq!((st, &v["read_only"]), (200, &Value::Bool(true)));
    let (st, _, v) = post(server.addr(), "/api/ingest", Some(TOKEN), b"Some text.");
    assert_eq!((st, error_code(&v)), (405, "read_only"));
    server.stop();
    let missing = sitrep_server::start("127.0.0.1:0", &Config::new("/nonexistent/x.db".into()));
    assert!(matches!(missing, Err(sitrep_server::Error::NoStore(_))));
}

#[test]
fn api_ingest_past_its_time_budget_is_503_and_stores_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("slow.db");
    drop(Store::open(&db).unwrap());
    let mut cfg = Config::new(db.clone());
    cfg.token = Some(TOKEN.into());
    cfg.timeout = Duration::from_millis(50);
    let server = sitrep_server::start("127.0.0.1:0", &cfg).unwrap();
    // 300 articles cannot be coded in 50 ms by any build.
    let mut body = String::new();
    for i in 0..300 {
        body.push_str(&format!(
            "{{\"id\":\"t{i}\",\"text\":\"Turkey and Ukraine agreed on Monday to resume talks on grain, officials said in report {i}.\"}}\n"
        ));
    }
    let (st, _, v) = post(
        server.addr(),
        "/api/ingest?format=jsonl",
        Some(TOKEN),
        body.as_bytes(),
    );
    assert_eq!((st, error_code(&v)), (503, "timeout"), "{v}");
    server.stop();
    assert_eq!(
        Store::open_read_only(&db).unwrap().counts().unwrap(),
        (0, 0)
    );
}

#[test]
fn api_openapi_lists_every_route_and_every_documented_path_answers() {
    let (st, doc) = get(addr(), "/api/openapi.json");
    assert_eq!(st, 200);
    assert_eq!(doc["openapi"], "3.1.0");
    let paths = doc["paths"].as_object().unwrap();
    for (method, path) in sitrep_server::openapi::ROUTES {
        assert!(
            paths.get(*path).and_then(|p| p.get(*method)).is_some(),
            "{method} {path} undocumented"
        );
    }
    let (_, all) = get(addr(), "/api/events?limit=1");
    let article = all["events"][0]["article_id"].as_str().unwrap().to_string();
    for (path, ops) in paths {
        let concrete = path.replace("{id}", &article).replace("{file}", "app.js");
        for method in ops.as_object().unwrap().keys() {
            let (st, _, body) = http(addr(), &method.to_uppercase(), &concrete, &[], b"");
            let text = String::from_utf8_lossy(&body);
            // The router's fallback says "no such endpoint": a documented path must never.
            assert!(
                !text.contains("no such endpoint"),
                "{method} {path}: {st} {text}"
            );
            assert_ne!(st, 405, "{method} {path}");
        }
        // Every documented parameter is one the endpoint accepts.
        for (method, op) in ops.as_object().unwrap() {
            if method != "get" {
                continue;
            }
            for p in op["parameters"].as_array().into_iter().flatten() {
                if p["in"] != "query" {
                    continue;
                }
                let name = p["name"].as_str().unwrap();
                let (st, _, body) = http(addr(), "GET", &format!("{concrete}?{name}="), &[], b"");
                assert_ne!(st, 400, "{path}?{name}: {}", String::from_utf8_lossy(&body));
            }
        }
    }
}

#[test]
fn api_serves_the_dashboard_files() {
    let (st, head, body) = http(addr(), "GET", "/", &[], b"");
    assert_eq!(st, 200);
    assert!(head.contains("content-type: text/html"));
    assert!(String::from_utf8_lossy(&body)
        .to_lowercase()
        .contains("<html"));
    for (file, ty) in [("app.js", "text/javascript"), ("app.css", "text/css")] {
        let (st, head, _) = http(addr(), "GET", &format!("/assets/{file}"), &[], b"");
        assert_eq!(st, 200, "{file}");
        assert!(head.contains(ty), "{file}: {head}");
    }
}
