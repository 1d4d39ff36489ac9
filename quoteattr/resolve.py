"""Speaker resolution within one article: canonical names, pronouns, roles, types.

Notes:
    Mentions of one person are clustered by name-token containment (*Lavrov* ⊂ *Sergey
    Lavrov*); the canonical ``speaker_name`` is the fullest name in the cluster. Pronouns,
    the clitic *-nya* and anaphoric descriptions (*pemain asal Belgia itu*) take the most
    recent speaker (quote continuity), else the most recent person named before them —
    the recency/subject salience heuristics of Pareti (2015) and O'Keefe et al. (2012)
    for quote attribution. Role-only mentions (*kata Presiden*) are linked to the person
    whose stated role they match (``resources/roles.json`` aliases).
"""

from __future__ import annotations

import unicodedata

import regex
from dataclasses import dataclass, field, replace
from typing import Any
from functools import lru_cache

from spacy.tokens import Doc, Token

from quoteattr.attribution import Article, Candidate
from quoteattr.entities import link_short_forms
from quoteattr.lexicon import speaker_lexicon
from quoteattr.cues import continuing_verbs, lexicon as cue_lexicon
from quoteattr.lexicon import SpeakerLexicon
from quoteattr.mentions import QUOTE_MARK_CHARS, common_words, make_mention, name_likeness, nonperson_word, np_end, person_word, split_role_name, stop_words, tokens_text
from quoteattr.resources import load_json
from quoteattr.types import Quote

@lru_cache(maxsize=1)
def _calibration() -> dict[str, Any]:
    """Share of right quotes (span and speaker) per pattern and speaker reading, measured on the
    quotes-id train and dev splits by ``scripts/calibrate.py --fit`` (``resources/confidence.json``)."""
    return load_json("confidence.json")


def confidence_key(c: Candidate, resolved: bool, kind: str | None) -> str:
    """The calibration cell of a quote: its pattern and how its speaker was read."""
    if not resolved:
        reading = "unresolved"
    elif c.pattern == "continuation":
        reading = "continued"
    elif kind in ("pronoun", "clitic"):
        reading = "pronoun"
    elif kind in ("description", "role"):
        reading = "description"
    else:
        reading = "name"
    return f"{c.pattern}|{reading}"


def _fold(s: str) -> str:
    return unicodedata.normalize("NFKC", s).casefold()


def _name_words(name: str) -> list[str]:
    """The words of a name as written, one per item of :func:`_name_tokens`."""
    return [w.strip(".,") for w in name.replace("-", " ").split() if w.strip(".,")]


def _name_tokens(name: str) -> tuple[str, ...]:
    return tuple(_fold(w) for w in _name_words(name))


@lru_cache(maxsize=1)
def _role_aliases() -> dict[str, list[str]]:
    data: dict[str, list[str]] = load_json("roles.json")["aliases"]
    return {k.lower(): [v.lower() for v in vs] for k, vs in data.items()}


@dataclass
class Entity:
    """A person or organization named in the article."""

    name: str
    tokens: tuple[str, ...]
    first: int
    roles: list[str] = field(default_factory=list)
    kind: str = "person"
    mentions: list[int] = field(default_factory=list)
    titled: bool = False  # read right after a title (role head): complete from the left
    spoke: bool = False  # a cue attributes a quote to this name
    aliases: set[str] = field(default_factory=set)

    def best_role(self) -> str | None:
        if not self.roles:
            return None
        return max(self.roles, key=lambda r: (len(r.split()), -self.roles.index(r)))


