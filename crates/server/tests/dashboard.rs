//! End to end: the dashboard in headless Chromium (issue 6, item 5 and its acceptance line
//! "open the dashboard, choose RUS-PRK, see the seed's events, open one, see its evidence
//! sentence highlighted"). A store is built from the seed article and `examples/events/`
//! through the pipeline and store libraries, the server runs on an ephemeral port, and
//! fantoccini drives Chromium through chromedriver. What the page shows is checked against
//! the API's own answers and the seed's `expected.json`; screenshots are kept in
//! `<target>/test-artifacts/dashboard/`.

#[path = "support/browser.rs"]
mod browser;

use browser::{http_get, screenshot, wait_until, Driver};
use fantoccini::{Client, Locator};
use serde_json::Value;
use sitrep_pipeline::{Pipeline, PipelineOptions, CODER_VERSION};
use sitrep_sources::{SourceItem, SourceOptions};
use sitrep_store::{ArticleRow, CodedArticle, Store};
use std::collections::BTreeSet;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(30);

/// The shared folder holding `seed/` (`sitrep_doc::shared_data`); `None` (a printed skip)
/// when absent, a failure under `SITREP_REQUIRE_SHARED=1`.
fn shared() -> Option<PathBuf> {
    sitrep_doc::shared_data::for_named_test("dashboard", "seed")
        .and_then(|seed| seed.parent().map(Path::to_path_buf))
}

/// Codes `inputs` and stores them; every record must be coded (a skip fails the test with
/// its reason rather than quietly shrinking the store). Returns the events stored.
fn ingest(
    store: &mut Store,
    pipeline: &Pipeline,
    inputs: &[PathBuf],
    published: Option<&str>,
) -> usize {
    let mut batch = Vec::new();
    for item in sitrep_sources::open(inputs, &SourceOptions::default()) {
        let rec = match item {
            SourceItem::Record(r) => r,
            SourceItem::Skipped(s) => panic!("{}: skipped: {:?} {}", s.input, s.reason, s.detail),
        };
        let coded = pipeline
            .code(rec, published)
            .unwrap_or_else(|s| panic!("{}: skipped: {:?} {}", s.input, s.reason, s.detail));
        batch.push(CodedArticle {
            article: ArticleRow::from_document(&coded.doc),
            events: coded.events,
        });
    }
    let events = batch.iter().map(|a| a.events.len()).sum();
    store
        .write_batch(&batch, &[], CODER_VERSION, 0)
        .expect("writing the batch");
    events
}

/// An article whose metadata is markup and script: the page must show it as text, run none
/// of it, and make no link of a `javascript:` URL.
const PROBE_ID: &str = "markup-probe";
const PROBE: &str = r#"{"id":"markup-probe","title":"<img src=x onerror=\"window.__pwned=1\"> Shoigu <b id=\"injected\">in</b> Pyongyang","published":"2023-09-12","source":"<script>window.__pwned=2</script>","url":"javascript:window.__pwned=3","text":"Russian Defense Minister Sergei Shoigu visited Pyongyang on Tuesday."}"#;

fn build_store(db: &Path, shared: &Path, scratch: &Path) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let pipeline = Pipeline::new(&PipelineOptions::default()).expect("building the coder");
    let mut store = Store::open(db).expect("opening the store");
    let seed = shared.join("seed/kim-putin-euronews.txt");
    let n_seed = ingest(&mut store, &pipeline, &[seed], Some("2023-09-05"));
    let n_examples = ingest(&mut store, &pipeline, &[root.join("examples/events")], None);
    let probe = scratch.join("probe.jsonl");
    std::fs::write(&probe, PROBE).expect("writing the probe article");
    let n_probe = ingest(&mut store, &pipeline, &[probe], None);
    assert!(n_seed > 0, "the seed gave no events");
    assert!(n_probe > 0, "the probe article gave no event");
    eprintln!("store: {n_seed} seed events, {n_examples} example events, {n_probe} probe events");
    store.checkpoint().expect("checkpointing the store");
}

/// The API's events for one direction, read straight from the server (the oracle the page is
/// compared with).
fn api_events(addr: SocketAddr, query: &str) -> Vec<Value> {
    let v = api_get(addr, &format!("/api/events?{query}&limit=1000"));
    assert!(v["next_offset"].is_null(), "more than one page for {query}");
    v["events"].as_array().expect("events array").clone()
}

