"""One test row per rule of each rule table: the rule applies to its example and the result is as shown."""

from __future__ import annotations

import pytest

from quoteattr.candidates.direct import DIRECT_RULES
from quoteattr.candidates.indirect import INDIRECT_RULES
from quoteattr.lexicon import default_lexicon
from quoteattr.mentions import phrase, split
from quoteattr.resolve import discourse
from quoteattr.tokenizer import blank

NLP = blank()


def _recording(table, fired):
    def wrap(rule_id, fn):
        def rule(*args):
            out = fn(*args)
            if out is not None:
                fired.append(rule_id)
            return out

        return rule

    return tuple(wrap(rule_id, fn) for rule_id, fn in table)


# (rule id, text, first word of the phrase, the noun phrase read)
NP_ROWS = [
    ("title_list", "kata Kepala Pusat Data, Informasi, dan Humas BPBD Budi di sini", "Kepala", "Kepala Pusat Data, Informasi, dan Humas BPBD Budi"),
    ("clause_punct", "kata Budi Santoso, Ketua RT setempat.", "Budi", "Budi Santoso"),
    ("parenthetical", "kata Ketua Umum (PAN) Zulkifli Hasan di Jakarta", "Ketua", "Ketua Umum (PAN) Zulkifli Hasan"),
    ("day", "kata Budi Santoso Senin lalu", "Budi", "Budi Santoso"),
    ("lower_title", "kata pelatih fisik dan kebugaran Rina Kartika di sini", "pelatih", "pelatih fisik dan kebugaran Rina Kartika"),
    ("capitalized", "kata Budi Santoso di sini", "Budi", "Budi Santoso"),
    ("joiner", "kata Ketua PDI-Perjuangan Budi di sini", "Ketua", "Ketua PDI-Perjuangan Budi"),
    ("name_joiner", "kata Institute for Marine Studies di sini", "Institute", "Institute for Marine Studies"),
    ("inner_honorific", "kata Kepala Dinas Kesehatan Banyuwangi dr Widji Lestariono di sini", "Kepala", "Kepala Dinas Kesehatan Banyuwangi dr Widji Lestariono"),
    ("number_suffix", "kata Ketua Satgas Covid-19 Budi di sini", "Ketua", "Ketua Satgas Covid-19 Budi"),
    ("coordinated_units", "kata Deputi Komisioner Humas dan Logistik OJK Budi di sini", "Deputi", "Deputi Komisioner Humas dan Logistik OJK Budi"),
    ("two_organizations", "kata CEO SurveySensum dan NeuroSensum Rajiv Lamba di sini", "CEO", "CEO SurveySensum dan NeuroSensum Rajiv Lamba"),
    ("name_particle", "kata Abdullah bin Zayed di sini", "Abdullah", "Abdullah bin Zayed"),
    ("demonstrative", "kata pelatih asal Prancis itu di sini", "pelatih", "pelatih asal Prancis itu"),
    ("number", "kata Pangdam 17 Cenderawasih di sini", "Pangdam", "Pangdam 17 Cenderawasih"),
    ("possessed_word", "kata kuasa hukumnya kepada wartawan", "kuasa", "kuasa hukumnya"),
    ("lower_role_word", "kata pengamat otomotif Bebin Djuana di sini", "pengamat", "pengamat otomotif Bebin Djuana"),
    ("role_word", "kata seorang warga di sini", "seorang", "seorang warga"),
]


def test_every_noun_phrase_rule_has_a_row():
    assert [r[0] for r in NP_ROWS] == [rule_id for rule_id, _ in phrase.NP_RULES]


@pytest.mark.parametrize("rule_id,text,first,expected", NP_ROWS)
def test_noun_phrase_rule(monkeypatch, rule_id, text, first, expected):
    fired: list[str] = []
    monkeypatch.setattr(phrase, "_NP_STEPS", _recording(phrase.NP_RULES, fired))
    doc = NLP.make_doc(text)
    i = next(t.i for t in doc if t.text == first)
    end = phrase.np_end(doc, i, len(doc), default_lexicon())
    assert rule_id in fired
    assert doc[i:end].text == expected


