"""Quote propagation at scale: quoteattr.propagation over a million synthetic quotes.

usage: python benchmarks/bench_propagation.py [--n 1000000] [--seed 0]

The quotes are made up from a 5,000-word pseudo-Indonesian vocabulary (Zipf-distributed
word frequencies, 6-30 words each). 70% are original statements; 30% repeat an earlier one
in another article (another outlet 80% of the time, 0-10 days later), half of them verbatim
with other case and punctuation, a third with one word replaced, the rest with one word
dropped. Prints the time of ``propagation()`` and how many planted repeats it found.
"""

from __future__ import annotations

import argparse
import time

import numpy as np
import pandas as pd

import quoteattr
from quoteattr.propagation import quote_groups

OUTLETS = ["Antara", "Kompas", "Tempo", "Detik", "Kumparan", "CNN Indonesia", "Merdeka.com", "Suara.com", "Okezone", "Liputan6"]


def vocabulary(rng: np.random.Generator, n: int = 5000) -> np.ndarray:
    syllables = [c + v for c in "bcdghjklmnprstw" for v in "aiueo"] + ["nya", "ng", "ka", "an", "ter", "ber", "me", "pe"]
    words = set()
    while len(words) < n:
        words.add("".join(rng.choice(syllables, size=rng.integers(2, 5))))
    return np.array(sorted(words))


def synthetic(n: int, seed: int) -> tuple[pd.DataFrame, np.ndarray, np.ndarray]:
    """Quotes table, and for each planted repeat (row, original row, edit kind)."""
    rng = np.random.default_rng(seed)
    vocab = vocabulary(rng)
    weights = 1 / np.arange(1, len(vocab) + 1) ** 0.9
    weights /= weights.sum()
    n_orig = int(n * 0.7)
    lengths = rng.integers(6, 31, size=n_orig)
    flat = rng.choice(len(vocab), size=int(lengths.sum()), p=weights)
    cuts = np.cumsum(lengths)[:-1]
    originals = [" ".join(vocab[w]) for w in np.split(flat, cuts)]
    orig_words = [s.split(" ") for s in originals]
    n_rep = n - n_orig
    src = np.minimum((rng.pareto(1.2, size=n_rep) * 50).astype(np.int64), n_orig - 1)  # popular statements travel more
    src = rng.permutation(n_orig)[src]
    kind = rng.choice(3, size=n_rep, p=[0.5, 0.3, 0.2])  # 0 verbatim, 1 a word replaced, 2 a word dropped
    repeats = []
    for s, k in zip(src.tolist(), kind.tolist()):
        words = list(orig_words[s])
        j = int(rng.integers(len(words)))
        if k == 1:
            words[j] = str(vocab[rng.integers(len(vocab))])
        elif k == 2:
            del words[j]
        text = " ".join(words)
        repeats.append(text.capitalize() + "." if k == 0 else text)
    quotes = originals + repeats
    day0 = np.datetime64("2024-01-01")
    orig_dates = day0 + rng.integers(0, 365, size=n_orig).astype("timedelta64[D]")
    orig_outlet = rng.integers(len(OUTLETS), size=n_orig)
    same = rng.random(n_rep) < 0.2
    rep_outlet = np.where(same, orig_outlet[src], (orig_outlet[src] + rng.integers(1, len(OUTLETS), size=n_rep)) % len(OUTLETS))
    rep_dates = orig_dates[src] + rng.integers(0, 11, size=n_rep).astype("timedelta64[D]")
    df = pd.DataFrame(
        {
            "article_id": [f"a{i // 4}" for i in range(n_orig)] + [f"r{i}" for i in range(n_rep)],
            "quote_index": np.concatenate([np.arange(n_orig) % 4, np.zeros(n_rep, dtype=np.int64)]),
            "quote": quotes,
            "outlet": [OUTLETS[i] for i in np.concatenate([orig_outlet, rep_outlet])],
            "date": np.concatenate([orig_dates, rep_dates]).astype(str),
        }
    )
    return df, np.arange(n_orig, n), np.stack([src, kind], axis=1)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args()
    t = time.perf_counter()
    df, rep_rows, planted = synthetic(a.n, a.seed)
    made = time.perf_counter() - t
    t = time.perf_counter()
    table = quoteattr.propagation(df)
    took = time.perf_counter() - t
    groups = quote_groups(df)  # the same grouping, to score the planted repeats
    found = groups.iloc[rep_rows].to_numpy() == groups.iloc[planted[:, 0]].to_numpy()
    by_kind = ", ".join(f"{name} {found[planted[:, 1] == k].mean():.3f}" for k, name in enumerate(("verbatim", "word replaced", "word dropped")))
    print(f"{len(df):,} synthetic quotes (made in {made:.1f} s): propagation() {took:.1f} s, {len(table):,} groups in 2+ articles, "
          f"{int((table['n_outlets'] > 1).sum()):,} across outlets; planted repeats found: {found.mean():.3f} ({by_kind})")


if __name__ == "__main__":
    main()
