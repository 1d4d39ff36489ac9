"""Word evidence for reading speaker mentions: common words, place names, first-name and
non-name words, the spelling score of a name, derived nouns, and token helpers."""

from __future__ import annotations

from functools import lru_cache

import regex
from spacy.tokens import Doc, Token

from quoteattr.lexicon import Lexicon, default_lexicon
from quoteattr.quote_marks import TOKEN_MARKS
from quoteattr.resources import load_json

#: the quote marks the tokenizer splits off words (:mod:`quoteattr.quote_marks`)
QUOTE_MARK_CHARS = TOKEN_MARKS


ACRONYM = regex.compile(r"^[\p{Lu}][\p{Lu}\p{N}&.-]{1,9}$")


ROMAN = regex.compile(r"^[IVXLC]{1,6}$")




DATE = regex.compile(r"^\d{1,2}/\d{1,2}(?:/\d{2,4})?$")


#: the shape of an academic degree written after a name (M.Epid, S.Kom, Sp.PD, M.Sc.)
DEGREE_SHAPE = regex.compile(r"^(\p{Lu}\p{Ll}{0,2}\.)\p{L}{1,5}(?:\.\p{L}{1,5})?\.?$")


def inside_hyphenated(doc: Doc, j: int, lex: Lexicon) -> bool:
    """``doc[j]`` is the hyphen or the second part of a word written with a hyphen (*Go-Jek*)."""
    hyphens = lex.words.hyphens
    if j >= 1 and doc[j].text in hyphens and not doc[j - 1].whitespace_:
        return True
    return j >= 2 and doc[j - 1].text in hyphens and not doc[j - 1].whitespace_ and not doc[j - 2].whitespace_


def hyphen_inside_a_word(doc: Doc, j: int) -> bool:
    """The hyphen at token ``j`` joins two parts of one word (*Soo-hyun*, *Al-Khaleel*): no space
    on either side and a letter after it, so it is no dateline's dash nor a clause break."""
    return 0 < j < len(doc) - 1 and not doc[j - 1].whitespace_ and not doc[j].whitespace_ and doc[j + 1].is_alpha


#: a medical specialist's degree written as one word (*SpA*, *SpOG*, *Sp.A(K)*, *SpPD-KHOM*): never a name,
#: whatever its letters spell in lower case (*spa*)
SPECIALIST = regex.compile(r"^Sp\.?\p{Lu}{1,4}(?:\(\p{Lu}{1,4}\))?(?:-\p{Lu}{2,6})?$")


def degree_like(tok: Token, lex: Lexicon) -> bool:
    """A listed degree, or a word of a degree's shape (*M.Epid*, *Sp.PD*, *SpA*), not an
    honorific glued to a name (*H.Saudin*)."""
    if tok.lower_ in lex.degrees or SPECIALIST.match(tok.text):
        return True
    m = DEGREE_SHAPE.match(tok.text)
    return m is not None and m.group(1).lower() not in lex.honorifics


def doc_text(doc: Doc) -> str:
    """``doc.text``, cached on the Doc (spaCy rebuilds it from the tokens on every access)."""
    text = doc.user_data.get("quoteattr_text")
    if text is None:
        text = doc.text
        doc.user_data["quoteattr_text"] = text
    return str(text)


# The package's word sets, for callers outside the rules (which read them from the Lexicon
# passed down to them: ``lex.common_words``, ``lex.places``, ``lex.stop_words`` …).


def common_words() -> frozenset[str]:
    """Words written in lower case in running text (``resources/common_words.json``)."""
    return default_lexicon().common_words


def place_names() -> frozenset[str]:
    """Words of Indonesian province, regency and city names (``resources/places.json``)."""
    return default_lexicon().places


def name_word_lists() -> tuple[frozenset[str], frozenset[str]]:
    """Words the NER sets tag inside / never inside person names (``resources/name_words.json``)."""
    lex = default_lexicon()
    return lex.person_name_words, lex.nonperson_name_words


