"""Roles the word lists cannot read: candidate phrases around a speaker's name, scored by a learned model.

The speaker rules read a role when its words are listed (role heads, organization words,
ranks). An unseen title (*Komisioner KPU RI*, *petenis tunggal putra nomor satu dunia*,
*sahabat Diana*) leaves the speaker without a role. Here every phrase that stands where a
role stands in Indonesian news is a candidate:

* ``pre``: the words right before a mention of the name (*Komisioner KPU RI Wahyu Setiawan*),
  every suffix of that run, also before the name's honorifics and ranks, across an acronym in
  parentheses (*Ketua Umum Partai X (PX) Megawati*), across the commas of a title's own list or
  place (*Kepala Pusat Data, Informasi, dan Humas BNPB*), and closed by a demonstrative right
  before the name (*wakil ketua umum induk sepakbola nasional tersebut Joko Driyono*); for the
  second of two names joined by *dan*, only the title they share (*Komisioner KPU A dan B*);
* ``app_before``: an appositive before it (*Manajer tim bulu tangkis Indonesia, Susy Susanti*;
  *…, Dr. Stuart Fischer*; *produser film itu yakni …*), also closed by a demonstrative
  (*ko-sutradara film tersebut, Joe Russo*), across a title's commas (*Konsul Jenderal RI di
  Istanbul, Turki, Herry*) and holding a relative clause (*Kiper Arsenal yang musim lalu
  dipinjamkan ke AS Roma, Wojciech Szczesny*);
* ``app_after``: an appositive after it, also after an age, a handle or a nickname in
  parentheses (*Rina (34), warga Desa Sukamaju,*), also holding a relative clause up to its
  comma (*Dr. Carlo Bava, dokter yang merawat Morano, mengatakan*);
* ``app_bare``: a title word right after the name, with no comma (*Jessica pakar kencan asal
  Inggris, mengatakan*);
* ``copula``: *Budi yang merupakan/adalah/sebagai/selaku …*;
* ``anaphor``: a description the article uses for the speaker with *itu*/*tersebut* after a
  cue (*tukas eks kapten timnas Belanda itu*);
* ``narrative``: a description closed by *itu*/*tersebut*/*ini* in the two sentences after a
  mention of the name (*Pebalap asal Spanyol itu kini memimpin klasemen*).

A logistic model over the candidates' shape, position and words (``models/role_model.json``,
built by ``training/build_role_model.py`` from the quotes-id ``train`` split) scores them; the
best one above the model's threshold is the role of a speaker the rules give none, and it
replaces a role the rules read that the model scores below its ``override`` level. Pure functions over a spaCy ``Doc``; the
model is plain JSON (no extra dependency).
"""

from __future__ import annotations

import json
import math
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Self

import regex
from spacy.tokens import Doc, Token

from quoteattr.lexicon import Lexicon
from quoteattr.mentions import doc_text, running_verb, split_role_name
from quoteattr.mentions.words import agent_noun, opens_cited_source, past_comma_age

MODEL_NAME = "role_model.json"
_BREAK = frozenset({",", ".", ";", ":", "!", "?", "(", ")", "[", "]", "“", "”", '"', "'", "‘", "’", "«", "»", "-", "—", "–", "/"})
MAX_WORDS = 14


@dataclass(frozen=True, slots=True)
class RoleCandidate:
    """A phrase that may state a speaker's role; ``start``/``end`` are token indexes."""

    start: int
    end: int
    kind: str
    maximal: bool  # the whole run, not a suffix of it
    full_name: bool  # next to the speaker's full name (not one word of it)
    first_mention: bool  # next to the first mention of the speaker


def _is_break(t: Token) -> bool:
    if t.text == "-" and t.i > 0 and not t.whitespace_ and not t.doc[t.i - 1].whitespace_:
        return False  # a hyphen inside a word: "ko-sutradara", "T-Team", "e-KTP"
    return t.text in _BREAK or t.is_space or "\n" in t.text


def verb_like(t: Token, lex: Lexicon) -> bool:
    """A lower-case word with a verb's prefix (*membandingkan*, *dihubungi*)."""
    low = t.lower_
    return t.text[:1].islower() and len(low) > 5 and low.startswith(lex.words.verb_like_prefixes) and low not in lex.words.not_verbs


