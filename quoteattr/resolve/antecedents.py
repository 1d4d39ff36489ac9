"""Who a pronoun, a *-nya* clitic or a bare description refers to: the sentence subjects,
the next speaker, the most recent person; the recency/subject salience heuristics of Pareti
(2015) and O'Keefe et al. (2012)."""

from __future__ import annotations

import regex

from quoteattr.article import Article
from quoteattr.lexicon import Lexicon
from quoteattr.mentions import name_likeness, nonperson_word, person_word
from quoteattr.mentions.words import given_name
from quoteattr.resolve.registry import Entity, Registry, name_words


def refers_back(text: str, lex: Lexicon) -> bool:
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


def proper_not_title(text: str, lex: Lexicon) -> bool:
    """Capitalized words none of which is a title, rank, honorific or description word."""
    words = text.split()
    if not words or len(words) > 5:
        return False
    for w in words:
        low = w.lower().strip(".,")
        if not w[:1].isupper() or low in lex.role_heads or low in lex.descriptors or low in lex.honorifics or low in lex.rank_words or low in lex.jurisdiction_heads:
            return False
    return True


def names_a_body(text: str, lex: Lexicon) -> bool:
    """A capitalized phrase opened by an organization word (*Majelis Hakim*, *Tim Dokter RSCM dan
    IDI*, *Dewan Pers*): the body speaks, not a person with that title (:func:`_proper_run`)."""
    words = text.split()
    return bool(words) and words[0][:1].isupper() and words[0].lower() in lex.org_words and _proper_run(words)


_JOINERS = frozenset({"dan", "of", "and", "&", "untuk", "for", "the"})


def _proper_run(words: list[str]) -> bool:
    """Two to eight words after the first, each capitalized, a number or a joining word (*dan*,
    *of*), not ending on a joining word."""
    return 2 <= len(words) <= 8 and all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _JOINERS for w in words[1:]) and words[-1].lower() not in _JOINERS


def names_an_institution(text: str, lex: Lexicon, bodies: bool = True) -> bool:
    """An institution named by the proper names after its head (*Pemerintah China*, *pemerintah
    Spanyol*, *Tentara Irak*, *Kementerian Badan Usaha Milik Negara (BUMN)*): a head of
    ``institution_heads``, capitalized or not, with every word after it capitalized, or (with
    ``bodies``) any body phrase (:func:`names_a_body`); an acronym in parentheses at the end is
    allowed."""
    words = text.split()
    if len(words) >= 3 and words[-1].startswith("(") and words[-1].endswith(")"):
        words = words[:-1]
    if not words:
        return False
    if words[0].lower() in lex.words.governing_heads and len(words) >= 3 and words[1].isalpha() and words[1].islower() and words[2][:1].isupper():
        words = words[:1] + words[2:]  # "Pemerintah lokal Afghanistan": one lower-case word after a governing head
    if words[0].lower() in lex.words.institution_heads and words[1:2] and words[1][:1].isupper():
        return _proper_run(words)
    return bodies and names_a_body(" ".join(words), lex)


def person_by_initials(reg: Registry, text: str) -> Entity | None:
    """``AQ`` for the one person of the article whose name has those initials (Achsanul Qosasi)."""
    if not (text.isupper() and 2 <= len(text) <= 4 and text.isalpha()):
        return None
    hits = [e for e in reg.entities if e.kind == "person" and len(e.tokens) == len(text) and "".join(t[0] for t in e.tokens) == text.lower()]
    return hits[0] if len(hits) == 1 else None


def after_honorific(reg: Registry, word: str, before: int) -> Entity | None:
    """``kata Raden`` after ``Raden Pardede``: the person whose name last followed the
    honorific before ``before`` (the name itself is kept without it)."""
    if " " in word or word.lower().rstrip(".") not in reg.lex.honorifics:
        return None
    best: Entity | None = None
    for m in regex.finditer(r"(?<![\w-])" + regex.escape(word) + r"\s+(\p{Lu}[\p{L}'’-]+)", reg.text[:before]):
        best = reg.canonical(m.group(1)) or best
    return best


def personlike(ent: Entity | None, name: str | None, reg: Registry | None = None) -> bool:
    """A speaker a pronoun can refer to: a name read with a title or role, a full name with a
    word that may be a person's (given the article's ``reg``: not *Kedokteran Hewan*), or a
    one-word name that is a person's (:func:`_given_name_alone`)."""
    if ent is None:
        return bool(name) and len((name or "").split()) >= 2
    if ent.titled or ent.roles:
        return True
    if len(ent.tokens) >= 2:
        return reg is None or not _no_person_word(ent, reg)
    return reg is not None and _given_name_alone(ent, reg)


def _no_person_word(ent: Entity, reg: Registry) -> bool:
    """Every word of ``ent``'s name is a common, organization or place word (*Kedokteran
    Hewan*, *Universitas Indonesia*): a body or a thing, which *ia* never refers to."""
    return all(nonperson_word(w, reg.lex) and not given_name(w, reg.lex) for w in name_words(ent.name))


