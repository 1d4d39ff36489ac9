"""Parametrized tables of quote constructions, on the team's own Indonesian sentences.

Each row: text, expected (type, quote-start words, speaker_name, cue) of every quote, in order.
Run on the rule pipeline so they hold without the NER model.
"""

from __future__ import annotations

import pytest

import quoteattr

DIRECT_CUE_AFTER = [
    ('“Kami akan menambah armada bus,” kata Kepala Dinas Perhubungan DKI Jakarta Syafrin Liputo.', "Kami akan menambah", "Syafrin Liputo", "kata"),
    ('"Harga cabai sudah mulai turun," ujar Rahmat, pedagang di Pasar Senen.', "Harga cabai", "Rahmat", "ujar"),
    ('“Kami belum menerima laporan,” jawab Budi Hartono.', "Kami belum", "Budi Hartono", "jawab"),
    ('“Proyek ini selesai tahun depan,” tutur Gubernur Jawa Barat Ridwan Kamil di Bandung, Senin (3/1/2022).', "Proyek ini", "Ridwan Kamil", "tutur"),
    ('“Semua pihak harus menahan diri,” tegas Ketua DPRD Kota Bogor Atang Trisnanto.', "Semua pihak", "Atang Trisnanto", "tegas"),
    ('“Kami sudah siap,” ucap Ajun Komisaris Roland Manurung.', "Kami sudah siap", "Roland Manurung", "ucap"),
    ('“Vaksinasi dosis ketiga dimulai pekan depan,” ungkap Dr. H. Siti Nadia Tarmizi, M.Epid.', "Vaksinasi dosis", "Siti Nadia Tarmizi", "ungkap"),
    ('“Kita tidak boleh lengah,” imbuh Menteri Kesehatan Budi Gunadi Sadikin.', "Kita tidak", "Budi Gunadi Sadikin", "imbuh"),
    ('“Terima kasih atas dukungan kalian,” tulis Raffi Ahmad di akun Instagram miliknya.', "Terima kasih", "Raffi Ahmad", "tulis"),
    ('“Selalu ada peluang,” jawab Lavrov.', "Selalu ada", "Lavrov", "jawab"),
]


@pytest.mark.parametrize("text,start,speaker,cue", DIRECT_CUE_AFTER)
def test_direct_cue_after(nlp_rules, text, start, speaker, cue):
    quotes = quoteattr.extract(text, nlp_rules)
    assert len(quotes) == 1
    q = quotes[0]
    assert q.type == "direct"
    assert q.quote.startswith(start)
    assert q.speaker_name == speaker
    assert q.cue == cue
    assert text[q.quote_start : q.quote_end] == q.quote


#: after the closing mark: a statement and its owner, "demikian" and a name, post cues mined
#: from IndoSum (sambut, ketus, saran, lantun)
STATEMENT_AFTER = [
    ('Laga ditunda sepekan. “Jadwal baru akan diumumkan kemudian,” demikian pernyataan resmi Persikabo, Selasa (4/5).', "Persikabo", "demikian"),
    ('Laga ditunda sepekan. "Jadwal baru akan diumumkan kemudian," bunyi rilis resmi Arema FC.', "Arema FC", "bunyi"),
    ('Laga ditunda sepekan. "Jadwal baru akan diumumkan kemudian," demikian bunyi keterangan tertulis PT Liga Nusantara.', "PT Liga Nusantara", "demikian"),
    ('Laga ditunda sepekan. "Jadwal baru akan diumumkan kemudian," tulis pernyataan dari pihak Persiraja.', "Persiraja", "tulis"),
    ('Laga ditunda sepekan. "Jadwal baru akan diumumkan kemudian," demikian Gunawan Susilo.', "Gunawan Susilo", "demikian"),
    ('Laga ditunda sepekan. "Saya menyesal harus pergi," demikian bunyi pernyataan yang dikeluarkan Gunawan Susilo.', "Gunawan Susilo", "demikian"),
    # a representative or spokesperson of the owner after the passive verb: unnamed, the cue read
    ('Laga ditunda sepekan. "Jadwal baru akan diumumkan kemudian," demikian pernyataan yang dikeluarkan juru bicara panitia.', None, "demikian"),
    ('Harga beras naik lagi. “Stok kami cukup sampai Lebaran,” sambut Direktur Utama Bulog Dedi Kurniawan.', "Dedi Kurniawan", "sambut"),
    ('Harga beras naik lagi. “Jangan panik membeli,” saran Sri Wahyuni kepada warga.', "Sri Wahyuni", "saran"),
    ('Harga beras naik lagi. “Itu urusan pemerintah,” ketus Hendra Saputra.', "Hendra Saputra", "ketus"),
]


@pytest.mark.parametrize("text,speaker,cue", STATEMENT_AFTER)
def test_statement_owner_and_mined_cues_after_a_quote(nlp_rules, text, speaker, cue):
    direct = [q for q in quoteattr.extract(text, nlp_rules) if q.type == "direct"]
    assert len(direct) == 1
    assert direct[0].speaker_name == speaker
    assert direct[0].cue == cue


def test_statement_referred_back_names_no_new_speaker(nlp_rules):
    text = ('Ketua Umum Persikabo Andi Wiranata mengatakan laga ditunda. "Jadwal baru akan diumumkan '
            'kemudian," demikian pernyataan tersebut.')
    direct = [q for q in quoteattr.extract(text, nlp_rules) if q.type == "direct"]
    assert len(direct) == 1
    assert direct[0].speaker != "tersebut" and direct[0].cue != "demikian"


#: a capitalized phrase with no title whose last words do not read as a person's name is one
#: organization; a listed given name, a rank or a word used alone for a speaker keeps a person
UNTITLED = [
    ('“Gelombang tinggi masih mungkin terjadi,” kata Biro Klimatologi.', "Biro Klimatologi", "organization"),
    ('“Album baru dirilis bulan depan,” tulis KQ Entertainment dalam keterangannya.', "KQ Entertainment", "organization"),
    ('Kementerian Luar Negeri Montenegro menyatakan bahwa duta besarnya sudah dipanggil pulang.', "Kementerian Luar Negeri Montenegro", "organization"),
    ('“Kami siap,” kata Kombes Hartono.', "Hartono", "person"),
    ('Juru Bicara Satgas Banjir Provinsi Bengkulu Rudy Rerung mengatakan bahwa air mulai surut.', "Rudy Rerung", "person"),
    # no name part at all: an organization word or an acronym in parentheses, no title
    ('Badan Penyelenggara Jaminan Sosial (BPJS) Ketenagakerjaan menyatakan bahwa dana peserta aman.', "Badan Penyelenggara Jaminan Sosial (BPJS) Ketenagakerjaan", "organization"),
    ('Environmental Protection Agency (EPA) Kanada menyatakan bahwa air sungai itu tercemar.', "Environmental Protection Agency (EPA) Kanada", "organization"),
    ('Kepala Badan Pusat Statistik menyatakan bahwa inflasi mulai turun.', None, "person"),
    # one word after an organization word names it unless it is spelled like a person's name
    ('Kepolisian Tasmania melaporkan bahwa sepuluh orang terluka.', "Kepolisian Tasmania", "organization"),
    ('“Kami siap,” kata Tim Hartono.', "Hartono", "person"),
    # capitalized words ending in a company's suffix
    ('Rajawali Group menyatakan bahwa pabrik baru itu mulai beroperasi tahun depan.', "Rajawali Group", "organization"),
    ('“Kami siap,” kata CEO Rajawali Group Budi Hartono.', "Budi Hartono", "person"),
    # English joining words make one organization's name even with no organization word
    ("Menurut Institute for Coastal Studies and Ecology, abrasi makin parah.", "Institute for Coastal Studies and Ecology", "organization"),
    # a describing word inside a name with joining words is the name's
    ("Lembaga untuk Warga Miskin dan Korban Bencana menyatakan bahwa bantuan belum tiba.", "Lembaga untuk Warga Miskin dan Korban Bencana", "organization"),
]


#: a governing institution's head, in lower case or with one lower-case word after it, before a
#: place: the institution speaks, named as written, not the place; a person's name stays a person
GOVERNED_PLACES = [
    ("Karena itu, pemerintah Tuvalu berharap bantuan segera datang.", "pemerintah Tuvalu", "organization"),
    ("Kerusuhan pecah setelah pemerintah Kirgistan menuduh kelompok asing menghasut warga.", "pemerintah Kirgistan", "organization"),
    ("Pemerintah daerah Papua Nugini sebelumnya menyebutkan dua jembatan putus.", "Pemerintah daerah Papua Nugini", "organization"),
    ("Di sisi lain, militer Bolivia menegaskan bahwa tidak ada penangkapan.", "militer Bolivia", "organization"),
    ("Pemerintahan Budi Santoso menyatakan bahwa anggaran itu cukup.", "Budi Santoso", "person"),
]


@pytest.mark.parametrize("text,speaker,kind", GOVERNED_PLACES)
def test_governing_institution_of_a_place(nlp_rules, text, speaker, kind):
    quotes = quoteattr.extract(text, nlp_rules)
    assert len(quotes) == 1
    assert (quotes[0].speaker_name, quotes[0].speaker_type) == (speaker, kind)


@pytest.mark.parametrize("text,speaker,kind", UNTITLED)
def test_untitled_organization_or_person(nlp_rules, text, speaker, kind):
    quotes = quoteattr.extract(text, nlp_rules)
    assert len(quotes) == 1
    assert quotes[0].speaker_name == speaker
    assert quotes[0].speaker_type == kind


def test_word_used_alone_for_a_speaker_stays_a_person(nlp_rules):
    said = "Menurut Komisi Energi Kowalczyk, rencana itu harus dikaji ulang."
    alone = quoteattr.extract(said, nlp_rules)
    assert [q.speaker_type for q in alone] == ["organization"]  # no evidence of a person
    text = "Ketua Komisi Kowalczyk mengkritik rencana itu. “Ini keliru,” kata Kowalczyk. " + said
    assert {q.speaker_name for q in quoteattr.extract(text, nlp_rules)} == {"Kowalczyk"}


CLITIC = [
    ("Wali Kota Bogor Bima Arya meninjau lokasi longsor. “Warga sudah kami evakuasi,” ujarnya.", "Bima Arya", "ujarnya"),
    ("Dokter Andi Wijaya memeriksa pasien. “Kondisinya stabil,” katanya kepada wartawan.", "Andi Wijaya", "katanya"),
    ("Ketua RT 05 Sumarno mengatakan air mulai surut. “Besok kami kerja bakti,” tuturnya.", "Sumarno", "tuturnya"),
]


@pytest.mark.parametrize("text,speaker,cue", CLITIC)
def test_clitic_cue_resolves_to_previous_person(nlp_rules, text, speaker, cue):
    direct = [q for q in quoteattr.extract(text, nlp_rules) if q.type == "direct"]
    assert len(direct) == 1
    assert direct[0].speaker == "nya"
    assert direct[0].speaker_name == speaker
    assert direct[0].cue == cue


CUE_BEFORE = [
    ("Menteri Sosial Tri Rismaharini mengatakan, “Bantuan harus sampai hari ini juga.”", "Bantuan harus", "Tri Rismaharini", "mengatakan"),
    ("Kapolres Bogor AKBP Iman Imanuddin berkata: “Kami akan menindak tegas pelaku.”", "Kami akan", "Iman Imanuddin", "berkata"),
    ("Menurut Anies Baswedan, “Jakarta butuh lebih banyak ruang terbuka hijau.”", "Jakarta butuh", "Anies Baswedan", "Menurut"),
]


@pytest.mark.parametrize("text,start,speaker,cue", CUE_BEFORE)
def test_direct_cue_before(nlp_rules, text, start, speaker, cue):
    quotes = quoteattr.extract(text, nlp_rules)
    assert [q.type for q in quotes] == ["direct"]
    assert quotes[0].quote.startswith(start)
    assert quotes[0].speaker_name == speaker
    assert quotes[0].cue == cue


MARK_STYLES = [
    "“Kami siap bertanding,” kata Bima Pratama.",
    '"Kami siap bertanding," kata Bima Pratama.',
    "“Kami siap bertanding,\" kata Bima Pratama.",
    "”Kami siap bertanding,” kata Bima Pratama.",
    '"Kami siap bertanding,” kata Bima Pratama.',
    "«Kami siap bertanding,» kata Bima Pratama.",
    "&ldquo;Kami siap bertanding,&rdquo; kata Bima Pratama.",
    "&quot;Kami siap bertanding,&quot; kata Bima Pratama.",
    "<p>&ldquo;Kami siap bertanding,&rdquo; kata Bima Pratama.</p>",
    # a scraper moved the space before the closing mark, which is glued to the cue
    "“Kami siap bertanding, \"kata Bima Pratama.",
    '"Kami siap bertanding. Lawan kami kuat, "kata Bima Pratama.',
]


@pytest.mark.parametrize("text", MARK_STYLES)
def test_quotation_mark_styles(nlp_rules, text):
    quotes = quoteattr.extract(text, nlp_rules)
    assert len(quotes) == 1
    q = quotes[0]
    assert q.quote.startswith("Kami siap bertanding")
    assert text[q.quote_start : q.quote_end] == q.quote
    assert q.speaker_name == "Bima Pratama"


def test_interrupted_quote_is_two_records(nlp_rules):
    text = "“Kami tidak menolak,” kata Ketua Umum Partai Maju Hendra Gunawan. “Tetapi semua harus sesuai aturan.”"
    quotes = quoteattr.extract(text, nlp_rules)
    assert [q.type for q in quotes] == ["direct", "direct"]
    assert quotes[1].quote.startswith("Tetapi semua")
    assert {q.speaker_name for q in quotes} == {"Hendra Gunawan"}


def test_multi_sentence_quote_is_one_record(nlp_rules):
    text = "“Stok beras aman. Harga juga stabil. Masyarakat tidak perlu panik,” kata Direktur Utama Perum Bulog Bayu Krisnamurthi."
    quotes = quoteattr.extract(text, nlp_rules)
    assert len(quotes) == 1
    assert quotes[0].quote.startswith("Stok beras aman. Harga juga stabil.")


