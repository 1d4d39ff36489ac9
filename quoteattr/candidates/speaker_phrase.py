"""Reading the speaker phrase next to a cue: before it (``[Menteri X, Sergey Lavrov]
berpendapat``), after it (:mod:`quoteattr.candidates.after_cue`, re-exported here), and the
outlet a quote is credited through."""

from __future__ import annotations

import regex

from quoteattr.article import Article
from quoteattr.candidates.after_cue import (
    account_after,
    coordinated,
    demonstrative_description,
    description_opener,
    mention_after,
    merge,
    named_by_naming_word,
    role_goes_on,
    second_title_start,
    title_of_a_place,
)
from quoteattr.candidates.clauses import skip
from quoteattr.mentions import QUOTE_MARK_CHARS, Mention, degree_like, make_mention, np_end, person_word, running_verb, tokens_text
from quoteattr.mentions.mention import relation_end
from quoteattr.mentions.phrase import title_list_comma
from quoteattr.mentions.words import age_number, degree_text
from quoteattr.roles import verb_like

__all__ = ["merge", "mention_after", "subject_before", "via_after"]


#: words that make a time noun before them a time adverbial (*bulan lalu*, *pekan depan*)
_TIME_CLOSERS = frozenset({"lalu", "silam", "ini", "depan"})


def before_frequency(art: Article, start: int, end: int) -> int:
    """``end`` moved before a frequency or time adverbial that closes the phrase (*beberapa
    kali*, *dua kali*, *berkali-kali*: *Budi beberapa kali meminta …*; *bulan lalu*, *beberapa
    waktu lalu*, *baru-baru ini*: *Qatar bulan lalu menuding …*; *selama ini*, *kala itu*: *Korea
    Utara selama ini menyatakan …*), and the adverbs before it."""
    doc, lex = art.doc, art.lex
    stop = end + 1 if end < len(doc) and doc[end].lower_ == "kali" else end  # "kali" read as an adverb already
    lows = [t.lower_ for t in doc[start:stop]]
    # the closing word read as an adverb already ("lalu"), or still in the phrase ("ini")
    closer = 1 if lows and lows[-1] in _TIME_CLOSERS else 0
    closed = closer == 1 or (stop < len(doc) and doc[stop].lower_ in _TIME_CLOSERS)
    timed = lows[: len(lows) - closer]

    def quantity(low: str) -> bool:
        return low in lex.determiners or low in lex.words.number_words or low.isdigit()

    if closed and len(timed) >= 2 and timed[-1] in lex.words.time_nouns and timed[-1] != "kali" and not (timed[-2].isdigit() or timed[-2] in lex.words.number_words):
        # "beberapa waktu lalu", never an age ("pemain 26 tahun ini" describes a person)
        cut = stop - closer - (2 if timed[-2] in lex.determiners else 1)
    elif len(lows) >= 3 and lows[-1] in ("itu", "ini", "kini") and lows[-2] in lex.words.time_adverbial_heads:
        cut = stop - 2  # "Korea Utara selama ini menyatakan", "Tamara kala itu mengatakan"
    elif len(lows) >= 2 and stop < len(doc) and doc[stop].lower_ in ("itu", "ini", "kini") and lows[-1] in lex.words.time_adverbial_heads:
        cut = stop - 1  # the demonstrative read as an adverb already
    elif closed and len(timed) >= 4 and "".join(timed[-3:]) == "baru-baru":
        cut = stop - closer - 3
    elif len(lows) >= 2 and lows[-1] == "kali" and quantity(lows[-2]):
        cut = stop - 2
    elif len(lows) >= 3 and "".join(lows[-3:]) in ("berkali-kali", "berulang-ulang"):
        cut = stop - 3  # the reduplicated word split at its hyphen
    elif lows and lows[-1] in ("berkali-kali", "berulang-ulang", "sesekali"):
        cut = stop - 1
    else:
        return end
    while cut > start and (doc[cut - 1].lower_ in lex.adverbs or doc[cut - 1].is_space):
        cut -= 1
    return cut


def _chunks(art: Article, start: int, end: int) -> list[tuple[int, int]]:
    """Comma-separated chunks of tokens ``[start, end)``, ignoring commas inside parentheses."""
    out, s, depth = [], start, 0
    for k in range(start, end):
        t = art.doc[k].text
        if t == "(":
            depth += 1
        elif t == ")":
            depth = max(0, depth - 1)
        elif t == "," and depth == 0 and not title_list_comma(art.doc, k, end, art.lex):
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
    return _time_adverbial(art, s, e)  # "Budi, beberapa waktu lalu, mengatakan"


def subject_before(art: Article, verb: int, start: int) -> Mention | None:
    """The subject phrase before a speech verb (``[Menteri X, Sergey Lavrov] berpendapat``), with
    the first name of two people named together (*A dan B mengatakan*; :func:`coordinated`)."""
    m = _subject_before(art, verb, start)
    return coordinated(art, m, before=True) or m


