"""The one table schema: column names, order and dtypes of every quotes table.

The API (:func:`quoteattr.extract_frame`), the CLI and every output format (CSV,
JSON Lines, Parquet) build their tables through :func:`quotes_frame`, so the columns
are the same everywhere. Input metadata columns (date, outlet, url, …) follow the
schema columns, in input order. The quote columns are derived once from the fields of
:class:`~quoteattr.types.Quote` (:data:`QUOTE_COLUMNS`), and :func:`quote_rows` builds
every quote row, so a new output column is one new field of ``Quote``.

One dtype policy holds for every table the API, the CLI (Parquet output read with
``pandas.read_parquet``) and :mod:`quoteattr.dask` return, metadata columns included
(:func:`metadata_dtype`): text is pandas ``string``, whole numbers ``Int64``, other
numbers ``Float64``, true/false ``boolean`` (missing values are ``<NA>`` in all four);
datetimes only where the input had them (a datetime column, or datetime values), as
``datetime64[ns]`` (with its time zone, if any). Anything else (mixed types, lists,
dicts) becomes text, nested values as JSON. A column with no value at all is ``string``.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from typing import TYPE_CHECKING, Any, Iterable, Mapping

from quoteattr.types import Quote

if TYPE_CHECKING:  # pandas is imported when a table is built, not at `import quoteattr`
    import pandas as pd

SCHEMA_VERSION = "2"  # 2: cue_start, cue_end, pattern, paragraph, sentence

#: pandas dtype of a record field, by its Python type (``None`` and ``Literal`` unwrapped).
FIELD_DTYPES: dict[type, str] = {str: "string", int: "Int64", float: "Float64", bool: "boolean"}

#: The columns that place a quote in its table: before the fields of :class:`~quoteattr.types.Quote`.
KEY_COLUMNS: dict[str, str] = {"article_id": "string", "quote_index": "Int64"}


def field_dtype(tp: Any) -> str:
    """The table dtype of a dataclass field annotation (``str`` → ``string``, ``int | None`` → ``Int64`` …).

    Raises:
        TypeError: the annotation is not a (possibly optional or ``Literal``) str, int, float or bool.
    """
    args = [a for a in typing.get_args(tp) if a is not type(None)]
    origin = typing.get_origin(tp)
    if origin is typing.Literal:
        base: Any = type(args[0])
    elif origin in (typing.Union, types.UnionType) and len(args) == 1:
        return field_dtype(args[0])
    else:
        base = tp
    if base not in FIELD_DTYPES:
        raise TypeError(f"no table dtype for a field of type {tp!r}; use str, int, float or bool (optionally | None)")
    return FIELD_DTYPES[base]


def record_columns(record: type, key: Mapping[str, str] = KEY_COLUMNS) -> dict[str, str]:
    """Column name → dtype of a table of ``record`` dataclasses: the ``key`` columns, then one per field, in field order."""
    hints = typing.get_type_hints(record)
    return {**key, **{f.name: field_dtype(hints[f.name]) for f in dataclasses.fields(record)}}


#: Column name → pandas dtype, in table order: derived from :class:`~quoteattr.types.Quote`,
#: so a new output column is one new field there.
QUOTE_COLUMNS: dict[str, str] = record_columns(Quote)


def quote_rows(article_id: str, quotes: Iterable[Quote | Mapping[str, Any]], meta: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
    """Table rows of one article's quotes: ``article_id``, ``quote_index``, the quote's fields, then metadata.

    The one row builder of the API, the batch runner and :mod:`quoteattr.dask`.

    Args:
        article_id: the article's id.
        quotes: its quotes, as records or as :meth:`Quote.to_dict` dicts (what worker processes send back).
        meta: the article's metadata columns; a name that is also a quote column is left out.
    """
    out = []
    for i, q in enumerate(quotes):
        row: dict[str, Any] = {"article_id": article_id, "quote_index": i}
        row.update(q.to_dict() if isinstance(q, Quote) else q)
        if meta:
            for k, v in meta.items():
                row.setdefault(k, v)
        out.append(row)
    return out


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
    "aliases": "object",
}


#: The quote propagation table (see :func:`quoteattr.propagation`).
PROPAGATION_COLUMNS: dict[str, str] = {
    "group_id": "string",
    "quote": "string",
    "speaker_name": "string",
    "types": "object",
    "n_quotes": "Int64",
    "n_articles": "Int64",
    "n_outlets": "Int64",
    "first_article_id": "string",
    "first_outlet": "string",
    "first_date": "string",
    "repeated_by": "object",
    "last_date": "string",
    "first_lag_days": "Float64",
    "lag_days": "Float64",
    "article_ids": "object",
}


def empty_frame(columns: Mapping[str, str]) -> pd.DataFrame:
    """An empty table with the given schema."""
    import pandas as pd

    return pd.DataFrame({c: pd.Series([], dtype=d) for c, d in columns.items()})


def dtype_for(dtype: Any) -> str | None:
    """The table dtype for an input column of pandas ``dtype``; ``None`` for object columns (decided by their values)."""
    from pandas.api import types as t

    if t.is_bool_dtype(dtype):
        return "boolean"
    if t.is_integer_dtype(dtype):
        return "Int64"
    if t.is_float_dtype(dtype):
        return "Float64"
    if isinstance(dtype, t.DatetimeTZDtype):
        return f"datetime64[ns, {dtype.tz}]"
    if t.is_datetime64_dtype(dtype):
        return "datetime64[ns]"
    if t.is_string_dtype(dtype) and dtype != object:
        return "string"
    return None


_KINDS = {"string": "string", "integer": "Int64", "floating": "Float64", "mixed-integer-float": "Float64", "decimal": "Float64", "boolean": "boolean"}


def metadata_dtype(values: Any, input_dtype: Any = None) -> str | None:
    """The dtype policy for one metadata column (see the module docstring).

    Args:
        values: the column's values.
        input_dtype: the pandas dtype the input column had, when the input was a DataFrame.

    Returns:
        ``string``, ``Int64``, ``Float64``, ``boolean``, ``datetime64[ns]`` (``[ns, tz]``),
        or ``None`` when no value is present and no input dtype says what it is.
    """
    from pandas.api.types import infer_dtype

    if input_dtype is not None and (d := dtype_for(input_dtype)) is not None:
        return d
    kind = infer_dtype(values, skipna=True)
    if kind == "empty":
        return None
    if kind in ("datetime", "datetime64", "date"):
        return "datetime64[ns]"
    return _KINDS.get(kind, "object")


def _missing(v: Any) -> bool:
    """None, NaN, NaT or pandas NA (a list or dict is a value)."""
    import pandas as pd

    return v is None or (not isinstance(v, (list, tuple, dict)) and bool(pd.isna(v)))


def _as_text(v: Any) -> Any:
    if _missing(v):
        return None
    if isinstance(v, (list, tuple, dict)):
        return json.dumps(v, ensure_ascii=False, default=str)
    return str(v)


def conform_metadata(df: pd.DataFrame, columns: Iterable[str], input_dtypes: Mapping[str, Any] | None = None, empty: str | None = "string") -> pd.DataFrame:
    """Apply the dtype policy to every column of ``df`` not in ``columns`` (in place; returns ``df``).

    Args:
        df: a table.
        columns: the schema columns (already typed).
        input_dtypes: the pandas dtypes of the input's columns (DataFrame inputs).
        empty: the dtype of a column with no value (``None``: leave it, so that Parquet
            parts store it as a null column that takes the type of the other parts).
    """
    import pandas as pd

    skip = set(columns)
    for col in [c for c in df.columns if c not in skip]:
        dtype = metadata_dtype(df[col].tolist(), (input_dtypes or {}).get(col)) or empty
        if dtype is None:
            continue
        if dtype.startswith("datetime64"):
            try:
                dt = pd.to_datetime(df[col])
                df[col] = dt.dt.as_unit("ns")
                continue
            except (ValueError, TypeError, OverflowError):  # mixed time zones, out of range: keep as text
                dtype = "object"
        if dtype == "object":
            df[col] = pd.Series([_as_text(v) for v in df[col].tolist()], index=df.index, dtype="string")
        else:
            df[col] = df[col].astype(dtype)
    return df


def typed_frame(
    rows: Iterable[Mapping[str, Any]], columns: Mapping[str, str], input_dtypes: Mapping[str, Any] | None = None, empty: str | None = "string"
) -> pd.DataFrame:
    """Build a table from row dicts: schema columns first (typed), then any extra columns (typed by :func:`conform_metadata`)."""
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
    df = df.astype({c: d for c, d in columns.items() if d != "object"})
    return conform_metadata(df, columns, input_dtypes, empty)


def quotes_frame(rows: Iterable[Mapping[str, Any]], input_dtypes: Mapping[str, Any] | None = None, empty: str | None = "string") -> pd.DataFrame:
    """The quotes table from row dicts (schema columns, then metadata columns); see :func:`typed_frame`."""
    return typed_frame(rows, QUOTE_COLUMNS, input_dtypes, empty)


def articles_frame(rows: Iterable[Mapping[str, Any]], input_dtypes: Mapping[str, Any] | None = None, empty: str | None = "string") -> pd.DataFrame:
    """The per-article status table from row dicts; see :func:`typed_frame`."""
    return typed_frame(rows, ARTICLE_COLUMNS, input_dtypes, empty)
