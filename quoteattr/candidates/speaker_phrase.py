"""Reading the speaker phrase next to a cue: after it (``kata [Kepala BMKG X]``), before it
(``[Menteri X, Sergey Lavrov] berpendapat``), and the outlet a quote is credited through."""

from __future__ import annotations

import regex
from spacy.tokens import Token

from quoteattr.article import Article
from quoteattr.candidates.clauses import skip
from quoteattr.mentions import QUOTE_MARK_CHARS, Mention, degree_like, make_mention, person_word, np_end, tokens_text


#: academic degrees written after a name ("M.Epid", "S.H., M.H.", "Sp.PD")
_DEGREE = regex.compile(r"^(?:[A-Z][A-Za-z]{0,4}\.\s*){1,4}(?:[A-Z][A-Za-z]{0,5}\.?)?$")


def mention_after(art: Article, i: int, limit: int) -> Mention | None:
    """The speaker phrase that follows a cue at token ``i`` (``kata [Kepala BMKG X]``)."""
    doc, lex = art.doc, art.lex
    i = skip(art, i, limit, art.lex.words.speaker_skip_after_cue)
    if i >= limit:
        return None
    end = np_end(doc, _after_honorifics(art, i, limit), limit, lex)
    if end <= i:
        end = _unlisted_description(art, i, limit)
        if end > i and doc[end - 1].lower_ in art.lex.words.demonstratives:
            # "kata bekas pelatih Juventus itu": a description that refers back
            s, e = doc[i].idx, doc[end - 1].idx + len(doc[end - 1].text)
            return Mention(s, e, art.text[s:e], "description", None, art.text[s:e], i, end)
    if end <= i:
        return None
    m = make_mention(doc, i, end, lex)
    if m is None:
        return None
    # "kata Kepala Dusun Nglahar, Kelurahan Sumbersari, Kecamatan Moyudan, Wahyu Wibowo":
    # units and places set off by commas continue a title; the name comes after them
    if m.kind in ("role", "description") or _title_with_place(m) or (m.kind == "name" and m.role):
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
            if app is not None and app.kind == "name" and not _DEGREE.match(app.text):
                return merge(app, role=tokens_text(doc, list(doc[m.tok_start : e2])), tok_start=m.tok_start)
    # "kata Manajer tim bulu tangkis Indonesia, Susy Susanti": a title the noun-phrase
    # reader stops inside, running to a comma, then the name
    if m.kind in ("role", "description") and end < limit and doc[end].text != ",":
        k = end
        while k < min(limit, end + 8) and _description_word(art, doc[k]):
            k += 1
        if k > end and k + 1 < limit and doc[k].text == ",":
            h = _after_honorifics(art, k + 1, limit)
            ne = np_end(doc, h, limit, lex)
            app = make_mention(doc, k + 1, ne, lex) if ne > h else None
            if app is not None and app.kind == "name" and not app.role and not _DEGREE.match(app.text):
                return merge(app, role=tokens_text(doc, list(doc[m.tok_start : k])), tok_start=m.tok_start)
    # "jelas pengamat keamanan dari Vaksin.com, Alfons Tanujaya": a title with its
    # organization after "dari", then the name
    if (m.kind in ("role", "description") or _title_with_place(m)) and end + 2 < limit and doc[end].lower_ in art.lex.words.organization_prepositions and doc[end + 1].text[:1].isupper():
        oe = np_end(doc, end + 1, limit, lex)
        if end + 1 < oe < limit - 1 and doc[oe].text == ",":
            ne = np_end(doc, oe + 1, limit, lex)
            app = make_mention(doc, oe + 1, ne, lex) if ne > oe + 1 else None
            if app is not None and app.kind == "name" and not app.role and not _DEGREE.match(app.text):
                return merge(app, role=tokens_text(doc, list(doc[m.tok_start : oe])), tok_start=m.tok_start)
    # “…,” kata seorang warga, Budi (45).  / kata Wahyu, Kepala Dusun X.
    if end + 1 < limit and doc[end].text == ",":
        h = _after_honorifics(art, end + 1, limit)  # "kata Kepala Puskesmas, dr. Andi Wijaya"
        nxt_end = np_end(doc, h, limit, lex)
        if nxt_end > h:
            app = make_mention(doc, end + 1, nxt_end, lex)
            if app is not None:
                if (m.kind in ("role", "description") or _title_with_place(m) or (m.kind == "name" and m.role)) and app.kind == "name" and not _DEGREE.match(app.text):
                    phrase = tokens_text(doc, list(doc[m.tok_start : m.tok_end])) if m.kind == "name" else (m.role or m.text)
                    return merge(app, role=phrase, tok_start=m.tok_start)
                app_end = app.tok_end
                if app.kind in ("role", "description") and app.role and (k := _role_goes_on(art, app_end, limit)):
                    app, app_end = merge(app, role=tokens_text(doc, list(doc[app.tok_start : k])), tok_end=k), k
                closed = app_end >= limit or doc[app_end].text in {",", ".", ";", ":", ")", "("} or doc[app_end].text in QUOTE_MARK_CHARS
                if m.kind == "name" and app.kind in ("role", "description") and app.role and closed:
                    # an appositive ends at a comma or the sentence end ("kata Wahyu, Kepala
                    # Dusun X."); "kata Diana, hidup di atas …" goes on with the content
                    return merge(m, role=app.role, tok_end=app.tok_end)
    # "kata Salehudin dari KKP Kelas II Mataram": the organization is the role
    if m.kind == "name" and not m.role and end + 1 < limit and doc[end].lower_ == "dari" and doc[end + 1].text[:1].isupper():
        oe = np_end(doc, end + 1, limit, lex)
        if oe > end + 1:
            return merge(m, role=tokens_text(doc, list(doc[end + 1 : oe])), tok_end=oe)
    return m