def person_acronyms() -> frozenset[str]:
    """Initials that name one well-known person (*SBY*, *JK*, *AHY*), from ``resources/aliases.json``:
    read as a person's name, not an organization, after a title (*kata Wapres JK*)."""
    return default_lexicon().person_acronyms


def person_word(text: str, lex: Lexicon | None = None) -> bool:
    """A capitalized word that begins or belongs to a person's name: *Muhammad*, *Sri*,
    *Lalu*, an initial (*M*), or a word the NER sets almost always tag inside a person
    name (``resources/name_words.json``)."""
    lex = lex or default_lexicon()
    bare = text.rstrip(".")
    low = bare.lower()
    return (
        low in lex.name_starters
        or low in lex.balinese_names
        or bare in lex.person_name_words
        or (len(bare) == 1 and bare.isupper())
    )


def given_name(text: str, lex: Lexicon | None = None) -> bool:
    """A :func:`person_word`, or a given name the train split's speakers bear
    (``resources/given_names.json``: *Valentino*, *Sebastian*, *Febri*)."""
    lex = lex or default_lexicon()
    return person_word(text, lex) or text.rstrip(".") in lex.given_names


def unlisted_name_word(word: str, lex: Lexicon | None = None) -> bool:
    """A capitalized word no list holds that may be a first name: not an acronym, never
    written in running text, no title, organization, place or non-name word, its spelling not
    leaning to an organization's (:func:`name_likeness` above -0.2: *Valentino*, *Thibaut*;
    not *GP*, *Moto*, *Partai*). The first names of an unseen article are mostly such words:
    the given-name list (:func:`given_name`) holds about half of them."""
    lex = lex or default_lexicon()
    low = word.lower()
    return (
        word[:1].isupper() and word.isalpha() and not word.isupper() and low not in lex.running_text and not lex.is_role_word(low)
        and low not in lex.role_heads and low not in lex.org_words and low not in lex.places and not nonperson_word(word, lex)
        and name_likeness(word) > -0.2
    )


def first_name_word(word: str, lex: Lexicon | None = None) -> bool:
    """A word that may be a person's first name: a listed one (:func:`given_name`) or one no
    list holds (:func:`unlisted_name_word`)."""
    return given_name(word, lex) or unlisted_name_word(word, lex)


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


#: nominal affixes: ke-…-an, per-…-an, pe(N)-…(-an), …-an; (prefix, the root's lost first
#: letter, the prefix needs -an): *Permana*, *Perdana* (per- alone) stay names
_NOUN_PREFIXES = (
    ("ke", "", True), ("per", "", True), ("peng", "k", False), ("peny", "s", False), ("pem", "p", False),
    ("pen", "t", False), ("peng", "", False), ("pem", "", False), ("pen", "", False), ("pe", "", False),
)


def derived_noun(word: str, lex: Lexicon | None = None) -> bool:
    """A common noun built from a root word with nominal affixes (*Kemampuan* = ke-mampu-an,
    *Pantauan*, *Dorongan*, *Pelintas*, *Penanganan*), roots from ``resources/root_words.json``
    (the lexicon's ``roots``). Person names rarely split so (*Setiawan*, *Ridwan*: no root)."""
    lex = lex if lex is not None else default_lexicon()
    cache = lex.derived_nouns  # type: ignore[attr-defined]
    found = cache.get(word)
    if found is None:
        if len(cache) > 8192:
            cache.clear()
        found = cache[word] = is_derived_noun(word, lex.roots)  # type: ignore[attr-defined]
    return found


def agent_noun(word: str, lex: Lexicon | None = None) -> bool:
    """A noun of one who does something, built with pe(N)- on a listed root and no -an
    (*Pelapor* = pe-lapor, *Pemilik*, *Penggugat*): it names a person by what they do."""
    w = word.lower()
    return not w.endswith("an") and w.startswith("pe") and derived_noun(w, lex)


def is_derived_noun(word: str, roots: frozenset[str]) -> bool:
    """:func:`derived_noun` with the roots given."""
    w = word.lower()
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


