"""The stanza backend: stanza tokenizer + NER → a spaCy ``Doc`` → quoteattr's attributor.

``load_stanza(stanza_dir, ner=False)`` returns a spaCy ``Language`` whose tokenizer runs a
stanza ``Pipeline`` (``tokenize``, plus ``ner`` with ``ner=True``) built only from local files (``download_method=None``,
explicit model paths), so ``nlp(text)._.quotes``, ``nlp.pipe``, :func:`quoteattr.extract` and
:func:`quoteattr.extract_frame` work exactly as with the spaCy backend.

Stanza runs on :func:`quoteattr.text.normalize` of the input (same length), so every token
offset is an offset into the text the user gave; when normalization changed the text, the raw
text is kept in ``doc.user_data["quoteattr_raw_text"]`` as quoteattr's own tokenizer does.

Model directory (``stanza_dir`` or ``$QUOTEATTR_STANZA_DIR``)::

    tokenize.pt   stanza tokenizer (training/stanza: UD Indonesian CSUI)
    ner.pt        stanza NER tagger, PER/ORG/LOC (training/stanza: idner-news-2k & co.)
    pretrain.pt   the word vectors the NER was trained with
                  (these two are read only with ``ner=True``)

Build one with ``python -m training.stanza.build`` (see training/stanza/README.md).
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from quoteattr.errors import BackendError
from quoteattr.extensions import RAW_TEXT_KEY
from quoteattr.text import normalize

ENV_VAR = "QUOTEATTR_STANZA_DIR"
#: file name in the model directory → what it is
MODEL_FILES = {
    "tokenize.pt": "stanza tokenizer model",
    "ner.pt": "stanza NER model (PER/ORG/LOC)",
    "pretrain.pt": "word vectors the NER model was trained with (stanza pretrain format)",
}
INSTALL_HINT = 'pip install "quoteattr[stanza]"'
BUILD_HINT = "python -m training.stanza.build --shared ../shared --out DIR (see training/stanza/README.md)"
LABELS = ("PER", "ORG", "LOC")
BATCH = 32


def import_stanza() -> Any:
    """Import stanza, or raise :class:`BackendError` saying how to install it."""
    try:
        import stanza
        import torch  # noqa: F401
    except ImportError as e:
        raise BackendError(f"the stanza backend needs stanza and torch, which are not installed ({e}): {INSTALL_HINT}") from e
    return stanza


def resolve_stanza_dir(stanza_dir: str | os.PathLike[str] | None = None, ner: bool = True) -> Path:
    """The model directory: ``stanza_dir`` → ``$QUOTEATTR_STANZA_DIR``.

    ``tokenize.pt`` must be there, and with ``ner`` also ``ner.pt`` and ``pretrain.pt``.

    Raises:
        BackendError: no directory given, or files missing; the message says what to put where.
    """
    chosen = stanza_dir if stanza_dir is not None else os.environ.get(ENV_VAR) or None
    listing = "; ".join(f"{name} ({what})" for name, what in MODEL_FILES.items())
    if chosen is None:
        raise BackendError(
            f"no stanza model directory: pass quoteattr.load(backend='stanza', stanza_dir=DIR) or set {ENV_VAR}=DIR, "
            f"where DIR holds {listing}. Build one with {BUILD_HINT}."
        )
    path = Path(chosen)
    needed = list(MODEL_FILES) if ner else ["tokenize.pt"]
    missing = [name for name in needed if not (path / name).is_file()]
    if missing:
        raise BackendError(
            f"stanza model directory {str(path)!r} lacks {', '.join(missing)}: it must hold {listing}. "
            f"Build the models with {BUILD_HINT}, or point stanza_dir / {ENV_VAR} at a directory that has them."
        )
    return path


def _empty_resources() -> str:
    """A ``resources.json`` with no languages: stanza then takes only our explicit paths."""
    path = Path(tempfile.gettempdir()) / "quoteattr_stanza_resources.json"
    if not path.is_file():
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps({}))
        os.replace(tmp, path)
    return str(path)


def stanza_pipeline(stanza_dir: str | os.PathLike[str] | None = None, ner: bool = True, **kwargs: Any) -> Any:
    """A ``stanza.Pipeline`` (tokenize[, ner]) from local files only; ``kwargs`` go to stanza."""
    stanza = import_stanza()
    path = resolve_stanza_dir(stanza_dir, ner=ner or "ner" in str(kwargs.get("processors", "")))
    resources = path / "resources.json"
    config: dict[str, Any] = {
        "lang": "id",
        "dir": str(path),
        "processors": "tokenize,ner" if ner else "tokenize",
        "download_method": None,
        "resources_filepath": str(resources) if resources.is_file() else _empty_resources(),
        "allow_unknown_language": True,
        "tokenize_model_path": str(path / "tokenize.pt"),
        "use_gpu": False,
        "logging_level": "ERROR",
    }
    if "ner" in str(config.get("processors", "")) or "ner" in str(kwargs.get("processors", "")):
        config["ner_model_path"] = str(path / "ner.pt")
        config["ner_pretrain_path"] = str(path / "pretrain.pt")
    config.update(kwargs)
    try:
        return stanza.Pipeline(**config)
    except FileNotFoundError as e:  # pragma: no cover - resolve_stanza_dir checks first
        raise BackendError(f"stanza could not open {e.filename!r}: {MODEL_FILES}") from e


def to_spacy(vocab: Vocab, text: str, clean: str, sdoc: Any, ner: bool = True) -> Doc:
    """A spaCy Doc over ``clean`` from a stanza Document of ``clean``.

    Tokens are ``clean[start_char:end_char]``; whitespace between tokens becomes spaCy's
    trailing space or whitespace tokens, so ``doc.text == clean``. Sentence starts and
    PER/ORG/LOC entities (with ``ner``) come from stanza.
    """
    words: list[str] = []
    spaces: list[bool] = []
    starts: list[bool | int | None] = []
    pos = 0

    def gap(upto: int) -> None:
        nonlocal pos
        ws = clean[pos:upto]
        if ws and words and ws[0] == " " and not spaces[-1]:
            spaces[-1] = True
            ws = ws[1:]
            pos += 1
        if ws:
            words.append(ws)
            spaces.append(False)
            starts.append(False)
        pos = upto

    for sent in sdoc.sentences:
        for i, tok in enumerate(sent.tokens):
            s, e = tok.start_char, tok.end_char
            if s is None or e is None or s < pos or e <= s or e > len(clean):
                raise BackendError(f"stanza returned a token with offsets {s}-{e} that do not fit the text; please report this")
            gap(s)
            words.append(clean[s:e])
            spaces.append(False)
            starts.append(i == 0)
            pos = e
    gap(len(clean))
    if starts:
        starts[0] = True
    doc = Doc(vocab, words=words, spaces=spaces, sent_starts=starts)
    if doc.text != clean:  # pragma: no cover - guarded by construction
        raise BackendError("stanza tokens do not reproduce the text; please report this")
    if ner:
        _set_ents(doc, sdoc)
    if clean != text:
        doc.user_data[RAW_TEXT_KEY] = text
    return doc


def _set_ents(doc: Doc, sdoc: Any) -> None:
    ents: list[Span] = []
    for ent in sdoc.ents:
        if ent.type not in LABELS:
            continue
        span = doc.char_span(ent.start_char, ent.end_char, label=ent.type, alignment_mode="expand")
        if span is not None and not any(span.start < o.end and o.start < span.end for o in ents):
            ents.append(span)
    doc.set_ents(ents, default="outside")


class StanzaTokenizer:
    """A spaCy tokenizer that runs the stanza pipeline and returns annotated Docs."""

    def __init__(self, vocab: Vocab, pipeline: Any, batch_size: int = BATCH, ner: bool = True) -> None:
        self.vocab = vocab
        self.ner = ner
        self.pipeline = pipeline
        self.batch_size = batch_size

    def __call__(self, text: str) -> Doc:
        if not isinstance(text, str):
            raise TypeError(f"quoteattr stanza backend expects a str, got {type(text).__name__}")
        clean = normalize(text)
        if not clean.strip():
            return to_spacy(self.vocab, text, clean, _EmptyDoc(), self.ner)
        return to_spacy(self.vocab, text, clean, self.pipeline(clean), self.ner)

    def pipe(self, texts: Iterable[str], batch_size: int | None = None) -> Iterator[Doc]:
        import stanza

        size = batch_size or self.batch_size
        batch: list[str] = []
        for text in texts:
            if not isinstance(text, str):
                raise TypeError(f"quoteattr stanza backend expects a str, got {type(text).__name__}")
            batch.append(text)
            if len(batch) >= size:
                yield from self._run(batch, stanza)
                batch = []
        if batch:
            yield from self._run(batch, stanza)

    def _run(self, texts: list[str], stanza: Any) -> Iterator[Doc]:
        cleans = [normalize(t) for t in texts]
        todo = [i for i, c in enumerate(cleans) if c.strip()]
        done = self.pipeline.bulk_process([stanza.Document([], text=cleans[i]) for i in todo]) if todo else []
        by_index = dict(zip(todo, done))
        for i, (text, clean) in enumerate(zip(texts, cleans)):
            yield to_spacy(self.vocab, text, clean, by_index.get(i, _EmptyDoc()), self.ner)

    # nothing to serialize: the models live in the stanza directory
    def to_bytes(self, **kwargs: Any) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs: Any) -> StanzaTokenizer:
        return self

    def to_disk(self, path: Any, **kwargs: Any) -> None:
        raise NotImplementedError("the stanza backend cannot be saved as a spaCy pipeline; load it with quoteattr.load(backend='stanza')")

    def from_disk(self, path: Any, **kwargs: Any) -> StanzaTokenizer:
        return self


class _EmptyDoc:
    """Stands in for stanza's output on blank text (stanza is not run on it)."""

    def __init__(self) -> None:
        self.sentences: list[Any] = []
        self.ents: list[Any] = []


