"""quoteattr.analysis: the analysts' count tables, on a hand-made quotes table."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

from quoteattr import analysis as A
from quoteattr.errors import InputError
from quoteattr.schema import SPEAKER_COLUMNS, quotes_frame


def _row(aid: str, typ: str, name: str | None, role: str | None, outlet: str, date: str, mention: str | None = None) -> dict[str, Any]:
    return {
        "article_id": aid,
        "type": typ,
        "quote": "…",
        "quote_start": 0,
        "quote_end": 1,
        "speaker": mention or name,
        "speaker_name": name,
        "speaker_type": "person" if name else "unknown",
        "role": role,
        "cue": "kata",
        "outlet": outlet,
        "date": date,
    }


@pytest.fixture()
def df() -> pd.DataFrame:
    rows = [
        _row("a1", "direct", "Joko Widodo", "Presiden", "Warta", "2024-01-05", "Jokowi"),
        _row("a1", "indirect", "Joko Widodo", "Presiden", "Warta", "2024-01-05"),
        _row("a1", "direct", "Sri Wahyuni", "Menteri Keuangan", "Warta", "2024-01-05"),
        _row("a2", "mixed", "Jokowi", "presiden", "Kabar", "2024-03-10T09:00:00+07:00"),
        _row("a2", "indirect", None, "warga", "Kabar", "2024-03-10T09:00:00+07:00"),
        _row("a3", "direct", "Sri Wahyuni", "Menteri  Keuangan", "Kabar", "2024-03-31"),
        _row("a3", "direct", None, None, "Kabar", "not a date"),
    ]
    return quotes_frame(rows)


def test_type_counts_and_shares(df: pd.DataFrame) -> None:
    overall = A.type_counts(df).iloc[0]
    assert (overall["n_quotes"], overall["n_direct"], overall["n_indirect"], overall["n_mixed"]) == (7, 4, 2, 1)
    shares = A.type_shares(df, "outlet")
    assert list(shares.columns) == ["outlet", "n_quotes", "share_direct", "share_indirect", "share_mixed"]
    kabar = shares.set_index("outlet").loc["Kabar"]
    assert kabar["n_quotes"] == 4 and kabar["share_direct"] == 0.5 and kabar["share_mixed"] == 0.25
    for _, r in shares.iterrows():
        assert abs(r["share_direct"] + r["share_indirect"] + r["share_mixed"] - 1) < 1e-3
    assert A.type_counts(df.iloc[0:0]).iloc[0]["share_direct"] == 0.0


def test_quotes_per_speaker_merges_variants(df: pd.DataFrame) -> None:
    out = A.quotes_per_speaker(df)
    assert out["speaker_name"].tolist() == ["Joko Widodo", "Sri Wahyuni"]
    jw = out.iloc[0]
    assert (jw["n_quotes"], jw["n_direct"], jw["n_indirect"], jw["n_mixed"], jw["n_articles"]) == (3, 1, 1, 1, 2)
    assert (jw["first_date"], jw["last_date"]) == ("2024-01-05", "2024-03-10")
    assert jw["speaker_id"].startswith("spk-")
    raw = A.quotes_per_speaker(df, merge=False)
    assert set(raw["speaker_name"]) == {"Joko Widodo", "Jokowi", "Sri Wahyuni"}
    assert A.quotes_per_speaker(df, top=1)["speaker_name"].tolist() == ["Joko Widodo"]
    with_unnamed = A.quotes_per_speaker(df, unnamed="by_role")
    assert with_unnamed["n_quotes"].sum() == 7


def test_quotes_per_role_case_and_space_insensitive(df: pd.DataFrame) -> None:
    out = A.quotes_per_role(df)
    got = dict(zip(out["role"], out["n_quotes"]))
    assert got == {"Presiden": 3, "Menteri Keuangan": 2, "warga": 1}
    assert out.set_index("role").loc["Presiden", "n_speakers"] == 2  # "Joko Widodo" and "Jokowi" as written
    assert "(none)" in set(A.quotes_per_role(df, include_missing=True)["role"])
    assert len(A.quotes_per_role(df, top=2)) == 2


def test_quotes_per_outlet(df: pd.DataFrame) -> None:
    out = A.quotes_per_outlet(df).set_index("outlet")
    assert out.loc["Warta", "n_quotes"] == 3 and out.loc["Warta", "n_articles"] == 1 and out.loc["Warta", "quotes_per_article"] == 3.0
    assert out.loc["Kabar", "n_articles"] == 2 and out.loc["Kabar", "n_speakers"] == 2
    with pytest.raises(InputError):
        A.quotes_per_outlet(df, outlet_column="media")


def test_quotes_per_period_timeline(df: pd.DataFrame) -> None:
    out = A.quotes_per_period(df, freq="M")
    assert out["period"].tolist() == ["2024-01", "2024-02", "2024-03"]  # gap filled
    assert out["n_quotes"].tolist() == [3, 0, 3]  # the undated quote is left out
    assert out["n_articles"].tolist() == [1, 0, 2]
    assert str(out["start"].dtype).startswith("datetime64") and out["start"].iloc[1] == pd.Timestamp("2024-02-01")
    assert A.quotes_per_period(df, freq="M", fill=False)["period"].tolist() == ["2024-01", "2024-03"]
    assert A.quotes_per_period(df, freq="Y")["n_quotes"].tolist() == [6]
    with pytest.raises(InputError):
        A.quotes_per_period(df, freq="fortnight")


def test_parse_dates_keeps_local_day() -> None:
    s = A.parse_dates(pd.Series(["2024-03-10T01:00:00+07:00", "2024-03-10", None, "garbage"]))
    assert s.iloc[0] == pd.Timestamp("2024-03-10 01:00") and s.iloc[1] == pd.Timestamp("2024-03-10")
    assert s.isna().tolist() == [False, False, True, True]


def test_speakers_table_and_errors(df: pd.DataFrame) -> None:
    sp = A.speakers_table(df)
    assert list(sp.columns)[: len(SPEAKER_COLUMNS)] == list(SPEAKER_COLUMNS)
    assert len(sp) == 2
    with pytest.raises(InputError):
        A.quotes_per_speaker(pd.DataFrame({"type": ["direct"]}))
    with pytest.raises(InputError):
        A.type_counts("not a frame")  # type: ignore[arg-type]


def test_empty_table() -> None:
    empty = quotes_frame([])
    empty["outlet"] = pd.Series([], dtype="string")
    empty["date"] = pd.Series([], dtype="string")
    assert len(A.quotes_per_speaker(empty)) == 0
    assert len(A.quotes_per_role(empty)) == 0
    assert len(A.quotes_per_outlet(empty)) == 0
    assert len(A.quotes_per_period(empty)) == 0
