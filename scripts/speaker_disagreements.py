"""Sort speaker disagreements with a gold file into classes, for reading errors with judgement.

The PFSA-derived gold file links speakers automatically, so some disagreements are the gold
keeping what GUIDELINES.md says ``speaker_name`` leaves out. This script puts every
disagreement on a matched quote into one class:

- ``gold keeps a title``: the gold name with its ranks, honorifics, degrees and leading
  title words removed (:func:`quoteattr.speakers.clean_name`) equals the prediction
  (*Inspektur Jenderal Paulus Waterpauw* vs *Paulus Waterpauw*);
- ``gold is a role``: the gold has no proper name (*Presiden*, *politisi senior Partai
  Golkar*) and the prediction names a person;
- ``gold short form``: the gold (without title words) is a short form of the predicted
  name, which is written in the article as it stands: its first words or word starts
  (*Anies* for *Anies Baswedan*, *Risma* for *Tri Rismaharini*), its last words after
  first-name words (*Kalla* for *Jusuf Kalla*), or a listed nickname (*Presiden Jokowi*
  for *Joko Widodo*). An organization word before a name (*Tokopedia William Tanuwijaya*
  for *William Tanuwijaya*) stays an error of the pipeline;
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
from quoteattr.resolve import _known_aliases
from quoteattr.speakers import clean_name

CLASSES = ("gold keeps a title", "gold is a role", "gold short form", "other")


#: Title words that are also given names: a gold name starting with one keeps it
#: (*Agung Hendriadi*, *Imam B Prasodjo*, *Mas Achmad Santosa*).
NAME_LIKE_TITLES = {"agung", "imam", "raya", "mas", "putri", "ratu", "raja", "sultan", "bagus", "gede", "dewi"}


def _strip_role(name: str) -> list[str]:
    """The words of ``name`` after leading title words (*Presiden*, *Wali Kota*, *politisi …*)."""
    lex = speaker_lexicon()
    words = str(name).split()
    if words and words[0].lower() in NAME_LIKE_TITLES:
        return words
    words = (clean_name(name) or "").split()
    while words and words[0].lower() not in NAME_LIKE_TITLES and (
        words[0][:1].islower() or words[0].lower() in lex.role_heads or lex.is_role_word(words[0].lower())
    ):
        words = words[1:]
    return words


def _short_form(short: list[str], full: str) -> bool:
    """``short`` names the person ``full`` names: every word is the start of one of its words,
    in order (*Risma* in *Tri Rismaharini*), after first-name words only, or a nickname from
    ``quoteattr/resources/aliases.json`` (*Jokowi*)."""
    st, fw = [_tokens(w)[0] for w in short if _tokens(w)], full.split()
    ft = [(_tokens(w) or [""])[0] for w in fw]
    known = _known_aliases().get(tuple(ft), frozenset())
    if " ".join(st) in known:
        return True
    if not st or len(st) > len(ft) or st == ft:
        return False
    for i in range(len(ft) - len(st) + 1):
        if all(ft[i + k].startswith(st[k]) and len(st[k]) >= 3 for k in range(len(st))):
            return all(person_word(w) for w in fw[:i])
    return False


def classify(text: str, gold: Mapping[str, Any], pred: Mapping[str, Any]) -> str:
    """The class of one disagreement (see the module docstring)."""
    g, p = gold.get("speaker_name"), pred.get("speaker_name")
    if not g or not p:
        return "other"
    rest = _strip_role(str(g))
    if not rest:
        return "gold is a role"
    if _tokens(" ".join(rest)) == _tokens(p):
        return "gold keeps a title"
    if str(p) in text and _short_form(rest, str(p)):
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
    matched = agree = lenient = judged_lenient = 0
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
            is_lenient = speaker_ok(g[gi], p[pi], lenient=True)
            lenient += is_lenient
            judged_lenient += is_lenient or cls != "other"
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
    print(f"lenient speaker accuracy (scorer)   {(agree + lenient) / matched:.4f}")
    print(f"lenient, first three classes counted as agreements            {(agree + judged_lenient) / matched:.4f}")


if __name__ == "__main__":
    main()
