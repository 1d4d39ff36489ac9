"""Splitting a speaker phrase into its role (*Kepala Dinas Perhubungan DKI Jakarta*) and its
name (*Syafrin Liputo*): honorifics, ranks and degrees removed, the name's first word found by
an ordered table of rules."""

from __future__ import annotations

import regex
from spacy.tokens import Doc, Token

from quoteattr.lexicon import Lexicon, default_lexicon
from quoteattr.mentions.boundary import BOUNDARY_KEY, boundary_model, choose_start
from quoteattr.mentions.phrase import hyphen_syllable
from quoteattr.mentions.words import (
    ACRONYM,
    ROMAN,
    SPECIALIST,
    derived_noun,
    first_name_word,
    given_name,
    inside_hyphenated,
    is_cap,
    name_likeness,
    nonperson_word,
    person_word,
    plain_cap,
    possessed_description,
    short_name_word,
    unlisted_name_word,
    web_address,
)


def _strip_title_tokens(tokens: list[Token], lex: Lexicon) -> list[Token]:
    """Drop leading honorifics and ranks (never the last word), and trailing degrees; the role
    side does the same from the other end (:func:`quoteattr.resolve.role_text.clean_role`)."""
    toks = list(tokens)
    changed = True
    while toks and changed:
        changed = False
        rank = lex.rank_at_start([t.lower_.rstrip(".") for t in toks], shorter_than=len(toks))
        if rank:
            toks = toks[len(rank) :]
            changed = True
        elif lex.is_honorific(toks[0].text) and len(toks) > 1:
            toks = toks[1:]
            changed = True
    while toks and (toks[-1].lower_ in lex.degrees or toks[-1].text in {",", "."}):
        toks = toks[:-1]
    return toks


def split_role_name(doc: Doc, start: int, end: int, lex: Lexicon | None = None) -> tuple[list[Token], list[Token]]:
    """Split the phrase ``doc[start:end]`` into (role tokens, name tokens).

    The name is the last PER entity in the phrase when the pipeline has NER; otherwise
    the last run of capitalized words that are not role, organization, place or title
    words (its first word found by :data:`NAME_START_RULES`, then moved right by
    :func:`_title_takes` where the title takes words of the run). Everything before the
    name, minus honorifics, ranks and degrees, is the role.
    """
    lex = lex or default_lexicon()
    if end <= start:
        return [], []
    by_ner = _ner_split(doc, start, end, lex)
    if by_ner is not None:
        return by_ner
    name_end = _name_end(doc, start, end, lex)
    run_start = _name_start(doc, start, name_end, lex)
    j = _outside_hyphenated(doc, start, _title_takes(doc, start, run_start, name_end, lex), name_end, lex)
    name_toks = [doc[x] for x in range(j, name_end)]
    handles = [t for t in doc[start:name_end] if t.text.startswith("@") and len(t.text) > 1]
    if handles and all(t.is_lower or t.lower_ in lex.words.social_platforms or (t.i == start and t.lower_ in lex.common_words) for t in doc[start : handles[-1].i]):
        # "akun Instagram @dimas.p": a handle after lower-case words and platform names is
        # the whole name; the words before it the role ("akun Twitter Budi, @budi": Budi)
        h = handles[-1]
        return _strip_title_tokens([doc[x] for x in range(start, h.i)], lex), [h]
    if name_toks and name_toks[0].lower_ in lex.words.name_particles:
        name_toks = name_toks[1:]
    if len(name_toks) > 5:
        name_toks = name_toks[-4:]
    if name_toks and _given_name_opens(doc, j - 1, start, lex):
        # "Menpora Imam Nahrawi", "Menpora, Imam Nahrawi": after a title, a title word that is
        # also a given name opens the name
        j -= 1
        name_toks = [doc[j]] + name_toks
    if name_toks:
        j = _learned_start(doc, start, name_end, name_toks[0].i, lex)
        name_toks = [doc[x] for x in range(j, name_end)]
    if name_toks and (_common_run_after_title(doc, start, name_toks, lex) or _reduplicated_word(name_toks, lex)):
        # "Dirjen Peternakan dan Kesehatan Hewan": the title ends in common nouns, no name;
        # "Perserikatan Bangsa-Bangsa": a plural of a word of running text names no one
        j, name_toks = name_end, []
    # "R Agus Budi Santosa": Raden, a noble title before at least two name words, opens the
    # name and is no part of it; what stands before it belongs to the title
    noble = next((p for p in range(len(name_toks) - 2) if name_toks[p].text.rstrip(".") in lex.words.noble_initials), None)
    role_end = j if noble is None else name_toks[noble].i
    if noble is not None:
        name_toks = name_toks[noble + 1 :]
    role_toks = _strip_title_tokens([doc[x] for x in range(start, role_end)], lex)
    return role_toks, name_toks


