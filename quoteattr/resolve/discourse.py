"""Resolving each candidate's speaker in text order, carrying a :class:`DiscourseState`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise
from typing import NamedTuple

import regex
from spacy.tokens import Span

from quoteattr.article import Article
from quoteattr.candidates.record import Candidate
from quoteattr.mentions import Mention, make_mention, name_likeness, nonperson_word, np_end, person_word
from quoteattr.mentions.words import derived_noun
from quoteattr.resolve.antecedents import (
    ANAPHORIC_TAIL,
    after_honorific,
    last_mention,
    names_an_institution,
    new_subject,
    next_speaker,
    person_by_initials,
    personlike,
    proper_not_title,
    recent_person,
    refers_back,
)
from quoteattr.resolve.confidence import confidence
from quoteattr.resolve.linking import Linker, antecedent_candidates
from quoteattr.resolve.people import build_registry
from quoteattr.resolve.registry import Entity, Registry, fold, name_tokens, without_acronym
from quoteattr.resolve.role_text import clean_role
from quoteattr.types import Quote


class Reading(NamedTuple):
    """Who a quote's speaker was read to be: the entity, its name, the role and the speaker type."""

    ent: Entity | None = None
    name: str | None = None
    role: str | None = None
    stype: str = "unknown"


UNREAD = Reading()


@dataclass
class DiscourseState:
    """What resolution remembers while it reads the candidates in text order."""

    #: the last quote whose speaker has a name or a type, where it ended, its paragraph
    last: Reading | None = None
    last_end: int = -1
    last_para: int = -10
    #: the last quote spoken by a person a pronoun can refer to
    last_person: Reading | None = None
    #: the quote just before, where it ended, its paragraph, its mention as written (lower case)
    previous: Reading | None = None
    previous_end: int = -1
    previous_para: int = -10
    previous_mention: str = ""
    #: every candidate's reading, by ``id(candidate)`` (continuations look up their source)
    by_candidate: dict[int, Reading] = field(default_factory=dict)
    #: the spans of all the article's quotes, in text order (names said inside a quote are not antecedents)
    spans: list[tuple[int, int]] = field(default_factory=list)
    #: the learned antecedent chooser (:mod:`.linking`), or None for the rules alone
    linker: Linker | None = None

    def remember(self, c: Candidate, r: Reading, reg: Registry | None = None) -> None:
        """Move on past candidate ``c``, whose speaker was read as ``r`` (with the article's
        registry ``reg``)."""
        self.by_candidate[id(c)] = r
        self.previous = r
        self.previous_end, self.previous_para = c.end, c.para
        self.previous_mention = c.mention.text.lower() if c.mention is not None else ""
        if r.name is not None or r.stype != "unknown":
            self.last, self.last_end, self.last_para = r, c.end, c.para
            if r.stype == "person" and r.name is not None and personlike(r.ent, r.name, reg) and " dan " not in r.name:
                self.last_person = r  # not two people named together: "ia" after them is one of them

    def refers_back_to_last_person(self, art: Article, c: Candidate, m: Mention) -> bool:
        """A bare description (*pelatih asal Prancis*) right after the last person's quote."""
        return refers_back(m.text, art.lex) and self.last_person is not None and self.last_person.name is not None and c.para - self.last_para <= 1


def resolve(art: Article, cands: list[Candidate], source_text: str, reg: Registry | None = None, linker: Linker | None = None) -> list[Quote]:
    """Turn candidates into :class:`Quote` records with canonical speakers and roles.

    Args:
        art: the article indexes the candidates were found on.
        cands: quote candidates in text order.
        source_text: the text as the user gave it (offsets are into it).
        linker: the learned antecedent chooser for anaphors (:mod:`.linking`), or None.
    """
    reg = reg if reg is not None else build_registry(art, cands)
    state = DiscourseState(spans=sorted((c.start, c.end) for c in cands), linker=linker)
    out: list[Quote] = []
    for c in cands:
        r = _complete(reg, c.mention, _read(art, reg, state, c))
        state.remember(c, r, reg)
        out.append(_quote(art, c, r, source_text))
    return out


