#!/usr/bin/env python3
"""Latency of the requests a person types, as a page sends them: one client on one kept-alive HTTP connection (a
browser keeps its connection to the API open while the user types), the GraphQL result cache off on the server
(every request executed). The first round warms the JIT and is not counted.

  bench/latency.py --url http://127.0.0.1:18081/graphql [--kind autocomplete|catalogue-search] [--rounds 5]

autocomplete: a territory picker, every prefix of what users type. catalogue-search: the catalogue's French
full-text search, first 20 hits with their scores, the words people search the catalogue for.
Prints the median, 90th and 99th percentile of the measured requests, and the slowest input.
"""
import argparse
import http.client
import json
import statistics
import sys
import time
import urllib.parse

KINDS = {
    # Name starts (with the "st"/"saint" and apostrophe cases), postal and INSEE code starts, one letter at a time
    # for two of them.
    "autocomplete": {
        "label": "autocomplete (territories nameContains, first 10",
        "inputs": ["s", "sa", "sai", "sain", "saint", "saint-e", "st e", "st etienne", "l", "ly", "lyo", "lyon",
                   "mars", "toul", "bord", "lill", "nant", "stras", "mont", "ren", "nic", "gre", "dij", "ang", "nim",
                   "aix", "evr", "evry", "lhay", "lhay les roses", "l'hay", "42", "420", "4200", "42000", "75011",
                   "69", "13001"],
        "query": "query Pick($q: String!) { territories(filter: {nameContains: $q}, first: 10) "
                 "{ nodes { id name level } } }",
    },
    # The words of the load mix's catalogue search, and what else people look for: accents, plurals, two words.
    "catalogue-search": {
        "label": "catalogue search (search, first 20 with scores and totalCount",
        "inputs": ["mortalite", "hopital", "medicaments", "cancer", "vaccination", "urgences", "naissances",
                   "psychiatrie", "pollution", "assurance maladie", "taux de recours", "densite medecins",
                   "mortalité infantile", "hôpitaux", "dépistage du cancer du sein", "santé mentale", "ehpad",
                   "médecins généralistes", "qualité de l'eau", "suicide"],
        "query": "query Search($q: String!) { search(query: $q, first: 20) { totalCount nodes { score type "
                 "node { ... on Indicator { id name } ... on Dataset { id title } ... on DataService { id title } "
                 "... on Producer { id name } ... on Variable { id name } } } } }",
    },
}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", required=True)
    parser.add_argument("--kind", choices=sorted(KINDS), default="autocomplete")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    kind = KINDS[args.kind]
    url = urllib.parse.urlparse(args.url)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    times = []
    by_input = {}
    for round_number in range(args.rounds + 1):
        for text in kind["inputs"]:
            body = json.dumps({"query": kind["query"], "variables": {"q": text}})
            start = time.perf_counter()
            connection.request("POST", url.path, body=body,
                               headers={"Content-Type": "application/json", "Accept": "application/json"})
            response = connection.getresponse()
            answer = response.read()
            elapsed = (time.perf_counter() - start) * 1000
            if response.status != 200 or b'"errors"' in answer:
                print(f"error for {text!r}: HTTP {response.status} {answer[:200]!r}", file=sys.stderr)
                sys.exit(1)
            if round_number > 0:
                times.append(elapsed)
                by_input.setdefault(text, []).append(elapsed)
    times.sort()
    pct = lambda p: times[min(len(times) - 1, int(round(p / 100 * (len(times) - 1))))]
    slowest = max(by_input, key=lambda t: statistics.median(by_input[t]))
    print(f"{kind['label']}, {len(times)} requests over {len(kind['inputs'])} inputs, one kept-alive connection, "
          f"none cached): p50 {statistics.median(times):.1f} ms, p90 {pct(90):.1f} ms, p99 {pct(99):.1f} ms; "
          f"slowest {slowest!r} (median {statistics.median(by_input[slowest]):.1f} ms)")


if __name__ == "__main__":
    main()
