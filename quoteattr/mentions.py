"""Reading speaker mentions: the noun phrase a cue attributes a quote to.

A mention is read from tokens (a spaCy ``Doc``) with the word lists of
:mod:`quoteattr.lexicon` and, when the pipeline has an NER, its PER/ORG/LOC entities.
It is split into a *role* part (*Kepala Dinas Perhubungan DKI Jakarta*) and a *name*
part (*Syafrin Liputo*), with honorifics, ranks and degrees removed from the name.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import regex
from spacy.tokens import Doc, Token

from quoteattr.cues import lexicon as cue_lexicon
from quoteattr.lexicon import SpeakerLexicon, speaker_lexicon
from quoteattr.resources import load_json

MentionKind = Literal["name", "pronoun", "clitic", "role", "description", "organization"]

QUOTE_MARK_CHARS = set("\"“”„‟«»‘’‚‛'`")
_ACRONYM = regex.compile(r"^[\p{Lu}][\p{Lu}\p{N}&.-]{1,9}$")
_ROMAN = regex.compile(r"^[IVXLC]{1,6}$")
_NAME_PARTICLES = {"bin", "binti", "van", "von", "der", "de", "dos", "del", "ibn"}
_DATE = regex.compile(r"^\d{1,2}/\d{1,2}(?:/\d{2,4})?$")


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


def doc_text(doc: Doc) -> str:
    """``doc.text``, cached on the Doc (spaCy rebuilds it from the tokens on every access)."""
    text = doc.user_data.get("quoteattr_text")
    if text is None:
        text = doc.text
        doc.user_data["quoteattr_text"] = text
    return str(text)


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Words written in lower case in running text (``resources/common_words.json``)."""
    return frozenset(load_json("common_words.json")["words"])


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Words of Indonesian province, regency and city names (``resources/places.json``)."""
    return frozenset(w for name in load_json("places.json")["names"] for w in name.split())


@lru_cache(maxsize=1)
def _name_word_lists() -> tuple[frozenset[str], frozenset[str]]:
    d = load_json("name_words.json")
    return frozenset(d["person"]), frozenset(d["nonperson"])


@lru_cache(maxsize=1)
def person_acronyms() -> frozenset[str]:
    """Initials that name one well-known person (*SBY*, *JK*, *AHY*), from ``resources/aliases.json``:
    read as a person's name, not an organization, after a title (*kata Wapres JK*)."""
    nicks = (n for ns in load_json("aliases.json")["aliases"].values() for n in ns)
    return frozenset(n for n in nicks if " " not in n and n.isupper())


def person_word(text: str, lex: SpeakerLexicon | None = None) -> bool:
    """A capitalized word that begins or belongs to a person's name: *Muhammad*, *Sri*,
    *Lalu*, an initial (*M*), or a word the NER sets almost always tag inside a person
    name (``resources/name_words.json``)."""
    lex = lex or speaker_lexicon()
    bare = text.rstrip(".")
    low = bare.lower()
    return (
        low in lex.name_starters
        or low in lex.balinese_names
        or bare in _name_word_lists()[0]
        or (len(bare) == 1 and bare.isupper())
    )


@lru_cache(maxsize=1)
def _ngram_weights() -> dict[str, float]:
    weights: dict[str, float] = load_json("name_ngrams.json")["weights"]
    return weights


def char_grams(word: str) -> list[str]:
    """The character 2-, 3- and 4-grams of a word, lower-cased, with ^ and $ at its ends
    (the features of ``resources/name_ngrams.json``, also used by training/build_names.py)."""
    w = "^" + word.lower() + "$"
    return [w[i : i + n] for n in (2, 3, 4) for i in range(len(w) - n + 1)]


@lru_cache(maxsize=4096)
def name_likeness(word: str) -> float:
    """How much a capitalized word looks like part of a person's name, from its spelling:
    the mean log-odds of its character n-grams between person names and organization or
    place names in the NER sets (``resources/name_ngrams.json``). Above 0 leans to a
    person (*Syaf*, *Herry*), below 0 to an organization or place (*Tokopedia*, *Gebang*)."""
    grams = char_grams(word)
    weights = _ngram_weights()
    return sum(weights.get(g, 0.0) for g in grams) / max(len(grams), 1)