def _read(art: Article, reg: Registry, state: DiscourseState, c: Candidate) -> Reading:
    """The speaker of ``c``: its source's for a continuation, else the first rule of
    :data:`SPEAKER_RULES` that applies to its mention."""
    src = c.source
    if c.pattern == "continuation" and src is not None:
        if id(src) in state.by_candidate:
            return _linked(art, reg, state, c, None, state.by_candidate[id(src)])
        if state.last is not None:
            return _linked(art, reg, state, c, None, state.last)
    m = c.mention
    if m is None:
        # a speech verb with no subject written, or a quote paragraph with no cue and no quote
        # before it to continue: the person the narrative is about
        return _elided_subject(reg, art, state, c) if c.pattern in ("indirect_verb_learned", "continuation") else UNREAD
    for _rule_id, applies, read in SPEAKER_RULES:
        if applies(art, m):
            return read(art, reg, state, c, m)
    return UNREAD


def _elided_subject(reg: Registry, art: Article, state: DiscourseState, c: Candidate) -> Reading:
    """The speaker of a speech verb with no subject written (*…, sekaligus mengharapkan agar …*;
    *Gus Ipul, sapaan akrabnya, mengaku …*): as for a pronoun, a person made a sentence's
    subject since the last quote, else the last speaker, else the last person named."""
    last = state.last
    newer = new_subject(art, reg, state.last_end, c.start, last.ent if last else None)
    if newer is not None:
        return Reading(newer, newer.name, None, "person")
    if last is not None and last.name is not None:
        return last
    ent = recent_person(reg, c.start)
    return Reading(ent, ent.name, None, "person") if ent is not None else UNREAD


def _is_anaphor(art: Article, m: Mention) -> bool:
    """A pronoun or *-nya*, a description or role closed by a demonstrative (*pelatih itu*), or an
    anaphoric head with a clause about the person (*ujar pria kelahiran 1970 itu*)."""
    return m.kind in ("pronoun", "clitic") or (m.kind in ("description", "role") and m.text.split()[-1].lower() in art.lex.words.demonstratives) or (
        m.kind == "description" and m.text.lower() in art.lex.anaphoric_heads and ANAPHORIC_TAIL.match(art.text, m.end) is not None
    ) or (m.kind in ("description", "role") and _lower_description_going_on(art, m))


def _lower_description_going_on(art: Article, m: Mention) -> bool:
    """A lower-case title or description of one word the sentence goes on describing (*beber
    pelatih berusia 54 tahun itu*, *tambah pemain yang kini memperkuat Persib itu*), or one
    opened by a definite determiner (*tutur sang pelatih*, *Sang gelandang mengaku …*): the
    person being reported."""
    words = [w.lower() for w in m.text.split()]
    definite = bool(words) and words[0] in art.lex.words.definite_determiners  # "Sang gelandang" opens a sentence too
    if not words or not (m.text[:1].islower() or definite) or any(w in art.lex.group_heads or w in art.lex.plural_pronouns for w in words):
        return False  # not a group or an unnamed source (sang sumber, warga)
    lex = art.lex
    if len(words) == 1 and words[0] not in lex.determiners and (words[0] in lex.role_heads or words[0] in lex.descriptors or words[0] in lex.anaphoric_heads):
        return ANAPHORIC_TAIL.match(art.text, m.end) is not None
    return len(words) >= 2 and words[0] in lex.words.definite_determiners


def _read_anaphor(art: Article, reg: Registry, state: DiscourseState, c: Candidate, m: Mention) -> Reading:
    """``anaphor``: “…,” katanya. / “…,” ujar pria itu. The antecedent, or the speaker the next
    sentence goes on with (“…,” katanya. Arfandy menambahkan, …)."""
    if _describes_a_body(art, m):
        return _body_referred_to(art, reg, state, m)
    plural = m.text.lower() in art.lex.plural_pronouns
    r = _antecedent(art, reg, state, c, m, plural)
    if not plural and m.start >= c.end and (nxt := next_speaker(art, reg, m.end)) is not None and nxt.name != r.name:
        # the next sentence goes on with a speaker named more recently than the one found
        # before the quote ("Bandara Soekarno Hatta", read as a person, does not count)
        current = -1 if r.ent is None or nonperson_word((r.ent.name.split() or [""])[0]) else last_mention(reg, r.ent, m.start)
        if last_mention(reg, nxt, m.start) > current:
            return Reading(nxt, nxt.name, None, "person")  # a positional reading the linker does not overrule
    if not plural and not _subject_of_a_new_paragraph(art, reg, state, c, m, r):
        r = _linked(art, reg, state, c, m, r)
    if m.kind in ("description", "role") and r.ent is None:
        r = r._replace(role=clean_role(m.role or m.text, art.lex), stype="person" if m.kind == "role" else "unknown")
    if m.text.lower() in art.lex.words.party_pronouns and r.ent is not None and r.stype == "person":
        party = _organization_of_roles(art, reg, reg.roles_of(r.ent), r.ent.first)
        if party is not None:
            return Reading(party, party.name, None, "organization")  # "Pihaknya …": the person's organization
    return r


