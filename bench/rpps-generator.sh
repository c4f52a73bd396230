#!/usr/bin/env bash
# Writes a synthetic PS_LibreAcces_Personne_activite extraction (fr.santegraph.practitioner.RppsGenerator, a test
# class: the generator is not shipped in the service's jar). Run from anywhere; relative paths are the caller's.
#   bench/rpps-generator.sh <communes.json[.gz]> <out.txt> <lines>
#   bench/rpps-generator.sh --next <previous.txt> <out.txt> <share>     (a later day's file)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
args=()
for a in "$@"; do
  case $a in
    -*|[0-9]*) args+=("$a") ;;
    *) args+=("$(cd "$(dirname "$a")" && pwd)/$(basename "$a")") ;;
  esac
done
(cd "$repo" && mvn -B -q test-compile exec:java -Dexec.mainClass=fr.santegraph.practitioner.RppsGenerator \
  -Dexec.classpathScope=test -Dexec.args="${args[*]}")
