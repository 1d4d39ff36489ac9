"""Single-core extraction speed on ../shared/corpus/indosum.jsonl, against a tokenizer-only pass.

usage: python benchmarks/bench_extract.py [--limit N] [--model rules|PATH]
Prints articles/s and words/s for each pass and the ratio to the tokenizer-only baseline.
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import quoteattr

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "indosum.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=1000)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    a = ap.parse_args()
    texts = []
    with a.corpus.open(encoding="utf-8") as fh:
        for line in fh:
            texts.append(json.loads(line)["text"])
            if len(texts) >= a.limit:
                break
    words = sum(len(t.split()) for t in texts)
    rules = quoteattr.load("rules")
    t = time.perf_counter()
    for text in texts:
        rules.make_doc(text)
    base = time.perf_counter() - t
    print(f"{len(texts)} articles, {words} words")
    print(f"tokenizer only        {len(texts) / base:8.1f} articles/s {words / base:9.0f} words/s  1.00x")
    for label, kwargs in (("default pipeline", {}), ("pipeline + NER", {"ner": True})):
        nlp = quoteattr.load(**kwargs)
        t = time.perf_counter()
        n = sum(len(d._.quotes) for d in nlp.pipe(texts, batch_size=64))
        dt = time.perf_counter() - t
        print(f"{label:22}{len(texts) / dt:8.1f} articles/s {words / dt:9.0f} words/s  {base / dt:.2f}x of tokenizer  ({n} quotes)")


if __name__ == "__main__":
    main()