@lru_cache(maxsize=1)
def _roots() -> frozenset[str]:
    return frozenset(load_json("root_words.json")["roots"])


#: nominal affixes: ke-…-an, per-…-an, pe(N)-…(-an), …-an; (prefix, the root's lost first
#: letter, the prefix needs -an): *Permana*, *Perdana* (per- alone) stay names
_NOUN_PREFIXES = (
    ("ke", "", True), ("per", "", True), ("peng", "k", False), ("peny", "s", False), ("pem", "p", False),
    ("pen", "t", False), ("peng", "", False), ("pem", "", False), ("pen", "", False), ("pe", "", False),
)


@lru_cache(maxsize=4096)
def derived_noun(word: str) -> bool:
    """A common noun built from a root word with nominal affixes (*Kemampuan* = ke-mampu-an,
    *Pantauan*, *Dorongan*, *Pelintas*, *Penanganan*), roots from ``resources/root_words.json``.
    Person names rarely split so (*Setiawan*, *Ridwan*: no root)."""
    w = word.lower()
    roots = _roots()
    stems = []
    if w.endswith("an"):
        stems.append(w[:-2])
    for prefix, lost, confix in _NOUN_PREFIXES:
        if w.startswith(prefix):
            rest = w[len(prefix) :]
            if not confix:
                stems.append(lost + rest)
            if rest.endswith("an"):
                stems.append(lost + rest[:-2])
    return any(len(s) >= 4 and s in roots for s in stems)


def nonperson_word(text: str, lex: SpeakerLexicon | None = None) -> bool:
    """A capitalized word with evidence that it is not part of a person's name: a title,
    organization or place word, an acronym, a common word, or a word the NER sets
    almost never tag inside a person name (*Sulut*, *Pelindo*, *Kejaksaan*)."""
    lex = lex or speaker_lexicon()
    if person_word(text, lex):
        return False
    low = text.lower()
    return (
        text in _name_word_lists()[1]
        or lex.is_role_word(low)
        or low in lex.org_name_heads
        or low in place_names()
        or low in common_words()
        or (len(text) > 1 and text.isupper())
    )


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """Capitalized words that never belong to a name: cues, function words, days, pronouns."""
    lex = speaker_lexicon()
    return frozenset(cue_lexicon()) | lex.function_words | lex.days | lex.pronouns | lex.adjunct_starters | lex.determiners


def _is_cap(tok: Token) -> bool:
    t = tok.text
    return bool(t) and (t[0].isupper() or (t[0].isdigit() and False))


def _ent(tok: Token) -> str:
    return tok.ent_type_ or ""


def is_clause_punct(tok: Token) -> bool:
    return tok.text in {",", ".", ";", ":", "!", "?", "…", "—", "–"} or tok.text in QUOTE_MARK_CHARS or tok.is_space


