"""Indirect and mixed speech as a reader sees it: stance and belief verbs, every position of the cue,
and what is not reported speech. Invented sentences; each row failed before the change it tests."""

from __future__ import annotations

import pytest

import quoteattr
from quoteattr.cues import lexicon

LEAD = "Budi Santoso datang ke balai desa pagi itu. "

# (text, the reported content, the speaker's name)
REPORTED = [
    # stance and belief verbs, with and without an introducer
    ("Budi Santoso meragukan bahwa proyek itu selesai tahun ini.", "proyek itu selesai tahun ini", "Budi Santoso"),
    (LEAD + "Ia percaya tim nasional akan menang di final nanti.", "tim nasional akan menang di final nanti", "Budi Santoso"),
    ("Sari Dewi tak memungkiri bahwa persiapan timnya belum maksimal.", "persiapan timnya belum maksimal", "Sari Dewi"),
    ("Budi Santoso bilang apabila hujan turun, pertandingan akan ditunda sampai besok.", "apabila hujan turun, pertandingan akan ditunda sampai besok", "Budi Santoso"),
    ("Rina Kartika merasa, pelatihan itu terlalu singkat untuk pemula.", "pelatihan itu terlalu singkat untuk pemula", "Rina Kartika"),
    ("Dewi Anggraini berpandangan, pemerintah harus menurunkan harga beras.", "pemerintah harus menurunkan harga beras", "Dewi Anggraini"),
    ("Agus Salim bersikeras dana desa itu sudah dipakai sesuai aturan.", "dana desa itu sudah dipakai sesuai aturan", "Agus Salim"),
]

# (text, why it is not reported speech)
NOT_REPORTED = [
    ("Dia tak menyebutkan siapa saja yang terlibat dalam kasus pencurian tersebut.", "a negated speech act"),
    ("Budi Santoso memuji Andi Wijaya setelah pertandingan itu berakhir dengan kemenangan.", "the object names whom, not what"),
    ("Rina Kartika merasa senang sekali dengan hadiah dari sekolahnya kemarin.", "a feeling, not a stated position"),
    ("Polisi mengungkap kasus pencurian motor di Jalan Merdeka pekan lalu.", "mengungkap a case is not reporting"),
    ("Tim itu minta maaf kepada para suporter atas kekalahan di kandang sendiri.", "an apology with no content"),
]


@pytest.fixture(scope="module")
def nlp():
    return quoteattr.load()


@pytest.mark.parametrize("text,content,name", REPORTED)
def test_reported_speech_is_found(nlp, text, content, name):
    got = [(q.quote, q.speaker_name) for q in quoteattr.extract(text, nlp=nlp) if q.type != "direct"]
    assert (content, name) in got, got


@pytest.mark.parametrize("text,why", NOT_REPORTED)
def test_not_reported_speech(nlp, text, why):
    assert [q for q in quoteattr.extract(text, nlp=nlp) if q.type != "direct"] == [], why


def test_every_mined_cue_records_its_source_and_what_it_takes():
    from quoteattr.resources import load_json

    for verb in load_json("cues.json")["verbs"]:
        if "takes" in verb:
            assert verb["takes"] in ("content", "introducer") and verb.get("source"), verb
    forms = lexicon()
    assert forms["merasa"].takes == "introducer" and forms["percaya"].kind == "active" and forms["bilang"].indirect
