"""Batch faults: pathological articles, deadlines, orphaned workers, finished re-runs, output errors, failed starts."""

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

import quoteattr
from quoteattr.batch import BatchOptions, run
from quoteattr.cli import app
from quoteattr.errors import InputError, OutputError
from quoteattr.extraction import extract_texts
from test_batch import RULES, corpus


def _best_time(nlp, text: str, tries: int = 2) -> float:
    best = float("inf")
    for _ in range(tries):
        t = time.perf_counter()
        nlp(text)
        best = min(best, time.perf_counter() - t)
    return best


@pytest.mark.parametrize("unit", ['"kata', "“Harga naik,” kata Budi.\n\n“Lagi naik.”\n\n", "“a” "])
def test_dense_quote_marks_take_linear_time(unit):
    """Four times the pathological text costs about four times the time, not sixteen."""
    nlp = quoteattr.load("rules")
    small = _best_time(nlp, " ".join([unit] * 2000))
    large = _best_time(nlp, " ".join([unit] * 8000))
    assert large / small < 8, f"{small:.3f} s → {large:.3f} s for 4x the text"


def test_the_deadline_is_per_article(monkeypatch):
    """One slow article costs its time limit, not a batch deadline plus a retry."""
    import quoteattr.extraction as extraction

    real = extraction._quotes

    def slow(doc):
        if "LAMBAT" in doc.text:
            time.sleep(5)
        return real(doc)

    monkeypatch.setattr(extraction, "_quotes", slow)
    nlp = quoteattr.load("rules")
    texts = ["“Kami siap,” kata Budi."] * 20
    texts[7] = "“Kami LAMBAT,” kata Budi."
    t = time.perf_counter()
    res = extract_texts(nlp, texts, batch_size=32, time_limit=0.5)
    took = time.perf_counter() - t
    assert took < 2.0, f"took {took:.2f} s for one 0.5 s time-out"
    assert "timed out after 0.5 s" in res[7][0]
    assert all(err is None and len(q) == 1 for i, (err, q) in enumerate(res) if i != 7)


def _children(pid: int) -> list[int]:
    out = []
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                stat = (d / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                out.append(int(d.name))
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc to find the workers")
def test_workers_die_with_their_parent_and_the_run_resumes(tmp_path):
    src = corpus(tmp_path / "c.jsonl", 70, sentences=12)
    ref = tmp_path / "ref.parquet"
    run(src, ref, BatchOptions(model="rules", shard_size=5, batch_size=5), quiet=True)
    out = tmp_path / "q.parquet"
    parts = tmp_path / "q.parquet.parts" / "articles"
    cmd = [sys.executable, "-m", "quoteattr", "extract", str(src), "-o", str(out), "--model", "rules", "--shard-size", "5", "--batch-size", "5", "--quiet"]
    proc = subprocess.Popen([*cmd, "--workers", "2"])
    deadline = time.time() + 240
    while time.time() < deadline and proc.poll() is None:
        if parts.exists() and len(list(parts.glob("part-*.parquet"))) >= 2:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the run ended before it could be killed; make the corpus bigger"
    workers = _children(proc.pid)
    assert len(workers) >= 2
    os.kill(proc.pid, signal.SIGKILL)  # the parent only, as a scheduler or the OOM killer would
    proc.wait(timeout=30)
    deadline = time.time() + 5
    while time.time() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.1)
    assert not [w for w in workers if _alive(w)], "workers outlived their parent"
    subprocess.run(cmd, check=True, timeout=300)
    pd.testing.assert_frame_equal(pd.read_parquet(out), pd.read_parquet(ref))


@pytest.mark.parametrize("ext", ["parquet", "csv", "jsonl"])
def test_a_finished_file_run_is_not_redone(tmp_path, ext):
    src = corpus(tmp_path / "c.jsonl", 30)
    out = tmp_path / f"q.{ext}"
    first = run(src, out, RULES, quiet=True)
    files = [out, tmp_path / f"q.articles.{ext}", tmp_path / f"q.speakers.{ext}"]
    before = [(f.read_bytes(), f.stat().st_mtime_ns) for f in files]
    t = time.perf_counter()
    again = run(src, out, RULES, quiet=True)
    assert time.perf_counter() - t < 5
    assert again.n_resumed == again.n_articles == first.n_articles == 30 and again.n_quotes == first.n_quotes
    assert [(f.read_bytes(), f.stat().st_mtime_ns) for f in files] == before
    assert not (tmp_path / f"q.{ext}.parts").exists()
    # a changed output file is not "finished": the run assembles it again
    out.write_bytes(b"")
    run(src, out, RULES, quiet=True)
    assert out.read_bytes() == before[0][0]


def test_an_unwritable_output_is_one_line_and_exit_2(tmp_path):
    src = corpus(tmp_path / "c.jsonl", 3)
    blocker = tmp_path / "afile"
    blocker.write_text("not a folder")
    for out in (blocker / "q.parquet", blocker / "outdir"):
        res = CliRunner().invoke(app, ["extract", str(src), "-o", str(out), "--model", "rules", "--quiet"])
        assert res.exit_code == 2, res.output
        lines = [ln for ln in res.output.splitlines() if ln.strip()]
        assert len(lines) == 1 and lines[0].startswith("error: ") and str(blocker) in lines[0]
        assert "cannot write the output" in lines[0] and "Traceback" not in res.output
    with pytest.raises(OutputError):
        run(src, blocker / "q.csv", RULES, quiet=True)


def test_a_failed_start_leaves_nothing_behind(tmp_path):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    out = tmp_path / "q.parquet"
    with pytest.raises(InputError, match="no articles found"):
        run(empty, out, RULES, quiet=True)
    assert not (tmp_path / "q.parquet.parts").exists() and not out.exists()
    folder = tmp_path / "made-by-user"
    folder.mkdir()
    with pytest.raises(InputError):
        run(empty, folder, RULES, quiet=True)
    assert folder.exists() and not list(folder.iterdir())
    # the next run, with another input, needs no --fresh
    s = run(corpus(tmp_path / "c.jsonl", 4), out, RULES, quiet=True)
    assert s.n_articles == 4 and out.exists()


def test_json_error_message_reads_once(tmp_path):
    src = tmp_path / "c.jsonl"
    src.write_text('{"id": "a", "text": "unterminated\n', encoding="utf-8")
    out = tmp_path / "q.jsonl"
    res = CliRunner().invoke(app, ["extract", str(src), "-o", str(out), "--model", "rules"])
    assert "at at" not in res.output and "not valid JSON" in res.output