def _stops_phrase(t: Token, lex: Lexicon) -> bool:
    low = t.lower_
    if _is_break(t) or low in lex.cues or low in lex.pronouns:
        return True
    if low in lex.words.role_inner_words or (t.text[:1].isupper() and not t.is_sent_start):
        return False  # a capitalized word inside a phrase is part of a name ("Muara Baru")
    return low in lex.function_words or low in lex.adverbs or low in lex.words.role_phrase_stops or verb_like(t, lex)


def _indexed(doc: Doc) -> tuple[str, dict[str, list[int]]]:
    """The doc's text and, per token text, where it stands; computed once per doc."""
    cached = doc.user_data.get(_INDEX_KEY)
    if cached is None:
        where: dict[str, list[int]] = {}
        for t in doc:
            where.setdefault(t.text, []).append(t.i)
        cached = (doc_text(doc), where)
        doc.user_data[_INDEX_KEY] = cached
    return cached


_INDEX_KEY = "quoteattr.roles.index"


def name_mentions(doc: Doc, name: str) -> list[tuple[int, int, bool]]:
    """Token spans of the name in the doc: the full name, or one of its words (3+ letters)."""
    words = regex.findall(r"[^\s-]+|-", name.strip())  # as the tokenizer splits them: "Jean-Paul" is "Jean", "-", "Paul"
    if not words:
        return []
    _, where = _indexed(doc)
    forms = [(words, True)] + [([w], False) for w in dict.fromkeys(words) if len(w.strip(".,")) >= 3 and len(words) > 1]
    seen: set[int] = set()
    out = []
    for form, full in forms:
        first = form[0]
        for s in where.get(first, ()):
            e = s + 1
            k = 1
            while k < len(form) and e < len(doc) and doc[e].text == form[k]:
                e += 1
                k += 1
            if k < len(form) or s in seen:
                continue
            seen.update(range(s, e))
            out.append((s, e, full))
    return sorted(out)


def candidates(
    doc: Doc,
    name: str,
    lex: Lexicon,
    descriptions: Sequence[tuple[int, int]] = (),
    quotes: Sequence[tuple[int, int]] = (),
) -> list[RoleCandidate]:
    """Every candidate role phrase for the speaker ``name`` in ``doc``, none inside a quote
    (``quotes``: character spans of the article's quotes, which are what was said, not who)."""
    found = _candidates(doc, name, lex, descriptions)
    if not quotes:
        return found
    inside = _overlaps(quotes)
    return [c for c in found if not inside(doc[c.start].idx, doc[c.end - 1].idx + len(doc[c.end - 1].text))]


def _overlaps(spans: Sequence[tuple[int, int]]) -> Callable[[int, int], bool]:
    """A test of whether ``[start, end)`` overlaps any of ``spans``, in log time (an article of
    thousands of quotes has thousands of candidates)."""
    ordered = sorted(spans)
    starts = [s for s, _ in ordered]
    reach: list[int] = []  # the furthest end among the spans up to each one
    for _, e in ordered:
        reach.append(max(e, reach[-1]) if reach else e)

    def overlaps(start: int, end: int) -> bool:
        k = bisect_left(starts, end) - 1  # the spans that start before ``end``
        return k >= 0 and reach[k] > start

    return overlaps


def _before_name(doc: Doc, s: int, lex: Lexicon) -> int:
    """Where the words before a name start once its honorifics and ranks are set aside
    (*…, Dr. Stuart Fischer*, *…, Kombes Pol Martinus*): a role stands before them."""
    k = s
    while k > 0 and s - k < 4 and (lex.is_honorific(doc[k - 1].text) or (doc[k - 1].text[:1].isupper() and doc[k - 1].lower_.rstrip(".") in lex.rank_words)):
        k -= 1
    return k


def _after_name(doc: Doc, e: int) -> int:
    """Where the words after a name go on once a short parenthesis is set aside: an age, a
    nickname, a handle or an initialism (*Rina (34)*, *Alyssa (@alyssa)*, *Basuki (Ahok)*)."""
    n = len(doc)
    if (after_age := past_comma_age(doc, e)) > e:
        return after_age  # "Saini, 35, warga setempat": the comma after the age
    if e < n and doc[e].text == "(":
        for j in range(e + 1, min(e + 6, n)):
            if doc[j].text == ")":
                return j + 1
            if _is_break(doc[j]) and doc[j].text != "-":
                break
    return e


