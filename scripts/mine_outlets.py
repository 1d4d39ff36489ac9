"""Mine news outlets and media for ``quoteattr/resources/outlets.json`` from the ``via`` field
the annotators filled in the quotes-id ``train`` split (the outlet a quote is credited through:
*seperti dilansir Reuters*, *dikutip dari NME*).

An outlet is kept when it is written as a name (a capital letter, a digit or a web address
first; not *situs resmi klub*, *media sosial*), it is no common word (*pasukan*) and it
is never a speaker in ``train``: an organization that speaks is no document. Content credited to an outlet with no one
speaking is a fact from a source, not a quote (GUIDELINES.md: *Dilansir AFP, ...*)::

    python scripts/mine_outlets.py --train data/quotes-id/train.jsonl --out quoteattr/resources/outlets.json
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

COMMENT = (
    "News outlets and media a quote is credited through, as the annotators wrote them in the `via` "
    "field of the quotes-id train split (scripts/mine_outlets.py), written as names and never a "
    "speaker there. Read with cues.json's via.outlet_hints: a quote credited to one (Menurut The Sun, "
    "...) with no one speaking is a fact from a source, and the outlet after 'seperti dilansir' is the via."
)


#: read by a person: competitions and bodies that speak, not media (*di Liga 1*, *UEFA*), and
#: English words that name a section as often as a medium (*Sport*, *Health*)
NOT_OUTLETS = frozenset({"Liga 1", "UEFA", "Sport", "Health", "Stuff"})


def mine(train: Path, common: frozenset[str] = frozenset()) -> list[str]:
    """The outlets of ``train``'s ``via`` fields that are names and never speakers, sorted."""
    via: Counter[str] = Counter()
    speakers: set[str] = set()
    with train.open(encoding="utf-8") as fh:
        for line in fh:
            for q in json.loads(line)["quotes"]:
                if q.get("via"):
                    via[q["via"].strip()] += 1
                for key in ("speaker", "speaker_name"):
                    if q.get(key):
                        speakers.add(q[key].strip().casefold())
    keep = []
    for outlet in via:
        first = outlet[:1]
        named = first.isupper() or first.isdigit() or ("." in outlet and " " not in outlet)
        if not named or outlet in NOT_OUTLETS or outlet.casefold() in speakers or outlet.lower() in common:
            continue  # not a name, read by a person as no outlet, a speaker, or a common word
        if len(outlet.split()) <= 5 and " dan " not in outlet:
            keep.append(outlet)
    return sorted(keep)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--train", type=Path, default=Path("data/quotes-id/train.jsonl"))
    ap.add_argument("--out", type=Path, default=Path("quoteattr/resources/outlets.json"))
    ap.add_argument("--common", type=Path, default=Path("quoteattr/resources/common_words.json"))
    a = ap.parse_args()
    common = frozenset(json.loads(a.common.read_text(encoding="utf-8"))["words"])
    outlets = mine(a.train, common)
    data = {
        "_comment": COMMENT,
        "licence": "CC BY-SA 4.0: derived from the quotes-id corpus annotations (data/quotes-id/README.md)",
        "outlets": outlets,
    }
    a.out.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(outlets)} outlets -> {a.out}")


if __name__ == "__main__":
    main()