def _reduplicated_word(toks: list[Token], lex: Lexicon) -> bool:
    """The tokens write one word of running text twice with a hyphen (*Bangsa-Bangsa*,
    *Negara-Negara*): a plural noun, never a name."""
    parts = "".join(t.text_with_ws for t in toks).strip().lower().split("-")
    return len(parts) == 2 and parts[0] == parts[1] and parts[0] in lex.running_text


def _common_run_after_title(doc: Doc, start: int, name_toks: list[Token], lex: Lexicon) -> bool:
    """The name read is only common words (*Hewan*), none a given name or a word of person
    names (a derived noun may be a name: *Barlian*), in a phrase that opens with a title (not a
    noun of a person: *Warga*), right after a capitalized common, derived or title word of the
    phrase: the words end a title (*Kesehatan Hewan*), they name no one."""
    j = name_toks[0].i
    opener = doc[start].lower_
    if j <= start or len(name_toks) > 2 or opener not in lex.role_heads or opener in lex.words.age_kept_heads:
        return False  # "Warga Kampung Melayu": a person of a place, whose name it is
    before = doc[j - 1]
    if not (is_cap(before) and (before.lower_ in lex.common_words or derived_noun(before.text, lex) or lex.is_role_word(before.lower_))):
        return False
    return all(
        t.is_alpha and t.lower_ in lex.common_words and not given_name(t.text, lex) and not person_word(t.text, lex)
        for t in name_toks
    )


def _learned_start(doc: Doc, start: int, name_end: int, rule: int, lex: Lexicon) -> int:
    """The name's first word as the learned boundary model reads it (:mod:`.boundary`), when
    the pipeline asked for it on this Doc (``doc.user_data[BOUNDARY_KEY]``: ``True`` for the
    shipped model, or a chooser); else the rules' pick."""
    chooser = doc.user_data.get(BOUNDARY_KEY)
    if chooser is True:
        chooser = boundary_model()
    if not chooser:
        return rule
    return choose_start(doc, start, name_end, rule, lex, chooser)


def _after_a_title(doc: Doc, i: int, start: int, lex: Lexicon) -> bool:
    """Token ``i`` follows a title word, right after it inside the phrase (*Menpora Imam …*) or
    across an appositive comma before the phrase, the title perhaps with its organization
    (*Menpora, Imam …*; *Sekjen PSSI, Ratu …*)."""
    if i > start and not doc[i - 1].is_punct:
        return True
    if i < 2 or doc[i - 1].text != ",":
        return False
    for k in range(i - 2, max(-1, i - 8), -1):
        t = doc[k]
        if t.is_punct or t.is_space or not (is_cap(t) or t.lower_ in lex.words.title_joiners):
            return False  # "Menteri Pemuda dan Olahraga, Imam …": a joiner inside the title
        if t.lower_ in lex.role_heads:
            return True
    return False


def _outside_hyphenated(doc: Doc, start: int, j: int, name_end: int, lex: Lexicon) -> int:
    """The name's first word moved out of a hyphenated word: after it when a name of two
    words or more follows (*CEO Go-Jek Nadiem Makariem*), else to its start (*Jerome
    Sainte-Marie*); a hyphenated word of no name words that opens the run is an organization
    (*CEO Tani-Maju Rudi Hartawan*)."""
    if start < j < name_end and inside_hyphenated(doc, j, lex):
        after = j
        while after < name_end and inside_hyphenated(doc, after, lex):
            after += 1
        if name_end - after >= 2:
            return after
        while j > start and inside_hyphenated(doc, j, lex):
            j -= 1
        return j
    if j + 2 < name_end and inside_hyphenated(doc, j + 1, lex):
        after = j + 1
        while after < name_end and inside_hyphenated(doc, after, lex):
            after += 1
        if name_end - after >= 2 and not any(person_word(doc[x].text, lex) for x in range(j, after)):
            return after
    return j


