#!/usr/bin/env bash
# The DCAT-AP catalogue walked as a harvester walks it: GET /catalog?page=1..last in Turtle, one page after the
# other, with the page cache off (--santegraph.dcat.page-cache-mb=0: every page read from the graph, mapped and
# written, the cold cost), on the bundled graph (a first start on a fresh store loads it). Then the same walk with
# the cache on, twice (the first fills it). Prints each walk's total and its slowest page, and the median cold walk;
# between them, territory autocomplete and catalogue search as a page sends them (bench/latency.py), the GraphQL result
# cache off.
# Last, the floor under a page: the same triples only written (DcatSerialisationBenchmark), nothing read or mapped.
# Usage: bench/dcat-walk.sh [cold walks]   (builds the jar first if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
walks=${1:-3}
[ target/santegraph.jar -nt pom.xml ] && [ -z "$(find src/main -newer target/santegraph.jar -print -quit)" ] \
  || mvn -B -q package -DskipTests
port=18081
store=$(mktemp -d)
trap 'kill -TERM ${pid:-0} 2>/dev/null; wait 2>/dev/null; rm -rf "$store" "$store.log" "$store.pages"; true' EXIT

start() {
  java -jar target/santegraph.jar --server.port=$port --santegraph.embedded.data-dir="$store" \
       --santegraph.embedded.preallocate-logs=false --santegraph.dcat.page-cache-mb="$1" \
       --santegraph.graphql.result-cache.max-size=0 >>"$store.log" 2>&1 &
  pid=$!
  until curl -sf -m 5 -o /dev/null "http://127.0.0.1:$port/catalog?page=1"; do
    kill -0 $pid 2>/dev/null || { echo "service died, see $store.log" >&2; exit 1; }
    sleep 0.5
  done
}
stop() { kill -TERM $pid; wait $pid 2>/dev/null || true; }

# One walk of every page: prints "total_seconds slowest_seconds slowest_page megabytes". With a second argument,
# each page is saved there as page-NNN.ttl.
walk() {
  local last=$1 keep=${2:-} total=0 slowest=0 at=0 bytes=0 t size out
  for page in $(seq 1 "$last"); do
    out=/dev/null
    [ -z "$keep" ] || out=$(printf '%s/page-%03d.ttl' "$keep" "$page")
    read -r t size < <(curl -sf -o "$out" \
                        -w '%{time_total} %{size_download}\n' -H 'Accept: text/turtle' \
                        "http://127.0.0.1:$port/catalog?page=$page")
    total=$(echo "$total + $t" | bc); bytes=$((bytes + size))
    if [ "$(echo "$t > $slowest" | bc)" = 1 ]; then slowest=$t; at=$page; fi
  done
  echo "$total $slowest $at $((bytes / 1048576))"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

start 0
last=$( (curl -sf -H 'Accept: text/turtle' "http://127.0.0.1:$port/catalog?page=1" \
        | grep -o 'lastPage *<[^>]*page=[0-9]*' || true) | grep -o '[0-9]*$' | head -1)
[ -n "$last" ] || { echo "no hydra:lastPage on /catalog?page=1" >&2; exit 1; }
echo "=== DCAT walk: $last pages of the bundled catalogue, Turtle, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg) ==="
totals=()
pages="$store.pages"
mkdir -p "$pages"
for i in $(seq 1 "$walks"); do
  read -r total slowest at mb <<<"$(walk "$last")"
  totals+=("$total")
  printf 'cold walk %d (page cache off): %.1f s, slowest page %.2f s (page %d), %d MB of Turtle\n' "$i" "$total" \
    "$slowest" "$at" "$mb"
done
walk "$last" "$pages" >/dev/null # not timed: the pages kept for the serialisation floor below
# Autocomplete as a territory picker sends it, every request executed (this start has the result cache off).
python3 bench/latency.py --url "http://127.0.0.1:$port/graphql" --kind autocomplete
python3 bench/latency.py --url "http://127.0.0.1:$port/graphql" --kind catalogue-search
health=$(curl -sf -o /dev/null -w '%{time_total}' -H 'Accept: text/turtle' \
         "http://127.0.0.1:$port/catalog?profile=healthdcat-ap&page=1")
printf 'HealthDCAT-AP view, page 1 (cold): %.2f s\n' "$health"
stop
start 64
for i in 1 2; do
  read -r total slowest at mb <<<"$(walk "$last")"
  printf 'walk %d with the page cache (64 MB): %.1f s, slowest page %.2f s (page %d)\n' "$i" "$total" "$slowest" "$at"
done
stop
printf 'median cold walk: %.1f s (%d walks)\n' "$(printf '%s\n' "${totals[@]}" | median)" "$walks"
# The floor under those pages: writing the same triples alone (the pages of one more walk, parsed back), no graph read.
mvn -B -q test -Dtest=DcatSerialisationBenchmark -Dsurefire.excludes=none -Ddcat.pages="$pages" 2>&1 \
  | grep -o 'serialising alone.*' || echo "serialisation benchmark failed" >&2
