"""The one table of quotation marks: every mark the segmenter, the tokenizer and the rules know.

Each mark has a kind (``double`` or ``single``), a role in pairing (``open``, ``close`` or
``either`` — the straight marks, whose role the segmenter reads from their position), and
whether the tokenizer splits it off words (``token``; the rules then see it as a token of its
own). Every set the package uses is derived from this table here, and nowhere else.
"""

from __future__ import annotations

from typing import Literal, NamedTuple


class QuoteMark(NamedTuple):
    kind: Literal["double", "single"]
    role: Literal["open", "close", "either"]
    token: bool


#: mark → (kind, role, split off words by the tokenizer)
QUOTE_MARKS: dict[str, QuoteMark] = {
    "“": QuoteMark("double", "open", True),
    "„": QuoteMark("double", "open", True),
    "‟": QuoteMark("double", "open", True),
    "«": QuoteMark("double", "open", True),
    "〝": QuoteMark("double", "open", False),
    "”": QuoteMark("double", "close", True),
    "»": QuoteMark("double", "close", True),
    "〞": QuoteMark("double", "close", False),
    '"': QuoteMark("double", "either", True),
    "＂": QuoteMark("double", "either", False),
    "‘": QuoteMark("single", "open", True),
    "‚": QuoteMark("single", "open", True),
    "‛": QuoteMark("single", "open", True),
    "’": QuoteMark("single", "close", True),
    "'": QuoteMark("single", "either", True),
    "`": QuoteMark("single", "either", True),
}


def _marks(kind: str | None = None, role: str | None = None, token: bool | None = None, exclude: str = "") -> str:
    return "".join(
        m for m, q in QUOTE_MARKS.items()
        if (kind is None or q.kind == kind) and (role is None or q.role == role) and (token is None or q.token == token) and m not in exclude
    )


#: double marks that open / close a quote, and the straight ones that may do either (segmenter)
OPENERS = _marks("double", "open")
CLOSERS = _marks("double", "close")
AMBIGUOUS = _marks("double", "either")
DOUBLE_MARKS = OPENERS + CLOSERS + AMBIGUOUS
#: single marks that open / close a quote (segmenter)
SINGLE_OPEN = _marks("single", "open")
SINGLE_CLOSE = _marks("single", "close")
#: every mark the tokenizer splits off words: the rules' test for "a quote mark token"
TOKEN_MARKS = frozenset(_marks(token=True))
#: regex character classes of the tokenizer: marks split off as prefixes and suffixes (the
#: apostrophe stays inside words: *Ma'ruf*), and double marks split inside a token
TOKEN_AFFIX_CLASS = "[" + "".join("\\" + m if m in '"' else m for m in _marks(token=True, exclude="'")) + "]"
TOKEN_INFIX_CLASS = "[" + "".join("\\" + m if m in '"' else m for m in _marks("double", token=True)) + "]"
