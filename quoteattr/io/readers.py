"""Reading article corpora: one reader per input format, registered in :data:`READERS`.

Readers stream: a corpus is never loaded whole. JSON Lines and CSV are read line by
line, Parquet batch by batch (``pyarrow``), a folder file by file. Every input record
becomes a :class:`Record`; a record that cannot be read (a malformed JSON line, a CSV
row with the wrong number of fields, a binary file, an empty text …) is still yielded,
with ``error`` set, so a batch run can record it and go on.

A new input format is one entry in :data:`READERS`: its file suffix → a :class:`Reader`
(a function yielding the records of one file and, optionally, a cheap record count).
Articles already in memory (a DataFrame, texts, dicts) are read by :func:`frame_records`
and :func:`object_records`, with the same checks.
"""

from __future__ import annotations

import csv
import gzip
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from quoteattr.errors import InputError

Article = tuple[str, str, dict[str, Any]]  # (article_id, text, metadata)


_SURROGATES = re.compile(r"[\udc80-\udcff]")
_BINARY_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\ufffd]")
_ID_IN_LINE = re.compile(r'"id"\s*:\s*"((?:[^"\\]|\\.){1,200})"')


@dataclass(slots=True)
class Record:
    """One input article, or one input unit that could not be read as an article.

    Attributes:
        article_id: the id (from the id column, or made up from the source when missing).
        text: the article text; ``None`` when it could not be read.
        meta: the other columns/fields (they pass through to the output tables).
        source: where it came from, e.g. ``corpus.jsonl line 12``.
        error: why it cannot be processed (``None`` if it can).
        warning: something odd that did not stop processing (renamed id, replaced bytes).
    """

    article_id: str
    text: str | None
    meta: dict[str, Any] = field(default_factory=dict)
    source: str = ""
    error: str | None = None
    warning: str | None = None


# --------------------------------------------------------------------------- inputs


def _suffix(p: Path) -> str:
    """The registered suffix ``p`` ends with (the longest: ``.jsonl.gz`` before ``.gz``), else its last suffix."""
    name = p.name.lower()
    known = [x for x in READERS if name.endswith(x)]
    return max(known, key=len) if known else p.suffix.lower()


def _formats() -> str:
    return ", ".join(READERS)


def input_files(path: str | Path) -> list[Path]:
    """The files of an input: the file itself, or every file of a registered format under a folder (sorted).

    Raises:
        InputError: the path does not exist, has an unknown format, or the folder holds no input.
    """
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file or folder; give a file ({_formats()}) or a folder of them")
    if p.is_dir():
        files = sorted((f for f in p.rglob("*") if f.is_file() and _suffix(f) in READERS), key=lambda f: f.relative_to(p).as_posix())
        if not files:
            raise InputError(f"{p}: the folder holds no {_formats()} files")
        return files
    if _suffix(p) not in READERS:
        raise InputError(f"{p}: unknown input format {_suffix(p)!r}; use {_formats()} or a folder")
    return [p]


def input_fingerprint(path: str | Path) -> list[list[Any]]:
    """``[relative path, size, mtime_ns]`` of every input file: a resumed run must see the same input."""
    p = Path(path)
    root = p if p.is_dir() else p.parent
    out = []
    for f in input_files(p):
        st = f.stat()
        out.append([f.relative_to(root).as_posix(), st.st_size, st.st_mtime_ns])
    return out


