#!/bin/sh
# The MIME differential: Python's email, npm mailparser and sendguard on the same messages.
#
# Usage: bench/mime_differential/run.sh CORPUS_DIR SENDGUARD_BINARY OUT_DIR [NODE_MODULES]
#
# CORPUS_DIR holds the suites listed in README.md (fetched beforehand; this script fetches
# nothing). NODE_MODULES is a node_modules folder with mailparser in it (default
# /work/diffenv/node_modules). Writes OUT_DIR/{python,mailparser,sendguard}.jsonl (one line per
# message and parser), OUT_DIR/misses.jsonl (what sendguard misses that another parser finds)
# and OUT_DIR/report.md (the tables), and prints the tables.
set -eu

if [ $# -lt 3 ]; then
    echo "usage: $0 CORPUS_DIR SENDGUARD_BINARY OUT_DIR [NODE_MODULES]" >&2
    exit 2
fi
corpus=$1
sendguard=$2
out=$3
node_modules=${4:-/work/diffenv/node_modules}
here=$(cd "$(dirname "$0")" && pwd)

[ -d "$corpus" ] || { echo "$0: no corpus directory $corpus" >&2; exit 2; }
[ -x "$sendguard" ] || { echo "$0: $sendguard is not an executable" >&2; exit 2; }
[ -d "$node_modules/mailparser" ] || { echo "$0: no mailparser in $node_modules" >&2; exit 2; }
mkdir -p "$out"

python3 "$here/extract_python.py" "$corpus" > "$out/python.jsonl"
python3 "$here/extract_sendguard.py" "$sendguard" "$corpus" > "$out/sendguard.jsonl"
NODE_PATH=$node_modules node "$here/extract_mailparser.js" "$corpus" > "$out/mailparser.jsonl"
python3 "$here/compare.py" "$corpus" "$out/python.jsonl" "$out/mailparser.jsonl" \
    "$out/sendguard.jsonl" --misses "$out/misses.jsonl" | tee "$out/report.md"
python3 "$here/misses.py" "$out/misses.jsonl" | tee -a "$out/report.md"