def _closes_appositive(t: Token, lex: Lexicon) -> bool:
    """An appositive after a name may end right before ``t``: a comma, a closing mark, the
    sentence end, a speech verb (*Djoko, Kepala UPT Baturraden menyebut*) or a word that opens
    an adjunct no appositive holds (*Jamal, warga setempat kepada wartawan*)."""
    if t.text in {",", ".", ";", ":", ")", "(", "“", "”", '"'} or t.is_space:
        return True
    low = t.lower_
    return low in lex.cues or (low in lex.adjunct_starters and low not in lex.words.appositive_adjuncts)


def _run_back(doc: Doc, s: int, lex: Lexicon) -> int:
    """The first token of the run of role words that ends right before token ``s``, across an
    acronym in parentheses inside it (*Ketua Umum Partai Demokrasi Indonesia Perjuangan (PDIP)
    Megawati*)."""
    k = s
    while k > 0 and s - k < MAX_WORDS:
        if _acronym_in_parentheses(doc, k):
            k -= 3
        elif not _stops_phrase(doc[k - 1], lex):
            k -= 1
        else:
            break
    return k


def _shared_title(doc: Doc, k: int, s: int, lex: Lexicon) -> tuple[int, int] | None:
    """The title two names joined by *dan* share, when the run of words ``doc[k:s]`` before the
    second is that title, the first name and *dan* (*Komisioner KPU RI Wahyu Setiawan dan*
    before *Ilham Saputra*): its span, or ``None``."""
    if s - 1 <= k or doc[s - 1].lower_ != "dan":
        return None
    role_toks, name_toks = split_role_name(doc, k, s - 1, lex)
    if not role_toks or len(name_toks) < 2:
        return None
    return role_toks[0].i, role_toks[-1].i + 1


def _acronym_in_parentheses(doc: Doc, k: int) -> bool:
    """Tokens ``k-3 … k-1`` are an acronym in parentheses after a capitalized word: *(PDIP)*."""
    return k >= 4 and doc[k - 1].text == ")" and doc[k - 3].text == "(" and doc[k - 2].text[:1].isupper() and len(doc[k - 2].text) <= 12 and doc[k - 4].text[:1].isupper()


def _across_commas(doc: Doc, k: int, lex: Lexicon) -> int:
    """Where a run of role words that starts at token ``k`` starts when it goes on back across
    the commas of a capitalized title's own list or place (*Kepala Pusat Data, Informasi, dan
    Humas BNPB*; *Konsul Jenderal RI di Istanbul, Turki*): up to two commas, each between
    capitalized words (the first after it may be *dan*); ``k`` when there is none."""
    for _ in range(2):
        first = k + 1 if k + 1 < len(doc) and doc[k].lower_ in lex.words.role_inner_words else k  # "…, dan Humas"
        if not (k >= 2 and doc[k - 1].text == "," and doc[first].text[:1].isupper() and doc[k - 2].text[:1].isupper() and not doc[k - 2].is_punct):
            break
        j = _run_back(doc, k - 1, lex)
        if j >= k - 1 or running_verb(doc[j], lex):
            break  # "Melansir Straits Times, Perwakilan …": a clause of citing, no part of the title
        k = j
    return k


def _relative_start(doc: Doc, k: int, e: int, lex: Lexicon) -> int | None:
    """The *yang* of a relative clause that the run of role words ``doc[k:e]`` (ending at an
    appositive's comma) stopped at: *yang* within the ten words before ``e``, with no
    punctuation mark or cue after it; ``None`` when there is none."""
    for y in range(k - 1, max(-1, e - 11), -1):
        t = doc[y]
        if t.lower_ == "yang":
            return y if y > 0 and not _stops_phrase(doc[y - 1], lex) else None
        if _is_break(t) or t.lower_ in lex.cues:
            return None
    return None


def _relative_end(doc: Doc, y: int, lex: Lexicon) -> int | None:
    """Where a relative clause opened by *yang* at token ``y`` after a name's appositive ends:
    at the comma or sentence end within ten words, with no cue before it (*…, dokter yang
    merawat Morano, mengatakan*); ``None`` otherwise."""
    for q in range(y + 2, min(len(doc), y + 12)):
        t = doc[q]
        if t.text in (",", ".") or t.is_space:
            return q
        if _is_break(t) or t.lower_ in lex.cues:
            return None
    return None