def _ner_split(doc: Doc, start: int, end: int, lex: Lexicon) -> tuple[list[Token], list[Token]] | None:
    """The split by the last PER entity, trusted only where it agrees with the phrase shape
    (the name ends the phrase); ``None`` without such an entity."""
    stop = lex.stop_words
    per = [k for k in range(start, end) if doc[k].ent_type_ == "PER" and not lex.is_role_word(doc[k].lower_) and doc[k].lower_ not in stop]
    if not per:
        return None
    last_word = end - 1
    while last_word > start and (doc[last_word].lower_ in lex.degrees or not doc[last_word].is_alpha):
        last_word -= 1
    last = per[-1]
    if last != last_word:
        return None
    first = last  # the last contiguous PER entity
    while first - 1 >= start and doc[first - 1].ent_type_ == "PER" and doc[first].ent_iob_ != "B":
        first -= 1
    name = [doc[k] for k in range(first, last + 1)]
    while name and name[0].lower_ in stop:
        name = name[1:]
    name = _strip_title_tokens(name, lex)
    # roles, honorifics or ranks that NER swallowed
    while len(name) > 1 and (name[0].lower_ in lex.role_heads or name[0].lower_ in lex.honorifics):
        name = name[1:]
    j = name[0].i if name else first
    if name and _given_name_opens(doc, j - 1, start, lex):
        j -= 1
        name = [doc[j]] + name
    return _strip_title_tokens([doc[k] for k in range(start, j)], lex), name


def _given_name_opens(doc: Doc, i: int, start: int, lex: Lexicon) -> bool:
    """Token ``i``, right before a name, is a title word that is also a given name (*Imam*,
    *Ratu*) and follows a title (*Menpora Imam Nahrawi*, *Menpora, Imam Nahrawi*): it opens the
    name."""
    return start <= i and doc[i].lower_ in lex.words.given_name_titles and is_cap(doc[i]) and _after_a_title(doc, i, start, lex)


def _name_end(doc: Doc, start: int, end: int, lex: Lexicon) -> int:
    """Where the name ends: before trailing degrees, parentheticals, commas, demonstratives and
    lower-case role words (*Bima Arya baru*)."""
    k = end
    while k > start and (
        ((doc[k - 1].lower_ in lex.degrees or SPECIALIST.match(doc[k - 1].text.rstrip("."))) and not short_name_word(doc[k - 1].text, 2))
        or doc[k - 1].text in {")", ","}
        or doc[k - 1].lower_ in lex.words.demonstratives
        or (doc[k - 1].text.islower() and doc[k - 1].lower_ in lex.role_words_lower and not hyphen_syllable(doc, k - 1, lex))  # "Bima Arya baru"
    ):
        if doc[k - 1].text == ")":
            while k > start and doc[k - 1].text != "(":
                k -= 1
        k -= 1
    return k


#: What a rule of :data:`NAME_START_RULES` decides about the word before the name read so far.
TAKE, TAKE_LAST, STOP = 1, 2, 3


def _name_start(doc: Doc, start: int, name_end: int, lex: Lexicon) -> int:
    """Where the run of name words ending at ``name_end`` starts, read right to left: each word
    before the run is judged by the first rule of :data:`NAME_START_RULES` that applies (take
    it, take it as the last, or stop); none applying stops the run."""
    j = name_end
    while j > start:
        tok = doc[j - 1]
        low = tok.lower_
        for rule in _NAME_START_STEPS:
            verdict = rule(doc, tok, low, j, start, name_end, lex)
            if verdict is not None:
                break
        else:
            break
        if verdict == STOP:
            break
        j -= 1
        if verdict == TAKE_LAST:
            break
    return j


def _initials_after_rank(doc: Doc, tok: Token, low: str, j: int, start: int, name_end: int, lex: Lexicon) -> int | None:
    """Initials or a title word right after a rank start the name: *Inspektur Jenderal RZ Panca*,
    *Kolonel (Czi) IGN Suriastawa*."""
    if j >= name_end or not is_cap(tok):
        return None
    initials = (
        tok.text.isupper() and len(tok.text) <= 3 and tok.text not in lex.nonperson_name_words and low not in lex.org_words
        and low not in lex.rank_words  # "Jenderal TNI Gatot …"
    )
    title_word = low in lex.role_heads and not tok.text.isupper() and low not in lex.rank_words
    return TAKE_LAST if (initials or title_word) and _after_rank(doc, j - 1, start, lex) else None


def _org_phrase_word(doc: Doc, tok: Token, low: str, j: int, start: int, name_end: int, lex: Lexicon) -> int | None:
    """A word that is a name unless it follows its organization head: *… Kementerian Pertanian
    Agung Hendriadi* takes *Agung*, *Kejaksaan Agung Hari Setiyono* does not."""
    heads = lex.org_phrase_words.get(low)
    if heads is not None and is_cap(tok) and (j < name_end or name_end - start == 1) and (j - 2 < start or doc[j - 2].lower_ not in heads):
        return TAKE
    return None


