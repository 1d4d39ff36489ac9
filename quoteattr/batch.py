"""Batch extraction at corpus scale: streaming, parallel, resumable, lossless.

:func:`run` reads a corpus as a stream of :class:`~quoteattr.io.Record` (never the
whole corpus at once), cuts it into *shards* of ``shard_size`` consecutive articles,
extracts the quotes of each shard (in this process, in a pool of worker processes,
or on a Dask cluster) and writes every finished shard as two Parquet parts::

    <parts>/quotes/part-00000.parquet     the quotes of shard 0
    <parts>/articles/part-00000.parquet   one row per article of shard 0 (the commit marker)
    <parts>/manifest.json                 the options of the run and the finished shards

Each part is written under a temporary name and renamed into place, the articles part
last, so a shard is either wholly there or not there. Re-running the same command after
a crash (even ``kill -9``) skips the finished shards and redoes the others, so the
result holds exactly the rows of an uninterrupted run. When the output is a file
(``quotes.parquet``, ``.csv``, ``.jsonl``) the parts are assembled into it (and into
``quotes.articles.<ext>``) at the end and the parts folder is removed; when the output
is a folder, the parts *are* the output.

Workers load the pipeline once and receive plain texts; they send back plain dicts, not
spaCy Docs. Every article is guarded: an exception (or a time-out) in one article makes
its status ``error`` and the run goes on.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from quoteattr.about import __version__
from quoteattr.errors import InputError, OutputError, QuoteAttrError
from quoteattr.io import (
    Record,
    assemble,
    count_records,
    input_fingerprint,
    iter_records,
    output_format,
    unique_ids,
    write_parquet_atomic,
)
from quoteattr.extraction import ERROR, OK, WARNING, Result, _quotes, extract_records, extract_texts, get_nlp, record_rows  # noqa: F401
from quoteattr.schema import ARTICLE_COLUMNS, QUOTE_COLUMNS, SCHEMA_VERSION, articles_frame, quotes_frame

MANIFEST = "manifest.json"


@dataclass(frozen=True)
class BatchOptions:
    """The options that decide the rows of a batch run.

    Attributes:
        model: pipeline directory, ``"rules"``, or ``None`` for the shipped model.
        id_column, text_column: input column/field names.
        batch_size: articles per ``nlp.pipe`` call (and per task sent to a worker).
        shard_size: articles per output part (the unit of resumption).
        time_limit: seconds per article before it is given up as ``error`` (``None``: no
            limit). Enforced with ``SIGALRM`` in the main thread of a process only (local
            runs); a tight loop inside C code is interrupted when it returns to Python.
        max_chars: longer articles are recorded as ``error`` without being processed.
        limit: process only the first ``limit`` input records.
    """

    model: str | None = None
    id_column: str = "id"
    text_column: str = "text"
    batch_size: int = 32
    shard_size: int = 500
    time_limit: float | None = 60.0
    max_chars: int = 1_000_000
    limit: int | None = None


@dataclass
class RunSummary:
    """What a batch run did (also for the resumed shards)."""

    n_articles: int = 0
    n_quotes: int = 0
    n_ok: int = 0
    n_warnings: int = 0
    n_errors: int = 0
    n_resumed: int = 0
    seconds: float = 0.0
    quotes_path: Path | None = None
    articles_path: Path | None = None
    speakers_path: Path | None = None
    propagation_path: Path | None = None
    parts_dir: Path | None = None
    messages: list[str] = field(default_factory=list)

    def add(self, counts: dict[str, int]) -> None:
        """Add one shard's counts."""
        self.n_articles += counts["articles"]
        self.n_quotes += counts["quotes"]
        self.n_ok += counts["ok"]
        self.n_warnings += counts["warnings"]
        self.n_errors += counts["errors"]


# --------------------------------------------------------------------------- per-article work


def _worker_init(model: str | None, max_chars: int, parent: int | None = None) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    if parent is not None:
        die_with_parent(parent)
    get_nlp(model, max_chars)


def die_with_parent(parent: int, poll: float = 0.5) -> None:
    """End this process when ``parent`` dies (a scheduler or the OOM killer ending the run).

    On Linux the kernel sends SIGKILL at the parent's death (``PR_SET_PDEATHSIG``); everywhere,
    a daemon thread also checks every ``poll`` seconds that the parent is still ours.
    """
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG = 1
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(poll)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="quoteattr-parent-watch", daemon=True).start()


