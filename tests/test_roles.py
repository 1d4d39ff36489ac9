"""The learned role scorer: candidates around a name, the shipped model, and what it adds to the rules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import quoteattr
from quoteattr.lexicon import default_lexicon, speaker_lexicon
from quoteattr.resolve.role_text import clean_role
from quoteattr.roles import RoleModel, candidate_text, candidates, model_path, role_model, scored_roles
from quoteattr.tokenizer import blank

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def nlp_plain():
    return blank()


@pytest.mark.parametrize(
    "text,name,kind,expected",
    [
        ("Komisioner Lembaga Sensor Nasional Wahyu Pratama menolak.", "Wahyu Pratama", "pre", "Komisioner Lembaga Sensor Nasional"),
        ("Menurut pelatih kepala tim Garuda, Andi Wijaya, latihan cukup.", "Andi Wijaya", "app_before", "pelatih kepala tim Garuda"),
        ("Dewi Lestari (34), pedagang sayur di Pasar Minggu, mengeluh.", "Dewi Lestari", "app_after", "pedagang sayur di Pasar Minggu"),
        ("Budi Hartono yang merupakan pengurus koperasi nelayan Muara Baru menyebut hal itu.", "Budi Hartono", "copula", "pengurus koperasi nelayan Muara Baru"),
        # honorifics and ranks stand between the role and the name
        ("Menurut ahli gizi klinis, Dr. Maria Ulfa, sarapan penting.", "Maria Ulfa", "app_before", "ahli gizi klinis"),
        ("Kasubbag Humas Polres Sleman, AKP Rudi Prasetyo, mengatakan jalan ditutup.", "Rudi Prasetyo", "app_before", "Kasubbag Humas Polres Sleman"),
        # a short parenthesis after the name: a handle, a nickname
        ("“Mudah,” tulis Nadia Putri (@nadiap), penulis resep vegan, di akunnya.", "Nadia Putri", "app_after", "penulis resep vegan"),
        # yakni / yaitu where a comma would stand
        ("Penata musik film Arunika yakni Arya Dwipa menyebut lagunya selesai.", "Arya Dwipa", "app_before", "Penata musik film Arunika"),
        # a role right after the name, with no comma before it
        ("Lina Marlina pengamat transportasi Universitas Trisakti, menilai tarif terlalu mahal.", "Lina Marlina", "app_bare", "pengamat transportasi Universitas Trisakti"),
        # an appositive after the name closes at a speech verb or at an adjunct it cannot hold
        ("Dimas Saputra, Kepala Unit Pelaksana Teknis Taman Wisata Kaliurang menyebut tiket naik.", "Dimas Saputra", "app_after", "Kepala Unit Pelaksana Teknis Taman Wisata Kaliurang"),
        ("“Air naik,” kata Joko, warga setempat kepada wartawan.", "Joko", "app_after", "warga setempat"),
        # a hyphen inside a word does not break the run; a demonstrative may close it
        ("Pelatih Persiraja-Muda Banda Aceh, Rahmat Hidayat, memberi bocoran.", "Rahmat Hidayat", "app_before", "Pelatih Persiraja-Muda Banda Aceh"),
        ("Hal itu disampaikan ko-produser film tersebut, Dimas Saputra.", "Dimas Saputra", "app_before", "ko-produser film"),
        # an acronym in parentheses inside the title; a title closed by a demonstrative right before the name
        ("Ketua Umum Partai Nusantara Raya (PNR) Rahmat Hidayat hadir.", "Rahmat Hidayat", "pre", "Ketua Umum Partai Nusantara Raya (PNR)"),
        ("Namun, wakil ketua umum induk organisasi catur nasional tersebut Rahmat Hidayat menolak.", "Rahmat Hidayat", "pre", "wakil ketua umum induk organisasi catur nasional"),
        # a relative clause inside an appositive, before or after the name
        ("Dr. Maria Ulfa, dokter yang merawat pasien itu, mengatakan kondisinya membaik.", "Maria Ulfa", "app_after", "dokter yang merawat pasien itu"),
        ("Kiper Persib yang musim lalu dipinjamkan ke Arema, Dimas Saputra, siap bermain.", "Dimas Saputra", "app_before", "Kiper Persib yang musim lalu dipinjamkan ke Arema"),
        # a capitalized title's own list or place goes on across its commas
        ("Kepala Pusat Data, Informasi, dan Humas BPBD Sulteng Rahmat Hidayat mengatakan air surut.", "Rahmat Hidayat", "pre", "Kepala Pusat Data, Informasi, dan Humas BPBD Sulteng"),
        ("Konsul Jenderal RI di Jeddah, Arab Saudi, Fadli Rahman, mengatakan jemaah aman.", "Fadli Rahman", "app_before", "Konsul Jenderal RI di Jeddah, Arab Saudi"),
        # a description closed by a demonstrative in the next sentence refers back to the name
        ("Rafael Santos menang di Sepang. Pebalap asal Brasil itu kini memimpin klasemen.", "Rafael Santos", "narrative", "Pebalap asal Brasil"),
    ],
)
def test_candidates_stand_where_roles_stand(nlp_plain, text, name, kind, expected):
    doc = nlp_plain(text)
    found = {(c.kind, candidate_text(doc, c)) for c in candidates(doc, name, speaker_lexicon()) if c.maximal}
    assert (kind, expected) in found


def test_an_appositive_may_hold_an_adjunct_of_its_own(nlp_plain):
    doc = nlp_plain("Joko, warga di Desa Sukamaju, mengeluh.")
    found = {candidate_text(doc, c) for c in candidates(doc, "Joko", speaker_lexicon()) if c.kind == "app_after"}
    assert found == {"warga di Desa Sukamaju"}


def test_a_stray_phrase_reads_as_one(nlp_plain):
    """The features that tell a clause or a stray phrase from a title: a verb, a function word
    no role holds, an opening connector."""
    from quoteattr.roles import RoleCandidate, features

    doc = nlp_plain("Sementara kemenangan oleh lawannya membuat Budi Hartono senang.")
    stray = features(doc, RoleCandidate(0, 5, "pre", True, True, True), speaker_lexicon())
    assert {"has_verb", "has_function_word", "first_adverb"} <= set(stray)
    title = features(nlp_plain("Ketua RT 05 Budi Hartono datang."), RoleCandidate(0, 3, "pre", True, True, True), speaker_lexicon())
    assert not {"has_verb", "has_function_word", "first_adverb"} & set(title)


def test_a_candidate_in_the_lead_says_so(nlp_plain):
    from quoteattr.roles import features

    lead = "Ketua RT 05 Budi Hartono datang."
    doc = nlp_plain(lead + " Hujan turun." * 60 + " Ketua RT 05 Budi Hartono pulang.")
    lex = speaker_lexicon()
    first, last = [c for c in candidates(doc, "Budi Hartono", lex) if c.kind == "pre" and c.maximal]
    assert "lead|kind=pre" in features(doc, first, lex) and "lead|kind=pre" not in features(doc, last, lex)


def test_no_candidate_across_a_clause(nlp_plain):
    """A role stated for a pronoun, or words across a verb or a sentence end, are not candidates."""
    doc = nlp_plain("Tadi pagi Rudi Salam datang. Ia selaku Ketua RT 05 menjelaskan.")
    found = {candidate_text(doc, c) for c in candidates(doc, "Rudi Salam", speaker_lexicon())}
    assert not any("Ketua" in f or "datang" in f for f in found)


def test_a_description_after_another_name_or_far_away_is_no_candidate(nlp_plain):
    """A narrative description is a candidate within the two sentences after a mention, and
    an indefinite one (seorang pelatih) introduces someone else."""
    near = nlp_plain("Rafael Santos menang. Seorang pebalap muda itu jatuh.")
    far = nlp_plain("Rafael Santos menang. Ia senang. Hujan turun. Pebalap asal Brasil itu menang lagi.")
    for doc in (near, far):
        assert not [c for c in candidates(doc, "Rafael Santos", speaker_lexicon()) if c.kind == "narrative"]
    close = nlp_plain("Rafael Santos menang. Ia senang. Pebalap asal Brasil itu menang lagi.")
    assert [candidate_text(close, c) for c in candidates(close, "Rafael Santos", speaker_lexicon()) if c.kind == "narrative"] == ["Pebalap asal Brasil"]


def test_a_later_short_mention_has_candidates_too(nlp_plain):
    doc = nlp_plain("Andi Wijaya datang. Kapten tim voli putri Andi berbicara.")
    got = {candidate_text(doc, c) for c in candidates(doc, "Andi Wijaya", speaker_lexicon()) if c.kind == "pre"}
    assert "Kapten tim voli putri" in got and not any("datang" in g for g in got)


def test_the_model_is_shipped_with_its_card():
    path = model_path()
    assert path is not None and path.is_file()
    data = json.loads(path.read_text(encoding="utf-8"))
    assert "CC BY-SA 4.0" in data["license"] and 0 < data["threshold"] < 1 and len(data["weights"]) > 100
    assert data["report"]["dev_precision"] >= 0.75


def test_scores_are_probabilities_and_pick_the_best(nlp_plain):
    model = RoleModel({"bias": -1.0, "kind=app_after": 3.0}, threshold=0.5)
    doc = nlp_plain("Dewi Lestari, pedagang sayur, mengeluh.")
    got = scored_roles(doc, "Dewi Lestari", speaker_lexicon(), model)
    assert got[0][0] == "pedagang sayur" and model.threshold < got[0][1] < 1
    assert [p for _, p in got] == sorted((p for _, p in got), reverse=True)
    low = RoleModel({"bias": -5.0}, 0.5)
    assert all(p < low.threshold for _, p in scored_roles(doc, "Dewi Lestari", speaker_lexicon(), low))


# Roles no word list holds: the rules alone leave them empty, the learned scorer reads them.
UNLISTED_ROLES = [
    ("Penjaga pintu air Manggarai, Slamet Riyadi, berkata air naik. “Hujan terus,” kata Slamet.", "Slamet Riyadi", "Penjaga pintu air Manggarai"),
    ("Pemandu wisata gunung Rinjani Lalu Ahmad Fauzi menyebut jalur ditutup. “Terlalu licin,” kata Fauzi.", "Lalu Ahmad Fauzi", "Pemandu wisata gunung Rinjani"),
    ("“Kami rugi besar,” kata Yanto Saputra. Yanto, pemilik bengkel las di Cibinong, tidak bisa bekerja sejak banjir.", "Yanto Saputra", "pemilik bengkel las di Cibinong"),
    ("Dewi Lestari (34), pedagang sayur di Pasar Minggu, mengeluh harga cabai naik. “Modal kami habis,” katanya.", "Dewi Lestari", "pedagang sayur di Pasar Minggu"),
    ("Budi Hartono yang merupakan pengurus koperasi nelayan Muara Baru menyebut hasil tangkapan turun. “Ikan makin jauh,” kata Budi.", "Budi Hartono", "pengurus koperasi nelayan Muara Baru"),
    # an unlisted noun of one who does something (pe- + lapor) before another person's name
    ("Penggugat Rudi Hartono, Andi Saputra menyatakan kecewa. “Kami akan banding,” kata Andi.", "Andi Saputra", "Penggugat Rudi Hartono"),
    # …and closed by a demonstrative before the name's comma
    ("Pelapor kasus itu, Andi Saputra menyatakan kecewa. “Kami akan banding,” kata Andi.", "Andi Saputra", "Pelapor kasus"),
]


@pytest.mark.parametrize("text,name,role", UNLISTED_ROLES)
def test_learned_roles_fill_what_the_rules_leave_empty(text, name, role):
    rules = [q for q in quoteattr.extract(text, nlp=quoteattr.load("rules", learned=False)) if q.speaker_name == name]
    learned = [q for q in quoteattr.extract(text, nlp=quoteattr.load("rules")) if q.speaker_name == name]
    assert rules and all(q.role is None for q in rules)
    assert learned and all(q.role == role for q in learned)


def test_a_role_the_rules_read_is_kept(nlp_rules):
    text = "“Kami siap,” kata Kepala Dinas Perhubungan DKI Jakarta Syafrin Liputo."
    (q,) = quoteattr.extract(text, nlp=nlp_rules)
    assert q.role == "Kepala Dinas Perhubungan DKI Jakarta"


def test_learned_off_is_the_rules_alone():
    nlp = quoteattr.load("rules", learned=False)
    assert nlp.get_pipe("quoteattr_attributor").learned_roles is False
    assert role_model() is not None


def test_no_role_inside_what_the_speaker_said(nlp_plain):
    doc = nlp_plain("Penduduk, kata Diana Lestari, hidup di atas lumpur bila musim kemarau tiba.")
    spoken = [(doc.text.index("hidup"), len(doc.text) - 1)]
    assert candidates(doc, "Diana Lestari", speaker_lexicon()) and not candidates(doc, "Diana Lestari", speaker_lexicon(), quotes=spoken)
    (q,) = quoteattr.extract(doc.text, nlp=quoteattr.load("rules"))
    assert q.speaker_name == "Diana Lestari" and q.role is None


def test_one_entity_one_role():
    from quoteattr.resolve import one_role_per_speaker
    from quoteattr.types import Quote

    qs = [
        Quote("direct", "a", 0, 1, speaker_name="Budi Santoso", speaker_type="person", role="Kepala Dinas"),
        Quote("direct", "b", 2, 3, speaker_name="Budi Santoso", speaker_type="person", role=None),
        Quote("direct", "c", 4, 5, speaker_name="Budi Santoso", speaker_type="person", role="Kepala Dinas Pendidikan Kota Bogor"),
        Quote("direct", "d", 6, 7, speaker_name="Ani", speaker_type="person", role=None),
    ]
    assert [q.role for q in one_role_per_speaker(qs)] == ["Kepala Dinas Pendidikan Kota Bogor"] * 3 + [None]


def test_the_fullest_form_of_a_role_the_rules_cut_short():
    text = "Kapolsek Sukamaju Barat AKP Yohanes Lamba mengatakan pelaku sudah ditangkap. “Kami masih memeriksa saksi,” kata Kapolsek Yohanes."
    roles = {q.role for q in quoteattr.extract(text, nlp=quoteattr.load("rules"))}
    assert roles == {"Kapolsek Sukamaju Barat"}, roles


def test_the_fullest_form_of_a_role_holding_a_camel_case_name():
    # the rules read the organization written apart (MetroTV -> Metro TV); the fuller role holds it
    text = "Mantan kontributor MetroTV Hilman Mattauch diperiksa KPK. “Saya tidak tahu,” kata Hilman."
    roles = {q.role for q in quoteattr.extract(text, nlp=quoteattr.load("rules"))}
    assert roles == {"Mantan kontributor MetroTV"}, roles


def test_overlap_index_agrees_with_a_scan() -> None:
    import random

    from quoteattr.roles import _overlaps

    rng = random.Random(7)
    for _ in range(200):
        spans = [(a, a + rng.randint(1, 30)) for a in (rng.randint(0, 300) for _ in range(rng.randint(0, 12)))]
        inside = _overlaps(spans)
        for _ in range(20):
            s = rng.randint(0, 330)
            e = s + rng.randint(1, 20)
            assert inside(s, e) == any(a < e and s < b for a, b in spans)


@pytest.mark.parametrize(
    "text,role",
    [
        ("Seorang wartawan yang berada di dalam rombongan itu mengatakan bahwa pesawat mendarat darurat.", "wartawan yang berada di dalam rombongan"),
        ("Seorang pedagang yang sudah berjualan sejak 1990 mengatakan bahwa pasar itu makin sepi.", "pedagang yang sudah berjualan sejak 1990"),
        # a description with no clause keeps its words only
        ("Seorang pedagang mengatakan bahwa pasar itu makin sepi.", "pedagang"),
    ],
)
def test_an_unnamed_speaker_s_role_keeps_its_relative_clause(nlp_rules, text, role):
    (q,) = quoteattr.extract(text, nlp_rules)
    assert q.speaker_name is None and q.role == role


@pytest.mark.parametrize("override,expected", [(None, "Kepala Dinas Perhubungan"), (0.3, "pengamat kota")])
def test_the_scorer_overrules_a_rules_role_it_doubts(monkeypatch, override, expected):
    """A role the rules read that the scorer rates below its ``override`` level gives way to a
    candidate it rates at or above it; with no override level the rules' role stands."""
    import quoteattr.roles

    toy = RoleModel({"bias": 0.0, "kind=pre": -5.0, "kind=app_after": 5.0}, 0.1, override)
    monkeypatch.setattr(quoteattr.roles, "role_model", lambda: toy)
    text = "Kepala Dinas Perhubungan Syafrin Liputo hadir. Syafrin Liputo, pengamat kota, mengatakan jalan itu sempit."
    roles = {q.role for q in quoteattr.extract(text, nlp=quoteattr.load("rules")) if q.speaker_name == "Syafrin Liputo"}
    assert roles == {expected}, roles