def _noble_title(doc: Doc, tok: Token, low: str, j: int, start: int, name_end: int, lex: Lexicon) -> int | None:
    """A noble title starts the name: *Ketua Gili Hotel Association Lalu Kusnawan*."""
    if low in lex.name_starters and low in lex.stop_words and is_cap(tok) and j < name_end and j - 1 > start:
        return TAKE_LAST
    return None


def _cue_word_in_name(doc: Doc, tok: Token, low: str, j: int, start: int, name_end: int, lex: Lexicon) -> int | None:
    """A speech-verb word inside a name: *Gitadi Tegas Supramudyo*."""
    if low in lex.cues and is_cap(tok) and j < name_end and j - 2 >= start and plain_cap(doc[j - 2], lex) and not doc[j - 2].is_sent_start:
        return TAKE
    return None


def _web_address(doc: Doc, tok: Token, low: str, j: int, start: int, name_end: int, lex: Lexicon) -> int | None:
    """A web address is never part of a name: *CNNIndonesia.com Jefri*."""
    return STOP if web_address(tok.text) else None


def _stop_word(doc: Doc, tok: Token, low: str, j: int, start: int, name_end: int, lex: Lexicon) -> int | None:
    """A cue, function word, day, pronoun or determiner is never part of a name: *kata Budi*."""
    return STOP if low in lex.stop_words else None


def _organization_suffix(doc: Doc, tok: Token, low: str, j: int, start: int, name_end: int, lex: Lexicon) -> int | None:
    """A word that ends a company's name (*Group*, *Securities*, *Tbk*) ends the organization
    before the name: *Analis Valbury Asia Securities Nico Omer*."""
    return STOP if low.rstrip(".") in lex.words.organization_suffixes else None  # the list holds "corp" and "corp."


def _clitic_word(doc: Doc, tok: Token, low: str, j: int, start: int, name_end: int, lex: Lexicon) -> int | None:
    """A common, description or title word with a possessive clitic is no name word:
    *Wakilnya Sandiaga Uno*, *Pelatihnya Budi*, *Prestasinya* (*Sonya*, *Kenya* are names)."""
    stem = low.removesuffix("nya")
    if possessed_description(low, lex) or (stem != low and len(stem) >= 4 and stem in lex.common_words):
        return STOP
    return None


def _plain_name_word(doc: Doc, tok: Token, low: str, j: int, start: int, name_end: int, lex: Lexicon) -> int | None:
    """A capitalized word that is no title, organization, acronym, Roman numeral or rank: *Budi*."""
    bare = low.rstrip(".")
    if (
        is_cap(tok)
        and not lex.is_role_word(low)
        and not lex.is_role_word(bare)
        and not (ACRONYM.match(tok.text) and tok.text.isupper() and sum(ch.isalpha() for ch in tok.text) > 1 and tok.text not in lex.person_acronyms)
        and not ROMAN.match(tok.text)
        and bare not in lex.rank_edge_words  # a rank's first or last word
    ):
        return TAKE
    return None


def _dotted_initial(doc: Doc, tok: Token, low: str, j: int, start: int, name_end: int, lex: Lexicon) -> int | None:
    """A dotted initial, or a single capital letter, between two name words is a middle
    initial, not an honorific: *Yasonna H. Laoly*, *Bambang P.S. Brodjonegoro*, *Yasonna H
    Laoly*, *Miryam H S Haryani*."""
    if not (j < name_end and j - 2 >= start and _initial(tok.text) and (plain_cap(doc[j], lex) or _initial(doc[j].text))):
        return None
    k = j - 2
    while k > start and _initial(doc[k].text):
        k -= 1  # "Miryam H S Haryani": the initials run back to the first name
    return TAKE if plain_cap(doc[k], lex) and not _initial(doc[k].text) else None


def _initial(text: str) -> bool:
    return bool(_DOTTED.match(text)) or (len(text) == 1 and text.isupper())


_DOTTED = regex.compile(r"^(?:\p{Lu}\.){1,3}(?:\p{Lu}\.?)?$")


def _hyphen_syllable(doc: Doc, tok: Token, low: str, j: int, start: int, name_end: int, lex: Lexicon) -> int | None:
    """The lower-case second syllable of a hyphenated given name ends the name: *Park Geun-hye*."""
    return TAKE if j == name_end and hyphen_syllable(doc, j - 1, lex) else None


