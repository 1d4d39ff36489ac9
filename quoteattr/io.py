"""Reading article corpora and writing tables (CSV, JSON Lines, Parquet).

Readers stream: a corpus is never loaded whole. JSON Lines and CSV are read line by
line, Parquet batch by batch (``pyarrow``), a folder file by file. Every input record
becomes a :class:`Record`; a record that cannot be read (a malformed JSON line, a CSV
row with the wrong number of fields, a binary file, an empty text …) is still yielded,
with ``error`` set, so a batch run can record it and go on.

Writers: :func:`write_table` writes one table; :func:`write_parquet_atomic` and
:func:`assemble` are the building blocks of resumable batch runs (see
:mod:`quoteattr.batch`).
"""

from __future__ import annotations

import csv
import gzip
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from quoteattr.errors import InputError

Article = tuple[str, str, dict[str, Any]]  # (article_id, text, metadata)

#: Input suffixes a folder is searched for (recursively).
INPUT_SUFFIXES = (".txt", ".jsonl", ".jsonl.gz", ".csv", ".parquet")
#: Output formats (by suffix).
OUTPUT_SUFFIXES = (".parquet", ".csv", ".jsonl")

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
    name = p.name.lower()
    return ".jsonl.gz" if name.endswith(".jsonl.gz") else p.suffix.lower()


def input_files(path: str | Path) -> list[Path]:
    """The files of an input: the file itself, or every supported file under a folder (sorted).

    Raises:
        InputError: the path does not exist, has an unknown format, or the folder holds no input.
    """
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file or folder; give a .jsonl, .jsonl.gz, .csv or .parquet file, or a folder of them or of .txt files")
    if p.is_dir():
        files = sorted((f for f in p.rglob("*") if f.is_file() and _suffix(f) in INPUT_SUFFIXES), key=lambda f: f.relative_to(p).as_posix())
        if not files:
            raise InputError(f"{p}: the folder holds no .txt, .jsonl, .jsonl.gz, .csv or .parquet files")
        return files
    if _suffix(p) not in INPUT_SUFFIXES:
        raise InputError(f"{p}: unknown input format {_suffix(p)!r}; use .jsonl, .jsonl.gz, .csv, .parquet, .txt or a folder")
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


def _make(raw_id: Any, text: Any, meta: dict[str, Any], source: str, default_id: str) -> Record:
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


def _read_txt(p: Path, name: str) -> Iterator[Record]:
    aid = name[: -len(".txt")] if name.lower().endswith(".txt") else name
    try:
        data = p.read_bytes()
    except OSError as exc:
        yield Record(aid, None, {}, name, f"cannot read the file ({exc})")
        return
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    text = data.decode("utf-8", errors="surrogateescape")
    yield _make(aid, text, {}, name, aid)


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
                yield _make(rec.get(id_column), rec[text_column], meta, src, default_id)
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
            yield _make(row[ii] if ii is not None else default_id, row[ti], meta, src, default_id)


def _read_parquet(p: Path, name: str, id_column: str, text_column: str, batch_rows: int = 512) -> Iterator[Record]:
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
                yield _make(raw_id, rec[text_column], meta, src, default_id)
    except (OSError, pa.ArrowException) as exc:
        yield Record(f"{name}#{n}", None, {}, f"{name} row {n}", f"cannot read the Parquet file past this row ({exc})")


def iter_records(path: str | Path, id_column: str = "id", text_column: str = "text") -> Iterator[Record]:
    """Stream every record of a corpus, ids as given (see :func:`unique_ids`).

    Args:
        path: a .txt, .jsonl, .jsonl.gz, .csv or .parquet file, or a folder of such files
            (searched recursively; a .txt file is one article, its id the path without ``.txt``).
        id_column, text_column: the id and text column/field names. Other columns pass
            through as metadata. A missing id becomes ``<file>#<line or row>``.

    Raises:
        InputError: the path does not exist or has an unknown format.
    """
    p = Path(path)
    root = p if p.is_dir() else p.parent
    for f in input_files(p):
        name = f.relative_to(root).as_posix()
        suffix = _suffix(f)
        if suffix == ".txt":
            yield from _read_txt(f, name)
        elif suffix in (".jsonl", ".jsonl.gz"):
            yield from _read_jsonl(f, name, id_column, text_column)
        elif suffix == ".csv":
            yield from _read_csv(f, name, id_column, text_column)
        else:
            yield from _read_parquet(f, name, id_column, text_column)


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
        suffix = _suffix(f)
        if suffix == ".txt":
            total += 1
        elif suffix == ".parquet":
            try:
                total += pq.ParquetFile(f).metadata.num_rows
            except (OSError, pa.ArrowException):
                total += 1
        elif suffix in (".jsonl", ".jsonl.gz"):
            opener = gzip.open if suffix == ".jsonl.gz" else open
            try:
                with opener(f, "rb") as fh:  # type: ignore[operator]
                    total += sum(1 for line in fh if line.strip())
            except (OSError, EOFError):
                return None
        else:
            return None
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


