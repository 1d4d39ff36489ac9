"""Calibrate ``confidence`` and report how well it holds.

A quote counts as right when it matches a gold quote (the scorer's span rule) and names the
gold speaker (strict match). ``--fit`` measures the share of right quotes per calibration
cell (extraction pattern x how the speaker was read: name, pronoun, description, continued,
unresolved) on the given gold files, smoothed toward the pattern's share, and writes
``quoteattr/resources/confidence.json``. Without ``--fit`` it prints the reliability table
(share right per confidence band) of each gold file::

    python scripts/calibrate.py --fit data/quotes-id/train.jsonl data/quotes-id/dev.jsonl
    python scripts/calibrate.py data/quotes-id/test.jsonl ../shared/eval/dev.gold.jsonl

Fit on ``train`` and ``dev`` only; read the ``test`` split's table, never fit on it.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import quoteattr
from quoteattr.article import Article
from quoteattr.candidates import find_candidates
from quoteattr.candidates.gate import indirect_gate
from quoteattr.cli.evaluate import load_gold
from quoteattr.evaluation import match, speaker_ok
from quoteattr.resolve import confidence_key, resolve

BANDS = [(0.0, 0.5), (0.5, 0.65), (0.65, 0.8), (0.8, 0.9), (0.9, 1.01)]
OUT = Path(__file__).resolve().parent.parent / "quoteattr" / "resources" / "confidence.json"
#: pseudo-counts pulling a small cell toward its pattern's share (and a pattern toward the mean)
PRIOR = 8.0


def outcomes(gold_paths: list[Path], nlp: Any) -> list[tuple[str, str, bool, bool, float]]:
    """(cell, pattern, closed, right, confidence) for every predicted quote of the gold files."""
    out = []
    for path in gold_paths:
        gold = load_gold(path)
        for aid, doc in zip(gold, nlp.pipe(g["text"] for g in gold.values())):
            art = Article(doc)
            cands = find_candidates(art, indirect_gate())
            quotes = resolve(art, cands, doc.text)
            g = gold[aid].get("quotes") or []
            p = [q.to_dict() for q in doc._.quotes]
            if [(q.quote_start, q.quote_end) for q in quotes] != [(q["quote_start"], q["quote_end"]) for q in p]:
                continue  # the pipeline read a repaired copy of this text: its quotes are not these candidates'

            pairs = {pi: gi for gi, pi in match(gold[aid]["text"], g, p)}
            for pi, (c, q) in enumerate(zip(cands, quotes)):
                m = c.mention
                resolved = q.speaker_name is not None or (m is not None and m.kind in ("description", "organization"))
                right = pi in pairs and speaker_ok(g[pairs[pi]], p[pi])
                out.append((confidence_key(c, resolved, m.kind if m else None), c.pattern, c.closed, right, p[pi]["confidence"]))
    return out


def fit(rows: list[tuple[str, str, bool, bool, float]]) -> dict[str, Any]:
    closed = [r for r in rows if r[2]]
    mean = sum(r[3] for r in closed) / len(closed)
    by_pattern: dict[str, list[bool]] = defaultdict(list)
    by_cell: dict[str, list[bool]] = defaultdict(list)
    for cell, pattern, is_closed, right, _ in closed:
        by_pattern[pattern].append(right)
        by_cell[cell].append(right)
    patterns = {p: (sum(v) + PRIOR * mean) / (len(v) + PRIOR) for p, v in by_pattern.items()}
    cells = {c: (sum(v) + PRIOR * patterns[c.split("|")[0]]) / (len(v) + PRIOR) for c, v in by_cell.items()}
    unclosed = [r for r in rows if not r[2]]
    expected = sum(cells.get(r[0], patterns.get(r[1], mean)) for r in unclosed)
    delta = (sum(r[3] for r in unclosed) - expected) / len(unclosed) if unclosed else 0.0
    return {
        "description": "Share of right quotes (span and speaker) per pattern|speaker reading; written by scripts/calibrate.py --fit",
        "fitted_on": [],
        "quotes": len(rows),
        "default": round(mean, 3),
        "unclosed": round(min(0.0, delta), 3),
        "patterns": {k: round(v, 3) for k, v in sorted(patterns.items())},
        "cells": {k: round(v, 3) for k, v in sorted(cells.items())},
    }


def reliability(rows: list[tuple[str, str, bool, bool, float]]) -> list[tuple[tuple[float, float], int, float, float]]:
    """Per confidence band: the number of quotes, the share right and the mean confidence."""
    total: dict[tuple[float, float], int] = defaultdict(int)
    right: dict[tuple[float, float], int] = defaultdict(int)
    stated: dict[tuple[float, float], float] = defaultdict(float)
    for *_, ok, conf in rows:
        band = next(b for b in BANDS if b[0] <= conf < b[1])
        total[band] += 1
        right[band] += int(ok)
        stated[band] += conf
    return [(b, total[b], right[b] / total[b] if total[b] else 0.0, stated[b] / total[b] if total[b] else 0.0) for b in BANDS]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", type=Path, nargs="+")
    ap.add_argument("--fit", action="store_true", help="fit the calibration on these gold files and write it")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--model", default=None)
    a = ap.parse_args()
    nlp = quoteattr.load(a.model)
    if a.fit:
        cal = fit(outcomes(a.gold, nlp))
        cal["fitted_on"] = [p.name if p.parent.name != "quotes-id" else f"quotes-id/{p.name}" for p in a.gold]
        a.out.write_text(json.dumps(cal, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"{a.out}: {len(cal['cells'])} cells from {cal['quotes']} quotes")
        return
    for path in a.gold:
        print(f"{path.name}")
        rows = outcomes([path], nlp)
        for band, n, share, mean in reliability(rows):
            print(f"  confidence {band[0]:.2f}–{min(band[1], 1.0):.2f}: {n:5d} quotes, mean confidence {mean:.3f}, {share:.3f} right")
        right = sum(r[3] for r in rows)
        print(f"  all: {len(rows)} quotes, mean confidence {sum(r[4] for r in rows) / max(1, len(rows)):.3f}, {right / max(1, len(rows)):.3f} right")


if __name__ == "__main__":
    main()