def _describes_a_body(art: Article, m: Mention) -> bool:
    """A description of a body closed by a demonstrative (*Perusahaan teknologi Amerika itu*,
    *klub tersebut*: ``organization_description_heads``)."""
    words = [w.lower() for w in m.text.split()]
    if words and words[0] in art.lex.words.definite_determiners:
        words = words[1:]
    return len(words) >= 2 and words[0] in art.lex.words.organization_description_heads and words[-1] in art.lex.words.demonstratives


def _party_of_a_body(art: Article, m: Mention) -> bool:
    """A party named by a description of a body (*pihak perusahaan*, *pihak klub*: ``party_heads``
    and ``organization_description_heads``): an organization, never a person."""
    words = m.text.split()
    heads = art.lex.words.organization_description_heads
    if len(words) == 1:  # "Pengembangnya mengatakan", "kata produsen": the head alone
        low = words[0].lower()
        return low in heads or low.removesuffix("nya") in heads
    return len(words) == 2 and words[1].islower() and words[0].lower() in art.lex.words.party_heads and words[1] in heads


def _body_referred_to(art: Article, reg: Registry, state: DiscourseState, m: Mention) -> Reading:
    """The organization a description of a body refers back to: the last speaker if it was
    one, else the organization subject of this sentence or the two before, else the latest
    organization the article named; never a person (*klub tersebut* after a player spoke)."""
    role = clean_role(m.role or m.text, art.lex)  # the description is the body's role (Bank sentral)
    last = state.last
    if last is not None and last.stype == "organization" and last.name:
        return last._replace(role=last.role or role)
    body = _organization_subject(art, reg, m)
    if body is None:
        named = [(max(p for p in e.mentions if p < m.start), e) for e in reg.entities if e.kind == "organization" and any(p < m.start for p in e.mentions)]
        body = max(named, key=lambda x: x[0])[1] if named else None
    if body is None:
        return Reading(None, None, role, "unknown")
    return Reading(body, body.name, role, "organization")


def _subject_of_a_new_paragraph(art: Article, reg: Registry, state: DiscourseState, c: Candidate, m: Mention, r: Reading) -> bool:
    """The rules read a pronoun as the person a new paragraph made its subject, after the last
    speaker's paragraph (*… kata Agus.* / *Kwik juga diperiksa. Ia mengaku …*): a positional
    reading the linker does not overrule."""
    last = state.last
    if r.ent is None or last is None or last.ent is r.ent or state.last_para >= c.para:
        return False
    newer = new_subject(art, reg, state.last_end, min(c.start, m.start), last.ent)
    if newer is None or newer.name != r.name:
        return False
    latest = max((p for p in newer.mentions if p < c.start), default=-1)
    return art.para_of(latest) == c.para


def _linked(art: Article, reg: Registry, state: DiscourseState, c: Candidate, m: Mention | None, r: Reading) -> Reading:
    """The rules' reading ``r``, or the one the learned linker (:mod:`.linking`) prefers. An
    indefinite description (*seorang pria*, *salah satu warga*) introduces someone new: the
    linker is not asked."""
    if state.linker is None or (m is not None and (m.text.split() or [""])[0].lower() in art.lex.words.unnamed_person_openers):
        return r
    options, rule = antecedent_candidates(art, reg, state, c, m, r)
    k = state.linker.choose(options, rule, (c, m)) if options else rule
    if k < 0 or k == rule:
        return r
    o = options[k]
    if not o.name:
        return Reading(None, None, r.role if r.ent is None else None, "unknown")
    return Reading(o.ent, o.name, None, "organization" if o.kind == "organization" else "person")


