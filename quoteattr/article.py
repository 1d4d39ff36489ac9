"""The segmenter's product: one article's paragraphs, sentences and quote-mark spans, with
token and character indexes over its Doc. Every later stage (cues and quote candidates,
speaker resolution) reads the article through it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.tokens import Doc

from quoteattr.cues import CueForm
from quoteattr.lexicon import Lexicon, default_lexicon
from quoteattr.mentions import doc_text
from quoteattr.segment import QuoteSpan, Segment, paragraphs, quote_spans, sentences


class Article:
    """Token/character indexes over one Doc, shared by the pattern functions."""

    def __init__(self, doc: Doc, lex: Lexicon | None = None) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.lex: Lexicon = lex if lex is not None else default_lexicon()
        self.cues = self.lex.cues
        self.phrases = self.lex.phrases
        self.paras: list[Segment] = paragraphs(self.text)
        self.quotes: list[QuoteSpan] = quote_spans(self.text, self.paras)
        self.sents: list[Segment] = sentences(self.text, self.paras, self.quotes)
        self.tok_starts = [t.idx for t in doc]
        self.lowers = [t.lower_ for t in doc]
        self.peri_verbs, self.peri_nouns = self.lex.peri_verbs, self.lex.peri_nouns
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
