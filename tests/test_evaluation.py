"""quoteattr's scorer agrees with the reference scorer, on real dev data when present."""

from __future__ import annotations

import json
import subprocess
import sys

from quoteattr.cli.evaluate import evaluate, load_gold
from quoteattr.evaluation import score


def test_scoring_rules_on_hand_made_case():
    text = "“Kami siap,” kata Budi Santoso. Ia menambahkan bahwa semua tim sudah berlatih keras."
    gold = {"a": {"id": "a", "text": text, "quotes": [
        {"type": "direct", "quote": "Kami siap", "quote_start": 1, "quote_end": 10, "speaker_name": "Budi Santoso", "role": "pelatih"},
        {"type": "indirect", "quote": "semua tim sudah berlatih keras", "quote_start": 53, "quote_end": 83, "speaker_name": "Budi Santoso", "role": None},
    ]}}
    preds = {"a": [
        {"type": "direct", "quote_start": 1, "quote_end": 9, "speaker_name": "budi  santoso", "role": "Pelatih tim"},
        {"type": "direct", "quote_start": 60, "quote_end": 83, "speaker_name": "Budi", "role": None},
    ]}
    res, _ = score(gold, preds)
    assert res["quotes"]["tp"] == 2
    assert res["direct"]["tp"] == 1 and res["indirect"]["tp"] == 0  # type must agree for per-type figures
    assert res["speaker_accuracy"] == 0.5 and res["speaker_accuracy_lenient"] == 1.0
    assert res["role_accuracy"] == 1.0


def test_agrees_with_reference_scorer(shared, tmp_path, nlp_rules):
    gold_path = shared / "eval" / "dev.gold.jsonl"
    gold = load_gold(gold_path)
    pred_path = tmp_path / "pred.jsonl"
    with pred_path.open("w", encoding="utf-8") as fh:
        for aid, doc in zip(gold, nlp_rules.pipe(g["text"] for g in gold.values())):
            fh.write(json.dumps({"id": aid, "quotes": [q.to_dict() for q in doc._.quotes]}, ensure_ascii=False) + "\n")
    ref = subprocess.run([sys.executable, str(shared / "eval" / "score.py"), str(gold_path), str(pred_path), "--json"], capture_output=True, text=True, check=True)
    ours, _ = evaluate(gold_path, pred_path)
    assert ours == json.loads(ref.stdout)
