"""Train ``models/boundary_model.json``, the learned name boundary (``quoteattr/mentions/boundary.py``).

One command (from the repository root; a few minutes)::

    .venv/bin/python -m training.build_boundary_model

Data: the quotes-id corpus (``data/quotes-id``, CC BY-SA 4.0). The pipeline runs on the
``train`` split with the rules alone; every time the rules split a title from a name it records
the starts the name may have (:func:`quoteattr.mentions.boundary.boundary_candidates`). A
phrase is an example when one of those names is, word for word, the canonical speaker of one
of the article's gold quotes (its ``speaker_name``) or a run of two words or more of it: the
longest such name is the right start. A log-linear ranker (softmax over each phrase's starts, L2, full-batch gradient descent,
numpy; the trainer of ``training/build_link_model.py``) learns the weights of the features and
their conjunctions (:func:`quoteattr.mentions.boundary.conjunctions`). The L2 strength is the
one that reads most ``dev`` phrases right; the margin by which the model's pick must beat the
rules' is the one that gives the best ``dev`` attribution F1 through the whole shipped pipeline
(ties: the larger margin). The ``test`` split is not read.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import quoteattr
from quoteattr.evaluation import _tokens
from quoteattr.mentions.boundary import BoundaryCandidate, BoundaryModel, conjunctions
from training.build_link_model import Group, end_to_end, fit, right, write_ranker

ROOT = Path(__file__).resolve().parent.parent
MARGINS = (0.0, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0)
#: the L2 strengths tried; the one (with its margin) that reads most dev phrases right is kept
L2S = (1.0, 3.0, 10.0)


class _Recorder:
    """A chooser that keeps the rules' pick and records what it was offered."""

    def __init__(self) -> None:
        self.offered: list[tuple[Sequence[BoundaryCandidate], int]] = []

    def choose(self, cands: Sequence[BoundaryCandidate], rule: int) -> int:
        self.offered.append((cands, rule))
        return rule


def gold_names(rec: dict[str, Any]) -> set[tuple[str, ...]]:
    """The canonical speakers of an article's gold quotes as word tuples, with each run of two
    words or more of them (*Sri Mulyani* of *Sri Mulyani Indrawati*). Not the speakers as
    written: a mention such as *Bupati Poso* is a title, not where a name starts."""
    out = set()
    for q in rec["quotes"]:
        words = tuple(_tokens(q.get("speaker_name")))
        out.add(words)
        out.update(words[i:k] for i in range(len(words)) for k in range(i + 2, len(words) + 1))
    out.discard(())
    return out


def groups(path: Path, nlp: Any, pairs: bool = True) -> list[Group]:
    """The ranking examples of one gold file (each phrase once per article)."""
    seg = nlp.get_pipe("quoteattr_attributor").segmenter
    out: list[Group] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            names = gold_names(rec)
            recorder = _Recorder()
            seg.boundary = recorder
            quoteattr.extract(rec["text"], nlp)
            seg.boundary = None
            seen = set()
            for cands, rule in recorder.offered:
                key = tuple((c.start, c.name) for c in cands)
                if len(cands) < 2 or key in seen:
                    continue
                seen.add(key)
                right_at = next((i for i, c in enumerate(cands) if tuple(_tokens(c.name)) in names), None)
                if right_at is None:
                    continue
                ys = [int(i == right_at) for i in range(len(cands))]
                rule_i = next((i for i, c in enumerate(cands) if c.start == rule), -1)
                out.append(([conjunctions(c.features) if pairs else c.features for c in cands], ys, rule_i, ""))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=ROOT / "data" / "quotes-id")
    ap.add_argument("--out", type=Path, default=ROOT / "models" / "boundary_model.json")
    ap.add_argument("--pairs", action=argparse.BooleanOptionalAction, default=True, help="add the conjunctions of the word classes (the shipped model: on)")
    a = ap.parse_args()
    nlp = quoteattr.load(learned=False)
    train, dev = groups(a.corpus / "train.jsonl", nlp, a.pairs), groups(a.corpus / "dev.jsonl", nlp, a.pairs)
    fits = {l2: fit(train, l2=l2) for l2 in L2S}
    grid = {(l2, m): right(dev, w, m) for l2, w in fits.items() for m in MARGINS}
    l2 = max(grid, key=lambda k: (grid[k], k[1], k[0]))[0]
    weights = fits[l2]
    scores = {m: grid[(l2, m)] for m in MARGINS}
    alone = right(dev, weights, float("-inf"))
    rules = right(dev, None, 0.0)
    # the margin: the one that reads most dev speakers right through the whole pipeline (a
    # phrase read right does not always give a speaker read right downstream)
    full = quoteattr.load()
    seg = full.get_pipe("quoteattr_attributor").segmenter
    attribution = {}
    for m in (None, *MARGINS):
        seg.boundary = BoundaryModel(weights, m) if m is not None else None
        attribution[m] = end_to_end(a.corpus / "dev.jsonl", full)
    margin = max(MARGINS, key=lambda m: (attribution[m], m))
    dev_figures = {
        "phrases": {"rules": rules, "model_alone": alone, "combination": scores[margin], "phrases": len(dev)},
        "attribution_f1": {"rules": attribution[None], "combination": attribution[margin]},
    }
    write_ranker(a.out, "build_boundary_model", {"train_phrases": len(train), "dev_phrases": len(dev)}, dev_figures, margin, a.pairs, l2, weights)
    print(f"train phrases {len(train)}, dev phrases {len(dev)}; dev right: rules {rules}, model alone {alone}, combination {scores[margin]} (l2 {l2}, margin {margin})")
    print("dev phrases right by margin:", scores)
    print("dev attribution F1 by margin (None: the rules' boundaries):", attribution)
    print(f"wrote {a.out} ({len(weights)} weights)")


if __name__ == "__main__":
    main()