def _subject_before(art: Article, verb: int, start: int) -> Mention | None:
    doc, lex = art.doc, art.lex
    # "Kapolres X didampingi Kasat Reskrim Y mengatakan": the person accompanied speaks
    accompanied = next((k for k in range(verb - 1, start, -1) if doc[k].lower_ in lex.words.accompaniment_verbs and doc[k - 1].lower_ != "yang"), None)
    if accompanied is not None:
        principal = _subject_before(art, accompanied, start)
        if principal is not None:
            return principal
    end = verb
    # adverbs and auxiliaries right before the verb
    while end > start and ((doc[end - 1].lower_ in lex.adverbs and doc[end - 1].lower_ not in art.lex.words.near_demonstratives) or doc[end - 1].is_space):
        end -= 1
    end = before_frequency(art, start, end)
    if end - 3 > start and doc[end - 1].text == "," and doc[end - 2].lower_ in lex.words.example_adverbs:
        end -= 2  # "Seorang musisi misalnya, menulis": the subject before the adverb of example
        if doc[end - 1].text == ",":
            end -= 1  # "Seorang musisi, misalnya, menulis"
    if end - 2 > start and doc[end - 1].text == "," and doc[end - 2].lower_ in lex.words.demonstratives:
        end -= 1  # "Mantan Menteri Perhubungan era Presiden X itu, mengatakan": a comma before the verb
    chunks = _chunks(art, start, end)
    if end > start and doc[end - 1].lower_ in lex.words.demonstratives:
        # "Mantan Kapolda Metro Jaya itu mengatakan": the description that ends at the verb,
        # from the last chunk back over chunks of a date or place (kelahiran Bandar Lampung,
        # 26 Agustus 1962, itu)
        for ci in range(len(chunks) - 1, -1, -1):
            cs = skip(art, chunks[ci][0], end, set())
            while cs < end - 1 and doc[cs].lower_ in lex.connectors:
                cs += 1
            cs = _after_manner(art, cs, end)
            if cs < end and description_opener(art, cs):
                described = demonstrative_description(art, cs, end)
                if described is not None:
                    return described
                break
            if cs < end and not (doc[cs].like_num or doc[cs].lower_ in lex.words.demonstratives or doc[cs].text[:1].isupper()):
                break
    body = _body_before_its_description(art, chunks)
    if body is not None:
        return body
    relative = _relative_clause_head(art, chunks)
    if relative is not None:
        return relative
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
        if _never_the_subject(art, cs, ce, ci):
            continue
        # sentence connectors before the subject: "Lebih lanjut Enny mengatakan"
        while cs < ce - 1 and doc[cs].lower_ in lex.connectors:
            cs += 1
        # function words and adverbs opening the sentence: "Apalagi sebelumnya kakak Bella
        # Hadid itu …", "Dengan tegas politikus PKS itu meminta", "Secara tidak langsung Roy …"
        while cs < ce - 1 and _leading_adverbial(art, cs):
            cs += 1
        if ci == len(chunks) - 1 and (named := named_by_naming_word(art, cs, ce)) is not None:
            return named  # "Seorang nelayan yang bernama Rosa Mandagi mengatakan"
        if ci == len(chunks) - 1 and " ".join(t.lower_ for t in doc[cs:ce]) in lex.words.panel_heads:
            s, e = doc[cs].idx, doc[ce - 1].idx + len(doc[ce - 1].text)
            return Mention(s, e, art.text[s:e], "description", None, art.text[s:e], cs, ce)  # "Majelis hakim menyatakan": the panel
        if ci == len(chunks) - 1 and doc[cs].lower_ in lex.words.account_words and (handle := account_after(art, cs + 1, ce)) is not None and handle.tok_end == ce:
            return handle  # "Akun rizkiarraya menulis": the handle speaks
        # strip a trailing adjunct inside the chunk: "Ia, saat dihubungi" / "X yang ditemui di Y"
        phrase_end = np_end(doc, cs, ce, lex)
        rest = [t for t in doc[phrase_end:ce] if not t.is_space]
        origin = _name_then_origin(art, cs, ce)
        if origin is not None:
            phrase_end, rest = origin, []  # "Budi Santoso asal Surabaya mengatakan": where the named person is from
        if phrase_end <= cs or (
            rest
            and rest[0].lower_ not in lex.adjunct_starters
            and rest[0].lower_ not in lex.adverbs
            and rest[0].text != "("
            and rest[0].lower_ not in lex.days
            and rest[0].lower_ != "yang"
        ):
            if ci == len(chunks) - 1 and doc[cs].lower_ in lex.determiners and ce - cs >= 3 and tail_np(art, cs, ce) is not None and not any(
                t.is_punct or verb_like(t, lex) or t.lower_ in lex.adverbs or t.lower_ in ("yang", "ada") for t in doc[cs:ce]
            ):
                described = make_mention(doc, cs, ce, lex)
                if described is not None and described.kind == "description":
                    # "Sejumlah pembuat kebijakan Korsel mengatakan": the people described, not the
                    # country the phrase ends with (a phrase with no name in it stays the gate's doubt)
                    return described
            if relation_end(doc, cs, ce, lex) is not None and not any(t.is_punct for t in doc[cs:ce]):
                related = make_mention(doc, cs, ce, lex)
                if related is not None and related.kind == "description":
                    return related  # "Tim kuasa hukum Miryam menyatakan": the lawyers speak, not Miryam
            copula = ci > 0 and bool(rest) and rest[0].lower_ == "selaku"
            if copula:
                _, prev = _previous_chunk(art, chunks[_before_age(art, chunks, ci)])
                if prev is not None and prev.kind == "name" and make_mention(doc, cs, phrase_end, lex) is not None:
                    # "Rina, CEO PT Maju Jaya selaku promotor konser itu mengatakan": the title
                    # before selaku is the named subject's appositive
                    return merge(prev, role=tokens_text(doc, list(doc[cs:phrase_end])), tok_end=ce)
                copula = prev is None
            # after an adverbial chunk, a name with its role after selaku is the subject too
            # ("Di tempat yang sama, Budi selaku Presiden Direktur PT X menyatakan")
            head = (_head_before_clause(art, cs, ce) or _titled_name_before_adjunct(art, cs, ce)) if ci == 0 or copula else None
            if head is not None:
                return head
            # "Decky Senduk, sekretaris tim kampanye X, mengaku": a role chunk after a name
            if ci > 0:
                _, prev = _previous_chunk(art, chunks[_before_age(art, chunks, ci)])
                if prev is not None and prev.kind == "name" and (_lower_role_start(art, cs) or _unlisted_appositive(art, cs, prev) or _titled_organization_chunk(art, cs, ce, prev)):
                    return merge(prev, role=tokens_text(doc, list(doc[cs:ce])), tok_end=ce)
                if prev is not None and prev.kind == "organization" and _lower_role_start(art, cs) and prev.text.split()[0].lower() not in lex.function_words:
                    # "Snap Inc, pemilik aplikasi populer Snapchat, mengatakan": the body speaks;
                    # the name inside its description is what it owns or serves (not after an
                    # adjunct: "Dalam Sidang Terbuka, para kandidat …")
                    return merge(prev, role=tokens_text(doc, list(doc[cs:ce])), tok_end=ce)
            # "Mantan penyanyi cilik ini mengatakan": a description closed by a demonstrative
            # refers back to someone named before; the whole chunk is the subject
            if doc[ce - 1].lower_ in art.lex.words.demonstratives and 2 <= ce - cs <= 8:
                d = make_mention(doc, cs, ce, lex)
                if d is not None and d.kind in ("role", "description") and not any(t.is_punct for t in doc[cs:ce]):
                    return d
            if rest and rest[0].lower_ in lex.words.posting_prepositions and doc[cs].lower_ in lex.role_heads and not any(verb_like(t, lex) for t in doc[cs:ce]):
                whole = make_mention(doc, cs, ce, lex)
                if whole is not None and whole.kind in ("role", "name"):
                    return whole  # "Dubes Korea Utara untuk PBB menyatakan": the title with its posting, not the body posted to
            named = _titled_name_from_organization(art, cs, ce)
            if named is not None:
                return named  # "Analis pasar Mark Mahaney dari RBC Capital Markets menyebut"
            # the chunk does not open with the subject (a subheading or a clause glued
            # before it): take the noun phrase that ends at the verb, if any
            tail = tail_np(art, cs, ce)
            if tail is not None and tail > cs + 1 and doc[tail - 1].lower_ in lex.words.organization_prepositions and _description_chunk(art, cs, ce):
                whole = make_mention(doc, cs, ce, lex)
                if whole is not None and whole.kind in ("name", "organization") and (whole.role or "").split()[-1:] == [doc[tail - 1].text]:
                    # "Anggota parlemen dari Izeh mengatakan": the name right after the preposition
                    # is its object (where the described speaker serves or is), not the subject
                    s, e = doc[cs].idx, doc[ce - 1].idx + len(doc[ce - 1].text)
                    return Mention(s, e, art.text[s:e], "description", None, art.text[s:e], cs, ce)
            tail = _whole_titled_chunk(art, cs, ce, tail)
            if tail is None:
                return None
            cs, phrase_end = tail, ce
        second = _second_title_before_verb(art, cs, phrase_end, ce)
        if second is not None:
            return second
        principal = _principal(art, chunks, ci, start)
        if principal is not None:
            return principal
        m = make_mention(doc, cs, phrase_end, lex)
        if m is None:
            return None
        opening = m.kind == "name" and phrase_end - cs == 1 and doc[cs].i == art.tok_at(art.sents[art.sent_of(doc[cs].idx)].start)
        if opening and doc[cs].lower_ in lex.common_words:
            return None  # a capitalized common word opening the sentence is not a name
        if opening and doc[cs].lower_ in lex.running_text and not person_word(doc[cs].text, lex) and not capitalized_inside_a_sentence(art, doc[cs].text):
            # "Regulator menyatakan": a word of running text opening the sentence describes the speaker
            return Mention(m.start, m.end, m.text, "description", None, m.text, cs, phrase_end)
        if ci > 0:
            ps, prev = _previous_chunk(art, chunks[_before_age(art, chunks, ci)])
            if prev is not None:
                return _with_appositive(art, m, prev, ps, cs, phrase_end, ce)
            described = _description_before(art, m, ps, chunks[ci - 1][1])
            if described is not None:
                return described
        return m
    return None


