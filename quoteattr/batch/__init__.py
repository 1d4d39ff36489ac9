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

The package: :mod:`~quoteattr.batch.runner` (the resumable run), the executors
:mod:`~quoteattr.batch.local` (this process or a pool of worker processes, per-article
deadlines) and :mod:`~quoteattr.batch.dask_engine`, :mod:`~quoteattr.batch.manifest`
(fingerprint, finished shards, finished-run marker), :mod:`~quoteattr.batch.layout` (parts,
assembled files) and :mod:`~quoteattr.batch.tables` (the speakers and propagation tables).
The per-article work is the guarded core of :mod:`quoteattr.extraction`.
"""

from __future__ import annotations

from quoteattr.batch.dask_engine import run_shard
from quoteattr.batch.layout import Layout, write_shard
from quoteattr.batch.local import die_with_parent
from quoteattr.batch.manifest import MANIFEST
from quoteattr.batch.options import BatchOptions, RunSummary
from quoteattr.batch.runner import run
from quoteattr.batch.tables import write_propagation, write_speakers
from quoteattr.extraction import ERROR, OK, WARNING, extract_texts, get_nlp

__all__ = [
    "BatchOptions", "RunSummary", "run", "run_shard", "Layout", "write_shard", "write_speakers", "write_propagation",
    "die_with_parent", "extract_texts", "get_nlp", "MANIFEST", "OK", "WARNING", "ERROR",
]  # fmt: skip