# (rule id, speaker phrase, role read, name read)
NAME_ROWS = [
    ("dotted_initial", "Menteri Yasonna H. Laoly", "Menteri", "Yasonna H. Laoly"),
    ("hyphen_syllable", "Menteri Unifikasi Lee Min-ho", "Menteri Unifikasi", "Lee Min - ho"),
    ("initials_after_rank", "Inspektur Jenderal RZ Panca Putra", "Jenderal", "RZ Panca Putra"),
    ("org_phrase_word", "Kepala Badan Ketahanan Pangan Agung Hendriadi", "Kepala Badan", "Ketahanan Pangan Agung Hendriadi"),
    ("noble_title", "Ketua Gili Hotel Association Lalu Kusnawan", "Ketua Gili Hotel Association", "Lalu Kusnawan"),
    ("cue_word_in_name", "Direktur Gitadi Tegas Supramudyo", "Direktur", "Gitadi Tegas Supramudyo"),
    ("web_address", "Kabarkota.com Jefri Santoso", "Kabarkota.com", "Jefri Santoso"),
    ("stop_word", "menurut Budi Santoso", "menurut", "Budi Santoso"),
    ("family_name", "Menteri Unifikasi Ri Dong-hyun", "Menteri Unifikasi", "Ri Dong - hyun"),
    ("organization_suffix", "Analis Nusa Securities Budi Santoso", "Analis Nusa Securities", "Budi Santoso"),
    ("clitic_word", "Ayahnya Budi Santoso", "Ayahnya", "Budi Santoso"),
    ("plain_name_word", "Menteri Budi Santoso", "Menteri", "Budi Santoso"),
    ("inner_initials", "Menteri Bambang PS Brodjonegoro", "Menteri", "Bambang PS Brodjonegoro"),
    ("title_word_ending_name", "Anggota DPR Lucky Hakim", "Anggota DPR", "Lucky Hakim"),
    ("title_word_inside_name", "Menteri Agama Lukman Hakim Saifuddin", "Menteri Agama", "Lukman Hakim Saifuddin"),
    ("role_word_ending_name", "Ketua Tubagus Utama", "Ketua", "Tubagus Utama"),
    ("name_particle", "Menteri Abdullah bin Zayed", "Menteri", "Abdullah bin Zayed"),
    ("balinese_prefix", "Gubernur Bali I Wayan Koster", "Gubernur Bali", "I Wayan Koster"),
    ("hyphenated_name", "Pelatih Karl-Heinz Rummenigge", "Pelatih", "Karl - Heinz Rummenigge"),
    ("apostrophe", "Pelatih Shaquille O ' Neal", "Pelatih", "Shaquille O ' Neal"),
]


def test_every_name_start_rule_has_a_row():
    assert [r[0] for r in NAME_ROWS] == [rule_id for rule_id, _ in split.NAME_START_RULES]


@pytest.mark.parametrize("rule_id,text,role,name", NAME_ROWS)
def test_name_start_rule(monkeypatch, rule_id, text, role, name):
    fired: list[str] = []
    monkeypatch.setattr(split, "_NAME_START_STEPS", _recording(split.NAME_START_RULES, fired))
    doc = NLP.make_doc(text)
    role_toks, name_toks = split.split_role_name(doc, 0, len(doc), default_lexicon())
    assert rule_id in fired
    assert (" ".join(t.text for t in role_toks), " ".join(t.text for t in name_toks)) == (role, name)


# (quote pattern, text, speaker name): the direct and indirect rules name their quotes' pattern
PATTERN_ROWS = [
    ("direct_cue_after", "“Jalan itu akan dibuka pekan depan,” kata Budi Santoso.", "Budi Santoso"),
    ("direct_name_cue_after", "“Jalan itu akan dibuka pekan depan,” Budi Santoso menambahkan.", "Budi Santoso"),
    ("direct_cue_before", "Budi Santoso mengatakan, “Jalan itu akan dibuka pekan depan.”", "Budi Santoso"),
    # verbs of saying in a manner open a direct quote (berbisik, menyahut, berteriak, menimpali)
    ("direct_cue_before", "Rina Wulandari berbisik kepada suaminya, “Jalan itu akan dibuka pekan depan.”", "Rina Wulandari"),
    ("direct_cue_before", "Budi Santoso lantas menyahut, “Jalan itu akan dibuka pekan depan.”", "Budi Santoso"),
    ("direct_cue_before", "Budi Santoso menimpali, “Jalan itu akan dibuka pekan depan.”", "Budi Santoso"),
    ("direct_cue_after", "“Jalan itu akan dibuka pekan depan,” seloroh Budi Santoso.", "Budi Santoso"),
    ("direct_next_sentence", "“Jalan itu akan dibuka pekan depan.” Budi Santoso tersenyum lebar. Demikian dikatakan Budi Santoso.", "Budi Santoso"),
    ("indirect_menurut", "Menurut Budi Santoso, jalan itu akan dibuka pekan depan oleh pemerintah.", "Budi Santoso"),
    ("indirect_menurut_after", "Jalan itu akan dibuka pekan depan oleh pemerintah, menurut Budi Santoso.", "Budi Santoso"),
    ("indirect_verb", "Budi Santoso mengatakan bahwa jalan itu akan dibuka pekan depan.", "Budi Santoso"),
    ("indirect_passive", "Dikatakan Budi Santoso, jalan itu akan dibuka pekan depan oleh pemerintah.", "Budi Santoso"),
    ("indirect_passive_previous", "Jalan itu akan dibuka pekan depan oleh pemerintah daerah. Hal itu disampaikan Budi Santoso di Jakarta.", "Budi Santoso"),
    # the passive of a root whose other forms are cues (ungkap, benar) is a cue too
    ("indirect_passive_previous", "Jalan itu akan dibuka pekan depan oleh pemerintah daerah. Hal ini diungkap Budi Santoso di Jakarta.", "Budi Santoso"),
    ("indirect_passive_previous", "Jalan itu akan dibuka pekan depan oleh pemerintah daerah. Hal tersebut dibenarkan Budi Santoso di Jakarta.", "Budi Santoso"),
    ("indirect_cue_after", "Jalan itu akan dibuka pekan depan oleh pemerintah, kata Budi Santoso.", "Budi Santoso"),
    ("indirect_passive_topic", "Perbaikan jalan itu disebut Budi Santoso sudah selesai sebelum Lebaran.", "Budi Santoso"),
]