def test_multi_paragraph_quote_stays_one(nlp_rules):
    text = (
        "“Kami sudah memeriksa tujuh saksi. Semua keterangan masih kami dalami.\n\n"
        "“Hasilnya akan kami umumkan pekan depan,” kata Kasat Reskrim Polres Depok Kompol Yogen Heroes."
    )
    quotes = quoteattr.extract(text, nlp_rules)
    assert len(quotes) == 1
    assert "tujuh saksi" in quotes[0].quote and "pekan depan" in quotes[0].quote
    assert quotes[0].speaker_name == "Yogen Heroes"


def test_continuation_paragraph_takes_previous_speaker(nlp_rules):
    text = (
        "“Pembangunan jembatan selesai bulan Mei,” kata Bupati Bogor Ade Yasin.\n\n"
        "“Setelah itu jalan desa akan kami perbaiki satu per satu.”\n\n"
        "Warga menyambut baik rencana tersebut."
    )
    quotes = quoteattr.extract(text, nlp_rules)
    assert len(quotes) == 2
    cont = quotes[1]
    assert cont.cue is None and cont.speaker is None and cont.speaker_start is None
    assert cont.speaker_name == "Ade Yasin"


INDIRECT = [
    ("Menteri Keuangan Sri Mulyani mengatakan bahwa defisit anggaran tahun ini masih terkendali.", "defisit anggaran", "Sri Mulyani", "mengatakan", "indirect"),
    ("Kepala BPS Margo Yuwono menjelaskan, inflasi bulan lalu dipicu kenaikan harga pangan.", "inflasi bulan lalu", "Margo Yuwono", "menjelaskan", "indirect"),
    ("Menurut Wahyu Hidayat, proyek tersebut akan rampung pada akhir tahun.", "proyek tersebut", "Wahyu Hidayat", "Menurut", "indirect"),
    ("Harga minyak goreng akan kembali normal bulan depan, menurut Menteri Perdagangan Zulkifli Hasan.", "Harga minyak", "Zulkifli Hasan", "menurut", "indirect"),
    ("Gubernur Bali Wayan Koster meminta agar wisatawan mematuhi aturan adat setempat.", "wisatawan mematuhi", "Wayan Koster", "meminta", "indirect"),
    ("Ketua KPU Hasyim Asy'ari memastikan logistik pemilu tiba tepat waktu di seluruh daerah.", "logistik pemilu", "Hasyim Asy'ari", "memastikan", "indirect"),
    ("Dikatakan Arief Prasetyo, stok beras di Pasar Induk Cipinang masih mencukupi.", "stok beras", "Arief Prasetyo", "Dikatakan", "indirect"),
    # a name with its age, in parentheses or set off by commas, then its appositive role
    ("Darsih (52), pedagang sayur di Pasar Baru, mengatakan harga cabai naik dua kali lipat.", "harga cabai", "Darsih", "mengatakan", "indirect"),
    ("Darsih, 52, pedagang sayur di Pasar Baru, mengatakan harga cabai naik dua kali lipat.", "harga cabai", "Darsih", "mengatakan", "indirect"),
    ("Dokter spesialis anak di RSUD Kota Bandung, dr. Rina Marlina, SpA, menjelaskan gejala penyakit itu ringan.", "gejala penyakit", "Rina Marlina", "menjelaskan", "indirect"),
    ("Menurut saksi mata, Joko (40), api muncul dari dapur rumah itu.", "api muncul", "Joko", "Menurut", "indirect"),
    # a speech verb's noun object, a comma, then a clause with a speech verb of its own
    ("Usai Rudi menyampaikan sambutannya, Gubernur Sulawesi Barat Hendra Wijaya menyatakan bahwa bantuan segera dikirim.", "bantuan segera", "Hendra Wijaya", "menyatakan", "indirect"),
    # a description closed by a demonstrative and a comma before the verb: the names inside it
    # are not the speaker
    ("Budi Santoso tiba di Jakarta pagi ini. Mantan Menteri Pertanian era Presiden Gus Dur itu, mengatakan bahwa stok beras aman.", "stok beras aman", "Budi Santoso", "mengatakan", "indirect"),
    # a title over coordinated fields, its last word no name, then the name set off by commas
    ("Menurut Pakar Gizi dan Olahraga, Rina Kartika, diet yang salah dapat merusak tubuh.", "diet yang salah", "Rina Kartika", "Menurut", "indirect"),
    # a name with its role after selaku, after an adverbial chunk or an appositive title
    ("Di tempat yang sama, Hendra Wijaya selaku Presiden Direktur Sinar Tani menyatakan pihaknya siap membantu petani.", "pihaknya siap", "Hendra Wijaya", "menyatakan", "indirect"),
    ("Rina Kartika, CEO Nusa Indah Communication selaku promotor konser itu mengatakan tiket sudah habis terjual.", "tiket sudah", "Rina Kartika", "mengatakan", "indirect"),
    # a short name word is no document acronym written in capitals (UU)
    ("Kepala Dinas Pendidikan Kota Bekasi Uu Saeful Mikdar mengatakan sekolah tetap dibuka.", "sekolah tetap", "Uu Saeful Mikdar", "mengatakan", "indirect"),
    # a passive cue set off by commas after a short fronted phrase
    ("Atas dasar itu, dikatakan Hendra Saputra, klub akan memperpanjang kontrak sang pelatih.", "klub akan", "Hendra Saputra", "dikatakan", "indirect"),
    ("Direktur Utama PLN Darmawan Prasodjo menyatakan pasokan listrik di Jawa dan Bali aman selama Lebaran.", "pasokan listrik", "Darmawan Prasodjo", "menyatakan", "indirect"),
    ('Juru bicara Kementerian Luar Negeri Teuku Faizasyah menyebut pertemuan itu "sangat produktif" bagi kedua negara.', "pertemuan itu", "Teuku Faizasyah", "menyebut", "mixed"),
    # a lower-case role in an appositive names whom the subject works for, not the subject
    ("Saat dikonfirmasi, Hendra Wijaya, kuasa hukum Ratna Sari, menyatakan kliennya akan hadir.", "kliennya akan hadir", "Hendra Wijaya", "menyatakan", "indirect"),
    ("Dewi Lestari, istri Bambang Sutrisno, mengatakan suaminya belum pulang.", "suaminya belum", "Dewi Lestari", "mengatakan", "indirect"),
    ("Guru Bimbingan Konseling SMKN 2 Sleman, Jaka Utama, menuturkan, ada sekitar 20 siswa tanpa ponsel.", "ada sekitar", "Jaka Utama", "menuturkan", "indirect"),
    # a body, then its lower-case description set off by commas: the name inside the description
    # is what the body owns, not the speaker
    ("PT Sinar Jaya, pemilik merek sepatu Ardiles, mengatakan penjualan naik tahun ini.", "penjualan naik", "PT Sinar Jaya", "mengatakan", "indirect"),
    # a name alone, then "dari" and the body it comes from, up to the verb: the person speaks
    ("Sementara Rina dari Toko Buku Pelangi mengatakan pengunjung cukup ramai.", "pengunjung cukup", "Rina", "mengatakan", "indirect"),
    ("Kemudian Hendra dari Kementerian Pertanian menjelaskan stok beras masih aman.", "stok beras", "Hendra", "menjelaskan", "indirect"),
    # a title, "yang juga" and a second title with the name before the verb: the named person
    ("Ketua Panitia Festival yang juga Bupati Gowa Adnan Purichta mengatakan lomba digelar besok.", "lomba digelar", "Adnan Purichta", "mengatakan", "indirect"),
    # a description with a relative clause about a named work, closed by a demonstrative: the
    # demonstrative closes the description (a name takes none), which refers back
    ("Budi Santoso hadir di Bandung. Mantan aktor yang dulu memerankan Si Kabayan ini mengaku bahwa komunikasi sudah dibangun.", "komunikasi sudah", "Budi Santoso", "mengaku", "indirect"),
    # the person accompanied speaks, not the one who accompanies
    ("Kapolres Bogor AKBP Hendra Wijaya didampingi Kasat Reskrim AKP Rina Kartika mengatakan bahwa pelaku sudah ditangkap.", "pelaku sudah", "Hendra Wijaya", "mengatakan", "indirect"),
    # an address set off by commas goes on over its administrative units
    ("Darsih, warga Desa Sukamaju, Kecamatan Cibeber, mengatakan bahwa banjir datang tiba-tiba.", "banjir datang", "Darsih", "mengatakan", "indirect"),
    # where a named person is from, between the name and the verb, is no part of the speaker
    ("Petani Budi Santoso asal Sukabumi mengatakan bahwa harga cabai naik dua kali lipat.", "harga cabai", "Budi Santoso", "mengatakan", "indirect"),
    ("Hendra Wijaya kelahiran Medan menuturkan bahwa jalan desa itu rusak parah.", "jalan desa", "Hendra Wijaya", "menuturkan", "indirect"),
    # a time adverbial of "when" (kala itu, tatkala itu, sewaktu itu) between the name and the verb
    ("Sinta Maharani datang ke Bandung. Sinta kala itu, mengaku sudah menunggu sejak pagi.", "sudah menunggu", "Sinta Maharani", "mengaku", "indirect"),
    ("Bupati Gowa Adnan Purichta tatkala itu menyebut bahwa jalan desa segera diperbaiki.", "jalan desa", "Adnan Purichta", "menyebut", "indirect"),
]


@pytest.mark.parametrize("text,start,speaker,cue,qtype", INDIRECT)
def test_indirect_and_mixed(nlp_rules, text, start, speaker, cue, qtype):
    quotes = quoteattr.extract(text, nlp_rules)
    assert len(quotes) == 1
    q = quotes[0]
    assert q.type == qtype
    assert q.quote.startswith(start)
    assert q.speaker_name == speaker
    assert q.cue == cue
    assert not q.quote.endswith(".")


NOT_QUOTES = [
    "Film “Laskar Senja” akan tayang di bioskop mulai pekan depan.",
    "Istilah \"new normal\" kini makin jarang terdengar di kalangan warga.",
    "Dilansir AFP, harga minyak mentah dunia naik 3 persen pada perdagangan Senin.",
    "Berdasarkan data BPS, jumlah penduduk miskin turun menjadi 9,4 persen.",
    "Menteri Luar Negeri Retno Marsudi berbicara dengan Menlu Australia di Canberra.",
    "Presiden mengapresiasi langkah itu.",
    "Baca juga: “Kami Siap,” Kata Pelatih Timnas",
    "ADVERTISEMENT\n\nSCROLL TO CONTINUE WITH CONTENT",
    "Warga menyebut kawasan itu sebagai \"kampung pelangi\".",
    # a document heads the phrase after menurut: a fact from a source
    "Namun, menurut laporan Harian Nusantara Pos, kontrak itu berlaku dua tahun.",
    "Menurut survei Lembaga Cakra, elektabilitas partai itu naik tiga persen.",
]


@pytest.mark.parametrize("text", NOT_QUOTES)
def test_not_quotes(nlp_rules, text):
    assert quoteattr.extract(text, nlp_rules) == []


def test_via_outlet(nlp_rules):
    text = "“Pembicaraan harus berlanjut,” kata Lavrov, seperti dikutip dari AP."
    (q,) = quoteattr.extract(text, nlp_rules)
    assert q.via == "AP"


def test_fact_credited_to_a_mined_outlet_is_no_quote(nlp_rules):
    # outlets.json: media annotated as `via` in quotes-id train (Tuttomotoriweb), not hand-listed
    text = "Menurut Tuttomotoriweb, tim pabrikan itu akan memakai sasis baru pada seri berikutnya."
    assert quoteattr.extract(text, nlp_rules) == []
    (q,) = quoteattr.extract("“Motor kami sudah siap,” kata Rossi, seperti dilansir Tuttomotoriweb.", nlp_rules)
    assert q.via == "Tuttomotoriweb"


@pytest.mark.parametrize("outlet", ["The Verge", "Squawka", "Sunday Express"])
def test_fact_credited_to_a_listed_international_outlet_is_no_quote(nlp_rules, outlet):
    # cues.json via.outlet_hints: well-known media, listed by hand
    text = f"Menurut {outlet}, tim pabrikan itu akan memakai sasis baru pada seri berikutnya."
    assert quoteattr.extract(text, nlp_rules) == []


def test_boilerplate_inside_quote_does_not_break_it(nlp_rules):
    text = "“Kami akan terus mengawal kasus ini\n\nADVERTISEMENT\n\nsampai tuntas,” kata Anis Hidayah."
    quotes = quoteattr.extract(text, nlp_rules)
    assert len(quotes) == 1
    assert quotes[0].speaker_name == "Anis Hidayah"


def test_abbreviations_and_dates_do_not_split_sentences():
    from quoteattr.segment import sentences

    text = "Dr. H. Ahmad tinggal di Jl. Merdeka No. 5, Kec. Sukajadi, Kab. Bandung sejak 14/2/2022. PT. Maju Tbk. berdiri pada 1990."
    sents = sentences(text)
    assert len(sents) == 2
    assert text[sents[1].start :].startswith("PT. Maju")


