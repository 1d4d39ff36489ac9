"""The speaker phrase after a cue (*kata [Kepala BMKG Dwikorita Karnawati]*): the noun phrase
there, then the name or role set off after it, read by an ordered table of readers."""

from __future__ import annotations

from spacy.tokens import Token

from quoteattr.article import Article
from quoteattr.candidates.clauses import skip
from quoteattr.mentions import QUOTE_MARK_CHARS, Mention, make_mention, name_likeness, np_end, person_word, tokens_text
from quoteattr.mentions.words import account_handle, degree_text, derived_verb, given_name, past_comma_age

#: single quotation marks: around a title inside a description (*pelantun 'Semusim' ini*)
_SINGLE_MARKS = frozenset("'‘’")

def mention_after(art: Article, i: int, limit: int) -> Mention | None:
    """The speaker phrase that follows a cue at token ``i`` (``kata [Kepala BMKG X]``): the
    noun phrase there, then the first of :data:`_AFTER_CUE_READERS` that finds the name or
    role set off after it; with the second name of two people named together (:func:`coordinated`)."""
    m = _mention_after(art, i, limit)
    return coordinated(art, m, before=False) or m


def _mention_after(art: Article, i: int, limit: int) -> Mention | None:
    doc, lex = art.doc, art.lex
    i = skip(art, i, limit, art.lex.words.speaker_skip_after_cue)
    if i >= limit:
        return None
    for d in range(i + 1, min(limit, i + 25)):
        named_after = d + 2 < limit and doc[d + 1].text == "," and doc[d + 2].text[:1].isupper()
        if doc[d].lower_ in art.lex.words.demonstratives and _closes_phrase(art, d + 1, limit) and not named_after:
            described = demonstrative_description(art, i, d + 1, titles=True)
            if described is not None:
                return described  # "ujar pria yang akrab disapa Emil itu."
            break
    if doc[i].lower_ in lex.words.account_words and (handle := account_after(art, i + 1, limit)) is not None:
        return handle  # "tulis akun Instagram rizkiarraya"
    end = np_end(doc, after_honorifics(art, i, limit), limit, lex)
    if end <= i:
        end = _unlisted_description(art, i, limit)
        if end > i and doc[end - 1].lower_ in art.lex.words.demonstratives:
            # "kata bekas pelatih Juventus itu": a description that refers back
            s, e = doc[i].idx, doc[end - 1].idx + len(doc[end - 1].text)
            return Mention(s, e, art.text[s:e], "description", None, art.text[s:e], i, end)
    if end == i + 1 and doc[i].lower_ in lex.words.open_heads:
        end = _open_head_phrase(art, i, limit)  # "kata sang ikon fesyen", "ujar pihak studio"
    if end <= i:
        return None
    m = make_mention(doc, i, end, lex)
    if m is None:
        return None
    for _reader_id, read in _AFTER_CUE_READERS:
        found = read(art, m, end, limit)
        if found is not None:
            return found
    return m


#: the spelling score (:func:`name_likeness`) over which an unlisted word opening a name reads as a given name
_GIVEN_LIKENESS = 0.2


def _person_run(art: Article, start: int, end: int) -> bool:
    """``doc[start:end]`` is one person's name: one to three capitalized words, the first a
    listed given name or spelled like one (and no word of running text), none a title,
    organization or place word."""
    doc, lex = art.doc, art.lex
    run = doc[start:end]
    if not 1 <= len(run) <= 3 or not all(t.is_alpha and t.text[:1].isupper() for t in run):
        return False
    if any(t.lower_ in lex.role_heads or t.lower_ in lex.org_words or t.lower_ in lex.places or t.lower_ in lex.place_words for t in run):
        return False
    first = run[0]
    return given_name(first.text, lex) or (name_likeness(first.text) > _GIVEN_LIKENESS and first.lower_ not in lex.running_text)