def np_end(doc: Doc, i: int, limit: int, lex: SpeakerLexicon | None = None) -> int:
    """End (exclusive token index) of the noun phrase that starts at token ``i``.

    The phrase is a run of capitalized words, acronyms, role and description words
    (``seorang warga``, ``kuasa hukum``), short parentheticals (``(PAN)``) and name
    particles; it stops at punctuation, prepositions, day names and verbs.
    """
    lex = lex or speaker_lexicon()
    k = i
    limit = min(limit, len(doc))
    while k < limit:
        tok = doc[k]
        low = tok.lower_
        if tok.is_space:
            if "\n" in tok.text or k == i:
                break
            k += 1  # double spaces left by normalization
            continue
        if low in lex.pronouns and low not in ("nya", "-nya"):
            return k + 1 if k == i else k
        if is_clause_punct(tok):
            break
        if tok.text == "(":
            close = k + 1
            while close < limit and close - k <= 6 and doc[close].text != ")":
                close += 1
            inner = doc[k + 1 : close]
            if (
                close < limit
                and doc[close].text == ")"
                and 1 <= len(inner) <= 4
                and inner[0].text[:1].isupper()
                and not any(_DATE.match(t.text) for t in inner)
                and inner[0].lower_ not in lex.days
            ):
                k = close + 1
                continue
            break
        if low in lex.days:
            break
        if _is_cap(tok) or _ROMAN.match(tok.text):
            if k > i and low in lex.function_words and low not in lex.role_heads and low not in lex.org_words:
                break
            k += 1
            continue
        if tok.text in {"-", "/", "&"} and k > i and k + 1 < limit and _is_cap(doc[k + 1]):
            k += 1
            continue
        if (
            k > i
            and k + 1 < limit
            and (low in lex.honorifics or low.rstrip(".") in lex.honorifics)
            and _is_cap(doc[k + 1])
            and _is_cap(doc[k - 1])
        ):
            k += 1  # "Kepala Dinas Kesehatan Banyuwangi dr Widji Lestariono"
            continue
        if tok.text in {"-", "–"} and k > i and k + 1 < limit and doc[k + 1].like_num and _is_cap(doc[k - 1]) and not tok.whitespace_:
            k += 2  # "Covid-19"
            continue
        prev_low = doc[k - 1].lower_ if k > i else ""
        if low in ("dan", "serta", "and", "for", "of") and k > i and k + 1 < limit and _is_cap(doc[k + 1]) and _is_cap(doc[k - 1]) and (
            prev_low in common_words() or lex.is_role_word(prev_low) or doc[k - 1].text.isupper()
        ) and any(
            t.lower_ in lex.role_heads or t.lower_ in lex.org_words for t in doc[i:k]
        ):
            k += 1  # "Deputi Komisioner Humas dan Logistik OJK", "Hotel dan Restoran"
            continue
        if (
            low in ("dan", "&") and k > i + 1 and k + 2 < limit and doc[i].lower_ in lex.role_heads
            and _is_cap(doc[k - 1]) and _is_cap(doc[k + 1]) and doc[k + 1].lower_ not in lex.role_heads
            and not person_word(doc[k - 1].text, lex) and name_likeness(doc[k - 1].text) < 0.0
            and not person_word(doc[k + 1].text, lex)
        ):
            k += 1  # "CEO SurveySensum dan NeuroSensum Rajiv Lamba": two organizations of one title
            continue
        if low in _NAME_PARTICLES and k > i and k + 1 < limit and _is_cap(doc[k + 1]) and _is_cap(doc[k - 1]):
            k += 1
            continue
        if low in ("itu", "ini", "tersebut") and k > i:
            k += 1
            break
        if tok.like_num and k > i and _is_cap(doc[k - 1]) and not _DATE.match(tok.text):
            k += 1
            continue
        if (
            k > i
            and tok.is_alpha
            and tok.text.islower()
            and (doc[k - 1].lower_ in lex.role_heads or doc[k - 1].lower_ in lex.descriptors)
            and doc[k - 1].text.islower()
            and low not in stop_words()
            and any(_is_cap(t) for t in doc[k + 1 : min(limit, k + 3)])
        ):
            k += 1  # "pengamat otomotif Bebin Djuana", "desainer aksesori Indonesia"
            continue
        if (
            low in lex.determiners
            or low in lex.descriptors
            or low in lex.role_heads
            or low in lex.role_words_lower
            or (low in lex.org_words and low not in lex.function_words)
            or low in lex.place_words
        ):
            if low in lex.function_words and low not in lex.determiners:
                break
            # lower-case words only inside descriptions/roles, not after a name
            if k > i and _is_cap(doc[k - 1]) and not (
                low in lex.role_words_lower
                or low in lex.org_words
                or doc[k - 1].lower_ in lex.role_heads
                or doc[k - 1].lower_ in lex.descriptors
                or doc[k - 1].lower_ in lex.determiners
            ):
                break
            k += 1
            continue
        break
    # do not end on a connector
    while k > i and (doc[k - 1].text in {"-", "/", "&"} or doc[k - 1].lower_ in {"dan", "sekaligus", "untuk", "bidang", "asal"}):
        k -= 1
    return k


