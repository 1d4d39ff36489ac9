"""``quoteattr evaluate``: score the pipeline (or predictions files) against one or more gold files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Optional

import typer

from quoteattr.cli._util import app
from quoteattr.errors import InputError


def load_gold(path: str | Path) -> dict[str, dict[str, Any]]:
    """Gold articles by id (first record wins for a repeated id, like score.py).

    Raises:
        InputError: the file is not JSON Lines, or a record has no ``id``, ``text`` or
            ``quotes`` field (an article file is not a gold file: scoring it would print zeros).
    """
    path = Path(path)
    out: dict[str, dict[str, Any]] = {}
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path} line {n}: not valid JSON ({exc.msg}); a gold file has one JSON record per line") from exc
            missing = [k for k in ("id", "text", "quotes") if not isinstance(rec, dict) or k not in rec]
            if missing:
                raise InputError(
                    f"{path} line {n}: no {', '.join(repr(k) for k in missing)} field; a gold file needs id, text and quotes "
                    "(GUIDELINES.md). To score predictions, give the gold file first and the predictions with --predictions"
                )
            out.setdefault(str(rec["id"]), rec)
    if not out:
        raise InputError(f"{path}: no gold records")
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


def evaluate(gold_path: Path, predictions: Path | None = None, model: str | None = None, nlp: Any = None) -> tuple[dict[str, Any], list[tuple[Any, ...]]]:
    """Score predictions (or a fresh extraction with ``model`` / ``nlp``) against a gold file."""
    from quoteattr.evaluation import score

    gold = load_gold(gold_path)
    if predictions is not None:
        preds = load_predictions(predictions)
    else:
        if nlp is None:
            import quoteattr

            nlp = quoteattr.load(model)
        ids = list(gold)
        preds = {}
        for aid, doc in zip(ids, nlp.pipe(gold[a]["text"] for a in ids)):
            preds[aid] = [q.to_dict() for q in doc._.quotes or []]
    return score(gold, preds)


#: the columns of the figures table: (header, how to read it from a result)
COLUMNS: list[tuple[str, Any]] = [
    ("articles", lambda r: str(r["articles"])),
    ("gold", lambda r: str(r["quotes"]["gold"])),
    ("quote F1", lambda r: f"{r['quotes']['f1']:.3f}"),
    ("direct F1", lambda r: f"{r['direct']['f1']:.3f}"),
    ("indirect F1", lambda r: f"{r['indirect']['f1']:.3f}"),
    ("attribution F1", lambda r: f"{r['attribution']['f1']:.3f}"),
    ("speaker", lambda r: f"{r['speaker_accuracy']:.3f}"),
    ("(lenient)", lambda r: f"({r['speaker_accuracy_lenient']:.3f})"),
    ("role", lambda r: f"{r['role_accuracy']:.3f}"),
]

#: the columns of each kind of error, after the article id
ERROR_FIELDS = {
    "missed": ("type", "gold quote", "gold speaker"),
    "spurious": ("type", "predicted quote", "predicted speaker"),
    "speaker": ("quote", "gold speaker", "predicted speaker"),
    "role": ("speaker", "gold role", "predicted role"),
}


def figures_table(rows: list[tuple[str, dict[str, Any]]]) -> str:
    """One line per gold file with every figure, as an aligned text table."""
    header = ["gold file"] + [h for h, _ in COLUMNS]
    body = [[name] + [get(res) for _, get in COLUMNS] for name, res in rows]
    widths = [max(len(r[i]) for r in [header, *body]) for i in range(len(header))]
    fmt = lambda r: "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths)))  # noqa: E731
    return "\n".join([fmt(header), fmt(["-" * w for w in widths]), *map(fmt, body)])


def errors_table(errors: list[tuple[Any, ...]], limit: int) -> str:
    """The first ``limit`` errors, grouped by kind, each field under its label."""
    out = []
    for kind, fields in ERROR_FIELDS.items():
        of_kind = [e for e in errors if e[0] == kind][:limit]
        if not of_kind:
            continue
        out.append(f"{kind} ({sum(1 for e in errors if e[0] == kind)}):")
        for e in of_kind:
            out.append(f"  article: {e[1]}")
            for label, value in zip(fields, e[2:]):
                out.append(f"    {label + ':':19} {value}")
    return "\n".join(out)


def _name(path: Path, all_paths: list[Path]) -> str:
    stems = [p.name for p in all_paths]
    return path.name if stems.count(path.name) == 1 else str(path)


@app.command("evaluate")
def evaluate_cli(
    gold: list[Path] = typer.Argument(..., help="One or more gold JSON Lines files (id, text, quotes), see GUIDELINES.md.", metavar="GOLD..."),
    predictions: Optional[Path] = typer.Option(None, "--predictions", "-p", help="Score this predictions file (one gold file only) instead of running the pipeline."),
    model: Optional[str] = typer.Option(None, "--model", "-m", help="Pipeline directory or 'rules'."),
    errors: int = typer.Option(0, "--errors", help="List up to N errors of each kind per gold file."),
    as_json: bool = typer.Option(False, "--json", help="One JSON line per gold file instead of the table."),
) -> None:
    """Score against gold annotations: the figures of shared/eval/score.py, one row per gold file."""
    from quoteattr.errors import QuoteAttrError

    if predictions is not None and len(gold) > 1:
        typer.echo("error: --predictions scores one gold file; give a single GOLD", err=True)
        raise typer.Exit(2)
    rows: list[tuple[str, dict[str, Any]]] = []
    errs: list[tuple[str, list[tuple[Any, ...]]]] = []
    nlp = None
    try:
        if predictions is None:
            import quoteattr

            for g in gold:  # fail on a bad gold file before loading and running anything
                load_gold(g)
            nlp = quoteattr.load(model)
        for g in gold:
            res, e = evaluate(g, predictions, model, nlp=nlp)
            rows.append((_name(g, gold), res))
            errs.append((_name(g, gold), e))
    except (QuoteAttrError, OSError, ValueError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    if as_json:
        for name, res in rows:
            typer.echo(json.dumps({"gold": name, **res}))
    else:
        typer.echo(figures_table(rows))
    for name, e in errs:
        if errors and e:
            typer.echo(f"\n== errors in {name}")
            typer.echo(errors_table(e, errors))
