"""The :class:`Mention` record and reading one from a phrase (:func:`make_mention`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import regex
from spacy.tokens import Doc, Token

from quoteattr.lexicon import Lexicon, default_lexicon
from quoteattr.mentions.boundary import spoken_words
from quoteattr.mentions.split import split_role_name
from quoteattr.mentions.words import (
    ROMAN,
    doc_text,
    given_name,
    is_cap,
    name_likeness,
    nonperson_word,
    person_word,
    possessed_description,
    tokens_text,
)

MentionKind = Literal["name", "pronoun", "clitic", "role", "description", "organization"]


@dataclass(frozen=True, slots=True)
class Mention:
    """A speaker mention.

    Attributes:
        start, end: character offsets of the mention as written (the ``speaker`` field).
        kind: name, pronoun, clitic (*-nya*), role (a title with no name),
            description (*seorang warga*) or organization.
        name: the proper-name part, without honorifics/ranks/degrees (``None`` if none).
        role: the role read around the mention (``None`` if none).
        tok_start, tok_end: token range of the whole phrase read.
    """

    start: int
    end: int
    text: str
    kind: MentionKind
    name: str | None
    role: str | None
    tok_start: int
    tok_end: int


def relation_end(doc: Doc, start: int, end: int, lex: Lexicon) -> int | None:
    """``istri Budi Santoso``, ``kuasa hukum aktor Harrison Ford``: a lower-case relational
    noun (maybe with a lower-case description) right before a person's name or title; the
    index after the noun, or ``None``."""
    if start < end - 1 and doc[start].lower_ in lex.determiners:
        start += 1  # "Sebuah sumber dekat keluarga X": one relation of X
    if start < end - 1 and doc[start].lower_ in lex.words.relation_group_nouns:
        start += 1  # "tim kuasa hukum Ahok": the team of Ahok's lawyers
    opens = _opens_sentence(doc, start)
    words = [t.lower_ if opens and t.i == start else t.text for t in doc[start : min(end, start + 2)]]  # the heads have one or two words
    for head in lex.relational_heads:
        n = len(head)
        if tuple(words[:n]) != head:  # lower case as written ("Ibu Risma" is an honorific), except at a sentence start
            continue
        k = start + n
        while k < end - 1 and doc[k].text.islower() and doc[k].is_alpha and doc[k].lower_ not in lex.stop_words:
            k += 1  # "kuasa hukum aktor Harrison Ford"
        run = 0
        while k + run < end and is_cap(doc[k + run]):
            run += 1
        if run and doc[k].lower_ in lex.role_heads:
            return start + n  # "juru bicara Presiden Joko Widodo"
        if 1 <= run <= 2 and (person_word(doc[k].text, lex) or not nonperson_word(doc[k].text, lex)):
            if run == 2 and k == start + n and head in lex.title_relational_heads and not _written_before(doc, start, doc[k + run - 1].text):
                return None  # "kata pengacara Budi Santoso" introducing Budi: the lawyer is Budi
            return start + n  # "istri Budi Santoso"; not "juru bicara Yahoo Carolyn Clark"
        return None
    return None


def _common_noun_with_demonstrative(doc: Doc, start: int, end: int, name_toks: list[Token], lex: Lexicon) -> bool:
    """``Perwakilan tersebut``, ``Lembaga itu``: a phrase closed by a demonstrative whose "name"
    is one word that running text writes in lower case, capitalized only because it opens the
    sentence, and no person's name word: a description, not a name."""
    if end - start != 2 or doc[end - 1].lower_ not in lex.words.demonstratives or len(name_toks) != 1:
        return False
    t = doc[start]
    opens = start == 0 or doc[start].is_sent_start or doc[start - 1].text in (".", "!", "?", "\n", ",", "\"", "“") or "\n" in doc[start - 1].text
    return name_toks[0].i == t.i and opens and t.lower_ in lex.running_text and not given_name(t.text, lex)


def _portrayal(doc: Doc, start: int, end: int, lex: Lexicon) -> bool:
    """``pemeran Jon Snow``, ``sang pemeran Roman Pearce di film itu``: a lower-case noun of
    performing a work (``portrayal_heads``), after at most an opener (*sang*, *mantan*), right
    before a capitalized word, with no comma in the phrase: the capitalized words name the role
    or the song, and the phrase describes the performer. At a sentence start the noun is
    capitalized (*Pelantun Hotline Bling itu*)."""
    k = start
    if k < end - 1 and doc[k].lower_ in lex.words.open_heads | lex.words.former_markers:
        k += 1
    return (
        k < end - 1
        and (doc[k].text in lex.words.portrayal_heads or (doc[k].lower_ in lex.words.portrayal_heads and _opens_sentence(doc, k)))
        and is_cap(doc[k + 1])
        and not any(t.text == "," for t in doc[start:end])
    )


