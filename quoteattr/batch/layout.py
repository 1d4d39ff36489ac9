"""Where a batch run writes: the parts folder, the shard parts, the assembled files and the finished-run marker."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from quoteattr.batch.options import RunSummary, summary_counts
from quoteattr.io import Record, output_format, write_parquet_atomic
from quoteattr.schema import articles_frame, quotes_frame


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


def part_path(parts: Path, table: str, idx: int) -> Path:
    return parts / table / f"part-{idx:05d}.parquet"


def write_shard(parts: Path, idx: int, qrows: list[dict[str, Any]], arows: list[dict[str, Any]]) -> None:
    """Write a shard's two parts atomically, the articles part (the commit marker) last."""
    # a metadata column with no value in this shard stays a null column: it takes the other parts' type
    write_parquet_atomic(quotes_frame(qrows, empty=None), part_path(parts, "quotes", idx))
    write_parquet_atomic(articles_frame(arows, empty=None), part_path(parts, "articles", idx))


def write_json_atomic(path: Path, data: Any) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(data, indent=1, default=str), encoding="utf-8")
    os.replace(tmp, path)


def file_stamp(path: Path) -> list[Any]:
    """``[path, size, mtime_ns]``: a finished run's file is still as it wrote it when its stamp is the same."""
    st = path.stat()
    return [str(path), st.st_size, st.st_mtime_ns]


def chunks(records: Iterable[Record], size: int) -> Iterator[tuple[int, list[Record]]]:
    it = iter(records)
    idx = 0
    while chunk := list(islice(it, size)):
        yield idx, chunk
        idx += 1


def write_outputs(layout: Layout, n_shards: int, fp: dict[str, Any], summary: RunSummary, keep_parts: bool) -> None:
    """The corpus tables of a finished run; for a file output, the assembled files and the finished-run marker.

    A folder output gets ``speakers.parquet`` and ``propagation.parquet`` beside its parts.
    A file output's four files are built beside the parts, then moved into place together
    and the run is marked finished; a run killed in between re-assembles from the parts.
    """
    from quoteattr import schema
    from quoteattr.batch.tables import write_propagation, write_speakers
    from quoteattr.io import assemble

    quote_parts = [part_path(layout.parts, "quotes", i) for i in range(n_shards)]
    if layout.quotes is None or layout.articles is None:
        summary.speakers_path = write_speakers(quote_parts, layout.speakers_path())
        summary.propagation_path = write_propagation(quote_parts, layout.propagation_path())
        return
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
    assemble(quote_parts, finals[3][0], schema.QUOTE_COLUMNS)
    assemble([part_path(layout.parts, "articles", i) for i in range(n_shards)], finals[0][0], schema.ARTICLE_COLUMNS)
    for tmp, final in finals:
        final.parent.mkdir(parents=True, exist_ok=True)
        os.replace(tmp, final)
    summary.speakers_path, summary.propagation_path = speakers_path, propagation_path
    write_json_atomic(layout.done_marker(), {"fingerprint": fp, "summary": summary_counts(summary), "files": [file_stamp(f) for _, f in finals]})
    if not keep_parts:
        shutil.rmtree(layout.parts, ignore_errors=True)
        summary.parts_dir = None
