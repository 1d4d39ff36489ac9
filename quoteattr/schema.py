"""The one table schema: column names, order and dtypes of every quotes table.

The API (:func:`quoteattr.extract_frame`), the CLI and every output format (CSV,
JSON Lines, Parquet) build their tables through :func:`quotes_frame`, so the columns
are the same everywhere. Input metadata columns (date, outlet, url, …) follow the
schema columns, in input order.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable, Mapping

if TYPE_CHECKING:  # pandas is imported when a table is built, not at `import quoteattr`
    import pandas as pd

SCHEMA_VERSION = "1"

#: Column name → pandas dtype, in table order.
QUOTE_COLUMNS: dict[str, str] = {
    "article_id": "string",
    "quote_index": "Int64",
    "type": "string",
    "quote": "string",
    "quote_start": "Int64",
    "quote_end": "Int64",
    "speaker": "string",
    "speaker_start": "Int64",
    "speaker_end": "Int64",
    "speaker_name": "string",
    "speaker_type": "string",
    "role": "string",
    "cue": "string",
    "via": "string",
    "confidence": "float64",
}

#: The per-article status table of a batch run.
ARTICLE_COLUMNS: dict[str, str] = {
    "article_id": "string",
    "n_quotes": "Int64",
    "status": "string",
    "error": "string",
}

#: The corpus-level speakers table (see :func:`quoteattr.speakers`).
SPEAKER_COLUMNS: dict[str, str] = {
    "speaker_id": "string",
    "speaker_name": "string",
    "speaker_type": "string",
    "role": "string",
    "roles": "object",
    "n_quotes": "Int64",
    "n_articles": "Int64",
    "first_date": "string",
    "last_date": "string",
}


def empty_frame(columns: Mapping[str, str]) -> pd.DataFrame:
    """An empty table with the given schema."""
    import pandas as pd

    return pd.DataFrame({c: pd.Series([], dtype=d) for c, d in columns.items()})


def typed_frame(rows: Iterable[Mapping[str, Any]], columns: Mapping[str, str]) -> pd.DataFrame:
    """Build a table from row dicts: schema columns first (typed), then any extra columns."""
    import pandas as pd

    rows = list(rows)
    if not rows:
        return empty_frame(columns)
    df = pd.DataFrame.from_records(rows)
    for col in columns:
        if col not in df.columns:
            df[col] = None
    extra = [c for c in df.columns if c not in columns]
    df = df[list(columns) + extra]
    return df.astype({c: d for c, d in columns.items() if d != "object"})


def quotes_frame(rows: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    """The quotes table from row dicts (schema columns, then metadata columns)."""
    return typed_frame(rows, QUOTE_COLUMNS)


def articles_frame(rows: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    """The per-article status table from row dicts."""
    return typed_frame(rows, ARTICLE_COLUMNS)
