"""Indirect and mixed quotes: reported content without quotation marks, found from its cue."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from spacy.tokens import Doc, Token

from quoteattr.article import Article
from quoteattr.candidates.after_cue import after_honorifics, demonstrative_description, described_until_name
from quoteattr.candidates.clauses import clause_end, clause_start, content_span, looks_cue_tail, skip, trim_end, word_before
from quoteattr.candidates.gate import Gate, Reading, gate_features
from quoteattr.candidates.record import Candidate, CueSite, Pattern
from quoteattr.candidates.speaker_phrase import (
    before_frequency,
    capitalized_inside_a_sentence,
    mention_after,
    merge,
    subject_before,
    tail_np,
    via_after,
)
from quoteattr.cues import CueForm
from quoteattr.lexicon import Lexicon
from quoteattr.mentions import QUOTE_MARK_CHARS, Mention, clitic_mention, make_mention, np_end, person_word, tokens_text
from quoteattr.mentions.words import age_number, degree_text, hyphen_inside_a_word, short_name_word
from quoteattr.roles import verb_like


def indirect_candidates(art: Article, used_quotes: set[int], gate: Gate | None = None) -> list[Candidate]:
    """Every indirect or mixed quote of the article: each cue outside quotation marks is read
    by the rule of :data:`INDIRECT_RULES` for its kind. ``used_quotes`` are the indexes of the
    quote-mark spans already taken as direct quotes; ``gate`` (:mod:`.gate`) decides on the
    readings of speech verbs and *menurut* the rules doubt (``None``: the rules alone)."""
    doc = art.doc
    out: list[Candidate] = []
    seen: set[tuple[int, int]] = set()
    for si, sent in enumerate(art.sents):
        s_tok, e_tok = art.sent_toks(si)
        para = art.para_of(sent.start)
        k = s_tok
        while k < e_tok:
            cue = art.cue(k)
            if cue is None or art.enclosing(doc[k].idx) is not None:
                k += 1
                continue
            site = CueSite(k=k, s_tok=s_tok, e_tok=e_tok, sent=sent, si=si, para=para)
            c = _read_cue(art, site, cue, out, gate)
            if c is not None and _object_before_a_clause(art, c, site, out, gate):
                c = None  # "Usai Budi menyampaikan pidatonya, Gubernur X menyatakan …": the later verb's quote
            if c is not None and _document_source(art, c.mention):
                c = None  # "Menurut data BPS, …", "Survei LSI menyebutkan …": a fact from a source, not speech
            if c is not None and art.enclosing(c.start) not in used_quotes:
                c = _beside_direct_quotes(art, c, used_quotes)
                if c is not None and (c.start, c.end) not in seen:
                    seen.add((c.start, c.end))
                    out.append(c)
                    # a second cue in the same sentence ("…, menambahkan bahwa …") may follow
                    k = max(k + 1, art.tok_at(c.end))
                    continue
            k += 1
    return out


def _object_before_a_clause(art: Article, c: Candidate, site: CueSite, found: list[Candidate], gate: Gate | None) -> bool:
    """The content read after the speech verb is one lower-case noun, its object, a comma, then
    a clause with a subject and a speech verb of its own (*Usai Budi menyampaikan pidatonya,
    Gubernur Jawa Tengah Ganjar Pranowo menyatakan bahwa …*): the verb's object is no speech,
    the later verb reads the sentence."""
    doc, lex = art.doc, art.lex
    first = art.tok_at(c.start)
    last = art.tok_at(max(c.start, c.end - 1))
    comma = first + 1
    if comma >= last or doc[comma].text != ",":
        return False
    obj = doc[first]
    if not (obj.is_alpha and obj.text.islower()) or obj.lower_ in lex.function_words or obj.lower_ in lex.adverbs or obj.lower_ in lex.adjunct_starters or obj.lower_ in lex.pronouns:
        return False  # "…, sebelumnya, …": an adverb, not the verb's object
    for k2 in range(comma + 2, last + 1):
        cue2 = art.cue(k2)
        if cue2 is None or cue2.kind != "active":
            continue
        later = _read_cue(art, CueSite(k=k2, s_tok=site.s_tok, e_tok=site.e_tok, sent=site.sent, si=site.si, para=site.para), cue2, found, gate)
        return later is not None and later.mention is not None and later.mention.tok_start > comma
    return False


def _read_cue(art: Article, site: CueSite, cue: CueForm, found: list[Candidate], gate: Gate | None) -> Candidate | None:
    """The candidate the rule of :data:`INDIRECT_RULES` for ``cue``'s kind reads at ``site``
    (``found``: the candidates so far)."""
    for _rule_id, applies, read in INDIRECT_RULES:
        if applies(cue):
            return read(art, site, found, gate)
    return None


def _beside_direct_quotes(art: Article, c: Candidate, used_quotes: set[int]) -> Candidate | None:
    """``c`` fitted to the quote-mark spans it touches: content that is one attributed direct
    quote is that quote's cue (``None``); content running into a direct quote ends where it
    begins; quoted fragments that are no direct quote make it a mixed quote."""
    text = art.text

    def in_direct(char: int) -> bool:
        return art.enclosing(char) in used_quotes

    qs = [art.quotes[i] for i in art.doubles_between(c.start - 1, c.end + 2)]
    at = art.enclosing(c.start)
    if at is None and c.start + 1 < len(text):
        at = art.enclosing(c.start + 1) if text[c.start] in QUOTE_MARK_CHARS else None
    if at is not None and art.quotes[at].open <= c.start <= art.quotes[at].start and at in used_quotes:
        return None
    if any(in_direct(q.open) for q in qs):
        # ends where a direct quote begins
        first = min(q.open for q in qs if in_direct(q.open))
        ce = trim_end(text, c.start, first)
        while ce > c.start and text[ce - 1] in " ,:":
            ce -= 1
        if ce - c.start < 8:
            return None
        c.end = ce
        qs = [q for q in qs if q.close <= ce + 1]
    frags = [q for q in qs if not in_direct(q.open)]
    if frags:
        c.type = "mixed"
        c.fragments = frags
    return c


def _found(
    art: Article, site: CueSite, span: tuple[int, int], pattern: Pattern, mention: Mention | None, *,
    via: str | None = None, sent: int | None = None, cue_last: int | None = None,
) -> Candidate:
    """The indirect candidate ``span`` of ``site``; the cue runs from token ``site.k`` to
    ``cue_last`` (default: the one token), ``sent`` overrides the sentence index."""
    first = art.doc[site.k]
    last = art.doc[cue_last] if cue_last is not None else first
    cue_end = last.idx + len(last.text)
    return Candidate(
        type="indirect", start=span[0], end=span[1], pattern=pattern, cue=art.text[first.idx : cue_end], cue_start=first.idx, cue_end=cue_end,
        mention=mention, via=via, closed=True, para=site.para, sent=site.si if sent is None else sent,
    )


def _menurut(art: Article, site: CueSite, gate: Gate | None) -> Candidate | None:
    """``indirect_menurut``: Menurut Budi, jalan itu dibuka pekan depan. / Menurutnya partai …;
    ``indirect_menurut_after``: Jalan itu dibuka pekan depan, menurut Budi;
    ``indirect_menurut_learned``: a reading the rules doubt that the learned ``gate`` takes."""
    return _decide(art, site, read_menurut(art, site), gate, "indirect_menurut_learned")


def _decide(art: Article, site: CueSite, r: Reading | None, gate: Gate | None, learned: Pattern) -> Candidate | None:
    """The candidate of reading ``r``: the rules take it without doubts; with doubts, the
    learned ``gate`` decides (pattern ``learned``), never on content that opens a quotation
    (a direct quote's, read by its own rules)."""
    if r is None:
        return None
    cue = art.cue(site.k)
    if not r.doubts:
        if gate is not None and cue is not None and r.pattern == "indirect_verb" and not r.introduced and not gate.keeps(gate_features(art, site.k, cue, r), r.span):
            return None  # the learned gate drops a speech verb's plain object (a noun phrase, no statement)
        return _found(art, site, r.span, r.pattern, r.mention, cue_last=r.cue_last)
    if gate is None or cue is None or art.text[r.span[0]] in QUOTE_MARK_CHARS:
        return None
    if not gate(gate_features(art, site.k, cue, r), r.span):
        return None
    return _found(art, site, r.span, learned, r.mention, cue_last=r.cue_last)


def read_menurut(art: Article, site: CueSite) -> Reading | None:
    """The speaker and content of *menurut* at ``site``: the rules' reading, else the first
    reading they doubt (*Padahal menurut X, …*: inside a clause; *Menurut produsen, …*: a
    speaker they do not read; *Menurut X* and long content without a comma); ``None`` when
    there is none."""
    doubted = None
    for r in _menurut_readings(art, site):
        if not r.doubts:
            return r
        doubted = doubted or r
    return doubted


def _menurut_readings(art: Article, site: CueSite) -> Iterator[Reading]:
    k, s_tok, e_tok, sent = site.k, site.s_tok, site.e_tok, site.sent
    doc, lex = art.doc, art.lex
    cue = art.cue(k)
    assert cue is not None
    # preceded by sentence start, a comma, or a sentence adverbial
    j = word_before(art, k, s_tok)
    at_start = j < s_tok or doc[j].text == "," or doc[j].lower_ in lex.words.menurut_openers
    doubts: list[str] = []
    speaker = _menurut_speaker(art, site, cue.clitic)
    if speaker is None:
        speaker = _plain_menurut_speaker(art, site)
        if speaker is None:
            return
        doubts.append("menurut_plain_speaker")
    m, me = speaker
    if j >= s_tok and m.kind in ("role", "description") and not _closes_sentence(art, me, e_tok):
        # "…, menurut rumah lelang Pelita Jaya.": the words up to the sentence's end are the speaker
        plain = _plain_menurut_speaker(art, site)
        if plain is not None and plain[1] > me and _closes_sentence(art, plain[1], e_tok):
            m, me = plain
    # content after the comma: Menurut X, …
    after = me
    while after < e_tok and doc[after].is_space:
        after += 1
    # skip adjuncts between the speaker and the comma ("menurut X dalam keterangannya, …")
    comma = after
    while comma < e_tok and doc[comma].text != "," and comma - after < 12:
        comma += 1
    if comma < e_tok and doc[comma].text == ",":
        start_tok = comma + 1
        if start_tok < e_tok and doc[start_tok].text in QUOTE_MARK_CHARS:
            return  # Menurut X, “…” is a direct quote's cue
        end = clause_end(art, start_tok, e_tok, sent)
        span = content_span(art, start_tok, end)
        if span:
            yield Reading("indirect_menurut", span, m, k, start_tok, True, tuple(doubts + ([] if at_start else ["menurut_opener"])))
    # "Menurutnya partai politik …" / "Menurut Budi pelaporan itu …" / "Hal itu menurutnya
    # harus …": no comma, the content runs on after the speaker (at least four words of it,
    # the name ending where its capitals end); like every cue inside a sentence, the content
    # is what follows the speaker
    if doc[k].lower_ != "seturut" and (at_start or j >= s_tok) and me < e_tok and (comma >= e_tok or doc[comma].text != ","):
        first = doc[me]
        rest = [t for t in doc[me:e_tok] if not t.is_space and not t.is_punct]
        if len(rest) >= 4 and first.is_alpha and first.lower_ not in lex.adjunct_starters and first.lower_ not in lex.words.menurut_not_content:
            span = content_span(art, me, clause_end(art, me, e_tok, sent))
            if span:
                more = [] if comma >= e_tok else ["menurut_long"]
                if m.kind not in ("name", "pronoun", "clitic"):
                    more.append("menurut_speaker_kind")
                yield Reading("indirect_menurut", span, m, k, me, False, tuple(doubts + more))
    # …, menurut X.
    if j >= s_tok and doc[j].text == ",":
        rest = [t for t in doc[me:e_tok] if not t.is_space and not t.is_punct]
        if len(rest) <= 8:
            cs = clause_start(art, s_tok, j)
            span = content_span(art, cs, doc[j].idx)
            if span:
                yield Reading("indirect_menurut_after", span, m, k, cs, False, tuple(doubts))
    # "… ingin menjadi monster menurut sutradara X di festival itu, Senin.": no comma, the
    # speaker closes the sentence (an adjunct of place or time at most after it), and a clause
    # of four words or more stands before it
    elif j >= s_tok and doc[k].lower_ == "menurut" and _closes_sentence(art, me, e_tok):
        cs = clause_start(art, s_tok, k)
        words = [t for t in doc[cs:k] if not t.is_space and not t.is_punct]
        if len(words) >= 4 and any(verb_like(t, lex) for t in words):
            last = doc[word_before(art, k, s_tok)]
            span = content_span(art, cs, last.idx + len(last.text))
            if span:
                yield Reading("indirect_menurut_after", span, m, k, cs, False, (*doubts, "menurut_after_no_comma"))


def _closes_sentence(art: Article, me: int, e_tok: int) -> bool:
    """Nothing but punctuation stands after token ``me`` in the sentence, or one adjunct of
    place or time of up to six words (*di festival film Venesia, Senin*) with no verb."""
    doc, lex = art.doc, art.lex
    rest = [t for t in doc[me:e_tok] if not t.is_space and not t.is_punct]
    if not rest:
        return True
    return (rest[0].lower_ in lex.adjunct_starters or rest[0].lower_ in lex.days) and len(rest) <= 6 and not any(verb_like(t, lex) for t in rest)


def _plain_menurut_speaker(art: Article, site: CueSite) -> tuple[Mention, int] | None:
    """The words after *menurut* up to a comma as its speaker, when the speaker rules read
    none there (*Menurut produsen, …*, *Menurut perwakilan properti X, …*): one to six words,
    none of them punctuation, a document or a lower-case verb."""
    k, e_tok = site.k, site.e_tok
    doc, lex = art.doc, art.lex
    start = k + 1
    end = start
    inside = word_before(art, k, site.s_tok) >= site.s_tok  # "…, menurut balai lelang X.": it may close the sentence
    while end < e_tok and doc[end].text != "," and end - start < 7:
        if inside and end > start and (doc[end].text in (".", "!", "?") or ((doc[end].lower_ in lex.adjunct_starters or doc[end].lower_ in lex.days) and _closes_sentence(art, end, e_tok))):
            break
        if doc[end].is_punct or doc[end].is_space or verb_like(doc[end], lex) or doc[end].lower_ in lex.document_heads:
            return None
        end += 1
    if not (1 <= end - start <= 6 and ((end < e_tok and doc[end].text == ",") or (inside and _closes_sentence(art, end, e_tok)))):
        return None
    m = make_mention(doc, start, end, lex)
    if m is None:
        s, e = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
        m = Mention(s, e, art.text[s:e], "description", None, art.text[s:e], start, end)
    return m, end


def _menurut_speaker(art: Article, site: CueSite, clitic: bool) -> tuple[Mention, int] | None:
    """The speaker after *menurut* at ``site`` and the token after it: the clitic of *menurutnya*,
    or a noun phrase after the source nouns (*menurut keterangan Budi*) with its appositive
    (*Menurut Budi, Kepala Desa X, …*; *Menurut kuasa hukum Joko Tjandra, Anita Kolopaking, …*);
    ``None`` for a document (*Menurut data BPS*) or no phrase."""
    k, e_tok = site.k, site.e_tok
    doc, lex = art.doc, art.lex
    if clitic:
        return clitic_mention(doc, k), k + 1
    ms = skip(art, k + 1, e_tok, lex.words.menurut_source_nouns)
    if any(t.lower_ in lex.document_heads for t in doc[k + 1 : ms + 1]):
        return None  # "Menurut data BPS, …", "Menurut laporan The Sun, …": a fact from a document
    comma = next((x for x in range(ms + 1, min(e_tok, ms + 26)) if doc[x].text == ","), None)
    if comma is not None and (described := demonstrative_description(art, ms, comma, titles=True)) is not None:
        return described, comma  # "Menurut pelantun Roar tersebut, …": the names inside are not the speaker
    me = np_end(doc, after_honorifics(art, ms, e_tok), e_tok, lex)
    if me <= ms < e_tok and doc[ms].text.islower():
        # "Menurut komentator dan analis tinju, Budi Santoso, …": words no list holds, a name set off after them
        me = described_until_name(art, ms, e_tok) or me
    if me <= ms:
        return None
    m = make_mention(doc, ms, me, lex)
    if m is None:
        return None
    fields = m.kind == "name" and m.role and " " not in (m.name or " ") and me + 1 < e_tok and doc[me].lower_ in lex.words.coordinators and doc[me + 1].text[:1].isupper()
    if fields and (to_comma := _description_to_comma(art, me, e_tok)) is not None:
        # "Menurut Ahli Gizi dan Olahraga, Jansen Ongko, …": a title over coordinated fields,
        # its last word no name; the title runs to the comma
        s, e = doc[ms].idx, doc[to_comma - 1].idx + len(doc[to_comma - 1].text)
        m, me = Mention(s, e, art.text[s:e], "role", None, art.text[s:e], ms, to_comma), to_comma
    if m.kind in ("role", "description") and (to_comma := _description_to_comma(art, me, e_tok)) is not None:
        # "Menurut spesialis bedah ortopedi dari Rumah Sakit Pondok Indah, dr Didik, …": the
        # title runs to the comma, and a name may stand after it
        me = to_comma
        m = merge(m, role=tokens_text(doc, list(doc[ms:me])), tok_end=me)
    if me < e_tok and doc[me].text == "," and me + 1 < e_tok:
        # appositive: Menurut Budi, Kepala Desa X, … (a lower-case honorific may open a name:
        # Menurut dokter kloter, dr Roro, …; a title may hold a place: …, seorang anggota
        # parlemen dari Takistan, …)
        ae = np_end(doc, after_honorifics(art, me + 1, e_tok), e_tok, lex)
        app_end = ae
        if ae + 3 < e_tok and doc[ae].text == "(" and age_number(doc[ae + 1]) and doc[ae + 2].text == ")" and doc[ae + 3].text == ",":
            ae += 3  # "Menurut saksi mata, Joko (40), …": the appositive name with its age
        if m.kind == "name" and ae < e_tok and doc[ae].text != "," and (to_comma := _description_to_comma(art, ae, e_tok)) is not None:
            ae = app_end = to_comma
        if ae > me + 1 and ae < e_tok and doc[ae].text == ",":
            app = make_mention(doc, me + 1, app_end, lex)
            first = doc[me + 1]
            titled = (
                first.text[:1].isupper()
                or first.lower_ in lex.role_heads
                or first.lower_ in lex.descriptors
                or first.lower_ in lex.determiners
                or first.lower_ in lex.words.unnamed_person_openers
            )
            if app is not None and app.kind in ("role", "description") and m.kind == "name" and titled:
                m = merge(m, role=app.role or app.text, tok_end=ae)
                me = ae
            elif app is not None and app.kind == "name" and (m.kind in ("role", "description") or m.role):
                # Menurut kuasa hukum Joko Tjandra, Anita Kolopaking, …
                m = merge(app, role=tokens_text(doc, list(doc[m.tok_start : m.tok_end])), tok_start=m.tok_start)
                me = ae
                nxt = next((j for j in range(me + 1, min(e_tok, me + 7)) if doc[j].text == ","), None)
                if nxt is not None and nxt > me + 1 and degree_text(doc[me + 1 : nxt].text):
                    me = nxt  # "…, dr Didik Librianto, Sp.OT, …": the name's degree
    return m, me


def _description_to_comma(art: Article, k: int, e_tok: int) -> int | None:
    """The comma that a title or description read up to token ``k`` runs on to (*… bedah
    ortopedi dari Rumah Sakit Pondok Indah,*): up to eight more words, none a punctuation mark,
    cue, pronoun, verb or clause marker; ``None`` when there is no such comma."""
    doc, lex = art.doc, art.lex
    if k >= e_tok or doc[k].text == ",":
        return None
    for j in range(k, min(e_tok, k + 9)):
        t = doc[j]
        if t.text == ",":
            return j if j > k else None
        low = t.lower_
        if t.is_punct and t.text not in "()" or low in lex.cues or low in lex.pronouns or verb_like(t, lex) or low in lex.words.clause_markers:
            return None
    return None


def _verb_indirect(art: Article, site: CueSite, gate: Gate | None) -> Candidate | None:
    """``indirect_verb``: Budi mengatakan bahwa jalan itu dibuka pekan depan. / X mengatakan A,
    menambahkan bahwa B (the second verb's subject is the first's); ``indirect_verb_learned``:
    a reading the rules doubt that the learned ``gate`` takes."""
    return _decide(art, site, read_verb(art, site), gate, "indirect_verb_learned")


def read_verb(art: Article, site: CueSite) -> Reading | None:
    """The subject, the content and the doubts of the speech verb at ``site``; ``None`` when
    no content follows it. The rules take a reading without doubts."""
    k, s_tok, e_tok, sent = site.k, site.s_tok, site.e_tok, site.sent
    doc, lex = art.doc, art.lex
    cue = art.cue(k)
    assert cue is not None
    doubts: list[str] = []
    m = _verb_subject(art, site)
    if m is None:
        m = _plain_subject(art, site)
        doubts.append("no_subject" if m is None else "plain_subject")
    if m is None:
        m = _relative_subject(art, site)
        if m is not None:
            doubts[-1] = "relative_subject"
    if m is None:
        m = _coordinated_subject(art, site)
        if m is not None:
            doubts[-1] = "coordinated_subject"
    if m is None and _opens_subordinate_clause(art, k, s_tok, e_tok):
        return None  # "Meski memastikan X, Richard mengatakan …": the main clause's verb reports
    if _negated(art, k, s_tok, cue):
        doubts.append("negated")  # "dia tak menyebutkan siapa …" reports no speech
    start = _content_start(art, site, cue)
    if start is None:
        return None
    n, introduced = start
    if cue.takes == "introducer" and not (introduced or doc[n].lower_ in lex.words.conditional_openers):
        doubts.append("no_introducer")  # "merasa senang", "memuji Andi setelah …": no reported content
    first = doc[n].lower_
    if first in lex.words.not_content_heads:
        doubts.append("content_head")
    if not introduced and cue.root in lex.words.request_roots and first in lex.words.requested_things:
        return None  # "meminta pendapat para kader": the thing asked for, no reported speech
    end = clause_end(art, n, e_tok, sent)
    span = content_span(art, n, end)
    if not span:
        return None
    words = art.text[span[0] : span[1]].split()
    if len(words) < 3:
        doubts.append("short")
    if cue.root in art.phrases["naming_roots"] and "sebagai" in [w.lower() for w in words[:6]]:
        after = words[[w.lower() for w in words].index("sebagai") + 1 :]
        if after and after[0][:1] in QUOTE_MARK_CHARS:
            return None  # "menyebut kawasan itu sebagai “kampung pelangi”": a name given, in marks
        # "Israel menyebut Yerusalem sebagai ibu kotanya": a stated position 21 times of 28 in
        # quotes-id train (7 of 8 in dev), a name given the others: the learned gate decides
        doubts.append("naming")
    low = [w.lower().strip(",.") for w in words]
    head = low[0].removesuffix("nya")
    if (head in lex.topic_nouns or " ".join(low[:2]).removesuffix("nya") in lex.topic_nouns) and not lex.words.content_introducers & set(low):
        doubts.append("topic_noun")  # "mengungkapkan kesedihannya setelah …": a feeling named, not a statement
    cue_last = k + len(cue.form.split()) - 1  # the noun of a periphrastic cue
    return Reading("indirect_verb", span, m, cue_last, n, introduced, tuple(doubts))


def _opens_subordinate_clause(art: Article, k: int, s_tok: int, e_tok: int) -> bool:
    """The verb at token ``k`` follows a subordinating word that opens the sentence (*Meski
    memastikan …*, *Kendati mengakui …*, *Selain menyebut …*) and the main clause after the
    comma has a speech verb of its own (*…, Richard mengatakan …*): the main clause reports,
    the subordinate clause is its subject's circumstance. Without one (*Meski mengaku X,
    Prilly tetap …*) the subordinate clause's verb reports."""
    doc, lex = art.doc, art.lex
    j = k - 1
    if j < s_tok or doc[j].lower_ not in lex.words.subordinators or doc[j].lower_ == "bahwa":
        return False
    i = j - 1
    while i >= s_tok and (doc[i].lower_ in lex.connectors or doc[i].is_space):
        i -= 1
    if not (i < s_tok or doc[i].text in (",", "\n")):
        return False
    comma = next((x for x in range(k + 1, e_tok) if doc[x].text == ","), None)
    if comma is None:
        return False
    for x in range(comma + 1, min(e_tok, comma + 10)):
        if doc[x].text in (",", ".", ";"):
            break
        if art.cue(x) is not None:
            return True
    return False


def _plain_subject(art: Article, site: CueSite) -> Mention | None:
    """The words between the clause's start (or a subordinating word, *… terlihat ketika Fadli
    meminta*) and the verb as the subject, when the subject rules read none there (*pegusaha
    tempat hiburan berharap*, *Payfazz sangat yakin*): one to six words without punctuation,
    past connectors, adverbs and function words, none of them a lower-case verb (that is a
    clause, not a subject)."""
    k, s_tok = site.k, site.s_tok
    doc, lex = art.doc, art.lex
    end = k
    while end > s_tok and (doc[end - 1].is_space or doc[end - 1].lower_ in lex.adverbs):
        end -= 1
    if end - 2 > s_tok and doc[end - 2].lower_ in lex.words.manner_openers and doc[end - 1].is_lower:
        end -= 2  # "Tesla Motors secara resmi mengumumkan": a manner adverbial before the verb
    end = before_frequency(art, s_tok, end)  # "petugas haji beberapa kali mengimbau"
    start = end
    subordinators = lex.words.subordinators

    def breaks(j: int) -> bool:  # a hyphen inside a word (Soo-hyun) is no break
        return (doc[j].is_punct and not (doc[j].text == "-" and hyphen_inside_a_word(doc, j))) or doc[j].is_space or doc[j].lower_ in subordinators

    while start > s_tok and not breaks(start - 1) and end - start < 7:
        start -= 1
    if start > s_tok and not breaks(start - 1):
        return None  # a longer clause: no subject phrase of its own
    skippable = lex.connectors | lex.adverbs | lex.function_words
    while start < end and doc[start].lower_ in skippable:
        start += 1
    if not 1 <= end - start <= 6 or doc[end - 1].lower_ in lex.function_words:
        return None
    if any(verb_like(t, lex) and not _stative_modifier(doc, t.i, start, lex) for t in doc[start:end]):
        return None
    first = doc[start]
    if end - start == 1 and start == s_tok and first.lower_ in lex.running_text and not person_word(first.text, lex) and not capitalized_inside_a_sentence(art, first.text):
        # "Produsen mengatakan": a word of running text opening the sentence is no name
        return Mention(first.idx, first.idx + len(first.text), first.text, "description", None, first.text, start, end)
    return make_mention(doc, start, end, lex)


def _coordinated_subject(art: Article, site: CueSite) -> Mention | None:
    """The noun phrase that opens the clause when the speech verb is coordinated to an earlier
    verb by *dan*, *serta*, *sambil* … (``words.json`` ``verb_conjunctions``) and no subject was
    read before it (*Ely keluar dari ruang sidang
    dengan terburu-buru dan mengatakan …*, *Mereka berekspansi ke Indonesia dan mengklaim …*):
    a name, pronoun, title or organization followed by a lower-case word."""
    k, s_tok = site.k, site.s_tok
    doc, lex = art.doc, art.lex
    j = k - 1
    while j > s_tok and (doc[j].is_space or doc[j].lower_ in lex.adverbs):
        j -= 1
    if j <= s_tok or doc[j].lower_ not in lex.words.verb_conjunctions:
        return None
    start = skip(art, clause_start(art, s_tok, k), j, lex.connectors | lex.adverbs)
    if any(doc[x].text in QUOTE_MARK_CHARS or doc[x].text[:1] in QUOTE_MARK_CHARS for x in range(start, j)):
        return None  # a quotation before the verb: its cue's speaker, not the clause's opening words
    end = np_end(doc, start, j, lex)
    if end <= start or end >= j or not doc[end].is_lower or doc[end].lower_ in lex.function_words:
        return None
    if end - start == 1 and doc[start].lower_ in lex.common_words - lex.pronouns and not person_word(doc[start].text, lex):
        return None  # "Terpaksa …": a capitalized common word opening the sentence is no name
    m = make_mention(doc, start, end, lex)
    return m if m is not None and m.kind in ("name", "pronoun", "organization", "role") else None


def _relative_subject(art: Article, site: CueSite) -> Mention | None:
    """The head of a relative clause the speech verb opens (*… dari Wali Kota London Sadiq Khan
    yang mengatakan …*, *laporan seorang calon perawat yang mengakui …*): the noun phrase right
    before *yang*: a capitalized one, or a description opened by its determiner or head word."""
    k, s_tok = site.k, site.s_tok
    doc, lex = art.doc, art.lex
    y = k - 1
    while y > s_tok and (doc[y].is_space or doc[y].lower_ in lex.adverbs):
        y -= 1
    if y <= s_tok or doc[y].lower_ != "yang":
        return None
    start = tail_np(art, s_tok, y)
    if start is None:
        # a description: from its determiner or head word (*seorang*, *pemerintah*), at most
        # five words back, no punctuation, verb or function word crossed
        floor = y
        while floor > s_tok and y - floor < 5 and not (doc[floor - 1].is_punct or doc[floor - 1].is_space or verb_like(doc[floor - 1], lex) or doc[floor - 1].lower_ in lex.function_words):
            floor -= 1
        heads = (lex.descriptors | lex.group_heads) - lex.document_heads  # not *laporan seorang …*
        start = next((j for j in range(floor, y) if doc[j].lower_ in lex.determiners), None)
        if start is None:
            start = next((j for j in range(floor, y) if doc[j].lower_ in heads), y)
    if start >= y:
        return None
    m = make_mention(doc, start, y, lex)
    return m if m is not None and m.kind != "pronoun" else None


def _stative_modifier(doc: Doc, i: int, start: int, lex: Lexicon) -> bool:
    """A *ber-* or *ter-* word right after the phrase's first word, a common noun: it describes
    that noun (*Pihak berwajib*, *Korban selamat*, *Orang-orang terdekatnya*), where after a
    pronoun or a name it is a clause's verb (*Ia berangkat*, *Budi berharap*)."""
    head = doc[start]
    if i != start + 1 or not doc[i].lower_.startswith(("ber", "ter")) or verb_like(head, lex):
        return False
    opens = start == 0 or doc[start - 1].is_punct or doc[start - 1].is_space
    return head.lower_ not in lex.pronouns and not person_word(head.text, lex) and (head.is_lower or opens)


def _verb_subject(art: Article, site: CueSite) -> Mention | None:
    """The subject of the speech verb at ``site``; for a coordinated second verb ("X mengatakan
    A, menambahkan bahwa B") the subject of the first."""
    k, s_tok = site.k, site.s_tok
    doc, lex = art.doc, art.lex
    # clause start: after the last comma before the subject's chunk when the subject is preceded by a clause
    clause = clause_start(art, s_tok, k)
    m = subject_before(art, k, clause)
    if m is not None:
        first = _first_of_coordinated_verbs(art, k, clause)
        if first is not None and m.tok_start > first:
            # "Polri mengajukan anggaran … dan meminta agar …": what was read is the first
            # verb's object; the subject is the first verb's
            return subject_before(art, first, clause) or m
        return m
    j = k - 1
    conj = False
    while j > s_tok and doc[j].lower_ in lex.adverbs | lex.words.verb_links:
        conj = conj or doc[j].lower_ in lex.words.verb_conjunctions
        j -= 1
    if j > s_tok and (doc[j].text == "," or conj):
        for v in range(j - 1, s_tok - 1, -1):
            c = art.cue(v)
            if c is not None and c.kind == "active":
                return subject_before(art, v, clause)
    return None


def _first_of_coordinated_verbs(art: Article, k: int, clause: int) -> int | None:
    """The first verb of the clause when the speech verb at ``k`` is coordinated to it without
    a comma (*Polri mengajukan anggaran … dan meminta*, *Putin menghadiahkan paspor kepada
    Seagal, …, sembari berharap*): a verb_conjunctions word right before ``k``, and a verb (a
    lower-case word with a verb's prefix, or a speech verb) after the clause's first word."""
    doc, lex = art.doc, art.lex
    j = k - 1
    while j > clause and (doc[j].lower_ in lex.adverbs or doc[j].is_space):
        j -= 1
    if j <= clause or doc[j].lower_ not in lex.words.verb_conjunctions:
        return None
    for v in range(clause + 1, j):
        c = art.cue(v)
        if verb_like(doc[v], lex) or (c is not None and c.kind == "active"):
            return v
    return None


def _content_start(art: Article, site: CueSite, cue: CueForm) -> tuple[int, bool] | None:
    """The first token of the content after the speech verb at ``site`` (past particles, an
    adjunct up to *bahwa* or a comma, the introducer), and whether an introducer (*bahwa*, *agar*,
    a comma …) came before it; ``None`` when the sentence ends first."""
    k, e_tok = site.k, site.e_tok
    doc, lex = art.doc, art.lex
    n = k + len(cue.form.split())  # a periphrastic cue is two words
    while n < e_tok and (doc[n].is_space or doc[n].lower_ in lex.words.verb_particles):
        n += 1
    if n >= e_tok:
        return None
    # skip adjuncts ("kepada wartawan di Jakarta, Senin (3/1),") up to bahwa or a comma
    if doc[n].lower_ in lex.adjunct_starters:
        # "mengatakan kepada wartawan di Jakarta, Senin, bahwa …": skip to bahwa or the comma;
        # otherwise the adjunct-looking word starts the content ("mengatakan saat ini …")
        window = [t for t in doc[n : min(e_tok, n + 14)]]
        bahwa = next((t.i for t in window if t.lower_ in lex.words.content_introducers), None)
        comma = next((t.i for t in window if t.text in {",", ":"}), None)
        if bahwa is not None:
            n = bahwa
        elif comma is not None and doc[n].lower_ in lex.words.adjunct_prepositions and not (
            doc[n].lower_ in lex.words.time_words and n + 1 < e_tok and doc[n + 1].lower_ in lex.words.time_word_objects
        ):
            n = comma
    introduced = False  # bahwa, agar, a comma … before the content
    if doc[n].text in {",", ":"}:
        n += 1
        introduced = True
    while n < e_tok and doc[n].is_space:
        n += 1
    if n < e_tok and doc[n].lower_ in lex.words.content_introducers:
        n += 1
        introduced = True
    while n < e_tok and (doc[n].is_space or doc[n].text in {",", ":"}):
        n += 1
    if n >= e_tok:
        return None
    return n, introduced


def _negated(art: Article, k: int, s_tok: int, cue: CueForm) -> bool:
    """The speech verb at ``k`` is negated (*tidak menyebutkan*), and not a verb of denial."""
    negators, denial = art.lex.negators, art.lex.denial_roots
    if cue.root in denial:
        return False
    j = k - 1
    while j >= s_tok and (art.doc[j].is_space or art.doc[j].lower_ in art.lex.words.negation_fillers):
        j -= 1
    if j < s_tok:
        return False
    two = f"{art.doc[j - 1].lower_} {art.doc[j].lower_}" if j > s_tok else ""
    return art.doc[j].lower_ in negators or two in negators


#: how many tokens (its comma included) a phrase fronted before a passive cue may have
_FRONTED_WORDS = 6


def _passive(art: Article, site: CueSite, found: list[Candidate], gate: Gate | None) -> Candidate | None:
    """``indirect_passive``: Dikatakan Budi, jalan itu dibuka pekan depan.;
    ``indirect_passive_previous``: Jalan itu dibuka pekan depan. Hal itu disampaikan Budi."""
    k, s_tok, e_tok, sent, si, para = site.k, site.s_tok, site.e_tok, site.sent, site.si, site.para
    doc, lex = art.doc, art.lex
    cue = art.cue(k)
    assert cue is not None
    clause = clause_start(art, s_tok, k)
    lead = [t for t in doc[clause:k] if not t.is_space]
    lead_low = " ".join(t.lower_ for t in lead)
    # Dikatakan X, … / Ditambahkannya, … / Disampaikan juga oleh GM, … / Atas dasar itu,
    # dikatakan Umuh, … (a short fronted phrase with no verb, set off by a comma)
    fronted = bool(lead) and lead[-1].text == "," and len(lead) <= _FRONTED_WORDS and not any(verb_like(t, lex) for t in lead)
    if not lead or fronted or all(t.lower_ in lex.adverbs or t.text == "," or t.lower_ in lex.words.passive_lead_words for t in lead):
        if cue.clitic:
            m: Mention | None = clitic_mention(doc, k)
            me = k + 1
        else:
            m = mention_after(art, k + 1, e_tok)
            me = m.tok_end if m else k + 1
        if m is None:
            return None
        comma = me
        while comma < e_tok and doc[comma].text != "," and doc[comma].lower_ != "bahwa" and comma - me < 12:
            comma += 1
        if comma < e_tok and (doc[comma].text == "," or doc[comma].lower_ == "bahwa"):
            start_tok = comma + 1
            if start_tok < e_tok and doc[start_tok].text in QUOTE_MARK_CHARS:
                return None
            span = content_span(art, start_tok, clause_end(art, start_tok, e_tok, sent))
            if span:
                return _found(art, site, span, "indirect_passive", m)
        return None
    # Keberadaan warung itu dikatakan Agus mulai buka pukul 08.00 WIB: a topic, the cue, its
    # agent, then what the agent says of the topic
    if not cue.clitic and lead_low not in art.phrases["passive_subjects"]:
        topical = _topic_agent_content(art, site, lead, gate)
        if topical is not None:
            return topical
    # Hal itu disampaikan X …: the previous sentence is the quote
    if lead_low in art.phrases["passive_subjects"] and si > 0:
        m = mention_after(art, k + 1, e_tok)
        if m is None or m.kind == "pronoun":
            return None
        prev = art.sents[si - 1]
        if art.para_of(prev.start) != para and art.para_of(prev.start) != para - 1:
            return None
        if any(c.start >= prev.start and c.start < prev.end for c in found) or art.in_quote(prev.start + 1) is not None:
            return None
        if any(q.open >= prev.start and q.open < prev.end for q in art.quotes):
            return None
        ps_tok = art.tok_at(prev.start)
        cs = clause_start(art, ps_tok, art.tok_at(prev.end))
        span = content_span(art, cs, prev.end)
        if span:
            return _found(art, site, span, "indirect_passive_previous", m, sent=si - 1)
    return None


def _topic_agent_content(art: Article, site: CueSite, lead: list[Token], gate: Gate | None) -> Candidate | None:
    """``indirect_passive_topic``: *[Kondisi pasien itu] disebut [pihak keluarga] [sudah
    membaik]*: a noun phrase the sentence is about, the passive cue, its agent, then a
    predicate about the topic, which is the content (:func:`read_topic_passive`);
    ``indirect_passive_topic_learned``: a reading the rules doubt that the learned ``gate`` takes."""
    return _decide(art, site, read_topic_passive(art, site, lead), gate, "indirect_passive_topic_learned")


def read_topic_passive(art: Article, site: CueSite, lead: list[Token]) -> Reading | None:
    """The agent, the content and the doubts of a passive speech verb after a topic (the words
    ``lead`` before it); ``None`` when no agent is named or nothing follows it. The rules doubt
    a topic of more than eight words or with a verb in it (*Kegagalan meraih kemenangan … diakui
    oleh Budi bukan karena …*), a predicate that opens with a word other than one of aspect,
    mood, negation or degree (*dinilai Jokowi penting …*, *disampaikan Budi kepada warga*),
    and short content."""
    k, e_tok, sent = site.k, site.e_tok, site.sent
    doc, lex = art.doc, art.lex
    demonstratives = lex.words.demonstratives
    if not lead or len(lead) > 16 or any((t.is_punct and t.text != "-") or art.cue(t.i) is not None for t in lead):
        return None
    if lead[0].lower_ in lex.pronouns or lead[0].lower_ in lex.function_words:
        return None
    agent = skip(art, k + 1, e_tok, lex.words.speaker_skip_after_cue)
    if agent >= e_tok or not (doc[agent].text[:1].isupper() or doc[agent].lower_ in lex.words.statement_owner_heads):
        return None  # "… disebut menerima dana …": no agent named
    m = mention_after(art, k + 1, e_tok)
    if m is None or m.kind not in ("name", "organization", "role", "description"):
        return None
    n = skip(art, m.tok_end, e_tok, set())
    introduced = n < e_tok and doc[n].lower_ == "bahwa"
    if introduced:
        n = skip(art, n + 1, e_tok, set())
    if n >= e_tok or art.cue(n) is not None or doc[n].is_punct:
        return None
    span = content_span(art, n, clause_end(art, n, e_tok, sent))
    if not span:
        return None
    doubts = []
    if len(lead) > 8 or any(verb_like(t, lex) and t.lower_ not in demonstratives for t in lead):
        doubts.append("topic_clause")
    if doc[n].lower_ not in lex.words.topic_predicate_openers and not introduced:
        doubts.append("unlisted_opener")  # "… disampaikan Budi kepada warga", "… disebut Budi sebagai …"
    if len(art.text[span[0] : span[1]].split()) < 3:
        doubts.append("short")
    return Reading("indirect_passive_topic", span, m, k, n, introduced, tuple(doubts))


def _post_indirect(art: Article, site: CueSite) -> Candidate | None:
    """``indirect_cue_after``: ``…, kata X.`` / ``…, ujarnya.`` without quotation marks, ``Kata X, …``
    at a sentence start, and ``Tapi, lanjut X, …`` (:func:`_cue_inside`)."""
    k, s_tok, e_tok, sent = site.k, site.s_tok, site.e_tok, site.sent
    doc, lex = art.doc, art.lex
    cue = art.cue(k)
    assert cue is not None
    j = word_before(art, k, s_tok)
    if j < s_tok or doc[j].text != ",":
        # "Kata X, …" at the start of a sentence
        if j < s_tok and not cue.clitic and doc[k].text[:1].isupper() and cue.root in lex.words.sentence_start_post_roots:
            m = mention_after(art, k + 1, e_tok)
            if m is not None and m.tok_end < e_tok and doc[m.tok_end].text == ",":
                start_tok = m.tok_end + 1
                if start_tok < e_tok and doc[start_tok].text in QUOTE_MARK_CHARS:
                    return None
                span = content_span(art, start_tok, clause_end(art, start_tok, e_tok, sent))
                if span:
                    return _found(art, site, span, "indirect_cue_after", m)
        return _cue_inside(art, site)
    if not looks_cue_tail(art, k, e_tok):
        return _cue_inside(art, site)
    if cue.clitic:
        m = clitic_mention(doc, k)
        tail_end = k + 1
    else:
        m = mention_after(art, k + 1, e_tok)
        if m is None:
            return None
        tail_end = m.tok_end
    # mid-sentence cue: "Tapi, lanjut Presiden, dirinya …"
    rest = [t for t in doc[tail_end:e_tok] if not t.is_space]
    cs = clause_start(art, s_tok, j)
    before = [t for t in doc[cs:j] if not t.is_space]
    if rest and rest[0].text == "," and len(rest) > 4:
        start_tok = art.tok_at(rest[1].idx)
        span = content_span(art, start_tok, clause_end(art, start_tok, e_tok, sent))
        if span:
            return _found(art, site, span, "indirect_cue_after", m)
        return None
    if rest and not (rest[0].is_punct or rest[0].lower_ in lex.adjunct_starters or rest[0].lower_ in lex.days or rest[0].text == "("):
        return _cue_inside(art, site)  # "Pemprov Lampung, lanjut Budi akan …"
    if len(before) < 3:
        return None
    span = content_span(art, cs, doc[j].idx)
    if not span:
        return None
    return _found(art, site, span, "indirect_cue_after", m, via=via_after(art, tail_end, e_tok))


#: The indirect-quote rules by cue kind, in order: (rule id, applies to the cue, reader). The
#: readers' docstrings give their patterns (the ``pattern`` ids of the quotes they find).
INDIRECT_RULES: tuple[tuple[str, Callable[[CueForm], bool], Callable[[Article, CueSite, list[Candidate], Gate | None], Candidate | None]], ...] = (
    ("menurut", lambda cue: cue.kind == "menurut", lambda art, site, found, gate: _menurut(art, site, gate)),
    ("verb", lambda cue: cue.kind == "active" and cue.indirect, lambda art, site, found, gate: _verb_indirect(art, site, gate)),
    ("passive", lambda cue: cue.kind == "passive", lambda art, site, found, gate: _passive(art, site, found, gate)),
    ("post", lambda cue: cue.kind == "post", lambda art, site, found, gate: _post_indirect(art, site)),
)


def _document_source(art: Article, m: Mention | None) -> bool:
    """The mention is a document, data or a medium (data BPS, Survei LSI, UU Pemilu), or a news outlet."""
    if m is None or m.kind in ("pronoun", "clitic"):
        return False
    words = m.text.split()
    if not words:
        return False
    first = words[0].lower()
    two = " ".join(w.lower() for w in words[:2])
    if short_name_word(words[0], 3):
        first = ""  # "Uu Saeful Mikdar": a short name word, not the acronym UU written in capitals
    if first in art.lex.document_heads or two in art.lex.document_heads:
        return True
    return m.text in art.phrases["outlets"]


def _cue_inside(art: Article, site: CueSite) -> Candidate | None:
    """``Tapi kata Budi sampah …`` / ``Pemprov Lampung, lanjut Budi akan …``: a post cue and its
    speaker inside the sentence, the reported content after them (with or without commas)."""
    k, s_tok, e_tok, sent = site.k, site.s_tok, site.e_tok, site.sent
    doc = art.doc
    cue = art.cue(k)
    if cue is None or cue.root not in art.lex.words.inside_post_roots:
        return None
    if k > s_tok and doc[k - 1].lower_ in art.lex.words.not_before_inside_cue:
        return None  # "Lebih lanjut Budi mengatakan …": an adverb, not the cue
    if any(t.text in QUOTE_MARK_CHARS for t in doc[max(s_tok, k - 3) : k]):
        return None  # "“…,” kata Budi, seperti dikutip …": the cue of a direct quote
    if cue.clitic:  # "SGMW Motor Indonesia, lanjutnya telah mengucurkan …"
        if k == s_tok or doc[k - 1].text != ",":
            return None
        m: Mention | None = clitic_mention(doc, k)
        n = k + 1
    else:
        m = mention_after(art, k + 1, e_tok)
        if m is None or m.kind not in ("name", "pronoun"):
            return None
        n = m.tok_end
    if n < e_tok and doc[n].text == ",":
        n += 1
    while n < e_tok and doc[n].is_space:
        n += 1
    if n >= e_tok or art.cue(n) is not None or not doc[n].is_alpha or doc[n].lower_ in art.lex.words.not_inside_content_start:
        return None
    if doc[n].lower_ in art.lex.adjunct_starters or doc[n].lower_ in art.lex.days:
        return None  # "kata Budi di Jakarta, Senin": the cue's own adjunct, not content
    if len([t for t in doc[n:e_tok] if not t.is_space and not t.is_punct]) < 3:
        return None
    span = content_span(art, n, clause_end(art, n, e_tok, sent))
    if not span:
        return None
    return _found(art, site, span, "indirect_cue_after", m)
