#!/usr/bin/env bash
# The audit's HTML report rendered in headless Chromium: a generated Postfix
# log with typo deliveries is audited with --report, the page is loaded from
# disk, and the rendered DOM must hold the timeline chart's bars and the
# suspect domains. A screenshot is kept in BUILD/test-artifacts/.
#
#   tests/audit_report_test.sh BUILD_DIR
# Exits 77 (skipped) when Chromium is not installed.
set -u
build=$(readlink -f "$1")
chromium=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chromium" ]; then
  echo "SKIP: chromium is not installed"
  exit 77
fi
tmp=$(mktemp -d /tmp/sendguard-report.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
art="$build/test-artifacts"
mkdir -p "$art"
fail=0
check() {  # description, command...
  local what=$1
  shift
  if "$@"; then echo "ok: $what"; else echo "FAIL: $what"; fail=1; fi
}

"$build/maillog_gen" --mb 20 > "$tmp/maillog" 2>/dev/null
"$build/sendguard" audit --quiet --year 2026 --report "$tmp/report.html" "$tmp/maillog" > "$tmp/table.txt"
check "audit wrote the report" test -s "$tmp/report.html"
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
       --disable-background-networking --disable-component-update --disable-sync
       --user-data-dir="$tmp/profile")
timeout 60 "$chromium" "${flags[@]}" --dump-dom "file://$tmp/report.html" > "$tmp/dom.html" 2>/dev/null
check "the rendered page has the timeline" grep -q '<svg id="timeline"' "$tmp/dom.html"
"$build/sendguard" audit --quiet --year 2026 --json "$tmp/maillog" | tail -n 1 > "$tmp/summary.json"
first=$(grep -o '"first_seen":"[0-9-]*' "$tmp/summary.json" | head -n 1 | cut -d'"' -f4)
last=$(grep -o '"last_seen":"[0-9-]*' "$tmp/summary.json" | head -n 1 | cut -d'"' -f4)
days=$(( ($(date -ud "$last" +%s) - $(date -ud "$first" +%s)) / 86400 + 1 ))
bars=$(grep -o '<rect class="bar"' "$tmp/dom.html" | wc -l)
check "the timeline has one bar per day from $first to $last ($days days, $bars bars)" \
  test "$bars" -eq "$days" -a "$days" -gt 1
check "the top domains chart names army.ml" grep -q 'army.ml → army.mil' "$tmp/dom.html"
timeout 60 "$chromium" "${flags[@]}" --hide-scrollbars --window-size=1100,1500 \
  --screenshot="$art/audit-report.png" "file://$tmp/report.html" >/dev/null 2>&1
size=$(stat -c %s "$art/audit-report.png" 2>/dev/null || echo 0)
check "a screenshot was taken ($size bytes)" test "$size" -gt 20000
exit $fail
