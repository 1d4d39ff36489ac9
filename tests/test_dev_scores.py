"""Accuracy floors on the development sets (skipped without ../shared). Guards against regressions.

The floors sit a little under the figures measured when they were set (dev: quotes F1 0.959,
direct 0.990, indirect 0.921, attribution 0.910, speaker 0.950, role 0.940; PFSA: direct recall
0.999, speaker 0.849, role 0.924).
"""

from __future__ import annotations

from pathlib import Path

import quoteattr
from quoteattr.cli.evaluate import evaluate, load_gold
from quoteattr.evaluation import match, speaker_ok


def test_dev_gold_floors(shared: Path) -> None:
    res, _ = evaluate(shared / "eval" / "dev.gold.jsonl")
    assert res["quotes"]["f1"] >= 0.93
    assert res["direct"]["f1"] >= 0.98
    assert res["indirect"]["f1"] >= 0.90
    assert res["attribution"]["f1"] >= 0.89
    assert res["speaker_accuracy"] >= 0.94
    assert res["role_accuracy"] >= 0.92


def test_pfsa_floors(shared: Path) -> None:
    res, _ = evaluate(shared / "eval" / "pfsa_dev.gold.jsonl")
    assert res["direct"]["recall"] >= 0.99
    assert res["speaker_accuracy"] >= 0.84
    assert res["role_accuracy"] >= 0.90


def test_confidence_ranks_quotes(shared: Path) -> None:
    """The more confident half of the quotes is right (span and speaker) more often than the
    less confident half."""
    gold = load_gold(shared / "eval" / "dev.gold.jsonl")
    nlp = quoteattr.load()
    scored: list[tuple[float, bool]] = []
    for aid, doc in zip(gold, nlp.pipe(g["text"] for g in gold.values())):
        g = gold[aid].get("quotes") or []
        p = [q.to_dict() for q in doc._.quotes]
        pairs = {pi: gi for gi, pi in match(gold[aid]["text"], g, p)}
        scored += [(q["confidence"], pi in pairs and speaker_ok(g[pairs[pi]], q)) for pi, q in enumerate(p)]
    scored.sort(key=lambda x: x[0])
    low, high = scored[: len(scored) // 2], scored[len(scored) // 2 :]
    assert len(low) >= 50 and high[0][0] > low[0][0]
    assert sum(ok for _, ok in high) / len(high) > sum(ok for _, ok in low) / len(low)
