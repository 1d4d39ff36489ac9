"""Batch runs: outputs, workers, limit, resumption after SIGKILL (lossless, no duplicates)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from quoteattr.batch import BatchOptions, run
from quoteattr.cli import app
from quoteattr.errors import InputError
from quoteattr.schema import ARTICLE_COLUMNS, QUOTE_COLUMNS

RULES = BatchOptions(model="rules", shard_size=7, batch_size=4)
NAMES = ["Budi Santoso", "Ani Wijaya", "Joko Susilo", "Sri Rahayu", "Agus Salim"]


def article(i: int, sentences: int = 6) -> str:
    """A synthetic Indonesian news article with direct and indirect quotes."""
    parts = []
    for k in range(sentences):
        who = NAMES[(i + k) % len(NAMES)]
        parts.append(f"“Kami akan menyelesaikan proyek nomor {i}-{k} tahun ini,” kata {who} di Jakarta, Senin.")
        parts.append(f"{who} mengatakan bahwa anggaran tahap {k} sudah disetujui oleh dewan.")
    return "\n\n".join(parts)


def corpus(path: Path, n: int, sentences: int = 6) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps({"id": f"art-{i}", "text": article(i, sentences), "outlet": ["Kompas", "Tempo"][i % 2], "n": i}) + "\n")
    return path


def test_run_writes_quotes_and_articles_tables(tmp_path):
    src = corpus(tmp_path / "c.jsonl", 20)
    s = run(src, tmp_path / "q.parquet", RULES, quiet=True)
    q = pd.read_parquet(tmp_path / "q.parquet")
    a = pd.read_parquet(tmp_path / "q.articles.parquet")
    assert list(q.columns[: len(QUOTE_COLUMNS)]) == list(QUOTE_COLUMNS) and {"outlet", "n"} <= set(q.columns)
    assert list(a.columns[: len(ARTICLE_COLUMNS)]) == list(ARTICLE_COLUMNS) and "outlet" in a.columns
    assert list(a["article_id"]) == [f"art-{i}" for i in range(20)] and set(a["status"]) == {"ok"}
    assert a["n_quotes"].sum() == len(q) == s.n_quotes > 40
    assert str(q["quote_start"].dtype) == "Int64"
    assert not (tmp_path / "q.parquet.parts").exists()
    text = article(3)
    for r in q[q.article_id == "art-3"].itertuples():
        assert text[r.quote_start : r.quote_end] == r.quote


def test_formats_agree_and_folder_output(tmp_path):
    src = corpus(tmp_path / "c.jsonl", 15)
    frames = {}
    for ext in ("parquet", "csv", "jsonl"):
        run(src, tmp_path / f"q.{ext}", RULES, quiet=True)
        reader = {"parquet": pd.read_parquet, "csv": pd.read_csv, "jsonl": lambda p: pd.read_json(p, lines=True)}[ext]
        frames[ext] = reader(tmp_path / f"q.{ext}")
    for ext in ("csv", "jsonl"):
        assert frames[ext]["quote"].tolist() == frames["parquet"]["quote"].tolist()
        assert frames[ext]["quote_end"].tolist() == frames["parquet"]["quote_end"].tolist()
    out = tmp_path / "folder"
    run(src, out, RULES, quiet=True)
    parts = sorted((out / "quotes").glob("part-*.parquet"))
    assert len(parts) == 3 and json.loads((out / "manifest.json").read_text())["complete"]
    assert pd.concat([pd.read_parquet(p) for p in parts])["quote"].tolist() == frames["parquet"]["quote"].tolist()


def test_workers_give_the_same_rows(tmp_path):
    src = corpus(tmp_path / "c.jsonl", 16)
    run(src, tmp_path / "one.parquet", RULES, quiet=True)
    run(src, tmp_path / "two.parquet", RULES, workers=2, quiet=True)
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "one.parquet"), pd.read_parquet(tmp_path / "two.parquet"))
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "one.articles.parquet"), pd.read_parquet(tmp_path / "two.articles.parquet"))


def test_limit_and_mismatched_resume(tmp_path):
    src = corpus(tmp_path / "c.jsonl", 20)
    s = run(src, tmp_path / "q.csv", BatchOptions(model="rules", limit=5), quiet=True)
    assert s.n_articles == 5 and len(pd.read_csv(tmp_path / "q.articles.csv")) == 5
    parts = tmp_path / "out"
    run(src, parts, BatchOptions(model="rules", limit=5), quiet=True)
    with pytest.raises(InputError, match="different command.*limit.*--fresh"):
        run(src, parts, BatchOptions(model="rules", limit=6), quiet=True)
    assert run(src, parts, BatchOptions(model="rules", limit=6), fresh=True, quiet=True).n_articles == 6


def test_cli_extract(tmp_path):
    src = corpus(tmp_path / "c.jsonl", 6)
    res = CliRunner().invoke(app, ["extract", str(src), "-o", str(tmp_path / "q.jsonl"), "--model", "rules", "--limit", "4", "--quiet"])
    assert res.exit_code == 0, res.output
    assert len(pd.read_json(tmp_path / "q.articles.jsonl", lines=True)) == 4
    res = CliRunner().invoke(app, ["extract", str(tmp_path / "nope.jsonl"), "-o", str(tmp_path / "q.csv"), "--model", "rules"])
    assert res.exit_code == 2 and "no such file" in res.output


def _cli(src: Path, out: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "quoteattr", "extract", str(src), "-o", str(out), "--model", "rules", "--shard-size", "5", "--batch-size", "5", "--quiet", *extra]


@pytest.mark.parametrize("workers", ["1", "2"])
def test_sigkill_mid_run_then_resume_is_lossless(tmp_path, workers):
    """Kill -9 a real run twice at different moments; re-running ends with exactly the rows of an uninterrupted run."""
    src = corpus(tmp_path / "c.jsonl", 70, sentences=12)
    ref = tmp_path / "ref.parquet"
    run(src, ref, BatchOptions(model="rules", shard_size=5, batch_size=5), quiet=True)
    out = tmp_path / "q.parquet"
    parts = tmp_path / "q.parquet.parts" / "articles"
    targets = (2, 6) if workers == "1" else (4,)
    for target in targets:  # kill once a few shards are done (and again later in the resumed run)
        proc = subprocess.Popen(_cli(src, out, "--workers", workers), start_new_session=True)
        deadline = time.time() + 240
        while time.time() < deadline and proc.poll() is None:
            if parts.exists() and len(list(parts.glob("part-*.parquet"))) >= target:
                break
            time.sleep(0.05)
        assert proc.poll() is None, "the run ended before it could be killed; make the corpus bigger"
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        assert not out.exists()
    done = len(list(parts.glob("part-*.parquet")))
    assert targets[-1] <= done < 14
    subprocess.run(_cli(src, out, "--workers", workers), check=True, timeout=300)
    pd.testing.assert_frame_equal(pd.read_parquet(out), pd.read_parquet(ref))
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "q.articles.parquet"), pd.read_parquet(tmp_path / "ref.articles.parquet"))
    a = pd.read_parquet(out)
    assert not a.duplicated(["article_id", "quote_index"]).any()
    assert not (tmp_path / "q.parquet.parts").exists()


def test_resume_after_interrupted_assembly(tmp_path):
    """A crash after all shards but before/while assembling: the re-run only assembles."""
    src = corpus(tmp_path / "c.jsonl", 12)
    out = tmp_path / "q.jsonl"
    ref = run(src, tmp_path / "ref.jsonl", RULES, quiet=True)
    run(src, out, RULES, quiet=True, keep_parts=True)
    out.unlink()
    (tmp_path / ".q.jsonl.123.tmp").write_text("partial")  # debris of a killed assembly
    s = run(src, out, RULES, quiet=True)
    assert s.n_resumed == 12 and s.n_quotes == ref.n_quotes
    assert out.read_text() == (tmp_path / "ref.jsonl").read_text()
