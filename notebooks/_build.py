"""Regenerate (and execute) the notebooks from this script, so their source stays reviewable.

Usage (from the repository root)::

    .venv/bin/python notebooks/_build.py            # write and execute both notebooks
    .venv/bin/python notebooks/_build.py --no-exec  # write them without outputs

The committed outputs of ``02_evaluate`` are made on the project's own small gold file, so that
no text from ../shared ends up in the repository::

    QUOTEATTR_GOLD=../tests/data/mini.gold.jsonl .venv/bin/python notebooks/_build.py

Execution uses whatever pipeline ``quoteattr.load()`` finds (``$QUOTEATTR_MODEL``, the
shipped ``models/id_news``), falling back to the rules. Outputs are kept small.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

HERE = Path(__file__).resolve().parent

SETUP = '''\
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import display

import quoteattr
from quoteattr import analysis
from quoteattr.loading import resolve_model
from quoteattr.render import render

pd.set_option("display.max_colwidth", 60)
pd.set_option("display.width", 160)
from matplotlib.ticker import MaxNLocator

plt.rcParams.update({"figure.dpi": 72, "figure.figsize": (7.5, 2.8), "axes.spines.top": False, "axes.spines.right": False})
TYPE_COLOURS = {"direct": "#1d4ed8", "indirect": "#15803d", "mixed": "#c2410c"}
BY_TYPE = {"n_direct": "direct", "n_indirect": "indirect", "n_mixed": "mixed"}


def label(ax, title, xlabel, ylabel, count_axis=None, legend=False):
    """Title and axis labels; integer ticks on the count axis ("x" or "y"); the legend right of the plot, off the bars."""
    ax.set_title(title, loc="left", fontsize=11, fontweight="bold")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if count_axis:
        getattr(ax, f"{count_axis}axis").set_major_locator(MaxNLocator(integer=True))
    if legend:
        ax.legend(title="quote type", frameon=False, fontsize=8, title_fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1))
    plt.tight_layout()


def pick_model(model):
    """The pipeline to use: MODEL, $QUOTEATTR_MODEL or the shipped model; the rules if none is there."""
    try:
        return str(resolve_model(model))
    except quoteattr.ModelNotFoundError as exc:
        print(f"note: {exc}\\n→ using the rules without NER")
        return "rules"


model = pick_model(MODEL)
nlp = quoteattr.load(model)
print("pipeline:", model if model == "rules" else Path(model).name, "| components:", nlp.pipe_names)'''


def explore() -> nbformat.NotebookNode:
    cells = [
        new_markdown_cell(
            "# Exploring a corpus with quoteattr\n\n"
            "Who is quoted, in what capacity, where and when. The notebook runs on the bundled example corpus "
            "(`examples/articles.jsonl`: invented Indonesian news articles); point `CORPUS` at any `.jsonl`, `.csv`, "
            "`.parquet` file or folder of `.txt` files (fields `id`, `text`, optionally `date`, `outlet`, `title`)."
        ),
        new_code_cell(
            "# Parameters\n"
            'CORPUS = "../examples/articles.jsonl"  # any corpus quoteattr.io.read_articles reads\n'
            'MODEL = None  # None: $QUOTEATTR_MODEL or the shipped model (rules if absent); or a path, or "rules"\n'
            "TOP = 8  # rows in the top-N tables\n"
            'FREQ = "Q"  # timeline period: "D", "W", "M", "Q", "Y"\n'
            "N_HIGHLIGHT = 2  # articles shown highlighted",
            metadata={"tags": ["parameters"]},
        ),
        new_code_cell(SETUP),
        new_markdown_cell(
            "## The corpus and its quotes\n\n`quoteattr.extract_frame` returns one row per quote; metadata columns pass through."
        ),
        new_code_cell(
            "from quoteattr.io import read_articles\n\n"
            'articles = [{"id": aid, "text": text, **meta} for aid, text, meta in read_articles(CORPUS)]\n'
            "quotes = quoteattr.extract_frame(articles, nlp)\n"
            'print(f"{len(articles)} articles, {len(quotes)} quotes")\n'
            'short = quotes.assign(quote=quotes["quote"].str.slice(0, 50))\n'
            'short[["article_id", "type", "speaker", "speaker_name", "role", "cue", "quote"]].head(10)'
        ),
        new_markdown_cell("Direct, indirect and mixed quotes, over the whole corpus:"),
        new_code_cell("analysis.type_shares(quotes)"),
        new_markdown_cell(
            "## Top speakers\n\n`analysis.quotes_per_speaker` merges name variants across articles "
            "(*Jokowi* / *Joko Widodo* when an article links them, spelling and honorific variants) with `quoteattr.speakers`."
        ),
        new_code_cell(
            "top = analysis.quotes_per_speaker(quotes, top=TOP)\n"
            'display(top[["speaker_name", "role", "n_articles", "n_quotes", "n_direct", "n_indirect", "n_mixed"]])\n\n'
            'ax = top.set_index("speaker_name")[list(BY_TYPE)].rename(columns=BY_TYPE).iloc[::-1].plot.barh(\n'
            "    stacked=True, color=TYPE_COLOURS, figsize=(7.5, 0.3 * len(top) + 1.2))\n"
            'label(ax, f"The {len(top)} most quoted speakers", "quotes (count)", "speaker", count_axis="x", legend=True)\n'
            "plt.show()"
        ),
        new_markdown_cell("## In what capacity: roles"),
        new_code_cell('analysis.quotes_per_role(quotes, top=TOP)[["role", "n_speakers", "n_quotes", "share_direct"]]'),
        new_markdown_cell("## When: a timeline\n\nQuotes per period (`FREQ`), by type; empty periods are kept so gaps show."),
        new_code_cell(
            "timeline = analysis.quotes_per_period(quotes, freq=FREQ)\n"
            'ax = timeline.set_index("period")[list(BY_TYPE)].rename(columns=BY_TYPE).plot.bar(stacked=True, color=TYPE_COLOURS, width=0.8)\n'
            'ax.tick_params(axis="x", labelsize=8, rotation=45)\n'
            'period = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year"}.get(FREQ, FREQ)\n'
            'label(ax, f"Quotes per {period}", period, "quotes (count)", count_axis="y", legend=True)\n'
            "plt.show()\n"
            'timeline[timeline["n_quotes"] > 0][["period", "n_articles", "n_quotes", "share_direct"]]'
        ),
        new_markdown_cell("## Where: outlets"),
        new_code_cell(
            "outlets = analysis.quotes_per_outlet(quotes)\n"
            'display(outlets[["outlet", "n_articles", "n_speakers", "quotes_per_article", "n_quotes", "share_direct", "share_indirect", "share_mixed"]])\n\n'
            'shares = outlets.set_index("outlet")[["share_direct", "share_indirect", "share_mixed"]].iloc[::-1] * 100\n'
            'ax = shares.rename(columns=lambda c: c.removeprefix("share_")).plot.barh(\n'
            "    stacked=True, color=TYPE_COLOURS, figsize=(7.5, 0.35 * len(outlets) + 1.2))\n"
            "ax.set_xlim(0, 100)\n"
            'label(ax, "Quote types by outlet", "share of the outlet\'s quotes (%)", "outlet", count_axis="x", legend=True)\n'
            "plt.show()"
        ),
        new_markdown_cell(
            "## The speakers table\n\nOne row per speaker across the corpus (`quoteattr.speakers`): stable ids, roles, first and last dates."
        ),
        new_code_cell(
            "speakers = analysis.speakers_table(quotes)\n"
            'speakers[["speaker_id", "speaker_name", "speaker_type", "role", "n_quotes", "n_articles", "first_date", "last_date", "aliases"]].head(TOP)'
        ),
        new_markdown_cell(
            "## Which quotes travelled\n\n`quoteattr.propagation` groups near-identical quotes across articles (same words after "
            "normalizing case and punctuation, or nearly: MinHash over word pairs) and gives, per statement, the outlet and date "
            "that reported it first, the outlets that repeated it and the lag in days. A paraphrase of a direct quote is not matched."
        ),
        new_code_cell(
            "travelled = quoteattr.propagation(quotes)\n"
            "print(f\"{len(travelled)} quotes found in more than one article, {int((travelled['n_outlets'] > 1).sum())} across outlets\")\n"
            'travelled.assign(quote=travelled["quote"].str.slice(0, 60))[\n'
            '    ["quote", "speaker_name", "n_articles", "first_outlet", "first_date", "repeated_by", "lag_days"]].head(TOP)'
        ),
        new_markdown_cell(
            "## Highlighted articles\n\nThe articles with the most quotes. Quotes are coloured by type (blue direct, green indirect, "
            "orange mixed) and labelled with the canonical speaker and role; speaker mentions are bold, cues dotted."
        ),
        new_code_cell(
            'by_id = {a["id"]: a for a in articles}\n'
            'busiest = quotes["article_id"].value_counts().index[:N_HIGHLIGHT]\n'
            "for aid in busiest:\n"
            "    art = by_id[aid]\n"
            '    rows = quotes[quotes["article_id"] == aid].to_dict("records")\n'
            '    display(render({**art, "quotes": rows}, table=False))  # title, outlet, date and id head the article'
        ),
    ]
    return new_notebook(cells=cells, metadata=_meta())


def evaluate_nb() -> nbformat.NotebookNode:
    cells = [
        new_markdown_cell(
            "# Evaluating quoteattr against gold annotations\n\n"
            "Scores the pipeline on a gold file (format and scoring rules: `GUIDELINES.md`) with the same code as "
            "`quoteattr evaluate` (`quoteattr.cli.evaluate.load_gold` + `quoteattr.evaluation.score`), then breaks the "
            "errors down by kind and by quote type. By default it uses the shared development set next to the checkout; "
            "without it, the small gold file the project ships (`tests/data/mini.gold.jsonl`)."
        ),
        new_code_cell(
            "# Parameters\n"
            "import os\n"
            'GOLD = os.environ.get("QUOTEATTR_GOLD", "../../shared/eval/dev.gold.jsonl")  # the gold file to score against\n'
            'FALLBACK_GOLD = "../tests/data/mini.gold.jsonl"  # used when GOLD is absent\n'
            'MODEL = None  # None: $QUOTEATTR_MODEL or the shipped model (rules if absent); or a path, or "rules"\n'
            "N_ERRORS = 4  # examples shown per error kind",
            metadata={"tags": ["parameters"]},
        ),
        new_code_cell(SETUP),
        new_code_cell(
            "from quoteattr.cli.evaluate import load_gold\n"
            "from quoteattr.evaluation import match, role_ok, score, speaker_ok\n\n"
            "gold_path = Path(GOLD)\n"
            "if not gold_path.is_file():\n"
            '    print(f"{GOLD} not found → using the shipped gold file {FALLBACK_GOLD}")\n'
            "    gold_path = Path(FALLBACK_GOLD)\n"
            "gold = load_gold(gold_path)\n"
            "ids = list(gold)\n"
            'preds = {aid: [q.to_dict() for q in doc._.quotes or []] for aid, doc in zip(ids, nlp.pipe(gold[a]["text"] for a in ids))}\n'
            "res, errors = score(gold, preds)\n"
            "print(f\"gold: {gold_path.name}, {res['articles']} articles, {res['quotes']['gold']} gold quotes, {res['quotes']['pred']} predicted\")"
        ),
        new_markdown_cell("## Headline figures\n\nAttribution F1 (a span match *and* the right speaker) is the headline figure."),
        new_code_cell(
            'figures = pd.DataFrame({k: res[k] for k in ("quotes", "direct", "indirect", "attribution")}).T\n'
            'display(figures[["precision", "recall", "f1", "tp", "pred", "gold"]])\n'
            'pd.Series({k: res[k] for k in ("speaker_accuracy", "speaker_accuracy_lenient", "role_accuracy")}, name="accuracy").to_frame()'
        ),
        new_markdown_cell(
            "## Errors by kind\n\n*missed* gold quotes, *spurious* predictions, and wrong *speaker* or *role* on matched quotes."
        ),
        new_code_cell(
            'kinds = pd.Series([e[0] for e in errors], dtype="string").value_counts().reindex(["missed", "spurious", "speaker", "role"], fill_value=0)\n'
            'ax = kinds.plot.bar(color="#6b7280", figsize=(5, 2.6), rot=0)\n'
            'label(ax, "Errors by kind", "error kind", "errors (count)", count_axis="y")\n'
            "plt.show()\n\n"
            "def clip(x, n=60):\n"
            '    s = "" if x is None else str(x)\n'
            '    return s if len(s) <= n else s[: n - 1] + "…"\n\n'
            "columns = {\n"
            '    "missed": ["article", "type", "gold quote", "gold speaker"],\n'
            '    "spurious": ["article", "type", "predicted span", "predicted speaker"],\n'
            '    "speaker": ["article", "quote", "gold speaker", "predicted speaker"],\n'
            '    "role": ["article", "speaker", "gold role", "predicted role"],\n'
            "}\n"
            "for kind, cols in columns.items():\n"
            "    rows = [[clip(x) for x in e[1:]] for e in errors if e[0] == kind][:N_ERRORS]\n"
            "    if rows:\n"
            '        print(f"{kind}: {int(kinds[kind])} errors, first {len(rows)}")\n'
            "        display(pd.DataFrame(rows, columns=cols))"
        ),
        new_markdown_cell(
            "## Errors by quote type\n\nPer gold type: recall, and speaker/role accuracy on the matched quotes; per predicted type: "
            "precision. Matching as in the scorer (`quoteattr.evaluation.match`)."
        ),
        new_code_cell(
            "recs = []\n"
            "for aid, art in gold.items():\n"
            '    g, p = art.get("quotes") or [], preds.get(aid, [])\n'
            '    pairs = dict(match(art["text"], g, p))\n'
            "    matched_p = set(pairs.values())\n"
            "    for gi, gq in enumerate(g):\n"
            "        pq = p[pairs[gi]] if gi in pairs else None\n"
            '        recs.append({"side": "gold", "type": gq["type"], "matched": pq is not None,\n'
            '                     "speaker_ok": pq is not None and speaker_ok(gq, pq),\n'
            '                     "role_ok": (pq is not None and role_ok(gq, pq)) if gq.get("role") else None})\n'
            "    for pi, pq in enumerate(p):\n"
            '        recs.append({"side": "pred", "type": pq.get("type"), "matched": pi in matched_p})\n'
            "m = pd.DataFrame(recs)\n"
            'g = m[m["side"] == "gold"]\n'
            'by_gold = g.groupby("type").agg(gold=("matched", "size"), recall=("matched", "mean"))\n'
            'hit = g[g["matched"]]\n'
            'by_gold["speaker_acc"] = hit.groupby("type")["speaker_ok"].mean()\n'
            'by_gold["role_acc"] = hit[hit["role_ok"].notna()].groupby("type")["role_ok"].apply(lambda s: s.astype(bool).mean())\n'
            'by_pred = m[m["side"] == "pred"].groupby("type").agg(pred=("matched", "size"), precision=("matched", "mean"))\n'
            'by_gold.join(by_pred, how="outer").round(3)'
        ),
        new_markdown_cell(
            "## Gold and prediction side by side\n\nThe openly licensed article (gold field `license` starting with *CC*) with the "
            "most errors: gold annotations above, the pipeline's quotes below. Articles whose text belongs to an outlet are "
            "scored but not reproduced here."
        ),
        new_code_cell(
            "from collections import Counter\n\n"
            "MAX_CHARS = 1500\n"
            "n_err = Counter(e[1] for e in errors)\n"
            'shown = [a for a in ids if str(gold[a].get("license") or "").upper().startswith("CC")]\n'
            "if not shown:\n"
            '    print("no openly licensed article in this gold file to show")\n'
            "else:\n"
            "    worst = max(shown, key=lambda a: (n_err[a], -ids.index(a)))\n"
            "    art = gold[worst]\n"
            '    text = art["text"][:MAX_CHARS]\n'
            '    cut = lambda qs: [q for q in qs if q["quote_end"] <= len(text)]\n'
            "    print(f\"{worst}: {n_err[worst]} errors | {art.get('origin')} | licence: {art.get('license')}\"\n"
            '          + (f" | first {MAX_CHARS} characters" if len(art["text"]) > MAX_CHARS else ""))\n'
            '    display(render((text, cut(art.get("quotes") or [])), title="gold", table=False))\n'
            '    display(render((text, cut(preds.get(worst, []))), title="predicted", table=False))'
        ),
    ]
    return new_notebook(cells=cells, metadata=_meta())


def _meta() -> dict:
    return {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
    }


def execute(nb: nbformat.NotebookNode) -> None:
    """Execute in place, from the notebooks folder, and drop volatile metadata."""
    from nbclient import NotebookClient

    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(HERE)}}).execute()
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
    nb.metadata.pop("widgets", None)


def main(argv: list[str]) -> None:
    for name, build in (("01_explore.ipynb", explore), ("02_evaluate.ipynb", evaluate_nb)):
        nb = build()
        if "--no-exec" not in argv:
            execute(nb)
        nbformat.validate(nb)
        nbformat.write(nb, HERE / name)
        print("wrote", HERE / name)


if __name__ == "__main__":
    main(sys.argv[1:])
