"""Repair of what scrapers do to news text, with a map back to the input's offsets.

Scrapers drop the space around link text (*GubernurRidwanKamil*, *KPKmenjerat*,
*Firmansyahingin*), join paragraphs into one line and leave invisible marks (U+200E,
U+200B, U+FEFF, soft hyphens) inside words. The attribution rules read a *repaired* copy
of the text: spaces inserted where words were glued, invisible marks removed. A
:class:`Repair` maps every offset of that copy back to the text the user gave, so
``quote``, ``speaker`` and every offset stay exact slices of the input while
``speaker_name`` and ``role`` are read from the spaced words (*Ridwan Kamil*).

Glued words are found by :mod:`quoteattr.glue`. Paragraph breaks lost in flattening are restored in place (a space becomes a line
break), which needs no offset map: see :func:`paragraph_breaks`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import regex

from quoteattr.glue import case_splits, glue_points, word_splits
from quoteattr.types import Quote

#: Format and invisible characters scrapers leave in text. ``normalize`` turns them into
#: spaces (same length); the repair removes them, or keeps a space where they separated
#: two words.
INVISIBLE = (
    "\u00ad\u180e\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064"
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
)
_INVISIBLE = regex.compile("[" + INVISIBLE + "]")
#: a sentence that ends inside a closing mark, then a capitalized sentence or a new quote
#: (measured on the dev set joined into one line: breaking before every quote that opens
#: after a sentence end gained one quote there and lost one on PFSA-ID, so it is not done)
_AFTER_CLOSE = regex.compile(r"(?<=[.!?…][\"”’])[ \t]+(?=[\"“„«]?\p{Lu})")
#: a line this long holds several paragraphs joined by a scraper
LONG_LINE = 700


def paragraph_breaks(text: str) -> list[int]:
    """Spaces in over-long lines (:data:`LONG_LINE` characters) of a text with no blank
    line that stand where a scraper joined two paragraphs: after a sentence that ends
    inside its closing quote mark when a capitalized sentence follows (``… tahap ini." Ia
    juga …``; in news a quote that ends with its sentence ends its paragraph). Turning each
    into a line break keeps every offset. Page furniture run into the text (a *Baca juga*
    headline) is blanked and ends in a line break in :func:`quoteattr.text.normalize`.

    Example:
        >>> t = "A kata dia. " * 60 + '"Ya." Ia pergi.'
        >>> [t[i - 5 : i + 3] for i in paragraph_breaks(t)]
        ['"Ya." Ia']
    """
    if "\n\n" in text:
        return []  # the text kept its paragraphs
    out: list[int] = []
    pos = 0
    for line in text.split("\n"):
        if len(line) >= LONG_LINE:
            for m in _AFTER_CLOSE.finditer(line):
                out.append(pos + m.start())
        pos += len(line) + 1
    return sorted(set(out))


def restore_paragraphs(text: str) -> str:
    """``text`` with the paragraph breaks of :func:`paragraph_breaks` restored (same length)."""
    points = paragraph_breaks(text)
    if not points:
        return text
    chars = list(text)
    for p in points:
        chars[p] = "\n"
    return "".join(chars)


@dataclass(frozen=True, slots=True)
class Repair:
    """A repaired copy of a text and the way back to the original offsets.

    Attributes:
        text: the repaired text (spaces inserted, invisible marks removed).
        origin: ``origin[i]`` is the offset in the original text of ``text[i]``; one extra
            entry maps ``len(text)`` to the original length.
    """

    text: str
    origin: tuple[int, ...]

    def start(self, i: int) -> int:
        """Original offset of a span starting at ``i`` in the repaired text."""
        return self.origin[i]

    def end(self, i: int) -> int:
        """Original offset of a span ending (exclusive) at ``i`` in the repaired text."""
        return self.origin[i - 1] + 1 if i > 0 else 0

    def quote(self, q: Quote, source: str) -> Quote:
        """``q`` (offsets into :attr:`text`) with its offsets and slices in ``source``."""
        qs, qe = self.start(q.quote_start), self.end(q.quote_end)
        ss = self.start(q.speaker_start) if q.speaker_start is not None else None
        se = self.end(q.speaker_end) if q.speaker_end is not None else None
        cs = self.start(q.cue_start) if q.cue_start is not None else None
        ce = self.end(q.cue_end) if q.cue_end is not None else None
        return replace(
            q,
            quote=source[qs:qe],
            quote_start=qs,
            quote_end=qe,
            speaker=source[ss:se] if ss is not None and se is not None else None,
            speaker_start=ss,
            speaker_end=se,
            cue_start=cs,
            cue_end=ce,
        )


#: ``doc.user_data`` key of the glue points the tokenizer found (reused by the attributor)
GLUE_KEY = "quoteattr_glue"


def repair(text: str, source: str | None = None, glue: list[int] | None = None) -> Repair | None:
    """Insert the lost spaces of ``text`` and drop its invisible marks.

    Args:
        text: normalized text (``quoteattr.text.normalize``: same length as ``source``).
        source: the text as given, where invisible marks are still visible (``normalize``
            made them spaces); defaults to ``text``.
        glue: :func:`glue_points` of ``text`` if already known (the tokenizer's).

    Returns:
        The repair, or ``None`` when the text needs none.

    Example:
        >>> r = repair("kata\\u200bRidwanKamil.")
        >>> r.text, r.origin[5], r.origin[12]
        ('kata Ridwan Kamil.', 5, 11)
    """
    source = text if source is None else source
    removed = {m.start() for m in _INVISIBLE.finditer(source)}
    if removed:
        # an invisible mark between two letters joins them; the glue rules then decide
        index = [i for i in range(len(text)) if i not in removed]
        joined = "".join(text[i] for i in index)
        glue = glue_points(joined)
    else:
        index = list(range(len(text)))
        joined = text
        if glue is None:
            glue = glue_points(text)
        if not glue:
            return None
    out: list[str] = []
    origin: list[int] = []
    glue_set = set(glue)
    for j, ch in enumerate(joined):
        if j in glue_set:
            out.append(" ")
            origin.append(index[j])
        out.append(ch)
        origin.append(index[j])
    origin.append(len(text))
    repaired = "".join(out)
    if removed:
        repaired, origin = _space_removed_gaps(repaired, origin, source, removed)
    return Repair(repaired, tuple(origin))


def _space_removed_gaps(text: str, origin: list[int], original: str, removed: set[int]) -> tuple[str, list[int]]:
    r"""Where a removed mark was all that separated two words (``kata\u200bAnies``) or a word
    and the quote mark after it (``kata\u200e“Ya``), put a space back; inside a word
    (``Ri\u00addwan``) and next to punctuation (``"\u200eMereka``) nothing stands there."""
    out: list[str] = []
    new_origin: list[int] = []
    for i, ch in enumerate(text):
        if i > 0 and origin[i] - origin[i - 1] > 1 and text[i - 1].isalnum():
            a, b = text[i - 1], ch
            if b.isalnum():
                soft = all(original[k] == "\u00ad" or k not in removed for k in range(origin[i - 1] + 1, origin[i]))
                space = not soft and b.isupper() and (a.islower() or a.isdigit())
            else:
                space = b in _OPENING
            if space:
                out.append(" ")
                new_origin.append(origin[i])
        out.append(ch)
        new_origin.append(origin[i])
    new_origin.append(origin[len(text)])
    return "".join(out), new_origin


#: marks that open a quote
_OPENING = "“„«‘\"'"


__all__ = [
    "GLUE_KEY", "INVISIBLE", "LONG_LINE", "Repair", "case_splits", "glue_points", "paragraph_breaks", "repair",
    "restore_paragraphs", "word_splits",
]