def coordinated(art: Article, m: Mention | None, before: bool) -> Mention | None:
    """Two people named together as one speaker (*Eric Corngold dan Mary Mulligan*): the name of
    ``m`` and the name joined to it by *dan* after it (``before``: before it, for a subject), each
    a person's name (:func:`_person_run`); the speaker's name is both, joined by *dan*."""
    if m is None or m.kind != "name" or not m.name:
        return None
    doc = art.doc
    name_start = art.tok_at(m.start)
    if not _person_run(art, name_start, m.tok_end):
        return None
    if before:
        d = name_start - 1
        if m.tok_start != name_start or d < 1 or doc[d].lower_ != "dan":
            return None
        left = d
        while left > 0 and doc[left - 1].is_alpha and doc[left - 1].text[:1].isupper():
            left -= 1
        if not _person_run(art, left, d):
            return None
        first = tokens_text(doc, list(doc[left:d]))
        return Mention(doc[left].idx, m.end, art.text[doc[left].idx : m.end], "name", f"{first} dan {m.name}", None, left, m.tok_end)
    e = m.tok_end
    if e + 1 >= len(doc) or doc[e].lower_ != "dan":
        return None
    right = e + 1
    while right < len(doc) and doc[right].is_alpha and doc[right].text[:1].isupper():
        right += 1
    if right < len(doc) and not _closes_phrase(art, right, len(doc)):
        return None
    if not _person_run(art, e + 1, right):
        return None
    last = doc[right - 1]
    end = last.idx + len(last.text)
    return Mention(m.start, end, art.text[m.start : end], "name", f"{m.name} dan {tokens_text(doc, list(doc[e + 1 : right]))}", m.role, m.tok_start, right)


def _closes_phrase(art: Article, k: int, limit: int) -> bool:
    """Token ``k`` ends the speaker phrase before it: the limit, a punctuation mark, an adverb
    (*kata pebalap itu lagi*) or a word that opens an adjunct (*kata pebalap itu kepada wartawan*)."""
    if k >= limit:
        return True
    tok, lex = art.doc[k], art.lex
    return tok.is_punct or (tok.text[:1].islower() and (tok.lower_ in lex.adverbs or tok.lower_ in lex.adjunct_starters))


def _open_head_phrase(art: Article, i: int, limit: int) -> int:
    """The end of a phrase opened by a word of ``open_heads`` (*sang*, *si*, *pihak*): it takes
    the lower-case nouns after it that no list knows (*sang ikon fesyen*, *pihak studio*), up to
    four, never a function word, adverb, pronoun, cue or verb."""
    doc, lex = art.doc, art.lex
    k = i + 1
    while k < limit and k - i <= 4:
        t = doc[k]
        low = t.lower_
        if not (t.is_alpha and t.text.islower()) or low in lex.function_words or low in lex.adverbs or low in lex.pronouns or low in lex.cues:
            break
        if low.startswith(tuple(lex.words.description_verb_prefixes)) and low not in lex.role_heads:
            break
        k += 1
    return k


def description_opener(art: Article, k: int) -> bool:
    """Token ``k`` can open a description of a person: a lower-case noun (not a function word,
    pronoun, cue or verb), or a capitalized title, descriptor or common word (*Mantan*, *Artis*,
    *Saudara*) — not the first word of a name."""
    tok, lex = art.doc[k], art.lex
    low = tok.lower_
    if not tok.is_alpha or low in lex.function_words or low in lex.pronouns or low in lex.cues or low in lex.words.demonstratives:
        return False
    if tok.text[:1].isupper():
        return low in lex.role_heads or low in lex.descriptors or low in lex.anaphoric_heads or (low in lex.common_words and not person_word(tok.text, lex))
    return not low.startswith(tuple(lex.words.description_verb_prefixes)) or low in lex.role_heads


