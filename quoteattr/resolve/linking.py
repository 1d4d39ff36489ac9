"""The learned speaker-linking model: who a pronoun, a *-nya* clitic or an anaphoric description
refers to, ranked among the article's people and the speakers read so far.

The rules of :mod:`.discourse` pick one antecedent (quote continuity, then subject salience,
then recency). :func:`antecedent_candidates` lists every entity the mention could refer to,
each with features — the rules' pick, the last speaker, the last person who spoke, the new
subject and the next speaker, distance in paragraphs and sentences, mention and quote
counts, recency rank, name length, title, kind, how much the name looks like a person's
(:func:`name_shape`) — and :class:`LinkModel` scores them with a
log-linear ranker trained on the quotes-id ``train`` split (``training/build_link_model.py``,
``models/link_model.json``). The model's pick replaces the rules' only when it scores at
least ``margin`` above it (the combination measured best on the ``dev`` split).
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from quoteattr.article import Article
from quoteattr.candidates.record import Candidate
from quoteattr.lexicon import Lexicon
from quoteattr.mentions import Mention, name_likeness, nonperson_word, person_word
from quoteattr.resolve.antecedents import new_subject, next_speaker
from quoteattr.resolve.registry import Entity, Registry, fold, name_tokens
from quoteattr.roles import verb_like

if TYPE_CHECKING:
    from quoteattr.resolve.discourse import DiscourseState, Reading

#: the shipped model's file name (in ``models/``, installed as ``quoteattr.models``)
MODEL_NAME = "link_model.json"


@dataclass(frozen=True)
class LinkCandidate:
    """One entity an anaphor may refer to, with the features the ranker reads."""

    name: str
    ent: Entity | None
    kind: str
    features: tuple[str, ...]


class Linker(Protocol):
    """Chooses among :class:`LinkCandidate` s; returns the index chosen (``rule`` to keep the rules')."""

    def choose(self, cands: Sequence[LinkCandidate], rule: int, context: tuple[Candidate, Mention]) -> int: ...


def _bucket(n: int, edges: Sequence[int]) -> str:
    for e in edges:
        if n <= e:
            return str(e)
    return f">{edges[-1]}"


def name_shape(name: str, lex: Lexicon) -> list[str]:
    """How much the candidate's name looks like a person's: its words that open or belong to
    person names, those with evidence against (titles, organizations, places, common words),
    and the spelling of its last word (:func:`~quoteattr.mentions.words.name_likeness`)."""
    words = [w for w in name.split() if w[:1].isalpha()]
    if not words:
        return ["shape=none"]
    pw = sum(person_word(w, lex) for w in words)
    npw = sum(nonperson_word(w, lex) for w in words)
    like = name_likeness(words[-1])
    return [
        f"pw={'all' if pw == len(words) else 'some' if pw else 'none'}",
        f"npw={'all' if npw == len(words) else 'some' if npw else 'none'}",
        f"like={'hi' if like > 0.3 else 'lo' if like < -0.3 else 'mid'}",
    ]


#: how far around a candidate's mention its neighbouring words are read (characters)
_NEAR = 150


@dataclass(frozen=True)
class DescriptionWords:
    """The words of an anaphoric description (*pelatih asal Argentina itu*): its head (the first
    word) and its content words, lower-cased, without function words or demonstratives."""

    head: str
    words: frozenset[str]


def description_words(m: Mention, lex: Lexicon) -> DescriptionWords | None:
    """The :class:`DescriptionWords` of the mention ``m``, or ``None`` when it has no word."""
    words = [fold(w.strip(".,()'‘’\"“”")) for w in m.text.split()]
    words = [w for w in words if w]
    if not words:
        return None
    skip = lex.function_words | lex.words.demonstratives | lex.determiners
    content = frozenset(w for w in words if len(w) >= 3 and w not in skip and not w.isdigit())
    return DescriptionWords(words[0], content)


def description_agreement(art: Article, reg: Registry, desc: DescriptionWords, name: str, ent: Entity | None, kind: str, pos: list[int]) -> list[str]:
    """How an anaphoric description agrees with a candidate: its words among the candidate's
    stated roles (*pelatih* for a coach), its head a title the roles lack (*pebasket* for a
    coach), its words near the candidate's mentions (*Argentina*), the candidate's own name
    inside it (*istri Mike Tramp ini* is not Mike Tramp), and an organization head (*klub
    tersebut*) with the candidate's kind."""
    lex = art.lex
    out = []
    roles = reg.roles_of(ent) if ent is not None else []
    role_words = {fold(w.strip(".,()")) for r in roles for w in r.split()}
    others = desc.words - {desc.head}
    if desc.words & role_words:
        out.append("desc_role=hit")
    elif roles:
        out.append("desc_role=miss")
    if roles and desc.head in lex.role_heads and desc.head not in role_words:
        out.append("desc_head_conflict")
    near: set[str] = set()
    for p in pos:
        near.update(fold(w.strip(".,()'‘’\"“”")) for w in art.text[max(0, p - _NEAR) : p + _NEAR].split())
    if others & near:
        out.append("desc_near=hit")
    if set(name_tokens(name)) & desc.words:
        out.append("desc_names_it")
    if desc.head in lex.org_words:
        out.append(f"desc_org|kind={kind}")
    return out


def mention_position(art: Article, p: int) -> str:
    """Where the mention at character ``p`` stands in its sentence: ``subj`` when only its own
    title, capitalized words, connectors or adverbs come before it (*Sementara itu, Kepala
    Dinas X Budi …*), ``obj`` after a preposition or a verb (*bertemu dengan Budi*), else
    ``mid``."""
    doc, lex = art.doc, art.lex
    k = art.tok_at(p)
    s_tok = art.tok_at(art.sents[art.sent_of(p)].start)
    j = k - 1
    while j >= s_tok and not doc[j].is_punct and (doc[j].text[:1].isupper() or doc[j].lower_ in lex.role_heads or lex.is_role_word(doc[j].lower_)):
        j -= 1  # the title and organization words of the same phrase
    if j < s_tok or doc[j].is_punct and doc[j].text in (",", "\n") and all(t.is_punct or t.lower_ in lex.connectors or t.lower_ in lex.adverbs or t.text[:1].isupper() for t in doc[s_tok:j]):
        return "subj"
    prev = doc[j]
    if prev.lower_ in lex.connectors or prev.lower_ in lex.adverbs:
        return "subj"
    if prev.lower_ in lex.function_words or verb_like(prev, lex):
        return "obj"
    return "mid"


def quoted_words(art: Article, c: Candidate) -> set[str]:
    """The capitalized words of the quote, folded: a name or title it speaks of is rarely its
    speaker. A word right after a speech verb inside it (a quote left open: *… selesai, kata
    Musytari.*) names its speaker instead, and is left out."""
    words = art.text[c.start : c.end].split()
    cues = art.lex.cues
    return {
        fold(w.strip(".,!?;:()'‘’\"“”"))
        for i, w in enumerate(words)
        if w[:1].isupper() and not (i > 0 and words[i - 1].lower().strip(".,") in cues)
    }


def antecedent_candidates(art: Article, reg: Registry, state: DiscourseState, c: Candidate, m: Mention | None, rule: Reading) -> tuple[list[LinkCandidate], int]:
    """Every person or organization named before the quote (outside it), the speakers read so
    far, the rules' pick and "no named speaker", each with its features; and the index of
    the rules' pick. ``m`` is None for a continuation quote."""
    before = c.start if m is None else min(c.start, m.start)
    m_start = c.start if m is None else m.start
    starts = [s for s, _ in state.spans]  # in text order: one bisection per mention

    def in_a_quote(p: int) -> bool:
        k = bisect_right(starts, p) - 1
        return k >= 0 and p < state.spans[k][1]

    by_name: dict[str, tuple[str, Entity | None, str, list[int]]] = {}

    def add(name: str | None, ent: Entity | None, kind: str, positions: list[int]) -> None:
        if not name:
            return
        key = fold(name)
        old = by_name.get(key)
        if old is None:
            by_name[key] = (name, ent, kind, list(positions))
        else:
            old[3].extend(positions)

    for ent in reg.entities:
        pos = [p for p in ent.mentions if p < max(before, m_start) and not in_a_quote(p) and not (c.start <= p < c.end)]
        if not pos:
            continue
        full = reg.canonical(ent.name) or ent
        add(full.name, full, full.kind, pos)
    for r in (state.last, state.last_person, state.previous, rule):
        if r is not None and r.name:
            add(r.name, r.ent, r.stype if r.stype != "unknown" else "person", [])
    newer = new_subject(art, reg, state.last_end, before, state.last.ent if state.last else None)
    nxt = next_speaker(art, reg, m.end) if m is not None and m.start >= c.end else None
    quotes_by: dict[str, int] = {}
    for r in state.by_candidate.values():
        if r.name:
            quotes_by[fold(r.name)] = quotes_by.get(fold(r.name), 0) + 1
    para, sent = art.para_of(c.start), art.sent_of(c.start)
    lasts = {k: max(v[3]) if v[3] else -1 for k, v in by_name.items()}
    recency = {k: i for i, k in enumerate(sorted(lasts, key=lambda k: -lasts[k]))}
    firsts = {k: min(v[3]) if v[3] else 10**9 for k, v in by_name.items()}
    first_key = min(firsts, key=lambda k: firsts[k]) if firsts else ""
    mk = "cont" if m is None else m.kind if m.kind in ("pronoun", "clitic") else "desc"
    desc = description_words(m, art.lex) if m is not None and mk == "desc" else None
    quoted = quoted_words(art, c)
    word = "" if m is None else m.text.lower()
    after = "after" if m is not None and m.start >= c.end else "before"
    out: list[LinkCandidate] = []
    rule_i = -1
    for i, (key, (name, ent, kind, pos)) in enumerate(by_name.items()):
        f: list[str] = []
        flags = []
        if rule.name and fold(rule.name) == key:
            flags.append("rule")
            rule_i = i
        if state.last is not None and state.last.name and fold(state.last.name) == key:
            flags.append("last")
        if state.last_person is not None and state.last_person.name and fold(state.last_person.name) == key:
            flags.append("last_person")
        if state.previous is not None and state.previous.name and fold(state.previous.name) == key:
            flags.append("previous")
        if newer is not None and fold(newer.name) == key:
            flags.append("new_subject")
        if nxt is not None and fold(nxt.name) == key:
            flags.append("next_speaker")
        if key == first_key:
            flags.append("first_named")
        last = lasts[key]
        dpara = para - art.para_of(last) if last >= 0 else 99
        dsent = sent - art.sent_of(last) if last >= 0 else 99
        nq = quotes_by.get(key, 0)
        toks = len(name.split())
        f += flags
        if last >= 0:
            where = mention_position(art, last)
            f += [f"pos={where}", f"{mk}|pos={where}"]
        f += name_shape(name, art.lex)
        f += [
            f"dpara={_bucket(dpara, (0, 1, 2, 4))}",
            f"dsent={_bucket(dsent, (0, 1, 2, 4, 8))}",
            f"recency={_bucket(recency[key], (0, 1, 2))}",
            f"mentions={_bucket(len(pos), (0, 1, 2, 4))}",
            f"quotes={_bucket(nq, (0, 1, 3))}",
            f"kind={kind}",
            f"toks={_bucket(toks, (1, 2))}",
            f"titled={bool(ent is not None and ent.titled)}",
            f"roles={bool(ent is not None and ent.roles)}",
        ]
        f += [f"{mk}|{x}" for x in flags] + [f"{mk}|kind={kind}", f"{mk}|recency={_bucket(recency[key], (0, 1, 2))}"]
        f += [f"{after}|{x}" for x in flags] + [f"{after}|dpara={_bucket(dpara, (0, 1, 2))}"]
        if word in ("pihaknya", "mereka", "kami"):
            f.append(f"group_word|kind={kind}")
        if desc is not None:
            f += description_agreement(art, reg, desc, name, ent, kind, pos)
        if quoted & set(name_tokens(name)):
            f.append("named_in_quote")  # "Kan ada aturan Ibu Susi …": the quote speaks of them
        if ent is not None and quoted & {w for r in reg.roles_of(ent) for w in name_tokens(r) if w in art.lex.role_heads}:
            f.append("titled_in_quote")  # "… aturan Ibu Menteri …" for the minister
        f.append("+".join(sorted(flags)) or "noflag")
        out.append(LinkCandidate(name, ent, kind, tuple(f)))
    # nobody named: an unnamed source (kata seorang warga), or a speaker the article never names
    null = ["null", f"null|{mk}", f"null|n={_bucket(len(out), (0, 1, 2, 4))}"]
    if not rule.name:
        null.append("rule")
        null.append(f"{mk}|rule")
        rule_i = len(out)
    if m is not None:
        null.append(f"null|first={m.text.split()[0].lower() if m.text.split() else ''}")
    out.append(LinkCandidate("", None, "unknown", tuple(null)))
    return out, rule_i


def conjunctions(features: Sequence[str]) -> tuple[str, ...]:
    """The features and every pair of the plain ones (not already a combination: no ``|`` or
    ``+``), joined by ``&``: *new_subject* with *dsent=1*, *last* with *kind=organization* …
    The pairs let a log-linear ranker weigh one cue by another."""
    plain = sorted(f for f in features if "|" not in f and "+" not in f)
    return tuple(features) + tuple(f"{a}&{b}" for i, a in enumerate(plain) for b in plain[i + 1 :])


@dataclass(frozen=True)
class LinkModel:
    """A log-linear ranker over :class:`LinkCandidate` features (``models/link_model.json``),
    with their pairwise :func:`conjunctions` when ``pairs`` is set."""

    weights: dict[str, float]
    margin: float
    pairs: bool = False

    def score(self, cand: LinkCandidate) -> float:
        feats = conjunctions(cand.features) if self.pairs else cand.features
        return sum(self.weights.get(f, 0.0) for f in feats)

    def choose(self, cands: Sequence[LinkCandidate], rule: int, context: tuple[Candidate, Mention]) -> int:
        scores = [self.score(x) for x in cands]
        best = max(range(len(cands)), key=lambda i: scores[i])
        if rule < 0:
            return best if scores[best] >= self.margin else -1
        return best if scores[best] - scores[rule] >= self.margin else rule

    @classmethod
    def load(cls, path: str | Path) -> LinkModel:
        d = json.loads(Path(path).read_text(encoding="utf-8"))
        return cls(dict(d["weights"]), float(d["margin"]), bool(d.get("pairs", False)))


def model_path() -> Path | None:
    """``models/link_model.json`` as installed with the package (or in the source tree)."""
    from quoteattr.loading import shipped_path

    return shipped_path(MODEL_NAME)


@lru_cache(maxsize=1)
def link_model() -> LinkModel | None:
    """The shipped linking model, or ``None`` when it is not installed."""
    path = model_path()
    return LinkModel.load(path) if path is not None else None