def _worker_batch(texts: list[str], model: str | None, batch_size: int, time_limit: float | None, max_chars: int) -> list[Result]:
    return extract_texts(get_nlp(model, max_chars), texts, batch_size=batch_size, time_limit=time_limit, max_chars=max_chars)


# --------------------------------------------------------------------------- rows of a shard


def shard_rows(records: list[Record], results: dict[int, Result]) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[str], dict[str, int]]:
    """Quote rows, article rows, messages and counts for a shard (:func:`quoteattr.extraction.record_rows`)."""
    rows = record_rows(records, results)
    return rows.quotes, rows.articles, rows.messages, rows.counts


def _part(parts: Path, table: str, idx: int) -> Path:
    return parts / table / f"part-{idx:05d}.parquet"


def write_shard(parts: Path, idx: int, qrows: list[dict[str, Any]], arows: list[dict[str, Any]]) -> None:
    """Write a shard's two parts atomically, the articles part (the commit marker) last."""
    # a metadata column with no value in this shard stays a null column: it takes the other parts' type
    write_parquet_atomic(quotes_frame(qrows, empty=None), _part(parts, "quotes", idx))
    write_parquet_atomic(articles_frame(arows, empty=None), _part(parts, "articles", idx))


def run_shard(idx: int, records: list[Record], parts: str, options: BatchOptions) -> tuple[dict[str, int], list[str]]:
    """Process and write one shard in this process (the task a Dask worker runs)."""
    nlp = get_nlp(options.model, options.max_chars)
    rows = extract_records(records, nlp, batch_size=options.batch_size, time_limit=options.time_limit, max_chars=options.max_chars)
    write_shard(Path(parts), idx, rows.quotes, rows.articles)
    return rows.counts, rows.messages


# --------------------------------------------------------------------------- layout and manifest


@dataclass
class Layout:
    """Where a run writes: the parts folder and, for a file output, the assembled files."""

    parts: Path
    quotes: Path | None
    articles: Path | None

    @classmethod
    def for_output(cls, output: str | Path, articles: str | Path | None = None) -> "Layout":
        """``quotes.parquet`` → parts in ``quotes.parquet.parts/``, articles in ``quotes.articles.parquet``; a folder → parts there."""
        out = Path(output)
        if out.suffix == "" or out.is_dir():
            return cls(out, None, None)
        fmt = output_format(out)
        art = Path(articles) if articles else out.with_name(f"{out.stem}.articles.{fmt}")
        output_format(art)
        return cls(out.with_name(out.name + ".parts"), out, art)

    def done_marker(self) -> Path:
        """For a file output: the record that the run finished and which files it wrote."""
        assert self.quotes is not None
        return self.quotes.with_name(f".{self.quotes.name}.quoteattr.json")

    def speakers_path(self) -> Path:
        """``quotes.speakers.parquet`` beside a file output; ``speakers.parquet`` in a folder output."""
        return self._beside("speakers")

    def propagation_path(self) -> Path:
        """``quotes.propagation.parquet`` beside a file output; ``propagation.parquet`` in a folder output."""
        return self._beside("propagation")

    def _beside(self, table: str) -> Path:
        if self.quotes is None:
            return self.parts / f"{table}.parquet"
        return self.quotes.with_name(f"{self.quotes.stem}.{table}{self.quotes.suffix}")


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


def _write_json_atomic(path: Path, data: Any) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(data, indent=1, default=str), encoding="utf-8")
    os.replace(tmp, path)


def _fingerprint(input: str | Path, options: BatchOptions) -> dict[str, Any]:
    from quoteattr.loading import resolve_model

    opts = asdict(options)
    opts.pop("time_limit")
    opts.pop("batch_size")
    opts["model"] = str(resolve_model(options.model))
    return {"input": str(Path(input).resolve()), "files": input_fingerprint(input), "options": opts, "schema": SCHEMA_VERSION, "quoteattr": __version__}


def _open_manifest(layout: Layout, fp: dict[str, Any], fresh: bool) -> dict[str, Any]:
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
    _write_json_atomic(mpath, manifest)
    return manifest


def _chunks(records: Iterable[Record], size: int) -> Iterator[tuple[int, list[Record]]]:
    it = iter(records)
    idx = 0
    while chunk := list(islice(it, size)):
        yield idx, chunk
        idx += 1


# --------------------------------------------------------------------------- executors


