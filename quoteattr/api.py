"""The public functions: :func:`extract` and :func:`extract_frame`."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from spacy.language import Language

from quoteattr.errors import InputError
from quoteattr.loading import load
from quoteattr.schema import quote_rows, quotes_frame
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


def _records(articles: Any, id_column: str, text_column: str) -> Iterator[tuple[str, str, dict[str, Any]]]:
    if isinstance(articles, str):
        raise InputError("extract_frame() takes many articles: a DataFrame or an iterable of texts or records; for one text use extract()")
    if _is_dataframe(articles):
        if text_column not in articles.columns:
            raise InputError(f"the DataFrame has no {text_column!r} column (columns: {list(articles.columns)}); pass text_column=")
        ids = articles[id_column].astype(str).tolist() if id_column in articles.columns else [str(i) for i in articles.index]
        meta_cols = [c for c in articles.columns if c not in (id_column, text_column)]
        for n, (aid, rec) in enumerate(zip(ids, articles.to_dict("records"))):
            yield aid, rec[text_column], {c: rec[c] for c in meta_cols}
        return
    for n, item in enumerate(articles):
        if isinstance(item, str):
            yield str(n), item, {}
        elif isinstance(item, Mapping):
            if text_column not in item:
                raise InputError(f"record {n} has no {text_column!r} field (fields: {list(item)}); pass text_column=")
            aid = str(item[id_column]) if item.get(id_column) is not None else str(n)
            yield aid, item[text_column], {k: v for k, v in item.items() if k not in (id_column, text_column, "quotes")}
        else:
            raise InputError(f"item {n} is a {type(item).__name__}; give texts (str) or records (dict with {text_column!r})")


def extract_frame(
    articles: Any,
    nlp: Language | None = None,
    *,
    id_column: str = "id",
    text_column: str = "text",
    batch_size: int = 64,
) -> pd.DataFrame:
    """Extract quotes from many articles into one table (one row per quote).

    Args:
        articles: a DataFrame with ``text`` (and ``id``) columns, or an iterable of
            texts or of records (dicts). Other columns/fields pass through as metadata.
        nlp: a pipeline from :func:`quoteattr.load` (the shipped one by default).
        id_column, text_column: the id and text column names.
        batch_size: articles per ``nlp.pipe`` batch.

    Returns:
        The quotes table (columns from :mod:`quoteattr.schema`, then metadata columns),
        every column typed by the one dtype policy of :mod:`quoteattr.schema` (``string``,
        ``Int64``, ``Float64``, ``boolean``; datetimes only where the input had them).
    """
    nlp = nlp or default_nlp()
    recs = list(_records(articles, id_column, text_column))
    for aid, text, _ in recs:
        if not isinstance(text, str):
            raise InputError(f"article {aid!r}: text is {type(text).__name__}, not str; fix or drop it")
    out: list[dict[str, Any]] = []
    docs = nlp.pipe((t for _, t, _ in recs), batch_size=batch_size)
    for (aid, _, meta), doc in zip(recs, docs):
        out.extend(quote_rows(aid, doc._.quotes or [], meta))
    return quotes_frame(out, dict(articles.dtypes) if _is_dataframe(articles) else None)
