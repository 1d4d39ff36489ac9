"""Custom attributes, registered once: ``doc._.quotes`` (list of :class:`~quoteattr.types.Quote`)."""

from __future__ import annotations

from spacy.tokens import Doc

RAW_TEXT_KEY = "quoteattr_raw_text"
SPANS_KEY = "quoteattr_quotes"
SPEAKERS_KEY = "quoteattr_speakers"
CUES_KEY = "quoteattr_cues"
PARAGRAPHS_KEY = "quoteattr_paragraphs"
SENTENCES_KEY = "quoteattr_sentences"
QUOTE_MARKS_KEY = "quoteattr_quote_marks"


def register() -> None:
    """Register ``Doc._.quotes`` (idempotent)."""
    if not Doc.has_extension("quotes"):
        Doc.set_extension("quotes", default=None)


def raw_text(doc: Doc) -> str:
    """The text the user gave (``doc.text`` is its offset-preserving normalization)."""
    raw = doc.user_data.get(RAW_TEXT_KEY)
    return str(raw) if raw is not None else doc.text


register()
