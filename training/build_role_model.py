"""Train ``models/role_model.json``, the scorer of candidate roles (``quoteattr/roles.py``).

One command (from the repository root; seconds)::

    .venv/bin/python -m training.build_role_model

Data: the quotes-id corpus (``data/quotes-id``, CC BY-SA 4.0). For every speaker of the
``train`` split with a gold name, every candidate phrase around that name is an
example, positive when it matches the gold role best among the speaker's candidates (with
token F1 >= 0.5, the scorer's rule); for a
speaker the article gives no role, every candidate is a negative example. A
logistic regression (L2, full-batch gradient descent, numpy) learns the weights; the
threshold is the lowest score at which the best candidate per speaker of the ``dev`` split
is right at least ``--precision`` of the time. ``--override`` (the score under which the
model overrules a role the rules read) was chosen on ``dev``. The ``test`` split is not read.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import numpy as np

import quoteattr
from quoteattr.evaluation import _tokens
from quoteattr.lexicon import speaker_lexicon
from quoteattr.roles import candidate_text, candidates, features, is_description
from training.resources import write_model

ROOT = Path(__file__).resolve().parent.parent

Example = tuple[list[str], int, str, float]  # (features, label, speaker key, token F1 with the gold role)


def speakers(rec: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Gold speakers with a name (and their role, or ``None``), with the anaphoric descriptions used for them.

    A speaker the article gives no role makes every candidate a negative example.
    """
    out: dict[str, dict[str, Any]] = {}
    for q in rec["quotes"]:
        name, role = q.get("speaker_name"), q.get("role")
        if not name or q.get("speaker_type") == "organization":
            continue
        sp = out.setdefault(name, {"role": role, "descriptions": []})
        sp["role"] = sp["role"] or role
        if is_description(q.get("speaker")) and q.get("speaker_start") is not None:
            sp["descriptions"].append((q["speaker_start"], q["speaker_end"]))
    return out


def role_f1(gold: str, pred: str) -> float:
    """Token F1 between two roles, as the scorer computes it (role_ok is this >= 0.5)."""
    gt, pt = _tokens(gold), _tokens(pred)
    common = sum(min(gt.count(t), pt.count(t)) for t in set(gt))
    if not gt or not pt or not common:
        return 0.0
    p, r = common / len(pt), common / len(gt)
    return 2 * p * r / (p + r)


def examples(path: Path, nlp: Any) -> list[list[Example]]:
    """Per gold speaker, its candidates as examples."""
    lex = speaker_lexicon()
    groups: list[list[Example]] = []
    with path.open(encoding="utf-8") as fh:
        recs = [json.loads(line) for line in fh]
    for rec, doc in zip(recs, nlp.pipe(r["text"] for r in recs)):
        for name, sp in speakers(rec).items():
            descs = []
            for s, e in sp["descriptions"]:
                span = doc.char_span(s, e, alignment_mode="expand")
                if span is not None:
                    descs.append((span.start, span.end))
            group = []
            own = [(q["quote_start"], q["quote_end"]) for q in rec["quotes"] if q.get("speaker_name") == name]
            for c in candidates(doc, name, lex, descs, own):
                f1 = role_f1(sp["role"], candidate_text(doc, c)) if sp["role"] else 0.0
                group.append((features(doc, c, lex), 0, f"{rec['id']}|{name}", f1))
            if group:
                # the positives: the candidates that match the gold role best (a shorter
                # phrase inside the role may pass the scorer's 0.5 but is not the role)
                top = max(f1 for *_, f1 in group)
                groups.append([(f, int(f1 >= 0.5 and f1 == top), k, f1) for f, _, k, f1 in group])
    return groups


def train(groups: list[list[Example]], l2: float = 1.0, steps: int = 400, lr: float = 0.5) -> dict[str, float]:
    vocab: dict[str, int] = {}
    rows, labels = [], []
    for g in groups:
        for feats, y, _, _ in g:
            rows.append([vocab.setdefault(f, len(vocab)) for f in feats])
            labels.append(y)
    x = np.zeros((len(rows), len(vocab)), dtype=np.float32)
    for i, r in enumerate(rows):
        x[i, r] = 1.0
    y = np.array(labels, dtype=np.float32)
    w = np.zeros(len(vocab), dtype=np.float32)
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        grad = x.T @ (p - y) / len(y) + l2 * w / len(y)
        w -= lr * grad
    return {f: round(float(w[i]), 4) for f, i in vocab.items() if abs(w[i]) > 1e-4}


def choose(groups: list[list[Example]], weights: dict[str, float]) -> list[tuple[float, int]]:
    """Per speaker: the best candidate's probability and whether it is right."""
    out = []
    for g in groups:
        scored = [(1 / (1 + np.exp(-sum(weights.get(f, 0.0) for f in feats))), int(f1 >= 0.5)) for feats, _, _, f1 in g]
        out.append(max(scored))
    return out


def pick_threshold(best: list[tuple[float, int]], precision: float) -> float:
    """The lowest threshold at which the chosen roles are right at least ``precision`` of the time."""
    ranked = sorted(best, reverse=True)
    right = 0
    threshold = 1.0
    for k, (p, y) in enumerate(ranked, 1):
        right += y
        if right / k >= precision:
            threshold = float(p)
    return round(threshold, 4)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=ROOT / "data" / "quotes-id")
    ap.add_argument("--out", type=Path, default=ROOT / "models" / "role_model.json")
    ap.add_argument("--precision", type=float, default=0.8, help="the share of dev speakers whose chosen role must be right at the threshold (the shipped model: 0.8)")
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument(
        "--override", type=float, default=0.2,
        help="the score under which a role the rules read gives way to a candidate scored at or above it (the shipped model: 0.2, "
        "chosen on the dev split's role accuracy among 0.1-0.5; 0 keeps the rules' roles)",
    )
    a = ap.parse_args()
    nlp = quoteattr.load("rules")
    train_groups = examples(a.corpus / "train.jsonl", nlp)
    dev_groups = examples(a.corpus / "dev.jsonl", nlp)
    weights = train(train_groups, l2=a.l2)
    dev_best = choose(dev_groups, weights)
    threshold = pick_threshold(dev_best, a.precision)
    chosen = [(p, y) for p, y in dev_best if p >= threshold]
    reachable = sum(any(f1 >= 0.5 for *_, f1 in g) for g in dev_groups)
    report = {
        "train_speakers": len(train_groups),
        "train_candidates": sum(map(len, train_groups)),
        "dev_speakers": len(dev_groups),
        "dev_speakers_with_a_right_candidate": reachable,
        "dev_chosen": len(chosen),
        "dev_chosen_right": sum(y for _, y in chosen),
        "dev_precision": round(sum(y for _, y in chosen) / len(chosen), 3) if chosen else 0.0,
        "threshold": threshold,
    }
    write_model(
        a.out,
        "Logistic scorer of candidate roles around a speaker's name (quoteattr/roles.py); built by training/build_role_model.py",
        {"threshold": threshold, **({"override": a.override} if a.override > 0 else {}), "report": report},
        weights,
    )
    print(json.dumps(report))


if __name__ == "__main__":
    main()
