#!/usr/bin/env bash
# Issue 9's figures on the same ROWS rows (default 1,000,000; bench/screening/queries.csv repeated):
# the CLI's bulk mode and Screener.screen_batch in one Python process (python/bench/screen_batch.py),
# then examples/spark_screen.py on Spark local[2] over the same CSV.
#
#     python/bench/at_scale.sh [ROWS]
#
# Needs what python/run_tests.sh needs (python3, java for Spark). Release builds throughout.
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=${1:-1000000}
venv=target/py-venv
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install -q 'maturin>=1.9,<2' 'pyarrow>=14' 'pyspark>=4' 'pandas>=2.2,<3'
cargo build --release -p vetter --locked --quiet
rm -rf target/wheels/vetter-*.whl
(cd python && "../$venv/bin/maturin" build --release --locked --quiet -o ../target/wheels)
"$venv/bin/pip" install -q --force-reinstall --no-deps target/wheels/vetter-*.whl

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$venv/bin/python" python/bench/screen_batch.py "$rows" --csv target/bench-rows.csv
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
# One CSV file is read by one task: repartition so that both executor cores screen.
"$venv/bin/python" examples/spark_screen.py target/bench-rows.csv target/bench-hits --master 'local[2]' --partitions 4
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf target/bench-rows.csv target/bench-hits
