"""The shipped NER pipeline ``models/id_news`` (see models/README.md)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

spacy = pytest.importorskip("spacy")

import quoteattr.tokenizer  # noqa: E402,F401  (registers quoteattr.NewsTokenizer.v1)

MODEL = ROOT / "models" / "id_news"
SHARED = Path(__file__).parents[1].parent / "shared"
IDNER_TEST = SHARED / "data" / "ner" / "idner-news-2k" / "test.txt"

pytestmark = pytest.mark.skipif(not (MODEL / "meta.json").exists(), reason="models/id_news not built")

# Hand-written sentences (not from any corpus) and a person each must contain.
SENTENCES = [
    ("Menteri Luar Negeri Retno Marsudi bertemu dengan Menlu Jepang di Jakarta, Senin (3/4).", "Retno Marsudi"),
    ("\"Kami akan terus mengawal kasus ini,\" kata Kapolri Listyo Sigit Prabowo kepada wartawan.", "Listyo Sigit Prabowo"),
    ("Gubernur Jawa Barat Ridwan Kamil meninjau lokasi banjir di Bekasi pada Selasa pagi.", "Ridwan Kamil"),
    ("Menurut Sri Mulyani, pertumbuhan ekonomi tahun depan diperkirakan mencapai lima persen.", "Sri Mulyani"),
    ("Presiden Joko Widodo meresmikan jalan tol baru di Sumatera Utara.", "Joko Widodo"),
]


@pytest.fixture(scope="module")
def nlp():
    return spacy.load(MODEL)


def test_load_time_is_reasonable() -> None:
    spacy.load(MODEL)  # warm file cache and imports
    start = time.perf_counter()
    spacy.load(MODEL)
    assert time.perf_counter() - start < 2.0


def test_meta(nlp) -> None:
    assert nlp.lang == "id"
    assert nlp.pipe_names == ["tok2vec", "ner"]
    assert set(nlp.get_pipe("ner").labels) == {"PER", "ORG", "LOC"}
    assert nlp.meta["sources"] and nlp.meta["license"]
    assert type(nlp.tokenizer).__name__ == "NewsTokenizer"


@pytest.mark.parametrize("text,person", SENTENCES)
def test_finds_person(nlp, text: str, person: str) -> None:
    doc = nlp(text)
    pers = [ent.text for ent in doc.ents if ent.label_ == "PER"]
    assert any(person in p or p in person for p in pers), (pers, [(e.text, e.label_) for e in doc.ents])


def test_finds_location(nlp) -> None:
    doc = nlp("Menteri Luar Negeri Retno Marsudi bertemu dengan Menlu Jepang di Jakarta, Senin (3/4).")
    assert "Jakarta" in [ent.text for ent in doc.ents if ent.label_ == "LOC"]


@pytest.mark.skipif(not IDNER_TEST.exists(), reason="../shared/data/ner (idner-news-2k test) not available")
def test_idner_test_f_score(nlp) -> None:
    from spacy.tokens import Doc
    from spacy.training import Example

    from training.convert_ner import LABEL_MAPS, map_tags, read_conll

    examples = []
    for i, (words, tags) in enumerate(read_conll(IDNER_TEST)):
        if i >= 300:
            break
        ref = Doc(nlp.vocab, words=words, ents=map_tags(tags, LABEL_MAPS["idner"]))
        examples.append(Example(Doc(nlp.vocab, words=words), ref))
    scores = nlp.evaluate(examples)
    assert scores["ents_f"] >= 0.80, scores["ents_per_type"]


def test_the_shipped_model_loads_with_spacy_alone():
    """The tokenizer is found through the spacy_tokenizers entry point: no import of quoteattr first."""
    import subprocess
    import sys

    from quoteattr.loading import shipped_model_path

    code = f"import spacy; nlp = spacy.load({str(shipped_model_path())!r}); print(nlp.pipe_names, len(nlp('Kata Budi, harga naik.')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-500:]
    assert "ner" in out.stdout
