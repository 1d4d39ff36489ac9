"""Sort speaker disagreements with a gold file into classes, for reading errors with judgement.

The PFSA-derived gold file links speakers automatically, so some disagreements are the gold
keeping what GUIDELINES.md says ``speaker_name`` leaves out. This script puts every
disagreement on a matched quote into one class:

- ``gold keeps a title``: the gold name with its ranks, honorifics and degrees removed
  (:func:`quoteattr.speakers.clean_name`) equals the prediction
  (*Inspektur Jenderal Paulus Waterpauw* vs *Paulus Waterpauw*);
- ``gold is a role``: the gold has no proper name (*Presiden*, *politisi senior Partai
  Golkar*) and the prediction is the person the article names in that role;
- ``gold short form``: the gold is the first part of the predicted name, or its last part
  after first-name words, and the predicted name is written in the article as it stands
  (*Anies* vs *Anies Baswedan*, *Kalla* vs *Jusuf Kalla*; *Tokopedia William Tanuwijaya*
  vs *William Tanuwijaya* stays an error of the pipeline);
- ``other``: everything else (the pipeline's own errors, and gold errors of other kinds).

It prints the strict speaker accuracy and the accuracy with the first three classes counted
as agreements, with the counts; ``--show CLASS`` lists one class. Nothing here changes the
scorer: report both figures.

usage: python scripts/speaker_disagreements.py ../shared/eval/pfsa_dev.gold.jsonl [--show other]
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import quoteattr
from quoteattr.cli.evaluate import load_gold
from quoteattr.evaluation import _tokens, match, speaker_ok
from quoteattr.lexicon import speaker_lexicon
from quoteattr.mentions import person_word
from quoteattr.speakers import clean_name

CLASSES = ("gold keeps a title", "gold is a role", "gold short form", "other")


def classify(text: str, gold: Mapping[str, Any], pred: Mapping[str, Any]) -> str:
    """The class of one disagreement (see the module docstring)."""
    g, p = gold.get("speaker_name"), pred.get("speaker_name")
    if not g or not p:
        return "other"
    if _tokens(clean_name(g)) == _tokens(p):
        return "gold keeps a title"
    lex = speaker_lexicon()
    words = str(g).split()
    if words and (words[0][:1].islower() or words[0].lower() in lex.role_heads) and not any(
        w[:1].isupper() and not lex.is_role_word(w.lower()) and w.lower() not in lex.role_heads for w in words
    ):
        return "gold is a role"
    gt, pt = _tokens(g), _tokens(p)
    if len(gt) < len(pt) and str(p) in text:
        # a first name (Anies for Anies Baswedan), or a surname after first-name words
        # (Kalla for Jusuf Kalla); an organization word before a name is the pipeline's error
        if pt[: len(gt)] == gt or (pt[-len(gt) :] == gt and all(person_word(w) for w in str(p).split()[: len(pt) - len(gt)])):
            return "gold short form"
    return "other"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", type=Path)
    ap.add_argument("--model", default=None, help="pipeline directory or 'rules' (default: the shipped one)")
    ap.add_argument("--show", choices=CLASSES, default=None, help="list the disagreements of one class")
    a = ap.parse_args()
    gold = load_gold(a.gold)
    nlp = quoteattr.load(a.model)
    counts: Counter[str] = Counter()
    matched = agree = 0
    for aid, doc in zip(gold, nlp.pipe(g["text"] for g in gold.values())):
        text = gold[aid]["text"]
        g = gold[aid].get("quotes") or []
        p = [q.to_dict() for q in doc._.quotes]
        for gi, pi in match(text, g, p):
            matched += 1
            if speaker_ok(g[gi], p[pi]):
                agree += 1
                continue
            cls = classify(text, g[gi], p[pi])
            counts[cls] += 1
            if a.show == cls:
                print(f"{aid}\tgold={g[gi].get('speaker_name')!r}\tpred={p[pi].get('speaker_name')!r}\t{g[gi].get('quote', '')[:60]!r}")
    if not matched:
        print("no matched quotes")
        return
    spec = agree + counts["gold keeps a title"] + counts["gold is a role"] + counts["gold short form"]
    print(f"matched quotes                      {matched}")
    print(f"speaker accuracy (strict, scorer)   {agree / matched:.4f}")
    for cls in CLASSES:
        print(f"  disagreements: {cls:<19} {counts[cls]}")
    print(f"speaker accuracy, first three classes counted as agreements   {spec / matched:.4f}")


if __name__ == "__main__":
    main()
