"""The learned name boundary: where a person's name starts in a run of capitalized words after a
title (*CIO Investree Dickie Widjaja*, *Kepala Sekolah Aveline Gregoire*, *Presiden Taiwan Tsai
Ing-wen*).

The rules of :mod:`.split` pick one start. :func:`boundary_candidates` lists every start the
name may have among the last words of the run, each with features: the rules' pick and the
distance from it, the name's length, the word classes of the name's first word and of the word
before it (first-name, title, organization, place, common and function words, acronyms,
initials, the word's spelling score), whether a title stands before it, and what the rest of
the article says (the name written elsewhere without the word before it, that word written
elsewhere on its own or before another name). :class:`BoundaryModel` scores them with a
log-linear ranker trained on the quotes-id ``train`` split
(``training/build_boundary_model.py``, ``models/boundary_model.json``); its pick replaces the
rules' only when it scores at least ``margin`` above it. The pipeline passes the model to the
rules through the Doc (:data:`BOUNDARY_KEY`), so a pipeline loaded with ``learned=False``
reads the rules alone.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Token

from quoteattr.lexicon import Lexicon
from quoteattr.mentions.words import (
    ACRONYM,
    derived_noun,
    given_name,
    inside_hyphenated,
    is_cap,
    name_likeness,
    nonperson_word,
    person_word,
    web_address,
)

#: the shipped model's file name (in ``models/``, installed as ``quoteattr.models``)
MODEL_NAME = "boundary_model.json"
#: where the pipeline puts the model for the rules on the Doc they read (``doc.user_data``)
BOUNDARY_KEY = "quoteattr_boundary_model"
#: where :func:`_words_of` keeps the article's capitalized words (``doc.user_data``)
WORDS_KEY = "quoteattr_boundary_words"
#: how many of the run's last words may start the name
MAX_NAME_WORDS = 5


@dataclass(frozen=True)
class BoundaryCandidate:
    """One start the name may have (a token index), with the features the ranker reads."""

    start: int
    name: str
    features: tuple[str, ...]


def word_classes(tok: Token, lex: Lexicon) -> list[str]:
    """The evidence one word gives about being part of a person's name."""
    text, low = tok.text, tok.lower_
    if tok.is_punct:
        return ["punct", f"punct={text}"]
    out = []
    if not is_cap(tok):
        out.append("lower")
    if person_word(text, lex):
        out.append("person")
    if nonperson_word(text, lex):
        out.append("nonperson")
    if low in lex.common_words:
        out.append("common")
    if low in lex.role_heads:
        out.append("title")
    elif lex.is_role_word(low):
        out.append("role_word")
    if low in lex.org_name_heads:
        out.append("org_head")
    if low in lex.jurisdiction_heads:
        out.append("jurisdiction")
    if low in lex.places or low in lex.place_words:
        out.append("place")
    if low in lex.rank_words:
        out.append("rank")
    if lex.is_honorific(low):
        out.append("honorific")
    if low in lex.words.given_name_titles:
        out.append("given_title")
    if low in lex.stop_words:
        out.append("stop")
    if len(text.rstrip(".")) == 1:
        out.append("initial")
    elif ACRONYM.match(text) and text.isupper():
        out.append("acronym")
    elif any(c.isupper() for c in text[1:]):
        out.append("camel")
    if tok.like_num:
        out.append("number")
    if is_cap(tok) and derived_noun(text, lex):
        out.append("derived")
    like = name_likeness(text) if text[:1].isalpha() else 0.0
    out.append("like=" + ("hi" if like > 0.4 else "up" if like > 0.1 else "mid" if like > -0.1 else "down" if like > -0.4 else "lo"))
    return out


def _may_open_name(tok: Token, lex: Lexicon) -> bool:
    """A capitalized word with no evidence against being part of a person's name (a first-name
    word or a given name of the train split's speakers, or none of a title, organization, place,
    common or function word, an acronym or a derived noun)."""
    text = tok.text
    if tok.is_punct or not is_cap(tok) or tok.lower_ in lex.stop_words or lex.is_honorific(text) or web_address(text):
        return False
    return given_name(text, lex) or not (nonperson_word(text, lex) or derived_noun(text, lex))


