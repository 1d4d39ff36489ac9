"""The records of the candidate stage: a :class:`Candidate` quote, and the sites
(:class:`QuoteSite`, :class:`CueSite`) the pattern functions read from."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from quoteattr.mentions import Mention
from quoteattr.segment import QuoteSpan, Segment

Pattern = Literal[
    "direct_cue_after",
    "direct_name_cue_after",
    "direct_cue_before",
    "direct_next_sentence",
    "continuation",
    "indirect_verb",
    "indirect_verb_learned",
    "indirect_menurut",
    "indirect_menurut_learned",
    "indirect_menurut_after",
    "indirect_cue_after",
    "indirect_passive",
    "indirect_passive_previous",
    "indirect_passive_topic",
    "indirect_passive_topic_learned",
]


@dataclass
class Candidate:
    """A quote found in the text, before speaker resolution.

    ``cue_start``/``cue_end`` are the character offsets of the cue word(s) (``None`` for a
    continuation); ``para``/``sent`` index the paragraph and sentence the pattern read.
    """

    type: str
    start: int
    end: int
    pattern: Pattern
    cue: str | None = None
    cue_start: int | None = None
    mention: Mention | None = None
    via: str | None = None
    closed: bool = True
    para: int = 0
    sent: int = 0
    fragments: list[QuoteSpan] = field(default_factory=list)
    #: for a continuation quote, the quote whose speaker it continues
    source: Candidate | None = None
    cue_end: int | None = None


@dataclass(frozen=True, slots=True)
class CueSite:
    """A cue word at token ``k`` of sentence ``si`` (tokens ``s_tok``–``e_tok``, segment ``sent``)
    in paragraph ``para``: what every indirect pattern reads from."""

    k: int
    s_tok: int
    e_tok: int
    sent: Segment
    si: int
    para: int


@dataclass(frozen=True, slots=True)
class QuoteSite:
    """A quote-mark span ``q`` in sentence ``si`` (``sent``; its tokens ``s_tok``–``e_tok`` run
    to the sentence of the closing mark) of paragraph ``para``: what every direct pattern reads."""

    q: QuoteSpan
    si: int
    sent: Segment
    s_tok: int
    e_tok: int
    para: int