def _family_name(doc: Doc, tok: Token, low: str, j: int, start: int, name_end: int, lex: Lexicon) -> int | None:
    """A short capitalized word right before a hyphenated given name with a lower-case second
    syllable that ends the name is the family name and opens it: *Ri Yong-ho*, *Cho Tae-yong*
    (*Ri* is no *RI*)."""
    text = tok.text
    if j + 3 == name_end and 2 <= len(text) <= 4 and text.isalpha() and text[0].isupper() and text[1:].islower() and is_cap(doc[j]) and doc[j + 1].text == "-" and hyphen_syllable(doc, j + 2, lex):
        return TAKE_LAST
    return None


def _inner_initials(doc: Doc, tok: Token, low: str, j: int, start: int, name_end: int, lex: Lexicon) -> int | None:
    """Initials inside or after a name: *Mahfud MD*, *Bambang PS Brodjonegoro*."""
    if j - 2 >= start and tok.text.isupper() and tok.text.isalpha() and len(tok.text) <= 3 and plain_cap(doc[j - 2], lex) and (
        j == name_end or plain_cap(doc[j], lex)
    ) and not lex.is_role_word(low) and low not in lex.rank_words:
        return TAKE
    return None


def _title_word_ending_name(doc: Doc, tok: Token, low: str, j: int, start: int, name_end: int, lex: Lexicon) -> int | None:
    """A title word that ends a name is part of it: *Lucky Hakim*."""
    if j == name_end and j - 2 >= start and low in lex.role_heads and low not in lex.org_words and is_cap(tok) and plain_cap(doc[j - 2], lex):
        return TAKE
    return None


def _title_word_inside_name(doc: Doc, tok: Token, low: str, j: int, start: int, name_end: int, lex: Lexicon) -> int | None:
    """A title word between a first-name word and a name: *Lukman Hakim Saifuddin*; a title
    that is also a given name (*Imam*, *Ratu*) after any capitalized word that is no title,
    organization or place word: *Gatot Imam Nugroho*."""
    if j < name_end and j - 2 >= start and is_cap(tok) and low in lex.role_heads and low not in lex.org_words and plain_cap(doc[j], lex):
        prev = doc[j - 2]
        if person_word(prev.text, lex) or (low in lex.words.given_name_titles and plain_cap(prev, lex) and not nonperson_word(prev.text, lex)):
            return TAKE
    return None


def _role_word_ending_name(doc: Doc, tok: Token, low: str, j: int, start: int, name_end: int, lex: Lexicon) -> int | None:
    """A role word ending a name after a first-name word or an unknown word: *Tubagus Utama*,
    *Jaka Utama*; a word of titles that is also a given name after a word no title or
    organization holds: *Juda Agung* (not *Jaksa Agung*); a two-letter name word after a given
    name: *Johnson Ma*."""
    title_given = j - 2 >= start and (
        (lex.is_role_word(low) and given_name(tok.text, lex) and not lex.is_role_word(doc[j - 2].lower_) and doc[j - 2].lower_ not in lex.org_words)
        or (short_name_word(tok.text, 2) and first_name_word(doc[j - 2].text, lex))  # "Johnson Ma", not the court MA
    )
    if (
        j == name_end and j - 2 >= start and is_cap(tok) and (low in lex.role_words_lower or title_given)
        and is_cap(doc[j - 2]) and doc[j - 2].lower_ not in lex.stop_words
        and (person_word(doc[j - 2].text, lex) or not nonperson_word(doc[j - 2].text, lex))
    ):
        return TAKE
    return None


def _name_particle(doc: Doc, tok: Token, low: str, j: int, start: int, name_end: int, lex: Lexicon) -> int | None:
    """A name particle inside the name: *Abdullah bin Zayed*, *Abdulelah al-Saleh*."""
    if low in lex.words.hyphen_name_particles and j - 1 > start and j < name_end and doc[j].text == "-" and not tok.whitespace_:
        return TAKE
    return TAKE if low in lex.words.name_particles and j - 1 > start and j < name_end else None


def _balinese_prefix(doc: Doc, tok: Token, low: str, j: int, start: int, name_end: int, lex: Lexicon) -> int | None:
    """Balinese names: *I Wayan Koster*, *Ni Luh Putu*."""
    return TAKE if tok.text in ("I", "Ni") and j < name_end and doc[j].lower_ in lex.balinese_names else None


