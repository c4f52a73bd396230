#!/usr/bin/env python3
"""The query mix of the load benchmark (bench/load/run.sh).

  mix.py requests --target santegraph|neo4j-graphql --schema SCHEMA --url URL --out FILE [--variants N] [--only KINDS]
      Writes one GraphQL request body (JSON) per line: every kind of query whose fields exist in the printed
      SCHEMA, each with N variants of its variables drawn from the real COG files. Each kind is first sent once
      to URL; a kind that answers with errors (e.g. a feature whose arguments differ) is left out and reported.
      Prints the kinds kept, comma-separated, on the last line.
  mix.py latency --url URL --requests FILE [--per-kind N]
      Sends the first N requests of each kind of a requests FILE one at a time (one client, nothing else running)
      and prints the median and the slowest latency per kind: what each kind costs alone.
  mix.py check --santegraph URL --neo4j-graphql URL [--variants N]
      Sends the same variables to both servers for every territory kind and checks that both answers hold the
      same ids (the santegraph and Neo4j GraphQL Library queries must return the same data).

Variables come from ../shared/data/territories (SANTEGRAPH_SHARED overrides), with a fixed seed: two runs, and
the two servers of a --compare run, get exactly the same requests.
"""
import argparse
import json
import os
import random
import re
import sys
import unicodedata
import urllib.error
import urllib.request

SHARED = os.environ.get("SANTEGRAPH_SHARED", os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared"))
COG = os.path.join(SHARED, "data", "territories", "decoupage-administratif-4.1.0")


def fold(text):
    """Python twin of fr.santegraph.common.TextFolding.fold, so that both servers search the same folded name."""
    text = text.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE")
    bare = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.category(c).startswith("M"))
    return re.sub(r"[\W_]+", " ", bare.lower()).strip()


def load(name):
    with open(os.path.join(COG, name), encoding="utf-8") as f:
        return json.load(f)


class Data:
    """Codes and names drawn from the COG, as variables for the queries."""

    def __init__(self, seed):
        rnd = random.Random(seed)
        communes = [c for c in load("communes.json") if c.get("type") == "commune-actuelle" and c.get("zone") != "com"]
        departements = [d for d in load("departements.json") if d.get("zone") != "com"]
        regions = [r for r in load("regions.json") if r.get("zone") != "com"]
        self.communes = [c["code"] for c in rnd.sample(communes, 500)]
        self.departements = [d["code"] for d in departements]
        self.regions = [r["code"] for r in regions]
        # Search terms: whole folded names of communes, so that a term finds its commune and a few namesakes.
        self.names = [fold(c["nom"]) for c in rnd.sample([c for c in communes if len(c["nom"]) >= 8], 500)]
        self.rnd = rnd

    def pick(self, values, n):
        return [values[i % len(values)] for i in range(n)] if n >= len(values) else self.rnd.sample(values, n)


# Each kind: the query for each server, the variables from Data, what the printed schema must contain,
# and for the equivalence check a function from the answer's data to the ids it returns.
TERRITORY_FIELDS_SG = "id code name population postalCodes department { code name } region { code name } epci { code name }"
TERRITORY_FIELDS_NG = ("id code name population postalCodes(sort: [{code: ASC}]) { code } "
                       "department { code name } region { code name } epci { code name }")

# santegraph's SearchType names for the labels the peer's catalogue search returns.
TYPE_OF_LABEL = {"Indicator": "INDICATOR", "Dataset": "DATASET", "DataService": "DATA_SERVICE",
                 "Producer": "PRODUCER", "Variable": "VARIABLE"}

