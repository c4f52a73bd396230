#!/usr/bin/env bash
# Load benchmark: santegraph on the real territory graph (plus the synthetic national practitioner extraction when
# the jar has the practitioners importer), driven by wrk with a mix of GraphQL queries at 50 connections.
#
#   bench/load/run.sh [--duration 60] [--connections 50] [--threads 2] [--warmup 60] [--compare] [--fresh]
#                     [--kinds territory-by-code,name-search,...] [--no-result-cache] [--per-kind]
#                     [--after-import [--no-warm]]
#
#   --compare      also serve the same graph with the Neo4j GraphQL Library (bench/neo4j-graphql), check that both
#                  answer the same ids, run the equivalent mix against it with the same wrk settings, and print the
#                  throughput ratio santegraph / neo4j-graphql
#   --fresh        rebuild the benchmark graph (default: reuse target/bench/graph when it was prepared by this jar)
#   --kinds        only these kinds of the mix (names as in bench/load/mix.py, comma-separated)
#   --no-result-cache  santegraph with its GraphQL result cache off: every request executes (the cold cost)
#   --per-kind     with --compare: after the mixed run, each kind both servers have alone (warm-up and measured
#                  run on each server), and a table of req/s, p99 and the ratio santegraph / neo4j-graphql per kind
#   --after-import after the measured run, a refresh of the practitioners with the file the graph was built from
#                  (runImport, as a scheduled refresh does; nothing changes but the run's record, and every kept
#                  answer goes), then the minute after it measured at once, without warm-up
#   --no-warm      santegraph not warming its result cache after an import (warm-questions=0), to compare
#   --settle S     with --after-import: wait S seconds after the import before the minute (clients coming back
#                  later, as after a night's scheduled refresh), default 0
#
# Prints, per server: throughput (req/s), median and 99th percentile latency, errors (non-200 answers, GraphQL
# "errors" in 200 answers, socket errors) and, for santegraph, JVM heap used before and after the load (as
# reported by /actuator/metrics, and after a full GC, the live set). Stops everything it started.
# Environment: SANTEGRAPH_SHARED (../shared), BENCH_JAVA_OPTS (-Xmx1g), BENCH_HTTP_PORT (18181),
# BENCH_BOLT_PORT (17687), BENCH_NODE_PORT (14000), BENCH_STORE (target/bench/graph), BENCH_WARM_QUESTIONS (500).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD

duration=60; connections=50; threads=2; warmup=60; compare=false; fresh=false; only_kinds=; result_cache=64MB
per_kind=false; after_import=false; warm_questions=500; settle=0
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --compare) compare=true; shift ;;
    --fresh) fresh=true; shift ;;
    --kinds) only_kinds=$2; shift 2 ;;
    --no-result-cache) result_cache=0; shift ;;
    --per-kind) per_kind=true; shift ;;
    --after-import) after_import=true; shift ;;
    --no-warm) warm_questions=0; shift ;;
    --settle) settle=$2; shift 2 ;;
    -h|--help) sed -n '2,27p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

shared=${SANTEGRAPH_SHARED:-../shared}
export SANTEGRAPH_SHARED=$(realpath "$shared")
store=${BENCH_STORE:-target/bench/graph}
http_port=${BENCH_HTTP_PORT:-18181}
bolt_port=${BENCH_BOLT_PORT:-17687}
node_port=${BENCH_NODE_PORT:-14000}
# Drawn per run: Bolt's password (shared with the peer server) and an ADMIN key for the metrics.
bolt_password=$(head -c 18 /dev/urandom | base64 | tr '+/' '-_')
admin_key=$(head -c 18 /dev/urandom | base64 | tr '+/' '-_')
java_opts=${BENCH_JAVA_OPTS:--Xmx1g}
work=target/bench/run
mkdir -p "$work" "$(dirname "$store")"
jar=target/santegraph.jar

log() { echo "[bench $(date -u +%H:%M:%S)] $*"; }