#: verbal prefixes, longest first, each with the first letters of the root its nasal form may
#: have replaced (*menulis* ← *tulis*, *memukul* ← *pukul*, *menyapu* ← *sapu*), and the suffixes
#: a verb may end in after its root
_VERB_PREFIXES = (
    ("memper", ("",)), ("diper", ("",)), ("meng", ("", "k")), ("meny", ("s",)), ("mem", ("", "p")), ("men", ("", "t")),
    ("me", ("",)), ("ber", ("",)), ("be", ("",)), ("di", ("",)), ("ter", ("",)),
)
_VERB_SUFFIXES = ("kan", "an", "i", "nya", "")


def derived_verb(word: str, lex: Lexicon | None = None) -> bool:
    """A verb built from a listed root with a verbal prefix and perhaps a suffix
    (*membandingkan*, *ditulis*, *berharap*, *memperkuat*), not a word that only begins like
    one (*metabolik*, *teritorial*); roots from ``resources/root_words.json``, as for
    :func:`derived_noun`."""
    lex = lex if lex is not None else default_lexicon()
    low = word.lower()
    for prefix, restored in _VERB_PREFIXES:
        if not low.startswith(prefix):
            continue
        rest = low[len(prefix) :]
        for suffix in _VERB_SUFFIXES:
            if suffix and not rest.endswith(suffix):
                continue
            stem = rest[: len(rest) - len(suffix)] if suffix else rest
            if any(first + stem in lex.roots for first in restored):
                return True
    return False


def nonperson_word(text: str, lex: Lexicon | None = None) -> bool:
    """A capitalized word with evidence that it is not part of a person's name: a title,
    organization or place word, an acronym, a common word, or a word the NER sets
    almost never tag inside a person name (*Sulut*, *Pelindo*, *Kejaksaan*)."""
    lex = lex or default_lexicon()
    if person_word(text, lex):
        return False
    low = text.lower()
    return (
        text in lex.nonperson_name_words
        or lex.is_role_word(low)
        or low in lex.org_name_heads
        or low in lex.places
        or low in lex.common_words
        or (len(text) > 1 and text.isupper())
    )


def stop_words() -> frozenset[str]:
    """Capitalized words that never belong to a name: cues, function words, days, pronouns."""
    return default_lexicon().stop_words


def is_cap(tok: Token) -> bool:
    """A capitalized word, or a social-media handle (*@rina_wati*), which is written as a name."""
    t = tok.text
    return bool(t) and (t[0].isupper() or (t[0] == "@" and len(t) > 1 and t[1].isalnum()))


def is_clause_punct(tok: Token) -> bool:
    return tok.text in {",", ".", ";", ":", "!", "?", "…", "—", "–"} or tok.text in QUOTE_MARK_CHARS or tok.is_space


def plain_cap(tok: Token, lex: Lexicon) -> bool:
    return is_cap(tok) and not lex.is_role_word(tok.lower_) and tok.lower_ not in lex.stop_words and not tok.text.isupper()


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


#: a web address written as one token (*CNNIndonesia.com*, *detik.com*, *Kompas.id*)
_WEB_ADDRESS = regex.compile(r"^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:com|co|id|net|org|tv|news)$", regex.IGNORECASE)


def web_address(text: str) -> bool:
    """``text`` is a web address (*CNNIndonesia.com*): never part of a person's name."""
    return _WEB_ADDRESS.match(text) is not None


def account_handle(word: str, lex: Lexicon) -> bool:
    """``word`` is a social-media handle: *@budi_s*, or after an account word a token with an
    underscore, a full stop or a digit inside (*rafly.h*, *budi88*) or a lower-case word of no
    running text (*rizkiarraya*)."""
    if word.startswith("@"):
        return len(word) > 1 and word[1:].replace("_", "").replace(".", "").isalnum()
    if not word.replace("_", "").replace(".", "").isalnum() or word.endswith(".") or len(word) < 3:
        return False
    if any(ch in word for ch in "_.") or any(ch.isdigit() for ch in word):
        return True
    return word.islower() and word not in lex.running_text and word not in lex.common_words


