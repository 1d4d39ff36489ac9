"""The lexicon's generated word forms."""

from __future__ import annotations

import pytest

from quoteattr.lexicon import _degree_forms, default_lexicon


def test_degree_forms_are_generated_from_the_dotted_spelling() -> None:
    forms = _degree_forms(["m.hum", "sp.ot", "s.h."], frozenset({"spot"}))
    assert {"m.hum", "m.hum.", "mhum", "sp.ot", "sp.ot.", "s.h", "s.h."} <= forms
    # a dotless form that is a word of running text is not generated, nor one of two letters
    assert "spot" not in forms and "sh" not in forms


@pytest.mark.parametrize("word", ["m.epid", "mepid", "sp.kj", "spkj", "m.gizi."])
def test_the_package_lexicon_knows_degrees(word: str) -> None:
    assert word in default_lexicon().degrees


@pytest.mark.parametrize("word", ["spot", "spa", "sip", "meng"])
def test_words_of_running_text_are_no_degrees(word: str) -> None:
    assert word not in default_lexicon().degrees


def test_post_cue_forms_and_their_clitic_variants() -> None:
    from quoteattr.cues import build_cues

    data = {
        "verbs": [
            {"root": "sambut", "affixes": ["post"]},
            {"root": "singkat", "affixes": ["post"], "clitic": False},
        ],
        "menurut": [],
    }
    cues = build_cues(data)
    assert cues["sambut"].kind == "post" and cues["sambutnya"].clitic
    assert cues["singkat"].kind == "post" and "singkatnya" not in cues  # "Singkatnya, …" is no cue


def test_shipped_post_cues_mined_after_quotes() -> None:
    from quoteattr.cues import lexicon

    cues = lexicon()
    assert all(cues[w].kind == "post" for w in ("sambut", "ketus", "saran", "lantun"))
    assert "kisahnya" not in cues and "sarannya" not in cues
