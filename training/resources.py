"""Writing a derived word list into ``quoteattr/resources`` (used by the build_* scripts)."""

from __future__ import annotations

import json
from pathlib import Path


def write_resource(path: Path, comment: str, licence: str, key: str, items: list[str]) -> None:
    """Write ``{"_comment", "licence", key: items}`` as JSON, one item a line, and report it."""
    data = {"_comment": comment, "licence": licence, key: items}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(items)} {key} -> {path}")
