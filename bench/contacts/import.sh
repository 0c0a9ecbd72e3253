#!/usr/bin/env bash
# Times one `vetter contacts import` (issue 8) and prints wall and CPU time with the load average
# before and after, for BENCHMARKS.md:
#
#   python3 bench/contacts/generate.py 1000000 > /tmp/contacts-1m.csv
#   bench/contacts/import.sh target/release/vetter /tmp/ledger.db /tmp/contacts-1m.csv
#   bench/contacts/import.sh target/release/vetter 'postgres://vetter:vetter@127.0.0.1/vetter_test?options=-csearch_path%3Dbench' /tmp/contacts-1m.csv
#
# A SQLite ledger is deleted first; a PostgreSQL schema must be empty. The index is built before
# the timed run (`vetter screen`), so no run pays for compiling the lists.
set -euo pipefail
bin=$1 db=$2 csv=$3
"$bin" screen "Vladimir Putin" --limit 1 >/dev/null
case "$db" in postgres*) ;; *) rm -f "$db" "$db-wal" "$db-shm" ;; esac
out=$(mktemp)
echo "start $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -f "wall %e s, user %U s, sys %S s, max RSS %M KB" "$bin" contacts import "$csv" --db "$db" --format json >"$out"
echo "end $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
python3 -c "import json, sys; d = json.load(open(sys.argv[1])); print(d['rows'], 'rows,', d['added'], 'added,', d['duplicates'], 'duplicates,', d['risk'], round(d['rows'] / d['seconds']), 'rows/s')" "$out"
/usr/bin/time -f "audit verify: wall %e s, user %U s, sys %S s" "$bin" audit verify --db "$db"
rm -f "$out"
