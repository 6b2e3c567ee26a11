//! The Kafka worker against librdkafka's in-process mock cluster (feature `kafka`).

use crate::common::{coder, crafted_docs, expected_events, hash, listing, news_docs};
use rdkafka::config::ClientConfig;
use rdkafka::mocking::MockCluster;
use rdkafka::producer::{BaseProducer, BaseRecord, Producer};
use sitrep_worker::kafka::{self, KafkaConfig};
use std::sync::atomic::AtomicBool;
use std::sync::Arc;
use std::time::Duration;

const TOPIC: &str = "sitrep-tasks";

fn produce(brokers: &str, bodies: &[Vec<u8>]) {
    let producer: BaseProducer = ClientConfig::new()
        .set("bootstrap.servers", brokers)
        .create()
        .unwrap();
    for (i, b) in bodies.iter().enumerate() {
        let key = i.to_string();
        producer
            .send(BaseRecord::to(TOPIC).key(&key).payload(b))
            .map_err(|(e, _)| e)
            .unwrap();
        producer.poll(Duration::ZERO);
    }
    producer.flush(Duration::from_secs(30)).unwrap();
}

fn config(brokers: &str, max_messages: Option<u64>) -> KafkaConfig {
    KafkaConfig {
        brokers: brokers.to_string(),
        topic: TOPIC.into(),
        group: "coders".into(),
        idle_exit: Some(Duration::from_secs(3)),
        max_messages,
    }
}

/// A worker that stops part way (its offsets committed only up to durable outputs), a task
/// already coded before the crash of its committer, then a second worker in the same group:
/// every document is coded exactly once and equals `Pipeline::code`.
#[test]
fn kafka_worker_commits_after_outputs_and_resumes_without_duplicates() {
    let cluster = MockCluster::new(1).unwrap();
    cluster.create_topic(TOPIC, 2, 1).unwrap();
    let brokers = cluster.bootstrap_servers();
    let mut docs = crafted_docs();
    docs.extend(news_docs(6).unwrap_or_default());
    produce(&brokers, &docs);

    let out = tempfile::tempdir().unwrap();
    let c = coder(out.path());
    // As if a worker had written this output and died before committing its offset.
    c.process(&docs[1]).unwrap();

    let stop = Arc::new(AtomicBool::new(false));
    let first = kafka::run(&config(&brokers, Some(3)), &c, Arc::clone(&stop), None).unwrap();
    assert_eq!(first.messages, 3);
    let second = kafka::run(&config(&brokers, None), &c, stop, None).unwrap();

    let n = docs.len() as u64;
    assert_eq!(
        first.messages + second.messages,
        n,
        "committed messages are not delivered again"
    );
    assert_eq!(first.coded + second.coded, n - 1);
    assert_eq!(first.already_done + second.already_done, 1);
    assert_eq!(first.skipped_total() + second.skipped_total(), 2);
    for d in &docs {
        let got = std::fs::read(c.out().events_path(&hash(d))).unwrap();
        assert_eq!(got, expected_events(d));
    }
    let names = listing(c.out().path());
    let outputs = names
        .iter()
        .filter(|n| !n.ends_with(".skips.jsonl"))
        .count();
    assert_eq!(outputs, docs.len(), "{names:?}");
}
