#!/usr/bin/env bash
# The web console and the sender's page in headless Chromium, end to end:
# `sendguard serve` runs the milter and the HTTP API on loopback with a
# local SMTP sink as its relay; two messages to ops@army.ml are held through
# the milter (miltertest); the sender notices arrive in the sink with their
# signed links; then tests/browser/console.test.mjs (playwright-core driving
# /usr/bin/chromium) logs in, releases one message to the suggestion, checks
# the list and the dashboard, and fixes the other through the sender's link.
# Screenshots go to BUILD/test-artifacts/.
#
#   tests/console_test.sh BUILD/sendguard SOURCE_DIR BUILD_DIR
# Exits 77 (skipped) when Chromium, Node.js, playwright-core, smtp-sink or
# miltertest is missing.
set -u
bin=$(readlink -f "$1")
root=$(readlink -f "$2")
build=$(readlink -f "$3")
skip() { echo "SKIP: $*"; exit 77; }
command -v chromium >/dev/null || skip "chromium is not installed"
command -v node >/dev/null || skip "node is not installed"
command -v smtp-sink >/dev/null || skip "smtp-sink (postfix) is not installed"
command -v miltertest >/dev/null || skip "miltertest is not installed"
[ -d "$root/tests/browser/node_modules/playwright-core" ] ||
  (cd "$root/tests/browser" && npm ci --no-audit --no-fund --loglevel=error >/dev/null 2>&1) ||
  skip "playwright-core is not installed (npm ci in tests/browser)"

HTTP=18025 MILTER=18890 SINK=12526
tmp=$(mktemp -d /tmp/sendguard-console.XXXXXX)
chmod 755 "$tmp"
mkdir -p "$tmp/sink" && chmod 777 "$tmp/sink"
art="$build/test-artifacts"
mkdir -p "$art"
serve_pid="" sink_pid=""
cleanup() {
  [ -n "$serve_pid" ] && kill "$serve_pid" 2>/dev/null && wait "$serve_pid" 2>/dev/null
  [ -n "$sink_pid" ] && kill "$sink_pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
fail=0
check() {
  local what=$1
  shift
  if "$@"; then echo "ok: $what"; else echo "FAIL: $what"; fail=1; fi
}

sink_user=nobody
[ "$(id -u)" -ne 0 ] && sink_user=$(id -un)
smtp-sink -u "$sink_user" -d "$tmp/sink/%M." 127.0.0.1:$SINK 100 &
sink_pid=$!
cat > "$tmp/sendguard.yaml" <<YAML
serve:
  store: $tmp/sendguard.db
http:
  public_url: http://127.0.0.1:$HTTP
delivery:
  relay: smtp://127.0.0.1:$SINK
  timeout_ms: 10000
notice:
  enabled: true
  from: postmaster@example.mil
YAML
password="console test password $$"
printf '%s\n' "$password" | "$bin" admin add admin --config "$tmp/sendguard.yaml"
"$bin" serve --config "$tmp/sendguard.yaml" --milter "inet:$MILTER@127.0.0.1" \
  --http "127.0.0.1:$HTTP" 2>"$tmp/serve.log" &
serve_pid=$!
for _ in $(seq 1 300); do
  curl -sf "http://127.0.0.1:$HTTP/healthz" >/dev/null 2>&1 && break
  sleep 0.1
done
check "the console answers" curl -sf "http://127.0.0.1:$HTTP/healthz" -o /dev/null
check "two messages to ops@army.ml are held through the milter" \
  miltertest -s "$root/tests/console_hold.lua" -D SOCKET="inet:$MILTER@127.0.0.1"
for _ in $(seq 1 100); do
  [ "$(grep -l 'Your message was held' "$tmp"/sink/* 2>/dev/null | wc -l)" -ge 2 ] && break
  sleep 0.1
done
link=$(grep -ho "http://127.0.0.1:$HTTP/s/[A-Za-z0-9._-]*" "$tmp"/sink/* 2>/dev/null | sort -u | head -n 1)
check "the sender notices carry signed links ($link)" test -n "$link"
rm -f "$tmp"/sink/*

check "the browser test passes" env BASE="http://127.0.0.1:$HTTP" USER_NAME=admin \
  PASSWORD="$password" LINK="$link" ARTIFACTS="$art" node "$root/tests/browser/console.test.mjs"

# Both releases reached the relay, addressed to the corrected recipient.
for _ in $(seq 1 50); do
  [ "$(ls "$tmp"/sink/ 2>/dev/null | wc -l)" -ge 2 ] && break
  sleep 0.1
done
delivered=$(grep -l 'X-Rcpt-Args: <ops@army.mil>' "$tmp"/sink/* 2>/dev/null | wc -l)
check "both released messages went to ops@army.mil ($delivered)" test "$delivered" -ge 2
check "none went to ops@army.ml" test -z "$(grep -l 'X-Rcpt-Args: <ops@army.ml>' "$tmp"/sink/* 2>/dev/null)"
[ "$fail" -ne 0 ] && cat "$tmp/serve.log"
exit $fail
