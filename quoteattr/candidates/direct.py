"""Direct quotes: a quoted span and its cue after the closing mark, before the opening mark,
or in the next sentence."""

from __future__ import annotations

from collections.abc import Callable

from quoteattr.article import Article
from quoteattr.candidates.clauses import skip, trim_end
from quoteattr.candidates.record import Candidate, Pattern, QuoteSite
from quoteattr.candidates.speaker_phrase import mention_after, subject_before, via_after
from quoteattr.mentions import QUOTE_MARK_CHARS, Mention, clitic_mention, make_mention, np_end
from quoteattr.segment import QuoteSpan, Segment

_TERMINAL = set(".!?…")


def direct_candidate(art: Article, q: QuoteSpan) -> Candidate | None:
    """The direct quote of the quote-mark span ``q`` with its cue: the first rule of
    :data:`DIRECT_RULES` that finds one, else ``None``."""
    si = art.sent_of(q.open)
    s_tok, _ = art.sent_toks(si)
    _, e_tok = art.sent_toks(art.sent_of(max(q.open, q.close - 1)))
    site = QuoteSite(q=q, si=si, sent=art.sents[si], s_tok=s_tok, e_tok=e_tok, para=art.para_of(q.open))
    for _pattern, rule in DIRECT_RULES:
        c = rule(art, site)
        if c is not None:
            return c
    return None


def _found(art: Article, site: QuoteSite, pattern: Pattern, cue_tok: int, mention: Mention | None, via: str | None = None) -> Candidate:
    """The direct candidate of ``site`` with its cue at token ``cue_tok``."""
    q, tok = site.q, art.doc[cue_tok]
    return Candidate(
        type="direct", start=q.start, end=trim_end(art.text, q.start, q.end), closed=q.closed, para=site.para, sent=site.si,
        pattern=pattern, cue=tok.text, cue_start=tok.idx, cue_end=tok.idx + len(tok.text), mention=mention, via=via,
    )


def cue_after(art: Article, site: QuoteSite) -> Candidate | None:
    """``direct_cue_after`` / ``direct_name_cue_after``: the cue follows the closing mark.

    Example: “Kami siap,” kata Menteri Budi. / “…,” ujarnya. / “…,” Lavrov menambahkan.
    """
    doc, q, e_tok = art.doc, site.q, site.e_tok
    after = art.tok_at(q.close)
    k = after
    while k < e_tok and (doc[k].is_space or doc[k].text in {",", "."} or doc[k].text in QUOTE_MARK_CHARS):
        if doc[k].text == "." and k > after:
            break
        k += 1
    if not (k < e_tok and (q.closed or q.end == q.close)):
        return None
    led = False
    opens = k == after or doc[k - 1].text == "," or doc[k - 1].text in QUOTE_MARK_CHARS
    if doc[k].lower_ in art.lex.words.cue_after_leads and opens:
        v = skip(art, k + 1, e_tok, set())
        if v < e_tok and art.cue(v) is not None and art.cue(v).kind in ("post", "passive"):  # type: ignore[union-attr]
            k, led = v, True  # "…," demikian tulis Essien / "…," begitu kata Budi
        else:
            found = _statement_or_name_after_lead(art, site, k, v)
            if found is not None:
                return found  # "…," demikian pernyataan resmi PSSI / "…," demikian Sutrisno
    if opens and (art.cue(k) is None or doc[k].lower_ in art.lex.words.statement_openers):
        owned = _owner_speaks(art, site, k, statement_owner(art, k, e_tok))
        if owned is not None:
            return owned  # "…," bunyi pernyataan kementerian itu / "…," rilis Persib
    cue = art.cue(k)
    if cue is not None and cue.kind == "post" and not cue.clitic:
        owned = _owner_speaks(art, site, k, statement_owner(art, k + 1, e_tok))
        if owned is not None:
            return owned  # "…," tulis rilis resmi klub itu / "…," tulis pernyataan dari pihak Persib
    if cue is not None and cue.kind in ("post", "passive", "active") and (led or k == after or doc[k - 1].text in {",", "."} or doc[k - 1].text in QUOTE_MARK_CHARS or doc[k - 1].is_space):
        if cue.clitic:
            return _found(art, site, "direct_cue_after", k, clitic_mention(doc, k), via_after(art, k + 1, e_tok))
        if cue.kind != "active" or _looks_post(art, k, e_tok):
            m = mention_after(art, k + 1, e_tok)
            if m is not None:
                return _found(art, site, "direct_cue_after", k, m, via_after(art, m.tok_end, e_tok))
    # “…,” Lavrov menambahkan. / “…,” ujar dia
    if cue is None and (k == after or doc[k - 1].text in {","} or doc[k - 1].text in QUOTE_MARK_CHARS):
        ne = np_end(doc, k, e_tok, art.lex)
        if k < ne <= k + 6:
            v = skip(art, ne, e_tok, art.lex.adverbs)
            vc = art.cue(v)
            if vc is not None and vc.kind in ("active", "post") and not vc.clitic:
                m = make_mention(doc, k, ne, art.lex)
                if m is not None:
                    return _found(art, site, "direct_name_cue_after", v, m, via_after(art, v + 1, e_tok))
    return None


