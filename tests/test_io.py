"""Readers and writers: every input format streams, metadata passes through, tables round-trip."""

from __future__ import annotations

import gzip
import json

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from quoteattr.errors import InputError
from quoteattr.io import (
    assemble,
    count_records,
    iter_records,
    read_articles,
    read_table_records,
    unique_ids,
    write_parquet_atomic,
    write_table,
)
from quoteattr.schema import QUOTE_COLUMNS, quotes_frame

ARTS = [
    {"id": "a1", "text": "“Kami siap,” kata Budi.", "outlet": "Kompas", "date": "2020-01-02"},
    {"id": "a2", "text": "Ani mengatakan, ekonomi tumbuh.\nBaris kedua, dengan koma.", "outlet": "Tempo", "date": "2020-01-03"},
]


def _jsonl(path, recs):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def _no_whole_file_pandas_readers(monkeypatch):
    """The readers must stream: loading a corpus with pandas' whole-file readers is a bug."""

    def boom(*a, **k):
        raise AssertionError("a corpus reader loaded a whole file with pandas")

    monkeypatch.setattr(pd, "read_parquet", boom)
    monkeypatch.setattr(pd, "read_json", boom)


def _check(recs):
    assert [(r.article_id, r.text, r.meta["outlet"], r.meta["date"]) for r in recs] == [
        (a["id"], a["text"], a["outlet"], a["date"]) for a in ARTS
    ]
    assert all(r.error is None for r in recs)


def test_jsonl_and_gz(tmp_path):
    _check(list(iter_records(_jsonl(tmp_path / "c.jsonl", ARTS))))
    gz = tmp_path / "c.jsonl.gz"
    with gzip.open(gz, "wt", encoding="utf-8") as fh:
        fh.write("".join(json.dumps(r) + "\n" for r in ARTS))
    _check(list(iter_records(gz)))
    assert count_records(gz) == 2


def test_csv_multiline_fields(tmp_path, monkeypatch):
    p = tmp_path / "c.csv"
    pd.DataFrame(ARTS).to_csv(p, index=False)
    monkeypatch.setattr(pd, "read_csv", lambda *a, **k: (_ for _ in ()).throw(AssertionError("whole-file read")))
    recs = list(iter_records(p))
    _check(recs)
    assert recs[1].source == "c.csv line 3"


def test_parquet_file_and_folder_of_parts(tmp_path):
    p = tmp_path / "c.parquet"
    pq.write_table(pa.Table.from_pylist(ARTS), p, row_group_size=1)
    _check(list(iter_records(p)))
    parts = tmp_path / "parts"
    parts.mkdir()
    pq.write_table(pa.Table.from_pylist(ARTS[:1]), parts / "part-0.parquet")
    pq.write_table(pa.Table.from_pylist(ARTS[1:]), parts / "part-1.parquet")
    _check(list(iter_records(parts)))
    assert count_records(parts) == 2


def test_parquet_streams_in_batches(tmp_path):
    p = tmp_path / "big.parquet"
    n = 5000
    pq.write_table(pa.Table.from_pydict({"id": [str(i) for i in range(n)], "text": ["x y"] * n}), p, row_group_size=500)
    it = iter_records(p)
    first = next(it)
    assert first.article_id == "0"
    assert sum(1 for _ in it) == n - 1


def test_txt_folder_recursive_ids_are_relative_paths(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("satu", encoding="utf-8")
    (tmp_path / "sub" / "a.txt").write_text("dua", encoding="utf-8")
    recs = list(iter_records(tmp_path))
    assert [(r.article_id, r.text) for r in recs] == [("a", "satu"), ("sub/a", "dua")]


def test_custom_columns_and_missing_ids(tmp_path):
    p = _jsonl(tmp_path / "c.jsonl", [{"doc": "x1", "body": "Teks satu."}, {"body": "Teks dua."}])
    recs = list(iter_records(p, id_column="doc", text_column="body"))
    assert [r.article_id for r in recs] == ["x1", "c.jsonl#2"]
    assert "no id" in recs[1].warning


def test_unique_ids_suffixes_never_merge(tmp_path):
    p = _jsonl(tmp_path / "c.jsonl", [{"id": "x", "text": "a"}, {"id": "x", "text": "b"}, {"id": "x~2", "text": "c"}, {"id": "x", "text": "d"}])
    recs = list(unique_ids(iter_records(p)))
    assert [r.article_id for r in recs] == ["x", "x~2", "x~2~2", "x~3"]
    assert "duplicate id 'x'" in recs[1].warning and "c.jsonl line 1" in recs[1].warning


def test_read_articles_keeps_its_contract(tmp_path):
    p = _jsonl(tmp_path / "c.jsonl", ARTS)
    assert [a[0] for a in read_articles(p)] == ["a1", "a2"]
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "1", "text": "ok"}\n{not json\n', encoding="utf-8")
    with pytest.raises(InputError, match="line 2"):
        list(read_articles(bad))
    with pytest.raises(InputError, match="no such file"):
        list(read_articles(tmp_path / "missing.jsonl"))
    (tmp_path / "x.docx").write_bytes(b"PK")
    with pytest.raises(InputError, match="unknown input format"):
        list(read_articles(tmp_path / "x.docx"))


def test_write_table_and_read_back(tmp_path):
    df = quotes_frame([{"article_id": "a", "quote_index": 0, "type": "direct", "quote": "Ya", "quote_start": 1, "quote_end": 3, "confidence": 0.9, "outlet": "K"}])
    for ext in ("parquet", "csv", "jsonl"):
        p = tmp_path / f"q.{ext}"
        write_table(df, p)
        recs = list(read_table_records(p))
        assert recs[0]["quote"] == "Ya" and recs[0]["outlet"] == "K"
    with pytest.raises(InputError, match="unknown output format"):
        write_table(df, tmp_path / "q.xlsx")


def test_assemble_unifies_parts(tmp_path):
    a = quotes_frame([{"article_id": "a", "quote_index": 0, "quote": "x", "speaker_start": None, "date": "2020"}])
    b = quotes_frame([{"article_id": "b", "quote_index": 0, "quote": "y", "speaker_start": 4, "date": 2021, "outlet": "T"}])
    c = quotes_frame([])
    parts = []
    for i, df in enumerate((a, b, c)):
        parts.append(tmp_path / f"p{i}.parquet")
        write_parquet_atomic(df, parts[-1])
    for ext in ("parquet", "csv", "jsonl"):
        out = tmp_path / f"all.{ext}"
        assert assemble(parts, out, QUOTE_COLUMNS) == 2
        recs = list(read_table_records(out))
        assert [r["article_id"] for r in recs] == ["a", "b"]
        assert recs[1]["speaker_start"] == 4 and recs[1]["outlet"] == "T"
        assert str(recs[1]["date"]) == "2021"
    with open(tmp_path / "all.csv") as fh:
        assert "4.0" not in fh.read()
