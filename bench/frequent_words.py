#!/usr/bin/env python3
"""Lists the most frequent content words of the demo corpus and the benchmark corpus.

Usage: bench/frequent_words.py [N]   (default 300; run from the repository root)

Writes search-mappings/frequent-words.txt, one word a line, most frequent first. Every word on it must name a
concept of search-mappings/concepts.json (ConceptsTests checks it), so that a person who types a word the board
uses often also finds the listings that say it in another language.

Counted: titles and descriptions of src/main/resources/demo/listings.json, and every thing, title pattern and
sentence of bench/generate_listings.py once each. Lowercased, NFC, letters only, three letters or more. Left
out: function words, numbers, general adjectives and the most general verbs (STOP: on their own they say
nothing about what a listing offers or asks for), place names and template slots (NOT_CONTENT).
"""
import collections
import importlib.util
import json
import os
import re
import sys
import unicodedata

STOP = set("""
und oder der die das den dem des ein eine einen einem einer eines ich wir sie ihr er es du man mit für auf aus bei
von zum zur zu im in an am als auch auf bis ist sind bin hat habe haben hast kann können könnte möchte muss mir mich
uns unser unsere unserer meine mein meiner meinen ihre ihren dabei dazu noch nur nicht kein keine wenn wie wer was
nach über vor ohne alle alles viele sich schon oft wieder jetzt gern gerne bitte sehr gut aber selbst etwa jeden jede
werden wird geht gibt einfach einmal besten liebsten ins vorher nie beim einfachem einfaches ihnen euch dann denn
the and for with you are have from not can your our who but also very them there would which how when still about
that this was were will just some any what been into out one near many every
إلى على في من عن مع أو أنا نحن هو هي هذا هذه التي الذي كل قبل بعد عند وفي فقط أيضا حتى لمن منذ ذلك هل لا لي عندي
است برای کنم دارم هستم داریم اگر هستیم های نمی شود کند دارد کنند یکی هستند دهیم شما بعد باید چند کرده اما هنوز
نیست توانند توانم کنیم همه کسی را که از با به در این آن یا هم ما من او تا می شویم دارید
для або може від про можу щоб вже яка усе можна нам хто але так як що це все мене мої мій наш наша
zwei drei vier fünf two three four five اثنين ثلاثة خمسة دو سه چهار пять дві двома три чотири п
alt neue neu kleine klein eigene andere viele small old new good bad fine eigene other خوب سالم صغيرة كبيرة
get know come bring live machen geben gehen komme kommen bringen mitbringen
روی گرفته کمی درباره ago seit bisschen beispiel ersten bescheid herzlich möglich nötig someone jemanden zusammen
піти أستطيع bieten funktioniert dabei ihre how which still when than then much more way well here سنة شود
""".split())

NOT_CONTENT = set("""
thing place ludwigsburg stuttgart kornwestheim bietigheim bissingen sachsenheim vaihingen enz remseck freiberg
besigheim ditzingen marbach bottwartal لودفيغسبورغ كورنفيستهايم شتوتغارت لودویگسبورگ بیتیگهایم بیسینگن بزیگهایم
людвігсбурзі штутгарта zoll uhr pro
""".split())


def texts(root):
    found = []
    with open(os.path.join(root, "src/main/resources/demo/listings.json"), encoding="utf-8") as f:
        for listing in json.load(f)["listings"]:
            found += [listing["title"], listing["description"]]
    spec = importlib.util.spec_from_file_location("generate", os.path.join(root, "bench/generate_listings.py"))
    generate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generate)
    for language in generate.THINGS:
        for things in generate.THINGS[language].values():
            found += things
        for patterns in generate.TITLES[language].values():
            found += patterns
        found += generate.SENTENCES[language]
    return found


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    counts = collections.Counter()
    for text in texts(root):
        # The zero-width non-joiner joins the parts of Persian words ('بچه‌ها'); they count as words of their own.
        text = unicodedata.normalize("NFC", text).lower().replace("\u200c", " ")
        for word in re.findall(r"[^\W\d_]+", text):
            if len(word) >= 3 and word not in STOP and word not in NOT_CONTENT:
                counts[word] += 1
    # Most frequent first; equal counts alphabetically, so the list is the same on every run.
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:n]
    with open(os.path.join(root, "search-mappings/frequent-words.txt"), "w", encoding="utf-8") as out:
        for word, _ in ranked:
            out.write(word + "\n")


if __name__ == "__main__":
    main()
