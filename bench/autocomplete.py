#!/usr/bin/env python3
"""Territory autocomplete latency, as a picker sends it: one client on one kept-alive HTTP connection (a browser
keeps its connection to the API open while the user types), every prefix of what users type, the GraphQL result
cache off on the server (every request executed). The first round warms the JIT and is not counted.

  bench/autocomplete.py --url http://127.0.0.1:18081/graphql [--rounds 5]

Prints the median, 90th and 99th percentile of the measured requests, and the slowest prefix.
"""
import argparse
import http.client
import json
import statistics
import sys
import time
import urllib.parse

# What people type into a territory picker: name starts (with the "st"/"saint" and apostrophe cases the issue
# names), postal and INSEE code starts, one letter at a time for two of them.
PREFIXES = ["s", "sa", "sai", "sain", "saint", "saint-e", "st e", "st etienne", "l", "ly", "lyo", "lyon", "mars",
            "toul", "bord", "lill", "nant", "stras", "mont", "ren", "nic", "gre", "dij", "ang", "nim", "aix", "evr",
            "evry", "lhay", "lhay les roses", "l'hay", "42", "420", "4200", "42000", "75011", "69", "13001"]
QUERY = "query Pick($q: String!) { territories(filter: {nameContains: $q}, first: 10) { nodes { id name level } } }"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", required=True)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    url = urllib.parse.urlparse(args.url)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    times = []
    by_prefix = {}
    for round_number in range(args.rounds + 1):
        for prefix in PREFIXES:
            body = json.dumps({"query": QUERY, "variables": {"q": prefix}})
            start = time.perf_counter()
            connection.request("POST", url.path, body=body,
                               headers={"Content-Type": "application/json", "Accept": "application/json"})
            response = connection.getresponse()
            answer = response.read()
            elapsed = (time.perf_counter() - start) * 1000
            if response.status != 200 or b'"errors"' in answer:
                print(f"error for {prefix!r}: HTTP {response.status} {answer[:200]!r}", file=sys.stderr)
                sys.exit(1)
            if round_number > 0:
                times.append(elapsed)
                by_prefix.setdefault(prefix, []).append(elapsed)
    times.sort()
    pct = lambda p: times[min(len(times) - 1, int(round(p / 100 * (len(times) - 1))))]
    slowest = max(by_prefix, key=lambda p: statistics.median(by_prefix[p]))
    print(f"autocomplete (territories nameContains, first 10, {len(times)} requests over {len(PREFIXES)} prefixes, "
          f"one kept-alive connection, none cached): p50 {statistics.median(times):.1f} ms, p90 {pct(90):.1f} ms, "
          f"p99 {pct(99):.1f} ms; slowest prefix {slowest!r} (median {statistics.median(by_prefix[slowest]):.1f} ms)")


if __name__ == "__main__":
    main()
