#!/usr/bin/env bash
# End-to-end checks of the sendguard command line: help, exit codes, the
# JSON Lines shape of scan, inspect --text, and the shared corpus.
set -u
bin=$1
root=$2
corpus="$root/../shared/corpus"
fails=0
passes=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

check() {  # check NAME COMMAND...
  local name=$1
  shift
  if "$@"; then
    passes=$((passes + 1))
  else
    echo "FAIL: $name"
    fails=$((fails + 1))
  fi
}

check "help" "$bin" --help >/dev/null
for cmd in inspect scan; do
  check "$cmd --help" "$bin" "$cmd" --help >/dev/null
done

"$bin" no-such-command >/dev/null 2>&1
check "unknown command exits 2" test $? -eq 2

"$bin" scan >/dev/null 2>&1
check "scan without paths exits 2" test $? -eq 2

"$bin" scan --json "$tmp/missing.eml" >"$tmp/missing.out" 2>/dev/null
check "missing file exits 1" test $? -eq 1
check "missing file reported as JSON" grep -q '"error"' "$tmp/missing.out"

"$bin" scan --json "$root/examples" >"$tmp/examples.jsonl"
check "examples scan exits 0" test $? -eq 0
check "examples produce JSON Lines" python3 - "$tmp/examples.jsonl" <<'PY'
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1])]
assert len(lines) >= 3, len(lines)
for r in lines:
    for key in ("source", "message_id", "action", "recipients", "findings", "limits"):
        assert key in r, (key, r)
    assert all("address" in x and "domain" in x for x in r["recipients"]), r
assert any(x["domain"] == "army.ml" for r in lines for x in r["recipients"]), lines
PY

printf 'Subject: hello\n\nThe body says hi.\n' >"$tmp/plain.eml"
out=$("$bin" inspect --text "$tmp/plain.eml")
check "inspect --text shows body" grep -q "The body says hi." <<<"$out"
"$bin" inspect --json "$tmp/plain.eml" | python3 -c 'import json,sys; j=json.load(sys.stdin); assert j["subject"]=="hello"'
check "inspect --json model" test $? -eq 0

: >"$tmp/empty.eml"
"$bin" inspect "$tmp/empty.eml" >/dev/null 2>"$tmp/empty.err"
check "empty message exits 1" test $? -eq 1
check "empty message has a clear error" grep -q "empty message" "$tmp/empty.err"

if [ -d "$corpus" ]; then
  "$bin" scan --json "$corpus" >"$tmp/corpus.jsonl"
  check "corpus scan exits 0" test $? -eq 0
  n=$(wc -l <"$tmp/corpus.jsonl")
  check "corpus scan yields a line per message ($n)" test "$n" -ge 350
else
  echo "SKIP: corpus not present at $corpus"
fi

echo "cli_test: $passes passed, $fails failed"
[ "$fails" -eq 0 ]