def _strip_title_tokens(tokens: list[Token], lex: SpeakerLexicon) -> list[Token]:
    """Drop leading honorifics and ranks, and trailing degrees."""
    toks = list(tokens)
    changed = True
    while toks and changed:
        changed = False
        low = [t.lower_.rstrip(".") for t in toks]
        for rank in lex.ranks:
            if tuple(low[: len(rank)]) == rank and len(toks) > len(rank):
                toks = toks[len(rank) :]
                changed = True
                break
        if not changed and toks and (toks[0].lower_ in lex.honorifics or toks[0].lower_.rstrip(".") in lex.honorifics) and len(toks) > 1:
            toks = toks[1:]
            changed = True
    while toks and (toks[-1].lower_ in lex.degrees or toks[-1].text in {",", "."}):
        toks = toks[:-1]
    return toks


def split_role_name(doc: Doc, start: int, end: int, lex: SpeakerLexicon | None = None) -> tuple[list[Token], list[Token]]:
    """Split the phrase ``doc[start:end]`` into (role tokens, name tokens).

    The name is the last PER entity in the phrase when the pipeline has NER; otherwise
    the last run of capitalized words that are not role, organization, place or title
    words. Everything before the name, minus honorifics, ranks and degrees, is the role.
    """
    lex = lex or speaker_lexicon()
    toks = [doc[k] for k in range(start, end)]
    if not toks:
        return [], []
    per = [k for k in range(start, end) if doc[k].ent_type_ == "PER" and not lex.is_role_word(doc[k].lower_) and doc[k].lower_ not in stop_words()]
    last_word = end - 1
    while last_word > start and (doc[last_word].lower_ in lex.degrees or not doc[last_word].is_alpha):
        last_word -= 1
    if per and per[-1] == last_word:
        # trust NER only where it agrees with the phrase shape (the name ends the phrase)
        # last contiguous PER entity
        last = per[-1]
        first = last
        while first - 1 >= start and doc[first - 1].ent_type_ == "PER" and doc[first].ent_iob_ != "B":
            first -= 1
        name = [doc[k] for k in range(first, last + 1)]
        stop = stop_words()
        while name and name[0].lower_ in stop:
            name = name[1:]
        name = _strip_title_tokens(name, lex)
        # roles, honorifics or ranks that NER swallowed
        while len(name) > 1 and (name[0].lower_ in lex.role_heads or name[0].lower_ in lex.honorifics):
            name = name[1:]
        role = [doc[k] for k in range(start, first)] + [t for t in toks if t.i > last]
        role_toks = _strip_title_tokens([t for t in role if t.i < first], lex)
        after = [t for t in toks if t.i > last]
        if after and after[0].text == "(":
            after = []
        return role_toks + ([] if not after else []), name
    # heuristic: last run of capitalized non-lexicon tokens
    k = end
    while k > start and (
        doc[k - 1].lower_ in lex.degrees
        or doc[k - 1].text in {")", ","}
        or doc[k - 1].lower_ in ("itu", "ini", "tersebut")
        or (doc[k - 1].text.islower() and doc[k - 1].lower_ in lex.role_words_lower)  # "Bima Arya baru"
    ):
        if doc[k - 1].text == ")":
            while k > start and doc[k - 1].text != "(":
                k -= 1
        k -= 1
    name_end = k
    j = name_end
    while j > start:
        tok = doc[j - 1]
        low = tok.lower_
        initials = (
            tok.text.isupper() and len(tok.text) <= 3 and tok.text not in _name_word_lists()[1] and low not in lex.org_words
            and low not in lex.rank_words  # "Jenderal TNI Gatot …"
        )
        title_word = low in lex.role_heads and not tok.text.isupper() and low not in lex.rank_words
        if j < name_end and _is_cap(tok) and (initials or title_word) and _after_rank(doc, j - 1, start, lex):
            j -= 1  # initials right after a rank: "Inspektur Jenderal RZ Panca …", "Kolonel (Czi) IGN Suriastawa"
            break
        heads = lex.org_phrase_words.get(low)
        if heads is not None and _is_cap(tok) and (j < name_end or name_end - start == 1) and (j - 2 < start or doc[j - 2].lower_ not in heads):
            j -= 1  # "… Kementerian Pertanian Agung Hendriadi", not "Kejaksaan Agung Hari Setiyono"
            continue
        if low in lex.name_starters and low in stop_words() and _is_cap(tok) and j < name_end and j - 1 > start:
            j -= 1  # a noble title starts the name: "Ketua Gili Hotel Association Lalu Kusnawan"
            break
        if (
            low in cue_lexicon()
            and _is_cap(tok)
            and j < name_end
            and j - 2 >= start
            and _plain_cap(doc[j - 2], lex)
            and not doc[j - 2].is_sent_start
        ):
            j -= 1  # a speech-verb word inside a name: "Gitadi Tegas Supramudyo"
            continue
        if low in stop_words():
            break
        bare = low.rstrip(".")
        if (
            _is_cap(tok)
            and not lex.is_role_word(low)
            and not lex.is_role_word(bare)
            and not (_ACRONYM.match(tok.text) and tok.text.isupper() and sum(ch.isalpha() for ch in tok.text) > 1 and tok.text not in person_acronyms())
            and not _ROMAN.match(tok.text)
            and not any((bare,) == r[-1:] or (bare,) == r[:1] for r in lex.ranks)
        ):
            j -= 1
            continue
        if j - 2 >= start and tok.text.isupper() and tok.text.isalpha() and len(tok.text) <= 3 and _plain_cap(doc[j - 2], lex) and (
            j == name_end or _plain_cap(doc[j], lex)
        ) and not lex.is_role_word(low) and low not in lex.rank_words:
            j -= 1  # initials inside or after a name: "Mahfud MD", "Bambang PS Brodjonegoro"
            continue
        if j == name_end and j - 2 >= start and low in lex.role_heads and low not in lex.org_words and _is_cap(tok) and _plain_cap(doc[j - 2], lex):
            j -= 1  # "Lucky Hakim": a title word that ends a name is part of it
            continue
        if j < name_end and j - 2 >= start and _is_cap(tok) and low in lex.role_heads and low not in lex.org_words and person_word(doc[j - 2].text, lex) and _plain_cap(doc[j], lex):
            j -= 1  # "Lukman Hakim Saifuddin": a title word between a first-name word and a name
            continue
        if (
            j == name_end and j - 2 >= start and _is_cap(tok) and low in lex.role_words_lower
            and _is_cap(doc[j - 2]) and doc[j - 2].lower_ not in stop_words()
            and (person_word(doc[j - 2].text, lex) or not nonperson_word(doc[j - 2].text, lex))
        ):
            j -= 1  # "Tubagus Utama", "Jaka Utama": after a first-name word or an unknown word
            continue
        if low in _NAME_PARTICLES and j - 1 > start and j < name_end:
            j -= 1
            continue
        if tok.text in ("I", "Ni") and j < name_end and doc[j].lower_ in lex.balinese_names:
            j -= 1  # Balinese names: "I Wayan Koster", "Ni Luh Putu"
            continue
        if tok.text == "-" and j < name_end and j - 2 >= start and _is_cap(doc[j - 2]) and not doc[j - 2].whitespace_ and not tok.whitespace_:
            j -= 1  # "Karl-Heinz"
            continue
        if tok.text in {"'", "’"} and j < name_end:
            j -= 1
            continue
        break
    run_start = j
    # "Partai Maju Hendra Gunawan": an organization head takes the next capitalized word;
    # "Bupati Poso Darmin Sigilipu": a head with a jurisdiction takes the next one
    if j > start and name_end - j >= 3 and (
        doc[j - 1].lower_ in lex.jurisdiction_heads or _ROMAN.match(doc[j - 1].text) or doc[j - 1].like_num
    ):
        j += 1  # "… Refinery Unit VI Balongan Yulianto Triwibowo", "Kodam III Siliwangi …"
    elif j > start and name_end - j >= 2 and doc[j - 1].lower_ in lex.org_name_heads:
        j += 1
    # a regency, city or province between a title and a name: "Ketua KPU Sidoarjo Muhammad Iskak"
    places = place_names()
    while j > start and name_end - j >= 3 and doc[j].lower_ in places:
        j += 1
    org_taken = j != run_start  # the title has its organization or place
    # with NER: an organization or place entity inside the run ends before the name
    for x in range(name_end - 2, j - 1, -1):
        if doc[x].ent_type_ in ("ORG", "LOC") and doc[x + 1].ent_type_ not in ("ORG", "LOC"):
            j = x + 1
            break
    # common words leading a name run belong to the title ("Direktur Jenderal Hak
    # Kekayaan Intelektual Razilu"); at a phrase start only a run of two or more does
    common = common_words()
    lead = j
    while lead < name_end - 1 and (doc[lead].lower_ in common or (lead == j == start and derived_noun(doc[lead].text))) and not person_word(doc[lead].text, lex):
        lead += 1
    # …and so does a derived common noun ("Keinginan Megawati Soekarnoputri", "Pernyataan SBY")
    if lead > j and (j > start or lead - j >= 2 or derived_noun(doc[start].text)):
        j = lead
    # an organization or place word glued before a name that starts with a first-name
    # word: "Tjipinang Jaya Arief Prasetyo", "Blambangan Sri Indah Lestari"
    if j > start and name_end - j >= 3:
        for p in range(j + 1, name_end - 1):
            balinese = doc[p].text in ("I", "Ni") and doc[p + 1].lower_ in lex.balinese_names
            if balinese or (person_word(doc[p].text, lex) and len(doc[p].text) > 1):
                if all(
                    not person_word(doc[x].text, lex)
                    and (
                        nonperson_word(doc[x].text, lex)
                        or doc[x - 1].lower_ in lex.org_name_heads
                        or (doc[x - 1].text.islower() and doc[x - 1].lower_ in lex.role_words_lower)  # "Bike to Work"
                    )
                    for x in range(j, p)
                ):
                    j = p
                break
    if j > start and name_end - j >= 2:
        j = _organization_before_name(doc, j, name_end, lex, complete=org_taken)
    if name_end - j == 1 and len(doc[j].text) == 1 and j > start and lex.is_role_word(doc[j - 1].lower_):
        j = name_end  # "Kepala Peleton B": a unit letter after an organization word
    if name_end - j == 1 and j - 1 > start and not person_word(doc[j].text, lex) and _names_an_organization(doc[j - 1], lex):
        j = name_end  # "PD Pasar Jaya", "Kecamatan Leles", "PT House of Rattan": one word names the place
    name_toks = [doc[x] for x in range(j, name_end)]
    if name_toks and name_toks[0].lower_ in _NAME_PARTICLES:
        name_toks = name_toks[1:]
    if len(name_toks) > 5:
        name_toks = name_toks[-4:]
    role_toks = _strip_title_tokens([doc[x] for x in range(start, j)], lex)
    return role_toks, name_toks


