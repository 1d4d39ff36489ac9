"""Public API, schema and CLI tests (rule pipeline; no model needed)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

import quoteattr
from quoteattr.cli import app
from quoteattr.errors import InputError, ModelNotFoundError
from quoteattr.schema import QUOTE_COLUMNS, quotes_frame

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples" / "articles.jsonl"

SEED = (
    "MOSKOW - Menteri Luar Negeri Rusia, Sergey Lavrov, pada Senin (14/2/2022) menyarankan Presiden Vladimir Putin "
    "agar terus membuka jalur pembicaraan dengan negara-negara Barat.\n\n"
    "“Peluang diplomasi belum tertutup, dan saya menyarankan agar kita melanjutkan pembicaraan pada tahap ini,” "
    "kata Lavrov, seperti dikutip dari AP.\n\n"
    "Ia juga mencatat bahwa Washington telah menawarkan dialog tentang pembatasan rudal jarak menengah di Eropa.\n\n"
    "Putin menanyakan apakah masih ada gunanya berunding. “Selalu ada peluang,” jawab Lavrov.\n\n"
    "Kanselir Jerman Olaf Scholz yang baru saja mengunjungi Ukraina berencana melanjutkan kunjungan ke Moskow.\n\n"
    "“Kami menginginkan sinyal de-eskalasi yang nyata dari Moskow,” cuit Scholz dari Kiev.\n\n"
    "Perdana Menteri Inggris Boris Johnson mengatakan Eropa berada \"di tepi jurang\" dan menambahkan bahwa "
    "masih ada waktu bagi Putin untuk mundur."
)

SEED_EXPECTED = [
    ("indirect", "Presiden Vladimir Putin agar", "Sergey Lavrov", "Menteri Luar Negeri Rusia", "menyarankan", None),
    ("direct", "Peluang diplomasi", "Sergey Lavrov", "Menteri Luar Negeri Rusia", "kata", "AP"),
    ("indirect", "Washington telah menawarkan", "Sergey Lavrov", "Menteri Luar Negeri Rusia", "mencatat", None),
    ("direct", "Selalu ada peluang", "Sergey Lavrov", "Menteri Luar Negeri Rusia", "jawab", None),
    ("direct", "Kami menginginkan", "Olaf Scholz", "Kanselir Jerman", "cuit", None),
    ("mixed", "Eropa berada", "Boris Johnson", "Perdana Menteri Inggris", "mengatakan", None),
    ("indirect", "masih ada waktu", "Boris Johnson", "Perdana Menteri Inggris", "menambahkan", None),
]


def test_seed_article_rows(nlp_rules):
    quotes = quoteattr.extract(SEED, nlp_rules)
    got = [(q.type, q.quote[: len(e[1])], q.speaker_name, q.role, q.cue, q.via) for q, e in zip(quotes, SEED_EXPECTED)]
    assert got == SEED_EXPECTED
    assert len(quotes) == len(SEED_EXPECTED)
    lavrov = quotes[1]
    assert lavrov.speaker == "Lavrov" and SEED[lavrov.speaker_start : lavrov.speaker_end] == "Lavrov"
    assert quotes[2].speaker == "Ia" and quotes[2].speaker_type == "person"


def test_offsets_slice_to_quote(nlp_rules):
    for q in quoteattr.extract(SEED, nlp_rules):
        assert SEED[q.quote_start : q.quote_end] == q.quote
        if q.speaker is not None:
            assert SEED[q.speaker_start : q.speaker_end] == q.speaker
        assert 0.0 <= q.confidence <= 1.0


def test_quote_record_is_frozen(nlp_rules):
    q = quoteattr.extract(SEED, nlp_rules)[0]
    with pytest.raises(AttributeError):
        q.quote = "x"  # type: ignore[misc]
    assert list(q.to_dict())[:4] == ["type", "quote", "quote_start", "quote_end"]


def test_extract_frame_schema_and_metadata(nlp_rules):
    df = pd.DataFrame({"id": ["a", "b"], "text": [SEED, "Tidak ada kutipan di sini."], "outlet": ["X", "Y"]})
    out = quoteattr.extract_frame(df, nlp_rules)
    assert list(out.columns) == list(QUOTE_COLUMNS) + ["outlet"]
    for col, dtype in QUOTE_COLUMNS.items():
        assert str(out[col].dtype) == dtype, col
    assert set(out["article_id"]) == {"a"}
    assert (out["outlet"] == "X").all()
    assert out["quote_index"].tolist() == list(range(len(out)))


def test_extract_frame_accepts_texts_and_records(nlp_rules):
    a = quoteattr.extract_frame([SEED], nlp_rules)
    b = quoteattr.extract_frame([{"id": "0", "text": SEED}], nlp_rules)
    pd.testing.assert_frame_equal(a, b)


def test_empty_frame_has_schema():
    df = quotes_frame([])
    assert list(df.columns) == list(QUOTE_COLUMNS) and len(df) == 0


def test_bad_inputs_raise_clear_errors(nlp_rules):
    with pytest.raises(InputError, match="str"):
        quoteattr.extract(None, nlp_rules)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="extract\\(\\)"):
        quoteattr.extract_frame("one text", nlp_rules)
    with pytest.raises(InputError, match="'text'"):
        quoteattr.extract_frame(pd.DataFrame({"body": ["x"]}), nlp_rules)


def test_missing_model_says_what_to_do(tmp_path):
    with pytest.raises(ModelNotFoundError, match="QUOTEATTR_MODEL"):
        quoteattr.load(tmp_path / "nowhere")


def test_env_var_selects_model(monkeypatch):
    from quoteattr.loading import resolve_model

    monkeypatch.setenv("QUOTEATTR_MODEL", "rules")
    assert resolve_model() == "rules"


def test_cli_extract_evaluate_show(tmp_path):
    runner = CliRunner()
    out = tmp_path / "quotes.csv"
    res = runner.invoke(app, ["extract", str(EXAMPLES), "-o", str(out), "--model", "rules"])
    assert res.exit_code == 0, res.output
    df = pd.read_csv(out)
    assert len(df) > 20 and set(df["article_id"]) <= {json.loads(x)["id"] for x in EXAMPLES.open()}
    res = runner.invoke(app, ["show", SEED, "--model", "rules"])
    assert res.exit_code == 0 and "Sergey Lavrov" in res.output
    # direct quotes verbatim in “…”; indirect and mixed ones are paraphrases, marked ≈ and never in “…”
    lines = res.output.splitlines()
    for q in quoteattr.extract(SEED, quoteattr.load("rules")):
        first = q.quote.split()[0]
        line = next(x.strip() for x in lines if x.strip().lstrip("“≈ ").startswith(first))
        assert line.startswith("“" if q.type == "direct" else "≈ "), (q.type, line)
        assert line.startswith("“") == (q.type == "direct")
    assert "≈ paraphrase" in res.output
    gold = tmp_path / "gold.jsonl"
    quotes = [q.to_dict() for q in quoteattr.extract(SEED, quoteattr.load("rules"))]
    gold.write_text(json.dumps({"id": "seed", "text": SEED, "quotes": quotes}, ensure_ascii=False) + "\n")
    res = runner.invoke(app, ["evaluate", str(gold), "--model", "rules", "--json"])
    assert res.exit_code == 0, res.output
    figures = json.loads(res.output)
    assert figures["quotes"]["f1"] == 1.0 and figures["attribution"]["f1"] == 1.0


def test_python_m_entry_point():
    res = subprocess.run([sys.executable, "-m", "quoteattr", "--help"], capture_output=True, text=True, timeout=60)
    assert res.returncode == 0 and "extract" in res.stdout


def test_import_and_load_leave_pandas_unloaded():
    """pandas (~0.6 s of import) is loaded when a table is built, not by import or load()."""
    code = "import sys, quoteattr; nlp = quoteattr.load(); quoteattr.extract('“Ya,” kata Budi.', nlp=nlp); print('pandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_shipped_pipeline_with_and_without_ner():
    from quoteattr.loading import shipped_model_path

    if shipped_model_path() is None:
        pytest.skip("models/id_news is not present")
    fast = quoteattr.load()
    full = quoteattr.load(ner=True)
    assert "ner" not in fast.pipe_names and "ner" in full.pipe_names
    doc = full(SEED)
    assert any(e.label_ == "PER" for e in doc.ents)
    assert [q.to_dict() for q in doc._.quotes] == [q.to_dict() for q in fast(SEED)._.quotes]


def test_extract_frame_guards_each_article(nlp_rules):
    """One bad article never raises: it gets no quote rows, a warning says so, table='articles' says why."""
    df = pd.DataFrame({"id": ["a", None, "c", "d"], "text": [SEED, "“Ya,” kata Ani.", 42, "  "], "outlet": ["X", "Y", "Z", "W"]})
    with pytest.warns(quoteattr.ArticleErrorWarning, match="2 of 4 articles"):
        out = quoteattr.extract_frame(df, nlp_rules)
    assert list(out.columns) == list(QUOTE_COLUMNS) + ["outlet"]
    assert set(out["article_id"]) == {"a", "1"}  # a missing id becomes the row's index value, as in quoteattr.dask
    arts = quoteattr.extract_frame(df, nlp_rules, table="articles").set_index("article_id")
    assert arts["status"].to_dict() == {"a": "ok", "1": "warning", "c": "error", "d": "error"}
    assert "text is a int" in arts.loc["c", "error"] and "only whitespace" in arts.loc["d", "error"]
    assert arts["n_quotes"].sum() == len(out)
    recs = quoteattr.extract_frame([SEED, {"body": "x"}, 7], nlp_rules, table="articles")
    assert recs["status"].tolist() == ["ok", "error", "error"] and "no 'text' field" in recs["error"][1]
