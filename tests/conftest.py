"""Shared fixtures: the rule pipeline (no model needed) and the shared-data location."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

import quoteattr

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def nlp_rules() -> Language:
    """Tokenizer + rules, no statistical model: fast and independent of models/."""
    return quoteattr.load("rules")


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "eval" / "dev.gold.jsonl").is_file():
        pytest.skip(f"../shared (evaluation data) is not present at {SHARED}; these tests measure against it")
    return SHARED
