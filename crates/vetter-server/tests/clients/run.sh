#!/usr/bin/env bash
# Client checks against a real `vetter serve`: the yente-client SDK and plain requests (Python),
# and the web UI in headless Chromium (screenshots in target/ui-screenshots/).
# Usage: crates/vetter-server/tests/clients/run.sh [path/to/vetter]
# Needs python3 (a venv is made in target/yente-venv) and, for the browser part, `chromium`.
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

if command -v chromium >/dev/null; then
  out=target/ui-screenshots
  mkdir -p "$out"
  shot() { chromium --headless --no-sandbox --disable-gpu --disable-background-networking --hide-scrollbars \
      --window-size=1366,900 --virtual-time-budget=3000 --screenshot="$out/$1.png" "$2" 2>/dev/null; }
  dump() { chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
      --virtual-time-budget=3000 --dump-dom "$1" 2>/dev/null; }
  shot search "$base/?q=Vladimir+Putin"
  id=$(curl -fsS "$base/search/default?q=Vladimir%20Putin&limit=1" | "$venv/bin/python" -c 'import json,sys; print(json.load(sys.stdin)["results"][0]["id"])')
  shot entity "$base/ui/entities/$id"
  dump "$base/ui/entities/$id" | grep -q "Why these records are one entity"
  # The scan page, submitted through htmx in the browser: a data: URL page posts the form on load.
  article=$(head -c 3000 ../shared/samples/articles/musk-putin-covert-contacts.txt 2>/dev/null || echo "Elon Musk met Russian President Vladimir Putin in Moscow.")
  "$venv/bin/python" - "$base" "$article" "$out/scan-form.html" <<'PY'
import html, sys
base, article, path = sys.argv[1:4]
open(path, "w").write(f"""<!doctype html><form id=f method=post action="{base}/ui/scan">
<textarea name=text>{html.escape(article)}</textarea><input name=subject value="Elon Musk"></form>
<script>document.getElementById('f').submit()</script>""")
PY
  shot scan "file://$PWD/$out/scan-form.html"
  dump "file://$PWD/$out/scan-form.html" | grep -q 'class="m-listed"'
  echo "screenshots in $out"
else
  echo "chromium not installed; browser checks skipped"
fi
echo "client checks passed"