KINDS = {
    "territory-by-code": {
        # A field name followed by "(": the printed schema describes each argument before its name.
        "requires": "territory(",
        "variables": lambda d, n: [{"code": c} for c in d.pick(d.communes, n)],
        "santegraph": "query TerritoryByCode($code: String!) { territory(code: $code, level: COMMUNE) { %s } }"
                      % TERRITORY_FIELDS_SG,
        "neo4j-graphql": "query TerritoryByCode($code: String!) { territories(where: {code: {eq: $code}, "
                         "level: {eq: \"COMMUNE\"}}) { %s } }" % TERRITORY_FIELDS_NG,
        "ids": {
            "santegraph": lambda data: flat([data["territory"]], lambda t: [t["id"], code(t["department"]),
                                             code(t["region"]), code(t["epci"])] + t["postalCodes"]),
            "neo4j-graphql": lambda data: flat(data["territories"], lambda t: [t["id"], code(t["department"]),
                                               code(t["region"]), code(t["epci"][0] if t["epci"] else None)]
                                               + [p["code"] for p in t["postalCodes"]]),
        },
    },
    "communes-of-department": {
        "requires": "children(",
        "variables": lambda d, n: [{"code": c} for c in d.pick(d.departements, n)],
        "santegraph": "query CommunesOfDepartment($code: String!) { territory(code: $code, level: DEPARTMENT) { "
                      "name children(first: 100) { totalCount nodes { id code name population epci { code name } } } } }",
        "neo4j-graphql": "query CommunesOfDepartment($code: String!) { territories(where: {code: {eq: $code}, "
                         "level: {eq: \"DEPARTMENT\"}}) { name "
                         "childrenConnection(where: {node: {level: {eq: \"COMMUNE\"}, active: {eq: true}}}) { totalCount } "
                         "children(where: {level: {eq: \"COMMUNE\"}, active: {eq: true}}, sort: [{code: ASC}], limit: 100) "
                         "{ id code name population epci { code name } } } }",
        "ids": {
            "santegraph": lambda data: [data["territory"]["children"]["totalCount"]] + flat(
                data["territory"]["children"]["nodes"], lambda t: [t["id"], code(t["epci"])]),
            "neo4j-graphql": lambda data: [data["territories"][0]["childrenConnection"]["totalCount"]] + flat(
                data["territories"][0]["children"], lambda t: [t["id"], code(t["epci"][0] if t["epci"] else None)]),
        },
    },
    "name-search": {
        "requires": "nameContains:",
        "variables": lambda d, n: [{"name": s} for s in d.pick(d.names, n)],
        # santegraph ranks the closest names first; the library cannot, so it sorts by name: the check compares
        # the sets of ids, which are the same whenever all matches fit in the page.
        "santegraph": "query NameSearch($name: String!) { territories(filter: {nameContains: $name, level: COMMUNE}, "
                      "first: 20) { nodes { id code name department { code } } } }",
        "neo4j-graphql": "query NameSearch($name: String!) { territories(where: {searchName: {contains: $name}, "
                         "level: {eq: \"COMMUNE\"}, active: {eq: true}}, sort: [{name: ASC}], limit: 20) "
                         "{ id code name department { code } } }",
        "ids": {
            "santegraph": lambda data: sorted(flat(data["territories"]["nodes"],
                                                   lambda t: [t["id"] + "/" + code(t["department"])])),
            "neo4j-graphql": lambda data: sorted(flat(data["territories"],
                                                      lambda t: [t["id"] + "/" + code(t["department"])])),
        },
        "complete": lambda ids: len(ids) < 20,
    },
    "commune-counts-per-department": {
        "requires": "children(",
        "variables": lambda d, n: [{"code": c} for c in d.pick(d.regions, n)],
        "santegraph": "query CommuneCounts($code: String!) { territory(code: $code, level: REGION) { name "
                      "children(first: 20) { nodes { code name children(first: 1) { totalCount } } } } }",
        "neo4j-graphql": "query CommuneCounts($code: String!) { territories(where: {code: {eq: $code}, "
                         "level: {eq: \"REGION\"}}) { name children(where: {level: {eq: \"DEPARTMENT\"}, "
                         "active: {eq: true}}, sort: [{code: ASC}], limit: 20) { code name "
                         "childrenConnection(where: {node: {level: {eq: \"COMMUNE\"}, active: {eq: true}}}) "
                         "{ totalCount } } } }",
        "ids": {
            "santegraph": lambda data: flat(data["territory"]["children"]["nodes"],
                                            lambda t: [t["code"], t["children"]["totalCount"]]),
            "neo4j-graphql": lambda data: flat(data["territories"][0]["children"],
                                               lambda t: [t["code"], t["childrenConnection"]["totalCount"]]),
        },
    },
    # Practitioners: the library side enters by @cypher root fields (bench/neo4j-graphql/typeDefs.graphql) and
    # resolves the nested activities → site → territory inside its query; santegraph by its filter and batches.
    "practitioners-by-territory-and-profession": {
        "requires": "practitioners(",
        "variables": lambda d, n: [{"territory": "department:" + c, "department": c, "profession": p}
                                   for c, p in zip(d.pick(d.departements, n),
                                                   d.pick(["10", "40", "50", "60", "21", "70"], n))],
        "santegraph": "query Practitioners($territory: String!, $profession: String!) { practitioners(filter: "
                      "{territory: $territory, profession: $profession}, first: 20) { totalCount "
                      "nodes { id lastName firstName activities { site { name territory { name } } } } } }",
        "neo4j-graphql": "query Practitioners($department: String!, $profession: String!) { "
                         "practitionersInCount(department: $department, profession: $profession) "
                         "practitionersIn(department: $department, profession: $profession, offset: 0, limit: 20) "
                         "{ id lastName firstName activities(sort: [{active: DESC}, {id: ASC}]) "
                         "{ site { name territory { name } } } } }",
        "ids": {
            "santegraph": lambda data: [data["practitioners"]["totalCount"]] + flat(
                data["practitioners"]["nodes"], lambda p: [p["id"].removeprefix("practitioner:")] + sorted(
                    f"{(a['site'] or {}).get('name')}/{((a['site'] or {}).get('territory') or {}).get('name')}"
                    for a in p["activities"])),
            "neo4j-graphql": lambda data: [data["practitionersInCount"]] + flat(
                data["practitionersIn"], lambda p: [p["id"]] + sorted(
                    f"{a['site'][0]['name'] if a['site'] else None}/"
                    f"{a['site'][0]['territory'][0]['name'] if a['site'] and a['site'][0]['territory'] else None}"
                    for a in p["activities"])),
        },
    },
    "practitioner-counts-per-epci": {
        "requires": "practitionerCounts(",
        "variables": lambda d, n: [{"code": c} for c in d.pick(d.departements, n)],
        "santegraph": "query PractitionerCounts($code: String!) { territory(code: $code, level: DEPARTMENT) { "
                      "practitionerCounts(groupBy: PROFESSION, level: EPCI, profession: \"10\") "
                      "{ territory { id name } code count masked } } }",
        "neo4j-graphql": "query PractitionerCounts($code: String!) { "
                         "practitionerCountsPerEpci(department: $code, profession: \"10\") "
                         "{ territoryId territoryName count } }",
        "ids": {
            "santegraph": lambda data: sorted(f"{c['territory']['id']}={c['count']}"
                                              for c in data["territory"]["practitionerCounts"]),
            "neo4j-graphql": lambda data: sorted(f"{c['territoryId']}={c['count']}"
                                                 for c in data["practitionerCountsPerEpci"]),
        },
    },
    # Catalogue search: the library side is one @cypher root field on the same full-text index.
    "catalogue-search": {
        "requires": "SearchConnection!",
        "variables": lambda d, n: [{"text": t} for t in d.pick(
            ["mortalite", "hopital", "medicaments", "cancer", "vaccination", "urgences", "naissances",
             "psychiatrie", "pollution", "assurance maladie", "taux de recours", "densite medecins"], n)],
        "santegraph": "query CatalogueSearch($text: String!) { search(query: $text, first: 20) { totalCount "
                      "nodes { score type node { ... on Indicator { id name } ... on Dataset { id title } "
                      "... on DataService { id title } ... on Producer { id name } ... on Variable { id name } } } } }",
        "neo4j-graphql": "query CatalogueSearch($text: String!) { catalogueSearch(text: $text, offset: 0, limit: 20) { "
                         "totalCount hits { score type id name } } }",
        # The same total, then the same hits in the same order, each with its type and its score.
        "ids": {
            "santegraph": lambda data: [data["search"]["totalCount"]] + [
                f"{h['type']}/{h['node']['id']}/{h['score']:.4f}" for h in data["search"]["nodes"]],
            "neo4j-graphql": lambda data: [data["catalogueSearch"]["totalCount"]] + [
                f"{TYPE_OF_LABEL[h['type']]}/{h['id']}/{h['score']:.4f}" for h in data["catalogueSearch"]["hits"]],
        },
    },
    # Not GraphQL: a page of the DCAT-AP catalogue in Turtle, as a harvester reads it (mix.lua sends GET lines).
    "dcat-page": {
        "requires": "uri:",
        "variables": lambda d, n: [{"page": 1 + i % 10} for i in range(n)],
        "santegraph": "GET /catalog?page=%(page)d",
    },
}


