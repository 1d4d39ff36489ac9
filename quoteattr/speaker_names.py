"""Speaker names compared across articles: normalization, spelling folds, and which mentions read as names.

Used by :mod:`quoteattr.speakers` (see its docstring for how variants are merged).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from quoteattr.lexicon import speaker_lexicon

_APOSTROPHES = re.compile(r"['’‘`´]")
_PUNCT = re.compile(r"[^\w\s-]", re.UNICODE)
_SPLIT = re.compile(r"[\s,;]+")
_OLD_SPELLING = (("oe", "u"), ("dj", "j"), ("tj", "c"), ("sj", "sy"), ("nj", "ny"), ("ch", "kh"), ("y", "i"))
_DOUBLE = re.compile(r"(\w)\1+")
_NAME_TOKEN = re.compile(r"[^\W\d_][\w.'’-]*", re.UNICODE)


@dataclass(frozen=True)
class _Words:
    honorifics: frozenset[str]
    ranks_by_first: dict[str, tuple[tuple[str, ...], ...]]
    degrees: frozenset[str]
    not_name: frozenset[str]


@lru_cache(maxsize=1)
def _words() -> _Words:
    lex = speaker_lexicon()
    honor = frozenset(h.rstrip(".") for h in lex.honorifics)
    by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for r in lex.ranks:  # longest first (as in the lexicon)
        rank = tuple(w.rstrip(".") for w in r)
        by_first[rank[0]].append(rank)
    ranks = {k: tuple(v) for k, v in by_first.items()}
    degrees = frozenset(d.replace(".", "") for d in lex.degrees)
    not_name = frozenset(
        w.rstrip(".")
        for group in (lex.pronouns, lex.role_heads, lex.org_words, lex.honorifics, lex.descriptors, lex.determiners, lex.function_words)
        for w in group
    )
    return _Words(honor, ranks, degrees, not_name)


def _strip_titles(tokens: list[str]) -> list[str]:
    """Drop leading honorifics/ranks and trailing degrees, keeping at least one token."""
    w = _words()
    toks = list(tokens)
    low = [t.casefold().rstrip(".") for t in toks]
    changed = True
    while changed and len(toks) > 1:
        changed = False
        for rank in w.ranks_by_first.get(low[0], ()):
            n = len(rank)
            if n < len(toks) and tuple(low[:n]) == rank:
                toks, low = toks[n:], low[n:]
                changed = True
                break
        if not changed and low[0] in w.honorifics and len(toks) > 1:
            toks, low = toks[1:], low[1:]
            changed = True
    while len(toks) > 1 and low[-1].replace(".", "") in w.degrees:
        toks, low = toks[:-1], low[:-1]
    return toks


def clean_name(name: Any) -> str | None:
    """A speaker name for display: whitespace collapsed, honorifics, ranks and degrees removed.

    Args:
        name: a name as written (``None``/NA allowed).

    Returns:
        The cleaned name with its case kept, or ``None`` when nothing is left.

    Example:
        >>> clean_name("  Kombes  Pol. Budi   Santoso, S.H. ")
        'Budi Santoso'
    """
    if name is None:
        return None
    if not isinstance(name, str):
        import pandas as pd

        if pd.isna(name):
            return None
    return _clean(str(name))


@lru_cache(maxsize=65536)
def _clean(name: str) -> str | None:
    s = unicodedata.normalize("NFKC", name).strip()
    toks = [t for t in _SPLIT.split(s) if t and _PUNCT.sub("", t)]
    if not toks:
        return None
    return " ".join(_strip_titles(toks)) or None


def normalize_name(name: Any) -> str:
    """The comparison key of a name: cleaned, case-folded, punctuation-free tokens.

    Args:
        name: a name as written.

    Returns:
        Space-separated lower-case tokens ("" for an empty name).

    Example:
        >>> normalize_name("Dr. Ma’ruf  AMIN")
        'maruf amin'
    """
    cleaned = clean_name(name)
    if not cleaned:
        return ""
    s = _APOSTROPHES.sub("", cleaned.casefold())
    s = _PUNCT.sub(" ", s).replace("-", " ").replace("_", " ")
    return " ".join(s.split())


def _phonetic(token: str) -> str:
    for old, new in _OLD_SPELLING:
        token = token.replace(old, new)
    return _DOUBLE.sub(r"\1", token)


def _one_edit(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by at most one insertion, deletion or substitution."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + 1 :] == b[i + 1 :] if len(a) == len(b) else a[i:] == b[i + 1 :]


def _is_name_like(mention: Any) -> bool:
    """A mention that can serve as a name alias: 1–3 capitalized words, none a pronoun/role/title word."""
    if not isinstance(mention, str):
        return False
    toks = (clean_name(mention) or "").split()
    if not 1 <= len(toks) <= 3:
        return False
    not_name = _words().not_name
    for t in toks:
        core = _PUNCT.sub("", t)
        if (
            not _NAME_TOKEN.fullmatch(t)
            or not core
            or not core[0].isupper()
            or core.casefold() in not_name
            or t.casefold().rstrip(".") in not_name
        ):
            return False
    return True
