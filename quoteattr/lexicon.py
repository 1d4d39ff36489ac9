"""One Lexicon: every word list the rules read, loaded from a resources directory.

:class:`Lexicon` gathers the speaker words (``resources/speakers.json``), the speech cues
generated from ``resources/cues.json``, the named word lists of ``resources/words.json``, the
common words, place names and name words. :meth:`Lexicon.load` reads them from
``quoteattr/resources`` or from a directory of your own (files missing there are taken from
the package); the pipeline component loads one and passes it down through the
:class:`~quoteattr.article.Article` to every rule. :func:`default_lexicon` is the package's,
loaded once, for callers that pass none.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from quoteattr.cues import CueForm, build_cues, continuing_forms
from quoteattr.errors import ResourceError
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
    #: the listed titles of two words or more, lower case (*kepala sekolah*, *juru bicara*)
    title_phrases: frozenset[tuple[str, ...]] = frozenset()
    title_relational_heads: frozenset[tuple[str, ...]] = frozenset()  # relations that are also titles (pengacara, juru bicara)
    rank_words: frozenset[str] = frozenset()  # every word of every rank (Jenderal, TNI, Besar)
    rank_edge_words: frozenset[str] = frozenset()  # the first and the last word of every rank
    group_heads: frozenset[str] = frozenset()  # heads of group / unnamed-source descriptions (warga, sumber)
    document_heads: frozenset[str] = frozenset()  # documents, data and media (data, survei, laporan, UU)

    def rank_at_start(self, lows: Sequence[str], shorter_than: int | None = None) -> tuple[str, ...] | None:
        """The longest rank the words open with, shorter than ``shorter_than`` words if given
        (``lows``: the words lower-cased, final full stops removed: *Ajun Komisaris Besar*)."""
        for rank in self.ranks:
            if tuple(lows[: len(rank)]) == rank and (shorter_than is None or len(rank) < shorter_than):
                return rank
        return None

    def rank_at_end(self, lows: Sequence[str]) -> tuple[str, ...] | None:
        """The longest rank the words end with (``lows`` as for :meth:`rank_at_start`)."""
        n = len(lows)
        for rank in self.ranks:
            if len(rank) <= n and tuple(lows[n - len(rank) :]) == rank:
                return rank
        return None

    def is_role_word(self, lower: str) -> bool:
        """A word that belongs to a role or an organization, never to a person's name."""
        return (
            lower in self.role_heads
            or lower in self.org_words
            or lower in self.place_words
            or lower in self.honorifics
            or lower in self.degrees
        )

    def is_honorific(self, word: str) -> bool:
        """An honorific, written with or without its final full stop (*Dr.*, *dr*, *K.H.*, *Hj*):
        the one test the name side and the role side strip honorifics with."""
        low = word.lower()
        return low in self.honorifics or low.rstrip(".") in self.honorifics


class WordLists:
    """The named word lists of ``resources/words.json`` as attributes (``words.content_introducers``):
    frozensets, or tuples for lists named ``*_prefixes``."""

    def __init__(self, lists: Mapping[str, Iterable[str]]) -> None:
        for name, words in lists.items():
            setattr(self, name, tuple(words) if name.endswith("_prefixes") else frozenset(words))

    def __getattr__(self, name: str) -> Any:  # only called for a name that is not set
        raise ResourceError(f"words.json has no list {name!r}; add it there with a 'doc' and its 'words'")


