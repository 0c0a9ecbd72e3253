#!/usr/bin/env bash
# Builds the vetter wheel (maturin, release) into a venv and runs the Python tests:
# the bindings against the CLI, screen_batch on 3,000 rows, and examples/spark_screen.py
# on Spark local[2] (2,000 rows; VETTER_SPARK_ROWS=100000 for the full run).
# Needs python3 >= 3.9 and, for Spark, java (OpenJDK 17). Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=target/py-venv
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install -q 'maturin>=1.9,<2' pytest 'pyarrow>=14' 'pyspark>=4' 'pandas>=2.2,<3'

# The CLI the bindings are compared with (a no-op when it is up to date).
if [ -z "${VETTER_BIN:-}" ]; then
  cargo build -p vetter --locked --quiet
  export VETTER_BIN="$PWD/target/debug/vetter"
fi

rm -rf target/wheels/vetter-*.whl
(cd python && "../$venv/bin/maturin" build --release --locked --quiet -o ../target/wheels)
"$venv/bin/pip" install -q --force-reinstall --no-deps target/wheels/vetter-*.whl
cd python && "../$venv/bin/pytest" tests -q -p no:cacheprovider "$@"
