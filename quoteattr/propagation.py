"""Quote propagation: the same statement reported by several articles, across outlets and days.

:func:`propagation` groups near-identical quotes of a quotes table and returns one row per
group found in more than one article: the quote as first reported, the first outlet and
date, the outlets that repeated it, and the lag. :func:`quote_groups` gives the group of
every quote row, to join back.

How quotes are matched (Broder 1997, *On the resemblance and containment of documents*;
Leskovec, Rajaraman & Ullman, *Mining of Massive Datasets*, ch. 3):

1. the text is normalized: Unicode NFKC, case-folded, every run of punctuation (quotation
   marks included) and space becomes one space; quotes of fewer than ``min_words`` words are
   left out (*"Ya"*, *"Kami siap"* are said everywhere and show no travel);
2. equal normalized texts are one quote from then on;
3. each quote is the set of its word ``shingle``-grams, summarized by a MinHash signature
   of ``bands × rows`` values; quotes that agree on all the values of at least one band are
   candidate pairs (locality-sensitive hashing), and a candidate pair is kept when the
   signatures estimate a Jaccard similarity of at least ``threshold``;
4. groups are the connected components of the kept pairs.

A direct quote and an indirect paraphrase of it share few word sequences and are not
matched; neither is a short excerpt of a long quote (low Jaccard). All steps after the
normalization are vectorized (numpy): a million quotes take well under a minute on two
cores (``benchmarks/bench_propagation.py``).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from typing import TYPE_CHECKING, Any

import numpy as np

from quoteattr.errors import InputError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["normalize_quote", "propagation", "quote_groups"]

_NON_WORD = re.compile(r"[\W_]+")
_MASK64 = (1 << 64) - 1


def normalize_quote(text: str) -> str:
    """The matching form of a quote: NFKC, case-folded, punctuation runs and spaces as one space.

    Example:
        >>> normalize_quote("“Selalu ADA peluang!” ")
        'selalu ada peluang'
    """
    return " ".join(_NON_WORD.sub(" ", unicodedata.normalize("NFKC", text).casefold()).split())


def _params(n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """``n`` odd multipliers and offsets of multiply-shift hash functions, fixed by ``seed``."""
    rng = np.random.default_rng(seed)
    a = rng.integers(1, 2**63, size=n, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
    b = rng.integers(0, 2**63, size=n, dtype=np.uint64)
    return a, b


def _shingles(texts: list[str], k: int) -> tuple[np.ndarray, np.ndarray]:
    """Word ``k``-gram hashes of every text, flattened, and the index of the first one of each text."""
    vocab: dict[str, int] = {}
    ids: list[int] = []
    lengths = np.empty(len(texts), dtype=np.int64)
    for i, t in enumerate(texts):
        words = t.split(" ")
        lengths[i] = len(words)
        ids.extend([vocab.setdefault(w, len(vocab)) for w in words])
    w = np.asarray(ids, dtype=np.uint64) + np.uint64(1)
    ends = np.cumsum(lengths)
    starts = ends - lengths
    n_sh = np.maximum(lengths - k + 1, 1)  # a text shorter than k words is one shingle
    sh_starts = np.concatenate(([0], np.cumsum(n_sh)[:-1]))
    # position of every shingle's first word
    pos = np.repeat(starts - sh_starts, n_sh) + np.arange(int(n_sh.sum()), dtype=np.int64)
    limit = np.repeat(ends, n_sh)
    h = np.zeros(len(pos), dtype=np.uint64)
    mult = np.uint64(0x9E3779B97F4A7C15)
    for j in range(k):
        at = pos + j
        ok = at < limit
        h = h * mult + np.where(ok, w[np.minimum(at, len(w) - 1)], np.uint64(0))
    return h, sh_starts


def _signatures(shingles: np.ndarray, starts: np.ndarray, n: int, seed: int) -> np.ndarray:
    """MinHash signatures, one row of ``n`` values per text (multiply-shift hashes, top 32 bits)."""
    a, b = _params(n, seed)
    sig = np.empty((len(starts), n), dtype=np.uint32)
    with np.errstate(over="ignore"):
        for j in range(n):
            hv = ((shingles * a[j] + b[j]) >> np.uint64(32)).astype(np.uint32)
            sig[:, j] = np.minimum.reduceat(hv, starts)
    return sig


def _components(n: int, u: np.ndarray, v: np.ndarray) -> np.ndarray:
    """Connected components of an undirected graph: the smallest node of each node's component."""
    label = np.arange(n, dtype=np.int64)
    if len(u) == 0:
        return label
    while True:
        lo = np.minimum(label[u], label[v])
        before = label.copy()
        np.minimum.at(label, u, lo)
        np.minimum.at(label, v, lo)
        while True:  # pointer jumping
            nxt = label[label]
            if np.array_equal(nxt, label):
                break
            label = nxt
        if np.array_equal(label, before):
            return label