fn api_get(addr: SocketAddr, path: &str) -> Value {
    let (status, body) = http_get(addr, path).expect("GET the API");
    assert_eq!(status, 200, "{path}: {body}");
    serde_json::from_str(&body).expect("API answers are JSON")
}

fn ids(events: &[Value]) -> BTreeSet<String> {
    events
        .iter()
        .filter_map(|e| e["event_id"].as_str().map(String::from))
        .collect()
}

async fn shown_ids(c: &Client) -> BTreeSet<String> {
    let v = c
        .execute(
            "return [...document.querySelectorAll('#event-rows tr[data-event-id]')].map(r => r.dataset.eventId);",
            vec![],
        )
        .await
        .expect("reading the rows");
    v.as_array()
        .expect("row ids")
        .iter()
        .filter_map(|id| id.as_str().map(String::from))
        .collect()
}

/// Sets the filters through the form and waits until every panel shows the selection whose
/// query string is `query`.
async fn select(c: &Client, source: &str, target: &str, interval: &str, query: &str) {
    for (id, value) in [
        ("source", source),
        ("target", target),
        ("interval", interval),
    ] {
        c.find(Locator::Id(id))
            .await
            .expect("a filter")
            .select_by_value(value)
            .await
            .expect("choosing a value");
    }
    let both = c.find(Locator::Id("both")).await.expect("#both");
    if !both.is_selected().await.expect("checkbox state") {
        both.click().await.expect("ticking #both");
    }
    click_id(c, "apply", "clicking Apply").await;
    let ready = format!(
        "{} && document.getElementById('events').dataset.query === '{query}'",
        CHARTS_READY.trim_end_matches(';')
    );
    wait_until(c, &ready, WAIT, query).await;
    no_page_errors(c, query).await;
}

/// The page counts script errors and policy blocks on `<body data-errors>` and shows API
/// errors in `#status`; none may have happened.
async fn no_page_errors(c: &Client, when: &str) {
    let v = c
        .execute(
            "const s = document.getElementById('status'); return [document.body.dataset.errors || '0', s.classList.contains('error'), s.textContent];",
            vec![],
        )
        .await
        .expect("reading the page's error state");
    assert!(
        v[0] == "0" && v[1] == false,
        "{when}: the page reported an error: {v}"
    );
}

/// Whether `e` satisfies one of expected.json's required events (the seed's scoring rule:
/// an evidence sentence holds one of `evidence_any`, the countries fit, the root is listed).
fn satisfies(e: &Value, req: &Value) -> bool {
    let strs = |v: &Value| -> Vec<String> {
        v.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|x| x.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default()
    };
    let (src, tgt) = (strs(&req["source"]), strs(&req["target"]));
    let (es, et) = (
        e["source"]["country"].as_str().unwrap_or(""),
        e["target"]["country"].as_str().unwrap_or(""),
    );
    let fits = |a: &str, b: &str| src.iter().any(|x| x == a) && tgt.iter().any(|x| x == b);
    let dyad = fits(es, et) || (req["either_direction"] == Value::Bool(true) && fits(et, es));
    let root = strs(&req["cameo_root"])
        .iter()
        .any(|r| e["cameo"]["root"].as_str() == Some(r));
    let evidence = e["evidence"].as_array().is_some_and(|evs| {
        evs.iter().any(|ev| {
            let s = ev["sentence"].as_str().unwrap_or("");
            strs(&req["evidence_any"])
                .iter()
                .any(|x| s.contains(x.as_str()))
        })
    });
    dyad && root && evidence
}

/// The text an actor's offsets cover inside an evidence sentence, when they fall inside it.
fn actor_in_sentence(actor: &Value, ev: &Value) -> Option<String> {
    let (a0, a1) = (actor["start"].as_u64()?, actor["end"].as_u64()?);
    let (s0, s1) = (ev["start"].as_u64()?, ev["end"].as_u64()?);
    if a0 < s0 || a1 > s1 {
        return None;
    }
    let chars: Vec<char> = ev["sentence"].as_str()?.chars().collect();
    let text: String = chars
        .get((a0 - s0) as usize..(a1 - s0) as usize)?
        .iter()
        .collect();
    (Some(text.as_str()) == actor["text"].as_str()).then_some(text)
}