def demonstrative_description(art: Article, start: int, end: int, titles: bool = False) -> Mention | None:
    """``doc[start:end]`` is one description closed by a demonstrative, proper names, dates and
    clauses inside it (*Mantan Kapolda Metro Jaya itu*, *pria yang akrab disapa Emil itu*,
    *Perempuan kelahiran Bandar Lampung, 26 Agustus 1962, itu*): it refers back to a person,
    and the names inside it are not the speaker."""
    doc = art.doc
    if end - start < 2 or end - start > 25 or doc[end - 1].lower_ not in art.lex.words.demonstratives or not description_opener(art, start):
        return None
    inner = doc[start : end - 1]
    allowed = _SINGLE_MARKS if titles and sum(t.text in _SINGLE_MARKS for t in inner) % 2 == 0 else frozenset()
    if any((t.text in QUOTE_MARK_CHARS and t.text not in allowed) or t.text in {".", "!", "?", ";", ":"} or t.lower_ in art.lex.cues for t in inner):
        return None  # after a cue, a title in single marks may stand inside (tutur pelantun 'Semusim' ini)
    if inner[-1].lower_ in art.lex.words.time_nouns and not (len(inner) > 2 and inner[-2].like_num):
        return None  # "… dalam keterangan pers hari ini": a time adverbial; "musisi 23 tahun itu" is an age
    starters, topics = art.lex.adjunct_starters, art.lex.words.topic_prepositions
    if any(t.text[:1].isupper() and (nxt.lower_ in starters or nxt.lower_ in topics) and nxt.lower_ != "yang" for t, nxt in zip(inner[:-1], inner[1:])):
        return None  # "Menteri X Bambang PS Brodjonegoro saat menghadiri uji terbang itu" / "… terkait pendanaan tersebut": a name, then an adjunct
    verb_prefixes = ("me", "ber", "di", "ter")
    if any(t.text == "," and nxt.text[:1].islower() and nxt.lower_.startswith(verb_prefixes) and len(nxt.text) > 4 for t, nxt in zip(inner[:-1], inner[1:])):
        return None  # "teman dekat Harry, mencoba menyikapi kondisi itu": a clause after the comma
    if any(t.lower_ == "yang" for t in inner):
        # "agensi X yang menaungi boy group itu": after an active verb the demonstrative
        # closes the verb's object; ", yang hadir …": a clause about a name set off by a comma
        after = inner[[t.lower_ for t in inner].index("yang") :]
        proper_object = inner[-1].text[:1].isupper()  # "yang dulu memerankan Naga Bonar ini": a name takes no demonstrative
        if not proper_object and any(t.text[:1].islower() and t.lower_.startswith(("me", "mem", "men", "meng", "meny")) and len(t.text) > 4 for t in after):
            return None
        if any(t.text == "," and inner[i + 1].lower_ == "yang" for i, t in enumerate(inner[:-1])):
            return None
        person = (titles and (doc[start].lower_ in art.lex.role_heads or doc[start].lower_ in art.lex.descriptors)) or doc[start].lower_ in art.lex.words.age_kept_heads
        if not person and any(t.lower_ in art.lex.adjunct_starters for t in after[1:]):
            # "cat yang dibubuhkan di sekitar monumen tersebut": the adjunct's noun; after a
            # cue a title keeps it (ujar tokoh yang pernah berjuang dalam perdamaian Poso ini),
            # and so does a noun of a person anywhere (Pria yang tahun lalu juara di Losail itu)
            return None
    s, e = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
    described = doc[start].idx, doc[end - 2].idx + len(doc[end - 2].text)
    role = None if doc[start].lower_ in art.lex.words.former_markers else art.text[described[0] : described[1]].rstrip(" ,")
    return Mention(s, e, art.text[s:e], "description", None, role, start, end)