@dataclass(frozen=True)
class Lexicon(SpeakerLexicon):
    """Every word list the rules read (see the module notes); a :class:`SpeakerLexicon` with more."""

    #: every cue form (lower case) → its :class:`~quoteattr.cues.CueForm` (``cues.json``)
    cues: Mapping[str, CueForm] = field(default_factory=dict)
    #: verbs and nouns that together report speech (*memberikan penegasan*)
    peri_verbs: frozenset[str] = frozenset()
    peri_nouns: frozenset[str] = frozenset()
    #: nouns of feeling that make a speech verb's object a topic; negators; denial roots
    topic_nouns: frozenset[str] = frozenset()
    negators: frozenset[str] = frozenset()
    denial_roots: frozenset[str] = frozenset()
    #: the other phrase lists of ``cues.json`` (passive subjects, via phrases, outlets …)
    phrases: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: active forms of the continuing roots (*menambahkan*, *melanjutkan*)
    continuing_verbs: frozenset[str] = frozenset()
    #: words written in lower case in running text; words of Indonesian place names
    common_words: frozenset[str] = frozenset()
    #: every word form IndoSum writes in lower case (``vocabulary.json``), the common words and roots
    running_text: frozenset[str] = frozenset()
    #: the words news text is seen to write in lower case (IndoSum's and the NER sets'): the running
    #: text without the roots no article was seen to write (*juan*, *dian* are roots, and names)
    written_lower: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    #: capitalized words the NER sets tag inside / never inside person names (``name_words.json``)
    person_name_words: frozenset[str] = frozenset()
    nonperson_name_words: frozenset[str] = frozenset()
    #: the given names of the train split's speakers (``given_names.json``: *Valentino*, *Febri*)
    given_names: frozenset[str] = frozenset()
    #: initials that name one well-known person (*SBY*, *JK*; ``aliases.json``)
    person_acronyms: frozenset[str] = frozenset()
    #: capitalized words that never belong to a name: cues, function words, days, pronouns …
    stop_words: frozenset[str] = frozenset()
    #: the named lists of ``words.json``
    words: WordLists = field(default_factory=lambda: WordLists({}))
    #: root words (``root_words.json``): a capitalized word built from one with nominal affixes
    #: is a common noun (:func:`quoteattr.mentions.derived_noun`), with its answers cached here
    roots: frozenset[str] = frozenset()
    derived_nouns: dict[str, bool] = field(default_factory=dict, compare=False, repr=False)
    #: well-known nicknames by full name (``aliases.json``: *Joko Widodo* → *Jokowi*)
    aliases: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: role-only mentions and the stated roles they match (``roles.json``: *presiden* → *presiden ri* …)
    role_aliases: Mapping[str, list[str]] = field(default_factory=dict)
    #: structures the rules derive from the lists once per lexicon (by name)
    cache: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def load(cls, resources: str | Path | None = None) -> Lexicon:
        """The lexicon of a resources directory (default: the package's ``quoteattr/resources``).

        A file missing from ``resources`` is read from the package, so a directory holding
        only an edited ``cues.json`` or ``speakers.json`` is enough.
        """
        return build_lexicon(_reader(resources))


def _reader(resources: str | Path | None) -> Callable[[str], Any]:
    def read(name: str) -> Any:
        if resources is not None and (Path(resources) / name).is_file():
            try:
                return json.loads((Path(resources) / name).read_text(encoding="utf-8"))
            except json.JSONDecodeError as exc:
                raise ResourceError(f"{Path(resources) / name} is not valid JSON: {exc}; fix the file") from exc
        return load_json(name)

    return read


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


def _with_particle(pronouns: frozenset[str]) -> frozenset[str]:
    """The pronouns and their forms written with the particle *-pun* glued on (*Iapun*,
    *merekapun*; standard spelling keeps it apart: *Ia pun*)."""
    return pronouns | frozenset(p + "pun" for p in pronouns if p.isalpha() and not p.endswith("nya"))


def _degree_forms(items: list[str], words: frozenset[str] = frozenset()) -> frozenset[str]:
    """Degrees with their generated spellings: without the final dot, with it, and (three
    letters or more, and no word of running text in ``words``) without any dot (*m.hum* ->
    *m.hum.*, *mhum*; *sp.kj* -> *spkj*; *sp.ot* keeps no *spot*)."""
    out = set(_words(items))
    for item in items:
        bare = item.lower().rstrip(".")
        if " " in bare:
            continue
        out |= {bare, bare + "."} if "." in bare else {bare}
        undotted = bare.replace(".", "")
        if len(undotted) >= 3 and undotted not in words:
            out.add(undotted)
    return frozenset(out)


def _first_words(items: list[str]) -> frozenset[str]:
    return frozenset(w for item in items for w in item.lower().split())


