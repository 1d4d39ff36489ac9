"""One entity, one canonical name: short forms the article defines, linked to their full form.

News introduces an organization or a person once in full with a short form in parentheses
(*Komisi Pemberantasan Korupsi (KPK)*, *Bank Indonesia (BI)*, *Ahmad Heryawan (Aher)*) and then
uses the short form. GUIDELINES.md asks for the fullest name in the article, so a speaker named
by a defined short form takes the full form, and a speaker mention read inside the full form
(*Badan Meteorologi, Klimatologi, dan Geofisika (BMKG) meminta …* read as "Geofisika") takes it
whole.

The short form must be an abbreviation of the long form, found as Schwartz & Hearst (2003) do:
its letters, right to left, match letters of the long form, the first one a word's initial;
"Budi Santoso (PDIP)" or "Rina (34)" define nothing.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace

import regex

from quoteattr.types import Quote

_PAREN = regex.compile(r"\(\s*([\p{Lu}][\p{L}\p{N}.&'’-]*(?:\s+[\p{L}\p{N}.&'’-]+){0,3})\s*\)")
_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}.&'’-]*")
#: lower-case words a long form may hold (Komisi untuk Orang Hilang dan Korban Tindak Kekerasan)
_INNER = frozenset({"dan", "untuk", "dari", "di", "pada", "se", "serta", "&", "of", "the", "for", "and", "de", "la", "del"})


@dataclass(frozen=True, slots=True)
class Definition:
    """A short form the article defines, with its long form and where the long form is."""

    short: str
    long: str
    start: int
    end: int


def _fold(s: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", s).casefold().split())


def long_form(short: str, candidate: str) -> str | None:
    """The shortest end of ``candidate`` that ``short`` abbreviates (Schwartz & Hearst), if any."""
    s = [c for c in short.lower() if c.isalnum()]
    text = candidate.lower()
    if len(s) < 2 or not text:
        return None
    si, li = len(s) - 1, len(text) - 1
    while si >= 0:
        c = s[si]
        while li >= 0 and (text[li] != c or (si == 0 and li > 0 and text[li - 1].isalnum())):
            li -= 1
        if li < 0:
            return None
        li -= 1
        si -= 1
    start = li + 1
    while start > 0 and candidate[start - 1].isalnum():
        start -= 1
    out = candidate[start:].strip(" ,")
    return out or None


def definitions(text: str) -> list[Definition]:
    """Every ``Long Form (SHORT)`` the text defines."""
    out: list[Definition] = []
    for m in _PAREN.finditer(text):
        short = m.group(1).strip()
        if any(ch.isdigit() for ch in short) and not any(ch.isalpha() for ch in short):
            continue
        # the long form: the capitalized run (with inner function words and commas) before "("
        before = text[max(0, m.start() - 200) : m.start()].rstrip()
        words = list(_WORD.finditer(before))
        n_letters = sum(c.isalnum() for c in short)
        window = min(n_letters + 5, 2 * n_letters)
        k = len(words)
        taken = 0
        while k > 0 and taken < window:
            w = words[k - 1].group()
            gap = before[words[k - 1].end() : words[k].start()] if k < len(words) else ""
            if gap.strip(" ,") != "" or (not w[:1].isupper() and w.lower() not in _INNER):
                break
            k -= 1
            taken += 1
        if k == len(words):
            continue
        span_start = words[k].start()
        cand = before[span_start:]
        lf = long_form(short, cand)
        if lf is None or len(lf.split()) < 2 and _fold(lf) == _fold(short):
            continue
        if not lf[:1].isupper() or _fold(lf) == _fold(short):
            continue
        offset = max(0, m.start() - 200) + len(before) - len(lf)
        out.append(Definition(short, lf, offset, offset + len(lf)))
    return out


def link_short_forms(quotes: list[Quote], text: str, source: str | None = None) -> list[Quote]:
    """Speakers named by a defined short form (or read inside a long form) take the long form.

    A mention read inside a long form (*… dan Geofisika (BMKG) meminta* read as "Geofisika")
    becomes the whole long form as written in ``source`` (the text the offsets point into), and
    an acronym's long form speaks as an organization.
    """
    defs = definitions(text)
    if not defs:
        return quotes
    source = text if source is None else source
    by_short: dict[str, str] = {}
    for d in defs:
        by_short.setdefault(_fold(d.short), d.long)
    out = []
    for q in quotes:
        name = q.speaker_name
        new = by_short.get(_fold(name)) if name else None
        if new is None and q.speaker is not None and q.speaker_start is not None:
            inside = next((d for d in defs if d.start <= q.speaker_start and q.speaker_end is not None and q.speaker_end <= d.end + len(d.short) + 4), None)
            if inside is not None and (name is None or _fold(inside.long).endswith(_fold(name))):
                stype = "organization" if inside.short.isupper() else q.speaker_type
                out.append(replace(q, speaker_name=inside.long, speaker=source[inside.start : inside.end], speaker_start=inside.start, speaker_end=inside.end, speaker_type=stype))
                continue
            if name is None:
                new = by_short.get(_fold(q.speaker))
        out.append(replace(q, speaker_name=new) if new and new != name else q)
    return out
