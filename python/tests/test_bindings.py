"""The bindings against the CLI: the same hits for the same queries.

1. `Screener.screen` returns exactly the `results` of `vetter screen NAME --format json`.
2. `vetter.compare` returns exactly `vetter compare A B --format json`.
3. `Screener.screen_batch` on 3,000 rows gives, row by row, the hits of the CLI's bulk mode
   (`vetter screen --input rows.csv --output rows.jsonl`) on the same file.
4. Column roles: auto-detection, overrides, joined name parts, kept columns, per-row errors.
5. `Screener.scan` finds a listed person in a sentence.
6. One screener serves several Python threads at once with the same results.
"""

import json
import os

import pyarrow as pa
import pytest

import vetter
from conftest import query_rows, rows_to_batch, run_cli, write_csv

NAMES = [
    ("Vladimir Putin", None),
    ("Kim Jong Un", "Person"),
    ("Владимир Путин", None),
    ("محمد بن سلمان", "Person"),
    ("Rosneft", "Company"),
    ("Banco Nacional de Cuba", None),
    ("Joe Bloggs", None),
]


@pytest.mark.parametrize("name,schema", NAMES)
def test_screen_equals_cli(screener, name, schema):
    args = ["screen", name, "--format", "json", "--limit", "5"]
    if schema:
        args += ["--schema", schema]
    expected = json.loads(run_cli(*args))["results"]
    assert screener.screen(name, schema=schema, limit=5) == expected


def test_screen_with_fields_equals_cli(screener):
    expected = json.loads(
        run_cli("screen", "Vladimir Putin", "--birth-date", "1952-10-07", "--country", "ru", "--format", "json")
    )["results"]
    got = screener.screen("Vladimir Putin", birth_date="1952-10-07", countries=["ru"])
    assert got == expected
    assert got[0]["match"] is True
    assert got[0]["caption"] == "PUTIN, Vladimir Vladimirovich"


@pytest.mark.parametrize("a,b,schema", [("Vladimir Putin", "Wladimir Putin", "Person"), ("Rosneft", "Rosneft Oil", "Company")])
def test_compare_equals_cli(screener, a, b, schema):
    expected = json.loads(run_cli("compare", a, b, "--schema", schema, "--format", "json"))
    assert vetter.compare(a, b, schema=schema) == expected
    assert screener.compare(a, b, schema=schema) == expected


def test_screen_batch_equals_cli_bulk(screener, tmp_path):
    rows = query_rows(int(os.environ.get("VETTER_BATCH_ROWS", "3000")))
    path = tmp_path / "rows.csv"
    write_csv(rows, path)
    out = tmp_path / "rows.jsonl"
    run_cli("screen", "--input", str(path), "--output", str(out), "--limit", "3")
    cli = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(cli) == len(rows)

    result = screener.screen_batch(rows_to_batch(rows), limit=3)
    assert result.num_rows == len(rows)
    assert result.schema.names == ["row", "hits", "error"]
    got = result.to_pylist()
    for i, (mine, theirs) in enumerate(zip(got, cli)):
        assert mine["row"] == i
        assert mine["error"] is None, mine
        expected = [
            {
                "id": h["id"],
                "caption": h["caption"],
                "score": h["score"],
                "match": h["match"],
                "datasets": h["datasets"],
                "topics": h["topics"],
            }
            for h in theirs["results"]
        ]
        assert mine["hits"] == expected, (i, rows[i]["name"])


def test_screen_batch_columns_and_errors(screener):
    batch = pa.RecordBatch.from_pydict(
        {
            "customer": [1, 2, 3, 4],
            "First Name": ["Vladimir", "", "Kim", "Vladimir"],
            "Last Name": ["Putin", "", "Jong Un", "Putin"],
            "type": ["Person", "Person", "Person", "Spaceship"],
            "DOB": ["1952-10-07", None, None, None],
        }
    )
    out = screener.screen_batch(batch, keep=["customer"], limit=2).to_pylist()
    assert [r["customer"] for r in out] == [1, 2, 3, 4]
    assert out[0]["hits"][0]["caption"] == "PUTIN, Vladimir Vladimirovich"
    assert out[0]["hits"][0]["match"] is True
    assert len(out[0]["hits"]) <= 2
    assert out[1]["hits"] == [] and out[1]["error"] == "no name"
    assert out[2]["error"] is None and out[2]["hits"]
    assert out[3]["hits"] == [] and "Spaceship" in out[3]["error"]

    # An explicit mapping replaces what the headers say; a list for `name` is joined.
    mapped = screener.screen_batch(batch, columns={"name": ["Last Name", "First Name"], "schema": []}, limit=1)
    top = mapped.to_pylist()[3]
    assert top["error"] is None and top["hits"][0]["caption"] == "PUTIN, Vladimir Vladimirovich"

    with pytest.raises(ValueError, match="no name column"):
        screener.screen_batch(pa.RecordBatch.from_pydict({"x": ["a"]}))
    with pytest.raises(ValueError, match="unknown role"):
        screener.screen_batch(batch, columns={"nickname": "customer"})


def test_screen_batch_hits_type(screener):
    out = screener.screen_batch(pa.RecordBatch.from_pydict({"name": ["Vladimir Putin"]}))
    hit = out.schema.field("hits").type.value_type
    assert [hit.field(i).name for i in range(hit.num_fields)] == ["id", "caption", "score", "match", "datasets", "topics"]
    assert out.schema.field("row").type == pa.int64()


def test_screen_rejects_bad_input(screener):
    with pytest.raises(ValueError):
        screener.screen("  ")
    with pytest.raises(ValueError):
        screener.screen("Vladimir Putin", schema="Spaceship")


def test_scan(screener):
    report = screener.scan("Elon Musk met Russian President Vladimir Putin.", subject="Elon Musk")
    assert report["mentions"][0]["entity"]["caption"] == "PUTIN, Vladimir Vladimirovich"
    assert len(screener) > 1000


def test_screen_batch_from_threads(screener):
    """The GIL is released during `screen_batch`, so Python threads can share one screener."""
    from concurrent.futures import ThreadPoolExecutor

    batch = rows_to_batch(query_rows(300))
    alone = screener.screen_batch(batch)
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda _: screener.screen_batch(batch), range(4)))
    assert all(r.equals(alone) for r in results)
