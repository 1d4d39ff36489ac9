"""Speech cues: the lexicon of verbs of saying, generated from roots in ``resources/cues.json``
(loaded with the other lists of that file into :class:`quoteattr.lexicon.Lexicon`).

Indonesian verbs of saying appear as bare roots after a quote (*kata*, *ujar*), with the
clitic *-nya* (*katanya*), with the active prefix meN- and a suffix (*mengatakan*,
*menjelaskan*), as passives (*dikatakan*, *ditambahkannya*) and with ber- (*berkata*).
The resource lists roots; this module generates the forms with the meN- nasal rules.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from quoteattr.errors import ResourceError
from quoteattr.resources import load_json

CueKind = Literal["post", "active", "passive", "menurut"]

_VOWELS = set("aeiou")
_CONSONANTS = set("bcdfghjklmnpqrstvwxyz")


@dataclass(frozen=True, slots=True)
class CueForm:
    """One surface form of a cue.

    Attributes:
        form: lower-case surface form (``mengatakan``).
        root: the root it comes from (``kata``).
        kind: ``post`` (after a quote: *kata X*, *ujarnya*), ``active`` (X *mengatakan*
            …), ``passive`` (*dikatakan X*, *ditambahkannya*), ``menurut``.
        clitic: the form ends in the pronoun clitic *-nya* (the speaker is in the cue).
        indirect: an active form that introduces reported speech.
        takes: what the active form needs before its reported content: ``content`` (any
            clause) or ``introducer`` (*bahwa*, *agar*, a comma … first; ``cues.json``).
    """

    form: str
    root: str
    kind: CueKind
    clitic: bool = False
    indirect: bool = False
    takes: str = "content"


def men(root: str) -> str:
    """Prefix ``root`` with meN-, applying the nasal assimilation rules.

    Example:
        >>> [men(r) for r in ("kata", "tegas", "sebut", "papar", "jelas", "nyata", "klaim")]
        ['mengata', 'menegas', 'menyebut', 'memapar', 'menjelas', 'menyata', 'mengklaim']
    """
    r = root.lower()
    first, second = r[0], r[1:2]
    cluster = second in _CONSONANTS and second not in "y"
    if first in _VOWELS:
        return "meng" + r
    if first in "gh":
        return "meng" + r
    if first == "k":
        return "meng" + (r if cluster else r[1:])
    if first == "t":
        return "men" + (r if cluster else r[1:])
    if first == "s":
        return ("men" + r) if cluster else ("meny" + r[1:])
    if first == "p":
        return "mem" + (r if cluster else r[1:])
    if first in "bfv":
        return "mem" + r
    if first in "cdjz":
        return "men" + r
    return "me" + r


def _forms(root: str, affix: str) -> list[tuple[str, CueKind]]:
    if affix == "post":
        return [(root, "post")]
    if affix == "bare":
        return [(root, "active")]
    if affix == "meN":
        return [(men(root), "active")]
    if affix == "meN-kan":
        return [(men(root) + "kan", "active")]
    if affix == "meN-i":
        return [(men(root) + "i", "active")]
    if affix == "di":
        return [("di" + root, "passive")]
    if affix == "di-kan":
        return [("di" + root + "kan", "passive")]
    if affix == "di-i":
        return [("di" + root + "i", "passive")]
    if affix == "ber":
        return [(("be" if root.startswith("r") else "ber") + root, "active")]
    raise ResourceError(f"cues.json: unknown affix {affix!r} for root {root!r}; use one of post, bare, meN, meN-kan, meN-i, di, di-kan, di-i, ber")


def _kind_of(form: str) -> CueKind:
    if form.startswith("me") or form.startswith("ber"):
        return "active"
    if form.startswith("di"):
        return "passive"
    return "post"


@lru_cache(maxsize=1)
def lexicon() -> dict[str, CueForm]:
    """Every cue form of the package's ``cues.json`` (see :func:`build_cues`), cached."""
    return build_cues(load_json("cues.json"))


def build_cues(data: Any) -> dict[str, CueForm]:
    """Every cue form (lower case, single or multi-word) → its :class:`CueForm`, from the
    contents of a ``cues.json``.

    Each form also gets its *-nya* variant (``katanya``, ``dikatakannya``) where that
    makes sense.
    """
    out: dict[str, CueForm] = {}

    def add(form: str, root: str, kind: CueKind, indirect: bool, takes: str, clitic: bool = True) -> None:
        form = form.lower()
        if form not in out:
            out[form] = CueForm(form, root, kind, False, indirect and kind == "active", takes)
        if clitic and kind in ("post", "passive") and not form.endswith("nya") and " " not in form:
            nya = form + "nya"
            if nya not in out:
                out[nya] = CueForm(nya, root, kind, True, indirect and kind == "active", takes)

    for verb in data["verbs"]:
        root = verb["root"]
        takes = verb.get("takes", "content")
        if takes not in ("content", "introducer"):
            raise ResourceError(f"cues.json: root {root!r} has takes={takes!r}; use 'content' or 'introducer'")
        for affix in verb.get("affixes", []):
            for form, kind in _forms(root, affix):
                add(form, root, kind, bool(verb.get("indirect")), takes, bool(verb.get("clitic", True)))
        for form in verb.get("forms", []):
            add(form, root, _kind_of(form), bool(verb.get("indirect")), takes)
    for form in data["menurut"]:
        out[form.lower()] = CueForm(form.lower(), "menurut", "menurut", form.lower().endswith("nya"), False)
    return out


def continuing_forms(cues: Mapping[str, CueForm], roots: Iterable[str]) -> frozenset[str]:
    """The active, non-clitic forms in ``cues`` of the given roots."""
    wanted = set(roots)
    return frozenset(f for f, c in cues.items() if c.root in wanted and c.kind == "active" and not c.clitic)