TITLES = [
    ("“Belum ada kabar,” kata Kepala Dusun Karangrejo, Kelurahan Sumberadi, Kecamatan Mlati, Wahyu Santosa di Sleman.", "Wahyu Santosa", "Kepala Dusun Karangrejo, Kelurahan Sumberadi, Kecamatan Mlati"),
    ("“Kami siap,” kata Menteri Koordinator Bidang Politik, Hukum, dan Keamanan Budi Gunawan dalam konferensi pers.", "Budi Gunawan", "Menteri Koordinator Bidang Politik, Hukum, dan Keamanan"),
    ("“Stok aman,” ujar Direktur Jenderal Hak Kekayaan Intelektual Razilu di Jakarta.", "Razilu", "Direktur Jenderal Hak Kekayaan Intelektual"),
    ("“Jalan sudah dibuka,” kata Bupati Poso Darmin Sigilipu.", "Darmin Sigilipu", "Bupati Poso"),
    ("“Kami sudah siaga,” kata Kapolsek Tebing, AKP Binsar Samosir.", "Binsar Samosir", "Kapolsek Tebing"),
    ("“Harga mulai turun,” kata pengamat otomotif Bebin Djuana saat ditemui.", "Bebin Djuana", "pengamat otomotif"),
    ("“Semua tercatat,” kata Ketua KPU Sidoarjo Muhammad Iskak.", "Muhammad Iskak", "Ketua KPU Sidoarjo"),
    ("“Tidak ada masalah,” kata Salehudin dari KKP Kelas II Mataram.", "Salehudin", "KKP Kelas II Mataram"),
    ("“Ini langkah baik,” kata Kadivhumas Polri Irjen. Pol. Sandi Nugroho.", "Sandi Nugroho", "Kadivhumas Polri"),
    ("“Kami lanjutkan,” ujar Wakil Presiden Direktur Karl-Heinz Rummenigge.", "Karl-Heinz Rummenigge", "Wakil Presiden Direktur"),
    ("“Pariwisata pulih,” kata Gubernur Bali I Wayan Koster.", "I Wayan Koster", "Gubernur Bali"),
    # an organization or place word before a name that opens with a first-name word
    ("“Pasien terus berkurang,” kata Direktur RSUD Karanganyar Sri Wahyuni Lestari.", "Sri Wahyuni Lestari", "Direktur RSUD Karanganyar"),
    ("“Saf dijaga berjarak,” ujar Imam Besar Masjid Baiturrahman Muhammad Yusran.", "Muhammad Yusran", "Imam Besar Masjid Baiturrahman"),
    ("“Tiket habis,” kata Manajer Umum PT Taman Wisata Candi Prambanan I Made Suarta.", "I Made Suarta", "Manajer Umum PT Taman Wisata Candi Prambanan"),
    # noble titles are part of the name (Lalu, Andi), English words inside a title
    ("“Kapal kembali berlayar,” kata Ketua Asosiasi Hotel Gili Lalu Fathurrahman.", "Lalu Fathurrahman", "Ketua Asosiasi Hotel Gili"),
    ("“Kami buka pendaftaran,” kata Ketua Komunitas Bike to Work Andi Rahmat Hidayat.", "Andi Rahmat Hidayat", "Ketua Komunitas Bike to Work"),
    # hyphenated acronyms stay whole; a title word after a first-name word is the name
    ("“Semua kader siap,” ujar Sekretaris Jenderal DPP PDI-P Hasto Wibowo.", "Hasto Wibowo", "Sekretaris Jenderal DPP PDI-P"),
    ("“Fitur baru meluncur bulan depan,” kata Head of Marketing LOKET Tubagus Utama.", "Tubagus Utama", "Head of Marketing LOKET"),
    # an organization or place run straight into the name, judged by word lists and spelling
    ("“Pesanan naik dua kali lipat,” kata CEO Kopikita Ranti Oktaviani di Bandung.", "Ranti Oktaviani", "CEO Kopikita"),
    ("“Kasus baru turun,” kata Kepala Dinkes Lumajang Yudha Prasetya.", "Yudha Prasetya", "Kepala Dinkes Lumajang"),
    ("“Kami buka lagi pekan depan,” ujar Pengelola Taman Satwa Ragunan Ketut Suardana.", "Ketut Suardana", "Pengelola Taman Satwa Ragunan"),
    ("“Pengunjung dibatasi,” kata Direktur Utama Jalantol Nusantara Hendrawan Saputra.", "Hendrawan Saputra", "Direktur Utama Jalantol Nusantara"),
    # …but not after a rank, nor once the title has its organization
    ("“Penyelidikan berjalan,” kata Kepala Bidang Humas Polda Jawa Timur Komisaris Besar Gatot Repli Handoko.", "Gatot Repli Handoko", "Kepala Bidang Humas Polda Jawa Timur"),
    ("“Kami menolak,” kata Politikus Partai Demokrat Saan Mustopa.", "Saan Mustopa", "Politikus Partai Demokrat"),
    ("“Bantuan sudah disalurkan,” kata Wali Kota Bogor Bima Arya.", "Bima Arya", "Wali Kota Bogor"),
    # a title word inside a name; initials that name one well-known person
    ("“Ibadah haji lancar,” kata Menteri Agama Lukman Hakim Saifuddin.", "Lukman Hakim Saifuddin", "Menteri Agama"),
    ("“Itu keputusan bersama,” kata Wapres JK.", "JK", "Wapres"),
    # Agung begins a name except in Kejaksaan/Mahkamah/Masjid Agung; initials after a rank
    ("“Stok beras cukup,” kata Kepala Badan Ketahanan Pangan Kementerian Pertanian Agung Wibisono.", "Agung Wibisono", "Kepala Badan Ketahanan Pangan Kementerian Pertanian"),
    ("“Pelaku sudah diamankan,” kata Kepala Polda Sulteng Inspektur Jenderal RZ Hendra Simanjuntak.", "RZ Hendra Simanjuntak", "Kepala Polda Sulteng"),
    ("“Patroli ditambah,” kata Kepala Polres Bitung Ajun Komisaris Besar FX Winarno Prabowo.", "FX Winarno Prabowo", "Kepala Polres Bitung"),
    ("“Kami siap,” kata Panglima Kodam, Mayor Jenderal TNI Arif Rahman.", "Arif Rahman", "Panglima Kodam"),
    ("“Draf sudah rapi,” kata Sekretaris Jenderal DPR Indra Kusuma.", "Indra Kusuma", "Sekretaris Jenderal DPR"),
    # one word after an organization head or an administrative unit names it, not a person
    ("“Pinjaman cair bulan depan,” kata Kepala Perwakilan Bank Dunia.", None, "Kepala Perwakilan Bank Dunia"),
    ("“Stok beras cukup,” kata Kepala Divisi PD Pasar Jaya.", None, "Kepala Divisi PD Pasar Jaya"),
    # "dan" between two organizations of one title
    ("“Gempa susulan melemah,” kata Kepala Bidang Informasi Gempabumi dan Peringatan Dini Tsunami BMKG Daryanto.", "Daryanto", "Kepala Bidang Informasi Gempabumi dan Peringatan Dini Tsunami BMKG"),
    ("“Konsumen menahan belanja,” ujar CEO SurveyData dan NeuroData Rajiv Lamba.", "Rajiv Lamba", "CEO SurveyData dan NeuroData"),
    ("“Ruang publik jarang dibahas,” kata Antropolog Aris Munandar.", "Aris Munandar", "Antropolog"),
    ("“Larangan ekspor tetap berlaku,” kata Kepala Subdirektorat Industri Rotan Kemenperin Suwardiman.", "Suwardiman", "Kepala Subdirektorat Industri Rotan Kemenperin"),
    # a profession the word lists do not know, before an organization and a name
    ("“Konsernya kami tunda,” kata vokalis OneRepublic Ryan Tedder.", "Ryan Tedder", "vokalis OneRepublic"),
    # a noble title written as an initial opens no name (R = Raden, Tb = Tubagus)
    ("“Api sudah padam,” kata Kepala Balai Taman Nasional Gunung Salak R Hendra Wijaya Kusuma.", "Hendra Wijaya Kusuma", "Kepala Balai Taman Nasional Gunung Salak"),
    ("“Rapat ditunda,” kata Ketua DPRD Tb Rudi Hartono Saputra.", "Rudi Hartono Saputra", "Ketua DPRD"),
    # …an initial inside a name stays (Damayanti R Sjarif)
    ("“Anak perlu gizi,” kata dokter Ratna R Sjarifuddin.", "Ratna R Sjarifuddin", "dokter"),
    # a relation before a name: the relative, lawyer or spokesperson speaks, unnamed
    ("“Suami saya belum pulang,” kata istri Bambang Wiratno.", None, "istri Bambang Wiratno"),
    ("“Klien kami kooperatif,” kata kuasa hukum pengusaha Hendra Gunawan.", None, "kuasa hukum pengusaha Hendra Gunawan"),
    ("“Beliau sehat,” kata juru bicara Gubernur Wayan Koster.", None, "juru bicara Gubernur Wayan Koster"),
    # …or the team of lawyers, of a person the article has named
    ("Rina Kartika hadir di sidang itu. “Kami akan banding,” kata tim kuasa hukum Rina.", None, "tim kuasa hukum Rina"),
    # …and as the subject opening a sentence, its group noun capitalized
    ("Rina Kartika hadir di sidang itu. Tim kuasa hukum Rina menyatakan bahwa mereka akan mengajukan banding.", None, "Tim kuasa hukum Rina"),
    # …a source close to a person, as the subject too, after a determiner or not
    ("Sumber dekat keluarga Hendra Gunawan mengatakan bahwa ia sering ke luar negeri.", None, "Sumber dekat keluarga Hendra Gunawan"),
    ("Seorang kerabat Hendra Gunawan mengatakan bahwa ia sering ke luar negeri.", None, "kerabat Hendra Gunawan"),
    ("“Suami saya belum pulang,” kata istri Bambang Wiratno, Sri Wahyuni.", "Sri Wahyuni", "istri Bambang Wiratno"),
    # a word of titles that is also a given name ends a name after a word no title holds
    ("“Inflasi masih terkendali,” kata Kepala Divisi Riset Bank Nusantara, Teddy Agung.", "Teddy Agung", "Kepala Divisi Riset Bank Nusantara"),
    ("“Berkas perkara sudah lengkap,” kata Jaksa Agung.", None, "Jaksa Agung"),
    # a rank written as one word (Kombespol) is no part of the name
    ("“Tidak ada sweeping,” kata Kapolres Metro Bekasi Kombespol Hendra Gunawan.", "Hendra Gunawan", "Kapolres Metro Bekasi"),
    # Javanese compass words close a place's name like Barat and Timur
    ("“Wisatawan bertambah,” kata Bupati Gunung Kidul Sutarjo.", "Sutarjo", "Bupati Gunung Kidul"),
    # an organization word that completes a listed title takes no word of the name after it
    ("“Anak-anak senang,” kata Kepala Sekolah Marcella Dubois.", "Marcella Dubois", "Kepala Sekolah"),
    # a medical specialist's degree written as one word, and a lower-case honorific after a
    # title written in lower case
    ("“Gejalanya ringan,” kata dokter spesialis anak dr. Rina Marlina, SpA.", "Rina Marlina", "dokter spesialis anak"),
    ("“Gejalanya ringan,” kata dokter kandungan Rina Marlina SpOG.", "Rina Marlina", "dokter kandungan"),
    # a two-letter name word after a given name is the surname; a degree is written in capitals
    ("“Peluncuran ini penting,” kata Direktur Sinar Digital Indonesia Johnson Ma.", "Johnson Ma", "Direktur Sinar Digital Indonesia"),
    ("“Kurikulum harus berubah,” kata dosen sejarah Budi Santoso MA.", "Budi Santoso", "dosen sejarah"),
    # a title written in lower case, its words joined by dan/sekaligus/dari/dalam, before the name
    ("“Jangan duduk terlalu lama,” kata pelatih kebugaran sekaligus penulis Rina Kartika.", "Rina Kartika", "pelatih kebugaran sekaligus penulis"),
    ("“Gula darah harus dijaga,” tutur spesialis penyakit dalam dari RSUD Cibinong Andi Wiratama.", "Andi Wiratama", "spesialis penyakit dalam dari RSUD Cibinong"),
    ("“Air sudah surut,” kata warga di Jalan Diponegoro.", None, "warga"),
    ("“Koalisi itu rapuh,” kata pengamat politik dari Universitas Nusantara Arya Budiman.", "Arya Budiman", "pengamat politik dari Universitas Nusantara"),
    # a word that only begins like a verb (metabolik) goes on a title; a verb (memperkuat) ends it
    ("“Zat besi penting,” tutur spesialis nutrisi dan penyakit metabolik dari RSUD Cibinong, Rina Kartika.", "Rina Kartika", "spesialis nutrisi dan penyakit metabolik dari RSUD Cibinong"),
    # a title written in title case over a capitalized joining or negating word
    ("“Jalan itu diperbaiki,” kata Kepala Dinas Pekerjaan Umum Dan Penataan Ruang Teguh Prakoso.", "Teguh Prakoso", "Kepala Dinas Pekerjaan Umum Dan Penataan Ruang"),
    ("“Tarian itu diakui,” kata Kasubdit Warisan Budaya Tak Benda Rina Kartika.", "Rina Kartika", "Kasubdit Warisan Budaya Tak Benda"),
    # a long lower-case title with a slash and honorifics inside, closed by the name before an adjunct
    ("“Asam lambung naik,” kata konsultan gizi dan pencernaan dari RSUD/FK Unmul Dr. dr. Teguh Waskito dalam seminar itu.", "Teguh Waskito", "konsultan gizi dan pencernaan dari RSUD/FK Unmul"),
    ("“Gula itu candu,” kata seorang peneliti bidang diet dan kesehatan masyarakat Universitas Leiden Anneke Visser.", "Anneke Visser", "peneliti bidang diet dan kesehatan masyarakat Universitas Leiden"),
    # a title word that is also a given name (Perdana, not Perdana Menteri) inside a name
    ("“Ini janggal sekali,” kata Dosen Hukum Universitas Airlangga Rudi Perdana Wiratman.", "Rudi Perdana Wiratman", "Dosen Hukum Universitas Airlangga"),
    ("“Kami siap membantu,” kata Perdana Menteri Malaysia Anwar Ibrahim.", "Anwar Ibrahim", "Perdana Menteri Malaysia"),
    # a title word that is a given name opens the name after a title set off by a comma, the
    # title joined by dan; the cue then uses it alone
    ("Menteri Pemuda dan Olahraga, Imam Santoso, meninjau stadion. “Kami mendukung PSSI,” kata Imam.", "Imam Santoso", "Menteri Pemuda dan Olahraga"),
    # a Malay honorific of two words (Datuk Seri) belongs to neither the title nor the name
    ("“Kami akan menyelidiki klaim itu,” kata Menteri Dalam Negeri Malaysia Datuk Seri Ahmad Razak.", "Ahmad Razak", "Menteri Dalam Negeri Malaysia"),
    # two names joined by dan after one title share it
    ("Komisioner KPU Andi Saputra dan Rina Kartika hadir di Jakarta. “Kami transparan,” kata Rina.", "Rina Kartika", "Komisioner KPU"),
    ("Pebulu tangkis Budi Santoso dan Dewi Lestari lolos ke final. “Kami puas sekali,” kata Dewi.", "Dewi Lestari", "Pebulu tangkis"),
    # a surname written as a word and its lower-case repetition (Batak: Butar-butar) is one word
    ("“Terdakwa bersalah,” ujar Ketua Majelis Hakim Rudi Halasan Butar-butar saat membacakan putusan.", "Rudi Halasan Butar-butar", "Ketua Majelis Hakim"),
    # …but a relation noun before the name is that person's relative
    ("“Kami siap,” kata istri dari aktor Deddy Pranata kepada wartawan.", None, "istri"),
    # a lawyer's or spokesperson's title before a full name the article has not written yet
    # introduces that person; before a name it has written, it is that person's lawyer
    ("“Kami menolak semua tuduhan itu,” kata pengacara Sandi Pratama.", "Sandi Pratama", "pengacara"),
    ("Menanggapi laporan itu, juru bicara Clara Whitfield mengatakan bahwa perusahaan akan menyelidikinya.", "Clara Whitfield", "juru bicara"),
    ("Rudi Hartono kembali diperiksa jaksa. “Klien kami sakit,” kata pengacara Rudi Hartono.", None, "pengacara Rudi Hartono"),
    # a middle initial opens no name: the first name no list holds before it stays in
    ('"Itu berbahaya," kata Dr. Jared K. Rossetti kepada wartawan.', "Jared K. Rossetti", None),
    # after an organization's own name, a word spelled much like a first name no list holds opens the name
    ("Anggota Dewan Kehormatan Golkar Zulfan Idris Usman mengatakan bahwa partainya akan membahas dukungan itu pekan depan.", "Zulfan Idris Usman", "Anggota Dewan Kehormatan Golkar"),
    # the saint's name after St is the club's or the city's, never the person's first name
    ("Gelandang Paris St Germain Jared Rossetti mengatakan bahwa timnya siap menghadapi laga itu.", "Jared Rossetti", "Gelandang Paris St Germain"),
    # a two-letter surname after a first name no list holds ends the name (not the court MA)
    ("Direktur Huawei Device Indonesia Zulfan Ma mengatakan bahwa peluncuran ini penting bagi perusahaan.", "Zulfan Ma", "Direktur Huawei Device Indonesia"),
]


