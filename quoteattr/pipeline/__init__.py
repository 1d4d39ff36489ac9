"""The quoteattr spaCy components (registered in :mod:`.factories`) and the plain functions
behind them (:mod:`.stages`).

Following a Doc: the tokenizer (:mod:`quoteattr.tokenizer`) → ``quoteattr_segmenter``
(:mod:`quoteattr.segment`, :mod:`quoteattr.article`) → ``quoteattr_quote_finder``
(:mod:`quoteattr.candidates`) → ``quoteattr_speaker_resolver`` (:mod:`quoteattr.resolve`).
``quoteattr_attributor`` runs the three in one component.
"""

from __future__ import annotations

from quoteattr.pipeline.components import QuoteAttributor, QuoteFinder, QuoteSegmenter, SpeakerResolver
from quoteattr.pipeline.factories import make_attributor, make_quote_finder, make_segmenter, make_speaker_resolver
from quoteattr.pipeline.stages import View, extract_quotes, read_view

__all__ = [
    "QuoteAttributor", "QuoteFinder", "QuoteSegmenter", "SpeakerResolver", "View", "extract_quotes", "make_attributor", "make_quote_finder",
    "make_segmenter", "make_speaker_resolver", "read_view",
]
