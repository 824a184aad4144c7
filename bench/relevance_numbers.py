#!/usr/bin/env python3
"""One line of relevance numbers from SearchRelevanceTests' output, for the benchmark's report.

Usage: relevance_numbers.py SURFIRE_OUTPUT_TXT VERDICT
Reads the graded table the test prints (per language, same- and cross-language: queries, nDCG@10, recall@10) and
prints the means over all queries (weighted by the groups' query counts), same and cross, and per language.
"""
import re
import sys

ROW = re.compile(r"^(de|en|ar|fa|uk|ru|tr|same|cross)\s+(\d+)\s+(\d+)\s+([0-9.]+)\s+([0-9.]+)\s*$")


def main():
    groups = {}
    with open(sys.argv[1], encoding="utf-8", errors="replace") as output:
        graded = False
        for line in output:
            if line.startswith("group  queries  cross  nDCG@10"):
                graded = True
                continue
            match = ROW.match(line) if graded else None
            if match:
                groups[match.group(1)] = (int(match.group(2)), float(match.group(4)), float(match.group(5)))
            elif graded and groups and not line.strip():
                break
    same, cross = groups["same"], groups["cross"]
    n = same[0] + cross[0]
    ndcg = (same[0] * same[1] + cross[0] * cross[1]) / n
    recall = (same[0] * same[2] + cross[0] * cross[2]) / n
    languages = ", ".join(f"{g} {groups[g][1]:.3f}" for g in ("de", "en", "ar", "fa", "uk", "ru", "tr") if g in groups)
    print(f"{n} queries: nDCG@10 {ndcg:.3f}, recall@10 {recall:.3f}; same-language {same[1]:.3f} / {same[2]:.3f}, "
          f"cross-language {cross[1]:.3f} / {cross[2]:.3f}; nDCG@10 by language: {languages}; "
          f"SearchRelevanceTests {sys.argv[2]}")


if __name__ == "__main__":
    main()
