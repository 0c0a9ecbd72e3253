#!/usr/bin/env bash
# Side-by-side: nomenklatura's logic-v2 matcher and vetter on the same labelled
# pairs, in one run; prints precision, recall, F1 and pairs per second of both
# and their ratios, and keeps the raw scores in bench/nomenklatura/runs/<date>/.
#
#   bench/nomenklatura/run.sh                     # data/eval/generated.csv and handwritten.csv
#   bench/nomenklatura/run.sh my_pairs.csv        # any file with name1,name2,schema,expected
#
# Creates bench/nomenklatura/.venv with nomenklatura on first use
# (NOMENKLATURA_SPEC overrides the pinned version, PYTHON the interpreter),
# and builds target/release/vetter.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
venv="$here/.venv"
spec="${NOMENKLATURA_SPEC:-nomenklatura==4.17.4}"

if [ ! -x "$venv/bin/python" ]; then
    "${PYTHON:-python3}" -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check --upgrade pip
fi
# Reinstall only when the requested version changes (the venv remembers what it holds).
if [ "$(cat "$venv/.nomenklatura-spec" 2>/dev/null)" != "$spec" ]; then
    "$venv/bin/pip" install --quiet --disable-pip-version-check "$spec"
    echo "$spec" > "$venv/.nomenklatura-spec"
fi

(cd "$repo" && cargo build --release --quiet -p vetter)

if [ "$#" -eq 0 ]; then
    set -- "$repo/data/eval/generated.csv" "$repo/data/eval/handwritten.csv"
fi

exec "$venv/bin/python" "$here/score.py" "$@" \
    --vetter "$repo/target/release/vetter" --repo "$repo" --runs "$here/runs"
