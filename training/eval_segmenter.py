"""Sentence F of quoteattr's rule segmenter on the UD Indonesian test sets.

Each test file is cut into documents of 10 consecutive sentences (as in the senter study,
training/train_senter.py); a document's text is its sentences' ``# text`` joined by a space.
A predicted sentence is right when its character span equals a gold sentence's span.

usage: python -m training.eval_segmenter --shared ../shared
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from quoteattr.segment import sentences

TESTS = {
    "CSUI test": "UD_Indonesian-CSUI/id_csui-ud-test.conllu",
    "GSD test": "UD_Indonesian-GSD/id_gsd-ud-test.conllu",
    "PUD test": "UD_Indonesian-PUD/id_pud-ud-test.conllu",
}


def gold_sentences(path: Path) -> list[str]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# text = "):
            out.append(line[len("# text = ") :].strip())
    return out


def score(sents: list[str], n: int = 10) -> dict[str, float]:
    tp = npred = ngold = 0
    words = 0
    t0 = time.perf_counter()
    for i in range(0, len(sents), n):
        doc = sents[i : i + n]
        text = " ".join(doc)
        gold, pos = set(), 0
        for s in doc:
            gold.add((pos, pos + len(s)))
            pos += len(s) + 1
        pred = {(s.start, s.end) for s in sentences(text)}
        tp += len(gold & pred)
        npred += len(pred)
        ngold += len(gold)
        words += len(text.split())
    dt = time.perf_counter() - t0
    p, r = tp / npred, tp / ngold
    return {"p": round(p, 4), "r": round(r, 4), "f": round(2 * p * r / (p + r), 4), "words_per_s": round(words / dt)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    a = ap.parse_args()
    for name, rel in TESTS.items():
        print(name, score(gold_sentences(a.shared / "data" / "ud" / rel)))


if __name__ == "__main__":
    main()
