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

For words in neither list (*Tokopedia*, *Syaf*), ``name_ngrams.json`` holds the log-odds
of each character 2-, 3- and 4-gram (with word boundaries) between the word types of
person names and those of organization and place names in the same sets: the mean over a
word's n-grams says how much it looks like part of a person's name
(:func:`quoteattr.mentions.name_likeness`).

A third list, ``given_names.json``, comes from this project's own annotations: the first word
of every person the quotes-id ``train`` split names as a speaker with two words or more
(*Valentino* Rossi, *Febri* Diansyah, *Sebastian* Vettel), unless the NER sets see it more
often outside a person's name than inside, or the speaker lexicon lists it as a title,
organization, place, honorific, function or common word. The NER sets are Indonesian-centred:
they hold few of the foreign given names the news quotes. The ``dev`` and ``test`` splits are
not read.

usage: python -m training.build_names --shared ../shared
"""

from __future__ import annotations

import argparse
import json
import math
from collections import Counter
from pathlib import Path

from quoteattr.mentions import char_grams as grams
from training.convert_ner import read_conll
from training.resources import CORPUS_LICENCE, write_resources

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "quoteattr" / "resources" / "name_words.json"
NGRAMS_OUT = OUT.with_name("name_ngrams.json")
GIVEN_OUT = OUT.with_name("given_names.json")


def files(shared: Path) -> list[Path]:
    """The training splits read (the same as training/build_lexicon.py: no test data)."""
    ner = shared / "data" / "ner"
    out = [ner / "idner-news-2k" / "train.txt", ner / "nergrit" / "train_preprocess.txt", ner / "nergrit" / "valid_preprocess.txt"]
    return out + sorted((ner / "indolem-nerui-nerugm" / "data" / "nerui").glob("train.*.tsv"))[:1]


def entity_types(paths: list[Path]) -> tuple[Counter[str], Counter[str]]:
    """(inside a person name, inside an organization or place name) per capitalized word."""
    person: Counter[str] = Counter()
    other: Counter[str] = Counter()
    for f in paths:
        for words, tags in read_conll(f):
            for w, t in zip(words, tags):
                if not w[:1].isupper() or not w.isalpha() or len(w) < 2 or t == "O":
                    continue
                (person if t.endswith("PER") or t.endswith("PERSON") else other)[w] += 1
    return person, other


def ngram_weights(person: Counter[str], other: Counter[str], min_types: int = 3, min_weight: float = 0.2) -> dict[str, float]:
    """Log-odds (add-0.5 smoothing) of each n-gram between person-name and other-entity word
    types; n-grams seen in fewer than ``min_types`` types or weighing less are left out."""
    p_types = [w for w in person if person[w] > other[w]]
    o_types = [w for w in other if other[w] >= person[w]]
    pc: Counter[str] = Counter(g for w in p_types for g in grams(w))
    oc: Counter[str] = Counter(g for w in o_types for g in grams(w))
    vocab = set(pc) | set(oc)
    tp, to = sum(pc.values()) + 0.5 * len(vocab), sum(oc.values()) + 0.5 * len(vocab)
    out: dict[str, float] = {}
    for g in sorted(vocab):
        if pc[g] + oc[g] < min_types:
            continue
        weight = math.log((pc[g] + 0.5) / tp) - math.log((oc[g] + 0.5) / to)
        if abs(weight) >= min_weight:
            out[g] = round(weight, 2)
    return out


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


def given_names(train: Path, person: Counter[str], other: Counter[str]) -> list[str]:
    """The first words of the persons the quotes-id ``train`` split names as speakers (two words
    or more), capitalized and alphabetic, that the NER sets (``person``, ``other`` counts) do not
    see more often outside a person's name, and that no speaker word list holds."""
    from quoteattr.lexicon import build_lexicon
    from quoteattr.resources import load_json

    # the speaker lexicon's lists, whatever given names are installed (none when first built)
    lex = build_lexicon(lambda name: {"names": []} if name == GIVEN_OUT.name else load_json(name))
    listed = lex.role_heads | lex.org_words | lex.stop_words | lex.common_words | lex.honorifics | lex.places | lex.place_words
    found: set[str] = set()
    with train.open(encoding="utf-8") as fh:
        for line in fh:
            for q in json.loads(line)["quotes"]:
                name = q.get("speaker_name") or ""
                if q.get("speaker_type") == "person" and len(name.split()) >= 2:
                    found.add(name.split()[0])
    return sorted(
        w for w in found
        if w.isalpha() and len(w) >= 2 and w[0].isupper() and not w.isupper() and other[w] <= person[w] and w.lower() not in listed
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--ratio", type=float, default=0.85)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--ngrams-out", type=Path, default=NGRAMS_OUT)
    ap.add_argument("--train", type=Path, default=ROOT / "data" / "quotes-id" / "train.jsonl", help="the quotes-id train split (given names of its speakers)")
    ap.add_argument("--given-out", type=Path, default=GIVEN_OUT)
    a = ap.parse_args()
    persons, others = build(a.shared, a.min_count, a.ratio)
    licence = "CC BY 4.0 (derived from NER-UI, CC BY 4.0, with MIT-licensed idner-news-2k and NERGRIT; attribution: Koto et al. 2020; Khairunnisa et al. 2020; Wilie et al. 2020)"
    write_resources(
        a.ngrams_out,
        "Derived by training/build_names.py from idner-news-2k and NERGRIT (MIT) and NER-UI (CC BY 4.0): log-odds of character n-grams between words of person names and words of organization or place names. Regenerate, do not edit.",
        licence,
        {"weights": ngram_weights(*entity_types(files(a.shared)))},  # type: ignore[dict-item]
    )
    write_resources(
        a.out,
        "Derived by training/build_names.py from idner-news-2k and NERGRIT (MIT) and NER-UI (CC BY 4.0, Koto et al. 2020, IndoLEM): capitalized words almost always inside (person) or outside (nonperson) a person name. Regenerate, do not edit.",
        licence,
        {"person": persons, "nonperson": others},
    )
    write_resources(
        a.given_out,
        "Derived by training/build_names.py from the quotes-id train split (this project's annotations of IndoSum articles): the first words of the persons it names as speakers, minus words the NER sets see more often outside a person's name and words the speaker lexicon lists. Read with name_words.json's person list (quoteattr.mentions.person_word). Regenerate, do not edit.",
        CORPUS_LICENCE,
        {"names": given_names(a.train, *counts(files(a.shared)))},
    )


if __name__ == "__main__":
    main()