def _role_goes_on(art: Article, k: int, limit: int) -> int:
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


def _subject_after_adjunct(art: Article, cs: int, ce: int) -> Mention | None:
    """A named subject at the end of a chunk that opens with an adjunct (*di sisi lain mantan
    Ketua DPR Setya Novanto meminta*): a name with a role or of two words or more."""
    tail = _tail_np(art, cs, ce)
    if tail is None or tail <= cs:
        return None
    m = make_mention(art.doc, tail, ce, art.lex)
    if m is None or m.kind != "name" or _only_places(art, m) or not (m.role or len((m.name or "").split()) >= 2):
        return None
    return m


def _only_places(art: Article, m: Mention) -> bool:
    """Every word of the mention's name is a place's (*Jawa Barat*, *Purworejo*)."""
    words = (m.name or "").split()
    lex = art.lex
    return bool(words) and all((w.lower() in lex.places or w.lower() in lex.place_words) and not person_word(w, lex) for w in words)


def _description_word(art: Article, t: Token) -> bool:
    """A word that may go on a title or description after a cue: a word, not a cue, pronoun,
    verb or clause word (the prepositions and conjunctions titles use are)."""
    low = t.lower_
    lex = art.lex
    if not t.is_alpha or low in lex.cues or low in lex.pronouns or low in lex.words.demonstratives:
        return False
    if low in lex.function_words and low not in lex.words.description_inner_words:
        return False
    return not (t.text[:1].islower() and len(low) > 5 and low.startswith(("me", "ber", "di", "ter")) and low not in lex.role_heads)


def _after_honorifics(art: Article, i: int, limit: int) -> int:
    """The first token after lower-case honorifics that open a name (*dr.*, *drg.*, *ir.*):
    the noun phrase is read from there, the mention from ``i``."""
    doc, lex = art.doc, art.lex
    h = i
    while h < limit - 1 and doc[h].text[:1].islower() and (doc[h].lower_ in lex.honorifics or doc[h].lower_.rstrip(".") in lex.honorifics) and doc[h + 1].text[:1].isupper():
        h += 1
    return h


def _unlisted_description(art: Article, i: int, limit: int) -> int:
    """End of ``vokalis OneRepublic Ryan Tedder`` after a cue: one or two lower-case words
    the word lists do not know (a profession), then a capitalized noun phrase; ``i`` if not."""
    doc = art.doc
    stop = art.lex.stop_words
    k = i
    while k < min(limit, i + 2) and doc[k].is_alpha and doc[k].text.islower() and doc[k].lower_ not in stop and doc[k].lower_ not in art.lex.cues:
        k += 1
    if k == i or k >= limit or not doc[k].text[:1].isupper():
        return i
    end = np_end(doc, k, limit, art.lex)
    return end if end > k else i