def _relation_end(doc: Doc, start: int, end: int, lex: SpeakerLexicon) -> int | None:
    """``istri Budi Santoso``, ``kuasa hukum aktor Harrison Ford``: a lower-case relational
    noun (maybe with a lower-case description) right before a person's name or title; the
    index after the noun, or ``None``."""
    words = [t.text for t in doc[start : min(end, start + 2)]]  # the heads have one or two words
    for head in lex.relational_heads:
        n = len(head)
        if tuple(words[:n]) != head:  # lower case as written: "Ibu Risma" is an honorific
            continue
        k = start + n
        while k < end - 1 and doc[k].text.islower() and doc[k].is_alpha and doc[k].lower_ not in stop_words():
            k += 1  # "kuasa hukum aktor Harrison Ford"
        run = 0
        while k + run < end and _is_cap(doc[k + run]):
            run += 1
        if run and doc[k].lower_ in lex.role_heads:
            return start + n  # "juru bicara Presiden Joko Widodo"
        if 1 <= run <= 2 and (person_word(doc[k].text, lex) or not nonperson_word(doc[k].text, lex)):
            return start + n  # "istri Budi Santoso"; not "juru bicara Yahoo Carolyn Clark"
        return None
    return None


def _names_an_organization(head: Token, lex: SpeakerLexicon) -> bool:
    """An organization head (*Pasar*, *PT*, *Universitas*) or an administrative unit
    (*Kecamatan*, *Desa*, not a person's title such as *Bupati*): the one capitalized word
    after it is that organization's or place's name."""
    low = head.lower_
    unit = low in lex.jurisdiction_heads and (low in lex.place_words or low in lex.org_words)
    return low in lex.org_name_heads or unit or (low == "of" and not head.is_sent_start)


