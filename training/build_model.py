"""Regenerate the shipped Indonesian news NER pipeline ``models/id_news``.

One command (from the repository root, single core, fixed seed)::

    OMP_NUM_THREADS=1 .venv/bin/python -m training.build_model --shared ../shared --out models/id_news

Steps: convert the CoNLL sets in ``<shared>/data/ner`` (``training.convert_ner``), train
``training/ner.cfg`` with spaCy, evaluate the best checkpoint on the idner-news-2k test split
and the NER-UI held-out fold (gold tokens), measure speed, then write the pipeline with a
filled-in ``meta.json`` to ``--out``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sys
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("OMP_NUM_THREADS", "1")

import spacy  # noqa: E402
from spacy.cli.train import train as spacy_train  # noqa: E402
from spacy.training import Corpus  # noqa: E402

import quoteattr.tokenizer  # noqa: E402,F401  (registers quoteattr.NewsTokenizer.v1)
from training.convert_ner import convert  # noqa: E402

HERE = Path(__file__).resolve().parent
DEFAULT_CONFIG = HERE / "ner.cfg"
LABELS = ("PER", "ORG", "LOC")

SOURCES = [
    {
        "name": "idner-news-2k (Khairunnisa et al. 2020), train split",
        "url": "https://github.com/khairunnisaor/idner-news-2k",
        "license": "MIT",
    },
    {
        "name": "NER-UI (IndoLEM, Koto et al. 2020; Gultom & Wibowo 2017), fold 1 train split",
        "url": "https://github.com/indolem/indolem",
        "license": "CC BY 4.0 (as listed by NusaCrowd; no LICENSE file in the IndoLEM repository)",
    },
]
NERGRIT_SOURCE = {
    "name": "NERGRIT (IndoNLU, Wilie et al. 2020), train + valid",
    "url": "https://github.com/IndoNLP/indonlu",
    "license": "MIT",
}


def evaluate(nlp: spacy.language.Language, path: Path, limit: int = 0) -> dict[str, Any]:
    """Entity P/R/F (overall and per label) on a ``.spacy`` corpus, with gold tokens."""
    examples = list(Corpus(str(path), gold_preproc=True, limit=limit)(nlp))
    scores = nlp.evaluate(examples)
    out: dict[str, Any] = {
        "ents_p": scores["ents_p"],
        "ents_r": scores["ents_r"],
        "ents_f": scores["ents_f"],
        "ents_per_type": scores.get("ents_per_type") or {},
        "n_sentences": len(examples),
    }
    return out


def benchmark(nlp: spacy.language.Language, texts: list[str], repeat: int = 1) -> dict[str, float]:
    """Single-process end-to-end speed (tokenizer + tok2vec + ner) over raw article texts."""
    n_words = sum(len(t.split()) for t in texts)
    n_tokens = 0
    list(nlp.pipe(texts[:20]))  # warm-up
    start, cpu_start = time.perf_counter(), time.process_time()
    for _ in range(repeat):
        for doc in nlp.pipe(texts, batch_size=64):
            n_tokens += len(doc)
    secs = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    # Wall time suffers when the machine is busy; CPU time (one thread) is the per-core figure.
    return {
        "articles": len(texts) * repeat,
        "words_per_sec": round(n_words * repeat / secs),
        "tokens_per_sec": round(n_tokens / secs),
        "articles_per_sec": round(len(texts) * repeat / secs, 1),
        "words_per_cpu_sec": round(n_words * repeat / cpu),
        "articles_per_cpu_sec": round(len(texts) * repeat / cpu, 1),
    }


def load_benchmark_texts(shared: Path, n: int = 500) -> list[str]:
    path = shared / "corpus" / "indosum.jsonl"
    texts: list[str] = []
    if path.exists():
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                texts.append(json.loads(line)["text"])
                if len(texts) >= n:
                    break
    return texts


def _clean_config(model_dir: Path) -> None:
    """Drop the build-machine corpus paths from the shipped config."""
    cfg = model_dir / "config.cfg"
    text = cfg.read_text()
    text = re.sub(r'(?m)^(train|dev) = .*$', r"\1 = null", text, count=2)
    cfg.write_text(text)


def train(
    corpus_dir: Path,
    train_dir: Path,
    config: Path = DEFAULT_CONFIG,
    use_nergrit: bool = False,
    overrides: dict[str, Any] | None = None,
) -> Path:
    """Train with spaCy; returns the best checkpoint directory."""
    ov: dict[str, Any] = {
        "paths.train": str(corpus_dir / ("train_plus.spacy" if use_nergrit else "train.spacy")),
        "paths.dev": str(corpus_dir / "dev.spacy"),
    }
    ov.update(overrides or {})
    if train_dir.exists():
        shutil.rmtree(train_dir)
    spacy_train(config, train_dir, use_gpu=-1, overrides=ov)
    return train_dir / "model-best"


def build(
    shared: Path,
    out: Path,
    workdir: Path,
    config: Path = DEFAULT_CONFIG,
    use_nergrit: bool = False,
    overrides: dict[str, Any] | None = None,
    version: str = "0.1.0",
    bench: bool = True,
) -> dict[str, Any]:
    ner_dir = shared / "data" / "ner"
    corpus_dir = workdir / "corpus"
    stats = convert(ner_dir, corpus_dir)
    best = train(corpus_dir, workdir / "train", config, use_nergrit, overrides)

    nlp = spacy.load(best)
    performance: dict[str, Any] = {}
    for name in ("idner_test", "nerui_test"):
        performance[name] = evaluate(nlp, corpus_dir / f"{name}.spacy")
    if bench:
        texts = load_benchmark_texts(shared)
        if texts:
            performance["speed_1_core"] = benchmark(nlp, texts)

    idner = performance["idner_test"]
    meta = dict(nlp.meta)
    meta.update(
        {
            "lang": "id",
            "name": "news",
            "version": version,
            "description": (
                "quoteattr Indonesian news NER (PER, ORG, LOC): spaCy CNN tok2vec + transition-based "
                "NER, CPU, no vectors, quoteattr.NewsTokenizer.v1 tokenizer. Load after "
                "`import quoteattr.tokenizer`."
            ),
            "author": "quoteattr",
            "license": "CC BY 4.0 (trained on NER-UI, CC BY 4.0, and MIT-licensed data; see models/README.md)",
            "sources": SOURCES + ([NERGRIT_SOURCE] if use_nergrit else []),
            "performance": {
                "ents_p": idner["ents_p"],
                "ents_r": idner["ents_r"],
                "ents_f": idner["ents_f"],
                "ents_per_type": idner["ents_per_type"],
                "evaluation": performance,
            },
            "training": {
                "config": "training/ner.cfg",
                "overrides": overrides or {},
                "nergrit": use_nergrit,
                "data": stats,
                "command": "OMP_NUM_THREADS=1 .venv/bin/python -m training.build_model --shared ../shared --out models/id_news",
            },
        }
    )
    nlp.meta.update(meta)
    if out.exists():
        shutil.rmtree(out)
    nlp.to_disk(out)
    _clean_config(out)
    return meta


def parse_overrides(items: list[str]) -> dict[str, Any]:
    """``--set KEY=VALUE`` items as a config override dict (values read as JSON when they parse)."""
    out: dict[str, Any] = {}
    for item in items:
        k, v = item.split("=", 1)
        try:
            out[k] = json.loads(v)
        except json.JSONDecodeError:
            out[k] = v
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="Build models/id_news from ../shared/data/ner.")
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--out", type=Path, default=Path("models/id_news"))
    ap.add_argument("--workdir", type=Path, default=Path("runs/ner_build"))
    ap.add_argument("--config", type=Path, default=DEFAULT_CONFIG)
    ap.add_argument(
        "--no-nergrit", dest="nergrit", action="store_false",
        help="train on idner-news-2k + NER-UI only (default adds NERGRIT, which helps on idner test)",
    )
    ap.add_argument("--no-bench", action="store_true")
    ap.add_argument(
        "--set", action="append", default=[], metavar="KEY=VALUE",
        help="config override, e.g. --set training.max_steps=3000 (value parsed as JSON)",
    )
    args = ap.parse_args(argv)
    meta = build(
        args.shared, args.out, args.workdir, args.config, args.nergrit,
        parse_overrides(args.set), bench=not args.no_bench,
    )
    json.dump(meta["performance"], sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