def _organization_of_roles(art: Article, reg: Registry, roles: list[str], pos: int) -> Entity | None:
    """The organization the fullest of ``roles`` names after its title words (*Wakil Ketua
    Komisi Nasional Hak Asasi Manusia (Komnas HAM)* → *Komisi Nasional Hak Asasi Manusia*;
    *Founder Otenta* → *Otenta*): from its first acronym (past the units before it:
    *Koordinator Divisi Advokasi AJI Kota Jayapura*), else its first organization word or
    capitalized word that is no title, to its end; an acronym the article spells out is read
    spelled out. ``pos``: where the person was named, the organization's mention."""
    if not roles:
        return None
    lex = art.lex
    words = max(roles, key=lambda r: len(r.split())).split()

    def title(w: str) -> bool:
        low = w.lower().strip("(),")
        return low in lex.role_heads or low in lex.rank_words

    role = " ".join(words)
    for i, w in enumerate(words):
        acronym = w.strip("(),")
        if w.startswith("(") and acronym.isupper() and (spelled := reg.spelled_out(acronym)) is not None and spelled in role:
            # "… Lembaga Bantuan Warga (LBW)": the name the acronym stands for
            return reg.add(" ".join([spelled, *words[i + 1 :]]).strip(" ,"), pos, kind="organization")
    # an acronym names the organization past its units (Koordinator Divisi Advokasi AJI Kota …)
    starts = [i for i, w in enumerate(words) if i > 0 and w.isupper() and len(w) > 1 and w.isalpha() and not title(w) and not w.startswith("(")]
    starts += [i for i, w in enumerate(words) if i > 0 and w[:1].isupper() and not title(w) and (w.lower() in lex.org_words or not lex.is_role_word(w.lower()))]
    if not starts:
        return None
    i = starts[0]
    rest = words[i:]
    if not all(w[:1].isupper() or w[:1] in "(&" or w.lower() in lex.words.organization_name_joiners for w in rest):
        return None  # "Manager Pelabuhan kawasan Tegal": a place described, not an organization's name
    if rest[0].isupper() and (spelled := reg.spelled_out(rest[0])) is not None:
        rest = [spelled, *rest[1:]]
    name = without_acronym(" ".join(rest).strip(" ,"))
    return reg.add(name, pos, kind="organization") if name else None


def _group_name(art: Article, reg: Registry, words: Span) -> bool:
    """A name read as a subject that can stand for a group: an organization word in it (*Bank
    Indonesia*), or one word that is no common, derived, person's or non-name word, is not
    spelled much like a person's name (*Kulina*, *Coldplay*) and is no word of a person's full
    name read in the article (*Sandiaga* of *Sandiaga Uno*)."""
    lex = art.lex
    toks = [t for t in words if t.is_alpha]
    if any(t.lower_ in lex.org_words for t in toks):
        return True
    if len(toks) != 1:
        return False
    t = toks[0]
    if t.lower_ in lex.common_words or derived_noun(t.text, lex) or person_word(t.text, lex) or nonperson_word(t.text, lex) or name_likeness(t.text) > 0.3:
        return False
    return not any(e.kind == "person" and len(e.tokens) >= 2 and fold(t.text) in e.tokens for e in reg.entities)


def _people_named_together(art: Article, reg: Registry, m: Mention) -> str | None:
    """Two people named together by *dan* in the sentence of ``m`` (before it) or one of the
    two before (*… yakni Rhett Reese dan Paul Wernick. Mereka mengungkap …*): what *mereka*
    refers to, as *A dan B* with each one's fullest name; ``None`` when there are none."""
    text = art.text
    si = art.sent_of(m.start)
    people = [(p, e) for e in reg.entities if e.kind == "person" and len(e.tokens) >= 2 for p in e.mentions if p < m.start]
    ends = {p: p + len(e.name) for p, e in people}
    for sj in (si, si - 1, si - 2):
        if sj < 0:
            break
        sent = art.sents[sj]
        inside = sorted((p, e) for p, e in people if sent.start <= p < sent.end)
        for (p1, e1), (p2, e2) in reversed(list(pairwise(inside))):
            if e1 is not e2 and text[ends[p1] : p2] == " dan ":
                first, second = reg.canonical(e1.name) or e1, reg.canonical(e2.name) or e2
                return f"{first.name} dan {second.name}"
    return None


