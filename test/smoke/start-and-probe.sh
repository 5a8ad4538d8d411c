#!/usr/bin/env bash
# `npm start` on an empty DATA_DIR must serve /health = 200 and the docs, with no other setup.
set -euo pipefail
data_dir=$(mktemp -d)
port=${SMOKE_PORT:-3999}
log="$data_dir/api.log"
DATA_DIR="$data_dir" PORT="$port" npm start >"$log" 2>&1 &
pid=$!
trap 'kill -- -$pid 2>/dev/null || kill $pid 2>/dev/null || true; pkill -f "dist/apps/api/src/main" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$port/health" >"$data_dir/health.json" 2>/dev/null; then break; fi
  sleep 1
done
if ! grep -q '"status":"ok"' "$data_dir/health.json" 2>/dev/null; then
  echo "smoke: /health did not answer ok"; tail -30 "$log"; exit 1
fi
curl -fsS -o /dev/null "http://127.0.0.1:$port/docs"
curl -fsS "http://127.0.0.1:$port/docs/openapi.json" | grep -q '"openapi"'
curl -fsS "http://127.0.0.1:$port/console/" | grep -q '<title>Ceasefire Ledger console</title>' \
  || { echo "smoke: npm start does not serve the console at /console/"; exit 1; }
grep -q "The console: http://localhost:$port/console/" "$log" || { echo "smoke: no start-up line for the console"; exit 1; }
# The URL, /docs and the generated admin token are printed clearly, once, and the token works.
grep -q "Ceasefire Ledger is listening on http://localhost:$port  (API and its OpenAPI document: http://localhost:$port/docs)" "$log" \
  || { echo "smoke: no start-up line with the URL and /docs"; tail -30 "$log"; exit 1; }
token=$(grep -oE '^    ADMIN_TOKEN=[A-Za-z0-9_-]+$' "$log" | head -1 | cut -d= -f2)
[ "$(grep -c 'ADMIN_TOKEN=' "$log")" = 1 ] || { echo "smoke: the admin token is not shown exactly once"; exit 1; }
code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$port/v1/principals" \
  -H "authorization: Bearer $token" -H 'content-type: application/json' -d '{"name":"Auditor","role":"auditor"}')
[ "$code" = 201 ] || { echo "smoke: the printed admin token was refused ($code)"; exit 1; }
echo "smoke: npm start serves /health ($(cat "$data_dir/health.json")), /docs and /console/"
