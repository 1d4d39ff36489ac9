"""The guarded per-article core every driver runs: records in, table rows out.

:func:`extract_records` is what :func:`quoteattr.extract_frame`, the batch runner
(:mod:`quoteattr.batch`) and :mod:`quoteattr.dask` run on their articles: every
:class:`~quoteattr.io.Record` gets a row in the articles table (``ok``, ``warning`` or
``error`` with the reason) and its quotes get rows in the quotes table
(:func:`quoteattr.schema.quote_rows`). A record that could not be read, a text that is too
long, an exception in the pipeline or a time-out makes that article's status ``error``;
nothing is raised, and the other articles go on.

The two halves are public because the local process pool runs them apart:
:func:`extract_texts` (the guarded extraction, in the worker processes) and
:func:`record_rows` (the rows, in the main process).
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from quoteattr.io import Record
from quoteattr.schema import quote_rows

#: Article statuses in the articles table.
OK, WARNING, ERROR = "ok", "warning", "error"

Result = tuple[str | None, list[dict[str, Any]]]  # (error, quotes as dicts)


# --------------------------------------------------------------------------- the pipeline, once per process

_NLP: dict[tuple[str | None, int], Any] = {}


def get_nlp(model: str | None, max_chars: int) -> Any:
    """The pipeline for ``model``, loaded once per process and cached."""
    key = (model, max_chars)
    if key not in _NLP:
        from quoteattr.loading import load

        nlp = load(model)
        nlp.max_length = max(nlp.max_length, max_chars + 1)
        _NLP[key] = nlp
    return _NLP[key]


# --------------------------------------------------------------------------- guarded extraction


class _Timeout(BaseException):
    """Raised by the alarm inside a guarded extraction (a BaseException so that no library swallows it)."""


@contextmanager
def _deadline(seconds: float | None) -> Iterator[Callable[[], None]]:
    """Raise :class:`_Timeout` ``seconds`` after entry, or after the last call of the yielded restart()."""
    usable = (
        seconds is not None
        and seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield lambda: None
        return

    def _raise(signum: int, frame: Any) -> None:
        raise _Timeout()

    def restart() -> None:
        signal.setitimer(signal.ITIMER_REAL, float(seconds))  # type: ignore[arg-type]

    old = signal.signal(signal.SIGALRM, _raise)
    restart()
    try:
        yield restart
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def _quotes(doc: Any) -> list[dict[str, Any]]:
    return [q.to_dict() for q in (doc._.quotes or [])]


def extract_texts(nlp: Any, texts: list[str], *, batch_size: int = 32, time_limit: float | None = None, max_chars: int = 1_000_000) -> list[Result]:
    """Quotes of many texts, each article guarded by its own deadline.

    The texts go through ``nlp.pipe``. The deadline restarts with every article the pipe
    yields, so the article it is working on when the deadline passes is the one recorded as
    timed out, and the pipe goes on with the next: the worst article costs its time limit,
    whatever the batch size. An article that raises is redone alone (to record its own
    error) and the pipe goes on after it.

    Returns:
        One ``(error, quotes)`` per text: ``error`` is ``None`` or the reason it failed;
        ``quotes`` are :meth:`Quote.to_dict` dicts.
    """
    out: list[Result | None] = [None] * len(texts)
    todo = []
    for i, t in enumerate(texts):
        if len(t) > max_chars:
            out[i] = (f"text has {len(t):,} characters, more than the limit of {max_chars:,} (--max-chars); split the article or raise the limit", [])
        else:
            todo.append(i)
    pos = 0  # todo[:pos] are done
    while pos < len(todo):
        rest = todo[pos:]
        try:
            with _deadline(time_limit) as restart:
                for i, doc in zip(rest, nlp.pipe((texts[i] for i in rest), batch_size=batch_size)):
                    out[i] = (None, _quotes(doc))
                    restart()
                    pos += 1
        except _Timeout:
            out[todo[pos]] = (_timed_out(time_limit), [])
            pos += 1
        except Exception:  # noqa: BLE001  (one article must not stop the others)
            out[todo[pos]] = _extract_one(nlp, texts[todo[pos]], time_limit)
            pos += 1
    return [r if r is not None else ("not processed", []) for r in out]


def _timed_out(time_limit: float | None) -> str:
    return f"timed out after {time_limit:g} s (--timeout); the article is too long or pathological"


def _extract_one(nlp: Any, text: str, time_limit: float | None) -> Result:
    try:
        with _deadline(time_limit):
            return None, _quotes(nlp(text))
    except _Timeout:
        return _timed_out(time_limit), []
    except Exception as exc:  # noqa: BLE001  (one article must not stop the run)
        return f"extraction failed: {type(exc).__name__}: {str(exc)[:300]}", []


# --------------------------------------------------------------------------- rows


@dataclass
class Rows:
    """The rows of some records: quotes, one article row each, messages and counts."""

    quotes: list[dict[str, Any]] = field(default_factory=list)
    articles: list[dict[str, Any]] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=lambda: {"articles": 0, "quotes": 0, "ok": 0, "warnings": 0, "errors": 0})


def _status(rec: Record, err: str | None) -> tuple[str, str | None, str | None]:
    """``(status, note, message)`` of one article."""
    if err is not None:
        note = "; ".join(x for x in (err, rec.warning) if x)
        return ERROR, note, f"error: {rec.source}: article {rec.article_id!r}: {note}"
    if rec.warning:
        return WARNING, rec.warning, f"warning: {rec.source}: article {rec.article_id!r}: {rec.warning}"
    return OK, None, None


def record_rows(records: Sequence[Record], results: dict[int, Result]) -> Rows:
    """Quote rows, article rows, messages and counts of some records.

    Args:
        records: the records, in input order.
        results: ``position → (error, quotes)`` for the records that were processed; a
            readable record without a result is recorded as ``not processed``.
    """
    out = Rows()
    counts = out.counts
    counts["articles"] = len(records)
    for i, rec in enumerate(records):
        err: str | None = rec.error
        quotes: list[dict[str, Any]] = []
        if err is None:
            err, quotes = results.get(i, ("not processed", []))
        status, note, message = _status(rec, err)
        counts["errors" if status == ERROR else "ok"] += 1
        counts["warnings"] += int(status == WARNING)
        if message is not None:
            out.messages.append(message)
        arow: dict[str, Any] = {"article_id": rec.article_id, "n_quotes": len(quotes), "status": status, "error": note, "source": rec.source}
        for k, v in rec.meta.items():
            arow.setdefault(k, v)
        out.articles.append(arow)
        out.quotes.extend(quote_rows(rec.article_id, quotes, rec.meta))
        counts["quotes"] += len(quotes)
    return out


def extract_records(
    records: Sequence[Record], nlp: Any, *, batch_size: int = 32, time_limit: float | None = None, max_chars: int = 1_000_000
) -> Rows:
    """The guarded core: the rows of some records, per-article errors recorded, never raised.

    Args:
        records: articles from a reader of :mod:`quoteattr.io` (records that could not be
            read carry their ``error`` and are not processed).
        nlp: a pipeline from :func:`quoteattr.load`.
        batch_size: articles per ``nlp.pipe`` batch.
        time_limit: seconds per article (``None``: no limit; only in a process's main thread).
        max_chars: longer texts are recorded as errors without being processed.

    Returns:
        The quote rows, the article rows (``article_id, n_quotes, status, error, source``
        and the metadata), one message per error or warning, and the counts.
    """
    work = [i for i, r in enumerate(records) if r.error is None]
    res = extract_texts(nlp, [records[i].text for i in work], batch_size=batch_size, time_limit=time_limit, max_chars=max_chars)  # type: ignore[misc]
    return record_rows(records, dict(zip(work, res)))
