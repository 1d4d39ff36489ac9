"""Finding quotes and their cues and speaker mentions in one article.

The functions here take a spaCy ``Doc`` made by the quoteattr tokenizer (with or
without NER) and return :class:`Candidate` s: a quote span, its type, the cue and the
speaker mention as written. Who the mention refers to (canonical name, role, pronoun
antecedent) is decided afterwards by :mod:`quoteattr.resolve`.

Patterns (see GUIDELINES.md and ``resources/cues.json``):

* direct, cue after: “…,” kata X / “…,” ujarnya / “…,” X menambahkan;
* direct, cue before: X mengatakan, “…” / Kata X: “…” / Menurut X, “…”;
* continuation: a quote that opens a paragraph or sentence with no cue of its own;
* indirect: X mengatakan (bahwa|agar|,) …; Menurut X, …; …, menurut X; …, kata X;
  Dikatakan X, …; Hal itu disampaikan X (the previous sentence);
* mixed: an indirect quote that contains a quoted fragment.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Literal

import regex
from spacy.tokens import Doc

from quoteattr.cues import CueForm, lexicon, negation, periphrastic, phrase_sets, topic_nouns
from quoteattr.lexicon import SpeakerLexicon, speaker_lexicon
from quoteattr.mentions import QUOTE_MARK_CHARS, Mention, clitic_mention, doc_text, common_words, place_names, make_mention, np_end, stop_words, tokens_text
from quoteattr.segment import QuoteSpan, Segment, paragraphs, quote_spans, sentences

Pattern = Literal[
    "direct_cue_after",
    "direct_name_cue_after",
    "direct_cue_before",
    "direct_next_sentence",
    "continuation",
    "indirect_verb",
    "indirect_menurut",
    "indirect_menurut_after",
    "indirect_cue_after",
    "indirect_passive",
    "indirect_passive_previous",
]

_TERMINAL = set(".!?…")
#: academic degrees written after a name ("M.Epid", "S.H., M.H.", "Sp.PD")
_DEGREE = regex.compile(r"^(?:[A-Z][A-Za-z]{0,4}\.\s*){1,4}(?:[A-Z][A-Za-z]{0,5}\.?)?$")


@dataclass
class Candidate:
    """A quote found in the text, before speaker resolution."""

    type: str
    start: int
    end: int
    pattern: Pattern
    cue: str | None = None
    cue_start: int | None = None
    mention: Mention | None = None
    via: str | None = None
    closed: bool = True
    para: int = 0
    sent: int = 0
    fragments: list[QuoteSpan] = field(default_factory=list)
    #: for a continuation quote, the quote whose speaker it continues
    source: "Candidate | None" = None


class Article:
    """Token/character indexes over one Doc, shared by the pattern functions."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.lex: SpeakerLexicon = speaker_lexicon()
        self.cues = lexicon()
        self.phrases = phrase_sets()
        self.paras: list[Segment] = paragraphs(self.text)
        self.quotes: list[QuoteSpan] = quote_spans(self.text, self.paras)
        self.sents: list[Segment] = sentences(self.text, self.paras, self.quotes)
        self.tok_starts = [t.idx for t in doc]
        self.lowers = [t.lower_ for t in doc]
        self.peri_verbs, self.peri_nouns = periphrastic()
        #: indexes (into ``quotes``) of the double-mark quotes, by opening offset; they never overlap
        self.doubles = [i for i, q in enumerate(self.quotes) if not q.single]
        self.double_opens = [self.quotes[i].open for i in self.doubles]
        #: closing offsets of all quotes, sorted: the last close before a point is one bisect away
        self.closes = sorted(q.close for q in self.quotes)
        self.sent_starts = [s.start for s in self.sents]
        self.para_starts = [p.start for p in self.paras]

    # -- index helpers ---------------------------------------------------------
    def tok_at(self, char: int) -> int:
        """Index of the first token starting at or after ``char``."""
        return bisect_left(self.tok_starts, char)

    def sent_of(self, char: int) -> int:
        return max(0, bisect_right(self.sent_starts, char) - 1)

    def para_of(self, char: int) -> int:
        return max(0, bisect_right(self.para_starts, char) - 1)

    def sent_toks(self, si: int) -> tuple[int, int]:
        s = self.sents[si]
        return self.tok_at(s.start), self.tok_at(s.end)

    def last_close_before(self, char: int, floor: int) -> int:
        """The latest quote close at or before ``char`` if it lies after ``floor``, else ``floor``."""
        k = bisect_right(self.closes, char) - 1
        return self.closes[k] if k >= 0 and self.closes[k] > floor else floor

    def cue(self, i: int) -> CueForm | None:
        if i < 0 or i >= len(self.lowers):
            return None
        low = self.lowers[i]
        if low in self.peri_verbs and i + 1 < len(self.lowers) and self.lowers[i + 1] in self.peri_nouns:
            # "memberikan penegasan bahwa …": the pair is one cue, the content after the noun
            return CueForm(f"{low} {self.lowers[i + 1]}", self.lowers[i + 1], "active", False, True, "introducer")
        return self.cues.get(low)

    def enclosing(self, char: int) -> int | None:
        """Index of the double-mark quote whose marks enclose ``char`` (``open <= char < close``)."""
        k = bisect_right(self.double_opens, char) - 1
        if k >= 0 and char < self.quotes[self.doubles[k]].close:
            return self.doubles[k]
        return None

    def in_quote(self, char: int) -> QuoteSpan | None:
        """The quote whose text (inside the marks) contains ``char``."""
        i = self.enclosing(char)
        if i is not None and self.quotes[i].start <= char < self.quotes[i].end:
            return self.quotes[i]
        return None

    def doubles_between(self, start: int, end: int) -> list[int]:
        """Indexes of the double-mark quotes with ``start <= open`` and ``close <= end``."""
        lo = bisect_left(self.double_opens, start)
        hi = bisect_right(self.double_opens, end)
        return [i for i in self.doubles[lo:hi] if self.quotes[i].close <= end]