def _opens_sentence(doc: Doc, k: int) -> bool:
    """Token ``k`` opens the text, a sentence or a line."""
    return k == 0 or doc[k].is_sent_start or doc[k - 1].text in (".", "!", "?") or "\n" in doc[k - 1].text


def _written_before(doc: Doc, start: int, word: str) -> bool:
    """``word`` stands as a whole word in the article's text before token ``start``."""
    return regex.compile(rf"(?<!\w){regex.escape(word)}(?!\w)").search(doc_text(doc), 0, doc[start].idx) is not None


def make_mention(doc: Doc, start: int, end: int, lex: Lexicon | None = None) -> Mention | None:
    """Build a :class:`Mention` from the phrase ``doc[start:end]`` (``None`` if empty)."""
    lex = lex or default_lexicon()
    if end <= start:
        return None
    first = doc[start]
    if end - start == 1 and first.lower_ in lex.pronouns:
        return Mention(first.idx, first.idx + len(first.text), first.text, "pronoun", None, None, start, end)
    if end - start == 1 and is_cap(first) and not first.is_sent_start and (first.lower_ in lex.name_starters or first.lower_ in lex.honorifics):
        # "tutur Lalu", "kata Raden": a noble title or honorific standing for the name it opened
        return Mention(first.idx, first.idx + len(first.text), first.text, "name", first.text, None, start, end)
    if relation_end(doc, start, end, lex) is not None:
        # "kata istri Budi Santoso", "kata kuasa hukum aktor Harrison Ford": Budi's wife speaks
        s, e = first.idx, doc[end - 1].idx + len(doc[end - 1].text)
        return Mention(s, e, doc_text(doc)[s:e], "description", None, doc_text(doc)[s:e], start, end)
    if _portrayal(doc, start, end, lex):
        s, e = first.idx, doc[end - 1].idx + len(doc[end - 1].text)
        return Mention(s, e, doc_text(doc)[s:e], "description", None, doc_text(doc)[s:e], start, end)
    role_toks, name_toks = split_role_name(doc, start, end, lex)
    if name_toks and _common_noun_with_demonstrative(doc, start, end, name_toks, lex):
        # "Perwakilan tersebut menyatakan": a common noun capitalized at the sentence start
        s, e = first.idx, doc[end - 1].idx + len(doc[end - 1].text)
        return Mention(s, e, doc_text(doc)[s:e], "description", None, doc_text(doc)[s:e], start, end)
    if name_toks:
        return _named_mention(doc, start, end, role_toks, name_toks, lex)
    return _unnamed_mention(doc, start, end, role_toks, lex)