def _second_title_before_verb(art: Article, cs: int, pe: int, ce: int) -> Mention | None:
    """*Ketua Panitia Lomba yang juga Bupati Gowa Adnan Purichta mengatakan*: a title, a
    continuer (``role_continuers``) that adds a second title, and the name that ends it, up to
    the verb: the named person speaks with both titles."""
    doc, lex = art.doc, art.lex
    s2 = second_title_start(art, pe, ce)
    if s2 is None or not doc[s2].text[:1].isupper():
        return None
    first = make_mention(doc, cs, pe, lex)
    if first is None or first.kind not in ("role", "description"):
        return None
    app = make_mention(doc, s2, ce, lex)
    if app is None or app.kind != "name" or not app.role or app.tok_end != ce or degree_text(app.text):
        return None
    return merge(app, role=tokens_text(doc, list(doc[cs : art.tok_at(app.start)])), tok_start=cs)


def _name_then_origin(art: Article, cs: int, ce: int) -> int | None:
    """Where the speaker's phrase ends when ``doc[cs:ce]`` is a name (perhaps after its title),
    then *asal* or *kelahiran* (``origin_words``) and capitalized words up to the verb: where
    the person is from, no part of who speaks (*Budi Santoso asal Surabaya mengatakan*)."""
    doc, lex = art.doc, art.lex
    at = next((k for k in range(cs + 1, ce - 1) if doc[k].lower_ in lex.words.origin_words and doc[k].lower_ != "dari"), None)
    if at is None or not all(t.text[:1].isupper() for t in doc[at + 1 : ce]):
        return None
    m = make_mention(doc, cs, at, lex)
    return at if m is not None and m.kind == "name" and m.tok_end == at else None


