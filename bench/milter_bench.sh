#!/usr/bin/env bash
# End-to-end throughput of Postfix with and without the sendguard milter, in
# one run, with Postfix's own load generator; and the milter's decision
# latency (end of message to verdict) from its audit log.
#
#   sudo bench/milter_bench.sh [BUILD/sendguard] [MESSAGES] [SESSIONS] [SIZE_BYTES]
#   RCPT=ops@new-partner.org ...   (default ops@navy.mil, a domain in the history)
#
# Needs root and the Debian package postfix (smtp-source, smtp-sink).
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
bin=$(readlink -f "${1:-$root/build/sendguard}")
messages=${2:-2000}
sessions=${3:-20}
size=${4:-20480}
PORT=2535 REINJECT=10036 SINK=2536 MILTER=8896
tmp=$(mktemp -d /tmp/sendguard-bench.XXXXXX)
chmod 755 "$tmp"
. "$root/tests/postfix_env.sh"
serve_pid="" sink_pid=""
cleanup() {
  postfix -c "$tmp/conf" stop >/dev/null 2>&1
  pf_forget "$tmp/conf"
  [ -n "$serve_pid" ] && kill "$serve_pid" 2>/dev/null && pf_wait_gone "$serve_pid"
  [ -n "$sink_pid" ] && kill "$sink_pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT

smtp-sink -u postfix 127.0.0.1:$SINK 200 &
sink_pid=$!
disown "$sink_pid"

# Runs smtp-source against the Postfix of the current configuration and
# prints messages per second (accepted by smtpd, which waits for the milter).
load() {
  local t0 t1
  t0=$(date +%s.%N)
  smtp-source ${SMTP_SOURCE_FLAGS:-} -s "$sessions" -m "$messages" -l "$size" -f dana@army.mil -t "${RCPT:-ops@navy.mil}" \
    -S "load test" 127.0.0.1:$PORT
  t1=$(date +%s.%N)
  python3 -c "print(f'{$messages / ($t1 - $t0):.0f}')"
}

run() {  # run LABEL MILTER_SOCKET
  pf_write_config "$tmp/conf" "$tmp" $PORT $REINJECT $SINK "$2"
  pf_start "$tmp/conf" "$tmp" $PORT || exit 1
  load >/dev/null  # warm-up: queue files, processes
  local rate
  rate=$(load)
  postfix -c "$tmp/conf" stop >/dev/null 2>&1
  sleep 1
  echo "$1 $rate"
}

base=$(run "postfix-alone" "")
"$bin" serve --store "$tmp/sendguard.db" --history "$root/examples/history.tsv" \
  --milter "inet:$MILTER@127.0.0.1" --audit-log "$tmp/audit.jsonl" 2>"$tmp/serve.log" &
serve_pid=$!
disown "$serve_pid"
sleep 1
with=$(run "postfix+sendguard" "inet:127.0.0.1:$MILTER")
rss=$(awk '/VmHWM/ {print $2 / 1024}' "/proc/$serve_pid/status")
cpu=$(awk -v hz="$(getconf CLK_TCK)" '{print ($14 + $15) / hz}' "/proc/$serve_pid/stat")
awk -v hz="$(getconf CLK_TCK)" '{print "serve user " $14 / hz " s, system " $15 / hz " s, minor faults " $10}' "/proc/$serve_pid/stat"
python3 - "$base" "$with" "$tmp/audit.jsonl" "$rss" "$messages" "$sessions" "$size" "$cpu" <<'PY'
import json, sys
cpu = float(sys.argv[8])
base, with_, audit, rss = float(sys.argv[1].split()[1]), float(sys.argv[2].split()[1]), sys.argv[3], float(sys.argv[4])
lat = sorted(json.loads(l)["latency_ms"] for l in open(audit))
q = lambda p: lat[min(len(lat) - 1, int(p * len(lat)))]
print(f"milter_bench: {sys.argv[5]} messages of {int(sys.argv[7]) // 1024} KB, {sys.argv[6]} sessions, twice each (warm-up, measured)")
print(f"{'postfix alone':28} {base:8.0f} msg/s")
print(f"{'postfix + sendguard milter':28} {with_:8.0f} msg/s  ({100 * (1 - with_ / base):.1f}% lower)")
print(f"{'milter decision latency':28} p50 {q(0.5):.2f} ms  p99 {q(0.99):.2f} ms  max {lat[-1]:.2f} ms  ({len(lat)} decisions)")
print(f"{'sendguard serve peak RSS':28} {rss:8.1f} MB")
print(f"{'sendguard serve CPU':28} {cpu:8.2f} s for {len(lat)} messages ({1000 * cpu / max(1, len(lat)):.2f} ms each)")
PY
