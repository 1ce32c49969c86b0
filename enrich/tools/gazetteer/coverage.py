#!/usr/bin/env python3
"""Measures what a typed gazetteer would match in gold NER data (the gold is only measured, never added).

Usage:  python3 coverage.py GAZETTEER [GAZETTEER ...] --gold FILE.jsonl [--gold ...] [--baseline DIR]

GAZETTEER is world-names.tsv(.gz) or any TYPE<TAB>name file. --baseline DIR also scores the hand-written
gazetteer.txt (LOC/ORG) and firstnames-en.txt of DIR alone and together with the new file. Matching is
like Gazetteer.match in Java for Latin script: lower-cased tokens, longest match from left to right. Russian
words are compared as written (the Java side compares lemmas), so Russian numbers are a lower bound.

Reported per gold file:
  mention exact   the gold mention text as a whole is an entry of a compatible type
                  (PER: PER or PER_SURNAME; LOC: LOC; ORG: ORG); "any type" also counts other types and TITLE
  token covered   some token of the mention lies in a match of a compatible type (PER also FIRST_NAME)
  false hits      capitalised tokens outside every gold mention that lie in a match, per type of the match
"""
import argparse
import collections
import gzip
import json
import re

TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*|[^\w\s]")
COMPAT = {'PER': {'PER', 'PER_SURNAME'}, 'LOC': {'LOC'}, 'ORG': {'ORG'}}
COMPAT_TOKEN = {'PER': {'PER', 'PER_SURNAME', 'FIRST_NAME'}, 'LOC': {'LOC'}, 'ORG': {'ORG'}}


def key(text):
    return ' '.join(t.lower().replace('ё', 'е') for t in TOKEN.findall(text))


def load(paths):
    entries = collections.defaultdict(set)
    for path in paths:
        opener = gzip.open if path.endswith('.gz') else open
        with opener(path, 'rt', encoding='utf-8') as f:
            for line in f:
                if line.startswith('#') or '\t' not in line:
                    continue
                typ, name = line.rstrip('\n').split('\t')[:2]
                k = key(name.strip())
                if k:
                    entries[k].add(typ)
    return entries


def load_baseline(d):
    entries = collections.defaultdict(set)
    for line in open(f'{d}/gazetteer.txt', encoding='utf-8'):
        if line.startswith('#') or '\t' not in line:
            continue
        typ, name = line.rstrip('\n').split('\t')[:2]
        entries[key(name.strip())].add('ORG' if typ == 'ORG' else 'LOC')
    for line in open(f'{d}/firstnames-en.txt', encoding='utf-8'):
        if not line.startswith('#'):
            for w in line.split():
                entries[w.lower()].add('FIRST_NAME')
    return entries


def merge(a, b):
    out = collections.defaultdict(set)
    for src in (a, b):
        for k, v in src.items():
            out[k] |= v
    return out


def match(tokens, entries, maxwords):
    """For each token the types of the longest entry covering it (None when none)."""
    keys = [t.lower().replace('ё', 'е') for t in tokens]
    out = [None] * len(keys)
    i = 0
    while i < len(keys):
        best, types = 0, None
        for n in range(1, min(maxwords, len(keys) - i) + 1):
            v = entries.get(' '.join(keys[i:i + n]))
            if v:
                best, types = n, v
        if best:
            for j in range(i, i + best):
                out[j] = types
            i += best
        else:
            i += 1
    return out


def score(gold_path, entries):
    maxwords = max(k.count(' ') + 1 for k in entries)
    mentions = collections.Counter()
    exact = collections.Counter()
    exact_any = collections.Counter()
    covered = collections.Counter()
    cap_outside = 0
    false_hits = collections.Counter()
    false_words = collections.Counter()
    for line in open(gold_path, encoding='utf-8'):
        doc = json.loads(line)
        text = doc['text']
        spans = [(e['start'], e['end'], e['type']) for e in doc['entities']]
        toks = [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text)]
        types = match([t[2] for t in toks], entries, maxwords)
        for s, e, typ in spans:
            if typ not in COMPAT:
                continue
            mentions[typ] += 1
            got = entries.get(key(text[s:e]), set())
            if got & COMPAT[typ]:
                exact[typ] += 1
            if got:
                exact_any[typ] += 1
            if any(types[i] and types[i] & COMPAT_TOKEN[typ]
                   for i, (ts, te, _) in enumerate(toks) if ts >= s and te <= e):
                covered[typ] += 1
        for i, (ts, te, w) in enumerate(toks):
            if not w[:1].isupper() or any(ts < e and te > s for s, e, _ in spans):
                continue
            cap_outside += 1
            if types[i]:
                for t in types[i]:
                    false_hits[t] += 1
                false_words[w] += 1
    return mentions, exact, exact_any, covered, cap_outside, false_hits, false_words


def report(name, gold, entries):
    mentions, exact, exact_any, covered, cap_outside, false_hits, false_words = score(gold, entries)
    total = sum(mentions.values())
    print(f'\n{name} on {gold.split("/")[-1]}: {total} gold mentions')
    print('  type  mentions  mention exact (right type)  mention exact (any type)  token covered (right type)')
    for t in ('PER', 'LOC', 'ORG'):
        n = mentions[t] or 1
        print(f'  {t:4s}  {mentions[t]:8d}  {exact[t]:6d} {exact[t] / n:6.1%}           '
              f'{exact_any[t]:6d} {exact_any[t] / n:6.1%}         {covered[t]:6d} {covered[t] / n:6.1%}')
    a, b, c = sum(exact.values()), sum(exact_any.values()), sum(covered.values())
    print(f'  all   {total:8d}  {a:6d} {a / total:6.1%}           {b:6d} {b / total:6.1%}         '
          f'{c:6d} {c / total:6.1%}')
    hit = sum(false_words.values())
    print(f'  false hits: {hit} of {cap_outside} capitalised non-entity tokens ({hit / max(cap_outside, 1):.1%}); '
          'by type: ' + ', '.join(f'{t}={c}' for t, c in sorted(false_hits.items())))
    print('  most frequent: ' + ', '.join(f'{w} {c}' for w, c in false_words.most_common(25)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('gazetteer', nargs='+')
    ap.add_argument('--gold', action='append', required=True)
    ap.add_argument('--baseline')
    ap.add_argument('--without', action='append', default=[], help='leave out entries of this type')
    a = ap.parse_args()
    new = load(a.gazetteer)
    for t in a.without:
        new = {k: v - {t} for k, v in new.items() if v - {t}}
    runs = [('new file', new)]
    if a.baseline:
        base = load_baseline(a.baseline)
        runs = [('baseline (gazetteer.txt + firstnames-en.txt)', base), ('new file', new),
                ('baseline + new file', merge(base, new))]
    for gold in a.gold:
        for name, entries in runs:
            report(name, gold, entries)


if __name__ == '__main__':
    main()