def _body_before_its_description(art: Article, chunks: list[tuple[int, int]]) -> Mention | None:
    """An organization that opens the sentence, then a lower-case description of it set off by
    commas before the verb (*IDN Media, perusahaan yang menaungi IDN Times, mengumumkan*; *…,
    perusahaan media digital asal Jakarta, mengatakan*: ``organization_description_heads``):
    the organization speaks, the description is its role."""
    doc, lex = art.doc, art.lex
    chunks = [(a, b) for a, b in chunks if skip(art, a, b, set()) < b]  # the empty one a comma before the verb leaves
    if len(chunks) != 2:
        return None
    cs, ce = chunks[1]
    cs = skip(art, cs, ce, set())
    if cs >= ce or not doc[cs].is_lower or doc[cs].lower_ not in lex.words.organization_description_heads:
        return None
    _, prev = _previous_chunk(art, chunks[0])
    if prev is None or prev.kind != "organization":
        return None
    return merge(prev, role=tokens_text(doc, list(doc[cs:ce])), tok_end=ce)


def capitalized_inside_a_sentence(art: Article, word: str) -> bool:
    """The article writes ``word`` capitalized after a word or comma of the same sentence
    somewhere (*kata Novel*, *Direktur X, Cucu Koswala*): a name there, not a word of running
    text capitalized because it opens a sentence."""
    return regex.search(rf"(?<=[\p{{L}}\p{{N}},] ){regex.escape(word)}(?![\p{{L}}\p{{N}}])", art.text) is not None


def _relative_clause_head(art: Article, chunks: list[tuple[int, int]]) -> Mention | None:
    """The subject when the chunk before the verb is part of a relative clause set off by a
    comma: *Naftali Bennett, yang memimpin partai Jewish Home pun mengatakan* (the chunk opens
    with *yang*), *Ketua Bawaslu I Ketut Rudia yang didampingi dua anggotanya, A dan B
    mengatakan* (the chunk before holds *yang* and a verb): the name before *yang*, not the
    names inside the clause."""
    doc, lex = art.doc, art.lex
    if len(chunks) < 2:
        return None
    cs, ce = chunks[-1]
    cs = skip(art, cs, ce, set())
    if cs < ce and doc[cs].lower_ == "yang":
        ps, pe = chunks[-2]
        ps, prev = _previous_chunk(art, (ps, pe))
        return prev if prev is not None and prev.kind in ("name", "organization") else None
    ps, pe = chunks[-2]
    k = next((k for k in range(ps, pe) if doc[k].lower_ == "yang"), None)
    if k is None or k + 1 >= pe or not (verb_like(doc[k + 1], lex) or doc[k + 1].lower_.startswith(("di", "ber", "me"))):
        return None
    if any(verb_like(t, lex) for t in doc[cs:ce]):
        return None  # the last chunk has a verb of its own: it is no part of the clause
    ps = skip(art, ps, pe, set())
    if ps >= k or np_end(doc, ps, k, lex) != k:
        return None
    head = make_mention(doc, ps, k, lex)
    return head if head is not None and head.kind == "name" else None


def _titled_name_before_adjunct(art: Article, cs: int, ce: int) -> Mention | None:
    """A title with its own lower-case words and a name, then an adjunct before the verb: *Duta
    Besar Arab Saudi untuk Indonesia Ahmad Fauzi dalam konferensi pers di Jakarta, Selasa,
    mengatakan* (the noun-phrase reader stops at *untuk*; the subject is the name, not
    *Jakarta*). The phrase opens with a title word and holds no verb or cue."""
    doc, lex = art.doc, art.lex
    if doc[cs].lower_ not in lex.role_heads:
        return None
    k = next((k for k in range(cs + 1, ce) if doc[k].is_lower and doc[k].lower_ in lex.adjunct_starters), None)
    if k is None or any(doc[j].lower_ in lex.cues or doc[j].is_punct for j in range(cs, k)):
        return None
    m = make_mention(doc, cs, k, lex)
    if m is None or m.kind != "name" or not m.role or _only_places(art, m) or art.tok_at(m.end) != k:
        return None
    return m


