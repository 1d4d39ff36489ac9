"""Data files (word lists, patterns) that drive the rules. Edit the files, not the code."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources as _res
from typing import Any

from quoteattr.errors import ResourceError


@lru_cache(maxsize=None)
def load_json(name: str) -> Any:
    """Load ``quoteattr/resources/<name>`` (JSON), cached.

    Raises:
        ResourceError: the file is missing or is not valid JSON.
    """
    try:
        raw = _res.files(__name__).joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ResourceError(f"resource file {name!r} is missing from quoteattr/resources; reinstall the package") from exc
    try:
        return json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ResourceError(f"resource file {name!r} is not valid JSON: {exc}; fix the file") from exc


def load_jsonl(name: str) -> list[dict[str, Any]]:
    """Load a JSON Lines resource as a list of records (blank lines and ``//`` comments skipped)."""
    try:
        raw = _res.files(__name__).joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ResourceError(f"resource file {name!r} is missing from quoteattr/resources; reinstall the package") from exc
    out = []
    for n, line in enumerate(raw.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("//"):
            continue
        try:
            out.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise ResourceError(f"{name} line {n}: not valid JSON ({exc}); fix the line") from exc
    return out
