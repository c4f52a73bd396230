#!/usr/bin/env bash
# Called by bench/load/run.sh when `import --help` lists the practitioners importer: generates the synthetic
# national RPPS extraction (2M activity lines) and imports it into the benchmark store.
# Usage: prepare-practitioners.sh JAR STORE WORKDIR IMPORT-HELP-FILE
#
# How the extraction is generated, first that applies:
#   1. BENCH_PRACTITIONERS_CMD: a command run with the output folder as its argument;
#   2. a generator advertised by `import --help` (an option or importer mentioning "synthetic" or "generat"),
#      e.g. `import practitioners --synthetic <lines>`: the import generates as it goes;
#   3. a script bench/*generat*.sh (or bench/*/*generat*.sh) of the practitioners feature, given the output folder.
# The folder is then imported with the first option of the importer's usage line (e.g. --dir or --file).
set -euo pipefail
jar=$1; store=$2; work=$3; help=$4
lines=${BENCH_PRACTITIONER_LINES:-2000000}
out=$work/rpps-synthetic
log() { echo "[bench $(date -u +%H:%M:%S)] $*"; }
store_java() { java ${BENCH_JAVA_OPTS:--Xmx1g} -jar "$jar" "$@" --santegraph.embedded.data-dir="$store" \
                 --santegraph.embedded.preallocate-logs=false; }

usage=$(grep '^  import practitioners' "$help" | head -1)
generator_line=$(grep -iE '^  import .*(synthetic|generat)' "$help" | head -1 || true)
rm -rf "$out"; mkdir -p "$out"

if [ -n "${BENCH_PRACTITIONERS_CMD:-}" ]; then
  log "generating the synthetic extraction: $BENCH_PRACTITIONERS_CMD $out"
  $BENCH_PRACTITIONERS_CMD "$out"
elif [ -n "$generator_line" ]; then
  # "import <name> ... --<synthetic option> <n>": import straight from the generator.
  name=$(echo "$generator_line" | awk '{print $2}')
  option=$(echo "$generator_line" | grep -oiE -- '--[a-z-]*(synthetic|generat)[a-z-]*' | head -1)
  if [ -n "$option" ]; then
    log "importing $lines synthetic practitioner lines: import $name $option $lines"
    store_java import "$name" "$option" "$lines" >"$work/import-practitioners.log" 2>&1
  else
    log "importing synthetic practitioners: import $name"
    store_java import "$name" >"$work/import-practitioners.log" 2>&1
  fi
  grep -E 'rows read|rejected in' "$work/import-practitioners.log" | grep -v ' INFO ' | head -3 | sed 's/^/[bench]   /'
  exit 0
else
  script=$(ls bench/*generat*.sh bench/*/*generat*.sh 2>/dev/null | grep -v '^bench/load/' | head -1 || true)
  if [ -z "$script" ]; then
    echo "the jar has the practitioners importer but no synthetic generator was found:" >&2
    echo "set BENCH_PRACTITIONERS_CMD to a command writing the extraction into the folder it is given" >&2
    exit 1
  fi
  log "generating the synthetic extraction: $script $out"
  bash "$script" "$out" "$lines"
fi

option=$(echo "$usage" | grep -oE -- '--[a-z-]+' | head -1)
target=$out
if [ "$option" = "--file" ]; then target=$(ls -S "$out"/*Personne_activite* "$out"/* 2>/dev/null | head -1); fi
log "importing the synthetic extraction: import practitioners $option $target"
store_java import practitioners "$option" "$target" >"$work/import-practitioners.log" 2>&1 \
  || { echo "practitioner import failed, see $work/import-practitioners.log" >&2; exit 1; }
grep -E 'rows read|rejected in' "$work/import-practitioners.log" | grep -v ' INFO ' | head -3 | sed 's/^/[bench]   /'
rm -rf "$out"
