"""Property tests: ``extract`` never raises on any ``str``, and offsets always slice to the quote."""

from __future__ import annotations

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import quoteattr  # noqa: E402

NLP = quoteattr.load("rules")

WORDS = [
    "kata", "ujar", "mengatakan", "menurut", "bahwa", "Budi", "Santoso", "Menteri", "Presiden", "Joko", "Widodo",
    "ia", "dia", "mereka", "Kami", "siap", "tidak", "akan", "di", "Jakarta", "Senin", "(3/4)", "PT", "Tbk.", "dr.",
    "&ldquo;", "&rdquo;", "&amp;", "<p>", "</p>", "<br/>", "\x00", "\ufffd", "\u200b", "\xa0",
]
PUNCT = ['"', "“", "”", "„", "‟", "«", "»", "‘", "’", "'", "`", ",", ".", ":", ";", "?", "!", "—", "-", "(", ")", "\n", "\n\n", " ", "\t", "\r\n"]

# Word-and-punctuation soup: far more likely than random text to build quotes, cues and speakers.
news_like = st.lists(st.sampled_from(WORDS + PUNCT) | st.text(max_size=6), max_size=80).map(lambda parts: " ".join(parts) if len(parts) % 3 else "".join(parts))
any_text = st.text(max_size=300)

SETTINGS = settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)


def _check(text: str) -> None:
    quotes = quoteattr.extract(text, NLP)
    for q in quotes:
        assert 0 <= q.quote_start <= q.quote_end <= len(text)
        assert text[q.quote_start : q.quote_end] == q.quote
        if q.speaker_start is not None:
            assert q.speaker_end is not None and 0 <= q.speaker_start <= q.speaker_end <= len(text)


@SETTINGS
@given(any_text)
def test_extract_never_raises_on_any_str(text):
    _check(text)


@SETTINGS
@given(news_like)
def test_offsets_slice_to_the_quote_on_news_like_text(text):
    _check(text)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(["“Kami siap,” kata Budi.", "Ani mengatakan bahwa harga naik.", "“Belum", "selesai.”", '"', "”", "Ya"]), max_size=30))
def test_offsets_on_sentence_soup(parts):
    _check(" ".join(parts))
