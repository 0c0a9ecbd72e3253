"""Rows per second: `Screener.screen_batch` in one Python process against the CLI's bulk mode, on the same rows.

    python python/bench/screen_batch.py [ROWS] [--vetter target/release/vetter]

The rows are bench/screening/queries.csv repeated up to ROWS (default 20,000). The CLI reads the CSV and
writes JSON lines; the bindings read the same CSV with pyarrow and screen it in batches of 10,000 rows.
Both open an index that is already compiled; the CLI's time includes opening it (a memory map) and writing
JSON, the bindings' time includes reading the CSV into Arrow.
"""

import argparse
import csv
import pathlib
import resource
import subprocess
import sys
import tempfile
import time

import pyarrow as pa
import pyarrow.csv as pacsv

import vetter

ROOT = pathlib.Path(__file__).resolve().parents[2]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("rows", type=int, nargs="?", default=20000)
    parser.add_argument("--vetter", default=str(ROOT / "target" / "release" / "vetter"))
    parser.add_argument("--batch-rows", type=int, default=10000)
    parser.add_argument("--csv", type=pathlib.Path, help="write the rows here (kept) instead of a temporary folder")
    args = parser.parse_args()

    with (ROOT / "bench" / "screening" / "queries.csv").open(newline="", encoding="utf-8") as f:
        base = list(csv.DictReader(f))
    work = pathlib.Path(tempfile.mkdtemp(prefix="vetter-bench-"))
    source = args.csv or work / "rows.csv"
    with source.open("w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=list(base[0].keys()))
        w.writeheader()
        for i in range(args.rows):
            w.writerow(base[i % len(base)])

    subprocess.run([args.vetter, "--quiet", "screen", "Vladimir Putin"], check=True, capture_output=True, cwd=ROOT)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu_before = children.ru_utime + children.ru_stime
    started = time.monotonic()
    subprocess.run(
        [args.vetter, "--quiet", "screen", "--input", str(source), "--output", str(work / "out.jsonl"), "--limit", "3"],
        check=True,
        cwd=ROOT,
    )
    cli = time.monotonic() - started
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    cli_cpu = children.ru_utime + children.ru_stime - cpu_before

    screener = vetter.Screener(data_dir=ROOT / "data" / "lists")
    started = time.monotonic()
    cpu_started = time.process_time()
    names = list(base[0].keys())
    table = pacsv.read_csv(
        source, convert_options=pacsv.ConvertOptions(column_types={n: pa.string() for n in names})
    )
    rows = 0
    for batch in table.to_batches(max_chunksize=args.batch_rows):
        rows += screener.screen_batch(batch, limit=3).num_rows
    py = time.monotonic() - started
    py_cpu = time.process_time() - cpu_started
    assert rows == args.rows

    print(f"rows: {args.rows}")
    print(f"cli bulk (csv -> jsonl): {cli:.1f} s, {args.rows / cli:.0f} rows/s")
    print(f"screen_batch (one process, csv read included): {py:.1f} s, {args.rows / py:.0f} rows/s")
    print(f"python boundary overhead vs CLI: {100 * (py - cli) / cli:+.1f}%")
    # CPU time is what the machine spent, whatever else ran on it: the fairer ratio on a shared machine.
    print(f"cpu: cli {cli_cpu:.1f} s ({args.rows / cli_cpu:.0f} rows/cpu-s), screen_batch {py_cpu:.1f} s "
          f"({args.rows / py_cpu:.0f} rows/cpu-s), overhead {100 * (py_cpu - cli_cpu) / cli_cpu:+.1f}%")


if __name__ == "__main__":
    sys.exit(main())
