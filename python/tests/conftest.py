"""Shared fixtures: the repository, the CLI binary, one screener, and query rows."""

import csv
import os
import pathlib
import subprocess

import pyarrow as pa
import pytest

import vetter

ROOT = pathlib.Path(__file__).resolve().parents[2]
QUERIES = ROOT / "bench" / "screening" / "queries.csv"


def cli_path() -> pathlib.Path:
    """The `vetter` binary to compare with: $VETTER_BIN, else the release build, else the debug build."""
    given = os.environ.get("VETTER_BIN")
    if given:
        return pathlib.Path(given)
    for profile in ("release", "debug"):
        path = ROOT / "target" / profile / "vetter"
        if path.exists():
            return path
    pytest.skip("no `vetter` binary; run `cargo build -p vetter` (python/run_tests.sh does)")


def run_cli(*args: str) -> str:
    """Runs the CLI on the bundled lists; returns stdout."""
    done = subprocess.run(
        [str(cli_path()), "--quiet", *args], cwd=ROOT, check=True, capture_output=True, text=True
    )
    return done.stdout


@pytest.fixture(scope="session")
def screener(tmp_path_factory) -> vetter.Screener:
    # An index of its own, so that a CLI built from other source does not rebuild the same file.
    index = tmp_path_factory.mktemp("index") / "lists.vtx"
    return vetter.Screener(data_dir=ROOT / "data" / "lists", index_path=index)


def query_rows(n: int) -> list[dict[str, str]]:
    """The first `n` rows of bench/screening/queries.csv (names in many scripts, with schema, birth date, country)."""
    with QUERIES.open(newline="", encoding="utf-8") as f:
        rows = []
        for row in csv.DictReader(f):
            rows.append(row)
            if len(rows) == n:
                break
    return rows


def rows_to_batch(rows: list[dict[str, str]]) -> pa.RecordBatch:
    names = list(rows[0].keys())
    return pa.RecordBatch.from_arrays([pa.array([r[c] for r in rows], pa.string()) for c in names], names=names)


def write_csv(rows: list[dict[str, str]], path: pathlib.Path) -> None:
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
        w.writeheader()
        w.writerows(rows)
