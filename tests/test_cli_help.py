"""The CLI's --version and its help: usage lines name arguments in capitals, flags show no type."""

from __future__ import annotations

import subprocess
import sys

import pytest
from typer.testing import CliRunner

import quoteattr
from quoteattr.cli import app

USAGE = {
    (): "Usage: quoteattr [OPTIONS] COMMAND [ARGS]...",
    ("extract",): "Usage: quoteattr extract [OPTIONS] INPUT",
    ("show",): "Usage: quoteattr show [OPTIONS] SOURCE",
    ("evaluate",): "Usage: quoteattr evaluate [OPTIONS] GOLD",
}


def test_version() -> None:
    res = CliRunner().invoke(app, ["--version"])
    assert res.exit_code == 0 and res.output.strip() == f"quoteattr {quoteattr.__version__}"
    out = subprocess.run([sys.executable, "-m", "quoteattr", "-V"], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == f"quoteattr {quoteattr.__version__}"


@pytest.mark.parametrize("args", list(USAGE), ids=lambda a: " ".join(a) or "quoteattr")
def test_help_is_clean(args: tuple[str, ...]) -> None:
    res = CliRunner().invoke(app, [*args, "--help"], terminal_width=100)
    assert res.exit_code == 0, res.output
    assert USAGE[args] in res.output
    assert "{" not in res.output and "<bool>" not in res.output, res.output


def test_missing_argument_is_named_as_in_the_usage_line() -> None:
    res = CliRunner().invoke(app, ["extract"])
    assert res.exit_code == 2 and "Missing argument 'INPUT'" in res.output