/// The rendered text of every element matching `css`, read in one script so a redraw between
/// WebDriver calls cannot leave a stale element (SVG text has no innerText: its textContent).
/// Clicks the element with this id; `what` names the step in a failure.
async fn click_id(c: &Client, id: &str, what: &str) {
    c.find(Locator::Id(id))
        .await
        .unwrap_or_else(|e| panic!("#{id}: {e}"))
        .click()
        .await
        .unwrap_or_else(|e| panic!("{what}: {e}"));
}

async fn texts(c: &Client, css: &str) -> Vec<String> {
    let v = c
        .execute(
            "return [...document.querySelectorAll(arguments[0])].map(e => e.innerText ?? e.textContent);",
            vec![Value::String(css.to_string())],
        )
        .await
        .expect("reading element texts");
    v.as_array()
        .expect("texts")
        .iter()
        .map(|t| t.as_str().unwrap_or("").to_string())
        .collect()
}

async fn count(c: &Client, css: &str) -> usize {
    c.find_all(Locator::Css(css)).await.expect("find_all").len()
}

/// True once every panel shows the current selection; a panel in error ends the wait at once
/// (the script throws the page's status line).
const CHARTS_READY: &str = "const st = ['timeline','network','map','events'].map(id => document.getElementById(id).dataset.state); if (st.includes('error')) throw new Error('panel error: ' + document.getElementById('status').textContent); return st.every(s => s === 'ready');";

