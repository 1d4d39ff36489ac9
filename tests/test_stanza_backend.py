"""The optional stanza backend, on the real loading and inference path.

Uses the tiny models in ``tests/data/stanza_tiny`` (built by
``python -m training.stanza.build --tiny``): stanza's tokenizer trained on UD Indonesian CSUI
and a tiny stanza NER. Skipped when stanza is not installed (``pip install "quoteattr[stanza]"``).
"""

from __future__ import annotations

import builtins
import sys
from pathlib import Path

import pytest

import quoteattr
from quoteattr.errors import BackendError

TINY = Path(__file__).parent / "data" / "stanza_tiny"

try:
    import stanza  # noqa: F401
    import torch  # noqa: F401

    HAVE_STANZA = True
except ImportError:  # pragma: no cover - depends on the extra
    HAVE_STANZA = False

needs_stanza = pytest.mark.skipif(not HAVE_STANZA, reason='stanza is not installed: pip install "quoteattr[stanza]" to run these tests')

TEXT = (
    "“Kami akan menaikkan anggaran pendidikan tahun depan,” kata Menteri Keuangan Sri Mulyani di Jakarta, Senin.\n\n"
    "Ketua DPR Puan Maharani mengatakan, pihaknya mendukung rencana itu. "
    "“Pendidikan adalah kunci masa depan bangsa,” ujar Puan."
)


@pytest.fixture(scope="module")
def nlp_stanza():
    """Stanza tokenizer only (the default, like the spaCy backend's ``ner=False``)."""
    if not HAVE_STANZA:
        pytest.skip('stanza is not installed: pip install "quoteattr[stanza]"')
    return quoteattr.load(backend="stanza", stanza_dir=TINY)


@pytest.fixture(scope="module")
def nlp_stanza_ner():
    """Stanza tokenizer + the tiny stanza NER."""
    if not HAVE_STANZA:
        pytest.skip('stanza is not installed: pip install "quoteattr[stanza]"')
    return quoteattr.load(backend="stanza", stanza_dir=TINY, ner=True)


