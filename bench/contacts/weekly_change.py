#!/usr/bin/env python3
"""Applies a typical week of OFAC changes to a copy of the bundled lists, for
`vetter monitor` benchmarks (issue 8).

    cp -r data/lists /tmp/lists && python3 bench/contacts/weekly_change.py /tmp/lists "Zainab Kareem Al-Tamimi"

OFAC publishes a few dozen SDN changes in a usual week. This edits
`ofac_sdn/2024-05-03/sdn.csv` in the given folder (deterministically):

- 25 new designations: people named from the names already on the list
  (a given name of one, the surname of another), and one named NAME (the
  second argument), who is meant to be a counterpart stored in the ledger;
- 20 changed records: a program added, and a remark appended;
- 10 records removed (delistings).
"""

import random
import sys
from pathlib import Path

SEED = 0x0FAC_2026


def fields(line):
    """The 12 fields of an OFAC legacy CSV line (quoted values keep their quotes)."""
    out, cur, quoted = [], "", False
    for ch in line:
        if ch == '"':
            quoted = not quoted
        if ch == "," and not quoted:
            out.append(cur)
            cur = ""
        else:
            cur += ch
    out.append(cur)
    return out


def main():
    folder, name = Path(sys.argv[1]), sys.argv[2]
    path = folder / "ofac_sdn/2024-05-03/sdn.csv"
    raw = path.read_bytes().decode("utf-8")
    trailer = "\x1a" if raw.endswith("\x1a") else ""
    lines = [l for l in raw.rstrip("\x1a").split("\r\n") if l.strip()]
    rng = random.Random(SEED)
    people = [fields(l) for l in lines if '"individual"' in l]
    given, family = [], []
    for p in people:
        n = p[1].strip('"')
        if ", " in n:
            f, g = n.split(", ", 1)
            family.append(f)
            given.append(g.split()[0])
    # Removals and changes, on distinct records.
    picked = rng.sample(range(len(lines)), 30)
    removed, changed = set(picked[:10]), set(picked[10:])
    out = []
    for i, l in enumerate(lines):
        if i in removed:
            continue
        if i in changed:
            f = fields(l)
            f[3] = f[3][:-1] + '] [GLOMAG"' if f[3].startswith('"') else '"GLOMAG"'
            remark = "Additional Sanctions Information - Subject to Secondary Sanctions."
            f[11] = f[11][:-1] + " " + remark + '"' if f[11].startswith('"') else '"' + remark + '"'
            l = ",".join(f)
        out.append(l)
    new = [(rng.choice(family) + ", " + rng.choice(given)) for _ in range(24)]
    new.insert(rng.randrange(25), name.split()[-1].upper() + ", " + " ".join(name.split()[:-1]))
    for k, n in enumerate(new):
        out.append(
            f'{90001 + k},"{n}","individual","IRAN-EO13876",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"DOB 1970; '
            f'nationality Iran; Gender Male."'
        )
    path.write_bytes(("\r\n".join(out) + "\r\n" + trailer).encode("utf-8"))
    print(f"{len(new)} added, {len(changed)} changed, {len(removed)} removed", file=sys.stderr)


if __name__ == "__main__":
    main()
