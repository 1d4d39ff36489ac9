"""The corpus tables of a batch run, built from its quotes parts: speakers and quote propagation."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any


def _quote_columns(quote_parts: list[Path], wanted: list[str]) -> Any:
    """The ``wanted`` columns (those present) of all the quotes parts, as one DataFrame."""
    import pandas as pd
    import pyarrow.parquet as pq

    frames = []
    for p in quote_parts:
        cols = [c for c in wanted if c in pq.read_schema(p).names]
        frames.append(pq.read_table(p, columns=cols).to_pandas())
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame({c: pd.Series([], dtype="string") for c in wanted[:5]})


def _write_atomic(table: Any, out: Path) -> Path:
    from quoteattr.io import write_table

    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".tmp-{os.getpid()}-{out.name}")
    write_table(table, tmp)
    os.replace(tmp, out)
    return out


def write_speakers(quote_parts: list[Path], out: Path) -> Path:
    """The corpus speakers table (:func:`quoteattr.speakers`) from the quotes parts.

    Only the columns the table needs are read; the file is written atomically. ``roles`` and
    ``aliases`` are lists: Parquet lists, JSON Lines arrays, JSON arrays in CSV cells.
    """
    from quoteattr.speakers import speakers

    quotes = _quote_columns(quote_parts, ["article_id", "speaker", "speaker_name", "speaker_type", "role", "date"])
    return _write_atomic(speakers(quotes, date_column="date" if "date" in quotes.columns else None), out)


def write_propagation(quote_parts: list[Path], out: Path) -> Path:
    """The quote propagation table (:func:`quoteattr.propagation`) from the quotes parts, written atomically.

    Its list columns are written like the speakers table's.
    """
    from quoteattr.propagation import propagation

    quotes = _quote_columns(quote_parts, ["article_id", "quote", "speaker_name", "type", "outlet", "date"])
    return _write_atomic(propagation(quotes), out)