def _units_then_name(art: Article, m: Mention, end: int, limit: int) -> Mention | None:
    """"kata Kepala Dusun Nglahar, Kelurahan Sumbersari, Kecamatan Moyudan, Wahyu Wibowo":
    units and places set off by commas continue a title; the name comes after them."""
    doc, lex = art.doc, art.lex
    if not (m.kind in ("role", "description") or _title_with_place(m) or (m.kind == "name" and m.role)):
        return None
    e2, hops = end, 0
    while hops < 4 and e2 + 1 < limit and doc[e2].text == ",":
        s2 = skip(art, e2 + 1, limit, art.lex.words.coordinators)
        ne2 = np_end(doc, s2, limit, lex) if s2 < limit else s2
        if ne2 <= s2:
            break
        first = doc[s2].lower_
        if first in lex.org_words or first in lex.place_words or first in lex.places or first in lex.role_words_lower:
            app = make_mention(doc, s2, ne2, lex)
            if app is not None and app.kind == "name" and len((app.name or "").split()) >= 2 and app.role:
                # "…, dan Keamanan Mahfud MD": the last unit and the name in one phrase
                return merge(app, role=tokens_text(doc, list(doc[m.tok_start : art.tok_at(app.start)])), tok_start=m.tok_start)
            e2, hops = ne2, hops + 1
            continue
        break
    if hops and e2 + 1 < limit and doc[e2].text == ",":
        s2 = e2 + 1
        ne2 = np_end(doc, s2, limit, lex)
        app = make_mention(doc, s2, ne2, lex) if ne2 > s2 else None
        if app is not None and app.kind == "name" and not degree_text(app.text):
            return merge(app, role=tokens_text(doc, list(doc[m.tok_start : e2])), tok_start=m.tok_start)
    return None


def _title_to_comma(art: Article, m: Mention, end: int, limit: int) -> Mention | None:
    """"kata Manajer tim bulu tangkis Indonesia, Susy Susanti": a title the noun-phrase reader
    stops inside, running to a comma, then the name."""
    doc, lex = art.doc, art.lex
    if m.kind not in ("role", "description") or end >= limit or doc[end].text == ",":
        return None
    k = end
    while k < min(limit, end + 8) and (_description_word(art, doc[k]) or _closes_noun(art, k, end, limit)):
        if (second := _second_title_with_name(art, m, k, limit)) is not None:
            return second
        k += 1
    if (second := _second_title_with_name(art, m, k, limit)) is not None:
        return second
    if k > end and k + 1 < limit and doc[k].text == ",":
        h = after_honorifics(art, k + 1, limit)
        ne = np_end(doc, h, limit, lex)
        app = make_mention(doc, k + 1, ne, lex) if ne > h else None
        if app is not None and app.kind == "name" and not app.role and not degree_text(app.text):
            return merge(app, role=tokens_text(doc, list(doc[m.tok_start : k])), tok_start=m.tok_start)
    return None


#: how many words a title after a cue may run on over before the name that ends it
_TITLE_RUN = 16
#: marks that join two capitalized words inside a title (*FKUI/RSCM*)
_INNER_JOINERS = frozenset({"/", "&", "-"})


def _title_to_name(art: Article, m: Mention, end: int, limit: int) -> Mention | None:
    """"kata konsultan penyakit lambung dan pencernaan dari FKUI/RSCM Dr. dr. Ari Fahrial Syam
    dalam siaran pers": a title the noun-phrase reader stops inside, running on with no comma
    over words a title holds, capitalized words, honorifics and degrees, and ending in a
    person's name of two words or more right where the phrase closes (a punctuation mark, an
    adverb or a word that opens an adjunct)."""
    doc, lex = art.doc, art.lex
    if m.kind not in ("role", "description") or end >= limit or doc[end].text == ",":
        return None
    opening = tuple(t.lower_ for t in doc[m.tok_start : m.tok_start + 2])
    if any(opening[: len(head)] == head for head in lex.relational_heads):
        return None  # "kata istri dari aktor Budi Santoso": Budi's wife, not Budi
    k = end
    while k < min(limit, end + _TITLE_RUN):
        t = doc[k]
        if t.text in _INNER_JOINERS and k + 1 < limit and doc[k + 1].text[:1].isupper():
            k += 1  # "FKUI/RSCM", "Pendidikan & Kebudayaan"
            continue
        if _closes_phrase(art, k, limit):
            break
        if not (_description_word(art, t) or t.text[:1].isupper() or lex.is_honorific(t.text)):
            return None
        k += 1
    if k == end or not _closes_phrase(art, k, limit):
        return None
    s2 = k
    while s2 > end and (doc[s2 - 1].text[:1].isupper() or lex.is_honorific(doc[s2 - 1].text)):
        s2 -= 1  # the capitalized run (with honorifics) that ends the phrase
    if k - s2 < 2:
        return None
    app = make_mention(doc, s2, k, lex)
    if app is None or app.kind != "name" or len((app.name or "").split()) < 2 or degree_text(app.text):
        return None
    name_toks = [t for t in doc[art.tok_at(app.start) : k] if t.is_alpha]
    honored = any(lex.is_honorific(t.text) for t in doc[s2 : art.tok_at(app.start)])
    if not honored and not any(person_word(t.text, lex) or name_likeness(t.text) > 0.3 for t in name_toks):
        return None  # "… Universitas Gadjah Mada": an organization, no name
    return merge(app, role=tokens_text(doc, list(doc[m.tok_start : art.tok_at(app.start)])), tok_start=m.tok_start)


