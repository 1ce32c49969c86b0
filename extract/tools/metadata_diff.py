#!/usr/bin/env python3
"""Lists the pages whose title, author or date differ from a metadata set's gold, with a rough class per miss.

usage: metadata_diff.py SET_DIR PRED_JSONL [--field title|author|date] [--half A|B]
SET_DIR is ../shared/bench/extraction-multi or extraction-fundus; PRED_JSONL is `bench extraction --jsonl` output.
"""
import hashlib, json, re, sys, unicodedata
from collections import Counter

def norm(s):
    return re.sub(r"\s+", " ", s or "").strip()

def half(pid):
    return "A" if hashlib.sha256(pid.encode()).digest()[0] % 2 == 0 else "B"

def title_class(p, g):
    if not p: return "missing"
    if p.casefold() == g.casefold(): return "case"
    if g in p:
        rest = p.replace(g, "", 1).strip()
        if re.match(r"^[|:\-–—·»•/]", rest) or re.search(r"[|:\-–—·»•/]$", rest):
            return "site-affix" if len(rest) < 40 else "extra-text"
        return "extra-text"
    if p in g: return "truncated"
    tok = lambda s: re.findall(r"\w+", unicodedata.normalize("NFKC", s).casefold())
    if tok(p) == tok(g): return "punct/typography"
    return "other"

def author_class(p, g):
    if not p: return "missing"
    if p.casefold() == g.casefold(): return "case"
    if g in p: return "extra-text"
    if p in g: return "partial"
    ps = set(re.split(r"\s*(?:;|,| and | und )\s*", p)); gs = set(re.split(r"\s*(?:;|,| and | und )\s*", g))
    if ps == gs: return "joining"
    if ps & gs: return "overlap"
    return "other"

def main():
    setdir, pred = sys.argv[1], sys.argv[2]
    field = sys.argv[sys.argv.index("--field") + 1] if "--field" in sys.argv else None
    only = sys.argv[sys.argv.index("--half") + 1] if "--half" in sys.argv else None
    fundus = "fundus" in setdir
    gold = {}
    for line in open(f"{setdir}/gold.jsonl", encoding="utf-8"):
        g = json.loads(line); gold[g["id"]] = g
    preds = {}
    for line in open(pred, encoding="utf-8"):
        p = json.loads(line); preds[p["id"]] = p
    classes = Counter()
    for pid, g in gold.items():
        if only and half(pid) != only: continue
        p = preds.get(pid, {})
        for f in ("title", "author", "date"):
            if field and f != field: continue
            if f == "title":
                gv, pv = norm(g.get("title")), norm(p.get("title"))
                if not gv or gv == pv: continue
                c = title_class(pv, gv)
            elif f == "author":
                if fundus:
                    ga = g.get("authors") or []
                    if not ga: continue
                    gv = "; ".join(norm(a) for a in ga); pa = p.get("authors") or []
                    pv = "; ".join(norm(a) for a in pa)
                    if set(map(norm, ga)) == set(map(norm, pa)): continue
                else:
                    ga = g.get("author")
                    gv = "; ".join(ga) if isinstance(ga, list) else (ga or "")
                    pv = p.get("author") or ""
                    if not gv or gv == pv: continue
                c = author_class(pv, gv)
            else:
                gv = g.get("published") if fundus else g.get("date")
                pv = p.get("published") if fundus else p.get("date")
                if not gv: continue
                m = lambda s: (re.search(r"\d{4}-\d{2}-\d{2}", s or "") or [None])[0] if s else None
                gd, pd = (gv or "")[:10] if fundus else m(gv), (pv or "")[:10] if fundus else m(pv)
                if gd == pd: continue
                c = "missing" if not pv else ("same-month" if gd and pd and gd[:7] == pd[:7] else "other")
            classes[(f, c)] += 1
            print(f"{f:6} {c:16} {half(pid)} {pid}  {g.get('url', '')[:90]}\n    pred: {pv!r}\n    gold: {gv!r}")
    print()
    for (f, c), n in sorted(classes.items(), key=lambda x: (x[0][0], -x[1])):
        print(f"{f:6} {c:16} {n}")

if __name__ == "__main__":
    main()