@pytest.mark.parametrize("score,expected", [(0.4, "Kepala Dinas Perhubungan"), (0.6, "pengamat kota")])
def test_the_scorer_overrules_a_rules_role_it_never_saw_above_even_odds(monkeypatch, score, expected):
    """A role the rules read that is none of the scorer's candidates gives way to the scorer's
    best candidate only when it rates that candidate above even odds."""
    import quoteattr.roles

    toy = RoleModel({"bias": 0.0}, 0.1, 0.3)
    monkeypatch.setattr(quoteattr.roles, "role_model", lambda: toy)
    monkeypatch.setattr(quoteattr.roles, "scored_roles", lambda *a, **k: [("pengamat kota", score)])
    text = "Kepala Dinas Perhubungan Syafrin Liputo hadir. Syafrin Liputo mengatakan jalan itu sempit."
    roles = {q.role for q in quoteattr.extract(text, nlp=quoteattr.load("rules")) if q.speaker_name == "Syafrin Liputo"}
    assert roles == {expected}, roles


def test_the_shipped_role_model_overrules_below_its_level():
    model = role_model()
    assert model is not None and model.override is not None and model.threshold < model.override < 1


@pytest.mark.parametrize(
    "text,role",
    [
        # a phrase after the name's comma that a clause's verb follows is that clause's subject
        ("Menurut Ahli Gizi Klinik, Hendra Wijaya, sejumlah kebiasaan dalam menjalani diet dapat membuat tubuh lemah.", None),
        # an adjunct with a speech verb after it closes an appositive
        ("Hendra Wijaya, warga setempat kepada wartawan mengatakan jalan itu rusak.", "warga setempat"),
        # a verb after yang belongs to the appositive's relative clause
        ("“Kami terus maju,” kata Hendra Wijaya, utusan Indonesia di koalisi yang memerangi narkoba.", "utusan Indonesia di koalisi"),
    ],
)
def test_an_appositive_after_a_name_is_no_clause_subject(nlp_plain, text, role):
    from quoteattr.resolve.role_text import appositive

    doc = nlp_plain(text)
    after = next(t.i for t in doc if t.text == "Wijaya") + 2  # the word after the name's comma
    got = appositive(doc, after, 1, speaker_lexicon())
    assert got == role