def _skip(art: Article, i: int, limit: int, words: frozenset[str] | set[str]) -> int:
    while i < limit and (art.doc[i].lower_ in words or art.doc[i].is_space):
        i += 1
    return i


def _mention_after(art: Article, i: int, limit: int) -> Mention | None:
    """The speaker phrase that follows a cue at token ``i`` (``kata [Kepala BMKG X]``)."""
    doc, lex = art.doc, art.lex
    i = _skip(art, i, limit, {"oleh", "juga", "pula", "lagi", "langsung", "pun"})
    if i >= limit:
        return None
    end = np_end(doc, i, limit, lex)
    if end <= i:
        end = _unlisted_description(art, i, limit)
        if end > i and doc[end - 1].lower_ in ("itu", "ini", "tersebut"):
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
            s2 = _skip(art, e2 + 1, limit, {"dan", "serta"})
            ne2 = np_end(doc, s2, limit, lex) if s2 < limit else s2
            if ne2 <= s2:
                break
            first = doc[s2].lower_
            if first in lex.org_words or first in lex.place_words or first in place_names() or first in lex.role_words_lower:
                app = make_mention(doc, s2, ne2, lex)
                if app is not None and app.kind == "name" and len((app.name or "").split()) >= 2 and app.role:
                    # "…, dan Keamanan Mahfud MD": the last unit and the name in one phrase
                    return _merge(app, role=tokens_text(doc, list(doc[m.tok_start : art.tok_at(app.start)])), tok_start=m.tok_start)
                e2, hops = ne2, hops + 1
                continue
            break
        if hops and e2 + 1 < limit and doc[e2].text == ",":
            s2 = e2 + 1
            ne2 = np_end(doc, s2, limit, lex)
            app = make_mention(doc, s2, ne2, lex) if ne2 > s2 else None
            if app is not None and app.kind == "name" and not _DEGREE.match(app.text):
                return _merge(app, role=tokens_text(doc, list(doc[m.tok_start : e2])), tok_start=m.tok_start)
    # "jelas pengamat keamanan dari Vaksin.com, Alfons Tanujaya": a title with its
    # organization after "dari", then the name
    if (m.kind in ("role", "description") or _title_with_place(m)) and end + 2 < limit and doc[end].lower_ in ("dari", "di", "pada") and doc[end + 1].text[:1].isupper():
        oe = np_end(doc, end + 1, limit, lex)
        if end + 1 < oe < limit - 1 and doc[oe].text == ",":
            ne = np_end(doc, oe + 1, limit, lex)
            app = make_mention(doc, oe + 1, ne, lex) if ne > oe + 1 else None
            if app is not None and app.kind == "name" and not app.role and not _DEGREE.match(app.text):
                return _merge(app, role=tokens_text(doc, list(doc[m.tok_start : oe])), tok_start=m.tok_start)
    # “…,” kata seorang warga, Budi (45).  / kata Wahyu, Kepala Dusun X.
    if end + 1 < limit and doc[end].text == ",":
        nxt_end = np_end(doc, end + 1, limit, lex)
        if nxt_end > end + 1:
            app = make_mention(doc, end + 1, nxt_end, lex)
            if app is not None:
                if (m.kind in ("role", "description") or _title_with_place(m) or (m.kind == "name" and m.role)) and app.kind == "name" and not _DEGREE.match(app.text):
                    phrase = tokens_text(doc, list(doc[m.tok_start : m.tok_end])) if m.kind == "name" else (m.role or m.text)
                    return _merge(app, role=phrase, tok_start=m.tok_start)
                closed = app.tok_end >= limit or doc[app.tok_end].text in {",", ".", ";", ":", ")", "("} or doc[app.tok_end].text in QUOTE_MARK_CHARS
                if m.kind == "name" and app.kind in ("role", "description") and app.role and closed:
                    # an appositive ends at a comma or the sentence end ("kata Wahyu, Kepala
                    # Dusun X."); "kata Diana, hidup di atas …" goes on with the content
                    return _merge(m, role=app.role, tok_end=app.tok_end)
    # "kata Salehudin dari KKP Kelas II Mataram": the organization is the role
    if m.kind == "name" and not m.role and end + 1 < limit and doc[end].lower_ == "dari" and doc[end + 1].text[:1].isupper():
        oe = np_end(doc, end + 1, limit, lex)
        if oe > end + 1:
            return _merge(m, role=tokens_text(doc, list(doc[end + 1 : oe])), tok_end=oe)
    return m


def _unlisted_description(art: Article, i: int, limit: int) -> int:
    """End of ``vokalis OneRepublic Ryan Tedder`` after a cue: one or two lower-case words
    the word lists do not know (a profession), then a capitalized noun phrase; ``i`` if not."""
    doc = art.doc
    stop = stop_words()
    k = i
    while k < min(limit, i + 2) and doc[k].is_alpha and doc[k].text.islower() and doc[k].lower_ not in stop and doc[k].lower_ not in lexicon():
        k += 1
    if k == i or k >= limit or not doc[k].text[:1].isupper():
        return i
    end = np_end(doc, k, limit, art.lex)
    return end if end > k else i


def _title_with_place(m: Mention) -> bool:
    """"Lurah Batangmata", "Pelatih Elektrik": a title and one word, with a name to follow."""
    return m.kind == "name" and bool(m.role) and len((m.name or "").split()) == 1


def _merge(m: Mention, role: str | None, tok_start: int | None = None, tok_end: int | None = None) -> Mention:
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
    s = _skip(art, s, e, set())
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