# --- what this script starts, stopped on any exit ---
started=()
cleanup() {
  for pid in "${started[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then kill -TERM "$pid" 2>/dev/null || true; fi
  done
  for pid in "${started[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT INT TERM

# --- tools ---
command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
if [ ! -f "$jar" ] || [ -n "$(find src schema import pom.xml -newer "$jar" -type f 2>/dev/null | head -1)" ]; then
  log "building $jar"
  mvn -B -q package -DskipTests
fi

# --- the graph: real territories, and the synthetic national practitioner extraction when the jar can import it ---
marker=$store/bench-prepared
jar_sum=$(sha256sum "$jar" | cut -c1-16)
store_java() { java $java_opts -jar "$jar" "$@" --santegraph.embedded.data-dir="$store" \
                 --santegraph.embedded.preallocate-logs=false; }
if $fresh || [ ! -f "$marker" ] || ! grep -q "^jar $jar_sum$" "$marker"; then
  if $fresh || [ ! -f "$marker" ]; then rm -rf "$store"; fi
  log "preparing the benchmark graph in $store"
  store_java import --help >"$work/import-help.txt" 2>"$work/import-help.log" \
    || { echo "import --help failed, see $work/import-help.log" >&2; exit 1; }
  grep '^  import ' "$work/import-help.txt" | sed 's/^/[bench]   /'
  if ! grep -qs '^territories$' "$marker"; then
    source bench/territory-dir.sh
    territories=$(territory_dir "$SANTEGRAPH_SHARED")
    store_java import territories --dir "$territories" >"$work/import-territories.log" 2>&1 \
      || { echo "territory import failed, see $work/import-territories.log" >&2; exit 1; }
    rm -rf "$territories"
    grep -E 'rows read|rejected in' "$work/import-territories.log" | grep -v ' INFO ' | head -2 | sed 's/^/[bench]   /'
    echo territories >>"$marker"
  fi
  if ! grep -qs '^catalogue$' "$marker"; then
    # The real catalogue: bundled reference, the Etalab 2014 map and the 19k DREES indicators (search, DCAT).
    for source in "catalogue-reference --dir import/catalogue" \
                  "etalab-2014 --dir $SANTEGRAPH_SHARED/data/catalogue/etalab-2014" \
                  "drees-indicators --dir $SANTEGRAPH_SHARED/data/catalogue/drees-indicateurs"; do
      # shellcheck disable=SC2086
      store_java import $source >>"$work/import-catalogue.log" 2>&1 \
        || { echo "catalogue import ($source) failed, see $work/import-catalogue.log" >&2; exit 1; }
    done
    log "catalogue imported"
    echo catalogue >>"$marker"
  fi
  if ! grep -qs '^practitioners$' "$marker"; then
    bash bench/load/prepare-practitioners.sh "$jar" "$store" "$work"
    echo practitioners >>"$marker"
  fi
  sed -i '/^jar /d' "$marker"; echo "jar $jar_sum" >>"$marker"
fi
log "graph: $(grep -v '^jar ' "$marker" | paste -sd+ -)"

# --- santegraph on the prepared store, Bolt on a fixed port (the Node server connects to it) ---
log "starting santegraph on :$http_port (Bolt 127.0.0.1:$bolt_port)"
# wrk is one client: it may hold every turn (the share per client would measure that limit, not the service).
java $java_opts -jar "$jar" --server.port="$http_port" --santegraph.embedded.data-dir="$store" \
  --santegraph.embedded.bolt-port="$bolt_port" --santegraph.embedded.preallocate-logs=false \
  --santegraph.bundled.load-on-start=false --santegraph.graphql.result-cache.max-size="$result_cache" \
  --santegraph.embedded.bolt-password="$bolt_password" \
  --santegraph.security.api-keys[0].name=bench --santegraph.security.api-keys[0].key="$admin_key" \
  --santegraph.security.api-keys[0].roles=ADMIN \
  --santegraph.graphql.limits.max-concurrent-per-client=1000 \
  --santegraph.graphql.result-cache.warm-questions="${BENCH_WARM_QUESTIONS:-$warm_questions}" \
  --santegraph.import.allowed-dirs="$root/$work/rpps-synthetic" \
  >"$work/santegraph.log" 2>&1 &
sg_pid=$!; started+=("$sg_pid")
sg=http://127.0.0.1:$http_port
admin() { curl -sf -H "X-API-Key: $admin_key" "$@"; } # metrics are for ADMIN
until curl -sf -m 2 "$sg/actuator/health" >/dev/null; do
  kill -0 "$sg_pid" 2>/dev/null || { echo "santegraph died, see $work/santegraph.log" >&2; exit 1; }
  sleep 0.5
done
curl -sf "$sg/graphql/schema" >"$work/santegraph.graphqls"

heap_mb() { admin "$sg/actuator/metrics/jvm.memory.used?tag=area:heap" \
              | python3 -c 'import json,sys; print(round(json.load(sys.stdin)["measurements"][0]["value"]/2**20))'; }
live_heap_mb() { jcmd "$sg_pid" GC.run >/dev/null; heap_mb; }
cache_count() { # hit|miss|joined: GraphQL requests answered from the result cache, executed, or answered by the
                # same request's execution under way, since the start
  admin "$sg/actuator/metrics/santegraph.graphql.result.cache?tag=result:$1" \
    | python3 -c 'import json,sys; print(int(json.load(sys.stdin)["measurements"][0]["value"]))'
}

# Runs wrk on one server: warm-up (not measured), then the measured run. Sets $result.
drive() { # name url requests-file
  local name=$1 url=$2 requests=$3
  log "$name: warm-up ${warmup}s"
  wrk -t"$threads" -c"$connections" -d"${warmup}s" --timeout 10s -s bench/load/mix.lua "$url" -- "$requests" >"$work/$name-warmup.txt"
  sed -n 's/^RESULT /[bench]   warm-up: /p' "$work/$name-warmup.txt"
  if [ "$name" = santegraph ]; then
    heap_before=$(heap_mb); live_before=$(live_heap_mb); hits_before=$(cache_count hit); misses_before=$(cache_count miss)
    joined_before=$(cache_count joined)
  fi
  log "$name: ${duration}s at $connections connections, $threads wrk threads"
  wrk -t"$threads" -c"$connections" -d"${duration}s" --timeout 10s -s bench/load/mix.lua "$url" -- "$requests" \
    >"$work/$name-wrk.txt"
  if [ "$name" = santegraph ]; then
    heap_after=$(heap_mb); live_after=$(live_heap_mb); hits=$(( $(cache_count hit) - hits_before ))
    misses=$(( $(cache_count miss) - misses_before )); joined=$(( $(cache_count joined) - joined_before ))
  fi
  result=$(sed -n 's/^RESULT //p' "$work/$name-wrk.txt")
  grep '^FIRST_ERROR' "$work/$name-wrk.txt" | cut -c1-400 || true
}
field() { echo "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }

kinds=$(python3 bench/load/mix.py requests --target santegraph --schema "$work/santegraph.graphqls" \
        --url "$sg/graphql" --out "$work/santegraph-requests.jsonl" ${only_kinds:+--only "$only_kinds"} | tail -1)
log "santegraph query mix: $kinds ($(wc -l <"$work/santegraph-requests.jsonl") distinct requests)"

if $compare; then
  [ -d bench/neo4j-graphql/node_modules ] || (cd bench/neo4j-graphql && npm ci --no-audit --no-fund --loglevel=error)
  log "starting the Neo4j GraphQL Library server on :$node_port (same Bolt server)"
  NEO4J_URI=bolt://127.0.0.1:$bolt_port NEO4J_PASSWORD=$bolt_password PORT=$node_port node bench/neo4j-graphql/server.js >"$work/neo4j-graphql.log" 2>&1 &
  ng_pid=$!; started+=("$ng_pid")
  ng=http://127.0.0.1:$node_port/graphql
  until curl -sf -m 2 "$ng" -H 'content-type: application/json' -d '{"query":"{ __typename }"}' >/dev/null; do
    kill -0 "$ng_pid" 2>/dev/null || { echo "neo4j-graphql died, see $work/neo4j-graphql.log" >&2; exit 1; }
    sleep 0.5
  done
  node bench/neo4j-graphql/server.js --print-schema >"$work/neo4j-graphql.graphqls"
  python3 bench/load/mix.py check --santegraph "$sg/graphql" --neo4j-graphql "$ng" | sed 's/^/[bench]   /'
  [ "${PIPESTATUS[0]}" = 0 ] || { echo "the two servers do not return the same data: no comparison" >&2; exit 1; }
  # The comparison runs the kinds both servers have, on both.
  common=$(python3 bench/load/mix.py requests --target neo4j-graphql --schema "$work/neo4j-graphql.graphqls" \
           --url "$ng" --out "$work/neo4j-graphql-requests.jsonl" --only "$kinds" | tail -1)
  python3 bench/load/mix.py requests --target santegraph --schema "$work/santegraph.graphqls" --url "$sg/graphql" \
    --out "$work/santegraph-requests.jsonl" --only "$common" >/dev/null
  log "compared mix: $common"
fi

drive santegraph "$sg/graphql" "$work/santegraph-requests.jsonl"; sg_result=$result
if $compare; then
  drive neo4j-graphql "$ng" "$work/neo4j-graphql-requests.jsonl"; ng_result=$result
fi

report() { # name result
  printf '%-14s %9s req/s   p50 %7s ms   p99 %7s ms   max %7s ms   errors %s (http %s, graphql %s, socket %s)\n' \
    "$1" "$(field "$2" rps)" "$(field "$2" p50_ms)" "$(field "$2" p99_ms)" "$(field "$2" max_ms)" \
    "$(field "$2" errors)" "$(field "$2" http_errors)" "$(field "$2" graphql_errors)" "$(field "$2" socket_errors)"
}
echo
echo "== load benchmark: ${duration}s, $connections connections, $threads wrk threads, $(nproc) cores (wrk shares them)"
echo "   graph: $(grep -v '^jar ' "$marker" | paste -sd+ -); mix: $(python3 - "$work/santegraph-requests.jsonl" <<'EOF'
import json, re, sys, collections
c = collections.Counter("DcatPage" if l.startswith("GET ") else re.match(r"query (\w+)", json.loads(l)["query"]).group(1)
                        for l in open(sys.argv[1]) if l.strip())
print(", ".join(f"{k} {v}" for k, v in c.items()))
EOF
)"
report santegraph "$sg_result"
if [ "$result_cache" = 0 ]; then echo "santegraph result cache: off (--no-result-cache)"
else echo "santegraph result cache ($result_cache): $hits GraphQL requests answered from it during the measured run, $misses executed, $joined waited for the same request's execution"; fi
echo "santegraph JVM heap used: before ${heap_before} MB, after ${heap_after} MB; after a full GC: before ${live_before} MB, after ${live_after} MB ($java_opts)"
if $compare; then
  report neo4j-graphql "$ng_result"
  python3 -c "import sys; a, b = float(sys.argv[1]), float(sys.argv[2]); print(f'throughput ratio santegraph / neo4j-graphql: {a / b:.2f}')" \
    "$(field "$sg_result" rps)" "$(field "$ng_result" rps)"
fi

if $after_import; then
  extraction=$root/$work/rpps-synthetic/PS_LibreAcces_Personne_activite_209901010000.txt
  [ -f "$extraction" ] || { echo "--after-import: no $extraction (the store was prepared before it was kept: --fresh)" >&2; exit 1; }
  log "an import: the practitioners refreshed with $(basename "$extraction") (runImport)"
  import_start=$(date +%s.%N)
  admin -X POST "$sg/graphql" -H 'content-type: application/json' -d "$(python3 -c 'import json, sys; print(json.dumps({
      "query": "mutation Refresh($file: String!) { runImport(input: {source: \"practitioners\", options: [{name: \"file\", value: $file}]}) { rowsRead elapsedMillis } }",
      "variables": {"file": sys.argv[1]}}))' "$extraction")" >"$work/after-import-run.json"
  log "import answered after $(python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$import_start" "$(date +%s.%N)") s: $(cut -c1-200 "$work/after-import-run.json")"
  if [ "$settle" != 0 ]; then log "waiting ${settle}s before the minute after the import"; sleep "$settle"; fi
  warmed_before=$(cache_count warmed)
  hits_before=$(cache_count hit); misses_before=$(cache_count miss); joined_before=$(cache_count joined)
  log "santegraph: the minute after the import, at once (${duration}s, $connections connections)"
  wrk -t"$threads" -c"$connections" -d"${duration}s" --timeout 10s -s bench/load/mix.lua "$sg/graphql" -- \
    "$work/santegraph-requests.jsonl" >"$work/santegraph-after-import-wrk.txt"
  after=$(sed -n 's/^RESULT //p' "$work/santegraph-after-import-wrk.txt")
  echo
  echo "== after an import (warm-questions=$warm_questions, measured ${settle}s after it), load $(cut -d' ' -f1-3 /proc/loadavg)"
  report "after import" "$after"
  warmed=$(( $(cache_count warmed) - warmed_before ))
  echo "santegraph result cache: $(( $(cache_count hit) - hits_before )) requests answered from it, $(( $(cache_count miss) - misses_before - warmed )) executed, $(( $(cache_count joined) - joined_before )) waited for the same request's execution; $warmed questions answered again by the warming meanwhile"
  grep -o 'Result cache warmed after .*' "$work/santegraph.log" | tail -1 | sed 's/^/[bench]   /' || true
