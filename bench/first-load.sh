#!/usr/bin/env bash
# A first RPPS load into an embedded store that holds the real territories and no practitioner yet, each run in its
# own JVM as a portal runs it (`java -jar … import practitioners`): statement by statement (`--transactional`) and
# built offline by Neo4j's importer (the default for such a store), alternately, each on a fresh copy of the same
# store. On a synthetic national extraction (RppsGenerator over the real COG). Prints each run (the importer's elapsed
# time and rows/s, the JVM's wall time with start-up and the density indicators), then the medians and their ratio.
# Usage: bench/first-load.sh [lines, default 200000] [runs of each, default 3]   (BENCH_IMPORT_JAVA_OPTS, default -Xmx2g)
set -euo pipefail
cd "$(dirname "$0")/.."
lines=${1:-200000}
runs=${2:-3}
shared=${SANTEGRAPH_SHARED:-../shared}
java_opts=${BENCH_IMPORT_JAVA_OPTS:--Xmx2g}
[ target/santegraph.jar -nt pom.xml ] && [ -z "$(find src/main -newer target/santegraph.jar -print -quit)" ] \
  || mvn -B -q package -DskipTests
source bench/territory-dir.sh
work=${BENCH_WORK:-target/first-load}
mkdir -p "$work"
file=$work/PS_LibreAcces_Personne_activite_$lines.txt
[ -f "$file" ] || bench/rpps-generator.sh "$shared/data/territories/decoupage-administratif-4.1.0/communes.json" "$file" "$lines"
if [ ! -d "$work/base" ]; then
  dir=$(territory_dir "$shared")
  java $java_opts -jar target/santegraph.jar import territories --dir "$dir" \
    --santegraph.embedded.data-dir="$work/base" --santegraph.embedded.preallocate-logs=false >/dev/null
  rm -rf "$dir"
fi
echo "=== First RPPS load, $lines activity lines, into a store with the real territories; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg) ==="
declare -A importer wall
run() {
  local mode=$1 n=$2 start out elapsed seconds
  rm -rf "$work/store"; cp -r "$work/base" "$work/store"
  start=$(date +%s.%N)
  out=$(java $java_opts -jar target/santegraph.jar import practitioners --file "$file" $([ "$mode" = transactional ] && echo --transactional) \
        --santegraph.embedded.data-dir="$work/store" --santegraph.embedded.preallocate-logs=false)
  elapsed=$(echo "$(date +%s.%N) - $start" | bc)
  seconds=$(echo "$out" | grep ' rejected in ' | head -1 | sed 's/.* in \([0-9.]*\) s.*/\1/')
  importer[$mode]+="$seconds "
  wall[$mode]+="$elapsed "
  printf '%-14s run %d: %s; JVM wall %.1f s; %s\n' "$mode" "$n" \
    "$(echo "$out" | grep ' rejected in ' | sed 's/.*: \([0-9]* rows read\)/\1/' | head -1)" "$elapsed" \
    "$(echo "$out" | grep -E 'practitioners created|sites created|records built offline' | awk '{$1=$1; print}' | paste -sd, -)"
}
for n in $(seq 1 "$runs"); do
  run transactional "$n"
  run offline "$n"
done
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
t=$(echo "${importer[transactional]}" | median); o=$(echo "${importer[offline]}" | median)
tw=$(echo "${wall[transactional]}" | median); ow=$(echo "${wall[offline]}" | median)
printf 'median importer time: transactional %.1f s (%d rows/s), offline %.1f s (%d rows/s): %.2fx\n' "$t" \
  "$(echo "$lines / $t" | bc)" "$o" "$(echo "$lines / $o" | bc)" "$(echo "$t / $o" | bc -l)"
printf 'median JVM wall time:  transactional %.1f s, offline %.1f s: %.2fx\n' "$tw" "$ow" "$(echo "$tw / $ow" | bc -l)"
rm -rf "$work/store"