def _subject_before(art: Article, verb: int, start: int) -> Mention | None:
    """The subject phrase before a speech verb (``[Menteri X, Sergey Lavrov] berpendapat``)."""
    doc, lex = art.doc, art.lex
    end = verb
    # adverbs and auxiliaries right before the verb
    while end > start and ((doc[end - 1].lower_ in lex.adverbs and doc[end - 1].lower_ not in ("itu", "ini")) or doc[end - 1].is_space):
        end -= 1
    chunks = _chunks(art, start, end)
    for ci in range(len(chunks) - 1, -1, -1):
        cs, ce = chunks[ci]
        cs = _skip(art, cs, ce, set())
        if cs >= ce:
            continue
        if _is_adjunct_chunk(art, cs, ce) and ci > 0:
            continue
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
                ps = _skip(art, ps, pe, set())
                while ps < pe - 1 and doc[ps].lower_ in lex.connectors:
                    ps += 1
                if ps < pe and np_end(doc, ps, pe, lex) == pe:
                    prev = make_mention(doc, ps, pe, lex)
                    if prev is not None and prev.kind == "name":
                        return _merge(prev, role=tokens_text(doc, list(doc[cs:ce])), tok_end=ce)
            # "Mantan penyanyi cilik ini mengatakan": a description closed by a demonstrative
            # refers back to someone named before; the whole chunk is the subject
            if doc[ce - 1].lower_ in ("ini", "itu", "tersebut") and 2 <= ce - cs <= 8:
                d = make_mention(doc, cs, ce, lex)
                if d is not None and d.kind in ("role", "description") and not any(t.is_punct for t in doc[cs:ce]):
                    return d
            # the chunk does not open with the subject (a subheading or a clause glued
            # before it): take the noun phrase that ends at the verb, if any
            cs = _tail_np(art, cs, ce)
            if cs is None:
                return None
            phrase_end = ce
        # "Gubernur Bali, Wayan Koster, melalui perwakilannya, Kepala Dinas … Anom,
        # menyatakan": the representative speaks for the one named before
        if ci >= 2:
            rs, re_ = chunks[ci - 1]
            rs = _skip(art, rs, re_, set())
            if rs < re_ and doc[rs].lower_ in ("melalui", "lewat") and any(t.lower_ in lex.representative_words for t in doc[rs:re_]):
                principal = _subject_before(art, chunks[ci - 1][0], start)
                if principal is not None and principal.kind == "name":
                    return principal
        m = make_mention(doc, cs, phrase_end, lex)
        if m is None:
            return None
        if m.kind == "name" and phrase_end - cs == 1 and doc[cs].lower_ in common_words() and doc[cs].i == art.tok_at(art.sents[art.sent_of(doc[cs].idx)].start):
            return None  # a capitalized common word opening the sentence is not a name
        # appositives: "Menteri Luar Negeri Rusia, Sergey Lavrov" / "Yayat, Kepala Bidang X,"
        if ci > 0:
            ps, pe = chunks[ci - 1]
            ps = _skip(art, ps, pe, set())
            while ps < pe - 1 and doc[ps].lower_ in lex.connectors:
                ps += 1
            pend = np_end(doc, ps, pe, lex) if ps < pe else ps
            if ps < pe and pend == pe:
                prev = make_mention(doc, ps, pe, lex)
                if prev is not None:
                    if m.kind == "name" and prev.kind in ("role", "description") and not _starts_sentence_adverbial(art, ps):
                        return _merge(m, role=prev.role or prev.text, tok_start=ps)
                    if m.kind in ("role", "description") and prev.kind == "name":
                        return _merge(prev, role=m.role or m.text, tok_end=m.tok_end)
                    if m.kind == "name" and prev.kind == "name" and _lower_role_start(art, cs) and doc[ps].lower_ not in stop_words():
                        # "Aziz Yanuari, kuasa hukum Rizieq Shihab, menyatakan": the name in the
                        # appositive is the one the subject works for
                        return _merge(prev, role=tokens_text(doc, list(doc[cs:phrase_end])), tok_end=phrase_end)
        return m
    return None


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
    return low in {"sementara", "selain", "namun", "tapi", "tetapi", "sedangkan", "adapun", "kemudian", "lalu", "sebelumnya", "dalam", "saat", "ketika"}


def _via(art: Article, i: int, limit: int) -> str | None:
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
        strong = any(w in phrase for w in ("kutip", "lansir", "diberitakan"))
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


def _content_span(art: Article, start_tok: int, end_char: int) -> tuple[int, int] | None:
    """Character span of reported content from token ``start_tok`` to ``end_char`` (final stop removed)."""
    doc, text = art.doc, art.text
    if start_tok >= len(doc):
        return None
    s = doc[start_tok].idx
    e = end_char
    while e > s and (text[e - 1].isspace() or text[e - 1] in ".,;:"):
        e -= 1
    if e - s < 8:
        return None
    return s, e


def find_candidates(doc: Doc) -> tuple[Article, list[Candidate]]:
    """All quote candidates of an article, in text order."""
    art = Article(doc)
    out: list[Candidate] = []
    used_quotes: set[int] = set()
    for qi, q in enumerate(art.quotes):
        c = _direct(art, q)
        if c is not None:
            out.append(c)
            used_quotes.add(qi)
    out.extend(_indirect(art, used_quotes))
    out.sort(key=lambda c: c.start)
    _continuations(art, out, used_quotes)
    out.sort(key=lambda c: c.start)
    return art, out


