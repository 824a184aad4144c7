#!/usr/bin/env python3
"""For each search word of the benchmark, the text clauses and ranking functions the portal's query has.

Mirrors de.pinnwand.search.SearchRequests (the words as typed and their synonyms, searched in the fields of their
scripts), de.pinnwand.search.Concepts and de.pinnwand.search.CrossLanguage (concepts from
search-mappings/concepts.json, the same normalisation, longest word sequences first, at most 3 concepts, specific
ones first, at most 30 clauses), so that the raw Elasticsearch body in bench/wrk-load.lua is the very query the
portal sends. Usage: concept_clauses.py CONCEPTS_JSON WORDS_FILE [ALTERNATIVES_TSV] > concepts.tsv
(word, the text's "should" clauses as one JSON array, the function_score functions as one JSON array;
tab-separated). ALTERNATIVES_TSV is bench/synonym_alternatives.py's output; without it no synonym clauses.
"""
import json
import sys
import unicodedata

from synonym_alternatives import words as synonym_words

LANGUAGES = ["de", "en", "ar", "fa", "uk", "ru", "tr"]
MAX_WORDS, MAX_PHRASE, MAX_CONCEPTS = 24, 4, 3
MAX_WORDS_PER_LANGUAGE, MAX_CLAUSES = 5, 30
CONCEPT_BOOST, GENERAL_BOOST, TOPIC_BOOST = 0.6, 0.2, 0.8
OWN_TEXT_WEIGHT, OWN_SPEAKER_WEIGHT = 0.3, 0.2


def words(text):
    return [w.replace("\u0623", "\u0627").replace("\u0625", "\u0627").replace("\u0622", "\u0627")
            .replace("\u0629", "\u0647") for w in synonym_words(text)]


def key(form):
    return " ".join(words(form))


def matches(by_form, text):
    query = words(text)[:MAX_WORDS]
    used = [False] * len(query)
    found = {}
    for length in range(min(MAX_PHRASE, len(query)), 0, -1):
        for start in range(0, len(query) - length + 1):
            if any(used[start:start + length]):
                continue
            phrase = " ".join(query[start:start + length])
            entries = look_up_word(by_form, phrase) if length == 1 else by_form.get(phrase)
            if not entries:
                continue
            for i in range(start, start + length):
                used[i] = True
            for concept, language in entries:
                found.setdefault(concept["id"], (concept, [], " ".join(query[start:start + length])))[1].append(language)
    ordered = sorted(found.values(), key=lambda m: bool(m[0].get("general")))  # stable, like Java's sort
    return ordered[:MAX_CONCEPTS]


PROCLITICS = ["\u0648\u0627\u0644", "\u0628\u0627\u0644", "\u0641\u0627\u0644", "\u0643\u0627\u0644", "\u0644\u0644",
              "\u0627\u0644", "\u0648", "\u0628", "\u0644", "\u0641"]
MAX_ENDING, MIN_STEM = 4, 4


def look_up_word(by_form, word):
    """Concepts.lookUpWord: as written, without Arabic proclitics, or a lexicon word plus a short ending."""
    if word in by_form:
        return by_form[word]
    for proclitic in PROCLITICS:
        if word.startswith(proclitic) and len(word) - len(proclitic) >= MIN_STEM and word[len(proclitic):] in by_form:
            return by_form[word[len(proclitic):]]
    for keep in range(len(word) - 1, max(MIN_STEM, len(word) - MAX_ENDING) - 1, -1):
        if word[:keep] in by_form:
            return by_form[word[:keep]]
    return None


def script_languages(text):
    languages = []
    for c in text[:400]:
        if "\u0400" <= c <= "\u04ff":
            languages += [lang for lang in ("uk", "ru") if lang not in languages]
        elif "\u0600" <= c <= "\u06ff" or "\u0750" <= c <= "\u077f" or "\ufb50" <= c <= "\ufeff":
            languages += [lang for lang in ("ar", "fa") if lang not in languages]
    return languages