def test_a_hyphenated_name_is_found_whole_and_no_role_takes_its_first_part(nlp_plain):
    from quoteattr.roles import name_mentions

    doc = nlp_plain("“Kami akan bangkit,” ujar pengamat politik Jean-Paul Moreau.")
    assert next((doc[s:e].text, full) for s, e, full in name_mentions(doc, "Jean-Paul Moreau")) == ("Jean-Paul Moreau", True)
    found = {candidate_text(doc, c) for c in candidates(doc, "Jean-Paul Moreau", speaker_lexicon()) if c.maximal}
    assert "pengamat politik" in found and not any("Jean" in f for f in found)


@pytest.mark.parametrize("opening", ["Dalam kesempatan itu", "Sementara itu", "Selain itu"])
def test_an_adverbial_closed_by_a_demonstrative_is_no_appositive(nlp_plain, opening):
    doc = nlp_plain(f"{opening}, Darto Wibisono mengatakan air sudah surut.")
    assert not [c for c in candidates(doc, "Darto Wibisono", speaker_lexicon()) if c.kind == "app_before"]


@pytest.mark.parametrize("phrase", ["Sementara", "baru", "sementara dan utama"])
def test_words_that_only_continue_a_title_are_no_role(phrase):
    assert clean_role(phrase, default_lexicon()) is None