class Registry:
    """The named entities of one article, clustered by name containment."""

    def __init__(self, text: str = "") -> None:
        self.entities: list[Entity] = []
        self.text = text

    def add(self, name: str, pos: int, role: str | None = None, kind: str = "person", titled: bool = False) -> Entity:
        toks = _name_tokens(name)
        for ent in self.entities:
            if ent.tokens == toks:
                ent.mentions.append(pos)
                ent.titled = ent.titled or titled
                if role and role not in ent.roles:
                    ent.roles.append(role)
                return ent
        ent = Entity(name, toks, pos, [role] if role else [], kind, [pos], titled)
        self.entities.append(ent)
        return ent

    def canonical(self, name: str) -> Entity | None:
        """The fullest entity whose name contains every token of ``name``.

        A longer candidate that only adds leading words to a name read right after a
        title (*Balongan Yulianto Triwibowo* vs *GM Yulianto Triwibowo*) is leakage from
        an organization name and loses. Without any containing name, a stated alias
        (*Saifullah Yusuf atau Gus Ipul*) or a unique nickname prefix (*Wira* for
        *Wiradarma Harefa*) links the mention.
        """
        seq = _name_tokens(name)
        toks = set(seq)
        if not toks:
            return None
        exact = next((e for e in self.entities if e.tokens == seq), None)
        cands = [e for e in self.entities if toks <= set(e.tokens) and e is not exact]
        titled = [e for e in cands if e.titled]
        cands = [
            e for e in cands
            if not any(t is not e and len(t.tokens) < len(e.tokens) and e.tokens[-len(t.tokens):] == t.tokens for t in titled)
        ]
        if cands:
            best = max(cands, key=lambda e: (len(e.tokens), e.titled, len(e.mentions)))
            # "Tjipinang Jaya Arief Prasetyo" for "Arief": a name that starts two or more
            # words into the candidate starts there (company name + person name)
            p = best.tokens.index(seq[0]) if seq[0] in best.tokens else 0
            # …and one word in, for a first name used alone in a name read after a title
            # ("Gubernur Sulut Salman Saelangi" … "kata Salman"); a surname used alone
            # ("Lavrov") ends the name and keeps its first name
            first_name_use = p == 1 and best.titled and len(seq) == 1 and len(best.tokens) - p >= 2
            words = _name_words(best.name)  # aligned with best.tokens
            lead = words[:p]
            lead_not_name = not any(person_word(w) for w in lead)
            if (p >= 2 or first_name_use) and lead_not_name and best.tokens[p : p + len(seq)] == seq and len(best.tokens) - p > len(seq):
                return self.add(" ".join(words[p:]), best.first, best.best_role(), titled=True)
            # "TJSL Pelindo Febrianto Zenny" for "Febrianto Zenny": the extra first word is
            # used elsewhere in the article on its own (an organization), so it is not a name
            if p == 1 and exact is not None and best.tokens[1 : 1 + len(seq)] == seq and not person_word(lead[0]) and self._standalone(lead[0], words[1]):
                if len(best.tokens) - 1 > len(seq):
                    # "Xbox Mike Nichols" for "Mike": the name is "Mike Nichols", not the first name alone
                    return self.add(" ".join(words[1:]), best.first, best.best_role(), titled=True)
                exact.roles.extend(r for r in best.roles if r not in exact.roles)
                return exact
            if p >= 1 and len(words) >= 3 and not person_word(words[0]) and self._alone(words[0]):
                # "TJSL Pelindo Febrianto Zenny": "Pelindo" also stands alone in the article
                return self.add(" ".join(words[1:]), best.first, best.best_role(), titled=True)
            return best
        folded = " ".join(seq)
        for e in self.entities:
            if folded in e.aliases:
                return e
        if len(toks) == 1:
            (t,) = toks
            pref = [
                e
                for e in self.entities
                if len(t) >= 3
                and len(e.tokens) >= 2
                and (
                    any(w.startswith(t) and w != t for w in e.tokens)
                    # portmanteau nicknames: "Jokowi" for Joko Widodo
                    or any(t == e.tokens[0] + e.tokens[1][:k] for k in (1, 2, 3))
                )
            ]
            if len(pref) == 1:
                return pref[0]
        return exact

    def _standalone(self, word: str, nxt: str) -> bool:
        """``word`` occurs in the text not followed by ``nxt`` (capitalized, whole word)."""
        pattern = regex.compile(r"(?<!\w)" + regex.escape(word) + r"(?!\w)(?!\s+" + regex.escape(nxt) + r")")
        return pattern.search(self.text) is not None

    def _alone(self, word: str) -> bool:
        """``word`` occurs in the text followed by a lower-case word or punctuation (used on its own)."""
        pattern = regex.compile(r"(?<!\w)" + regex.escape(word) + r"(?=\s+\p{Ll}|\s*[,.;:)])")
        return pattern.search(self.text) is not None

    def roles_of(self, ent: Entity) -> list[str]:
        """Every role stated for any name variant of ``ent``."""
        out: list[str] = []
        for other in self.entities:
            if set(other.tokens) <= set(ent.tokens):
                out.extend(r for r in other.roles if r not in out)
        return out

    def by_role(self, role_text: str, before: int) -> Entity | None:
        """The person whose stated role matches a role-only mention (``Presiden``)."""
        low = _fold(role_text)
        words = set(low.split())
        targets = _role_aliases().get(low, [low])
        modifiers = speaker_lexicon().role_modifiers
        best: tuple[int, Entity] | None = None
        for ent in self.entities:
            if ent.kind != "person":
                continue
            for role in self.roles_of(ent):
                rl = _fold(role)
                rw = rl.split()
                ok = any(t in rl for t in targets) or (len(words) >= 1 and words <= set(rw))
                # "Wakil Presiden Ma'ruf Amin" does not answer "kata Presiden"
                at = next((i for i, w in enumerate(rw) if w in words or any(t.startswith(w + " ") or t == w for t in targets)), 0)
                if ok and any(tuple(rw[max(0, at - len(m)) : at]) == m for m in modifiers):
                    ok = False
                if ok:
                    score = max([m for m in ent.mentions if m <= before] or [-1])
                    if best is None or score > best[0]:
                        best = (score, ent)
        if best is None:
            return None
        return self.canonical(best[1].name) or best[1]  # "Presiden Jokowi" → Joko Widodo


def _clean_role(role: str | None) -> str | None:
    if not role:
        return None
    lex = speaker_lexicon()
    words = role.strip(" ,.").split()
    for dash in ("-", "—", "–"):
        if dash in words:  # a dateline before the role: "Suara.com - Bupati Poso"
            words = words[len(words) - words[::-1].index(dash) :]
    while words and (words[0].lower() in lex.determiners or words[0].lower() in ("yang", "selaku", "sebagai")):
        words = words[1:]
    stop = stop_words()
    while words and (words[0].lower() in stop or words[0].lower().strip(".") in lex.honorifics):
        words = words[1:]
    while words and (
        words[-1].lower() in ("itu", "ini", "tersebut", "yang", ",", "dan")
        or words[-1].lower() in lex.honorifics
        or words[-1].lower() in lex.degrees
        or any(tuple(w.lower().rstrip(".") for w in words[-len(r) :]) == r for r in lex.ranks)
    ):
        rank = next((r for r in lex.ranks if tuple(w.lower().rstrip(".") for w in words[-len(r) :]) == r), None)
        words = words[: -len(rank)] if rank else words[:-1]
    if not words or words[0].lower() in lex.not_role_heads:
        return None  # "Menurut akun resminya Rinaldy": a medium, not a role
    if words[-1].islower() and words[-1].endswith("nya") and len(words[-1]) > 6:
        words[-1] = words[-1][:-3]  # "ayah kandungnya" (his father) → the role "ayah kandung"
    # a role names an office, an organization or a description: it has a title or
    # organization word, an acronym or a lower-case word ("Festival Danau", "Menurut"
    # are not roles)
    if not any(
        w.lower() in lex.role_heads
        or w.lower() in lex.descriptors
        or w.lower() in lex.role_words_lower
        or w.lower() in lex.org_words
        or (w.isupper() and sum(ch.isalpha() for ch in w) >= 2)
        or w[:1].islower()
        for w in words
    ):
        return None
    out = " ".join(words).strip(" ,")
    return out or None