def possessed_description(word: str, lex: Lexicon) -> bool:
    """``word`` is a description, title or relation word with a possessive clitic (*istrinya*,
    *Pengacaranya*, *pelatihku*, *putrinya*): someone named by their relation to another person. A name
    that ends like one (*Sonya*, *Kenya*) has no such word before the clitic."""
    low = word.lower()
    for clitic in ("nya", "ku", "mu"):
        stem = low.removesuffix(clitic)
        if stem != low and len(stem) >= 4 and (stem in lex.descriptors or lex.is_role_word(stem) or stem in lex.role_heads or (stem,) in lex.relational_heads):
            return True
    return False


#: academic degrees written after a name ("M.Epid", "S.H., M.H.", "Sp.PD"), and a medical
#: specialist's however written ("SpOT", "Sp. OG (K)", "SpPD-KHOM", "Sp" before its dot)
DEGREE = regex.compile(
    r"^(?:(?:[A-Z][A-Za-z]{0,4}\.\s*){1,4}(?:[A-Z][A-Za-z]{0,5}\.?)?"
    r"|Sp\.?\s*(?:[A-Z]{1,4}(?:\.?[A-Z]{1,4})?)?\s*(?:\(K[A-Z]*\))?(?:-[A-Z]+)?\.?)$"
)


def degree_text(text: str) -> bool:
    """``text`` is written like an academic degree after a name (*Sp.OT*, *S.H., M.H.*)."""
    return DEGREE.match(text) is not None


def short_name_word(text: str, longest: int) -> bool:
    """A word of two to ``longest`` letters written as a name word, a capital then lower case
    (*Ma* in *Jack Ma*, *Uu* in *Uu Saeful Mikdar*): not the acronym or degree written in
    capitals (*MA*, *UU*)."""
    return 2 <= len(text) <= longest and text[0].isupper() and text[1:].islower()


def age_number(tok: Token) -> bool:
    """A person's age as a news text writes it after a name: a number of one to three digits."""
    return tok.is_digit and len(tok.text) <= 3


def past_comma_age(doc: Doc, k: int) -> int:
    """``k`` is a comma after a name; when an age set off by commas follows it (*Saini, 35,
    warga setempat*), the index of the comma after the age, else ``k``."""
    if k + 2 < len(doc) and doc[k].text == "," and age_number(doc[k + 1]) and doc[k + 2].text == ",":
        return k + 2
    return k


def opens_cited_source(doc: Doc, k: int, lex: Lexicon) -> bool:
    """Token ``k`` follows a verb of citing (*mengutip*, *dilansir*, *seperti dikutip dari*: the
    verbs of the cue list's ``via`` phrases), so it opens the name of the source cited."""
    j = k - 1
    if j >= 0 and doc[j].lower_ == "dari":
        j -= 1
    return j >= 0 and doc[j].lower_ in citing_verbs(lex.phrases["via_before"])


def running_verb(tok: Token, lex: Lexicon) -> bool:
    """A word of running text with a verb's prefix (*Diberitakan*, *Mengutip*, *Melansir*: a
    common word or a verb of citing), capitalized only because it opens the sentence."""
    low = tok.lower_
    if low in lex.role_heads or lex.is_role_word(low) or low in lex.descriptors or low in lex.org_words or person_word(tok.text, lex):
        return False  # "Menteri …", "Direktur …", "Dinas …": a title or a body opens the name's phrase
    return len(low) > 5 and low.startswith(lex.words.verb_like_prefixes) and (low in lex.common_words or low in citing_verbs(lex.phrases["via_before"]))


@lru_cache(maxsize=4)
def citing_verbs(via: tuple[str, ...]) -> frozenset[str]:
    """The verbs of the cue list's ``via`` phrases (*dikutip*, *dilansir*, *mengutip*, *melansir*)."""
    return frozenset(w for p in via for w in p.split() if w.startswith(("di", "me")) and len(w) > 5)