def test_a_connective_opening_the_sentence_is_no_role():
    quotes = quoteattr.extract("Harga cabai naik. Sementara Darto Wibisono mengatakan harga beras akan turun pekan depan.")
    assert [(q.speaker_name, q.role) for q in quotes] == [("Darto Wibisono", None)]


@pytest.mark.parametrize(
    "phrase,read",
    [
        # no title word from the lists: a role only once the learned scorer judged it one
        ("Bintang Persija", "Bintang Persija"),
        ("Miss Universe 2016", "Miss Universe 2016"),
        # never a person's name, a place, a number, a list or a sentence's first word
        ("Lee Ryan", None),
        ("Semarang", None),
        ("22", None),
        ("Anthony Costa, Lee Ryan", None),
        ("Madura United, Persebaya", None),
        ("Terakhir", None),
    ],
)
def test_a_phrase_the_scorer_judged_a_role_needs_no_listed_title_word(phrase, read):
    lex = default_lexicon()
    assert clean_role(phrase, lex, title_known=True) == read
    if read is not None:
        assert clean_role(phrase, lex) is None  # the rules alone want a listed word


def test_the_learned_role_of_a_star_of_a_club():
    text = "Jakarta -- Bintang Persija, Rudi Hartono menegaskan bahwa prioritas utamanya adalah bertahan di klub."
    learned = [q for q in quoteattr.extract(text, nlp=quoteattr.load("rules")) if q.speaker_name == "Rudi Hartono"]
    assert learned and all(q.role == "Bintang Persija" for q in learned)


