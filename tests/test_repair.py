"""Scraped text (issue 17): glued words, invisible marks, page furniture inside a line.

The construction table holds invented sentences in the forms scrapers leave; each one
failed before the repair. The property test checks that text with no glued word is
tokenized exactly as by the tokenizer without the repair.
"""

from __future__ import annotations

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import quoteattr  # noqa: E402
from quoteattr import repair  # noqa: E402
from quoteattr.text import normalize  # noqa: E402
from quoteattr.tokenizer import NewsTokenizer  # noqa: E402

NLP = quoteattr.load("rules")

# (text, speaker_name, role) of the one quote by the named speaker; every offset and
# slice must stay exact in the input as given
CONSTRUCTIONS = [
    # lower→upper glue around link text
    ("“Kami siap menang,” kata GubernurRidwanKamil di Bandung.", "Ridwan Kamil", "Gubernur"),
    ("“Kami siap,” kata\xa0GubernurRidwanKamil.", "Ridwan Kamil", "Gubernur"),
    # an acronym glued to the name after it
    # (an acronym glued to a capitalized word may be a brand, VOAIndonesia: the article has
    # to show other glue, here diJakarta)
    ("“Kami akan tuntaskan,” kata Menteri ESDMBahlil Lahadalia diJakarta.", "Bahlil Lahadalia", "Menteri ESDM"),
    ("“Kami sudah menahan tersangka,” ujar Juru Bicara KPKBudi Prasetyo.", "Budi Prasetyo", "Juru Bicara KPK"),
    ("“Kami siap,” kata Kapolres Bogor AKBPBudi Santoso.", "Budi Santoso", "Kapolres Bogor"),
    ("“Kami siap,” tegas Sekjen PDI-PHasto Kristiyanto.", "Hasto Kristiyanto", "Sekjen PDI-P"),
    # two acronyms glued (the article shows other glue, diJakarta): DPR|RI, never a real acronym
    ("“Kami terbuka,” kata Ketua DPRRI Bambang Santoso diJakarta.", "Bambang Santoso", "Ketua DPR RI"),
    # a camel-case party name glued to the place after it: NasDem stays whole
    ("“Kami solid,” kata Ketua DPW NasDemSumut Iskandar.", "Iskandar", "Ketua DPW NasDem Sumut"),
    # a lower-case word glued to the end of a name (dictionary segmentation)
    ("Ketua Umum PBSI,Agung Firmansyahingin tim tampil lepas. “Kami siap,” kata Agung.", "Agung Firmansyah", "Ketua Umum PBSI"),
    ("Wali Kota Medan Bobby Nasutionapabila hujan turun, jalan ditutup. “Kami siap,” kata Bobby.", "Bobby Nasution", "Wali Kota Medan"),
    # invisible marks: a direction mark before the name, zero-width space and soft hyphen inside it
    ("“Kami siap,” kata\u200e Budi Santoso.", "Budi Santoso", None),
    ("“Kami siap,” kata Bu\u200bdi Santoso.", "Budi Santoso", None),
    ("“Kami siap,” kata Ri\u00addwan Kamil.", "Ridwan Kamil", None),
    # page furniture run into the text
    ("“Kami siap,” kata Advertisement Budi Santoso.", "Budi Santoso", None),
    (
        "Harga naik. Baca juga: Komisi III Minta Bawas Periksa Hakim yang Memutus Perkara Razilu mengatakan bahwa data sudah lengkap.",
        "Razilu",
        None,
    ),
]


@pytest.mark.parametrize("text,name,role", CONSTRUCTIONS)
def test_glued_and_marked_forms(text: str, name: str, role: str | None) -> None:
    quotes = quoteattr.extract(text, NLP)
    mine = [q for q in quotes if q.speaker_name == name]
    assert mine, [(q.speaker, q.speaker_name, q.role) for q in quotes]
    q = mine[0]
    assert q.role == role
    assert text[q.quote_start : q.quote_end] == q.quote
    assert q.speaker is not None and q.speaker_start is not None and q.speaker_end is not None
    assert text[q.speaker_start : q.speaker_end] == q.speaker


@pytest.mark.parametrize(
    "word,parts",
    [
        ("GubernurRidwanKamil", ["Gubernur", "Ridwan", "Kamil"]),
        ("KPKmenjerat", ["KPK", "menjerat"]),
        ("OTTyang", ["OTT", "yang"]),
        ("diKabupaten", ["di", "Kabupaten"]),
        ("2024Pengadilan", ["2024", "Pengadilan"]),
        ("Firmansyahingin", ["Firmansyah", "ingin"]),
        ("MuanidiJuventushinggaPiala", ["Muani", "di", "Juventus", "hingga", "Piala"]),
        ("DiKementerian", ["Di", "Kementerian"]),
        # real names and brands stay whole
        ("McDonald", ["McDonald"]),
        ("YouTube", ["YouTube"]),
        ("DeGea", ["DeGea"]),
        ("iPhone", ["iPhone"]),
        ("NasDem", ["NasDem"]),
        ("LeBron", ["LeBron"]),
        ("WhatsApp", ["WhatsApp"]),
        ("BUMNnya", ["BUMNnya"]),
        ("GHz", ["GHz"]),
        ("Setiawan", ["Setiawan"]),
        ("Wijaya", ["Wijaya"]),
        ("Batangmata", ["Batangmata"]),
        ("Mediaset", ["Mediaset"]),
    ],
)
def test_word_splits(word: str, parts: list[str]) -> None:
    cuts = repair.word_splits(word)
    bounds = [0, *cuts, len(word)]
    assert [word[a:b] for a, b in zip(bounds, bounds[1:])] == parts