def _after_rank(doc: Doc, i: int, start: int, lex: SpeakerLexicon) -> bool:
    """``doc[start:i]`` ends with a rank, maybe followed by its corps in parentheses
    (*Kolonel (Czi)*, *Ajun Komisaris Besar*)."""
    k = i
    if k - 1 >= start and doc[k - 1].text == ")":
        while k > start and doc[k - 1].text != "(":
            k -= 1
        k -= 1
    before = [t.lower_.rstrip(".") for t in doc[max(start, k - 4) : k]]
    for r in lex.ranks:
        if len(r) <= len(before) and tuple(before[len(before) - len(r) :]) == r:
            # "Sekretaris Jenderal", "Konsul Jenderal": a one-word rank after a title is part of the title
            return not (len(r) == 1 and len(before) > 1 and before[-2] in lex.role_heads)
    return False


def _word_score(tok: Token, lex: SpeakerLexicon) -> float:
    """Evidence that a capitalized word is part of a person's name: +2 for a first-name word,
    -2 for a title, organization, place or common word, else its spelling (-1 … 1)."""
    if person_word(tok.text, lex):
        return 2.0
    if nonperson_word(tok.text, lex) or tok.lower_ in stop_words():
        return -2.0
    return max(-1.0, min(1.0, name_likeness(tok.text)))