def _opens_person_name(tok: Token, lex: Lexicon) -> bool:
    """A word that opens person names (a first-name word, *Lalu*, or a given name of the train
    split's speakers, *Aris*) or a title that is also a given name (*Ratu*, *Imam*): the rules
    keep it in the name on purpose."""
    return given_name(tok.text, lex) or tok.lower_ in lex.words.given_name_titles


def _before_phrase(doc: Doc, start: int) -> str:
    """What stands before the phrase: the text's start or a sentence end, a comma (an
    appositive), a lower-case word, or something else."""
    if start == 0:
        return "start"
    prev = doc[start - 1]
    if prev.text == ",":
        return "comma"
    if prev.is_space or prev.text in (".", "!", "?", ":", ";") or prev.is_quote:
        return "start"
    if prev.is_lower:
        return "lower"
    return "other"


def _words_of(doc: Doc, lex: Lexicon) -> dict[str, Any]:
    """The article's words, where each capitalized word stands (token indexes), and the words
    written right after a speech cue that follows its quote: built once per Doc and kept in
    ``doc.user_data`` (:data:`WORDS_KEY`, plain lists: the Doc stays serializable)."""
    found = doc.user_data.get(WORDS_KEY)
    if found is None:
        cues = lex.cues
        texts = [t.text for t in doc]
        at: dict[str, list[int]] = {}
        spoken = set()
        for i, text in enumerate(texts):
            if text[:1].isupper():
                at.setdefault(text, []).append(i)
                if i > 0 and (c := cues.get(texts[i - 1].lower())) is not None and c.kind == "post":
                    spoken.add(text)
        found = doc.user_data[WORDS_KEY] = {"texts": texts, "at": at, "spoken": sorted(spoken), "chosen": {}, "classes": {}}
    return found


def choose_start(doc: Doc, start: int, name_end: int, rule: int, lex: Lexicon, chooser: Any) -> int:
    """Where ``chooser`` (a :class:`BoundaryModel`) starts the name of ``doc[start:name_end]``
    against the rules' ``rule``; each phrase is decided once per Doc (the rules split a phrase
    again for the registry, the speaker mention and the roles)."""
    chosen: dict[str, int] = _words_of(doc, lex)["chosen"]
    key = f"{start}:{name_end}:{rule}"
    if key not in chosen:
        chosen[key] = int(chooser.choose(boundary_candidates(doc, start, name_end, rule, lex), rule))
    return chosen[key]


def spoken_words(doc: Doc, lex: Lexicon) -> frozenset[str]:
    """The capitalized words written right after a speech cue that follows its quote (*kata
    Putri*, *ujar Aveline*): words the article uses alone for a speaker."""
    return frozenset(_words_of(doc, lex)["spoken"])


def _standalone(texts: list[str], start: int, end: int, at: dict[str, list[int]]) -> bool:
    """The words ``texts[start:end]`` are written elsewhere in the article after a word that is
    not capitalized, a punctuation mark or the text's start: the name stands without a title."""
    words = texts[start:end]
    n = len(words)
    for i in at.get(words[0], ()):
        if i == start or texts[i : i + n] != words:
            continue
        if i == 0 or not texts[i - 1][:1].isupper():
            return True
    return False


def _elsewhere_without(texts: list[str], word: int, nxt: int, at: dict[str, list[int]]) -> bool:
    """The word ``texts[word]`` is written elsewhere in the article not followed by the word
    ``texts[nxt]``: it stands on its own or before another name."""
    following = texts[nxt]
    return any(i != word and (i + 1 >= len(texts) or texts[i + 1] != following) for i in at.get(texts[word], ()))


