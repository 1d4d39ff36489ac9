"""Reading article corpora and writing tables (CSV, JSON Lines, Parquet).

:mod:`quoteattr.io.readers` has one reader per input format, registered in
:data:`~quoteattr.io.readers.READERS` (a new format is one entry there), and the readers
of articles already in memory; :mod:`quoteattr.io.writers` writes tables and assembles
the Parquet parts of batch runs. Everything is importable from here.

pandas and pyarrow are imported by the writers and the Parquet reader, not by
``import quoteattr.io``'s readers.
"""

from __future__ import annotations

from typing import Any

from quoteattr.io.readers import (
    READERS,
    Article,
    Reader,
    Record,
    check_text,
    count_records,
    frame_records,
    input_files,
    input_fingerprint,
    iter_records,
    make_record,
    object_records,
    read_articles,
    unique_ids,
)

_WRITERS = ("OUTPUT_SUFFIXES", "assemble", "frame_to_arrow", "output_format", "read_table_records", "write_parquet_atomic", "write_table")

__all__ = [
    "READERS", "Article", "Reader", "Record", "check_text", "count_records", "frame_records", "input_files",
    "input_fingerprint", "iter_records", "make_record", "object_records", "read_articles", "unique_ids", *_WRITERS,
]  # fmt: skip


def __getattr__(name: str) -> Any:
    """The writers, imported on first use (they need pandas and pyarrow)."""
    if name in _WRITERS:
        from quoteattr.io import writers

        return getattr(writers, name)
    raise AttributeError(f"module 'quoteattr.io' has no attribute {name!r}")
