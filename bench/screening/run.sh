#!/usr/bin/env bash
# Side-by-side screening: the same queries against the same entities with
# nomenklatura (blocking index + logic-v2, the reference open-source stack
# without Elasticsearch) and with `vetter screen --input`, in one run; prints
# recall, false-match rates and speed of both and their ratios, and keeps the
# summary and per-query results in bench/screening/runs/<date>/.
#
#   bench/screening/run.sh                          # bench/screening/queries.csv
#   bench/screening/run.sh my_queries.csv --per-listed-kind 500 --candidates 20
#
# Options after the file go to screen.py (`--help` lists them).
# Creates bench/screening/.venv with nomenklatura on first use
# (NOMENKLATURA_SPEC overrides the pinned version, PYTHON the interpreter),
# and builds target/release/vetter. VETTER_REPO=DIR builds vetter in another
# checkout instead, such as a clean `git worktree add --detach DIR HEAD` when
# this one has work in progress.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
venv="$here/.venv"
spec="${NOMENKLATURA_SPEC:-nomenklatura==4.17.4}"

if [ ! -x "$venv/bin/python" ]; then
    "${PYTHON:-python3}" -m venv "$venv"
    # Keep the venv out of git whatever the repository's .gitignore says.
    echo '*' > "$venv/.gitignore"
    "$venv/bin/pip" install --quiet --disable-pip-version-check --upgrade pip
fi
# Reinstall only when the requested version changes (the venv remembers what it holds).
if [ "$(cat "$venv/.nomenklatura-spec" 2>/dev/null)" != "$spec" ]; then
    "$venv/bin/pip" install --quiet --disable-pip-version-check "$spec"
    echo "$spec" > "$venv/.nomenklatura-spec"
fi

src="$(cd "${VETTER_REPO:-$repo}" && pwd)"
(cd "$src" && cargo build --release --quiet -p vetter)

queries="$here/queries.csv"
if [ "$#" -gt 0 ] && [ "${1#-}" = "$1" ]; then
    queries="$1"
    shift
fi
if [ ! -f "$queries" ]; then
    echo "error: no queries file \`$queries\`" >&2
    echo "hint: \`cargo run --release -p vetter-bench --example screen_queries\` writes bench/screening/queries.csv" >&2
    exit 2
fi

exec "$venv/bin/python" "$here/screen.py" "$queries" "$@" \
    --vetter "${CARGO_TARGET_DIR:-$src/target}/release/vetter" --repo "$src" --runs "$here/runs"