@pytest.mark.parametrize("text,name,role", TITLES)
def test_title_and_name_split(nlp_rules, text, name, role):
    (q,) = quoteattr.extract(text, nlp_rules)
    assert q.speaker_name == name
    assert q.role == role


@pytest.mark.parametrize(
    "text,name",
    [
        # three words or more ran in before the full name, the first no name word: the name
        # starts at its own first name
        ('Juara dunia Moto GP Valentino Rossi tampil di Sepang. "Saya senang sekali," kata Rossi.', "Valentino Rossi"),
        # …a first name no list holds too, spelled like none of an organization's
        ('Juara dunia Moto GP Jared Rossetti tampil di Sepang. "Saya senang sekali," kata Rossetti.', "Jared Rossetti"),
        # a first name used alone before a hyphenated surname: two words, no organization ran in
        ('Jared Capaldo-Smith (30 tahun) adalah seorang seniman tato. Jared bertemu kekasihnya di studio.\n\n"Saya gugup sekali," kata Capaldo-Smith.', "Jared Capaldo-Smith"),
        # a title's holder named in parentheses after it
        ('Retno menelepon Menlu Australia (Julie Bishop) kemarin. "Kami sangat prihatin," kata Bishop.', "Julie Bishop"),
        ('Retno menelepon Menlu Kanada (Jared Bishop) kemarin. "Kami sangat prihatin," kata Bishop.', "Jared Bishop"),
        # a dateline before a name is no title: the middle name used alone keeps the first
        ('Kabarku.com - Jared Kiswanto Teguh diduga menyindir ayahnya lewat media sosial.\n\n"Saya kecewa," kata Kiswanto.', "Jared Kiswanto Teguh"),
        # a full name of several given names keeps them all
        ('Mantan Presiden Susilo Bambang Yudhoyono hadir di Cikeas. "Saya senang sekali," kata Yudhoyono.', "Susilo Bambang Yudhoyono"),
        # a word of a title read before two people named together starts no name it is not written before
        ("Musisi Dua Lipa dan Stormzy menang. “Ini malam yang ajaib,” kata Lipa.", "Lipa"),
        # a relation with a possessive clitic after the cue, then the name (putrinya, Jamie Clark)
        ('Novelis Sue Grafton meninggal dunia. "Ibu meninggal semalam," kata putrinya, Jamie Clark.', "Jamie Clark"),
        # an adverb with -nya opening the sentence (its root a word of running text) is no name word
        ("Kejaksaan menunda eksekusi Mary Jane. Sedianya Mary Jane dieksekusi pada April lalu. “Saya tidak bersalah,” katanya.", "Mary Jane"),
        # a first name no list holds, spelled a little like a place's and written alone
        # elsewhere, after a title and its club: the surname used alone keeps it
        ('Kiper Chelsea Thibaut Courtois memuji timnya. Rekan-rekannya memanggil Thibaut dengan julukan Tembok.\n\n"Kami bermain baik," kata Courtois.', "Thibaut Courtois"),
        # …but the word after a village's or district's noun is that place's name
        ('Kepala Desa Tegalmulyo Sutarno hadir di balai desa. Warga Tegalmulyo sudah lama mengeluh.\n\n"Kami akan memperbaikinya," kata Sutarno.', "Sutarno"),
    ],
)
def test_surname_takes_the_full_name_without_words_run_into_it(nlp_rules, text, name):
    (q,) = quoteattr.extract(text, nlp_rules)
    assert q.speaker_name == name


@pytest.mark.parametrize(
    "text,name",
    [
        # a description of a body closed by a demonstrative refers back to the organization, not
        # to the person who spoke last
        ('PT Sinar Pangan menaikkan harga mi instan pekan lalu. "Harga naik," kata Direktur Budi Santoso. Perusahaan makanan itu mengatakan bahwa biaya bahan baku naik tajam.', "PT Sinar Pangan"),
        # …also when the organization was named as a party (pihak X)
        ("Banyak pengguna mengeluhkan layar ponsel yang kemerahan. Pihak Samsung sudah memberi tanggapan. Perusahaan teknologi itu menyebutkan layar merah bukan karena cacat produksi.", "Samsung"),
        # a party named by a body's description (pihak klub) is the organization too, not the player
        ("Persib Bandung resmi merekrut Budi Santoso. “Saya senang,” kata Budi. Pihak klub menyatakan kontrak itu berlaku dua tahun.", "Persib Bandung"),
        # …and with no organization named, the body stays unnamed
        ('Roberto Carlos melatih South Melbourne. "Saya senang," kata Carlos. Klub tersebut mengatakan kontrak itu berlaku dua tahun.', None),
    ],
)
def test_description_of_a_body_is_no_person(nlp_rules, text, name):
    q = quoteattr.extract(text, nlp_rules)[-1]
    assert q.speaker_name == name
    assert q.role is not None


@pytest.mark.parametrize("title", ["'Siti Nurbaya'", "‘Siti Nurbaya’", "“Siti Nurbaya”"])
def test_a_title_in_quotation_marks_names_a_work_not_a_speaker(nlp_rules, title):
    text = f"Pemain film {title} ini ternyata butuh waktu beradaptasi. “Latihan akting saya lama berhenti,” ujarnya."
    q = quoteattr.extract(text, nlp_rules)[-1]
    assert q.speaker_name != "Siti Nurbaya"  # a title named after a person


def test_a_title_word_that_opens_a_persons_name_is_that_person_before_a_holder_of_the_title(nlp_rules):
    text = (
        "Pengurus masjid, Imam Besar Masjid Raya Rudi Hartono, menyambut tamu. Menteri Agama, Imam Santoso, "
        "hadir di sana. “Kami bersyukur atas dukungan warga,” kata Imam."
    )
    (q,) = quoteattr.extract(text, nlp_rules)
    assert q.speaker_name == "Imam Santoso"


@pytest.mark.parametrize("place", ["Taman Ismail Marzuki", "Gelora Bung Karno"])
def test_a_place_named_after_a_person_is_no_person(nlp_rules, place):
    text = f"Penyair Rudi Hartono tampil di {place}, Jakarta. “Puisi ini untuk ibu saya,” katanya."
    (q,) = quoteattr.extract(text, nlp_rules)
    assert q.speaker_name == "Rudi Hartono"


def test_mereka_after_two_people_named_together_is_both(nlp_rules):
    text = "Pebulu tangkis Budi Santoso dan Rina Kartika lolos ke final. Mereka mengatakan lawan di final sangat tangguh."
    (q,) = quoteattr.extract(text, nlp_rules)
    assert q.speaker_name == "Budi Santoso dan Rina Kartika"


@pytest.mark.parametrize("subject", ["Usai investigasi, otoritas", "Pihak kepolisian"])
def test_a_generic_authority_is_an_unnamed_speaker(nlp_rules, subject):
    # the guidelines: an institution's name as written, null when the article never names it
    (q,) = quoteattr.extract(f"{subject} menyebut ledakan itu disebabkan oleh kembang api.", nlp_rules)
    assert q.speaker_name is None and q.role is not None


@pytest.mark.parametrize(
    "source,cue",
    [("sumber yang dekat dengan keluarga", "tambahnya"), ("saksi mata", "lanjutnya"), ("saksi mata", "ujarnya lagi")],
)
def test_a_cue_that_goes_on_keeps_the_unnamed_speaker(nlp_rules, source, cue):
    text = f"Penyanyi Rina Kartika masuk rumah sakit. “Ini saat yang berat bagi Rina,” kata {source}. “Ini bukan hanya soal kesehatan,” {cue}."
    first, second = quoteattr.extract(text, nlp_rules)
    assert first.speaker_name is None and second.speaker_name is None
    assert second.role == first.role


def test_a_relation_opening_the_sentence_is_the_role():
    # capitalized at the sentence start, a relation to a named person is the speaker's role
    text = "Sahabat Rina Wulandari, Dewi Lestari, menyatakan bahwa Rina masih akan terus bernyanyi."
    (q,) = quoteattr.extract(text)
    assert (q.speaker_name, q.role) == ("Dewi Lestari", "Sahabat Rina Wulandari")


def test_an_appositive_opened_by_yang_juga_is_the_role():
    text = "Budi Santoso, yang juga ketua RT setempat, mengatakan bahwa warga tidak dipungut biaya."
    (q,) = quoteattr.extract(text)
    assert (q.speaker_name, q.role) == ("Budi Santoso", "ketua RT setempat")


def test_alias_stated_in_article(nlp_rules):
    text = (
        "Menteri Sosial Saifullah Yusuf atau Gus Ipul meninjau penyaluran bantuan di Pasuruan.\n\n"
        "“Semua penerima harus terdata,” kata Gus Ipul."
    )
    (q,) = [q for q in quoteattr.extract(text, nlp_rules) if q.type == "direct"]
    assert q.speaker_name == "Saifullah Yusuf"


def test_nickname_alone_is_not_expanded(nlp_rules):
    """The spec's speaker_name is the fullest name in the article: no outside knowledge."""
    (q,) = quoteattr.extract("“Semua penerima harus terdata,” kata Gus Ipul di Pasuruan.", nlp_rules)
    assert q.speaker_name == "Ipul"


def test_scraper_credit_glued_to_the_name(nlp_rules):
    (q,) = quoteattr.extract("“Sudah itu dia lari dari rumah,” pungkas Kulna.(bbs)", nlp_rules)
    assert q.speaker_name == "Kulna"


@pytest.mark.parametrize("verb", ["disampaikan", "dikemukakan", "diutarakan"])
def test_agent_of_a_passive_speech_verb_is_the_new_speaker(nlp_rules, verb):
    text = (
        "“Stok beras aman sampai Lebaran,” kata Kepala Bulog Jawa Tengah Rahmat Santoso.\n\n"
        f"Hal senada {verb} Ketua Asosiasi Pedagang Pasar Jawa Tengah Suparno Wibowo. "
        "Menurut dia, pasokan dari petani lancar. “Harga di pasar juga mulai turun,” katanya."
    )
    quotes = [q for q in quoteattr.extract(text, nlp_rules) if q.type == "direct"]
    assert [q.speaker_name for q in quotes] == ["Rahmat Santoso", "Suparno Wibowo"]


def test_sentence_connector_is_not_part_of_the_name(nlp_rules):
    text = (
        "Sementara Ahmad Riza Patria, Wakil Gubernur DKI Jakarta, menyampaikan pengerukan sungai berjalan. "
        "“Semua sudah dibahas secara detail,” katanya."
    )
    names = {q.speaker_name for q in quoteattr.extract(text, nlp_rules)}
    assert names == {"Ahmad Riza Patria"}


def test_hyphenated_name_and_its_second_part(nlp_rules):
    """A hyphenated name is two name words ("Jean-Pierre"); the second used alone links to it."""
    text = (
        "Pelatih Jean-Pierre memimpin latihan di Bandung. Pierre mengatakan tim siap.\n\n"
        "“Kami siap tempur,” kata Pierre."
    )
    quotes = [q for q in quoteattr.extract(text, nlp_rules) if q.type == "direct"]
    assert len(quotes) == 1 and quotes[0].speaker_name in ("Jean-Pierre", "Pierre")


GLUED = [
    ("Persija Jakartatelah resmi melepas pemain muda.", ["Persija", "Jakarta", "telah", "resmi"]),
    ("Randal Kolo MuanidiJuventushinggaPiala Dunia.", ["Randal", "Kolo", "Muani", "di", "Juventus", "hingga", "Piala", "Dunia"]),
    ("Empat anggotaBTSyakni RM dan V.", ["Empat", "anggota", "BTS", "yakni", "RM"]),
    # real words and names that end like a function word stay whole
    ("Hendi dan Budi bertemu Kepada Desa Sayang.", ["Hendi", "dan", "Budi", "bertemu", "Kepada", "Desa", "Sayang"]),
    ("Kader PDI-P untuk Kendal.", ["Kader", "PDI-P", "untuk", "Kendal"]),
    # common words that end like one: se- and pe- words are no name with a glued word
    ("Setelah rapat, Peserta pulang Sehingga sepi.", ["Setelah", "rapat", ",", "Peserta", "pulang", "Sehingga", "sepi"]),
]


