"""The public functions: :func:`extract` and :func:`extract_frame`."""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING, Any

from spacy.language import Language

from quoteattr.errors import ArticleErrorWarning, InputError
from quoteattr.io.readers import Record, frame_records, object_records
from quoteattr.loading import load
from quoteattr.schema import quotes_frame
from quoteattr.types import Quote

if TYPE_CHECKING:  # pandas is imported when a table is built, not at `import quoteattr`
    import pandas as pd

_DEFAULT: dict[str, Language] = {}


def default_nlp() -> Language:
    """The shared pipeline used when no ``nlp`` is passed (loaded on first use)."""
    if "nlp" not in _DEFAULT:
        _DEFAULT["nlp"] = load()
    return _DEFAULT["nlp"]


def extract(text: str, nlp: Language | None = None) -> list[Quote]:
    """Every quote in one article, as typed records.

    Args:
        text: the article text.
        nlp: a pipeline from :func:`quoteattr.load` (the shipped one by default).

    Returns:
        The quotes in text order; ``text[q.quote_start:q.quote_end] == q.quote``.

    Raises:
        InputError: ``text`` is not a string.

    Example:
        >>> [(q.type, q.speaker_name) for q in extract('“Kami siap,” kata Budi.')]
        [('direct', 'Budi')]
    """
    if not isinstance(text, str):
        raise InputError(f"extract() takes the article text as a str, got {type(text).__name__}; pass the text itself")
    nlp = nlp or default_nlp()
    return list(nlp(text)._.quotes or [])


def _is_dataframe(obj: Any) -> bool:
    """True for a pandas DataFrame, without importing pandas when it is not loaded yet."""
    import sys

    pd = sys.modules.get("pandas")
    return pd is not None and isinstance(obj, pd.DataFrame)


def read_input(articles: Any, id_column: str = "id", text_column: str = "text") -> list[Record]:
    """The records of ``extract_frame``'s input (a DataFrame, or an iterable of texts or records).

    Raises:
        InputError: ``articles`` is one text, or a DataFrame without ``text_column``.
    """
    if isinstance(articles, str):
        raise InputError("extract_frame() takes many articles: a DataFrame or an iterable of texts or records; for one text use extract()")
    if _is_dataframe(articles):
        return list(frame_records(articles, id_column, text_column))
    return list(object_records(articles, id_column, text_column))


def extract_frame(
    articles: Any,
    nlp: Language | None = None,
    *,
    id_column: str = "id",
    text_column: str = "text",
    batch_size: int = 64,
    table: str = "quotes",
) -> pd.DataFrame:
    """Extract quotes from many articles into one table (one row per quote).

    Every article is guarded: one that cannot be processed (not a text, empty, too long
    for ``nlp.max_length``, an exception in the pipeline) gets no quote rows, and a
    :class:`~quoteattr.errors.ArticleErrorWarning` names how many failed and why; the
    other articles go on. ``table="articles"`` gives the per-article status table
    (``article_id, n_quotes, status, error, source``, then metadata), as the batch runner
    and :mod:`quoteattr.dask` do.

    Args:
        articles: a DataFrame with ``text`` (and ``id``) columns, or an iterable of
            texts or of records (dicts). Other columns/fields pass through as metadata.
            A missing id becomes the row's index value (a DataFrame) or the position.
        nlp: a pipeline from :func:`quoteattr.load` (the shipped one by default).
        id_column, text_column: the id and text column names.
        batch_size: articles per ``nlp.pipe`` batch.
        table: ``"quotes"`` (one row per quote) or ``"articles"`` (one row per article).

    Returns:
        The quotes table (columns from :mod:`quoteattr.schema`, then metadata columns),
        every column typed by the one dtype policy of :mod:`quoteattr.schema` (``string``,
        ``Int64``, ``Float64``, ``boolean``; datetimes only where the input had them).

    Raises:
        InputError: ``articles`` is one text or a DataFrame without the text column, or
            ``table`` is unknown (a bad article is never raised: see above).
    """
    from quoteattr.extraction import extract_records
    from quoteattr.schema import articles_frame

    if table not in ("quotes", "articles"):
        raise InputError(f"table must be 'quotes' or 'articles', not {table!r}")
    recs = read_input(articles, id_column, text_column)
    nlp = nlp or default_nlp()
    rows = extract_records(recs, nlp, batch_size=batch_size, time_limit=None, max_chars=nlp.max_length)
    dtypes = dict(articles.dtypes) if _is_dataframe(articles) else None
    if table == "articles":
        return articles_frame(rows.articles, dtypes)
    if rows.counts["errors"]:
        _warn_errors(rows.articles, rows.counts["errors"])
    return quotes_frame(rows.quotes, dtypes)


def _warn_errors(article_rows: list[dict[str, Any]], n: int) -> None:
    first = next(r for r in article_rows if r["status"] == "error")
    warnings.warn(
        f"{n} of {len(article_rows)} articles could not be processed and have no quote rows "
        f"(first: {first['article_id']!r}: {first['error']}); extract_frame(..., table='articles') lists them",
        ArticleErrorWarning,
        stacklevel=3,
    )