def _candidate_pairs(sig: np.ndarray, bands: int, rows: int) -> tuple[np.ndarray, np.ndarray]:
    """Pairs of texts whose signatures agree on a whole band (neighbours in each bucket, sorted)."""
    us, vs = [], []
    mixers = [np.uint64(m) for m in (0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x27D4EB2F165667C5)]
    with np.errstate(over="ignore"):
        for band in range(bands):
            key = np.zeros(len(sig), dtype=np.uint64)
            for r in range(rows):
                key = (key ^ sig[:, band * rows + r].astype(np.uint64)) * mixers[r % len(mixers)]
            order = np.argsort(key, kind="stable")
            same = key[order[1:]] == key[order[:-1]]
            us.append(order[:-1][same])
            vs.append(order[1:][same])
    u, v = np.concatenate(us), np.concatenate(vs)
    if len(u):
        pairs = np.unique(np.minimum(u, v) * len(sig) + np.maximum(u, v))
        u, v = pairs // len(sig), pairs % len(sig)
    return u, v


def _group_of_texts(texts: list[str], *, shingle: int, threshold: float, bands: int, rows: int, seed: int) -> np.ndarray:
    """Group label (smallest member index) of every distinct normalized text."""
    if not texts:
        return np.zeros(0, dtype=np.int64)
    shingles, starts = _shingles(texts, shingle)
    sig = _signatures(shingles, starts, bands * rows, seed)
    u, v = _candidate_pairs(sig, bands, rows)
    if len(u):
        keep = np.empty(len(u), dtype=bool)
        step = 1 << 16  # bounded memory for the similarity estimate
        for i in range(0, len(u), step):
            keep[i : i + step] = (sig[u[i : i + step]] == sig[v[i : i + step]]).mean(axis=1) >= threshold
        u, v = u[keep], v[keep]
    return _components(len(texts), u, v)


def _check(quotes_df: Any, *cols: str) -> None:
    import pandas as pd

    if not isinstance(quotes_df, pd.DataFrame):
        raise InputError(f"propagation() takes a quotes DataFrame (quoteattr.extract_frame), got {type(quotes_df).__name__}")
    missing = [c for c in cols if c not in quotes_df.columns]
    if missing:
        raise InputError(f"the quotes table has no {', '.join(map(repr, missing))} column (columns: {list(quotes_df.columns)}); pass a quotes table")


def quote_groups(
    quotes_df: pd.DataFrame,
    *,
    threshold: float = 0.6,
    min_words: int = 5,
    shingle: int = 2,
    bands: int = 20,
    rows: int = 3,
    seed: int = 19,
) -> pd.Series:
    """The near-identical-quote group of every row of a quotes table.

    Args:
        quotes_df: a quotes table with a ``quote`` column.
        threshold: the least estimated Jaccard similarity of the word ``shingle``-grams of
            two quotes in one group (1.0: the same words after normalization).
        min_words: shorter quotes (after normalization) get no group.
        shingle: words per shingle.
        bands, rows: the MinHash signature is ``bands × rows`` values; two quotes are
            compared when one band of ``rows`` values is equal. The defaults find quotes of
            Jaccard 0.6 with probability 0.99 and of 0.3 with 0.42 (then checked).
        seed: fixes the hash functions (the groups are the same on every run).

    Returns:
        A ``string`` Series on the table's index: a group id (``"g-"`` and 12 hex digits,
        the same for every quote of the group and stable across runs) or ``<NA>`` for
        quotes too short to match. Quotes that match no other quote have a group of their own.

    Raises:
        InputError: not a quotes table, or bad parameters.
    """
    import pandas as pd

    _check(quotes_df, "quote")
    if not 0 < threshold <= 1 or min_words < 1 or shingle < 1 or bands < 1 or rows < 1:
        raise InputError("propagation: give 0 < threshold <= 1 and min_words, shingle, bands, rows of at least 1")
    norm = [normalize_quote(q) if isinstance(q, str) else "" for q in quotes_df["quote"].tolist()]
    distinct: dict[str, int] = {}
    row_text = np.full(len(norm), -1, dtype=np.int64)
    for i, t in enumerate(norm):
        if t.count(" ") + 1 >= min_words:
            row_text[i] = distinct.setdefault(t, len(distinct))
    texts = list(distinct)
    label = _group_of_texts(texts, shingle=shingle, threshold=threshold, bands=bands, rows=rows, seed=seed)
    # the id of a group: a hash of its alphabetically first text, so that ids do not depend on row order
    first: dict[int, str] = {}
    for t, lab in zip(texts, label.tolist()):
        if lab not in first or t < first[lab]:
            first[lab] = t
    ids = {lab: "g-" + hashlib.blake2b(t.encode("utf-8"), digest_size=6).hexdigest() for lab, t in first.items()}
    out = [ids[int(label[j])] if j >= 0 else None for j in row_text.tolist()]
    return pd.Series(out, index=quotes_df.index, dtype="string", name="group_id")