# --------------------------------------------------------------------------- outputs


def output_format(path: str | Path) -> str:
    """``parquet``, ``csv`` or ``jsonl`` from a file name.

    Raises:
        InputError: unknown suffix.
    """
    suffix = Path(path).suffix.lower()
    if suffix not in OUTPUT_SUFFIXES:
        raise InputError(f"{path}: unknown output format {suffix!r}; use .parquet, .csv or .jsonl (or a folder name without suffix)")
    return suffix[1:]


def write_table(df: pd.DataFrame, path: str | Path) -> None:
    """Write a table as .csv, .jsonl or .parquet (by the file extension), atomically.

    List cells are Parquet lists, JSON Lines arrays, and JSON arrays in CSV cells.
    """
    p = Path(path)
    fmt = output_format(p)
    p.parent.mkdir(parents=True, exist_ok=True)
    tmp = p.with_name(f".{p.name}.{os.getpid()}.tmp")
    try:
        if fmt == "csv":
            _lists_as_json(df).to_csv(tmp, index=False)
        elif fmt == "jsonl":
            df.to_json(tmp, orient="records", lines=True, force_ascii=False)
        else:
            pq.write_table(frame_to_arrow(df), tmp)
        os.replace(tmp, p)
    finally:
        tmp.unlink(missing_ok=True)


def _lists_as_json(df: pd.DataFrame) -> pd.DataFrame:
    """List cells (the speakers table's ``roles``, ``aliases``) as JSON arrays, for CSV."""
    cols = [c for c in df.columns if df[c].dtype == object and any(isinstance(v, (list, tuple)) for v in df[c].tolist())]
    if not cols:
        return df
    dump = lambda v: json.dumps(list(v), ensure_ascii=False) if isinstance(v, (list, tuple)) else v
    return df.assign(**{c: df[c].map(dump) for c in cols})


def read_table_records(path: str | Path) -> Iterator[dict[str, Any]]:
    """Every record of a .jsonl/.csv/.parquet table as a dict (for predictions files). Streams."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix == ".jsonl":
        with p.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    yield json.loads(line)
        return
    if suffix == ".parquet":
        for batch in pq.ParquetFile(p).iter_batches(batch_size=4096):
            yield from batch.to_pylist()
        return
    for chunk in pd.read_csv(p, chunksize=10_000):
        for rec in chunk.to_dict("records"):
            yield {k: (None if isinstance(v, float) and v != v else v) for k, v in rec.items()}


def frame_to_arrow(df: pd.DataFrame) -> pa.Table:
    """A DataFrame as an Arrow table; a column of mixed Python types becomes strings."""
    try:
        return pa.Table.from_pandas(df, preserve_index=False)
    except (pa.ArrowException, TypeError, ValueError):
        df = df.copy()
        for c in df.columns:
            if df[c].dtype == object:
                try:
                    pa.array(df[c].tolist())
                except (pa.ArrowException, TypeError, ValueError):
                    df[c] = [None if v is None else str(v) for v in df[c].tolist()]
        return pa.Table.from_pandas(df, preserve_index=False)


def write_parquet_atomic(df: pd.DataFrame, path: Path) -> None:
    """Write a Parquet file under a temporary name, fsync it, then rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        pq.write_table(frame_to_arrow(df), tmp)
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _unified_schema(schemas: list[pa.Schema]) -> pa.Schema:
    schemas = [s.remove_metadata() for s in schemas]
    try:
        return pa.unify_schemas(schemas, promote_options="permissive")
    except (pa.ArrowException, TypeError):
        pass
    types: dict[str, list[pa.DataType]] = {}
    for s in schemas:
        for f in s:
            types.setdefault(f.name, []).append(f.type)
    fields = []
    for name, ts in types.items():
        real = {t for t in ts if t != pa.null()}
        fields.append(pa.field(name, real.pop() if len(real) == 1 else (pa.null() if not real else pa.string())))
    return pa.schema(fields)


