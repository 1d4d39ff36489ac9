"""Writing a derived word list into ``quoteattr/resources``, and a learned model into ``models/``
(used by the build_* scripts)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path


def write_resource(path: Path, comment: str, licence: str, key: str, items: list[str]) -> None:
    """Write ``{"_comment", "licence", key: items}`` as JSON, one item a line, and report it."""
    write_resources(path, comment, licence, {key: items})


def write_resources(path: Path, comment: str, licence: str, lists: Mapping[str, list[str] | dict[str, float]]) -> None:
    """Write ``{"_comment", "licence", **lists}`` as JSON, one item a line, and report it."""
    data: dict[str, object] = {"_comment": comment, "licence": licence, **lists}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    for key, items in lists.items():
        print(f"{len(items)} {key} -> {path}")


#: the licence of what is learned from the quotes-id corpus
CORPUS_LICENCE = "CC BY-SA 4.0 (learned from the quotes-id train split: IndoSum texts, Kurniawan & Louvan 2018, with this project's annotations)"


def write_model(path: Path, description: str, fields: Mapping[str, object], weights: Mapping[str, float]) -> None:
    """Write a learned model as JSON: ``{"description", "license", **fields, "weights"}`` (weights
    sorted), one item a line."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"description": description, "license": CORPUS_LICENCE, **fields, "weights": dict(sorted(weights.items()))}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
