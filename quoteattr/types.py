"""Typed, frozen result records. Offsets are Python ``str`` offsets into the input text."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal

QuoteType = Literal["direct", "indirect", "mixed"]
SpeakerType = Literal["person", "organization", "unknown"]


@dataclass(frozen=True, slots=True)
class Quote:
    """One quote in one article.

    ``text[quote_start:quote_end] == quote`` always holds for the article text the
    quote was extracted from; ``speaker_start``/``speaker_end`` are ``None`` when the
    speaker mention is not in the text (continuation quotes).
    """

    type: QuoteType
    quote: str
    quote_start: int
    quote_end: int
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_name: str | None = None
    speaker_type: SpeakerType = "unknown"
    role: str | None = None
    cue: str | None = None
    via: str | None = None
    confidence: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        """The record as a plain dict (JSON-ready), fields in schema order."""
        return asdict(self)
