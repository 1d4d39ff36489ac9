"""The learned gate of indirect quotes: reported speech the rules doubt, weighed by a model.

The rules for a speech verb (:func:`quoteattr.candidates.indirect.read_verb`), for
*menurut* (:func:`~quoteattr.candidates.indirect.read_menurut`) and for a topic before a passive
speech verb (:func:`~quoteattr.candidates.indirect.read_topic_passive`) read a speaker, the cue
and the content, and doubt the reading for reasons that hold on most articles and fail on many:
no subject phrase they recognize (*pegusaha tempat hiburan berharap …*), content that opens
with a word that usually opens an adjunct (*mengatakan bahwa di awal …*), a verb that needs
*bahwa* or a comma and has none (*mengumumkan rencana …*), short content; *menurut X* inside a
clause (*Padahal menurut X, …*), with an unknown speaker (*Menurut produsen, …*) or with long
content and no comma. Each doubt is a feature here, beside the cue, the words that open the
content and the kind of subject; a logistic model
(``models/indirect_gate.json``, built by ``training/build_indirect_gate.py`` from the
quotes-id ``train`` split, its threshold chosen on ``dev``) says which doubted readings are
quotes after all. A reading the rules do not doubt never reaches the model.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from quoteattr.article import Article
from quoteattr.candidates.record import Pattern
from quoteattr.cues import CueForm
from quoteattr.mentions import QUOTE_MARK_CHARS, Mention
from quoteattr.roles import RoleModel, verb_like

MODEL_NAME = "indirect_gate.json"


@dataclass(frozen=True, slots=True)
class Reading:
    """What an indirect rule read at a cue: the rule's ``pattern``, the content ``span``
    (characters), the speaker ``mention``, the last token of the cue, the first content token
    and whether an introducer (*bahwa*, a comma …) came before it, and ``doubts``: the rule's
    reasons not to take it (empty when the rules take it)."""

    pattern: Pattern
    span: tuple[int, int]
    mention: Mention | None
    cue_last: int
    first: int
    introduced: bool
    doubts: tuple[str, ...]


class Gate(Protocol):
    """Decides whether a doubted reading is a quote, and whether one the rules take stays one
    (``features``: :func:`gate_features`)."""

    def __call__(self, features: Sequence[str], span: tuple[int, int]) -> bool: ...

    def keeps(self, features: Sequence[str], span: tuple[int, int]) -> bool: ...


def _shape(text: str) -> str:
    if text.isupper() and len(text) > 1:
        return "ACR"
    if text[:1].isupper():
        return "Cap"
    if text[:1].islower():
        return "low"
    return "other"


def gate_features(art: Article, k: int, cue: CueForm, r: Reading) -> list[str]:
    """Binary features (strings) of a reading of the speech verb or *menurut* at token ``k``."""
    doc, lex = art.doc, art.lex
    first = doc[r.first]
    second = doc[r.first + 1].lower_ if r.first + 1 < len(doc) else "</s>"
    words = art.text[r.span[0] : r.span[1]].split()
    n = len(words)
    length = "1-2" if n <= 2 else "3-4" if n <= 4 else "5-8" if n <= 8 else "9-15" if n <= 15 else "16+"
    kind = r.mention.kind if r.mention is not None else "none"
    before = doc[k - 1].lower_ if k > 0 else "<s>"
    f = [
        "bias",
        f"pattern={r.pattern}",
        f"root={cue.root}",
        f"takes={cue.takes}",
        f"introduced={r.introduced}",
        f"first={first.lower_}",
        f"first2={first.lower_} {second}",
        f"first_shape={_shape(first.text)}",
        f"len={length}",
        f"root={cue.root}|len={length}",  # "Budi mengaku kecewa": a verb that reports short content
        f"subject={kind}",
        f"before_cue={before}",
    ]
    for d in r.doubts:
        f += [f"doubt={d}", f"doubt={d}|root={cue.root}", f"doubt={d}|introduced={r.introduced}", f"doubt={d}|first={first.lower_}", f"doubt={d}|subject={kind}"]
    if first.lower_ in lex.adjunct_starters:
        f.append("first_adjunct_starter")
    if first.lower_ in lex.pronouns or first.lower_.endswith("nya"):
        f.append("first_pronoun_or_nya")
    if first.lower_ in lex.topic_nouns:
        f.append("first_topic_noun")
    if any(w.lower().strip(",.") in lex.words.content_introducers for w in words):
        f.append("introducer_inside")
    if any(c in QUOTE_MARK_CHARS for c in art.text[r.span[0] : r.span[1]]):
        f.append("quote_mark_inside")
    lows = [w.lower().strip(",.") for w in words]
    marker = any(w in lex.words.clause_markers for w in lows[1:])
    verb = any(verb_like(t, lex) for t in doc[r.first + 1 : art.tok_at(r.span[1])])
    if marker:
        f.append("clause_marker_inside")  # "… logistik akan tiba": a clause, not an object
    if verb:
        f.append("verb_inside")
    # a verb that often takes a plain object (menolak tawaran, melaporkan kasus) reports
    # speech when a clause follows it
    f.append(f"root={cue.root}|clause={marker or verb}")
    if r.mention is not None and r.mention.name:
        f.append("subject_named")
    if r.mention is not None and r.mention.role:
        f.append("subject_with_role")
    return f


@dataclass(frozen=True)
class GateModel(RoleModel):
    """A logistic model over :func:`gate_features` with the probability a doubted reading must
    reach (the role scorer's kind of model, :class:`quoteattr.roles.RoleModel`, read from the
    same JSON shape), and ``keep``: a second one, over the readings the rules take without
    doubt, with the probability below which such a reading is dropped (*Barcelona memastikan
    langkah ke semifinal …*: a verb of speech with an object, no statement)."""

    keep: RoleModel | None = None

    def __call__(self, features: Sequence[str], span: tuple[int, int]) -> bool:
        return self.probability(list(features)) >= self.threshold

    def keeps(self, features: Sequence[str], span: tuple[int, int]) -> bool:
        return self.keep is None or self.keep.probability(list(features)) >= self.keep.threshold

    @classmethod
    def load(cls, path: str | Path) -> GateModel:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        keep = data.get("keep")
        kept = RoleModel(dict(keep["weights"]), float(keep["threshold"])) if keep else None
        return cls(dict(data["weights"]), float(data["threshold"]), keep=kept)


def model_path() -> Path | None:
    """``models/indirect_gate.json`` as installed with the package (or in the source tree)."""
    from quoteattr.loading import shipped_path

    return shipped_path(MODEL_NAME)


@lru_cache(maxsize=1)
def indirect_gate() -> GateModel | None:
    """The shipped gate, or ``None`` when it is not there (the rules alone then)."""
    path = model_path()
    return GateModel.load(path) if path is not None else None