def _closes_noun(art: Article, k: int, start: int, limit: int) -> bool:
    """A demonstrative right before the comma that ends a title (*penggagas produk ini,*)."""
    doc = art.doc
    return k > start and k + 1 < limit and doc[k].lower_ in art.lex.words.demonstratives and doc[k + 1].text == ","


def second_title_start(art: Article, k: int, limit: int) -> int | None:
    """Where a second title starts when a continuer (``role_continuers``) opens at token ``k``
    (*yang juga Kepala Dinas …*; over a former marker: *yang juga mantan Menteri …*), or
    ``None``."""
    doc, lex = art.doc, art.lex
    for cont in lex.words.role_continuers:
        words = cont.split()
        s2 = k + len(words)
        if s2 >= limit or [t.lower_ for t in doc[k:s2]] != words:
            continue
        if s2 + 1 < limit and doc[s2].lower_ in lex.words.former_markers:
            s2 += 1  # "… yang juga mantan Menteri Luar Negeri Dino Patti Djalal"
        return s2
    return None


def _second_title_with_name(art: Article, m: Mention, k: int, limit: int) -> Mention | None:
    """"kata Ketua Panitia penyelenggara yang juga Kepala Dinas Pemuda Padang Suardi": a
    continuer adds a second title (perhaps a former one: *yang juga mantan Menteri …*), and
    the name ends it."""
    doc, lex = art.doc, art.lex
    s2 = second_title_start(art, k, limit)
    if s2 is not None and doc[s2].text[:1].isupper():
        ne = np_end(doc, s2, limit, lex)
        app = make_mention(doc, s2, ne, lex) if ne > s2 else None
        if app is not None and app.kind == "name" and app.role and not degree_text(app.text):
            return merge(app, role=tokens_text(doc, list(doc[m.tok_start : art.tok_at(app.start)])), tok_start=m.tok_start)
    return None


def _organization_then_name(art: Article, m: Mention, end: int, limit: int) -> Mention | None:
    """"jelas pengamat keamanan dari Vaksin.com, Alfons Tanujaya": a title with its
    organization after "dari", then the name."""
    doc, lex = art.doc, art.lex
    if (m.kind in ("role", "description") or _title_with_place(m)) and end + 2 < limit and doc[end].lower_ in art.lex.words.organization_prepositions and doc[end + 1].text[:1].isupper():
        oe = np_end(doc, end + 1, limit, lex)
        if end + 1 < oe < limit - 1 and doc[oe].text == ",":
            ne = np_end(doc, oe + 1, limit, lex)
            app = make_mention(doc, oe + 1, ne, lex) if ne > oe + 1 else None
            if app is not None and app.kind == "name" and not app.role and not degree_text(app.text):
                return merge(app, role=tokens_text(doc, list(doc[m.tok_start : oe])), tok_start=m.tok_start)
    return None


