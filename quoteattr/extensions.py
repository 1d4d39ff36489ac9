"""Custom attributes, registered once: ``doc._.quotes`` (list of :class:`~quoteattr.types.Quote`)."""

from __future__ import annotations

from typing import Any

import srsly
from spacy.tokens import Doc

RAW_TEXT_KEY = "quoteattr_raw_text"
SPANS_KEY = "quoteattr_quotes"
SPEAKERS_KEY = "quoteattr_speakers"
CUES_KEY = "quoteattr_cues"
PARAGRAPHS_KEY = "quoteattr_paragraphs"
SENTENCES_KEY = "quoteattr_sentences"
QUOTE_MARKS_KEY = "quoteattr_quote_marks"


def register() -> None:
    """Register ``Doc._.quotes`` and the msgpack codec of :class:`Quote` (idempotent)."""
    if not Doc.has_extension("quotes"):
        Doc.set_extension("quotes", default=None)
    srsly.msgpack_encoders.register("quoteattr_quote", func=_encode_quote)
    srsly.msgpack_decoders.register("quoteattr_quote", func=_decode_quote)


_QUOTE_TAG = "__quoteattr_quote__"


def _encode_quote(obj: Any, chain: Any = None) -> Any:
    """msgpack encoder (srsly): a :class:`Quote` as a tagged dict, so ``doc.to_bytes()`` and
    ``nlp.pipe(n_process=2)`` carry ``doc._.quotes``."""
    from quoteattr.types import Quote

    if isinstance(obj, Quote):
        return {_QUOTE_TAG: obj.to_dict()}
    return obj if chain is None else chain(obj)


def _decode_quote(obj: Any, chain: Any = None) -> Any:
    """msgpack decoder (srsly): the tagged dict back to a :class:`Quote`."""
    if isinstance(obj, dict) and _QUOTE_TAG in obj:
        from quoteattr.types import Quote

        return Quote(**obj[_QUOTE_TAG])
    return obj if chain is None else chain(obj)


def raw_text(doc: Doc) -> str:
    """The text the user gave (``doc.text`` is its offset-preserving normalization)."""
    raw = doc.user_data.get(RAW_TEXT_KEY)
    return str(raw) if raw is not None else doc.text


register()