def load_stanza(stanza_dir: str | os.PathLike[str] | None = None, ner: bool = False, **kwargs: Any) -> Language:
    """The quoteattr pipeline on the stanza backend: ``nlp(text)._.quotes`` as usual.

    Args:
        stanza_dir: the model directory (see the module docstring); ``None`` for
            ``$QUOTEATTR_STANZA_DIR``.
        ner: also run stanza's NER (``doc.ents``, PER/ORG/LOC). Off by default, as with
            the spaCy backend (``quoteattr.load(ner=...)``): the attribution rules do not
            read entities unless the attributor's ``use_ner`` is set.
        **kwargs: passed to ``stanza.Pipeline`` (e.g. ``tokenize_batch_size``).

    Raises:
        BackendError: stanza is not installed, or the model files are missing.
    """
    import quoteattr.pipeline  # noqa: F401  (registers the attributor)
    from quoteattr.tokenizer import blank

    import_stanza()
    path = resolve_stanza_dir(stanza_dir, ner=ner)
    logging.getLogger("stanza").setLevel(logging.WARNING)
    pipeline = stanza_pipeline(path, ner=ner, **kwargs)
    nlp = blank()
    nlp.tokenizer = StanzaTokenizer(nlp.vocab, pipeline, ner=ner)
    nlp.meta["quoteattr_backend"] = "stanza"
    nlp.meta["quoteattr_stanza_dir"] = str(path)
    nlp.add_pipe("quoteattr_attributor", last=True)
    return nlp