def test_a_cited_source_before_the_name_is_no_role(nlp_plain):
    """``mengutip Contact Music, Ben Affleck …``: the words after a verb of citing name the
    source, not the speaker's title."""
    doc = nlp_plain("Film itu tetap laris. Tapi, mengutip Harian Nusantara, Rudi Hartono menyebut film itu sukses.")
    found = {candidate_text(doc, c) for c in candidates(doc, "Rudi Hartono", speaker_lexicon())}
    assert not any("Nusantara" in f for f in found)
    doc = nlp_plain("Film itu tetap laris. Tapi, produser Harian Nusantara, Rudi Hartono menyebut film itu sukses.")
    found = {candidate_text(doc, c) for c in candidates(doc, "Rudi Hartono", speaker_lexicon())}
    assert "produser Harian Nusantara" in found


@pytest.mark.parametrize(
    "phrase,read",
    [
        ("aktor berusia 43 tahun", "aktor"),
        ("pelukis 60 tahun yang baru pulang dari Bali", "pelukis"),
        ("arsitek kelahiran Medan", "arsitek"),
        ("penjahit kelahiran Solo, Jawa Tengah", "penjahit"),
        # a description by age alone keeps it
        ("pria berusia 49 tahun", "pria berusia 49 tahun"),
        ("Perempuan kelahiran Bandung", "Perempuan kelahiran Bandung"),
        # a relation's age is the other person's: "a friend of the 19-year-old defender"
        ("kawan pemain berusia 19 tahun", "kawan pemain berusia 19 tahun"),
        # a span of time is no age, and an age with more role after it stays
        ("perawat yang bekerja selama 20 tahun", "perawat yang bekerja selama 20 tahun"),
        ("nelayan berusia 50 tahun sekaligus ketua kelompok tani", "nelayan berusia 50 tahun sekaligus ketua kelompok tani"),
    ],
)
def test_an_occupation_drops_the_age_after_it(phrase, read):
    assert clean_role(phrase, default_lexicon()) == read