def _organization_subject(art: Article, reg: Registry, m: Mention) -> Entity | None:
    """The organization that is the subject of the sentence of ``m`` (before it) or of one of the
    two sentences before: what *mereka* refers to (*TCL membekali ponsel itu …, namun mereka
    menjanjikan …*; *Kulina adalah startup Yogyakarta. Mereka mengklaim …*). The subject opens
    the sentence after its connectors and is read as an organization, an acronym or a name (a
    plural pronoun does not stand for one person); ``None`` otherwise."""
    doc, lex = art.doc, art.lex
    si = art.sent_of(m.start)
    for sj in (si, si - 1, si - 2):
        if sj < 0:
            break
        s_tok, e_tok = art.sent_toks(sj)
        if sj == si:
            e_tok = min(e_tok, art.tok_at(m.start))
        k = s_tok
        while k < e_tok and (doc[k].is_space or doc[k].is_punct or doc[k].lower_ in lex.connectors or doc[k].lower_ in lex.adverbs):
            k += 1
        if k >= e_tok or not doc[k].text[:1].isupper():
            continue
        end = np_end(doc, k, e_tok, lex)
        subject = make_mention(doc, k, end, lex) if end > k else None
        if subject is None or (end < e_tok and doc[end].is_punct and doc[end].text != "("):
            continue  # an appositive or a fronted phrase, not the subject
        acronym = subject.kind == "role" and end - k == 1 and doc[k].text.isupper() and doc[k].lower_ not in lex.role_heads
        if subject.kind == "organization" or acronym or (subject.kind == "name" and _group_name(art, reg, doc[k:end])):
            return reg.add(without_acronym(subject.name or subject.text), subject.start, kind="organization")
    return None


def _antecedent(art: Article, reg: Registry, state: DiscourseState, c: Candidate, m: Mention, plural: bool) -> Reading:
    """Who an anaphoric mention refers to, by quote continuity, then subject salience, then recency."""
    last, previous = state.last, state.previous
    if plural:
        if last is not None and last.ent is None:
            return last
        group = _organization_subject(art, reg, m)
        if group is not None:
            return Reading(group, group.name, None, "organization")
        pair = _people_named_together(art, reg, m)
        if pair is not None:
            return Reading(None, pair, None, "person")
        if last is not None and last.stype == "organization" and last.name is not None and c.para - state.last_para <= 1:
            return last  # "Pihak Twitter mengatakan …. “…,” tulis mereka": the body that spoke last
        return UNREAD
    head = m.text.split()[0].lower()
    if m.kind in ("description", "role") and previous is not None and previous.name is None and previous.role and previous.role.split()[0].lower() == head:
        return previous  # "“…,” kata sumber. Sumber itu menerangkan, …": the same unnamed source
    if (
        m.kind in ("pronoun", "clitic")
        and previous is not None
        and previous.name is None
        and previous.role
        and previous.stype == "unknown"
        and (next(iter(state.previous_mention.split()), "") in art.lex.words.individual_determiners or _goes_on(art, c, m))
        and c.para - state.previous_para <= 1
        and new_subject(art, reg, state.previous_end, min(c.start, m.start), None) is None
    ):
        # "Seorang pedagang … mengatakan …. “…,” katanya.": the unnamed individual just
        # reported (seorang, salah seorang …), with no one named since
        return previous
    newer = new_subject(art, reg, state.last_end, min(c.start, m.start), last.ent if last else None)
    if newer is not None:
        return Reading(newer, newer.name, None, "person")  # a person introduced as a sentence subject since the last quote
    if last is not None and last.name is not None and last.stype == "person" and personlike(last.ent, last.name, reg):
        return last
    if state.last_person is not None:
        # the last speaker was an organization ("Pertamina memastikan …"): a person's
        # pronoun goes back to the last person who spoke
        return state.last_person
    ent = recent_person(reg, m.start)
    return Reading(ent, ent.name, None, "person") if ent is not None else UNREAD


def _goes_on(art: Article, c: Candidate, m: Mention) -> bool:
    """The cue says the speaker goes on (*lanjutnya*, *tambahnya*, *ujarnya lagi*:
    ``going_on_cue_roots``, or *lagi* right after the cue)."""
    cue = art.lex.cues.get((c.cue or "").lower())
    if cue is not None and cue.root in art.lex.words.going_on_cue_roots:
        return True
    return m.kind == "clitic" and [w.strip(".,;") for w in art.text[m.end : m.end + 6].split()[:1]] == ["lagi"]