def _appositive_after_comma(art: Article, m: Mention, end: int, limit: int) -> Mention | None:
    """“…,” kata seorang warga, Budi (45).  / kata Wahyu, Kepala Dusun X. / kata Kepala
    Puskesmas, dr. Andi Wijaya (a lower-case honorific opens the name)."""
    doc, lex = art.doc, art.lex
    if not (end + 1 < limit and doc[end].text == ","):
        return None
    end = past_comma_age(doc, end)  # "kata Saini, 35, warga setempat"
    h = after_honorifics(art, end + 1, limit)
    nxt_end = np_end(doc, h, limit, lex)
    if nxt_end <= h:
        return None
    app = make_mention(doc, end + 1, nxt_end, lex)
    if app is None:
        return None
    if m.kind == "name" and title_of_a_place(art, app) and len((m.name or "").split()) >= 2:
        # "kata Kompol Agus Setiawan, Kapolsek Dukuh Pakis": the title after the full name is
        # the person's; its last word is a place or a unit, not a second name
        return merge(m, role=app.text, tok_end=app.tok_end)
    titled = m.kind in ("role", "description") or _title_with_place(m) or (m.kind in ("name", "organization") and m.role)
    handle_of_named = app.text.startswith("@") and m.kind in ("name", "organization")  # "akun Twitter Budi, @budi": Budi
    if titled and app.kind == "name" and not degree_text(app.text) and not handle_of_named:
        # "kata CEO F1, Chase Carey": a title with its organization is a role too
        phrase = tokens_text(doc, list(doc[m.tok_start : m.tok_end])) if m.kind in ("name", "organization") else (m.role or m.text)
        return merge(app, role=phrase, tok_start=m.tok_start)
    app_end = app.tok_end
    if app.kind in ("role", "description") and app.role and (k := role_goes_on(art, app_end, limit)):
        app, app_end = merge(app, role=tokens_text(doc, list(doc[app.tok_start : k])), tok_end=k), k
    closed = app_end >= limit or doc[app_end].text in {",", ".", ";", ":", ")", "("} or doc[app_end].text in QUOTE_MARK_CHARS
    if m.kind == "name" and app.kind in ("role", "description") and app.role and closed:
        # an appositive ends at a comma or the sentence end ("kata Wahyu, Kepala
        # Dusun X."); "kata Diana, hidup di atas …" goes on with the content
        return merge(m, role=app.role, tok_end=app.tok_end)
    return None


def title_of_a_place(art: Article, m: Mention) -> bool:
    """A mention read as title + one-word name whose "name" is a place, a unit or a common word
    (*Kapolsek Dukuh Pakis*, *Kepala Program Studi Akuntansi*): a title, not a person."""
    words = (m.name or "").split()
    if m.kind != "name" or not m.role or len(words) != 1 or person_word(words[0], art.lex):
        return False
    if art.doc[m.tok_start].lower_ not in art.lex.role_heads:
        return False
    low = words[0].lower()
    lex = art.lex
    return low in lex.common_words or low in lex.places or low in lex.place_words or name_likeness(words[0]) < 0.2


def _organization_as_role(art: Article, m: Mention, end: int, limit: int) -> Mention | None:
    """"kata Salehudin dari KKP Kelas II Mataram": the organization is the role."""
    doc = art.doc
    if m.kind == "name" and not m.role and end + 1 < limit and doc[end].lower_ == "dari" and doc[end + 1].text[:1].isupper():
        oe = np_end(doc, end + 1, limit, art.lex)
        if oe > end + 1:
            return merge(m, role=tokens_text(doc, list(doc[end + 1 : oe])), tok_end=oe)
    return None


def named_by_naming_word(art: Article, cs: int, ce: int) -> Mention | None:
    """A description, a naming word (*bernama*, after *yang* or not), then a name that ends the
    phrase ``doc[cs:ce]``: the name speaks, the description (up to the naming word) is its role."""
    doc, lex = art.doc, art.lex
    k = next((k for k in range(cs + 1, ce - 1) if doc[k].lower_ in lex.words.naming_words), None)
    if k is None or np_end(doc, k + 1, ce, lex) != ce:
        return None
    name = make_mention(doc, k + 1, ce, lex)
    if name is None or name.kind != "name" or name.role or not doc[cs].is_alpha:
        return None
    return merge(name, role=tokens_text(doc, list(doc[cs:k])), tok_start=cs, tok_end=ce)