def _direct(art: Article, q: QuoteSpan) -> Candidate | None:
    doc, text, lex = art.doc, art.text, art.lex
    si = art.sent_of(q.open)
    sent = art.sents[si]
    s_tok, _ = art.sent_toks(si)
    _, e_tok = art.sent_toks(art.sent_of(max(q.open, q.close - 1)))
    para = art.para_of(q.open)
    base = dict(type="direct", start=q.start, end=_trim_end(text, q.start, q.end), closed=q.closed, para=para, sent=si)
    # ---- cue after the closing mark -------------------------------------------
    after = art.tok_at(q.close)
    k = after
    while k < e_tok and (doc[k].is_space or doc[k].text in {",", "."} or doc[k].text in QUOTE_MARK_CHARS):
        if doc[k].text == "." and k > after:
            break
        k += 1
    if k < e_tok and (q.closed or q.end == q.close):
        cue = art.cue(k)
        if cue is not None and cue.kind in ("post", "passive", "active") and (k == after or doc[k - 1].text in {",", "."} or doc[k - 1].text in QUOTE_MARK_CHARS or doc[k - 1].is_space):
            if cue.clitic:
                m = clitic_mention(doc, k)
                return Candidate(**base, pattern="direct_cue_after", cue=doc[k].text, cue_start=doc[k].idx, mention=m, via=_via(art, k + 1, e_tok))
            if cue.kind != "active" or _looks_post(art, k, e_tok):
                m = _mention_after(art, k + 1, e_tok)
                if m is not None:
                    return Candidate(**base, pattern="direct_cue_after", cue=doc[k].text, cue_start=doc[k].idx, mention=m, via=_via(art, m.tok_end, e_tok))
        # “…,” Lavrov menambahkan. / “…,” ujar dia
        if cue is None and (k == after or doc[k - 1].text in {","} or doc[k - 1].text in QUOTE_MARK_CHARS):
            ne = np_end(doc, k, e_tok, lex)
            if k < ne <= k + 6:
                v = _skip(art, ne, e_tok, lex.adverbs)
                vc = art.cue(v)
                if vc is not None and vc.kind in ("active", "post") and not vc.clitic:
                    m = make_mention(doc, k, ne, lex)
                    if m is not None:
                        return Candidate(**base, pattern="direct_name_cue_after", cue=doc[v].text, cue_start=doc[v].idx, mention=m, via=_via(art, v + 1, e_tok))
    # ---- cue before the opening mark ----------------------------------------
    open_tok = art.tok_at(q.open)
    prev_close = art.last_close_before(q.open, sent.start)
    lo = max(s_tok, art.tok_at(prev_close))
    j = open_tok - 1
    while j >= lo and doc[j].is_space:
        j -= 1
    if j >= lo and (doc[j].text in {",", ":"} or doc[j].lower_ in ("bahwa",) or (art.cue(j) is not None and art.cue(j).kind in ("active",))):  # type: ignore[union-attr]
        for k2 in range(j, lo - 1, -1):
            cue = art.cue(k2)
            if cue is None:
                continue
            if cue.kind == "menurut":
                if cue.clitic:
                    m = clitic_mention(doc, k2)
                else:
                    m = _mention_after(art, k2 + 1, j + 1)
                if m is not None:
                    return Candidate(**base, pattern="direct_cue_before", cue=doc[k2].text, cue_start=doc[k2].idx, mention=m)
            elif cue.kind == "active":
                m = _subject_before(art, k2, lo)
                if m is not None:
                    return Candidate(**base, pattern="direct_cue_before", cue=doc[k2].text, cue_start=doc[k2].idx, mention=m)
            elif cue.kind in ("post", "passive"):
                if cue.clitic:
                    return Candidate(**base, pattern="direct_cue_before", cue=doc[k2].text, cue_start=doc[k2].idx, mention=clitic_mention(doc, k2))
                if k2 == lo or doc[k2 - 1].text in {",", "."} or doc[k2].text[:1].isupper():
                    m = _mention_after(art, k2 + 1, j + 1)
                    if m is not None:
                        return Candidate(**base, pattern="direct_cue_before", cue=doc[k2].text, cue_start=doc[k2].idx, mention=m)
            break
    # ---- cue in the next sentence: “…” Demikian dikatakan X. -------------------
    if si + 1 < len(art.sents) and _sentence_like(art, q, sent):
        nxt = art.sents[si + 1]
        if art.para_of(nxt.start) == para:
            ns, ne_ = art.sent_toks(si + 1)
            k = _skip(art, ns, ne_, {"demikian", "begitu", "hal", "itu", "ini", "tersebut", "pernyataan", "juga"})
            if k > ns and k < ne_:
                cue = art.cue(k)
                if cue is not None and cue.kind in ("passive", "post"):
                    m = clitic_mention(doc, k) if cue.clitic else _mention_after(art, k + 1, ne_)
                    if m is not None:
                        return Candidate(**base, pattern="direct_next_sentence", cue=doc[k].text, cue_start=doc[k].idx, mention=m)
    return None


def _looks_post(art: Article, k: int, limit: int) -> bool:
    """An active verb right after a quote used like a post cue (“…,” menambahkan X)? Rare; needs a name after."""
    nxt = _skip(art, k + 1, limit, set())
    return nxt < limit and art.doc[nxt].text[:1].isupper()


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in ", ":
        end -= 1
    return end


def _sentence_like(art: Article, q: QuoteSpan, sent: Segment) -> bool:
    """A quote that forms a sentence or more on its own (not a scare quote inside a sentence)."""
    text = art.text
    before = text[sent.start : q.open].strip()
    if before and not (before.endswith(":") or all(ch in QUOTE_MARK_CHARS for ch in before)):
        return False
    inner = text[q.start : q.end].rstrip()
    after = text[q.close : sent.end].strip()
    ends_sentence = bool(inner) and inner[-1] in _TERMINAL | {","}
    return (not after or all(ch in ".,!?…" or ch in QUOTE_MARK_CHARS for ch in after) or ends_sentence) and len(inner.split()) >= 3


def _indirect(art: Article, used_quotes: set[int]) -> list[Candidate]:
    doc, text = art.doc, art.text
    out: list[Candidate] = []

    def in_direct(char: int) -> bool:
        return art.enclosing(char) in used_quotes

    def inside_any_quote(char: int) -> bool:
        return art.enclosing(char) is not None

    seen: set[tuple[int, int]] = set()

    for si, sent in enumerate(art.sents):
        s_tok, e_tok = art.sent_toks(si)
        para = art.para_of(sent.start)
        k = s_tok
        while k < e_tok:
            tok = doc[k]
            cue = art.cue(k)
            if cue is None or inside_any_quote(tok.idx):
                k += 1
                continue
            c: Candidate | None = None
            if cue.kind == "menurut":
                c = _menurut(art, k, s_tok, e_tok, sent, si, para)
            elif cue.kind == "active" and cue.indirect:
                c = _verb_indirect(art, k, s_tok, e_tok, sent, si, para)
            elif cue.kind == "passive":
                c = _passive(art, k, s_tok, e_tok, sent, si, para, out)
            elif cue.kind == "post":
                c = _post_indirect(art, k, s_tok, e_tok, sent, si, para)
            if c is not None and _document_source(art, c.mention):
                c = None  # "Menurut data BPS, …", "Survei LSI menyebutkan …": a fact from a source, not speech
            if c is not None and not in_direct(c.start):
                # content that is one attributed direct quote is that direct quote's cue
                qs = [art.quotes[i] for i in art.doubles_between(c.start - 1, c.end + 2)]
                at = art.enclosing(c.start)
                if at is None and c.start + 1 < len(text):
                    at = art.enclosing(c.start + 1) if text[c.start] in QUOTE_MARK_CHARS else None
                if at is not None and art.quotes[at].open <= c.start <= art.quotes[at].start and at in used_quotes:
                    k += 1
                    continue
                if any(in_direct(q.open) for q in qs):
                    # ends where a direct quote begins
                    first = min(q.open for q in qs if in_direct(q.open))
                    ce = _trim_end(text, c.start, first)
                    while ce > c.start and text[ce - 1] in " ,:":
                        ce -= 1
                    if ce - c.start < 8:
                        k += 1
                        continue
                    c.end = ce
                    qs = [q for q in qs if q.close <= ce + 1]
                frags = [q for q in qs if not in_direct(q.open)]
                if frags:
                    c.type = "mixed"
                    c.fragments = frags
                if (c.start, c.end) not in seen:
                    seen.add((c.start, c.end))
                    out.append(c)
                    # a second cue in the same sentence ("…, menambahkan bahwa …") may follow
                    nk = art.tok_at(c.end)
                    k = max(k + 1, nk)
                    continue
            k += 1
    return out