def test_missing_dir_says_what_to_put_where(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QUOTEATTR_STANZA_DIR", raising=False)
    if HAVE_STANZA:
        with pytest.raises(BackendError, match="lacks tokenize.pt: it must hold tokenize.pt.*ner.pt.*pretrain.pt"):
            quoteattr.load(backend="stanza", stanza_dir=tmp_path)
        with pytest.raises(BackendError, match="lacks tokenize.pt, ner.pt, pretrain.pt"):
            quoteattr.load(backend="stanza", stanza_dir=tmp_path, ner=True)
        with pytest.raises(BackendError, match="QUOTEATTR_STANZA_DIR"):
            quoteattr.load(backend="stanza")


def test_missing_stanza_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def fake_import(name, *args, **kwargs):
        if name == "stanza" or name.startswith("stanza."):
            raise ImportError("No module named 'stanza'")
        return real_import(name, *args, **kwargs)

    monkeypatch.delitem(sys.modules, "stanza", raising=False)
    monkeypatch.setattr(builtins, "__import__", fake_import)
    with pytest.raises(BackendError, match=r'pip install "quoteattr\[stanza\]"'):
        quoteattr.load(backend="stanza", stanza_dir=TINY)


def test_unknown_backend() -> None:
    with pytest.raises(BackendError, match="unknown backend"):
        quoteattr.load(backend="nltk")


@needs_stanza
def test_tiny_models_are_small() -> None:
    assert sum(p.stat().st_size for p in TINY.iterdir()) < 5_000_000


@needs_stanza
def test_ner_entities(nlp_stanza_ner, nlp_stanza) -> None:
    doc = nlp_stanza_ner(TEXT)
    assert doc.text == TEXT
    assert doc.has_annotation("ENT_IOB")
    assert all(e.label_ in ("PER", "ORG", "LOC") for e in doc.ents)
    assert ("Sri Mulyani", "PER") in [(e.text, e.label_) for e in doc.ents]
    assert [q.quote for q in doc._.quotes] == [q.quote for q in nlp_stanza(TEXT)._.quotes]
    assert not nlp_stanza(TEXT).has_annotation("ENT_IOB")


@needs_stanza
def test_tokenizer_only_needs_tokenize_pt(tmp_path: Path) -> None:
    import shutil

    shutil.copy(TINY / "tokenize.pt", tmp_path / "tokenize.pt")
    nlp = quoteattr.load(backend="stanza", stanza_dir=tmp_path)
    assert [q.speaker_name for q in nlp("“Ya,” kata Budi Santoso.")._.quotes] == ["Budi Santoso"]
    with pytest.raises(BackendError, match="lacks ner.pt, pretrain.pt"):
        quoteattr.load(backend="stanza", stanza_dir=tmp_path, ner=True)


@needs_stanza
def test_doc_offsets_sentences_and_quotes(nlp_stanza) -> None:
    doc = nlp_stanza(TEXT)
    assert doc.text == TEXT
    assert nlp_stanza.meta["quoteattr_backend"] == "stanza"
    # stanza's tokenizer splits the quote marks and the comma off
    words = [t.text for t in doc if not t.is_space]
    assert "“" in words and "”" in words and "Kami" in words
    assert len(list(doc.sents)) >= 3
    quotes = doc._.quotes
    assert [(q.type, q.quote, q.speaker_name) for q in quotes] == [
        ("direct", "Kami akan menaikkan anggaran pendidikan tahun depan", "Sri Mulyani"),
        ("indirect", "pihaknya mendukung rencana itu", "Puan Maharani"),
        ("direct", "Pendidikan adalah kunci masa depan bangsa", "Puan Maharani"),
    ]
    for q in quotes:
        assert TEXT[q.quote_start : q.quote_end] == q.quote


@needs_stanza
def test_same_quotes_as_the_spacy_rules(nlp_stanza, nlp_rules) -> None:
    texts = [
        TEXT,
        "Menurut Kepala BMKG Dwikorita Karnawati, cuaca ekstrem masih akan terjadi. “Masyarakat diminta waspada,” katanya.",
        "Juru bicara KPK Ali Fikri menyatakan bahwa penyidik telah memeriksa tiga saksi.",
    ]
    for text in texts:
        want = [(q.type, q.quote, q.speaker_name) for q in nlp_rules(text)._.quotes]
        got = [(q.type, q.quote, q.speaker_name) for q in nlp_stanza(text)._.quotes]
        assert got == want and got


@needs_stanza
def test_raw_text_and_offsets_survive_normalization(nlp_stanza) -> None:
    raw = "&ldquo;Harga beras naik,&rdquo; kata Budi Santoso, pedagang di Pasar Minggu."
    doc = nlp_stanza(raw)
    assert len(doc.text) == len(raw)
    assert doc.user_data["quoteattr_raw_text"] == raw
    [q] = doc._.quotes
    assert raw[q.quote_start : q.quote_end] == q.quote
    assert "Harga beras naik" in q.quote
    assert q.speaker_name == "Budi Santoso"


@needs_stanza
def test_pipe_matches_call_and_handles_empty(nlp_stanza) -> None:
    texts = [TEXT, "", "   \n\n ", "Tidak ada kutipan di sini."]
    piped = list(nlp_stanza.pipe(texts, batch_size=2))
    assert [d.text for d in piped] == texts
    single = [nlp_stanza(t) for t in texts]
    for a, b in zip(piped, single):
        assert [t.text for t in a] == [t.text for t in b]
        assert [(q.quote, q.speaker_name) for q in a._.quotes] == [(q.quote, q.speaker_name) for q in b._.quotes]
    assert piped[1]._.quotes == [] and piped[3]._.quotes == []


@needs_stanza
def test_extract_frame_on_stanza_backend(nlp_stanza) -> None:
    df = quoteattr.extract_frame([TEXT, "“Ya,” kata Andi."], nlp=nlp_stanza)
    assert df["article_id"].tolist() == ["0", "0", "0", "1"]
    assert df["speaker_name"].tolist() == ["Sri Mulyani", "Puan Maharani", "Puan Maharani", "Andi"]


@needs_stanza
def test_env_var_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUOTEATTR_STANZA_DIR", str(TINY))
    nlp = quoteattr.load(backend="stanza")
    assert nlp.meta["quoteattr_stanza_dir"] == str(TINY)
