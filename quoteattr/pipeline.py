"""spaCy components, registered in one place. Each is a thin wrapper over plain functions."""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from quoteattr import extensions
from quoteattr.mentions import doc_text
from quoteattr.repair import GLUE_KEY, repair, restore_paragraphs
from quoteattr.resolve import extract_quotes
from quoteattr.types import Quote


class QuoteAttributor:
    """Finds quotes, cues and speakers; sets ``doc._.quotes`` and ``doc.spans``.

    ``doc.spans["quoteattr_quotes"]`` holds the quote spans (label = quote type) and
    ``doc.spans["quoteattr_speakers"]`` the speaker mentions (label = speaker name).

    Scraped text is read through a repaired copy (:mod:`quoteattr.repair`: lost paragraph
    breaks restored, glued words spaced, invisible marks dropped); the quotes' offsets and
    slices are mapped back to the input. With ``repair=False`` the rules read the text as
    it is.
    """

    def __init__(self, nlp: Language, name: str, use_ner: bool = False, repair: bool = True, learned_roles: bool = True) -> None:
        self.name = name
        self.use_ner = use_ner
        self.repair = repair
        self.learned_roles = learned_roles
        self._nlp = nlp

    def _tokens(self, text: str) -> Doc:
        tok = self._nlp.tokenizer
        clean = getattr(tok, "tokenize_normalized", None)
        return clean(text) if clean is not None else self._nlp.make_doc(text)

    def _quotes(self, doc: Doc) -> list[Quote]:
        raw = extensions.raw_text(doc)
        if self.repair:
            text = doc_text(doc)
            restored = restore_paragraphs(text)
            known = doc.user_data.get(GLUE_KEY) if restored is text else None  # the tokenizer's
            fix = repair(restored, raw, known)
            if fix is not None:
                return [fix.quote(q, raw) for q in extract_quotes(self._tokens(fix.text), fix.text, learned_roles=self.learned_roles)]
            if restored is not text:
                return extract_quotes(self._tokens(restored), raw, learned_roles=self.learned_roles)
        view = doc
        if not self.use_ner and doc.has_annotation("ENT_IOB"):
            # Measured on the dev set: the shipped NER lowers speaker/role accuracy of the
            # rules (see models/README.md), so by default the rules read an entity-free view.
            view = Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
        return extract_quotes(view, raw, learned_roles=self.learned_roles)

    def __call__(self, doc: Doc) -> Doc:
        quotes = self._quotes(doc)
        doc._.quotes = quotes
        qspans, sspans = [], []
        for q in quotes:
            span = doc.char_span(q.quote_start, q.quote_end, label=q.type, alignment_mode="expand")
            if span is not None:
                qspans.append(span)
            if q.speaker_start is not None and q.speaker_end is not None:
                sp = doc.char_span(q.speaker_start, q.speaker_end, label=q.speaker_name or q.speaker or "", alignment_mode="expand")
                if sp is not None:
                    sspans.append(sp)
        doc.spans[extensions.SPANS_KEY] = qspans
        doc.spans[extensions.SPEAKERS_KEY] = sspans
        return doc

    # nothing to serialize: the rules are data files in the package
    def to_disk(self, path: Any, exclude: Any = ()) -> None:
        return None

    def from_disk(self, path: Any, exclude: Any = ()) -> "QuoteAttributor":
        return self


@Language.factory(
    "quoteattr_attributor",
    assigns=["doc._.quotes", "doc.spans"],
    requires=["token.idx"],
    default_config={"use_ner": False, "repair": True, "learned_roles": True},
)
def make_attributor(nlp: Language, name: str, use_ner: bool, repair: bool = True, learned_roles: bool = True) -> QuoteAttributor:
    """Factory for :class:`QuoteAttributor` (``nlp.add_pipe("quoteattr_attributor")``).

    Args:
        use_ner: let the speaker rules read the pipeline's PER/ORG/LOC entities.
        repair: read scraped text through a repaired copy (:mod:`quoteattr.repair`).
        learned_roles: fill the roles the rules leave empty with the learned role scorer
            (``models/role_model.json``, see :mod:`quoteattr.roles`).
    """
    return QuoteAttributor(nlp, name, use_ner, repair, learned_roles)
