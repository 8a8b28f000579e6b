#!/usr/bin/env bash
# `sendguard serve` refuses a damaged store: it exits non-zero at start with
# an error naming the file and the remedy, and serves nothing.
#
#   tests/serve_damaged_store_test.sh BUILD/sendguard REPO_ROOT
set -u
bin=$(readlink -f "$1")
root=$(readlink -f "$2")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" learn --store "$tmp/s.db" --format tsv "$root/examples/history.tsv" >/dev/null 2>&1 || exit 1
"$bin" serve --store "$tmp/s.db" --milter "unix:$tmp/m.sock" >"$tmp/sound.log" 2>&1 &
pid=$!
for _ in $(seq 100); do [ -S "$tmp/m.sock" ] && break; sleep 0.1; done
kill "$pid" 2>/dev/null
wait "$pid"
if ! grep -q "milter on unix:$tmp/m.sock" "$tmp/sound.log"; then
  echo "FAIL: serve did not start on a sound store"; cat "$tmp/sound.log"; exit 1
fi
# Garbage over page 2 (a table's page): the header still reads, quick_check does not.
python3 - "$tmp/s.db" <<'PY'
import sys
with open(sys.argv[1], "r+b") as f:
    size = int.from_bytes(f.read(18)[16:18], "big") or 65536
    f.seek(size)
    f.write(b"\xff" * size)
PY
timeout 60 "$bin" serve --store "$tmp/s.db" --milter "unix:$tmp/m2.sock" >"$tmp/damaged.log" 2>&1
rc=$?
fails=0
if [ "$rc" -eq 0 ] || [ "$rc" -eq 124 ]; then echo "FAIL: serve exit code $rc on a damaged store"; fails=1; fi
if [ -e "$tmp/m2.sock" ]; then echo "FAIL: serve listened on a damaged store"; fails=1; fi
for want in "$tmp/s.db is damaged" "quick_check" "backup"; do
  grep -qF "$want" "$tmp/damaged.log" || { echo "FAIL: error lacks '$want'"; fails=1; }
done
[ "$fails" -eq 0 ] || { cat "$tmp/damaged.log"; exit 1; }
echo "serve_damaged_store: refused (exit $rc): $(cat "$tmp/damaged.log")"
