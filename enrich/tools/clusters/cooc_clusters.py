#!/usr/bin/env python3
"""Word clusters learned from unlabeled text (for languages without a vector package, e.g. German).

    python3 cooc_clusters.py CORPUS.txt OUT.tsv.gz [MIN_COUNT]

Each lower-cased word seen at least MIN_COUNT (default 3) times gets a vector of its positive PMI with the 4,000
most frequent words, separately one and two to the left and right; the vectors are cut to 100 dimensions by SVD
and clustered as in glove_clusters.py (spherical k-means at 64, 256, 1,024 and 4,096 clusters, or fewer when the
vocabulary is small). Deterministic.
"""
import collections
import gzip
import io
import re
import sys

import numpy as np

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from glove_clusters import kmeans  # noqa: E402

TOKEN = re.compile(r"\w+(?:[-.']\w+)*|[^\w\s]")


def main():
    src, out = sys.argv[1], sys.argv[2]
    min_count = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    lines = [TOKEN.findall(l.lower()) for l in open(src, encoding="utf-8")]
    counts = collections.Counter(w for l in lines for w in l)
    vocab = [w for w, c in counts.most_common() if c >= min_count]
    index = {w: i for i, w in enumerate(vocab)}
    ctx = {w: i for i, w in enumerate(vocab[:4000])}
    nc = len(ctx)
    offsets = (-2, -1, 1, 2)
    m = np.zeros((len(vocab), nc * len(offsets)), dtype=np.float32)
    for l in lines:
        ids = [index.get(w, -1) for w in l]
        cids = [ctx.get(w, -1) for w in l]
        for i, wi in enumerate(ids):
            if wi < 0:
                continue
            for k, d in enumerate(offsets):
                j = i + d
                if 0 <= j < len(l) and cids[j] >= 0:
                    m[wi, k * nc + cids[j]] += 1
    total = m.sum()
    row = m.sum(axis=1, keepdims=True) + 1e-9
    col = m.sum(axis=0, keepdims=True) ** 0.75
    col = col / col.sum() * total + 1e-9
    pmi = np.log(np.maximum(m * total / (row * col), 1e-12))
    pmi = np.maximum(pmi, 0).astype(np.float32)
    pmi[m == 0] = 0
    u, s, _ = np.linalg.svd(pmi, full_matrices=False) if len(vocab) < 8000 else randomized_svd(pmi, 100)
    x = (u[:, :100] * np.sqrt(s[:100])).astype(np.float32)
    x /= np.linalg.norm(x, axis=1, keepdims=True) + 1e-9
    levels = [k for k in (64, 256, 1024, 4096) if k * 4 <= len(vocab)]
    cols = [kmeans(x, k, 42 + i, 25) for i, k in enumerate(levels)]
    print(f"{len(vocab)} words, levels {levels}", file=sys.stderr)
    with io.TextIOWrapper(gzip.GzipFile(out, "wb", 9, mtime=0), encoding="utf-8") as f:  # no time stamp: same input, same bytes
        for j, w in enumerate(vocab):
            if w[0].isalpha():
                f.write(w + "\t" + "\t".join(str(c[j]) for c in cols) + "\n")


def randomized_svd(a, k, oversample=20, iters=4):
    rng = np.random.default_rng(7)
    q = a @ rng.standard_normal((a.shape[1], k + oversample)).astype(np.float32)
    for _ in range(iters):
        q, _ = np.linalg.qr(a @ (a.T @ q))
    b = q.T @ a
    ub, s, _ = np.linalg.svd(b, full_matrices=False)
    return q @ ub, s, None


if __name__ == "__main__":
    main()
