#!/usr/bin/env python3
"""For each search word of the benchmark, the synonym alternatives the portal adds to its query.

Mirrors de.pinnwand.search.Synonyms (rules from search-mappings/synonyms.json, the same normalisation, at most 8
alternatives), so that the raw Elasticsearch body in bench/wrk-load.lua is the very query the portal sends.
Usage: synonym_alternatives.py SYNONYMS_JSON WORDS_FILE > alternatives.tsv (word, then its alternatives, tab-separated).
"""
import json
import sys
import unicodedata

MAX_ALTERNATIVES = 8


def words(text):
    normalized = unicodedata.normalize("NFC", text).lower()
    normalized = normalized.replace("\u064A", "\u06CC").replace("\u0649", "\u06CC").replace("\u0643", "\u06A9")
    found, word = [], []
    for c in normalized:
        if unicodedata.category(c) == "Mn" or c in ("\u200C", "\u0640"):
            continue
        if c.isalnum():
            word.append(c)
        elif word:
            found.append("".join(word))
            word = []
    if word:
        found.append("".join(word))
    return found


def phrases(side):
    return [p for p in (" ".join(words(phrase)) for phrase in side.split(",")) if p]


def parse(line):
    sides = line.split("=>")
    left = phrases(sides[0])
    right = phrases(sides[1]) if len(sides) > 1 else left
    rules = []
    for phrase in left:
        alternatives = [other for other in right if other != phrase]
        if alternatives:
            rules.append((phrase.split(" "), alternatives))
    return rules


def contains(seq, sub):
    return any(seq[i:i + len(sub)] == sub for i in range(len(seq) - len(sub) + 1))


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        definition = json.load(f)
    rules = [rule for lines in definition["rules"].values() for line in lines for rule in parse(line)]
    with open(sys.argv[2], encoding="utf-8") as f:
        for text in (line.rstrip("\n") for line in f):
            if not text:
                continue
            query_words = words(text)
            query = " ".join(query_words)
            alternatives = []
            for rule_words, rule_alternatives in rules:
                if query_words and contains(query_words, rule_words):
                    for alternative in rule_alternatives:
                        if (" " + alternative + " ") not in (" " + query + " ") and alternative not in alternatives:
                            alternatives.append(alternative)
            print("\t".join([text] + alternatives[:MAX_ALTERNATIVES]))


if __name__ == "__main__":
    main()