@pytest.mark.parametrize("text,start", GLUED)
def test_scraper_glued_function_words_are_split(nlp_rules, text, start):
    assert [t.text for t in nlp_rules.make_doc(text)][: len(start)] == start


def test_title_with_organization_then_name_after_the_cue(nlp_rules):
    text = "“Situsnya hanya dialihkan,” jelas pengamat keamanan dari Lembaga Siber Nusantara, Rudi Hartono."
    (q,) = quoteattr.extract(text, nlp_rules)
    assert (q.speaker_name, q.role) == ("Rudi Hartono", "pengamat keamanan dari Lembaga Siber Nusantara")


@pytest.mark.parametrize("tail", ["yang bekerja sebagai konsultan teknologi", "kelahiran Medan itu", "itu"])
def test_bare_person_noun_after_a_cue_refers_back(nlp_rules, tail):
    text = (
        "“Datanya tidak hilang,” kata peneliti keamanan Yudi Kusuma.\n\n"
        f"“Yang diubah hanya alamatnya,” tambah pria {tail}."
    )
    quotes = [q for q in quoteattr.extract(text, nlp_rules) if q.type == "direct"]
    assert [q.speaker_name for q in quotes] == ["Yudi Kusuma", "Yudi Kusuma"]


@pytest.mark.parametrize("org", ["Komisi III DPR RI", "Dinas Kesehatan DKI Jakarta", "Polda Metro Jaya", "Perserikatan Bangsa-Bangsa"])
def test_organization_words_only_make_an_organization(nlp_rules, org):
    text = f"Ketua Komisi III DPR RI Habiburokhman hadir. {org} meminta agar laporan itu segera ditindaklanjuti."
    quotes = [q for q in quoteattr.extract(text, nlp_rules) if q.quote.startswith("laporan")]
    assert [(q.speaker_type, q.speaker_name) for q in quotes] == [("organization", org)]


@pytest.mark.parametrize("org", ["PT Tjipinang Jaya", "Bank Mandiri", "Polda Metro Jaya"])
def test_organization_head_phrase_is_an_organization_speaker(nlp_rules, org):
    (q,) = quoteattr.extract(f"“Stok kami cukup sampai akhir tahun,” kata {org}.", nlp_rules)
    assert (q.speaker_type, q.speaker_name) == ("organization", org)


@pytest.mark.parametrize(
    "opening",
    [
        "Banyak hikmahnya Secara terpisah, Wakil Ketua Komisi X DPR Hetifah Kurniasih menyambut baik penundaan itu.",
        "Kawal kotak suara Kepala Bidang Humas Polda Maluku Komisaris Besar Roem Ohoirat mengatakan personel disiagakan.",
    ],
)
def test_subheading_run_into_the_sentence(nlp_rules, opening):
    """Scraped text that lost its line breaks: a subheading runs into the next sentence."""
    text = "“Kami siap,” kata Ketua Panitia Iwan Suprianto.\n\n" + opening + " “Semua berjalan sesuai rencana,” tuturnya."
    quotes = [q for q in quoteattr.extract(text, nlp_rules) if q.type == "direct"]
    assert quotes[-1].speaker_name in ("Hetifah Kurniasih", "Roem Ohoirat")


@pytest.mark.parametrize(
    "subject",
    [
        # a title with its posting: the body posted to is no speaker
        "Dubes Malaysia untuk PBB",
        "Wakil duta besar Filipina untuk ASEAN",
        # a title continued by a lower-case word of its own
        "Putra mahkota Brunei",
        # a title that ends in a common noun, capitalized (Hewan): no name in it
        "Kepala Dinas Peternakan dan Kesehatan Hewan",
    ],
)
def test_a_title_with_a_place_or_body_inside_speaks_unnamed(nlp_rules, subject):
    (q,) = quoteattr.extract(f"{subject} menyatakan bahwa sanksi itu tidak adil bagi rakyatnya.", nlp_rules)
    assert (q.speaker, q.speaker_name, q.role) == (subject, None, subject)


@pytest.mark.parametrize(
    "lead",
    [
        # a lead comparing the subject with the last speaker names that speaker, not the subject
        "Berbeda dengan Tomy, Arkani Melinda Putri",
        "Tidak hanya Tomy, Arkani Melinda Putri",
        # …and a title opened by a definite determiner before the name
        "Tidak hanya Tomy, sang sutradara Arkani Melinda Putri",
    ],
)
def test_a_lead_comparing_with_the_last_speaker_leaves_the_new_subject(nlp_rules, lead):
    text = f"“Saya senang,” kata Tomy Kharisma.\n\n{lead} justru memilih ikut seleksi CPNS. Dia menyebut partai belum tentu bisa mengubah keadaan."
    quotes = quoteattr.extract(text, nlp_rules)
    assert quotes[-1].speaker_name == "Arkani Melinda Putri"


@pytest.mark.parametrize(
    "text,speaker",
    [
        # the region written after a place named with its marker (Kota X, Province) goes on
        # with the place; it is no body speaking
        ("Dinas Kesehatan Kota Bogor, Jawa Barat mengatakan kasus demam berdarah meningkat tajam.", "Dinas Kesehatan Kota Bogor"),
        ("Budi Santoso, warga Kabupaten Garut, Jawa Barat mengatakan air mulai surut.", "Budi Santoso"),
    ],
)
def test_a_region_after_a_named_place_is_no_subject(nlp_rules, text, speaker):
    (q,) = quoteattr.extract(text, nlp_rules)
    assert q.speaker_name == speaker


@pytest.mark.parametrize(
    "description",
    ["pemilik aplikasi Kabarku", "pemilik aplikasi populer Kabarku", "perusahaan yang menaungi Kabarku", "perusahaan media digital asal Jakarta"],
)
def test_a_body_with_a_description_naming_what_it_owns_speaks(nlp_rules, description):
    (q,) = quoteattr.extract(f"Maju Media Inc, {description}, mengatakan jumlah pengguna naik.", nlp_rules)
    assert (q.speaker_name, q.speaker_type) == ("Maju Media Inc", "organization")


def test_a_title_set_off_by_commas_after_an_adverbial_makes_a_new_subject(nlp_rules):
    text = (
        "“Kami minta sidang dipercepat,” kata Heru Santoso. "
        "Ditemui usai sidang, ketua tim hukum Sinta, Rina Wulandari enggan berkomentar. "
        "Dia mengatakan, majelis hakim diharapkan tetap bersidang pekan depan."
    )
    quotes = quoteattr.extract(text, nlp_rules)
    assert quotes[-1].speaker_name == "Rina Wulandari"


@pytest.mark.parametrize(
    "lead",
    ["Menteri Pemuda dan Olahraga, Dito Ariotedjo, mendukung penuh langkah itu.", "Sementara itu Ketua KONI DKI Jakarta, Dito Ariotedjo, juga menyampaikan kekecewaannya."],
)
def test_a_whole_title_set_off_before_the_name_makes_a_new_subject(nlp_rules, lead):
    text = f"“Kami kecewa,” kata Heru Santoso. {lead} Namun, ia tidak berharap kebijakan itu menjadi permanen."
    quotes = quoteattr.extract(text, nlp_rules)
    assert quotes[-1].speaker_name == "Dito Ariotedjo"


def test_a_lower_case_title_after_an_adverbial_makes_a_new_subject(nlp_rules):
    text = "“Kami kalah,” kata Heru Santoso. Sementara itu, pelatih Dewi Lestari mengaku puas. “Kami bermain baik,” ujarnya."
    quotes = quoteattr.extract(text, nlp_rules)
    assert quotes[-1].speaker_name == "Dewi Lestari"


def test_statement_through_a_representative_is_the_principals(nlp_rules):
    text = (
        "Bupati Sleman, Kustini Sri Purnomo, melalui juru bicaranya, Kepala Bagian Humas Dwi Anta, "
        "menyatakan posko pengungsian dibuka sampai akhir bulan."
    )
    (q,) = quoteattr.extract(text, nlp_rules)
    assert (q.speaker_name, q.role) == ("Kustini Sri Purnomo", "Bupati Sleman")


