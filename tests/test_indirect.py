"""Indirect and mixed speech as a reader sees it: stance and belief verbs, every position of the cue,
and what is not reported speech. Invented sentences; each row failed before the change it tests."""

from __future__ import annotations

import pytest

import quoteattr
from quoteattr.cues import lexicon

LEAD = "Budi Santoso datang ke balai desa pagi itu. "

# (text, the reported content, the speaker's name)
REPORTED = [
    # a request: a person and a predicate, or an introducer before the thing asked for
    ("Wali kota meminta warga untuk tetap tenang menghadapi banjir.", "warga untuk tetap tenang menghadapi banjir", None),
    ("Wali kota meminta agar pendapat warga didengar oleh dewan kota.", "pendapat warga didengar oleh dewan kota", None),
    # stance and belief verbs, with and without an introducer
    ("Budi Santoso meragukan bahwa proyek itu selesai tahun ini.", "proyek itu selesai tahun ini", "Budi Santoso"),
    (LEAD + "Ia percaya tim nasional akan menang di final nanti.", "tim nasional akan menang di final nanti", "Budi Santoso"),
    ("Sari Dewi tak memungkiri bahwa persiapan timnya belum maksimal.", "persiapan timnya belum maksimal", "Sari Dewi"),
    ("Budi Santoso bilang apabila hujan turun, pertandingan akan ditunda sampai besok.", "apabila hujan turun, pertandingan akan ditunda sampai besok", "Budi Santoso"),
    ("Rina Kartika merasa, pelatihan itu terlalu singkat untuk pemula.", "pelatihan itu terlalu singkat untuk pemula", "Rina Kartika"),
    ("Dewi Anggraini berpandangan, pemerintah harus menurunkan harga beras.", "pemerintah harus menurunkan harga beras", "Dewi Anggraini"),
    ("Agus Salim bersikeras dana desa itu sudah dipakai sesuai aturan.", "dana desa itu sudah dipakai sesuai aturan", "Agus Salim"),
    # a description closed by a demonstrative as the subject
    (LEAD + "Mantan kepala sekolah ini mengatakan, murid baru harus diantar orang tuanya.", "murid baru harus diantar orang tuanya", "Budi Santoso"),
    (LEAD + "Pria asal Garut itu menegaskan bahwa jalan desa akan diperbaiki bulan depan.", "jalan desa akan diperbaiki bulan depan", "Budi Santoso"),
    # menurut without a comma
    (LEAD + "Menurutnya warga harus ikut menjaga kebersihan sungai setiap hari.", "warga harus ikut menjaga kebersihan sungai setiap hari", "Budi Santoso"),
    ("Menurut Rina Kartika pelaporan itu sarat muatan politis.", "pelaporan itu sarat muatan politis", "Rina Kartika"),
    (LEAD + "Hal itu menurutnya harus segera diselesaikan oleh pemerintah daerah.", "harus segera diselesaikan oleh pemerintah daerah", "Budi Santoso"),
    # the cue inside the sentence, the content after its speaker
    (LEAD + "Tapi kata Budi sampah yang dibakar di tepi jalan mengganggu pengendara.", "sampah yang dibakar di tepi jalan mengganggu pengendara", "Budi Santoso"),
    (LEAD + "Pemerintah kabupaten, lanjut Budi akan mengirim surat kepada para camat.", "akan mengirim surat kepada para camat", "Budi Santoso"),
    (LEAD + "Secara garis besar kata dia, film itu bercerita tentang seorang guru.", "film itu bercerita tentang seorang guru", "Budi Santoso"),
    (LEAD + "Perusahaan itu, lanjutnya telah menanam modal dua juta dolar di Batam.", "telah menanam modal dua juta dolar di Batam", "Budi Santoso"),
    ("Budi Santoso mengatakan dukungan warga menjadi kunci keberhasilan program itu.", "dukungan warga menjadi kunci keberhasilan program itu", "Budi Santoso"),
    # a verb of giving with a noun of speech (periphrastic cue)
    ("Sari Dewi memberikan penegasan bahwa fraksinya akan terus mendukung pemerintah.", "fraksinya akan terus mendukung pemerintah", "Sari Dewi"),
    ("Budi Santoso menyampaikan keterangan bahwa korban sudah dibawa ke rumah sakit.", "korban sudah dibawa ke rumah sakit", "Budi Santoso"),
    # verbs of saying and stated position mined from the quotes-id train split
    ("Rina Kartika beralasan jalan itu rusak karena truk bermuatan berat.", "jalan itu rusak karena truk bermuatan berat", "Rina Kartika"),
    ("Budi Santoso berujar bahwa panen tahun ini lebih baik dari tahun lalu.", "panen tahun ini lebih baik dari tahun lalu", "Budi Santoso"),
    ("Sari Dewi menjamin bahwa stok beras di gudang cukup sampai Lebaran.", "stok beras di gudang cukup sampai Lebaran", "Sari Dewi"),
    ("Agus Salim memerintahkan agar semua camat turun ke lokasi banjir.", "semua camat turun ke lokasi banjir", "Agus Salim"),
    ("Dewi Anggraini berkukuh tidak pernah menerima uang dari kontraktor itu.", "tidak pernah menerima uang dari kontraktor itu", "Dewi Anggraini"),
    # menurut closing the sentence: after a comma with a speaker the rules do not read, or with no
    # comma, an adjunct of place or time at most after the speaker
    ("Rumah tua itu terjual tiga miliar rupiah, menurut rumah lelang Pelita Jaya.", "Rumah tua itu terjual tiga miliar rupiah", "Pelita Jaya"),
    ("Kapal itu tenggelam setelah menabrak karang di perairan Selat Sunda menurut Kepala Dinas Perhubungan Hendra Wijaya di Pelabuhan Ratu, Selasa.", "Kapal itu tenggelam setelah menabrak karang di perairan Selat Sunda", "Hendra Wijaya"),
    # commas on both sides of the cue: what follows the speaker's comma is content, not an appositive
    ("Penduduk, kata Diana Lestari, hidup di atas lumpur bila musim kemarau tiba.", "hidup di atas lumpur bila musim kemarau tiba", "Diana Lestari"),
]

