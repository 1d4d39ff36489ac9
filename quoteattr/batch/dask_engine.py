"""The Dask executor of a batch run: every shard is one task; the worker extracts it and writes its parts itself.

The output folder must be on storage every worker can reach. Tasks that fail are retried
(twice); a shard's parts are written atomically under fixed names, so a retried shard
replaces them whole and no row is written twice.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from quoteattr.batch.layout import Layout, chunks, write_shard
from quoteattr.batch.local import Commit
from quoteattr.batch.manifest import skip_finished
from quoteattr.batch.options import BatchOptions, RunSummary
from quoteattr.errors import InputError
from quoteattr.extraction import extract_records, get_nlp
from quoteattr.io import Record


def run_shard(idx: int, records: list[Record], parts: str, options: BatchOptions) -> tuple[dict[str, int], list[str]]:
    """Process and write one shard in this process (the task a Dask worker runs)."""
    nlp = get_nlp(options.model, options.max_chars)
    rows = extract_records(records, nlp, batch_size=options.batch_size, time_limit=options.time_limit, max_chars=options.max_chars)
    write_shard(Path(parts), idx, rows.quotes, rows.articles)
    return rows.counts, rows.messages


def run_dask(
    records: Iterator[Record],
    layout: Layout,
    options: BatchOptions,
    done: dict[int, dict[str, int]],
    workers: int,
    scheduler: str | None,
    commit: Commit,
    summary: RunSummary,
    bar: Any,
) -> None:
    """Send every shard not in ``done`` to a Dask worker (:func:`run_shard`), at most two per worker in flight."""
    try:
        from distributed import Client, LocalCluster
        from distributed import wait as dwait
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

        for idx, recs in chunks(records, options.shard_size):
            if skip_finished(idx, recs, done, summary, bar):
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