def _appositive(doc: Doc, start: int, step: int, lex: SpeakerLexicon) -> str | None:
    """A role phrase set off by commas before (``step=-1``) or after (``step=1``) a name."""
    toks = []
    k = start
    closed = False  # the phrase ends at a comma (or the sentence), as an appositive does
    while 0 <= k < len(doc) and len(toks) <= 24:
        t = doc[k]
        if t.text in {",", ".", ";", ":", "!", "?"} or t.text in QUOTE_MARK_CHARS or t.is_space or "\n" in t.text:
            closed = t.text in {",", "."} or step < 0
            break
        if step < 0 and t.text in {"-", "—", "–"}:
            closed = True  # a dateline ends there: "Jakarta, CNN Indonesia -- Nama desainer …"
            break
        if step > 0 and toks and t.lower_ in lex.adjunct_starters and t.lower_ not in ("dari", "di"):
            break  # "Gubernur DKI Jakarta dalam rapat …": the adjunct is not the role
        toks.append(t)
        k += step
    if not toks or len(toks) > 24:
        return None
    toks.sort(key=lambda t: t.i)
    if len(toks) > 2 and toks[0].text[:1].isupper() and toks[1].text[:1].islower() and (toks[1].lower_ in lex.role_heads or toks[1].lower_ in lex.descriptors):
        toks = toks[1:]  # "Nama desainer aksesori Indonesia, Rinaldy": the word before the title
    if any(t.lower_ in lex.function_words and t.lower_ not in ("dan", "dari", "di", "untuk", "serta", "sekaligus") for t in toks):
        return None  # "Menurut Fadil, masyarakat akan peduli jika …": a clause, not a title
    cues = cue_lexicon()
    if any(
        t.lower_ in cues or (t.lower_.startswith(("me", "ber")) and len(t.text) > 6 and t.text[:1].islower() and t.lower_ not in ("berusia", "berumur"))
        for t in toks
    ):
        return None  # a clause, not a noun phrase
    first = toks[0].lower_
    if first in stop_words() and first not in lex.determiners:
        return None
    ok = first in lex.role_heads or first in lex.descriptors or first in lex.determiners or first in lex.role_words_lower
    if not ok and toks[0].text[:1].islower():
        ok = closed and len(toks) <= 6 and not (first.startswith(("me", "ber", "di", "ter", "pe")) and len(first) > 5)
    if not ok:
        return None
    return _clean_role(tokens_text(doc, toks))


def build_registry(art: Article, cands: list[Candidate], use_ner_registry: bool | None = None) -> Registry:
    """Collect named people and organizations of the article with their stated roles."""
    doc, lex = art.doc, art.lex
    reg = Registry(art.text)
    if use_ner_registry is None:
        # entities are present only when the attributor runs with use_ner=True
        use_ner_registry = doc.has_annotation("ENT_IOB")
    # NER persons with the role phrase around them
    for ent in doc.ents if use_ner_registry else ():
        if ent.label_ != "PER":
            continue
        start = ent.start
        # extend left over the role words of the same noun phrase
        stop = stop_words()
        while start < ent.end and doc[start].lower_ in stop:
            start += 1  # NER sometimes swallows "Menurut", "Dikatakan"
        if start >= ent.end:
            continue
        while start > 0 and not doc[start - 1].is_punct and (
            doc[start - 1].text[:1].isupper() or doc[start - 1].lower_ in lex.role_words_lower or doc[start - 1].lower_ in lex.role_heads
        ):
            if doc[start - 1].lower_ in stop and doc[start - 1].lower_ not in lex.role_heads:
                break
            start -= 1
        role_toks, name_toks = split_role_name(doc, start, ent.end, lex)
        name = tokens_text(doc, name_toks)
        if not name:
            continue
        role = tokens_text(doc, role_toks)
        # appositive before: "Menteri Luar Negeri Rusia, Sergey Lavrov"
        if not role and start >= 2 and doc[start - 1].text == ",":
            ps = start - 2
            while ps > 0 and not doc[ps - 1].is_punct and (doc[ps - 1].text[:1].isupper() or doc[ps - 1].lower_ in lex.role_words_lower):
                ps -= 1
            prev = make_mention(doc, ps, start - 1, lex)
            if prev is not None and prev.kind == "role":
                role = prev.role
        # appositive after: "Yayat Sudrajat, Kepala Bidang …,"
        if not role and ent.end + 1 < len(doc) and doc[ent.end].text == ",":
            ae = np_end(doc, ent.end + 1, len(doc), lex)
            if ae > ent.end + 1:
                app = make_mention(doc, ent.end + 1, ae, lex)
                if app is not None and app.kind == "role":
                    role = app.role
        reg.add(name, ent.start_char, _clean_role(role))
    # title + name phrases: a second source of names and roles beside NER
    _heuristic_people(art, reg)
    for c in cands:
        m = c.mention
        if m is None or not m.name:
            continue
        kind = "organization" if m.kind == "organization" else "person"
        reg.add(m.name, m.start, _clean_role(m.role) if kind == "person" else None, kind).spoke = True
    _aliases(art.text, reg)
    _organizations_in_roles(reg)
    _trim_leaked_words(reg)
    _trim_organization_words(reg)
    _trim_words_of_spoken_roles(reg)
    _regain_cut_words(reg, art.lex)
    return reg


def _trim_words_of_spoken_roles(reg: Registry) -> None:
    """``kata vokalis OneRepublic Ryan Tedder``: the cue's reading puts *OneRepublic* in the
    role, so a name read elsewhere as *OneRepublic Ryan Tedder* starts at *Ryan* too."""
    for short in [e for e in reg.entities if e.spoke and e.kind == "person" and e.roles]:
        n = len(short.tokens)
        for ent in list(reg.entities):
            k = len(ent.tokens) - n
            if ent is short or ent.kind != "person" or k < 1 or ent.tokens[k:] != short.tokens:
                continue
            words = _name_words(ent.name)
            if len(words) != len(ent.tokens) or any(person_word(w) for w in words[:k]):
                continue
            if any(_name_tokens(r)[-k:] == ent.tokens[:k] for r in short.roles):
                _move_to_role(reg, ent, words, k)


