"""The typer app shared by the subcommands, with clean usage lines and ``--version``."""

from __future__ import annotations

from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

from quoteattr.about import __version__


def _tidy(params: list[Any]) -> None:
    """Arguments are named ``INPUT`` in help and errors; on/off flags show no ``<bool>`` type."""
    for p in params:
        if p.metavar is not None:
            continue
        if p.param_type_name == "argument":
            p.metavar = (p.name or "arg").upper()
        elif p.param_type_name == "option" and getattr(p, "is_flag", False):
            p.metavar = ""


class Command(TyperCommand):
    """A subcommand whose usage line names its arguments as ``INPUT`` (``[INPUT]`` when optional)."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for p in self.get_params(ctx):
            if p.param_type_name == "argument":
                name = str(p.metavar) + ("..." if p.nargs != 1 else "")
                pieces.append(name if p.required else f"[{name}]")
        return pieces

    def get_params(self, ctx: Any) -> list[Any]:
        params = super().get_params(ctx)
        _tidy(params)
        return params


class Group(TyperGroup):
    """The ``quoteattr`` command group (its ``--help`` and ``--version`` shown without ``<bool>``)."""

    def get_params(self, ctx: Any) -> list[Any]:
        params = super().get_params(ctx)
        _tidy(params)
        return params


class App(typer.Typer):
    """A Typer app whose subcommands use :class:`Command` unless told otherwise."""

    def command(self, name: str | None = None, *, cls: type[TyperCommand] | None = None, **kwargs: Any) -> Any:
        return super().command(name, cls=cls or Command, **kwargs)


app = App(
    name="quoteattr",
    cls=Group,
    help="Who said what, in what capacity: quotes and speakers from Indonesian news.",
    no_args_is_help=True,
    add_completion=False,
)


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"quoteattr {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(False, "--version", "-V", help="Print the version and exit.", is_eager=True, callback=_print_version),
) -> None:
    """Who said what, in what capacity: quotes and speakers from Indonesian news."""