def _title_with_place(m: Mention) -> bool:
    """"Lurah Batangmata", "Pelatih Elektrik": a title and one word, with a name to follow."""
    return m.kind == "name" and bool(m.role) and len((m.name or "").split()) == 1


def merge(m: Mention, role: str | None, tok_start: int | None = None, tok_end: int | None = None) -> Mention:
    return Mention(m.start, m.end, m.text, m.kind, m.name, role or m.role, tok_start if tok_start is not None else m.tok_start, tok_end if tok_end is not None else m.tok_end)


def _chunks(art: Article, start: int, end: int) -> list[tuple[int, int]]:
    """Comma-separated chunks of tokens ``[start, end)``, ignoring commas inside parentheses."""
    out, s, depth = [], start, 0
    for k in range(start, end):
        t = art.doc[k].text
        if t == "(":
            depth += 1
        elif t == ")":
            depth = max(0, depth - 1)
        elif t == "," and depth == 0:
            out.append((s, k))
            s = k + 1
    out.append((s, end))
    return out


def _is_adjunct_chunk(art: Article, s: int, e: int) -> bool:
    doc, lex = art.doc, art.lex
    s = skip(art, s, e, set())
    if s >= e:
        return True
    low = doc[s].lower_
    if low in lex.adjunct_starters or low in lex.days or low in lex.adverbs:
        return True
    if doc[s].text == "(":
        return True
    if doc[s].like_num:
        return True
    return False


