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


def _gold_file(path, text, quotes):
    path.write_text(json.dumps({"id": path.stem, "text": text, "quotes": quotes}, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def test_evaluate_several_gold_files_in_one_table(tmp_path):
    from typer.testing import CliRunner

    from quoteattr.cli import app

    text = "“Kami siap,” kata Budi Santoso."
    right = _gold_file(tmp_path / "right.jsonl", text, [{"type": "direct", "quote": "Kami siap", "quote_start": 1, "quote_end": 10, "speaker_name": "Budi Santoso", "role": None}])
    wrong = _gold_file(tmp_path / "wrong.jsonl", text, [{"type": "direct", "quote": "Kami siap", "quote_start": 1, "quote_end": 10, "speaker_name": "Ani", "role": "Menteri"}])
    res = CliRunner().invoke(app, ["evaluate", str(right), str(wrong), "--model", "rules", "--errors", "5"])
    assert res.exit_code == 0, res.output
    lines = res.output.splitlines()
    assert lines[0].split()[:4] == ["gold", "file", "articles", "gold"] and "attribution F1" in lines[0] and "role" in lines[0]
    assert lines[2].split()[0] == "right.jsonl" and lines[2].split()[6] == "1.000"  # attribution F1
    assert lines[3].split()[0] == "wrong.jsonl" and lines[3].split()[6] == "0.000"
    assert "== errors in wrong.jsonl" in res.output and "gold speaker:" in res.output and "predicted speaker:" in res.output
    res = CliRunner().invoke(app, ["evaluate", str(right), str(wrong), "--model", "rules", "--json"])
    assert [json.loads(x)["gold"] for x in res.output.splitlines()] == ["right.jsonl", "wrong.jsonl"]


def test_evaluate_refuses_a_file_without_quotes(tmp_path):
    from typer.testing import CliRunner

    from quoteattr.cli import app

    articles = tmp_path / "articles.jsonl"
    articles.write_text(json.dumps({"id": "a", "text": "“Kami siap,” kata Budi."}) + "\n", encoding="utf-8")
    res = CliRunner().invoke(app, ["evaluate", str(articles), "--model", "rules"])
    assert res.exit_code == 2
    assert "articles.jsonl line 1: no 'quotes' field" in res.output and "0.000" not in res.output