def _head_before_clause(art: Article, cs: int, ce: int) -> Mention | None:
    """A named subject that a relative clause or a role follows before the verb: *Agus Salim
    dari Lembaga X yang baru pulang dari Jepang mengatakan* (the name, not *Jepang*), *Bandai
    Namco selaku pengembang game ini menyatakan* (the company, its role after *selaku*). The
    words before *yang*, *selaku* or *sebagai* must be one name or organization, with at most
    the organization it is from."""
    doc, lex = art.doc, art.lex
    k = next((k for k in range(cs + 1, ce) if doc[k].lower_ in ("yang", "selaku", "sebagai")), None)
    if k is None or k >= ce - 1 or not doc[cs].text[:1].isupper():
        return None  # "… jajak pendapat yang menyatakan": the verb's own relative clause
    pe = np_end(doc, cs, k, lex)
    if pe <= cs:
        return None
    if pe < k and not (
        doc[pe].lower_ in lex.words.organization_prepositions and all(t.text[:1].isupper() or t.text in "()" or t.lower_ in ("dan", "&") for t in doc[pe + 1 : k])
    ):
        return None  # only an organization may stand between the name and the clause (Agus dari Lembaga X yang …)
    head = make_mention(doc, cs, pe, lex)
    if head is None or head.kind not in ("name", "organization") or any(t.is_punct and t.text not in "()" for t in doc[pe:k]):
        return None
    if head.start != doc[cs].idx and doc[cs].lower_ not in lex.role_heads:
        return None  # "Ribuan tenaga Satuan Pelayanan … yang …": words before the name that are no title
    words = (head.name or head.text).split()
    if words[0].lower() in lex.common_words or 2 * sum(w.lower() in lex.common_words for w in words) > len(words):
        return None  # "Hal ini yang …", "Langkah yang …": a capitalized common word, no name
    if doc[k].lower_ != "yang" and head.kind == "name" and not head.role:
        last = ce - 1 if doc[ce - 1].lower_ in lex.words.demonstratives else ce
        if last > k + 1:
            return merge(head, role=tokens_text(doc, list(doc[k + 1 : last])), tok_end=ce)
    return head


def _time_adverbial(art: Article, start: int, end: int) -> bool:
    """Tokens ``[start, end)`` are a time adverbial and nothing else: *baru-baru ini*, *pekan
    lalu*, *beberapa waktu lalu*, *dua tahun lalu*."""
    lex = art.lex
    lows = [t.lower_ for t in art.doc[start:end] if not t.is_space]
    if "".join(lows) == "baru-baruini":
        return True
    if len(lows) < 2 or lows[-1] not in _TIME_CLOSERS or lows[-2] not in lex.words.time_nouns:
        return False
    return all(w in lex.determiners or w in lex.words.number_words or w.isdigit() for w in lows[:-2])


def _before_age(art: Article, chunks: list[tuple[int, int]], ci: int) -> int:
    """The index of the chunk before chunk ``ci``, passing over an age set off by commas
    (*Saini, 35, warga setempat, mengatakan*)."""
    s, e = chunks[ci - 1]
    if ci > 1 and e - s == 1 and age_number(art.doc[s]):
        return ci - 2
    return ci - 1


def _previous_chunk(art: Article, chunk: tuple[int, int]) -> tuple[int, Mention | None]:
    """Where the chunk before the subject's starts (after connectors) and its mention, when the
    whole chunk is one noun phrase (an age in parentheses after a name set aside: *Saini
    (35), warga setempat, …*)."""
    ps, pe = chunk
    ps = skip(art, ps, pe, set())
    if pe - ps >= 4 and art.doc[pe - 3].text == "(" and age_number(art.doc[pe - 2]) and art.doc[pe - 1].text == ")":
        pe -= 3
    while ps < pe - 1 and art.doc[ps].lower_ in art.lex.connectors:
        ps += 1
    if pe - ps == 1 and (_adverbial_word(art, ps) or art.doc[ps].lower_ in art.lex.connectors):
        return ps, None  # "Hanya, penyerang itu …", "Sementara, rekan korban …": a sentence adverb set off by a comma
    if _time_adverbial(art, ps, pe):
        return ps, None  # "Baru-baru ini, aktor …", "Pekan lalu, …": a time adverbial set off by a comma
    if ps < pe and running_verb(art.doc[ps], art.lex):
        return ps, None  # "Melansir Straits Times, Menteri …": a clause of citing set off by a comma
    if ps < pe and np_end(art.doc, ps, pe, art.lex) == pe:
        return ps, make_mention(art.doc, ps, pe, art.lex)
    return ps, None


def _with_appositive(art: Article, m: Mention, prev: Mention, ps: int, cs: int, phrase_end: int, ce: int) -> Mention:
    """The subject ``m`` (tokens ``cs``–``phrase_end``) with the appositive chunk before it
    (``prev``, from token ``ps``): *Menteri Luar Negeri Rusia, Sergey Lavrov* / *Yayat, Kepala
    Bidang X,* / *Aziz Yanuari, kuasa hukum Rizieq Shihab,*."""
    doc = art.doc
    if prev.kind == "name" and len((prev.name or "").split()) >= 2 and title_of_a_place(art, m):
        # "Budi Hartono, Kepala Program Studi Akuntansi mengatakan": the title after the full
        # name is the person's, its last word no second name
        return merge(prev, role=tokens_text(doc, list(doc[cs:phrase_end])), tok_end=phrase_end)
    closed = ce < len(doc) and doc[ce].text == ","
    if m.kind == "name" and prev.kind == "name" and not prev.role and doc[cs].lower_ in art.lex.role_heads and m.role and (
        (closed and (len((prev.name or "").split()) >= 2 or not person_word((m.name or "").split()[0], art.lex)))
        or (len((prev.name or "").split()) >= 2 and not any(person_word(w, art.lex) for w in (m.name or "").split()))
    ):
        # "Rina Wulandari, VP Marketing Maju Jaya Technologies, memastikan", "Siswono, Kepala
        # Badan Kebijakan Kemlu, mengatakan", "Djoko Hariyanto, Kepala UPT Lokawisata Baturraden
        # menyebut": a name, then a title set off by a comma: the title and its organization
        # are the person's (no first-name word among the title's last words)
        return merge(prev, role=tokens_text(doc, list(doc[cs:phrase_end])), tok_end=phrase_end)
    if m.kind == "name" and prev.kind in ("role", "description") and not _starts_sentence_adverbial(art, ps):
        return merge(m, role=prev.role or prev.text, tok_start=ps)
    if m.kind in ("role", "description") and prev.kind == "name":
        if role_goes_on(art, phrase_end, ce):  # "…, anggota Ombudsman yang juga pengamat penerbangan,"
            return merge(prev, role=tokens_text(doc, list(doc[cs:ce])), tok_end=ce)
        return merge(prev, role=m.role or m.text, tok_end=m.tok_end)
    if m.kind == "name" and prev.kind == "organization" and closed and _lower_role_start(art, cs) and prev.text.split()[0].lower() not in art.lex.function_words:
        # "Snap Inc, pemilik aplikasi Snapchat, mengatakan": the body speaks; the name in its
        # description is what it owns or serves
        return merge(prev, role=tokens_text(doc, list(doc[cs:phrase_end])), tok_end=phrase_end)
    if m.kind == "name" and prev.kind == "name" and _lower_role_start(art, cs) and doc[ps].lower_ not in art.lex.stop_words:
        # "Aziz Yanuari, kuasa hukum Rizieq Shihab, menyatakan": the name in the
        # appositive is the one the subject works for
        return merge(prev, role=tokens_text(doc, list(doc[cs:phrase_end])), tok_end=phrase_end)
    return m