def _read_name(art: Article, reg: Registry, state: DiscourseState, c: Candidate, m: Mention) -> Reading:
    """``name``: kata Menteri Budi Santoso / kata Bupati Poso / kata Raden. The canonical entity;
    for two people named together (*A dan B*), each one's canonical name, joined by *dan*."""
    ent: Entity | None = None
    if " dan " in (m.name or ""):
        written = (m.name or "").split(" dan ")
        found = [reg.canonical(p) for p in written]
        names = [e.name if e is not None and " dan " not in e.name else p for e, p in zip(found, written, strict=True)]
        return Reading(None, " dan ".join(names), None, "person")
    if m.role and m.name and m.role.lower() in art.lex.words.given_name_titles:
        ent = _given_name(reg, f"{m.role} {m.name}")  # "kata Imam Santoso" after "Menpora, Imam Santoso"
    if ent is None and m.role and len((m.name or "").split()) == 1:
        # "kata Bupati Poso" / "kata Kapolsek Pesantren": a title with its place
        by_role = reg.by_role(f"{m.role} {m.name}", m.start)
        if by_role is not None and by_role.tokens != name_tokens(m.name or ""):
            ent = by_role
    if ent is None and m.role and len((m.name or "").split()) == 1 and _written_as_a_place(art, m.name or ""):
        # "kata Gubernur Hamedan" … "di Hamedan": the title's place, no person named
        return _linked(art, reg, state, c, m, Reading(None, None, clean_role(m.text if m.text.startswith(m.role) else f"{m.role} {m.name}", art.lex), "person"))
    ent = ent or after_honorific(reg, m.name or "", m.start) or reg.canonical(m.name or m.text)
    return Reading(ent, ent.name if ent else m.name, None, "person")


def _written_as_a_place(art: Article, word: str) -> bool:
    """The article writes ``word`` right after a word that marks a place (``place_markers``:
    *di Hamedan*, *Provinsi Golestan*), and ``word`` is no listed person's name word."""
    if not word[:1].isupper() or person_word(word, art.lex):
        return False
    markers = "|".join(regex.escape(w) for w in art.lex.words.place_markers)
    return regex.search(r"(?i:(?<!\w)(?:" + markers + r"))\s+" + regex.escape(word) + r"(?![\w-])", art.text) is not None


def _nicknamed(reg: Registry, text: str) -> Entity | None:
    """The person whose stated nickname ``text`` is (*Tata*, also a company's name)."""
    folded = " ".join(name_tokens(text))
    return next((e for e in reg.entities if e.kind == "person" and folded in e.aliases), None)


def _read_organization(art: Article, reg: Registry, state: DiscourseState, c: Candidate, m: Mention) -> Reading:
    """``organization``: kata Polda Metro Jaya. Its fuller registered name, if any; a person's
    stated nickname (*Tata*, also a company's name) is that person."""
    nicknamed = _nicknamed(reg, m.name or m.text)
    if nicknamed is not None:
        return Reading(nicknamed, nicknamed.name, None, "person")
    org = reg.canonical(m.name or m.text)
    short = name_tokens(m.name or m.text)
    fuller = org is not None and org.tokens[: len(short)] == short and (org.kind == "organization" or (len(org.tokens) <= 3 and not org.roles))
    name = org.name if fuller and org is not None else reg.spelled_out(m.name or m.text) or (m.name or m.text)
    return Reading(None, name, clean_role(m.role, art.lex), "organization")


def _read_role(art: Article, reg: Registry, state: DiscourseState, c: Candidate, m: Mention) -> Reading:
    """``role``: kata Presiden. The person whose stated role it is; a proper name with no title
    word (pungkas AIAC) is a body speaking."""
    bare_name = proper_not_title(m.text, art.lex) and fold(m.text) not in art.lex.role_aliases
    ent = None if bare_name else _given_name(reg, m.text) or reg.by_role(m.role or m.text, m.start)
    if ent is not None:
        return Reading(ent, ent.name, None, "person")
    if bare_name:
        # "pungkas AIAC", "Starbucks Corp menyatakan", "Amerika menyebut": a proper
        # name with no title word is a body speaking (or a person by initials)
        ent = _nicknamed(reg, m.text) or person_by_initials(reg, m.text)
        return Reading(ent, ent.name, None, "person") if ent is not None else Reading(None, reg.spelled_out(m.text) or m.text, None, "organization")
    if names_an_institution(m.text, art.lex):
        return Reading(None, m.text, None, "organization")  # "Majelis Hakim meminta …": the panel speaks
    if state.refers_back_to_last_person(art, c, m):
        return _linked(art, reg, state, c, m, state.last_person)  # type: ignore[arg-type]  # "sambung pelatih asal Prancis": the person being reported
    role = clean_role(m.role or m.text, art.lex)
    last = state.last_person
    if _goes_on(art, c, m) and last is not None and last.name is not None and state.last is not None and state.last.name == last.name and c.para - state.last_para <= 1:
        # "“…,” ucap Zulkifli. / Ketua Umum PAN menambahkan, …": a title whose cue says the
        # speaker goes on, right after a named person's quote, is that person's
        return _linked(art, reg, state, c, m, last._replace(role=last.role or role))
    return _linked(art, reg, state, c, m, Reading(None, None, role, "person"))


