"""The resumable runner: read the corpus, cut it into shards, hand them to an executor, commit, finish.

The executors (:mod:`quoteattr.batch.local`, :mod:`quoteattr.batch.dask_engine`) extract
and write the shards; the runner owns the manifest (:mod:`quoteattr.batch.manifest`), the
progress bar and the messages, and the final outputs (:func:`quoteattr.batch.layout.write_outputs`).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from quoteattr.batch.dask_engine import run_dask
from quoteattr.batch.layout import Layout, write_json_atomic, write_outputs
from quoteattr.batch.local import run_local
from quoteattr.batch.manifest import MANIFEST, clean_failed_start, fingerprint, finished_run, finished_shards, open_manifest
from quoteattr.batch.options import BatchOptions, RunSummary
from quoteattr.errors import InputError, OutputError, QuoteAttrError
from quoteattr.io import Record, count_records, iter_records, unique_ids


def _default_log(msg: str) -> None:
    from tqdm.auto import tqdm

    tqdm.write(msg, file=sys.stderr)


class _Messages:
    """Per-article messages: the first ``limit`` are shown, then a count."""

    def __init__(self, quiet: bool, limit: int, log: Callable[[str], None] | None) -> None:
        self.emit: Callable[[str], None] = (lambda m: None) if quiet else (log or _default_log)
        self.limit = limit
        self.shown = 0

    def show(self, msgs: list[str]) -> None:
        for m in msgs:
            if self.shown < self.limit:
                self.emit(m)
            self.shown += 1

    def close(self) -> None:
        if self.shown > self.limit:
            self.emit(f"… and {self.shown - self.limit} more errors/warnings: see the articles table (status, error)")


def run(
    input: str | Path,
    output: str | Path,
    options: BatchOptions | None = None,
    *,
    workers: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    articles_output: str | Path | None = None,
    fresh: bool = False,
    keep_parts: bool = False,
    quiet: bool = False,
    max_messages: int = 20,
    log: Callable[[str], None] | None = None,
) -> RunSummary:
    """Extract the quotes of a corpus into tables, resumably.

    Args:
        input: a .txt/.jsonl/.jsonl.gz/.csv/.parquet file or a folder of them.
        output: ``quotes.parquet``/``.csv``/``.jsonl`` (assembled at the end, with
            ``quotes.articles.<ext>`` beside it), or a folder (Parquet parts, kept).
        options: what decides the rows (model, columns, limits).
        workers: worker processes (``1``: this process); Dask workers to start if
            ``engine="dask"`` and no ``scheduler`` is given.
        engine: ``"local"`` or ``"dask"``.
        scheduler: a Dask scheduler address (``tcp://host:8786``); the output folder must
            be reachable by the workers, which write the parts.
        articles_output: where the articles table goes (file outputs only).
        fresh: discard the parts of an unfinished earlier run instead of resuming it.
        keep_parts: keep the parts folder after assembling a file output.
        quiet: no progress bar and no per-article messages.
        max_messages: print at most this many per-article error/warning messages.
        log: where messages go (default: stderr, above the progress bar).

    Returns:
        A :class:`RunSummary`.

    Raises:
        InputError: the input cannot be found or is empty, or the parts folder belongs
            to a different run.
    """
    options = options or BatchOptions()
    if options.shard_size < 1 or options.batch_size < 1:
        raise InputError("shard_size and batch_size must be at least 1")
    if engine not in ("local", "dask"):
        raise InputError(f"unknown engine {engine!r}; use 'local' or 'dask'")
    t0 = time.perf_counter()
    layout = Layout.for_output(output, articles_output)
    fp = fingerprint(input, options)
    if layout.quotes is not None and not fresh:
        finished = finished_run(layout, fp)
        if finished is not None:
            finished.seconds = time.perf_counter() - t0
            return finished
    created = not (layout.parts / MANIFEST).exists() or fresh
    existed = layout.parts.exists() and not fresh
    try:
        summary = _run(input, layout, fp, options, workers, engine, scheduler, fresh, keep_parts, quiet, max_messages, log)
    except BaseException as exc:
        clean_failed_start(layout, created, existed)
        if isinstance(exc, OSError) and not isinstance(exc, QuoteAttrError):
            raise OutputError(_os_message(exc, input)) from exc
        raise
    summary.seconds = time.perf_counter() - t0
    return summary


def _input(input: str | Path, options: BatchOptions) -> tuple[int | None, Iterator[Record]]:
    """The number of records to expect (``None``: unknown) and the record stream, ids made unique, ``limit`` applied."""
    total = count_records(input)
    if total is not None and options.limit is not None:
        total = min(total, options.limit)
    records: Iterator[Record] = unique_ids(iter_records(input, options.id_column, options.text_column))
    if options.limit is not None:
        records = islice(records, options.limit)
    return total, records


def _run(
    input: str | Path,
    layout: Layout,
    fp: dict[str, Any],
    options: BatchOptions,
    workers: int,
    engine: str,
    scheduler: str | None,
    fresh: bool,
    keep_parts: bool,
    quiet: bool,
    max_messages: int,
    log: Callable[[str], None] | None,
) -> RunSummary:
    if layout.quotes is not None:
        layout.done_marker().unlink(missing_ok=True)  # the outputs there, if any, are not this run's
    manifest = open_manifest(layout, fp, fresh)
    summary = RunSummary(quotes_path=layout.quotes, articles_path=layout.articles, parts_dir=layout.parts)
    messages = _Messages(quiet, max_messages, log)

    def commit(idx: int, counts: dict[str, int], msgs: list[str]) -> None:
        manifest["shards"][str(idx)] = counts
        write_json_atomic(layout.parts / MANIFEST, manifest)
        summary.add(counts)
        messages.show(msgs)

    done = finished_shards(layout, manifest)
    total, records = _input(input, options)
    from tqdm.auto import tqdm

    bar = tqdm(total=total, unit="art", desc="quoteattr", disable=quiet, dynamic_ncols=True, smoothing=0.1, file=sys.stderr)
    try:
        if engine == "dask":
            run_dask(records, layout, options, done, workers, scheduler, commit, summary, bar)
        else:
            run_local(records, layout, options, done, workers, commit, summary, bar)
    finally:
        bar.close()
    if summary.n_articles == 0:
        raise InputError(f"{input}: no articles found")
    messages.close()
    manifest["complete"] = True
    write_json_atomic(layout.parts / MANIFEST, manifest)
    write_outputs(layout, len(manifest["shards"]), fp, summary, keep_parts)
    return summary


def _os_message(exc: OSError, input: str | Path) -> str:
    """One line naming the path and the problem of an operating-system error in a run."""
    where = str(exc.filename) if exc.filename else "the output"
    reading = exc.filename is not None and Path(str(exc.filename)).resolve().is_relative_to(Path(input).resolve())
    what = "cannot read the input" if reading else "cannot write the output"
    hint = "check its permissions" if reading else "choose a writable output path or free disk space"
    return f"{where}: {what} ({exc.strerror or type(exc).__name__}); {hint}"
