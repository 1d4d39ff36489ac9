"""quoteattr.render: highlighted HTML of an article's quotes."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from typing import Any, ClassVar

import pandas as pd
import pytest
from spacy.language import Language

from quoteattr.errors import InputError
from quoteattr.render import RenderedArticle, find_cue, render, render_page
from quoteattr.types import Quote

TEXT = (
    "MOSKOW - Menteri Luar Negeri Rusia, Sergey Lavrov, menyarankan Presiden Vladimir Putin agar terus berunding.\n\n"
    "“Selalu ada peluang,” jawab Lavrov.\n\n"
    "Putin mengatakan bahwa Barat ingin “pembicaraan tanpa akhir” dengan Moskow, ujarnya."
)


def _q(
    text: str,
    typ: str,
    quote: str,
    speaker: str | None,
    name: str | None,
    cue: str | None,
    role: str | None = None,
    after: str | None = None,
) -> Quote:
    qs = text.index(quote)
    ss = se = None
    if speaker is not None:
        ss = text.index(speaker, text.index(after)) if after else text.index(speaker)
        se = ss + len(speaker)
    return Quote(typ, quote, qs, qs + len(quote), speaker, ss, se, name, "person", role, cue, None, 0.9)  # type: ignore[arg-type]


QUOTES = [
    _q(
        TEXT,
        "indirect",
        "Presiden Vladimir Putin agar terus berunding",
        "Sergey Lavrov",
        "Sergey Lavrov",
        "menyarankan",
        "Menteri Luar Negeri Rusia",
    ),
    _q(TEXT, "direct", "Selalu ada peluang", "Lavrov", "Sergey Lavrov", "jawab", "Menteri Luar Negeri Rusia", after="jawab"),
    _q(
        TEXT,
        "mixed",
        "Barat ingin “pembicaraan tanpa akhir” dengan Moskow",
        "Putin",
        "Vladimir Putin",
        "mengatakan",
        "Presiden",
        after="\n\nPutin",
    ),
]


class Tree(HTMLParser):
    """Checks nesting, collects highlight elements and the article's visible text."""

    VOID: ClassVar[frozenset[str]] = frozenset({"meta", "br", "img", "hr", "link", "input"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, Any]]] = []
        self.elements: list[dict[str, Any]] = []  # highlight elements with their text
        self.text_parts: list[str] = []

    def _in(self, cls: str) -> bool:
        return any(cls in (a.get("class") or "").split() for _, a in self.stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.VOID:
            return
        a = dict(attrs)
        a["_text"] = []
        self.stack.append((tag, a))
        if any(c in (a.get("class") or "").split() for c in ("qa-quote", "qa-speaker", "qa-cue", "qa-via", "qa-p", "qa-title", "qa-gap")):
            self.elements.append(a)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            return
        assert self.stack and self.stack[-1][0] == tag, f"</{tag}> closes <{self.stack[-1][0] if self.stack else None}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self._in("qa-text") and not self._in("qa-label"):
            self.text_parts.append(data)
            for _, a in self.stack:
                if "_text" in a:
                    a["_text"].append(data)

    def of(self, cls: str) -> list[dict[str, Any]]:
        return [e for e in self.elements if cls in e["class"].split()]


def parse(html: str) -> Tree:
    t = Tree()
    t.feed(html)
    t.close()
    assert not t.stack, f"unclosed: {[s[0] for s in t.stack]}"
    return t


def joined(elements: list[dict[str, Any]], index: str) -> str:
    return "".join("".join(e["_text"]) for e in elements if index in e["data-quote-index"].split())


def test_highlights_quotes_speakers_and_cues() -> None:
    r = render((TEXT, QUOTES))
    t = parse(r.html)
    assert "".join(t.text_parts) == TEXT  # the text is unchanged, in order
    quotes = t.of("qa-quote")
    assert sorted({e["data-quote-index"] for e in quotes}) == ["0", "1", "2"]
    for i, q in enumerate(QUOTES):
        pieces = [e for e in quotes if e["data-quote-index"] == str(i)]
        assert joined(pieces, str(i)) == q.quote
        assert {e["data-type"] for e in pieces} == {q.type}
        assert {e["data-speaker"] for e in pieces} == {q.speaker_name}
        assert f"qa-{q.type}" in pieces[0]["class"]
    speakers = t.of("qa-speaker")
    assert [joined(speakers, str(i)) for i in range(3)] == ["Sergey Lavrov", "Lavrov", "Putin"]
    cues = t.of("qa-cue")
    assert [joined(cues, str(i)) for i in range(3)] == ["menyarankan", "jawab", "mengatakan"]
    assert "direct · Sergey Lavrov · Menteri Luar Negeri Rusia" in r.html  # label


def test_overlapping_spans_stay_well_formed() -> None:
    text = "Lavrov menilai Putin benar, kata Lavrov."
    q1 = Quote("indirect", "Putin benar", 15, 26, "Lavrov", 0, 6, "Sergey Lavrov", "person", None, "menilai")
    # a (made-up) quote whose speaker mention "Putin" sits inside q1's span, crossing nothing else
    q2 = Quote("direct", "menilai Putin", 7, 20, "Putin", 15, 20, "Vladimir Putin", "person", None, None)
    t = parse(render((text, [q1, q2])).html)
    assert "".join(t.text_parts) == text
    quotes = t.of("qa-quote")
    assert joined(quotes, "0") == "Putin benar" and joined(quotes, "1") == "menilai Putin"
    assert any("qa-cont" in e["class"].split() for e in t.elements)  # a split piece was reopened
    assert joined(t.of("qa-speaker"), "1") == "Putin"


def test_shared_speaker_mention_and_clitic_inside_cue() -> None:
    text = "“Kami siap. Kami kuat,” ujarnya."
    s = text.index("nya")
    q1 = Quote("direct", "Kami siap. Kami kuat", 1, 21, "nya", s, s + 3, "Budi Santoso", "person", None, "ujarnya")
    t = parse(render((text, [q1, q1])).html)
    assert "".join(t.text_parts) == text
    sp = t.of("qa-speaker")
    assert len(sp) == 1 and sp[0]["data-quote-index"] == "0 1" and "".join(sp[0]["_text"]) == "nya"
    assert joined(t.of("qa-cue"), "0") == "ujarnya"


def test_html_is_escaped() -> None:
    text = 'Warga <b>A&B</b> berkata bahwa "<script>alert(1)</script>" aman.'
    start = text.index("<script>")
    q = Quote("indirect", text[start : start + 25], start, start + 25, "Warga <b>A&B</b>", 0, 16, 'A"&<B>', "unknown", "<role>", "berkata")
    r = render((text, [q]))
    assert "<script>" not in r.html and "<b>" not in r.html
    t = parse(r.html)
    assert "".join(t.text_parts) == text
    assert t.of("qa-quote")[0]["data-speaker"] == 'A"&<B>'


def test_find_cue_nearest_outside_the_quote() -> None:
    text = "“Kata orang, kita kalah,” kata Budi. Ia lalu pergi, kata saksi."
    q = Quote("direct", "Kata orang, kita kalah", 1, 23, "Budi", 31, 35, "Budi", "person", None, "kata")
    s, e = find_cue(text, q)  # type: ignore[misc]
    assert (s, e) == (26, 30) and text[s:e] == "kata"
    assert find_cue(text, Quote("direct", "x", 1, 2, cue=None)) is None
    assert find_cue(text, Quote("direct", "x", 1, 2, cue="menegaskan")) is None


def test_inputs_dicts_records_docs_and_bad_offsets(nlp_rules: Language) -> None:
    dicts = [q.to_dict() for q in QUOTES]
    assert render((TEXT, dicts)).html == render((TEXT, QUOTES)).html
    rec = {"id": "x", "text": TEXT, "title": "Judul <1>", "quotes": dicts}
    r = render(rec)
    assert r.title == "Judul <1>" and "Judul &lt;1&gt;" in r.html
    doc = nlp_rules("“Kami siap,” kata Budi Santoso.")
    r = render(doc)
    assert len(r.quotes) == 1 and 'data-speaker="Budi Santoso"' in r.html
    bad = Quote("direct", "zzz", 5, 500)
    r = render((TEXT, [QUOTES[0], bad]))
    t = parse(r.html)
    assert r.skipped == [1] and len({e["data-quote-index"] for e in t.of("qa-quote")}) == 1
    with pytest.raises(InputError):
        render(42)
    with pytest.raises(InputError):
        render((b"bytes", []))
    with pytest.raises(InputError):
        render((TEXT, [42]))


def test_render_text_runs_extraction(nlp_rules: Language) -> None:
    r = render("“Kami siap menghadapi banjir,” kata Kepala BPBD Budi Santoso.", nlp=nlp_rules)
    assert isinstance(r, RenderedArticle) and r.quotes
    t = parse(r.html)
    assert t.of("qa-quote")[0]["data-speaker"] == "Budi Santoso"
    empty = render("Tidak ada kutipan di sini.", nlp=nlp_rules)
    assert "(no quotes found)" in empty.html and not parse(empty.html).of("qa-quote")


def test_page_repr_and_save(tmp_path: Path) -> None:
    r = render((TEXT, QUOTES), title="Uji")
    assert r._repr_html_() == r.html == str(r)
    page = render_page(TEXT, QUOTES, title="Uji")
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page and "<title>Uji</title>" in page
    assert "http://" not in page and "https://" not in page  # self-contained
    parse(page)
    out = r.save(tmp_path / "a.html")
    assert out.read_text(encoding="utf-8") == r.page()
    assert '<table class="qa-table">' in r.html
    assert '<table class="qa-table">' not in render((TEXT, QUOTES), table=False).html


def test_show_cli_writes_html(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from quoteattr.cli import app

    out = tmp_path / "show.html"
    res = CliRunner().invoke(app, ["show", "“Kami siap,” kata Budi Santoso.", "--model", "rules", "--html", str(out)])
    assert res.exit_code == 0, res.output
    t = parse(out.read_text(encoding="utf-8"))
    assert t.of("qa-quote")[0]["data-speaker"] == "Budi Santoso"
    examples = Path(__file__).resolve().parents[1] / "examples" / "articles.jsonl"
    res = CliRunner().invoke(app, ["show", str(examples), "--id", "contoh-001", "--model", "rules", "--html", str(out)])
    assert res.exit_code == 0, res.output
    page = out.read_text(encoding="utf-8")
    assert "<title>Rusia Isyaratkan Dialog Lanjutan dengan Barat — Warta Contoh · 2022-02-15 · contoh-001</title>" in page
    assert '<h1 class="qa-title qa-headline">' in page and 'data-via="AP"' in page


def test_rows_of_a_quotes_table_render(nlp_rules: Language) -> None:
    import quoteattr

    text = "“Kami siap,” kata Budi Santoso. “Kami juga kuat.”"
    df = quoteattr.extract_frame([{"id": "a", "text": text, "outlet": "X"}], nlp_rules)
    r = render((text, df.to_dict("records")))  # NA fields (continuation speaker offsets) become None
    assert len(r.quotes) == len(df) and "&lt;NA&gt;" not in r.html and "<NA>" not in r.html
    assert repr(r).startswith("<RenderedArticle: ")


ARTICLE = (
    "Lavrov: Peluang Diplomasi Belum Tertutup\n\n"
    "“Peluang diplomasi belum tertutup,” kata Lavrov, seperti dikutip dari AP.\n\n\n"
    "“Kami menunggu.\n\nKami tetap siap,” kata Scholz."
)


def _article_quotes() -> list[Quote]:
    q1 = _q(ARTICLE, "direct", "Peluang diplomasi belum tertutup", "Lavrov", "Sergey Lavrov", "kata", after="kata")
    q1 = Quote(**{**q1.to_dict(), "via": "AP"})
    q2 = _q(ARTICLE, "direct", "Kami menunggu.\n\nKami tetap siap", "Scholz", "Olaf Scholz", "kata", after="siap")
    return [q1, q2]


def test_page_heading_header_via_and_compact_paragraphs() -> None:
    rec = {"id": "wc-7", "date": "2022-02-15", "outlet": "Warta Contoh", "title": "Lavrov: Peluang Diplomasi Belum Tertutup", "text": ARTICLE}
    quotes = _article_quotes()
    r = render({**rec, "quotes": quotes})
    page = r.page()
    assert "<title>Lavrov: Peluang Diplomasi Belum Tertutup — Warta Contoh · 2022-02-15 · wc-7</title>" in page
    assert '<span class="qa-outlet">Warta Contoh</span><span class="qa-date">2022-02-15</span><span class="qa-id">wc-7</span>' in page
    t = parse(page)
    assert "".join(t.text_parts) == ARTICLE  # still every character, in order
    titles = t.of("qa-title")
    assert len(titles) == 1 and "qa-headline" in titles[0]["class"]  # the first paragraph is the heading, not repeated
    assert "".join(titles[0]["_text"]).strip() == rec["title"]
    assert ["".join(e["_text"]) for e in t.of("qa-p")] == ["“Peluang diplomasi belum tertutup,” kata Lavrov, seperti dikutip dari AP.\n\n\n", "“Kami menunggu.\n\n", "Kami tetap siap,” kata Scholz."]
    assert ["".join(e["_text"]) for e in t.of("qa-gap")] == ["\n\n", "\n\n\n", "\n\n"]  # blank lines kept, hidden
    assert ".qa-article .qa-gap{display:none}" in page
    via = t.of("qa-via")
    assert len(via) == 1 and via[0]["data-via"] == "AP" and "".join(via[0]["_text"]) == "AP" and via[0]["data-quote-index"] == "0"
    # a quote over two paragraphs: two pieces, the second marked qa-cont, the label on the last
    pieces = [e for e in t.of("qa-quote") if e["data-quote-index"] == "1"]
    assert len(pieces) == 2 and "qa-cont" in pieces[1]["class"] and joined(pieces, "1") == quotes[1].quote


def test_title_not_in_the_text_is_a_heading_above_it() -> None:
    r = render((TEXT, QUOTES), title="Judul Lain", outlet="Kabar", date=pd.Timestamp("2024-03-05"))
    t = parse(r.page())
    titles = t.of("qa-title")
    assert len(titles) == 1 and "qa-headline" not in titles[0]["class"] and "".join(t.text_parts) == TEXT
    assert "<title>Judul Lain — Kabar · 2024-03-05</title>" in r.page()
    assert "<title>quoteattr</title>" in render((TEXT, QUOTES)).page()


def test_find_cue_uses_the_cue_offsets_when_the_record_has_them():
    from quoteattr.render import find_cue

    text = "“Ya,” kata Budi. Budi kata lagi."
    q = Quote("direct", "Ya", 1, 3, "Budi", 11, 15, "Budi", "person", None, "kata")
    assert find_cue(text, q) == (6, 10)  # no offsets: the nearest whole word
    with_offsets = Quote("direct", "Ya", 1, 3, "Budi", 11, 15, "Budi", "person", None, "kata", cue_start=22, cue_end=26)
    assert find_cue(text, with_offsets) == (22, 26)