def _given_name(reg: Registry, text: str) -> Entity | None:
    """``kata Imam`` or ``kata Imam Nahrawi`` after ``Menpora, Imam Nahrawi``: a title word
    that is also a given name, alone or before the rest of a name, is the one person of the
    article whose name it opens (and goes on with)."""
    words = tuple(fold(text).split())
    if not words or words[0] not in reg.lex.words.given_name_titles:
        return None
    hits = [e for e in reg.entities if e.kind == "person" and len(e.tokens) >= max(2, len(words)) and tuple(e.tokens[: len(words)]) == words]
    full = {id(reg.canonical(e.name) or e): reg.canonical(e.name) or e for e in hits}
    return next(iter(full.values())) if len(full) == 1 else None


def _read_description(art: Article, reg: Registry, state: DiscourseState, c: Candidate, m: Mention) -> Reading:
    """``description``: kata pengamat keamanan. The article's person with that role, if any;
    an institution named by the proper names after its head (*Pemerintah China menegaskan …*)
    speaks itself (not a group named by its place, *Warga Kampung Melayu*)."""
    if names_an_institution(m.text, art.lex, bodies=False):
        return Reading(None, m.text, None, "organization")
    if _party_of_a_body(art, m):
        return _body_referred_to(art, reg, state, m)
    role = clean_role(m.role or m.text, art.lex)
    if len((role or "").lower().split()) >= 2:
        ent = reg.by_role(role or "", m.start)
        if ent is not None:
            return Reading(ent, ent.name, role, "person")
    if state.refers_back_to_last_person(art, c, m):
        return _linked(art, reg, state, c, m, state.last_person)  # type: ignore[arg-type]  # as for a role mention
    return _linked(art, reg, state, c, m, Reading(None, None, _with_relative_clause(art, c, m, role), "unknown"))


#: a relative clause between an unnamed speaker's description and the cue: at most twelve
#: words, no punctuation (*Seorang wartawan yang berada di dalam rombongan helikopter mengatakan*)
_RELATIVE_CLAUSE = regex.compile(r"\s+yang(?:\s+[\p{L}\p{N}./'’-]+){1,12}\s*")


def _with_relative_clause(art: Article, c: Candidate, m: Mention, role: str | None) -> str | None:
    """An unnamed speaker's role goes on over the relative clause between its description and
    the cue: *wartawan yang berada di dalam rombongan helikopter*, not *wartawan*."""
    if not role or c.cue_start is None or not (m.end < c.cue_start <= m.end + 150):
        return role
    clause = _RELATIVE_CLAUSE.fullmatch(art.text, m.end, c.cue_start)
    if clause is None or any(w.lower() in art.lex.cues for w in clause.group(0).split()):
        return role
    return clean_role(f"{role} {clause.group(0).strip()}", art.lex) or role


def _panel_head(art: Article, m: Mention) -> str | None:
    """The panel head (``panel_heads``) that opens the mention: *Majelis hakim*, *majelis hakim
    tipikor*, a panel speaking as one body."""
    low = " ".join(m.text.lower().split())
    return next((h for h in art.lex.words.panel_heads if low == h or low.startswith(h + " ")), None)