@pytest.mark.parametrize(
    "text",
    [
        "Bantuan itu disampaikan Budi Santoso kepada warga di Desa Sukamaju.",  # no statement after the agent
        "Kawasan itu disebut Budi Santoso sebagai kampung pelangi sejak dulu.",  # a name given
        "Budi Santoso juga disebut menerima dana Rp 250 juta pada tahun itu.",  # no agent
    ],
)
def test_passive_topic_needs_an_agent_and_a_statement(nlp_rules, text):
    assert [q for q in nlp_rules(text)._.quotes if q.pattern == "indirect_passive_topic"] == []


def test_every_direct_rule_and_indirect_reader_has_rows():
    patterns = {r[0] for r in PATTERN_ROWS}
    assert {p for p, _ in DIRECT_RULES} <= patterns
    assert len(INDIRECT_RULES) == 4 and {"indirect_menurut", "indirect_verb", "indirect_passive", "indirect_cue_after"} <= patterns


@pytest.mark.parametrize("pattern,text,speaker", PATTERN_ROWS)
def test_quote_pattern(nlp_rules, pattern, text, speaker):
    (q,) = nlp_rules(text)._.quotes
    assert (q.pattern, q.speaker_name) == (pattern, speaker)


# (speaker rule id, text, speaker name, speaker type, role) of the last quote
SPEAKER_ROWS = [
    ("panel", "Majelis hakim Pengadilan Negeri Sleman bersidang. “Terdakwa terbukti bersalah,” kata majelis hakim.", "Majelis hakim Pengadilan Negeri Sleman", "organization", None),
    ("anaphor", "Budi Santoso tiba di lokasi. “Jalan itu akan dibuka pekan depan,” katanya.", "Budi Santoso", "person", None),
    ("name", "“Jalan itu akan dibuka pekan depan,” kata Menteri Budi Santoso.", "Budi Santoso", "person", "Menteri"),
    ("organization", "“Jalan itu akan dibuka pekan depan,” kata Polda Metro Jaya.", "Polda Metro Jaya", "organization", None),
    ("role", "“Jalan itu akan dibuka pekan depan,” kata Presiden Joko Widodo. “Kami siap,” kata Presiden.", "Joko Widodo", "person", "Presiden"),
    ("description", "“Jalan itu akan dibuka pekan depan,” kata seorang warga.", None, "unknown", "warga"),
]


def test_every_speaker_rule_has_a_row():
    assert [r[0] for r in SPEAKER_ROWS] == [rule_id for rule_id, _, _ in discourse.SPEAKER_RULES]


@pytest.mark.parametrize("rule_id,text,name,stype,role", SPEAKER_ROWS)
def test_speaker_rule(monkeypatch, nlp_rules, rule_id, text, name, stype, role):
    fired: list[str] = []

    def wrap(rid, read):
        def reader(*args):
            fired.append(rid)
            return read(*args)

        return reader

    monkeypatch.setattr(discourse, "SPEAKER_RULES", tuple((rid, applies, wrap(rid, read)) for rid, applies, read in discourse.SPEAKER_RULES))
    q = nlp_rules(text)._.quotes[-1]
    assert fired[-1] == rule_id
    assert (q.speaker_name, q.speaker_type, q.role) == (name, stype, role)
