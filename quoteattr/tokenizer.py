"""A fast Indonesian tokenizer for news text.

spaCy's stock ``id`` tokenizer adds ~16,000 exceptions (twice) and takes seconds to
build. This one keeps spaCy's Indonesian prefix, suffix and infix rules, adds only the
abbreviations in ``resources/abbreviations.json`` as special cases, and normalizes the
text first with :func:`quoteattr.text.normalize` (offset-preserving), so the Doc's
character offsets are the input's offsets.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from pathlib import Path
from typing import Any, Callable, Iterable

import regex
import spacy
from spacy.lang.id import Indonesian
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex
from spacy.vocab import Vocab

from quoteattr.quote_marks import TOKEN_AFFIX_CLASS, TOKEN_INFIX_CLASS
from quoteattr.repair import GLUE_KEY, glue_points
from quoteattr.resources import load_json
from quoteattr.text import normalize

#: Acronyms joined by a hyphen stay one token: "PDI-P", "KRI-402", "TNI-AD".
_HYPHEN_ACRONYM = re.compile(r"^[A-Z]{2,}(?:-[A-Z0-9]{1,4})+$")
#: a social-media handle or hashtag is one token, camel case and all (@SaputraFeriandy, #IndonesiaMaju)
_HANDLE = regex.compile(r"^[@#][\p{L}\p{N}_](?:[\p{L}\p{N}_.]*[\p{L}\p{N}_])?$")


#: a medical specialist's degree with its subspecialty stays one token: "Sp.A(K)", "SpOG(K)",
#: "Sp.PD-KGEH", "SpPD-KHOM" (split, its letters read as a name: "A", "K")
_SPECIALIST_DEGREE = regex.compile(r"^Sp\.?\p{Lu}{1,4}(?:\(\p{Lu}{1,4}\))?(?:-\p{Lu}{2,6})?\.?$")


def _whole_token(text: str) -> Any:
    """spaCy's ``token_match``: a hyphenated acronym (*PDI-P*), a handle or a specialist's
    degree (*Sp.A(K)*) stays one token."""
    return _HYPHEN_ACRONYM.match(text) or _HANDLE.match(text) or _SPECIALIST_DEGREE.match(text)


def abbreviations() -> list[str]:
    """The abbreviations (with their final full stop) that never end a sentence."""
    items: list[str] = load_json("abbreviations.json")["abbreviations"]
    out = set(items)
    for item in items:
        if item[:1].islower():
            out.add(item[:1].upper() + item[1:])
    return sorted(out)


def _glued_pattern() -> regex.Pattern[str]:
    """Zero-width split points before a function word glued to a capitalized word
    (``resources/glued_words.json``): "Jakarta|telah", "Juventus|hingga|Piala"."""
    words = load_json("glued_words.json")
    long_ = "|".join(sorted(map(regex.escape, words["long"]), key=len, reverse=True))
    short = "|".join(sorted(map(regex.escape, words["short"]), key=len, reverse=True))
    return regex.compile(
        rf"(?<=\p{{Lu}}\p{{Ll}}+)(?=(?:{long_})(?:$|\p{{Lu}}))"
        rf"|(?<=\p{{Lu}}\p{{Ll}}{{2,}})(?=(?:{short})\p{{Lu}})"
        rf"|(?<=\p{{Lu}}{{2}})(?=(?:{long_})(?:$|\p{{Lu}}))"
    )


def _with_glued_words(finditer: Callable[[str], Iterable[Any]]) -> Callable[[str], list[Any]]:
    """spaCy's infix search plus the glued-word split points, in text order; never inside a
    common word (``resources/common_words.json``): *Setelah*, *Sehingga*, *Peserta* are
    words, not "Se" or "Pe" and a glued word."""
    glued = _glued_pattern()
    known = frozenset(load_json("common_words.json")["words"])

    def find(text: str) -> list[Any]:
        found = list(finditer(text))
        extra = list(glued.finditer(text))
        if not extra or text.lower() in known:
            return found
        taken = {m.start() for m in found}
        found.extend(m for m in extra if m.start() not in taken)
        return sorted(found, key=lambda m: (m.start(), m.end()))

    return find


def _split_at(doc: Doc, points: list[int]) -> None:
    """Split the tokens of ``doc`` at the character offsets ``points`` (no text changes)."""
    cuts: dict[int, list[int]] = {}
    starts = [t.idx for t in doc]
    for p in points:
        i = bisect_right(starts, p) - 1
        tok = doc[i]
        if tok.idx < p < tok.idx + len(tok.text):
            cuts.setdefault(i, []).append(p - tok.idx)
    if not cuts:
        return
    with doc.retokenize() as retokenizer:
        for i, offsets in cuts.items():
            tok = doc[i]
            bounds = [0, *sorted(offsets), len(tok.text)]
            pieces = [tok.text[a:b] for a, b in zip(bounds, bounds[1:])]
            retokenizer.split(tok, pieces, heads=[(tok, 0)] * len(pieces))


class NewsTokenizer:
    """Callable tokenizer: ``normalize`` then spaCy's rule tokenizer.

    ``doc.text`` is the normalized text, which has the same length as the input.

    Args:
        vocab: the pipeline's vocabulary.
        repair: also split words a scraper glued together, at the points
            :func:`quoteattr.repair.glue_points` finds in the whole text (*ESDMBahlil*,
            *KPKmenjerat*); the tokens of text with no glued words are the same either way.
    """

    def __init__(self, vocab: Vocab, repair: bool = True) -> None:
        defaults = Indonesian.Defaults
        # a dash glued to the capitalized word after it is not part of that word ("KOMPAS.com -Kader")
        prefixes = list(defaults.prefixes or ()) + [TOKEN_AFFIX_CLASS, r"[-–—](?=[A-Z][a-z])"]
        suffixes = list(defaults.suffixes or ()) + [TOKEN_AFFIX_CLASS, r"(?<=[0-9])\)", r"(?<=\w)[,;:]",
                                                    # a full stop after a camel-case name ends it ("kata KontraS.")
                                                    r"(?<=[a-z]{2}[A-Z])\."]
        infixes = list(defaults.infixes or ()) + [TOKEN_INFIX_CLASS, r"(?<=[^\d\s]),(?=[^\s\d])",
                                                  # a comma glued between a word and a number ("Saini,35": a name, then the age)
                                                  r"(?<=[^\W\d_]{2}),(?=\d)", r"(?<=\w)[;:](?=\S)", r"(?<=[a-z]{3})(?=[A-Z]{2,}|[A-Z][a-z]{2})", r"(?<=\w)\.(?=\(\w)", r"(?<=[\w.])\((?=\w)",
                                                  # a dateline's closing parenthesis and dash glued to the lead ("(ANTARA News)-Ketua")
                                                  r"(?<=\w)\)(?=[-–—]\w)", r"(?<=\))[-–—](?=\w)"]
        rules = {abbr: [{ORTH: abbr}] for abbr in abbreviations()}
        self.vocab = vocab
        self.repair = repair
        self._tok = Tokenizer(
            vocab,
            rules=rules,
            prefix_search=compile_prefix_regex(prefixes).search,
            suffix_search=compile_suffix_regex(suffixes).search,
            infix_finditer=_with_glued_words(compile_infix_regex(infixes).finditer),
            token_match=_whole_token,
            url_match=defaults.url_match,
        )

    def __call__(self, text: str) -> Doc:
        if not isinstance(text, str):
            raise TypeError(f"quoteattr tokenizer expects a str, got {type(text).__name__}")
        clean = normalize(text)
        doc = self._tok(clean)
        if clean != text:
            doc.user_data["quoteattr_raw_text"] = text
        if self.repair:
            points = glue_points(clean)
            doc.user_data[GLUE_KEY] = points
            if points:
                _split_at(doc, points)
        return doc

    def tokenize_normalized(self, text: str) -> Doc:
        """Tokens of text that is already normalized (a repaired copy: no second clean-up)."""
        return self._tok(text)

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterable[Doc]:
        for text in texts:
            yield self(text)

    # spaCy (de)serializes the tokenizer with the pipeline; the rules live in code and
    # resources, so there is nothing to store.
    def to_bytes(self, **kwargs: Any) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs: Any) -> NewsTokenizer:
        return self

    def to_disk(self, path: str | Path, **kwargs: Any) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "README.txt").write_text("quoteattr.NewsTokenizer.v1: rules are in the quoteattr package.\n")

    def from_disk(self, path: str | Path, **kwargs: Any) -> NewsTokenizer:
        return self


@spacy.registry.tokenizers("quoteattr.NewsTokenizer.v1")
def create_news_tokenizer() -> Callable[[Any], NewsTokenizer]:
    """spaCy registry entry: ``[nlp.tokenizer] @tokenizers = "quoteattr.NewsTokenizer.v1"``."""

    def make(nlp: Any) -> NewsTokenizer:
        return NewsTokenizer(nlp.vocab)

    return make


def blank() -> spacy.language.Language:
    """A blank Indonesian pipeline with the fast news tokenizer (no trained components)."""
    config = {"nlp": {"tokenizer": {"@tokenizers": "quoteattr.NewsTokenizer.v1"}}}
    return spacy.blank("id", config=config)
