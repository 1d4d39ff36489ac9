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
    ``cue_start``/``cue_end`` are the cue's offsets (None when there is no cue word); ``pattern`` the id of the rule that found the quote; ``paragraph``/``sentence`` the 0-based index, in the article, of the paragraph and sentence where the quote starts.
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
    cue_start: int | None = None
    cue_end: int | None = None
    pattern: str | None = None
    paragraph: int | None = None
    sentence: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """The record as a plain dict (JSON-ready), fields in schema order."""
        return asdict(self)
