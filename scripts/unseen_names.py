"""Score the pipeline as it reads names no list knows: the given names of the ``train`` split's
speakers (``quoteattr/resources/given_names.json``) taken away.

That list holds the first word of every person ``train`` names as a speaker: 95% of the first
names of ``train``'s speakers are in it, 53% of ``dev``'s and of ``test``'s. An article no rule
was read from brings first names no list holds (*Thibaut*, *Gaetan*, *Pusarla*), and the rules
read them by their spelling and by what the article says of them. This script measures the
rules there: the same figures as ``quoteattr evaluate`` with the list emptied. On ``train``
(whose speakers the list knows) it is a copy of the split with its names made unseen: its errors
are the ones an unseen article's names bring, read without reading ``test``. A change that
reads names better keeps or raises these figures and the shipped ones alike.

    python scripts/unseen_names.py data/quotes-id/train.jsonl data/quotes-id/dev.jsonl

The ``test`` split may be scored, never read for errors.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import quoteattr
from quoteattr.cli.evaluate import evaluate
from quoteattr.lexicon import default_lexicon


def forget_given_names() -> frozenset[str]:
    """Empty the package lexicon's given names in this process (every stage reads that one
    lexicon); returns the names it held."""
    lex = default_lexicon()
    held = lex.given_names
    object.__setattr__(lex, "given_names", frozenset())  # the lexicon is frozen for users; this is a measurement
    return held


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", nargs="+", type=Path, help="gold JSON Lines files (GUIDELINES.md)")
    ap.add_argument("--json", action="store_true", help="one JSON line per gold file")
    a = ap.parse_args()
    held = forget_given_names()
    nlp = quoteattr.load()
    print(f"given names forgotten: {len(held)}")
    for path in a.gold:
        fig, _ = evaluate(path, nlp=nlp)
        if a.json:
            print(json.dumps({"gold": path.name, "given_names": "forgotten", **fig}))
        else:
            print(
                f"{path.name}: attribution F1 {fig['attribution']['f1']:.4f}, speaker {fig['speaker_accuracy']:.4f} "
                f"(lenient {fig['speaker_accuracy_lenient']:.4f}), role {fig['role_accuracy']:.4f}, quote F1 {fig['quotes']['f1']:.4f}"
            )


if __name__ == "__main__":
    main()