def _trim_organization_words(reg: Registry) -> None:
    """``Direktur Utama Kimia Farma Verdi Budidarmo`` … ``Kimia Farma melalui …``: the
    article writes the title's last word with the name's first words elsewhere, without the
    rest of the name, so those words name the organization, not the person."""
    for ent in list(reg.entities):
        if ent.kind != "person" or not ent.titled or not ent.roles or len(ent.tokens) < 2:
            continue
        words = _name_words(ent.name)
        if len(words) != len(ent.tokens) or person_word(words[0]):
            continue
        head = ent.roles[0].split()[-1]
        if head.lower() in speaker_lexicon().role_heads:
            continue  # "Raja Bhumibol" elsewhere is the person by title and first name
        for k in range(len(words) - 1, 0, -1):
            rest = words[k:]
            if len(rest) == 1 and not (person_word(rest[0]) or name_likeness(rest[0]) > 0.0):
                continue
            org = " ".join([head] + words[:k])
            pattern = r"(?<![\w-])" + regex.escape(org) + r"(?![\w-])(?!\.?\s+" + regex.escape(words[k]) + r"(?![\w-]))"
            if regex.search(pattern, reg.text):
                _move_to_role(reg, ent, words, k)
                break


def _organizations_in_roles(reg: Registry) -> None:
    """``Founder Menganyam Pesisir Kharolin Hilda Amazona`` … ``Menganyam Pesisir tengah
    membina …``: a capitalized name with no title of its own that is the organization of
    someone's stated role names that organization, not a person."""
    roles = [" " + " ".join(_name_tokens(r)) + " " for e in reg.entities for r in e.roles]
    for ent in reg.entities:
        if ent.kind == "person" and not ent.roles and not ent.titled and len(ent.tokens) >= 2:
            phrase = " " + " ".join(ent.tokens) + " "
            if any(phrase in r for r in roles):
                ent.kind = "organization"


def _regain_cut_words(reg: Registry, lex: SpeakerLexicon) -> None:
    """``Kepala BKN Bima Haria Wibisana`` … ``kata Bima``: a word read as the end of the
    title (here a city name) that the article uses alone for a person starts the name."""
    cues = cue_lexicon()

    def after_post_cue(pos: int) -> bool:  # "kata Bima": the word is used for a person
        prev = reg.text[max(0, pos - 20) : pos].split()
        return bool(prev) and (c := cues.get(prev[-1].lower())) is not None and c.kind == "post"

    singles = {
        e.tokens[0]
        for e in reg.entities
        if len(e.tokens) == 1 and e.kind == "person" and e.spoke and any(after_post_cue(p) for p in e.mentions)
    }
    for ent in list(reg.entities):
        if ent.kind != "person" or not ent.titled or not ent.roles or ent.tokens[0] in singles:
            continue
        for i, role in enumerate(ent.roles):
            words = role.split()
            last = words[-1] if len(words) >= 2 else ""
            if not last[:1].isupper() or last.isupper() or _fold(last) not in singles or lex.is_role_word(last.lower()):
                continue
            ent.aliases.add(" ".join(ent.tokens))
            ent.name = f"{last} {ent.name}"
            ent.tokens = _name_tokens(ent.name)
            ent.roles[i] = " ".join(words[:-1])
            break


def _trim_leaked_words(reg: Registry) -> None:
    """``Direktur Telkomsel Setyanto Hantoro`` … ``kata Setyanto``: the word the article uses
    alone starts the name, and the words before it belong to the title.

    Applies to a name read after a title whose leading words have no first-name evidence;
    at least two words stay. The long form stays an alias and the title gets the words.
    """
    singles = {e.tokens[0] for e in reg.entities if len(e.tokens) == 1 and e.kind == "person"}
    for ent in list(reg.entities):
        if ent.kind != "person" or len(ent.tokens) < 3 or not ent.titled:
            continue
        words = ent.name.split()
        if len(words) != len(ent.tokens):
            continue
        p = next((i for i in range(1, len(ent.tokens) - 1) if ent.tokens[i] in singles), 0)
        if p == 0 or any(person_word(w) for w in words[:p]):
            continue
        if ent.tokens[0] in singles and not person_word(words[p]):
            continue  # both words are used alone: only a first-name word decides
        if p == 1 and not reg._standalone(words[0], words[1]):
            continue  # "Paulus Totok Lusida" … "kata Totok": people go by a second name too
        _move_to_role(reg, ent, words, p)


def _move_to_role(reg: Registry, ent: Entity, words: list[str], k: int) -> None:
    """The first ``k`` words of ``ent``'s name belong to its title: the name starts after
    them, the long form stays an alias, and a registered entity with the short name merges in."""
    lead = " ".join(words[:k])
    ent.aliases.add(" ".join(ent.tokens))
    ent.name, ent.tokens = " ".join(words[k:]), ent.tokens[k:]
    ent.roles = [f"{r} {lead}" for r in ent.roles] or [lead]
    for other in reg.entities:
        if other is not ent and other.tokens == ent.tokens:
            ent.mentions.extend(other.mentions)
            ent.roles.extend(r for r in other.roles if r not in ent.roles)
            other.aliases.add(" ".join(_name_tokens(lead + " " + ent.name)))


_ALIAS = regex.compile(
    r"\s*,?\s*(?:atau\s+(?:yang\s+)?(?:lebih\s+)?(?:akrab\s+|biasa\s+)?dikenal\s+(?:dengan|sebagai)|(?:yang\s+)?(?:lebih\s+)?(?:akrab\s+|biasa\s+)?dikenal\s+(?:dengan|sebagai)"
    r"|atau|alias|yang\s+(?:akrab|biasa)\s+(?:disapa|dipanggil)|(?:akrab|biasa)\s+(?:disapa|dipanggil))\s+"
    r"(?:(?:Gus|Cak|Kang|Bang|Mbak|Mas|Pak|Bu|Bung|Kak|Haji|H\.|Hj\.)\s+)?(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2})"
)
_ALIAS_WORD = regex.compile(r"(?<![\p{L}])(?:atau|alias|disapa|dipanggil|dikenal)(?![\p{L}])")
#: "Teco, sapaan (akrab) Stefano Cugurra": the nickname first, then the name it stands for
_NICKNAME_FIRST = regex.compile(
    r"(?<![\p{L}])(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?)\s*,\s*(?:nama\s+)?(?:sapaan|panggilan)\s+(?:akrab\s+)?(?:(?:bagi|untuk)\s+)?"
    r"(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,3})"
)


