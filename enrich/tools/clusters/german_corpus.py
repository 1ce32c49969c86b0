#!/usr/bin/env python3
"""Unlabeled German text for learning word clusters, written to stdout one paragraph a line.

    python3 german_corpus.py ../shared/bench/extraction-multi/pages [GOLD.jsonl...] > de.txt

Reads every page (gzipped HTML; charset from the BOM or <meta charset>, else UTF-8), drops script, style and
tags, and keeps the pages whose words are mostly German function words (der, die, und, nicht, ...: 469 of the
660 pages). Each GOLD.jsonl given adds its "text" fields (GermEval, UNER), labels unused. Nothing here is
committed but the derived cluster table.
"""
import gzip
import html
import json
import os
import re
import sys

DE = set("der die das und nicht ist mit sich auf für den dem des ein eine einer eines zu von im auch es sind wird "
         "bei oder aus wie nach noch wir ich sie er".split())
EN = set("the and of to in is that for with on as was are by this be it from".split())


def decode(raw):
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", "replace")
    m = re.search(rb'charset=["\']?([A-Za-z0-9_-]+)', raw[:4000])
    enc = m.group(1).decode() if m else "utf-8"
    try:
        return raw.decode(enc, "replace")
    except LookupError:
        return raw.decode("utf-8", "replace")


def text_of(page):
    page = re.sub(r"(?is)<(script|style|noscript)\b.*?</\1>", " ", page)
    page = re.sub(r"(?is)<!--.*?-->", " ", page)
    page = re.sub(r"(?i)<(br|p|div|li|h[1-6]|tr|td|article|section)\b[^>]*>", "\n", page)
    page = re.sub(r"(?s)<[^>]+>", " ", page)
    return html.unescape(page)


def main():
    pages = sys.argv[1]
    kept = 0
    for name in sorted(os.listdir(pages)):
        text = text_of(decode(gzip.open(os.path.join(pages, name)).read()))
        words = re.findall(r"\w+", text.lower())
        de = sum(w in DE for w in words)
        en = sum(w in EN for w in words)
        if de < 30 or de < 2 * en:
            continue
        kept += 1
        for line in text.split("\n"):
            line = " ".join(line.split())
            if len(line) > 20:
                print(line)
    for gold in sys.argv[2:]:
        for l in open(gold, encoding="utf-8"):
            print(" ".join(json.loads(l)["text"].split()))
    print(f"{kept} German pages", file=sys.stderr)


if __name__ == "__main__":
    main()