def statement_owner(art: Article, k: int, limit: int) -> int | None:
    """Where the owner of a statement named at token ``k`` starts: ``[bunyi] pernyataan
    [resmi] [dari] PSSI`` (the lists ``statement_openers``, ``statement_nouns`` and
    ``statement_modifiers`` of ``words.json``), or ``None``. The owner is a capitalized word
    or *pihak*; a statement referred back to (*pernyataan tersebut*) names no owner."""
    doc, words = art.doc, art.lex.words
    k = skip(art, k, limit, set())
    if k < limit and doc[k].lower_ in words.statement_openers:
        k = skip(art, k + 1, limit, set())
    n = k
    if k + 1 < limit and f"{doc[k].lower_} {doc[k + 1].lower_}" in words.statement_nouns:
        n = k + 2
    elif k < limit and doc[k].lower_ in words.statement_nouns:
        n = k + 1
    if n == k:
        return None
    n = skip(art, n, limit, words.statement_modifiers)
    if n + 1 < limit and doc[n - 1].lower_ == "yang" and doc[n].text.islower() and doc[n].lower_.startswith("di"):
        n = skip(art, n + 1, limit, words.statement_modifiers)  # "pernyataan resmi yang diucapkan Van Dijk"
    if n >= limit or not (doc[n].text[:1].isupper() or doc[n].lower_ in art.lex.words.statement_owner_heads):
        return None
    return n


def _statement_or_name_after_lead(art: Article, site: QuoteSite, lead: int, k: int) -> Candidate | None:
    """“…,” demikian pernyataan resmi PSSI / “…,” demikian Sutrisno: a lead word (*demikian*,
    *begitu*) then a statement and its owner, or the speaker's name or title itself."""
    doc, e_tok = art.doc, site.e_tok
    owner = statement_owner(art, k, e_tok)
    if owner is None and k < e_tok and doc[k].text[:1].isupper() and art.cue(k) is None:
        owner = k
    return _owner_speaks(art, site, lead, owner, kinds=("name", "role", "organization", "description"))


def _owner_speaks(art: Article, site: QuoteSite, cue_tok: int, owner: int | None, kinds: tuple[str, ...] | None = None) -> Candidate | None:
    """The direct candidate of ``site`` whose speaker is the phrase at token ``owner`` (the cue
    at ``cue_tok``), when one is read there (of one of ``kinds``, if given)."""
    if owner is None:
        return None
    m = mention_after(art, owner, site.e_tok)
    if m is None or (kinds is not None and m.kind not in kinds):
        return None
    return _found(art, site, "direct_cue_after", cue_tok, m, via_after(art, m.tok_end, site.e_tok))