def _speaker_fields(d: Mapping[str, Any], running_text: frozenset[str] = frozenset()) -> dict[str, Any]:
    """The :class:`SpeakerLexicon` fields from ``speakers.json`` (its groups flattened)."""
    d = _flatten(d)
    ranks = tuple(sorted((tuple(r.lower().split()) for r in d["ranks"]), key=len, reverse=True))
    return dict(
        pronouns=_with_particle(_words(d["pronouns"])),
        plural_pronouns=_with_particle(_words(d["plural_pronouns"])),
        honorifics=_words(d["honorifics"]),
        ranks=ranks,
        degrees=_degree_forms(d["degrees"], running_text),
        role_heads=_first_words(d["role_heads"]),
        title_phrases=frozenset(tuple(x.lower().split()) for x in d["role_heads"] if " " in x.strip()),
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
        title_relational_heads=frozenset(tuple(x.lower().split()) for x in d["title_relational_heads"]),
        rank_words=frozenset(w for r in ranks for w in r),
        rank_edge_words=frozenset(w for r in ranks if r for w in (r[0], r[-1])),
        group_heads=_words(d["group_heads"]),
        document_heads=_words(d["document_heads"]),
    )


def _flatten(d: Mapping[str, Any]) -> dict[str, Any]:
    """``speakers.json`` groups its lists (a group is an object with an ``_about``); the lists by name."""
    out: dict[str, Any] = {}
    for key, value in d.items():
        if isinstance(value, Mapping) and "_about" in value:
            out.update((k, v) for k, v in value.items() if not k.startswith("_"))
        elif not key.startswith("_"):
            out[key] = value
    return out


def build_lexicon(read: Callable[[str], Any]) -> Lexicon:
    """The :class:`Lexicon` of the resource files ``read(name)`` returns (parsed JSON)."""
    # words of running text: no degree is generated in their spelling (spot for Sp.OT)
    common_words = frozenset(read("common_words.json")["words"])
    roots = frozenset(read("root_words.json")["roots"])
    written_lower = frozenset(read("vocabulary.json")["lower"]) | common_words
    running_text = written_lower | roots
    fields = _speaker_fields(read("speakers.json"), running_text)
    cue_data = read("cues.json")
    cues = build_cues(cue_data)
    phrases = {
        "passive_subjects": tuple(cue_data["passive_subjects"]),
        "clause_starters": tuple(cue_data["clause_starters"]),
        "via_before": tuple(cue_data["via"]["before"]),
        # longest first: the first that matches is the whole outlet ("BBC Sport" before "BBC")
        "outlets": tuple(sorted(set(cue_data["via"]["outlet_hints"]) | set(read("outlets.json")["outlets"]), key=lambda o: (-len(o), o))),
        "naming_roots": tuple(cue_data.get("naming_roots", [])),
        "continuing_roots": tuple(cue_data.get("continuing_roots", [])),
    }
    names = read("name_words.json")
    aliases = {full: tuple(nicks) for full, nicks in read("aliases.json")["aliases"].items()}
    nicks = (n for ns in aliases.values() for n in ns)
    stop = frozenset(cues) | fields["function_words"] | fields["days"] | fields["pronouns"] | fields["adjunct_starters"] | fields["determiners"]
    return Lexicon(
        **fields,
        cues=cues,
        peri_verbs=frozenset(w.lower() for w in cue_data["periphrastic"]["verbs"]),
        peri_nouns=frozenset(w.lower() for w in cue_data["periphrastic"]["nouns"]),
        topic_nouns=frozenset(w.lower() for w in cue_data["topic_nouns"]["words"]),
        negators=frozenset(w.lower() for w in cue_data["negators"]["words"]),
        denial_roots=frozenset(cue_data["negators"]["denial_roots"]),
        phrases=phrases,
        continuing_verbs=continuing_forms(cues, phrases["continuing_roots"]),
        common_words=common_words,
        running_text=running_text,
        written_lower=written_lower,
        places=frozenset(w for name in read("places.json")["names"] for w in name.split()),
        person_name_words=frozenset(names["person"]),
        given_names=frozenset(read("given_names.json")["names"]),
        nonperson_name_words=frozenset(names["nonperson"]),
        person_acronyms=frozenset(n for n in nicks if " " not in n and n.isupper()),
        stop_words=stop,
        words=WordLists({name: entry["words"] for name, entry in read("words.json")["lists"].items()}),
        roots=roots,
        aliases=aliases,
        role_aliases={k.lower(): [v.lower() for v in vs] for k, vs in read("roles.json")["aliases"].items()},
    )


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The package's lexicon (``quoteattr/resources``), loaded once, for callers that pass none."""
    return Lexicon.load()


def speaker_lexicon() -> Lexicon:
    """The package's lexicon (kept under its old name: a :class:`Lexicon` is a :class:`SpeakerLexicon`)."""
    return default_lexicon()
