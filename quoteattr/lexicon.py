"""Word lists for speakers and roles, loaded once from ``resources/speakers.json`` and ``roles.json``."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from quoteattr.resources import load_json


@dataclass(frozen=True)
class SpeakerLexicon:
    """Lower-cased word sets used to read speaker mentions (see ``speakers.json``)."""

    pronouns: frozenset[str]
    plural_pronouns: frozenset[str]
    honorifics: frozenset[str]
    ranks: tuple[tuple[str, ...], ...]
    degrees: frozenset[str]
    role_heads: frozenset[str]
    org_words: frozenset[str]
    place_words: frozenset[str]
    descriptors: frozenset[str]
    determiners: frozenset[str]
    function_words: frozenset[str]
    adverbs: frozenset[str]
    adjunct_starters: frozenset[str]
    days: frozenset[str]
    role_words_lower: frozenset[str]
    org_speakers: frozenset[str]
    jurisdiction_heads: frozenset[str]
    balinese_names: frozenset[str]
    name_starters: frozenset[str]
    org_name_heads: frozenset[str]
    connectors: frozenset[str]
    anaphoric_heads: frozenset[str]
    not_role_heads: frozenset[str]
    representative_words: frozenset[str]
    role_modifiers: tuple[tuple[str, ...], ...] = ()
    org_phrase_words: Mapping[str, frozenset[str]] = field(default_factory=dict)
    relational_heads: tuple[tuple[str, ...], ...] = ()
    rank_words: frozenset[str] = frozenset()  # every word of every rank (Jenderal, TNI, Besar)
    group_heads: frozenset[str] = frozenset()  # heads of group / unnamed-source descriptions (warga, sumber)
    document_heads: frozenset[str] = frozenset()  # documents, data and media (data, survei, laporan, UU)

    def is_role_word(self, lower: str) -> bool:
        """A word that belongs to a role or an organization, never to a person's name."""
        return (
            lower in self.role_heads
            or lower in self.org_words
            or lower in self.place_words
            or lower in self.honorifics
            or lower in self.degrees
        )


def _words(items: list[str]) -> frozenset[str]:
    out = set()
    for item in items:
        item = item.lower()
        out.add(item)
        for part in item.split():
            if " " in item:
                continue
            out.add(part)
    return frozenset(out)


def _first_words(items: list[str]) -> frozenset[str]:
    return frozenset(w for item in items for w in item.lower().split())


@lru_cache(maxsize=1)
def speaker_lexicon() -> SpeakerLexicon:
    """The speaker lexicon, cached."""
    d = load_json("speakers.json")
    ranks = tuple(sorted((tuple(r.lower().split()) for r in d["ranks"]), key=len, reverse=True))
    return SpeakerLexicon(
        pronouns=_words(d["pronouns"]),
        plural_pronouns=_words(d["plural_pronouns"]),
        honorifics=_words(d["honorifics"]),
        ranks=ranks,
        degrees=_words(d["degrees"]),
        role_heads=_first_words(d["role_heads"]),
        org_words=_words(d["org_words"]),
        place_words=_words(d["place_words"]),
        descriptors=_first_words(d["descriptors"]),
        determiners=_first_words(d["determiners"]),
        function_words=_words(d["function_words"]),
        adverbs=_words(d["adverbs"]),
        adjunct_starters=_first_words(d["adjunct_starters"]),
        days=_words(d["days"]),
        role_words_lower=_words(d["role_words_lower"]),
        org_speakers=frozenset(x.lower() for x in d["organization_speakers"]),
        jurisdiction_heads=frozenset(x.lower() for x in d["jurisdiction_heads"]),
        balinese_names=frozenset(x.lower() for x in d["balinese_names"]),
        name_starters=frozenset(x.lower() for x in d["name_starters"]),
        org_name_heads=frozenset(x.lower() for x in d["org_name_heads"]),
        connectors=frozenset(x.lower() for x in d["connectors"]),
        anaphoric_heads=frozenset(x.lower() for x in d["anaphoric_heads"]),
        not_role_heads=frozenset(x.lower() for x in d["not_role_heads"]),
        representative_words=frozenset(x.lower().split()[0] for x in d["representative_words"]),
        role_modifiers=tuple(tuple(x.lower().split()) for x in d["role_modifiers"]),
        org_phrase_words={w.lower(): frozenset(h.lower() for h in heads) for w, heads in d["org_phrase_words"].items()},
        relational_heads=tuple(sorted((tuple(x.lower().split()) for x in d["relational_heads"]), key=len, reverse=True)),
        rank_words=frozenset(w for r in ranks for w in r),
        group_heads=_words(d["group_heads"]),
        document_heads=_words(d["document_heads"]),
    )