def _organization_before_name(doc: Doc, j: int, name_end: int, lex: SpeakerLexicon, complete: bool = False) -> int:
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
    if low in lex.role_heads or low in lex.role_words_lower or not _is_cap(prev):
        ends_org = prev.text == ")"  # "Direktur Utama …": the title still waits for its organization
    elif low in lex.org_words or low in lex.place_words or low in place_names() or (prev.text.isupper() and len(prev.text) > 1):
        ends_org = True  # "Partai Demokrat", "Kutai Timur", "KLHK"
    else:  # "Indofood"; not a capitalized common word that opens a name ("Taman Satwa …")
        ends_org = low not in common_words() and nonperson_word(prev.text, lex)
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


def _plain_cap(tok: Token, lex: SpeakerLexicon) -> bool:
    return _is_cap(tok) and not lex.is_role_word(tok.lower_) and tok.lower_ not in stop_words() and not tok.text.isupper()


def tokens_text(doc: Doc, toks: list[Token]) -> str | None:
    """The text covered by ``toks`` (from the first to the last, as written)."""
    if not toks:
        return None
    parts = []
    for a, b in zip(toks, toks[1:] + [None]):
        parts.append(a.text)
        # keep the text's spacing, but part a word from an acronym glued to it by the
        # scraper ("JayaAKBP"); brand names stay whole ("MedcoEnergi")
        if b is not None and (a.whitespace_ or (a.text[-1:].islower() and b.text.isupper() and len(b.text) > 1)):
            parts.append(" ")
    out = " ".join("".join(parts).split())
    return out or None


