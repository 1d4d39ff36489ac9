"""Quote extraction on a Dask cluster.

Two ways in:

* :func:`extract` — for notebooks: a Dask DataFrame of articles in, a lazy Dask
  DataFrame of quotes out (``quoteattr.dask.extract(ddf).to_parquet(...)``).
* ``quoteattr extract CORPUS -o OUT --engine dask --scheduler tcp://…`` — the batch run
  of :mod:`quoteattr.batch` with every shard sent to a Dask worker, which writes its
  Parquet parts itself (the output folder must be reachable by the workers); resumable
  like a local run, failed shards retried.

Both run the same guarded per-article core as a local run and :func:`quoteattr.extract_frame`
(:func:`quoteattr.extraction.extract_records`), reading a partition like ``extract_frame``
reads a DataFrame (:func:`quoteattr.io.frame_records`), with the pipeline loaded once per
worker process, so they give the same rows.

Needs ``pip install "quoteattr[dask]"`` (``dask[dataframe]`` and ``distributed``).
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from quoteattr import schema as schema_module
from quoteattr.errors import InputError
from quoteattr.extraction import extract_records, get_nlp
from quoteattr.io.readers import frame_records
from quoteattr.schema import ARTICLE_COLUMNS, articles_frame, conform_metadata, dtype_for, empty_frame, quotes_frame

__all__ = ["extract", "extract_partition"]


def extract_partition(
    pdf: pd.DataFrame,
    model: str | None = None,
    id_column: str = "id",
    text_column: str = "text",
    batch_size: int = 32,
    max_chars: int = 1_000_000,
    table: str = "quotes",
) -> pd.DataFrame:
    """The quotes (or articles) table of one pandas partition; the pipeline is cached per process.

    Args:
        pdf: articles, with ``text_column`` and (optionally) ``id_column``; a missing id
            becomes the row's index value. Other columns pass through.
        table: ``"quotes"`` or ``"articles"``.
    """
    recs = list(frame_records(pdf, id_column, text_column))
    rows = extract_records(recs, get_nlp(model, max_chars), batch_size=batch_size, time_limit=None, max_chars=max_chars)
    meta_cols = [c for c in pdf.columns if c not in (id_column, text_column)]
    dtypes = dict(pdf.dtypes)
    if table == "articles":
        df = articles_frame(rows.articles, dtypes)
        schema: list[str] = list(ARTICLE_COLUMNS) + ["source"]
    else:
        df = quotes_frame(rows.quotes, dtypes)
        schema = list(schema_module.QUOTE_COLUMNS)
    # every partition has every metadata column, typed by the input's dtypes (also when it has no quotes)
    df = df.reindex(columns=schema + [c for c in meta_cols if c not in schema])
    return conform_metadata(df, schema, dtypes).reset_index(drop=True)


def _meta(ddf: Any, id_column: str, text_column: str, table: str) -> pd.DataFrame:
    sample = ddf._meta
    meta_cols = [c for c in sample.columns if c not in (id_column, text_column)]
    if table == "articles":
        base = empty_frame(ARTICLE_COLUMNS)
        base["source"] = pd.Series([], dtype="string")
        skip = set(ARTICLE_COLUMNS) | {"source"}
    else:
        base = empty_frame(schema_module.QUOTE_COLUMNS)
        skip = set(schema_module.QUOTE_COLUMNS)
    for c in meta_cols:
        if c not in skip:
            base[c] = pd.Series([], dtype=dtype_for(sample[c].dtype) or "string")
    return base


def extract(
    ddf: Any,
    model: str | None = None,
    *,
    id_column: str = "id",
    text_column: str = "text",
    batch_size: int = 32,
    max_chars: int = 1_000_000,
    table: str = "quotes",
) -> Any:
    """Quotes of every article of a Dask DataFrame, as a lazy Dask DataFrame.

    Args:
        ddf: a ``dask.dataframe.DataFrame`` with a text column (and an id column).
        model: a pipeline directory reachable by the workers, ``"rules"``, or ``None``
            for the shipped model (each worker process loads it once).
        id_column, text_column: column names; other columns pass through as metadata.
        batch_size: articles per ``nlp.pipe`` batch.
        max_chars: longer articles get status ``error``.
        table: ``"quotes"`` (one row per quote) or ``"articles"`` (one row per article
            with ``n_quotes``, ``status``, ``error``).

    Returns:
        A Dask DataFrame with the columns of :mod:`quoteattr.schema`, then metadata.
        Compute it with retries on a cluster: ``client.compute(df, retries=2)``.

    Example:
        >>> import dask.dataframe as dd, quoteattr.dask
        >>> ddf = dd.read_parquet("articles/")                      # doctest: +SKIP
        >>> quoteattr.dask.extract(ddf).to_parquet("quotes/")       # doctest: +SKIP
    """
    try:
        import dask.dataframe  # noqa: F401
    except ImportError as exc:
        raise InputError('quoteattr.dask needs dask: pip install "quoteattr[dask]"') from exc
    if text_column not in ddf.columns:
        raise InputError(f"the Dask DataFrame has no {text_column!r} column (columns: {list(ddf.columns)}); pass text_column=")
    if table not in ("quotes", "articles"):
        raise InputError(f"table must be 'quotes' or 'articles', not {table!r}")
    meta = _meta(ddf, id_column, text_column, table)
    return ddf.map_partitions(
        extract_partition,
        model=model,
        id_column=id_column,
        text_column=text_column,
        batch_size=batch_size,
        max_chars=max_chars,
        table=table,
        meta=meta,
        enforce_metadata=False,
    )
