"""The CLI writes the corpus speakers table beside the quotes table (issue: speakers across a corpus)."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
from typer.testing import CliRunner

from quoteattr.cli import app
from quoteattr.schema import SPEAKER_COLUMNS

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "articles.jsonl"


def test_extract_writes_speakers_table(tmp_path: Path) -> None:
    out = tmp_path / "quotes.csv"
    res = CliRunner().invoke(app, ["extract", str(EXAMPLES), "-o", str(out), "--model", "rules", "--quiet"])
    assert res.exit_code == 0, res.output
    quotes = pd.read_csv(out)
    spk = pd.read_csv(tmp_path / "quotes.speakers.csv")
    assert list(spk.columns)[: len(SPEAKER_COLUMNS)] == list(SPEAKER_COLUMNS)
    assert spk["speaker_id"].is_unique
    named = quotes["speaker_name"].notna().sum()
    assert spk["n_quotes"].sum() == named
    lavrov = spk[spk["speaker_name"] == "Sergey Lavrov"].iloc[0]
    assert lavrov["role"] == "Menteri Luar Negeri Rusia" and lavrov["first_date"] == "2022-02-15"
    assert json.loads(lavrov["roles"]) == ["Menteri Luar Negeri Rusia", "Menteri Luar Negeri"]  # list cells: JSON arrays in CSV
    assert json.loads(lavrov["aliases"]) == ["Lavrov"]


def test_folder_output_has_speakers_parquet(tmp_path: Path) -> None:
    res = CliRunner().invoke(app, ["extract", str(EXAMPLES), "-o", str(tmp_path / "run"), "--model", "rules", "--quiet"])
    assert res.exit_code == 0, res.output
    spk = pd.read_parquet(tmp_path / "run" / "speakers.parquet")
    assert len(spk) > 5
    lavrov = spk[spk["speaker_name"] == "Sergey Lavrov"].iloc[0]
    assert list(lavrov["roles"]) == ["Menteri Luar Negeri Rusia", "Menteri Luar Negeri"]  # Parquet lists
