#!/usr/bin/env bash
# The layers of src/, checked on every include: a folder may include
# itself and the layers below it, never a layer above it nor another folder
# of its own layer (so the front ends, milter and http, never include one
# another, and the core's parts reach no sideways).
#
#   util < mail recipients < formats content logs contacts < policy store
#        < delivery audit < service < milter http < app < cli
#
# Usage: layering_test.sh SOURCE_DIR
set -u
cd "${1:?source dir}" || exit 2
rank() {
  case "$1" in
    util) echo 0 ;;
    mail | recipients) echo 1 ;;
    formats | content | logs | contacts) echo 2 ;;
    policy | store) echo 3 ;;
    delivery | audit) echo 4 ;;
    service) echo 5 ;;
    milter | http) echo 6 ;;
    app) echo 7 ;;
    cli) echo 8 ;;
    *) echo "" ;;
  esac
}
bad=0
checked=0
while IFS= read -r file; do
  from=$(echo "$file" | cut -d/ -f2)
  from_rank=$(rank "$from")
  if [ -z "$from_rank" ]; then
    echo "layering: $file is in a folder with no layer ($from); add it to tests/layering_test.sh"
    bad=$((bad + 1))
    continue
  fi
  while IFS= read -r to; do
    checked=$((checked + 1))
    [ "$to" = "$from" ] && continue
    to_rank=$(rank "$to")
    [ -z "$to_rank" ] && continue  # not a folder of src/ (e.g. sendguard/)
    if [ "$to_rank" -gt "$from_rank" ]; then
      echo "layering: $file ($from) includes $to, a layer above it"
      bad=$((bad + 1))
    elif [ "$to_rank" -eq "$from_rank" ]; then
      echo "layering: $file ($from) includes $to, a folder of its own layer"
      bad=$((bad + 1))
    fi
  done < <(sed -n 's/^#include "\([a-z_]*\)\/.*/\1/p' "$file" | sort -u)
done < <(find src -name '*.cc' -o -name '*.h' | grep -v '_test\.cc$' | sort)
echo "layering: $checked includes checked, $bad out of place"
[ "$bad" -eq 0 ]
