"""Assemble the quotes-id corpus from validated annotation batches.

The annotators' gold files (the output of ``../shared/annotate/annotate.py``) are merged,
checked (every article of the queue prefix present once, every offset slicing the text) and
written by the queue's fixed split to ``data/quotes-id/{train,dev,test}.jsonl``, each record
in the gold format of GUIDELINES.md plus ``outlet``, ``date``, ``title``, ``split`` and
``queue_rank``. Records are in queue order.

usage: python scripts/build_quotes_id.py --queue ../shared/corpus/annotation_queue.tsv \
           --articles ../shared/corpus/indosum.jsonl --first 2870 GOLD.jsonl [GOLD.jsonl ...]
"""

from __future__ import annotations

import argparse
import csv
import json
from collections import Counter
from pathlib import Path
from typing import Any

FIELDS = ("id", "outlet", "date", "title", "split", "queue_rank", "origin", "license", "text", "quotes")
QUOTE_FIELDS = ("type", "quote", "quote_start", "quote_end", "speaker", "speaker_start", "speaker_end", "speaker_name", "speaker_type", "role", "cue", "via")


def check(rec: dict[str, Any]) -> list[str]:
    """Problems of one gold record: offsets that do not slice the text, bad types, overlaps."""
    text, problems = rec["text"], []
    last_end = -1
    for k, q in enumerate(rec["quotes"]):
        where = f"{rec['id']} quote {k}"
        if text[q["quote_start"] : q["quote_end"]] != q["quote"]:
            problems.append(f"{where}: quote offsets do not slice the quote")
        if q["speaker_start"] is not None and text[q["speaker_start"] : q["speaker_end"]] != q["speaker"]:
            problems.append(f"{where}: speaker offsets do not slice the speaker")
        if q["type"] not in ("direct", "indirect", "mixed") or q["speaker_type"] not in ("person", "organization", "unknown"):
            problems.append(f"{where}: bad type or speaker_type")
        if q["quote_start"] < last_end:
            problems.append(f"{where}: overlaps the previous quote")
        last_end = q["quote_end"]
    return problems


def build(queue: Path, articles: Path, first: int, golds: list[Path], out_dir: Path) -> dict[str, list[dict[str, Any]]]:
    with queue.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))[:first]
    wanted = {r["id"]: r for r in rows}
    meta = {}
    with articles.open(encoding="utf-8") as fh:
        for line in fh:
            a = json.loads(line)
            if a["id"] in wanted:
                meta[a["id"]] = a
    annotated: dict[str, dict[str, Any]] = {}
    for g in golds:
        with g.open(encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                if rec["id"] in annotated:
                    raise SystemExit(f"{g}: {rec['id']} is annotated twice; give each article's final annotation once")
                annotated[rec["id"]] = rec
    missing = [i for i in wanted if i not in annotated]
    if missing:
        raise SystemExit(f"{len(missing)} queued articles are not annotated, e.g. {missing[:3]}")
    splits: dict[str, list[dict[str, Any]]] = {"train": [], "dev": [], "test": []}
    problems = []
    for row in rows:
        a, g = meta[row["id"]], annotated[row["id"]]
        if g["text"] != a["text"]:
            problems.append(f"{row['id']}: annotated text differs from the corpus text")
        rec = {
            "id": a["id"], "outlet": a.get("outlet"), "date": a.get("date"), "title": a.get("title"),
            "split": row["split"], "queue_rank": int(row["queue_rank"]), "origin": a.get("origin"),
            "license": a.get("license"), "text": a["text"],
            "quotes": [{f: q.get(f) for f in QUOTE_FIELDS} for q in g["quotes"]],
        }
        problems += check(rec)
        splits[row["split"]].append(rec)
    if problems:
        raise SystemExit("\n".join(problems))
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, recs in splits.items():
        with (out_dir / f"{name}.jsonl").open("w", encoding="utf-8") as fh:
            for r in recs:
                fh.write(json.dumps({f: r[f] for f in FIELDS}, ensure_ascii=False) + "\n")
    return splits


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("golds", type=Path, nargs="+")
    ap.add_argument("--queue", type=Path, required=True)
    ap.add_argument("--articles", type=Path, required=True)
    ap.add_argument("--first", type=int, default=2870, help="how many articles of the queue, from rank 0 (the corpus: all 2,870)")
    ap.add_argument("--out", type=Path, default=Path("data/quotes-id"))
    a = ap.parse_args()
    splits = build(a.queue, a.articles, a.first, a.golds, a.out)
    for name, recs in splits.items():
        types = Counter(q["type"] for r in recs for q in r["quotes"])
        print(f"{name}: {len(recs)} articles, {sum(types.values())} quotes ({dict(types)})")


if __name__ == "__main__":
    main()