def make_mention(doc: Doc, start: int, end: int, lex: SpeakerLexicon | None = None) -> Mention | None:
    """Build a :class:`Mention` from the phrase ``doc[start:end]`` (``None`` if empty)."""
    lex = lex or speaker_lexicon()
    if end <= start:
        return None
    first = doc[start]
    if end - start == 1 and first.lower_ in lex.pronouns:
        return Mention(first.idx, first.idx + len(first.text), first.text, "pronoun", None, None, start, end)
    if end - start == 1 and _is_cap(first) and not first.is_sent_start and (first.lower_ in lex.name_starters or first.lower_ in lex.honorifics):
        # "tutur Lalu", "kata Raden": a noble title or honorific standing for the name it opened
        return Mention(first.idx, first.idx + len(first.text), first.text, "name", first.text, None, start, end)
    rel = _relation_end(doc, start, end, lex)
    if rel is not None:
        # "kata istri Budi Santoso", "kata kuasa hukum aktor Harrison Ford": Budi's wife speaks
        s, e = first.idx, doc[end - 1].idx + len(doc[end - 1].text)
        return Mention(s, e, doc_text(doc)[s:e], "description", None, doc_text(doc)[s:e], start, end)
    role_toks, name_toks = split_role_name(doc, start, end, lex)
    name = tokens_text(doc, name_toks)
    role = tokens_text(doc, role_toks)
    low = doc[start:end].text.lower()
    if name_toks:
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
            first.lower_ in lex.org_name_heads and end - start <= 3 and all(_is_cap(t) for t in doc[start:end])
        ) or (
            len(name_toks) > 1
            and bool(role_toks)
            and all(t.lower_ in lex.org_words or t.text.isupper() for t in role_toks)
            and all((t.lower_ in place_names() or t.text in _name_word_lists()[1]) and not person_word(t.text, lex) for t in name_toks)
        )
        if org_phrase:
            whole = doc_text(doc)[doc[start].idx : doc[end - 1].idx + len(doc[end - 1].text)]
            return Mention(doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text), whole, "organization", whole, None, start, end)
        if is_org or (
            len(name_toks) == 1 and name_toks[0].text.isupper() and len(name_toks[0].text) > 1 and name_toks[0].ent_type_ != "PER" and name_toks[0].text not in person_acronyms()
        ):
            return Mention(doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text), doc_text(doc)[doc[start].idx : doc[end - 1].idx + len(doc[end - 1].text)], "organization", name, role, start, end)
        return Mention(s, e, doc_text(doc)[s:e], "name", name, role, start, end)
    s, e = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
    words = low.split()
    if first.lower_ in lex.role_heads and not (low in lex.org_speakers):
        return Mention(s, e, doc_text(doc)[s:e], "role", None, role or doc_text(doc)[s:e], start, end)
    if low in lex.org_speakers or (
        words and words[-1] in lex.org_speakers and words[0] not in lex.determiners and words[0] not in lex.descriptors
    ):
        return Mention(s, e, doc_text(doc)[s:e], "organization", doc_text(doc)[s:e], None, start, end)
    if first.lower_ in lex.determiners or first.lower_ in lex.descriptors:
        return Mention(s, e, doc_text(doc)[s:e], "description", None, role or doc_text(doc)[s:e], start, end)
    if role_toks and not _is_cap(first) and first.lower_ not in lex.role_heads:
        return Mention(s, e, doc_text(doc)[s:e], "description", None, role, start, end)
    words_cap = [t for t in doc[start:end] if t.is_alpha]
    if (
        len(words_cap) >= 2
        and all(_is_cap(t) for t in words_cap)
        and (words_cap[-1].lower_ in lex.place_words or words_cap[-1].lower_ in place_names())
        and words_cap[0].lower_ not in common_words()
        and words_cap[0].lower_ not in stop_words()
        and not any(t.lower_ in lex.role_heads or t.lower_ in lex.descriptors for t in words_cap)
    ):
        # "Persija Jakarta", "Pemkot Surabaya": a capitalized name ending in a place, no title
        return Mention(s, e, doc_text(doc)[s:e], "organization", doc_text(doc)[s:e], None, start, end)
    body = [t for t in doc[start:end] if not t.is_punct]
    if (
        len(body) >= 2
        and _is_cap(first)
        and not any(t.lower_ in lex.role_heads for t in body)
        and all(t.lower_ in lex.org_words or t.lower_ in lex.place_words or t.lower_ in place_names() or t.text.isupper() or _ROMAN.match(t.text) for t in body)
    ):
        # "Komisi III DPR RI", "Dinas Kesehatan DKI Jakarta": organization words only
        return Mention(s, e, doc_text(doc)[s:e], "organization", doc_text(doc)[s:e], None, start, end)
    if role_toks or first.lower_ in lex.role_heads:
        return Mention(s, e, doc_text(doc)[s:e], "role", None, role or doc_text(doc)[s:e], start, end)
    if all(t.lower_ in lex.org_words or t.lower_ in lex.place_words or t.text.isupper() for t in doc[start:end]):
        return Mention(s, e, doc_text(doc)[s:e], "organization", doc_text(doc)[s:e], None, start, end)
    return Mention(s, e, doc_text(doc)[s:e], "description", None, doc_text(doc)[s:e], start, end)


def clitic_mention(doc: Doc, cue_tok: int) -> Mention:
    """The speaker of ``katanya``/``ujarnya``/``menurutnya``: the clitic ``nya`` itself."""
    tok = doc[cue_tok]
    e = tok.idx + len(tok.text)
    return Mention(e - 3, e, doc_text(doc)[e - 3 : e], "clitic", None, None, cue_tok, cue_tok + 1)
