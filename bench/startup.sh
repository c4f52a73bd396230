#!/usr/bin/env bash
# Time from `java -jar` to the first answered GraphQL query: on a fresh embedded store (the first start loads the
# whole bundled reference graph; /graphql answers 503 until then), then again on that store (loads nothing).
# Usage: bench/startup.sh [runs]   (builds the jar first if missing). Prints each run and the medians.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
[ -f target/santegraph.jar ] || mvn -B -q package -DskipTests
port=18080

# Starts the service on $1, waits for the first answer (all 1,255 EPCIs), prints the milliseconds, stops it.
time_to_answer() {
  local store=$1 start pid
  start=$(date +%s%N)
  java -jar target/santegraph.jar --server.port=$port --santegraph.embedded.data-dir="$store" \
       --santegraph.embedded.preallocate-logs=false >>"$store.log" 2>&1 &
  pid=$!
  until curl -sf -m 5 "http://127.0.0.1:$port/graphql" -H 'content-type: application/json' \
        -d '{"query":"{ territories(filter:{level: EPCI}, first: 1) { totalCount } }"}' | grep -q '"totalCount":1255'; do
    kill -0 $pid 2>/dev/null || { echo "service died, see $store.log" >&2; exit 1; }
    sleep 0.2
  done
  echo $(( ($(date +%s%N) - start) / 1000000 ))
  kill -TERM $pid; wait $pid 2>/dev/null || true
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

first=(); later=()
for i in $(seq 1 "$runs"); do
  store=$(mktemp -d)
  f=$(time_to_answer "$store"); l=$(time_to_answer "$store")
  first+=("$f"); later+=("$l")
  echo "run $i: first start (empty store) $f ms, later start $l ms"
  rm -rf "$store" "$store.log"
done
echo "median first start: $(printf '%s\n' "${first[@]}" | median) ms; later start: $(printf '%s\n' "${later[@]}" | median) ms ($runs runs)"