#: Articles and the speakers of their direct quotes, in order: a name, or (name, role).
ARTICLE_SPEAKERS = [
    pytest.param(
        (
            "Kepala Otoritas Jasa Keuangan Sultra Mohammad Fadli Nasution menjelaskan kasus itu.\n\n"
            "“Kami masih menelusuri aliran dana,” kata Fadli."
        ),
        ["Mohammad Fadli Nasution"],
        id="first_name_word_keeps_the_full_name",
    ),
    pytest.param(
        (
            "“Sepeda jadi pilihan,” kata Rina Marlina, warga Tebet.\n\n"
            "Pembina Komunitas Bike to Work (B2W) Joko Susilo yakin jumlah pesepeda akan naik. “Jalur sepeda harus diperluas,” katanya."
        ),
        ["Rina Marlina", "Joko Susilo"],
        id="title_with_parenthesis_still_marks_a_new_subject",
    ),
    pytest.param(
        (
            "Menteri Sosial Saifullah Yusuf meninjau penyaluran bantuan di Pasuruan, Jawa Timur.\n\n"
            "“Semua penerima harus terdata,” kata Gus Ipul."
        ),
        ["Saifullah Yusuf"],
        id="well_known_nickname_links_to_the_full_name_in_the_article",
    ),
    pytest.param(
        (
            "Pebulu tangkis Liliyana Natsir berlatih di Cipayung sejak pagi.\n\n"
            "“Kami harus lebih sabar di gim kedua,” kata Butet."
        ),
        ["Liliyana Natsir"],
        id="well_known_sports_nickname_links_to_the_full_name",
    ),
    pytest.param(
        (
            "Pelatih Jose Mourinho memuji para pemainnya usai laga.\n\n"
            "“Kami kelelahan, tetapi mereka memberikan segalanya,” sambung The Special One."
        ),
        ["Jose Mourinho"],
        id="well_known_epithet_links_to_the_full_name",
    ),
    pytest.param(
        (
            "“Air naik sejak subuh,” kata Wahyu Santosa, warga Karangrejo.\n\n"
            "Pada sore hari, rombongan yang dipimpin Camat Mlati Sutarja Hadi tiba di posko. “Kami kirim tenda tambahan malam ini,” katanya. Sutarja menambahkan, posko dibuka sampai Minggu."
        ),
        ["Wahyu Santosa", "Sutarja Hadi"],
        id="next_sentence_goes_on_with_the_speaker",
    ),
    pytest.param(
        (
            "Camat Mlati Sutarja Hadi mengatakan, 40 keluarga mengungsi.\n\n"
            "Ketua RT 05 Dusun Karangrejo Wahyu Santosa menilai bantuan datang cepat. “Kami sudah dapat beras dan selimut,” katanya. Sutarja menambahkan, posko dibuka sampai Minggu."
        ),
        ["Wahyu Santosa"],
        id="next_sentence_does_not_override_a_newer_subject",
    ),
    pytest.param(
        (
            "Pesanan di Tokoloka melonjak selama Ramadhan. Vice President Komunikasi Tokoloka Rahmat Hidayat menyebut pesanan naik dua kali lipat.\n\n"
            "“Kategori pakaian paling laris,” kata Rahmat."
        ),
        [("Rahmat Hidayat", "Vice President Komunikasi Tokoloka")],
        id="company_name_before_a_name_goes_to_the_title",
    ),
    pytest.param(
        "Pengamat kebijakan publik, Gitadi Tegas Supramudyo, menilai program itu terlambat. “Datanya belum siap,” ungkap Gitadi.",
        ["Gitadi Tegas Supramudyo"],
        id="speech_word_inside_a_name",
    ),
    pytest.param(
        (
            "Kepala Badan Kepegawaian Negara (BKN) Bima Haria Wibisana meninjau ujian di Makassar.\n\n"
            "“Semua peserta wajib tes cepat,” kata Bima."
        ),
        [("Bima Haria Wibisana", "Kepala Badan Kepegawaian Negara (BKN)")],
        id="city_word_used_for_the_person_starts_the_name",
    ),
    pytest.param(
        (
            "Rina Kusuma, Direktur PT Sinar Laut Group, menyebut armada bertambah.\n\n"
            "“Kami tambah sepuluh bus,” kata Rina."
        ),
        ["Rina Kusuma"],
        id="company_suffix_is_not_a_name",
    ),
    pytest.param(
        "Dedy Kurniawan, Kepala Peleton B Stasiun Pemadam Kebakaran Sektor II, tiba pertama di lokasi. “Hidran di halaman gedung tidak mengalirkan air,” ucapnya.",
        ["Dedy Kurniawan"],
        id="unit_letter_is_part_of_the_title",
    ),
    pytest.param(
        "Persija Jakartatelah resmi melepas bek muda. “Terima kasih atas dedikasinya,” tulis Persija Jakarta.",
        ["Persija Jakarta"],
        id="glued_words_split_keeps_the_speaker_whole",
    ),
    pytest.param(
        (
            "Wali Kota Bogor Bima Arya sempat dirawat di RSUD Kota Bogor.\n\n"
            "“Kondisinya berangsur membaik,” kata Fariz Alamsyah dari Dinas Kesehatan.\n\n"
            "Bima Arya baru dinyatakan sembuh pekan lalu. “Saya baru bertemu keluarga setelah hasil tes negatif,” katanya."
        ),
        ["Fariz Alamsyah", "Bima Arya"],
        id="lowercase_modifier_after_a_name_is_not_the_name",
    ),
    pytest.param(
        (
            "“Datanya tidak hilang,” kata peneliti Yudi Kusuma.\n\n"
            "“Saya takut sekali,” ujar seorang pria di lokasi."
        ),
        ["Yudi Kusuma", None],
        id="bare_person_noun_without_a_clause_stays_a_description",
    ),
    pytest.param(
        (
            "“Bantuan cair minggu ini,” kata Direktur Bank Jatim Teddy Wijaya.\n\n"
            "Begitu pula Menteri Sosial Saifullah Yusuf. “Sudah ditelepon langsung oleh Pak Mensos,” ujarnya."
        ),
        ["Teddy Wijaya", "Teddy Wijaya"],
        id="connector_before_a_title_is_not_a_subheading",
    ),
    pytest.param(
        (
            "Jakarta, CNN Indonesia -- Nama desainer aksesori Indonesia, Rinaldy A Yunardi kembali menjadi sorotan.\n\n"
            "Menurut akun resminya Rinaldy menyebutkan, koleksinya dipakai penyanyi dunia. “Itu karya lama saya,” ujar Rinaldy."
        ),
        [("Rinaldy A Yunardi", "desainer aksesori Indonesia")],
        id="role_after_a_dateline_and_not_from_a_medium",
    ),
    pytest.param(
        (
            "Seorang kawan bek berusia 19 tahun, Sergio Castillo, menghabiskan liburan bersama pemain itu.\n\n"
            "“Dia amat bahagia,” tutur Castillo."
        ),
        [("Sergio Castillo", "kawan bek berusia 19 tahun")],
        id="appositive_description_with_an_age",
    ),
    pytest.param(
        (
            "Randal Kolo Muani bertahan di Juventus hingga Piala Dunia Antarklub 2025tuntas. "
            "Pemain asal Prancis itu mengaku ingin terus bersama klub.\n\n"
            "“Saya berharap bisa bertahan,” ujarnya."
        ),
        ["Randal Kolo Muani"],
        id="capitalized_common_words_are_not_a_title",
    ),
    pytest.param(
        (
            "Presiden Joko Widodo memimpin rapat terbatas soal pangan di Istana Bogor. "
            "Wakil Presiden Ma’ruf Amin mengikuti rapat dari kediamannya.\n\n"
            "“Stok beras harus aman sampai akhir tahun,” kata Presiden."
        ),
        ["Joko Widodo"],
        id="bare_role_is_not_the_deputy",
    ),
    pytest.param(
        (
            "Presiden Joko Widodo meresmikan bendungan di Kabupaten Sigi.\n\n"
            "“Airnya untuk sawah warga,” kata Presiden Jokowi. Menteri PUPR Basuki Hadimuljono mendampingi. "
            "“Bendungan ini selesai tepat waktu,” ujar Presiden."
        ),
        ["Joko Widodo", "Joko Widodo"],
        id="bare_role_takes_the_canonical_name_of_its_holder",
    ),
    pytest.param(
        (
            "Pendiri Anyaman Pesisir Kartika Wulandari Siregar membina puluhan perajin di Toba.\n\n"
            "Anyaman Pesisir tengah menyiapkan pameran di Medan. “Kain kami sudah dipesan sampai Desember,” ujarnya."
        ),
        ["Kartika Wulandari Siregar"],
        id="organization_of_a_stated_role_is_not_a_person",
    ),
    pytest.param(
        (
            "Ketua Dewan Pakar Partai Golkar Agung Laksmana menghadiri rapat pleno di Slipi.\n\n"
            "“Musyawarah tidak perlu dipercepat,” kata Agung."
        ),
        ["Agung Laksmana"],
        id="a_first_name_that_is_also_an_organization_word",
    ),
    pytest.param(
        (
            "Keinginan Megawati Soekarnoputri agar kader tetap solid disampaikan di Jakarta.\n\n"
            "“Kita harus bersatu menghadapi pemilu,” ujarnya."
        ),
        ["Megawati Soekarnoputri"],
        id="a_derived_common_noun_before_a_name_is_not_part_of_it",
    ),
    pytest.param(
        (
            "“Gerai kami buka sampai malam,” ujar Direktur Utama Sinar Farma Hendrawan Kusumo.\n\n"
            "Sinar Farma melalui jaringan apoteknya juga menjual alat tes cepat."
        ),
        [("Hendrawan Kusumo", "Direktur Utama Sinar Farma")],
        id="organization_words_the_article_uses_without_the_name",
    ),
    pytest.param(
        (
            "Pebalap Ferrari Sebastian Wirawan finis kedua di Monza. Kemenangan itu membuat Sebastian mengaku puas.\n\n"
            "“Mobil kami cepat sekali hari ini,” kata Wirawan."
        ),
        [("Sebastian Wirawan", "Pebalap Ferrari")],
        id="a_given_name_the_article_uses_alone_stays_in_the_name",
    ),
    pytest.param(
        (
            "Rumor pernikahan berembus setelah musisi Ed Harlow terlihat mengenakan cincin di jari manisnya.\n\n"
            "“Ed mengenakan cincin itu setiap hari,” kata seorang sumber.\n\n"
            "“Kami sangat bahagia,” kata Harlow kepada wartawan."
        ),
        [None, ("Ed Harlow", "musisi")],
        id="a_first_name_the_article_uses_alone_stays_in_an_untitled_name",
    ),
    pytest.param(
        "“Kedua negara sepakat memperluas kerja sama,” kata Duta Besar Korea Selatan Cho Ji-woo di Jakarta.",
        [("Cho Ji-woo", "Duta Besar Korea Selatan")],
        id="a_hyphenated_name_keeps_its_first_word_after_the_title",
    ),
    pytest.param(
        (
            "Kepala Dinas Peternakan NTB Lalu Ahmad Syafriadi meninjau pasar hewan di Mataram.\n\n"
            "“Harga sapi naik menjelang Idul Adha,” tutur Lalu."
        ),
        ["Lalu Ahmad Syafriadi"],
        id="a_noble_title_alone_after_the_cue",
    ),
    pytest.param(
        (
            "Ekonom senior Raden Pardede menilai stimulus belum cukup.\n\n"
            "“Belanja pemerintah harus dipercepat,” kata Raden."
        ),
        ["Pardede"],
        id="an_honorific_alone_after_the_cue",
    ),
    pytest.param(
        (
            "Penyanyi Rina Anggraini jarang tampil di depan publik sejak Maret.\n\n"
            "“Dia ingin menjaga privasinya,” kata seorang sumber. "
            "“Keluarganya sering datang ke rumah,” ujar sumber itu."
        ),
        [(None, "sumber"), (None, "sumber")],
        id="an_unnamed_source_referred_to_again_stays_unnamed",
    ),
]


@pytest.mark.parametrize(
    "word,derived",
    [("Pantauan", True), ("Kemampuan", True), ("Dorongan", True), ("Penanganan", True), ("Pelintas", True),
     ("Setiawan", False), ("Ridwan", False), ("Permana", False), ("Perdana", False), ("Kurniawan", False)],
)
def test_derived_common_nouns(word, derived):
    """A root word with nominal affixes (ke-…-an, pe(N)-, -an) is a common noun; names are not."""
    from quoteattr.mentions import derived_noun

    assert derived_noun(word) is derived


@pytest.mark.parametrize("text,expected", ARTICLE_SPEAKERS)
def test_article_speakers(nlp_rules, text, expected):
    """Name splitting, leakage, nicknames, pronouns and roles, article by article."""
    quotes = [q for q in quoteattr.extract(text, nlp_rules) if q.type == "direct"]
    got = [(q.speaker_name, q.role) if isinstance(e, tuple) else q.speaker_name for q, e in zip(quotes, expected)]
    assert len(quotes) == len(expected) and got == expected


def test_a_read_also_placeholder_glued_to_a_paragraph_is_no_part_of_the_speaker(nlp_rules):
    text = "Proyek itu sudah membebaskan lahan.\n\nBaca_Juga Rina Wulandari mengatakan, kendala utama proyek itu adalah pembebasan lahan."
    (q,) = quoteattr.extract(text, nlp_rules)
    assert q.speaker_name == "Rina Wulandari"


@pytest.mark.parametrize(
    "text,speaker",
    [
        ("Pelatih itu bertemu kawan lamanya.\n\n“Senang bertemu lagi, saudaraku,” demikian tulis Rudi Hartono di akun Instagram miliknya.", "Rudi Hartono"),
        ("Harga naik lagi.\n\n“Kami akan turunkan harga bulan depan,” begitu kata Menteri Perdagangan Budi Santoso.", "Budi Santoso"),
    ],
)
def test_demikian_or_begitu_before_the_cue_after_a_quote(nlp_rules, text, speaker):
    (q,) = quoteattr.extract(text, nlp_rules)
    assert (q.pattern, q.speaker_name) == ("direct_cue_after", speaker)


@pytest.mark.parametrize("opening", ["Sang pelatih", "Si pelatih"])
def test_definite_description_as_subject_refers_back(nlp_rules, opening):
    text = (f"Pelatih Persikabo Gunawan Hadi kecewa dengan hasil laga itu. {opening} mengungkapkan "
            "bahwa timnya kurang disiplin di babak kedua.")
    (q,) = quoteattr.extract(text, nlp_rules)
    assert q.speaker == opening and q.speaker_name == "Gunawan Hadi"


def test_description_after_a_cue_may_hold_a_title_in_single_marks(nlp_rules):
    text = "Penyanyi Raka Pradipta merilis album baru. “Saya senang sekali,” tutur pelantun 'Cinta Lama' ini."
    (q,) = quoteattr.extract(text, nlp_rules)
    assert q.speaker_name == "Raka Pradipta"


#: function words and adverbs that open a sentence are no part of its subject
LEADING_ADVERBIALS = [
    ("Pelatih Persikabo Gunawan Hadi kecewa. Dengan tegas pelatih asal Bogor itu menegaskan bahwa wasit harus diganti.", "pelatih asal Bogor itu", "Gunawan Hadi"),
    ("Secara tidak langsung Hendra Saputra menegaskan bahwa dirinya tidak terlibat dalam proyek itu.", "Hendra Saputra", "Hendra Saputra"),
    ("Apalagi sebelumnya Rina Wulandari telah memastikan bahwa ia akan hadir di acara itu.", "Rina Wulandari", "Rina Wulandari"),
    ("Para petani menyatakan bahwa harga pupuk terlalu mahal tahun ini.", "Para petani", None),
    # a fronted phrase, then a time adverbial before a one-word name
    ("Terkait rencana itu, saat ini Tokoraya mengklaim telah bekerja sama dengan banyak mitra.", "Tokoraya", "Tokoraya"),
    # a connector before the subject
    ("Bank Sentral Nusantara menahan suku bunga. Pasalnya BSN menilai inflasi masih terkendali hingga akhir tahun.", "BSN", "Bank Sentral Nusantara"),
    # a time adverbial between the subject and its verb
    ("Persatuan Petani Jaya selama ini menyatakan bahwa harga pupuk terlalu mahal.", "Persatuan Petani Jaya", "Persatuan Petani Jaya"),
    ("Rina Wulandari kala itu mengatakan bahwa ia akan hadir di acara itu.", "Rina Wulandari", "Rina Wulandari"),
    ("Hendra Saputra sejauh ini menilai bahwa program itu berjalan baik.", "Hendra Saputra", "Hendra Saputra"),
    # an adverb after a pronoun subject: the pronoun still refers back
    ("Menteri Kesehatan Rina Wulandari meninjau rumah sakit itu. Dia cuma mengatakan bahwa pasien harus tetap tenang.", "Dia", "Rina Wulandari"),
]


@pytest.mark.parametrize("text,written,name", LEADING_ADVERBIALS)
def test_leading_adverbials_are_no_subject(nlp_rules, text, written, name):
    (q,) = quoteattr.extract(text, nlp_rules)
    assert (q.speaker, q.speaker_name) == (written, name)


@pytest.mark.parametrize("adverb", ["Hanya", "Namun", "Bahkan", "Sementara"])
def test_a_sentence_adverb_set_off_by_a_comma_is_no_name(adverb):
    text = f"Pelatih Persikabo Gunawan Hadi kecewa. {adverb}, pelatih asal Bogor itu bersikap optimistis terkait peluang timnya musim depan."
    assert adverb not in [q.speaker_name for q in quoteattr.extract(text)]


def test_coordinated_speech_verb_takes_the_first_verbs_subject(nlp_rules):
    text = ("Pelatih Persikabo Gunawan Hadi memuji rekrutan barunya Stefan Kowalczyk dan menyatakan "
            "bahwa pemain itu akan menjadi starter.")
    (q,) = quoteattr.extract(text, nlp_rules)
    assert q.speaker_name == "Gunawan Hadi"


#: a relative clause set off by a comma holds no subject: the name before *yang* speaks
RELATIVE_CLAUSES = [
    ("Menteri Pertanian Rudi Hartono, yang memimpin partai kecil Harapan Baru pun mengatakan bahwa rencana itu keliru.", "Rudi Hartono"),
    ("Ketua Bawaslu Sleman Ketut Wiradana yang didampingi dua anggotanya, Sri Lestari dan Andi Saputra mengatakan bahwa pemilu berjalan lancar.", "Ketut Wiradana"),
]


@pytest.mark.parametrize("text,speaker", RELATIVE_CLAUSES)
def test_relative_clause_chunk_is_no_subject(nlp_rules, text, speaker):
    (q,) = quoteattr.extract(text, nlp_rules)
    assert q.speaker_name == speaker


def test_organization_after_a_titled_name_belongs_to_the_role(nlp_rules):
    text = "Analis saham Rina Wulandari dari Nusantara Capital Markets menyebut bahwa indeks akan naik."
    (q,) = quoteattr.extract(text, nlp_rules)
    assert (q.speaker_name, q.role) == ("Rina Wulandari", "Analis saham dari Nusantara Capital Markets")


def test_titled_chunk_with_an_organization_after_a_name_is_its_role(nlp_rules):
    text = "Andi Saputra, Koordinator Lapangan dari Serikat Petani Indonesia memperkirakan bahwa seribu petani akan hadir."
    (q,) = quoteattr.extract(text, nlp_rules)
    assert (q.speaker_name, q.role) == ("Andi Saputra", "Koordinator Lapangan dari Serikat Petani Indonesia")


def test_place_after_a_place_adjunct_is_no_speaker(nlp_rules):
    text = "Kepala BPBD Lestari Handayani di Wonosari, Gunungkidul, Senin, menjelaskan bahwa jalan itu tertutup longsor."
    (q,) = quoteattr.extract(text, nlp_rules)
    assert q.speaker_name == "Lestari Handayani"


