"""Bad input: a clear message naming file/line/article, a status in the articles table, and the run goes on."""

from __future__ import annotations

import json
import time

import pandas as pd
import pytest
from typer.testing import CliRunner

from quoteattr.batch import BatchOptions, run
from quoteattr.cli import app

GOOD = "“Kami siap bekerja keras,” kata Menteri Budi Santoso di Jakarta."
OPTS = BatchOptions(model="rules", shard_size=4, batch_size=3, time_limit=3.0)


def _run(src, tmp_path, opts=OPTS, name="q.parquet"):
    messages: list[str] = []
    s = run(src, tmp_path / name, opts, log=messages.append, max_messages=100)
    q = pd.read_parquet(tmp_path / name)
    a = pd.read_parquet(tmp_path / name.replace(".parquet", ".articles.parquet")).set_index("article_id")
    return s, q, a, "\n".join(messages)


def test_bad_jsonl_records(tmp_path):
    lines = [
        json.dumps({"id": "good-1", "text": GOOD}),
        json.dumps({"id": "empty", "text": ""}),
        json.dumps({"id": "blank", "text": "  \n\t "}),
        '{"id": "broken", "text": "unterminated',
        "[1, 2, 3]",
        json.dumps({"id": "notext", "body": GOOD}),
        json.dumps({"id": "number", "text": 42}),
        json.dumps({"id": "null", "text": None}),
        json.dumps({"text": GOOD}),  # no id
        json.dumps({"id": "dup", "text": GOOD}),
        json.dumps({"id": "dup", "text": GOOD + " Lagi."}),
        json.dumps({"id": "nul", "text": "“Kami\x00 siap,” kata Budi.\x00"}),
        json.dumps({"id": "html", "text": "<p>&ldquo;Kami siap,&rdquo; kata <b>Budi</b> &amp; Ani.</p><br/>"}),
        json.dumps({"id": "unbalanced", "text": "“Kami siap, kata Budi. ” ” “ « Ya » » “"}),
        json.dumps({"id": "good-2", "text": GOOD}),
    ]
    src = tmp_path / "bad.jsonl"
    src.write_bytes(("\n".join(lines) + "\n").encode("utf-8").replace(b"Lagi.", b"Lagi \xff\xfe."))
    s, q, a, msgs = _run(src, tmp_path)
    st = a["status"].to_dict()
    assert st["good-1"] == st["good-2"] == st["nul"] == st["html"] == st["unbalanced"] == "ok"
    for aid, what in [("empty", "empty text"), ("blank", "only whitespace"), ("broken", "not valid JSON"), ("notext", "no 'text' field"),
                      ("number", "text is a int"), ("null", "no text"), ("bad.jsonl#5", "JSON list")]:
        assert st[aid] == "error" and what in a.loc[aid, "error"], (aid, a.loc[aid, "error"])
    # missing id: made up from file and line; duplicate: suffixed, never merged; bad bytes: replaced, warned
    assert st["bad.jsonl#9"] == "warning" and "no id" in a.loc["bad.jsonl#9", "error"]
    assert st["dup~2"] == "warning" and "duplicate id 'dup'" in a.loc["dup~2", "error"] and "not valid UTF-8" in a.loc["dup~2", "error"]
    assert a.loc["dup~2", "n_quotes"] >= 1 and len(a) == len(lines)
    # messages name the file, the line and the article
    assert "error: bad.jsonl line 4: article 'broken': not valid JSON" in msgs
    assert "bad.jsonl line 2: article 'empty'" in msgs
    # offsets slice the original text, also through HTML entities and NUL bytes
    texts = {json.loads(line)["id"]: json.loads(line).get("text") for line in lines if line.startswith('{"id": "') and "unterminated" not in line}
    for r in q.itertuples():
        if r.article_id in texts and isinstance(texts[r.article_id], str):
            assert texts[r.article_id][r.quote_start : r.quote_end] == r.quote
    assert "html" in set(q.article_id) and "nul" in set(q.article_id)
    assert s.n_errors == 7 and s.n_articles == len(lines)


