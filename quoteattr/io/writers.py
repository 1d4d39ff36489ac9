"""Writing tables (CSV, JSON Lines, Parquet): whole tables, atomic Parquet parts, and parts assembled into one file.

:func:`write_table` writes one table; :func:`write_parquet_atomic` and :func:`assemble`
are the building blocks of resumable batch runs (see :mod:`quoteattr.batch`).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from quoteattr.errors import InputError

#: Output formats (by suffix).
OUTPUT_SUFFIXES = (".parquet", ".csv", ".jsonl")


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
