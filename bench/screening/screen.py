"""Screen the same queries with nomenklatura and with vetter, against the same entities.

Run through run.sh, which creates the virtualenv and builds vetter:

    bench/screening/run.sh [QUERIES.csv] [--per-listed-kind N] [--per-synthetic-kind N] [--candidates K] [--batch N]

The queries file has the header `row,kind,script,name,schema,birth_date,country,expected`;
`expected` is the id of the listed entity the query should find (empty for
synthetic people on no list). Both engines screen the same fixed sample of it
(by default at most 1,000 queries of each listed kind and 200 of each
synthetic kind, chosen by a hash of the row number), which keeps the
nomenklatura side to a few minutes.

Both sides screen against the entities vetter compiled from the bundled lists:
`vetter lists export --format ftm` writes them as FollowTheMoney JSON lines,
and nomenklatura reads that file.

nomenklatura (the reference stack without Elasticsearch): the export is read
into a `MemoryStore`, nomenklatura's blocking index (`nomenklatura.blocker.Index`,
DuckDB, default options) is built over it, every query becomes an FtM entity
(`name`, `birthDate` for people, `country`), `Index.match_entities` returns
each query's blocking candidates, the top K of them are scored with
`LogicV2.compare(query, candidate, LogicV2.default_config())`, ranked by that
score and matched at 0.7 (yente's default threshold).

vetter: `vetter screen --input queries.csv --output out.jsonl` (bulk mode, its
own default threshold of 0.7, the ten best results per row).

Quality: recall@1 and recall@10 of the expected entity (results with equal
scores share the better rank: an alias two entities share ties them), recall
at the threshold (the expected entity among the results scored as a match),
and on the synthetic people the rate of rows with any match and with a match
on a sanctioned entity.

Timing, each part on its own:
- index build: vetter `lists build --force` (parse every list, resolve,
  write the artifact), one run; nomenklatura reading the export into the
  store and `Index.build()`, one run.
- queries: nomenklatura blocking (`match_entities` over all queries) plus
  scoring (LogicV2 on the candidates), one run, after a warm-up on five other
  queries; vetter a whole `vetter screen --input` process (start, load the
  artifact, read, screen, write), the median of three runs after a warm-up,
  on all cores and on one (`RAYON_NUM_THREADS=1`), and the screening loop alone
  as vetter reports it on stderr (read, screen and write, without loading).
"""

from __future__ import annotations

import argparse
import csv
import datetime
import gzip
import hashlib
import importlib.metadata
import io
import json
import logging
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

THRESHOLD = 0.7
TOP = 10
FTM_SCHEMA = {"Aircraft": "Airplane"}


@dataclass
class Ranked:
    """One engine's answer to one query: result ids best first, with scores."""

    ids: list[str] = field(default_factory=list)
    scores: list[float] = field(default_factory=list)
    sanctioned: list[bool] = field(default_factory=list)
    error: str = ""
    # nomenklatura only: the blocker's candidate ids, best first.
    blocked: list[str] = field(default_factory=list)

    def position(self, expected: set[str]) -> int | None:
        """The 0-based position of the first expected id among the results, or None."""
        return next((i for i, id in enumerate(self.ids) if id in expected), None)

    def rank(self, expected: set[str]) -> int | None:
        """The 1-based rank of the first expected id, ties sharing the better rank, or None.

        An alias that two entities share (namesakes, or one person two lists
        name without anything to merge them on) gives both the same score; the
        order an engine breaks that tie in says nothing about its quality.
        """
        at = self.position(expected)
        if at is None:
            return None
        return 1 + sum(score > self.scores[at] + 1e-9 for score in self.scores)

    def expected_score(self, expected: set[str]) -> float | None:
        at = self.position(expected)
        return None if at is None else self.scores[at]

    def matches(self) -> int:
        return sum(s >= THRESHOLD for s in self.scores)

    def sanctioned_matches(self) -> int:
        return sum(s >= THRESHOLD and x for s, x in zip(self.scores, self.sanctioned))


