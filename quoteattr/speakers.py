"""The corpus-level speakers table: one row per speaker across many articles.

:func:`speakers` turns a quotes table (from :func:`quoteattr.extract_frame`) into one
row per speaker with the columns of :data:`quoteattr.schema.SPEAKER_COLUMNS`, plus an
``aliases`` column (the other ways the corpus writes that speaker).
:func:`speaker_ids` gives the ``speaker_id`` of every quote row, so quotes can be
grouped by the merged speaker.

How name variants are merged (deterministic, conservative):

1. **Normalization.** ``speaker_name`` is NFKC-normalized and case-folded; leading
   honorifics and ranks (*Bapak, Dr., Kombes, Ajun Komisaris …*) and trailing degrees
   (*S.H., M.Si.*) are dropped; apostrophes are removed and punctuation becomes
   space. Names equal after that, or equal once spaces and hyphens are removed
   (*Al-Ghazali* / *Al Ghazali*), are one speaker.
2. **Spelling.** Old Indonesian spelling is folded (*oe→u, dj→j, tj→c, sj→sy,
   nj→ny, ch→kh*, *y→i*, doubled letters) before comparing; and two names with the
   same number of tokens (at least two) whose tokens are equal except one, which
   differs by one edit, starts with the same letter and has at least five letters
   (*Budi Santoso* / *Budi Santosa*), are one speaker. Single-word names are never
   merged by spelling.
3. **Inside one article.** A person name there that is a token subset of exactly one
   longer person name in the same article (*Lavrov* / *Sergey Lavrov*), or that the
   article itself uses as the mention of a longer name (``speaker`` *Jokowi* with
   ``speaker_name`` *Joko Widodo*), is rewritten to the longer name for that
   article's rows.
4. **Nicknames across articles.** A name-like mention (capitalized words, no
   pronoun, role or honorific word) that some article resolves to a different,
   non-superset person name (*Jokowi* → *Joko Widodo*) becomes an alias: a bare
   ``speaker_name`` *Jokowi* elsewhere merges into *Joko Widodo* — only when every
   article that uses the alias resolves it to the same speaker.
5. **Short names across articles.** A person name whose tokens are a proper subset
   of the names of exactly one other person speaker merges into it (*Widodo* →
   *Joko Widodo*); if two speakers qualify (*Santoso* with *Budi Santoso* and *Agus
   Santoso*), it stays on its own. Different people sharing a surname never merge.

Rows without a ``speaker_name`` (the article never names the source: *seorang
warga*) are dropped by default. With ``unnamed="by_role"`` they are grouped by
their normalized role instead (one pseudo-speaker per role, ``speaker_name`` null,
``speaker_id`` prefixed ``unnamed-``), so "what did *warga* say" stays countable.

``speaker_id`` is ``"spk-"`` plus the first 12 hex digits of the SHA-1 of
``"<speaker_type>|<normalized canonical name>"``: the same speaker gets the same id
in every run and every corpus in which it gets the same canonical name.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:  # pandas is imported when a table is read, not at `import quoteattr`
    import pandas as pd

from quoteattr.errors import InputError
from quoteattr.schema import SPEAKER_COLUMNS, typed_frame
from quoteattr.speaker_names import _PUNCT, _is_name_like, _one_edit, _phonetic, clean_name, normalize_name

__all__ = ["clean_name", "normalize_name", "speaker_ids", "speakers"]

Unnamed = Literal["drop", "by_role"]

class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def add(self, x: str) -> None:
        self.parent.setdefault(x, x)

    def find(self, x: str) -> str:
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # smaller key wins so the result does not depend on the order of unions
            if rb < ra:
                ra, rb = rb, ra
            self.parent[rb] = ra


@dataclass
class _Cluster:
    keys: set[str] = field(default_factory=set)
    rows: list[int] = field(default_factory=list)


def _col(df: pd.DataFrame, name: str) -> list[Any]:
    import pandas as pd

    if name not in df.columns:
        return [None] * len(df)
    return [None if (v is None or (not isinstance(v, (list, tuple, dict)) and pd.isna(v))) else v for v in df[name].tolist()]


def _majority_type(types: Iterable[Any]) -> str:
    c = Counter(t for t in types if t in ("person", "organization"))
    if not c:
        return "unknown"
    order = {"person": 0, "organization": 1}
    return min(c.items(), key=lambda kv: (-kv[1], order[kv[0]]))[0]


def _check(df: pd.DataFrame, unnamed: Unnamed) -> None:
    if unnamed not in ("drop", "by_role"):
        raise InputError(f"unnamed={unnamed!r}: use 'drop' (leave unnamed speakers out) or 'by_role' (group them by role)")
    if "speaker_name" not in df.columns:
        raise InputError(
            f"the quotes table has no 'speaker_name' column (columns: {list(df.columns)}); pass the output of quoteattr.extract_frame()"
        )


def _link_in_articles(keys: list[str], arts: list[str], mentions: list[Any], is_person: dict[str, bool]) -> dict[str, set[str]]:
    """Step 3, inside one article: short names and mention aliases → the article's longer name (``keys`` in place).

    Returns:
        The nicknames: mention → the names it stood for, in some article.
    """
    by_article: dict[str, list[int]] = defaultdict(list)
    for i, a in enumerate(arts):
        if keys[i]:
            by_article[a].append(i)
    nicknames: dict[str, set[str]] = defaultdict(set)
    for a, idx in by_article.items():
        art_keys = {keys[i] for i in idx}
        local: dict[str, str] = {}
        mention_alias: dict[str, set[str]] = defaultdict(set)
        for i in idx:
            mk = normalize_name(mentions[i]) if _is_name_like(mentions[i]) else ""
            if mk and mk != keys[i] and is_person.get(keys[i], False):
                mention_alias[mk].add(keys[i])
                if not set(mk.split()) <= set(keys[i].split()):
                    nicknames[mk].add(keys[i])
        for k in art_keys:
            if not is_person.get(k, False):
                continue
            toks = set(k.split())
            longer = {o for o in art_keys if o != k and is_person.get(o, False) and toks < set(o.split())}
            targets = longer | mention_alias.get(k, set())
            if len(targets) == 1:
                local[k] = next(iter(targets))
        for i in idx:
            seen = {keys[i]}
            while keys[i] in local and local[keys[i]] not in seen:
                keys[i] = local[keys[i]]
                seen.add(keys[i])
    return nicknames


def _merge_spellings(uf: _UnionFind, nodes: list[str]) -> None:
    """Steps 1 and 2: the same compact form, the same sound, or one edit apart in one token."""
    compact: dict[str, str] = {}
    phon: dict[tuple[str, ...], str] = {}
    for k in nodes:
        uf.union(compact.setdefault(k.replace(" ", ""), k), k)
        uf.union(phon.setdefault(tuple(_phonetic(t) for t in k.split()), k), k)
    buckets: dict[tuple[int, int, tuple[str, ...]], list[tuple[str, str]]] = defaultdict(list)
    for k in nodes:
        ph = [_phonetic(t) for t in k.split()]
        if len(ph) < 2:
            continue
        for pos in range(len(ph)):
            buckets[(len(ph), pos, tuple(ph[:pos] + ph[pos + 1 :]))].append((ph[pos], k))
    for items in buckets.values():
        if len(items) >= 2:
            _merge_one_edit(uf, items)


def _merge_one_edit(uf: _UnionFind, items: list[tuple[str, str]]) -> None:
    """The differing token: candidates share a one-deletion variant (symmetric delete), then are checked."""
    key_of: dict[str, list[str]] = defaultdict(list)
    for tok, k in items:
        key_of[tok].append(k)
    variants: dict[str, set[str]] = defaultdict(set)
    for tok in key_of:
        if len(tok) >= 5:
            for i in range(len(tok) + 1):
                variants[tok[:i] + tok[i + 1 :]].add(tok)
    for toks in variants.values():
        if len(toks) < 2:
            continue
        ordered = sorted(toks)
        for x, ta in enumerate(ordered):
            for tb in ordered[x + 1 :]:
                if ta[0] == tb[0] and _one_edit(ta, tb):
                    uf.union(key_of[ta][0], key_of[tb][0])


def _merge_names(uf: _UnionFind, nodes: list[str], nicknames: dict[str, set[str]], is_person: dict[str, bool]) -> None:
    """Steps 4 and 5: nicknames some article used for exactly one speaker; short person names into the one person whose name contains them."""
    for alias in sorted(nicknames):
        if alias not in uf.parent:
            continue
        roots = {uf.find(t) for t in nicknames[alias] if t in uf.parent}
        if len(roots) == 1:
            uf.union(alias, next(iter(roots)))
    root_of = {k: uf.find(k) for k in nodes}
    person_keys = [k for k in nodes if is_person.get(k, False)]
    by_token: dict[str, set[str]] = defaultdict(set)
    for k in person_keys:
        for t in k.split():
            by_token[t].add(k)
    merges: list[tuple[str, str]] = []
    for k in person_keys:
        toks = set(k.split())
        containing = set.intersection(*(by_token[t] for t in toks))
        cands = {root_of[o] for o in containing if len(set(o.split())) > len(toks)} - {root_of[k]}
        if len(cands) == 1:
            merges.append((k, next(iter(cands))))
    for k, r in merges:
        uf.union(k, r)


def _cluster_facts(root: str, cl: _Cluster, keys: list[str], names: list[Any], mentions: list[Any], types: list[Any]) -> dict[str, Any]:
    """``speaker_id``, ``speaker_name``, ``speaker_type``, ``rows`` and ``aliases`` of one cluster."""
    rows = cl.rows
    stype = _majority_type(types[i] for i in rows)
    if root.startswith("\x00"):
        rk = root[1:]
        sid = "unnamed-" + hashlib.sha1(f"unnamed|{rk}".encode()).hexdigest()[:12]
        name = None
        aliases: list[str] = []
    else:
        key_rows: Counter[str] = Counter(keys[i] for i in rows)
        rep = min(cl.keys, key=lambda k: (-len(k.split()), -key_rows[k], -len(k), k))
        surfaces = Counter(clean_name(names[i]) for i in rows if keys[i] == rep and clean_name(names[i]))
        name = min(surfaces.items(), key=lambda kv: (-kv[1], kv[0]))[0] if surfaces else rep.title()
        sid = "spk-" + hashlib.sha1(f"{stype}|{rep}".encode()).hexdigest()[:12]
        written = {clean_name(names[i]) for i in rows} | {clean_name(mentions[i]) for i in rows if _is_name_like(mentions[i])}
        aliases = sorted({v for v in written if v and v != name}, key=lambda v: (v.casefold(), v))
    return {"speaker_id": sid, "speaker_name": name, "speaker_type": stype, "rows": rows, "aliases": aliases}


def _assign(df: pd.DataFrame, unnamed: Unnamed) -> tuple[list[str | None], dict[str, dict[str, Any]]]:
    """Cluster the rows: (per-row speaker_id or None, speaker_id → cluster facts)."""
    _check(df, unnamed)
    n = len(df)
    names = _col(df, "speaker_name")
    mentions = _col(df, "speaker")
    types = _col(df, "speaker_type")
    roles = _col(df, "role")
    arts = (
        [str(a) if a is not None else f"#row{i}" for i, a in enumerate(_col(df, "article_id"))]
        if "article_id" in df.columns
        else [f"#row{i}" for i in range(n)]
    )
    keys = [normalize_name(x) for x in names]

    # node type: majority over the rows carrying that key
    key_types: dict[str, list[Any]] = defaultdict(list)
    for k, t in zip(keys, types):
        if k:
            key_types[k].append(t)
    is_person = {k: _majority_type(v) == "person" for k, v in key_types.items()}

    nicknames = _link_in_articles(keys, arts, mentions, is_person)
    uf = _UnionFind()
    for k in keys:
        if k:
            uf.add(k)
    nodes = sorted(uf.parent)
    _merge_spellings(uf, nodes)
    _merge_names(uf, nodes, nicknames, is_person)

    clusters: dict[str, _Cluster] = defaultdict(_Cluster)
    for i, k in enumerate(keys):
        if k:
            cl = clusters[uf.find(k)]
            cl.keys.add(k)
            cl.rows.append(i)
    if unnamed == "by_role":
        for i, k in enumerate(keys):
            if not k:
                rk = " ".join(_PUNCT.sub(" ", str(roles[i]).casefold()).split()) if roles[i] else ""
                clusters["\x00" + rk].rows.append(i)

    per_row: list[str | None] = [None] * n
    facts: dict[str, dict[str, Any]] = {}
    for root, cl in clusters.items():
        f = _cluster_facts(root, cl, keys, names, mentions, types)
        for i in cl.rows:
            per_row[i] = f["speaker_id"]
        facts[f["speaker_id"]] = f
    return per_row, facts


def speaker_ids(quotes_df: pd.DataFrame, *, unnamed: Unnamed = "drop") -> pd.Series:
    """The merged ``speaker_id`` of every quote row (see the module docstring for the merging).

    Args:
        quotes_df: a quotes table (:func:`quoteattr.extract_frame`); needs
            ``speaker_name``, and uses ``article_id``, ``speaker``, ``speaker_type``
            and ``role`` when present.
        unnamed: ``"drop"`` (rows without ``speaker_name`` get ``<NA>``) or
            ``"by_role"`` (they get one pseudo-speaker per role).

    Returns:
        A ``string`` Series aligned with ``quotes_df.index``.
    """
    per_row, _ = _assign(quotes_df, unnamed)
    import pandas as pd

    return pd.Series(per_row, index=quotes_df.index, dtype="string", name="speaker_id")


def _date_strings(values: Sequence[Any]) -> list[pd.Timestamp | None]:
    import pandas as pd

    out: list[pd.Timestamp | None] = []
    cache: dict[Hashable, pd.Timestamp | None] = {}
    for v in values:
        if v is None:
            out.append(None)
            continue
        key = v if isinstance(v, Hashable) else str(v)
        if key not in cache:
            try:
                ts = pd.Timestamp(v)
                if pd.isna(ts):
                    cache[key] = None
                else:
                    cache[key] = ts.tz_localize(None) if ts.tzinfo is not None else ts
            except (ValueError, TypeError, OverflowError):
                cache[key] = None
        out.append(cache[key])
    return out


def _fmt(ts: pd.Timestamp | None) -> str | None:
    return None if ts is None else ts.strftime("%Y-%m-%d")


def _ranked(values: Iterable[str]) -> list[str]:
    """Distinct values (case/space-insensitive) by frequency, then first appearance; most common surface kept."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    surfaces: dict[str, Counter[str]] = defaultdict(Counter)
    for n, v in enumerate(values):
        k = " ".join(v.casefold().split())
        counts[k] += 1
        first.setdefault(k, n)
        surfaces[k][" ".join(v.split())] += 1
    order = sorted(counts, key=lambda k: (-counts[k], first[k]))
    return [min(surfaces[k].items(), key=lambda kv: (-kv[1], kv[0]))[0] for k in order]


