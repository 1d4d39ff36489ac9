"""Is ``confidence`` calibrated? Precision of predicted quotes by confidence band on a gold file.

A prediction counts as right when it matches a gold quote (the scorer's span rule) and names
the gold speaker (strict speaker match). Higher bands must be right more often.

usage: python scripts/calibrate.py ../shared/eval/dev.gold.jsonl [--model PATH|rules]
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path

import quoteattr
from quoteattr.cli.evaluate import load_gold
from quoteattr.evaluation import match, speaker_ok

BANDS = [(0.0, 0.5), (0.5, 0.7), (0.7, 0.9), (0.9, 1.01)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("gold", type=Path)
    ap.add_argument("--model", default=None)
    a = ap.parse_args()
    gold = load_gold(a.gold)
    nlp = quoteattr.load(a.model)
    right: dict[tuple[float, float], int] = defaultdict(int)
    total: dict[tuple[float, float], int] = defaultdict(int)
    for aid, doc in zip(gold, nlp.pipe(g["text"] for g in gold.values())):
        g = gold[aid].get("quotes") or []
        p = [q.to_dict() for q in doc._.quotes]
        pairs = dict((pi, gi) for gi, pi in match(gold[aid]["text"], g, p))
        for pi, q in enumerate(p):
            band = next(b for b in BANDS if b[0] <= q["confidence"] < b[1])
            total[band] += 1
            if pi in pairs and speaker_ok(g[pairs[pi]], q):
                right[band] += 1
    for band in BANDS:
        n = total[band]
        print(f"confidence {band[0]:.1f}–{min(band[1], 1.0):.1f}: {n:5d} quotes, {right[band] / n if n else 0:.3f} right")


if __name__ == "__main__":
    main()