def _clause_end(art: Article, start_tok: int, e_tok: int, sent: Segment) -> int:
    """End of reported content: the sentence end, or a second coordinated speech verb."""
    doc = art.doc
    for k in range(start_tok + 1, e_tok):
        if doc[k].lower_ in ("dan", "serta") and k + 2 < e_tok and not art.in_quote(doc[k].idx):
            c = art.cue(k + 1)
            if c is not None and c.kind == "active" and doc[k + 2].lower_ in ("bahwa", "agar", "supaya", ","):
                return doc[k].idx
        if doc[k].text == "," and k + 1 < e_tok:
            n = _skip(art, k + 1, e_tok, art.lex.adverbs | {"dan", "serta", "lalu", "kemudian", "sambil", "seraya", "sembari"})
            c = art.cue(n)
            if c is not None and c.kind == "active" and n + 1 < e_tok and doc[n + 1].lower_ in ("bahwa", "agar", "supaya", ","):
                return doc[k].idx
            if c is not None and c.kind in ("post",) and n == k + 1 and _looks_cue_tail(art, n, e_tok):
                return doc[k].idx
            if c is not None and c.kind == "menurut" and n == k + 1:
                return doc[k].idx
    return sent.end


def _looks_cue_tail(art: Article, k: int, e_tok: int) -> bool:
    """``…, kata X.`` / ``…, ujarnya.``: a post cue whose speaker ends the sentence."""
    cue = art.cue(k)
    if cue is None:
        return False
    if cue.clitic:
        rest = [t for t in art.doc[k + 1 : e_tok] if not t.is_space]
        return not rest or rest[0].is_punct or rest[0].lower_ in art.lex.adjunct_starters or rest[0].lower_ in art.lex.days
    end = np_end(art.doc, k + 1, e_tok, art.lex)
    return end > k + 1


def _menurut(art: Article, k: int, s_tok: int, e_tok: int, sent: Segment, si: int, para: int) -> Candidate | None:
    doc, lex = art.doc, art.lex
    cue = art.cue(k)
    assert cue is not None
    # preceded by sentence start, a comma, or a sentence adverbial
    j = k - 1
    while j >= s_tok and doc[j].is_space:
        j -= 1
    at_start = j < s_tok or doc[j].text == "," or doc[j].lower_ in {"namun", "tapi", "tetapi", "dan", "sementara", "sedangkan", "adapun", "karena", "sebab"}
    if cue.clitic:
        m = clitic_mention(doc, k)
        me = k + 1
    else:
        ms = _skip(art, k + 1, e_tok, {"kata-kata", "ucapan", "pengakuan", "keterangan", "penjelasan", "pernyataan", "catatan", "perkiraan", "analisis", "pandangan", "kata", "data"})
        if any(t.lower_ in lex.document_heads for t in doc[k + 1 : ms]):
            return None  # "Menurut data BPS, …": a fact from a document
        me = np_end(doc, ms, e_tok, lex)
        if me <= ms:
            return None
        m = make_mention(doc, ms, me, lex)
        if m is None:
            return None
        if me < e_tok and doc[me].text == "," and me + 1 < e_tok:
            # appositive: Menurut Budi, Kepala Desa X, …
            ae = np_end(doc, me + 1, e_tok, lex)
            if ae > me + 1 and ae < e_tok and doc[ae].text == ",":
                app = make_mention(doc, me + 1, ae, lex)
                first = doc[me + 1]
                titled = first.text[:1].isupper() or first.lower_ in lex.role_heads or first.lower_ in lex.descriptors or first.lower_ in lex.determiners
                if app is not None and app.kind in ("role", "description") and m.kind == "name" and titled:
                    m = _merge(m, role=app.role or app.text, tok_end=ae)
                elif app is not None and app.kind == "name" and (m.kind in ("role", "description") or m.role):
                    # Menurut kuasa hukum Joko Tjandra, Anita Kolopaking, …
                    m = _merge(app, role=tokens_text(doc, list(doc[m.tok_start : m.tok_end])), tok_start=m.tok_start)
                    me = ae
                    me = ae
    # content after the comma: Menurut X, …
    after = me
    while after < e_tok and (doc[after].is_space or doc[after].lower_ in lex.adjunct_starters and False):
        after += 1
    # skip adjuncts between the speaker and the comma ("menurut X dalam keterangannya, …")
    comma = after
    while comma < e_tok and doc[comma].text != "," and comma - after < 12:
        comma += 1
    if at_start and comma < e_tok and doc[comma].text == ",":
        start_tok = comma + 1
        if start_tok < e_tok and doc[start_tok].text in QUOTE_MARK_CHARS:
            return None  # Menurut X, “…” is a direct quote's cue
        end = _clause_end(art, start_tok, e_tok, sent)
        span = _content_span(art, start_tok, end)
        if span:
            return Candidate("indirect", span[0], span[1], "indirect_menurut", doc[k].text, doc[k].idx, m, None, True, para, si)
    # "Menurutnya partai politik …" / "Menurut Budi pelaporan itu …" / "Hal itu menurutnya
    # harus …": no comma, the content runs on after the speaker (at least four words of it,
    # the name ending where its capitals end); like every cue inside a sentence, the content
    # is what follows the speaker
    if doc[k].lower_ != "seturut" and (at_start or j >= s_tok) and me < e_tok and comma >= e_tok and m.kind in ("name", "pronoun", "clitic"):
        first = doc[me]
        rest = [t for t in doc[me:e_tok] if not t.is_space and not t.is_punct]
        if len(rest) >= 4 and first.is_alpha and first.lower_ not in lex.adjunct_starters and first.lower_ not in ("bahwa", "yang", "dan"):
            span = _content_span(art, me, _clause_end(art, me, e_tok, sent))
            if span:
                return Candidate("indirect", span[0], span[1], "indirect_menurut", doc[k].text, doc[k].idx, m, None, True, para, si)
    # …, menurut X.
    if j >= s_tok and doc[j].text == ",":
        rest = [t for t in doc[me:e_tok] if not t.is_space and not t.is_punct]
        if len(rest) <= 8:
            cs = _clause_start(art, s_tok, j)
            span = _content_span(art, cs, doc[j].idx)
            if span:
                return Candidate("indirect", span[0], span[1], "indirect_menurut_after", doc[k].text, doc[k].idx, m, None, True, para, si)
    return None