def _hyphenated_name(doc: Doc, tok: Token, low: str, j: int, start: int, name_end: int, lex: Lexicon) -> int | None:
    """A hyphen inside a name: *Karl-Heinz*, *al-Saleh*."""
    if tok.text == "-" and j < name_end and j - 2 >= start and (is_cap(doc[j - 2]) or doc[j - 2].lower_ in lex.words.hyphen_name_particles) and not doc[j - 2].whitespace_ and not tok.whitespace_:
        return TAKE
    return None


def _apostrophe(doc: Doc, tok: Token, low: str, j: int, start: int, name_end: int, lex: Lexicon) -> int | None:
    """An apostrophe the text spaced inside a name: *Shaquille O ' Neal* (*Ma'ruf* is one token)."""
    return TAKE if tok.text in {"'", "’"} and j < name_end else None


#: The rules that read the word before the name run, tried in this order (right to left).
NAME_START_RULES = (
    ("dotted_initial", _dotted_initial),
    ("hyphen_syllable", _hyphen_syllable),
    ("initials_after_rank", _initials_after_rank),
    ("org_phrase_word", _org_phrase_word),
    ("noble_title", _noble_title),
    ("cue_word_in_name", _cue_word_in_name),
    ("web_address", _web_address),
    ("stop_word", _stop_word),
    ("family_name", _family_name),
    ("organization_suffix", _organization_suffix),
    ("clitic_word", _clitic_word),
    ("plain_name_word", _plain_name_word),
    ("inner_initials", _inner_initials),
    ("title_word_ending_name", _title_word_ending_name),
    ("title_word_inside_name", _title_word_inside_name),
    ("role_word_ending_name", _role_word_ending_name),
    ("name_particle", _name_particle),
    ("balinese_prefix", _balinese_prefix),
    ("hyphenated_name", _hyphenated_name),
    ("apostrophe", _apostrophe),
)
_NAME_START_STEPS = tuple(rule for _, rule in NAME_START_RULES)


def _title_takes(doc: Doc, start: int, run_start: int, name_end: int, lex: Lexicon) -> int:
    """Where the name starts once the title has taken the words of the run that belong to it:
    its organization or jurisdiction name, a place, leading common words, an organization
    glued before a first name."""
    j = run_start
    if j - 1 > start and name_end - j >= 2 and doc[j - 1].text in ("St", "St.") and is_cap(doc[j - 2]):
        j += 1  # "Striker Paris St Germain Edinson Cavani": the saint's name is the club's or the city's
    if start < j < name_end and _family_name(doc, doc[j], doc[j].lower_, j + 1, start, name_end, lex) is not None:
        return j  # "… Korea Utara Ri Yong-ho": the family name before a hyphenated given name
    # "Partai Maju Hendra Gunawan": an organization head takes the next capitalized word;
    # "Bupati Poso Darmin Sigilipu": a head with a jurisdiction takes the next one
    if j > start and name_end - j >= 3 and (
        doc[j - 1].lower_ in lex.jurisdiction_heads or ROMAN.match(doc[j - 1].text) or doc[j - 1].like_num
    ):
        j += 1  # "… Refinery Unit VI Balongan Yulianto Triwibowo", "Kodam III Siliwangi …"
    elif j > start and name_end - j >= 2 and doc[j - 1].lower_ in lex.org_name_heads and not (
        j - 2 >= start and (doc[j - 2].lower_, doc[j - 1].lower_) in lex.title_phrases
    ):
        j += 1  # not after a title of its own: "Kepala Sekolah Aveline Gregoire"
    elif j > start and name_end - j >= 3 and doc[j - 1].lower_ in lex.words.posting_prepositions and not person_word(doc[j].text, lex):
        j += 1  # "Konjen RI di Jeddah Hery Saripudin": the posting's place, then the name
    # a regency, city or province between a title and a name: "Ketua KPU Sidoarjo Muhammad Iskak"
    places = lex.places
    while j > start and name_end - j >= 3 and doc[j].lower_ in places:
        j += 1
    org_taken = j != run_start  # the title has its organization or place
    # with NER: an organization or place entity inside the run ends before the name
    for x in range(name_end - 2, j - 1, -1):
        if doc[x].ent_type_ in ("ORG", "LOC") and doc[x + 1].ent_type_ not in ("ORG", "LOC"):
            j = x + 1
            break
    j = _common_lead(doc, start, j, name_end, lex)
    j = _organization_before_first_name(doc, start, j, name_end, lex)
    if j > start and name_end - j >= 2:
        j = _organization_before_name(doc, j, name_end, lex, complete=org_taken)
    if name_end - j == 1 and len(doc[j].text) == 1 and j > start and lex.is_role_word(doc[j - 1].lower_):
        j = name_end  # "Kepala Peleton B": a unit letter after an organization word
    if name_end - j == 1 and j - 1 > start and not person_word(doc[j].text, lex) and _names_an_organization(doc[j - 1], lex):
        j = name_end  # "PD Pasar Jaya", "Kecamatan Leles", "PT House of Rattan": one word names the place
    return j


