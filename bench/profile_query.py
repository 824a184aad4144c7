#!/usr/bin/env python3
"""Where Elasticsearch spends a search: the portal's bodies with "profile": true, times summed by part.

Usage: profile_query.py ES_URL BODIES_TSV [ES_PID] [REPEAT]
  BODIES_TSV  word<TAB>body per line, as bench/wrk-load.lua writes it with BENCH_DUMP=FILE
  ES_PID      the node's process: the bodies are then also sent REPEAT times each (default 5) without profiling,
              one at a time, and the node's CPU time per search is printed (user + system from /proc)

Prints a Markdown table: per part of the query (the leaf queries grouped by field, e.g. the compound n-gram
fields, the per-language fields, the topic filter), the aggregations, the collectors and the fetch phase, its
share of the profiled time summed over all words. The leaf times are what Lucene spent in each term's postings
(create_weight, build_scorer, next_doc, advance, score); a boolean query's own time beyond its children is its
bookkeeping ("combining").
"""
import json
import os
import re
import sys
import urllib.request
from collections import defaultdict

LEAF_FIELD = re.compile(r"^[+\-]?\(?([A-Za-z0-9_.]+):")


def post(url, body):
    request = urllib.request.Request(url, data=body.encode("utf-8"), headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.load(response)


def group_of(description):
    match = LEAF_FIELD.match(description)
    if not match:
        return "other"
    field = match.group(1)
    if field.endswith(".compound"):
        return "compound n-gram fields (title/description.compound)"
    if field.startswith("text."):
        return "per-language fields (text.<lang>.*)"
    if field == "topics":
        return "topic filter (concept's sub-topics)"
    if field in ("textLanguage", "languages"):
        return "own-language ranking filters"
    if field in ("title", "description"):
        return "folded fields (title, description)"
    if field == "expiresAt":
        return "expiry filter"
    return field


def walk(node, totals, counts):
    children = node.get("children", [])
    time = node["time_in_nanos"]
    if not children:
        group = group_of(node["description"])
        totals[group] += time
        counts[group] += 1
        return time
    inner = sum(walk(child, totals, counts) for child in children)
    totals["boolean/function_score combining"] += max(0, time - inner)
    return time


def aggregation_time(aggregations):
    return sum(a["time_in_nanos"] for a in aggregations)


def collector_time(collectors):
    # The outer collector's time includes its children.
    return sum(c["time_in_nanos"] for c in collectors)


def cpu_ticks(pid):
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def main():
    es, bodies_file = sys.argv[1], sys.argv[2]
    pid = sys.argv[3] if len(sys.argv) > 3 else None
    repeat = int(sys.argv[4]) if len(sys.argv) > 4 else 5
    bodies = []
    with open(bodies_file, encoding="utf-8") as lines:
        for line in lines:
            word, body = line.rstrip("\n").split("\t", 1)
            bodies.append((word, body))
    url = f"{es}/pinnwand-listings/_search"
    totals, counts = defaultdict(int), defaultdict(int)
    hits, leaves = 0, 0
    for word, body in bodies:
        request = json.loads(body)
        request["profile"] = True
        answer = post(url, json.dumps(request))
        hits += answer["hits"]["total"]["value"]
        shard = answer["profile"]["shards"][0]
        for search in shard["searches"]:
            for query in search["query"]:
                walk(query, totals, counts)
            totals["collectors (top hits, sorting)"] += max(0, collector_time(search["collector"])
                                                           - sum(q["time_in_nanos"] for q in search["query"]))
        totals["aggregations (facets)"] += aggregation_time(shard.get("aggregations", []))
        fetch = shard.get("fetch")
        if fetch:
            totals["fetch (_source of the hits)"] += fetch["time_in_nanos"]
    leaves = sum(counts.values())
    whole = sum(totals.values()) or 1
    print(f"{len(bodies)} bodies, {hits / len(bodies):.0f} matching listings on average (counted up to "
          f"track_total_hits), {leaves / len(bodies):.1f} leaf queries per body")
    print()
    print("| part | share of profiled time | ms per search | leaf queries per search |")
    print("|---|---|---|---|")
    for group, time in sorted(totals.items(), key=lambda item: -item[1]):
        print(f"| {group} | {100 * time / whole:.1f} % | {time / 1e6 / len(bodies):.2f} | "
              f"{counts[group] / len(bodies):.1f} |" if counts[group] else
              f"| {group} | {100 * time / whole:.1f} % | {time / 1e6 / len(bodies):.2f} | — |")
    if pid:
        for _, body in bodies:
            post(url, body)
        ticks0 = cpu_ticks(pid)
        for _ in range(repeat):
            for _, body in bodies:
                post(url, body)
        used = (cpu_ticks(pid) - ticks0) * 1000 / os.sysconf("SC_CLK_TCK")
        print()
        print(f"Elasticsearch CPU per search, one at a time, {repeat * len(bodies)} searches: "
              f"{used / (repeat * len(bodies)):.2f} ms")


if __name__ == "__main__":
    main()