def test_a_rules_role_that_holds_the_scorer_s_pick_whole_stands(monkeypatch):
    """A role the scorer never saw as a candidate stands when it holds the scorer's pick whole:
    the fuller form of the same titles."""
    import quoteattr.roles

    toy = RoleModel({"bias": 0.0}, 0.1, 0.3)
    monkeypatch.setattr(quoteattr.roles, "role_model", lambda: toy)
    monkeypatch.setattr(quoteattr.roles, "scored_roles", lambda *a, **k: [("Kepala Dinas Perhubungan", 0.9)])
    text = "“Jalan itu sempit,” kata Ketua panitia lomba yang juga Kepala Dinas Perhubungan Syafrin Liputo, Senin."
    roles = {q.role for q in quoteattr.extract(text, nlp=quoteattr.load("rules")) if q.speaker_name == "Syafrin Liputo"}
    assert roles == {"Ketua panitia lomba yang juga Kepala Dinas Perhubungan"}, roles


def test_an_unnamed_source_referred_back_keeps_its_fuller_description(nlp_rules):
    """*kata sumber itu* after *Sumber yang dekat dengan keluarga …* is that source, with that
    description; *sumber yang lain* is another one, described by nothing more."""
    text = (
        "Penyanyi itu dikabarkan sakit. Sumber yang dekat dengan keluarga penyanyi itu mengatakan bahwa ia dirawat di rumah sakit. "
        "“Dia sudah membaik,” kata sumber itu. “Dia akan pulang besok,” kata sumber yang lain."
    )
    roles = [q.role for q in quoteattr.extract(text, nlp_rules)]
    assert roles == ["Sumber yang dekat dengan keluarga penyanyi", "Sumber yang dekat dengan keluarga penyanyi", "sumber"], roles


@pytest.mark.parametrize(
    "text,role",
    [
        ("Hendra Wijaya, beberapa waktu lalu, mengatakan bahwa penjualan mobil listrik naik.", None),
        ("Ketua RT Hendra Wijaya, pekan lalu, mengatakan bahwa jalan desa itu rusak parah.", "Ketua RT"),
    ],
)
def test_a_time_adverbial_set_off_by_commas_is_no_role(nlp_rules, text, role):
    (q,) = quoteattr.extract(text, nlp_rules)
    assert (q.speaker_name, q.role) == ("Hendra Wijaya", role)


def test_how_a_statement_was_given_is_no_role():
    from quoteattr.resolve.role_text import clean_role

    assert clean_role("resmi") is None
    assert clean_role("tertulis") is None
    assert clean_role("juru bicara resmi") == "juru bicara resmi"
