#!/usr/bin/env bash
# End-to-end test of the milter in a real Postfix on loopback:
#   Postfix smtpd 127.0.0.1:$PF_PORT  --milter-->  sendguard serve (inet 127.0.0.1:$MILTER_PORT)
#   Postfix smtpd 127.0.0.1:$REINJECT (no milter: releases and notices)
#   everything Postfix delivers goes to smtp-sink on 127.0.0.1:$SINK_PORT, one file per message.
# Needs root and the Debian packages postfix and swaks; skips (exit 0, "SKIP") without them.
#
#   tests/postfix_test.sh BUILD/sendguard REPO_ROOT
set -u
bin=$(readlink -f "$1")
root=$(readlink -f "$2")
if [ "$(id -u)" -ne 0 ] || ! command -v postfix >/dev/null || ! command -v swaks >/dev/null; then
  echo "SKIP: postfix_test needs root, postfix and swaks"
  exit 0
fi
PF_PORT=${PF_PORT:-2525}
REINJECT=${REINJECT:-10026}
SINK_PORT=${SINK_PORT:-2526}
MILTER_PORT=${MILTER_PORT:-8890}
tmp=$(mktemp -d /tmp/sendguard-postfix.XXXXXX)
chmod 755 "$tmp"
conf=$tmp/conf
mkdir -p "$conf" "$tmp/sink" "$tmp/data" "$tmp/queue"
chown postfix "$tmp/data" "$tmp/sink"
fails=0
passes=0
serve_pid=""
sink_pid=""
holder_pid=""

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

cleanup() {
  postfix -c "$conf" stop >/dev/null 2>&1
  pf_forget "$conf"
  [ -n "$serve_pid" ] && kill "$serve_pid" 2>/dev/null && pf_wait_gone "$serve_pid"
  [ -n "$sink_pid" ] && kill "$sink_pid" 2>/dev/null
  [ -n "$holder_pid" ] && kill "$holder_pid" 2>/dev/null
  wait 2>/dev/null
  if [ "$fails" -ne 0 ]; then
    echo "--- maillog"; tail -n 40 "$tmp/maillog" 2>/dev/null
    echo "--- serve"; tail -n 40 "$tmp/serve.log" 2>/dev/null
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT

# Step 7 holds 2,000 milter connections: a descriptor each in serve and in the holder.
[ "$(ulimit -Sn)" = unlimited ] || [ "$(ulimit -Sn)" -ge 5000 ] || ulimit -Sn 5000 2>/dev/null
. "$root/tests/postfix_env.sh"
pf_write_config "$conf" "$tmp" "$PF_PORT" "$REINJECT" "$SINK_PORT" "inet:127.0.0.1:$MILTER_PORT"

cat >"$tmp/sendguard.yaml" <<YAML
organization:
  domains: [army.mil]
serve:
  audit_log: $tmp/audit.jsonl
  milter_max_connections: 2500
delivery:
  relay: smtp://127.0.0.1:$REINJECT
notice:
  from: postmaster@army.mil
YAML

start_serve() {
  "$bin" serve --config "$tmp/sendguard.yaml" --store "$tmp/sendguard.db" \
    --history "$root/examples/history.tsv" --milter "inet:$MILTER_PORT@127.0.0.1" \
    >>"$tmp/serve.log" 2>&1 &
  serve_pid=$!
  disown "$serve_pid"  # no "Killed" notice from the shell when the test kills it
  for _ in $(seq 50); do
    (exec 3<>/dev/tcp/127.0.0.1/$MILTER_PORT) 2>/dev/null && return 0
    sleep 0.1
  done
  echo "serve did not start"; cat "$tmp/serve.log"; return 1
}

# Waits until a delivered message in the sink matches the pattern.
sink_has() {  # sink_has REGEX [SECONDS]
  for _ in $(seq $((${2:-10} * 10))); do
    grep -rqE "$1" "$tmp/sink" 2>/dev/null && return 0
    sleep 0.1
  done
  return 1
}

smtp-sink -u postfix -d "$tmp/sink/%M." 127.0.0.1:$SINK_PORT 100 &
sink_pid=$!
start_serve || exit 1
pf_start "$conf" "$tmp" "$PF_PORT"
check "postfix starts" test $? -eq 0 || exit 1

send() {  # send FROM TO SUBJECT BODY  -> swaks transcript on stdout, its exit code
  swaks --server 127.0.0.1:$PF_PORT --from "$1" --to "$2" --header "Subject: $3" \
    --body "$4" --timeout 30 2>&1
}

# 1. A clean message to a history domain is delivered.
out=$(send dana@army.mil ops@navy.mil "weekly report" "All deliveries on schedule.")
check "clean message accepted (250)" grep -q "<-  250 2.0.0 Ok: queued" <<<"$out"
check "clean message delivered to the sink" sink_has "Subject: weekly report"

# 2. A message to army.ml is held, the sender gets a notice with the suggestion.
out=$(send dana@army.mil ops@army.ml "travel plans" "Flights depart 0610 on 2 Dec.")
check "typo message accepted for holding (250)" grep -q "<-  250 " <<<"$out"
check "notice names the suggestion" sink_has "Did you mean: ops@army.mil\\?"
check "typo message not delivered" bash -c "! grep -rq 'Subject: travel plans' '$tmp/sink'"
held=$("$bin" quarantine list --store "$tmp/sendguard.db" --json)
id=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1].splitlines()[0])["id"])' "$held" 2>/dev/null)
check "quarantine lists the held message" test -n "$id"

