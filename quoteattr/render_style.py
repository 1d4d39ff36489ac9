"""The look of a rendered article: colours by quote type, the inline stylesheet and the legend."""

from __future__ import annotations

#: Highlight colours by quote type (background, label/underline).
COLOURS: dict[str, tuple[str, str]] = {
    "direct": ("#dbeafe", "#1d4ed8"),
    "indirect": ("#dcfce7", "#15803d"),
    "mixed": ("#ffedd5", "#c2410c"),
}
_FALLBACK = ("#f3f4f6", "#4b5563")

_VIA_COLOUR = "#0e7490"

_CSS = """
.qa-article{font-family:Georgia,'Times New Roman',serif;font-size:15px;line-height:1.65;color:#111827;max-width:48em}
.qa-article .qa-header{font-family:system-ui,sans-serif;font-size:12px;line-height:1.5;display:flex;flex-wrap:wrap;gap:.2em 1.5em;align-items:baseline;margin:0 0 .3em 0}
.qa-article .qa-meta{color:#4b5563;font-weight:600;letter-spacing:.02em}
.qa-article .qa-meta span+span::before{content:"·";margin:0 .45em;color:#9ca3af}
.qa-article .qa-title{font-family:system-ui,sans-serif;font-size:22px;font-weight:700;line-height:1.3;margin:.1em 0 .5em 0;white-space:pre-wrap}
.qa-article .qa-legend span{margin-right:.8em;padding:0 .35em;border-radius:3px}
.qa-article .qa-text{white-space:normal;overflow-wrap:anywhere}
.qa-article .qa-p{white-space:pre-wrap;margin:0 0 .7em 0}
.qa-article .qa-gap{display:none}
.qa-article mark.qa-quote{padding:.05em .15em;border-radius:3px;color:inherit}
%(types)s
.qa-article .qa-label{font-family:system-ui,sans-serif;font-size:10px;font-weight:600;color:#fff;padding:0 .35em;margin-left:.3em;border-radius:3px;vertical-align:1px;white-space:nowrap;line-height:1.4}
.qa-article .qa-speaker{font-weight:700;border-bottom:2px solid #7c3aed}
.qa-article .qa-cue{font-style:italic;border-bottom:2px dotted #db2777}
.qa-article .qa-via{font-variant:small-caps;font-weight:600;color:%(via)s;border-bottom:2px dashed %(via)s}
.qa-article table.qa-table{font-family:system-ui,sans-serif;font-size:12px;border-collapse:collapse;margin-top:.8em;line-height:1.4}
.qa-article table.qa-table th,.qa-article table.qa-table td{border:1px solid #e5e7eb;padding:2px 6px;text-align:left;vertical-align:top}
.qa-article table.qa-table th{background:#f9fafb}
"""


def css() -> str:
    """The stylesheet of a rendered article (scoped to ``.qa-article``)."""
    types = "\n".join(
        f".qa-article mark.qa-{t}{{background:{bg};box-shadow:inset 0 -2px 0 {fg}}}\n.qa-article mark.qa-{t} > .qa-label{{background:{fg}}}"
        for t, (bg, fg) in COLOURS.items()
    )
    return _CSS % {"types": types, "via": _VIA_COLOUR}


def legend() -> str:
    """The colour key: one sample per quote type, then speaker, cue and via."""
    items = [f'<span style="background:{bg};box-shadow:inset 0 -2px 0 {fg}">{t}</span>' for t, (bg, fg) in COLOURS.items()]
    items.append('<span style="font-weight:700;border-bottom:2px solid #7c3aed">speaker</span>')
    items.append('<span style="font-style:italic;border-bottom:2px dotted #db2777">cue</span>')
    items.append(f'<span style="font-variant:small-caps;font-weight:600;color:{_VIA_COLOUR};border-bottom:2px dashed {_VIA_COLOUR}">via</span>')
    return '<div class="qa-legend">' + "".join(items) + "</div>"