def code(territory):
    return (territory or {}).get("code")


def flat(items, fn):
    out = []
    for item in items:
        out.extend(x for x in fn(item) if x is not None)
    return out


def post(url, body):
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json", "Accept": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)


def get(graphql_url, path):
    """Status of a GET on the same server as the GraphQL endpoint (for the DCAT pages)."""
    base = graphql_url.rsplit("/graphql", 1)[0]
    try:
        with urllib.request.urlopen(urllib.request.Request(base + path, headers={"Accept": "text/turtle"}),
                                    timeout=60) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as e:
        return e.code


def requests(args):
    schema = re.sub(r"\s+", "", open(args.schema, encoding="utf-8").read())
    data = Data(args.seed)
    kept, lines = [], []
    for kind, spec in KINDS.items():
        if args.only and kind not in args.only.split(","):
            continue
        query = spec.get(args.target)
        # The Neo4j GraphQL Library schema is ours (bench/neo4j-graphql): only santegraph's features vary.
        if query is None or (args.target == "santegraph" and re.sub(r"\s+", "", spec["requires"]) not in schema):
            continue
        if query.startswith("GET "):
            paths = [query % v for v in spec["variables"](data, args.variants)]
            status = get(args.url, paths[0][4:])
            if status != 200:
                print(f"left out {kind}: the probe request answered HTTP {status}", file=sys.stderr)
                continue
            kept.append(kind)
            lines.extend(paths)
            continue
        variants = [{"query": query, "variables": v} for v in spec["variables"](data, args.variants)]
        answer = post(args.url, variants[0])
        if answer.get("errors"):
            print(f"left out {kind}: the probe request answered {json.dumps(answer['errors'])[:300]}",
                  file=sys.stderr)
            continue
        kept.append(kind)
        lines.extend(json.dumps(v, ensure_ascii=False, separators=(",", ":")) for v in variants)
    random.Random(args.seed).shuffle(lines)  # interleave the kinds
    with open(args.out, "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
    print(",".join(kept))


def check(args):
    data = Data(args.seed)
    failures = 0
    for kind, spec in KINDS.items():
        if "ids" not in spec:
            continue
        compared = 0
        for variables in spec["variables"](data, args.variants):
            answers = {}
            for target in ("santegraph", "neo4j-graphql"):
                answer = post(getattr(args, target.replace("-", "_")), {"query": spec[target], "variables": variables})
                if answer.get("errors"):
                    print(f"FAIL {kind} {variables} on {target}: {json.dumps(answer['errors'])[:300]}")
                    failures += 1
                    break
                answers[target] = spec["ids"][target](answer["data"])
            if len(answers) < 2 or not spec.get("complete", lambda ids: True)(answers["santegraph"]):
                continue
            compared += 1
            if answers["santegraph"] != answers["neo4j-graphql"]:
                failures += 1
                print(f"FAIL {kind} {variables}: santegraph {answers['santegraph'][:12]}… "
                      f"neo4j-graphql {answers['neo4j-graphql'][:12]}…")
        print(f"check {kind}: {compared} variants compared, same ids on both servers" if compared
              else f"check {kind}: nothing compared")
        failures += 0 if compared else 1
    if failures:
        print(f"equivalence check: {failures} failure(s)")
        sys.exit(1)
    print("equivalence check: both servers return the same ids for every kind")


def latency(args):
    import statistics
    import time
    by_kind = {}
    for line in open(args.requests, encoding="utf-8"):
        line = line.strip()
        if not line:
            continue
        kind = "DcatPage" if line.startswith("GET ") else re.match(r"query (\w+)", json.loads(line)["query"]).group(1)
        by_kind.setdefault(kind, []).append(line)
    for kind, lines in by_kind.items():
        times = []
        for line in lines[:args.per_kind]:
            start = time.perf_counter()
            if line.startswith("GET "):
                status = get(args.url, line[4:])
                failed = status != 200
            else:
                failed = bool(post(args.url, json.loads(line)).get("errors"))
            times.append((time.perf_counter() - start) * 1000)
            if failed:
                print(f"{kind}: error on {line[:200]}", file=sys.stderr)
        print(f"{kind:<24} median {statistics.median(times):8.1f} ms   max {max(times):8.1f} ms   ({len(times)} requests)")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    r = commands.add_parser("requests")
    r.add_argument("--target", choices=["santegraph", "neo4j-graphql"], required=True)
    r.add_argument("--schema", required=True)
    r.add_argument("--url", required=True)
    r.add_argument("--out", required=True)
    r.add_argument("--only", help="comma-separated kinds (e.g. those kept for the other server)")
    r.add_argument("--variants", type=int, default=200)
    r.add_argument("--seed", type=int, default=7)
    c = commands.add_parser("check")
    c.add_argument("--santegraph", required=True)
    c.add_argument("--neo4j-graphql", required=True)
    c.add_argument("--variants", type=int, default=10)
    c.add_argument("--seed", type=int, default=7)
    lat = commands.add_parser("latency")
    lat.add_argument("--url", required=True)
    lat.add_argument("--requests", required=True)
    lat.add_argument("--per-kind", type=int, default=20)
    args = parser.parse_args()
    {"requests": requests, "check": check, "latency": latency}[args.command](args)


if __name__ == "__main__":
    main()
