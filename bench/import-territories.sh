#!/usr/bin/env bash
# Times `import territories` of the full 2024 COG plus both La Poste files into a fresh embedded store,
# then again into the same store (the idempotent re-run). Usage: bench/import-territories.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
shared=${SANTEGRAPH_SHARED:-../shared}
[ -f target/santegraph.jar ] || mvn -B -q package -DskipTests
source bench/territory-dir.sh
dir=$(territory_dir "$shared")
first=(); again=()
for i in $(seq 1 "$runs"); do
  store=$(mktemp -d)
  for pass in first again; do
    out=$(java -jar target/santegraph.jar import territories --dir "$dir" \
          --santegraph.embedded.data-dir="$store" --santegraph.embedded.preallocate-logs=false)
    secs=$(echo "$out" | sed -n 's/.* rejected in \([0-9.]*\) s .*/\1/p' | head -1)
    echo "run $i $pass import: $secs s ($(echo "$out" | head -1 | sed 's/.*: //'))"
    if [ $pass = first ]; then first+=("$secs"); else again+=("$secs"); fi
  done
  rm -rf "$store"
done
med() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
echo "median import into an empty store: $(med "${first[@]}") s; median re-import: $(med "${again[@]}") s"
rm -rf "$dir"
