"""Mine candidate speech, stance and belief verbs for ``resources/cues.json``.

Two sources, both free of evaluation data:

* the cue words annotated in the quotes-id ``train`` split that the lexicon does not know;
* words of IndoSum (``../shared/corpus/indosum.jsonl``) written right before *bahwa* (or before
  a comma that a clause follows) that the lexicon does not know, with a meN-/ber-/di- shape;
* lower-case words of IndoSum written right after a quote's closing mark and before a
  capitalized word (“…,” sambut Budi) that are no post-quote cue form of the lexicon.

Candidates are printed with their counts; a person checks each before it becomes an entry, and
the entry records where it came from (``source``)::

    python scripts/mine_cues.py --train data/quotes-id/train.jsonl --corpus ../shared/corpus/indosum.jsonl
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

import regex

from quoteattr.cues import lexicon

_AFTER_QUOTE = regex.compile(r'[,.!?]\s*["\u201d]\s*,?\s*(\p{Ll}+)\s+\p{Lu}')
_BEFORE_BAHWA = regex.compile(r"(?<![\w-])((?:me|mem|men|meng|meny|ber|be|di|ter)\p{Ll}{3,})\s*,?\s+bahwa\b")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--train", type=Path, default=Path("data/quotes-id/train.jsonl"))
    ap.add_argument("--corpus", type=Path, default=Path("../shared/corpus/indosum.jsonl"))
    ap.add_argument("--min", type=int, default=2)
    a = ap.parse_args()
    known = lexicon()
    gold: Counter[str] = Counter()
    with a.train.open(encoding="utf-8") as fh:
        for line in fh:
            for q in json.loads(line)["quotes"]:
                cue = (q.get("cue") or "").lower()
                if cue and q["type"] != "direct" and cue not in known:
                    gold[cue] += 1
    bahwa: Counter[str] = Counter()
    after: Counter[str] = Counter()
    with a.corpus.open(encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line)["text"]
            for m in _BEFORE_BAHWA.finditer(text):
                w = m.group(1).lower()
                if w not in known:
                    bahwa[w] += 1
            for m in _AFTER_QUOTE.finditer(text):
                w = m.group(1)
                if w not in known or known[w].kind not in ("post", "passive"):
                    after[w] += 1
    print("cue words annotated in quotes-id train (indirect/mixed) that the lexicon lacks:")
    for w, n in gold.most_common():
        print(f"  {n:4d}  {w}")
    print(f"words before 'bahwa' in {a.corpus.name} that the lexicon lacks (>= {a.min}):")
    for w, n in bahwa.most_common():
        if n >= a.min:
            print(f"  {n:4d}  {w}")
    print(f"words after a closing quote mark, before a capitalized word, in {a.corpus.name} that are no post cue (>= {a.min}):")
    for w, n in after.most_common():
        if n >= a.min:
            print(f"  {n:4d}  {w}")


if __name__ == "__main__":
    main()