def _narrative_descriptions(doc: Doc, e: int, lex: Lexicon) -> list[tuple[int, int]]:
    """Descriptions closed by a demonstrative in the sentences right after a mention that
    ends at token ``e`` (*… Marc Marquez … . Pebalap asal Spanyol itu kini …*): a head noun
    of a title or description, then up to eight words, then *itu*/*tersebut*/*ini*."""
    out: list[tuple[int, int]] = []
    n = len(doc)
    stops = 0
    i = e
    while i < n and i - e < 80:
        t = doc[i]
        if t.text in (".", "!", "?") or "\n" in t.text:
            stops += 1
            if stops > 2:
                break
        low = t.lower_
        head = low in lex.role_heads or low in lex.descriptors
        if head and (i == 0 or doc[i - 1].lower_ not in lex.determiners or doc[i - 1].lower_ in lex.words.definite_determiners):
            for j in range(i + 1, min(i + 10, n)):
                w = doc[j]
                if _is_break(w) or w.lower_ in lex.cues or w.lower_ in lex.pronouns:
                    break
                if w.lower_ in lex.words.demonstratives:
                    out.append((i, j))
                    break
        i += 1
    return out


def _candidates(doc: Doc, name: str, lex: Lexicon, descriptions: Sequence[tuple[int, int]]) -> list[RoleCandidate]:
    out: list[RoleCandidate] = []
    mentions = name_mentions(doc, name)
    first = mentions[0][0] if mentions else -1
    n = len(doc)
    links = lex.words.appositive_links
    narrative: set[tuple[int, int]] = set()
    for s, e, full in mentions:
        fm = s == first
        if s > 0 and doc[s - 1].lower_ in lex.words.title_introducers:
            continue  # "dengan judul Iggy Pop Life Class": the name inside a work's title has no role there
        # pre: the run of words right before the name (and before its honorifics and ranks)
        for s0 in dict.fromkeys((s, _before_name(doc, s, lex))):
            k = _run_back(doc, s0, lex)
            if (shared := _shared_title(doc, k, s0, lex)) is not None:
                out.append(RoleCandidate(shared[0], shared[1], "pre", True, full, fm))
                continue
            for i in range(k, s0):
                if doc[i].lower_ in lex.words.role_inner_words:
                    continue
                out.append(RoleCandidate(i, s0, "pre", i == k, full, fm))
            if k == s0 and s0 >= 2 and doc[s0 - 1].lower_ in lex.words.demonstratives:
                # "wakil ketua umum induk sepakbola nasional tersebut Joko Driyono": a title
                # closed by a demonstrative right before the name
                d = _run_back(doc, s0 - 1, lex)
                if d < s0 - 1 and any(t.lower_ in lex.role_heads or t.lower_ in lex.descriptors for t in doc[d : s0 - 1]):
                    out.append(RoleCandidate(d, s0 - 1, "pre", True, full, fm))
            if k < s0 and (far := _across_commas(doc, k, lex)) < k:
                out.append(RoleCandidate(far, s0, "pre", True, full, fm))
        # app_before: "X, Name" / "X, Dr. Name" / "X yakni Name"
        s1 = _before_name(doc, s, lex)
        if s1 >= 2 and (doc[s1 - 1].text == "," or doc[s1 - 1].lower_ in links):
            # the run ends at the comma, or before a demonstrative that closes it ("ko-sutradara
            # film tersebut, Joe Russo")
            e1 = s1 - 2 if s1 >= 3 and doc[s1 - 2].lower_ in lex.words.demonstratives else s1 - 1
            k = _run_back(doc, e1, lex)
            if e1 < s1 - 1 and not any(t.lower_ in lex.role_heads or t.lower_ in lex.descriptors or agent_noun(t.text, lex) for t in doc[k:e1]):
                k = e1  # "Dalam kesempatan itu, Darto", "Sementara itu, Darto": an adverbial, no title
            if opens_cited_source(doc, k, lex):
                k = e1  # "mengutip Contact Music, Ben Affleck …": the source cited, no title
            for i in range(k, e1):
                if doc[i].lower_ in lex.words.role_inner_words:
                    continue
                out.append(RoleCandidate(i, e1, "app_before", i == k, full, fm))
            if k < e1 and (far := _across_commas(doc, k, lex)) < k:
                out.append(RoleCandidate(far, e1, "app_before", True, full, fm))
            if (y := _relative_start(doc, k, e1, lex)) is not None and (head := _run_back(doc, y, lex)) < y:
                out.append(RoleCandidate(head, e1, "app_before", True, full, fm))  # "dokter yang merawat Morano, Dr. Carlo Bava"
        # app_after: "Name, X," / "Name (34), X,"; copula: "Name yang merupakan X";
        # bare: "Name pakar kencan asal Inggris, mengatakan"
        j = _after_name(doc, e)
        kind = None
        if j < n and doc[j].text == ",":
            j, kind = j + 1, "app_after"
            if j + 1 < n and doc[j].lower_ == "yang" and doc[j + 1].lower_ in lex.words.role_copulas | {"juga"}:
                j += 2  # "Budi, yang juga ketua RT setempat, mengatakan"
        elif j < n and (doc[j].lower_ in lex.words.role_copulas or (doc[j].lower_ == "yang" and j + 1 < n and doc[j + 1].lower_ in lex.words.role_copulas | {"juga"})):
            j = j + 1 if doc[j].lower_ in lex.words.role_copulas else j + 2
            kind = "copula"
        elif j < n and doc[j].text[:1].islower() and doc[j].lower_ in lex.role_heads:
            kind = "app_bare"
        if kind is not None:
            k = j
            while k < n and k - j < MAX_WORDS and not _stops_phrase(doc[k], lex):
                k += 1
            if kind == "app_after" and k > j and k < n and doc[k].lower_ == "yang" and (q := _relative_end(doc, k, lex)) is not None:
                out.append(RoleCandidate(j, q, kind, True, full, fm))  # "Dr. Carlo Bava, dokter yang merawat Morano, mengatakan"
            if kind in ("app_after", "app_bare") and k < n and not _closes_appositive(doc[k], lex):
                kind = None  # an appositive closes at a comma or the sentence end: "Diana, hidup di …" is content
        if kind is not None:
            while k > j and doc[k - 1].lower_ in lex.words.demonstratives | lex.words.role_inner_words:
                k -= 1
            if k > j:
                out.append(RoleCandidate(j, k, kind, True, full, fm))
        narrative.update(_narrative_descriptions(doc, e, lex))
    for s, e in descriptions:
        while e > s and doc[e - 1].lower_ in lex.words.demonstratives:
            e -= 1
        if e > s:
            out.append(RoleCandidate(s, e, "anaphor", True, False, False))
    taken = {(c.start, c.end) for c in out}
    for s, e in sorted(narrative):
        if (s, e) not in taken:
            out.append(RoleCandidate(s, e, "narrative", True, False, False))
    return out