@lru_cache(maxsize=1)
def _known_aliases() -> dict[tuple[str, ...], frozenset[str]]:
    """Full name tokens → folded nicknames (``resources/aliases.json``), with and without
    a leading honorific (*Gus Ipul* is looked up as *ipul*)."""
    honorifics = speaker_lexicon().honorifics
    out: dict[tuple[str, ...], frozenset[str]] = {}
    for full, nicknames in load_json("aliases.json")["aliases"].items():
        forms: set[str] = set()
        for nick in nicknames:
            toks = _name_tokens(nick)
            forms.add(" ".join(toks))
            if len(toks) > 1 and toks[0] in honorifics:
                forms.add(" ".join(toks[1:]))
        out[_name_tokens(full)] = frozenset(forms)
    return out


def _aliases(text: str, reg: Registry) -> None:
    """``Saifullah Yusuf atau Gus Ipul``: the alias names the same person. Well-known
    nicknames (*Gus Ipul*, *Jokowi*) link to a full name the article states."""
    known = _known_aliases()
    stated = _ALIAS_WORD.search(text) is not None  # no alias phrase in the article: nothing to scan for
    for ent in list(reg.entities):
        if ent.kind != "person" or not ent.tokens:
            continue
        if len(ent.tokens) >= 2:
            ent.aliases.update(known.get(ent.tokens, ()))
        at = text.find(ent.name) if stated and ent.name else -1
        while at >= 0:
            end = at + len(ent.name)
            whole = (at == 0 or not text[at - 1].isalpha()) and (end >= len(text) or not text[end].isalpha())
            a = _ALIAS.match(text, end) if whole else None
            if a:
                ent.aliases.add(" ".join(_name_tokens(a.group(1))))
            at = text.find(ent.name, at + 1)
    for m in _NICKNAME_FIRST.finditer(text) if ("sapaan" in text or "panggilan" in text) else ():
        full = _name_tokens(m.group(2))
        ent = next((e for e in reg.entities if e.kind == "person" and e.tokens == full), None)
        if ent is not None:
            ent.aliases.add(" ".join(_name_tokens(m.group(1))))


def _heuristic_people(art: Article, reg: Registry) -> None:
    """Without NER: register title + name phrases and multi-word capitalized names."""
    doc, lex = art.doc, art.lex
    common = common_words()
    k = 0
    n = len(doc)
    while k < n:
        tok = doc[k]
        if not tok.text[:1].isupper() or tok.lower_ in lex.function_words or tok.lower_ in lex.pronouns or (
            tok.lower_ in lex.connectors and art.sents[art.sent_of(tok.idx)].start == tok.idx
        ):
            k += 1
            continue
        end = np_end(doc, k, n, lex)
        if end <= k:
            k += 1
            continue
        role_toks, name_toks = split_role_name(doc, k, end, lex)
        if name_toks and not all(t.text.isupper() for t in name_toks) and 2 * sum(t.lower_ in common for t in name_toks) <= len(name_toks) and (
            len(name_toks) >= 2 or _has_title_word(role_toks, lex) or (k >= 2 and doc[k - 1].text == ",")
        ):
            m = make_mention(doc, k, end, lex)
            if m is not None and m.kind == "name":
                role = tokens_text(doc, role_toks)
                role = _clean_role(role)
                if role is None:
                    # appositives: "kader PDI-P, Wiradarma Harefa," / "Kulna, ayah kandung X,"
                    if k >= 2 and doc[k - 1].text == ",":
                        role = _appositive(doc, k - 2, -1, lex)
                    if role is None and end + 1 < n and doc[end].text == ",":
                        role = _appositive(doc, end + 1, 1, lex)
                reg.add(tokens_text(doc, name_toks) or "", name_toks[0].idx, role, titled=bool(role_toks))
        k = max(end, k + 1)


def _has_title_word(toks: list[Token], lex: SpeakerLexicon) -> bool:
    """The words read before a name include a title, organization or description word or an
    acronym ("Piala Dunia Antarklub" has none: it is not a title and a name)."""
    return any(t.lower_ in lex.role_heads or lex.is_role_word(t.lower_) or t.lower_ in lex.descriptors or (t.text.isupper() and len(t.text) > 1) for t in toks)


def _confidence(c: Candidate, resolved: bool, kind: str | None) -> float:
    cal = _calibration()
    key = confidence_key(c, resolved, kind)
    p = cal["cells"].get(key, cal["patterns"].get(c.pattern, cal["default"]))
    if not c.closed:
        p += cal["unclosed"]
    return round(max(0.05, min(0.99, p)), 3)


