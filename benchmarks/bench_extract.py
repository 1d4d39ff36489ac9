"""Single-core extraction speed on ../shared/corpus/indosum.jsonl, against a tokenizer-only pass.

usage: python benchmarks/bench_extract.py [--limit N] [--no-ner]
Prints articles/s and words/s for each pass and the ratio to the tokenizer-only baseline
(the tokenizer without the glue repair, as before issue 17). The scraped-text repair is
timed alone (normalize, glue points, paragraph breaks, the repaired copy) and as the
difference between the default pipeline and the pipeline with ``repair`` switched off.
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import quoteattr
from quoteattr.repair import repair, restore_paragraphs
from quoteattr.text import normalize
from quoteattr.tokenizer import NewsTokenizer

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "indosum.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=1000)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--no-ner", action="store_true", help="skip the pass with the NER")
    a = ap.parse_args()
    texts = []
    with a.corpus.open(encoding="utf-8") as fh:
        for line in fh:
            texts.append(json.loads(line)["text"])
            if len(texts) >= a.limit:
                break
    words = sum(len(t.split()) for t in texts)
    rules = quoteattr.load("rules")
    plain = NewsTokenizer(rules.vocab, repair=False)
    for text in texts[:50]:
        plain(text)  # warm-up
    t = time.perf_counter()
    for text in texts:
        plain(text)
    base = time.perf_counter() - t
    print(f"{len(texts)} articles, {words} words")
    print(f"tokenizer only        {len(texts) / base:8.1f} articles/s {words / base:9.0f} words/s  1.00x")
    t = time.perf_counter()
    fixed = 0
    for text in texts:
        fixed += repair(restore_paragraphs(normalize(text)), text) is not None
    dt = time.perf_counter() - t
    rate = f"{len(texts) / dt:8.1f} articles/s {words / dt:9.0f} words/s  {base / dt:.2f}x of tokenizer"
    print(f"{'repair alone':22}{rate}  ({fixed} articles repaired)")
    passes: list[tuple[str, dict[str, object], bool]] = [("pipeline, no repair", {}, False), ("default pipeline", {}, True)]
    if not a.no_ner:
        passes.append(("pipeline + NER", {"ner": True}, True))
    for label, kwargs, fix in passes:
        nlp = quoteattr.load(**kwargs)
        nlp.tokenizer.repair = fix
        nlp.get_pipe("quoteattr_attributor").repair = fix
        t = time.perf_counter()
        n = sum(len(d._.quotes) for d in nlp.pipe(texts, batch_size=64))
        dt = time.perf_counter() - t
        print(f"{label:22}{len(texts) / dt:8.1f} articles/s {words / dt:9.0f} words/s  {base / dt:.2f}x of tokenizer  ({n} quotes)")


if __name__ == "__main__":
    main()
