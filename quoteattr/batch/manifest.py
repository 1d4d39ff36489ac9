"""The manifest of a batch run: what decides its rows, which shards are finished, and whether the whole run is.

``<parts>/manifest.json`` holds the run's fingerprint (input files, row-deciding options,
schema and quoteattr versions) and the counts of every finished shard; a re-run with the
same fingerprint resumes, one with another stops with a message naming what differs. For a
file output, ``.<quotes file>.quoteattr.json`` marks the run finished (see :func:`finished_run`).
"""

from __future__ import annotations

import json
import shutil
from dataclasses import asdict
from pathlib import Path
from typing import Any

from quoteattr.about import __version__
from quoteattr.batch.layout import Layout, file_stamp, part_path, write_json_atomic
from quoteattr.batch.options import COUNTS, BatchOptions, RunSummary
from quoteattr.errors import InputError
from quoteattr.io import Record, input_fingerprint
from quoteattr.schema import SCHEMA_VERSION

MANIFEST = "manifest.json"


def fingerprint(input: str | Path, options: BatchOptions) -> dict[str, Any]:
    """What decides the rows: the input files, the options (not ``time_limit``, ``batch_size``), the schema and version."""
    from quoteattr.loading import resolve_model

    opts = asdict(options)
    opts.pop("time_limit")
    opts.pop("batch_size")
    opts["model"] = str(resolve_model(options.model))
    return {"input": str(Path(input).resolve()), "files": input_fingerprint(input), "options": opts, "schema": SCHEMA_VERSION, "quoteattr": __version__}


def open_manifest(layout: Layout, fp: dict[str, Any], fresh: bool) -> dict[str, Any]:
    """The manifest of the parts folder: the earlier run's (same ``fp``) to resume, or a new one.

    Raises:
        InputError: the parts folder holds a run with another fingerprint, or is not a parts folder.
    """
    mpath = layout.parts / MANIFEST
    if fresh and layout.parts.exists() and mpath.exists():
        shutil.rmtree(layout.parts)
    if mpath.exists():
        manifest = json.loads(mpath.read_text(encoding="utf-8"))
        if manifest.get("fingerprint") != fp:
            old = manifest.get("fingerprint", {})
            diff = [k for k in ("input", "files", "schema", "quoteattr") if old.get(k) != fp[k]]
            diff += [k for k in fp["options"] if old.get("options", {}).get(k) != fp["options"][k]]
            raise InputError(
                f"{layout.parts} holds a partial run of a different command (differs in: {', '.join(diff) or 'format'}); "
                "re-run with the same input and options to resume it, or pass --fresh to discard it"
            )
        for debris in layout.parts.glob("**/.*.tmp"):  # parts being written when an earlier run died
            debris.unlink(missing_ok=True)
        return manifest
    if layout.parts.exists() and any(not p.name.startswith(".") for p in layout.parts.iterdir()):
        raise InputError(f"{layout.parts} exists and is not a quoteattr parts folder (no {MANIFEST}); choose another output or remove it")
    layout.parts.mkdir(parents=True, exist_ok=True)
    manifest = {"fingerprint": fp, "shards": {}, "complete": False}
    write_json_atomic(mpath, manifest)
    return manifest


def finished_run(layout: Layout, fp: dict[str, Any]) -> RunSummary | None:
    """The summary of the finished run of this same command whose files are still as it wrote them."""
    marker = layout.done_marker()
    try:
        done = json.loads(marker.read_text(encoding="utf-8"))
        if done.get("fingerprint") != json.loads(json.dumps(fp, default=str)):
            return None
        if any(file_stamp(Path(f[0])) != f for f in done["files"]):
            return None
    except (OSError, ValueError, KeyError, TypeError):
        return None
    summary = RunSummary(
        quotes_path=layout.quotes,
        articles_path=layout.articles,
        speakers_path=layout.speakers_path(),
        propagation_path=layout.propagation_path(),
        parts_dir=None,
    )
    for k in COUNTS:
        setattr(summary, k, int(done["summary"][k]))
    summary.n_resumed = summary.n_articles
    return summary


def clean_failed_start(layout: Layout, created: bool, existed: bool) -> None:
    """A run that committed nothing leaves no parts behind (they would block the next run).

    Only what the run made goes: a folder the user made for the output stays.
    """
    mpath = layout.parts / MANIFEST
    try:
        if not (created and mpath.exists()) or json.loads(mpath.read_text(encoding="utf-8")).get("shards"):
            return
        if not existed:
            shutil.rmtree(layout.parts, ignore_errors=True)
            return
        for sub in ("quotes", "articles", "final"):
            shutil.rmtree(layout.parts / sub, ignore_errors=True)
        mpath.unlink(missing_ok=True)
    except (OSError, ValueError):
        pass


def skip_finished(idx: int, records: list[Record], done: dict[int, dict[str, int]], summary: RunSummary, bar: Any) -> bool:
    """Count a shard finished by an earlier run (``True``) instead of redoing it (``False``)."""
    if idx not in done:
        return False
    summary.add(done[idx])
    summary.n_resumed += len(records)
    bar.update(len(records))
    return True


def finished_shards(layout: Layout, manifest: dict[str, Any]) -> dict[int, dict[str, int]]:
    """``shard → counts`` of the shards the manifest records whose two parts are there."""
    return {
        int(k): v
        for k, v in manifest["shards"].items()
        if part_path(layout.parts, "articles", int(k)).exists() and part_path(layout.parts, "quotes", int(k)).exists()
    }
