"""The README's contributing section, proved: a new output column and a new input format are one edit each.

A new column is one field of ``Quote``: here a dataclass with one extra field stands for the
edited ``Quote`` (the schema is derived from it, and the pipeline's records carry it), and the
column reaches ``extract_frame`` and every output format of a batch run. A new input format
is one entry in ``quoteattr.io.readers.READERS``: here a ``.tsv`` reader, and a folder holding
it is read, extracted, resumed and reported like any other input.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

import quoteattr
import quoteattr.extraction as extraction
from quoteattr import schema
from quoteattr.batch import BatchOptions, run
from quoteattr.cli import app
from quoteattr.io import READERS, Reader, Record, make_record
from quoteattr.schema import QUOTE_COLUMNS, record_columns
from quoteattr.types import Quote

GOOD = "“Kami siap bekerja keras,” kata Menteri Budi Santoso di Jakarta."
OPTS = BatchOptions(model="rules", shard_size=2, batch_size=2)


@dataclass(frozen=True, slots=True)
class TopicQuote(Quote):
    """``Quote`` with one more field, as after the one edit in ``quoteattr/types.py``."""

    topic: str | None = None


@pytest.fixture
def topic_column(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """The edited schema, and a pipeline whose quotes carry the new field."""
    cols = record_columns(TopicQuote)
    monkeypatch.setattr(schema, "QUOTE_COLUMNS", cols)
    real = extraction._quotes
    monkeypatch.setattr(extraction, "_quotes", lambda doc: [TopicQuote(**q, topic="politik").to_dict() for q in real(doc)])
    return cols


def test_the_schema_follows_the_quote_fields():
    assert list(QUOTE_COLUMNS)[:2] == ["article_id", "quote_index"]
    assert list(QUOTE_COLUMNS)[2:] == [f for f in Quote.__dataclass_fields__]
    assert QUOTE_COLUMNS["cue_start"] == "Int64" and QUOTE_COLUMNS["pattern"] == "string" and QUOTE_COLUMNS["confidence"] == "Float64"
    assert list(QUOTE_COLUMNS)[-6:] == ["confidence", "cue_start", "cue_end", "pattern", "paragraph", "sentence"]
    assert record_columns(TopicQuote) == {**QUOTE_COLUMNS, "topic": "string"}


def test_a_new_output_column_reaches_every_table(topic_column, tmp_path, nlp_rules):
    want = list(topic_column)
    df = quoteattr.extract_frame(pd.DataFrame({"id": ["a"], "text": [GOOD], "outlet": ["K"]}), nlp_rules)
    assert list(df.columns) == want + ["outlet"] and df["topic"].tolist() == ["politik"] and str(df["topic"].dtype) == "string"
    src = tmp_path / "c.jsonl"
    src.write_text("".join(json.dumps({"id": f"a{i}", "text": GOOD, "outlet": "K"}) + "\n" for i in range(3)), encoding="utf-8")
    for name in ("q.parquet", "q.csv", "q.jsonl"):
        run(src, tmp_path / name, OPTS, quiet=True)
    tables = [pd.read_parquet(tmp_path / "q.parquet"), pd.read_csv(tmp_path / "q.csv"), pd.read_json(tmp_path / "q.jsonl", lines=True)]
    for q in tables:
        assert list(q.columns) == want + ["outlet"] and q["topic"].tolist() == ["politik"] * 3


def _read_tsv(path: Path, name: str, id_column: str, text_column: str) -> Iterator[Record]:
    """A tab-separated file with a header row: the reader a new format needs, and nothing else."""
    with path.open(encoding="utf-8") as fh:
        header = fh.readline().rstrip("\n").split("\t")
        for n, line in enumerate(fh, 2):
            rec = dict(zip(header, line.rstrip("\n").split("\t")))
            meta = {k: v for k, v in rec.items() if k not in (id_column, text_column)}
            yield make_record(rec.get(id_column), rec.get(text_column), meta, f"{name} line {n}", f"{name}#{n}")


def test_a_new_input_format_is_one_reader_entry(monkeypatch, tmp_path):
    monkeypatch.setitem(READERS, ".tsv", Reader(_read_tsv))
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.tsv").write_text(f"id\ttext\toutlet\nt1\t{GOOD}\tTempo\nt2\t \tTempo\n", encoding="utf-8")
    (d / "b.jsonl").write_text(json.dumps({"id": "j1", "text": GOOD, "outlet": "Kompas"}) + "\n", encoding="utf-8")
    s = run(d, tmp_path / "q.parquet", OPTS, quiet=True)
    arts = pd.read_parquet(tmp_path / "q.articles.parquet").set_index("article_id")
    assert arts["status"].to_dict() == {"t1": "ok", "t2": "error", "j1": "ok"}
    assert arts.loc["t2", "source"] == "a.tsv line 3" and "whitespace" in arts.loc["t2", "error"]
    q = pd.read_parquet(tmp_path / "q.parquet")
    assert q["article_id"].tolist() == ["t1", "j1"] and q["outlet"].tolist() == ["Tempo", "Kompas"]
    assert s.n_articles == 3 and run(d, tmp_path / "q.parquet", OPTS, quiet=True).n_resumed == 3
    res = CliRunner().invoke(app, ["extract", str(d / "a.tsv"), "-o", str(tmp_path / "t.csv"), "--model", "rules"])
    assert res.exit_code == 0, res.output
    assert pd.read_csv(tmp_path / "t.csv")["article_id"].tolist() == ["t1"]