def _never_the_subject(art: Article, cs: int, ce: int, ci: int) -> bool:
    """A chunk that is never the subject: a degree after the name (*dr. Siti Rahma, M.Epid,
    menyampaikan*), or conjunctions and function words only (*Namun, …*, *Meskipun …*)."""
    doc, lex = art.doc, art.lex
    if ci > 0 and (all(degree_like(t, lex) or t.is_punct for t in doc[cs:ce]) or degree_text(doc[cs:ce].text.strip())):
        return True  # "Sp. A(K)" written apart is one degree too
    if ci > 0 and ce - cs == 1 and doc[cs].text[:1].islower() and lex.is_honorific(doc[cs].text):
        return True  # "Prof Dr Budi Setiabudiawan, dr., Sp.A(K), mengatakan": a doctor's title after the name
    if ci > 0 and (_place_after_a_place_adjunct(art, cs, ce) or _address_unit(art, cs, ce)):
        return True
    return all(doc[k].lower_ in lex.connectors or doc[k].lower_ in lex.function_words for k in range(cs, ce))


def _address_unit(art: Article, cs: int, ce: int) -> bool:
    """A chunk that names an administrative unit (*Kecamatan Cibeber*: ``place_markers``, then
    capitalized words) right after a chunk that names one too (*Budi, warga Desa Sukamaju,
    Kecamatan Cibeber, mengatakan*): the address goes on; the unit is no subject."""
    doc, lex = art.doc, art.lex
    markers = lex.words.place_markers
    words = [t for t in doc[cs:ce] if not t.is_space]
    if len(words) < 2 or words[0].lower_ not in markers or words[0].lower_ == "di" or not all(t.text[:1].isupper() for t in words):
        return False
    k = cs - 2  # the word before the comma
    while k >= 0 and doc[k].text not in {",", ".", ";", ":"} and k > cs - 12:
        if doc[k].lower_ in markers and doc[k].lower_ != "di" and k + 1 < cs - 1 and doc[k + 1].text[:1].isupper():
            return True
        k -= 1
    return False


def _place_after_a_place_adjunct(art: Article, cs: int, ce: int) -> bool:
    """A chunk of place words only right after a place adjunct (*Kepala BNPB Willem
    Rampangilei di Karangasem, Bali, Sabtu, menjelaskan*): the adjunct's place goes on; it is
    no organization speaking."""
    doc, lex = art.doc, art.lex
    words = [t for t in doc[cs:ce] if not t.is_space]
    if not words or not all(t.text[:1].isupper() and (t.lower_ in lex.places or t.lower_ in lex.place_words) for t in words):
        return False
    k = cs - 2  # the word before the comma
    while k >= 0 and doc[k].text[:1].isupper() and k > cs - 8:
        k -= 1
    if k >= 0 and doc[k].lower_ in lex.words.posting_prepositions:
        return True
    # "MUI Kota Sukabumi, Jawa Barat mengimbau": the region of a place named with its marker
    run = doc[k + 1 : cs - 1]
    return len(run) >= 2 and any(t.lower_ in lex.words.place_markers and t.lower_ != "di" for t in run[:-1])


def _subject_after_adjunct(art: Article, cs: int, ce: int) -> Mention | None:
    """A named subject at the end of a chunk that opens with an adjunct (*di sisi lain mantan
    Ketua DPR Setya Novanto meminta*): a name with a role or of two words or more, or any name
    after a time adverbial (*…, saat ini Feedr mengklaim*)."""
    tail = tail_np(art, cs, ce)
    if tail is None or tail <= cs:
        return None
    m = make_mention(art.doc, tail, ce, art.lex)
    if m is None or m.kind != "name" or _only_places(art, m):
        return None
    # a time adverbial before it (saat ini, sebelumnya, kini) leaves a one-word name the subject
    timed = all(art.doc[j].lower_ in art.lex.adverbs or art.doc[j].is_space for j in range(skip(art, cs, ce, set()), tail))
    if not (m.role or len((m.name or "").split()) >= 2 or timed):
        return None
    return m


def _only_places(art: Article, m: Mention) -> bool:
    """Every word of the mention's name is a place's (*Jawa Barat*, *Purworejo*)."""
    words = (m.name or "").split()
    lex = art.lex
    return bool(words) and all((w.lower() in lex.places or w.lower() in lex.place_words) and not person_word(w, lex) for w in words)