def resolve(art: Article, cands: list[Candidate], source_text: str, reg: Registry | None = None) -> list[Quote]:
    """Turn candidates into :class:`Quote` records with canonical speakers and roles.

    Args:
        art: the article indexes the candidates were found on.
        cands: quote candidates in text order.
        source_text: the text as the user gave it (offsets are into it).
    """
    reg = reg if reg is not None else build_registry(art, cands)
    lex = art.lex
    out: list[Quote] = []
    last: tuple[Entity | None, str | None, str | None, str] | None = None  # (entity, name, role, type)
    last_end = -1
    last_person: tuple[Entity | None, str | None, str | None, str] | None = None
    resolved_by_id: dict[int, tuple[Entity | None, str | None, str | None, str]] = {}
    previous: tuple[Entity | None, str | None, str | None, str] | None = None  # the quote just before
    last_para = -10  # paragraph of the last attributed quote
    previous_end, previous_para = -1, -10  # where the quote just before ended
    previous_mention = ""  # its speaker mention as written (lower case)
    for c in cands:
        m = c.mention
        ent: Entity | None = None
        name: str | None = None
        role: str | None = None
        stype = "unknown"
        src = c.source
        if c.pattern == "continuation" and src is not None and id(src) in resolved_by_id:
            ent, name, role, stype = resolved_by_id[id(src)]
        elif c.pattern == "continuation" and src is not None and last is not None:
            ent, name, role, stype = last
        elif m is None:
            pass
        elif m.kind in ("pronoun", "clitic") or (m.kind in ("description", "role") and m.text.split()[-1].lower() in ("itu", "tersebut", "ini")) or (
            m.kind == "description" and m.text.lower() in lex.anaphoric_heads and _ANAPHORIC_TAIL.match(art.text, m.end)
        ):
            plural = m.text.lower() in lex.plural_pronouns
            head = m.text.split()[0].lower()
            if plural:
                if last is not None and last[0] is None:
                    ent, name, role, stype = last
            elif m.kind in ("description", "role") and previous is not None and previous[1] is None and previous[2] and previous[2].split()[0].lower() == head:
                # "“…,” kata sumber. Sumber itu menerangkan, …": the same unnamed source
                ent, name, role, stype = previous
            elif (
                m.kind in ("pronoun", "clitic")
                and previous is not None
                and previous[1] is None
                and previous[2]
                and previous[3] == "unknown"
                and previous_mention.split()[:1] in (["seorang"], ["salah"], ["sang"])
                and c.para - previous_para <= 1
                and _new_subject(art, reg, previous_end, min(c.start, m.start), None) is None
            ):
                # "Seorang pedagang … mengatakan …. “…,” katanya.": the unnamed individual just
                # reported (seorang, salah seorang …), with no one named since
                ent, name, role, stype = previous
            elif (newer := _new_subject(art, reg, last_end, min(c.start, m.start), last[0] if last else None)) is not None:
                # a person introduced as a sentence subject since the last quote
                ent, name, stype = newer, newer.name, "person"
            elif last is not None and last[1] is not None and last[3] == "person" and _personlike(last[0], last[1]):
                ent, name, role, stype = last
            elif last_person is not None and not plural:
                # the last speaker was an organization ("Pertamina memastikan …"): a person's
                # pronoun goes back to the last person who spoke
                ent, name, role, stype = last_person
            else:
                ent = _recent_person(reg, m.start)
                if ent is not None:
                    name, stype = ent.name, "person"
            if not plural and m.start >= c.end and (nxt := _next_speaker(art, reg, m.end)) is not None and nxt.name != name:
                # "“…,” katanya. Arfandy menambahkan, …": the next sentence goes on with a
                # speaker named more recently than the one found before the quote
                # ("Bandara Soekarno Hatta", read as a person, does not count)
                current = -1 if ent is None or nonperson_word((ent.name.split() or [""])[0]) else _last_mention(reg, ent, m.start)
                if _last_mention(reg, nxt, m.start) > current:
                    ent, name, role, stype = nxt, nxt.name, None, "person"
            if m.kind in ("description", "role") and ent is None:
                role = _clean_role(m.role or m.text)
                stype = "person" if m.kind == "role" else "unknown"
        elif m.kind == "name":
            ent = None
            if m.role and len((m.name or "").split()) == 1:
                # "kata Bupati Poso" / "kata Kapolsek Pesantren": a title with its place
                by_role = reg.by_role(f"{m.role} {m.name}", m.start)
                if by_role is not None and by_role.tokens != _name_tokens(m.name or ""):
                    ent = by_role
            ent = ent or _after_honorific(reg, m.name or "", m.start) or reg.canonical(m.name or m.text)
            name = ent.name if ent else m.name
            stype = "person"
        elif m.kind == "organization":
            org = reg.canonical(m.name or m.text)
            short = _name_tokens(m.name or m.text)
            fuller = org is not None and org.tokens[: len(short)] == short and (org.kind == "organization" or (len(org.tokens) <= 3 and not org.roles))
            name = org.name if fuller and org is not None else (m.name or m.text)
            stype = "organization"
            role = _clean_role(m.role)
        elif m.kind == "role":
            ent = reg.by_role(m.role or m.text, m.start)
            stype = "person"
            if ent is not None:
                name = ent.name
            elif _proper_not_title(m.text, lex):
                # "pungkas AIAC", "Starbucks Corp menyatakan", "Amerika menyebut": a proper
                # name with no title word is a body speaking (or a person by initials)
                ent = _person_by_initials(reg, m.text)
                if ent is not None:
                    name = ent.name
                else:
                    name, stype = m.text, "organization"
            elif _refers_back(m.text, lex) and last_person is not None and last_person[1] is not None and c.para - last_para <= 1:
                ent, name, role, stype = last_person  # "sambung pelatih asal Prancis": the person being reported
            else:
                role = _clean_role(m.role or m.text)
        else:  # description: "kata pengamat keamanan" may name the article's pengamat keamanan
            role = _clean_role(m.role or m.text)
            stype = "unknown"
            words = (role or "").lower().split()
            if len(words) >= 2:
                ent = reg.by_role(role or "", m.start)
                if ent is not None:
                    name, stype = ent.name, "person"
            if ent is None and _refers_back(m.text, lex) and last_person is not None and last_person[1] is not None and c.para - last_para <= 1:
                ent, name, role, stype = last_person  # as for a role mention above
        if ent is not None:
            roles = reg.roles_of(ent)
            if roles:
                role = max(roles, key=lambda r: len(r.split()))
            elif m is not None and m.role and not role and m.role != m.text:
                role = _clean_role(m.role)
            if ent.kind == "organization":
                stype = "organization"
            elif stype == "unknown":
                stype = "person"
        elif m is not None and m.kind == "name" and m.role and not role:
            role = _clean_role(m.role)
        resolved = name is not None or (m is not None and m.kind in ("description", "organization"))
        key = (ent, name, role, stype)
        resolved_by_id[id(c)] = key
        previous = key
        previous_end, previous_para = c.end, c.para
        previous_mention = m.text.lower() if m is not None else ""
        if name is not None or stype != "unknown":
            last = key
            last_end = c.end
            last_para = c.para
            if stype == "person" and name is not None and _personlike(ent, name):
                last_person = key
        cont = c.pattern == "continuation"
        sp_text = None if cont or m is None else source_text[m.start : m.end]
        out.append(
            Quote(
                type=c.type,  # type: ignore[arg-type]
                quote=source_text[c.start : c.end],
                quote_start=c.start,
                quote_end=c.end,
                speaker=sp_text,
                speaker_start=None if cont or m is None else m.start,
                speaker_end=None if cont or m is None else m.end,
                speaker_name=name,
                speaker_type=stype,  # type: ignore[arg-type]
                role=role,
                cue=c.cue,
                via=c.via,
                confidence=_confidence(c, resolved, m.kind if m else None),
            )
        )
    return out


