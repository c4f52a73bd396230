#!/usr/bin/env bash
# Generates the synthetic national RPPS extraction (bench/rpps-generator.sh) and
# imports it into the benchmark store; the file stays in WORKDIR/rpps-synthetic. Called by bench/load/run.sh: prepare-practitioners.sh JAR STORE WORKDIR
# BENCH_PRACTITIONER_LINES (default 2,000,000 activity lines, the national size), BENCH_IMPORT_JAVA_OPTS (-Xmx2g).
set -euo pipefail
jar=$1; store=$2; work=$3
lines=${BENCH_PRACTITIONER_LINES:-2000000}
communes=${SANTEGRAPH_SHARED:-../shared}/data/territories/decoupage-administratif-4.1.0/communes.json
out=$work/rpps-synthetic/PS_LibreAcces_Personne_activite_209901010000.txt
log() { echo "[bench $(date -u +%H:%M:%S)] $*"; }

mkdir -p "$(dirname "$out")"
log "generating $lines synthetic activity lines"
"$(dirname "$0")/../rpps-generator.sh" "$communes" "$out" "$lines"
log "importing them: import practitioners --file $(basename "$out")"
java ${BENCH_IMPORT_JAVA_OPTS:--Xmx2g} -jar "$jar" import practitioners --file "$out" \
  --santegraph.embedded.data-dir="$store" --santegraph.embedded.preallocate-logs=false \
  >"$work/import-practitioners.log" 2>&1 \
  || { echo "practitioner import failed, see $work/import-practitioners.log" >&2; exit 1; }
grep -E 'rows read|rejected|elapsed' "$work/import-practitioners.log" | grep -v ' INFO ' | tail -3 | sed 's/^/[bench]   /'
# Kept: run.sh --after-import refreshes the service with this same file.