def speakers(quotes_df: pd.DataFrame, date_column: str | None = "date", *, unnamed: Unnamed = "drop") -> pd.DataFrame:
    """One row per speaker across a corpus, name variants merged.

    Args:
        quotes_df: a quotes table (:func:`quoteattr.extract_frame`, possibly over many
            articles); needs ``speaker_name``, uses ``article_id``, ``speaker``,
            ``speaker_type``, ``role`` and the date column when present.
        date_column: the column with the article date (any format ``pandas.Timestamp``
            reads); ``None`` or a missing column leaves ``first_date``/``last_date`` empty.
        unnamed: ``"drop"`` (default) leaves out quotes whose speaker is never named;
            ``"by_role"`` keeps them as one pseudo-speaker per role.

    Returns:
        The speakers table: the columns of :data:`quoteattr.schema.SPEAKER_COLUMNS`
        (``role`` is the most frequent role, ``roles`` every role seen, most frequent
        first; dates as ``YYYY-MM-DD``, in the local time of each value, time zones
        dropped), then ``aliases`` (other spellings and names seen). Sorted by
        ``n_quotes`` (descending), then name.

    Raises:
        InputError: no ``speaker_name`` column, or a bad ``unnamed`` value.

    Example:
        >>> df = pd.DataFrame({"article_id": ["a", "b"], "speaker": ["Jokowi", "Jokowi"],
        ...                    "speaker_name": ["Joko Widodo", "Jokowi"], "speaker_type": ["person"] * 2})
        >>> speakers(df)[["speaker_name", "n_quotes", "n_articles"]].values.tolist()
        [['Joko Widodo', 2, 2]]
    """
    import pandas as pd

    if not isinstance(quotes_df, pd.DataFrame):
        raise InputError(f"speakers() takes a quotes DataFrame, got {type(quotes_df).__name__}")
    _, facts = _assign(quotes_df, unnamed)
    roles = _col(quotes_df, "role")
    arts = _col(quotes_df, "article_id")
    has_articles = "article_id" in quotes_df.columns
    dates: list[pd.Timestamp | None] = [None] * len(quotes_df)
    if date_column is not None and date_column in quotes_df.columns:
        dates = _date_strings(_col(quotes_df, date_column))
    out = []
    for sid, f in facts.items():
        rows = f["rows"]
        role_list = _ranked(str(roles[i]) for i in rows if roles[i] and str(roles[i]).strip())
        ds = [dates[i] for i in rows if dates[i] is not None]
        out.append(
            {
                "speaker_id": sid,
                "speaker_name": f["speaker_name"],
                "speaker_type": f["speaker_type"],
                "role": role_list[0] if role_list else None,
                "roles": role_list,
                "n_quotes": len(rows),
                "n_articles": len({arts[i] for i in rows if arts[i] is not None}) if has_articles else None,
                "first_date": _fmt(min(ds)) if ds else None,
                "last_date": _fmt(max(ds)) if ds else None,
                "aliases": f["aliases"],
            }
        )
    out.sort(key=lambda r: (-r["n_quotes"], (r["speaker_name"] or "\uffff").casefold(), r["role"] or "", r["speaker_id"]))
    return typed_frame(out, SPEAKER_COLUMNS).reset_index(drop=True)
