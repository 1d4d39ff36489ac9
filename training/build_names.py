"""Derive ``quoteattr/resources/name_words.json`` from the MIT / CC BY news NER sets.

For every capitalized word, count how often the NER sets tag it inside a person name
and how often inside an organization or place name (or leave it capitalized outside
any entity, mid-sentence). Two lists come out:

- ``person``: words that are, in these sets, almost always part of a person's name
  (*Muhammad*, *Sri*, *Agung*, *Lalu*): a name that starts with one starts there.
- ``nonperson``: capitalized words almost never inside a person's name (*Sulut*,
  *Pelindo*, *Istiqlal*): such a word before a name belongs to the title.

The speaker rules use them where a title and a name meet
(*Direktur RSUD Blambangan Sri Indah Lestari*).

usage: python -m training.build_names --shared ../shared
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from training.convert_ner import read_conll
from training.resources import write_resources

OUT = Path(__file__).resolve().parents[1] / "quoteattr" / "resources" / "name_words.json"


def files(shared: Path) -> list[Path]:
    """The training splits read (the same as training/build_lexicon.py: no test data)."""
    ner = shared / "data" / "ner"
    out = [ner / "idner-news-2k" / "train.txt", ner / "nergrit" / "train_preprocess.txt", ner / "nergrit" / "valid_preprocess.txt"]
    return out + sorted((ner / "indolem-nerui-nerugm" / "data" / "nerui").glob("train.*.tsv"))[:1]


def counts(paths: list[Path]) -> tuple[Counter[str], Counter[str]]:
    """(inside a person name, capitalized elsewhere) per word."""
    person: Counter[str] = Counter()
    other: Counter[str] = Counter()
    for f in paths:
        for words, tags in read_conll(f):
            for i, (w, t) in enumerate(zip(words, tags)):
                if not w[:1].isupper() or not w.isalpha() or len(w) < 2:
                    continue
                if t.endswith("PER") or t.endswith("PERSON"):
                    person[w] += 1
                elif t != "O" or i > 0:  # a sentence's first word is capitalized anyway
                    other[w] += 1
    return person, other


def build(shared: Path, min_count: int = 3, ratio: float = 0.85) -> tuple[list[str], list[str]]:
    person, other = counts(files(shared))
    persons = sorted(w for w, n in person.items() if n >= min_count and n >= ratio * (n + other[w]))
    others = sorted(w for w, n in other.items() if n >= min_count and person[w] <= (1 - ratio) * (n + person[w]))
    return persons, others


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--ratio", type=float, default=0.85)
    ap.add_argument("--out", type=Path, default=OUT)
    a = ap.parse_args()
    persons, others = build(a.shared, a.min_count, a.ratio)
    write_resources(
        a.out,
        "Derived by training/build_names.py from idner-news-2k and NERGRIT (MIT) and NER-UI (CC BY 4.0, Koto et al. 2020, IndoLEM): capitalized words almost always inside (person) or outside (nonperson) a person name. Regenerate, do not edit.",
        "CC BY 4.0 (derived from NER-UI, CC BY 4.0, with MIT-licensed idner-news-2k and NERGRIT; attribution: Koto et al. 2020; Khairunnisa et al. 2020; Wilie et al. 2020)",
        {"person": persons, "nonperson": others},
    )


if __name__ == "__main__":
    main()
