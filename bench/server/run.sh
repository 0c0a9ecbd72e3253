#!/usr/bin/env bash
# Load test of `vetter serve` (issue 7): `POST /match` requests/s and latency at several numbers of
# keep-alive connections, then a soak with the server's RSS read from /proc every 10 s.
#
#   bench/server/run.sh                      # levels 1 4 16 64, 20 s each, then a 300 s soak
#   LEVELS="8 32" LEVEL_SECONDS=10 SOAK_SECONDS=60 bench/server/run.sh
#
# The server and the generator (crates/vetter-server/examples/loadgen.rs, one thread) run on the same
# machine; queries are the rows of bench/screening/queries.csv (aliases of listed entities, machine
# transliterations, people on no list), one per request, taken in turn. Before measuring, one pass
# over every query warms the engine's per-entity cache, as a server that has run for a while has it.
# Results go to bench/server/runs/<date>/ or $OUT (loadgen.jsonl, rss.tsv, summary.txt, soak.txt, server.log).
set -euo pipefail
cd "$(dirname "$0")/../.."
levels="${LEVELS:-1 4 16 64}"
level_seconds="${LEVEL_SECONDS:-20}"
soak_seconds="${SOAK_SECONDS:-300}"
soak_connections="${SOAK_CONNECTIONS:-16}"
queries="${QUERIES:-bench/screening/queries.csv}"

cargo build --release --locked -p vetter
cargo build --release --locked -p vetter-server --example loadgen
vetter=target/release/vetter
loadgen=target/release/examples/loadgen

out="${OUT:-bench/server/runs/$(date -u +%Y-%m-%d)}"
mkdir -p "$out"
: >"$out/loadgen.jsonl"
summary="$out/summary.txt"
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)  commit: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- crates || echo ' (with uncommitted changes)')"
  echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)"
  echo "command: LEVELS=\"$levels\" LEVEL_SECONDS=$level_seconds SOAK_SECONDS=$soak_seconds SOAK_CONNECTIONS=$soak_connections bench/server/run.sh"
} | tee "$summary"

port=$((20000 + RANDOM % 20000))
base="http://127.0.0.1:$port"
"$vetter" serve --addr "127.0.0.1:$port" 2>"$out/server.log" &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  curl -fsS "$base/readyz" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fsS "$base/readyz" >/dev/null
rss() { awk '/^VmRSS/ {print $2}' "/proc/$server/status"; }
# CPU time of the server in clock ticks (user + system; `getconf CLK_TCK` per second).
cpu_ticks() { sed 's/.*) //' "/proc/$server/stat" | awk '{print $12 + $13}'; }
tck=$(getconf CLK_TCK)
# Server CPU milliseconds per request answered over a run: ticks before, ticks after, requests.
cpu_per_request() { awk -v a="$1" -v b="$2" -v n="$3" -v t="$tck" 'BEGIN {printf "server CPU %.3f ms per request (%.1f CPU-s)\n", (b - a) * 1000 / t / n, (b - a) / t}'; }
last_ok() { tail -1 "$out/loadgen.jsonl" | sed 's/.*"ok":\([0-9]*\).*/\1/'; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
echo "server pid $server, RSS after start: $(rss) kB" | tee -a "$summary"

rows=$(($(wc -l <"$queries") - 1))
echo "warm-up: one pass over $rows queries, 8 connections" | tee -a "$summary"
"$loadgen" --url "$base/match/default" --queries "$queries" --connections 8 --requests "$rows" --duration 600 \
  --label warmup --json "$out/loadgen.jsonl" | tee -a "$summary"
echo "RSS after warm-up: $(rss) kB" | tee -a "$summary"

for c in $levels; do
  echo "load average before: $(loadavg)" | tee -a "$summary"
  before=$(cpu_ticks)
  "$loadgen" --url "$base/match/default" --queries "$queries" --connections "$c" --requests 100000000 \
    --duration "$level_seconds" --label "c$c" --json "$out/loadgen.jsonl" | tee -a "$summary"
  cpu_per_request "$before" "$(cpu_ticks)" "$(last_ok)" | tee -a "$summary"
done

echo "soak: $soak_connections connections for $soak_seconds s; RSS every 10 s" | tee -a "$summary"
printf 'seconds\trss_kb\tload1\n' >"$out/rss.tsv"
"$loadgen" --url "$base/match/default" --queries "$queries" --connections "$soak_connections" \
  --requests 1000000000 --duration "$soak_seconds" --label soak --json "$out/loadgen.jsonl" >"$out/soak.txt" &
gen=$!
before=$(cpu_ticks)
start=$(date +%s)
while kill -0 "$gen" 2>/dev/null; do
  printf '%s\t%s\t%s\n' "$(($(date +%s) - start))" "$(rss)" "$(cut -d' ' -f1 /proc/loadavg)" >>"$out/rss.tsv"
  for _ in $(seq 1 20); do kill -0 "$gen" 2>/dev/null && sleep 0.5; done
done
wait "$gen"
tee -a "$summary" <"$out/soak.txt"
cpu_per_request "$before" "$(cpu_ticks)" "$(last_ok)" | tee -a "$summary"
awk -F'\t' 'NR == 2 {first = $2} NR > 1 {last = $2; if ($2 > max) max = $2; n++; load += $3}
  END {printf "soak RSS: first %d kB, last %d kB, max %d kB over %d samples; mean load average %.2f\n", first, last, max, n, load / n}' \
  "$out/rss.tsv" | tee -a "$summary"
echo "load average after: $(loadavg)" | tee -a "$summary"
curl -fsS "$base/metrics" | grep -E '^vetter_http_requests_total\{.*match' | tee -a "$summary" || true
kill "$server"
wait "$server" 2>/dev/null || true
trap - EXIT
echo "results in $out"
