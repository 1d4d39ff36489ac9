"""Accuracy floors on the development sets (skipped without ../shared). Guards against regressions."""

from __future__ import annotations

from quoteattr.cli.evaluate import evaluate


def test_dev_gold_floors(shared):
    res, _ = evaluate(shared / "eval" / "dev.gold.jsonl", model=None if _has_model() else "rules")
    assert res["quotes"]["f1"] >= 0.88
    assert res["direct"]["f1"] >= 0.95
    assert res["indirect"]["f1"] >= 0.78


def test_pfsa_direct_recall(shared):
    res, _ = evaluate(shared / "eval" / "pfsa_dev.gold.jsonl", model=None if _has_model() else "rules")
    assert res["direct"]["recall"] >= 0.95


def _has_model() -> bool:
    from quoteattr.loading import shipped_model_path

    return shipped_model_path() is not None
