"""Small Indonesian word vectors for the stanza NER, built locally with gensim word2vec.

Stanza's NER needs a "pretrain" file (``pretrain.pt``: vocabulary + embedding matrix). No
Indonesian one can be downloaded here, so we train word2vec (skip-gram, seed 42, one worker)
on lower-cased tokens (stanza's NER looks words up lower-cased) of

* the NER training sentences (never dev/test), and
* optionally the texts of ``corpus/indosum.jsonl``, tokenized with quoteattr's NewsTokenizer,

then write the text word2vec format and convert it with ``stanza.models.common.pretrain``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path


def indosum_sentences(path: Path, limit: int | None = None) -> Iterator[list[str]]:
    from quoteattr.tokenizer import blank

    nlp = blank()
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if limit is not None and n >= limit:
                break
            text = json.loads(line).get("text") or ""
            for para in text.split("\n"):
                words = [t.text.lower() for t in nlp.tokenizer(para) if not t.is_space]
                if words:
                    yield words


def train_vectors(
    sentences: Iterable[list[str]],
    vec_txt: Path,
    pretrain_pt: Path,
    dim: int = 100,
    min_count: int = 2,
    max_vocab: int | None = None,
    epochs: int = 5,
) -> dict[str, int]:
    """word2vec → ``vec_txt`` (text format) → ``pretrain_pt`` (stanza). Returns sizes."""
    from gensim.models import Word2Vec
    from stanza.models.common.pretrain import Pretrain

    sents = [list(s) for s in sentences]
    model = Word2Vec(
        sentences=sents,
        vector_size=dim,
        window=5,
        min_count=min_count,
        max_final_vocab=max_vocab,
        sg=1,
        workers=1,
        seed=42,
        epochs=epochs,
    )
    vec_txt.parent.mkdir(parents=True, exist_ok=True)
    model.wv.save_word2vec_format(str(vec_txt), binary=False)
    if pretrain_pt.exists():
        pretrain_pt.unlink()
    pt = Pretrain(str(pretrain_pt), str(vec_txt))
    pt.load()
    return {"sentences": len(sents), "vocab": len(model.wv), "dim": dim}