def _given_name_alone(ent: Entity, reg: Registry) -> bool:
    """A one-word name that spoke, spelled like a person's with no evidence against, and no
    word of another person's name in the article (*Trijono*, *Arini*; not *Pertamina*,
    *Reuters*, nor *Hidayat* beside *Muhammad Hidayat*, nor the noble title *Lalu*)."""
    if len(ent.tokens) != 1 or ent.kind != "person" or not ent.spoke:
        return False
    word = ent.name.strip()
    lex = reg.lex
    if not word[:1].isupper() or word.isupper() or nonperson_word(word, lex) or word.lower() in lex.name_starters or word.lower() in lex.words.given_name_titles:
        return False
    if any(e is not ent and e.kind == "person" and ent.tokens[0] in e.tokens for e in reg.entities):
        return False
    return person_word(word, lex) or name_likeness(word) > 0.3


def short_form_positions(reg: Registry) -> dict[int, list[int]]:
    """Where the article uses a person's first or last name alone (*Kwik yang merupakan mantan
    menteri …* after *Kwik Kian Gie*), by ``id`` of the entity: a capitalized whole word spelled
    like a person's name, no common word, that names one person of the article. Kept in the
    registry's cache until an entity is added."""
    cached = reg.cache.get("short_forms")
    if cached is not None:
        return cached
    common = reg.lex.common_words
    owners: dict[str, list[Entity]] = {}
    for e in reg.entities:
        if e.kind != "person" or len(e.tokens) < 2:
            continue
        words = name_words(e.name)
        if len(words) != len(e.tokens):
            continue
        for w in {words[0], words[-1]}:
            if len(w) >= 3 and w[:1].isupper() and w.lower() not in common and (person_word(w) or name_likeness(w) > 0.0):
                owners.setdefault(w, []).append(e)
    out: dict[int, list[int]] = {}
    for w, ents in owners.items():
        if len(ents) == 1:
            ent = ents[0]
            found = _whole_word_positions(reg.text, w)
            out.setdefault(id(ent), []).extend(p for p in found if not any(q <= p < q + len(ent.name) for q in ent.mentions))
    reg.cache["short_forms"] = out
    return out


def _whole_word_positions(text: str, word: str) -> list[int]:
    """Where ``word`` stands in ``text`` as a whole word (not inside a longer or hyphenated one);
    a plain string scan, cheaper than compiling a pattern per name."""
    out, at, n = [], text.find(word), len(word)
    while at >= 0:
        before = text[at - 1] if at else " "
        after = text[at + n] if at + n < len(text) else " "
        if not (before.isalnum() or before in "'’-") and not (after.isalnum() or after in "'’-"):
            out.append(at)
        at = text.find(word, at + 1)
    return out


def new_subject(art: Article, reg: Registry, after: int, before: int, current: Entity | None) -> Entity | None:
    """The latest person named as a sentence subject between the last quote and ``before``.

    Subject position: the name opens its sentence, possibly after a title ("Kepala Dinas
    X Budi Santoso juga meninjau …") or a short adverbial set off by a comma.
    """
    if after < 0:
        return None
    text = art.text
    common = art.lex.common_words
    shorts = short_form_positions(reg)
    best: tuple[int, Entity] | None = None
    for ent in reg.entities:
        if ent.kind != "person" or ent is current or (len(ent.tokens) < 2 and not (ent.spoke or ent.titled)):
            continue
        if ent.tokens[0] in common and not (ent.titled or ent.spoke):
            continue  # "Ibadah Tarawih yang …": capitalized common words open the sentence
        if current is not None and set(ent.tokens) <= set(current.tokens):
            continue
        for p in ent.mentions + shorts.get(id(ent), []):
            if not (after < p < before) or (best is not None and p <= best[0]):
                continue
            sent = art.sents[art.sent_of(p)]
            prefix = text[sent.start : p].strip()
            # "Secara terpisah, Wakil Ketua Komisi X DPR Hetifah …": a short adverbial, then a title
            # "Ditemui usai sidang, ketua tim hukum Miryam, Aga Khan …": a title set off by
            # commas before the name is the title, the adverbial before it the lead
            lead, _, title = (prefix[:-1].rstrip() if prefix.endswith(",") and prefix.count(",") >= 2 else prefix).rpartition(",")
            title_words = title.split()
            if title_words and title_words[0].lower() in art.lex.words.definite_determiners:
                title_words = title_words[1:]  # "sang sutradara Will Gluck"
            titled = _title_like(title_words, art.lex)
            if not titled and prefix.endswith(",") and title_words:
                # an appositive title opens with a title or description word
                titled = title_words[0].lower() in art.lex.role_heads or title_words[0].lower() in art.lex.descriptors
            lead_words = lead.split()
            # a subheading run into the sentence ("Banyak hikmahnya Secara terpisah, …"):
            # the lead starts again at a capitalized connector
            for i in range(len(lead_words) - 1, 0, -1):
                if lead_words[i][:1].isupper() and (lead_words[i].lower() in art.lex.connectors or lead_words[i].lower() in art.lex.adjunct_starters):
                    lead_words = lead_words[i:]
                    break
            if not prefix or (titled and (not lead_words or (len(lead_words) <= 4 and not any(w[:1].isupper() for w in lead_words[1:])) or _comparison_lead(lead_words, art.lex))):
                best = (p, ent)
            elif not lead and _glued_heading_title(prefix.split(), art.lex):
                best = (p, ent)  # "Kawal kotak suara Kepala Bidang Humas Polda Maluku M Roem …"
            elif after_passive_cue(prefix, art.lex):
                best = (p, ent)  # "Hal senada disampaikan Rizki Rifai, …": the agent of a speech verb
            elif prefix.endswith(",") and prefix.count(",") == 1 and _appositive_title(prefix[:-1].split(), art.lex):
                best = (p, ent)  # "Menteri Pemuda dan Olahraga, Imam Nahrawi, mendukung …": the title set off before the name
    if best is None:
        return None
    return reg.canonical(best[1].name) or best[1]


