"""One person, one name across an article's quotes.

The speaker of one quote may be read with words of its title or organization glued before
the name (*Ducati Paolo Ciabatti*, *Lenovo Budi Janto*) while another quote of the article
names the same person without them (*Paolo Ciabatti*). :func:`one_name_per_person` gives
every such quote the shorter name, and its title the words it lost (the organization alone
when it had none: *Lenovo*).
"""

from __future__ import annotations

from dataclasses import replace

import regex

from quoteattr.lexicon import Lexicon
from quoteattr.mentions import person_word
from quoteattr.resolve.registry import fold
from quoteattr.types import Quote


def one_name_per_person(quotes: list[Quote], text: str, lex: Lexicon) -> list[Quote]:
    """Each person speaker whose name is another person speaker's name of two words or more
    with leading words before it, none of them a word of person names, the last of them
    written elsewhere in ``text`` without the name after it (*Ducati Paolo Ciabatti* beside
    *Paolo Ciabatti*, and *untuk Ducati*), takes that name; the leading words end its role
    (or are its role, when it had none)."""
    names = {q.speaker_name for q in quotes if q.speaker_name and q.speaker_type == "person"}
    if len(names) < 2:
        return quotes
    to: dict[str, tuple[str, str]] = {}
    for long in names:
        words = long.split()
        folded = fold(long).split()
        if len(folded) != len(words):
            continue
        for short in sorted(names, key=lambda n: (-len(n.split()), n)):
            k = len(words) - len(short.split())
            if len(short.split()) < 2 or k < 1 or folded[k:] != fold(short).split():
                continue
            leading = words[:k]
            if any(person_word(w, lex) or w.lower() in lex.words.given_name_titles for w in leading):
                break  # "Moh Ramdhan Pomanto": the leading word is the person's own
            if not _written_apart(text, leading[-1], words[k]):
                break  # "Ely Chandra Perangin Angin": never written without the name, a first name
            to[long] = (short, " ".join(leading))
            break
    if not to:
        return quotes
    out = []
    for q in quotes:
        if q.speaker_type == "person" and q.speaker_name in to:
            short, lead = to[q.speaker_name]
            role = q.role if q.role and fold(q.role).endswith(fold(lead)) else f"{q.role} {lead}" if q.role else lead
            q = replace(q, speaker_name=short, role=role)
        out.append(q)
    return out


def _written_apart(text: str, word: str, nxt: str) -> bool:
    """``word`` stands in ``text`` somewhere not followed by ``nxt`` (whole words)."""
    pattern = regex.compile(r"(?<![\w-])" + regex.escape(word) + r"(?![\w-])(?!\s+" + regex.escape(nxt) + r"(?![\w-]))")
    return pattern.search(text) is not None