def subject_before(art: Article, verb: int, start: int) -> Mention | None:
    """The subject phrase before a speech verb (``[Menteri X, Sergey Lavrov] berpendapat``)."""
    doc, lex = art.doc, art.lex
    end = verb
    # adverbs and auxiliaries right before the verb
    while end > start and ((doc[end - 1].lower_ in lex.adverbs and doc[end - 1].lower_ not in art.lex.words.near_demonstratives) or doc[end - 1].is_space):
        end -= 1
    chunks = _chunks(art, start, end)
    for ci in range(len(chunks) - 1, -1, -1):
        cs, ce = chunks[ci]
        cs = skip(art, cs, ce, set())
        if cs >= ce:
            continue
        if _is_adjunct_chunk(art, cs, ce) and ci > 0:
            inner = _subject_after_adjunct(art, cs, ce) if ci == len(chunks) - 1 else None
            if inner is not None:
                return inner  # "Namun, di sisi lain mantan Ketua DPR Setya Novanto meminta"
            continue
        if all(doc[k].lower_ in lex.connectors or doc[k].lower_ in lex.function_words for k in range(cs, ce)):
            continue  # "Namun, …", "Meskipun …": a conjunction, never the subject
        if ci > 0 and all(degree_like(t, lex) or t.is_punct for t in doc[cs:ce]):
            continue  # "dr. Siti Rahma, M.Epid, menyampaikan": the degree after the name
        # sentence connectors before the subject: "Lebih lanjut Enny mengatakan"
        while cs < ce - 1 and doc[cs].lower_ in lex.connectors:
            cs += 1
        # strip a trailing adjunct inside the chunk: "Ia, saat dihubungi" / "X yang ditemui di Y"
        phrase_end = np_end(doc, cs, ce, lex)
        rest = [t for t in doc[phrase_end:ce] if not t.is_space]
        if phrase_end <= cs or (
            rest
            and rest[0].lower_ not in lex.adjunct_starters
            and rest[0].lower_ not in lex.adverbs
            and rest[0].text != "("
            and rest[0].lower_ not in lex.days
            and rest[0].lower_ != "yang"
        ):
            # "Decky Senduk, sekretaris tim kampanye X, mengaku": a role chunk after a name
            if ci > 0 and _lower_role_start(art, cs):
                ps, pe = chunks[ci - 1]
                ps = skip(art, ps, pe, set())
                while ps < pe - 1 and doc[ps].lower_ in lex.connectors:
                    ps += 1
                if ps < pe and np_end(doc, ps, pe, lex) == pe:
                    prev = make_mention(doc, ps, pe, lex)
                    if prev is not None and prev.kind == "name":
                        return merge(prev, role=tokens_text(doc, list(doc[cs:ce])), tok_end=ce)
            # "Mantan penyanyi cilik ini mengatakan": a description closed by a demonstrative
            # refers back to someone named before; the whole chunk is the subject
            if doc[ce - 1].lower_ in art.lex.words.demonstratives and 2 <= ce - cs <= 8:
                d = make_mention(doc, cs, ce, lex)
                if d is not None and d.kind in ("role", "description") and not any(t.is_punct for t in doc[cs:ce]):
                    return d
            # the chunk does not open with the subject (a subheading or a clause glued
            # before it): take the noun phrase that ends at the verb, if any
            tail = _tail_np(art, cs, ce)
            if tail is not None and tail > cs and _description_chunk(art, cs, ce):
                # "Mantan bek klub Persiba Budi Santoso mengatakan": a lower-case title the
                # noun-phrase reader stops inside, then the name: the whole chunk is the subject
                whole = make_mention(doc, cs, ce, lex)
                k = art.tok_at(whole.start) if whole is not None and whole.kind == "name" else cs
                # not "Adik dari Zaskia Sungkar ini" (a relation: the name is not the speaker)
                # nor "Anggota parlemen dari Izeh" (a place after a preposition)
                if (
                    whole is not None and whole.kind == "name" and whole.role and k - 1 > cs
                    and doc[k - 1].lower_ not in lex.function_words
                    and doc[ce - 1].lower_ not in lex.words.demonstratives
                    and len((whole.name or "").split()) >= 2
                ):
                    tail = cs
            cs = tail
            if cs is None:
                return None
            phrase_end = ce
        principal = _principal(art, chunks, ci, start)
        if principal is not None:
            return principal
        m = make_mention(doc, cs, phrase_end, lex)
        if m is None:
            return None
        if m.kind == "name" and phrase_end - cs == 1 and doc[cs].lower_ in lex.common_words and doc[cs].i == art.tok_at(art.sents[art.sent_of(doc[cs].idx)].start):
            return None  # a capitalized common word opening the sentence is not a name
        # appositives: "Menteri Luar Negeri Rusia, Sergey Lavrov" / "Yayat, Kepala Bidang X,"
        if ci > 0:
            ps, pe = chunks[ci - 1]
            ps = skip(art, ps, pe, set())
            while ps < pe - 1 and doc[ps].lower_ in lex.connectors:
                ps += 1
            pend = np_end(doc, ps, pe, lex) if ps < pe else ps
            if m.kind == "name" and ps < pend < pe and _description_chunk(art, ps, pe) and not _starts_sentence_adverbial(art, ps):
                # "Manajer hotel itu, Rina," / "Seorang ibu di Kecamatan Tamalate, Nurhayati (34),":
                # a description the noun phrase reader stops inside is still the appositive role
                last = pe - 1 if doc[pe - 1].lower_ in lex.words.demonstratives else pe
                return merge(m, role=tokens_text(doc, list(doc[ps:last])), tok_start=ps)
            if ps < pe and pend == pe:
                prev = make_mention(doc, ps, pe, lex)
                if prev is not None:
                    if m.kind == "name" and prev.kind in ("role", "description") and not _starts_sentence_adverbial(art, ps):
                        return merge(m, role=prev.role or prev.text, tok_start=ps)
                    if m.kind in ("role", "description") and prev.kind == "name":
                        also = _role_goes_on(art, phrase_end, ce)
                        if also:
                            return merge(prev, role=tokens_text(doc, list(doc[cs:ce])), tok_end=ce)
                        return merge(prev, role=m.role or m.text, tok_end=m.tok_end)
                    if m.kind == "name" and prev.kind == "name" and _lower_role_start(art, cs) and doc[ps].lower_ not in lex.stop_words:
                        # "Aziz Yanuari, kuasa hukum Rizieq Shihab, menyatakan": the name in the
                        # appositive is the one the subject works for
                        return merge(prev, role=tokens_text(doc, list(doc[cs:phrase_end])), tok_end=phrase_end)
        return m
    return None


