"""The rendered page in a real browser: headless Chromium loads it, the highlights are in the DOM, a screenshot is taken.

Needs a Chromium binary (Debian: ``apt-get install -y chromium``); set
``QUOTEATTR_CHROMIUM`` to use another one. Skipped when none is installed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path

import pytest
from spacy.language import Language

import quoteattr
from quoteattr.render import COLOURS, render_page

# A short article written for this test (invented wording, in the style of a wire report).
ARTICLE = (
    "Moskow Buka Peluang Dialog dengan Barat\n\n"
    "MOSKOW - Menteri Luar Negeri Rusia, Sergey Lavrov, pada Senin menyarankan Presiden Vladimir Putin agar "
    "pembicaraan dengan Amerika Serikat dan sekutunya dilanjutkan.\n\n"
    "“Peluang untuk mencapai kesepakatan masih terbuka, dan saya menyarankan agar kita tidak menutup pintu,” "
    "kata Lavrov, seperti dikutip dari AP.\n\n"
    "Ia juga mencatat bahwa Washington telah menawarkan dialog soal pembatasan rudal di Eropa.\n\n"
    "Putin bertanya apakah perundingan masih berguna. “Selalu ada peluang,” jawab Lavrov.\n\n"
    "Kanselir Jerman Olaf Scholz mengatakan Eropa menghadapi ancaman “yang sangat serius” terhadap perdamaian.\n\n"
    "“Kami menunggu sinyal de-eskalasi dari Moskow,” cuit Scholz dari Kiev."
)

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]


def _browser() -> str | None:
    env = os.environ.get("QUOTEATTR_CHROMIUM")
    if env:
        return env if Path(env).is_file() or shutil.which(env) else None
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


BROWSER = _browser()
pytestmark = pytest.mark.skipif(
    BROWSER is None, reason="no Chromium found (apt-get install -y chromium, or set QUOTEATTR_CHROMIUM to a Chrome/Chromium binary)"
)


def _chromium(args: list[str], profile: Path) -> subprocess.CompletedProcess[str]:
    assert BROWSER is not None
    cmd = [BROWSER, *FLAGS, f"--user-data-dir={profile}", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=90, check=False)


class Highlights(HTMLParser):
    """Collects the qa-* highlight elements of a DOM dump, with their text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[dict[str, str] | None] = []
        self.found: list[dict[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("meta", "br", "link", "img", "hr", "input"):
            return
        a = {k: v or "" for k, v in attrs}
        if any(c in a.get("class", "").split() for c in ("qa-quote", "qa-speaker", "qa-cue")):
            a["_text"] = ""
            self.found.append(a)
            self.open.append(a)
        else:
            self.open.append(None)

    def handle_endtag(self, tag: str) -> None:
        if tag not in ("meta", "br", "link", "img", "hr", "input") and self.open:
            self.open.pop()

    def handle_data(self, data: str) -> None:
        for a in self.open:
            if a is not None:
                a["_text"] += data  # (includes the qa-label text of quotes)


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory, nlp_rules: Language) -> tuple[Path, list[quoteattr.Quote]]:
    quotes = quoteattr.extract(ARTICLE, nlp_rules)
    assert len(quotes) >= 4, quotes
    out = tmp_path_factory.mktemp("browser") / "article.html"
    out.write_text(render_page(ARTICLE, quotes, title="Moskow Buka Peluang Dialog"), encoding="utf-8")
    return out, quotes


def test_highlights_are_in_the_browser_dom(page: tuple[Path, list[quoteattr.Quote]], tmp_path: Path) -> None:
    path, quotes = page
    res = _chromium(["--dump-dom", path.as_uri()], tmp_path / "profile")
    assert res.returncode == 0, res.stderr[-2000:]
    dom = res.stdout
    assert "<mark" in dom, f"no highlights in the DOM dump: {dom[:500]!r}"
    parser = Highlights()
    parser.feed(dom)
    quote_els: dict[str, list[dict[str, str]]] = defaultdict(list)
    for el in parser.found:
        if "qa-quote" in el["class"].split():
            quote_els[el["data-quote-index"]].append(el)
    assert len(quote_els) == len(quotes)
    for i, q in enumerate(quotes):
        els = quote_els[str(i)]
        assert {e["data-type"] for e in els} == {q.type}
        assert {e["data-speaker"] for e in els} == {q.speaker_name or q.speaker or ""}
        assert q.quote.split()[0] in els[0]["_text"]
    speakers = {e["data-speaker"] for e in parser.found if "qa-speaker" in e["class"].split()}
    assert {"Sergey Lavrov", "Olaf Scholz"} <= speakers
    assert any("qa-cue" in e["class"].split() and e["data-cue"] == "jawab" for e in parser.found)


def test_screenshot_is_produced(page: tuple[Path, list[quoteattr.Quote]], tmp_path: Path) -> None:
    path, _ = page
    shot = tmp_path / "article.png"
    res = _chromium([f"--screenshot={shot}", "--window-size=1000,1200", path.as_uri()], tmp_path / "profile")
    assert res.returncode == 0, res.stderr[-2000:]
    assert shot.is_file() and shot.stat().st_size > 5_000
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    image_mod = pytest.importorskip("PIL.Image", reason="Pillow not installed: colour check skipped")
    img = image_mod.open(shot).convert("RGB")
    colours = {c for _, c in img.getcolors(maxcolors=1 << 24) or []}
    for typ in ("direct", "indirect"):
        bg = COLOURS[typ][0].lstrip("#")
        rgb = tuple(int(bg[i : i + 2], 16) for i in (0, 2, 4))
        assert any(max(abs(a - b) for a, b in zip(c, rgb)) <= 3 for c in colours), f"no {typ} highlight colour in the screenshot"
