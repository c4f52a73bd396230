#!/usr/bin/env bash
# Time from `java -jar` to the first answered GraphQL query, on a fresh embedded store each run.
# Usage: bench/startup.sh [runs]   (builds the jar first if missing). Prints each run and the median.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
[ -f target/santegraph.jar ] || mvn -B -q package -DskipTests
port=18080
times=()
for i in $(seq 1 "$runs"); do
  store=$(mktemp -d)
  start=$(date +%s%N)
  java -jar target/santegraph.jar --server.port=$port --santegraph.embedded.data-dir="$store" \
       --santegraph.embedded.preallocate-logs=false >"$store.log" 2>&1 &
  pid=$!
  until curl -sf -m 1 "http://127.0.0.1:$port/graphql" -H 'content-type: application/json' \
        -d '{"query":"{ territories(filter:{level: REGION}, first: 50) { totalCount } }"}' | grep -q '"totalCount":18'; do
    kill -0 $pid 2>/dev/null || { echo "service died, see $store.log"; exit 1; }
    sleep 0.1
  done
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  times+=("$ms")
  echo "run $i: first answer (18 regions) after $ms ms"
  kill -TERM $pid; wait $pid 2>/dev/null || true
  rm -rf "$store" "$store.log"
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')
echo "median start-to-first-answer: $median ms over $runs runs"
