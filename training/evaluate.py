"""Evaluate and benchmark a trained NER pipeline (any model dir) on the converted corpora.

    OMP_NUM_THREADS=1 .venv/bin/python -m training.evaluate MODEL_DIR --corpus runs/ner_build/corpus --shared ../shared
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

import spacy  # noqa: E402

import quoteattr.tokenizer  # noqa: E402,F401
from training.build_model import benchmark, evaluate, load_benchmark_texts  # noqa: E402


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("model", type=Path)
    ap.add_argument("--corpus", type=Path, default=Path("runs/ner_build/corpus"))
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--no-bench", action="store_true")
    args = ap.parse_args(argv)
    start = time.perf_counter()
    nlp = spacy.load(args.model)
    out = {"load_secs": round(time.perf_counter() - start, 3)}
    for name in ("idner_test", "nerui_test"):
        out[name] = evaluate(nlp, args.corpus / f"{name}.spacy")
    if not args.no_bench:
        out["speed_1_core"] = benchmark(nlp, load_benchmark_texts(args.shared))
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
