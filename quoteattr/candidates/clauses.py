"""Token and clause helpers shared by the quote patterns: skipping words, the start and end
of reported content, its character span."""

from __future__ import annotations

from quoteattr.article import Article
from quoteattr.mentions import QUOTE_MARK_CHARS, np_end
from quoteattr.mentions.words import hyphen_inside_a_word
from quoteattr.segment import Segment


def skip(art: Article, i: int, limit: int, words: frozenset[str] | set[str]) -> int:
    while i < limit and (art.doc[i].lower_ in words or art.doc[i].is_space):
        i += 1
    return i


def word_before(art: Article, k: int, floor: int) -> int:
    """Index of the last non-space token before token ``k``, ``floor - 1`` if there is none from ``floor`` on."""
    j = k - 1
    while j >= floor and art.doc[j].is_space:
        j -= 1
    return j


def trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in ", ":
        end -= 1
    return end


def content_span(art: Article, start_tok: int, end_char: int) -> tuple[int, int] | None:
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


def clause_start(art: Article, s_tok: int, end_tok: int) -> int:
    """First content token of a sentence: skips a leading quote mark or dateline."""
    doc = art.doc
    k = s_tok
    while k < end_tok and (doc[k].is_space or doc[k].text in QUOTE_MARK_CHARS):
        k += 1
    # dateline "JAKARTA, KOMPAS —" / "Washington (ANTARA News) -"
    for d in range(k, min(end_tok, k + 8)):
        if doc[d].text in {"—", "–", "-"} and all(t.text.isupper() or not t.is_alpha or t.text[:1].isupper() for t in doc[k:d]):
            if d > k and not hyphen_inside_a_word(doc, d):  # a hyphen inside a name (Soo-hyun) is no dash
                return d + 1
    return k


def clause_end(art: Article, start_tok: int, e_tok: int, sent: Segment) -> int:
    """End of reported content: the sentence end, or a second coordinated speech verb."""
    doc = art.doc
    for k in range(start_tok + 1, e_tok):
        if doc[k].lower_ in art.lex.words.coordinators and k + 2 < e_tok and not art.in_quote(doc[k].idx):
            c = art.cue(k + 1)
            if c is not None and c.kind == "active" and (doc[k + 2].lower_ in art.lex.words.content_introducers or doc[k + 2].text == ","):
                return doc[k].idx
        if doc[k].text == "," and k + 1 < e_tok:
            n = skip(art, k + 1, e_tok, art.lex.adverbs | art.lex.words.verb_links)
            c = art.cue(n)
            if c is not None and c.kind == "active" and n + 1 < e_tok and (doc[n + 1].lower_ in art.lex.words.content_introducers or doc[n + 1].text == ","):
                return doc[k].idx
            if c is not None and c.kind in ("post",) and n == k + 1 and looks_cue_tail(art, n, e_tok):
                return doc[k].idx
            if c is not None and c.kind == "menurut" and n == k + 1:
                return doc[k].idx
    return sent.end


def looks_cue_tail(art: Article, k: int, e_tok: int) -> bool:
    """``…, kata X.`` / ``…, ujarnya.``: a post cue whose speaker ends the sentence (a name, a
    title, or a description that refers back: *kata mantan Ketua Bawaslu ini*)."""
    cue = art.cue(k)
    if cue is None:
        return False
    if cue.clitic:
        rest = [t for t in art.doc[k + 1 : e_tok] if not t.is_space]
        return not rest or rest[0].is_punct or rest[0].lower_ in art.lex.adjunct_starters or rest[0].lower_ in art.lex.days
    end = np_end(art.doc, k + 1, e_tok, art.lex)
    if end > k + 1:
        return True
    from quoteattr.candidates.after_cue import mention_after  # after_cue reads clauses too

    m = mention_after(art, k + 1, e_tok)
    return m is not None and m.kind == "description"  # "…, kata mantan Ketua Bawaslu ini, …"
