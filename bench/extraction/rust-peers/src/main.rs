//! Runs the Rust extraction crates the issue names on the benchmark pages, one thread, and
//! prints `{"system": {"pages_per_s": x, "texts": {id: text}}}` for peer.py to score.
use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;
use std::time::{Duration, Instant};

fn load(dataset: &Path) -> Vec<(String, Option<String>, String)> {
    let gt: BTreeMap<String, serde_json::Value> = serde_json::from_slice(
        &std::fs::read(dataset.join("ground-truth.json")).expect("ground-truth.json"),
    )
    .expect("ground truth is JSON");
    gt.into_iter()
        .map(|(id, v)| {
            let f = std::fs::File::open(dataset.join("html").join(format!("{id}.html.gz")))
                .expect("page file");
            let mut bytes = Vec::new();
            flate2::read::GzDecoder::new(f)
                .read_to_end(&mut bytes)
                .expect("gzip");
            let url = v.get("url").and_then(|u| u.as_str()).map(str::to_string);
            (id, url, String::from_utf8_lossy(&bytes).into_owned())
        })
        .collect()
}

fn run(
    pages: &[(String, Option<String>, String)],
    f: &dyn Fn(&str, Option<&str>) -> String,
) -> serde_json::Value {
    let mut spent = Duration::ZERO;
    let mut texts = serde_json::Map::new();
    for (id, url, html) in pages {
        let t0 = Instant::now();
        let text = f(html, url.as_deref());
        spent += t0.elapsed();
        texts.insert(id.clone(), text.into());
    }
    serde_json::json!({
        "pages_per_s": pages.len() as f64 / spent.as_secs_f64(),
        "texts": texts,
    })
}

fn main() {
    let dataset = std::env::args().nth(1).expect("usage: rust-peers DATASET_DIR");
    let pages = load(Path::new(&dataset));
    let mut out = serde_json::Map::new();
    out.insert(
        "dom_smoothie 0.19.0 (Formatted)".into(),
        run(&pages, &|html, url| {
            let cfg = dom_smoothie::Config {
                text_mode: dom_smoothie::TextMode::Formatted,
                ..Default::default()
            };
            dom_smoothie::Readability::new(html, url, Some(cfg))
                .and_then(|mut r| r.parse())
                .map(|a| a.text_content.to_string())
                .unwrap_or_default()
        }),
    );
    out.insert(
        "trafilatura (Rust) 0.6.0".into(),
        run(&pages, &|html, _url| {
            trafilatura::extract(html, &trafilatura::Options::default())
                .map(|r| r.content_text)
                .unwrap_or_default()
        }),
    );
    out.insert(
        "rs-trafilatura 0.2.2".into(),
        run(&pages, &|html, _url| {
            rs_trafilatura::extract(html)
                .map(|r| r.content_text)
                .unwrap_or_default()
        }),
    );
    println!("{}", serde_json::Value::Object(out));
}
