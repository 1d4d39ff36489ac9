"""Tagger/parser study: train a spaCy UPOS tagger + dependency parser on UD Indonesian.

Not part of the shipped pipeline. It answers issue 4 (point 3): would a parser's subject of a
speech verb improve attribution? This script trains and scores the parser; the attribution
measurement is ``training/eval_parser_attribution.py``. One core, fixed seed::

    OMP_NUM_THREADS=1 .venv/bin/python -m training.train_parser --shared ../shared --out /tmp/quoteattr_parser

Data: UD_Indonesian-CSUI train for training (the GSD train split is not in ``../shared``),
GSD dev for model selection; CSUI test, GSD test and PUD test (test-only treebank) for the
scores. Docs are built from the CoNLL-U syntactic words (multi-word tokens such as *katanya*
= *kata* + *nya* are split as in UD; ``SpaceAfter=No`` kept), one sentence a doc; FEATS are
dropped because CSUI and GSD use different feature inventories, so the morphologizer
predicts UPOS only. Enhanced dependencies and empty nodes are ignored.

Scores (own count, gold tokenization, every word including punctuation, CoNLL 2018 style
but with full labels such as ``nsubj:pass``): UPOS accuracy, UAS, LAS, and the precision/
recall/F1 of subject arcs (``nsubj``/``nsubj:pass``, head and label right). Speed is the
whole pipeline including spaCy's stock Indonesian tokenizer on the raw test sentences, one
thread, wall clock. The trained pipeline goes to ``--out`` (keep it out of ``models/``).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

os.environ.setdefault("OMP_NUM_THREADS", "1")

import spacy
from spacy.cli.train import train as spacy_train
from spacy.language import Language
from spacy.tokens import Doc, DocBin
from spacy.vocab import Vocab

from training.build_model import parse_overrides
from training.train_senter import FILES

HERE = Path(__file__).resolve().parent
DEFAULT_CONFIG = HERE / "parser.cfg"
TRAIN_SETS = ("csui_train",)
DEV_SET = "gsd_dev"
TEST_SETS = ("csui_test", "gsd_test", "pud_test")
SUBJECT_LABELS = frozenset({"nsubj", "nsubj:pass"})
COMMAND = "OMP_NUM_THREADS=1 .venv/bin/python -m training.train_parser --shared ../shared --out /tmp/quoteattr_parser"


@dataclass
class Sentence:
    """One CoNLL-U sentence as syntactic words (0-based heads; the root points to itself)."""

    sent_id: str
    text: str
    words: list[str] = field(default_factory=list)
    spaces: list[bool] = field(default_factory=list)
    upos: list[str] = field(default_factory=list)
    heads: list[int] = field(default_factory=list)
    deps: list[str] = field(default_factory=list)


def _space_after(misc: str) -> bool:
    return "SpaceAfter=No" not in misc.split("|")


def read_conllu(path: Path) -> list[Sentence]:
    """Basic-tree sentences of a CoNLL-U file (multi-word token ranges give the spacing)."""
    out: list[Sentence] = []
    sent_id, text = "", ""
    rows: list[list[str]] = []
    mwt_start, mwt_end, mwt_space = 0, 0, True

    def flush() -> None:
        if not rows:
            return
        s = Sentence(sent_id, text)
        for cols in rows:
            s.words.append(cols[1])
            s.upos.append(cols[3])
            head = int(cols[6])
            s.heads.append(int(cols[0]) - 1 if head == 0 else head - 1)
            s.deps.append("ROOT" if cols[7] == "root" else cols[7])
            s.spaces.append(cols[-1] == "1")
        s.spaces[-1] = False
        out.append(s)

    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line:
                flush()
                rows, sent_id, text = [], "", ""
                mwt_start, mwt_end = 0, 0
                continue
            if line.startswith("#"):
                key, _, value = line[1:].partition("=")
                if key.strip() == "sent_id":
                    sent_id = value.strip()
                elif key.strip() == "text":
                    text = value.strip()
                continue
            cols = line.split("\t")
            if "-" in cols[0]:
                mwt_start, mwt_end = (int(x) for x in cols[0].split("-"))
                mwt_space = _space_after(cols[9])
                continue
            if "." in cols[0]:
                continue  # empty node (enhanced graph only)
            idx = int(cols[0])
            if mwt_start <= idx < mwt_end:
                space = False
            elif idx == mwt_end:
                space = mwt_space
            else:
                space = _space_after(cols[9])
            rows.append(cols[:9] + ["1" if space else "0"])
    flush()
    return out


def to_doc(vocab: Vocab, s: Sentence) -> Doc:
    return Doc(vocab, words=s.words, spaces=s.spaces, pos=s.upos, heads=s.heads, deps=s.deps)


def convert(ud_dir: Path, out: Path) -> dict[str, dict[str, Any]]:
    """Write ``<name>.spacy`` (one sentence a doc) for every split; returns counts."""
    out.mkdir(parents=True, exist_ok=True)
    vocab = Vocab()
    stats: dict[str, dict[str, Any]] = {}
    for name, rel in FILES.items():
        sents = read_conllu(ud_dir / rel)
        db = DocBin(attrs=["ORTH", "SPACY", "POS", "HEAD", "DEP", "SENT_START"])
        for s in sents:
            db.add(to_doc(vocab, s))
        db.to_disk(out / f"{name}.spacy")
        stats[name] = {"sentences": len(sents), "words": sum(len(s.words) for s in sents), "file": rel}
    return stats


def _parse_gold_tokens(nlp: Language, sents: list[Sentence]) -> list[Doc]:
    docs = [Doc(nlp.vocab, words=s.words, spaces=s.spaces) for s in sents]
    return list(nlp.pipe(docs, batch_size=256))


def score(nlp: Language, sents: list[Sentence]) -> dict[str, Any]:
    """UPOS / UAS / LAS (all words, punctuation included) and subject-arc P/R/F, gold tokens."""
    n = pos_ok = uas_ok = las_ok = 0
    subj_gold = subj_pred = subj_ok = 0
    for s, doc in zip(sents, _parse_gold_tokens(nlp, sents)):
        for i, tok in enumerate(doc):
            gold_label, pred_label = s.deps[i].lower(), tok.dep_.lower()
            head_ok = tok.head.i == s.heads[i]
            n += 1
            pos_ok += tok.pos_ == s.upos[i]
            uas_ok += head_ok
            las_ok += head_ok and gold_label == pred_label
            subj_gold += gold_label in SUBJECT_LABELS
            subj_pred += pred_label in SUBJECT_LABELS
            subj_ok += head_ok and gold_label == pred_label and gold_label in SUBJECT_LABELS
    p = subj_ok / subj_pred if subj_pred else 0.0
    r = subj_ok / subj_gold if subj_gold else 0.0
    return {
        "sentences": len(sents),
        "words": n,
        "upos": round(100 * pos_ok / n, 2),
        "uas": round(100 * uas_ok / n, 2),
        "las": round(100 * las_ok / n, 2),
        "nsubj_p": round(100 * p, 2),
        "nsubj_r": round(100 * r, 2),
        "nsubj_f": round(100 * 2 * p * r / (p + r), 2) if p + r else 0.0,
    }


def speed(nlp: Language, texts: list[str], repeat: int = 3) -> dict[str, float]:
    """Words/s of the whole pipeline (stock tokenizer + tok2vec + morphologizer + parser)."""
    n_words = sum(len(t.split()) for t in texts)
    list(nlp.pipe(texts[:50]))  # warm-up
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        list(nlp.pipe(texts, batch_size=256))
        best = min(best, time.perf_counter() - start)
    return {"words": n_words, "words_per_sec": round(n_words / best)}


def _dir_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="Train and score a UD Indonesian tagger + parser (study, not shipped).")
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--out", type=Path, default=Path("/tmp/quoteattr_parser"), help="where the trained pipeline goes (not models/)")
    ap.add_argument("--workdir", type=Path, default=Path("runs/parser"), help="corpus, checkpoints and results.json")
    ap.add_argument("--config", type=Path, default=DEFAULT_CONFIG)
    ap.add_argument(
        "--set", action="append", default=[], metavar="KEY=VALUE",
        help="config override, e.g. --set training.max_steps=2000 (value parsed as JSON)",
    )
    ap.add_argument("--eval-only", action="store_true", help="score the pipeline already in --out, no training")
    args = ap.parse_args(argv)
    if args.out.resolve().is_relative_to((HERE.parent / "models").resolve()):
        ap.error("--out must not be inside models/ (the parser is not shipped)")

    ud_dir = args.shared / "data" / "ud"
    corpus = args.workdir / "corpus"
    stats = convert(ud_dir, corpus)
    results: dict[str, Any] = {"data": stats, "command": COMMAND, "overrides": parse_overrides(args.set)}
    if not args.eval_only:
        train_dir = args.workdir / "train"
        if train_dir.exists():
            shutil.rmtree(train_dir)
        overrides: dict[str, Any] = {"paths.train": str(corpus / "csui_train.spacy"), "paths.dev": str(corpus / f"{DEV_SET}.spacy")}
        overrides.update(results["overrides"])
        start = time.perf_counter()
        spacy_train(args.config, train_dir, use_gpu=-1, overrides=overrides)
        results["training_minutes"] = round((time.perf_counter() - start) / 60, 1)
        if args.out.exists():
            shutil.rmtree(args.out)
        shutil.copytree(train_dir / "model-best", args.out)
        meta_path = train_dir / "model-best" / "meta.json"
        meta = json.loads(meta_path.read_text())
        results["best_dev"] = {k: meta.get("performance", {}).get(k) for k in ("pos_acc", "dep_uas", "dep_las")}

    nlp = spacy.load(args.out)
    results["model_bytes"] = _dir_size(args.out)
    for name in (DEV_SET, *TEST_SETS):
        results[name] = score(nlp, read_conllu(ud_dir / FILES[name]))
    texts = [s.text for s in read_conllu(ud_dir / FILES["pud_test"])]
    results["speed_1_thread_pud"] = speed(nlp, texts)
    args.workdir.mkdir(parents=True, exist_ok=True)
    (args.workdir / "results.json").write_text(json.dumps(results, indent=2))

    print(f"\n{'set':10} {'sents':>6} {'words':>6} {'UPOS':>6} {'UAS':>6} {'LAS':>6} {'nsubjF':>7}")
    for name in (DEV_SET, *TEST_SETS):
        r = results[name]
        print(f"{name:10} {r['sentences']:6d} {r['words']:6d} {r['upos']:6.2f} {r['uas']:6.2f} {r['las']:6.2f} {r['nsubj_f']:7.2f}")
    print(f"speed (1 thread, PUD raw text, stock tokenizer): {results['speed_1_thread_pud']['words_per_sec']} words/s")
    print(f"model size: {results['model_bytes'] / 1e6:.1f} MB" + (f"; training: {results['training_minutes']} min" if "training_minutes" in results else ""))
    json.dump({k: v for k, v in results.items() if k != "data"}, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
