"""Snapshot the quotes the pipeline extracts, and diff two snapshots (e.g. of two commits).

A refactor must leave every output unchanged; a rule change should change only what it
means to. Take a snapshot before and after, then diff::

    python scripts/outputs.py snapshot /tmp/before ../shared/eval/dev.gold.jsonl ../shared/corpus/indosum.jsonl
    # ... change the code (or check out another commit) ...
    python scripts/outputs.py snapshot /tmp/after ../shared/eval/dev.gold.jsonl ../shared/corpus/indosum.jsonl
    python scripts/outputs.py diff /tmp/before /tmp/after

A snapshot holds one ``<input stem>.jsonl`` per input: one line per article with its id
and its quotes (every field of :meth:`Quote.to_dict`). ``diff`` prints, per input, the
articles whose quotes differ (with the first differing quote of each) and exits 1 when
anything differs. Fields that only one snapshot has (a column added in between) are
named and left out of the comparison.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


def snapshot(out_dir: Path, inputs: list[Path], model: str | None = None) -> None:
    import quoteattr
    from quoteattr.io import iter_records

    nlp = quoteattr.load(model)
    out_dir.mkdir(parents=True, exist_ok=True)
    for path in inputs:
        name = path.name
        for suffix in (".gz", ".jsonl", ".csv", ".parquet"):
            name = name.removesuffix(suffix)
        recs = [r for r in iter_records(path) if r.error is None]
        with (out_dir / f"{name}.jsonl").open("w", encoding="utf-8") as fh:
            for rec, doc in zip(recs, nlp.pipe(r.text for r in recs)):
                fh.write(json.dumps({"id": rec.article_id, "quotes": [q.to_dict() for q in doc._.quotes or []]}, ensure_ascii=False) + "\n")
        print(f"{path}: {len(recs)} articles → {out_dir / (name + '.jsonl')}")


def _read(path: Path) -> dict[str, list[dict[str, Any]]]:
    out = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            out[rec["id"]] = rec["quotes"]
    return out


def _fields(snap: dict[str, list[dict[str, Any]]]) -> set[str]:
    return {f for quotes in snap.values() for q in quotes for f in q}


def _project(snap: dict[str, list[dict[str, Any]]], fields: set[str]) -> dict[str, list[dict[str, Any]]]:
    return {k: [{f: v for f, v in q.items() if f in fields} for q in quotes] for k, quotes in snap.items()}


def diff(a_dir: Path, b_dir: Path, show: int = 20) -> int:
    changed_total = 0
    for a_file in sorted(a_dir.glob("*.jsonl")):
        b_file = b_dir / a_file.name
        if not b_file.exists():
            print(f"{a_file.name}: missing in {b_dir}")
            changed_total += 1
            continue
        a, b = _read(a_file), _read(b_file)
        fa, fb = _fields(a), _fields(b)
        if fa and fb and fa != fb:
            # a new field (a new output column) is not a change of the existing ones
            print(f"{a_file.name}: comparing the {len(fa & fb)} shared fields; only in {a_dir}: {sorted(fa - fb)}, only in {b_dir}: {sorted(fb - fa)}")
            a, b = _project(a, fa & fb), _project(b, fa & fb)
        changed = [k for k in a.keys() | b.keys() if a.get(k) != b.get(k)]
        na = sum(len(v) for v in a.values())
        nb = sum(len(v) for v in b.values())
        print(f"{a_file.name}: {len(a)} articles, {na} → {nb} quotes, {len(changed)} articles differ")
        for k in sorted(changed)[:show]:
            qa, qb = a.get(k, []), b.get(k, [])
            for x, y in zip(qa + [None] * len(qb), qb + [None] * len(qa)):
                if x != y:
                    fields = sorted({f for q in (x, y) if q for f in q if (x or {}).get(f) != (y or {}).get(f)})
                    print(f"  {k}: {', '.join(fields)}")
                    print(f"    - {json.dumps({f: (x or {}).get(f) for f in fields}, ensure_ascii=False)[:300]}")
                    print(f"    + {json.dumps({f: (y or {}).get(f) for f in fields}, ensure_ascii=False)[:300]}")
                    break
        changed_total += len(changed)
    return 1 if changed_total else 0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("snapshot", help="extract the inputs into OUT_DIR")
    s.add_argument("out_dir", type=Path)
    s.add_argument("inputs", type=Path, nargs="+")
    s.add_argument("--model", default=None)
    d = sub.add_parser("diff", help="compare two snapshot folders")
    d.add_argument("a", type=Path)
    d.add_argument("b", type=Path)
    d.add_argument("--show", type=int, default=20, help="articles to print per input")
    args = ap.parse_args()
    if args.cmd == "snapshot":
        snapshot(args.out_dir, args.inputs, args.model)
    else:
        sys.exit(diff(args.a, args.b, args.show))


if __name__ == "__main__":
    main()
