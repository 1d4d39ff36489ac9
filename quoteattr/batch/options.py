"""What decides the rows of a batch run (:class:`BatchOptions`) and what a run did (:class:`RunSummary`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


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


COUNTS = ("n_articles", "n_quotes", "n_ok", "n_warnings", "n_errors")


def summary_counts(summary: RunSummary) -> dict[str, int]:
    """The article and quote counts of a summary (what the finished-run marker keeps)."""
    return {k: getattr(summary, k) for k in COUNTS}
