"""The exceptions quoteattr raises. Each message says what went wrong and what to do."""

from __future__ import annotations


class QuoteAttrError(Exception):
    """Base class of every error quoteattr raises on purpose."""


class ResourceError(QuoteAttrError):
    """A bundled data file (word list, pattern file) is missing or malformed."""


class ModelNotFoundError(QuoteAttrError, OSError):
    """The spaCy pipeline to load cannot be found on disk."""


class InputError(QuoteAttrError, ValueError):
    """An input (file, record, column, text) cannot be read; the message names it."""


class BackendError(QuoteAttrError, ImportError):
    """An optional backend (stanza) is not installed or its models are missing."""


class OutputError(QuoteAttrError, OSError):
    """An output cannot be written (permissions, full disk); the message names the path."""


class ArticleErrorWarning(UserWarning):
    """Some articles of a table could not be processed (their status is ``error``); the others were."""