def _naming_word_after(art: Article, m: Mention, end: int, limit: int) -> Mention | None:
    """kata seorang nelayan yang bernama Rosa Mandagi: a description, then the name it is given."""
    doc, lex = art.doc, art.lex
    if m.kind not in ("role", "description") or m.name:
        return None
    k = end + 1 if end + 1 < limit and doc[end].lower_ == "yang" else end
    if k + 1 >= limit or doc[k].lower_ not in lex.words.naming_words:
        return None
    return named_by_naming_word(art, m.tok_start, np_end(doc, k + 1, limit, lex))


def account_after(art: Article, k: int, limit: int) -> Mention | None:
    """The handle named after an account word ending at token ``k`` (*akun rafly.h*, *akun
    Instagram @budi*, *akun bernama @budi*): a name mention of the handle as written."""
    doc, lex = art.doc, art.lex
    if k < 1 or doc[k - 1].lower_ not in lex.words.account_words:
        return None
    h = k
    if h + 1 < limit and (doc[h].lower_ in lex.words.naming_words or doc[h].text[:1].isupper()) and account_handle(doc[h + 1].text, lex):
        h += 1  # the platform (Instagram) or bernama before the handle
    if h >= limit or not account_handle(doc[h].text, lex):
        return None
    t = doc[h]
    return Mention(t.idx, t.idx + len(t.text), t.text, "name", t.text, None, h, h + 1)


def _account_handle_after(art: Article, m: Mention, end: int, limit: int) -> Mention | None:
    """tulis akun rafly.h: the handle after an account word speaks."""
    return account_after(art, end, limit) if m.kind != "name" else None


def _description_to_name(art: Article, m: Mention, end: int, limit: int) -> Mention | None:
    """kata spesialis gizi dan penyakit dalam dari RS Harapan, dr Siti Rahma, …: a title or
    description whose words go on past what the lists read, up to a comma and a person's name."""
    if m.kind not in ("role", "description") or m.name or end >= limit or art.doc[end].text == ",":
        return None
    e = described_until_name(art, end, limit)
    if not e:
        return None
    app = _mention_after(art, e + 1, limit)
    if app is None or app.kind != "name" or not app.name:
        return None
    return merge(app, role=tokens_text(art.doc, list(art.doc[m.tok_start : e])), tok_start=m.tok_start)


#: What may follow the noun phrase after a cue, tried in order (reader id, reader): each returns
#: the speaker mention it reads, or ``None`` to let the next one try.
_AFTER_CUE_READERS = (
    ("units_then_name", _units_then_name),
    ("title_to_comma", _title_to_comma),
    ("title_to_name", _title_to_name),
    ("organization_then_name", _organization_then_name),
    ("appositive_after_comma", _appositive_after_comma),
    ("organization_as_role", _organization_as_role),
    ("description_to_name", _description_to_name),
    ("naming_word_after", _naming_word_after),
    ("account_handle_after", _account_handle_after),
)


def after_honorifics(art: Article, i: int, limit: int) -> int:
    """The first token after lower-case honorifics that open a name (*dr.*, *drg.*, *ir.*):
    the noun phrase is read from there, the mention from ``i``."""
    doc, lex = art.doc, art.lex
    h = i
    while h < limit - 1 and doc[h].text[:1].islower() and lex.is_honorific(doc[h].text) and doc[h + 1].text[:1].isupper():
        h += 1
    k = h
    while k < limit - 1 and lex.is_honorific(doc[k].text) and doc[k].text[-1:] == ".":
        k += 1
    if k > h + 1 and doc[k].text[:1].isupper() and any(t.text[:1].islower() for t in doc[h:k]):
        return k  # "Dr. med. dr. Damar": a chain of honorifics with lower-case ones inside
    return h


