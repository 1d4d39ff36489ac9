"""Calibrated confidence of a quote, by its pattern and how its speaker was read."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from quoteattr.candidates.record import Candidate
from quoteattr.resources import load_json


@lru_cache(maxsize=1)
def _calibration() -> dict[str, Any]:
    """Share of right quotes (span and speaker) per pattern and speaker reading, measured on the
    quotes-id train and dev splits by ``scripts/calibrate.py --fit`` (``resources/confidence.json``)."""
    return load_json("confidence.json")


def confidence_key(c: Candidate, resolved: bool, kind: str | None) -> str:
    """The calibration cell of a quote: its pattern and how its speaker was read."""
    if not resolved:
        reading = "unresolved"
    elif c.pattern == "continuation":
        reading = "continued"
    elif kind in ("pronoun", "clitic"):
        reading = "pronoun"
    elif kind in ("description", "role"):
        reading = "description"
    else:
        reading = "name"
    return f"{c.pattern}|{reading}"


def confidence(c: Candidate, resolved: bool, kind: str | None) -> float:
    cal = _calibration()
    key = confidence_key(c, resolved, kind)
    p = cal["cells"].get(key, cal["patterns"].get(c.pattern, cal["default"]))
    if not c.closed:
        p += cal["unclosed"]
    return round(max(0.05, min(0.99, p)), 3)
