"""One dtype policy for every table: the API, the CLI's Parquet output and the Dask path agree, metadata included."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import quoteattr
from quoteattr.batch import BatchOptions, run
from quoteattr.schema import QUOTE_COLUMNS, metadata_dtype

NAMES = ["Budi Santoso", "Ani Wijaya", "Joko Susilo"]


def _articles(n: int = 12) -> pd.DataFrame:
    rows = []
    for i in range(n):
        who = NAMES[i % 3]
        rows.append(
            {
                "id": f"a{i}",
                "text": f"“Proyek {i} selesai tahun ini,” kata {who}. {who} mengatakan bahwa dana tahap {i} cair.",
                "outlet": ["Kompas", "Tempo"][i % 2],
                "date": f"2024-01-{i + 1:02d}",  # text: stays text, never parsed into a datetime
                "published": pd.Timestamp(f"2024-01-{i + 1:02d} 08:30"),  # a datetime column: stays datetime
                "section": None if i % 4 == 0 else "nasional",
                "page": i + 1,
                "score": i / 4,
                "paywall": i % 3 == 0,
            }
        )
    return pd.DataFrame(rows)


EXPECTED = {
    **QUOTE_COLUMNS,
    "outlet": "string",
    "date": "string",
    "published": "datetime64[ns]",
    "section": "string",
    "page": "Int64",
    "score": "Float64",
    "paywall": "boolean",
}


def _dtypes(df: pd.DataFrame) -> dict[str, str]:
    return {c: str(t) for c, t in df.dtypes.items()}


def test_api_cli_and_dask_return_the_same_dtypes(tmp_path: Path) -> None:
    dd = pytest.importorskip("dask.dataframe", reason='dask is not installed: pip install "quoteattr[dask]"')
    import quoteattr.dask
    articles = _articles()
    src = tmp_path / "articles.parquet"
    articles.to_parquet(src, index=False)

    api = quoteattr.extract_frame(articles, quoteattr.load("rules"))
    run(src, tmp_path / "quotes.parquet", BatchOptions(model="rules", shard_size=5), quiet=True)
    cli = pd.read_parquet(tmp_path / "quotes.parquet")
    dsk = quoteattr.dask.extract(dd.from_pandas(articles, npartitions=3), "rules").compute(scheduler="sync").reset_index(drop=True)

    assert len(api) == 24
    assert _dtypes(api) == EXPECTED
    assert _dtypes(cli) == EXPECTED
    assert _dtypes(dsk) == EXPECTED
    pd.testing.assert_frame_equal(cli, api)
    pd.testing.assert_frame_equal(dsk, api)
    # the articles tables too: schema columns, then the same metadata dtypes
    arts = pd.read_parquet(tmp_path / "quotes.articles.parquet")
    darts = quoteattr.dask.extract(dd.from_pandas(articles, npartitions=3), "rules", table="articles").compute(scheduler="sync")
    for col in ("outlet", "date", "published", "section", "page", "score", "paywall"):
        assert str(arts[col].dtype) == str(darts[col].dtype) == EXPECTED[col], col


def test_records_input_follows_the_same_policy(nlp_rules) -> None:
    recs = _articles(4).to_dict("records")
    for r in recs:
        r["tags"] = ["ekonomi", "daerah"]  # nested values become JSON text, as in the CLI's tables
        r["published"] = r["published"].to_pydatetime()
    df = quoteattr.extract_frame(recs, nlp_rules)
    assert _dtypes(df) == {**EXPECTED, "tags": "string"}
    assert df["tags"].iloc[0] == '["ekonomi", "daerah"]'
    assert df["section"].isna().sum() == 2 and df["section"].iloc[0] is pd.NA


@pytest.mark.parametrize(
    "values, dtype, expected",
    [
        (["a", None], None, "string"),
        ([1, None], None, "Int64"),
        ([1, 2.5], None, "Float64"),
        ([True, None], None, "boolean"),
        ([pd.Timestamp("2024-01-01"), None], None, "datetime64[ns]"),
        (["2024-01-01"], None, "string"),  # a date written as text is text
        ([None, None], None, None),
        ([None, None], "int64", "Int64"),  # the input's dtype decides when there is one
        ([None], "str", "string"),
        ([1, "a"], None, "object"),  # mixed: written as text
    ],
)
def test_metadata_dtype(values, dtype, expected) -> None:
    assert metadata_dtype(values, dtype) == expected
