"""Glued words: where a scraper dropped the space between two words (*GubernurRidwanKamil*,
*KPKmenjerat*, *Firmansyahingin*), found without touching real mixed-case names and brands.

Glued words are split only where both parts read as words or names (IndoSum's vocabulary,
``resources/vocabulary.json``; the common words, nlp-id roots, name words and places the
speaker rules already use) and never inside a mixed-case name IndoSum writes whole
(*YouTube*, *NasDem*) or one listed in ``resources/camel_names.json`` (*McDonald*, *DeGea*,
*iPhone*). :mod:`quoteattr.repair` inserts the spaces.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from quoteattr.resources import load_json

#: where a space may have been lost: a case change inside a word, digits before a
#: capitalized word; and capitalized words long enough to carry a glued lower-case word
#: a hyphenated acronym whose last capital runs into a lower-case word (PDI-Pbernama)
_HYPHENATED_ACRONYM_GLUED = regex.compile(r"(?<!\p{Lu})\p{Lu}{2,5}-\p{Lu}\p{Ll}{3,}")
_CASE_CHANGE = regex.compile(r"\p{Ll}\p{Lu}|\p{Lu}\p{Lu}\p{Ll}|\p{N}\p{Lu}\p{Ll}")
_LONG_CAPITALIZED = regex.compile(r"(?<![\p{L}\p{N}])\p{Lu}\p{Ll}{5,}(?![\p{L}\p{N}])")


#: an all-capital word that may be two acronyms glued (DPRRI)
_ALL_CAPS = regex.compile(r"(?<![\p{L}\p{N}-])\p{Lu}{5,12}(?![\p{L}\p{N}-])")
#: a domain name's end: the word before it is an address (CNNIndonesia.com)
_ADDRESS = regex.compile(r"\.(?:com|co|id|net|org|tv|go|news|info|my|sg|io)\b|[@/_]")
#: clitics and particles Indonesian writes attached to a word (*KPKnya*, *DPRpun*)
_ENCLITICS = frozenset({"nya", "lah", "kah", "tah", "pun", "ku", "mu", "an", "kan", "i", "s", "es"})


@dataclass(frozen=True, slots=True)
class _Vocab:
    lower: frozenset[str]
    frequent_lower: frozenset[str]
    capitalized: frozenset[str]
    name_endings: frozenset[str]
    keep: frozenset[str]
    particles: frozenset[str]
    glued_long: frozenset[str]
    glued_short: frozenset[str]
    indonesian: frozenset[str]
    names: frozenset[str]
    brand_parts: frozenset[str]
    acronyms: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def _vocab() -> _Vocab:
    from quoteattr.mentions import common_words, name_word_lists, place_names

    voc = load_json("vocabulary.json")
    camel = load_json("camel_names.json")
    glued = load_json("glued_words.json")
    roots = load_json("root_words.json")["roots"]
    person, nonperson = name_word_lists()
    lower = set(voc["lower"]) | set(common_words()) | set(roots) | set(glued["long"]) | set(glued["short"])
    caps = set(voc["capitalized"]) | person | {w for w in nonperson if w[:1].isupper() and w[1:].islower()}
    caps |= {w.capitalize() for w in place_names()}
    return _Vocab(
        lower=frozenset(lower),
        frequent_lower=frozenset(voc["frequent_lower"]) | frozenset(glued["long"]),
        capitalized=frozenset(caps),
        name_endings=frozenset(voc["name_endings"]),
        keep=frozenset(voc.get("camel_whole", ())) | frozenset(camel["keep"]),
        particles=frozenset(camel["particles"]),
        glued_long=frozenset(glued["long"]),
        glued_short=frozenset(glued["short"]),
        indonesian=frozenset(roots) | common_words(),
        names=person | frozenset(w.capitalize() for w in place_names()),
        brand_parts=frozenset(voc.get("brand_parts", ())),
        acronyms=frozenset(voc.get("acronyms", ())),
    )


def _is_title(s: str) -> bool:
    return len(s) >= 2 and s[0].isupper() and s[1:].islower()


def _reads_lower(s: str, v: _Vocab) -> bool:
    return len(s) >= 2 and s in v.lower


def _reads_title(s: str, v: _Vocab) -> bool:
    """A capitalized word: known as a word or name, or spelled like a person's name."""
    if s in v.capitalized or (len(s) >= 3 and s.lower() in v.lower):
        return True
    return len(s) >= 4 and _likeness(s) > 0.0


