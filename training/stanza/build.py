"""Build the stanza backend's models: tokenizer, word vectors, NER; evaluate; write a model dir.

    OMP_NUM_THREADS=1 .venv/bin/python -m training.stanza.build --shared ../shared --out runs/stanza_id --indosum-limit 2000
    OMP_NUM_THREADS=1 .venv/bin/python -m training.stanza.build --shared ../shared --tiny --out tests/data/stanza_tiny

The output directory holds ``tokenize.pt``, ``ner.pt``, ``pretrain.pt`` (what
``quoteattr.load(backend="stanza", stanza_dir=OUT)`` reads) and ``meta.json`` (settings,
data counts, scores). Everything runs on one thread (``torch.set_num_threads(1)``).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import time
from pathlib import Path
from typing import Any

from training.stanza import data, vectors

#: full model: stanza's default NER sizes (no charlm, no transformer)
FULL = {
    "tok_steps": 3000,
    "ner_steps": 2000,
    "ner_args": [],
    "vec_dim": 100,
    "vec_max_vocab": 100_000,
    "indosum": True,
    "nergrit": True,
    "ner_limit": None,
}
#: tiny test model (< 1 MB): tiny dims, few steps, vectors from the idner training text only
TINY = {
    "tok_steps": 3000,
    "ner_steps": 1500,
    "ner_args": ["--hidden_dim", "32", "--char_hidden_dim", "16", "--char_emb_dim", "16", "--word_emb_dim", "16"],
    "vec_dim": 16,
    "vec_max_vocab": 3000,
    "indosum": False,
    "nergrit": False,
    "ner_limit": None,
}


def train_tokenizer(files: dict[str, dict[str, str]], work: Path, steps: int, seed: int = 42) -> Path:
    from stanza.models import tokenizer

    mwt = work / "tok" / "mwt.json"
    mwt.write_text("[]")  # surface tokens only: no multi-word tokens
    save_dir = work / "models"
    tokenizer.main(
        [
            "--txt_file", files["train"]["txt"], "--label_file", files["train"]["label"],
            "--dev_txt_file", files["dev"]["txt"], "--dev_label_file", files["dev"]["label"],
            "--dev_conll_gold", files["dev"]["conllu"], "--conll_file", str(work / "tok" / "dev.pred.conllu"),
            "--mwt_json_file", str(mwt), "--no_use_mwt",
            "--lang", "id", "--shorthand", "id_csui", "--steps", str(steps), "--eval_steps", "250",
            "--save_dir", str(save_dir), "--save_name", "tokenize.pt", "--seed", str(seed),
        ]
    )  # fmt: skip
    return save_dir / "tokenize.pt"


def train_ner(paths: dict[str, str], pretrain: Path, work: Path, steps: int, extra: list[str], seed: int = 42) -> Path:
    from stanza.models import ner_tagger

    save_dir = work / "models"
    ner_tagger.main(
        [
            "--train_file", paths["train"], "--eval_file", paths["dev"],
            "--wordvec_pretrain_file", str(pretrain), "--shorthand", "id_idner",
            "--max_steps", str(steps), "--eval_interval", "250", "--max_steps_no_improve", "2000",
            "--save_dir", str(save_dir), "--save_name", "ner.pt", "--seed", str(seed),
            *extra,
        ]
    )  # fmt: skip
    return save_dir / "ner.pt"


def spans(tags: list[str]) -> set[tuple[int, int, str]]:
    out, start, label = set(), None, None
    for i, tag in enumerate(tags + ["O"]):
        if start is not None and not (tag.startswith("I-") and tag[2:] == label):
            out.add((start, i, label))
            start = None
        if tag.startswith("B-") or (tag.startswith("I-") and start is None):
            start, label = i, tag[2:]
    return out


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(100 * p, 1), "r": round(100 * r, 1), "f": round(100 * f, 1)}


def evaluate_ner(model_dir: Path, test_json: str | Path) -> dict[str, Any]:
    """Exact-span P/R/F on gold tokens (stanza run pretokenized), per label and overall."""
    from quoteattr.backends.stanza_backend import stanza_pipeline

    nlp = stanza_pipeline(model_dir, tokenize_pretokenized=True)
    sents = data.ner_sentences(test_json)
    sdoc = nlp([w for w, _ in sents])
    counts: dict[str, list[int]] = {}
    for (words, gold), sent in zip(sents, sdoc.sentences):
        pred = [t.ner for t in sent.tokens]
        pred_bio = [("B-" + p[2:]) if p[:2] in ("B-", "S-") else ("I-" + p[2:]) if p[:2] in ("I-", "E-") else "O" for p in pred]
        g, p = spans(gold), spans(pred_bio)
        for lab in {x[2] for x in g | p} | {"all"}:
            c = counts.setdefault(lab, [0, 0, 0])
            gl = g if lab == "all" else {x for x in g if x[2] == lab}
            pl = p if lab == "all" else {x for x in p if x[2] == lab}
            c[0] += len(gl & pl)
            c[1] += len(pl - gl)
            c[2] += len(gl - pl)
    return {"sentences": len(sents), **{lab: prf(*c) for lab, c in sorted(counts.items())}}


def evaluate_tokenizer(model_dir: Path, split: dict[str, str]) -> dict[str, Any]:
    """Token and sentence P/R/F (character spans) on a held-out CSUI split."""
    from quoteattr.backends.stanza_backend import stanza_pipeline

    nlp = stanza_pipeline(model_dir, ner=False)
    texts = Path(split["txt"]).read_text(encoding="utf-8").rstrip("\n").split("\n\n")
    labels = Path(split["label"]).read_text(encoding="utf-8").rstrip("\n").split("\n\n")
    tok = [0, 0, 0]
    sen = [0, 0, 0]
    for text, lab in zip(texts, labels):
        gold_t, gold_s, start, sstart = set(), set(), None, None
        for i, (ch, la) in enumerate(zip(text, lab)):
            if start is None and not ch.isspace():
                start = i
            if sstart is None and not ch.isspace():
                sstart = i
            if la in "12" and start is not None:
                gold_t.add((start, i + 1))
                start = None
            if la == "2" and sstart is not None:
                gold_s.add((sstart, i + 1))
                sstart = None
        doc = nlp(text)
        pred_t = {(t.start_char, t.end_char) for s in doc.sentences for t in s.tokens}
        pred_s = {(s.tokens[0].start_char, s.tokens[-1].end_char) for s in doc.sentences if s.tokens}
        for c, g, p in ((tok, gold_t, pred_t), (sen, gold_s, pred_s)):
            c[0] += len(g & p)
            c[1] += len(p - g)
            c[2] += len(g - p)
    return {"paragraphs": len(texts), "tokens": prf(*tok), "sentences": prf(*sen)}


def main(argv: list[str] | None = None) -> dict[str, Any]:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--out", type=Path, required=True, help="model directory to write")
    ap.add_argument("--workdir", type=Path, default=None, help="scratch (default runs/stanza_build[_tiny])")
    ap.add_argument("--tiny", action="store_true", help="the tiny test models (tests/data/stanza_tiny)")
    ap.add_argument("--tokenizer", type=Path, default=None, help="reuse this tokenize.pt instead of training one")
    ap.add_argument("--tok-steps", type=int, default=None)
    ap.add_argument("--ner-steps", type=int, default=None)
    ap.add_argument("--no-nergrit", action="store_true")
    ap.add_argument("--indosum-limit", type=int, default=None, help="articles of indosum.jsonl for the vectors")
    args = ap.parse_args(argv)

    os.environ.setdefault("OMP_NUM_THREADS", "1")
    import torch

    torch.set_num_threads(1)
    preset = dict(TINY if args.tiny else FULL)
    if args.tok_steps:
        preset["tok_steps"] = args.tok_steps
    if args.ner_steps:
        preset["ner_steps"] = args.ner_steps
    if args.no_nergrit:
        preset["nergrit"] = False
    work = args.workdir or Path("runs/stanza_build_tiny" if args.tiny else "runs/stanza_build")
    work.mkdir(parents=True, exist_ok=True)
    (work / "models").mkdir(exist_ok=True)
    meta: dict[str, Any] = {"preset": "tiny" if args.tiny else "full", "settings": {k: v for k, v in preset.items()}}
    t0 = time.time()

    tok_files = data.tokenizer_data(args.shared / "data" / "ud", work / "tok")
    ner_paths = data.ner_data(args.shared / "data" / "ner", work / "ner", nergrit=preset["nergrit"], limit=preset["ner_limit"])
    meta["data"] = {
        "ner": {k: len(data.ner_sentences(v)) for k, v in ner_paths.items()},
        "tokenizer": {k: sum(1 for _ in data.read_conllu_tokens(Path(v["conllu"]))) for k, v in tok_files.items()},
    }

    sents = [[w.lower() for w in words] for words, _ in data.ner_sentences(ner_paths["train"])]
    if preset["indosum"]:
        sents += list(vectors.indosum_sentences(args.shared / "corpus" / "indosum.jsonl", args.indosum_limit))
    meta["vectors"] = vectors.train_vectors(
        sents, work / "vectors.txt", work / "models" / "pretrain.pt", dim=preset["vec_dim"], max_vocab=preset["vec_max_vocab"]
    )
    print("vectors", meta["vectors"], f"{time.time() - t0:.0f}s", flush=True)

    if args.tokenizer:
        tok_model = work / "models" / "tokenize.pt"
        shutil.copy(args.tokenizer, tok_model)
        meta["tokenizer_from"] = str(args.tokenizer)
    else:
        tok_model = train_tokenizer(tok_files, work, preset["tok_steps"])
    print("tokenizer", tok_model, f"{time.time() - t0:.0f}s", flush=True)
    train_ner(ner_paths, work / "models" / "pretrain.pt", work, preset["ner_steps"], preset["ner_args"])
    print("ner trained", f"{time.time() - t0:.0f}s", flush=True)

    args.out.mkdir(parents=True, exist_ok=True)
    for name in ("tokenize.pt", "ner.pt", "pretrain.pt"):
        shutil.copy(work / "models" / name, args.out / name)
    meta["scores"] = {
        "ner_idner_test_gold_tokens": evaluate_ner(args.out, ner_paths["idner_test"]),
        "tokenizer_csui_test": evaluate_tokenizer(args.out, tok_files["test"]),
    }
    meta["sizes_bytes"] = {name: (args.out / name).stat().st_size for name in ("tokenize.pt", "ner.pt", "pretrain.pt")}
    meta["build_seconds"] = round(time.time() - t0)
    (args.out / "meta.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n")
    print(json.dumps(meta["scores"], indent=2))
    return meta


if __name__ == "__main__":
    main()