# (text, why it is not reported speech)
NOT_REPORTED = [
    ("Dia tak menyebutkan siapa saja yang terlibat dalam kasus pencurian tersebut.", "a negated speech act"),
    ("Budi Santoso memuji Andi Wijaya setelah pertandingan itu berakhir dengan kemenangan.", "the object names whom, not what"),
    ("Rina Kartika merasa senang sekali dengan hadiah dari sekolahnya kemarin.", "a feeling, not a stated position"),
    ("Polisi mengungkap kasus pencurian motor di Jalan Merdeka pekan lalu.", "mengungkap a case is not reporting"),
    ("Tim itu minta maaf kepada para suporter atas kekalahan di kandang sendiri.", "an apology with no content"),
    ("Wali kota meminta pendapat para ahli tata kota sebelum aturan itu disahkan.", "the thing asked for, no reported speech"),
    ("Pelatih itu meminta restu keluarganya untuk melatih tim di luar negeri.", "the thing asked for, no reported speech"),
    ("“Kami siap bertanding,” kata Budi Santoso, seperti dikutip dari Antara.", "the credit of a direct quote"),
    ("Budi Santoso memberikan keterangan kepada polisi di kantornya kemarin sore.", "giving a statement, with no content"),
    ("Menurut data Badan Pusat Statistik, harga beras naik dua persen bulan ini.", "a fact from data, no one speaking"),
    ("Survei Lembaga Indikator menyebutkan elektabilitas partai itu turun tajam.", "a survey is a document"),
    ("Perusahaan rintisan itu mengumumkan akuisisi terhadap dua startup lokal.", "mengumumkan an event"),
    ("Pelatih tim tamu mengungkapkan kesedihannya setelah kalah tiga gol di kandang lawan.", "a feeling named, not a statement"),
    ("Menteri itu menyampaikan apresiasi atas kerja keras para relawan di lokasi banjir.", "thanks, not a statement"),
    ("Lebih lanjut Budi menyerahkan bantuan itu kepada para korban banjir.", "lebih lanjut is an adverb"),
    ("Menurut pantauan Harian Nusantara, pemudik yang mengendarai mobil pribadi harus menunggu sekitar 40 menit untuk memasuki kapal.", "an observation is a fact from a source"),
    ("Temuan ini mengungkapkan bahwa olahraga rutin dapat menurunkan tekanan darah secara signifikan.", "a finding is a document"),
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
