"""Mine candidate title and occupation words for ``role_heads`` in ``resources/speakers.json``.

Source: the gold roles of the quotes-id ``train`` split (never ``dev``, ``test`` or
``../shared/eval``). Each distinct (speaker, role) pair counts once; the role's first word
(after a modifier such as *mantan*, *wakil*, *Plt*) is a candidate when the lexicon knows it
neither as a title, a role word nor a description head.

Candidates are printed with their counts and an example; a person checks each before it
becomes an entry: a word that is also a given name or a common noun in other uses (*bintang*,
*model*, *juara*, *agen*) stays out, because a title word changes how every phrase around a
name is read::

    python scripts/mine_role_heads.py --train data/quotes-id/train.jsonl --min 2
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from quoteattr.lexicon import default_lexicon

#: words that open a role before its head (*mantan Kapolri*, *Plt Kepala Dinas*)
_MODIFIERS = frozenset({"mantan", "eks", "wakil", "plt", "plh", "pj", "calon", "bekas", "sang", "seorang", "salah"})


def candidates(train: Path, minimum: int) -> list[tuple[str, int, str]]:
    """(word, distinct speaker-role pairs, an example role), most frequent first."""
    lex = default_lexicon()
    counts: Counter[str] = Counter()
    example: dict[str, str] = {}
    with train.open(encoding="utf-8") as fh:
        for line in fh:
            seen: set[tuple[str | None, str]] = set()
            for q in json.loads(line)["quotes"]:
                role = q.get("role")
                if not role or (q.get("speaker_name"), role) in seen:
                    continue
                seen.add((q.get("speaker_name"), role))
                words = [w.strip(",.").lower() for w in role.split()]
                head = words[1] if words[0] in _MODIFIERS and len(words) > 1 else words[0]
                if head in lex.role_heads or lex.is_role_word(head) or head in lex.descriptors:
                    continue
                counts[head] += 1
                example.setdefault(head, role)
    return [(w, n, example[w]) for w, n in counts.most_common() if n >= minimum]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--train", type=Path, default=Path("data/quotes-id/train.jsonl"))
    ap.add_argument("--min", type=int, default=2)
    a = ap.parse_args()
    for word, n, role in candidates(a.train, a.min):
        print(f"{n}\t{word}\t{role}")


if __name__ == "__main__":
    main()