def _named_mention(doc: Doc, start: int, end: int, role_toks: list[Token], name_toks: list[Token], lex: Lexicon) -> Mention:
    """A phrase with a name part: a person's name (with its role), or an organization."""
    if role_toks and role_toks[-1].lower_ in lex.words.naming_words and name_toks[0].i == role_toks[-1].i + 1:
        # "seorang warga (yang) bernama Muna Kanine": the description is the role of the name it gives
        k = len(role_toks) - 1
        k -= int(k > 0 and role_toks[k - 1].lower_ == "yang")
        s, e = name_toks[0].idx, name_toks[-1].idx + len(name_toks[-1].text)
        return Mention(s, e, doc_text(doc)[s:e], "name", tokens_text(doc, name_toks), tokens_text(doc, role_toks[:k]) or None, start, end)
    name = tokens_text(doc, name_toks)
    role = tokens_text(doc, role_toks)
    text = doc_text(doc)
    first = doc[start]
    s, e = name_toks[0].idx, name_toks[-1].idx + len(name_toks[-1].text)
    is_org = (
        len(name_toks) > 1 and all(t.ent_type_ in ("ORG", "LOC") for t in name_toks)
    ) or (name or "").lower() in lex.org_speakers or all(
        (t.lower_ in lex.org_words and t.lower_ not in lex.org_phrase_words) or t.lower_ in lex.place_words for t in name_toks
    )
    # "Polda Metro Jaya": an organization word, then words that are places or never
    # inside a person's name: the whole phrase names the organization
    org_phrase = (
        # "PT Tjipinang Jaya", "Bank Mandiri", "Universitas Gadjah Mada"
        first.lower_ in lex.org_name_heads and end - start <= 3 and all(is_cap(t) for t in doc[start:end])
    ) or (
        len(name_toks) > 1
        and bool(role_toks)
        and all(t.lower_ in lex.org_words or t.text.isupper() for t in role_toks)
        and all((t.lower_ in lex.places or t.text in lex.nonperson_name_words) and not person_word(t.text, lex) for t in name_toks)
    )
    # "Komisi Pemberantasan Korupsi", "Organisasi Kesehatan Dunia (WHO)": an organization word,
    # capitalized words with no title among them, and a last word that is a common or place
    # word, no name: the whole phrase names the organization
    org_phrase = org_phrase or (
        first.lower_ in lex.org_words
        and is_cap(first)
        and len(name_toks) == 1
        and (name_toks[0].lower_ in lex.common_words or _place_word(name_toks[0], lex))
        and not person_word(name_toks[0].text, lex)
        and all(is_cap(t) or t.text in "()" or t.lower_ in ("dan", "untuk") for t in doc[start:end])
        and not any(t.lower_ in lex.role_heads for t in doc[start:end])
    )
    ws, we = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
    unnamed = bool(role_toks) and role_toks[0].lower_ in lex.words.unnamed_person_openers
    named_anyway = any(person_word(t.text, lex) for t in name_toks) or name_likeness(name_toks[-1].text) > 0.25
    if ((unnamed and not named_anyway) or member_of_a_named_body(role_toks, name_toks, lex)) and not any(t.text == "," for t in doc[start:end]):
        # "seorang juru bicara Daewoo Shipbuilding", "warga Kramat Lontar", "juru bicara
        # Samsung", "sumber dekat Payne": the name is their organization's, place's or source's
        return Mention(ws, we, text[ws:we], "description", None, text[ws:we], start, end)
    if role_toks and role_toks[-1].lower_ in lex.words.origin_words and all(_place_word(t, lex) for t in name_toks):
        # "pria asal Purworejo", "artis kelahiran Jakarta": a description with where the person is from
        return Mention(ws, we, text[ws:we], "description", None, text[ws:we], start, end)
    if org_phrase or _untitled_organization(doc, start, end, role_toks, name_toks, lex) or _governed_place(role_toks, name_toks, lex):
        return Mention(ws, we, text[ws:we], "organization", text[ws:we], None, start, end)
    if is_org or (
        len(name_toks) == 1 and name_toks[0].text.isupper() and len(name_toks[0].text) > 1 and name_toks[0].ent_type_ != "PER" and name_toks[0].text not in lex.person_acronyms
    ):
        return Mention(ws, we, text[ws:we], "organization", name, role, start, end)
    return Mention(s, e, text[s:e], "name", name, role, start, end)


def member_of_a_named_body(role_toks: list[Token], name_toks: list[Token], lex: Lexicon) -> bool:
    """A group or representative word in lower case before a proper name that is no person's,
    one of its words an organization's, place's or brand's or spelled like none of a person's
    (*juru bicara Samsung*, *perwakilan Samyang Foods*), or a source word before any name
    (*sumber dekat Payne*): an unnamed member of that body, not the body or the person named."""
    if not role_toks or not name_toks or any(is_cap(t) for t in role_toks[1:]):
        return False  # "Juru Bicara Kemenlu Teuku Faizasyah": a title with its organization
    head = role_toks[0].lower_
    two = " ".join(t.lower_ for t in role_toks[:2])
    if not (head in lex.words.unnamed_body_heads or two in lex.words.unnamed_body_heads):
        return False
    if head in lex.words.source_heads:
        return True
    return not any(person_word(t.text, lex) for t in name_toks) and any(
        nonperson_word(t.text, lex) or t.text.isupper() or t.lower_ in lex.org_words or name_likeness(t.text) < -0.3 for t in name_toks
    )


#: the spelling score (:func:`name_likeness`) below which one capitalized word after an
#: organization's head word names the organization, not a person
_ONE_WORD_LIKENESS = 0.25