def clauses(found):
    """CrossLanguage.clauses: per weight (specific, then general) and language one clause with the single words of
    all concepts, a phrase per concept and language, one clause for the German words among compound parts; one
    clause for the sub-topics of all specific concepts. Only the typed words' clauses are named."""
    result = []
    for general in (False, True):
        group = [m for m in found if bool(m[0].get("general")) == general]
        if not group:
            continue
        boost = GENERAL_BOOST if general else CONCEPT_BOOST
        parts = []
        for language in LANGUAGES:
            fields = ["text." + language + ".title^3", "text." + language + ".description"]
            single, phrases = [], []
            for concept, _, typed in group:
                forms = [f for f in concept["words"][language] if key(f)]
                words_ = [f for f in forms if len(words(f)) == 1][:MAX_WORDS_PER_LANGUAGE]
                single += [w for w in words_ if w not in single]
                if language == "de" and words_ and typed != key(words_[0]) and words_[0] not in parts:
                    parts.append(words_[0])
                phrase = next((f for f in forms if len(words(f)) > 1), None)
                if phrase:
                    phrases.append({"multi_match": {"boost": boost, "fields": fields, "operator": "and",
                                                    "query": phrase, "type": "best_fields"}})
            if single:
                result.append({"multi_match": {"boost": boost, "fields": fields, "query": " ".join(single),
                                               "type": "best_fields"}})
            result += phrases
        if parts:
            result.append({"multi_match": {"boost": boost, "fields": ["title.compound^1.5", "description.compound^0.5"],
                                           "query": " ".join(parts), "type": "best_fields"}})
    with_topics = [c for c, _, _ in found if not c.get("general") and any("/" in t for t in c.get("topics", []))]
    if with_topics:
        topics = []
        for concept in with_topics:
            topics += [t for t in concept["topics"] if "/" in t and t not in topics]  # sub-topics only
        result.append({"constant_score": {"boost": TOPIC_BOOST, "filter": {"terms": {"topics": topics}}}})
    return result[:MAX_CLAUSES]


SCRIPT_LANGUAGES = {"latin": ["de", "en", "tr"], "cyrillic": ["uk", "ru"], "arabic": ["ar", "fa"]}
PART_FIELDS = ["title.compound^1.5", "description.compound^0.5"]


def script_of(c):
    name = unicodedata.name(c, "")
    for script in SCRIPT_LANGUAGES:
        if name.startswith(script.upper()):
            return script
    return None


def fields(text, parts):
    """SearchRequests.fields: the folded fields, the per-language fields of the text's scripts, the parts."""
    languages, other = [], False
    for c in text[:200]:
        if c.isalpha():
            script = script_of(c)
            other |= script is None
            for language in SCRIPT_LANGUAGES.get(script, []):
                if language not in languages:
                    languages.append(language)
    result = ["title^3", "description"]
    if other or not languages:
        result += ["text.*.title^3", "text.*.description"]
    else:
        for language in languages:
            result += ["text." + language + ".title^3", "text." + language + ".description"]
    return result + (PART_FIELDS if parts else [])


def typed_clauses(text, alternatives):
    """SearchRequests.text: the words as typed, the single-word synonyms in one clause, each phrase apart."""
    result = [{"multi_match": {"fields": fields(text, True), "query": text, "type": "best_fields", "_name": "typed"}}]
    single = [a for a in alternatives if " " not in a]
    if single:
        result.append({"multi_match": {"boost": 0.8, "fields": fields(" ".join(single), True),
                                       "query": " ".join(single), "type": "best_fields", "_name": "typed"}})
    for phrase in (a for a in alternatives if " " in a):
        result.append({"multi_match": {"boost": 0.8, "fields": fields(phrase, False), "query": phrase,
                                       "type": "phrase", "_name": "typed"}})
    return result


def functions(found, text):
    languages = []
    for _, langs, _ in found:
        languages += [lang for lang in langs if lang not in languages]
    if not languages:
        languages = script_languages(text)
    if "fa" in languages:
        languages.append("prs")
    if not languages:
        return []
    return [{"filter": {"terms": {"textLanguage": languages}}, "weight": OWN_TEXT_WEIGHT},
            {"filter": {"terms": {"languages": languages}}, "weight": OWN_SPEAKER_WEIGHT}]


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        concepts = json.load(f)["concepts"]
    by_form = {}
    for concept in concepts:
        for language in LANGUAGES:
            for form in concept["words"][language]:
                if key(form):
                    by_form.setdefault(key(form), []).append((concept, language))
    alternatives = {}
    if len(sys.argv) > 3:
        with open(sys.argv[3], encoding="utf-8") as f:
            for line in f:
                cells = line.rstrip("\n").split("\t")
                alternatives[cells[0]] = [c for c in cells[1:] if c]
    with open(sys.argv[2], encoding="utf-8") as f:
        for text in (line.rstrip("\n") for line in f):
            if text:
                found = matches(by_form, text)
                should = typed_clauses(text, alternatives.get(text, [])) + clauses(found)
                print(text + "\t" + json.dumps(should, ensure_ascii=False, separators=(",", ":")) + "\t"
                      + json.dumps(functions(found, text), ensure_ascii=False, separators=(",", ":")))


if __name__ == "__main__":
    main()
