"""Command-line interface: ``quoteattr extract | evaluate | show``. Thin wrappers over the API."""

from quoteattr.cli._util import app
from quoteattr.cli import evaluate, extract, show  # noqa: F401  (register subcommands)

__all__ = ["app"]