def _appositive_title(words: list[str], lex: Lexicon) -> bool:
    """A whole title opening a sentence (after its connectors: *Sementara itu*), set off by a
    comma before the name: its first word a title word, the rest capitalized or joining words
    (*Menteri Pemuda dan Olahraga*)."""
    i = 0
    while i < len(words) - 1 and (words[i].lower() in lex.connectors or words[i].lower() in lex.adverbs):
        i += 1
    words = words[i:]
    return bool(words) and words[0].lower() in lex.role_heads and _title_like(words, lex)


def _comparison_lead(words: list[str], lex: Lexicon) -> bool:
    """A lead set off before the subject that compares it with someone else (*Berbeda dengan
    Tomy, …*; *Tidak hanya Corden, …*: ``comparison_leads``): the name in it is not the subject."""
    low = " ".join(words).lower()
    return 2 <= len(words) <= 6 and any(low.startswith(lead + " ") for lead in lex.words.comparison_leads)


def _title_like(words: list[str], lex: Lexicon) -> bool:
    """Words that can form a title before a name: capitalized words, "(BKN)", and/of/dan."""
    return all(
        w.lstrip("(")[:1].isupper() or w.lower() in lex.role_words_lower or w.lower() in lex.words.title_joiners or w.lower() in lex.role_heads
        for w in words
    )


def _glued_heading_title(words: list[str], lex: Lexicon) -> bool:
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


def next_speaker(art: Article, reg: Registry, cue_end: int) -> Entity | None:
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
    if m is None or m.group(2) not in art.lex.continuing_verbs:
        return None
    ent = reg.canonical(m.group(1))
    if ent is None or ent.kind != "person" or not personlike(ent, ent.name, reg) or min(ent.mentions) >= cue_end:
        return None
    return ent


def last_mention(reg: Registry, ent: Entity, before: int) -> int:
    """Position of the latest mention of ``ent`` or a shorter form of its name before ``before``."""
    toks = set(ent.tokens)
    return max([p for e in reg.entities if e.kind == ent.kind and set(e.tokens) <= toks for p in e.mentions if p < before] or [-1])


#: "tambah pria yang bekerja sebagai …", "ujar pria kelahiran 1970 itu": a bare person noun
#: followed by a clause about the person already reported
ANAPHORIC_TAIL = regex.compile(r"\s+(?:yang|itu|tersebut|ini|kelahiran|asal|berusia)\b")


def after_passive_cue(prefix: str, lex: Lexicon) -> bool:
    """``prefix`` (a sentence up to a name) ends in a passive speech verb, maybe with a title:
    *Hal senada dikemukakan (oleh) Koordinator DFW Indonesia* + name."""
    words = prefix.split()
    cues = lex.cues
    for i in range(len(words) - 1, max(-1, len(words) - 12), -1):
        w = words[i].lower().strip(",")
        c = cues.get(w)
        if c is not None and c.kind == "passive" and not c.clitic:
            return True
        if w == "oleh" or words[i][:1].isupper() or words[i].startswith("(") or w in lex.words.passive_agent_joiners:
            continue  # the title words between the verb and the name
        return False
    return False


def spelled_like_a_person(ent: Entity, lex: Lexicon) -> bool:
    """An entity a pronoun can stand for by its name alone: read with a title or role, quoted
    by a cue, or with a word spelled like a person's name (not *Miss Universe*, *Greater
    Flint*, *Project Manager*, *Kala* opening *Kala itu*)."""
    if ent.titled or ent.roles or ent.spoke:
        return True
    words = name_words(ent.name)
    return any(person_word(w, lex) or (w.lower() not in lex.common_words and name_likeness(w) > 0.0) for w in words)


def recent_person(reg: Registry, before: int) -> Entity | None:
    best: tuple[int, Entity] | None = None
    shorts = short_form_positions(reg)  # "Singer menyampaikan …" after "Bryan Singer"
    for ent in reg.entities:
        if ent.kind != "person" or not spelled_like_a_person(ent, reg.lex):
            continue
        pos = max([p for p in ent.mentions + shorts.get(id(ent), []) if p < before] or [-1])
        if pos >= 0 and (best is None or pos > best[0]):
            best = (pos, ent)
    if best is None:
        return None
    full = reg.canonical(best[1].name)
    return full or best[1]
