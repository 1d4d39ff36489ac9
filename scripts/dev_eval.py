"""Extract a gold file with the current tree and score it with the reference scorer (dev loop).

usage: python scripts/dev_eval.py GOLD.jsonl [--model rules|PATH] [--errors N]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time

import quoteattr


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("--model", default=None)
    ap.add_argument("--errors", type=int, default=0)
    a = ap.parse_args()
    nlp = quoteattr.load(a.model)
    arts = [json.loads(line) for line in open(a.gold, encoding="utf-8") if line.strip()]
    t = time.time()
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as fh:
        for art, doc in zip(arts, nlp.pipe(a["text"] if isinstance(a, dict) else a for a in (x["text"] for x in arts))):
            fh.write(json.dumps({"id": art["id"], "quotes": [q.to_dict() for q in doc._.quotes]}, ensure_ascii=False) + "\n")
    print(f"{len(arts)} articles in {time.time() - t:.1f}s", file=sys.stderr)
    cmd = [sys.executable, "../shared/eval/score.py", a.gold, fh.name] + (["--errors", str(a.errors)] if a.errors else [])
    subprocess.run(cmd, check=True)


if __name__ == "__main__":
    main()
