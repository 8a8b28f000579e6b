#!/usr/bin/env bash
# Hostile load on the milter (issue 14), on loopback, bounded in time:
#   1. `serve` with serve.milter_max_connections above 2,000: 2,000 idle TCP
#      connections stay open while real messages on new connections are judged
#      (a typo recipient held, a clean message accepted, a classified one
#      rejected) within seconds, and clients dribbling a byte at a time are cut
#      at serve.milter_step_timeout_ms;
#   2. `serve` with the cap at 1,000: the connections beyond it are closed at
#      once, a message meanwhile is refused (the MTA tempfails it), and once
#      the idle connections reach serve.milter_idle_timeout_ms a message is
#      judged again.
# Prints the serve process's thread count (/proc/PID/status) and RSS.
#
#   tests/milter_load_test.sh BUILD/sendguard REPO_ROOT
set -u
bin=$(readlink -f "$1")
root=$(readlink -f "$2")
idle=${MILTER_LOAD_IDLE:-2000}
tmp=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  wait 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT

# Each connection is a descriptor on both ends (both in this test's processes).
need=$((2 * idle + 200))
if [ "$(ulimit -Sn)" != unlimited ] && [ "$(ulimit -Sn)" -lt "$need" ]; then
  ulimit -Sn "$need" 2>/dev/null || ulimit -Sn "$(ulimit -Hn)"
fi
if [ "$(ulimit -Sn)" != unlimited ] && [ "$(ulimit -Sn)" -lt "$need" ]; then
  echo "SKIP: needs $need open files, the hard limit is $(ulimit -Hn)"
  exit 77
fi

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# start NAME MAX_CONNECTIONS IDLE_MS STEP_MS: serve on a free port; sets port_NAME, pid_NAME.
start() {
  local name=$1 port
  port=$(free_port)
  cat >"$tmp/$name.yaml" <<YAML
organization:
  domains: [army.mil]
notice:
  enabled: false
serve:
  milter_max_connections: $2
  milter_idle_timeout_ms: $3
  milter_step_timeout_ms: $4
YAML
  "$bin" serve --config "$tmp/$name.yaml" --store "$tmp/$name.db" \
    --history "$root/examples/history.tsv" --milter "inet:$port@127.0.0.1" >"$tmp/$name.log" 2>&1 &
  pids+=($!)
  printf -v "pid_$name" %s "$!"
  printf -v "port_$name" %s "$port"
}

# Started together: a sanitizer build takes a while to compile the detectors.
step_ms=2000
start wide $((idle + 500)) 600000 "$step_ms"
start capped $((idle / 2)) 3000 "$step_ms"
for name in wide capped; do
  port_var=port_$name
  ok=0
  for _ in $(seq 600); do
    if (exec 3<>"/dev/tcp/127.0.0.1/${!port_var}") 2>/dev/null; then ok=1; break; fi
    sleep 0.1
  done
  if [ "$ok" -ne 1 ]; then
    echo "FAIL: serve ($name) did not start"; cat "$tmp/$name.log"; exit 1
  fi
done
# The probe connections above were closed: let their threads end.
sleep 0.5

rc=0
start_s=$(date +%s)
python3 "$root/tests/milter_load.py" wide "$port_wide" "$pid_wide" "$idle" 8 "$step_ms" || rc=1
if [ "$rc" -eq 0 ]; then
  python3 "$root/tests/milter_load.py" capped "$port_capped" "$pid_capped" "$idle" $((idle / 2)) 3000 || rc=1
fi
# Each stops cleanly on SIGTERM (a sanitizer build reports leaks here).
for name in wide capped; do
  pid_var=pid_$name
  if ! kill -TERM "${!pid_var}" 2>/dev/null; then
    echo "FAIL: serve ($name) died"; rc=1; continue
  fi
  wait "${!pid_var}"
  st=$?
  [ "$st" -eq 0 ] || { echo "FAIL: serve ($name) exited $st on SIGTERM"; rc=1; }
done
pids=()
if [ "$rc" -ne 0 ]; then
  for name in wide capped; do echo "--- serve ($name)"; tail -n 20 "$tmp/$name.log"; done
fi
echo "milter_load: $([ "$rc" -eq 0 ] && echo passed || echo FAILED) in $(($(date +%s) - start_s)) s"
exit "$rc"
