#!/usr/bin/env bash
# RPPS imports end to end, as a regional portal runs them: every `import practitioners` in its own JVM
# (`java -jar`, JIT and page cache cold, the service's default settings), into one embedded store that holds the
# real territories. On a synthetic national extraction (RppsGenerator, default 2,000,000 activity lines):
#   1. initial import into the empty practitioner graph
#   2. refresh with a later day's file (RppsGenerator --next: ~1 % gone, ~1 % renamed, ~1 % new)
#   3. refresh with the first file again (those changes undone)
#   4. refresh with the same file (nothing changed)
# Prints, per run, the importer's own elapsed time and rows/s, the JVM's wall time (start-up included) and the
# counts, then the density indicators' recomputation that ends each run. Usage: bench/import-practitioners.sh [lines]   (BENCH_IMPORT_JAVA_OPTS, default -Xmx2g)
# BENCH_WORK=<dir> keeps the files and the store there: a second run skips what exists (generation, territories and
# the initial import) and only times the three refreshes, e.g. to compare JVM options.
set -euo pipefail
cd "$(dirname "$0")/.."
lines=${1:-2000000}
shared=${SANTEGRAPH_SHARED:-../shared}
java_opts=${BENCH_IMPORT_JAVA_OPTS:--Xmx2g}
[ target/santegraph.jar -nt pom.xml ] && [ -z "$(find src/main -newer target/santegraph.jar -print -quit)" ] \
  || mvn -B -q package -DskipTests
source bench/territory-dir.sh
if [ -n "${BENCH_WORK:-}" ]; then
  work=$BENCH_WORK; mkdir -p "$work"
else
  work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
fi
store=$work/store
first=$work/PS_LibreAcces_Personne_activite_202501010000.txt
next=$work/PS_LibreAcces_Personne_activite_202501020000.txt
generator() {
  bench/rpps-generator.sh "$@"
}
[ -f "$first" ] || generator "$shared/data/territories/decoupage-administratif-4.1.0/communes.json" "$first" "$lines"
[ -f "$next" ] || generator --next "$first" "$next" 0.01
fresh_store=false
if [ ! -d "$store" ]; then
  fresh_store=true
  dir=$(territory_dir "$shared")
  java $java_opts -jar target/santegraph.jar import territories --dir "$dir" \
    --santegraph.embedded.data-dir="$store" --santegraph.embedded.preallocate-logs=false >/dev/null
  rm -rf "$dir"
fi
echo "=== RPPS imports, $lines activity lines, one JVM per import ($java_opts), $(nproc) cores ==="
run() {
  local label=$1 file=$2 start out elapsed
  start=$(date +%s.%N)
  out=$(java $java_opts -jar target/santegraph.jar import practitioners --file "$file" \
        --santegraph.embedded.data-dir="$store" --santegraph.embedded.preallocate-logs=false)
  elapsed=$(echo "$(date +%s.%N) - $start" | bc)
  printf '%-32s %s; JVM wall %.1f s; %s\n' "$label" \
    "$(echo "$out" | grep ' rejected in ' | sed 's/.*: \([0-9]* rows read\)/\1/' | head -1)" "$elapsed" \
    "$(echo "$out" | grep -E 'practitioners (created|updated|unchanged|retired)' | awk '{print $2 " " $3}' | paste -sd, -)"
  # The density indicators computed again at the end of the run (included in the JVM wall time above).
  echo "$out" | grep -o 'Density indicators for .*' | sed 's/^/    /' || true
}
if $fresh_store; then run "initial import" "$first"; fi
run "refresh, a later day's file" "$next"
run "refresh, the first file again" "$first"
run "refresh, the same file" "$first"