def _principal(art: Article, chunks: list[tuple[int, int]], ci: int, start: int) -> Mention | None:
    """"Gubernur Bali, Wayan Koster, melalui perwakilannya, Kepala Dinas … Anom, menyatakan":
    the representative speaks for the one named before (the subject of that chunk)."""
    if ci < 2:
        return None
    rs, re_ = chunks[ci - 1]
    rs = skip(art, rs, re_, set())
    if rs < re_ and art.doc[rs].lower_ in art.lex.words.representative_markers and any(t.lower_ in art.lex.representative_words for t in art.doc[rs:re_]):
        principal = subject_before(art, chunks[ci - 1][0], start)
        if principal is not None and principal.kind == "name":
            return principal
    return None


def _description_chunk(art: Article, s: int, e: int) -> bool:
    """``doc[s:e]`` reads as a title or description set off by commas: it opens with a role
    head, a description head or a determiner (*Manajer …*, *Seorang ibu …*) and holds no verb,
    cue or clause word (only the prepositions and conjunctions titles use, and a final
    demonstrative)."""
    doc, lex = art.doc, art.lex
    if e - s < 2 or e - s > 12:
        return False
    first = doc[s].lower_
    if not (first in lex.role_heads or first in lex.descriptors or first in lex.determiners or any(first == m[0] for m in lex.role_modifiers)):
        return False
    for k in range(s + 1, e):
        t = doc[k]
        low = t.lower_
        if t.is_punct or t.is_space or low in lex.cues or low in lex.pronouns:
            return False
        if low in lex.words.demonstratives:
            if k != e - 1:
                return False
        elif low in lex.function_words and low not in lex.words.description_inner_words:
            return False
        if t.text[:1].islower() and len(low) > 5 and low.startswith(("me", "ber", "di", "ter")) and low not in lex.role_heads:
            return False  # a verb: a clause, not a title
    return True


def _lower_role_start(art: Article, k: int) -> bool:
    """Token ``k`` opens a lower-case role or description (*sekretaris tim …*, *kuasa hukum …*)."""
    tok = art.doc[k]
    return tok.text[:1].islower() and (tok.lower_ in art.lex.role_heads or tok.lower_ in art.lex.descriptors)


def _tail_np(art: Article, start: int, end: int) -> int | None:
    """Start of the capitalized noun phrase that runs up to ``end`` (``None`` if there is none)."""
    doc, lex = art.doc, art.lex
    for p in range(max(start, end - 12), end):
        t = doc[p]
        if not (t.text[:1].isupper() or t.lower_ in lex.pronouns or t.lower_ in lex.determiners):
            continue
        if t.lower_ in lex.function_words and t.lower_ not in lex.pronouns:
            continue
        if np_end(doc, p, end, lex) == end:
            return p
    return None


def _starts_sentence_adverbial(art: Article, k: int) -> bool:
    low = art.doc[k].lower_
    return low in art.lex.words.sentence_adverbials


def via_after(art: Article, i: int, limit: int) -> str | None:
    """An outlet the quote is credited through, read after the speaker (``seperti dikutip dari AP``)."""
    doc = art.doc
    text = art.text
    if i >= limit:
        return None
    s = doc[i].idx
    e = doc[limit - 1].idx + len(doc[limit - 1].text) if limit - 1 < len(doc) else len(text)
    tail = text[s:e]
    low = tail.lower()
    outlets = art.phrases["outlets"]
    for phrase in art.phrases["via_before"]:
        p = low.find(phrase + " ")
        if p < 0 or (p > 0 and low[p - 1].isalnum()):
            continue
        rest = tail[p + len(phrase) + 1 :].lstrip()
        strong = any(w in phrase for w in art.lex.words.via_strong_words)
        for outlet in sorted(outlets, key=len, reverse=True):
            if rest.startswith(outlet) and (len(rest) == len(outlet) or not rest[len(outlet)].isalnum()):
                return outlet
        if strong:
            words = []
            for w in rest.split():
                w2 = w.strip(",.;:()")
                if not w2 or not (w2[0].isupper() or w2[0].isdigit()):
                    break
                words.append(w2)
                if w != w2:
                    break
            if words:
                return " ".join(words)
    return None