def cue_before(art: Article, site: QuoteSite) -> Candidate | None:
    """``direct_cue_before``: the cue comes before the opening mark, in the same sentence.

    Example: Budi mengatakan, “Kami siap.” / Menurut Budi: “…” / Kata Budi, “…”
    """
    doc, q = art.doc, site.q
    open_tok = art.tok_at(q.open)
    prev_close = art.last_close_before(q.open, site.sent.start)
    lo = max(site.s_tok, art.tok_at(prev_close))
    j = open_tok - 1
    while j >= lo and doc[j].is_space:
        j -= 1
    if not (j >= lo and (doc[j].text in {",", ":"} or doc[j].lower_ == "bahwa" or (art.cue(j) is not None and art.cue(j).kind == "active"))):  # type: ignore[union-attr]
        return None
    for k2 in range(j, lo - 1, -1):
        cue = art.cue(k2)
        if cue is None:
            continue
        m: Mention | None = None
        if cue.kind == "menurut":
            m = clitic_mention(doc, k2) if cue.clitic else mention_after(art, k2 + 1, j + 1)
        elif cue.kind == "active":
            m = subject_before(art, k2, lo)
        elif cue.kind in ("post", "passive"):
            if cue.clitic:
                m = clitic_mention(doc, k2)
            elif k2 == lo or doc[k2 - 1].text in {",", "."} or doc[k2].text[:1].isupper():
                m = mention_after(art, k2 + 1, j + 1)
        return _found(art, site, "direct_cue_before", k2, m) if m is not None else None
    return None


def next_sentence(art: Article, site: QuoteSite) -> Candidate | None:
    """``direct_next_sentence``: a quote that is a sentence on its own, its passive or post cue
    opening the next sentence of the paragraph.

    Example: “Kami siap menghadapi semua.” Demikian dikatakan Budi.
    """
    doc, q, si = art.doc, site.q, site.si
    if not (si + 1 < len(art.sents) and sentence_like(art, q, site.sent)):
        return None
    nxt = art.sents[si + 1]
    if art.para_of(nxt.start) != site.para:
        return None
    ns, ne_ = art.sent_toks(si + 1)
    k = skip(art, ns, ne_, art.lex.words.next_sentence_lead)
    if k > ns and k < ne_:
        cue = art.cue(k)
        if cue is not None and cue.kind in ("passive", "post"):
            m = clitic_mention(doc, k) if cue.clitic else mention_after(art, k + 1, ne_)
            if m is not None:
                return _found(art, site, "direct_next_sentence", k, m)
    return None


#: The direct-quote rules, tried in this order; the first that finds a cue wins.
DIRECT_RULES: tuple[tuple[Pattern, Callable[[Article, QuoteSite], Candidate | None]], ...] = (
    ("direct_cue_after", cue_after),
    ("direct_cue_before", cue_before),
    ("direct_next_sentence", next_sentence),
)


def _looks_post(art: Article, k: int, limit: int) -> bool:
    """An active verb right after a quote used like a post cue (“…,” menambahkan X)? Rare; needs a name after."""
    nxt = skip(art, k + 1, limit, set())
    return nxt < limit and art.doc[nxt].text[:1].isupper()


def sentence_like(art: Article, q: QuoteSpan, sent: Segment) -> bool:
    """A quote that forms a sentence or more on its own (not a scare quote inside a sentence)."""
    text = art.text
    before = text[sent.start : q.open].strip()
    if before and not (before.endswith(":") or all(ch in QUOTE_MARK_CHARS for ch in before)):
        return False
    inner = text[q.start : q.end].rstrip()
    after = text[q.close : sent.end].strip()
    ends_sentence = bool(inner) and inner[-1] in _TERMINAL | {","}
    return (not after or all(ch in ".,!?…" or ch in QUOTE_MARK_CHARS for ch in after) or ends_sentence) and len(inner.split()) >= 3
