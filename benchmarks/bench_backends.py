"""Benchmark the backends: load time, words/s on one core and with 2 processes, peak RSS.

For each backend (``spacy``: ``quoteattr.load()``; ``stanza``: ``quoteattr.load(backend="stanza",
stanza_dir=...)``), without and with the NER (``+ner``: ``load(..., ner=True)``), the whole
pipeline (tokenizer[, NER], quote attribution) runs over the first ``--limit`` articles of
``../shared/corpus/indosum.jsonl``:

* **1 core**: one child process, one thread (``OMP_NUM_THREADS=1``, ``torch.set_num_threads(1)``);
* **2 processes**: two such children at once, each on half the articles; words/s is all words
  over the slower child's processing time.

Each child is a fresh process, so peak RSS (``ru_maxrss``) and load time are its own; load
time is ``quoteattr.load(...)`` after ``import quoteattr`` (and, for stanza, after ``import
stanza``, whose time is reported as ``import_s``). Words are whitespace-separated tokens of the input.

Usage::

    .venv/bin/python benchmarks/bench_backends.py --stanza-dir runs/stanza_id --limit 300
    .venv/bin/python benchmarks/bench_backends.py --backends spacy --limit 500

This is a script, not a test: timings depend on the machine and on what else runs on it.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus" / "indosum.jsonl"


def _texts(corpus: Path, limit: int) -> list[str]:
    out = []
    with corpus.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                out.append(json.loads(line)["text"])
                if len(out) >= limit:
                    break
    return out


def child(args: argparse.Namespace) -> None:
    """One measured run in its own process; prints one JSON line."""
    import torch

    torch.set_num_threads(1)
    texts = _texts(args.corpus, args.limit)
    k, n = (int(x) for x in args.shard.split("/"))
    texts = texts[k::n]
    words = sum(len(t.split()) for t in texts)
    import quoteattr

    backend, _, extra = args.backend.partition("+")
    ner = extra == "ner"
    t0 = time.perf_counter()
    if backend == "stanza":
        import stanza  # noqa: F401  (import time reported apart from load time)
    import_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    if backend == "stanza":
        nlp = quoteattr.load(backend="stanza", stanza_dir=args.stanza_dir, ner=ner)
    else:
        nlp = quoteattr.load(ner=ner)
    load_s = time.perf_counter() - t0
    nlp("“Ya,” kata Budi.")  # warm-up
    c0, t0 = time.process_time(), time.perf_counter()
    quotes = 0
    for doc in nlp.pipe(texts, batch_size=args.batch_size):
        quotes += len(doc._.quotes or [])
    wall = time.perf_counter() - t0
    cpu = time.process_time() - c0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "articles": len(texts),
                "words": words,
                "quotes": quotes,
                "import_s": import_s,
                "load_s": load_s,
                "wall_s": wall,
                "cpu_s": cpu,
                "rss_mb": rss,
            }
        )
    )


def _spawn(args: argparse.Namespace, backend: str, shard: str) -> subprocess.Popen[str]:
    cmd = [sys.executable, __file__, "--child", "--backend", backend, "--shard", shard, "--limit", str(args.limit),
           "--corpus", str(args.corpus), "--batch-size", str(args.batch_size)]  # fmt: skip
    if args.stanza_dir:
        cmd += ["--stanza-dir", str(args.stanza_dir)]
    env = dict(os.environ, OMP_NUM_THREADS="1", MKL_NUM_THREADS="1", TOKENIZERS_PARALLELISM="false")
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, env=env, cwd=REPO)


def _collect(procs: list[subprocess.Popen[str]]) -> list[dict]:
    out = []
    for p in procs:
        stdout, _ = p.communicate()
        if p.returncode != 0:
            raise SystemExit(f"benchmark child failed (exit {p.returncode})")
        out.append(json.loads(stdout.strip().splitlines()[-1]))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--backends", default="spacy,spacy+ner,stanza,stanza+ner", help="+ner: with the NER (load(ner=True))")
    ap.add_argument("--stanza-dir", type=Path, default=os.environ.get("QUOTEATTR_STANZA_DIR"))
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--limit", type=int, default=300, help="articles")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--json", type=Path, default=None, help="also write the results here")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--backend", default="spacy", help=argparse.SUPPRESS)
    ap.add_argument("--shard", default="0/1", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args)
        return
    results = {}
    for backend in args.backends.split(","):
        [one] = _collect([_spawn(args, backend, "0/1")])
        two = _collect([_spawn(args, backend, f"{i}/2") for i in range(2)])
        words2 = sum(r["words"] for r in two)
        res = {
            "articles": one["articles"],
            "words": one["words"],
            "quotes": one["quotes"],
            "import_s": round(one["import_s"], 2),
            "load_s": round(one["load_s"], 2),
            "words_per_s_1core_wall": round(one["words"] / one["wall_s"]),
            "words_per_cpu_s": round(one["words"] / one["cpu_s"]),
            "words_per_s_2proc_wall": round(words2 / max(r["wall_s"] for r in two)),
            "peak_rss_mb_1proc": round(one["rss_mb"]),
            "peak_rss_mb_per_proc_2proc": round(max(r["rss_mb"] for r in two)),
        }
        results[backend] = res
        print(backend, json.dumps(res), flush=True)
    try:
        load = os.getloadavg()
        results["_machine"] = {"cpus": os.cpu_count(), "loadavg_1_5_15": [round(x, 1) for x in load]}
    except OSError:
        pass
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
