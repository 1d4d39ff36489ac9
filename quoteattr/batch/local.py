"""The local executors of a batch run: this process (``workers=1``) or a pool of worker processes.

Workers load the pipeline once and receive batches of plain texts; they run the guarded
extraction (:func:`quoteattr.extraction.extract_texts`) and send back plain dicts, not spaCy
Docs. The main process keeps at most ``3 × workers`` batches in flight, builds each shard's
rows (:func:`quoteattr.extraction.record_rows`) when its last batch is back, and writes it.
A worker that dies (crash, out of memory) breaks the pool: it is restarted and the affected
articles are redone one by one, so the culprit is recorded and the others are not lost.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from quoteattr.batch.layout import Layout, chunks, write_shard
from quoteattr.batch.manifest import skip_finished
from quoteattr.batch.options import BatchOptions, RunSummary
from quoteattr.extraction import Result, extract_texts, get_nlp, record_rows
from quoteattr.io import Record

Commit = Callable[[int, dict[str, int], list[str]], None]
_DIED = "the worker process died while extracting this article (crash or out of memory)"


def _worker_init(model: str | None, max_chars: int, parent: int | None = None) -> None:
    """Set up a worker process: ignore Ctrl-C, die with the parent, load the pipeline."""
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
    """The task a worker process runs: one batch of texts, each article guarded."""
    return extract_texts(get_nlp(model, max_chars), texts, batch_size=batch_size, time_limit=time_limit, max_chars=max_chars)


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


class _LocalRun:
    """The shards in flight of a local run, their pending batches and the executor."""

    def __init__(self, layout: Layout, options: BatchOptions, workers: int, commit: Commit, bar: Any) -> None:
        self.layout, self.options, self.workers, self.commit, self.bar = layout, options, workers, commit, bar
        self.shards: dict[int, tuple[list[Record], dict[int, Result], list[int]]] = {}  # idx → (records, results, [batches left])
        self.pending: dict[Future[list[Result]], tuple[int, list[int], int]] = {}  # future → (shard, positions, attempt)
        self.pool: _Pool | _Inline | None = None
        self.max_inflight = max(2, 3 * workers)

    def add_shard(self, idx: int, recs: list[Record]) -> None:
        """Send a shard's readable articles out in batches (a shard with none is written at once)."""
        if self.pool is None:
            self.pool = _Inline(self.options) if self.workers <= 1 else _Pool(self.workers, self.options)
        work = [i for i, r in enumerate(recs) if r.error is None]
        self.bar.update(len(recs) - len(work))
        size = self.options.batch_size
        batches = [work[j : j + size] for j in range(0, len(work), size)]
        self.shards[idx] = (recs, {}, [len(batches)])
        if not batches:
            self.finish(idx)
            return
        for positions in batches:
            while len(self.pending) >= self.max_inflight:
                self.collect(block=True)
            self.submit(idx, positions, 0)
        self.collect(block=False)

    def finish(self, idx: int) -> None:
        """Write a shard whose batches are all back, and commit it."""
        recs, results, _ = self.shards.pop(idx)
        rows = record_rows(recs, results)
        write_shard(self.layout.parts, idx, rows.quotes, rows.articles)
        self.commit(idx, rows.counts, rows.messages)

    def submit(self, idx: int, positions: list[int], attempt: int) -> None:
        assert self.pool is not None
        recs = self.shards[idx][0]
        self.pending[self.pool.submit([recs[i].text for i in positions])] = (idx, positions, attempt)  # type: ignore[misc]

    def collect(self, block: bool) -> None:
        """Take in the finished batches (waiting for one if ``block``); a broken pool is restarted."""
        if not self.pending:
            return
        finished, _ = wait(list(self.pending), timeout=None if block else 0, return_when=FIRST_COMPLETED)
        broken = []
        for fut in finished:
            idx, positions, attempt = self.pending.pop(fut)
            try:
                res = fut.result()
            except BrokenProcessPool:
                broken.append((idx, positions, attempt))
                continue
            _, results, left = self.shards[idx]
            for pos, r in zip(positions, res):
                results[pos] = r
            self.bar.update(len(positions))
            left[0] -= 1
            if left[0] == 0:
                self.finish(idx)
        if broken:
            self._redo(broken)

    def _redo(self, broken: list[tuple[int, list[int], int]]) -> None:
        """A worker died (crash, out of memory, killed): restart the pool, redo the affected articles one by one."""
        assert self.pool is not None
        for fut in list(self.pending):
            broken.append(self.pending.pop(fut))
        self.pool.restart()
        for idx, positions, attempt in broken:
            _, results, left = self.shards[idx]
            left[0] -= 1
            if len(positions) == 1 and attempt >= 1:
                results[positions[0]] = (_DIED, [])
                self.bar.update(1)
                if left[0] == 0:
                    self.finish(idx)
                continue
            for pos in positions:
                left[0] += 1
                self.submit(idx, [pos], attempt + 1 if len(positions) == 1 else 1)
            if left[0] == 0:
                self.finish(idx)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.close()


def run_local(
    records: Iterator[Record],
    layout: Layout,
    options: BatchOptions,
    done: dict[int, dict[str, int]],
    workers: int,
    commit: Commit,
    summary: RunSummary,
    bar: Any,
) -> None:
    """Extract and write every shard not in ``done``, in this process or in ``workers`` worker processes."""
    state = _LocalRun(layout, options, workers, commit, bar)
    try:
        for idx, recs in chunks(records, options.shard_size):
            if not skip_finished(idx, recs, done, summary, bar):
                state.add_shard(idx, recs)
        while state.pending:
            state.collect(block=True)
    finally:
        state.close()