def _likeness(s: str) -> float:
    from quoteattr.mentions import name_likeness

    return name_likeness(s)


def _local(s: str) -> bool:
    """An Indonesian word, or a word spelled like (or listed as) a person's name."""
    return _indonesian(s) or _personlike(s)


def _personlike(s: str) -> bool:
    return s in _vocab().names or (_is_title(s) and _likeness(s) > 0.0)


def _known(s: str, v: _Vocab) -> bool:
    """A capitalized word seen in the word lists (not merely spelled like a name)."""
    return s in v.capitalized or (len(s) >= 3 and s.lower() in v.lower)


def _reads_acronym(s: str) -> bool:
    return 2 <= len(s) <= 6 and s.isupper()


def _reads(s: str, v: _Vocab) -> bool:
    if s.isdigit():
        return True
    if s.islower():
        return _reads_lower(s, v)
    if s.isupper():
        return _reads_acronym(s)
    return _is_title(s) and _reads_title(s, v)


def _finds(word: str, sub: str) -> list[int]:
    out, at = [], word.find(sub)
    while at >= 0:
        out.append(at)
        at = word.find(sub, at + 1)
    return out


def _next_cut(word: str, i: int) -> int:
    """End of the piece that starts at ``i``: the next case change (or the word's end)."""
    n = len(word)
    j = i + 1
    if word[i].isupper() and j < n and word[j].isupper():
        while j < n and word[j].isupper() and not (j + 1 < n and word[j + 1].islower()):
            j += 1
        return j
    while j < n and not word[j].isupper() and not (word[j].isdigit() != word[j - 1].isdigit()):
        j += 1
    return j


