"""Highlighted articles for analysts: quotes, speaker mentions and cues in HTML.

:func:`render` returns a :class:`RenderedArticle`, which Jupyter shows inline
(``_repr_html_``); :func:`render_page` returns a standalone HTML page (used by
``quoteattr show --html``). The renderer is self-contained (inline CSS, no scripts,
nothing fetched) and never changes the article text: every character of the input
appears once, HTML-escaped, in order; newlines are kept (``white-space: pre-wrap``).

Every highlight is an element with stable attributes that tests and stylesheets can
rely on:

* quote span: ``<mark class="qa-quote qa-<type>" data-type="…" data-speaker="…"
  data-role="…" data-quote-index="i">`` with a ``<span class="qa-label">`` (type ·
  canonical speaker · role) at its end;
* speaker mention: ``<span class="qa-speaker" data-speaker="…" data-quote-index="i j">``;
* cue: ``<span class="qa-cue" data-cue="…" data-quote-index="i">``.

Spans may overlap (a speaker mention inside another quote's span, a clitic speaker
*nya* inside its cue *ujarnya*); an element that has to be closed early to keep the
HTML well-formed is reopened right after with the extra class ``qa-cont`` and the
same data attributes, so ``data-quote-index`` identifies all the pieces of one span.

``Quote`` records carry no cue offsets, so the cue is located in the text: the
whole-word occurrence of ``cue`` nearest to the speaker mention (or to the quote when
the speaker is not in the text), outside the quote span, within 200 characters.
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
from quoteattr.types import Quote

__all__ = ["COLOURS", "RenderedArticle", "find_cue", "render", "render_page"]

#: Highlight colours by quote type (background, label/underline).
COLOURS: dict[str, tuple[str, str]] = {
    "direct": ("#dbeafe", "#1d4ed8"),
    "indirect": ("#dcfce7", "#15803d"),
    "mixed": ("#ffedd5", "#c2410c"),
}
_FALLBACK = ("#f3f4f6", "#4b5563")
_CUE_WINDOW = 200

_CSS = """
.qa-article{font-family:Georgia,'Times New Roman',serif;font-size:15px;line-height:2.1;color:#111827;max-width:56em}
.qa-article .qa-text{white-space:pre-wrap;overflow-wrap:anywhere}
.qa-article .qa-title{font-family:system-ui,sans-serif;font-size:17px;font-weight:600;margin:0 0 .3em 0;line-height:1.4}
.qa-article .qa-legend{font-family:system-ui,sans-serif;font-size:12px;margin:0 0 .6em 0;line-height:1.6}
.qa-article .qa-legend span{margin-right:1em;padding:0 .4em;border-radius:3px}
.qa-article mark.qa-quote{padding:.1em .2em;border-radius:3px;color:inherit}
%(types)s
.qa-article .qa-label{font-family:system-ui,sans-serif;font-size:10px;font-weight:600;color:#fff;padding:0 .35em;margin-left:.3em;border-radius:3px;vertical-align:middle;white-space:nowrap;line-height:1.5}
.qa-article .qa-speaker{font-weight:700;border-bottom:2px solid #7c3aed}
.qa-article .qa-cue{font-style:italic;border-bottom:2px dotted #db2777}
.qa-article table.qa-table{font-family:system-ui,sans-serif;font-size:12px;border-collapse:collapse;margin-top:1em;line-height:1.4}
.qa-article table.qa-table th,.qa-article table.qa-table td{border:1px solid #e5e7eb;padding:2px 6px;text-align:left;vertical-align:top}
.qa-article table.qa-table th{background:#f9fafb}
"""


def _css() -> str:
    types = "\n".join(
        f".qa-article mark.qa-{t}{{background:{bg};box-shadow:inset 0 -2px 0 {fg}}}\n.qa-article mark.qa-{t} > .qa-label{{background:{fg}}}"
        for t, (bg, fg) in COLOURS.items()
    )
    return _CSS % {"types": types}


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

    def open_tag(self, cont: bool = False) -> str:
        tag = "mark" if self.kind == "quote" else "span"
        cls = self.cls + (" qa-cont" if cont else "")
        attrs = "".join(f' {k}="{_esc(v)}"' for k, v in self.attrs.items())
        return f'<{tag} class="{cls}"{attrs}>'

    def close_tag(self) -> str:
        return "</mark>" if self.kind == "quote" else "</span>"


_KIND_ORDER = {"quote": 0, "cue": 1, "speaker": 2}


def _missing(v: Any) -> bool:
    """None, NaN or pandas NA (table rows carry NA for empty fields)."""
    if v is None or type(v).__name__ in ("NAType", "NaTType"):
        return True
    return isinstance(v, float) and math.isnan(v)


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
        for k in ("quote_start", "quote_end", "speaker_start", "speaker_end"):
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
    """Where the cue of ``q`` is in ``text`` (``Quote`` records keep only the cue string).

    Args:
        text: the article text.
        q: a quote of that text.

    Returns:
        ``(start, end)`` of the whole-word occurrence of ``q.cue`` nearest to the
        speaker mention (or the quote), outside the quote span and within 200
        characters of it; ``None`` when there is no cue or none is found.
    """
    if not q.cue or not str(q.cue).strip():
        return None
    cue = str(q.cue).strip()
    lo = min(q.quote_start, q.speaker_start if q.speaker_start is not None else q.quote_start)
    hi = max(q.quote_end, q.speaker_end if q.speaker_end is not None else q.quote_end)
    a, b = max(0, lo - _CUE_WINDOW), min(len(text), hi + _CUE_WINDOW)
    if q.speaker_start is not None and q.speaker_end is not None:
        anchor = (q.speaker_start + q.speaker_end) / 2
    else:
        anchor = q.quote_end if q.type == "direct" else q.quote_start
    pat = re.compile(r"(?<!\w)" + re.escape(cue) + r"(?!\w)", re.IGNORECASE)
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
        for kind, s, e, attrs in extra:
            key = (kind, s, e)
            if key in shared:
                shared[key].attrs["data-quote-index"] += f" {i}"
                continue
            sp = _Span(s, e, kind, f"qa-{kind}", {**attrs, "data-quote-index": str(i)}, order=len(spans))
            shared[key] = sp
            spans.append(sp)
    return spans, skipped


def _markup(text: str, spans: list[_Span]) -> str:
    """Well-formed nested markup of ``text`` with ``spans`` (crossing spans are split)."""
    starts: dict[int, list[_Span]] = {}
    for sp in spans:
        starts.setdefault(sp.start, []).append(sp)
    bounds = sorted({0, len(text)} | {s.start for s in spans} | {s.end for s in spans})
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


def _legend() -> str:
    items = [f'<span style="background:{bg};box-shadow:inset 0 -2px 0 {fg}">{t}</span>' for t, (bg, fg) in COLOURS.items()]
    items.append('<span style="font-weight:700;border-bottom:2px solid #7c3aed">speaker</span>')
    items.append('<span style="font-style:italic;border-bottom:2px dotted #db2777">cue</span>')
    return '<div class="qa-legend">' + "".join(items) + "</div>"


@dataclass
class RenderedArticle:
    """An article with its quotes highlighted; shows itself inline in Jupyter.

    Attributes:
        text: the article text.
        quotes: the quotes drawn (``Quote`` records).
        title: an optional heading.
        table: whether :attr:`html` ends with a table of the quotes.
        skipped: indexes of quotes not drawn because their offsets do not fit the text.
    """

    text: str
    quotes: list[Quote]
    title: str | None = None
    table: bool = True
    skipped: list[int] = field(default_factory=list)

    @property
    def html(self) -> str:
        """The HTML fragment: a ``<div class="qa-article">`` with its own ``<style>``."""
        spans, self.skipped = _spans(self.text, self.quotes)
        parts = [f"<style>{_css()}</style>", '<div class="qa-article">']
        if self.title:
            parts.append(f'<div class="qa-title">{_esc(self.title)}</div>')
        parts.append(_legend())
        parts.append(f'<div class="qa-text">{_markup(self.text, spans)}</div>')
        if self.table:
            parts.append(_table(self.quotes, self.skipped) if self.quotes else '<p class="qa-none">(no quotes found)</p>')
        parts.append("</div>")
        return "".join(parts)

    def _repr_html_(self) -> str:
        return self.html

    def page(self) -> str:
        """A standalone HTML page (UTF-8, no external resources)."""
        title = _esc(self.title or "quoteattr")
        return (
            '<!DOCTYPE html>\n<html lang="id">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{title}</title>\n</head>\n<body>\n{self.html}\n</body>\n</html>\n"
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
    text_or_result: Any, quotes: Sequence[Any] | None = None, *, nlp: Any = None, title: str | None = None, table: bool = True
) -> RenderedArticle:
    """Highlight the quotes of one article.

    Args:
        text_or_result: the article text (quotes are extracted with
            :func:`quoteattr.extract`), a ``(text, quotes)`` pair, a spaCy ``Doc``
            from a quoteattr pipeline, or a record with ``text`` and ``quotes`` (a gold
            line). Quotes may be ``Quote`` records or dicts with their fields.
        quotes: the quotes, when ``text_or_result`` is a text (skips extraction).
        nlp: the pipeline used when quotes are extracted (the shipped one by default).
        title: a heading shown above the article (a record's ``title`` by default).
        table: add a table of the quotes under the article.

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
        text, qs = text_or_result["text"], text_or_result.get("quotes")
        title = title if title is not None else text_or_result.get("title")
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
    return RenderedArticle(text=text, quotes=[_as_quote(q) for q in qs], title=title, table=table)


def render_page(text: str, quotes: Sequence[Any], *, title: str | None = None) -> str:
    """A standalone HTML page with the quotes of ``text`` highlighted.

    Args:
        text: the article text.
        quotes: its quotes (``Quote`` records or dicts with their fields).
        title: the page title and heading.

    Returns:
        The page as a string (write it with ``encoding="utf-8"``).
    """
    return render(text, quotes, title=title).page()
