"""Derive ``quoteattr/resources/common_words.json`` from the MIT-licensed NER sets.

A *common word* is a word seen written in lower case at least ``--min-count`` times in
running text (idner-news-2k train and NERGRIT train/valid, both MIT) and rarely inside a
PER entity. The speaker rules use the list to tell the organization words of a title
(*Direktur Jenderal Hak Kekayaan Intelektual Razilu*) from the name that follows them.

It also writes ``root_words.json``: the Indonesian root words of nlp-id (MIT) of four letters
or more that the NER sets do not use as person-name words. With them the rules recognize a
derived common noun opening a sentence (*Pantauan Kompas*, *Kemampuan K-Popers*: *pantau*,
*mampu* + affixes), which is not a person's name
(:func:`quoteattr.mentions.derived_noun`).

usage: python -m training.build_lexicon --shared ../shared
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from training.resources import write_resource

from training.convert_ner import read_conll

OUT = Path(__file__).resolve().parents[1] / "quoteattr" / "resources" / "common_words.json"
ROOTS_OUT = OUT.with_name("root_words.json")


def roots(shared: Path, min_len: int = 4) -> list[str]:
    """nlp-id's root words (MIT) of ``min_len`` letters or more, minus person-name words."""
    from training.build_names import counts, files

    person, other = counts(files(shared))
    names = {w.lower() for w, n in person.items() if n > other[w]}
    path = shared / "data" / "lexicon" / "nlp-id" / "root-word.txt"
    words = {w.strip().lower() for w in path.read_text(encoding="utf-8").splitlines()}
    return sorted(w for w in words if len(w) >= min_len and w.isalpha() and w not in names)


def build(shared: Path, min_count: int = 3) -> list[str]:
    ner = shared / "data" / "ner"
    files = [ner / "idner-news-2k" / "train.txt", ner / "nergrit" / "train_preprocess.txt", ner / "nergrit" / "valid_preprocess.txt"]
    files += sorted((ner / "indolem-nerui-nerugm" / "data" / "nerui").glob("train.*.tsv"))[:1]
    lower: Counter[str] = Counter()
    in_person: Counter[str] = Counter()
    for f in files:
        for words, tags in read_conll(f):
            for i, (w, t) in enumerate(zip(words, tags)):
                if not w.isalpha():
                    continue
                if t.endswith("PER") or t.endswith("PERSON"):
                    in_person[w.lower()] += 1
                elif i > 0 and w[:1].islower():
                    lower[w.lower()] += 1
    return sorted(w for w, n in lower.items() if n >= min_count and in_person[w] * 5 < n and len(w) > 2)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--roots-out", type=Path, default=ROOTS_OUT)
    a = ap.parse_args()
    write_resource(
        a.roots_out,
        "Derived by training/build_lexicon.py from nlp-id's root-word list (MIT, kumparan): Indonesian root words of four letters or more, minus words the NER sets use inside person names. Regenerate, do not edit.",
        "MIT License, Copyright (c) 2025 kumparan.com (nlp-id); derived word list, distributed under the same MIT permission notice",
        "roots",
        roots(a.shared),
    )
    words = build(a.shared, a.min_count)
    write_resource(
        a.out,
        "Derived by training/build_lexicon.py from idner-news-2k and NERGRIT (MIT) and NER-UI (CC BY 4.0, Koto et al. 2020, IndoLEM): words written in lower case in running text. Regenerate, do not edit.",
        "CC BY 4.0 (derived from NER-UI, CC BY 4.0, with MIT-licensed idner-news-2k and NERGRIT; attribution: Koto et al. 2020; Khairunnisa et al. 2020; Wilie et al. 2020)",
        "words",
        words,
    )


if __name__ == "__main__":
    main()