def _common_lead(doc: Doc, start: int, j: int, name_end: int, lex: Lexicon) -> int:
    """Common words leading a name run belong to the title (*Direktur Jenderal Hak Kekayaan
    Intelektual Razilu*); at a phrase start only a run of two or more does, or a derived common
    noun (*Keinginan Megawati Soekarnoputri*, *Pernyataan SBY*)."""
    common = lex.common_words
    lead = j
    def derived(tok: Token) -> bool:  # a derived noun the corpus writes in running text (*Keinginan*, not *Gaetan*)
        return derived_noun(tok.text, lex) and tok.lower_ in lex.running_text

    while lead < name_end - 1 and (doc[lead].lower_ in common or (lead == j == start and derived(doc[lead]) and not given_name(doc[lead].text, lex))) and not person_word(doc[lead].text, lex):
        lead += 1
    if lead > j and (j > start or lead - j >= 2 or derived(doc[start])):
        return lead
    return j


def _organization_before_first_name(doc: Doc, start: int, j: int, name_end: int, lex: Lexicon) -> int:
    """An organization or place word glued before a name that starts with a first-name word
    (a person word or a given name of the train split's speakers): *Tjipinang Jaya Arief
    Prasetyo*, *Blambangan Sri Indah Lestari*; one word of no known kind between a title or an
    organization and a given name with its surname too (*Pebalap Yamaha Valentino Rossi*). Never
    after a rank (its initials open the name)."""
    if not (j > start and name_end - j >= 3) or _after_rank(doc, j, start, lex):
        return j  # "Ajun Komisaris Besar FX Winardi Prabowo": initials after a rank open the name
    for p in range(j + 1, name_end - 1):
        balinese = doc[p].text in ("I", "Ni") and doc[p + 1].lower_ in lex.balinese_names
        if balinese or (given_name(doc[p].text, lex) and len(doc[p].text.rstrip(".")) > 1):  # an initial (M.) opens no name
            if all(
                not person_word(doc[x].text, lex)
                and (
                    nonperson_word(doc[x].text, lex)
                    or doc[x - 1].lower_ in lex.org_name_heads
                    or (doc[x - 1].text.islower() and doc[x - 1].lower_ in lex.role_words_lower)  # "Bike to Work"
                )
                for x in range(j, p)
            ):
                return p
            before = doc[j - 1]
            titled = before.lower_ in lex.role_heads or before.lower_ in lex.org_words or (before.text.isupper() and before.text.isalpha() and len(before.text) >= 2)
            if j - 2 >= start and _names_an_organization(doc[j - 2], lex):
                titled = False  # "PT Pertamina Sylvia Grace Yuvenna": the head's one word is the organization's whole name
            # after an organization's own name (*Golkar*), a word spelled much like a first name no
            # list holds is that first name (*Golkar Fahmi Idris*); after a title it may be the
            # organization (*Pebalap Yamaha Valentino Rossi*)
            first_after_name = before.lower_ not in lex.role_heads and unlisted_name_word(doc[j].text, lex) and name_likeness(doc[j].text) > 0.3
            if p == j + 1 and titled and not first_after_name and not given_name(doc[j].text, lex) and doc[j].lower_ not in lex.words.given_name_titles:
                # "Pebalap Yamaha Valentino Rossi", "… KBRI Denhaag Azis Nurwahyudi": one word
                # between a title or an organization and a given name and surname
                return p
            if p == j + 1 and person_word(doc[p].text, lex) and is_cap(before) and not first_after_name and not (j - 2 >= start and _names_an_organization(doc[j - 2], lex)) and not given_name(doc[j].text, lex) and doc[j].lower_ not in lex.words.given_name_titles:
                # "… dan Pembinaan Syariah Muhammad Thambrin": one word of no known kind
                # between a capitalized title word and a word the NER sets almost always
                # tag inside a person's name, with a surname after it
                return p
            break
    return j