def read_queries(path: Path, per_listed: int, per_synthetic: int) -> list[dict[str, str]]:
    """The queries, at most `per_listed` of each kind with an expected entity and
    `per_synthetic` of each other kind (0: all), in file order."""
    with path.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    # A deterministic sample of each kind: the rows with the smallest hash of their row number.
    by_kind: dict[str, list[dict[str, str]]] = defaultdict(list)
    for r in rows:
        by_kind[r["kind"]].append(r)
    keep: set[int] = set()
    for kind_rows in by_kind.values():
        cap = per_listed if any(r.get("expected") for r in kind_rows) else per_synthetic
        if cap > 0:
            kind_rows = sorted(kind_rows, key=lambda r: hashlib.sha1(r["row"].encode()).hexdigest())[:cap]
        keep.update(id(r) for r in kind_rows)
    return [r for r in rows if id(r) in keep]


def read_export(path: Path) -> tuple[dict[str, str], dict[str, bool], int]:
    """Every id and referent to its entity id, and whether each entity is sanctioned."""
    canonical: dict[str, str] = {}
    sanctioned: dict[str, bool] = {}
    n = 0
    with path.open(encoding="utf-8") as f:
        for line in f:
            e = json.loads(line)
            n += 1
            canonical[e["id"]] = e["id"]
            for r in e.get("referents", []):
                canonical.setdefault(r, e["id"])
            sanctioned[e["id"]] = "sanction" in e["properties"].get("topics", [])
    return canonical, sanctioned, n


