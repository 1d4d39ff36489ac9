"""Batch faults, measured: pathological articles, the per-article deadline, parent kills, finished re-runs.

    .venv/bin/python benchmarks/bench_faults.py [--corpus ../shared/corpus/indosum.jsonl] [--kills 10]

Prints:
1. dense quote marks: seconds for 16,000 and 32,000 ``"kata`` tokens (and their ratio), beside
   a tokenizer-only pass over the same text;
2. the worst article under a deadline: a ~1 MB article of quote paragraphs (the slowest shape
   found) among 20 ordinary ones, its extraction time without a limit, and the wall time of a
   run with ``--timeout`` a quarter of that (so that the deadline is what ends it);
3. parent kills: N runs with ``--workers 2`` whose main process is SIGKILLed at a random moment;
   how many workers were alive 5 s later, and whether the resumed output equals an
   uninterrupted run's;
4. finished re-runs: the seconds a second run of a finished ``.parquet``/``.csv``/``.jsonl``
   run takes, and whether the files kept their bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import quoteattr
from quoteattr.tokenizer import blank

HERE = Path(__file__).resolve().parent


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "quoteattr", "extract", *args, "--quiet"]


def dense() -> None:
    nlp, tok = quoteattr.load(), blank()
    times = {}
    for n in (16_000, 32_000):
        text = " ".join(['"kata'] * n)
        t = time.perf_counter()
        tok(text)
        t_tok = time.perf_counter() - t
        t = time.perf_counter()
        nlp(text)
        times[n] = time.perf_counter() - t
        print(f"dense marks: {n:6,} tokens  {times[n]:6.2f} s  (tokenizer only {t_tok:.2f} s, {times[n] / t_tok:.1f}x)")
    print(f"dense marks: 32,000 / 16,000 = {times[32_000] / times[16_000]:.2f}x the time for 2x the text")


def worst_article(tmp: Path) -> None:
    para = "“Harga cabai naik lagi,” kata Budi Santoso, pedagang di Pasar Minggu.\n\n“Kami rugi.”\n\n"
    worst = (para * (990_000 // len(para)))[:990_000]
    nlp = quoteattr.load()
    t = time.perf_counter()
    nlp(worst)
    alone = time.perf_counter() - t
    src = tmp / "worst.jsonl"
    with src.open("w", encoding="utf-8") as fh:
        for i in range(20):
            fh.write(json.dumps({"id": f"ok-{i}", "text": para * 3}, ensure_ascii=False) + "\n")
            if i == 10:
                fh.write(json.dumps({"id": "worst", "text": worst}, ensure_ascii=False) + "\n")
    limit = max(1, round(alone / 4))
    t = time.perf_counter()
    subprocess.run(_cli(str(src), "-o", str(tmp / "worst.csv"), "--timeout", str(limit)), check=True)
    run = time.perf_counter() - t
    t = time.perf_counter()
    subprocess.run(_cli(str(src), "-o", str(tmp / "ordinary.csv"), "--limit", "10"), check=True)
    base = time.perf_counter() - t
    print(f"worst article: {len(worst):,} characters take {alone:.1f} s alone; a run with it and --timeout {limit} took {run:.1f} s "
          f"(a run of 10 ordinary articles, start-up included: {base:.1f} s)")


def _children(pid: int) -> list[int]:
    out = []
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                if int((d / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                    out.append(int(d.name))
            except (OSError, ValueError, IndexError):
                pass
    return out


def _alive(pid: int) -> bool:
    try:
        return (Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]) != "Z"
    except OSError:
        return False


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def parent_kills(corpus: Path, tmp: Path, kills: int, limit: int) -> None:
    ref = tmp / "ref.parquet"
    subprocess.run(_cli(str(corpus), "-o", str(ref), "--limit", str(limit), "--shard-size", "50"), check=True)
    rng = random.Random(7)
    left_alive = same = 0
    for k in range(kills):
        out = tmp / f"kill{k}.parquet"
        proc = subprocess.Popen(_cli(str(corpus), "-o", str(out), "--limit", str(limit), "--shard-size", "50", "--workers", "2"))
        time.sleep(rng.uniform(1.5, 8.0))
        workers = _children(proc.pid)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        time.sleep(5)
        left_alive += sum(_alive(w) for w in workers)
        subprocess.run(_cli(str(corpus), "-o", str(out), "--limit", str(limit), "--shard-size", "50", "--workers", "2"), check=True)
        same += _digest(out) == _digest(ref) and _digest(tmp / f"kill{k}.articles.parquet") == _digest(tmp / "ref.articles.parquet")
    print(f"parent kills: {kills} runs killed at random moments; workers alive 5 s later: {left_alive}; resumed output identical: {same}/{kills}")


def finished_reruns(corpus: Path, tmp: Path, limit: int) -> None:
    for ext in ("parquet", "csv", "jsonl"):
        out = tmp / f"done.{ext}"
        subprocess.run(_cli(str(corpus), "-o", str(out), "--limit", str(limit)), check=True)
        files = [out, tmp / f"done.articles.{ext}", tmp / f"done.speakers.{ext}"]
        before = [(_digest(f), f.stat().st_mtime_ns) for f in files]
        t = time.perf_counter()
        subprocess.run(_cli(str(corpus), "-o", str(out), "--limit", str(limit)), check=True)
        took = time.perf_counter() - t
        after = [(_digest(f), f.stat().st_mtime_ns) for f in files]
        print(f"finished re-run: .{ext} {limit} articles: {took:.1f} s, files unchanged: {before == after}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=HERE.parent.parent / "shared" / "corpus" / "indosum.jsonl")
    ap.add_argument("--kills", type=int, default=10)
    ap.add_argument("--limit", type=int, default=600)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        dense()
        worst_article(tmp)
        finished_reruns(a.corpus, tmp, a.limit)
        parent_kills(a.corpus, tmp, a.kills, a.limit)


if __name__ == "__main__":
    main()
