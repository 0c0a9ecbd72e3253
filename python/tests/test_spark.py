"""examples/spark_screen.py in Spark local mode (`local[2]`, PyPI pyspark, the machine's Java 17).

Runs on $VETTER_SPARK_ROWS rows of bench/screening/queries.csv, repeated as needed (default 2,000;
100,000 for the benchmark), and checks that every row comes back once with the hits
`Screener.screen_batch` gives for it in this process.
"""

import os
import pathlib
import shutil
import subprocess
import sys

import pyarrow.parquet as pq
import pytest

from conftest import ROOT, query_rows, rows_to_batch, write_csv

pytest.importorskip("pyspark")


@pytest.mark.skipif(shutil.which("java") is None, reason="no java on PATH")
def test_spark_example_local(screener, tmp_path):
    n = int(os.environ.get("VETTER_SPARK_ROWS", "2000"))
    base = query_rows(min(n, 50000))
    rows = [dict(base[i % len(base)], customer_id=str(i)) for i in range(n)]
    source = tmp_path / "people.csv"
    write_csv(rows, source)
    out = tmp_path / "hits.parquet"
    done = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "spark_screen.py"), str(source), str(out),
         "--master", "local[2]", "--id-column", "customer_id", "--limit", "3"],
        cwd=tmp_path, capture_output=True, text=True, timeout=3600,
        env=dict(os.environ, PYSPARK_PYTHON=sys.executable, PYSPARK_DRIVER_PYTHON=sys.executable),
    )
    assert done.returncode == 0, done.stderr[-5000:]
    print(done.stdout.strip())

    table = pq.read_table(out).to_pylist()
    assert sorted(int(r["customer_id"]) for r in table) == list(range(n))
    by_row = {int(r["customer_id"]): r for r in table}
    sample = rows[: min(n, 500)]
    expected = screener.screen_batch(rows_to_batch(sample), limit=3).to_pylist()
    for i, e in enumerate(expected):
        assert by_row[i]["error"] == e["error"]
        assert by_row[i]["hits"] == e["hits"], (i, sample[i]["name"])
