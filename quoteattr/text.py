"""Offset-preserving text clean-up for scraped Indonesian news.

Every function here returns a string of exactly the same length as its input, so a
character offset into the cleaned text is also an offset into the text the user gave.
That is what lets ``text[quote_start:quote_end] == quote`` hold for every row even when
the input carries HTML entities, tags, NUL bytes or page furniture.
"""

from __future__ import annotations

import html
from functools import lru_cache

import regex

from quoteattr.resources import load_json

_ENTITY = regex.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_TAG = regex.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]{0,500})?/?>|<!--.{0,2000}?-->", regex.DOTALL)
_BLOCK_TAG = regex.compile(r"</?(?:p|br|div|li|ul|ol|h[1-6]|blockquote|tr|table|section|article)\b", regex.I)
#: control characters, and the format/invisible marks scrapers leave (zero-width spaces and
#: joiners, direction marks, soft hyphens, word joiners, BOM; ``quoteattr.repair`` removes
#: them from the copy the rules read)
_CONTROL = regex.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\xad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u2028\u2029\ufeff\ufffd]"
)
_SPACES = regex.compile(r"[\xa0\u2000-\u200a\u202f\u205f\u3000\t]")
#: 12 or more punctuation marks in a row (no text has them; they make tokenizing quadratic)
_PUNCT_RUN = regex.compile(r"[\p{P}\p{S}]{12,}")


@lru_cache(maxsize=1)
def _boilerplate() -> tuple[regex.Pattern[str], regex.Pattern[str], regex.Pattern[str]]:
    data = load_json("boilerplate.json")
    line = regex.compile(
        r"(?im)^[ \t]*(?:" + "|".join(f"(?:{p})" for p in data["line_patterns"]) + r")[ \t]*$"
    )
    inline = regex.compile("|".join(f"(?:{p})" for p in data["inline_patterns"]))
    paragraph = regex.compile("|".join(f"(?:{p})" for p in data["inline_paragraph_patterns"]))
    return line, inline, paragraph


_WORD = regex.compile(r"\S+")


def _blank_paragraph(match: regex.Match[str]) -> str:
    # furniture that was a paragraph of its own: the next paragraph starts after it
    raw = match.group(0)
    keep = _next_paragraph_start(raw)
    n = len(raw) - keep
    return (" " * (n - 1) + "\n" if n else "") + raw[n:]


def _next_paragraph_start(raw: str) -> int:
    """How many trailing characters of a blanked headline run open the next paragraph: a
    title phrase that runs up to the end in capitalized words (*… Debut ke Indonesia Brand
    Manager SGMW Motor Indonesia Dian* | *Asmahani, menuturkan …*) is the next paragraph's
    subject, as a headline seldom ends in a title and a name."""
    from quoteattr.lexicon import speaker_lexicon

    words = list(_WORD.finditer(raw))
    colon = next((k for k, w in enumerate(words) if w.group(0).endswith(":")), None)
    if colon is None:
        return 0
    stretch = len(words)
    while stretch - 1 > colon + 1 and words[stretch - 1].group(0)[:1].isupper():
        stretch -= 1
    heads = speaker_lexicon().role_heads
    for k in range(max(stretch, colon + 2), len(words)):
        word = words[k].group(0).strip(",.:;").lower()
        if word in heads and words[k - 1].group(0).strip(",.").lower() not in heads:
            return len(raw) - words[k].start()
    return 0


_LINK_LABEL = regex.compile(r"\s*[\[(]?(?:baca|simak|lihat)\s+(?:juga|pula)\s*:?\s*[\])]?\s*", regex.IGNORECASE)
#: the most headline lines a "Baca juga:" label heads
_MAX_LINKS = 5


def _blank_link_lists(text: str) -> str:
    """``Baca juga:`` on a line of its own heads a list of headlines, one a line: blank them.

    A headline is short (at most 16 words) and does not end a sentence with a full stop or a
    colon; the list ends at the first line that is not one (the article goes on).
    """
    if "aca" not in text and "ACA" not in text:
        return text
    lines = text.split("\n")
    out = list(lines)
    k = 0
    while k < len(lines):
        if _LINK_LABEL.fullmatch(lines[k]) and lines[k].strip():
            j, taken = k + 1, 0
            while j < len(lines) and taken < _MAX_LINKS:
                ln = lines[j].strip()
                if not ln:
                    j += 1
                    continue
                if len(ln.split()) > 16 or ln.endswith((".", ":", ",")) or ln[:1] in "“\"'":
                    break
                out[j] = " " * len(lines[j])
                taken += 1
                j += 1
            k = j
        else:
            k += 1
    return "\n".join(out)


def _pad(replacement: str, length: int) -> str:
    # pad on the left: a mark keeps its contact with the word it opens or closes after
    # the spaces are stripped ("&quot;Ya" → '     "Ya')
    return " " * (length - len(replacement)) + replacement


def _entity(match: regex.Match[str]) -> str:
    raw = match.group(0)
    char = html.unescape(raw)
    if len(char) != 1 or char == raw:
        return raw
    if char in "\xa0\u200b":
        char = " "
    return _pad(char, len(raw))


def _tag(match: regex.Match[str]) -> str:
    raw = match.group(0)
    if _BLOCK_TAG.match(raw):
        return "\n" + " " * (len(raw) - 1)
    return " " * len(raw)


def normalize(text: str) -> str:
    """Clean ``text`` without moving any character.

    HTML entities become the character they stand for (padded with spaces), tags
    become spaces (block tags a line break), control characters, odd spaces and runs of
    a dozen or more punctuation marks become plain spaces, and boilerplate lines (``Baca juga: …``, ``ADVERTISEMENT``) are
    blanked, as are the same leftovers inside a line (a ``Baca juga: …`` headline run into
    the next paragraph ends in a line break, where that paragraph starts).

    Args:
        text: raw article text.

    Returns:
        A string with ``len(result) == len(text)``.

    Example:
        >>> normalize("&ldquo;Ya,&rdquo; kata Ani.")
        '      “Ya,      ” kata Ani.'
    """
    if "&" in text:
        text = _ENTITY.sub(_entity, text)
    if "<" in text:
        text = _TAG.sub(_tag, text)
    text = _CONTROL.sub(" ", text)
    text = _PUNCT_RUN.sub(lambda m: " " * len(m.group(0)), text)
    text = _SPACES.sub(" ", text)
    text = text.replace("\r\n", " \n").replace("\r", "\n")
    line, inline, paragraph = _boilerplate()
    text = _blank_link_lists(text)
    text = line.sub(lambda m: " " * len(m.group(0)), text)
    text = paragraph.sub(_blank_paragraph, text)
    text = inline.sub(lambda m: " " * len(m.group(0)), text)
    return text