def is_description(mention: str | None) -> bool:
    """A speaker mention that describes the speaker (*pelatih asal Prancis itu*, *sambung
    penyerang berusia 32 tahun*): two or more words, the first in lower case."""
    words = (mention or "").split()
    return len(words) > 1 and words[0][:1].islower()


def _shape(t: Token) -> str:
    w = t.text
    if w.isupper() and len(w) > 1:
        return "ACR"
    if w[:1].isupper():
        return "Cap"
    if w[:1].islower():
        return "low"
    return "other"


def features(doc: Doc, c: RoleCandidate, lex: Lexicon) -> list[str]:
    """Binary features of a candidate (strings), for the logistic model."""
    toks = list(doc[c.start : c.end])
    n = len(toks)
    first, last = toks[0], toks[-1]
    length = "1" if n == 1 else "2" if n == 2 else "3" if n == 3 else "4-5" if n <= 5 else "6-8" if n <= 8 else "9+"
    f = [
        "bias",
        f"kind={c.kind}",
        f"kind={c.kind}|maximal={c.maximal}",
        f"len={length}",
        f"kind={c.kind}|len={length}",
        f"full_name={c.full_name}",
        f"first_mention={c.first_mention}",
        f"first_shape={_shape(first)}",
        f"last_shape={_shape(last)}",
        f"first={first.lower_}",
        f"last={last.lower_}",
        f"first_suffix={first.lower_[-3:]}",
        f"before={doc[c.start - 1].lower_ if c.start > 0 else '<s>'}",
    ]
    if first.lower_ in lex.role_heads:
        f.append("first_role_head")
    if first.lower_ in lex.descriptors:
        f.append("first_descriptor")
    if first.lower_ in lex.determiners:
        f.append("first_determiner")
    if any(t.lower_ in lex.role_heads for t in toks):
        f.append("has_role_head")
    if any(t.lower_ in lex.org_words for t in toks):
        f.append("has_org_word")
    if any(t.lower_ in lex.place_words for t in toks):
        f.append("has_place_word")
    if any(_shape(t) == "ACR" for t in toks):
        f.append("has_acronym")
    if any(t.like_num for t in toks):
        f.append("has_number")
    if any(t.text == "," for t in toks):
        f.append(f"has_comma|kind={c.kind}")
    if any(t.lower_ == "yang" for t in toks):
        f.append(f"has_relative|kind={c.kind}")
    if any(t.lower_ in lex.words.role_inner_words for t in toks):
        f.append("has_inner_word")
    if all(_shape(t) == "Cap" for t in toks):
        f.append("all_cap")
    if all(_shape(t) == "low" for t in toks):
        f.append("all_low")
    if any(t.lower_ in lex.honorifics for t in toks):
        f.append("has_honorific")
    if last.lower_ in lex.honorifics or any(last.lower_.rstrip(".") in r for r in lex.ranks):
        f.append("last_honorific_or_rank")
    # evidence of a clause or a stray phrase, not a title: a verb, a function word that no
    # role holds, an opening adverb or connector (*Sementara*), a common word first
    inner = lex.words.role_inner_words
    if any(verb_like(t, lex) and t.lower_ not in lex.role_heads and t.lower_ not in lex.descriptors for t in toks):
        f.append("has_verb")
    if any(t.lower_ in lex.function_words and t.lower_ not in inner for t in toks):
        f.append("has_function_word")
    if last.lower_ in lex.function_words:
        f.append("last_function_word")
    if first.lower_ in lex.adverbs or first.lower_ in lex.connectors:
        f.append("first_adverb")
    if first.lower_ in lex.common_words and first.lower_ not in lex.role_heads and first.lower_ not in lex.descriptors:
        f.append("first_common")
    if c.start == 0 or doc[c.start].is_sent_start or doc[c.start - 1].text in (".", "\n", "\n\n"):
        f.append(f"sent_start|kind={c.kind}")
    if doc[c.start].idx < 400:
        f.append(f"lead|kind={c.kind}")  # the article's first lines introduce its people
    return f


