"""The typer app shared by the subcommands."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="quoteattr",
    help="Who said what, in what capacity: quotes and speakers from Indonesian news.",
    no_args_is_help=True,
    add_completion=False,
)
