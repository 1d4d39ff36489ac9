"""The learned gate of indirect quotes: the rules' doubts, the shipped model's choices, its wiring."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

import quoteattr
from quoteattr.article import Article
from quoteattr.candidates import find_candidates
from quoteattr.candidates.gate import GateModel, gate_features, indirect_gate, model_path
from quoteattr.candidates.indirect import read_menurut, read_topic_passive, read_verb
from quoteattr.candidates.record import CueSite
from quoteattr.roles import RoleModel

ROOT = Path(__file__).resolve().parents[1]


def _site(art: Article, word: str) -> CueSite:
    k = next(t.i for t in art.doc if t.text == word)
    si = art.sent_of(art.doc[k].idx)
    s_tok, e_tok = art.sent_toks(si)
    return CueSite(k=k, s_tok=s_tok, e_tok=e_tok, sent=art.sents[si], si=si, para=art.para_of(art.sents[si].start))


@pytest.mark.parametrize(
    ("text", "cue", "doubts"),
    [
        ("Budi Santoso mengatakan bahwa harga beras naik minggu ini.", "mengatakan", ()),
        ("Para pengusaha tempat hiburan berharap ada revisi peraturan daerah.", "berharap", ("plain_subject",)),
        ("Pihak berwenang mengatakan penyelidikan kebakaran itu masih berjalan.", "mengatakan", ("plain_subject",)),
        ("Warga terdampak menyebut bantuan beras belum sampai ke desa mereka.", "menyebut", ("plain_subject",)),
        ("Suasana rapat pleno itu menjadi sangat kacau ketika pimpinan sidang meminta semua anggota keluar dari ruangan.", "meminta", ("plain_subject",)),
        ("Budi mengatakan bahwa di awal tahun harga beras naik tajam.", "mengatakan", ("content_head",)),
        ("Budi tidak mengatakan bahwa harga beras akan naik.", "mengatakan", ("negated",)),
        ("PT Sinar Abadi mengumumkan pembukaan pabrik baru di Karawang.", "mengumumkan", ("no_introducer",)),
        ("Rina Lestari mengaku kecewa berat.", "mengaku", ("short",)),
        ("Kepala Desa Joko Susilo meresmikan pos ronda di ujung kampung, sekaligus mengharapkan agar warga ikut menjaga keamanan.", "mengharapkan", ("no_subject",)),
    ],
)
def test_the_rules_doubts(nlp_rules, text: str, cue: str, doubts: tuple[str, ...]) -> None:
    art = Article(nlp_rules.make_doc(text))
    r = read_verb(art, _site(art, cue))
    assert r is not None
    assert r.doubts == doubts


@pytest.mark.parametrize(
    ("text", "doubts", "content"),
    [
        ("Acara itu ramai. Menurut Budi, harga beras naik minggu ini.", (), "harga beras naik minggu ini"),
        ("Acara itu ramai. Padahal menurut Budi, harga beras sudah naik sejak minggu lalu.", ("menurut_opener",), "harga beras sudah naik sejak minggu lalu"),
        ("Acara itu ramai. Menurut produsen, bahan baku mobil listrik itu kini sulit didapat.", ("menurut_plain_speaker",), "bahan baku mobil listrik itu kini sulit didapat"),
        (
            "Acara itu ramai. Menurutnya persoalan pendidikan di daerah itu sangat beragam dan jumlah guru yang ada masih jauh dari cukup.",
            ("menurut_long",),
            "persoalan pendidikan di daerah itu sangat beragam dan jumlah guru yang ada masih jauh dari cukup",
        ),
    ],
)
def test_the_rules_doubts_about_menurut(nlp_rules, text: str, doubts: tuple[str, ...], content: str) -> None:
    art = Article(nlp_rules.make_doc(text))
    r = read_menurut(art, _site(art, next(w for w in ("Menurut", "menurut", "Menurutnya") if w in text.split())))
    assert r is not None
    assert r.doubts == doubts
    assert art.text[r.span[0] : r.span[1]] == content


@pytest.mark.parametrize(
    ("text", "cue", "doubts", "content"),
    [
        ("Perbaikan jembatan itu disebut Budi Santoso sudah selesai pekan lalu.", "disebut", (), "sudah selesai pekan lalu"),
        ("Program beasiswa daerah itu dinilai Rina penting bagi anak-anak nelayan.", "dinilai", ("unlisted_opener",), "penting bagi anak-anak nelayan"),
        (
            "Kekalahan saat menghadapi tim tamu diakui oleh Joko bukan karena pemain kurang berlatih.",
            "diakui",
            ("topic_clause",),
            "bukan karena pemain kurang berlatih",
        ),
        ("Laporan itu disampaikan Budi kepada warga.", "disampaikan", ("unlisted_opener", "short"), "kepada warga"),
    ],
)
def test_the_rules_doubts_about_a_topic_before_a_passive_cue(nlp_rules, text: str, cue: str, doubts: tuple[str, ...], content: str) -> None:
    art = Article(nlp_rules.make_doc(text))
    site = _site(art, cue)
    r = read_topic_passive(art, site, [t for t in art.doc[site.s_tok : site.k] if not t.is_space])
    assert r is not None
    assert r.doubts == doubts
    assert art.text[r.span[0] : r.span[1]] == content


def test_no_topic_reading_without_an_agent(nlp_rules) -> None:
    art = Article(nlp_rules.make_doc("Perbaikan jembatan itu disebut menelan biaya besar."))
    site = _site(art, "disebut")
    assert read_topic_passive(art, site, [t for t in art.doc[site.s_tok : site.k] if not t.is_space]) is None


@pytest.mark.parametrize(
    ("text", "cue", "doubt", "speaker"),
    [
        # a verb coordinated by "dan" takes the phrase that opens the clause
        ("Rina keluar dari ruang sidang dengan terburu-buru dan mengatakan bahwa dirinya tidak bersalah.", "mengatakan", "coordinated_subject", "Rina"),
        ("Mereka berekspansi ke Surabaya tahun ini dan mengklaim sudah memiliki seribu pengguna.", "mengklaim", "coordinated_subject", "Mereka"),
        # a relative clause the speech verb opens names its head
        ("Usul itu mendapat dukungan dari Wali Kota Bandung Ridwan Hakim yang mengatakan bahwa kota itu siap.", "mengatakan", "relative_subject", "Ridwan Hakim"),
        ("Kasus itu bermula dari laporan seorang calon perawat yang mengaku menjadi korban pelecehan.", "mengaku", "relative_subject", "seorang calon perawat"),
        ("Protes muncul akibat kebijakan pemerintah kota yang juga menyatakan tidak akan mencabut aturan itu.", "menyatakan", "relative_subject", "pemerintah kota"),
    ],
)
def test_a_subject_read_another_way_is_a_doubted_reading(nlp_rules, text: str, cue: str, doubt: str, speaker: str) -> None:
    art = Article(nlp_rules.make_doc(text))
    r = read_verb(art, _site(art, cue))
    assert r is not None and r.mention is not None
    assert doubt in r.doubts
    assert r.mention.text == speaker


def test_no_coordinated_subject_across_a_quotation(nlp_rules) -> None:
    text = "“Kelas kami penuh sekali,” ujar Rina sambil menambahkan bahwa sekolah itu butuh gedung baru."
    art = Article(nlp_rules.make_doc(text))
    r = read_verb(art, _site(art, "menambahkan"))
    assert r is None or "coordinated_subject" not in r.doubts


def test_a_document_after_menurut_is_no_reading(nlp_rules) -> None:
    art = Article(nlp_rules.make_doc("Acara itu ramai. Namun menurut data BPS, harga beras naik minggu ini."))
    assert read_menurut(art, _site(art, "menurut")) is None


def test_menyebut_sebagai_is_a_doubted_reading(nlp_rules) -> None:
    # the annotators mostly read "menyebut X sebagai Y" as a stated position: the gate decides
    art = Article(nlp_rules.make_doc("Warga menyebut kawasan itu sebagai kampung pelangi sejak dulu."))
    r = read_verb(art, _site(art, "menyebut"))
    assert r is not None and "naming" in r.doubts


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        ("Pengusaha tempat hiburan berharap ada revisi peraturan daerah tentang minuman keras.", "ada revisi peraturan daerah tentang minuman keras", None),
        ("Budi mengatakan bahwa di awal tahun harga beras naik tajam karena panen gagal.", "di awal tahun harga beras naik tajam karena panen gagal", "Budi"),
        ("Rina menjelaskan bahwa dengan aplikasi baru itu warga bisa melapor lebih cepat.", "dengan aplikasi baru itu warga bisa melapor lebih cepat", "Rina"),
        (
            "Kepala Desa Sukamaju Joko Susilo meresmikan pos ronda baru di ujung kampung, sekaligus mengharapkan agar warga ikut menjaga keamanan.",
            "warga ikut menjaga keamanan",
            "Joko Susilo",
        ),
        ("Acara itu ramai. Padahal menurut Budi, harga beras sudah naik sejak minggu lalu.", "harga beras sudah naik sejak minggu lalu", "Budi"),
        ("Kekalahan saat menghadapi tim tamu diakui oleh Joko bukan karena pemain kurang berlatih.", "bukan karena pemain kurang berlatih", "Joko"),
    ],
)
def test_the_gate_takes_what_the_rules_doubt(text: str, quote: str, speaker: str | None) -> None:
    rules = quoteattr.extract(text, quoteattr.load("rules", learned=False))
    learned = quoteattr.extract(text, quoteattr.load("rules"))
    assert rules == []
    assert [(q.quote, q.type, q.speaker_name) for q in learned] == [(quote, "indirect", speaker)]
    assert learned[0].pattern in ("indirect_verb_learned", "indirect_menurut_learned", "indirect_passive_topic_learned")


@pytest.mark.parametrize(
    "text",
    [
        "Budi tidak mengatakan bahwa harga beras akan naik.",
        "Warga menyebut kawasan itu sebagai “kampung pelangi”.",
        "Pelatih itu memuji Andi setelah pertandingan.",
        "Laporan itu disampaikan Budi kepada warga.",
    ],
)
def test_the_gate_leaves_what_is_no_speech(text: str) -> None:
    assert quoteattr.extract(text, quoteattr.load("rules")) == []


def test_a_direct_quote_stays_direct(nlp_rules) -> None:
    text = "Juara bertahan itu mengatakan: “Kami tidak akan menyerah sebelum peluit terakhir.”"
    assert [q.type for q in quoteattr.extract(text, nlp_rules)] == ["direct"]


class _Recorder:
    def __init__(self, answer: bool, keep: bool = True) -> None:
        self.answer = answer
        self.keep = keep
        self.asked: list[tuple[list[str], tuple[int, int]]] = []
        self.kept: list[tuple[list[str], tuple[int, int]]] = []

    def __call__(self, features: Sequence[str], span: tuple[int, int]) -> bool:
        self.asked.append((list(features), span))
        return self.answer

    def keeps(self, features: Sequence[str], span: tuple[int, int]) -> bool:
        self.kept.append((list(features), span))
        return self.keep


def test_the_gate_may_drop_a_plain_object_the_rules_take(nlp_rules) -> None:
    """A speech verb with a plain object and no introducer (menolak tawaran itu) is weighed by
    the keep model; a reading with bahwa, and menurut, are not."""
    text = "Pelatih itu menolak tawaran klub Turki tersebut. Budi mengatakan bahwa harga beras naik minggu ini. Menurut Rina, harga gula turun sejak bulan lalu."
    art = Article(nlp_rules.make_doc(text))
    gate = _Recorder(False, keep=False)
    found = find_candidates(art, gate)
    assert [art.text[s:e] for _, (s, e) in gate.kept] == ["tawaran klub Turki tersebut"]
    assert [c.pattern for c in found] == ["indirect_verb", "indirect_menurut"]
    kept = find_candidates(art, _Recorder(False, keep=True))
    assert [c.pattern for c in kept] == ["indirect_verb", "indirect_verb", "indirect_menurut"]


def test_content_with_a_clause_is_marked(nlp_rules) -> None:
    feats = []
    for text in ("Budi menyampaikan vaksin sudah tersedia.", "Rina menyampaikan salam hangat untuk warga."):
        art = Article(nlp_rules.make_doc(text))
        site = _site(art, "menyampaikan")
        r = read_verb(art, site)
        cue = art.cue(site.k)
        assert r is not None and cue is not None
        feats.append(set(gate_features(art, site.k, cue, r)))
    clause, plain = feats
    assert {"clause_marker_inside", "root=sampai|clause=True"} <= clause
    assert "clause_marker_inside" not in plain and "root=sampai|clause=False" in plain


def test_the_keep_model_drops_below_its_threshold() -> None:
    keep = RoleModel({"bias": 2.0, "root=tolak|clause=False": -4.0}, 0.5)
    model = GateModel({"bias": 0.0}, 0.5, keep=keep)
    assert model.keeps(["bias", "root=tolak|clause=True"], (0, 1)) is True
    assert model.keeps(["bias", "root=tolak|clause=False"], (0, 1)) is False
    assert GateModel({"bias": 0.0}, 0.5).keeps(["bias"], (0, 1)) is True  # no keep model: every reading stays


def test_the_gate_is_asked_only_about_doubted_readings(nlp_rules) -> None:
    art = Article(nlp_rules.make_doc("Budi Santoso mengatakan bahwa harga beras naik. Pengusaha tempat hiburan berharap ada perbaikan atap los pasar."))
    no = _Recorder(False)
    found = find_candidates(art, no)
    assert [c.pattern for c in found] == ["indirect_verb"]
    assert len(no.asked) == 1
    feats, (s, e) = no.asked[0]
    assert art.text[s:e] == "ada perbaikan atap los pasar"
    assert "doubt=plain_subject" in feats
    assert "root=harap" in feats
    yes = _Recorder(True)
    assert [c.pattern for c in find_candidates(art, yes)] == ["indirect_verb", "indirect_verb_learned"]


def test_features_name_the_doubts_and_the_content(nlp_rules) -> None:
    art = Article(nlp_rules.make_doc("Budi mengatakan bahwa di awal tahun harga beras naik tajam."))
    site = _site(art, "mengatakan")
    r = read_verb(art, site)
    assert r is not None
    cue = art.cue(site.k)
    assert cue is not None
    feats = gate_features(art, site.k, cue, r)
    assert {"doubt=content_head", "introduced=True", "first=di", "subject=name", "first_adjunct_starter"} <= set(feats)


def test_the_model_scores_and_thresholds() -> None:
    model = GateModel({"bias": -1.0, "doubt=short": -2.0, "root=kata": 3.0}, 0.5)
    assert model.probability(["bias"]) == pytest.approx(0.2689, abs=1e-4)
    assert model(["bias", "root=kata"], (0, 1)) is True
    assert model(["bias", "doubt=short"], (0, 1)) is False


def test_the_shipped_gate_and_its_switch() -> None:
    assert model_path() is not None, "models/indirect_gate.json is missing: python -m training.build_indirect_gate"
    gate = indirect_gate()
    assert gate is not None
    assert 0.0 < gate.threshold < 1.0
    on = quoteattr.load("rules").get_pipe("quoteattr_attributor")
    off = quoteattr.load("rules", learned=False).get_pipe("quoteattr_attributor")
    assert on.learned_indirect
    assert on.finder.gate is gate
    assert not off.learned_indirect
    on.learned_indirect = False
    assert on.finder.gate is None


def test_the_trainer_labels_doubted_readings_by_the_gold(tmp_path) -> None:
    if str(ROOT) not in sys.path:  # the repo root holds training/
        sys.path.insert(0, str(ROOT))
    from training.build_indirect_gate import examples, train

    said = "Pengusaha tempat hiburan berharap ada revisi peraturan daerah tentang minuman keras."
    named = "Budi tidak mengatakan bahwa harga beras akan naik bulan depan."
    content = "ada revisi peraturan daerah tentang minuman keras"
    start = said.index(content)
    quote = {"type": "indirect", "quote": content, "quote_start": start, "quote_end": start + len(content), "speaker": "Pengusaha tempat hiburan"}
    path = tmp_path / "train.jsonl"
    path.write_text(
        "\n".join(json.dumps(r) for r in [{"id": "a", "text": said, "quotes": [quote]}, {"id": "b", "text": named, "quotes": []}]) + "\n",
        encoding="utf-8",
    )
    nlp = quoteattr.load("rules", learned=False)
    found, kept = examples(path, nlp)
    assert sorted((lab, next(f for f in feats if f.startswith("doubt="))) for feats, lab in found) == [(0, "doubt=negated"), (1, "doubt=plain_subject")]
    weights = train(found * 5)
    assert weights["doubt=plain_subject"] > 0 > weights["doubt=negated"]
    assert kept == []  # both readings were doubted: none is one the rules take


def test_the_trainer_labels_the_readings_the_rules_take(tmp_path) -> None:
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from training.build_indirect_gate import examples

    said = "Budi Santoso memastikan stok beras akan cukup sampai akhir tahun."
    content = "stok beras akan cukup sampai akhir tahun"
    start = said.index(content)
    quote = {"type": "indirect", "quote": content, "quote_start": start, "quote_end": start + len(content), "speaker": "Budi Santoso"}
    plain = "Rina Wulandari menolak tawaran klub dari Turki itu."
    path = tmp_path / "train.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in [{"id": "a", "text": said, "quotes": [quote]}, {"id": "b", "text": plain, "quotes": []}]) + "\n", encoding="utf-8")
    _, kept = examples(path, quoteattr.load("rules", learned=False))
    assert sorted((lab, next(f for f in feats if f.startswith("root=") and "|" not in f)) for feats, lab in kept) == [(0, "root=tolak"), (1, "root=pasti")]


def test_learned_false_turns_the_gate_off_in_a_saved_pipeline(tmp_path) -> None:
    quoteattr.load("rules").to_disk(tmp_path / "pipe")
    assert quoteattr.load(tmp_path / "pipe").get_pipe("quoteattr_attributor").learned_indirect
    assert not quoteattr.load(tmp_path / "pipe", learned=False).get_pipe("quoteattr_attributor").learned_indirect


def test_a_name_in_marks_after_sebagai_is_no_reading(nlp_rules) -> None:
    art = Article(nlp_rules.make_doc('Warga menyebut kawasan itu sebagai "kampung pelangi" sejak dulu.'))
    assert read_verb(art, _site(art, "menyebut")) is None


def test_a_manner_adverbial_before_the_verb_is_no_part_of_the_plain_subject(nlp_rules) -> None:
    text = "Jakarta -- Perusahaan rintisan Maju Jaya secara resmi mengumumkan rencana ekspansi ke Surabaya tahun depan."
    art = Article(nlp_rules.make_doc(text))
    r = read_verb(art, _site(art, "mengumumkan"))
    assert r is not None and r.mention is not None
    assert not r.mention.text.endswith("secara resmi")