def _whole_titled_chunk(art: Article, cs: int, ce: int, tail: int | None) -> int | None:
    """Where the subject starts in a chunk the noun-phrase reader stops inside: the whole chunk
    when it is a lower-case title, an organization and a name (*Mantan bek klub Persiba Budi
    Santoso mengatakan*), else ``tail`` (the noun phrase that ends at the verb). Not after a
    preposition (*Anggota parlemen dari Izeh*) nor for a description closed by a demonstrative
    (*Adik dari Zaskia Sungkar ini*: a relation)."""
    doc, lex = art.doc, art.lex
    if tail is None or tail <= cs or not _description_chunk(art, cs, ce):
        return tail
    whole = make_mention(doc, cs, ce, lex)
    if whole is None or whole.kind != "name" or not whole.role:
        return tail
    k = art.tok_at(whole.start)
    if k - 1 > cs and doc[k - 1].lower_ not in lex.function_words and doc[ce - 1].lower_ not in lex.words.demonstratives and len((whole.name or "").split()) >= 2:
        return cs
    return tail


def _description_before(art: Article, m: Mention, ps: int, pe: int) -> Mention | None:
    """The subject's name with the description before it that the noun-phrase reader stops
    inside (*Manajer hotel itu, Rina,* / *Seorang ibu di Kecamatan Tamalate, Nurhayati (34),*)."""
    doc = art.doc
    pend = np_end(doc, ps, pe, art.lex) if ps < pe else ps
    if m.kind == "name" and ps < pend < pe and _description_chunk(art, ps, pe) and not _starts_sentence_adverbial(art, ps):
        last = pe - 1 if doc[pe - 1].lower_ in art.lex.words.demonstratives else pe
        return merge(m, role=tokens_text(doc, list(doc[ps:last])), tok_start=ps)
    return None


def _description_chunk(art: Article, s: int, e: int) -> bool:
    """``doc[s:e]`` reads as a title or description set off by commas: it opens with a role
    head, a description head, a determiner or a role modifier (*Manajer …*, *Seorang ibu …*,
    *Mantan …*) and holds no verb, cue or clause word (only the prepositions and conjunctions
    titles use, and a final demonstrative)."""
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
        if t.text[:1].islower() and len(low) > 5 and low.startswith(lex.words.description_verb_prefixes) and low not in lex.role_heads:
            return False  # a verb: a clause, not a title
    return True


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


def _lower_role_start(art: Article, k: int) -> bool:
    """Token ``k`` opens a lower-case role or description (*sekretaris tim …*, *kuasa hukum …*)."""
    tok = art.doc[k]
    return tok.text[:1].islower() and (tok.lower_ in art.lex.role_heads or tok.lower_ in art.lex.descriptors)


def _titled_name_from_organization(art: Article, cs: int, ce: int) -> Mention | None:
    """The chunk ``doc[cs:ce]`` is a title and a name, then a preposition that introduces an
    organization and that organization's capitalized name up to the verb (*Analis pasar Mark
    Mahaney dari RBC Capital Markets menyebut*): the named person speaks, the organization
    belongs to their role."""
    doc, lex = art.doc, art.lex
    prep = next((k for k in range(cs + 1, ce - 1) if doc[k].lower_ in lex.words.organization_prepositions), None)
    if prep is None or not all(t.text[:1].isupper() or t.text in "()" for t in doc[prep + 1 : ce]):
        return None
    if prep == cs + 1:
        return _name_from_organization(art, cs, prep, ce)
    if any(not t.is_alpha or t.lower_ in lex.cues or verb_like(t, lex) or t.lower_ in lex.function_words for t in doc[cs:prep]):
        return None
    person = make_mention(doc, cs, prep, lex)
    if person is not None and person.kind == "name" and person.role and len((person.name or "").split()) >= 2:
        return merge(person, role=f"{person.role} {tokens_text(doc, list(doc[prep:ce]))}", tok_end=ce)
    # "Raha Spehrara dokter gigi dari Dental Suites Clinic mengungkapkan", "Zi Bin Cheah alias Zac
    # dari Pundi X mengatakan": a full name, then its lower-case title or its nickname
    ne = cs
    while ne < prep and doc[ne].text[:1].isupper():
        ne += 1
    if ne == prep and all(t.text[:1].isupper() for t in doc[cs:prep]):
        return _name_from_organization(art, cs, prep, ce)
    named = make_mention(doc, cs, ne, lex) if cs < ne < prep else None
    if named is None or named.kind != "name" or named.role or len((named.name or "").split()) < 2:
        return None
    rest = list(doc[ne:prep])
    titled = all(t.text.islower() for t in rest) and (rest[0].lower_ in lex.role_heads or rest[0].lower_ in lex.descriptors or lex.is_role_word(rest[0].lower_))
    nicknamed = rest[0].lower_ in ("alias", "atau") and len(rest) <= 3 and all(t.text[:1].isupper() for t in rest[1:])
    if not (titled or nicknamed):
        return None
    role = tokens_text(doc, list(doc[ne:ce])) if titled else tokens_text(doc, list(doc[prep + 1 : ce]))
    return merge(named, role=role, tok_end=ce)