def _untitled_organization(doc: Doc, start: int, end: int, role_toks: list[Token], name_toks: list[Token], lex: Lexicon) -> bool:
    """A capitalized phrase with no title in it whose "name" part does not read as a person's
    (*Biro Meteorologi*, *Kepolisian California*, *SM Entertainment*, *Centers for Disease
    Control and Prevention*): one organization's name, not a role and a person. A name part
    reads as a person's when a word of it is a listed given name or its spelling leans to
    person names (:func:`name_likeness`, from the NER sets)."""
    if not role_toks:
        return False
    words = [t for t in doc[start:end] if t.is_alpha or "-" in t.text]
    if not words or not is_cap(words[0]):
        return False
    joiners = lex.words.organization_name_joiners
    joined = any(t.lower_ in joiners and t.is_lower for t in words[1:-1])
    for t in words:
        low = t.lower_
        describes = low in lex.descriptors and low not in lex.org_words and not (joined and t is not words[0])
        if low in lex.role_heads or describes or low in lex.determiners or low in lex.honorifics:
            return False  # an organization word that also describes (Kepolisian) still heads one;
            # a describing word inside a name with joining words is the name's (Komisi untuk Orang Hilang)
        if not (is_cap(t) or t.text.isupper() or low in joiners):
            return False
    if any(lex.is_honorific(t.text) or t.lower_.rstrip(".") in lex.rank_words for t in words):
        return False
    head = role_toks[0]
    english = any(t.lower_ in lex.words.english_name_joiners for t in role_toks[1:])
    if not (head.lower_ in lex.org_words or english or all(t.text.isupper() and len(t.text) > 1 for t in role_toks)):
        return False  # evidence of an organization: its head word (Biro, Kementerian), an English
        # joining word (Centers for Disease Control) or an acronym (SM)
    if any(person_word(t.text, lex) for t in name_toks):
        return False
    if _place_word(role_toks[-1], lex) and not any(_place_word(t, lex) for t in name_toks):
        return False  # "Satgas Covid-19 Provinsi Maluku Dony Rerung": the organization ended at its place
    spoken = spoken_words(doc, lex)
    if any(t.text in spoken for t in name_toks):
        return False  # "kata Trump" elsewhere: the article uses the word alone for a speaker
    likeness = [name_likeness(t.text) for t in name_toks if not t.text.isupper()]
    # one word after an organization's head names it unless it is spelled much like a person's
    # (Komite Nobel, Pemerintah Vanuatu); two or more must lean away from person names
    limit = _ONE_WORD_LIKENESS if len(name_toks) == 1 else 0.0
    return bool(likeness) and sum(likeness) / len(likeness) < limit


def _governed_place(role_toks: list[Token], name_toks: list[Token], lex: Lexicon) -> bool:
    """A governing institution's head (``governing_heads``), capitalized or not, with at most one
    lower-case word after it, before a place's name (*pemerintah Vanuatu*, *Pemerintah lokal
    Afghanistan*, *pemerintahan militer Thailand*): the institution of that place speaks, named
    as written, not the place. A place is a gazetteer word, a word the NER reads as a location,
    or a word spelled unlike a person's name."""
    if not role_toks or role_toks[0].lower_ not in lex.words.governing_heads:
        return False
    rest = role_toks[1:] + name_toks
    if rest and rest[0].is_alpha and rest[0].is_lower:
        rest = rest[1:]
    if not rest or any(person_word(t.text, lex) or not is_cap(t) for t in rest):
        return False
    return all(t.lower_ in lex.places or t.ent_type_ in ("LOC", "GPE") or name_likeness(t.text) < _ONE_WORD_LIKENESS for t in rest)


def _place_word(t: Token, lex: Lexicon) -> bool:
    """A word of a place's name (a gazetteer place or a place word such as *Barat*), not of a person's."""
    return (t.lower_ in lex.places or t.lower_ in lex.place_words) and not person_word(t.text, lex)