def _names_an_organization(head: Token, lex: Lexicon) -> bool:
    """An organization head (*Pasar*, *PT*, *Universitas*) or an administrative unit
    (*Kecamatan*, *Desa*, not a person's title such as *Bupati*): the one capitalized word
    after it is that organization's or place's name."""
    low = head.lower_
    unit = low in lex.jurisdiction_heads and (low in lex.place_words or low in lex.org_words)
    return low in lex.org_name_heads or unit or (low == "of" and not head.is_sent_start)


def _after_rank(doc: Doc, i: int, start: int, lex: Lexicon) -> bool:
    """``doc[start:i]`` ends with a rank, maybe followed by its corps in parentheses
    (*Kolonel (Czi)*, *Ajun Komisaris Besar*)."""
    k = i
    if k - 1 >= start and doc[k - 1].text == ")":
        while k > start and doc[k - 1].text != "(":
            k -= 1
        k -= 1
    before = [t.lower_.rstrip(".") for t in doc[max(start, k - 4) : k]]
    r = lex.rank_at_end(before)
    # "Sekretaris Jenderal", "Konsul Jenderal": a one-word rank after a title is part of the title
    return r is not None and not (len(r) == 1 and len(before) > 1 and before[-2] in lex.role_heads)


def _word_score(tok: Token, lex: Lexicon) -> float:
    """Evidence that a capitalized word is part of a person's name: +2 for a first-name word,
    -2 for a title, organization, place or common word, else its spelling (-1 … 1)."""
    if person_word(tok.text, lex):
        return 2.0
    if nonperson_word(tok.text, lex) or tok.lower_ in lex.stop_words:
        return -2.0
    return max(-1.0, min(1.0, name_likeness(tok.text)))


def _organization_before_name(doc: Doc, j: int, name_end: int, lex: Lexicon, complete: bool = False) -> int:
    """Where the name starts in a run of capitalized words after a title, when the run
    begins with an organization or place (*CEO Tokopedia William Tanuwijaya*, *Kepala
    Dinkes Sidoarjo Syaf Satriawarman*): the shortest run of leading words that, taken
    together, do not look like a person's name (none of them does on its own), cut where
    the rest opens with a word that may start a name."""
    prev = doc[j - 1]
    if _after_rank(doc, j, 0, lex) or prev.lower_ in lex.honorifics:
        return j  # "Komisaris Besar Gatot Repli Handoko": a rank is followed by the name
    # the title already has its organization ("Politikus Partai Demokrat Saan Mustopa",
    # "Ketua … (Apindo) Tutum Rahanta"): only listed non-name words are cut, never by
    # spelling, and the name keeps two words
    low = prev.lower_
    if low in lex.role_heads or low in lex.role_words_lower or not is_cap(prev):
        ends_org = prev.text == ")"  # "Direktur Utama …": the title still waits for its organization
    elif low in lex.org_words or low in lex.place_words or low in lex.places or (prev.text.isupper() and len(prev.text) > 1):
        ends_org = True  # "Partai Demokrat", "Kutai Timur", "KLHK"
    else:  # "Indofood"; not a capitalized common word that opens a name ("Taman Satwa …")
        ends_org = low not in lex.common_words and nonperson_word(prev.text, lex)
    complete = complete or ends_org
    limit = -1.5 if complete else 0.2
    scores = [_word_score(doc[x], lex) for x in range(j, name_end)]
    cuts: list[int] = []
    total = 0.0
    for k in range(1, len(scores)):
        if scores[k - 1] > limit or (complete and name_likeness(doc[j + k - 1].text) > 0.0):
            break  # a word that looks like a name is not cut off ("KLHK San Afri Awang")
        total += scores[k - 1]
        rest = len(scores) - k
        if rest == 1:
            # a one-word name: only after listed non-name words, and it must look like a name
            # ("Satgas Covid-19 Bima Arya": Bima is a city, but spelled like a name)
            opens = not complete and all(x <= -1.5 and name_likeness(doc[j + i].text) <= -0.2 for i, x in enumerate(scores[:k])) and scores[k] > 0.0
        else:
            opens = scores[k] > -0.5
        if opens and total < -0.15:
            cuts.append(k)
    # the first cut where the name opens with a word that looks like a name ("Gojek
    # Xcelerate Yoanita …"), else the first cut ("Lion Air Group Danang Mandala …")
    if not cuts:
        return j
    first = cuts[0]
    later = next((k for k in cuts if scores[k] > 0.0), first)
    if later > first and (len(doc[j + later].text) == 1 or any(x > -0.1 for x in scores[first:later])):
        later = first  # "Kemenpora Gatot S Dewa Broto": a word in between may be a name
    return j + later