async fn drive(c: &Client, base: &str, addr: SocketAddr, expected: &Value) {
    c.goto(base).await.expect("opening the dashboard");
    wait_until(c, CHARTS_READY, WAIT, "the first view to load").await;
    screenshot(c, "01-loaded").await;

    // Choose RUS and PRK on either side, as an analyst would.
    wait_until(
        c,
        "return !!document.querySelector('#source option[value=RUS]') && !!document.querySelector('#target option[value=PRK]');",
        WAIT,
        "the country lists",
    )
    .await;
    select(
        c,
        "RUS",
        "PRK",
        "month",
        "source=RUS&target=PRK&interval=month&both=1",
    )
    .await;
    screenshot(c, "02-rus-prk").await;

    // The list shows exactly the API's events for both directions.
    let mut api: Vec<Value> = api_events(addr, "source=RUS&target=PRK");
    api.extend(api_events(addr, "source=PRK&target=RUS"));
    assert!(!api.is_empty(), "the API has no RUS-PRK events");
    let (want, shown) = (ids(&api), shown_ids(c).await);
    assert_eq!(shown, want, "rows shown vs the API's RUS-PRK events");

    // Every required seed event between Russia and North Korea is among them.
    let mut chosen = None;
    for req in expected["required_events"]
        .as_array()
        .expect("required_events")
    {
        let countries: BTreeSet<&str> = ["source", "target"]
            .iter()
            .flat_map(|k| req[*k].as_array().into_iter().flatten())
            .filter_map(Value::as_str)
            .collect();
        if !countries.iter().all(|c| *c == "RUS" || *c == "PRK") {
            continue;
        }
        let hit = api.iter().find(|e| satisfies(e, req));
        let hit = hit.unwrap_or_else(|| panic!("seed event {} not listed", req["id"]));
        let ev0 = &hit["evidence"][0];
        if chosen.is_none()
            && actor_in_sentence(&hit["source"], ev0).is_some()
            && actor_in_sentence(&hit["target"], ev0).is_some()
        {
            chosen = Some(hit.clone());
        }
    }
    let e =
        chosen.expect("a seed event whose source and target are in its first evidence sentence");
    let id = e["event_id"].as_str().expect("event_id");

    // Open it: the evidence sentence with source, target and trigger marked.
    c.find(Locator::Css(&format!(
        "#event-rows tr[data-event-id='{id}']"
    )))
    .await
    .expect("the row")
    .click()
    .await
    .expect("clicking the row");
    wait_until(
        c,
        "const d = document.getElementById('detail'); return !d.hidden && d.dataset.state === 'ready';",
        WAIT,
        "the detail panel",
    )
    .await;
    let ev0 = &e["evidence"][0];
    let first = "#detail-body .evidence:first-of-type";
    let sentence = texts(c, &format!("{first} .sentence")).await;
    assert_eq!(sentence, [ev0["sentence"].as_str().unwrap_or("")]);
    assert_eq!(
        texts(c, &format!("{first} mark.hl-source")).await,
        [e["source"]["text"].as_str().unwrap_or("")]
    );
    assert_eq!(
        texts(c, &format!("{first} mark.hl-target")).await,
        [e["target"]["text"].as_str().unwrap_or("")]
    );
    // The trigger's words, marked one by one or as one phrase when they are adjacent.
    let trigger: Vec<String> = ev0["trigger"]
        .as_str()
        .unwrap_or("")
        .split_whitespace()
        .map(str::to_lowercase)
        .collect();
    let marked = texts(c, &format!("{first} mark.hl-trigger")).await;
    assert!(!marked.is_empty(), "no trigger marked for {trigger:?}");
    let marked: Vec<String> = marked
        .iter()
        .flat_map(|m| m.split_whitespace().map(str::to_lowercase))
        .collect();
    assert_eq!(marked, trigger, "trigger words marked");
    let note = texts(c, &format!("{first} .small")).await.join(" ");
    assert!(
        note.contains(ev0["rule"].as_str().unwrap_or("?")),
        "rule missing: {note}"
    );
    let detail = texts(c, "#detail-body dl").await.join(" ");
    let conf = format!("{:.2}", e["confidence"].as_f64().unwrap_or(-1.0));
    assert!(
        detail.contains(&conf),
        "confidence {conf} missing: {detail}"
    );

    // The charts drew something for this selection.
    assert!(
        count(c, "#timeline svg rect.bar").await > 0,
        "timeline bars"
    );
    assert!(count(c, "#map svg circle.pt").await > 0, "map points");
    // The land outline is drawn whenever the server serves it (it loads on its own).
    if http_get(addr, "/assets/land.json").is_ok_and(|(status, _)| status == 200) {
        wait_until(
            c,
            "return !!document.querySelector('#map svg path.land');",
            WAIT,
            "the map's land outline",
        )
        .await;
    }
    assert!(count(c, "#network svg g.edge").await > 0, "network edges");
    let chosen_nodes: BTreeSet<String> = texts(c, "#network svg g.node.chosen text")
        .await
        .into_iter()
        .collect();
    let both: BTreeSet<String> = ["PRK".to_string(), "RUS".to_string()].into();
    assert_eq!(
        chosen_nodes, both,
        "the chosen countries stand out in the network"
    );
    screenshot(c, "03-detail").await;

    // The article view: the article with this event's evidence marked.
    click_id(c, "open-article", "opening the article").await;
    wait_until(
        c,
        "return document.getElementById('article').dataset.state === 'ready';",
        WAIT,
        "the article view",
    )
    .await;
    let body = texts(c, "#article-body").await.join(" ");
    assert!(
        body.contains(&format!(
            "{} →",
            e["source"]["country"].as_str().unwrap_or("?")
        )),
        "the article's event list is missing: {body}"
    );
    // With or without the article's text in the store, this event's evidence sentence is
    // shown marked.
    let marked = texts(c, "#article-body .hl-evidence").await;
    assert!(
        marked
            .iter()
            .any(|m| m == ev0["sentence"].as_str().unwrap_or("")),
        "evidence not marked in the article view: {marked:?}"
    );
    screenshot(c, "04-article").await;

    // Markup in an article's metadata is shown as text and never run.
    click_id(c, "article-close", "closing the article").await;
    click_id(c, "detail-close", "closing the detail").await;
    let probe = api
        .iter()
        .find(|e| e["article_id"] == PROBE_ID)
        .expect("the probe article's event is a RUS-PRK event");
    let pid = probe["event_id"].as_str().expect("event_id");
    c.find(Locator::Css(&format!(
        "#event-rows tr[data-event-id='{pid}']"
    )))
    .await
    .expect("the probe's row")
    .click()
    .await
    .expect("clicking the probe's row");
    click_id(c, "open-article", "opening the probe article").await;
    wait_until(
        c,
        "return document.getElementById('article').dataset.state === 'ready';",
        WAIT,
        "the probe article",
    )
    .await;
    let title = texts(c, "#article-title").await.join("");
    assert!(
        title.contains("<img src=x") && title.contains("<b id=\"injected\">"),
        "the title is not shown as text: {title}"
    );
    let ran = c
        .execute(
            "return [window.__pwned === undefined, !document.getElementById('injected'), !document.querySelector('a[href^=\"javascript\"]')];",
            vec![],
        )
        .await
        .expect("checking for injected markup");
    assert_eq!(
        ran,
        serde_json::json!([true, true, true]),
        "markup from the API ran or became a link"
    );
    click_id(c, "article-close", "closing the article").await;
    click_id(c, "detail-close", "closing the detail").await;
    other_views(c, addr).await;
}