#: descriptions after a cue that refer back: an age inside (23 tahun), a phrase opened by sang
REFERRING_DESCRIPTIONS = [
    'Penyanyi Rina Wulandari merilis album baru. "Saya senang sekali," kata musisi 23 tahun tersebut.',
    'Penyanyi Rina Wulandari merilis album baru. "Saya senang sekali," kata sang ikon fesyen.',
    'Penyanyi Rina Wulandari merilis album baru. Pelantun berusia 23 tahun itu mengatakan bahwa album itu dibuat selama dua tahun.',
    # a place inside a description closed by a demonstrative, then an adverb or an adjunct
    'Penyanyi Rina Wulandari merilis album baru. "Saya senang sekali," kata pebalap tim Velocita itu lagi.',
    'Penyanyi Rina Wulandari merilis album baru. "Saya senang sekali," kata pebalap tim Velocita itu kepada wartawan.',
    # a relative clause with an adjunct of its own inside the description after a cue
    'Penyanyi Rina Wulandari merilis album baru. "Saya senang sekali," ujar penyanyi jebolan Bintang Pantura yang pernah tampil di Istana Negara ini.',
    # a post cue inside the sentence with a description that refers back
    'Penyanyi Rina Wulandari merilis album baru. Album itu, kata mantan vokalis band Senja ini, dibuat selama dua tahun.',
    # a manner adverbial (dengan + a verb) before a description as subject
    'Penyanyi Rina Wulandari merilis album baru. Namun, dengan bercanda biduan Surabaya itu menambahkan bahwa album itu belum selesai.',
]


@pytest.mark.parametrize("text", REFERRING_DESCRIPTIONS)
def test_description_with_an_age_or_sang_refers_back(nlp_rules, text):
    (q,) = quoteattr.extract(text, nlp_rules)
    assert q.speaker_name == "Rina Wulandari"


def test_pihak_takes_the_noun_after_it(nlp_rules):
    (q,) = quoteattr.extract('Film itu ditunda. "Kami minta maaf kepada penonton," kata pihak studio.', nlp_rules)
    assert q.speaker == "pihak studio"


#: a title alone after a cue names the person whose stated role it is, written short or with
#: the organization's acronym in parentheses
ROLE_ONLY = [
    ('Wakil Ketua Dewan Perwakilan Daerah (DPD) Rudi Hartono membuka acara itu. "Generasi muda harus kuat," kata Wakil Ketua DPD.', "Rudi Hartono"),
    ("Direktur Utama PT Maju Jaya Sri Lestari meresmikan pabrik itu. Dirut Maju Jaya menyampaikan bahwa pabrik itu menyerap seribu pekerja.", "Sri Lestari"),
]


@pytest.mark.parametrize("text,speaker", ROLE_ONLY)
def test_role_only_mention_names_its_holder(nlp_rules, text, speaker):
    quotes = quoteattr.extract(text, nlp_rules)
    assert quotes and quotes[-1].speaker_name == speaker


#: an organization's acronym as speaker is the name the article spells out, in parentheses or
#: by its initials alone
ACRONYM_SPEAKERS = [
    ('Komisi Pengawas Persaingan Usaha memeriksa tiga perusahaan. "Kami sudah memanggil mereka," kata KPPU.', "Komisi Pengawas Persaingan Usaha"),
    ("Data Badan Penanggulangan Bencana Daerah mencatat 12 rumah rusak. BPBD memastikan tidak ada korban jiwa.", "Badan Penanggulangan Bencana Daerah"),
    ('Lembaga Sensor Film (LSF) menonton film itu. "Adegan itu dipotong," kata LSF.', "Lembaga Sensor Film"),
    # an abbreviation of syllables no list holds names the body the article writes in full,
    # the words after the syllables' last included
    ("Komisi Wasit Liga Nasional menjatuhkan sanksi pekan lalu. Komwas menyatakan bahwa wasit itu melanggar aturan.", "Komisi Wasit Liga Nasional"),
]


#: one organization word as speaker is the organization the article names in full with it,
#: when it names one (not two Poldas); a capitalized verb after it in a headline is no part of it
ONE_WORD_ORGANIZATIONS = [
    ("Polres Tegal Kota menutup jalan itu. Polres mengimbau agar warga memakai jalur lain saat malam tahun baru.", "Polres Tegal Kota"),
    ("Polres Tegal Kota dan Polres Brebes berjaga. Polres mengimbau agar warga memakai jalur lain saat malam tahun baru.", "Polres"),
    ("Aliansi Nelayan Nusantara berunjuk rasa. Aliansi menuntut agar impor garam segera dihentikan oleh pemerintah.", "Aliansi Nelayan Nusantara"),
]


#: two people named together by *dan* speak together: the speaker is both, each by the fullest
#: name the article gives; a pronoun after them is one person, not the pair
COORDINATED = [
    ("“Dia sahabat kami,” kata pengacaranya, Hendra Wijaya dan Rina Kartika, seperti dilansir Antara.", "Hendra Wijaya dan Rina Kartika"),
    ("Pengacara Hendra Wijaya hadir. Hendra dan Rina Kartika menyatakan bahwa klien mereka akan mengajukan banding pekan depan.", "Hendra Wijaya dan Rina Kartika"),
    # …not two organizations, nor a cue followed by a coordinated verb
    ("Bank Sinar Jaya dan Bank Rakyat Makmur menyatakan bahwa mereka sepakat menurunkan bunga kredit.", "Bank Rakyat Makmur"),
    ("“Kami senang,” kata Hendra Wijaya dan menambahkan bahwa semua lancar.", "Hendra Wijaya"),
]


@pytest.mark.parametrize("text,name", COORDINATED)
def test_two_people_named_together_speak_together(nlp_rules, text, name):
    quotes = quoteattr.extract(text, nlp_rules)
    assert quotes and quotes[0].speaker_name == name


@pytest.mark.parametrize("text,name", ONE_WORD_ORGANIZATIONS)
def test_one_organization_word_is_named_in_full(nlp_rules, text, name):
    quotes = quoteattr.extract(text, nlp_rules)
    assert quotes and quotes[-1].speaker_name == name


@pytest.mark.parametrize("text,name", ACRONYM_SPEAKERS)
def test_an_acronym_speaker_is_named_in_full(nlp_rules, text, name):
    quotes = quoteattr.extract(text, nlp_rules)
    assert quotes and (quotes[-1].speaker_name, quotes[-1].speaker_type) == (name, "organization")


#: a group or representative word before a body's name (no person's) or a source word before
#: any name: an unnamed member of that body speaks, with the phrase as their role
UNNAMED_MEMBERS = [
    ('"Kami tidak akan menarik produk itu," kata juru bicara Toshiba.', "juru bicara Toshiba"),
    ("Perwakilan Nusantara Foods mengatakan produk itu sudah bersertifikat halal.", "Perwakilan Nusantara Foods"),
    ('"Ia sangat terpukul," kata sumber dekat Rahmawati.', "sumber dekat Rahmawati"),
]


@pytest.mark.parametrize("text,role", UNNAMED_MEMBERS)
def test_a_member_of_a_named_body_speaks_unnamed(nlp_rules, text, role):
    (q,) = quoteattr.extract(text, nlp_rules)
    assert (q.speaker_name, q.role) == (None, role)


@pytest.mark.parametrize(
    "text,name",
    [
        ("Juru bicara Kemenlu Teuku Faizasyah mengatakan pertemuan itu berlangsung lancar.", "Teuku Faizasyah"),  # a title with its organization, then the name
        ('"Kami siap bertanding," kata pendukung Persikabo Budi Santoso.', "Budi Santoso"),  # a person's name after the body
    ],
)
def test_a_named_member_of_a_body_keeps_the_name(nlp_rules, text, name):
    (q,) = quoteattr.extract(text, nlp_rules)
    assert q.speaker_name == name


#: a title word that is also a given name opens the name after an appositive comma, also when
#: the title before the comma carries its organization
@pytest.mark.parametrize("opening", ["Sekretaris Umum Persikabo", "Wakil Ketua Umum KONI Jateng"])
def test_given_name_title_after_an_appositive_comma_opens_the_name(nlp_rules, opening):
    text = f"“Jadwal sudah final,” kata {opening}, Ratu Sekar Ayuningtyas."
    (q,) = quoteattr.extract(text, nlp_rules)
    assert (q.speaker_name, q.role) == ("Ratu Sekar Ayuningtyas", opening)


#: names and titles the speaker phrase reads whole
WHOLE_NAMES = [
    # a title that is also a given name inside a name, after a word that is no title
    ("Sujarwo Imam Santosa, Kepala Program Studi Akuntansi, mengatakan kelas itu penuh.", "Sujarwo Imam Santosa", "Kepala Program Studi Akuntansi"),
    # a lower-case honorific opens the name in an appositive after menurut
    ("Menurut dokter Puskesmas Sukamaju, dr Lestari, warga harus banyak minum air.", "Lestari", "dokter Puskesmas Sukamaju"),
    # a predicate after the name's comma is the content, not a role
    ("Menurut dokter Puskesmas Sukamaju, dr. Lestari Wulan, warga harus banyak minum air.", "Lestari Wulan", "dokter Puskesmas Sukamaju"),
    # a second title after a continuer may be a former one
    ("“Kami siap,” ujar Pendiri Yayasan Pelita yang juga mantan Menteri Sosial Ratna Dewi Anggraini.", "Ratna Dewi Anggraini", "Pendiri Yayasan Pelita yang juga mantan Menteri Sosial"),
    # after menurut: an appositive title that holds a place, then the content
    ("Menurut Hendra Wijaya, seorang anggota dewan dari Kalimantan, jembatan itu harus diperbaiki.", "Hendra Wijaya", "anggota dewan dari Kalimantan"),
    # after menurut: a title running to its comma, a name with a degree after it
    ("Menurut spesialis gizi klinik dari Rumah Sakit Harapan Kita, dr Maya Sari, Sp.GK, sarapan itu penting.", "Maya Sari", "spesialis gizi klinik dari Rumah Sakit Harapan Kita"),
    # a particle joined to the next word by a hyphen stays in the name
    ("Namun, Jenderal Khalid al-Mansouri, juru bicara koalisi, mengatakan bahwa pasukannya tidak mundur.", "Khalid al-Mansouri", "juru bicara koalisi"),
    # a role set off before the name holds what it is within (dalam), read back from the comma
    ("Pemeran Kartini dalam film Kartini, Dian Lestari membagikan buku.\n\n“Saya ingin orang membaca,” katanya.", "Dian Lestari", "Pemeran Kartini dalam film Kartini"),
    # after a cue: words no list holds, joined by dan, then a name set off by commas
    ("“Kami siap bertanding,” kata komentator dan analis tinju, Yosef Manurung, di Medan.", "Yosef Manurung", "komentator dan analis tinju"),
    ("“Sarapan itu penting,” tutur spesialis gizi dan penyakit anak dari RS Harapan, dr Nurul Hidayah, di Bandung.", "Nurul Hidayah", "spesialis gizi dan penyakit anak dari RS Harapan"),
    ("Menurut komentator dan analis bulu tangkis, Yosef Manurung, pemain itu perlu istirahat.", "Yosef Manurung", "komentator dan analis bulu tangkis"),
    # a description, bernama, the name: the description is the role
    ("Seorang nelayan bernama Rosa Mandagi mengatakan air naik sejak malam.", "Rosa Mandagi", "nelayan"),
    ("“Kami takut air naik lagi,” kata seorang nelayan yang bernama Rosa Mandagi.", "Rosa Mandagi", "nelayan"),
    ("Seorang pedagang yang bernama Hasan Basri mengaku kiosnya sepi sejak pagi.", "Hasan Basri", "pedagang"),
]


@pytest.mark.parametrize("text,name,role", WHOLE_NAMES)
def test_names_and_titles_read_whole(nlp_rules, text, name, role):
    (q,) = quoteattr.extract(text, nlp_rules)
    assert (q.speaker_name, q.role) == (name, role)


@pytest.mark.parametrize(
    "text,content",
    [
        ("Menurut Hendra Wijaya, seorang anggota dewan dari Kalimantan, jembatan itu harus diperbaiki.", "jembatan itu harus diperbaiki"),
        ("Menurut spesialis gizi klinik dari Rumah Sakit Harapan Kita, dr Maya Sari, Sp.GK, sarapan itu penting.", "sarapan itu penting"),
    ],
)
def test_menurut_content_starts_after_the_speaker_s_appositives(nlp_rules, text, content):
    (q,) = quoteattr.extract(text, nlp_rules)
    assert q.quote == content


@pytest.mark.parametrize(
    "text,name",
    [
        # mereka stands for the organization that is the subject of the sentence before
        ("Bank Nusantara menaikkan suku bunga pekan lalu. Mereka menyatakan bahwa inflasi masih terlalu tinggi.", "Bank Nusantara"),
        # …or of its own sentence, before it
        ("XYQ merilis ponsel baru, namun mereka menjanjikan bahwa harga ponsel lama tidak turun.", "XYQ"),
        # …or of the sentence two back, with a sentence about something else between
        ("Bank Nusantara menaikkan suku bunga pekan lalu. Kenaikan itu yang ketiga tahun ini. Mereka menyatakan bahwa inflasi masih terlalu tinggi.", "Bank Nusantara"),
        # a federation, a band or a tribe named so is a group that speaks as one
        ("Federasi Panjat Tebing Nusantara menggelar rapat anggota kemarin. Mereka menyatakan bahwa kejuaraan ditunda.", "Federasi Panjat Tebing Nusantara"),
        ("Suku Dayak Kenyah menggelar upacara adat. Mereka menyatakan bahwa hutan itu tanah ulayat.", "Suku Dayak Kenyah"),
        # a group of people is no organization: the speaker stays unnamed
        ("Warga Desa Sukamaju berkumpul di balai desa. Mereka menilai bahwa jalan itu harus segera diperbaiki.", None),
    ],
)
def test_plural_pronoun_takes_an_organization_subject(nlp_rules, text, name):
    (q,) = quoteattr.extract(text, nlp_rules)
    assert q.speaker_name == name