def _name_from_organization(art: Article, cs: int, prep: int, ce: int) -> Mention | None:
    """``doc[cs:prep]`` is a name alone, then *dari* and capitalized words up to the verb
    (*Anggi dari Schmiley Mo mengatakan*): the named person speaks, from that organization (its
    role; none when it is a place: *Wawan dari Bekasi*)."""
    doc, lex = art.doc, art.lex
    named = make_mention(doc, cs, prep, lex)
    if named is None or named.kind != "name" or named.role or named.tok_end != prep:
        return None
    body = make_mention(doc, prep + 1, ce, lex)
    if body is None or body.kind not in ("name", "organization") or body.tok_end != ce:
        return None
    place = all(t.lower_ in lex.places or t.lower_ in lex.place_words for t in doc[prep + 1 : ce])
    return merge(named, role=None if place else tokens_text(doc, list(doc[prep + 1 : ce])), tok_end=ce)


def _titled_organization_chunk(art: Article, cs: int, ce: int, prev: Mention) -> bool:
    """The chunk ``doc[cs:ce]`` after a full name opens with a capitalized title and names no
    person, only an organization after a preposition (*Rusdi Samawa, Koordinator Aksi dari
    Aliansi Nelayan Indonesia, memperkirakan*): the title of the person named before."""
    doc, lex = art.doc, art.lex
    if len((prev.name or "").split()) < 2 or not (doc[cs].text[:1].isupper() and doc[cs].lower_ in lex.role_heads):
        return False
    prep = next((k for k in range(cs + 1, ce) if doc[k].lower_ in lex.words.organization_prepositions), None)
    if prep is None or prep + 1 >= ce:
        return False
    org = make_mention(doc, prep + 1, ce, lex)
    return org is not None and org.kind == "organization" and org.tok_end == ce


def _unlisted_appositive(art: Article, k: int, prev: Mention | None) -> bool:
    """Token ``k`` opens a lower-case noun phrase no list knows (*bos Pirelli …*) set off after
    a full name (two words or more, not opening with a common word): an appositive about
    that person. Not a function word, adverb, pronoun, cue or verb (*me-*, *ber-*, *di-*, *ter-*)."""
    tok, lex = art.doc[k], art.lex
    low = tok.lower_
    if prev is None or prev.kind != "name" or len((prev.name or "").split()) < 2 or prev.text.split()[0].lower() in lex.common_words:
        return False
    if not (tok.is_alpha and tok.text[:1].islower()) or low in lex.function_words or low in lex.adverbs or low in lex.pronouns or low in lex.cues:
        return False
    return not low.startswith(tuple(lex.words.description_verb_prefixes))


def tail_np(art: Article, start: int, end: int) -> int | None:
    """Start of the capitalized noun phrase that runs up to ``end`` (``None`` if there is none)."""
    doc, lex = art.doc, art.lex
    for p in range(max(start, end - 12), end):
        t = doc[p]
        if _governed_place_start(art, p, end):
            return p  # "setelah pemerintah Iran menuduh": the institution, head and place
        if not (t.text[:1].isupper() or t.lower_ in lex.pronouns or t.lower_ in lex.determiners):
            continue
        if t.lower_ in lex.function_words and t.lower_ not in lex.pronouns:
            continue
        if np_end(doc, p, end, lex) == end:
            return p
    return None


def _governed_place_start(art: Article, p: int, end: int) -> bool:
    """A governing institution's head at ``p`` (``governing_heads``: *pemerintah*, *militer*),
    at most one lower-case word after it (*lokal*, *militer*), then capitalized words up to
    ``end``: the institution of that place (*Pemerintah lokal Afghanistan sebelumnya
    menyebutkan*), which the noun-phrase reader would cut at the lower-case word."""
    doc, lex = art.doc, art.lex
    if doc[p].lower_ not in lex.words.governing_heads:
        return False
    q = p + 1
    if q < end and doc[q].is_lower and doc[q].is_alpha and doc[q].lower_ not in lex.function_words and not verb_like(doc[q], lex):
        q += 1
    return q < end and doc[q].text[:1].isupper() and all(t.text[:1].isupper() for t in doc[q:end]) and np_end(doc, q, end, lex) == end


def _leading_adverbial(art: Article, k: int) -> bool:
    """Token ``k`` is a function word or an adverb that opens its sentence, or follows one that
    does (*Apalagi sebelumnya …*, *Dengan tegas …*): no part of the subject. Pronouns,
    determiners (*Para petani*), *yang* (*Yang bersangkutan*) and words that open a description
    or a title are."""
    doc = art.doc
    if not _adverbial_word(art, k):
        return False
    sent_start = art.tok_at(art.sents[art.sent_of(doc[k].idx)].start)
    return all(_adverbial_word(art, j) or doc[j].is_space or doc[j].text in QUOTE_MARK_CHARS for j in range(sent_start, k))


def _after_manner(art: Article, k: int, end: int) -> int:
    """Past a manner adverbial that opens the chunk at ``k`` (*dengan tegas*, *dengan
    bercanda*: *dengan* and an adverb or a verb) when a description follows it (*Namun, dengan
    bercanda bintang film itu menambahkan*); else ``k``."""
    doc, lex = art.doc, art.lex
    if k + 2 < end and doc[k].lower_ in lex.words.manner_openers and doc[k + 1].text.islower():
        low = doc[k + 1].lower_
        if (low in lex.adverbs or low.startswith(tuple(lex.words.description_verb_prefixes))) and description_opener(art, k + 2):
            return k + 2
    return k


def _adverbial_word(art: Article, k: int) -> bool:
    """Token ``k`` is a function word or an adverb that opens no description or title."""
    lex = art.lex
    low = art.doc[k].lower_
    if not (low in lex.function_words or low in lex.adverbs) or low in lex.pronouns or low in lex.determiners or low == "yang":
        return False
    return not (low in lex.role_heads or low in lex.descriptors or low in lex.anaphoric_heads)


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
        for outlet in outlets:  # longest first
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