def _clause_start(art: Article, s_tok: int, end_tok: int) -> int:
    """First content token of a sentence: skips a leading quote mark or dateline."""
    doc = art.doc
    k = s_tok
    while k < end_tok and (doc[k].is_space or doc[k].text in QUOTE_MARK_CHARS):
        k += 1
    # dateline "JAKARTA, KOMPAS —" / "Washington (ANTARA News) -"
    for d in range(k, min(end_tok, k + 8)):
        if doc[d].text in {"—", "–", "-"} and all(t.text.isupper() or not t.is_alpha or t.text[:1].isupper() for t in doc[k:d]):
            if d > k:
                return d + 1
    return k


def _verb_indirect(art: Article, k: int, s_tok: int, e_tok: int, sent: Segment, si: int, para: int) -> Candidate | None:
    doc, lex = art.doc, art.lex
    clause = _clause_start(art, s_tok, k)
    # clause start: after the last comma before the subject's chunk when the subject is preceded by a clause
    m = _subject_before(art, k, clause)
    if m is None:
        # coordinated second verb: "X mengatakan A, menambahkan bahwa B" → subject of the first verb
        j = k - 1
        conj = False
        while j > s_tok and doc[j].lower_ in lex.adverbs | {"dan", "serta", "lalu", "kemudian", "sambil", "seraya", "sembari"}:
            conj = conj or doc[j].lower_ in ("dan", "serta", "sambil", "seraya", "sembari")
            j -= 1
        if j > s_tok and (doc[j].text == "," or conj):
            for v in range(j - 1, s_tok - 1, -1):
                c = art.cue(v)
                if c is not None and c.kind == "active":
                    m = _subject_before(art, v, clause)
                    break
        if m is None:
            return None
    cue = art.cue(k)
    assert cue is not None
    if _negated(art, k, s_tok, cue):
        return None  # "dia tak menyebutkan siapa …" reports no speech
    n = k + len(cue.form.split())  # a periphrastic cue is two words
    while n < e_tok and (doc[n].is_space or doc[n].lower_ in {"pula", "juga", "pun", "lagi"}):
        n += 1
    if n >= e_tok:
        return None
    # skip adjuncts ("kepada wartawan di Jakarta, Senin (3/1),") up to bahwa or a comma
    if doc[n].lower_ in lex.adjunct_starters:
        # "mengatakan kepada wartawan di Jakarta, Senin, bahwa …": skip to bahwa or the comma;
        # otherwise the adjunct-looking word starts the content ("mengatakan saat ini …")
        window = [t for t in doc[n : min(e_tok, n + 14)]]
        bahwa = next((t.i for t in window if t.lower_ in ("bahwa", "agar", "supaya")), None)
        comma = next((t.i for t in window if t.text in {",", ":"}), None)
        if bahwa is not None:
            n = bahwa
        elif comma is not None and doc[n].lower_ in ("kepada", "pada", "usai", "seusai", "dalam", "di", "ketika", "saat") and not (
            doc[n].lower_ in ("saat", "ketika", "dalam") and n + 1 < e_tok and doc[n + 1].lower_ in ("ini", "itu", "tersebut", "waktu", "hal")
        ):
            n = comma
    introduced = False  # bahwa, agar, a comma … before the content
    if doc[n].text in {",", ":"}:
        n += 1
        introduced = True
    while n < e_tok and doc[n].is_space:
        n += 1
    if n < e_tok and doc[n].lower_ in ("bahwa", "agar", "supaya"):
        n += 1
        introduced = True
    while n < e_tok and (doc[n].is_space or doc[n].text in {",", ":"}):
        n += 1
    if n >= e_tok:
        return None
    if cue.takes == "introducer" and not (introduced or doc[n].lower_ in ("kalau", "jika", "apabila")):
        return None  # "merasa senang", "memuji Andi setelah …": no reported content
    first = doc[n].lower_
    if first in ("dengan", "kepada", "terhadap", "tentang", "mengenai", "soal", "atas", "pada", "di", "ke", "dari", "oleh", "hal", "itu", "ini", "tersebut"):
        return None
    end = _clause_end(art, n, e_tok, sent)
    span = _content_span(art, n, end)
    if not span:
        return None
    words = art.text[span[0] : span[1]].split()
    if len(words) < 3:
        return None
    if cue.root in art.phrases["naming_roots"] and "sebagai" in [w.lower() for w in words[:6]]:
        return None  # "menyebut kawasan itu sebagai …" names, it does not report speech
    low = [w.lower().strip(",.") for w in words]
    head = low[0].removesuffix("nya")
    if (head in topic_nouns() or " ".join(low[:2]).removesuffix("nya") in topic_nouns()) and not {"bahwa", "agar", "supaya"} & set(low):
        return None  # "mengungkapkan kesedihannya setelah …": a feeling named, not a statement
    last = doc[k + len(cue.form.split()) - 1]  # the noun of a periphrastic cue
    cue_text = art.text[doc[k].idx : last.idx + len(last.text)]
    return Candidate("indirect", span[0], span[1], "indirect_verb", cue_text, doc[k].idx, m, None, True, para, si)


