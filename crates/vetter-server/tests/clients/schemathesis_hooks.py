"""Schemathesis hooks for vetter's API (loaded through SCHEMATHESIS_HOOKS by schemathesis.sh).

`POST /screen` takes CSV (`text/csv`) or JSON lines (`application/x-ndjson`); both are documented
as a string body, so they are sent as the generated text, as `text/plain` bodies are.
"""

import schemathesis

schemathesis.serializer.alias("text/csv", "text/plain")
schemathesis.serializer.alias("application/x-ndjson", "text/plain")
