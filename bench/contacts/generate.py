#!/usr/bin/env python3
"""Writes a contacts CSV for the ledger's benchmarks (issue 8): `vetter contacts import`
and `vetter monitor` over a realistic ledger.

    python3 bench/contacts/generate.py 1000000 > /tmp/contacts-1m.csv

Header `subject,counterpart,date,kind,country,source`. Deterministic: the same
arguments and the same `bench/screening/queries.csv` give the same bytes.

- Subjects: 3,000 people, drawn with a mild skew (Zipf, s = 0.8).
- Counterparts: a pool of 150,000 distinct names drawn with a Zipf law
  (s = 1.0), so some people are met very often and most once or never. The pool
  recombines the synthetic people of `bench/screening/queries.csv` (15 naming
  cultures, Latin and native scripts: given names of one person with the last
  word of another of the same culture and script), plus about 2% real names of
  listed people (their aliases, and Cyrillic and Arabic transliterations of
  them), placed at random ranks, so a share of rows have real hits.
- Each counterpart has a fixed country (a country of its culture) 60% of the
  time; dates 2019-2025 (10% month precision, 5% none); kinds meeting 35%,
  call 30%, message 30%, other 5%; 60% of rows have a source URL.
"""

import csv
import io
import itertools
import random
import sys
from collections import defaultdict
from pathlib import Path

SEED = 0x1EDC_E008
POOL = 150_000
SUBJECTS = 3_000
LISTED_SHARE = 0.02


def main():
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    rng = random.Random(SEED)
    repo = Path(__file__).resolve().parents[2]
    with open(repo / "bench/screening/queries.csv", newline="", encoding="utf-8") as f:
        queries = list(csv.DictReader(f))

    # Names by (culture, script), and countries by culture.
    names = defaultdict(list)
    countries = defaultdict(set)
    listed = []
    for q in queries:
        kind = q["kind"]
        if kind.startswith("synthetic-"):
            culture = kind[len("synthetic-"):]
            names[(culture, q["script"])].append(q["name"])
            if q["country"]:
                countries[culture].add(q["country"].lower())
        elif q["schema"] == "Person" and q["name"].strip():
            listed.append(q["name"].strip())
    groups = sorted(names)
    countries = {c: sorted(v) or ["us"] for c, v in countries.items()}

    def synthetic(group):
        a, b = rng.choice(names[group]), rng.choice(names[group])
        if "," in a or "," in b:
            return a
        wa, wb = a.split(), b.split()
        if len(wa) < 2 or len(wb) < 2:
            return a
        return " ".join(wa[:-1] + wb[-1:])

    pool = set()
    pool_listed = set(rng.sample(sorted(set(listed)), min(len(set(listed)), int(POOL * LISTED_SHARE))))
    people = [(n, None) for n in sorted(pool_listed)]
    pool |= pool_listed
    while len(people) < POOL:
        group = rng.choice(groups)
        n = synthetic(group)
        if n in pool:
            continue
        pool.add(n)
        country = rng.choice(countries.get(group[0], ["us"])) if rng.random() < 0.6 else None
        people.append((n, country))
    rng.shuffle(people)

    subjects = []
    seen = set()
    while len(subjects) < SUBJECTS:
        n = synthetic(("anglo", "Latin") if rng.random() < 0.5 else rng.choice(groups))
        if n not in seen:
            seen.add(n)
            subjects.append(n)

    def zipf_cum(n, s):
        return list(itertools.accumulate(1.0 / (r ** s) for r in range(1, n + 1)))

    counterpart_cum = zipf_cum(len(people), 1.0)
    subject_cum = zipf_cum(len(subjects), 0.8)
    kinds = ["meeting", "call", "message", "other"]
    kind_cum = [35, 65, 95, 100]

    out = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="")
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["subject", "counterpart", "date", "kind", "country", "source"])
    chunk = 100_000
    for start in range(0, rows, chunk):
        k = min(chunk, rows - start)
        subs = rng.choices(subjects, cum_weights=subject_cum, k=k)
        cps = rng.choices(people, cum_weights=counterpart_cum, k=k)
        ks = rng.choices(kinds, cum_weights=kind_cum, k=k)
        for i in range(k):
            r = rng.random()
            y, m, d = rng.randint(2019, 2025), rng.randint(1, 12), rng.randint(1, 28)
            date = "" if r < 0.05 else f"{y}-{m:02}" if r < 0.15 else f"{y}-{m:02}-{d:02}"
            source = f"https://crm.example.org/notes/{rng.randrange(10**9)}" if rng.random() < 0.6 else ""
            name, country = cps[i]
            w.writerow([subs[i], name, date, ks[i], country or "", source])
    out.flush()


if __name__ == "__main__":
    main()
