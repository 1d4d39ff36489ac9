"""Sentence-segmentation study: train a spaCy ``senter`` on UD Indonesian and measure it.

Not part of the shipped pipeline; the figures go in training/README.md for comparison with
quoteattr's rule segmenter.  One core, fixed seed::

    OMP_NUM_THREADS=1 .venv/bin/python -m training.train_senter --shared ../shared --workdir runs/senter

Trains on CSUI train (dev: GSD dev) and reports sentence P/R/F on CSUI test, GSD test and
PUD test, plus words/s. Documents are groups of 10 consecutive sentences (``spacy convert -n
10``), re-tokenized with spaCy's stock Indonesian tokenizer (see senter.cfg), so boundaries must be predicted inside
running text.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

import spacy  # noqa: E402
from spacy.cli.convert import convert as spacy_convert  # noqa: E402
from spacy.cli.train import train as spacy_train  # noqa: E402
from spacy.training import Corpus  # noqa: E402

import quoteattr.tokenizer  # noqa: E402,F401

HERE = Path(__file__).resolve().parent
FILES = {
    "csui_train": "UD_Indonesian-CSUI/id_csui-ud-train.conllu",
    "csui_test": "UD_Indonesian-CSUI/id_csui-ud-test.conllu",
    "gsd_dev": "UD_Indonesian-GSD/id_gsd-ud-dev.conllu",
    "gsd_test": "UD_Indonesian-GSD/id_gsd-ud-test.conllu",
    "pud_test": "UD_Indonesian-PUD/id_pud-ud-test.conllu",
}


def convert_ud(ud_dir: Path, out: Path, n_sents: int = 10) -> dict[str, Path]:
    out.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, rel in FILES.items():
        src = ud_dir / rel
        spacy_convert(str(src), str(out), file_type="spacy", converter="conllu", n_sents=n_sents, silent=True)
        target = out / f"{name}.spacy"
        (out / (src.stem + ".spacy")).replace(target)
        paths[name] = target
    return paths


def measure(nlp, path: Path) -> dict[str, float]:
    examples = list(Corpus(str(path), gold_preproc=False)(nlp))
    texts = [eg.reference.text for eg in examples]
    n_words = sum(len(t.split()) for t in texts)
    start = time.perf_counter()
    list(nlp.pipe(texts))
    secs = time.perf_counter() - start
    scores = nlp.evaluate(examples)
    return {
        "sents_p": round(scores["sents_p"], 4),
        "sents_r": round(scores["sents_r"], 4),
        "sents_f": round(scores["sents_f"], 4),
        "docs": len(examples),
        "words_per_sec": round(n_words / secs),
    }


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--workdir", type=Path, default=Path("runs/senter"))
    ap.add_argument("--config", type=Path, default=HERE / "senter.cfg")
    args = ap.parse_args(argv)
    paths = convert_ud(args.shared / "data" / "ud", args.workdir / "corpus")
    train_dir = args.workdir / "train"
    if train_dir.exists():
        shutil.rmtree(train_dir)
    spacy_train(
        args.config, train_dir, use_gpu=-1,
        overrides={"paths.train": str(paths["csui_train"]), "paths.dev": str(paths["gsd_dev"])},
    )
    nlp = spacy.load(train_dir / "model-best")
    results = {name: measure(nlp, paths[name]) for name in ("csui_test", "gsd_test", "pud_test")}
    (args.workdir / "results.json").write_text(json.dumps(results, indent=2))
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
