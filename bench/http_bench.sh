#!/usr/bin/env bash
# POST /api/v1/check under load: requests/s and latency percentiles with wrk
# (Debian package) at 32 concurrent connections on loopback, for a 5 KB
# draft (a JSON body as a mail-client add-in sends it). The server and wrk
# share the machine's cores.
#
#   bench/http_bench.sh [BUILD/sendguard] [SECONDS] [CONNECTIONS]
# HTTP_BENCH_NO_CONFIG=1 runs without a configuration file (for builds older
# than http.max_connections_per_client).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
bin=$(readlink -f "${1:-$root/build/sendguard}")
seconds=${2:-20}
conns=${3:-32}
port=18125
tmp=$(mktemp -d /tmp/sendguard-http-bench.XXXXXX)
serve_pid=""
cleanup() {
  [ -n "$serve_pid" ] && kill "$serve_pid" 2>/dev/null && wait "$serve_pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT

# A 5 KB draft: office prose, a mistyped recipient among correct ones, no secrets.
python3 - "$tmp/body.json" <<'PY'
import json, sys
para = ("The logistics review for the second quarter covers transport, storage and the "
        "maintenance schedule agreed at the last meeting. Please check the attached figures "
        "against your records and send corrections before Friday. ")
body = ""
while len(body) < 5000:
    body += para
draft = {"from": "dana@example.mil",
         "recipients": ["ops@army.mil", "j.smith@contoso.com", "liaison@army.ml"],
         "subject": "Q2 logistics review", "body": body[:5000]}
open(sys.argv[1], "w").write(json.dumps(draft))
PY
cat > "$tmp/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local f = io.open("$tmp/body.json", "rb")
wrk.body = f:read("*a")
f:close()
LUA
printf 'army.mil\t50000\ncontoso.com\t20000\n' > "$tmp/history.tsv"
# wrk's connections all come from one address: above the per-client cap.
config=()
if [ -z "${HTTP_BENCH_NO_CONFIG:-}" ]; then
  printf 'http:\n  max_connections_per_client: %d\n' $((conns + 8)) > "$tmp/bench.yaml"
  config=(--config "$tmp/bench.yaml")
fi
"$bin" serve "${config[@]}" --store "$tmp/sendguard.db" --history "$tmp/history.tsv" \
  --http "127.0.0.1:$port" 2>"$tmp/serve.log" &
serve_pid=$!
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  sleep 0.1
done
echo "one request:"
curl -s -XPOST -H 'Content-Type: application/json' --data-binary "@$tmp/body.json" \
  "http://127.0.0.1:$port/api/v1/check" | head -c 300
echo
echo "body: $(stat -c %s "$tmp/body.json") bytes; wrk -t2 -c$conns -d${seconds}s"
wrk -t2 -c"$conns" -d"${seconds}s" --latency -s "$tmp/post.lua" "http://127.0.0.1:$port/api/v1/check"
rss=$(awk '/VmHWM/ {print $2}' "/proc/$serve_pid/status")
echo "server peak RSS: $((rss / 1024)) MB"
