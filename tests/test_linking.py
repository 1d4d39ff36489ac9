"""The learned speaker-linking model: its candidates, its choice against the rules', its wiring."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest

import quoteattr
from quoteattr.lexicon import default_lexicon
from quoteattr.resolve.linking import LinkCandidate, LinkModel, conjunctions, link_model, model_path, name_shape

ARTICLE = (
    "Ketua RT 05 Budi Santoso meninjau saluran air bersama warga. Menurut dia, saluran itu tersumbat sampah.\n\n"
    "Camat Sukamaju Rina Wulandari juga datang ke lokasi.\n\n"
    "“Kami akan mengirim alat berat besok pagi,” katanya."
)


class _Offered:
    """A linker that records what it is offered and picks by a fixed policy."""

    def __init__(self, pick: str = "rule") -> None:
        self.pick = pick
        self.offered: list[tuple[list[LinkCandidate], int]] = []

    def choose(self, cands: Sequence[LinkCandidate], rule: int, context: tuple[Any, Any]) -> int:
        self.offered.append((list(cands), rule))
        if self.pick == "null":
            return len(cands) - 1
        return rule


@pytest.fixture()
def with_linker(nlp_rules):
    resolver = nlp_rules.get_pipe("quoteattr_attributor").resolver
    kept = resolver.linker

    def use(linker: Any) -> Any:
        resolver.linker = linker
        return nlp_rules

    yield use
    resolver.linker = kept


def test_candidates_are_the_people_named_before_and_nobody(with_linker):
    linker = _Offered()
    quotes = quoteattr.extract(ARTICLE, with_linker(linker))
    assert [q.speaker_name for q in quotes][-1] == "Rina Wulandari"  # the rules: the new subject
    cands, rule = linker.offered[-1]
    names = [c.name for c in cands]
    assert {"Budi Santoso", "Rina Wulandari"} <= set(names)
    assert names[-1] == "" and "null" in cands[-1].features  # "nobody named" is always offered
    assert names[rule] == "Rina Wulandari" and "rule" in cands[rule].features
    rina = cands[names.index("Rina Wulandari")]
    assert "new_subject" in rina.features and "dpara=1" in rina.features


DESCRIBED = (
    "Pelatih Garuda Muda, Rudi Hartono, memuji pemainnya asal Argentina, Diego Ramos.\n\n"
    "“Kami bermain dengan sabar,” kata pelatih asal Bandung itu."
)


def test_a_description_agrees_with_the_candidate_s_roles_and_its_own_name(with_linker):
    linker = _Offered()
    quoteattr.extract(DESCRIBED, with_linker(linker))
    cands, _ = linker.offered[-1]
    by_name = {c.name: c.features for c in cands}
    assert "desc_role=hit" in by_name["Rudi Hartono"]  # pelatih, as his stated role
    assert "desc_role=hit" not in by_name["Diego Ramos"]


def test_a_name_spoken_of_in_the_quote_is_marked(with_linker):
    text = ("Camat Sukamaju Rina Wulandari dan Ketua RT 05 Budi Santoso meninjau saluran air.\n\n"
            "“Kami sudah lapor ke Bu Rina, alat berat datang besok,” katanya.")
    linker = _Offered()
    quoteattr.extract(text, with_linker(linker))
    cands, _ = linker.offered[-1]
    by_name = {c.name: c.features for c in cands}
    assert "named_in_quote" in by_name["Rina Wulandari"]
    assert "named_in_quote" not in by_name["Budi Santoso"]


def test_a_speaker_named_after_a_cue_inside_an_open_quote_is_not_spoken_of(nlp_rules):
    from quoteattr.article import Article
    from quoteattr.candidates.record import Candidate
    from quoteattr.resolve.linking import quoted_words

    text = "“Kami sudah lapor ke Bu Rina, jalan ditutup, kata Budi."
    art = Article(nlp_rules.make_doc(text))
    words = quoted_words(art, Candidate("direct", 0, len(text), "continuation"))
    assert "rina" in words and "budi" not in words


@pytest.mark.parametrize(
    "text,name,where",
    [
        ("Sementara itu, Kepala Dinas PU Budi Santoso meninjau lokasi.", "Budi", "subj"),
        ("Warga bertemu dengan Camat Rina Wulandari di balai desa.", "Rina", "obj"),
        ("Foto karya fotografer Rina Wulandari dipamerkan di galeri.", "Rina", "mid"),
    ],
)
def test_where_a_candidate_stands_in_its_sentence(nlp_rules, text, name, where):
    from quoteattr.article import Article
    from quoteattr.resolve.linking import mention_position

    assert mention_position(Article(nlp_rules(text)), text.index(name)) == where


def test_the_linker_decides_where_it_is_asked(with_linker):
    quotes = quoteattr.extract(ARTICLE, with_linker(_Offered("null")))
    assert quotes[-1].speaker_name is None  # the linker's pick replaced the rules'


def test_combination_keeps_the_rules_pick_unless_the_model_beats_it_by_the_margin():
    a = LinkCandidate("A", None, "person", ("rule", "x"))
    b = LinkCandidate("B", None, "person", ("y",))
    model = LinkModel({"rule": 0.5, "x": 0.0, "y": 1.2}, margin=1.0)
    assert model.choose([a, b], 0, (None, None)) == 0  # 1.2 - 0.5 < 1.0
    assert LinkModel(model.weights, margin=0.5).choose([a, b], 0, (None, None)) == 1
    # no rules' pick: the model's best, if it scores at least the margin
    assert model.choose([a, b], -1, (None, None)) == 1


def test_conjunctions_pair_the_plain_features_only():
    got = conjunctions(("last", "dsent=1", "pronoun|last", "last+rule"))
    assert got[:4] == ("last", "dsent=1", "pronoun|last", "last+rule")
    assert set(got[4:]) == {"dsent=1&last"}  # combinations already made are not paired again


def test_a_paired_model_weighs_one_cue_by_another():
    """The last speaker is right two sentences back, wrong when a new subject came between."""
    weights = {"last": 1.0, "last&new_subject": -3.0, "new_subject": 0.5}
    last = LinkCandidate("A", None, "person", ("last", "new_subject"))
    other = LinkCandidate("B", None, "person", ("recency=0",))
    assert LinkModel(weights, margin=0.0).choose([last, other], -1, (None, None)) == 0  # 1.5 without pairs
    assert LinkModel(weights, margin=0.0, pairs=True).choose([last, other], -1, (None, None)) == 1  # 1.5 - 3.0 < 0


def test_rules_alone_have_no_linker():
    nlp = quoteattr.load("rules", learned=False)
    assert nlp.get_pipe("quoteattr_attributor").resolver.linker is None


def test_the_shipped_model_loads_and_is_used_by_default():
    if model_path() is None:
        pytest.skip("no linking model installed (models/link_model.json)")
    model = link_model()
    assert model is not None and model.weights and model.margin >= 0
    assert quoteattr.load("rules").get_pipe("quoteattr_attributor").resolver.linker is model  # on by default
    assert quoteattr.load("rules", learned_links=False).get_pipe("quoteattr_attributor").resolver.linker is None
    assert quoteattr.load("rules", learned=False, learned_links=True).get_pipe("quoteattr_attributor").resolver.linker is None


@pytest.mark.parametrize(
    "name,expected",
    [
        # words that open person names, none against
        ("Muhammad Siti Budi", {"pw=all", "npw=none"}),
        # title, organization and place words: evidence against a person
        ("Kementerian Pertanian Jakarta", {"pw=none", "npw=all"}),
        ("Muhammad Kementerian", {"pw=some", "npw=some"}),
        ("", {"shape=none"}),
    ],
)
def test_name_shape_says_how_much_a_name_looks_like_a_person_s(name, expected):
    assert expected <= set(name_shape(name, default_lexicon()))


def test_every_candidate_carries_its_name_shape(with_linker):
    linker = _Offered()
    quoteattr.extract(ARTICLE, with_linker(linker))
    cands, _ = linker.offered[-1]
    for c in cands[:-1]:
        assert sum(f.startswith(("pw=", "npw=", "like=")) for f in c.features) == 3


@pytest.mark.parametrize("name,builder", [("link_model", "build_link_model"), ("boundary_model", "build_boundary_model")])
def test_ranker_files_are_written_by_one_function(tmp_path, name, builder):
    """Both builders write through ``write_ranker``: it rewrites each shipped file byte for byte."""
    import json
    from pathlib import Path

    from training.build_link_model import write_ranker

    shipped = Path(__file__).resolve().parent.parent / "models" / f"{name}.json"
    d = json.loads(shipped.read_text(encoding="utf-8"))
    out = tmp_path / "m.json"
    write_ranker(out, builder, d["data"], d["dev"], d["margin"], d["pairs"], d["l2"], d["weights"])
    assert out.read_bytes() == shipped.read_bytes()


def test_a_one_word_name_read_after_a_title_is_a_new_subject(nlp_rules):
    text = (
        "“Sungai itu sudah tercemar merkuri,” kata Budi Santoso, warga Bungo.\n\n"
        "Direktur Walhi Jambi Suryadi mengindikasikan keterlibatan oknum aparat di balik tambang itu. "
        "“Temuan ini harus diusut,” katanya."
    )
    assert [q.speaker_name for q in quoteattr.extract(text, nlp_rules)] == ["Budi Santoso", "Suryadi"]


@pytest.mark.parametrize(
    "name,expected",
    [
        ("Budi Santoso", True),
        ("Shandy Aulia", True),
        # every word a common, organization or place word: a body or a thing, not a person
        ("Kedokteran Hewan", False),
        ("Universitas Indonesia", False),
    ],
)
def test_a_pronoun_refers_to_a_name_with_a_person_word(name, expected):
    from quoteattr.resolve.antecedents import personlike
    from quoteattr.resolve.registry import Registry

    reg = Registry(f"{name} hadir di sana.")
    ent = reg.add(name, 0)
    assert personlike(ent, name, reg) is expected


def test_the_latest_person_counts_a_surname_used_alone():
    from quoteattr.resolve.antecedents import recent_person
    from quoteattr.resolve.registry import Registry

    # "Hartono menyampaikan …" after "Bryan Hartono": his latest mention is after Rina Kartika's
    text = "Bryan Hartono tiba di lokasi. Rina Kartika datang kemudian. Hartono menyampaikan hal itu. Ia"
    reg = Registry(text)
    reg.add("Bryan Hartono", 0)
    reg.add("Rina Kartika", text.index("Rina"))
    found = recent_person(reg, len(text))
    assert found is not None and found.name == "Bryan Hartono"