def _refers_back(text: str, lex: SpeakerLexicon) -> bool:
    """A bare description of one person (pelatih asal Prancis, penyerang berusia 32 tahun): no
    determiner (seorang, para), not a group or unnamed source (warga, sumber, pihak), lower case.
    Right after a cue, in the paragraph of the person being reported or the next, it is that
    person again."""
    words = text.split()
    if len(words) < 2 or not words[0][:1].islower():
        return False
    first = words[0].lower()
    two = " ".join(w.lower() for w in words[:2])
    return not (first in lex.determiners or two in lex.determiners or first in lex.group_heads or two in lex.group_heads or first in lex.plural_pronouns)


def _proper_not_title(text: str, lex: SpeakerLexicon) -> bool:
    """Capitalized words none of which is a title, rank, honorific or description word."""
    words = text.split()
    if not words or len(words) > 5:
        return False
    for w in words:
        low = w.lower().strip(".,")
        if not w[:1].isupper() or low in lex.role_heads or low in lex.descriptors or low in lex.honorifics or low in lex.rank_words or low in lex.jurisdiction_heads:
            return False
    return True


def _person_by_initials(reg: Registry, text: str) -> Entity | None:
    """``AQ`` for the one person of the article whose name has those initials (Achsanul Qosasi)."""
    if not (text.isupper() and 2 <= len(text) <= 4 and text.isalpha()):
        return None
    hits = [e for e in reg.entities if e.kind == "person" and len(e.tokens) == len(text) and "".join(t[0] for t in e.tokens) == text.lower()]
    return hits[0] if len(hits) == 1 else None


def _after_honorific(reg: Registry, word: str, before: int) -> Entity | None:
    """``kata Raden`` after ``Raden Pardede``: the person whose name last followed the
    honorific before ``before`` (the name itself is kept without it)."""
    if " " in word or word.lower().rstrip(".") not in speaker_lexicon().honorifics:
        return None
    best: Entity | None = None
    for m in regex.finditer(r"(?<![\w-])" + regex.escape(word) + r"\s+(\p{Lu}[\p{L}'’-]+)", reg.text[:before]):
        best = reg.canonical(m.group(1)) or best
    return best


def _personlike(ent: Entity | None, name: str | None) -> bool:
    """A speaker a pronoun can refer to: a full name, or a name read with a title or role."""
    if ent is None:
        return bool(name) and len((name or "").split()) >= 2
    return len(ent.tokens) >= 2 or ent.titled or bool(ent.roles)


def _new_subject(art: Article, reg: Registry, after: int, before: int, current: Entity | None) -> Entity | None:
    """The latest person named as a sentence subject between the last quote and ``before``.

    Subject position: the name opens its sentence, possibly after a title ("Kepala Dinas
    X Budi Santoso juga meninjau …") or a short adverbial set off by a comma.
    """
    if after < 0:
        return None
    text = art.text
    common = common_words()
    best: tuple[int, Entity] | None = None
    for ent in reg.entities:
        if ent.kind != "person" or ent is current or (len(ent.tokens) < 2 and not ent.spoke):
            continue
        if ent.tokens[0] in common and not (ent.titled or ent.spoke):
            continue  # "Ibadah Tarawih yang …": capitalized common words open the sentence
        if current is not None and set(ent.tokens) <= set(current.tokens):
            continue
        for p in ent.mentions:
            if not (after < p < before) or (best is not None and p <= best[0]):
                continue
            sent = art.sents[art.sent_of(p)]
            prefix = text[sent.start : p].strip()
            # "Secara terpisah, Wakil Ketua Komisi X DPR Hetifah …": a short adverbial, then a title
            lead, _, title = prefix.rpartition(",")
            title_words = title.split()
            titled = _title_like(title_words, art.lex)
            lead_words = lead.split()
            # a subheading run into the sentence ("Banyak hikmahnya Secara terpisah, …"):
            # the lead starts again at a capitalized connector
            for i in range(len(lead_words) - 1, 0, -1):
                if lead_words[i][:1].isupper() and (lead_words[i].lower() in art.lex.connectors or lead_words[i].lower() in art.lex.adjunct_starters):
                    lead_words = lead_words[i:]
                    break
            if not prefix or (titled and (not lead_words or (len(lead_words) <= 4 and not any(w[:1].isupper() for w in lead_words[1:])))):
                best = (p, ent)
            elif not lead and _glued_heading_title(prefix.split(), art.lex):
                best = (p, ent)  # "Kawal kotak suara Kepala Bidang Humas Polda Maluku M Roem …"
            elif _after_passive_cue(prefix):
                best = (p, ent)  # "Hal senada disampaikan Rizki Rifai, …": the agent of a speech verb
    if best is None:
        return None
    return reg.canonical(best[1].name) or best[1]


def _title_like(words: list[str], lex: SpeakerLexicon) -> bool:
    """Words that can form a title before a name: capitalized words, "(BKN)", and/of/dan."""
    return all(
        w.lstrip("(")[:1].isupper() or w.lower() in lex.role_words_lower or w.lower() in ("and", "of", "for", "the", "to", "in", "dan")
        for w in words
    )


def _glued_heading_title(words: list[str], lex: SpeakerLexicon) -> bool:
    """A few words of a subheading, then a title that opens with a role word (*Kawal kotak
    suara* + *Kepala Bidang Humas Polda Maluku*): the name after it is the subject."""
    for i, w in enumerate(words[:5]):
        if i > 0 and w[:1].isupper() and w.lower() in lex.role_heads:
            heading = [x.lower() for x in words[:i]]
            # "Begitu pula Menteri Sosial X": a connector, not a heading
            if any(x in lex.adverbs or x in lex.connectors or x in lex.function_words for x in heading):
                return False
            return _title_like(words[i:], lex)
    return False


