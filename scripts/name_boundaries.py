"""Measure where the speaker rules put the boundary between a title and a person's name.

Journalists write a title, its organization and the name as one run of capitalized words
(*CEO Tokopedia William Tanuwijaya*, *Kepala Dinkes Sidoarjo Syaf Satriawarman*). This
script takes every person name in held-out NER sentences that follows a title word,
builds the phrase from the title to the end of the name, puts it after a cue
(``“Kami siap,” kata <phrase>.``) and checks that the pipeline reads exactly the tagged
name (ranks and honorifics removed). It reports the share right, overall and for the
harder case where an organization or place entity runs straight into the name.

The sentences are the test and dev splits of idner-news-2k and the first test fold of
NER-UI (none of them is read by training/build_names.py). Needs ../shared.

usage: python scripts/name_boundaries.py [--shared ../shared] [--show 20] [--no-learned-names]
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

import quoteattr
from quoteattr.lexicon import speaker_lexicon
from quoteattr.speakers import clean_name
from training.convert_ner import read_conll


def held_out(shared: Path) -> list[Path]:
    ner = shared / "data" / "ner"
    return [
        ner / "idner-news-2k" / "dev.txt",
        ner / "idner-news-2k" / "test.txt",
        ner / "indolem-nerui-nerugm" / "data" / "nerui" / "test.01.tsv",
    ]


def _kind(tag: str) -> str:
    t = tag.split("-")[-1].upper()
    return {"PERSON": "PER", "PER": "PER", "ORG": "ORG", "ORGANIZATION": "ORG", "LOC": "LOC", "LOCATION": "LOC"}.get(t, "O")


def cases(paths: list[Path]) -> Iterator[tuple[str, str, bool]]:
    """(phrase, gold name, an ORG/LOC entity runs into the name) for each titled name."""
    lex = speaker_lexicon()
    for path in paths:
        for words, tags in read_conll(path):
            kinds = [_kind(t) for t in tags]
            i = 0
            while i < len(words):
                if kinds[i] != "PER" or (i > 0 and kinds[i - 1] == "PER" and not tags[i].startswith("B")):
                    i += 1
                    continue
                end = i
                while end + 1 < len(words) and kinds[end + 1] == "PER" and not tags[end + 1].startswith("B"):
                    end += 1
                # walk back over the title: capitalized words and lower-case role words
                s = i
                while s > 0 and (words[s - 1][:1].isupper() or words[s - 1].lower() in lex.role_words_lower) and kinds[s - 1] != "PER":
                    s -= 1
                while s < i and not words[s][:1].isupper():
                    s += 1  # "dan Presiden …": the phrase starts at the title
                title = words[s:i]
                if title and any(w.lower() in lex.role_heads for w in title) and all(w.isalpha() or w in "-()." for w in words[i : end + 1]):
                    glued = kinds[i - 1] in ("ORG", "LOC")
                    gold = clean_name(" ".join(words[i : end + 1])) or ""
                    yield " ".join(words[s : end + 1]), gold, glued
                i = end + 1


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--model", default=None)
    ap.add_argument("--show", type=int, default=0, help="list this many wrong readings")
    ap.add_argument("--learned-names", action=argparse.BooleanOptionalAction, default=True, help="the learned name boundary (off: the rules' split)")
    a = ap.parse_args()
    nlp = quoteattr.load(a.model)
    nlp.get_pipe("quoteattr_attributor").learned_names = a.learned_names
    right = {True: 0, False: 0}
    total = {True: 0, False: 0}
    wrong: list[tuple[str, str, str | None]] = []
    for phrase, gold, glued in cases(held_out(a.shared)):
        quotes = quoteattr.extract(f"“Kami siap,” kata {phrase}.", nlp)
        got = quotes[0].speaker_name if quotes else None
        total[glued] += 1
        if (got or "").casefold() == gold.casefold():
            right[glued] += 1
        else:
            wrong.append((phrase, gold, got))
    n = total[True] + total[False]
    print(f"titled names                      {n}")
    print(f"name read exactly                 {(right[True] + right[False]) / max(n, 1):.3f}")
    print(f"  organization/place runs into it {right[True] / max(total[True], 1):.3f}  ({right[True]}/{total[True]})")
    print(f"  title word(s) only before it    {right[False] / max(total[False], 1):.3f}  ({right[False]}/{total[False]})")
    for phrase, gold, got in wrong[: a.show]:
        print(f"  {phrase!r}: gold {gold!r}, read {got!r}")


if __name__ == "__main__":
    main()
