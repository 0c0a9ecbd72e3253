#!/usr/bin/env bash
# Client checks against a real `vetter serve`: the yente-client SDK and plain requests (Python), schemathesis,
# and the web UI driven in headless Chromium (screenshots in target/ui-screenshots/).
# Usage: crates/vetter-server/tests/clients/run.sh [path/to/vetter]
# Needs python3 (a venv is made in target/yente-venv) and, for the browser part, `chromium` and `chromedriver`.
set -euo pipefail
cd "$(dirname "$0")/../../../.."
vetter="${1:-target/debug/vetter}"
[ -x "$vetter" ] || cargo build -p vetter --locked
port=$((20000 + RANDOM % 20000))
base="http://127.0.0.1:$port"
"$vetter" serve --addr "127.0.0.1:$port" 2>target/vetter-serve-clients.log &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  curl -fsS "$base/readyz" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fsS "$base/readyz" >/dev/null

venv=target/yente-venv
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install -q yente-client==0.2.0 requests
"$venv/bin/python" crates/vetter-server/tests/clients/yente_client_check.py "$base"

# The API against its own OpenAPI document with schemathesis: no 5xx, documented statuses, content
# types and schemas (a fixed seed, a few seconds).
crates/vetter-server/tests/clients/schemathesis.sh "$base" "$venv"

# The web UI, driven in headless Chromium through chromedriver (Debian's `chromium` and
# `chromium-driver`; .ci/run installs both): type a search, open Putin's page, type an article into
# the scan page and check the highlights. Screenshots in target/ui-screenshots/.
if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
  out=target/ui-screenshots
  mkdir -p "$out"
  "$venv/bin/pip" install -q selenium==4.38.0
  article=data/samples/articles/musk-putin-covert-contacts.txt
  [ -f "$article" ] || article=../shared/samples/articles/musk-putin-covert-contacts.txt
  "$venv/bin/python" crates/vetter-server/tests/clients/browser_check.py "$base" "$article" "$out"
  echo "screenshots in $out"
else
  echo "chromium or chromedriver not installed; browser checks skipped" >&2
  [ -z "${CI:-}" ] || exit 1
fi
echo "client checks passed"