class _Pool:
    """A process pool that survives a worker crash: affected batches are retried article by article."""

    def __init__(self, workers: int, options: BatchOptions) -> None:
        self.workers = workers
        self.options = options
        self.ex: ProcessPoolExecutor | None = None
        self._start()

    def _start(self) -> None:
        import multiprocessing as mp

        # On POSIX the workers are forked from a parent that has already loaded the
        # pipeline: no per-worker import/load time, and the model's memory is shared
        # copy-on-write. Elsewhere they are spawned and load it themselves.
        method = "fork" if "fork" in mp.get_all_start_methods() and sys.platform != "darwin" else "spawn"
        if method == "fork":
            get_nlp(self.options.model, self.options.max_chars)
        self.ex = ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=mp.get_context(method),
            initializer=_worker_init,
            initargs=(self.options.model, self.options.max_chars, os.getpid()),
        )

    def submit(self, texts: list[str]) -> Future[list[Result]]:
        o = self.options
        assert self.ex is not None
        try:
            return self.ex.submit(_worker_batch, texts, o.model, o.batch_size, o.time_limit, o.max_chars)
        except BrokenProcessPool:
            self.restart()
            return self.ex.submit(_worker_batch, texts, o.model, o.batch_size, o.time_limit, o.max_chars)

    def restart(self) -> None:
        if self.ex is not None:
            self.ex.shutdown(wait=False, cancel_futures=True)
        self._start()

    def close(self) -> None:
        if self.ex is not None:
            self.ex.shutdown(wait=True, cancel_futures=True)


class _Inline:
    """Runs batches in this process (``workers=1``): no start-up cost, works everywhere."""

    def __init__(self, options: BatchOptions) -> None:
        self.options = options
        self.nlp = get_nlp(options.model, options.max_chars)

    def submit(self, texts: list[str]) -> Future[list[Result]]:
        o = self.options
        fut: Future[list[Result]] = Future()
        fut.set_result(extract_texts(self.nlp, texts, batch_size=o.batch_size, time_limit=o.time_limit, max_chars=o.max_chars))
        return fut

    def restart(self) -> None:
        return None

    def close(self) -> None:
        return None


# --------------------------------------------------------------------------- the run


