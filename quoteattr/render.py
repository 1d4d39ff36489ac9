"""Highlighted articles for analysts: quotes, speaker mentions and cues in HTML.

:func:`render` returns a :class:`RenderedArticle`, which Jupyter shows inline
(``_repr_html_``); :func:`render_page` returns a standalone HTML page (used by
``quoteattr show --html``). The renderer is self-contained (inline CSS, no scripts,
nothing fetched) and never changes the article text: every character of the input
appears once, HTML-escaped, in order. Each paragraph (text between blank lines) is a
``<p class="qa-p">`` that keeps its newlines (``white-space: pre-wrap``); the blank
lines themselves stay in the markup inside a hidden ``<span class="qa-gap">``, so the
page is compact. When the first paragraph is the article's title it is the page's
``<h1 class="qa-title qa-headline">``; otherwise a given title is an ``<h1 class="qa-title">``
above the text. Article id, date and outlet, when given, head the page (``qa-meta``)
and its ``<title>``.

Every highlight is an element with stable attributes that tests and stylesheets can
rely on:

* quote span: ``<mark class="qa-quote qa-<type>" data-type="…" data-speaker="…"
  data-role="…" data-quote-index="i">`` with a ``<span class="qa-label">`` (type ·
  canonical speaker · role) at its end;
* speaker mention: ``<span class="qa-speaker" data-speaker="…" data-quote-index="i j">``;
* cue: ``<span class="qa-cue" data-cue="…" data-quote-index="i">``;
* outlet credited (*seperti dikutip dari AP*): ``<span class="qa-via" data-via="…" data-quote-index="i">``.

Spans may overlap (a speaker mention inside another quote's span, a clitic speaker
*nya* inside its cue *ujarnya*); an element that has to be closed early to keep the
HTML well-formed is reopened right after with the extra class ``qa-cont`` and the
same data attributes, so ``data-quote-index`` identifies all the pieces of one span.

The cue is drawn at the record's ``cue_start``/``cue_end``. *Via* (and the cue of a record
or table row without cue offsets) is located in the text: the whole-word occurrence of
``via`` (``cue``) nearest to the speaker mention (or to the quote when the speaker is not in
the text), outside the quote span, within 200 characters.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from quoteattr.errors import InputError
from quoteattr.render_style import COLOURS, css, legend
from quoteattr.schema import QUOTE_COLUMNS
from quoteattr.types import Quote

__all__ = ["COLOURS", "RenderedArticle", "find_cue", "find_via", "render", "render_page"]

_CUE_WINDOW = 200


def _esc(s: Any) -> str:
    return html.escape("" if s is None else str(s), quote=True)


@dataclass
class _Span:
    start: int
    end: int
    kind: str  # quote | cue | speaker
    cls: str
    attrs: dict[str, str]
    label: str | None = None
    order: int = 0
    cont: bool = False  # a piece continuing a span cut at a paragraph

    def open_tag(self, cont: bool = False) -> str:
        tag = "mark" if self.kind == "quote" else "span"
        cls = self.cls + (" qa-cont" if cont or self.cont else "")
        attrs = "".join(f' {k}="{_esc(v)}"' for k, v in self.attrs.items())
        return f'<{tag} class="{cls}"{attrs}>'

    def close_tag(self) -> str:
        return "</mark>" if self.kind == "quote" else "</span>"


_KIND_ORDER = {"quote": 0, "cue": 1, "speaker": 2, "via": 3, "gap": 4}


def _missing(v: Any) -> bool:
    """None, NaN or pandas NA (table rows carry NA for empty fields)."""
    if v is None or type(v).__name__ in ("NAType", "NaTType"):
        return True
    return isinstance(v, float) and math.isnan(v)


#: The offset and index fields of a quote (``Int64`` columns): table rows may carry them as floats or NA.
_INT_FIELDS = [c for c, d in QUOTE_COLUMNS.items() if d == "Int64" and c != "quote_index"]


def _as_quote(q: Any) -> Quote:
    if isinstance(q, Quote):
        return q
    if isinstance(q, Mapping):
        names = {f.name for f in fields(Quote)}
        kw: dict[str, Any] = {k: (None if _missing(v) else v) for k, v in q.items() if k in names}
        if kw.get("speaker_type") is None:
            kw.pop("speaker_type", None)
        if kw.get("confidence") is None:
            kw.pop("confidence", None)
        for k in _INT_FIELDS:
            if kw.get(k) is not None:
                try:
                    kw[k] = int(kw[k])
                except (TypeError, ValueError):
                    kw[k] = None
        kw.setdefault("quote", "")
        kw.setdefault("type", "direct")
        try:
            return Quote(**kw)
        except TypeError as exc:
            raise InputError(f"cannot read a quote from {dict(q)!r}: {exc}") from exc
    raise InputError(f"a quote must be a quoteattr.Quote or a dict with its fields, got {type(q).__name__}")


def find_cue(text: str, q: Quote) -> tuple[int, int] | None:
    """Where the cue of ``q`` is in ``text``.

    Args:
        text: the article text.
        q: a quote of that text.

    Returns:
        ``(q.cue_start, q.cue_end)`` when the record has them; otherwise (records and
        tables without cue offsets) the whole-word occurrence of ``q.cue`` nearest to the
        speaker mention (or the quote), outside the quote span and within 200
        characters of it; ``None`` when there is no cue or none is found.
    """
    if q.cue_start is not None and q.cue_end is not None and 0 <= q.cue_start < q.cue_end <= len(text):
        return q.cue_start, q.cue_end
    return _find_near(text, q, q.cue)


def find_via(text: str, q: Quote) -> tuple[int, int] | None:
    """Where the outlet ``q`` is credited through (``q.via``, *AP*) is in ``text``; as :func:`find_cue`."""
    return _find_near(text, q, q.via)


def _find_near(text: str, q: Quote, word: str | None) -> tuple[int, int] | None:
    if not word or not str(word).strip():
        return None
    word = str(word).strip()
    lo = min(q.quote_start, q.speaker_start if q.speaker_start is not None else q.quote_start)
    hi = max(q.quote_end, q.speaker_end if q.speaker_end is not None else q.quote_end)
    a, b = max(0, lo - _CUE_WINDOW), min(len(text), hi + _CUE_WINDOW)
    if q.speaker_start is not None and q.speaker_end is not None:
        anchor = (q.speaker_start + q.speaker_end) / 2
    else:
        anchor = q.quote_end if q.type == "direct" else q.quote_start
    pat = re.compile(r"(?<!\w)" + re.escape(word) + r"(?!\w)", re.IGNORECASE)
    best: tuple[float, int, int] | None = None
    for m in pat.finditer(text, a, b):
        s, e = m.start(), m.end()
        if s >= q.quote_start and e <= q.quote_end:
            continue  # inside the quote's own words
        dist = 0.0 if s <= anchor <= e else min(abs(s - anchor), abs(e - anchor))
        if best is None or dist < best[0]:
            best = (dist, s, e)
    return (best[1], best[2]) if best else None


def _label(q: Quote) -> str:
    who = q.speaker_name or q.speaker or "?"
    parts = [q.type, who]
    if q.role:
        parts.append(q.role)
    return " · ".join(str(p) for p in parts)


def _spans(text: str, quotes: Sequence[Quote]) -> tuple[list[_Span], list[int]]:
    """The highlight spans (deduplicated) and the indexes of quotes skipped for bad offsets."""
    n = len(text)
    spans: list[_Span] = []
    skipped: list[int] = []
    shared: dict[tuple[str, int, int], _Span] = {}
    for i, q in enumerate(quotes):
        if not (isinstance(q.quote_start, int) and isinstance(q.quote_end, int) and 0 <= q.quote_start < q.quote_end <= n):
            skipped.append(i)
            continue
        speaker = q.speaker_name or q.speaker or ""
        spans.append(
            _Span(
                q.quote_start,
                q.quote_end,
                "quote",
                f"qa-quote qa-{q.type}",
                {
                    "data-type": q.type,
                    "data-speaker": speaker,
                    "data-role": q.role or "",
                    "data-quote-index": str(i),
                    "title": _label(q) + (f" · cue: {q.cue}" if q.cue else " · continuation") + (f" · via {q.via}" if q.via else ""),
                },
                label=_label(q),
                order=len(spans),
            )
        )
        extra: list[tuple[str, int, int, dict[str, str]]] = []
        if q.speaker_start is not None and q.speaker_end is not None and 0 <= q.speaker_start < q.speaker_end <= n:
            extra.append(("speaker", q.speaker_start, q.speaker_end, {"data-speaker": speaker, "data-mention": q.speaker or ""}))
        cue = find_cue(text, q)
        if cue:
            extra.append(("cue", cue[0], cue[1], {"data-cue": str(q.cue)}))
        via = find_via(text, q)
        if via:
            extra.append(("via", via[0], via[1], {"data-via": str(q.via), "title": f"quote credited via {q.via}"}))
        for kind, s, e, attrs in extra:
            key = (kind, s, e)
            if key in shared:
                shared[key].attrs["data-quote-index"] += f" {i}"
                continue
            sp = _Span(s, e, kind, f"qa-{kind}", {**attrs, "data-quote-index": str(i)}, order=len(spans))
            shared[key] = sp
            spans.append(sp)
    return spans, skipped


def _markup(text: str, spans: list[_Span], lo: int = 0, hi: int | None = None) -> str:
    """Well-formed nested markup of ``text[lo:hi]`` with ``spans`` inside it (crossing spans are split)."""
    hi = len(text) if hi is None else hi
    starts: dict[int, list[_Span]] = {}
    for sp in spans:
        starts.setdefault(sp.start, []).append(sp)
    bounds = sorted({lo, hi} | {s.start for s in spans} | {s.end for s in spans})
    out: list[str] = []
    stack: list[_Span] = []
    for k, pos in enumerate(bounds):
        # close the spans ending here (and, temporarily, whatever is open above them)
        low = next((j for j, sp in enumerate(stack) if sp.end <= pos), None)
        if low is not None:
            above = stack[low:]
            del stack[low:]
            for sp in reversed(above):
                if sp.end <= pos and sp.label:
                    out.append(f'<span class="qa-label">{_esc(sp.label)}</span>')
                out.append(sp.close_tag())
            for sp in above:
                if sp.end > pos:
                    stack.append(sp)
                    out.append(sp.open_tag(cont=True))
        for sp in sorted(starts.get(pos, []), key=lambda s: (-s.end, _KIND_ORDER[s.kind], s.order)):
            stack.append(sp)
            out.append(sp.open_tag())
        if k + 1 < len(bounds):
            out.append(html.escape(text[pos : bounds[k + 1]], quote=False))
    for sp in reversed(stack):  # pragma: no cover - every span ends inside the text
        out.append(sp.close_tag())
    return "".join(out)


_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")


def _normalized(s: str) -> str:
    return " ".join(s.split()).casefold()


def _body(text: str, spans: list[_Span], title: str | None) -> tuple[str, bool]:
    """The text as paragraphs (blank lines kept, hidden) and whether the first one is the title.

    Each paragraph block is its text plus the blank lines after it; spans crossing a block
    boundary are cut there, the later pieces marked ``qa-cont``, the label on the last piece.
    """
    blocks: list[tuple[int, int, int]] = []  # (start, end of the paragraph, end of its blank lines)
    pos = 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        blocks.append((pos, m.start(), m.end()))
        pos = m.end()
    blocks.append((pos, len(text), len(text)))
    first = text[blocks[0][0] : blocks[0][1]]
    headline = bool(title) and bool(first.strip()) and _normalized(first) == _normalized(str(title))
    out = []
    for n, (a, b, c) in enumerate(blocks):
        pieces = []
        for sp in spans:
            if sp.start < c and sp.end > a:
                pieces.append(
                    _Span(max(sp.start, a), min(sp.end, c), sp.kind, sp.cls, sp.attrs, sp.label if sp.end <= c else None, sp.order, sp.start < a)
                )
        if c > b:
            pieces.append(_Span(b, c, "gap", "qa-gap", {}, order=len(spans)))
        tag, cls = ("h1", "qa-title qa-headline") if n == 0 and headline else ("p", "qa-p")
        out.append(f'<{tag} class="{cls}">{_markup(text, pieces, a, c)}</{tag}>')
    return "".join(out), headline


def _table(quotes: Sequence[Quote], skipped: Iterable[int]) -> str:
    skip = set(skipped)
    head = "".join(f"<th>{h}</th>" for h in ("#", "type", "speaker", "speaker_name", "role", "cue", "via", "conf.", "quote"))
    rows = []
    for i, q in enumerate(quotes):
        quote = q.quote if len(q.quote) <= 90 else q.quote[:87] + "…"
        cells = (i, q.type, q.speaker, q.speaker_name, q.role, q.cue, q.via, f"{q.confidence:.2f}", quote)
        mark = ' class="qa-skipped"' if i in skip else ""
        rows.append(f"<tr{mark}>" + "".join(f"<td>{_esc(c) if c is not None else ''}</td>" for c in cells) + "</tr>")
    return f'<table class="qa-table"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


@dataclass
class RenderedArticle:
    """An article with its quotes highlighted; shows itself inline in Jupyter.

    Attributes:
        text: the article text.
        quotes: the quotes drawn (``Quote`` records).
        title: an optional heading (the first paragraph, when the text starts with it).
        table: whether :attr:`html` ends with a table of the quotes.
        skipped: indexes of quotes not drawn because their offsets do not fit the text.
        article_id, date, outlet: shown above the heading and in the page ``<title>``.
    """

    text: str
    quotes: list[Quote]
    title: str | None = None
    table: bool = True
    skipped: list[int] = field(default_factory=list)
    article_id: str | None = None
    date: str | None = None
    outlet: str | None = None

    def _meta(self) -> list[tuple[str, str]]:
        return [(k, v) for k, v in (("outlet", self.outlet), ("date", self.date), ("id", self.article_id)) if v and v.strip()]

    @property
    def html(self) -> str:
        """The HTML fragment: a ``<div class="qa-article">`` with its own ``<style>``."""
        spans, self.skipped = _spans(self.text, self.quotes)
        body, headline = _body(self.text, spans, self.title)
        meta = "".join(f'<span class="qa-{k}">{_esc(v)}</span>' for k, v in self._meta())
        parts = [f"<style>{css()}</style>", '<div class="qa-article">', '<div class="qa-header">']
        parts.append(f'<div class="qa-meta">{meta}</div>' if meta else "")
        parts.append(legend() + "</div>")
        if self.title and not headline:
            parts.append(f'<h1 class="qa-title">{_esc(self.title)}</h1>')
        parts.append(f'<div class="qa-text">{body}</div>')
        if self.table:
            parts.append(_table(self.quotes, self.skipped) if self.quotes else '<p class="qa-none">(no quotes found)</p>')
        parts.append("</div>")
        return "".join(parts)

    def _repr_html_(self) -> str:
        return self.html

    def page(self) -> str:
        """A standalone HTML page (UTF-8, no external resources); its ``<title>`` names the article, id, date and outlet."""
        meta = " · ".join(v for _, v in self._meta())
        title = " — ".join(x for x in (" ".join(str(self.title).split()) if self.title else "", meta) if x) or "quoteattr"
        return (
            '<!DOCTYPE html>\n<html lang="id">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{_esc(title)}</title>\n</head>\n<body>\n{self.html}\n</body>\n</html>\n"
        )

    def save(self, path: str | Path) -> Path:
        """Write :meth:`page` to ``path`` (UTF-8) and return the path."""
        p = Path(path)
        p.write_text(self.page(), encoding="utf-8")
        return p

    def __str__(self) -> str:
        return self.html

    def __repr__(self) -> str:
        title = f", title={self.title!r}" if self.title else ""
        return f"<RenderedArticle: {len(self.quotes)} quotes, {len(self.text)} characters{title}>"


def render(
    text_or_result: Any,
    quotes: Sequence[Any] | None = None,
    *,
    nlp: Any = None,
    title: str | None = None,
    table: bool = True,
    article_id: str | None = None,
    date: Any = None,
    outlet: str | None = None,
) -> RenderedArticle:
    """Highlight the quotes of one article.

    Args:
        text_or_result: the article text (quotes are extracted with
            :func:`quoteattr.extract`), a ``(text, quotes)`` pair, a spaCy ``Doc``
            from a quoteattr pipeline, or a record with ``text`` and ``quotes`` (a gold
            line, an input record). Quotes may be ``Quote`` records or dicts with their fields.
        quotes: the quotes, when ``text_or_result`` is a text (skips extraction).
        nlp: the pipeline used when quotes are extracted (the shipped one by default).
        title: the article's heading (a record's ``title`` by default); when the text
            starts with it, that first paragraph is drawn as the heading.
        table: add a table of the quotes under the article.
        article_id, date, outlet: shown above the heading and in the page title (a
            record's ``id``, ``date`` and ``outlet`` by default).

    Returns:
        A :class:`RenderedArticle` (Jupyter shows it; ``.html``, ``.page()``, ``.save()``).

    Raises:
        InputError: the input is none of the above, or a quote cannot be read.

    Example:
        >>> r = render(("“Ya,” kata Budi.", [Quote("direct", "Ya", 1, 3, "Budi", 11, 15, "Budi", "person", None, "kata")]))
        >>> r.html.count('class="qa-quote')
        1
    """
    text: Any
    if quotes is not None:
        text, qs = text_or_result, quotes
    elif isinstance(text_or_result, str):
        text, qs = text_or_result, None
    elif isinstance(text_or_result, tuple) and len(text_or_result) == 2:
        text, qs = text_or_result
    elif isinstance(text_or_result, Mapping) and "text" in text_or_result:
        rec = text_or_result
        text, qs = rec["text"], rec.get("quotes")
        title = title if title is not None else rec.get("title")
        article_id = article_id if article_id is not None else rec.get("id", rec.get("article_id"))
        date = date if date is not None else rec.get("date")
        outlet = outlet if outlet is not None else rec.get("outlet")
    elif hasattr(text_or_result, "text") and hasattr(text_or_result, "_") and hasattr(text_or_result._, "quotes"):
        text, qs = text_or_result.text, list(text_or_result._.quotes or [])
    else:
        raise InputError(
            f"render() takes a text, a (text, quotes) pair, a Doc or a record with 'text' and 'quotes'; got {type(text_or_result).__name__}"
        )
    if not isinstance(text, str):
        raise InputError(f"render(): the article text must be a str, got {type(text).__name__}")
    if qs is None:
        from quoteattr.api import extract

        qs = extract(text, nlp)
    def clean(v: Any) -> str | None:
        return None if _missing(v) else str(v)

    return RenderedArticle(
        text=text,
        quotes=[_as_quote(q) for q in qs],
        title=clean(title),
        table=table,
        article_id=clean(article_id),
        date=clean(_date_text(date)),
        outlet=clean(outlet),
    )


def _date_text(value: Any) -> Any:
    """A date for the header: ``YYYY-MM-DD`` for a date/datetime at midnight, else as given."""
    if hasattr(value, "strftime") and not _missing(value):
        midnight = all(getattr(value, a, 0) == 0 for a in ("hour", "minute", "second"))
        return value.strftime("%Y-%m-%d" if midnight else "%Y-%m-%d %H:%M")
    return value


def render_page(
    text: str, quotes: Sequence[Any], *, title: str | None = None, article_id: str | None = None, date: Any = None, outlet: str | None = None
) -> str:
    """A standalone HTML page with the quotes of ``text`` highlighted.

    Args:
        text: the article text.
        quotes: its quotes (``Quote`` records or dicts with their fields).
        title: the article's heading (see :func:`render`).
        article_id, date, outlet: shown in the header and the page ``<title>``.

    Returns:
        The page as a string (write it with ``encoding="utf-8"``).
    """
    return render(text, quotes, title=title, article_id=article_id, date=date, outlet=outlet).page()
