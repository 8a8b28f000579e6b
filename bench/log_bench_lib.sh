# Shared by the benchmarks over a generated MTA log (audit_bench.sh,
# learn_bench.sh); sourced once `build`, `mb` and `log` are set. Generates
# the log with $build/maillog_gen when it is missing, sets `bytes` and
# `lines`, reads it once into the page cache, makes `work` (removed on exit)
# and defines
#   measure NAME COMMAND...   runs COMMAND on core 0 (stdout to $work/out,
#                             stderr to $work/err) and prints its time, lines/s,
#                             MB/s and peak RSS over the log.
if [ ! -s "$log" ]; then
  echo "generating $log (${mb} MB)..."
  "$build/maillog_gen" --mb "$mb" > "$log"
fi
bytes=$(stat -c %s "$log")
lines=$(wc -l < "$log")
cat "$log" > /dev/null  # every run reads from the page cache
work=$(mktemp -d /tmp/sendguard-log-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

measure() {  # name, command...
  local name=$1
  shift
  /usr/bin/time -f '%e %M' -o "$work/time" taskset -c 0 "$@" > "$work/out" 2> "$work/err"
  read -r secs kb < "$work/time"
  awk -v n="$name" -v s="$secs" -v kb="$kb" -v b="$bytes" -v l="$lines" 'BEGIN {
    printf "%-28s %7.2f s  %9.0f lines/s  %7.1f MB/s  peak RSS %6.1f MB\n",
           n, s, l / s, b / 1048576 / s, kb / 1024 }'
}

echo "log: $log, $(awk -v b="$bytes" 'BEGIN{printf "%.0f", b/1048576}') MB, $lines lines"
measure "grep -c 'status=sent'" grep -c 'status=sent' "$log"
echo "  deliveries counted by grep: $(cat "$work/out")"