def run_timed(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run(cmd, check=True, capture_output=True, text=True, env=env)
    return time.perf_counter() - started, done.stderr


# --- vetter ---------------------------------------------------------------


def vetter_build(vetter: Path) -> float:
    seconds, _ = run_timed([str(vetter), "--quiet", "lists", "build", "--force"])
    return seconds


def vetter_screen(vetter: Path, queries: list[dict[str, str]], work: Path, sanctioned: dict[str, bool]) -> tuple[list[Ranked], dict[str, float]]:
    infile = work / "queries.csv"
    outfile = work / "vetter.jsonl"
    columns = ["row", "kind", "script", "name", "schema", "birth_date", "country"]
    with infile.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(columns)
        for q in queries:
            w.writerow([q.get(c, "") for c in columns])
    cmd = [str(vetter), "screen", "--input", str(infile), "--output", str(outfile), "--limit", str(TOP)]

    def fresh(env: dict[str, str] | None) -> tuple[float, str]:
        # Each run starts from no output, so that none continues an earlier one.
        for stale in work.glob("vetter.*"):
            stale.unlink()
        return run_timed(cmd, env)

    def runs(env: dict[str, str] | None) -> tuple[float, float]:
        fresh(env)  # warm-up: the artifact and the binary in the page cache
        walls, loops = [], []
        for _ in range(3):
            wall, stderr = fresh(env)
            walls.append(wall)
            m = re.search(r"screened [\d,]+ rows.*? in ([0-9.]+) s", stderr)
            loops.append(float(m.group(1)) if m else float("nan"))
        return statistics.median(walls), statistics.median(loops)

    # One query at a time, a whole `vetter screen NAME` process: the first three listed queries, the median.
    alone = []
    for q in [q for q in queries if q.get("expected")][:3]:
        one = [str(vetter), "screen", q["name"], "--format", "json"]
        if q.get("schema"):
            one += ["--schema", q["schema"]]
        run_timed(one)
        alone.append(run_timed(one)[0])

    wall_all, loop_all = runs(None)
    wall_one, loop_one = runs({**os.environ, "RAYON_NUM_THREADS": "1"})
    timing = {"wall": wall_all, "loop": loop_all, "wall_1": wall_one, "loop_1": loop_one, "alone": statistics.median(alone)}

    ranked: list[Ranked] = []
    with outfile.open(encoding="utf-8") as f:
        for line in f:
            out = json.loads(line)
            r = Ranked(error=out.get("error") or "")
            for hit in out.get("results") or []:
                r.ids.append(hit["id"])
                r.scores.append(hit["score"])
                r.sanctioned.append(hit["risk"] == "sanctioned" or sanctioned.get(hit["id"], False))
            ranked.append(r)
    assert len(ranked) == len(queries), (len(ranked), len(queries))
    return ranked, timing


# --- nomenklatura ---------------------------------------------------------


def nomenklatura_screen(
    export: Path, queries: list[dict[str, str]], work: Path, candidates: int, batch: int, sanctioned: dict[str, bool]
) -> tuple[list[Ranked], dict[str, float]]:
    import orjson
    from followthemoney import Dataset, StatementEntity, model
    from nomenklatura.blocker import Index
    from nomenklatura.matching import LogicV2
    from nomenklatura.resolver import Linker
    from nomenklatura.store import MemoryStore

    timing: dict[str, float] = {}
    started = time.perf_counter()
    lists = Dataset.make({"name": "vetter_export", "title": "vetter lists export"})
    store = MemoryStore(lists, Linker({}))
    with store.writer() as writer, export.open("rb") as f:
        for line in f:
            writer.add_entity(StatementEntity.from_data(lists, orjson.loads(line)))
    view = store.default_view()
    timing["load"] = time.perf_counter() - started

    started = time.perf_counter()
    index = Index(view, work / "nomenklatura-index")
    index.build()
    timing["build"] = time.perf_counter() - started

    query_ds = Dataset.make({"name": "queries", "title": "benchmark queries"})

    def entity(id: str, q: dict[str, str]) -> StatementEntity:
        schema = FTM_SCHEMA.get(q.get("schema") or "", q.get("schema") or "") or "LegalEntity"
        if model.get(schema) is None:
            schema = "LegalEntity"
        e = StatementEntity(query_ds, {"schema": schema, "id": id})
        e.add("name", q["name"])
        if q.get("birth_date") and "birthDate" in e.schema.properties:
            e.add("birthDate", q["birth_date"])
        for c in (q.get("country") or "").replace(";", ",").split(","):
            if c.strip():
                e.add("country", c.strip().lower(), quiet=True)
        return e

    config = LogicV2.default_config()

    def screen(entities: list[StatementEntity]) -> tuple[dict[str, Ranked], float, float]:
        found: dict[str, list[tuple[str, float]]] = {}
        t0 = time.perf_counter()
        for i in range(0, len(entities), batch):
            for qid, matches in index.match_entities(entities[i : i + batch]):
                found[qid.id] = [(m.id, score) for m, score in matches]
        t1 = time.perf_counter()
        out: dict[str, Ranked] = {}
        for e in entities:
            blocked = found.get(e.id, [])
            scored = []
            for cid, bscore in blocked[:candidates]:
                candidate = view.get_entity(cid)
                if candidate is None:
                    continue
                scored.append((LogicV2.compare(e, candidate, config).score, bscore, cid))
            scored.sort(key=lambda s: (-s[0], -s[1], s[2]))
            r = Ranked(blocked=[cid for cid, _ in blocked])
            for score, _, cid in scored[:TOP]:
                r.ids.append(cid)
                r.scores.append(score)
                r.sanctioned.append(sanctioned.get(cid, False))
            out[e.id] = r
        return out, t1 - t0, time.perf_counter() - t1

    # Warm-up on queries outside the set: loads rigour's and nomenklatura's data and DuckDB's tables.
    warm = [
        ("Jane Example", "Person"),
        ("Иван Примеров", "Person"),
        ("Example Trading LLC", "Company"),
        ("EXAMPLE STAR", "Vessel"),
        ("محمد مثال", "Person"),
    ]
    screen([entity(f"warm-{i}", {"name": n, "schema": s}) for i, (n, s) in enumerate(warm)])

    entities = [entity(f"q-{i}", q) for i, q in enumerate(queries)]
    out, timing["blocking"], timing["scoring"] = screen(entities)
    # One query at a time, as a screening service answers: the first three listed queries, the median.
    alone = [screen([entity(f"alone-{i}", q)]) for i, q in enumerate([q for q in queries if q.get("expected")][:3])]
    timing["alone_blocking"] = statistics.median(b for _, b, _ in alone)
    timing["alone_scoring"] = statistics.median(s for _, _, s in alone)
    index.close()
    return [out[e.id] for e in entities], timing


# --- report ---------------------------------------------------------------


def ratio(a: float, b: float) -> float | None:
    return a / b if b else None


def pct(v: float | None) -> str:
    return "-" if v is None else f"{100 * v:.1f}%"


def git(repo: Path, *args: str) -> str:
    try:
        return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "?"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("queries", type=Path, help="queries CSV (row,kind,script,name,schema,birth_date,country,expected)")
    parser.add_argument("--vetter", type=Path, required=True, help="the vetter binary")
    parser.add_argument("--repo", type=Path, required=True, help="the checkout vetter was built from (for the commit)")
    parser.add_argument("--runs", type=Path, help="write summary.md and results.csv.gz into RUNS/<date>")
    parser.add_argument("--per-listed-kind", type=int, default=1000, help="at most N queries of each listed kind (0: all)")
    parser.add_argument("--per-synthetic-kind", type=int, default=200, help="at most N queries of each other kind (0: all)")
    parser.add_argument("--candidates", type=int, default=50, help="blocking candidates nomenklatura scores per query")
    parser.add_argument("--batch", type=int, default=0, help="queries per nomenklatura match_entities call (0: all)")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)

    load_before = os.getloadavg()[0]
    # The checkout as it was built (run.sh builds just before), not as it is minutes later.
    head = git(args.repo, "rev-parse", "--short", "HEAD")
    engine_commit = git(args.repo, "log", "-1", "--format=%h", "--", "crates/vetter-engine")
    matcher_commit = git(args.repo, "log", "-1", "--format=%h", "--", "crates/vetter-matcher", "crates/vetter-names")
    dirty = git(args.repo, "status", "--porcelain", "--", "crates")
    queries = read_queries(args.queries, args.per_listed_kind, args.per_synthetic_kind)
    n = len(queries)
    batch = args.batch or n
    print(f"{n} queries from {args.queries}", file=sys.stderr)

    with tempfile.TemporaryDirectory(prefix="vetter-screening-") as tmp:
        work = Path(tmp)
        export = work / "entities.ftm.json"
        vt_build = vetter_build(args.vetter)
        export_seconds, _ = run_timed([str(args.vetter), "--quiet", "lists", "export", "--output", str(export)])
        canonical, sanctioned, entity_count = read_export(export)
        print(f"exported {entity_count} entities; screening with vetter...", file=sys.stderr)
        vt, vt_time = vetter_screen(args.vetter, queries, work, sanctioned)
        print("screening with nomenklatura...", file=sys.stderr)
        nk, nk_time = nomenklatura_screen(export, queries, work, args.candidates, batch, sanctioned)

    expected: list[set[str]] = []
    unknown_expected = 0
    for q in queries:
        ids = {i.strip() for i in (q.get("expected") or "").split(";") if i.strip()}
        known = {canonical[i] for i in ids if i in canonical}
        unknown_expected += bool(ids) and not known
        expected.append(known if known else ids)
    listed = [i for i, e in enumerate(expected) if e]
    unlisted = [i for i, e in enumerate(expected) if not e]

    def quality(side: list[Ranked], idx: list[int]) -> dict[str, float | None]:
        lq = [i for i in idx if expected[i]]
        uq = [i for i in idx if not expected[i]]
        ranks = [side[i].rank(expected[i]) for i in lq]
        at_threshold = [(side[i].expected_score(expected[i]) or 0.0) >= THRESHOLD for i in lq]
        return {
            "listed": len(lq),
            "r1": ratio(sum(r == 1 for r in ranks), len(lq)),
            "r10": ratio(sum(r is not None and r <= TOP for r in ranks), len(lq)),
            "rt": ratio(sum(at_threshold), len(lq)),
            "unlisted": len(uq),
            "fmr": ratio(sum(side[i].matches() > 0 for i in uq), len(uq)),
            "sfmr": ratio(sum(side[i].sanctioned_matches() > 0 for i in uq), len(uq)),
        }

    everything = list(range(n))
    qn, qv = quality(nk, everything), quality(vt, everything)
    nk_query = nk_time["blocking"] + nk_time["scoring"]
    nk_qps = n / nk_query
    vt_qps = n / vt_time["wall"]

    versions = {p: importlib.metadata.version(p) for p in ["nomenklatura", "followthemoney", "rigour", "duckdb"]}
    today = datetime.date.today().isoformat()
    blocker_recall = {
        k: pct(ratio(sum(bool(expected[i] & set(nk[i].blocked[:k])) for i in listed), len(listed)))
        for k in sorted({10, 20, 50, args.candidates})
    }
    blocked_all = sum(bool(expected[i] & set(nk[i].blocked)) for i in listed)
    vt_errors = sum(bool(r.error) for r in vt)

    L: list[str] = []
    L.append(f"# Screening side by side, {today}")
    L.append("")
    L.append(
        f"{n} queries from `{os.path.relpath(args.queries.resolve(), Path(__file__).resolve().parents[2])}`"
        + f" (a fixed sample: at most {args.per_listed_kind or 'all'} of each listed kind and "
        f"{args.per_synthetic_kind or 'all'} of each synthetic kind)"
        + f": {len(listed)} of listed entities, {len(unlisted)} synthetic people on no list; "
        f"{entity_count:,} entities (the bundled lists merged by vetter, exported with `vetter lists export`)."
    )
    L.append(
        f"nomenklatura {versions['nomenklatura']} (followthemoney {versions['followthemoney']}, rigour "
        f"{versions['rigour']}, duckdb {versions['duckdb']}), Python {platform.python_version()}: blocking index "
        f"`nomenklatura.blocker.Index` with default options, {args.candidates} best candidates per query scored with "
        f"LogicV2 (default config), match at score >= {THRESHOLD}; "
        + ("all queries in one `match_entities` call." if batch >= n else f"`match_entities` on batches of {batch} queries.")
    )
    L.append(
        f"vetter at {head}" + (" (working tree has uncommitted changes under crates/)" if dirty else "")
        + f" (engine last changed at {engine_commit}, matcher and names at {matcher_commit}); `vetter screen --input --output out.jsonl --limit {TOP}`, its default threshold (0.7)."
    )
    L.append(
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, shared with other work: load average "
        f"{load_before:.1f} when the run started and {os.getloadavg()[0]:.1f} when it ended."
    )
    if unknown_expected:
        L.append(f"{unknown_expected} listed queries name an expected id that is not in the export (counted as misses).")
    if vt_errors:
        L.append(f"vetter reported an error on {vt_errors} rows (counted as no results).")
    L.append("")
    L.append("## Quality")
    L.append("")
    L.append("| | recall@1 | recall@10 | recall at threshold | false-match rate | sanctioned false-match rate |")
    L.append("|---|---:|---:|---:|---:|---:|")
    for label, q in [("nomenklatura", qn), ("vetter", qv)]:
        L.append(f"| {label} | {pct(q['r1'])} | {pct(q['r10'])} | {pct(q['rt'])} | {pct(q['fmr'])} | {pct(q['sfmr'])} |")

    def r(a, b):
        x = ratio(b, a) if a is not None and b is not None else None
        return "-" if x is None else f"{x:.2f}"

    L.append(
        f"| vetter / nomenklatura | {r(qn['r1'], qv['r1'])} | {r(qn['r10'], qv['r10'])} | {r(qn['rt'], qv['rt'])} "
        f"| {r(qn['fmr'], qv['fmr'])} | {r(qn['sfmr'], qv['sfmr'])} |"
    )
    L.append("")
    L.append(
        "Ratios are vetter's figure over nomenklatura's: above 1 is better for recall and worse for the false-match rates."
    )
    L.append(
        f"Recall is over the {len(listed)} listed queries (the expected entity among the results: first, in the top {TOP}, "
        f"among the results scored as a match; results with equal scores share the better rank); the false-match rates are over the {len(unlisted)} synthetic "
        "people (any result scored as a match; a match on an entity with the `sanction` topic)."
    )
    L.append(
        f"nomenklatura's blocker put the expected entity among its first "
        + ", ".join(f"{k} candidates for {v}" for k, v in blocker_recall.items())
        + f" of listed queries, and among all it returned (at most 75) for {pct(ratio(blocked_all, len(listed)))}; "
        f"the first {args.candidates} are scored, which bounds its recall."
    )

    def breakdown(title: str, key) -> None:
        groups: dict[str, list[int]] = defaultdict(list)
        for i, q in enumerate(queries):
            groups[key(q)].append(i)
        L.append("")
        L.append(f"### By {title}")
        L.append("")
        L.append(
            f"| {title} | queries | recall@1 nk / vetter | recall@10 nk / vetter | at threshold nk / vetter "
            "| false-match nk / vetter | sanctioned false-match nk / vetter |"
        )
        L.append("|---|---:|---:|---:|---:|---:|---:|")
        for g in sorted(groups):
            a, b = quality(nk, groups[g]), quality(vt, groups[g])
            L.append(
                f"| {g} | {len(groups[g])} | {pct(a['r1'])} / {pct(b['r1'])} | {pct(a['r10'])} / {pct(b['r10'])} "
                f"| {pct(a['rt'])} / {pct(b['rt'])} | {pct(a['fmr'])} / {pct(b['fmr'])} "
                f"| {pct(a['sfmr'])} / {pct(b['sfmr'])} |"
            )

    breakdown("kind", lambda q: q["kind"])
    breakdown(
        "kind and script",
        lambda q: f"{q['kind'] if q.get('expected') else 'synthetic'} / {q.get('script') or '-'}",
    )

    L.append("")
    L.append("## Speed")
    L.append("")
    L.append("| | index build | query time | queries/s | notes |")
    L.append("|---|---:|---:|---:|---|")
    L.append(
        f"| nomenklatura | {nk_time['load'] + nk_time['build']:.1f} s (read the export {nk_time['load']:.1f} s, "
        f"`Index.build` {nk_time['build']:.1f} s) | {nk_query:.1f} s (blocking {nk_time['blocking']:.1f} s, "
        f"LogicV2 {nk_time['scoring']:.1f} s) | {nk_qps:,.1f} | one Python process; DuckDB may use every core for blocking |"
    )
    L.append(
        f"| vetter, all cores | {vt_build:.1f} s (`lists build --force`: parse the lists, resolve, write the index) "
        f"| {vt_time['wall']:.2f} s whole process ({vt_time['loop']:.2f} s screening loop) | {vt_qps:,.0f} "
        f"({n / vt_time['loop']:,.0f} in the loop) | median of 3 |"
    )
    L.append(
        f"| vetter, one thread | | {vt_time['wall_1']:.2f} s whole process ({vt_time['loop_1']:.2f} s loop) "
        f"| {n / vt_time['wall_1']:,.0f} ({n / vt_time['loop_1']:,.0f} in the loop) | `RAYON_NUM_THREADS=1`, median of 3 |"
    )
    L.append(
        f"| vetter / nomenklatura | {ratio(nk_time['load'] + nk_time['build'], vt_build):.1f}x faster "
        f"| | {vt_qps / nk_qps:,.0f}x (one thread: {n / vt_time['wall_1'] / nk_qps:,.0f}x) | |"
    )
    L.append("")
    L.append(
        f"One query alone (the first three listed queries, median): nomenklatura {nk_time['alone_blocking']:.2f} s blocking "
        f"(one `match_entities` call) + {1000 * nk_time['alone_scoring']:.0f} ms LogicV2; vetter "
        f"{1000 * vt_time['alone']:.0f} ms for a whole `vetter screen NAME --format json` process, loading included."
    )
    L.append(
        f"Exporting the entities (`vetter lists export`, {export_seconds:.1f} s) is preparation for nomenklatura and is in neither column."
    )
    summary = "\n".join(L)
    print(summary)

    if args.runs:
        out_dir = args.runs / today
        out_dir.mkdir(parents=True, exist_ok=True)
        (out_dir / "summary.md").write_text(summary + "\n", encoding="utf-8")
        # mtime=0: the same results give the same bytes.
        with (
            open(out_dir / "results.csv.gz", "wb") as raw,
            gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz,
            io.TextIOWrapper(gz, encoding="utf-8", newline="") as f,
        ):
            w = csv.writer(f, lineterminator="\n")
            w.writerow(
                ["row", "kind", "script", "name", "schema", "expected"]
                + [f"{p}_{c}" for p in ("nk", "vt") for c in ("rank", "expected_score", "top_id", "top_score", "matches", "sanctioned_matches")]
                + ["nk_blocker_rank", "vt_error"]
            )
            for i, q in enumerate(queries):
                row = [q["row"], q["kind"], q.get("script", ""), q["name"], q.get("schema", ""), ";".join(sorted(expected[i]))]
                for side in (nk, vt):
                    rank = side[i].rank(expected[i]) if expected[i] else None
                    score = side[i].expected_score(expected[i]) if expected[i] else None
                    row += [
                        rank or "",
                        "" if score is None else f"{score:.3f}",
                        side[i].ids[0] if side[i].ids else "",
                        f"{side[i].scores[0]:.3f}" if side[i].scores else "",
                        side[i].matches(),
                        side[i].sanctioned_matches(),
                    ]
                brank = next((j + 1 for j, c in enumerate(nk[i].blocked) if c in expected[i]), "")
                row += [brank, vt[i].error]
                w.writerow(row)
        print(f"\nwrote {out_dir / 'summary.md'} and {out_dir / 'results.csv.gz'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
