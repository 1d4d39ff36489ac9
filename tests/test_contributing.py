"""README "Contributing": a new cue and a new title are each one edit in one resource file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quoteattr.lexicon import Lexicon
from quoteattr.tokenizer import blank

RESOURCES = Path(__file__).resolve().parents[1] / "quoteattr" / "resources"
NEW_CUE = "“Kapal itu harus segera berangkat pagi ini,” sindir Budi Santoso."
NEW_TITLE = "“Kapal itu harus segera berangkat pagi ini,” kata Syahbandar Tanjung Priok Andi Wijaya."


def _edited(tmp_path: Path, name: str, edit) -> Path:
    data = json.loads((RESOURCES / name).read_text(encoding="utf-8"))
    edit(data)
    (tmp_path / name).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return tmp_path


def _quotes(text: str, resources: Path | None = None):
    nlp = blank()
    nlp.add_pipe("quoteattr_attributor", config={"resources": str(resources) if resources else None, "learned_roles": False})
    return nlp(text)._.quotes


@pytest.fixture
def with_new_cue(tmp_path):
    # the one edit: a root in cues.json (its forms, here the post cue and sindir-nya, are generated)
    return _edited(tmp_path, "cues.json", lambda d: d["verbs"].append({"root": "sindir", "affixes": ["post"]}))


@pytest.fixture
def with_new_title(tmp_path):
    # the one edit: a word in speakers.json titles.role_heads
    return _edited(tmp_path, "speakers.json", lambda d: d["titles"]["role_heads"].append("Syahbandar"))


def test_a_new_cue_is_found_after_one_edit(with_new_cue):
    assert [q.cue for q in _quotes(NEW_CUE)] == [None]  # unknown: a quote with no cue
    (q,) = _quotes(NEW_CUE, with_new_cue)
    assert (q.cue, q.pattern, q.speaker_name) == ("sindir", "direct_cue_after", "Budi Santoso")
    assert "sindirnya" in Lexicon.load(with_new_cue).cues


def test_a_new_title_is_found_after_one_edit(with_new_title):
    (before,) = _quotes(NEW_TITLE)
    assert (before.speaker_name, before.role) == ("Syahbandar Tanjung Priok Andi Wijaya", None)
    (q,) = _quotes(NEW_TITLE, with_new_title)
    assert (q.speaker_name, q.role) == ("Andi Wijaya", "Syahbandar Tanjung Priok")


def test_every_word_list_says_what_it_is_for():
    words = json.loads((RESOURCES / "words.json").read_text(encoding="utf-8"))["lists"]
    assert all(entry["doc"] and entry["words"] for entry in words.values())
    speakers = json.loads((RESOURCES / "speakers.json").read_text(encoding="utf-8"))
    groups = {k: v for k, v in speakers.items() if not k.startswith("_")}
    for group in groups.values():
        lists = [k for k in group if not k.startswith("_")]
        assert group["_about"] and set(group["_lists"]) == set(lists)


def test_an_unknown_word_list_says_where_to_add_it():
    from quoteattr.errors import ResourceError

    with pytest.raises(ResourceError, match="words.json has no list 'no_such_list'"):
        _ = Lexicon.load().words.no_such_list
