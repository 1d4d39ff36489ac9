"""``quoteattr evaluate``: score the pipeline (or a predictions file) against gold annotations."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Optional

import typer

from quoteattr.cli._util import app


def load_gold(path: Path) -> dict[str, dict[str, Any]]:
    """Gold articles by id (first record wins for a repeated id, like score.py)."""
    out: dict[str, dict[str, Any]] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rec = json.loads(line)
                out.setdefault(str(rec["id"]), rec)
    return out


def load_predictions(path: Path) -> dict[str, list[dict[str, Any]]]:
    """Predictions: one article a line with ``quotes``, or one quote a line with ``article_id``/``id``."""
    from quoteattr.io import read_table_records

    preds: dict[str, list[dict[str, Any]]] = {}
    for rec in read_table_records(path):
        if "quotes" in rec:
            preds.setdefault(str(rec["id"]), []).extend(rec["quotes"] or [])
        else:
            aid = rec.get("article_id", rec.get("id"))
            preds.setdefault(str(aid), []).append(rec)
    return preds


def evaluate(gold_path: Path, predictions: Path | None = None, model: str | None = None) -> tuple[dict[str, Any], list[tuple[Any, ...]]]:
    """Score predictions (or a fresh extraction with ``model``) against a gold file."""
    from quoteattr.evaluation import score

    gold = load_gold(gold_path)
    if predictions is not None:
        preds = load_predictions(predictions)
    else:
        import quoteattr

        nlp = quoteattr.load(model)
        ids = list(gold)
        preds = {}
        for aid, doc in zip(ids, nlp.pipe(gold[a]["text"] for a in ids)):
            preds[aid] = [q.to_dict() for q in doc._.quotes or []]
    return score(gold, preds)


@app.command("evaluate")
def evaluate_cli(
    gold: Path = typer.Argument(..., help="Gold JSON Lines (id, text, quotes), see GUIDELINES.md."),
    predictions: Optional[Path] = typer.Option(None, "--predictions", "-p", help="Score this predictions file instead of running the pipeline."),
    model: Optional[str] = typer.Option(None, "--model", "-m", help="Pipeline directory or 'rules'."),
    errors: int = typer.Option(0, "--errors", help="List up to N errors."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON line."),
) -> None:
    """Score against gold annotations: the figures of shared/eval/score.py."""
    from quoteattr.errors import QuoteAttrError

    try:
        res, errs = evaluate(gold, predictions, model)
    except (QuoteAttrError, OSError, ValueError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    if as_json:
        typer.echo(json.dumps(res))
    else:
        for k, v in res.items():
            typer.echo(f"{k:26} {v}")
    for e in errs[:errors]:
        typer.echo("   " + " | ".join(str(x) for x in e))
