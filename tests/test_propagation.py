"""quoteattr.propagation: near-identical quotes across articles, first outlet, repeats, lag."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from typer.testing import CliRunner

import quoteattr
from quoteattr.cli import app
from quoteattr.errors import InputError
from quoteattr.io import read_articles
from quoteattr.propagation import normalize_quote, quote_groups
from quoteattr.schema import PROPAGATION_COLUMNS

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "articles.jsonl"

STATEMENT = "Kami akan menaikkan harga bahan bakar mulai pekan depan secara bertahap"


def _table(rows: list[tuple[str, str, str | None, str, str]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["article_id", "outlet", "date", "type", "quote"])


def test_groups_repeats_across_outlets_with_first_report_and_lag() -> None:
    df = _table(
        [
            ("k1", "Kompas", "2024-01-03", "direct", "kami akan menaikkan harga bahan bakar mulai pekan depan, secara bertahap."),
            ("a1", "Antara", "2024-01-01", "direct", STATEMENT),  # earliest: the first report, though not the first row
            ("t1", "Tempo", "2024-01-05T10:00:00", "direct", "Kami akan menaikkan harga bahan bakar mulai minggu depan secara bertahap"),
            ("a2", "Antara", "2024-01-02", "direct", STATEMENT.upper()),  # the same outlet, another article
            ("k1", "Kompas", "2024-01-03", "direct", STATEMENT),  # twice in one article: one article
            ("d1", "Detik", "2024-01-02", "indirect", "harga bahan bakar akan naik bertahap mulai pekan depan"),  # a paraphrase
            ("d1", "Detik", "2024-01-02", "direct", "Ya"),  # too short to show travel
            ("x1", "Detik", "2024-01-09", "direct", "Pemerintah tidak berencana menaikkan harga bahan bakar tahun ini"),
        ]
    )
    out = quoteattr.propagation(df)
    assert list(out.columns) == list(PROPAGATION_COLUMNS)
    assert len(out) == 1
    g = out.iloc[0]
    assert g["quote"] == STATEMENT and g["first_article_id"] == "a1"
    assert (g["first_outlet"], g["first_date"], g["last_date"]) == ("Antara", "2024-01-01", "2024-01-05")
    assert g["repeated_by"] == ["Antara", "Kompas", "Tempo"]  # in order of their first repeat
    assert g["article_ids"] == ["a1", "a2", "k1", "t1"]
    assert (g["n_quotes"], g["n_articles"], g["n_outlets"]) == (5, 4, 3)
    assert g["first_lag_days"] == 1.0 and g["lag_days"] == pytest.approx(4 + 10 / 24)
    assert g["types"] == ["direct"]
    groups = quote_groups(df)
    assert groups.iloc[5] != groups.iloc[1] and pd.isna(groups.iloc[6]) and groups.iloc[7] != groups.iloc[1]


def test_group_ids_do_not_depend_on_row_order() -> None:
    df = quoteattr.extract_frame([{"id": a, "text": t, **m} for a, t, m in read_articles(EXAMPLES)], quoteattr.load("rules"))
    a = quoteattr.propagation(df)
    b = quoteattr.propagation(df.sample(frac=1.0, random_state=3))
    pd.testing.assert_frame_equal(a, b)
    assert set(quote_groups(df).dropna()) == set(quote_groups(df.iloc[::-1]).dropna())


def test_bundled_corpus_has_three_travelled_quotes(nlp_rules) -> None:
    arts = [{"id": a, "text": t, **m} for a, t, m in read_articles(EXAMPLES)]
    out = quoteattr.propagation(quoteattr.extract_frame(arts, nlp_rules))
    got = {(r.speaker_name, r.first_outlet, r.first_date, tuple(r.repeated_by), r.lag_days) for r in out.itertuples()}
    assert got == {
        ("Sergey Lavrov", "Warta Contoh", "2022-02-15", ("Kabar Kota",), 1.0),
        ("Olaf Scholz", "Warta Contoh", "2022-02-15", ("Kabar Kota",), 1.0),
        ("Bayu Krisnamurthi", "Suara Ekonomi", "2024-03-02", ("Warta Contoh",), 2.0),
    }


def test_many_unrelated_quotes_make_no_group_and_copies_are_found() -> None:
    rng = np.random.default_rng(7)
    vocab = np.array([f"kata{i}" for i in range(3000)])
    quotes = [" ".join(vocab[rng.integers(0, 3000, size=rng.integers(6, 20))]) for _ in range(20_000)]
    edited = []
    for q in quotes[:200]:  # a copy with one word replaced, in another article
        words = q.split()
        words[len(words) // 2] = "berbeda"
        edited.append(" ".join(words))
    df = pd.DataFrame({"article_id": [f"a{i}" for i in range(len(quotes))] + [f"b{i}" for i in range(200)], "quote": quotes + edited})
    out = quoteattr.propagation(df)
    groups = quote_groups(df)
    found = groups.iloc[20_000:].to_numpy() == groups.iloc[:200].to_numpy()
    # one word replaced in n words leaves a word-pair Jaccard of (n - 3) / (n + 1): >= 0.69 from 12 words
    long_enough = np.array([len(q.split()) >= 12 for q in quotes[:200]])
    assert found[long_enough].all() and found.mean() > 0.7
    assert groups.iloc[:20_000].nunique() == 20_000  # no two unrelated quotes merged
    assert len(out) == found.sum() and out["n_outlets"].isna().all()


def test_normalize_and_errors() -> None:
    assert normalize_quote("“Kami  SIAP!”\n— katanya") == "kami siap katanya"
    with pytest.raises(InputError, match="quotes DataFrame"):
        quoteattr.propagation([{"quote": "x"}])  # type: ignore[arg-type]
    with pytest.raises(InputError, match="'article_id'"):
        quoteattr.propagation(pd.DataFrame({"quote": ["x"]}))
    with pytest.raises(InputError, match="threshold"):
        quote_groups(pd.DataFrame({"quote": ["x"]}), threshold=0)
    empty = quoteattr.propagation(pd.DataFrame({"article_id": pd.Series([], dtype="string"), "quote": pd.Series([], dtype="string")}))
    assert list(empty.columns) == list(PROPAGATION_COLUMNS) and len(empty) == 0


def test_cli_writes_the_propagation_table(tmp_path: Path) -> None:
    out = tmp_path / "quotes.csv"
    res = CliRunner().invoke(app, ["extract", str(EXAMPLES), "-o", str(out), "--model", "rules", "--quiet"])
    assert res.exit_code == 0, res.output
    table = pd.read_csv(tmp_path / "quotes.propagation.csv")
    assert len(table) == 3 and set(table["first_outlet"]) == {"Warta Contoh", "Suara Ekonomi"}
    assert json.loads(table.loc[table["speaker_name"] == "Bayu Krisnamurthi", "repeated_by"].iloc[0]) == ["Warta Contoh"]
    res = CliRunner().invoke(app, ["extract", str(EXAMPLES), "-o", str(tmp_path / "run"), "--model", "rules", "--quiet"])
    assert res.exit_code == 0, res.output
    parquet = pd.read_parquet(tmp_path / "run" / "propagation.parquet")
    assert len(parquet) == 3 and list(parquet["repeated_by"].iloc[0]) == ["Kabar Kota"]
