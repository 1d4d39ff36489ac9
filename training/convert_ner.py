"""Convert the news NER sets in ``../shared/data/ner`` to spaCy ``.spacy`` corpora.

Sources (all pre-tokenized CoNLL, one token a line, blank line between sentences):

* ``idner-news-2k/{train,dev,test}.txt`` -- ``TOKEN POS TAG`` (CRLF), tags PER/ORG/LOC.
* ``indolem-nerui-nerugm/data/nerui/{train,dev,test}.0K.tsv`` -- NER-UI, ``TOKEN\\tTAG``,
  tags PERSON/ORGANIZATION/LOCATION.  Fold ``K`` (default 1) is used.
* ``nergrit/{train,valid}_preprocess.txt`` -- NERGRIT (IndoNLU), ``TOKEN\\tTAG``, tags
  PERSON/ORGANISATION/PLACE.  Optional extra training data.

NER-UGM is *not* used: idner-news-2k re-annotates its sentences, and we keep only that
annotation.  Labels are mapped to PER/ORG/LOC (see ``LABEL_MAPS``); anything else (NER-UGM's
TIME/QUANTITY, should it ever be added) becomes ``O``.  Stray ``I-`` tags that do not continue
an entity of the same label are turned into ``B-``.

Sentences are deduplicated across *all* sets on their lower-cased token sequence before the
corpora are written, with the evaluation splits taking priority (see ``PRIORITY``): a sentence
in the idner-news-2k test or dev split (or the NER-UI held-out fold) never appears in any
training corpus, in any annotation.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Iterable, Iterator

from spacy.tokens import Doc, DocBin
from spacy.vocab import Vocab

Sentence = tuple[list[str], list[str]]

LABEL_MAPS: dict[str, dict[str, str]] = {
    "idner": {"PER": "PER", "ORG": "ORG", "LOC": "LOC"},
    "nerui": {"PERSON": "PER", "ORGANIZATION": "ORG", "LOCATION": "LOC"},
    "nergrit": {"PERSON": "PER", "ORGANISATION": "ORG", "PLACE": "LOC"},
}

#: Splits in the order in which they claim a sentence (earlier wins).
PRIORITY = [
    "idner_test",
    "idner_dev",
    "nerui_test",
    "nerui_dev",
    "idner_train",
    "nerui_train",
    "nergrit",
]

#: Output corpora: name -> splits it is made of.
CORPORA = {
    "train": ["idner_train", "nerui_train"],
    "train_plus": ["idner_train", "nerui_train", "nergrit"],
    "dev": ["idner_dev", "nerui_dev"],
    "idner_test": ["idner_test"],
    "nerui_test": ["nerui_test"],
}

_PUNCT_NO_SPACE_BEFORE = set(",.;:!?)]}%")
_PUNCT_NO_SPACE_AFTER = set("([{")


def read_conll(path: Path) -> Iterator[Sentence]:
    """Yield (words, tags) from a CoNLL-style file: first column word, last column tag."""
    words: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8") as fh:
        for raw in fh:
            line = raw.rstrip("\r\n")
            if not line.strip():
                if words:
                    yield words, tags
                words, tags = [], []
                continue
            cols = line.split("\t") if "\t" in line else line.split(" ")
            cols = [c for c in cols if c != ""]
            if len(cols) < 2:
                word, tag = cols[0].strip(), "O"
            else:
                word, tag = cols[0].strip(), cols[-1].strip()
            if not word:
                continue
            words.append(word)
            tags.append(tag)
    if words:
        yield words, tags


def map_tags(tags: list[str], mapping: dict[str, str]) -> list[str]:
    """Map label names to PER/ORG/LOC (others to O) and repair invalid IOB."""
    out: list[str] = []
    prev = "O"
    for tag in tags:
        if tag == "O" or "-" not in tag:
            new = "O"
        else:
            prefix, label = tag.split("-", 1)
            mapped = mapping.get(label)
            if mapped is None or prefix not in ("B", "I"):
                new = "O"
            elif prefix == "I" and prev[2:] != mapped:
                new = "B-" + mapped
            else:
                new = f"{prefix}-{mapped}"
        out.append(new)
        prev = new
    return out


def spaces_for(words: list[str]) -> list[bool]:
    """Plausible whitespace for detokenized text (only matters for ``doc.text``)."""
    spaces = []
    for i, word in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else None
        if nxt is None:
            spaces.append(False)
        elif nxt in _PUNCT_NO_SPACE_BEFORE or word in _PUNCT_NO_SPACE_AFTER:
            spaces.append(False)
        else:
            spaces.append(True)
    return spaces


def key(words: list[str]) -> str:
    return " ".join(w.lower() for w in words)


def source_files(ner_dir: Path, fold: int = 1) -> dict[str, list[tuple[Path, str]]]:
    """Split name -> [(file, label-map name)]."""
    idner = ner_dir / "idner-news-2k"
    nerui = ner_dir / "indolem-nerui-nerugm" / "data" / "nerui"
    nergrit = ner_dir / "nergrit"
    return {
        "idner_test": [(idner / "test.txt", "idner")],
        "idner_dev": [(idner / "dev.txt", "idner")],
        "idner_train": [(idner / "train.txt", "idner")],
        "nerui_test": [(nerui / f"test.{fold:02d}.tsv", "nerui")],
        "nerui_dev": [(nerui / f"dev.{fold:02d}.tsv", "nerui")],
        "nerui_train": [(nerui / f"train.{fold:02d}.tsv", "nerui")],
        "nergrit": [
            (nergrit / "train_preprocess.txt", "nergrit"),
            (nergrit / "valid_preprocess.txt", "nergrit"),
        ],
    }


def load_splits(files: dict[str, list[tuple[Path, str]]]) -> tuple[dict[str, list[Sentence]], dict]:
    """Read, map and deduplicate all splits; returns (splits, stats)."""
    seen: dict[str, str] = {}
    splits: dict[str, list[Sentence]] = {}
    stats: dict[str, dict[str, int]] = {}
    for name in PRIORITY:
        kept: list[Sentence] = []
        st = {"read": 0, "kept": 0, "dup_within": 0, "dup_other": 0}
        for path, mapname in files.get(name, []):
            if not path.exists():
                continue
            for words, tags in read_conll(path):
                st["read"] += 1
                k = key(words)
                if k in seen:
                    st["dup_within" if seen[k] == name else "dup_other"] += 1
                    continue
                seen[k] = name
                kept.append((words, map_tags(tags, LABEL_MAPS[mapname])))
        st["kept"] = len(kept)
        splits[name] = kept
        stats[name] = st
    return splits, stats


def to_docs(sentences: Iterable[Sentence], vocab: Vocab) -> Iterator[Doc]:
    for words, tags in sentences:
        yield Doc(vocab, words=words, spaces=spaces_for(words), ents=tags)


def write_corpora(splits: dict[str, list[Sentence]], out_dir: Path) -> dict[str, int]:
    out_dir.mkdir(parents=True, exist_ok=True)
    vocab = Vocab()
    counts = {}
    for corpus, parts in CORPORA.items():
        db = DocBin(store_user_data=False)
        n = 0
        for part in parts:
            for doc in to_docs(splits.get(part, []), vocab):
                db.add(doc)
                n += 1
        db.to_disk(out_dir / f"{corpus}.spacy")
        counts[corpus] = n
    return counts


def convert(ner_dir: Path, out_dir: Path, fold: int = 1) -> dict:
    """Convert everything under ``ner_dir`` into ``out_dir/*.spacy``; returns stats."""
    splits, stats = load_splits(source_files(ner_dir, fold))
    counts = write_corpora(splits, out_dir)
    info = {"fold": fold, "splits": stats, "corpora": counts}
    (out_dir / "stats.json").write_text(json.dumps(info, indent=2))
    return info


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ner-dir", type=Path, default=Path("../shared/data/ner"))
    ap.add_argument("--out", type=Path, default=Path("runs/ner_corpus"))
    ap.add_argument("--fold", type=int, default=1)
    args = ap.parse_args(argv)
    print(json.dumps(convert(args.ner_dir, args.out, args.fold), indent=2))


if __name__ == "__main__":
    main()