def case_splits(word: str, keep: frozenset[str] | None = None, fixed: tuple[int, ...] = ()) -> tuple[int, ...]:
    """Offsets inside ``word`` (letters and digits only) where a space was lost at a case
    change: lower→upper (*denganPutin*, *RidwanKamil*), an acronym before a capitalized or
    lower-case word (*ESDMBahlil*, *KPKmenjerat*) and digits before a capitalized word
    (*2024Pengadilan*). A cut needs both parts to read as words or names; a name in
    ``keep`` (default: IndoSum's whole mixed-case words and ``camel_names.json``) is never
    cut, nor is a word after a name particle (*McGregor*, *DeGea*).

    Example:
        >>> case_splits("GubernurRidwanKamil"), case_splits("YouTube")
        ((8, 14), ())
    """
    v = _vocab()
    keep = v.keep if keep is None else keep
    if word in keep:
        return ()
    if word.isupper() and word.isalpha() and len(word) >= 5 and word not in v.acronyms:
        # two acronyms IndoSum writes on their own, glued (DPRRI, TNIAD): one way to cut only
        ways = [k for k in range(2, len(word) - 1) if word[:k] in v.acronyms and word[k:] in v.acronyms]
        return (ways[0],) if len(ways) == 1 else ()
    # inside a kept name glued to other words (kataYouTube, BigHitMusic) nothing is cut
    inside = {p for k in keep if k in word for at in _finds(word, k) for p in range(at + 1, at + len(k))}
    cuts: list[int] = []
    start = 0
    n = len(word)
    i = 1
    while i < n:
        if i in fixed:
            start = i
            i += 1
            continue
        if i in inside:
            i += 1
            continue
        a, b = word[i - 1], word[i]
        nxt = word[i + 1] if i + 1 < n else ""
        left = word[start:i]
        cut = False
        if a.islower() and b.isupper():  # denganPutin, RidwanKamil, HakCipta, DinasPUPR
            right = word[i : _next_cut(word, i)]
            if right.lower() in _ENCLITICS:
                cut = False  # titipanNya, kepadaMu: a clitic capitalized for God
            elif left.islower():
                cut = _reads_lower(left, v) and (len(right) >= 2)
            elif left in v.keep:  # NasDemSumut
                cut = _reads(right, v)
            elif left in v.particles:  # DeGea, McDonald, LeBron stay; "DiKementerian" is glued
                cut = _is_title(right) and _indonesian(right)
            elif _is_title(left) and len(left) >= 3:
                # both parts read as words or names: a known one, or a capitalized word of three
                # letters or more beside a known one (KilangBalongan, WayanKoster, PenmasPolda);
                # neither may be a part IndoSum's brands are built from (Buka-, Grab-, -Pay)
                if left in v.brand_parts or right in v.brand_parts:
                    cut = False
                elif _known(left, v):
                    cut = _reads(right, v) or (_is_title(right) and len(right) >= 3) or (right.isupper() and i + len(right) == n)
                elif len(left) >= 4 and _is_title(right):
                    # an unknown word: beside a known one, or two that are spelled like names
                    cut = _known(right, v) or (len(right) >= 4 and max(_likeness(left), _likeness(right)) > 0.0)
                elif len(left) >= 4:
                    cut = _reads_acronym(right)  # KadisPUTR
        elif a.isupper() and b.isupper() and nxt.islower() and left.isupper() and len(left) >= 2:
            right = word[i : _next_cut(word, i)]  # ESDMBahlil, CEOMedco
            lower = word[i + 1 : _next_cut(word, i + 1)]  # OTTyang, BUMNnya: the acronym goes on
            cut = len(right) >= 3 and _reads_title(right, v) and not (lower in _ENCLITICS or _reads_lower(lower, v))
        elif a.isupper() and b.islower() and left.isupper() and len(left) >= 2 and (i - start) >= 2:
            right = word[i : _next_cut(word, i)]  # KPKmenjerat, OTTyang (not GHz, PPh, BUMNnya)
            cut = right not in _ENCLITICS and _reads_lower(right, v) and (len(right) >= 3 or right in v.glued_short)
            if cut and i - start == 2 and right in v.glued_short:
                cut = False  # "ASdi"? two capitals and a short word: too ambiguous
        elif a.isdigit() and b.isupper() and nxt.islower():
            right = word[i : _next_cut(word, i)]  # 2024Pengadilan, 4Izin
            cut = len(right) >= 3 and _reads_title(right, v) and (right in v.capitalized or right.lower() in v.lower)
        if cut:
            cuts.append(i)
            start = i
        i += 1
    return tuple(cuts)


def _tail_split(piece: str, before_capital: bool, v: _Vocab) -> int | None:
    """Where a lower-case word glued to the end of an unknown capitalized word starts
    (*Firmansyahingin* → 10, *Nasutionapabila* → 8), by dictionary: the head must be a known
    capitalized word or name that is not also a common word (*Batangmata* is a place), the
    tail a frequent word of five letters or more that is not a name's part (*jaya*, *awan*,
    *putra* stay in *Wijaya*, *Setiawan*, *Irwanputra*). A function word of
    ``glued_words.json`` needs no known head. The longest head wins."""
    if len(piece) < 6 or not _is_title(piece) or piece in v.capitalized or piece.lower() in v.lower or piece in v.keep:
        return None
    for k in range(len(piece) - 2, 2, -1):
        head, tail = piece[:k], piece[k:]
        if tail in v.glued_long or (before_capital and tail in v.glued_short):
            return k  # "Jakartatelah", "MuanidiJuventus": function words (glued_words.json)
        if len(head) < 5 or len(tail) < 4:
            continue  # Medi|aset: short parts fit too many names by chance
        if head not in v.capitalized or head.lower() in v.lower:
            continue  # Batang|mata, Tanjung|pinang: a compound of common words names a place
        if tail in v.name_endings or tail.capitalize() in v.names:
            continue  # Setia|wan, Irwan|putra: the tail is a name's part
        if tail in v.frequent_lower and len(tail) >= 5:
            return k  # Firmansyah|ingin; not Sumadi|laga
    return None


