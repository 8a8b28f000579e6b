#!/usr/bin/env bash
# Runs tests/milter_replies.lua under miltertest against `sendguard serve`
# on unix sockets in a temporary directory. Skips without miltertest.
#
#   tests/milter_test.sh BUILD/sendguard REPO_ROOT
set -u
bin=$(readlink -f "$1")
root=$(readlink -f "$2")
if ! command -v miltertest >/dev/null; then
  echo "SKIP: miltertest is not installed"
  exit 0
fi
tmp=$(mktemp -d)
trap 'pkill -f "sendguard serve --store $tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
cat >"$tmp/sendguard.yaml" <<YAML
organization:
  domains: [army.mil]
notice:
  enabled: false
YAML
cat >"$tmp/partial.yaml" <<YAML
organization:
  domains: [army.mil]
notice:
  enabled: false
policy:
  suspect_recipients: remove-recipients
YAML
miltertest -s "$root/tests/milter_replies.lua" -D BIN="$bin" -D SOCKET="unix:$tmp/milter.sock" \
  -D PARTIAL_SOCKET="unix:$tmp/partial.sock" -D STORE="$tmp/sendguard.db" \
  -D HISTORY="$root/examples/history.tsv" -D CONFIG="$tmp/sendguard.yaml" \
  -D PARTIAL_CONFIG="$tmp/partial.yaml"
rc=$?
held=$("$bin" quarantine list --status all --store "$tmp/sendguard.db" | wc -l)
if [ "$rc" -eq 0 ] && [ "$held" -ne 2 ]; then
  echo "FAIL: expected 2 held messages in the store, found $held"
  rc=1
fi
# serve added what it delivered to the history: john.smith@contoso.com is
# now dana's contact (written in the background, and at the latest when
# serve stops), so a slip of it is judged against dana's own history.
for _ in $(seq 100); do
  pgrep -f "sendguard serve --store $tmp" >/dev/null || break
  sleep 0.1
done
out=$("$bin" recipients --store "$tmp/sendguard.db" --from dana@army.mil john.smiht@contoso.com)
if [ "$rc" -eq 0 ] && ! grep -q '"address-typo".*this sender mailed once' <<<"$out"; then
  echo "FAIL: delivered mail was not added to the sender's history: $out"
  rc=1
fi
exit $rc
