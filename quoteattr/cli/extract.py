"""``quoteattr extract``: a corpus in, the quotes table (and an articles table) out.

A thin layer over :func:`quoteattr.batch.run`; see docs/batch.md.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from quoteattr.cli._util import app
from quoteattr.io.readers import READERS


@app.command("extract")
def extract_cli(
    input: Path = typer.Argument(..., help=f"Articles: a {', '.join(READERS)} file (id and text columns; .txt: one article) or a folder of them (recursive)."),
    output: Path = typer.Option(..., "--output", "-o", help="Quotes table: .parquet, .csv or .jsonl (articles table beside it), or a folder for Parquet parts."),
    model: Optional[str] = typer.Option(None, "--model", "-m", help="Pipeline directory, or 'rules' (default: the shipped model)."),
    id_column: str = typer.Option("id", help="Id column/field."),
    text_column: str = typer.Option("text", help="Text column/field."),
    articles: Optional[Path] = typer.Option(None, "--articles", help="Articles table (default: <output stem>.articles.<ext>)."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Worker processes (each loads the model once)."),
    engine: str = typer.Option("local", "--engine", help="'local' (process pool) or 'dask'."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask scheduler address, e.g. tcp://10.0.0.1:8786 (with --engine dask)."),
    limit: Optional[int] = typer.Option(None, "--limit", min=0, help="Only the first N input records."),
    batch_size: int = typer.Option(32, "--batch-size", min=1, help="Articles per nlp.pipe batch / worker task."),
    shard_size: int = typer.Option(500, "--shard-size", min=1, help="Articles per output part (the unit of resumption)."),
    timeout: float = typer.Option(60.0, "--timeout", help="Seconds per article before it is recorded as an error (0: no limit)."),
    max_chars: int = typer.Option(1_000_000, "--max-chars", min=1, help="Longer articles are recorded as errors."),
    fresh: bool = typer.Option(False, "--fresh", help="Discard the parts of an unfinished earlier run instead of resuming it."),
    keep_parts: bool = typer.Option(False, "--keep-parts", help="Keep the parts folder after assembling the output file."),
    fail_on_error: bool = typer.Option(False, "--fail-on-error", help="Exit with status 1 if any article has status=error."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar, no per-article messages."),
) -> None:
    """Extract every quote of every article: one row per quote, resumable after a crash.

    Re-run the same command after an interruption to resume. Exit status: 0 on success, 1 when no article could be read (or with --fail-on-error, when any failed), 2 on a usage or input error.
    """
    from quoteattr.batch import BatchOptions, run
    from quoteattr.errors import QuoteAttrError

    options = BatchOptions(
        model=model,
        id_column=id_column,
        text_column=text_column,
        batch_size=batch_size,
        shard_size=shard_size,
        time_limit=timeout or None,
        max_chars=max_chars,
        limit=limit,
    )
    try:
        s = run(input, output, options, workers=workers, engine=engine, scheduler=scheduler, articles_output=articles, fresh=fresh, keep_parts=keep_parts, quiet=quiet)
    except QuoteAttrError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    where = f"{s.quotes_path} (articles: {s.articles_path})" if s.quotes_path else f"{s.parts_dir}/"
    resumed = f", {s.n_resumed} resumed" if s.n_resumed else ""
    rate = f", {s.n_articles / s.seconds:.1f} articles/s" if s.seconds > 0 else ""
    if not quiet or s.n_errors:
        typer.echo(f"{s.n_articles} articles ({s.n_errors} errors, {s.n_warnings} warnings{resumed}), {s.n_quotes} quotes → {where}{rate}", err=True)
        if s.speakers_path is not None:
            typer.echo(f"speakers table → {s.speakers_path}", err=True)
        if s.propagation_path is not None:
            typer.echo(f"quote propagation table → {s.propagation_path}", err=True)
    if s.n_ok == 0:
        typer.echo("error: no article could be read; see the articles table for why", err=True)
        raise typer.Exit(1)
    if fail_on_error and s.n_errors:
        raise typer.Exit(1)
