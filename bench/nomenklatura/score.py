"""Score the same labelled pairs with nomenklatura's logic-v2 and with vetter.

Run through run.sh, which creates the virtualenv and builds vetter:

    bench/nomenklatura/run.sh [PAIRS.csv ...]

Each pair becomes two FollowTheMoney entities of the pair's schema with one
`name` property (name1 is the query, name2 the result), scored with
`nomenklatura.matching.LogicV2.compare` and its default configuration; a score
of at least 0.7 is a match (the package has no threshold of its own; 0.7 is
the default of yente, OpenSanctions' matching API built on it). The same file
goes through `vetter compare --input ... --output ...`, whose `match` column
is vetter's decision at its own default threshold.

Timing: logic-v2 is timed over the scoring loop only (entities built
beforehand, after a warm-up on other names so that lazily loaded data is in
memory; every entity has a fresh id, so nomenklatura's per-entity caches never
hit). vetter is timed as a whole process (start, read the CSV, normalise,
score, write the CSV), the median of three runs after a warm-up. Both are
single-threaded.

vetter's score calibration is fitted on 70% of generated.csv; the summary
splits the figures the same way so that the held-out part can be read alone.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import importlib.metadata
import itertools
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

THRESHOLD = 0.7
SCHEMAS = {"Person", "Organization", "Company", "LegalEntity", "Vessel"}


def read_pairs(paths: list[Path]) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for path in paths:
        with path.open(newline="", encoding="utf-8") as f:
            for i, row in enumerate(csv.DictReader(f), start=1):
                row["file"] = path.name
                row["row"] = str(i)
                if row.get("schema") not in SCHEMAS:
                    row["schema"] = "LegalEntity"
                rows.append(row)
    return rows


def metrics(expected: list[bool], predicted: list[bool]) -> dict[str, float | int | None]:
    tp = sum(e and p for e, p in zip(expected, predicted))
    fp = sum((not e) and p for e, p in zip(expected, predicted))
    fn = sum(e and (not p) for e, p in zip(expected, predicted))
    tn = len(expected) - tp - fp - fn

    def ratio(a: int, b: int) -> float | None:
        return a / b if b else None

    return {
        "pairs": len(expected),
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "tn": tn,
        "precision": ratio(tp, tp + fp),
        "recall": ratio(tp, tp + fn),
        "f1": ratio(2 * tp, 2 * tp + fp + fn),
    }


def fmt(v: float | None) -> str:
    return "-" if v is None else f"{v:.3f}"


def score_nomenklatura(pairs: list[dict[str, str]]) -> tuple[list[float], float]:
    from followthemoney import model
    from nomenklatura.matching import LogicV2

    config = LogicV2.default_config()
    ids = itertools.count()

    def entity(schema: str, name: str):
        e = model.make_entity(schema)
        e.id = f"e{next(ids)}"
        e.add("name", name)
        return e

    # Warm-up on names outside the set: loads rigour's and nomenklatura's data files.
    for a, b, s in [
        ("Jane Example", "Example, Jane", "Person"),
        ("Иван Примеров", "Ivan Primerov", "Person"),
        ("Example Trading LLC", "OOO Example Trading", "Company"),
        ("EXAMPLE STAR", "EXAMPLE STAR 2", "Vessel"),
    ]:
        LogicV2.compare(entity(s, a), entity(s, b), config)

    entities = [(entity(p["schema"], p["name1"]), entity(p["schema"], p["name2"])) for p in pairs]
    scores: list[float] = []
    started = time.perf_counter()
    for query, result in entities:
        scores.append(LogicV2.compare(query, result, config).score)
    return scores, time.perf_counter() - started


def score_vetter(pairs: list[dict[str, str]], vetter: Path, work: Path) -> tuple[list[float | None], list[bool], float]:
    infile = work / "pairs.csv"
    outfile = work / "scores.csv"
    with infile.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["name1", "name2", "schema"])
        for p in pairs:
            w.writerow([p["name1"], p["name2"], p["schema"]])
    cmd = [str(vetter), "--quiet", "compare", "--input", str(infile), "--output", str(outfile)]
    subprocess.run(cmd, check=True)  # warm-up
    times = []
    for _ in range(3):
        started = time.perf_counter()
        subprocess.run(cmd, check=True)
        times.append(time.perf_counter() - started)
    scores: list[float | None] = []
    decisions: list[bool] = []
    with outfile.open(newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            scores.append(float(row["score"]) if row["score"] else None)
            decisions.append(row["match"] == "true")
    assert len(scores) == len(pairs), (len(scores), len(pairs))
    return scores, decisions, statistics.median(times)


def git(repo: Path, *args: str) -> str:
    try:
        return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "?"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pairs", nargs="+", type=Path, help="labelled pair files (name1,name2,schema,expected,...)")
    parser.add_argument("--vetter", type=Path, required=True, help="the vetter binary")
    parser.add_argument("--repo", type=Path, required=True, help="the vetter repository (for the commit)")
    parser.add_argument("--runs", type=Path, help="write scores.csv and summary.md into RUNS/<date>")
    args = parser.parse_args()

    pairs = read_pairs(args.pairs)
    expected = [p["expected"].strip().lower() == "true" for p in pairs]

    nk_scores, nk_seconds = score_nomenklatura(pairs)
    nk_match = [s >= THRESHOLD for s in nk_scores]
    with tempfile.TemporaryDirectory() as tmp:
        vt_scores, vt_match, vt_seconds = score_vetter(pairs, args.vetter, Path(tmp))
    unscored = sum(s is None for s in vt_scores)

    nk = metrics(expected, nk_match)
    vt = metrics(expected, vt_match)
    n = len(pairs)
    nk_rate = n / nk_seconds
    vt_rate = n / vt_seconds

    versions = {name: importlib.metadata.version(name) for name in ["nomenklatura", "followthemoney", "rigour"]}
    head = git(args.repo, "rev-parse", "--short", "HEAD")
    matcher_commit = git(args.repo, "log", "-1", "--format=%h %s", "--", "crates/vetter-matcher")
    names_commit = git(args.repo, "log", "-1", "--format=%h %s", "--", "crates/vetter-names")
    dirty = git(args.repo, "status", "--porcelain", "--", "crates/vetter-matcher", "crates/vetter-names")
    today = datetime.date.today().isoformat()

    lines = []
    files = ", ".join(os.path.relpath(p, args.repo) for p in args.pairs)
    lines.append(f"{n} pairs from {files}; {sum(expected)} positives")
    lines.append(
        f"nomenklatura {versions['nomenklatura']} (followthemoney {versions['followthemoney']}, "
        f"rigour {versions['rigour']}), logic-v2 default config, match at score >= {THRESHOLD}; "
        f"Python {platform.python_version()}"
    )
    lines.append(
        f"vetter at {head}; matcher {matcher_commit}; names {names_commit}"
        + ("; working tree of vetter-matcher/vetter-names has uncommitted changes" if dirty else "")
    )
    lines.append(f"machine: {platform.machine()}, {os.cpu_count()} cores, {today}")
    lines.append("")
    lines.append("| | precision | recall | F1 | pairs/s | seconds |")
    lines.append("|---|---:|---:|---:|---:|---:|")
    lines.append(
        f"| nomenklatura logic-v2 | {fmt(nk['precision'])} | {fmt(nk['recall'])} | {fmt(nk['f1'])} "
        f"| {nk_rate:,.0f} | {nk_seconds:.3f} |"
    )
    lines.append(
        f"| vetter | {fmt(vt['precision'])} | {fmt(vt['recall'])} | {fmt(vt['f1'])} "
        f"| {vt_rate:,.0f} | {vt_seconds:.3f} |"
    )
    f1_ratio = (vt["f1"] / nk["f1"]) if vt["f1"] and nk["f1"] else None
    lines.append(f"| vetter / logic-v2 | | | {fmt(f1_ratio)} | {vt_rate / nk_rate:.1f}x | |")
    if unscored:
        lines.append(f"\n{unscored} pairs could not be scored by vetter (counted as no match)")

    # Per script and per schema class, side by side.
    def groups(key) -> list[str]:
        out = ["", "| group | pairs | logic-v2 F1 | vetter F1 | logic-v2 P / R | vetter P / R |", "|---|---:|---:|---:|---:|---:|"]
        keys = sorted({key(p) for p in pairs})
        for k in keys:
            idx = [i for i, p in enumerate(pairs) if key(p) == k]
            e = [expected[i] for i in idx]
            a = metrics(e, [nk_match[i] for i in idx])
            b = metrics(e, [vt_match[i] for i in idx])
            out.append(
                f"| {k} | {len(idx)} | {fmt(a['f1'])} | {fmt(b['f1'])} "
                f"| {fmt(a['precision'])} / {fmt(a['recall'])} | {fmt(b['precision'])} / {fmt(b['recall'])} |"
            )
        return out

    def schema_class(p):
        return {"Company": "Organization*", "Organization": "Organization*", "LegalEntity": "Organization*"}.get(
            p["schema"], p["schema"]
        )

    # vetter's calibration (crates/vetter-matcher/examples/calibrate.rs) fits its
    # coefficients on 70% of generated.csv, split by an FNV-1a hash of the two
    # names; the same split here shows vetter's figures on pairs it was not fitted on.
    def split(p):
        h = 0xCBF29CE484222325
        for byte in p["name1"].encode() + b"\0" + p["name2"].encode():
            h = ((h ^ byte) * 0x100000001B3) % 2**64
        if p["file"] != "generated.csv":
            return f"{p['file']} (held out)"
        return "generated.csv: fitted (70%)" if h % 10 < 7 else "generated.csv: held out (30%)"

    lines += groups(split)
    lines += groups(schema_class)
    lines += groups(lambda p: p.get("script") or "-")
    summary = "\n".join(lines)
    print(summary)

    if args.runs:
        out_dir = args.runs / today
        out_dir.mkdir(parents=True, exist_ok=True)
        (out_dir / "summary.md").write_text(summary + "\n", encoding="utf-8")
        with (out_dir / "scores.csv").open("w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["file", "row", "schema", "script", "expected", "logic_v2_score", "logic_v2_match", "vetter_score", "vetter_match"])
            for p, e, a, b, c in zip(pairs, expected, nk_scores, vt_scores, vt_match):
                w.writerow(
                    [p["file"], p["row"], p["schema"], p.get("script", ""), str(e).lower(), f"{a:.4f}",
                     str(a >= THRESHOLD).lower(), "" if b is None else f"{b:.4f}", str(c).lower()]
                )
        print(f"\nwrote {out_dir / 'summary.md'} and {out_dir / 'scores.csv'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
