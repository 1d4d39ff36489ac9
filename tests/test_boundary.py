"""The learned name boundary: its candidates and features, its choice against the rules', its wiring."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from spacy.tokens import Doc

import quoteattr
from quoteattr.lexicon import default_lexicon
from quoteattr.mentions import split_role_name
from quoteattr.mentions.boundary import (
    BOUNDARY_KEY,
    BoundaryCandidate,
    BoundaryModel,
    boundary_candidates,
    boundary_model,
    conjunctions,
    model_path,
    spoken_words,
)

LEX = default_lexicon()


def _doc(nlp, text: str) -> Doc:
    return nlp.make_doc(text)


def _index(doc: Doc, word: str) -> int:
    return next(t.i for t in doc if t.text == word)


class _Pick:
    """A chooser that records what it is offered and picks the candidate whose name is ``name``."""

    def __init__(self, name: str | None = None) -> None:
        self.name = name
        self.offered: list[tuple[list[BoundaryCandidate], int]] = []

    def choose(self, cands: Sequence[BoundaryCandidate], rule: int) -> int:
        self.offered.append((list(cands), rule))
        return next((c.start for c in cands if c.name == self.name), rule)


def test_candidates_are_the_rule_pick_and_the_later_words(nlp_rules):
    doc = _doc(nlp_rules, "CIO Lumbung Dana Sari Wulandari mengatakan")
    rule = _index(doc, "Lumbung")
    cands = boundary_candidates(doc, 0, _index(doc, "mengatakan"), rule, LEX)
    assert [c.name for c in cands] == ["Lumbung Dana Sari Wulandari", "Dana Sari Wulandari", "Sari Wulandari", "Wulandari"]
    assert [("rule" in c.features) for c in cands] == [True, False, False, False]
    assert all(any(f.startswith("len=") for f in c.features) for c in cands)


def test_no_candidate_starts_inside_a_hyphenated_word(nlp_rules):
    doc = _doc(nlp_rules, "Wakil Presiden Direktur Hans-Dieter Rummel mengatakan")
    cands = boundary_candidates(doc, 0, _index(doc, "mengatakan"), _index(doc, "Hans"), LEX)
    assert [c.name for c in cands] == ["Hans-Dieter Rummel", "Rummel"]


@pytest.mark.parametrize(
    "text,rule_word,names",
    [
        # a given name that is also a title, or a word that opens person names, stays in the name
        ("Sekjen PSSI Ratu Dewi Anggraini hadir", "Ratu", ["Ratu Dewi Anggraini"]),
        ("Pemandu wisata Lalu Ahmad Fauzi menyebut", "Lalu", ["Lalu Ahmad Fauzi"]),
        # words before the first of them may go
        ("CIO Lumbung Siti Rahma menyebut", "Lumbung", ["Lumbung Siti Rahma", "Siti Rahma"]),
    ],
)
def test_the_name_never_loses_a_word_that_opens_person_names(nlp_rules, text, rule_word, names):
    doc = _doc(nlp_rules, text)
    cands = boundary_candidates(doc, 0, len(doc) - 1, _index(doc, rule_word), LEX)
    assert [c.name for c in cands] == names


@pytest.mark.parametrize(
    "text,rule_word,offered",
    [
        # a word with no evidence against a name may open it: the name can take it
        ("Kepala Sekolah Aveline Gregoire menciptakan", "Gregoire", "Aveline Gregoire"),
        # never across a title, a place word or an administrative unit
        ("Kepala Sekolah Gregoire menciptakan", "Gregoire", None),
        ("warga Kecamatan Silo menolak", "Silo", None),
    ],
)
def test_the_name_takes_earlier_words_only_across_possible_name_words(nlp_rules, text, rule_word, offered):
    doc = _doc(nlp_rules, text)
    end = len(doc) - 1
    start = next(t.i for t in doc if t.text[:1].isupper())
    names = [c.name for c in boundary_candidates(doc, start, end, _index(doc, rule_word), LEX)]
    earlier = [n for n in names if len(n.split()) > 1 and n.endswith(rule_word)]
    assert earlier == ([offered] if offered else [])


def test_article_evidence_features(nlp_rules):
    text = (
        "CIO Lumbung Dana Sari Wulandari mengatakan kredit tumbuh. Lumbung Dana didirikan pada 2015.\n\n"
        "“Kami tumbuh,” kata Sari Wulandari. “Ya,” ujar Wulandari."
    )
    doc = _doc(nlp_rules, text)
    assert {"Sari", "Wulandari"} <= spoken_words(doc, LEX)
    cands = {c.name: c for c in boundary_candidates(doc, 0, _index(doc, "mengatakan"), _index(doc, "Lumbung"), LEX)}
    # the name written elsewhere without the words before it
    assert "standalone" in cands["Sari Wulandari"].features
    assert "standalone" not in cands["Dana Sari Wulandari"].features
    # the word before the name written elsewhere before another word than the name
    assert "b_elsewhere_alone" in cands["Sari Wulandari"].features
    assert "f_spoken" in cands["Sari Wulandari"].features


@pytest.mark.parametrize(
    "features,expected",
    [
        (("d=0", "f:person", "len=2"), {"d=0", "f:person", "len=2", "f:person&len=2"}),
        (("f:person", "b:title"), {"f:person", "b:title", "b:title&f:person"}),
    ],
)
def test_conjunctions_pair_word_classes_with_the_other_features(features, expected):
    out = set(conjunctions(features))
    assert out == expected
    assert not any(x.startswith("d=") and "&" in x for x in out)


def _cands() -> list[BoundaryCandidate]:
    return [BoundaryCandidate(3, "Lumbung Sari Wulandari", ("rule", "a")), BoundaryCandidate(4, "Sari Wulandari", ("b",))]


@pytest.mark.parametrize(
    "weights,margin,expected",
    [
        ({"b": 2.0}, 1.0, 4),  # the model's pick beats the rules' by the margin
        ({"b": 0.5}, 1.0, 3),  # not by enough: the rules' pick stays
        ({"a": 2.0}, 0.0, 3),  # the model agrees with the rules
    ],
)
def test_the_model_replaces_the_rules_pick_only_by_its_margin(weights, margin, expected):
    model = BoundaryModel(weights, margin, pairs=False)
    assert model.choose(_cands(), 3) == expected
    assert model.choose(_cands()[:1], 3) == 3  # one candidate: nothing to choose


def test_split_role_name_asks_the_chooser_the_pipeline_put_on_the_doc(nlp_rules):
    doc = _doc(nlp_rules, "Juru bicara Lumbung Dana Sari Wulandari mengatakan")
    end = _index(doc, "mengatakan")
    role, name = split_role_name(doc, 0, end, LEX)
    assert " ".join(t.text for t in name).endswith("Sari Wulandari")
    doc.user_data[BOUNDARY_KEY] = _Pick("Sari Wulandari")
    role, name = split_role_name(doc, 0, end, LEX)
    assert [t.text for t in name] == ["Sari", "Wulandari"]
    assert [t.text for t in role] == ["Juru", "bicara", "Lumbung", "Dana"]


def test_the_pipeline_offers_its_chooser_the_splits_and_drops_it_after(nlp_rules):
    seg = nlp_rules.get_pipe("quoteattr_attributor").segmenter
    kept = seg.boundary
    pick = _Pick("Sari Wulandari")
    seg.boundary = pick
    try:
        doc = nlp_rules("Juru bicara Lumbung Dana Sari Wulandari mengatakan kredit tumbuh 20 persen.")
    finally:
        seg.boundary = kept
    assert pick.offered
    assert BOUNDARY_KEY not in doc.user_data
    (q,) = doc._.quotes
    assert q.speaker_name == "Sari Wulandari"
    assert q.role is not None and "Lumbung Dana" in q.role


def test_rules_alone_have_no_boundary_model():
    nlp = quoteattr.load("rules", learned=False)
    assert nlp.get_pipe("quoteattr_attributor").segmenter.boundary is None
    assert nlp.get_pipe("quoteattr_attributor").learned_names is False


def test_the_shipped_model_loads_and_is_used_by_default():
    if model_path() is None:
        pytest.skip("no boundary model installed (models/boundary_model.json)")
    model = boundary_model()
    assert model is not None and model.weights and model.margin >= 0
    assert quoteattr.load("rules").get_pipe("quoteattr_attributor").learned_names is True


def test_the_shipped_model_cuts_a_person_named_as_the_organization_of_a_spokesman():
    """*Juru bicara Duterte Harry Roque*: the president's name ends the title, the spokesman is
    Harry Roque (invented sentences; the rules alone keep the three words as the name)."""
    if model_path() is None:
        pytest.skip("no boundary model installed (models/boundary_model.json)")
    text = (
        "Presiden Widarta tiba di Bali pada Senin.\n\n"
        "Juru bicara Widarta Yoga Kusuma mengatakan presiden akan hadir dalam rapat itu."
    )
    (rules,) = quoteattr.extract(text, quoteattr.load("rules", learned=False))
    (learned,) = quoteattr.extract(text, quoteattr.load("rules"))
    assert rules.quote == learned.quote == "presiden akan hadir dalam rapat itu"
    assert rules.speaker_name == "Widarta Yoga Kusuma"  # Yoga is no listed given name
    assert learned.speaker_name == "Yoga Kusuma"
    assert learned.role == "Juru bicara Widarta"


def test_the_shipped_model_keeps_a_listed_given_name_that_opens_the_name():
    """*Aris* is a given name of the train split's speakers (resources/given_names.json): the
    learned boundary never cuts a name past it (invented sentence)."""
    if model_path() is None:
        pytest.skip("no boundary model installed (models/boundary_model.json)")
    text = "Kemacetan menjadi isu utama di kota itu. Sosiolog Aris Arif Santoso berpendapat, kota itu butuh penataan ulang yang menyeluruh."
    (q,) = quoteattr.extract(text, quoteattr.load("rules"))
    assert (q.speaker_name, q.role) == ("Aris Arif Santoso", "Sosiolog")
