#!/usr/bin/env bash
# Instruction counts of screening (issue 5), stable on a noisy machine: valgrind's callgrind
# runs `screen_latency` over every 27th row of bench/screening/queries.csv (2,018 queries:
# aliases, transliterations, people on no list), a cold then a warm pass, counting only
# inside `Engine::screen_with`, and splits the count into preparing entities (their names
# normalised the first time they are candidates) and the rest (the screening proper).
#
#   bench/screening/instructions.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo build --release --locked -p vetter-engine --example screen_latency
sample=$(mktemp --suffix .csv)
out=$(mktemp)
trap 'rm -f "$sample" "$out" "$out.txt"' EXIT
(head -1 bench/screening/queries.csv; tail -n +2 bench/screening/queries.csv | awk 'NR % 27 == 0') >"$sample"
valgrind --tool=callgrind --callgrind-out-file="$out" --collect-atstart=no \
  --toggle-collect='*Engine*screen_with*' \
  target/release/examples/screen_latency data/lists "$sample" 2>/dev/null | grep '^warm:'
callgrind_annotate --inclusive=yes "$out" >"$out.txt" 2>/dev/null
total=$(grep -m1 'PROGRAM TOTALS' "$out.txt" | awk '{gsub(",", "", $1); print $1}')
prep=$(grep -m1 'Engine>::prepped' "$out.txt" | awk '{gsub(",", "", $1); print $1}')
queries=$(($(wc -l <"$sample") - 1))
echo "queries: $queries (each screened twice)"
echo "instructions: total $total, preparing entities $prep, screening $((total - prep))"
echo "screening per query: $(((total - prep) / (2 * queries)))"