@pytest.mark.parametrize(
    "text,name",
    [
        # the body that spoke last, in the paragraph before, is what mereka stands for
        ('Pihak Gojek menyatakan bahwa tarif tidak naik.\n\n"Layanan kami tetap sama," tulis mereka.', "Gojek"),
        ('Bank Nusantara mengatakan bahwa bunga tetap.\n\nHarga emas turun.\n\n"Kami memantau pasar," kata mereka.', "Bank Nusantara"),
        # …not across a paragraph with no quote between
        ('Bank Nusantara mengatakan bahwa bunga tetap.\n\nHarga emas turun.\n\nHarga perak naik.\n\n"Kami memantau pasar," kata mereka.', None),
    ],
)
def test_plural_pronoun_takes_the_body_that_spoke_last(nlp_rules, text, name):
    q = quoteattr.extract(text, nlp_rules)[-1]
    assert q.speaker_name == name


@pytest.mark.parametrize(
    "text,name",
    [
        # pihaknya stands for the organization the person's role names
        ("Ketua Umum Yayasan Pelita Harapan Rina Wulandari membuka acara itu. Pihaknya menilai bahwa bantuan itu harus segera disalurkan.", "Yayasan Pelita Harapan"),
        # …spelled out where the article gives its acronym
        ("Menurut Koordinator Lembaga Bantuan Warga (LBW) Cabang Sleman Budi Santoso, kasus itu janggal. Pihaknya meminta bahwa polisi mengusut kasus itu.", "Lembaga Bantuan Warga Cabang Sleman"),
        # a role with no organization's name leaves the person
        ("Manajer pelabuhan kawasan Tegal Andi Wijaya meninjau dermaga. Pihaknya memastikan bahwa kapal tetap berlayar.", "Andi Wijaya"),
    ],
)
def test_party_pronoun_stands_for_the_person_s_organization(nlp_rules, text, name):
    quotes = quoteattr.extract(text, nlp_rules)
    assert quotes[-1].speaker_name == name


#: the subject as written: a hyphen inside a name is no dateline's dash; a frequency or time
#: adverbial between the subject and its verb is no part of the subject
SUBJECT_AS_WRITTEN = [
    ("Park Min-jae mengatakan bahwa dia akan menikah tahun depan.", "Park Min-jae"),
    ("Aktor Kim Min-jae mengatakan bahwa dia akan menikah tahun depan.", "Kim Min-jae"),
    ("Bandung - Rina Wulandari mengatakan bahwa harga beras naik pekan ini.", "Rina Wulandari"),
    ("Rina Wulandari dua kali mengatakan bahwa dia tidak bersalah dalam kasus itu.", "Rina Wulandari"),
    ("Rina Wulandari beberapa kali menegaskan bahwa dia tidak bersalah dalam kasus itu.", "Rina Wulandari"),
    ("Rina Wulandari berkali-kali menegaskan bahwa dia tidak bersalah dalam kasus itu.", "Rina Wulandari"),
    # …nor is a time adverbial, but an age describes the person
    ("Mesir pekan lalu menuding Sudan menutup perbatasan kedua negara.", "Mesir"),
    ("Menteri Perdagangan Chile, Ana Rojas beberapa waktu lalu mengatakan bahwa tarif itu akan dihapus.", "Ana Rojas"),
    ("Warga desa Sukamaju baru-baru ini menyatakan bahwa air sungai itu tercemar limbah.", "Warga desa Sukamaju"),
    ("Budi Hartono hadir. Pemain 26 tahun ini mengatakan bahwa timnya siap menghadapi laga besok.", "Pemain 26 tahun ini"),
]


@pytest.mark.parametrize("text,written", SUBJECT_AS_WRITTEN)
def test_the_subject_as_written(nlp_rules, text, written):
    (q,) = quoteattr.extract(text, nlp_rules)
    assert q.speaker == written


def test_a_closing_mark_opening_a_paragraph_opens_a_quote(nlp_rules):
    from quoteattr.segment import quote_spans

    text = "Pelatih Persikabo Gunawan Hadi memantau latihan.\n\n” Dia memang kegemukan karena lama tidak bermain,” kata Gunawan."
    (span,) = quote_spans(text)
    assert text[span.start : span.end] == "Dia memang kegemukan karena lama tidak bermain,"
    assert [q.speaker_name for q in quoteattr.extract(text, nlp_rules)] == ["Gunawan Hadi"]



@pytest.mark.parametrize(
    "text,quotes",
    [
        # a speech verb right after a subordinating word that opens the sentence reports nothing
        # of its own when the main clause has a speech verb: the main clause's is the quote
        ("Meskipun memastikan keikutsertaan Rina dalam turnamen itu, Hendra mengatakan pasangan itu akan dipasangkan dengan atlet muda.",
         [("Hendra", "pasangan itu akan dipasangkan dengan atlet muda")]),
        ("Kendati mengakui tidak mendengar suara itu, Sutrisno menyebut, fenomena tersebut merupakan hal yang biasa.",
         [("Sutrisno", "fenomena tersebut merupakan hal yang biasa")]),
        # …without one, the subordinate clause's verb reports (its speaker is not checked here)
        ("Meski mengaku tidak suka memakai riasan tebal, Rina tetap memakai tabir surya setiap hari.",
         [(None, "tidak suka memakai riasan tebal")]),
    ],
)
def test_a_speech_verb_in_a_subordinate_clause(nlp_rules, text, quotes):
    got = quoteattr.extract(text, nlp_rules)
    assert [q.quote[: len(w)] for q, (_, w) in zip(got, quotes)] == [w for _, w in quotes]
    assert len(got) == len(quotes)
    assert all(q.speaker == s for q, (s, _) in zip(got, quotes) if s is not None)


@pytest.mark.parametrize(
    "text,speaker",
    [
        pytest.param(
            (
                "Agen perjalanan Sri Wahyuni mengaku sudah membayar lunas. “Saya sudah bayar Rp 20 juta,” kata Sri. "
                "Nasib serupa dialami Sutrisno. “Saya ikut dari keponakan sebagai jemaah,” papar Sutrisno. "
                "Ia mengaku awalnya tidak menaruh curiga meski harga paket itu murah sekali."
            ),
            "Sutrisno",
            id="a_one_word_name_that_spoke_last",
        ),
        pytest.param(
            (
                "Menteri Keuangan Sri Mulyani Indrawati hadir di rapat itu. “Anggaran kita cukup,” kata Mulyani. "
                "Ia mengatakan defisit akan dijaga di bawah tiga persen tahun depan."
            ),
            "Sri Mulyani Indrawati",
            id="a_word_of_a_full_name_is_the_full_name",
        ),
    ],
)
def test_a_pronoun_after_a_one_word_speaker(nlp_rules, text, speaker):
    """A pronoun after a quote goes back to its speaker even when the article calls them by one
    word (*Trijono*), spelled like a person's name and no word of another person's name."""
    q = quoteattr.extract(text, nlp_rules)[-1]
    assert q.speaker == "Ia" and q.speaker_name == speaker


#: a handle named after an account word speaks, as written (with the platform or bernama
#: between them, or neither); an account word with a word of running text after it names none
ACCOUNT_HANDLES = [
    ("“Lekas pulih, Kak,” tulis akun dinda.rahma97 di kolom komentar.", "dinda.rahma97"),
    ("“Lekas pulih, Kak,” komentar akun Instagram wulanseptia.", "wulanseptia"),
    ("“Lekas pulih, Kak,” tulis akun bernama @tono_kece.", "@tono_kece"),
    ("Akun sari_lestari menulis bahwa ia kecewa dengan keputusan panitia.", "sari_lestari"),
]


@pytest.mark.parametrize("text,name", ACCOUNT_HANDLES)
def test_an_account_handle_speaks(nlp_rules, text, name):
    (q,) = quoteattr.extract(text, nlp_rules)
    assert q.speaker_name == name


def test_an_account_word_before_running_text_names_no_handle(nlp_rules):
    (q,) = quoteattr.extract("“Kami mohon maaf,” tulis akun resmi panitia lomba itu.", nlp_rules)
    assert q.speaker_name != "resmi"


#: a word of running text opening the sentence as the whole subject describes the speaker, no
#: name; the same word written capitalized inside a sentence elsewhere is a name
RUNNING_TEXT_OPENERS = [
    ("Aturan baru soal pinjaman daring segera terbit.\n\nRegulator menyatakan bahwa aturan itu melindungi konsumen.", None),
    ("Penyidik senior Novel Hartono diperiksa selama delapan jam.\n\nNovel mengatakan bahwa ia menjawab semua pertanyaan penyidik.", "Novel"),
    # the head of a body's description standing alone refers back to the organization named
    ("Pihak Nusantara Games merilis gim baru pekan lalu.\n\nPengembangnya mengatakan bahwa gim itu akan diperbarui tahun depan.", "Nusantara Games"),
]


@pytest.mark.parametrize("text,name", RUNNING_TEXT_OPENERS)
def test_a_word_of_running_text_opening_the_sentence(nlp_rules, text, name):
    (q,) = quoteattr.extract(text, nlp_rules)
    assert q.speaker_name == name


#: a panel of judges speaks as one body, named with the court the article writes after it, never
#: as the judge who chairs it
PANELS = [
    "Majelis hakim Pengadilan Negeri Sleman menjatuhkan vonis lima tahun.\n\nKetua Majelis Hakim Rudi Hartono membacakan putusan itu.\n\n“Terdakwa tidak kooperatif,” kata majelis hakim.",
    "Majelis hakim Pengadilan Negeri Sleman menjatuhkan vonis lima tahun.\n\nKetua Majelis Hakim Rudi Hartono membacakan putusan itu.\n\nMajelis hakim menyatakan bahwa terdakwa terbukti menerima suap.",
]


@pytest.mark.parametrize("text", PANELS)
def test_a_panel_of_judges_speaks_as_a_body(nlp_rules, text):
    q = quoteattr.extract(text, nlp_rules)[-1]
    assert (q.speaker_name, q.speaker_type) == ("Majelis hakim Pengadilan Negeri Sleman", "organization")


def test_a_name_inside_a_work_s_title_is_no_person(nlp_rules):
    # the capitalized words after judul / berjudul / bertajuk name the work: a later bare
    # name is not completed to the title, and the title gives it no role
    text = "Buku itu bersampul merah dengan judul Hendra Wijaya Kelas Hidup di bagian depannya.\n\nHendra mengatakan bahwa ia menikmati proses itu."
    (q,) = quoteattr.extract(text, nlp_rules)
    assert (q.speaker_name, q.role) == ("Hendra", None)


def test_a_figure_described_after_a_cue_is_a_speaker_phrase(nlp_rules):
    # sosok (a figure) opens a description after a cue like pria does: the cue is read, not
    # taken for a continuation with no cue
    text = "Ketua umum Persikota Bambang Tri Mulyo hadir di sana.\n\n“Benar, ada pertemuan,” kata sosok yang karib disapa BTM dikutip dari laman resmi klub."
    (q,) = quoteattr.extract(text, nlp_rules)
    assert (q.cue, q.speaker) == ("kata", "sosok")


@pytest.mark.parametrize("cue", ["menambahkan", "melanjutkan"])
def test_a_title_whose_cue_goes_on_is_the_person_just_quoted(nlp_rules, cue):
    # a title (never stated for anyone) as the subject of a cue that says the speaker goes on,
    # right after a named person's quote, is that person
    text = f"Rudi Hartono menghadiri rapat di DPR.\n\n“Aturan itu harus jelas,” ucap Rudi di Gedung DPR.\n\nKetua Umum Partai Maju {cue} bahwa hal ini menyangkut mata pencaharian warga."
    q = quoteattr.extract(text, nlp_rules)[-1]
    assert (q.speaker_name, q.role) == ("Rudi Hartono", "Ketua Umum Partai Maju")


@pytest.mark.parametrize("subject", ["Seorang nelayan misalnya,", "Seorang nelayan, misalnya,", "Seorang nelayan contohnya,"])
def test_a_subject_given_as_an_example_before_its_verb(nlp_rules, subject):
    # an adverb of example set off by a comma between the subject and the cue leaves the subject
    text = f"Banyak warga pesisir mengeluhkan harga solar.\n\n{subject} menulis “kami tidak bisa melaut sejak pekan lalu.”"
    (q,) = quoteattr.extract(text, nlp_rules)
    assert (q.speaker, q.cue) == ("Seorang nelayan", "menulis")


@pytest.mark.parametrize(
    "text,role",
    [
        # a quantity word opening the subject: the people described speak, not the country or
        # body named at its end
        ("Sejumlah pembuat kebijakan Malaysia mengatakan bahwa peretas mencuri dokumen rahasia.", "pembuat kebijakan Malaysia"),
        ("Beberapa pejabat senior Gedung Putih menyatakan bahwa rapat itu ditunda sampai pekan depan.", "pejabat senior Gedung Putih"),
        ("Salah satu rumah judi di Inggris memperkirakan bahwa sang kapten akan bermain sepuluh menit.", "rumah judi di Inggris"),
    ],
)
def test_a_described_group_opened_by_a_quantity_word_is_unnamed(nlp_rules, text, role):
    (q,) = quoteattr.extract(text, nlp_rules)
    assert q.speaker_name is None
    assert q.role == role


@pytest.mark.parametrize(
    "text,name,role",
    [
        # the name right after di / dari closing a description is where the speaker serves
        ("Anggota parlemen dari Sabzevar mengatakan dua orang tewas dalam kerusuhan itu.", None, "Anggota parlemen dari Sabzevar"),
        ("Komandan pasukan PBB di Goma mengatakan serangan itu menewaskan dua orang.", None, "Komandan pasukan PBB di Goma"),
        # …but a title, its organization and a person's name: the person speaks
        ("Ketua Panitia Lomba dari Dinas Pariwisata Kota Ambon Rudi Latuconsina mengatakan lomba dibuka besok.", "Rudi Latuconsina", "Ketua Panitia Lomba dari Dinas Pariwisata Kota Ambon"),
    ],
)
def test_a_name_after_the_preposition_closing_a_description_is_no_speaker(nlp_rules, text, name, role):
    (q,) = quoteattr.extract(text, nlp_rules)
    assert (q.speaker_name, q.role) == (name, role)