def test_the_article_is_its_own_evidence() -> None:
    # a brand written glued again and again is a name; one glued once among spaced forms is not
    brand = "PT Medco Energi (MedcoEnergi) tumbuh. MedcoEnergi untung. CEO MedcoEnergi senang."
    assert repair.glue_points(brand) == []
    glued = "Ridwan Kamil datang. Ridwan Kamil pergi. RidwanKamil pulang."
    assert [glued[p - 6 : p + 5] for p in repair.glue_points(glued)] == ["RidwanKamil"]
    # two glued words sharing a part and never spaced: a brand family
    assert repair.glue_points("CEO SurveyData dan NeuroData Rajiv Lamba") == []


def test_repair_maps_back_to_the_input() -> None:
    raw = "“Ya,” kata\u200bGubernurRidwanKamil."
    fix = repair.repair(normalize(raw), raw)
    assert fix is not None
    assert fix.text == "“Ya,” kata Gubernur Ridwan Kamil."
    start = fix.text.index("Ridwan")
    assert raw[fix.start(start) : fix.end(start + len("Ridwan Kamil"))] == "RidwanKamil"
    assert len(fix.origin) == len(fix.text) + 1
    assert repair.repair("Tidak ada yang salah di sini.") is None


def test_paragraphs_restored_in_place() -> None:
    line = "“Kami siap melanjutkan pembicaraan pada tahap ini.” Ia juga mencatat bahwa dialog penting. " * 10
    restored = repair.restore_paragraphs(line)
    assert len(restored) == len(line)
    assert "\n" in restored and restored.replace("\n", " ") == line
    short = "“Kami siap.” Ia pergi."
    assert repair.restore_paragraphs(short) == short


# text with no glued words: words as written in running text, joined by spaces and marks
_PLAIN = [
    "kata", "ujar", "mengatakan", "menurut", "bahwa", "Budi", "Santoso", "Menteri", "Presiden", "Joko", "Widodo", "ia",
    "Kami", "siap", "tidak", "akan", "di", "Jakarta", "Senin", "(3/4)", "PT", "Tbk.", "dr.", "KPK", "DPR", "PDI-P",
    "McDonald", "YouTube", "iPhone", "NasDem", "2024", "Rp", "5", "persen", "Ridwan", "Kamil", "Sumut", "Bahlil",
]
_MARKS = ["“", "”", '"', ",", ".", ":", "(", ")", "\n", "\n\n", "-"]
plain_text = st.lists(st.sampled_from(_PLAIN + _MARKS), max_size=60).map(" ".join)
WITH_REPAIR = NewsTokenizer(NLP.vocab, repair=True)
WITHOUT = NewsTokenizer(NLP.vocab, repair=False)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(plain_text)
def test_text_with_no_glue_tokenizes_as_before(text: str) -> None:
    assert repair.glue_points(normalize(text)) == []
    assert [(t.text, t.whitespace_) for t in WITH_REPAIR(text)] == [(t.text, t.whitespace_) for t in WITHOUT(text)]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(st.lists(st.sampled_from(_PLAIN + _MARKS + ["\u200e", "\u200b", "\ufeff", "\xad", "\xa0", ""]), max_size=40).map("".join))
def test_glued_text_keeps_exact_slices(text: str) -> None:
    for q in quoteattr.extract(text, NLP):
        assert text[q.quote_start : q.quote_end] == q.quote
        if q.speaker_start is not None:
            assert q.speaker_end is not None and text[q.speaker_start : q.speaker_end] == q.speaker


def test_glued_acronyms_split_one_way_only() -> None:
    assert repair.case_splits("DPRRI") == (3,)
    assert repair.case_splits("KPAI") == () and repair.case_splits("ASEAN") == ()


def test_a_list_of_linked_headlines_is_page_furniture() -> None:
    text = (
        "“Kami senang,” kata Rina Kartika.\n\nBaca Juga:\n\nDewi Lestari Kebal Dijodohkan dengan Lawan Mainnya\n\n"
        "Inikah Sosok Pria yang Bikin Dewi Cemburu?\n\nArtis berusia 29 tahun ini pun tak mengetahui kabar itu.\n\n“Saya lelah,” katanya."
    )
    clean = normalize(text)
    assert len(clean) == len(text) and "Kebal" not in clean and "Inikah" not in clean and "Artis berusia" in clean
    assert [q.speaker_name for q in quoteattr.extract(text, NLP)] == ["Rina Kartika", "Rina Kartika"]