/// Weekly series and one country on either side: the timeline's periods add up to the API's
/// series, and the list holds the events where the country is the source or the target.
async fn other_views(c: &Client, addr: SocketAddr) {
    select(
        c,
        "RUS",
        "PRK",
        "week",
        "source=RUS&target=PRK&interval=week&both=1",
    )
    .await;
    let mut want = 0;
    for q in ["source=RUS&target=PRK", "source=PRK&target=RUS"] {
        let series = api_get(addr, &format!("/api/series?{q}&interval=week"));
        for p in series["points"].as_array().expect("points") {
            want += p["events"].as_i64().expect("events");
        }
    }
    // Read in one script, so a redraw between two WebDriver calls cannot interfere.
    let labels = c
        .execute(
            "return [...document.querySelectorAll('#timeline svg .hit')].map(h => h.getAttribute('aria-label'));",
            vec![],
        )
        .await
        .expect("reading the timeline's periods");
    let mut drawn = 0;
    for label in labels.as_array().expect("labels") {
        // "2023-09-04: 5 events · ..."
        let label = label.as_str().unwrap_or("");
        let n = label
            .split(": ")
            .nth(1)
            .and_then(|r| r.split(' ').next())
            .and_then(|n| n.parse::<i64>().ok());
        drawn += n.unwrap_or_else(|| panic!("period label without a count: {label}"));
    }
    assert!(want > 0, "the API has no weekly RUS-PRK series");
    assert_eq!(
        drawn, want,
        "events in the weekly timeline vs the API's series"
    );

    select(c, "PRK", "", "week", "source=PRK&interval=week&both=1").await;
    let mut api = api_events(addr, "source=PRK");
    api.extend(api_events(addr, "target=PRK"));
    assert_eq!(
        shown_ids(c).await,
        ids(&api),
        "rows for PRK on either side vs the API"
    );
    no_page_errors(c, "the end").await;
    screenshot(c, "05-prk-either-side-weekly").await;
}

#[test]
fn dashboard_rus_prk_events_open_with_highlighted_evidence() {
    let Some(shared) = shared() else { return };
    let Some((chromium, chromedriver)) = browser::programs() else {
        return;
    };
    let expected: Value = serde_json::from_str(
        &std::fs::read_to_string(shared.join("seed/kim-putin-euronews.expected.json"))
            .expect("reading expected.json"),
    )
    .expect("expected.json is JSON");
    let tmp = tempfile::tempdir().expect("temp dir");
    let db = tmp.path().join("store.db");
    build_store(&db, &shared, tmp.path());

    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("tokio runtime");
    let server = sitrep_server::start("127.0.0.1:0", &sitrep_server::Config::new(db.clone()))
        .expect("starting the server");
    let addr = server.addr();
    rt.block_on(async {
        let base = format!("http://{addr}/");
        let driver = Driver::start(
            &chromedriver,
            &tmp.path().join("profile"),
            &tmp.path().join("chromedriver.log"),
        );
        let client = driver.session(&chromium).await;
        // The whole browser part is bounded; on timeout or failure the driver guard still
        // kills chromedriver and Chromium.
        let run = tokio::time::timeout(
            Duration::from_secs(180),
            drive(&client, &base, addr, &expected),
        )
        .await;
        let _ = client.close().await;
        drop(driver);
        run.expect("the dashboard run did not finish within 180 s");
    });
    server.stop();
}