def check_text(text: Any) -> tuple[str | None, str | None, str | None]:
    """Vet one article text.

    Returns:
        ``(text, error, warning)``: ``text`` with undecodable bytes replaced by U+FFFD,
        an error when it cannot be processed (not a string, empty, binary), and a warning
        when something was replaced.
    """
    if text is None:
        return None, "no text (null)", None
    if not isinstance(text, str):
        return None, f"text is a {type(text).__name__}, not a string", None
    warning = None
    if _SURROGATES.search(text):
        n = len(_SURROGATES.findall(text))
        text = _SURROGATES.sub("\ufffd", text)
        warning = f"{n} byte(s) not valid UTF-8, replaced by U+FFFD"
    if not text.strip():
        return text, "empty text" if not text else "text is only whitespace", warning
    head = text[:8192]
    if len(_BINARY_CHARS.findall(head)) > max(8, len(head) // 10):
        return None, "binary data, not text (many NUL/control bytes or undecodable bytes)", warning
    return text, None, warning


def _clean_meta(value: Any) -> Any:
    """Metadata values as table-friendly scalars: nested values become JSON strings."""
    if isinstance(value, str):
        return _SURROGATES.sub("\ufffd", value) if _SURROGATES.search(value) else value
    if isinstance(value, (dict, list, tuple)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return value


def make_record(raw_id: Any, text: Any, meta: dict[str, Any], source: str, default_id: str) -> Record:
    """One article read from a file, with the checks every file reader applies.

    Args:
        raw_id: the id as read (missing or blank: ``default_id``, with a warning).
        text: the text as read (vetted by :func:`check_text`: not a string, empty or
            binary is an error; undecodable bytes are replaced, with a warning).
        meta: the other columns (nested values become JSON strings).
        source: where it was read, for messages (``corpus.jsonl line 12``).
        default_id: the id when there is none (``corpus.jsonl#12``).
    """
    body, error, warning = check_text(text)
    if raw_id is None or (isinstance(raw_id, str) and not raw_id.strip()) or (isinstance(raw_id, float) and raw_id != raw_id):
        aid = default_id
        warning = "; ".join(w for w in (warning, f"no id; using {aid!r}") if w)
    else:
        aid = _SURROGATES.sub("\ufffd", str(raw_id))
    return Record(aid, body, {k: _clean_meta(v) for k, v in meta.items()}, source, error, warning)


def _open_text(p: Path) -> IO[str]:
    if _suffix(p) == ".jsonl.gz":
        return gzip.open(p, "rt", encoding="utf-8", errors="surrogateescape", newline="")
    return p.open(encoding="utf-8-sig", errors="surrogateescape", newline="")


def _read_txt(p: Path, name: str, id_column: str, text_column: str) -> Iterator[Record]:
    aid = name[: -len(".txt")] if name.lower().endswith(".txt") else name
    try:
        data = p.read_bytes()
    except OSError as exc:
        yield Record(aid, None, {}, name, f"cannot read the file ({exc})")
        return
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    text = data.decode("utf-8", errors="surrogateescape")
    yield make_record(aid, text, {}, name, aid)


def _read_jsonl(p: Path, name: str, id_column: str, text_column: str) -> Iterator[Record]:
    with _open_text(p) as fh:
        try:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                src = f"{name} line {n}"
                default_id = f"{name}#{n}"
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as exc:
                    m = _ID_IN_LINE.search(line[:4096])
                    aid = m.group(1) if m else default_id
                    yield Record(aid, None, {}, src, f"not valid JSON ({exc.msg.removesuffix(' at')} at column {exc.colno})")
                    continue
                if not isinstance(rec, dict):
                    yield Record(default_id, None, {}, src, f"a JSON {type(rec).__name__}, not an object with {text_column!r}")
                    continue
                if text_column not in rec:
                    aid = str(rec[id_column]) if rec.get(id_column) is not None else default_id
                    yield Record(aid, None, {}, src, f"no {text_column!r} field (fields: {list(rec)[:10]}); pass --text-column")
                    continue
                meta = {k: v for k, v in rec.items() if k not in (id_column, text_column, "quotes")}
                yield make_record(rec.get(id_column), rec[text_column], meta, src, default_id)
        except (OSError, EOFError, gzip.BadGzipFile) as exc:
            yield Record(f"{name}#read-error", None, {}, name, f"cannot read the file past this point ({exc})")


def _read_csv(p: Path, name: str, id_column: str, text_column: str) -> Iterator[Record]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    with _open_text(p) as fh:
        reader = csv.reader(fh)
        try:
            header = next(reader)
        except StopIteration:
            yield Record(name, None, {}, name, "empty CSV file (no header row)")
            return
        except csv.Error as exc:
            yield Record(name, None, {}, name, f"cannot read the CSV header ({exc})")
            return
        header = [_SURROGATES.sub("\ufffd", h) for h in header]
        if text_column not in header:
            yield Record(name, None, {}, name, f"no {text_column!r} column (columns: {header[:20]}); pass --text-column")
            return
        ti = header.index(text_column)
        ii = header.index(id_column) if id_column in header else None
        line = 1
        while True:
            start = line + 1
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                line = reader.line_num
                yield Record(f"{name}#{start}", None, {}, f"{name} line {start}", f"malformed CSV ({exc})")
                continue
            line = reader.line_num
            if not row:
                continue
            src = f"{name} line {start}"
            default_id = f"{name}#{start}"
            if len(row) != len(header):
                aid = row[ii] if ii is not None and ii < len(row) and row[ii] else default_id
                yield Record(aid, None, {}, src, f"malformed CSV row: {len(row)} fields, the header has {len(header)}")
                continue
            meta = {h: v for j, (h, v) in enumerate(zip(header, row)) if j not in (ti, ii)}
            yield make_record(row[ii] if ii is not None else default_id, row[ti], meta, src, default_id)


def _read_parquet(p: Path, name: str, id_column: str, text_column: str, batch_rows: int = 512) -> Iterator[Record]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(p)
    except (OSError, pa.ArrowException) as exc:
        yield Record(name, None, {}, name, f"not a readable Parquet file ({exc})")
        return
    cols = pf.schema_arrow.names
    if text_column not in cols:
        yield Record(name, None, {}, name, f"no {text_column!r} column (columns: {cols[:20]}); pass --text-column")
        return
    n = 0
    try:
        for batch in pf.iter_batches(batch_size=batch_rows):
            for rec in batch.to_pylist():
                src = f"{name} row {n}"
                default_id = f"{name}#{n}"
                n += 1
                meta = {k: v for k, v in rec.items() if k not in (id_column, text_column)}
                raw_id = rec.get(id_column, default_id) if id_column in cols else default_id
                yield make_record(raw_id, rec[text_column], meta, src, default_id)
    except (OSError, pa.ArrowException) as exc:
        yield Record(f"{name}#{n}", None, {}, f"{name} row {n}", f"cannot read the Parquet file past this row ({exc})")


def _count_lines(p: Path) -> int | None:
    opener = gzip.open if _suffix(p) == ".jsonl.gz" else open
    try:
        with opener(p, "rb") as fh:  # type: ignore[operator]
            return sum(1 for line in fh if line.strip())
    except (OSError, EOFError):
        return None


def _count_parquet(p: Path) -> int | None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        return int(pq.ParquetFile(p).metadata.num_rows)
    except (OSError, pa.ArrowException):
        return 1


@dataclass(frozen=True)
class Reader:
    """How to read one input format.

    Attributes:
        read: ``read(path, name, id_column, text_column)`` yields the :class:`Record` of
            one file (``name``: its path below the input folder, for ids and messages);
            a unit it cannot read is yielded with ``error`` set, never raised.
        count: ``count(path)``, the number of records of one file when it is cheap to know
            (for the progress bar); ``None`` (or returning ``None``): unknown.
    """

    read: Callable[[Path, str, str, str], Iterator[Record]]
    count: Callable[[Path], int | None] | None = None


#: Input formats by file suffix: a new format is one entry here (a folder is searched for all of them).
READERS: dict[str, Reader] = {
    ".txt": Reader(_read_txt, lambda p: 1),
    ".jsonl": Reader(_read_jsonl, _count_lines),
    ".jsonl.gz": Reader(_read_jsonl, _count_lines),
    ".csv": Reader(_read_csv),
    ".parquet": Reader(_read_parquet, _count_parquet),
}


def iter_records(path: str | Path, id_column: str = "id", text_column: str = "text") -> Iterator[Record]:
    """Stream every record of a corpus, ids as given (see :func:`unique_ids`).

    Args:
        path: a file of a registered format (:data:`READERS`: .txt, .jsonl, .jsonl.gz, .csv,
            .parquet), or a folder of such files (searched recursively; a .txt file is one
            article, its id the path without ``.txt``).
        id_column, text_column: the id and text column/field names. Other columns pass
            through as metadata. A missing id becomes ``<file>#<line or row>``.

    Raises:
        InputError: the path does not exist or has an unknown format.
    """
    p = Path(path)
    root = p if p.is_dir() else p.parent
    for f in input_files(p):
        yield from READERS[_suffix(f)].read(f, f.relative_to(root).as_posix(), id_column, text_column)


def unique_ids(records: Iterable[Record]) -> Iterator[Record]:
    """Rename repeated ids: the 2nd ``x`` becomes ``x~2`` (with a warning), never merged.

    Keeps a set of the ids seen (memory grows with the number of articles, not their size).
    """
    seen: dict[str, str] = {}
    for rec in records:
        aid = rec.article_id
        if aid in seen:
            k = 2
            while f"{aid}~{k}" in seen:
                k += 1
            new = f"{aid}~{k}"
            note = f"duplicate id {aid!r} (first at {seen[aid]}); renamed to {new!r}"
            rec.warning = "; ".join(w for w in (rec.warning, note) if w)
            rec.article_id = new
        seen[rec.article_id] = rec.source or "?"
        yield rec


def count_records(path: str | Path) -> int | None:
    """The number of records (for a progress bar), or ``None`` when it cannot be known cheaply (CSV)."""
    total = 0
    for f in input_files(path):
        count = READERS[_suffix(f)].count
        n = count(f) if count is not None else None
        if n is None:
            return None
        total += n
    return total


def read_articles(path: str | Path, id_column: str = "id", text_column: str = "text") -> Iterator[Article]:
    """Yield ``(id, text, metadata)`` from a .jsonl/.csv/.parquet file or a folder of .txt files.

    Streams. Empty texts are yielded as they are; ids are not de-duplicated.

    Raises:
        InputError: a record cannot be read (malformed line, missing text column, binary
            file); the message names the file and line.
    """
    for rec in iter_records(path, id_column, text_column):
        if rec.text is None:
            raise InputError(f"{Path(path)}: {rec.source}: {rec.error}")
        yield rec.article_id, rec.text, rec.meta




# --------------------------------------------------------------------------- articles in memory


def _missing_id(raw: Any) -> bool:
    return raw is None or (isinstance(raw, float) and raw != raw) or (isinstance(raw, str) and not raw.strip()) or type(raw).__name__ == "NAType"


def _memory_record(raw_id: Any, default_id: str, text: Any, meta: dict[str, Any], source: str, has_id: bool) -> Record:
    """A record of an article in memory: a missing id becomes ``default_id`` (with a warning when an id was expected)."""
    missing = _missing_id(raw_id)
    aid = default_id if missing else str(raw_id)
    body, error, warning = check_text(text)
    if missing and has_id:
        warning = "; ".join(w for w in (warning, f"no id; using the index {aid!r}") if w)
    return Record(aid, body, meta, source, error, warning)


def frame_records(df: Any, id_column: str = "id", text_column: str = "text") -> Iterator[Record]:
    """The records of a pandas DataFrame of articles (also a Dask partition).

    A missing id (no id column, or an empty/null cell) becomes the row's index value; the
    other columns pass through as metadata (NaN as ``None``). Ids are not de-duplicated.

    Raises:
        InputError: the DataFrame has no ``text_column``.
    """
    if text_column not in df.columns:
        raise InputError(f"the DataFrame has no {text_column!r} column (columns: {list(df.columns)}); pass text_column=")
    has_id = id_column in df.columns
    meta_cols = [c for c in df.columns if c not in (id_column, text_column)]
    for idx, rec in zip(df.index, df.to_dict("records")):
        meta = {c: (None if isinstance(rec[c], float) and rec[c] != rec[c] else rec[c]) for c in meta_cols}
        yield _memory_record(rec[id_column] if has_id else idx, str(idx), rec[text_column], meta, f"row {idx}", has_id)


def object_records(items: Iterable[Any], id_column: str = "id", text_column: str = "text") -> Iterator[Record]:
    """The records of an iterable of texts, or of dicts with ``text_column`` (and ``id_column``).

    A text's id is its position; a dict without an id gets its position too (with a
    warning). The other fields pass through as metadata (``quotes`` of a gold record is
    left out). An item that is neither is a record with ``error`` set.
    """
    for n, item in enumerate(items):
        if isinstance(item, str):
            yield _memory_record(str(n), str(n), item, {}, f"item {n}", False)
        elif isinstance(item, Mapping):
            if text_column not in item:
                aid = str(n) if _missing_id(item.get(id_column)) else str(item[id_column])
                yield Record(aid, None, {}, f"item {n}", f"no {text_column!r} field (fields: {list(item)[:10]}); pass text_column=")
                continue
            meta = {k: v for k, v in item.items() if k not in (id_column, text_column, "quotes")}
            yield _memory_record(item.get(id_column), str(n), item[text_column], meta, f"item {n}", True)
        else:
            yield Record(str(n), None, {}, f"item {n}", f"a {type(item).__name__}, not a text (str) or a record (dict with {text_column!r})")
