"""Role text: cleaning a role read around a mention, appositive roles, and one role per speaker
(the learned role scorer fills the roles the rules leave empty)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from spacy.tokens import Doc, Token

from quoteattr.article import Article
from quoteattr.lexicon import Lexicon, default_lexicon
from quoteattr.mentions import QUOTE_MARK_CHARS, tokens_text
from quoteattr.mentions.words import agent_noun, degree_text, given_name, name_likeness, possessed_description
from quoteattr.resolve.registry import fold
from quoteattr.types import Quote


def _noun_use(words: list[str]) -> bool:
    """An honorific written in lower case before a lower-case word is a noun of the role
    (*ibu di Kecamatan Tamalate*, *bapak dua anak*), not a title before a name."""
    return words[0][:1].islower() and len(words) > 1 and words[1][:1].islower()


def clean_role(role: str | None, lex: Lexicon | None = None, title_known: bool = False) -> str | None:
    """``role`` without datelines, determiners, stop words, honorifics, degrees and ranks at
    its edges, or ``None`` when what is left names no office, organization or description.
    ``title_known``: a learned scorer already judged the phrase a role, so it needs no title
    word from the lists (*Bintang Arsenal*)."""
    if not role:
        return None
    lex = lex if lex is not None else default_lexicon()
    for dash in (")-", ")—", ")–"):
        if dash in role:  # a dateline glued to the role: "Kupang (ANTARA News)-Ketua Umum …"
            role = role[role.rindex(dash) + 2 :]
    words = role.strip(" ,.").split()
    for dash in ("-", "—", "–"):
        if dash in words:  # a dateline before the role: "Suara.com - Bupati Poso"
            words = words[len(words) - words[::-1].index(dash) :]
    while words and (words[0].lower() in lex.determiners or words[0].lower() in lex.words.role_openers_dropped):
        words = words[1:]
    stop = lex.stop_words
    while words and (words[0].lower() in stop or words[0].lower() in lex.degrees or degree_text(words[0]) or (lex.is_honorific(words[0]) and not _noun_use(words))):
        words = words[1:]
    while words:  # trailing demonstratives, honorifics, degrees and ranks (the name side: split._strip_title_tokens)
        last = words[-1].lower()
        rank = lex.rank_at_end([w.lower().rstrip(".") for w in words])
        noble = len(words) > 1 and words[-1].rstrip(".") in lex.words.noble_initials  # "Kepala Balai R" of "R Agus …"
        if not (last in lex.words.role_trailing_dropped or last in lex.words.naming_words or last == "," or last in lex.honorifics or last in lex.degrees or rank or noble):
            break
        words = words[: -len(rank)] if rank else words[:-1]
    if not words or words[0].lower() in lex.not_role_heads:
        return None  # "Menurut akun resminya Rinaldy": a medium, not a role
    if all(w.lower() in lex.words.statement_modifiers for w in words):
        return None  # "pernyataan resmi Amazon": how a statement was given, no role
    if all(w.lower() in lex.role_words_lower and w.lower() not in lex.role_heads for w in words):
        return None  # "Sementara Budi mengatakan": words that only continue a title are none
    words = _without_age(words, lex)
    if words[-1].islower() and words[-1].endswith("nya") and len(words[-1]) > 6:
        words[-1] = words[-1][:-3]  # "ayah kandungnya" (his father) → the role "ayah kandung"
    # a role names an office, an organization or a description: it has a title or
    # organization word, an acronym or a lower-case word ("Festival Danau", "Menurut"
    # are not roles)
    listed = any(
        w.lower() in lex.role_heads
        or w.lower() in lex.descriptors
        or w.lower() in lex.role_words_lower
        or w.lower() in lex.org_words
        or w.lower() in lex.representative_words  # "Perwakilan Alibaba"
        or (w.lower(),) in lex.relational_heads  # "Sahabat Valentino Rossi" at a sentence start
        or (w.isupper() and sum(ch.isalpha() for ch in w) >= 2)
        or w[:1].islower()
        for w in words
    )
    # "Pelapor Kaesang Pangarep" (pe- + lapor: one who reports) names a person's part, with
    # a name in it
    if not listed and not (title_known and (_may_be_a_title(words, lex) or agent_noun(words[0], lex))):
        return None
    out = " ".join(words).strip(" ,")
    return out or None


def _without_age(words: list[str], lex: Lexicon) -> list[str]:
    """An occupation without the age or birth written after it, and the relative clause after
    that: *aktor berusia 43 tahun* → *aktor*, *manajer kelahiran Strasbourg* → *manajer*. A role
    names what a person does; a description by age alone keeps it (*pria berusia 49 tahun*),
    and so does an age with more role after it (*petani berusia 59 tahun sekaligus …*)."""
    if len(words) < 2 or words[0].lower() in lex.words.age_kept_heads:
        return words
    for i in range(1, min(len(words), 4)):
        low = [w.lower() for w in words[i : i + 3]]
        if low[0] == "kelahiran":
            return words[:i]
        if words[i - 1].lower() in lex.stop_words or words[i - 1].lower() in lex.function_words:
            return words  # "bekerja selama 32 tahun": a span of time, not an age
        if low[0] in lex.words.age_verbs and len(low) == 3 and low[1].isdigit() and low[2] == "tahun":
            end = i + 3
        elif low[0].isdigit() and len(low) >= 2 and low[1] == "tahun":
            end = i + 2
        else:
            continue
        return words[:i] if end == len(words) or words[end].lower() == "yang" else words
    return words


#: the spelling score (:func:`~quoteattr.mentions.words.name_likeness`) above which every
#: word of a phrase with no listed title word reads as a person's or place's name
_NAME_LIKE = 0.1

#: the learned score at which a candidate replaces a rules' role the scorer never saw as a
#: candidate (*Raja* read off *Raja Sapta Ervian*, *negara tadi*): the scorer judges the
#: candidate more likely a role than not
_ABSENT_OVERRIDE = 0.5


def _may_be_a_title(words: list[str], lex: Lexicon) -> bool:
    """A phrase a learned scorer rates as a role that names no person, place or number, lists
    nothing and opens with no word of running text: *Bintang Arsenal*, *Miss Universe 2016*,
    *Petahana* (not *Lee Ryan*, *Semarang*, *22*, *Anthony Costa, Lee Ryan*, *Terakhir*)."""
    if any("," in w for w in words) or not any(w.isalpha() for w in words):
        return False
    if any(given_name(w, lex) for w in words):
        return False
    if len(words) == 1 and words[0].lower() in lex.places:
        return False
    first = words[0].lower()
    if possessed_description(words[0], lex):
        return False  # "Pelatihnya Rudi": whose coach, not a title
    if first in lex.stop_words or first in lex.function_words or (len(words) == 1 and first in lex.common_words):
        return False  # "Terakhir, …", "Dalam …": running text capitalized at a sentence start
    return not all(name_likeness(w) > _NAME_LIKE for w in words if w.isalpha())


def _continuer_tokens(toks: list[Token], lex: Lexicon) -> set[int]:
    """Indexes of the words of a role continuer (*yang juga*) inside a phrase, not at its start."""
    out: set[int] = set()
    low = [t.lower_ for t in toks]
    for cont in lex.words.role_continuers:
        words = cont.split()
        for a in range(1, len(toks) - len(words)):
            if low[a : a + len(words)] == words:
                out.update(t.i for t in toks[a : a + len(words)])
    return out


def _verb_before_comma(doc: Doc, k: int, lex: Lexicon) -> bool:
    """A lower-case verb that is no speech verb stands among the dozen words from token ``k``
    before a punctuation mark or *yang*: the phrase before them is a clause's subject, not an
    appositive (a speech verb there is the speaker's: *Jamal, warga setempat kepada wartawan
    mengatakan*; a verb after *yang* is a relative clause's: *…, utusan AS di koalisi yang
    memerangi ISIS*)."""
    for t in doc[k : k + 12]:
        if t.is_punct or t.is_space:
            return False
        low = t.lower_
        if low in lex.cues or low == "yang":
            return False  # a speech verb, or a relative clause inside the appositive
        if t.text[:1].islower() and len(low) > 6 and low.startswith(lex.words.verb_prefixes) and low not in lex.words.age_verbs:
            return True
    return False


def appositive(doc: Doc, start: int, step: int, lex: Lexicon) -> str | None:
    """A role phrase set off by commas before (``step=-1``) or after (``step=1``) a name."""
    toks: list[Token] = []
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
        if step > 0 and toks and t.lower_ in lex.adjunct_starters and t.lower_ not in lex.words.appositive_adjunct_prepositions:
            if t.lower_ != "yang" and _verb_before_comma(doc, k + 1, lex):
                return None  # "Jansen Ongko, sejumlah kesalahan dalam melakukan diet dapat membuat …": a clause's subject
            break  # "Gubernur DKI Jakarta dalam rapat …": the adjunct is not the role
        toks.append(t)
        k += step
    if not toks or len(toks) > 24:
        return None
    toks.sort(key=lambda t: t.i)
    if len(toks) > 2 and toks[0].text[:1].isupper() and toks[1].text[:1].islower() and (toks[1].lower_ in lex.role_heads or toks[1].lower_ in lex.descriptors):
        toks = toks[1:]  # "Nama desainer aksesori Indonesia, Rinaldy": the word before the title
    joined = _continuer_tokens(toks, lex)  # "anggota Ombudsman yang juga pengamat …"
    if any(t.lower_ in lex.function_words and t.lower_ not in lex.words.appositive_function_words and t.i not in joined for t in toks):
        return None  # "Menurut Fadil, masyarakat akan peduli jika …": a clause, not a title
    if any(t.lower_ in lex.words.clause_markers and t.i not in joined for t in toks):
        return None  # "…, jamaah harus banyak minum": a predicate, not a title
    cues = lex.cues
    if any(
        t.lower_ in cues or (t.lower_.startswith(lex.words.verb_prefixes) and len(t.text) > 6 and t.text[:1].islower() and t.lower_ not in lex.words.age_verbs)
        for t in toks
    ):
        return None  # a clause, not a noun phrase
    first = toks[0].lower_
    if first in lex.stop_words and first not in lex.determiners:
        return None
    ok = first in lex.role_heads or first in lex.descriptors or first in lex.determiners or first in lex.role_words_lower
    if not ok and toks[0].text[:1].islower():
        ok = closed and len(toks) <= 6 and not (first.startswith(lex.words.clause_word_prefixes) and len(first) > 5)
    if not ok:
        return None
    return clean_role(tokens_text(doc, toks), lex)


def one_role_per_speaker(quotes: list[Quote]) -> list[Quote]:
    """One entity, one role: every quote of a named speaker gets the fullest role any of them has."""
    best: dict[str, str] = {}
    for q in quotes:
        if q.speaker_name and q.role and len(q.role.split()) > len(best.get(q.speaker_name, "").split()):
            best[q.speaker_name] = q.role
    return [replace(q, role=best[q.speaker_name]) if q.speaker_name in best and q.role != best[q.speaker_name] else q for q in quotes]


def carry_unnamed_roles(quotes: list[Quote], lex: Lexicon) -> list[Quote]:
    """An unnamed speaker referred back to (*kata sumber itu*, a continuation) keeps the fuller
    description the article gave before under the same head: *Sumber yang dekat dengan
    keduanya* … *kata sumber itu* → *sumber yang dekat dengan keduanya* (not *sumber yang
    sama*, *sumber lain*: words of reference only). Read in text order; the list keeps its own."""
    carried: dict[int, Quote] = {}
    fuller: dict[str, str] = {}  # head word → the latest longer description with it
    for q in sorted(quotes, key=lambda x: x.quote_start):
        words = (q.role or "").split()
        if q.speaker_name is None and words:
            head = fold(words[0])
            written = (q.speaker or "").lower().split()
            back = not written or written[-1] in lex.words.demonstratives
            before = fuller.get(head)
            if back and len(words) == 1 and before is not None:
                carried[id(q)] = replace(q, role=before)
            elif any(fold(w) not in lex.words.reference_words for w in words[1:]):
                fuller[head] = " ".join(words)  # not "sumber yang sama", "sumber lain"
    return [carried.get(id(q), q) for q in quotes]


def fill_roles(art: Article, quotes: list[Quote], model: Any, source_text: str) -> list[Quote]:
    """Give each named speaker the rules left without a role the learned scorer's best candidate,
    and replace a role the rules read that the scorer rates below its ``override`` level when
    it rates another candidate at or above it.

    One role per speaker: every quote of that speaker gets it. The anaphoric descriptions the
    article used for the speaker (*kata pelatih asal Prancis itu*) are candidates too.
    """
    from quoteattr.roles import is_description, scored_roles

    named = {q.speaker_name for q in quotes if q.speaker_name and q.speaker_type != "organization"}
    if not named:
        return quotes
    found: dict[str, str | None] = {}
    for name in named:
        ruled = next((q.role for q in quotes if q.speaker_name == name and q.role), None)
        descs = []
        for q in quotes:
            if q.speaker_name == name and is_description(q.speaker) and q.speaker_start is not None and q.speaker_end is not None:
                span = art.doc.char_span(q.speaker_start, q.speaker_end, alignment_mode="expand")
                if span is not None:
                    descs.append((span.start, span.end))
        own = [(q.quote_start, q.quote_end) for q in quotes if q.speaker_name == name]  # a role is not in what they said
        scored = scored_roles(art.doc, name, art.lex, model, descs, own)
        best = scored[0] if scored and scored[0][1] >= model.threshold else None
        role = clean_role(best[0], art.lex, title_known=True) if best else None  # the scorer judged it a role
        if ruled is None:
            found[name] = role
        elif role is not None and _extends(role, ruled):
            found[name] = role  # the fullest form: "Kapolsek" → "Kapolsek Medan Barat"
        elif model.override is not None and best is not None and best[1] >= model.override:
            # the scorer overrules the rules' role when it scores that phrase below its
            # override level and another at or above it ("Kesalahan keempat, Jansen
            # mengatakan …" read as a title, where the article also writes "Menurut Ahli Gizi,
            # Jansen Ongko, …"), or never saw the rules' role as a candidate and rates another
            # above even odds that the rules' role does not hold whole (*Ketua panitia yang
            # juga Kepala Dinas X* keeps its first title)
            ruled_folded = fold(ruled)
            ruled_scores = [p for t, p in scored if fold(clean_role(t, art.lex) or "") == ruled_folded]
            if ruled_scores:
                doubted = max(ruled_scores) < model.override
            else:
                doubted = role is not None and best[1] >= _ABSENT_OVERRIDE and not _extends(ruled, role)
            if doubted:
                found[name] = role
    found = {k: v for k, v in found.items() if v}
    if not found:
        return quotes
    return [replace(q, role=found[q.speaker_name]) if q.speaker_name in found else q for q in quotes]


def _extends(longer: str, shorter: str) -> bool:
    """``longer`` holds every word of ``shorter`` and more: the same role written in full
    (*Kapolsek* → *Kapolsek Sukamaju Barat*, *hukum Rizieq* → *Kuasa hukum Rizieq*)."""
    a, b = fold(longer).split(), fold(shorter).split()
    if len(a) > len(b) and all(w in a for w in b):
        return True
    # a camel-case name the rules wrote apart: "Mantan kontributor MetroTV" holds "Metro TV"
    return len(b) >= 2 and len(a) > 1 and "".join(b) in a