def _default_log(msg: str) -> None:
    from tqdm.auto import tqdm

    tqdm.write(msg, file=sys.stderr)


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
    fp = _fingerprint(input, options)
    if layout.quotes is not None and not fresh:
        finished = _finished_run(layout, fp)
        if finished is not None:
            finished.seconds = time.perf_counter() - t0
            return finished
    created = not (layout.parts / MANIFEST).exists() or fresh
    existed = layout.parts.exists() and not fresh
    try:
        summary = _run(input, layout, fp, options, workers, engine, scheduler, fresh, keep_parts, quiet, max_messages, log)
    except BaseException as exc:
        _clean_failed_start(layout, created, existed)
        if isinstance(exc, OSError) and not isinstance(exc, QuoteAttrError):
            raise OutputError(_os_message(exc, input)) from exc
        raise
    summary.seconds = time.perf_counter() - t0
    return summary


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
    manifest = _open_manifest(layout, fp, fresh)
    summary = RunSummary(quotes_path=layout.quotes, articles_path=layout.articles, parts_dir=layout.parts)
    emit = (lambda m: None) if quiet else (log or _default_log)
    shown = [0]

    def show(msgs: list[str]) -> None:
        for m in msgs:
            if shown[0] < max_messages:
                emit(m)
            shown[0] += 1

    def commit(idx: int, counts: dict[str, int], msgs: list[str]) -> None:
        manifest["shards"][str(idx)] = counts
        _write_json_atomic(layout.parts / MANIFEST, manifest)
        summary.add(counts)
        show(msgs)

    done = {
        int(k): v for k, v in manifest["shards"].items() if _part(layout.parts, "articles", int(k)).exists() and _part(layout.parts, "quotes", int(k)).exists()
    }
    total = count_records(input)
    if total is not None and options.limit is not None:
        total = min(total, options.limit)
    records: Iterator[Record] = unique_ids(iter_records(input, options.id_column, options.text_column))
    if options.limit is not None:
        records = islice(records, options.limit)

    from tqdm.auto import tqdm

    bar = tqdm(total=total, unit="art", desc="quoteattr", disable=quiet, dynamic_ncols=True, smoothing=0.1, file=sys.stderr)
    try:
        if engine == "dask":
            _run_dask(records, layout, options, done, workers, scheduler, commit, summary, bar)
        else:
            _run_local(records, layout, options, done, workers, commit, summary, bar)
    finally:
        bar.close()
    if summary.n_articles == 0:
        raise InputError(f"{input}: no articles found")
    if shown[0] > max_messages:
        emit(f"… and {shown[0] - max_messages} more errors/warnings: see the articles table (status, error)")
    manifest["complete"] = True
    _write_json_atomic(layout.parts / MANIFEST, manifest)
    n = len(manifest["shards"])
    quote_parts = [_part(layout.parts, "quotes", i) for i in range(n)]
    if layout.quotes is None or layout.articles is None:
        summary.speakers_path = write_speakers(quote_parts, layout.speakers_path())
        summary.propagation_path = write_propagation(quote_parts, layout.propagation_path())
        return summary
    # a file output: build the four files beside the parts, then move them into place
    # together and mark the run finished; a run killed in between re-assembles from the parts
    staging = layout.parts / "final"
    speakers_path, propagation_path = layout.speakers_path(), layout.propagation_path()
    finals = [
        (staging / layout.articles.name, layout.articles),
        (staging / speakers_path.name, speakers_path),
        (staging / propagation_path.name, propagation_path),
        (staging / layout.quotes.name, layout.quotes),
    ]
    write_speakers(quote_parts, finals[1][0])
    write_propagation(quote_parts, finals[2][0])
    assemble(quote_parts, finals[3][0], QUOTE_COLUMNS)
    assemble([_part(layout.parts, "articles", i) for i in range(n)], finals[0][0], ARTICLE_COLUMNS)
    for tmp, final in finals:
        final.parent.mkdir(parents=True, exist_ok=True)
        os.replace(tmp, final)
    summary.speakers_path, summary.propagation_path = speakers_path, propagation_path
    _write_json_atomic(layout.done_marker(), {"fingerprint": fp, "summary": _summary_counts(summary), "files": [_file_stamp(f) for _, f in finals]})
    if not keep_parts:
        shutil.rmtree(layout.parts, ignore_errors=True)
        summary.parts_dir = None
    return summary


_COUNTS = ("n_articles", "n_quotes", "n_ok", "n_warnings", "n_errors")


def _summary_counts(summary: RunSummary) -> dict[str, int]:
    return {k: getattr(summary, k) for k in _COUNTS}


def _file_stamp(path: Path) -> list[Any]:
    st = path.stat()
    return [str(path), st.st_size, st.st_mtime_ns]


def _finished_run(layout: Layout, fp: dict[str, Any]) -> RunSummary | None:
    """The summary of the finished run of this same command whose files are still as it wrote them."""
    marker = layout.done_marker()
    try:
        done = json.loads(marker.read_text(encoding="utf-8"))
        if done.get("fingerprint") != json.loads(json.dumps(fp, default=str)):
            return None
        if any(_file_stamp(Path(f[0])) != f for f in done["files"]):
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
    for k in _COUNTS:
        setattr(summary, k, int(done["summary"][k]))
    summary.n_resumed = summary.n_articles
    return summary


def _clean_failed_start(layout: Layout, created: bool, existed: bool) -> None:
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


def _os_message(exc: OSError, input: str | Path) -> str:
    """One line naming the path and the problem of an operating-system error in a run."""
    where = str(exc.filename) if exc.filename else "the output"
    reading = exc.filename is not None and Path(str(exc.filename)).resolve().is_relative_to(Path(input).resolve())
    what = "cannot read the input" if reading else "cannot write the output"
    hint = "check its permissions" if reading else "choose a writable output path or free disk space"
    return f"{where}: {what} ({exc.strerror or type(exc).__name__}); {hint}"


def _skip(idx: int, records: list[Record], done: dict[int, dict[str, int]], summary: RunSummary, bar: Any) -> bool:
    if idx not in done:
        return False
    summary.add(done[idx])
    summary.n_resumed += len(records)
    bar.update(len(records))
    return True