@dataclass(frozen=True)
class RoleModel:
    """A logistic model over candidate features, with the score a role must reach."""

    weights: dict[str, float]
    threshold: float
    #: the score under which a role the rules read gives way to a candidate scored at or above
    #: it (``None``: the rules' roles stand)
    override: float | None = None

    def probability(self, feats: list[str]) -> float:
        z = sum(self.weights.get(x, 0.0) for x in feats)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    @classmethod
    def load(cls, path: str | Path) -> Self:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        override = data.get("override")
        return cls(dict(data["weights"]), float(data["threshold"]), float(override) if override is not None else None)


def model_path() -> Path | None:
    """``models/role_model.json`` as installed with the package (or in the source tree)."""
    from quoteattr.loading import shipped_path

    return shipped_path(MODEL_NAME)


@lru_cache(maxsize=1)
def role_model() -> RoleModel | None:
    """The shipped role model, or ``None`` when it is not there (the rules alone then)."""
    path = model_path()
    return RoleModel.load(path) if path is not None else None


def candidate_text(doc: Doc, c: RoleCandidate) -> str:
    text, _ = _indexed(doc)
    last = doc[c.end - 1]
    return text[doc[c.start].idx : last.idx + len(last.text)]


def scored_roles(
    doc: Doc,
    name: str,
    lex: Lexicon,
    model: RoleModel,
    descriptions: Sequence[tuple[int, int]] = (),
    quotes: Sequence[tuple[int, int]] = (),
) -> list[tuple[str, float]]:
    """Every candidate role of ``name`` with the model's score, the best first."""
    out = [(candidate_text(doc, c), model.probability(features(doc, c, lex))) for c in candidates(doc, name, lex, descriptions, quotes)]
    return sorted(out, key=lambda x: -x[1])
