"""quoteattr: who said what, in what capacity, in Indonesian news.

>>> import quoteattr
>>> df = quoteattr.extract_frame(["“Kami siap,” kata Menteri Budi Santoso."])
"""

from __future__ import annotations

import logging

from quoteattr.about import __version__
from quoteattr.api import extract, extract_frame
from quoteattr.errors import ArticleErrorWarning, InputError, ModelNotFoundError, QuoteAttrError
from quoteattr.loading import load
from quoteattr.propagation import propagation
from quoteattr.render import render
from quoteattr.speakers import speakers
from quoteattr.types import Quote

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = ["__version__", "load", "extract", "extract_frame", "speakers", "propagation", "render", "Quote", "QuoteAttrError", "InputError", "ModelNotFoundError", "ArticleErrorWarning"]
