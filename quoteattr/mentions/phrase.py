"""Where a speaker's noun phrase ends: an ordered table of rules, one per kind of word.
Each rule returns ``None`` when it does not apply, else the next token index and whether the
phrase goes on from there."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from quoteattr.lexicon import Lexicon, default_lexicon
from quoteattr.mentions.words import (
    DATE,
    ROMAN,
    derived_noun,
    first_name_word,
    given_name,
    inside_hyphenated,
    is_cap,
    is_clause_punct,
    name_likeness,
    nonperson_word,
    person_word,
    possessed_description,
)


def np_end(doc: Doc, i: int, limit: int, lex: Lexicon | None = None) -> int:
    """End (exclusive token index) of the noun phrase that starts at token ``i``.

    The phrase is a run of capitalized words, acronyms, role and description words
    (``seorang warga``, ``kuasa hukum``), short parentheticals (``(PAN)``) and name
    particles; it stops at punctuation, prepositions, day names and verbs. Each token is
    read by the first rule of :data:`NP_RULES` that applies; none applying ends the phrase.
    """
    lex = lex or default_lexicon()
    k = i
    limit = min(limit, len(doc))
    while k < limit:
        tok = doc[k]
        if tok.is_space:
            if "\n" in tok.text or k == i:
                break
            k += 1  # double spaces left by normalization
            continue
        low = tok.lower_
        if low in lex.pronouns and low not in ("nya", "-nya"):
            return k + 1 if k == i else k  # "kata dia": a pronoun is a phrase on its own
        for rule in _NP_STEPS:
            step = rule(doc, tok, low, k, i, limit, lex)
            if step is not None:
                break
        else:
            break
        k, go_on = step
        if not go_on:
            break
    # do not end on a connector
    while k > i and (doc[k - 1].text in {"-", "/", "&"} or doc[k - 1].lower_ in lex.words.phrase_end_connectors):
        k -= 1
    return _over_posting_place(doc, i, k, limit, lex)


def _over_posting_place(doc: Doc, i: int, k: int, limit: int, lex: Lexicon) -> int:
    """A title with its posting (*di*, *untuk* and a place or body) and then the name: *Kepala
    Perwakilan Bank Dunia di Indonesia Rodrigo Chaves*, *Dubes RI di Kairo Helmy Fauzi*. The
    words before the preposition open with a title and hold no name-like word; the capitalized
    run after it ends in two words that are no place, title or organization words (the
    name). Otherwise the phrase ends at the preposition (*Kepala BNPB Budi di Jakarta*)."""
    if not (i < k < limit - 2 and doc[k].lower_ in lex.words.posting_prepositions and doc[i].lower_ in lex.role_heads):
        return k
    if any(is_cap(t) and not (t.text.isupper() or nonperson_word(t.text, lex)) and (person_word(t.text, lex) or name_likeness(t.text) > 0.0) for t in doc[i:k]):
        return k  # a name-like word before the preposition ("Korut" is none)
    e = k + 1
    particles = lex.words.name_particles
    while e < limit and (
        inside_hyphenated(doc, e, lex)  # "Choe Myong-nam"
        or (doc[e].lower_ not in lex.stop_words and (is_cap(doc[e]) or (doc[e].text in particles and e + 1 < limit and is_cap(doc[e + 1]) and e > k + 2)))
    ):
        e += 1  # "… untuk Suriah Staffan de Mistura": a particle inside the name
    words = [t for t in doc[k + 1 : e] if not inside_hyphenated(doc, t.i, lex)]
    last = words[-2:]
    if len(words) < 3 or any(nonperson_word(t.text, lex) or t.text.isupper() for t in last):
        return k
    if e < limit and doc[e].text == "(":
        return k  # "… untuk Indonesia-Australia Comprehensive Economic Partnership Agreement (IA-CEPA)": an organization's acronym follows
    return e


def title_list_comma(doc: Doc, k: int, limit: int, lex: Lexicon) -> bool:
    """The comma at token ``k`` separates the fields of one title, not two phrases: *Kepala
    Pusat Data, Informasi, dan Humas BNPB …*, *Deputi Bidang Energi, Logistik, Kawasan dan
    Pariwisata …*. The capitalized run before it opens with a title word; each field is one
    capitalized word that is no title, honorific or first name; the list closes with *dan* or
    *serta* and a capitalized word."""
    if doc[k].text != "," or k < 1 or not is_cap(doc[k - 1]):
        return False
    b = k - 1
    while b > 0 and k - b <= 12 and (is_cap(doc[b - 1]) or doc[b - 1].text == ",") and doc[b - 1].lower_ not in lex.stop_words:
        b -= 1
    if doc[b].lower_ not in lex.role_heads or b == k - 1:
        return False

    def field(t: Token) -> bool:
        return is_cap(t) and not t.text.isupper() and t.lower_ not in lex.role_heads and t.lower_ not in lex.honorifics and not person_word(t.text, lex) and t.lower_ not in lex.days

    j, items = k + 1, 0
    while j < limit and j - k <= 12:
        t = doc[j]
        if t.lower_ in ("dan", "serta"):
            inside = items >= 1 or (k >= 2 and doc[k - 2].text == ",")  # ", dan Humas" after a field
            last = doc[j + 1] if j + 1 < limit else None
            return inside and last is not None and is_cap(last) and last.lower_ not in lex.honorifics and not person_word(last.text, lex)
        if not field(t) or (j + 1 < limit and doc[j + 1].text != "," and doc[j + 1].lower_ not in ("dan", "serta")):
            return False
        items += 1
        j += 1
        if j < limit and doc[j].text == ",":
            j += 1
    return False


def _np_title_list(doc: Doc, tok: Token, low: str, k: int, i: int, limit: int, lex: Lexicon) -> tuple[int, bool] | None:
    """A comma between the fields of one title goes on the phrase (:func:`title_list_comma`)."""
    if not (k > i and tok.text == "," and title_list_comma(doc, k, limit, lex)):
        return None
    return (k + 2, True) if k + 1 < limit and doc[k + 1].lower_ in ("dan", "serta") else (k + 1, True)


def _np_clause_punct(doc: Doc, tok: Token, low: str, k: int, i: int, limit: int, lex: Lexicon) -> tuple[int, bool] | None:
    """Punctuation that ends a clause ends the phrase: *kata Budi, …*"""
    return (k, False) if is_clause_punct(tok) else None


def _np_parenthetical(doc: Doc, tok: Token, low: str, k: int, i: int, limit: int, lex: Lexicon) -> tuple[int, bool] | None:
    """A short capitalized parenthetical belongs to the phrase: *Ketua Umum (PAN) Zulkifli*; a
    date or a day in parentheses ends it: *Budi (3/1)*."""
    if tok.text != "(":
        return None
    close = k + 1
    while close < limit and close - k <= 6 and doc[close].text != ")":
        close += 1
    inner = doc[k + 1 : close]
    if (
        close < limit
        and doc[close].text == ")"
        and 1 <= len(inner) <= 4
        and inner[0].text[:1].isupper()
        and not any(DATE.match(t.text) for t in inner)
        and inner[0].lower_ not in lex.days
    ):
        last = close + 1 >= limit or not is_cap(doc[close + 1])
        if last and k > i and len(inner) >= 2 and first_name_word(inner[0].text, lex) and all(is_cap(t) and not t.text.isupper() for t in inner):
            return (k, False)  # "Menlu Australia (Julie Bishop)": the title's holder, named in parentheses after it
        return (close + 1, True)
    return (k, False)


def _np_day(doc: Doc, tok: Token, low: str, k: int, i: int, limit: int, lex: Lexicon) -> tuple[int, bool] | None:
    """A day name ends the phrase: *kata Budi Senin*."""
    return (k, False) if low in lex.days else None


def _np_capitalized(doc: Doc, tok: Token, low: str, k: int, i: int, limit: int, lex: Lexicon) -> tuple[int, bool] | None:
    """A capitalized word or Roman numeral goes on the phrase, but a capitalized function word
    after its first word ends it: *Komisi III DPR*, not *Budi Dan …*."""
    if not (is_cap(tok) or ROMAN.match(tok.text)):
        return None
    if k > i and low in lex.function_words and low not in lex.role_heads and low not in lex.org_words:
        if _title_case_joiner(doc, k, i, limit, lex):
            return (k + 1, True)  # "Kepala Dinas Pekerjaan Umum Dan Penataan Ruang": a title written in title case
        return (k, False)
    return (k + 1, True)


def _title_case_joiner(doc: Doc, k: int, i: int, limit: int, lex: Lexicon) -> bool:
    """A capitalized joining or negating word inside a title or an organization's name written
    in title case (*Pekerjaan Umum Dan Penataan Ruang*, *Warisan Budaya Tak Benda*): the phrase
    opens with a title or organization word, every word so far is capitalized, and a capitalized
    word that is no function word follows."""
    if not (doc[k].lower_ in lex.words.title_case_joiners and k + 1 < limit and is_cap(doc[k + 1]) and doc[k + 1].lower_ not in lex.function_words):
        return False
    if not (doc[i].lower_ in lex.role_heads or doc[i].lower_ in lex.org_words):
        return False
    return all(is_cap(t) or t.text in "()&-" for t in doc[i:k])


def _np_joiner(doc: Doc, tok: Token, low: str, k: int, i: int, limit: int, lex: Lexicon) -> tuple[int, bool] | None:
    """A hyphen, slash or ampersand between capitalized words: *PDI-Perjuangan*, *AT&T*; a
    hyphen glued between a capitalized word and a short lower-case one, the second syllable of
    a Korean or Thai given name: *Park Geun-hye*, *Cho Tae-yong*."""
    if tok.text in {"-", "/", "&"} and k > i and k + 1 < limit and is_cap(doc[k + 1]):
        return (k + 1, True)
    if tok.text == "-" and k > i and k + 1 < limit and hyphen_syllable(doc, k + 1, lex):
        return (k + 2, True)
    return None


def _np_name_joiner(doc: Doc, tok: Token, low: str, k: int, i: int, limit: int, lex: Lexicon) -> tuple[int, bool] | None:
    """A lower-case joining word inside an organization's capitalized name (*Komisi untuk Orang
    Hilang*, *Centers for Disease Control*): the phrase opens with an organization word or holds
    an English joining word, every word so far is capitalized or joining, and a capitalized word
    follows."""
    if not (k > i and tok.text.islower() and k + 1 < limit and is_cap(doc[k + 1])):
        return None
    english = lex.words.english_name_joiners
    if low not in english and low not in lex.words.organization_name_joiners - {"dan"}:
        return None
    if not (doc[i].lower_ in lex.org_words or low in english) or not is_cap(doc[i]):
        return None
    if not all(is_cap(t) or t.lower_ in lex.words.organization_name_joiners for t in doc[i:k]):
        return None
    return (k + 1, True)


def hyphen_syllable(doc: Doc, k: int, lex: Lexicon | None = None) -> bool:
    """Token ``k`` is a short lower-case syllable glued by a hyphen to a capitalized word
    (*hye* in *Geun-hye*, *un* in *Jong-un*), or that word repeated where it is no common word
    (*butar* in the surname *Butar-butar*; *Suara-suara* is a plural)."""
    if k < 2 or doc[k - 1].text != "-" or doc[k - 1].whitespace_ or doc[k - 2].whitespace_ or not is_cap(doc[k - 2]):
        return False
    t = doc[k]
    if not (t.is_alpha and t.text.islower()):
        return False
    if 2 <= len(t.text) <= 4:
        return True
    lex = lex or default_lexicon()
    return t.lower_ == doc[k - 2].lower_ and t.lower_ not in lex.common_words


def _np_inner_honorific(doc: Doc, tok: Token, low: str, k: int, i: int, limit: int, lex: Lexicon) -> tuple[int, bool] | None:
    """A lower-case honorific between capitals, or after a title written in lower case, before
    the name: *Kepala Dinas Kesehatan Banyuwangi dr Widji Lestariono*, *dokter spesialis anak dr.
    Rina Marlina*."""
    lower_title = doc[i].text.islower() and (doc[i].lower_ in lex.role_heads or doc[i].lower_ in lex.descriptors)
    if k > i and k + 1 < limit and lex.is_honorific(low) and is_cap(doc[k + 1]) and (is_cap(doc[k - 1]) or lower_title):
        return (k + 1, True)
    return None


def _np_number_suffix(doc: Doc, tok: Token, low: str, k: int, i: int, limit: int, lex: Lexicon) -> tuple[int, bool] | None:
    """A hyphen and a number glued to a capitalized word: *Satgas Covid-19*."""
    if tok.text in {"-", "–"} and k > i and k + 1 < limit and doc[k + 1].like_num and is_cap(doc[k - 1]) and not tok.whitespace_:
        return (k + 2, True)
    return None


def _np_coordinated_units(doc: Doc, tok: Token, low: str, k: int, i: int, limit: int, lex: Lexicon) -> tuple[int, bool] | None:
    """*dan*/*serta*/*of* joining units of a title: *Deputi Komisioner Humas dan Logistik OJK*, *Hotel dan Restoran*,
    *Kepala Subbagian Pelaporan dan Humas* (a derived noun no list holds: *pe-lapor-an*)."""
    if not (low in lex.words.unit_coordinators and k > i and k + 1 < limit and is_cap(doc[k + 1]) and is_cap(doc[k - 1])):
        return None
    prev_low = doc[k - 1].lower_
    if (prev_low in lex.common_words or lex.is_role_word(prev_low) or doc[k - 1].text.isupper() or derived_noun(doc[k - 1].text, lex)) and any(
        t.lower_ in lex.role_heads or t.lower_ in lex.org_words for t in doc[i:k]
    ):
        return (k + 1, True)
    return None


def _np_two_organizations(doc: Doc, tok: Token, low: str, k: int, i: int, limit: int, lex: Lexicon) -> tuple[int, bool] | None:
    """Two organizations of one title: *CEO SurveySensum dan NeuroSensum Rajiv Lamba*."""
    if (
        low in lex.words.organization_pair_joiners and k > i + 1 and k + 2 < limit and doc[i].lower_ in lex.role_heads
        and is_cap(doc[k - 1]) and is_cap(doc[k + 1]) and doc[k + 1].lower_ not in lex.role_heads
        and not person_word(doc[k - 1].text, lex) and name_likeness(doc[k - 1].text) < 0.0
        and not person_word(doc[k + 1].text, lex)
    ):
        return (k + 1, True)
    return None


def _np_name_particle(doc: Doc, tok: Token, low: str, k: int, i: int, limit: int, lex: Lexicon) -> tuple[int, bool] | None:
    """A name particle between capitals: *Abdullah bin Zayed*, *Virgil van Dijk*, or joined by
    a hyphen to the next word: *Abdulelah al-Saleh*."""
    if low in lex.words.name_particles and k > i and k + 1 < limit and is_cap(doc[k + 1]) and is_cap(doc[k - 1]):
        return (k + 1, True)
    if low in lex.words.hyphen_name_particles and k > i and k + 2 < limit and doc[k + 1].text == "-" and is_cap(doc[k + 2]) and is_cap(doc[k - 1]):
        return (k + 3, True)
    return None


def _np_demonstrative(doc: Doc, tok: Token, low: str, k: int, i: int, limit: int, lex: Lexicon) -> tuple[int, bool] | None:
    """A demonstrative closes the phrase and belongs to it: *pelatih asal Prancis itu*."""
    return (k + 1, False) if low in lex.words.demonstratives and k > i else None


def _np_number(doc: Doc, tok: Token, low: str, k: int, i: int, limit: int, lex: Lexicon) -> tuple[int, bool] | None:
    """A number after a capitalized word (not a date): *Kodam 17 Cenderawasih*."""
    if tok.like_num and k > i and is_cap(doc[k - 1]) and not DATE.match(tok.text):
        return (k + 1, True)
    return None


def _np_possessed_word(doc: Doc, tok: Token, low: str, k: int, i: int, limit: int, lex: Lexicon) -> tuple[int, bool] | None:
    """A lower-case description or title word with a possessive clitic ends the phrase after
    it: *istrinya*, *kuasa hukumnya* (the person it relates to is named elsewhere)."""
    if tok.is_alpha and tok.text.islower() and possessed_description(tok.text, lex):
        return (k + 1, False)
    return None


def _np_lower_role_word(doc: Doc, tok: Token, low: str, k: int, i: int, limit: int, lex: Lexicon) -> tuple[int, bool] | None:
    """An unlisted lower-case word after a lower-case role or description word, a capital soon
    after: *pengamat otomotif Bebin Djuana*, *desainer aksesori Indonesia*."""
    if (
        k > i
        and tok.is_alpha
        and tok.text.islower()
        and (doc[k - 1].lower_ in lex.role_heads or doc[k - 1].lower_ in lex.descriptors)
        and doc[k - 1].text.islower()
        and tok.lower_ not in lex.stop_words
        and any(is_cap(t) for t in doc[k + 1 : min(limit, k + 3)])
    ):
        return (k + 1, True)
    return None


#: how many words a title written in lower case may run on before the name it reaches
_LOWER_TITLE_REACH = 6
#: the spelling score (:func:`name_likeness`) one word of two or more must pass to read as a person's name
_NAME_LIKE = 0.4


def _np_lower_title(doc: Doc, tok: Token, low: str, k: int, i: int, limit: int, lex: Lexicon) -> tuple[int, bool] | None:
    """A title written in lower case, its words joined by *dan*, *sekaligus*, *dari*, *di*,
    reaching a person's name: *pelatih kebugaran sekaligus penulis Anna Victoria*, *spesialis
    penyakit dalam dari RSCM Damayanti Sjarif*. Read on only when the lower-case run, opened by
    a title or description word, arrives within a few words at capitalized words one of which
    reads as a person's name."""
    if not (k > i and tok.is_alpha and tok.text.islower() and doc[i].text.islower()):
        return None
    if not (doc[i].lower_ in lex.role_heads or doc[i].lower_ in lex.descriptors) or any(
        tuple(t.lower_ for t in doc[i : i + len(h)]) == h for h in lex.relational_heads
    ):
        return None  # "istri dari aktor Budi": a relation names the other person
    joiners = lex.words.lower_title_joiners
    j = k
    while j < min(limit, k + _LOWER_TITLE_REACH):
        t = doc[j]
        if not (t.is_alpha and t.text.islower()) or t.lower_ in lex.pronouns:
            break
        if t.lower_ in lex.stop_words and t.lower_ not in joiners:
            return None
        if len(t.lower_) > 5 and t.lower_.startswith(lex.words.verb_like_prefixes) and t.lower_ not in lex.words.not_verbs and not lex.is_role_word(t.lower_):
            return None  # a verb: the clause goes on, no title
        j += 1
    if j == k or j >= limit or doc[j - 1].lower_ in lex.words.title_coordinators:
        return None  # "pelatih dan Budi": two people
    run = j
    while run < limit and (is_cap(doc[run]) or doc[run].text.isupper()):
        run += 1
    names = [t for t in doc[j:run] if not t.text.isupper()]
    body_first = bool(names) and (
        names[0].lower_ in lex.role_heads or lex.is_role_word(names[0].lower_) or names[0].lower_ in lex.org_words or names[0].lower_ in lex.place_words
    )
    if body_first and not (len(names) >= 3 and any(given_name(t.text, lex) or name_likeness(t.text) > _NAME_LIKE for t in names[2:])):
        # "warga di Jalan Sudirman": a place or a body, not the name; unless a person's name
        # follows the body's (*pengamat politik dari Universitas Indonesia Arya Budi*)
        return None
    if not names or not (any(given_name(t.text, lex) for t in names) or (len(names) >= 2 and max(name_likeness(t.text) for t in names) > _NAME_LIKE)):
        return None
    return (k + 1, True)