def role_goes_on(art: Article, k: int, limit: int) -> int:
    """Where a role read up to token ``k`` ends when a continuer adds a second one (*anggota
    Ombudsman yang juga pengamat penerbangan Indonesia,*): the comma or sentence end after
    it; 0 when there is none."""
    doc = art.doc
    for cont in art.lex.words.role_continuers:
        words = cont.split()
        n = len(words)
        if k + n < limit and [t.lower_ for t in doc[k : k + n]] == words:
            e = k + n
            while e < limit and _description_word(art, doc[e]):
                e += 1
            if e > k + n and (e >= limit or doc[e].text in {",", ".", ";"}):
                return e
    return 0


def _description_word(art: Article, t: Token) -> bool:
    """A word that may go on a title or description after a cue: a word, not a cue, pronoun,
    verb or clause word (the prepositions and conjunctions titles use are)."""
    low = t.lower_
    lex = art.lex
    if not t.is_alpha or low in lex.cues or low in lex.pronouns or low in lex.words.demonstratives:
        return False
    if low in lex.function_words and low not in lex.words.description_inner_words:
        return False
    return not (t.text[:1].islower() and len(low) > 5 and low.startswith(lex.words.description_verb_prefixes) and low not in lex.role_heads and derived_verb(low, lex))


def _unlisted_description(art: Article, i: int, limit: int) -> int:
    """End of ``vokalis OneRepublic Ryan Tedder`` after a cue: one to three lower-case words
    the word lists do not know (a profession: *profesor kebijakan kesehatan*), then a
    capitalized noun phrase; ``i`` if not."""
    doc = art.doc
    stop = art.lex.stop_words
    if doc[i].text.islower() and (e := described_until_name(art, i, limit)):
        return e  # "kata komentator dan analis tinju, Budi Santoso, di …": the name is set off after it
    k = i
    while k < min(limit, i + 3) and doc[k].is_alpha and doc[k].text.islower() and doc[k].lower_ not in stop and doc[k].lower_ not in art.lex.cues:
        k += 1
    if k == i or k >= limit or not doc[k].text[:1].isupper():
        return i
    end = np_end(doc, k, limit, art.lex)
    return end if end > k else i


#: the most words a description read up to the name set off after it may hold
_DESCRIPTION_TO_NAME = 12


def described_until_name(art: Article, i: int, limit: int) -> int:
    """The comma that ends a description running from token ``i`` (words that may go on a
    title, :func:`_description_word`, *dan* and *dari* among them) when a person's name set off
    by it follows (:func:`_closed_name_after`): *spesialis gizi dan penyakit dalam dari RS
    Harapan, dr Siti Rahma,*; 0 when there is none."""
    doc = art.doc
    e = i
    while e < min(limit, i + _DESCRIPTION_TO_NAME) and _description_word(art, doc[e]):
        e += 1
    if e > i and e + 1 < limit and doc[e].text == "," and _closed_name_after(art, e + 1, limit):
        return e
    return 0


def _closed_name_after(art: Article, k: int, limit: int) -> bool:
    """``doc[k:]`` opens a person's name (after any honorifics) closed by a comma, a
    parenthesis or the sentence end: an appositive set off after a description."""
    doc = art.doc
    h = after_honorifics(art, k, limit)
    e = np_end(doc, h, limit, art.lex)
    if e <= h or not _person_run(art, h, e):
        return False
    return e >= limit or doc[e].text in {",", ".", "(", ";"}


def _title_with_place(m: Mention) -> bool:
    """"Lurah Batangmata", "Pelatih Elektrik": a title and one word, with a name to follow."""
    return m.kind == "name" and bool(m.role) and len((m.name or "").split()) == 1


def merge(m: Mention, role: str | None, tok_start: int | None = None, tok_end: int | None = None) -> Mention:
    return Mention(m.start, m.end, m.text, m.kind, m.name, role or m.role, tok_start if tok_start is not None else m.tok_start, tok_end if tok_end is not None else m.tok_end)