def _read_panel(art: Article, reg: Registry, state: DiscourseState, c: Candidate, m: Mention) -> Reading:
    """``panel``: the panel as the body it is, with the capitalized name of where it sits that
    the article writes after its head anywhere (*majelis hakim Pengadilan Negeri Medan*)."""
    head = _panel_head(art, m) or ""
    best = m.text[: len(head)] if m.text.lower().startswith(head) else head
    for found in regex.finditer(rf"(?i:{regex.escape(head)})((?:[ \t]+(?:\p{{Lu}}[\p{{L}}\p{{N}}-]*|\(\p{{L}}+\)))+)", art.text):
        if len(found.group(0)) > len(best):
            best = found.group(0)
    return Reading(None, " ".join(best.split()), None, "organization")


#: How a mention's speaker is read, by kind, in order: (rule id, applies to the mention, reader).
SPEAKER_RULES: tuple[tuple[str, Callable[[Article, Mention], bool], Callable[[Article, Registry, DiscourseState, Candidate, Mention], Reading]], ...] = (
    ("panel", lambda art, m: _panel_head(art, m) is not None, _read_panel),
    ("anaphor", _is_anaphor, _read_anaphor),
    ("name", lambda art, m: m.kind == "name", _read_name),
    ("organization", lambda art, m: m.kind == "organization", _read_organization),
    ("role", lambda art, m: m.kind == "role", _read_role),
    ("description", lambda art, m: True, _read_description),
)


def _complete(reg: Registry, m: Mention | None, r: Reading) -> Reading:
    """The fullest stated role of the entity read, and the speaker type it implies."""
    ent, name, role, stype = r
    if ent is not None:
        roles = reg.roles_of(ent)
        if roles:
            role = max(roles, key=lambda x: len(x.split()))
        elif m is not None and m.role and not role and m.role != m.text:
            role = clean_role(m.role, reg.lex)
        if ent.kind == "organization":
            stype = "organization"
        elif stype == "unknown":
            stype = "person"
    elif m is not None and m.kind == "name" and m.role and not role:
        role = clean_role(m.role, reg.lex)
    if name and name.lower().startswith("pihak ") and len(name.split()) > 1 and name.split()[1][:1].isupper():
        name, stype = name.split(None, 1)[1], "organization"  # "Pihak Twitter": the party is Twitter
    if stype == "person" and name and " " not in name and not role and not person_word(name, reg.lex) and reg.spelled_by_syllables(name) is not None:
        stype = "organization"  # "Komdis menyatakan" after "Komisi Disiplin PSSI": an abbreviated body, no person
    if stype == "organization" and name:
        if " " in name and name[:1].isupper():
            name = reg.completed(name)  # "Polda Metro" where the article writes "Polda Metro Jaya"
        if " " not in name and name.isupper():
            name = reg.spelled_out(name) or name  # "kata KPK" after "Komisi Pemberantasan Korupsi": its name in full
        elif " " not in name:
            # "Kemenhub mengancam" after "Kementerian Perhubungan"; "Polda mengimbau" where the
            # article writes "Polda Metro Jaya" (and no other Polda)
            spelled = reg.spelled_by_syllables(name)
            if spelled is not None:
                spelled = reg.completed(spelled)  # "Kemlu" → "Kementerian Luar" → "Kementerian Luar Negeri"
            if spelled is None and name.lower() in reg.lex.org_words and name[:1].isupper():
                spelled = reg.completed(name, unique=True)
            name = spelled or name
        name = without_acronym(name)
    return Reading(ent, name, role, stype)


def _quote(art: Article, c: Candidate, r: Reading, source_text: str) -> Quote:
    """The :class:`Quote` record of candidate ``c`` read as ``r``."""
    m = c.mention
    resolved = r.name is not None or (m is not None and m.kind in ("description", "organization"))
    cont = c.pattern == "continuation"
    return Quote(
        type=c.type,  # type: ignore[arg-type]
        quote=source_text[c.start : c.end],
        quote_start=c.start,
        quote_end=c.end,
        speaker=None if cont or m is None else source_text[m.start : m.end],
        speaker_start=None if cont or m is None else m.start,
        speaker_end=None if cont or m is None else m.end,
        speaker_name=r.name,
        speaker_type=r.stype,  # type: ignore[arg-type]
        role=r.role,
        cue=c.cue,
        via=c.via,
        confidence=confidence(c, resolved, m.kind if m else None),
        cue_start=c.cue_start,
        cue_end=c.cue_end,
        pattern=c.pattern,
        paragraph=art.para_of(c.start),
        sentence=art.sent_of(c.start),
    )
