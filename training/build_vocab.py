"""Derive ``quoteattr/resources/vocabulary.json`` from IndoSum (CC BY-SA 4.0).

The glue repair (:mod:`quoteattr.repair`) splits a word a scraper glued to its neighbour
(*GubernurRidwan*, *KPKmenjerat*, *Firmansyahingin*) only where both parts read as words
or names. This script counts the word forms of the IndoSum articles and writes:

- ``lower``: words seen in lower case at least twice (*dengan*, *menjerat*);
- ``frequent_lower``: those seen at least 20 times, the only ones a dictionary
  segmentation may split off the end of an unknown capitalized word (*ingin*, *apabila*);
- ``capitalized``: capitalized words seen at least twice (*Gubernur*, *Putin*, *Selayar*);
- ``acronyms``: all-capital words of 2–6 letters seen at least five times (*DPR*, *RI*, *KPK*);
- ``name_endings``: frequent lower-case words that end three or more capitalized words
  never written in lower case, at least one for every 20 uses of the word
  (*awan*: *Setiawan*, *Kurniawan*), never split off a name;
- ``camel_whole``: mixed-case words the case rules would split but IndoSum writes whole at
  least twice and at least as often as spaced (*YouTube*, *PlayStation*, *NasDem*,
  *McGregor*): real names and brands;
- ``brand_parts``: capitalized parts of two or more of those (and of ``camel_names.json``;
  three for an Indonesian word): *Grab*, *Buka*, *Pay*; a glued word with one is a brand too.

usage: python -m training.build_vocab --shared ../shared
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

import regex

from training.resources import write_resources

OUT = Path(__file__).resolve().parents[1] / "quoteattr" / "resources" / "vocabulary.json"
_WORD = regex.compile(r"[\p{L}\p{N}]+")


def counts(corpus: Path) -> tuple[Counter[str], Counter[str]]:
    """Word-form counts and counts of adjacent word pairs (joined by one space)."""
    words: Counter[str] = Counter()
    pairs: Counter[str] = Counter()
    with corpus.open(encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line)["text"]
            for chunk in text.split():
                ws = _WORD.findall(chunk)
                words.update(ws)
            toks = regex.findall(r"[\p{L}\p{N}]+|[^\s\p{L}\p{N}]", text)
            for a, b in zip(toks, toks[1:]):
                pairs[a + " " + b] += 1
    return words, pairs


def build(corpus: Path) -> dict[str, list[str]]:
    """The word lists (``camel_whole`` needs the others in place: see :func:`main`)."""
    words, pairs = counts(corpus)
    lower = sorted(w for w, n in words.items() if n >= 2 and w.isalpha() and w.islower() and len(w) >= 2)
    frequent = sorted(w for w, n in words.items() if n >= 20 and w.isalpha() and w.islower() and len(w) >= 3)
    caps = sorted(w for w, n in words.items() if n >= 2 and w.isalpha() and len(w) >= 2 and w[0].isupper() and w[1:].islower())
    endings: Counter[str] = Counter()
    frequent_set, lower_set = set(frequent), set(lower)
    for w in caps:
        if w.lower() in lower_set:
            continue  # a common word opening a sentence, not a name
        lw = w.lower()
        for k in range(3, len(lw) - 2):
            if lw[k:] in frequent_set:
                endings[lw[k:]] += 1
    # a word that ends names often compared with its own use (jaya, awan; not ingin)
    name_endings = sorted(t for t, n in endings.items() if n >= 3 and n * 20 >= words[t])

    # acronyms written on their own often (DPR, RI, KPK): two of them glued by a scraper
    # (DPRRI) are split when the glued form itself is rare
    acronyms = sorted(w for w, n in words.items() if n >= 5 and w.isalpha() and w.isupper() and 2 <= len(w) <= 6)
    return {"lower": lower, "frequent_lower": frequent, "capitalized": caps, "name_endings": name_endings, "acronyms": acronyms}


def camel_whole(corpus: Path) -> list[str]:
    """Mixed-case words the case rules (with the word lists in place) would split but IndoSum
    writes whole at least twice and at least as often as spaced."""
    from quoteattr import repair

    words, pairs = counts(corpus)
    whole = []
    for w, n in words.items():
        if n < 2 or w.islower() or w.isupper() or (w[0].isupper() and w[1:].islower()):
            continue
        cuts = repair.case_splits(w, keep=frozenset())
        if not cuts:
            continue
        bounds = (0, *cuts, len(w))
        spaced = " ".join(w[a:b] for a, b in zip(bounds, bounds[1:]))
        if n >= pairs.get(spaced, 0) and n >= words.get(spaced, 0):
            whole.append(w)
    return sorted(whole)


def brand_parts(whole: list[str]) -> list[str]:
    """Capitalized parts that open or close two or more different whole mixed-case words
    (*Grab*-Pay/-Car, *Buka*-Mobil/-Reksa, -*Pay*): a word glued from one is a brand."""
    from quoteattr import repair

    seen: dict[str, set[str]] = {}
    for w in whole:
        for a, b in repair._title_pairs(w):
            seen.setdefault(a, set()).add(w)
            seen.setdefault(b, set()).add(w)
    # an Indonesian word (Mobil, Pajak, Air) counts only when three brands share it
    return sorted(p for p, ws in seen.items() if len(ws) >= (3 if repair._indonesian(p) else 2))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    a = ap.parse_args()
    corpus = a.shared / "corpus" / "indosum.jsonl"
    lists: dict[str, list[str]] = build(corpus)
    write(lists)
    from quoteattr import repair
    from quoteattr.resources import load_json

    load_json.cache_clear()
    repair._vocab.cache_clear()
    lists["camel_whole"] = camel_whole(corpus)
    lists["brand_parts"] = brand_parts(lists["camel_whole"] + load_json("camel_names.json")["keep"])
    write(lists)


def write(lists: dict[str, list[str]]) -> None:
    write_resources(
        OUT,
        "Derived by training/build_vocab.py from the IndoSum articles (Kurniawan & Louvan 2018, CC BY-SA 4.0): "
        "word forms the glue repair (quoteattr/repair.py) accepts as the parts of a glued word, and mixed-case "
        "words it keeps whole. Regenerate, do not edit; hand-kept exceptions are in camel_names.json.",
        "CC BY-SA 4.0 (derived from IndoSum, Kurniawan & Louvan 2018)",
        lists,
    )


if __name__ == "__main__":
    main()
