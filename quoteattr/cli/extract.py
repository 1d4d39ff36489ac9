"""``quoteattr extract``: a corpus in, the quotes table out."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from quoteattr.cli._util import app


@app.command("extract")
def extract_cli(
    input: Path = typer.Argument(..., help="Articles: .jsonl, .csv, .parquet (id and text columns) or a folder of .txt files."),
    output: Path = typer.Option(..., "--output", "-o", help="Quotes table: .parquet, .csv or .jsonl."),
    model: Optional[str] = typer.Option(None, "--model", "-m", help="Pipeline directory, or 'rules' (default: the shipped model)."),
    id_column: str = typer.Option("id", help="Id column/field."),
    text_column: str = typer.Option("text", help="Text column/field."),
) -> None:
    """Extract every quote of every article into one table (one row per quote)."""
    import quoteattr
    from quoteattr.api import rows
    from quoteattr.errors import QuoteAttrError
    from quoteattr.io import read_articles, write_table
    from quoteattr.schema import quotes_frame

    try:
        nlp = quoteattr.load(model)
        out = []
        arts = list(read_articles(input, id_column, text_column))
        for (aid, _, meta), doc in zip(arts, nlp.pipe(t for _, t, _ in arts)):
            out.extend(rows(aid, doc._.quotes or [], meta))
        write_table(quotes_frame(out), output)
    except QuoteAttrError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    typer.echo(f"{len(arts)} articles, {len(out)} quotes → {output}", err=True)