fi

if $compare && $per_kind; then
  # Each kind alone on both servers: the mixed ratio hides a kind where the peer is ahead.
  rows=()
  for kind in ${common//,/ }; do
    python3 bench/load/mix.py requests --target santegraph --schema "$work/santegraph.graphqls" --url "$sg/graphql" \
      --out "$work/santegraph-$kind.jsonl" --only "$kind" >/dev/null
    python3 bench/load/mix.py requests --target neo4j-graphql --schema "$work/neo4j-graphql.graphqls" --url "$ng" \
      --out "$work/neo4j-graphql-$kind.jsonl" --only "$kind" >/dev/null
    drive santegraph "$sg/graphql" "$work/santegraph-$kind.jsonl"; a=$result
    drive neo4j-graphql "$ng" "$work/neo4j-graphql-$kind.jsonl"; b=$result
    rows+=("$(python3 -c "import sys; k, a, ap, b, bp = sys.argv[1:]; print(f'| {k} | {float(a):,.1f} | {ap} | {float(b):,.1f} | {bp} | {float(a) / float(b):.2f} |')" \
      "$kind" "$(field "$a" rps)" "$(field "$a" p99_ms)" "$(field "$b" rps)" "$(field "$b" p99_ms)")")
  done
  echo
  echo "== per kind, alone: ${duration}s each after ${warmup}s of warm-up, $connections connections, load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "| kind | santegraph req/s | p99 ms | neo4j-graphql req/s | p99 ms | ratio |"
  echo "|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
fi