_NEXT_SUBJECT = regex.compile(
    r"(?:[^,“”\"\n]{0,30},\s*)?(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2})\s+(?:(?:juga|pun|lalu|kemudian|kembali)\s+)?(\p{Ll}+)"
)


def _next_speaker(art: Article, reg: Registry, cue_end: int) -> Entity | None:
    """The person who opens the next sentence with a continuing speech verb, if already named.

    ``“…,” katanya. Arfandy menambahkan, …``: journalists name the speaker of a *-nya*
    quote right after it when they go on reporting the same person.
    """
    si = art.sent_of(cue_end)
    if si + 1 >= len(art.sents):
        return None
    nxt = art.sents[si + 1]
    if art.text[cue_end : nxt.start].count("\n") > 1:
        return None  # a new paragraph may start with someone else
    m = _NEXT_SUBJECT.match(art.text, nxt.start, nxt.end)
    if m is None or m.group(2) not in continuing_verbs():
        return None
    ent = reg.canonical(m.group(1))
    if ent is None or ent.kind != "person" or not _personlike(ent, ent.name) or min(ent.mentions) >= cue_end:
        return None
    return ent


def _last_mention(reg: Registry, ent: Entity, before: int) -> int:
    """Position of the latest mention of ``ent`` or a shorter form of its name before ``before``."""
    toks = set(ent.tokens)
    return max([p for e in reg.entities if e.kind == ent.kind and set(e.tokens) <= toks for p in e.mentions if p < before] or [-1])


#: "tambah pria yang bekerja sebagai …", "ujar pria kelahiran 1970 itu": a bare person noun
#: followed by a clause about the person already reported
_ANAPHORIC_TAIL = regex.compile(r"\s+(?:yang|itu|tersebut|ini|kelahiran|asal|berusia)\b")


def _after_passive_cue(prefix: str) -> bool:
    """``prefix`` (a sentence up to a name) ends in a passive speech verb, maybe with a title:
    *Hal senada dikemukakan (oleh) Koordinator DFW Indonesia* + name."""
    words = prefix.split()
    cues = cue_lexicon()
    for i in range(len(words) - 1, max(-1, len(words) - 12), -1):
        w = words[i].lower().strip(",")
        c = cues.get(w)
        if c is not None and c.kind == "passive" and not c.clitic:
            return True
        if w == "oleh" or words[i][:1].isupper() or words[i].startswith("(") or w in ("dan", "of", "the", "for"):
            continue  # the title words between the verb and the name
        return False
    return False


def _recent_person(reg: Registry, before: int) -> Entity | None:
    best: tuple[int, Entity] | None = None
    for ent in reg.entities:
        if ent.kind != "person":
            continue
        pos = max([p for p in ent.mentions if p < before] or [-1])
        if pos >= 0 and (best is None or pos > best[0]):
            best = (pos, ent)
    if best is None:
        return None
    full = reg.canonical(best[1].name)
    return full or best[1]


def extract_quotes(doc: Doc, source_text: str | None = None, learned_roles: bool = True) -> list[Quote]:
    """Find and attribute every quote of one Doc (plain function behind the pipeline component).

    Args:
        learned_roles: fill the roles the rules leave empty with the learned role scorer
            (:mod:`quoteattr.roles`), when its model is installed.
    """
    from quoteattr.attribution import find_candidates

    art, cands = find_candidates(doc)
    quotes = resolve(art, cands, source_text if source_text is not None else doc.text)
    quotes = one_role_per_speaker(link_short_forms(quotes, art.text, source_text if source_text is not None else doc.text))
    if learned_roles:
        from quoteattr.roles import role_model

        model = role_model()
        if model is not None:
            quotes = fill_roles(art, quotes, model, source_text if source_text is not None else doc.text)
    return quotes


def one_role_per_speaker(quotes: list[Quote]) -> list[Quote]:
    """One entity, one role: every quote of a named speaker gets the fullest role any of them has."""
    best: dict[str, str] = {}
    for q in quotes:
        if q.speaker_name and q.role and len(q.role.split()) > len(best.get(q.speaker_name, "").split()):
            best[q.speaker_name] = q.role
    return [replace(q, role=best[q.speaker_name]) if q.speaker_name in best and q.role != best[q.speaker_name] else q for q in quotes]


def fill_roles(art: Article, quotes: list[Quote], model: Any, source_text: str) -> list[Quote]:
    """Give each named speaker the rules left without a role the learned scorer's best candidate.

    One role per speaker: every quote of that speaker gets it. The anaphoric descriptions the
    article used for the speaker (*kata pelatih asal Prancis itu*) are candidates too.
    """
    from quoteattr.roles import best_role, is_description

    named = {q.speaker_name for q in quotes if q.speaker_name and q.speaker_type != "organization"}
    if not named:
        return quotes
    found: dict[str, str | None] = {}
    for name in named:
        ruled = next((q.role for q in quotes if q.speaker_name == name and q.role), None)
        descs = []
        for q in quotes:
            if q.speaker_name == name and is_description(q.speaker) and q.speaker_start is not None:
                span = art.doc.char_span(q.speaker_start, q.speaker_end, alignment_mode="expand")
                if span is not None:
                    descs.append((span.start, span.end))
        own = [(q.quote_start, q.quote_end) for q in quotes if q.speaker_name == name]  # a role is not in what they said
        best = best_role(art.doc, name, art.lex, model, descs, own)
        role = _clean_role(best[0]) if best else None
        if ruled is None:
            found[name] = role
        elif role is not None and _extends(role, ruled):
            found[name] = role  # the fullest form: "Kapolsek" → "Kapolsek Medan Barat"
    found = {k: v for k, v in found.items() if v}
    if not found:
        return quotes
    return [replace(q, role=found[q.speaker_name]) if q.speaker_name in found else q for q in quotes]


def _extends(longer: str, shorter: str) -> bool:
    """``longer`` holds every word of ``shorter`` and more: the same role written in full
    (*Kapolsek* → *Kapolsek Sukamaju Barat*, *hukum Rizieq* → *Kuasa hukum Rizieq*)."""
    a, b = _fold(longer).split(), _fold(shorter).split()
    return len(a) > len(b) and all(w in a for w in b)
