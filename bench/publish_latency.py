#!/usr/bin/env python3
"""Publish -> searchable latency for bench/run.sh.

Usage: publish_latency.py BASE_URL COUNT OUT_IDS_FILE

Posts COUNT listings one at a time through POST /api/v1/listings, each with a unique word in its title, and
polls GET /api/v1/listings?q=<word> every 20 ms until the posted id is in the result (at most 10 s each).
Prints "PUBLISH n p50_ms p99_ms max_ms not_found post_p50_ms" and writes the posted ids to OUT_IDS_FILE.
"""
import json
import random
import string
import sys
import time
import os
import urllib.request


def percentile(values, p):
    values = sorted(values)
    if not values:
        return float("nan")
    k = max(0, min(len(values) - 1, int(round(p / 100 * len(values) + 0.5)) - 1))
    return values[k]


def main():
    base, count, ids_file = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    rng = random.Random()
    latencies, posts, ids, not_found = [], [], [], 0
    for _ in range(count):
        word = "zq" + "".join(rng.choice(string.ascii_lowercase) for _ in range(10))
        body = {"kind": "OFFER", "title": "Fahrrad abzugeben " + word,
                "description": "Eine Beschreibung, lang genug für die Regeln. Abholung in Ludwigsburg.",
                "topics": ["mobility"], "languages": ["de", "ar"], "textLanguage": "de", "place": "71634"}
        request = urllib.request.Request(base + "/api/v1/listings", data=json.dumps(body).encode(),
                                         headers={"Content-Type": "application/json",
                                                  "Authorization": "Bearer " + os.environ["BENCH_TOKEN"]},
                                         method="POST")
        started = time.perf_counter()
        with urllib.request.urlopen(request, timeout=10) as response:
            listing = json.load(response)
        posts.append((time.perf_counter() - started) * 1000)
        lid = listing["id"]
        ids.append(lid)
        found = False
        while time.perf_counter() - started < 10:
            with urllib.request.urlopen(base + "/api/v1/listings?q=" + word, timeout=10) as response:
                page = json.load(response)
            if any(item["listing"]["id"] == lid for item in page["items"]):
                found = True
                break
            time.sleep(0.02)
        if found:
            latencies.append((time.perf_counter() - started) * 1000)
        else:
            not_found += 1
    with open(ids_file, "w") as f:
        f.write("\n".join(ids) + "\n")
    print("PUBLISH %d %.0f %.0f %.0f %d %.1f" % (len(latencies), percentile(latencies, 50),
                                                 percentile(latencies, 99), max(latencies or [0]), not_found,
                                                 percentile(posts, 50)))


if __name__ == "__main__":
    main()
