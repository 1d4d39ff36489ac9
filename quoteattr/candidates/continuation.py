"""Continuation quotes: a quote with no cue of its own that opens a sentence or paragraph."""

from __future__ import annotations

from bisect import bisect_right

from quoteattr.article import Article
from quoteattr.candidates.clauses import trim_end
from quoteattr.candidates.direct import sentence_like
from quoteattr.candidates.record import Candidate
from quoteattr.mentions import QUOTE_MARK_CHARS


def add_continuations(art: Article, cands: list[Candidate], used_quotes: set[int]) -> None:
    """Quotes with no cue of their own that open a sentence or paragraph: the previous speaker's.

    ``cands`` is sorted by start. Every look-up (is the quote covered, the next cued direct
    quote, the previous attributed candidate) is a bisection over indexes built once, so an
    article of thousands of quotes costs n log n, not n².
    """
    static = list(cands)
    spans = _Intervals([(c.start, c.end) for c in static])
    nexts = [c for c in static if c.type == "direct" and c.pattern != "continuation"]
    next_starts = [c.start for c in nexts]
    # candidates that can pass their speaker on, as (end, position in ``cands``), by end, with
    # the latest position among those ending at or before each end
    passing = sorted((c.end, i) for i, c in enumerate(static) if c.mention is not None or c.pattern == "continuation")
    passing_ends = [e for e, _ in passing]
    latest: list[int] = []
    for _, i in passing:
        latest.append(max(i, latest[-1]) if latest else i)
    added: list[Candidate] = []  # continuations found here, in text order (doubles never overlap)
    added_spans = _Intervals([])
    for qi, q in enumerate(art.quotes):
        if qi in used_quotes or q.single:
            continue
        if spans.touches(q.start, q.end) or added_spans.touches(q.start, q.end):
            continue
        si = art.sent_of(q.open)
        sent = art.sents[si]
        if not sentence_like(art, q, sent):
            continue
        para = art.para_of(q.open)
        # the speaker: an adjacent following quote with a cue, else the previous quote's
        k = bisect_right(next_starts, q.close)
        nxt = nexts[k] if k < len(nexts) else None
        # the latest candidate before the quote that can pass its speaker on: a continuation
        # found here or a cued one, whichever ends later
        prv = next((c for c in reversed(added) if c.end <= q.open), None)
        k = bisect_right(passing_ends, q.open)
        cued = static[latest[k - 1]] if k else None
        if cued is not None and (prv is None or cued.end > prv.end):
            prv = cued
        source: Candidate | None = None
        if nxt and art.para_of(nxt.start) == para and _only_breaks(art.text[q.close : nxt.start]):
            source = nxt
        elif prv and para - prv.para <= 4:
            source = prv
        elif nxt and art.para_of(nxt.start) == para:
            source = nxt
        elif nxt and art.para_of(nxt.start) == para + 1 and _only_breaks(art.text[q.close : nxt.start]):
            # “…” ¶ “…,” ujar Alonso: the next paragraph opens with the speaker's cued quote
            source = nxt
        c = Candidate(
            type="direct", start=q.start, end=trim_end(art.text, q.start, q.end), pattern="continuation",
            mention=source.mention if source else None, closed=q.closed, para=para, sent=si,
        )
        c.fragments = [q]
        c.source = source
        cands.append(c)
        added.append(c)
        used_quotes.add(qi)
        added_spans.add(c.start, c.end)


def _only_breaks(gap: str) -> bool:
    """Nothing but spaces, line breaks and quote marks between two quotes."""
    return gap.strip(" \n" + "".join(QUOTE_MARK_CHARS)) == ""


class _Intervals:
    """Spans ``[start, end)`` added in order of start, asked whether any touches a span."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.starts: list[int] = []
        self.max_end: list[int] = []  # the largest end among the spans up to each position
        for s, e in sorted(spans):
            self.add(s, e)

    def add(self, start: int, end: int) -> None:
        assert not self.starts or start >= self.starts[-1], "spans are added in order of start"
        self.starts.append(start)
        self.max_end.append(max(end, self.max_end[-1]) if self.max_end else end)

    def touches(self, start: int, end: int) -> bool:
        """Whether a span holds ``start`` (``s <= start < e``) or starts in ``[start, end)``."""
        k = bisect_right(self.starts, start)
        if k and self.max_end[k - 1] > start:
            return True
        return k < len(self.starts) and self.starts[k] < end or (k > 0 and self.starts[k - 1] == start and start < end)