def _run_local(
    records: Iterator[Record],
    layout: Layout,
    options: BatchOptions,
    done: dict[int, dict[str, int]],
    workers: int,
    commit: Callable[[int, dict[str, int], list[str]], None],
    summary: RunSummary,
    bar: Any,
) -> None:
    shards: dict[int, tuple[list[Record], dict[int, Result], list[int]]] = {}  # idx → (records, results, [batches left])
    pending: dict[Future[list[Result]], tuple[int, list[int], int]] = {}  # future → (shard, positions, attempt)
    pool: _Pool | _Inline | None = None
    max_inflight = max(2, 3 * workers)

    def finish(idx: int) -> None:
        recs, results, _ = shards.pop(idx)
        qrows, arows, msgs, counts = shard_rows(recs, results)
        write_shard(layout.parts, idx, qrows, arows)
        commit(idx, counts, msgs)

    def submit(idx: int, positions: list[int], attempt: int) -> None:
        assert pool is not None
        recs = shards[idx][0]
        pending[pool.submit([recs[i].text for i in positions])] = (idx, positions, attempt)  # type: ignore[misc]

    def collect(block: bool) -> None:
        if not pending:
            return
        finished, _ = wait(list(pending), timeout=None if block else 0, return_when=FIRST_COMPLETED)
        broken = []
        for fut in finished:
            idx, positions, attempt = pending.pop(fut)
            try:
                res = fut.result()
            except BrokenProcessPool:
                broken.append((idx, positions, attempt))
                continue
            recs, results, left = shards[idx]
            for pos, r in zip(positions, res):
                results[pos] = r
            bar.update(len(positions))
            left[0] -= 1
            if left[0] == 0:
                finish(idx)
        if broken:
            assert pool is not None
            # a worker died (crash, out of memory, killed): redo the affected articles one by one
            for fut in list(pending):
                broken.append(pending.pop(fut))
            pool.restart()
            for idx, positions, attempt in broken:
                recs, results, left = shards[idx]
                left[0] -= 1
                if len(positions) == 1 and attempt >= 1:
                    results[positions[0]] = ("the worker process died while extracting this article (crash or out of memory)", [])
                    bar.update(1)
                    if left[0] == 0:
                        finish(idx)
                    continue
                for pos in positions:
                    left[0] += 1
                    submit(idx, [pos], attempt + 1 if len(positions) == 1 else 1)
                if left[0] == 0:
                    finish(idx)

    try:
        for idx, recs in _chunks(records, options.shard_size):
            if _skip(idx, recs, done, summary, bar):
                continue
            if pool is None:
                pool = _Inline(options) if workers <= 1 else _Pool(workers, options)
            work = [i for i, r in enumerate(recs) if r.error is None]
            bar.update(len(recs) - len(work))
            batches = [work[j : j + options.batch_size] for j in range(0, len(work), options.batch_size)]
            shards[idx] = (recs, {}, [len(batches)])
            if not batches:
                finish(idx)
                continue
            for positions in batches:
                while len(pending) >= max_inflight:
                    collect(block=True)
                submit(idx, positions, 0)
            collect(block=False)
        while pending:
            collect(block=True)
    finally:
        if pool is not None:
            pool.close()


def _run_dask(
    records: Iterator[Record],
    layout: Layout,
    options: BatchOptions,
    done: dict[int, dict[str, int]],
    workers: int,
    scheduler: str | None,
    commit: Callable[[int, dict[str, int], list[str]], None],
    summary: RunSummary,
    bar: Any,
) -> None:
    try:
        from distributed import Client, LocalCluster, wait as dwait
    except ImportError as exc:
        raise InputError('--engine dask needs dask and distributed: pip install "quoteattr[dask]"') from exc
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        n_workers = max(1, len(client.scheduler_info().get("workers", {})) or workers)
        pending: dict[Any, tuple[int, int]] = {}

        def collect(block: bool) -> None:
            res = dwait(list(pending), timeout=None, return_when="FIRST_COMPLETED") if block else None
            ready = [f for f in pending if f.done()] if not block else list(res.done)  # type: ignore[union-attr]
            for fut in ready:
                idx, n = pending.pop(fut)
                counts, msgs = fut.result()
                commit(idx, counts, msgs)
                bar.update(n)

        for idx, recs in _chunks(records, options.shard_size):
            if _skip(idx, recs, done, summary, bar):
                continue
            while len(pending) >= 2 * n_workers:
                collect(block=True)
            fut = client.submit(run_shard, idx, recs, str(layout.parts.resolve()), options, retries=2, pure=False, key=f"quoteattr-shard-{idx}-{time.time_ns()}")
            pending[fut] = (idx, len(recs))
        while pending:
            collect(block=True)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