@lru_cache(maxsize=65536)
def word_splits(word: str) -> tuple[int, ...]:
    """Every offset inside ``word`` where a space was lost: case changes
    (:func:`case_splits`), then a lower-case word glued to a capitalized piece
    (:func:`_tail_split`)."""
    v = _vocab()
    if word in v.keep:
        return ()
    # pieces between lower→upper changes; a function or common word glued to the end of one
    # is cut first (MuanidiJuventushinggaPiala → Muani|di|Juventus|hingga|Piala)
    bounds = [0, *(i for i in range(1, len(word)) if word[i - 1].islower() and word[i].isupper()), len(word)]
    tails = []
    for a, b in zip(bounds, bounds[1:]):
        k = _tail_split(word[a:b], b < len(word), v)
        if k is not None:
            tails.append(a + k)
    cuts = case_splits(word, fixed=tuple(tails))
    return tuple(sorted(set(cuts) | set(tails)))


def glue_points(text: str) -> list[int]:
    """Offsets in ``text`` where a scraper dropped the space between two words.

    Example:
        >>> glue_points("kataAnies, GubernurRidwan Kamil dan YouTube.")
        [4, 19]
    """
    found: list[tuple[int, str, tuple[int, ...]]] = []
    titled: list[tuple[str, str]] = []
    for start, word, mixed in _candidates(text):
        end = start + len(word)
        if _ADDRESS.match(text, end) or (start and text[start - 1] in "@#/_"):
            continue  # CNNIndonesia.com, @KompasTV, #IndonesiaMaju: addresses, not words
        cuts = word_splits(word)
        if cuts:
            found.append((start, word, cuts))
        if mixed:
            titled.extend(_title_pairs(word))
    if not found:
        return []
    # the article's own evidence (a scraper drops spaces at random places, not twice alike):
    # two words glued twice, and more than twice as often as spaced, are one name
    # (MedcoEnergi), unless two capitalized words of a person's name (people's names are not
    # camel-case); so are glued words that share a part with another glued word and are
    # never spaced (SurveyData and NeuroData, GoPay and GoFood)
    glued: dict[tuple[str, str], int] = {}
    for _, word, cuts in found:
        for pair in _cut_pairs(word, cuts):
            glued[pair] = glued.get(pair, 0) + 1
    family = _families(titled)
    kept: list[tuple[int, str, str]] = []
    for base, word, cuts in found:
        for cut, (left, right) in zip(cuts, _cut_pairs(word, cuts)):
            n = glued[(left, right)]
            spaced = text.count(left + " " + right)
            if n >= 2 and n > 2 * spaced and not (_is_title(right) and (_personlike(left) or _personlike(right))):
                continue
            if family is not None and not spaced and (
                (left in family[0] and not _indonesian(right)) or (right in family[1] and not _indonesian(left))
            ):
                continue  # a brand family; not "Kecamatan|Teluknaga" beside "Polsek|Teluknaga"
            kept.append((base + cut, left, right))
    # a capitalized word glued to a capitalized word or acronym (SunTrust, PCGamesN,
    # RidwanKamil) is more often a brand than a lost space, unless the article shows a
    # scraper's hand elsewhere (kataAnies, KPKmenjerat, Firmansyahingin, NasDemSumut): then
    # any such pair is split, else only Indonesian words and people's names
    scraped = any(not _weak(left, right) for _, left, right in kept)
    return sorted(p for p, left, right in kept if scraped or not _weak(left, right) or _plain_pair(left, right))


def _plain_pair(left: str, right: str) -> bool:
    """Two words no brand is made of: Indonesian words or people's names (Gubernur Ridwan,
    Ridwan Kamil); after an acronym, a person's name (ESDM Bahlil, not VOA Indonesia)."""
    if left.isupper():
        return _person(right)
    return (_indonesian(left) or _person(left)) and (_indonesian(right) or _person(right))


def _person(s: str) -> bool:
    return s in _vocab().names or (_is_title(s) and _likeness(s) >= 0.15)


