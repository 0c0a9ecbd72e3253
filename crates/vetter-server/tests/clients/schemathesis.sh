#!/usr/bin/env bash
# Property-based checks of the HTTP API against its own OpenAPI document (issue 7): schemathesis
# (PyPI) reads `/openapi.json` from a running `vetter serve`, generates valid and invalid requests for
# every operation and checks that none gets a 5xx and that every response matches the documented
# status codes, content types and schemas.
# Usage: crates/vetter-server/tests/clients/schemathesis.sh BASE_URL [VENV]
# run.sh calls it with the server it started (on 127.0.0.1) and its venv.
# Bounded so CI stays fast: a fixed seed (reproducible), a few examples per operation, a time budget.
# SCHEMATHESIS_MAX_EXAMPLES and SCHEMATHESIS_SEED override the defaults for a longer local run.
set -euo pipefail
base="${1:?usage: schemathesis.sh BASE_URL [VENV]}"
venv="${2:-target/yente-venv}"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install -q schemathesis==4.32.5
report=target/schemathesis-report
mkdir -p "$report"
# Left out:
# - POST /admin/reload re-opens the data folder and may rebuild the index: slow (seconds), and it
#   changes the server's state under the other checks. Its auth is covered by the Rust tests.
here=crates/vetter-server/tests/clients
PYTHONPATH="$here" SCHEMATHESIS_HOOKS=schemathesis_hooks "$venv/bin/st" --config-file "$here/schemathesis.toml" run "$base/openapi.json" \
  --url "$base" \
  --exclude-path /admin/reload \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
  --max-examples "${SCHEMATHESIS_MAX_EXAMPLES:-60}" \
  --seed "${SCHEMATHESIS_SEED:-7}" \
  --request-timeout 10 \
  --workers 2 \
  --generation-database none \
  --report junit --report-dir "$report" \
  --no-color