# 3. A SECRET banner to an external domain is rejected with the reason.
out=$(send dana@army.mil liaison@contractor-example.com "brief" $'SECRET//NOFORN\n\nPhase 2 begins.')
check "classified message rejected (550 5.7.1)" grep -q "<\*\* 550 5.7.1 sendguard: .*SECRET//NOFORN" <<<"$out"

# 4. Releasing the held message (to the suggestion) delivers it, and adds
#    it to the sender's history.
pairs() {  # messages from $1 to $2 in the store's per-sender history
  python3 -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
print(c.execute("SELECT coalesce(sum(c.messages), 0) FROM contacts c JOIN addresses s ON "
                "s.id = c.sender JOIN addresses r ON r.id = c.recipient WHERE s.address = ? AND "
                "r.address = ?", (sys.argv[2], sys.argv[3])).fetchone()[0])' "$tmp/sendguard.db" "$1" "$2"
}
before=$(pairs dana@army.mil ops@army.mil)
out=$("$bin" quarantine release "$id" --to-suggestion --by test --store "$tmp/sendguard.db" \
      --config "$tmp/sendguard.yaml" 2>&1)
check "release succeeds" grep -q "released $id to ops@army.mil" <<<"$out"
check "released message delivered" sink_has "Subject: travel plans"
check "the release counts in the sender's history ($before before)" \
  test "$(pairs dana@army.mil ops@army.mil)" -eq $((before + 1))

# 5. sendguard killed mid-transaction: the client gets 4xx, never 250.
python3 - "$PF_PORT" "$serve_pid" >"$tmp/kill.out" 2>&1 <<'PY'
import os, signal, smtplib, sys, time
s = smtplib.SMTP("127.0.0.1", int(sys.argv[1]), timeout=60)
s.ehlo("client.army.mil")
s.mail("dana@army.mil")
s.rcpt("ops@navy.mil")
code, _ = s.docmd("DATA")
assert code == 354, code
s.send(b"Subject: unchecked\r\n\r\nfirst half\r\n")
os.kill(int(sys.argv[2]), signal.SIGKILL)
time.sleep(0.5)
s.send(b"second half\r\n.\r\n")
code, msg = s.getreply()
print("reply", code, msg.decode(errors="replace"))
PY
check "killed filter gives a 4xx" grep -qE "^reply 4[0-9][0-9] " "$tmp/kill.out"
check "unchecked message not delivered" bash -c "! grep -rq 'Subject: unchecked' '$tmp/sink'"
pf_wait_gone "$serve_pid"
serve_pid=""

# 6. After a restart nothing held is lost: hold one more, restart, both are there.
start_serve || exit 1
send dana@army.mil x@armymil.com "second typo" "hello" >/dev/null
kill "$serve_pid"; pf_wait_gone "$serve_pid"; serve_pid=""
start_serve || exit 1
n=$("$bin" quarantine list --status all --store "$tmp/sendguard.db" | wc -l)
check "both held messages survive restarts ($n)" test "$n" -eq 2
check "audit log has one line per decision" python3 - "$tmp/audit.jsonl" <<'PY'
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1])]
actions = [l["action"] for l in lines]
assert actions.count("hold") == 2 and actions.count("reject") == 1, actions
assert all("text" not in l for l in lines)
PY

# 7. With 2,000 idle connections open on the milter port, mail through Postfix is still judged.
python3 "$root/tests/milter_load.py" hold "$MILTER_PORT" 2000 "$tmp/held.ready" &
holder_pid=$!
for _ in $(seq 300); do [ -s "$tmp/held.ready" ] && break; sleep 0.1; done
check "2000 idle milter connections open" test -s "$tmp/held.ready"
sleep 1  # their threads start
threads=$(awk '/^Threads:/ {print $2}' "/proc/$serve_pid/status")
echo "postfix_test: serve has $threads threads with 2000 idle milter connections"
check "serve has a thread per idle connection ($threads)" test "${threads:-0}" -ge 2000
t0=$(date +%s%N)
out=$(send dana@army.mil ops@army.ml "load typo" "Flights depart 0610.")
check "typo held under load (250)" grep -q "<-  250 " <<<"$out"
out=$(send dana@army.mil ops@navy.mil "load report" "All on schedule.")
check "clean message accepted under load (250)" grep -q "<-  250 2.0.0 Ok: queued" <<<"$out"
ms=$((($(date +%s%N) - t0) / 1000000))
echo "postfix_test: two messages through Postfix judged in $ms ms under load"
check "both judged within 10 s ($ms ms)" test "$ms" -lt 10000
check "clean message under load delivered" sink_has "Subject: load report"
n=$("$bin" quarantine list --status all --store "$tmp/sendguard.db" | wc -l)
check "typo under load held ($n)" test "$n" -eq 3
check "the idle connections are still held" kill -0 "$holder_pid"
kill "$holder_pid" 2>/dev/null
wait "$holder_pid" 2>/dev/null

echo "postfix_test: $passes passed, $fails failed"
[ "$fails" -eq 0 ]