def _weak(left: str, right: str) -> bool:
    """A cut that a brand could explain: between two capitalized words, or a capitalized
    word and an acronym (SunTrust, OpenDNS, BCALife, PCGamesN), or an acronym and a short
    or rare lower-case word (SAFEnet). Not after a lower-case word, digits, a title
    (Gubernur|Ridwan, CEO|Medco: a title is followed by a name), a hyphenated acronym
    (PDI-P|Hasto) or a kept name (NasDem|Sumut), nor a common word glued to a name."""
    v = _vocab()
    if left[:1].islower():
        return not (_indonesian(left) or left in v.glued_short or left in v.glued_long)  # comScore, microUSB
    if left[:1].isdigit() or "-" in left or left in v.keep or left.lower() in _title_words():
        return False
    if right.islower():
        return left.isupper() and not (right in v.glued_long or right in v.glued_short or (len(right) >= 4 and right in v.frequent_lower))
    return True


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    from quoteattr.lexicon import speaker_lexicon

    return speaker_lexicon().role_heads


def _candidates(text: str) -> list[tuple[int, str, bool]]:
    """The words (letters and digits, with a hyphenated acronym before them: PDI-PHasto)
    that may hide a lost space, with their offsets and whether their case changes inside."""
    out: list[tuple[int, str, bool]] = []
    seen: set[int] = set()
    n = len(text)
    for m in _CASE_CHANGE.finditer(text):
        s = m.start()
        while s > 0 and text[s - 1].isalnum():
            s -= 1
        if s >= 2 and text[s - 1] == "-" and text[s - 2].isupper():
            s -= 1
            while s > 0 and text[s - 1].isupper():
                s -= 1
        if s in seen:
            continue
        e = m.end()
        while e < n and text[e].isalnum():
            e += 1
        seen.add(s)
        out.append((s, text[s:e], True))
    v = _vocab()
    for m in _HYPHENATED_ACRONYM_GLUED.finditer(text):
        tail = m.group(0).split("-", 1)[1]
        if m.start() not in seen and not _reads_title(tail, v):
            # PDI-Pbernama: the acronym's last letter took the next word (not JAKARTA-Wakil)
            seen.add(m.start())
            out.append((m.start(), m.group(0), True))
    for m in _LONG_CAPITALIZED.finditer(text):
        if m.start() not in seen:
            seen.add(m.start())
            out.append((m.start(), m.group(0), False))
    for m in _ALL_CAPS.finditer(text):
        if m.start() not in seen:
            out.append((m.start(), m.group(0), False))
    return out


def _cut_pairs(word: str, cuts: tuple[int, ...]) -> list[tuple[str, str]]:
    """The two pieces on either side of each cut."""
    bounds = (0, *cuts, len(word))
    return [(word[bounds[j - 1] : bounds[j]], word[bounds[j] : bounds[j + 1]]) for j in range(1, len(bounds) - 1)]


def _indonesian(piece: str) -> bool:
    """An Indonesian word (nlp-id roots, the NER sets' common words) or a person's or
    place's name, as opposed to the English words brands are made of (*Survey*, *Neuro*)."""
    v = _vocab()
    return piece.lower() in v.indonesian or piece in v.names


@lru_cache(maxsize=16384)
def _title_pairs(word: str) -> tuple[tuple[str, str], ...]:
    """Adjacent capitalized pieces of a mixed-case word (*SurveyData* → Survey, Data)."""
    bounds = [0, *(i for i in range(1, len(word)) if word[i - 1].islower() and word[i].isupper()), len(word)]
    pieces = [word[a:b] for a, b in zip(bounds, bounds[1:])]
    return tuple((a, b) for a, b in zip(pieces, pieces[1:]) if _is_title(a) and _is_title(b))


def _families(pairs: list[tuple[str, str]]) -> tuple[set[str], set[str]] | None:
    """Left parts glued to two different right parts, and right parts glued after two
    different left parts."""
    if len(pairs) < 2:
        return None
    rights: dict[str, set[str]] = {}
    lefts: dict[str, set[str]] = {}
    for a, b in pairs:
        rights.setdefault(a, set()).add(b)
        lefts.setdefault(b, set()).add(a)
    shared_left = {a for a, bs in rights.items() if len(bs) >= 2}
    shared_right = {b for b, as_ in lefts.items() if len(as_) >= 2}
    if not shared_left and not shared_right:
        return None
    return shared_left, shared_right
