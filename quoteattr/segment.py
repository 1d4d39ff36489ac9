"""Paragraphs, quotation-mark spans and quote-aware sentences, on (normalized) text.

Everything here works on character offsets of the text as given, so it serves the spaCy
pipeline and plain-string callers alike.

Notes:
    Quote pairing follows the practice of Indonesian news sites, which mix straight and
    curly marks (“…", ”…”, "…”), sometimes leave a quote open at the end of a paragraph
    and reopen it on the next (multi-paragraph quotes), and sometimes forget to close it.
    Quote state is reset at paragraph boundaries unless the next paragraph reopens the
    quote (the convention BookNLP's ``litbank_quote`` also relies on).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

import regex

from quoteattr.quote_marks import AMBIGUOUS, CLOSERS, DOUBLE_MARKS, OPENERS  # the one quote-mark table
from quoteattr.tokenizer import abbreviations

_PARA = regex.compile(r"\n\s*\n|\n(?=\s*[\"“”„«‘'A-Z0-9(—–-])")
_MARK = regex.compile("[" + regex.escape(DOUBLE_MARKS) + "]")
_SPACE = regex.compile(r"\s")
#: Longest stretch an unclosed quote may claim in one paragraph.
MAX_UNCLOSED = 1200


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """A stretch of text inside quotation marks.

    Attributes:
        open: offset of the opening mark.
        start: first character of the quoted text (after the mark and spaces).
        end: end of the quoted text (before the closing mark and spaces).
        close: offset just after the closing mark (== ``end`` when unclosed).
        closed: whether a closing mark was found.
        single: single quotation marks (‘…’).
    """

    open: int
    start: int
    end: int
    close: int
    closed: bool = True
    single: bool = False


@dataclass(frozen=True, slots=True)
class Segment:
    """A paragraph or sentence: ``text[start:end]``."""

    start: int
    end: int


def paragraphs(text: str) -> list[Segment]:
    """Split on blank lines and on line breaks followed by a new paragraph's first character.

    Leading and trailing whitespace is trimmed from each paragraph; empty ones dropped.
    """
    raw: list[Segment] = []
    pos = 0
    for m in _PARA.finditer(text):
        _add_trimmed(text, pos, m.start(), raw)
        pos = m.end()
    _add_trimmed(text, pos, len(text), raw)
    # a paragraph that starts in lower case continues the previous one (a break left
    # by removed boilerplate or a scraper)
    out: list[Segment] = []
    for seg in raw:
        if out and text[seg.start].islower() and text[out[-1].end - 1] not in ".!?”\"":
            out[-1] = Segment(out[-1].start, seg.end)
        else:
            out.append(seg)
    return out


def _add_trimmed(text: str, start: int, end: int, out: list[Segment]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Segment(start, end))


def _can_open(text: str, i: int) -> bool:
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if nxt.isspace() and text[i] in AMBIGUOUS + CLOSERS:
        return False
    prev = text[i - 1] if i > 0 else " "
    if text[i] in OPENERS:
        return True
    if prev in ".!?" and nxt.isupper():
        return True  # 'tembaga."Dengan …': a quote glued to the previous sentence
    return prev.isspace() or prev in "([{—–-:;,/" or prev in DOUBLE_MARKS + "‘'" or i == 0


def _can_close(text: str, i: int) -> bool:
    prev = text[i - 1] if i > 0 else " "
    if text[i] in OPENERS and text[i] != "‟":
        nxt = text[i + 1] if i + 1 < len(text) else " "
        # “ used as a closer: only when clearly at a word's end.
        return not prev.isspace() and (nxt.isspace() or nxt in ",.;:!?)")
    if prev.isspace():
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if text[i] in AMBIGUOUS and i >= 2 and text[i - 2] in ",.!?" and nxt.islower():
            return True  # '… pihak manapun, "jelasnya.': a scraper moved the space before the closing mark
        return nxt.isspace() or nxt in ",.;:!?)" or i + 1 >= len(text)
    return True


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace()):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _first_sentence_end(text: str, start: int, limit: int) -> int:
    """End of the first sentence after ``start`` (a fallback end for unclosed quotes)."""
    m = regex.compile(r"[.!?…](?=\s+[A-Z“\"])").search(text, start, limit)
    return m.end() if m else limit


def quote_spans(text: str, paras: list[Segment] | None = None) -> list[QuoteSpan]:
    """Pair quotation marks into :class:`QuoteSpan` s, paragraph by paragraph.

    Double marks (“ ” " „ « ») are paired by their position (an opener follows a space
    or the start, a closer follows a word). A quote left open at a paragraph's end
    continues when the next paragraph starts with a mark, and otherwise ends there
    (``closed=False``). Single curly marks (‘…’) are paired only outside double quotes.
    """
    if paras is None:
        paras = paragraphs(text)
    spans: list[QuoteSpan] = []
    pending: tuple[int, int] | None = None  # (open offset, content start) carried over
    for pi, para in enumerate(paras):
        open_at: tuple[int, int] | None = pending
        pending = None
        marks = [m.start() for m in _MARK.finditer(text, para.start, para.end)]
        if open_at is not None and marks and marks[0] == para.start:
            marks = marks[1:]  # the reopening mark of a multi-paragraph quote
        for i in marks:
            if open_at is None:
                # a closing mark opening a paragraph closes nothing in it: the scraped text
                # turned the quote's opening mark ("” Kelihatannya, dia …")
                if _can_open(text, i) or (i == para.start and text[i] in CLOSERS and para.end - i > 3):
                    open_at = (i, i + 1)
                continue
            if _can_close(text, i):
                s, e = _strip(text, open_at[1], i)
                if e > s:
                    spans.append(QuoteSpan(open_at[0], s, e, i + 1, True))
                open_at = None
            elif _can_open(text, i):
                # A new quote opens while one is open: the first was never closed.
                limit = _first_sentence_end(text, open_at[1], i)
                s, e = _strip(text, open_at[1], limit)
                if e > s:
                    spans.append(QuoteSpan(open_at[0], s, e, e, False))
                open_at = (i, i + 1)
        if open_at is not None:
            nxt = paras[pi + 1] if pi + 1 < len(paras) else None
            if nxt is not None and text[nxt.start] in OPENERS + AMBIGUOUS and para.end - open_at[1] < 4 * MAX_UNCLOSED:
                pending = open_at
                continue
            limit = para.end
            if limit - open_at[1] > MAX_UNCLOSED:
                limit = _first_sentence_end(text, open_at[1], para.end)
            s, e = _strip(text, open_at[1], limit)
            if e > s:
                spans.append(QuoteSpan(open_at[0], s, e, e, False))
    spans.extend(_single_spans(text, paras, spans))
    spans.sort(key=lambda q: q.open)
    return spans


_SINGLE = regex.compile(r"(?<![\w])[‘'](?=\S)([^‘’'\n\"“”]{2,400}?)(?<=\S)[’'](?![\w])")


def _single_spans(text: str, paras: list[Segment], doubles: list[QuoteSpan]) -> list[QuoteSpan]:
    out = []
    starts = [q.open for q in doubles]
    for para in paras:
        for m in _SINGLE.finditer(text, para.start, para.end):
            k = bisect_right(starts, m.start()) - 1
            if k >= 0 and doubles[k].open <= m.start() < doubles[k].close:
                continue
            out.append(QuoteSpan(m.start(), m.start(1), m.end(1), m.end(), True, True))
    return out


@lru_cache(maxsize=1)
def _abbrev_set() -> frozenset[str]:
    return frozenset(a.lower() for a in abbreviations())


_BOUNDARY = regex.compile(r"(?:[.!?…]+|\.{3})[\"”’»)\]]*(?=\s+|$)|(?<=[\"”’»])(?=\s+[\"“„«])")
_NEXT_START = regex.compile(r"\s+([\"“„«‘(\[]?\s*[\p{Lu}\p{N}]|[\"“„«])")
_WORD_BEFORE = regex.compile(r"(\S+)$")


def sentences(text: str, paras: list[Segment] | None = None, quotes: list[QuoteSpan] | None = None) -> list[Segment]:
    """Quote-aware sentences: never split inside a quote, after an abbreviation or an initial.

    A quote of several sentences stays inside one sentence, together with its cue
    (“A. B,” kata X.). Paragraph ends always end a sentence.
    """
    if paras is None:
        paras = paragraphs(text)
    if quotes is None:
        quotes = quote_spans(text, paras)
    inside = sorted((q.start, q.end) for q in quotes if not q.single)
    qstarts = [s for s, _ in inside]
    abbrevs = _abbrev_set()
    out: list[Segment] = []
    for para in paras:
        pos = para.start
        for m in _BOUNDARY.finditer(text, para.start, para.end):
            end = m.end()
            if end >= para.end:
                break
            k = bisect_right(qstarts, m.start()) - 1
            if k >= 0 and inside[k][0] <= m.start() < inside[k][1]:
                continue
            nxt = _NEXT_START.match(text, end, para.end)
            if not nxt:
                continue
            if text[m.start()] == ".":
                wb = _WORD_BEFORE.search(text, max(para.start, m.start() - 30), m.start() + 1)
                word = wb.group(1).lower() if wb else ""
                word = word.lstrip("(\"“'‘[")
                if word in abbrevs or regex.fullmatch(r"\p{Lu}\.", wb.group(1) if wb else "") or regex.fullmatch(r"(?:\p{L}\.){2,}", word):
                    continue
            s, e = _strip(text, pos, end)
            if e > s:
                out.append(Segment(s, e))
            pos = end
        s, e = _strip(text, pos, para.end)
        if e > s:
            out.append(Segment(s, e))
    return out
