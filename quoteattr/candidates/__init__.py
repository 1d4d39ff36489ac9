"""Stage 2, cues and quote candidates: the quotes of one article with their cue and the
speaker mention as written, before speaker resolution (:mod:`quoteattr.resolve`).

The functions here read an :class:`~quoteattr.article.Article` (the segmenter's paragraphs,
sentences and quote-mark spans over a Doc made by the quoteattr tokenizer, with or without
NER) and return :class:`Candidate` s. Patterns (see GUIDELINES.md and ``resources/cues.json``):

* direct (:mod:`.direct`), cue after: “…,” kata X / “…,” ujarnya / “…,” X menambahkan;
  cue before: X mengatakan, “…” / Kata X: “…” / Menurut X, “…”; cue in the next sentence;
* continuation (:mod:`.continuation`): a quote that opens a paragraph or sentence with no
  cue of its own;
* indirect (:mod:`.indirect`): X mengatakan (bahwa|agar|,) …; Menurut X, …; …, menurut X;
  …, kata X; Dikatakan X, …; Hal itu disampaikan X (the previous sentence); the readings of
  speech verbs and *menurut* the rules doubt go to the learned gate (:mod:`.gate`);
* mixed: an indirect quote that contains a quoted fragment.

The speaker phrase next to a cue is read by :mod:`.speaker_phrase`.
"""

from __future__ import annotations

from quoteattr.article import Article
from quoteattr.candidates.continuation import add_continuations
from quoteattr.candidates.direct import direct_candidate
from quoteattr.candidates.gate import Gate
from quoteattr.candidates.indirect import indirect_candidates
from quoteattr.candidates.record import Candidate, CueSite, Pattern, QuoteSite

__all__ = ["Candidate", "CueSite", "Pattern", "QuoteSite", "find_candidates"]


def find_candidates(art: Article, gate: Gate | None = None) -> list[Candidate]:
    """All quote candidates of an article, in text order; ``gate`` decides on the readings of
    speech verbs and *menurut* the rules doubt (:mod:`.gate`; ``None``: the rules alone)."""
    out: list[Candidate] = []
    used_quotes: set[int] = set()
    for qi, q in enumerate(art.quotes):
        c = direct_candidate(art, q)
        if c is not None:
            out.append(c)
            used_quotes.add(qi)
    out.extend(indirect_candidates(art, used_quotes, gate))
    out.sort(key=lambda c: c.start)
    add_continuations(art, out, used_quotes)
    out.sort(key=lambda c: c.start)
    return out
