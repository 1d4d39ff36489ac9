"""The corpus speakers table (quoteattr.speakers): merging of name variants, counts, dates."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

from quoteattr.errors import InputError
from quoteattr.schema import SPEAKER_COLUMNS, quotes_frame
from quoteattr.speakers import clean_name, normalize_name, speaker_ids, speakers


def q(
    article: str,
    name: str | None,
    mention: str | None = None,
    role: str | None = None,
    stype: str = "person",
    date: str | None = None,
    **kw: Any,
) -> dict[str, Any]:
    """One hand-made quote row."""
    row = {
        "article_id": article,
        "type": kw.get("type", "direct"),
        "quote": kw.get("quote", "..."),
        "quote_start": 0,
        "quote_end": 3,
        "speaker": mention if mention is not None else name,
        "speaker_name": name,
        "speaker_type": stype,
        "role": role,
        "cue": "kata",
    }
    if date is not None:
        row["date"] = date
    return row


def table(*rows: dict[str, Any]) -> pd.DataFrame:
    return quotes_frame(rows)


def by_name(df: pd.DataFrame) -> dict[str, dict[str, Any]]:
    return {r["speaker_name"]: r for r in df.to_dict("records")}


def test_schema_and_counts() -> None:
    df = speakers(
        table(
            q("a1", "Sergey Lavrov", "Lavrov", "Menteri Luar Negeri Rusia", date="2022-02-15"),
            q("a1", "Sergey Lavrov", "Ia", "Menteri Luar Negeri Rusia", date="2022-02-15"),
            q("a2", "Sergey Lavrov", "Lavrov", "Menlu Rusia", date="2022-03-01"),
            q("a2", "Olaf Scholz", "Scholz", "Kanselir Jerman", date="2022-03-01"),
        )
    )
    assert list(df.columns)[: len(SPEAKER_COLUMNS)] == list(SPEAKER_COLUMNS)
    assert "aliases" in df.columns
    assert str(df["n_quotes"].dtype) == "Int64" and str(df["speaker_id"].dtype) == "string"
    rows = by_name(df)
    lav = rows["Sergey Lavrov"]
    assert (lav["n_quotes"], lav["n_articles"]) == (3, 2)
    assert lav["role"] == "Menteri Luar Negeri Rusia"
    assert lav["roles"] == ["Menteri Luar Negeri Rusia", "Menlu Rusia"]
    assert (lav["first_date"], lav["last_date"]) == ("2022-02-15", "2022-03-01")
    assert "Lavrov" in lav["aliases"] and "Ia" not in lav["aliases"]
    assert df.iloc[0]["speaker_name"] == "Sergey Lavrov"  # most quoted first


def test_case_space_honorific_and_spelling_variants_merge() -> None:
    df = speakers(
        table(
            q("a1", "Budi Santoso"),
            q("a2", "BUDI  SANTOSO"),
            q("a3", "Dr. Budi Santoso, M.Si."),
            q("a4", "Kombes Pol. Budi Santoso"),
            q("a5", "Budi Santosa"),
            q("a6", "Soekarno Hatta"),
            q("a7", "Sukarno Hatta"),
            q("a8", "Al-Ghazali Rahman"),
            q("a9", "Al Ghazali Rahman"),
        )
    )
    rows = by_name(df)
    assert rows["Budi Santoso"]["n_quotes"] == 5
    assert len(df) == 3
    assert {"Soekarno Hatta", "Sukarno Hatta"} & set(rows)
    assert sorted(df["n_quotes"].tolist()) == [2, 2, 5]


def test_same_surname_different_people_stay_apart() -> None:
    df = speakers(table(q("a1", "Budi Santoso"), q("a2", "Agus Santoso"), q("a3", "Santoso")))
    names = sorted(df["speaker_name"].tolist())
    assert names == ["Agus Santoso", "Budi Santoso", "Santoso"]
    assert df["n_quotes"].tolist() == [1, 1, 1]


def test_unambiguous_short_name_merges_into_longer_one() -> None:
    df = speakers(table(q("a1", "Joko Widodo"), q("a2", "Widodo"), q("a3", "Agus Santoso"), q("a4", "Santoso")))
    rows = by_name(df)
    assert rows["Joko Widodo"]["n_quotes"] == 2 and rows["Joko Widodo"]["n_articles"] == 2
    assert rows["Agus Santoso"]["n_quotes"] == 2
    assert len(df) == 2


def test_short_name_is_not_merged_across_types() -> None:
    df = speakers(table(q("a1", "Kementerian Kesehatan", stype="organization"), q("a2", "Kesehatan", stype="organization")))
    assert len(df) == 2


def test_nickname_linked_by_an_article_merges() -> None:
    df = speakers(
        table(
            # article 1 resolves the mention "Jokowi" to "Joko Widodo"
            q("a1", "Joko Widodo", "Jokowi", "Presiden"),
            # article 2 only ever says "Jokowi"
            q("a2", "Jokowi", "Jokowi"),
            q("a3", "Jokowi", "Presiden Jokowi", "Presiden"),
            q("a4", "Jokowi", "Pak Jokowi"),
        )
    )
    assert len(df) == 1
    row = df.iloc[0]
    assert row["speaker_name"] == "Joko Widodo" and row["n_quotes"] == 4 and row["n_articles"] == 4
    assert "Jokowi" in row["aliases"]


def test_nickname_without_a_linking_article_stays_apart() -> None:
    df = speakers(table(q("a1", "Joko Widodo"), q("a2", "Jokowi")))
    assert len(df) == 2


def test_ambiguous_nickname_does_not_merge() -> None:
    df = speakers(
        table(
            q("a1", "Budi Gunawan", "Pak BG"),
            q("a2", "Bambang Gunadi", "BG"),
            q("a3", "BG"),
        )
    )
    assert len(df) == 3


def test_pronoun_and_role_mentions_are_not_aliases() -> None:
    df = speakers(
        table(
            q("a1", "Sergey Lavrov", "Ia"),
            q("a1", "Sergey Lavrov", "Menteri Luar Negeri"),
            q("a2", "Menteri Luar Negeri", "Menteri Luar Negeri", stype="organization"),
        )
    )
    assert len(df) == 2


def test_in_article_short_name_uses_that_article() -> None:
    # the resolver left "Santoso" unresolved in a1, where only Budi Santoso is named;
    # a bare "Santoso" in a3 (where both exist in the corpus) stays unmerged.
    df = speakers(
        table(
            q("a1", "Budi Santoso"),
            q("a1", "Santoso"),
            q("a2", "Agus Santoso"),
            q("a3", "Santoso"),
        )
    )
    rows = by_name(df)
    assert rows["Budi Santoso"]["n_quotes"] == 2
    assert rows["Santoso"]["n_quotes"] == 1
    assert rows["Agus Santoso"]["n_quotes"] == 1


def test_unnamed_rows_dropped_or_grouped_by_role() -> None:
    t = table(
        q("a1", None, "seorang warga", "warga Desa Sukamaju", stype="unknown"),
        q("a2", None, "warga", "Warga desa Sukamaju", stype="unknown"),
        q("a2", None, "sumber", None, stype="unknown"),
        q("a2", "Budi Santoso"),
    )
    assert speakers(t)["speaker_name"].tolist() == ["Budi Santoso"]
    grouped = speakers(t, unnamed="by_role")
    assert len(grouped) == 3
    warga = grouped[grouped["role"].str.casefold() == "warga desa sukamaju"].iloc[0]
    assert warga["n_quotes"] == 2 and pd.isna(warga["speaker_name"]) and warga["speaker_id"].startswith("unnamed-")


def test_ids_are_stable_across_corpora_and_order() -> None:
    a = table(q("a1", "Sergey Lavrov"), q("a2", "Olaf Scholz"))
    b = table(q("x9", "Olaf Scholz"), q("x1", "Sergey  Lavrov"), q("x3", "Vladimir Putin"))
    ida = dict(zip(speakers(a)["speaker_name"], speakers(a)["speaker_id"]))
    idb = dict(zip(speakers(b)["speaker_name"], speakers(b)["speaker_id"]))
    assert ida["Sergey Lavrov"] == idb["Sergey Lavrov"] and ida["Olaf Scholz"] == idb["Olaf Scholz"]
    assert len(set(idb.values())) == 3


def test_speaker_ids_align_with_rows() -> None:
    t = table(q("a1", "Joko Widodo", "Jokowi"), q("a2", "Jokowi"), q("a3", None, stype="unknown"))
    ids = speaker_ids(t)
    assert ids.iloc[0] == ids.iloc[1] and pd.isna(ids.iloc[2])
    assert ids.iloc[0] == speakers(t)["speaker_id"].iloc[0]


def test_dates_with_times_and_no_date_column() -> None:
    t = table(q("a1", "Budi Santoso", date="2022-02-15T03:42:00+07:00"), q("a2", "Budi Santoso", date="2022-01-02 10:00"))
    row = speakers(t).iloc[0]
    assert (row["first_date"], row["last_date"]) == ("2022-01-02", "2022-02-15")  # local day, not UTC
    row = speakers(t, date_column=None).iloc[0]
    assert pd.isna(row["first_date"])
    row = speakers(t.drop(columns=["date"])).iloc[0]
    assert pd.isna(row["last_date"])


def test_empty_and_bad_input() -> None:
    empty = speakers(quotes_frame([]))
    assert list(empty.columns)[: len(SPEAKER_COLUMNS)] == list(SPEAKER_COLUMNS) and len(empty) == 0
    with pytest.raises(InputError):
        speakers(pd.DataFrame({"x": [1]}))
    with pytest.raises(InputError):
        speakers(table(q("a", "B C")), unnamed="nope")  # type: ignore[arg-type]


def test_name_helpers() -> None:
    assert clean_name("Ajun Komisaris Roland Manurung") == "Roland Manurung"
    assert clean_name("  ") is None and clean_name(None) is None
    assert normalize_name("Ma'ruf Amin") == normalize_name("MA’RUF  AMIN") == "maruf amin"
    assert normalize_name("Gus") == "gus"  # never stripped to nothing


def test_aliases_in_the_same_order_whatever_the_hash_seed() -> None:
    """Spellings that differ only in case are ordered by the text itself, not by set order."""
    import subprocess
    import sys

    code = (
        "import pandas as pd, quoteattr\n"
        "rows = [('a', 'Billboard'), ('b', 'BillBoard'), ('c', 'BILLBOARD'), ('d', 'Billboard')]\n"
        "q = pd.DataFrame([{'article_id': a, 'speaker_name': n, 'speaker': n, 'speaker_type': 'organization',"
        " 'role': None, 'quote': 'x ' + a} for a, n in rows])\n"
        "print(quoteattr.speakers(q)[['speaker_name', 'aliases']].to_json())\n"
    )
    outs = {
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env={**__import__("os").environ, "PYTHONHASHSEED": seed}).stdout
        for seed in ("1", "2", "3", "4")
    }
    assert len(outs) == 1, outs