def boundary_candidates(doc: Doc, start: int, name_end: int, rule: int, lex: Lexicon) -> list[BoundaryCandidate]:
    """The starts the name ``doc[?:name_end]`` may have in the phrase ``doc[start:name_end]``:
    the rules' pick ``rule``, each capitalized word after it (never inside a hyphenated word,
    *Karl-Heinz*, nor after a word that opens person names, *Lalu*, *Ratu*), and each before it that is
    reached across words that may open a name, among the last :data:`MAX_NAME_WORDS`, with
    the features of :mod:`this module <quoteattr.mentions.boundary>`."""
    lo = max(start, name_end - MAX_NAME_WORDS)
    # the name may lose its first words (an organization glued before it), but it takes
    # words before the rules' start only across words with no evidence against a name
    while lo < rule and not all(_may_open_name(doc[x], lex) for x in range(lo, rule)):
        lo += 1
    # …and it loses words only up to the first that opens person names (*Lalu*, *Ratu*)
    hi = next((x + 1 for x in range(rule, name_end) if _opens_person_name(doc[x], lex)), name_end)
    starts = [j for j in range(lo, hi) if j == rule or (is_cap(doc[j]) and not doc[j].is_punct and not inside_hyphenated(doc, j, lex))]
    if len(starts) < 2:
        return [BoundaryCandidate(j, doc[j:name_end].text, ("rule",)) for j in starts]  # nothing to choose
    out = []
    title_at = [x for x in range(start, name_end) if doc[x].lower_ in lex.role_heads or lex.is_role_word(doc[x].lower_)]
    words = _words_of(doc, lex)
    texts, at, spoken = words["texts"], words["at"], frozenset(words["spoken"])
    known: dict[str, list[str]] = words["classes"]

    def classes(tok: Token) -> list[str]:
        found = known.get(tok.text)
        if found is None:
            found = known[tok.text] = word_classes(tok, lex)
        return found

    pre = _before_phrase(doc, start)
    for j in starts:
        first = doc[j]
        f = ["rule"] if j == rule else []
        f.append(f"d={max(-2, min(2, j - rule))}")
        f.append(f"len={min(name_end - j, 4)}")
        f.append(f"pre={pre}&cut={j > start}")
        f += [f"f:{c}" for c in classes(first)]
        if j > start:
            before = doc[j - 1]
            f += [f"b:{c}" for c in classes(before)]
            if j - 1 > start:
                f += [f"bb:{c}" for c in classes(doc[j - 2]) if c in ("title", "org_head", "jurisdiction", "punct", "acronym", "person", "rank")]
            if any(x < j for x in title_at):
                f.append("title_before")
            if before.text in spoken:
                f.append("b_spoken")
            if is_cap(before) and not before.is_punct:
                if _elsewhere_without(texts, j - 1, j, at):
                    f.append("b_elsewhere_alone")
                if _standalone(texts, j - 1, name_end, at):
                    f.append("with_b_standalone")
        else:
            f.append("b:none")
        if first.text in spoken:
            f.append("f_spoken")
        if _standalone(texts, j, name_end, at):
            f.append("standalone")
        out.append(BoundaryCandidate(j, doc[j:name_end].text, tuple(f)))
    return out


def conjunctions(features: Sequence[str]) -> tuple[str, ...]:
    """The features and the pairs of one ``f:``/``b:`` word class with each other feature."""
    fs = tuple(features)
    firsts = [x for x in fs if x.startswith(("f:", "b:"))]
    others = [x for x in fs if not x.startswith("d=")]
    return fs + tuple(f"{a}&{b}" for a in firsts for b in others if a < b)


@dataclass(frozen=True)
class BoundaryModel:
    """A log-linear ranker over :class:`BoundaryCandidate` features (``models/boundary_model.json``)."""

    weights: dict[str, float]
    margin: float
    pairs: bool = True

    def score(self, cand: BoundaryCandidate) -> float:
        feats = conjunctions(cand.features) if self.pairs else cand.features
        return sum(self.weights.get(f, 0.0) for f in feats)

    def choose(self, cands: Sequence[BoundaryCandidate], rule: int) -> int:
        """The start chosen: the model's best when it beats the rules' pick by ``margin``."""
        if len(cands) < 2:
            return rule
        scores = {c.start: self.score(c) for c in cands}
        best = max(scores, key=lambda j: scores[j])
        if rule not in scores:
            return rule
        return best if scores[best] - scores[rule] >= self.margin else rule

    @classmethod
    def load(cls, path: str | Path) -> BoundaryModel:
        d = json.loads(Path(path).read_text(encoding="utf-8"))
        return cls(dict(d["weights"]), float(d["margin"]), bool(d.get("pairs", True)))


def model_path() -> Path | None:
    """``models/boundary_model.json`` as installed with the package (or in the source tree)."""
    from quoteattr.loading import shipped_path

    return shipped_path(MODEL_NAME)


@lru_cache(maxsize=1)
def boundary_model() -> BoundaryModel | None:
    """The shipped boundary model, or ``None`` when it is not installed."""
    path = model_path()
    return BoundaryModel.load(path) if path is not None else None