def _negated(art: Article, k: int, s_tok: int, cue: CueForm) -> bool:
    """The speech verb at ``k`` is negated (*tidak menyebutkan*), and not a verb of denial."""
    negators, denial = negation()
    if cue.root in denial:
        return False
    j = k - 1
    while j >= s_tok and (art.doc[j].is_space or art.doc[j].lower_ in ("juga", "pun", "sama", "sekali", "pernah", "mau", "ingin", "bisa", "dapat")):
        j -= 1
    if j < s_tok:
        return False
    two = f"{art.doc[j - 1].lower_} {art.doc[j].lower_}" if j > s_tok else ""
    return art.doc[j].lower_ in negators or two in negators


def _passive(art: Article, k: int, s_tok: int, e_tok: int, sent: Segment, si: int, para: int, found: list[Candidate]) -> Candidate | None:
    doc, lex = art.doc, art.lex
    cue = art.cue(k)
    assert cue is not None
    clause = _clause_start(art, s_tok, k)
    lead = [t for t in doc[clause:k] if not t.is_space]
    lead_low = " ".join(t.lower_ for t in lead)
    # Dikatakan X, … / Ditambahkannya, … / Disampaikan juga oleh GM, …
    if not lead or all(t.lower_ in lex.adverbs or t.text == "," or t.lower_ in {"sementara", "itu", "selain", "namun", "tapi"} for t in lead):
        if cue.clitic:
            m: Mention | None = clitic_mention(doc, k)
            me = k + 1
        else:
            m = _mention_after(art, k + 1, e_tok)
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
            span = _content_span(art, start_tok, _clause_end(art, start_tok, e_tok, sent))
            if span:
                return Candidate("indirect", span[0], span[1], "indirect_passive", doc[k].text, doc[k].idx, m, None, True, para, si)
        return None
    # Hal itu disampaikan X …: the previous sentence is the quote
    if lead_low in art.phrases["passive_subjects"] and si > 0:
        m = _mention_after(art, k + 1, e_tok)
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
        cs = _clause_start(art, ps_tok, art.tok_at(prev.end))
        span = _content_span(art, cs, prev.end)
        if span:
            return Candidate("indirect", span[0], span[1], "indirect_passive_previous", doc[k].text, doc[k].idx, m, None, True, para, si - 1)
    return None


def _post_indirect(art: Article, k: int, s_tok: int, e_tok: int, sent: Segment, si: int, para: int) -> Candidate | None:
    """``…, kata X.`` / ``…, ujarnya.`` without quotation marks, and ``Tapi, lanjut X, …``."""
    doc, lex = art.doc, art.lex
    cue = art.cue(k)
    assert cue is not None
    j = k - 1
    while j >= s_tok and doc[j].is_space:
        j -= 1
    if j < s_tok or doc[j].text != ",":
        # "Kata X, …" at the start of a sentence
        if j < s_tok and not cue.clitic and doc[k].text[:1].isupper() and cue.root in ("kata", "lanjut", "tambah", "jelas", "tegas", "ujar", "tutur"):
            m = _mention_after(art, k + 1, e_tok)
            if m is not None and m.tok_end < e_tok and doc[m.tok_end].text == ",":
                start_tok = m.tok_end + 1
                if start_tok < e_tok and doc[start_tok].text in QUOTE_MARK_CHARS:
                    return None
                span = _content_span(art, start_tok, _clause_end(art, start_tok, e_tok, sent))
                if span:
                    return Candidate("indirect", span[0], span[1], "indirect_cue_after", doc[k].text, doc[k].idx, m, None, True, para, si)
        return _cue_inside(art, k, s_tok, e_tok, sent, si, para)
    if not _looks_cue_tail(art, k, e_tok):
        return _cue_inside(art, k, s_tok, e_tok, sent, si, para)
    if cue.clitic:
        m = clitic_mention(doc, k)
        tail_end = k + 1
    else:
        m = _mention_after(art, k + 1, e_tok)
        if m is None:
            return None
        tail_end = m.tok_end
    # mid-sentence cue: "Tapi, lanjut Presiden, dirinya …"
    rest = [t for t in doc[tail_end:e_tok] if not t.is_space]
    cs = _clause_start(art, s_tok, j)
    before = [t for t in doc[cs:j] if not t.is_space]
    if rest and rest[0].text == "," and len(rest) > 4:
        start_tok = art.tok_at(rest[1].idx)
        span = _content_span(art, start_tok, _clause_end(art, start_tok, e_tok, sent))
        if span:
            return Candidate("indirect", span[0], span[1], "indirect_cue_after", doc[k].text, doc[k].idx, m, None, True, para, si)
        return None
    if rest and not (rest[0].is_punct or rest[0].lower_ in lex.adjunct_starters or rest[0].lower_ in lex.days or rest[0].text == "("):
        return _cue_inside(art, k, s_tok, e_tok, sent, si, para)  # "Pemprov Lampung, lanjut Budi akan …"
    if len(before) < 3:
        return None
    span = _content_span(art, cs, doc[j].idx)
    if not span:
        return None
    return Candidate("indirect", span[0], span[1], "indirect_cue_after", doc[k].text, doc[k].idx, m, _via(art, tail_end, e_tok), True, para, si)


def _document_source(art: Article, m: Mention | None) -> bool:
    """The mention is a document, data or a medium (data BPS, Survei LSI, UU Pemilu), or a news outlet."""
    if m is None or m.kind in ("pronoun", "clitic"):
        return False
    words = m.text.split()
    if not words:
        return False
    first = words[0].lower()
    two = " ".join(w.lower() for w in words[:2])
    if first in art.lex.document_heads or two in art.lex.document_heads:
        return True
    return m.text in art.phrases["outlets"]


