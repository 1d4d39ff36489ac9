"""The Dask path: same rows as the local path, on a LocalCluster (skipped without dask)."""

from __future__ import annotations

import json

import pandas as pd
import pytest

dd = pytest.importorskip("dask.dataframe", reason='dask is not installed: pip install "quoteattr[dask]"')
distributed = pytest.importorskip("distributed", reason='distributed is not installed: pip install "quoteattr[dask]"')

import quoteattr  # noqa: E402
import quoteattr.dask  # noqa: E402
from quoteattr.batch import BatchOptions, run  # noqa: E402
from quoteattr.schema import QUOTE_COLUMNS  # noqa: E402

NAMES = ["Budi Santoso", "Ani Wijaya", "Joko Susilo"]


def _articles(n: int) -> pd.DataFrame:
    rows = []
    for i in range(n):
        who = NAMES[i % 3]
        text = f"“Proyek {i} selesai tahun ini,” kata {who} di Jakarta. {who} mengatakan bahwa dana tahap {i} cair."
        rows.append({"id": f"a{i}", "text": text if i != 5 else "   ", "outlet": ["Kompas", "Tempo"][i % 2], "n": i})
    return pd.DataFrame(rows)


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    c = distributed.Client(cluster)
    yield c
    c.close()
    cluster.close()


def test_dask_extract_matches_extract_frame(client):
    df = _articles(24)
    ddf = dd.from_pandas(df, npartitions=4)
    got = client.compute(quoteattr.dask.extract(ddf, "rules"), retries=2).result().reset_index(drop=True)
    want = quoteattr.extract_frame(df[df.text.str.strip() != ""], quoteattr.load("rules"))
    assert len(got) == len(want) > 20
    cols = list(QUOTE_COLUMNS) + ["outlet", "n"]
    pd.testing.assert_frame_equal(got[cols], want[cols], check_dtype=False)
    arts = client.compute(quoteattr.dask.extract(ddf, "rules", table="articles")).result().set_index("article_id")
    assert arts.loc["a5", "status"] == "error" and arts["n_quotes"].sum() == len(want)


def test_cli_dask_engine_matches_local(client, tmp_path):
    src = tmp_path / "c.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in _articles(30).to_dict("records")), encoding="utf-8")
    opts = BatchOptions(model="rules", shard_size=4)
    run(src, tmp_path / "local.parquet", opts, quiet=True)
    s = run(src, tmp_path / "dask.parquet", opts, engine="dask", scheduler=client.scheduler.address, quiet=True)
    assert s.n_articles == 30 and s.n_errors == 1
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "dask.parquet"), pd.read_parquet(tmp_path / "local.parquet"))
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "dask.articles.parquet"), pd.read_parquet(tmp_path / "local.articles.parquet"))
    # resumable like a local run: a folder output re-run does nothing new
    out = tmp_path / "parts"
    run(src, out, opts, engine="dask", scheduler=client.scheduler.address, quiet=True)
    again = run(src, out, opts, engine="dask", scheduler=client.scheduler.address, quiet=True)
    assert again.n_resumed == 30 and again.n_quotes == s.n_quotes