def propagation(
    quotes_df: pd.DataFrame,
    *,
    outlet_column: str = "outlet",
    date_column: str = "date",
    min_articles: int = 2,
    threshold: float = 0.6,
    min_words: int = 5,
    shingle: int = 2,
) -> pd.DataFrame:
    """Which quotes travelled: near-identical quotes found in several articles.

    Args:
        quotes_df: a quotes table (:func:`quoteattr.extract_frame`, the CLI's output) with
            ``article_id`` and ``quote``; uses ``speaker_name``, ``type`` and the outlet and
            date columns when present.
        outlet_column, date_column: the article's outlet and date (any format
            ``pandas.Timestamp`` reads).
        min_articles: keep groups found in at least this many articles.
        threshold, min_words, shingle: how alike two quotes must be (see :func:`quote_groups`).

    Returns:
        One row per group, most articles first: ``group_id``, ``quote`` (as first
        reported), ``speaker_name`` (the most frequent), ``types`` (direct/indirect/mixed
        seen), ``n_quotes``, ``n_articles``, ``n_outlets``, ``first_article_id``,
        ``first_outlet``, ``first_date`` (``YYYY-MM-DD``), ``repeated_by`` (the outlets of
        the later articles, in order of their first repeat; the first outlet too if it ran
        the quote again), ``last_date``, ``first_lag_days`` (days to the first repeat) and
        ``lag_days`` (days to the last), and ``article_ids`` (in order). The first report
        is the earliest date; without dates, the first row of the table.

    Raises:
        InputError: not a quotes table.

    Example:
        >>> df = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["Antara", "Kompas"],
        ...                    "date": ["2024-01-01", "2024-01-03"],
        ...                    "quote": ["Kami akan menaikkan harga mulai pekan depan",
        ...                              "kami akan menaikkan harga mulai pekan depan."]})
        >>> propagation(df)[["first_outlet", "repeated_by", "lag_days"]].values.tolist()
        [['Antara', ['Kompas'], 2.0]]
    """
    import pandas as pd

    from quoteattr.schema import PROPAGATION_COLUMNS, typed_frame
    from quoteattr.speakers import _date_strings

    _check(quotes_df, "article_id", "quote")
    groups = quote_groups(quotes_df, threshold=threshold, min_words=min_words, shingle=shingle)
    # only the rows of groups seen in min_articles articles or more are looked at one by one
    pairs = pd.DataFrame({"g": groups.to_numpy(), "a": quotes_df["article_id"].to_numpy()}).dropna(subset=["g"])
    n_art = pairs.groupby("g")["a"].nunique()
    pos = np.flatnonzero(groups.isin(n_art.index[n_art >= min_articles]).to_numpy())

    def col(name: str) -> list[Any]:
        if name not in quotes_df.columns:
            return [None] * len(pos)
        values = quotes_df[name].iloc[pos]
        return values.astype(object).where(values.notna(), None).tolist()

    c = {name: col(name) for name in ("article_id", "quote", "speaker_name", "type")}
    c["outlet"], c["date"] = col(outlet_column), _date_strings(col(date_column))
    members: dict[str, list[int]] = {}
    for i, g in enumerate(groups.iloc[pos].tolist()):
        members.setdefault(g, []).append(i)
    rows = [_group_row(g, idx, c, outlet_column in quotes_df.columns) for g, idx in members.items()]
    rows.sort(key=lambda r: (-r["n_articles"], -(r["n_outlets"] or 0), r["first_date"] or "", r["group_id"]))
    return typed_frame(rows, PROPAGATION_COLUMNS).reset_index(drop=True)


def _group_row(g: str, idx: list[int], c: dict[str, list[Any]], has_outlet: bool) -> dict[str, Any]:
    """The propagation row of group ``g`` from its rows ``idx`` of the columns ``c`` (``date`` as timestamps)."""
    arts, outlets, dates = c["article_id"], c["outlet"], c["date"]
    names, types = c["speaker_name"], c["type"]
    idx.sort(key=lambda i: (dates[i] is None, dates[i] or 0, i))
    first = idx[0]
    seen: dict[Any, None] = {}  # articles, in order
    repeated_by: dict[str, None] = {}
    for i in idx:
        if arts[i] not in seen:
            seen[arts[i]] = None
            if arts[i] != arts[first] and outlets[i] is not None:
                repeated_by.setdefault(str(outlets[i]), None)
    later: list[Any] = [d for i in idx if arts[i] != arts[first] and (d := dates[i]) is not None]
    d0 = dates[first]
    name_counts = Counter(str(names[i]) for i in idx if names[i])
    return {
        "group_id": g,
        "quote": c["quote"][first],
        "speaker_name": name_counts.most_common(1)[0][0] if name_counts else None,
        "types": sorted({str(types[i]) for i in idx if types[i]}),
        "n_quotes": len(idx),
        "n_articles": len(seen),
        "n_outlets": len({str(outlets[i]) for i in idx if outlets[i] is not None}) if has_outlet else None,
        "first_article_id": arts[first],
        "first_outlet": outlets[first],
        "first_date": d0.strftime("%Y-%m-%d") if d0 is not None else None,
        "repeated_by": list(repeated_by),
        "last_date": max(later).strftime("%Y-%m-%d") if later else None,
        "first_lag_days": (min(later) - d0).total_seconds() / 86400 if later and d0 is not None else None,
        "lag_days": (max(later) - d0).total_seconds() / 86400 if later and d0 is not None else None,
        "article_ids": [str(a) for a in seen],
    }
