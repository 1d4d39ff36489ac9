"""The stage components, on their own in a user's pipeline, and loading with spaCy alone."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import pytest

import quoteattr
from quoteattr.tokenizer import blank

TEXT = (
    "Kepala Dinas Perhubungan DKI Jakarta Syafrin Liputo mengatakan, “Kami siap menghadapi semua tantangan.”\n\n"
    "“Anggaran sudah kami siapkan sejak awal tahun,” ujarnya. Menurut Budi, jalan itu akan dibuka pekan depan."
)
MODEL = Path(__file__).resolve().parents[1] / "models" / "id_news"


def test_stages_in_a_users_pipeline_match_the_attributor():
    nlp = blank()
    for name in ("quoteattr_segmenter", "quoteattr_quote_finder", "quoteattr_speaker_resolver"):
        nlp.add_pipe(name)
    staged = nlp(TEXT)
    whole = quoteattr.load("rules")(TEXT)
    assert staged._.quotes == whole._.quotes
    assert [s.text for s in staged.spans["quoteattr_cues"]] == ["mengatakan", "ujarnya", "Menurut"]
    assert "quoteattr_state" not in staged.user_data  # the resolver drops what was passed forward


def test_a_stage_without_the_segmenter_says_what_is_missing():
    nlp = blank()
    nlp.add_pipe("quoteattr_quote_finder")
    with pytest.raises(ValueError, match="quoteattr_segmenter"):
        nlp(TEXT)


def test_spacy_load_alone_finds_the_tokenizer_and_the_components():
    code = (
        "import spacy\n"
        f"nlp = spacy.load({str(MODEL)!r})\n"
        "assert type(nlp.tokenizer).__name__ == 'NewsTokenizer'\n"
        "nlp.add_pipe('quoteattr_attributor')\n"
        "print(nlp('“Kami siap menghadapi semua,” kata Menteri Budi Santoso.')._.quotes[0].speaker_name)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "Budi Santoso"
    declared = {e.name for e in entry_points(group="spacy_factories") if e.value.startswith("quoteattr.")}
    assert declared == {"quoteattr_attributor", "quoteattr_segmenter", "quoteattr_quote_finder", "quoteattr_speaker_resolver"}


def test_quotes_survive_doc_bytes_and_two_processes(nlp_rules):
    from spacy.tokens import Doc

    doc = nlp_rules(TEXT)
    back = Doc(nlp_rules.vocab).from_bytes(doc.to_bytes())
    assert back._.quotes == doc._.quotes
    assert [s.text for s in back.spans["quoteattr_cues"]] == ["mengatakan", "ujarnya", "Menurut"]
    texts = [TEXT, "“Kami siap menghadapi semua,” kata Menteri Budi Santoso.", "Tidak ada kutipan di sini."]
    assert [d._.quotes for d in nlp_rules.pipe(texts, n_process=2, batch_size=1)] == [nlp_rules(t)._.quotes for t in texts]