def _np_role_word(doc: Doc, tok: Token, low: str, k: int, i: int, limit: int, lex: Lexicon) -> tuple[int, bool] | None:
    """A determiner, description, role, organization or place word: *seorang warga*, *kuasa
    hukum*; lower-case words only inside descriptions and roles, not after a name."""
    if not (
        low in lex.determiners
        or low in lex.descriptors
        or low in lex.role_heads
        or low in lex.role_words_lower
        or (low in lex.org_words and low not in lex.function_words)
        or low in lex.place_words
    ):
        return None
    if low in lex.function_words and low not in lex.determiners:
        return (k, False)
    if k > i and is_cap(doc[k - 1]) and not (
        low in lex.role_words_lower
        or low in lex.org_words
        or doc[k - 1].lower_ in lex.role_heads
        or doc[k - 1].lower_ in lex.descriptors
        or doc[k - 1].lower_ in lex.determiners
    ):
        return (k, False)
    return (k + 1, True)


#: The noun-phrase rules, tried in this order on each token (after spaces and pronouns).
NP_RULES = (
    ("title_list", _np_title_list),
    ("clause_punct", _np_clause_punct),
    ("parenthetical", _np_parenthetical),
    ("day", _np_day),
    ("lower_title", _np_lower_title),
    ("capitalized", _np_capitalized),
    ("joiner", _np_joiner),
    ("name_joiner", _np_name_joiner),
    ("inner_honorific", _np_inner_honorific),
    ("number_suffix", _np_number_suffix),
    ("coordinated_units", _np_coordinated_units),
    ("two_organizations", _np_two_organizations),
    ("name_particle", _np_name_particle),
    ("demonstrative", _np_demonstrative),
    ("number", _np_number),
    ("possessed_word", _np_possessed_word),
    ("lower_role_word", _np_lower_role_word),
    ("role_word", _np_role_word),
)
_NP_STEPS = tuple(rule for _, rule in NP_RULES)
