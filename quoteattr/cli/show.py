"""``quoteattr show``: the quotes of one article, readable in a terminal."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Optional

import typer

from quoteattr.cli._util import app
from quoteattr.types import Quote

#: How a quote's words are shown: direct quotes verbatim in “…”, indirect and mixed ones
#: (the reporter's paraphrase, with any quoted fragment in its own marks) after "≈".
VERBATIM, PARAPHRASE = ("“", "”"), ("≈ ", "")


def format_quotes(text: str, quotes: Sequence[Quote]) -> str:
    """A plain-text listing of an article's quotes; direct quotes in “…”, paraphrases after ≈."""
    lines = []
    for i, q in enumerate(quotes, 1):
        who = q.speaker_name or q.speaker or "?"
        role = f" ({q.role})" if q.role else ""
        cue = f" [{q.cue}]" if q.cue else " [continuation]"
        via = f" via {q.via}" if q.via else ""
        lines.append(f"{i:>3}. {q.type.upper():8} {who}{role}{cue}{via}  conf={q.confidence:.2f}")
        opening, closing = VERBATIM if q.type == "direct" else PARAPHRASE
        lines.extend(textwrap.wrap(q.quote, width=96, initial_indent="       " + opening, subsequent_indent=" " * (7 + len(opening))))
        lines[-1] += closing
    if quotes:
        lines.append("(“…” verbatim, direct; ≈ paraphrase, indirect or mixed)")
    else:
        lines.append("(no quotes found)")
    return "\n".join(lines)


@app.command("show")
def show_cli(
    source: str = typer.Argument(..., help="A .txt file, a .jsonl file (first article, or --id), or the text itself."),
    article_id: Optional[str] = typer.Option(None, "--id", help="Article id in a .jsonl/.csv/.parquet file."),
    model: Optional[str] = typer.Option(None, "--model", "-m", help="Pipeline directory or 'rules'."),
    html: Optional[Path] = typer.Option(None, "--html", help="Also write a highlighted HTML page here."),
) -> None:
    """Show the quotes of one article."""
    import quoteattr
    from quoteattr.errors import QuoteAttrError
    from quoteattr.io import read_articles

    try:
        path = Path(source)
        meta: dict[str, Any] = {}
        if len(source) < 4096 and path.suffix.lower() == ".txt" and path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            meta["id"] = path.stem
        elif len(source) < 4096 and path.suffix.lower() in (".jsonl", ".csv", ".parquet") and path.is_file():
            found = next((a for a in read_articles(path) if article_id is None or a[0] == article_id), None)
            if found is None:
                raise quoteattr.InputError(f"{path}: no article with id {article_id!r}; give an id the file holds (--id)")
            text, meta = found[1], {**found[2], "id": found[0]}
        else:
            text = source
        nlp = quoteattr.load(model)
        quotes = quoteattr.extract(text, nlp)
        typer.echo(format_quotes(text, quotes))
        if html is not None:
            from quoteattr.render import render_page

            page = render_page(text, quotes, title=meta.get("title"), article_id=meta.get("id"), date=meta.get("date"), outlet=meta.get("outlet"))
            html.write_text(page, encoding="utf-8")
            typer.echo(f"→ {html}", err=True)
    except QuoteAttrError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
