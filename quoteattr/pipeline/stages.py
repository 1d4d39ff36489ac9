"""The plain functions behind the components, in pipeline order: the view of the Doc the rules
read (:func:`read_view`), then segment → candidates → speakers (:func:`extract_quotes`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from quoteattr import extensions
from quoteattr.article import Article
from quoteattr.candidates import find_candidates
from quoteattr.lexicon import Lexicon
from quoteattr.mentions import doc_text
from quoteattr.repair import GLUE_KEY, Repair, repair, restore_paragraphs
from quoteattr.resolve import resolve_quotes
from quoteattr.types import Quote


@dataclass(frozen=True)
class View:
    """The Doc the rules read, and the way from its offsets back to the input's.

    Attributes:
        doc: the Doc the rules read: the input Doc, an entity-free copy, or a Doc of the
            repaired text (:mod:`quoteattr.repair`).
        source: the text the quotes' offsets and slices point into while the rules run.
        raw: the text the user gave.
        fix: the repair that made ``doc``'s text, if any (its offsets map back through it).
    """

    doc: Doc
    source: str
    raw: str
    fix: Repair | None = None

    def to_input(self, q: Quote) -> Quote:
        """``q`` with offsets and slices in the input text."""
        return self.fix.quote(q, self.raw) if self.fix is not None else q

    def span(self, doc: Doc, start: int, end: int, label: str = "") -> Span | None:
        """The span of ``doc`` (the input Doc) over ``[start, end)`` of the view's text."""
        if self.fix is not None:
            start, end = self.fix.start(start), self.fix.end(end)
        return doc.char_span(start, end, label=label, alignment_mode="expand")


def read_view(doc: Doc, *, tokens: Callable[[str], Doc], use_ner: bool = False, repair_text: bool = True) -> View:
    """The :class:`View` the rules read for ``doc``.

    Scraped text is read through a repaired copy (lost paragraph breaks restored, glued words
    spaced, invisible marks dropped) tokenized by ``tokens``; with ``repair_text=False`` the
    text is read as it is. Without ``use_ner`` the rules read an entity-free view: measured on
    the dev set, the shipped NER lowers speaker/role accuracy of the rules (models/README.md).
    """
    raw = extensions.raw_text(doc)
    if repair_text:
        text = doc_text(doc)
        restored = restore_paragraphs(text)
        known = doc.user_data.get(GLUE_KEY) if restored is text else None  # the tokenizer's
        fix = repair(restored, raw, known)
        if fix is not None:
            return View(tokens(fix.text), fix.text, raw, fix)
        if restored is not text:
            return View(tokens(restored), raw, raw)
    view = doc
    if not use_ner and doc.has_annotation("ENT_IOB"):
        view = Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
    return View(view, raw, raw)


def extract_quotes(
    doc: Doc, source_text: str | None = None, learned_roles: bool = True, lexicon: Lexicon | None = None, learned_indirect: bool = True
) -> list[Quote]:
    """Find and attribute every quote of one Doc, as read (no repair): the three stages in order.

    Args:
        source_text: the text the offsets point into (default ``doc.text``).
        learned_roles: fill the roles the rules leave empty with the learned role scorer.
        lexicon: the word lists the rules read (default: the package's).
        learned_indirect: let the learned gate take the speech-verb and *menurut* readings the rules doubt
            (:mod:`quoteattr.candidates.gate`).
    """
    from quoteattr.candidates.gate import indirect_gate

    art = Article(doc, lexicon)
    cands = find_candidates(art, indirect_gate() if learned_indirect else None)
    return resolve_quotes(art, cands, source_text if source_text is not None else doc.text, learned_roles=learned_roles)
