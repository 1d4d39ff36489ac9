"""Benchmark batch extraction: articles/s, words/s and peak RSS for 1 and 2 workers.

Runs ``quoteattr.batch.run`` end to end (read, extract, write Parquet, assemble) on
``../shared/corpus/indosum.jsonl`` (2,947 articles), each configuration in a fresh
child process so that peak RSS is measured per configuration, next to a
tokenizer-only pass in the same run (the baseline every ratio is against).

Usage::

    .venv/bin/python benchmarks/bench_batch.py                  # default (shipped) model
    .venv/bin/python benchmarks/bench_batch.py --model rules    # rules without NER
    .venv/bin/python benchmarks/bench_batch.py --limit 500 --workers 1,2 --n-process

Targets (issue #5): ≥ 40 articles/s per worker end to end with the default pipeline,
2 workers ≥ 1.7× one, peak RSS ≤ 800 MB per worker. This is a script, not a test:
timings depend on the machine and on what else runs on it.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus" / "indosum.jsonl"


def _texts(corpus: Path, limit: int | None) -> list[str]:
    out = []
    with corpus.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                out.append(json.loads(line)["text"])
                if limit is not None and len(out) >= limit:
                    break
    return out


def _rss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux: KiB


def child(args: argparse.Namespace) -> None:
    """One measured configuration, in its own process; prints one JSON line."""
    sys.path.insert(0, str(REPO))
    texts = _texts(args.corpus, args.limit)
    words = sum(len(t.split()) for t in texts)
    t0 = time.perf_counter()
    if args.mode == "tokenizer":
        from quoteattr.tokenizer import blank

        nlp = blank()
        t0 = time.perf_counter()
        n_tok = sum(len(nlp.tokenizer(t)) for t in texts)
        res = {"tokens": n_tok}
    elif args.mode == "n_process":
        import quoteattr

        nlp = quoteattr.load(args.model)
        t0 = time.perf_counter()
        try:
            n_q = sum(len(d._.quotes or []) for d in nlp.pipe(texts, batch_size=args.batch_size, n_process=2))
            res = {"quotes": n_q}
        except Exception as exc:  # noqa: BLE001
            res = {"failed": f"{type(exc).__name__}: {exc}"[:300]}
    else:
        from quoteattr.batch import BatchOptions, run

        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / "in.jsonl"
            with args.corpus.open(encoding="utf-8") as fh, src.open("w", encoding="utf-8") as out:
                for i, line in enumerate(fh):
                    if args.limit is not None and i >= args.limit:
                        break
                    out.write(line)
            t0 = time.perf_counter()
            s = run(src, Path(tmp) / "q.parquet", BatchOptions(model=args.model, batch_size=args.batch_size), workers=int(args.workers), quiet=True)
            res = {"quotes": s.n_quotes, "errors": s.n_errors}
    secs = time.perf_counter() - t0
    res.update(
        mode=args.mode,
        workers=int(args.workers),
        articles=len(texts),
        words=words,
        seconds=round(secs, 2),
        articles_per_s=round(len(texts) / secs, 1),
        words_per_s=round(words / secs),
        rss_self_mb=round(_rss_mb(resource.RUSAGE_SELF)),
        rss_workers_mb=round(_rss_mb(resource.RUSAGE_CHILDREN)),
    )
    print(json.dumps(res), flush=True)


def _spawn(args: argparse.Namespace, mode: str, workers: int) -> dict:
    cmd = [sys.executable, __file__, "--child", "--mode", mode, "--workers", str(workers), "--corpus", str(args.corpus), "--batch-size", str(args.batch_size)]
    if args.model:
        cmd += ["--model", args.model]
    if args.limit is not None:
        cmd += ["--limit", str(args.limit)]
    out = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise SystemExit(f"benchmark child failed ({mode}, {workers}):\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", default=None, help="pipeline directory or 'rules' (default: the shipped model)")
    ap.add_argument("--workers", default="1,2", help="comma-separated worker counts (in a child: one count)")
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--n-process", action="store_true", help="also time nlp.pipe(n_process=2) returning Docs")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--mode", default="batch", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args)
        return
    if not args.corpus.is_file():
        raise SystemExit(f"{args.corpus} not found: the benchmark needs ../shared/corpus/indosum.jsonl beside the repository")
    print(f"corpus {args.corpus} (limit {args.limit}), model {args.model or 'shipped (models/id_news)'}, {os.cpu_count()} CPUs; timings are noisy when other work runs")
    base = _spawn(args, "tokenizer", 1)
    results = [base]
    for w in [int(x) for x in args.workers.split(",")]:
        results.append(_spawn(args, "batch", w))
    if args.n_process:
        results.append(_spawn(args, "n_process", 2))
    one = next((r for r in results if r["mode"] == "batch" and r["workers"] == 1), None)
    hdr = f"{'run':24} {'art/s':>8} {'words/s':>9} {'s':>7} {'vs tok':>7} {'vs 1w':>6} {'RSS main':>9} {'RSS wkr':>8}"
    print(hdr)
    print("-" * len(hdr))
    for r in results:
        name = {"tokenizer": "tokenizer only", "batch": f"batch, {r['workers']} worker(s)", "n_process": "nlp.pipe(n_process=2)"}[r["mode"]]
        if "failed" in r:
            print(f"{name:24} failed: {r['failed']}")
            continue
        vs_tok = r["articles_per_s"] / base["articles_per_s"]
        vs_one = r["articles_per_s"] / one["articles_per_s"] if one and r["mode"] != "tokenizer" else float("nan")
        print(
            f"{name:24} {r['articles_per_s']:8.1f} {r['words_per_s']:9.0f} {r['seconds']:7.1f} {vs_tok:7.3f} {vs_one:6.2f} "
            f"{r['rss_self_mb']:7d}MB {r['rss_workers_mb']:6d}MB"
        )
    print("RSS main = the process that reads and writes (and extracts, with 1 worker); RSS wkr = the largest worker process.")
    print(json.dumps(results))


if __name__ == "__main__":
    main()
