"""The cue offsets, pattern id, paragraph and sentence index every Quote carries."""

from __future__ import annotations

import pytest

from quoteattr.repair import repair

# (text, cue as written, pattern, paragraph, sentence) of the one cued quote
CASES = [
    ("“Kami siap menghadapi semua,” kata Menteri Budi Santoso.", "kata", "direct_cue_after", 0, 0),
    (
        (
            "Paragraf pertama tanpa kutipan. Kalimat kedua juga ada.\n\n"
            "Budi Santoso mengatakan bahwa pemerintah akan menaikkan anggaran pendidikan tahun depan."
        ),
        "mengatakan",
        "indirect_verb",
        1,
        2,
    ),
    ("Anggaran pendidikan akan naik tahun depan, ujar Budi Santoso.", "ujar", "indirect_cue_after", 0, 0),
    ("Budi Santoso mengatakan, “Kami siap menghadapi semua tantangan.”", "mengatakan", "direct_cue_before", 0, 0),
]


@pytest.mark.parametrize("text,cue,pattern,paragraph,sentence", CASES)
def test_cue_offsets_pattern_and_position(nlp_rules, text, cue, pattern, paragraph, sentence):
    (q,) = nlp_rules(text)._.quotes
    assert q.cue == cue
    assert text[q.cue_start : q.cue_end] == cue
    assert q.pattern == pattern
    assert (q.paragraph, q.sentence) == (paragraph, sentence)


def test_continuation_has_no_cue(nlp_rules):
    text = "Budi Santoso mengatakan, “Kami siap menghadapi semua tantangan.”\n\n“Kami juga sudah menyiapkan anggaran yang cukup besar.”"
    first, cont = nlp_rules(text)._.quotes
    assert cont.pattern == "continuation"
    assert cont.cue is None and cont.cue_start is None and cont.cue_end is None
    assert (cont.paragraph, cont.sentence) == (1, 1)
    assert cont.speaker_name == first.speaker_name == "Budi Santoso"


def test_cue_offsets_map_back_through_repair(nlp_rules):
    # a glued word before the quote: the rules read a repaired copy one character longer
    text = "Para pejabat KPKmenjerat tersangka baru pekan lalu. “Kami siap menghadapi semua,” kata Budi Santoso."
    assert repair(text) is not None
    (q,) = nlp_rules(text)._.quotes
    assert text[q.cue_start : q.cue_end] == "kata"
    assert text[q.quote_start : q.quote_end] == q.quote == "Kami siap menghadapi semua"
    assert (q.paragraph, q.sentence) == (0, 1)


def test_cue_spans_written_by_the_quote_finder(nlp_rules):
    doc = nlp_rules("“Kami siap menghadapi semua,” kata Menteri Budi Santoso.")
    assert [(s.text, s.label_) for s in doc.spans["quoteattr_cues"]] == [("kata", "direct_cue_after")]
    assert [s.label_ for s in doc.spans["quoteattr_quote_marks"]] == ["closed"]
    assert len(doc.spans["quoteattr_sentences"]) == len(doc.spans["quoteattr_paragraphs"]) == 1