def _conform(table: pa.Table, schema: pa.Schema) -> pa.Table:
    cols = []
    for f in schema:
        if f.name in table.column_names:
            col = table.column(f.name)
            if col.type != f.type:
                try:
                    col = col.cast(f.type)
                except (pa.ArrowException, TypeError):
                    col = pa.chunked_array([pa.array([None if v is None else str(v) for v in col.to_pylist()], pa.string())])
            cols.append(col)
        else:
            cols.append(pa.nulls(table.num_rows, f.type))
    return pa.Table.from_arrays(cols, schema=schema)


def _policy_schema(schema: pa.Schema) -> pa.Schema:
    """The schema of an assembled table: a column null in every part is text; datetimes in ns."""
    fields = []
    for f in schema:
        if pa.types.is_null(f.type):
            f = f.with_type(pa.string())
        elif pa.types.is_timestamp(f.type):
            f = f.with_type(pa.timestamp("ns", f.type.tz))
        fields.append(f)
    return pa.schema(fields)


def _pandas_dtype(t: pa.DataType) -> str | None:
    """The dtype policy of :mod:`quoteattr.schema` for an Arrow type (``None``: pandas' own choice)."""
    if pa.types.is_string(t) or pa.types.is_large_string(t):
        return "string"
    if pa.types.is_integer(t):
        return "Int64"
    if pa.types.is_floating(t):
        return "Float64"
    if pa.types.is_boolean(t):
        return "boolean"
    return None


def _with_pandas_metadata(schema: pa.Schema, dtypes: Mapping[str, str] | None) -> pa.Schema:
    """Attach pandas metadata so that ``pd.read_parquet`` restores the policy dtypes (``Int64``, ``string``), metadata columns included."""
    policy = {f.name: d for f in schema if (d := _pandas_dtype(f.type)) is not None}
    policy.update({c: d for c, d in (dtypes or {}).items() if d != "object"})
    template = pa.Table.from_pylist([], schema).to_pandas()
    template = template.astype({c: d for c, d in policy.items() if c in template.columns})
    meta = pa.Schema.from_pandas(template, preserve_index=False).metadata
    return schema.with_metadata(meta)


def assemble(parts: list[Path], out: Path, dtypes: Mapping[str, str] | None = None) -> int:
    """Concatenate Parquet parts (in the given order) into one .parquet/.csv/.jsonl file, atomically.

    Memory holds one part at a time. Columns missing from a part are filled with nulls;
    a column whose type differs between parts is promoted (or becomes strings).

    Args:
        parts: Parquet files, all with the columns of one table (metadata columns may differ).
        out: a .parquet, .csv or .jsonl file.
        dtypes: the pandas dtypes of the schema columns (so Parquet readers get ``Int64`` back).

    Returns:
        The number of rows written.
    """
    fmt = output_format(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    schema = _policy_schema(_unified_schema([pq.read_schema(p) for p in parts])) if parts else pa.schema([])
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    n = 0
    try:
        if fmt == "parquet":
            with pq.ParquetWriter(tmp, _with_pandas_metadata(schema, dtypes)) as writer:
                for p in parts:
                    t = _conform(pq.read_table(p), schema)
                    n += t.num_rows
                    writer.write_table(t)
        else:
            with tmp.open("w", encoding="utf-8", newline="") as fh:
                if fmt == "csv":
                    fh.write(",".join(_csv_cell(f.name) for f in schema) + "\n")
                for p in parts:
                    df = _conform(pq.read_table(p), schema).to_pandas(integer_object_nulls=True)
                    n += len(df)
                    if not len(df):
                        continue
                    if fmt == "csv":
                        df.to_csv(fh, index=False, header=False)
                    else:
                        body = df.to_json(orient="records", lines=True, force_ascii=False)
                        fh.write(body if body.endswith("\n") else body + "\n")
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    return n


def _csv_cell(name: str) -> str:
    return '"' + name.replace('"', '""') + '"' if any(c in name for c in ',"\n\r') else name