def test_bad_txt_files(tmp_path):
    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    (d / "good.txt").write_text(GOOD, encoding="utf-8")
    (d / "latin1.txt").write_bytes(GOOD.replace("“", '"').replace("”", '"').encode("utf-8") + " Caf\xe9 ol\xe9.".encode("latin-1"))
    (d / "sub" / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    (d / "empty.txt").write_bytes(b"")
    (d / "nul.txt").write_bytes(GOOD.encode() + b"\x00\x00 lagi")
    s, q, a, msgs = _run(d, tmp_path)
    st = a["status"].to_dict()
    assert st == {"empty": "error", "good": "ok", "latin1": "warning", "nul": "ok", "sub/image": "error"}
    assert "binary" in a.loc["sub/image", "error"] and "error: sub/image.txt: article 'sub/image': binary" in msgs
    assert "2 byte(s) not valid UTF-8" in a.loc["latin1", "error"] and a.loc["latin1", "n_quotes"] == 1


def test_bad_csv_rows_and_missing_column(tmp_path):
    src = tmp_path / "c.csv"
    src.write_text(f'id,text,outlet\n1,"{GOOD}",K\n2,"x","y",EXTRA\n3,"{GOOD}",T\n', encoding="utf-8")
    s, q, a, msgs = _run(src, tmp_path)
    assert a["status"].to_dict() == {"1": "ok", "2": "error", "3": "ok"}
    assert "4 fields, the header has 3" in a.loc["2", "error"] and "c.csv line 3: article '2'" in msgs
    assert set(q["outlet"]) == {"K", "T"}
    nocol = tmp_path / "nocol.csv"
    nocol.write_text("id,body\n1,hello\n", encoding="utf-8")
    res = CliRunner().invoke(app, ["extract", str(nocol), "-o", str(tmp_path / "n.csv"), "--model", "rules"])
    assert res.exit_code == 1 and "no 'text' column" in res.output and "--text-column" in res.output


def test_huge_and_pathological_articles_are_bounded(tmp_path):
    src = tmp_path / "big.jsonl"
    recs = [
        {"id": "huge", "text": ("Kata Budi, ekonomi tumbuh. " * 200_000)[:5_000_000]},
        {"id": "marks", "text": '"' * 100_000},
        {"id": "spaced-marks", "text": "“a” " * 25_000},
        {"id": "good", "text": GOOD},
    ]
    src.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    t0 = time.perf_counter()
    s, q, a, msgs = _run(src, tmp_path, BatchOptions(model="rules", time_limit=2.0, batch_size=4))
    assert time.perf_counter() - t0 < 60
    assert a.loc["huge", "status"] == "error" and "--max-chars" in a.loc["huge", "error"]
    for aid in ("marks", "spaced-marks"):
        assert a.loc[aid, "status"] == "ok" or "timed out" in a.loc[aid, "error"]
    assert a.loc["good", "status"] == "ok" and a.loc["good", "n_quotes"] == 1


def test_exception_in_one_article_is_contained(tmp_path, monkeypatch):
    import quoteattr.extraction as extraction

    real = extraction._quotes

    def flaky(doc):
        if "MELEDAK" in doc.text:
            raise IndexError("boom")
        return real(doc)

    monkeypatch.setattr(extraction, "_quotes", flaky)
    src = tmp_path / "c.jsonl"
    src.write_text("".join(json.dumps({"id": str(i), "text": GOOD + (" MELEDAK" if i == 2 else "")}) + "\n" for i in range(5)), encoding="utf-8")
    s, q, a, msgs = _run(src, tmp_path)
    assert a.loc["2", "status"] == "error" and "IndexError: boom" in a.loc["2", "error"]
    assert (a.drop(index="2")["n_quotes"] == 1).all() and len(q) == 4


@pytest.mark.parametrize("flag,code", [([], 0), (["--fail-on-error"], 1)])
def test_exit_status(tmp_path, flag, code):
    src = tmp_path / "c.jsonl"
    src.write_text(json.dumps({"id": "a", "text": GOOD}) + "\n{oops\n", encoding="utf-8")
    res = CliRunner().invoke(app, ["extract", str(src), "-o", str(tmp_path / "q.csv"), "--model", "rules", *flag])
    assert res.exit_code == code, res.output
    assert "c.jsonl line 2" in res.output and "1 errors" in res.output


def test_nothing_readable_exits_nonzero(tmp_path):
    src = tmp_path / "c.jsonl"
    src.write_text("{oops\n\n[1]\n", encoding="utf-8")
    res = CliRunner().invoke(app, ["extract", str(src), "-o", str(tmp_path / "q.csv"), "--model", "rules"])
    assert res.exit_code == 1 and "no article could be read" in res.output
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    res = CliRunner().invoke(app, ["extract", str(empty), "-o", str(tmp_path / "e.csv"), "--model", "rules"])
    assert res.exit_code == 2 and "no articles found" in res.output