#: post cues that also stand inside a sentence, before its content (Tapi kata Budi sampah …)
_INSIDE_ROOTS = frozenset({"kata", "lanjut", "tambah", "imbuh", "jelas", "ujar", "tutur", "ungkap", "terang", "papar", "sebut", "tegas"})


def _cue_inside(art: Article, k: int, s_tok: int, e_tok: int, sent: Segment, si: int, para: int) -> Candidate | None:
    """``Tapi kata Budi sampah …`` / ``Pemprov Lampung, lanjut Budi akan …``: a post cue and its
    speaker inside the sentence, the reported content after them (with or without commas)."""
    doc = art.doc
    cue = art.cue(k)
    if cue is None or cue.root not in _INSIDE_ROOTS:
        return None
    if k > s_tok and doc[k - 1].lower_ in ("lebih", "se", "selanjutnya", "berikut"):
        return None  # "Lebih lanjut Budi mengatakan …": an adverb, not the cue
    if any(t.text in QUOTE_MARK_CHARS for t in doc[max(s_tok, k - 3) : k]):
        return None  # "“…,” kata Budi, seperti dikutip …": the cue of a direct quote
    if cue.clitic:  # "SGMW Motor Indonesia, lanjutnya telah mengucurkan …"
        if k == s_tok or doc[k - 1].text != ",":
            return None
        m: Mention | None = clitic_mention(doc, k)
        n = k + 1
    else:
        m = _mention_after(art, k + 1, e_tok)
        if m is None or m.kind not in ("name", "pronoun"):
            return None
        n = m.tok_end
    if n < e_tok and doc[n].text == ",":
        n += 1
    while n < e_tok and doc[n].is_space:
        n += 1
    if n >= e_tok or art.cue(n) is not None or not doc[n].is_alpha or doc[n].lower_ in ("bahwa", "dan", "yang", "seperti", "sebagaimana"):
        return None
    if doc[n].lower_ in art.lex.adjunct_starters or doc[n].lower_ in art.lex.days:
        return None  # "kata Budi di Jakarta, Senin": the cue's own adjunct, not content
    if len([t for t in doc[n:e_tok] if not t.is_space and not t.is_punct]) < 3:
        return None
    span = _content_span(art, n, _clause_end(art, n, e_tok, sent))
    if not span:
        return None
    return Candidate("indirect", span[0], span[1], "indirect_cue_after", doc[k].text, doc[k].idx, m, None, True, para, si)


def _continuations(art: Article, cands: list[Candidate], used_quotes: set[int]) -> None:
    """Quotes with no cue of their own that open a sentence or paragraph: the previous speaker's.

    ``cands`` is sorted by start. Every look-up (is the quote covered, the next cued direct
    quote, the previous attributed candidate) is a bisection over indexes built once, so an
    article of thousands of quotes costs n log n, not n².
    """
    static = list(cands)
    spans = _Intervals([(c.start, c.end) for c in static])
    nexts = [c for c in static if c.type == "direct" and c.pattern != "continuation"]
    next_starts = [c.start for c in nexts]
    # candidates that can pass their speaker on, as (end, position in ``cands``), by end, with
    # the latest position among those ending at or before each end
    passing = sorted((c.end, i) for i, c in enumerate(static) if c.mention is not None or c.pattern == "continuation")
    passing_ends = [e for e, _ in passing]
    latest: list[int] = []
    for _, i in passing:
        latest.append(max(i, latest[-1]) if latest else i)
    added: list[Candidate] = []  # continuations found here, in text order (doubles never overlap)
    added_spans = _Intervals([])
    for qi, q in enumerate(art.quotes):
        if qi in used_quotes or q.single:
            continue
        if spans.touches(q.start, q.end) or added_spans.touches(q.start, q.end):
            continue
        si = art.sent_of(q.open)
        sent = art.sents[si]
        if not _sentence_like(art, q, sent):
            continue
        para = art.para_of(q.open)
        # the speaker: an adjacent following quote with a cue, else the previous quote's
        k = bisect_right(next_starts, q.close)
        nxt = nexts[k] if k < len(nexts) else None
        prv = next((c for c in reversed(added) if c.end <= q.open), None)
        if prv is None:
            k = bisect_right(passing_ends, q.open)
            prv = static[latest[k - 1]] if k else None
        source: Candidate | None = None
        if nxt and art.para_of(nxt.start) == para and art.text[q.close : nxt.start].strip(" \n" + "".join(QUOTE_MARK_CHARS)) == "":
            source = nxt
        elif prv and para - prv.para <= 2:
            source = prv
        elif nxt and art.para_of(nxt.start) == para:
            source = nxt
        c = Candidate(
            "direct",
            q.start,
            _trim_end(art.text, q.start, q.end),
            "continuation",
            None,
            None,
            source.mention if source else None,
            None,
            q.closed,
            para,
            si,
        )
        c.fragments = [q]
        c.source = source
        cands.append(c)
        added.append(c)
        used_quotes.add(qi)
        added_spans.add(c.start, c.end)


class _Intervals:
    """Spans ``[start, end)`` added in order of start, asked whether any touches a span."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.starts: list[int] = []
        self.max_end: list[int] = []  # the largest end among the spans up to each position
        for s, e in sorted(spans):
            self.add(s, e)

    def add(self, start: int, end: int) -> None:
        assert not self.starts or start >= self.starts[-1], "spans are added in order of start"
        self.starts.append(start)
        self.max_end.append(max(end, self.max_end[-1]) if self.max_end else end)

    def touches(self, start: int, end: int) -> bool:
        """Whether a span holds ``start`` (``s <= start < e``) or starts in ``[start, end)``."""
        k = bisect_right(self.starts, start)
        if k and self.max_end[k - 1] > start:
            return True
        return k < len(self.starts) and self.starts[k] < end or (k > 0 and self.starts[k - 1] == start and start < end)