def _unnamed_mention(doc: Doc, start: int, end: int, role_toks: list[Token], lex: Lexicon) -> Mention:
    """A phrase with no name part: a role, an organization or a description."""
    role = tokens_text(doc, role_toks)
    first = doc[start]
    low = doc[start:end].text.lower()
    s, e = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
    whole = doc_text(doc)[s:e]

    def mention(kind: MentionKind, name: str | None, role: str | None) -> Mention:
        return Mention(s, e, whole, kind, name, role, start, end)

    words = low.split()
    if end - start == 1 and possessed_description(first.text, lex):
        return mention("description", None, whole)  # "Istrinya mengatakan …", "kata pengacaranya"
    if first.lower_ in lex.role_heads and not (low in lex.org_speakers):
        return mention("role", None, role or whole)
    if low in lex.org_speakers or (
        words and words[-1] in lex.org_speakers and words[0] not in lex.determiners and words[0] not in lex.descriptors
    ):
        return mention("organization", whole, None)
    if first.lower_ in lex.determiners or first.lower_ in lex.descriptors:
        return mention("description", None, role or whole)
    if role_toks and not is_cap(first) and first.lower_ not in lex.role_heads:
        return mention("description", None, role)
    words_cap = [t for t in doc[start:end] if t.is_alpha]
    if (
        len(words_cap) >= 2
        and all(is_cap(t) for t in words_cap)
        and (words_cap[-1].lower_ in lex.place_words or words_cap[-1].lower_ in lex.places)
        and words_cap[0].lower_ not in lex.common_words
        and words_cap[0].lower_ not in lex.stop_words
        and not any(t.lower_ in lex.role_heads or t.lower_ in lex.descriptors for t in words_cap)
    ):
        # "Persija Jakarta", "Pemkot Surabaya": a capitalized name ending in a place, no title
        return mention("organization", whole, None)
    body = [t for t in doc[start:end] if not t.is_punct]
    if (
        len(body) >= 2
        and is_cap(first)
        and not any(t.lower_ in lex.role_heads for t in body)
        and all(t.lower_ in lex.org_words or t.lower_ in lex.place_words or t.lower_ in lex.places or t.text.isupper() or ROMAN.match(t.text) for t in body)
    ):
        # "Komisi III DPR RI", "Dinas Kesehatan DKI Jakarta": organization words only
        return mention("organization", whole, None)
    if _capitalized_organization(doc, start, end, lex) or _suffixed_organization(doc, start, end, lex):
        return mention("organization", whole, None)
    if role_toks or first.lower_ in lex.role_heads:
        return mention("role", None, role or whole)
    if all(t.lower_ in lex.org_words or t.lower_ in lex.place_words or t.text.isupper() for t in doc[start:end]):
        return mention("organization", whole, None)
    return mention("description", None, whole)


def _capitalized_organization(doc: Doc, start: int, end: int, lex: Lexicon) -> bool:
    """A phrase with no name part, every word capitalized (or a joiner such as *dan*, or
    parentheses), no determiner or honorific, no title or descriptor (but after an organization
    word, *Badan Pemeriksa Keuangan*), that opens with an organization word or holds an acronym
    in parentheses (*Badan Layanan Jaminan Sosial (BPJS) Kesehatan*, *Food and Drug
    Administration (FDA) Amerika Serikat*): one organization's name, not a role."""
    toks = list(doc[start:end])
    words = [t for t in toks if t.is_alpha or "-" in t.text]
    if len(words) < 2 or not is_cap(toks[0]):
        return False
    joiners = lex.words.organization_name_joiners
    headed = toks[0].lower_ in lex.org_words
    for k, t in enumerate(toks):
        low = t.lower_
        if t.text in "()":
            continue
        if not (is_cap(t) or t.text.isupper() or low in joiners) or t.is_punct:
            return False
        if low in lex.determiners or lex.is_honorific(t.text):
            return False
        if (low in lex.role_heads or low in lex.descriptors) and not (headed and k > 0):
            return False  # after an organization word a title word names it (Badan Pemeriksa Keuangan)
    acronym = any(a.text == "(" and b.text.isupper() and len(b.text) > 1 and c.text == ")" for a, b, c in zip(toks, toks[1:], toks[2:]))
    return headed or acronym


def _suffixed_organization(doc: Doc, start: int, end: int, lex: Lexicon) -> bool:
    """Capitalized words ending in a company's suffix, no title or determiner before it
    (*AnyMind Group*, *Sinar Mas Group*): one organization's name, not a role."""
    words = [t for t in doc[start:end] if not t.is_punct]
    if len(words) < 2 or words[-1].lower_ not in lex.words.organization_suffixes:
        return False
    return all(is_cap(t) and t.lower_ not in lex.role_heads and t.lower_ not in lex.determiners and not lex.is_honorific(t.text) for t in words[:-1])


def clitic_mention(doc: Doc, cue_tok: int) -> Mention:
    """The speaker of ``katanya``/``ujarnya``/``menurutnya``: the clitic ``nya`` itself."""
    tok = doc[cue_tok]
    e = tok.idx + len(tok.text)
    return Mention(e - 3, e, doc_text(doc)[e - 3 : e], "clitic", None, None, cue_tok, cue_tok + 1)
