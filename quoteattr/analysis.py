"""Tables for analysts: who is quoted, in what capacity, where and when.

Every function takes a quotes table (the output of :func:`quoteattr.extract_frame`,
metadata columns such as ``outlet`` and ``date`` included) and returns a small
DataFrame, most quoted first, ready to print or plot. Each count table carries the
quote-type split: ``n_direct``, ``n_indirect``, ``n_mixed`` and the matching
``share_*`` columns (fractions of ``n_quotes``, summing to 1).

>>> import quoteattr
>>> from quoteattr import analysis
>>> df = quoteattr.extract_frame(articles)              # doctest: +SKIP
>>> analysis.quotes_per_speaker(df).head(10)             # doctest: +SKIP
>>> analysis.quotes_per_period(df, freq="M")             # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from quoteattr.errors import InputError
from quoteattr.speakers import Unnamed, _date_strings, speaker_ids, speakers

__all__ = [
    "TYPES",
    "parse_dates",
    "quotes_per_outlet",
    "quotes_per_period",
    "quotes_per_role",
    "quotes_per_speaker",
    "speakers_table",
    "type_counts",
    "type_shares",
]

#: The quote types, in column order.
TYPES: tuple[str, ...] = ("direct", "indirect", "mixed")


def _need(df: Any, *cols: str) -> None:
    if not isinstance(df, pd.DataFrame):
        raise InputError(f"expected a quotes DataFrame (quoteattr.extract_frame), got {type(df).__name__}")
    missing = [c for c in cols if c not in df.columns]
    if missing:
        raise InputError(f"the quotes table has no {', '.join(map(repr, missing))} column (columns: {list(df.columns)})")


def type_counts(df: pd.DataFrame, by: str | Sequence[str] | None = None) -> pd.DataFrame:
    """Quote counts by type, overall or per group.

    Args:
        df: a quotes table with a ``type`` column.
        by: a column (or columns) to group by; ``None`` for one overall row.

    Returns:
        Columns: the ``by`` columns, ``n_quotes``, ``n_direct``, ``n_indirect``,
        ``n_mixed``, ``share_direct``, ``share_indirect``, ``share_mixed``; groups
        sorted by ``n_quotes`` descending. Rows whose ``by`` value is missing are left out.
    """
    _need(df, "type", *([by] if isinstance(by, str) else list(by or [])))
    keys = [by] if isinstance(by, str) else list(by or [])
    t = df["type"].astype("string")
    if not keys:
        counts = {f"n_{k}": int((t == k).sum()) for k in TYPES}
        out = pd.DataFrame([{"n_quotes": len(df), **counts}])
    else:
        work = df[keys].copy()
        for k in TYPES:
            work[f"n_{k}"] = (t == k).fillna(False).astype("int64").to_numpy()
        work["n_quotes"] = 1
        out = work.groupby(keys, dropna=True, sort=False).sum(numeric_only=True).reset_index()
        out = out[keys + ["n_quotes"] + [f"n_{k}" for k in TYPES]]
    total = out["n_quotes"].where(out["n_quotes"] > 0)
    for k in TYPES:
        out[f"share_{k}"] = (out[f"n_{k}"] / total).fillna(0.0).round(4)
    out = out.astype({c: "Int64" for c in ["n_quotes"] + [f"n_{k}" for k in TYPES]})
    if keys:
        out = out.sort_values(["n_quotes"] + keys, ascending=[False] + [True] * len(keys), kind="stable")
    return out.reset_index(drop=True)


def type_shares(df: pd.DataFrame, by: str | Sequence[str] | None = None) -> pd.DataFrame:
    """Direct vs indirect (and mixed) share of the quotes, overall or per group.

    Args:
        df: a quotes table.
        by: a grouping column (``outlet``, ``speaker_name``, …) or ``None``.

    Returns:
        The ``by`` columns, ``n_quotes`` and ``share_direct``/``share_indirect``/``share_mixed``.

    Example:
        >>> df = pd.DataFrame({"type": ["direct", "direct", "indirect", "mixed"]})
        >>> type_shares(df)[["share_direct", "share_indirect"]].values.tolist()
        [[0.5, 0.25]]
    """
    out = type_counts(df, by)
    keys = [by] if isinstance(by, str) else list(by or [])
    return out[keys + ["n_quotes"] + [f"share_{k}" for k in TYPES]]


def _attach(counts: pd.DataFrame, extra: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    return counts.merge(extra, on=keys, how="left")


def quotes_per_speaker(
    df: pd.DataFrame, *, merge: bool = True, unnamed: Unnamed = "drop", date_column: str | None = "date", top: int | None = None
) -> pd.DataFrame:
    """Quotes per speaker, with the type split.

    Args:
        df: a quotes table (needs ``speaker_name`` and ``type``).
        merge: merge name variants across articles with :func:`quoteattr.speakers`
            (*Jokowi* / *Joko Widodo*); ``False`` groups by the exact ``speaker_name``.
        unnamed: ``"drop"`` leaves out quotes without ``speaker_name``;
            ``"by_role"`` keeps them, one pseudo-speaker per role (only with ``merge``).
        date_column: passed to :func:`quoteattr.speakers` for first/last dates.
        top: keep only the ``top`` most quoted speakers.

    Returns:
        With ``merge``: ``speaker_id``, ``speaker_name``, ``speaker_type``, ``role``,
        ``n_articles``, ``first_date``, ``last_date``, then the counts of
        :func:`type_counts`. Without: ``speaker_name``, ``n_articles`` and the counts.
    """
    _need(df, "speaker_name", "type")
    if merge:
        ids = speaker_ids(df, unnamed=unnamed)
        work = df.assign(speaker_id=ids.to_numpy())
        counts = type_counts(work[work["speaker_id"].notna()], "speaker_id")
        table = speakers(df, date_column=date_column, unnamed=unnamed)
        info = table[["speaker_id", "speaker_name", "speaker_type", "role", "n_articles", "first_date", "last_date"]]
        out = info.merge(counts, on="speaker_id", how="inner")
        out = out.sort_values(["n_quotes", "speaker_name"], ascending=[False, True], kind="stable", na_position="last")
    else:
        work = df[df["speaker_name"].notna()]
        out = type_counts(work, "speaker_name")
        if "article_id" in df.columns:
            arts = work.groupby("speaker_name")["article_id"].nunique().rename("n_articles").astype("Int64").reset_index()
            out = _attach(out, arts, ["speaker_name"])
            out = out[["speaker_name", "n_articles"] + [c for c in out.columns if c not in ("speaker_name", "n_articles")]]
    out = out.reset_index(drop=True)
    return out.head(top) if top is not None else out


def _norm_role(s: pd.Series) -> pd.Series:
    return s.astype("string").str.split().str.join(" ")


def quotes_per_role(df: pd.DataFrame, *, include_missing: bool = False, top: int | None = None) -> pd.DataFrame:
    """Quotes per speaker role (*Menteri Keuangan*, *warga*, …), case-insensitively.

    Args:
        df: a quotes table (needs ``role`` and ``type``).
        include_missing: keep quotes without a role, as ``role`` ``"(none)"``.
        top: keep only the ``top`` most quoted roles.

    Returns:
        ``role`` (its most frequent spelling), ``n_speakers`` (distinct
        ``speaker_name``), ``n_articles``, then the counts of :func:`type_counts`.
    """
    _need(df, "role", "type")
    role = _norm_role(df["role"])
    if include_missing:
        role = role.fillna("(none)")
    work = df.assign(_role=role, _key=role.str.casefold())
    work = work[work["_key"].notna() & (work["_key"] != "")]
    counts = type_counts(work, "_key")
    spelled = work.groupby("_key")["_role"].agg(
        lambda s: s.value_counts().sort_index(kind="stable").sort_values(ascending=False, kind="stable").index[0]
    )
    extra = pd.DataFrame({"_key": spelled.index, "role": spelled.to_numpy()})
    if "speaker_name" in work.columns:
        extra = extra.merge(work.groupby("_key")["speaker_name"].nunique().rename("n_speakers").reset_index(), on="_key")
    if "article_id" in work.columns:
        extra = extra.merge(work.groupby("_key")["article_id"].nunique().rename("n_articles").reset_index(), on="_key")
    out = _attach(counts, extra, ["_key"]).drop(columns="_key")
    front = [c for c in ("role", "n_speakers", "n_articles") if c in out.columns]
    out = out[front + [c for c in out.columns if c not in front]]
    out = out.astype({c: "Int64" for c in ("n_speakers", "n_articles") if c in out.columns}).astype({"role": "string"})
    out = out.reset_index(drop=True)
    return out.head(top) if top is not None else out


def quotes_per_outlet(df: pd.DataFrame, outlet_column: str = "outlet") -> pd.DataFrame:
    """Quotes per outlet (or any other metadata column), with the type split.

    Args:
        df: a quotes table with the outlet column (metadata passed through
            :func:`quoteattr.extract_frame`).
        outlet_column: the column to group by.

    Returns:
        ``outlet_column``, ``n_articles`` (articles with at least one quote),
        ``n_speakers`` (distinct named speakers), ``quotes_per_article``, then the
        counts of :func:`type_counts`.
    """
    _need(df, outlet_column, "type")
    out = type_counts(df, outlet_column)
    g = df[df[outlet_column].notna()].groupby(outlet_column)
    extra = pd.DataFrame(index=list(g.groups))
    if "article_id" in df.columns:
        extra["n_articles"] = g["article_id"].nunique()
    if "speaker_name" in df.columns:
        extra["n_speakers"] = g["speaker_name"].nunique()
    extra = extra.rename_axis(outlet_column).reset_index()
    out = _attach(out, extra, [outlet_column])
    if "n_articles" in out.columns:
        out["quotes_per_article"] = (out["n_quotes"] / out["n_articles"]).astype("float64").round(2)
    front = [outlet_column] + [c for c in ("n_articles", "n_speakers", "quotes_per_article") if c in out.columns]
    out = out[front + [c for c in out.columns if c not in front]]
    return out.astype({c: "Int64" for c in ("n_articles", "n_speakers") if c in out.columns}).reset_index(drop=True)


def parse_dates(values: pd.Series | Sequence[Any]) -> pd.Series:
    """Parse a date column of any mix of formats (ISO strings, with or without time zone).

    Time zones are dropped, keeping the local wall time of each value (a 07:00 WIB
    article stays on its own day). Unreadable values become ``NaT``.

    Args:
        values: the date values.

    Returns:
        A ``datetime64[ns]`` Series (same index when ``values`` is a Series).
    """
    idx = values.index if isinstance(values, pd.Series) else None
    raw = [None if (v is None or (not isinstance(v, (list, dict)) and pd.isna(v))) else v for v in list(values)]
    parsed = _date_strings(raw)
    return pd.Series(pd.to_datetime([p if p is not None else pd.NaT for p in parsed]), index=idx, name="date").astype("datetime64[ns]")


def quotes_per_period(df: pd.DataFrame, date_column: str = "date", freq: str = "M", *, fill: bool = True) -> pd.DataFrame:
    """Quotes per period (a timeline), with the type split.

    Args:
        df: a quotes table with a date column.
        date_column: the column with article dates (see :func:`parse_dates`).
        freq: a pandas period alias: ``"D"`` day, ``"W"`` week, ``"M"`` month,
            ``"Q"`` quarter, ``"Y"`` year.
        fill: add the empty periods between the first and the last (count 0), so a
            plot shows the gaps.

    Returns:
        ``period`` (e.g. ``"2022-02"``), ``start`` (the period's first day,
        ``datetime64``), ``n_articles``, then the counts of :func:`type_counts`;
        in time order. Rows with no readable date are left out.
    """
    _need(df, date_column, "type")
    dates = parse_dates(df[date_column])
    try:
        per = dates.dt.to_period(freq)
    except (ValueError, TypeError) as exc:
        raise InputError(f"freq={freq!r} is not a pandas period alias; use 'D', 'W', 'M', 'Q' or 'Y'") from exc
    work = df.assign(_period=per.to_numpy())
    work = work[per.notna().to_numpy()]
    counts = type_counts(work, "_period")
    if "article_id" in work.columns and len(work):
        arts = work.groupby("_period")["article_id"].nunique().rename("n_articles").reset_index()
        counts = _attach(counts, arts, ["_period"])
    else:
        counts["n_articles"] = 0 if not len(work) else pd.NA
    if fill and len(counts):
        full = pd.period_range(counts["_period"].min(), counts["_period"].max(), freq=counts["_period"].iloc[0].freq)
        counts = pd.DataFrame({"_period": full}).merge(counts, on="_period", how="left")
        num = [c for c in counts.columns if c.startswith(("n_", "share_"))]
        counts[num] = counts[num].fillna(0)
    counts = counts.sort_values("_period", kind="stable")
    counts.insert(0, "start", counts["_period"].map(lambda p: p.start_time).astype("datetime64[ns]"))
    counts.insert(0, "period", counts["_period"].astype(str).astype("string"))
    counts = counts.drop(columns="_period")
    front = ["period", "start", "n_articles"]
    counts = counts[front + [c for c in counts.columns if c not in front]]
    ints = ["n_articles", "n_quotes"] + [f"n_{k}" for k in TYPES]
    return counts.astype({c: "Int64" for c in ints}).reset_index(drop=True)


def speakers_table(df: pd.DataFrame, date_column: str | None = "date", *, unnamed: Unnamed = "drop") -> pd.DataFrame:
    """The corpus speakers table (:func:`quoteattr.speakers.speakers`): one row per merged speaker.

    Args:
        df: a quotes table.
        date_column: the article date column, for ``first_date``/``last_date``.
        unnamed: ``"drop"`` or ``"by_role"`` (see :func:`quoteattr.speakers.speakers`).

    Returns:
        The columns of :data:`quoteattr.schema.SPEAKER_COLUMNS`, then ``aliases``.
    """
    return speakers(df, date_column=date_column, unnamed=unnamed)
