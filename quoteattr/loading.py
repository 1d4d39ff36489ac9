"""Finding and loading the Indonesian pipeline. Nothing is ever downloaded."""

from __future__ import annotations

import os
from importlib import resources as _res
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language

import quoteattr.pipeline  # noqa: F401  (registers the components)
import quoteattr.tokenizer  # noqa: F401  (registers the tokenizer)
from quoteattr.errors import BackendError, ModelNotFoundError
from quoteattr.tokenizer import blank

ENV_VAR = "QUOTEATTR_MODEL"
DEFAULT_MODEL = "id_news"
#: ``load("rules")``: the tokenizer and the rules, no statistical model.
RULES_ONLY = "rules"


def _shipped_places(name: str) -> list[Path]:
    """Where ``models/<name>`` can be: installed with the package (``quoteattr.models``), or in the source tree."""
    places = []
    try:
        places.append(Path(str(_res.files("quoteattr.models"))) / name)
    except ModuleNotFoundError:
        pass
    places.append(Path(__file__).resolve().parent.parent / "models" / name)
    return places


def shipped_path(name: str) -> Path | None:
    """``models/<name>`` as shipped with the package, if present (``role_model.json``)."""
    return next((p for p in _shipped_places(name) if p.exists()), None)


def shipped_model_path() -> Path | None:
    """The pipeline installed with the package (``models/id_news``), if present."""
    return next((p for p in _shipped_places(DEFAULT_MODEL) if (p / "config.cfg").is_file()), None)


def resolve_model(model: str | os.PathLike[str] | None = None) -> Path | str:
    """Where to load the pipeline from: ``model`` → ``$QUOTEATTR_MODEL`` → the shipped model.

    Raises:
        ModelNotFoundError: nothing loadable was found; the message says what to put where.
    """
    chosen = model if model is not None else os.environ.get(ENV_VAR) or None
    if chosen is not None:
        if str(chosen) == RULES_ONLY:
            return RULES_ONLY
        path = Path(chosen)
        if (path / "config.cfg").is_file():
            return path
        raise ModelNotFoundError(
            f"no spaCy pipeline at {str(path)!r} (expected a directory with config.cfg). "
            f"Pass a pipeline directory to quoteattr.load(), set {ENV_VAR} to one, "
            f"or use quoteattr.load({RULES_ONLY!r}) for the rules without NER."
        )
    shipped = shipped_model_path()
    if shipped is None:
        raise ModelNotFoundError(
            "the Indonesian pipeline shipped with quoteattr (models/id_news) is missing: "
            "reinstall the package, or regenerate it with `python -m training.build_model` "
            f"(see training/README.md), or set {ENV_VAR} to a pipeline directory."
        )
    return shipped


def load(
    model: str | os.PathLike[str] | None = None,
    *,
    backend: str = "spacy",
    stanza_dir: str | os.PathLike[str] | None = None,
    ner: bool = False,
    learned: bool = True,
    learned_links: bool = True,
    **kwargs: Any,
) -> Language:
    """Load the quoteattr pipeline: tokenizer, NER, and the quote attributor.

    Args:
        model: a pipeline directory, ``"rules"`` for rules without NER, or ``None`` for
            ``$QUOTEATTR_MODEL`` or the shipped model.
        backend: ``"spacy"`` (default) or ``"stanza"`` (stanza tokenizer + NER; needs
            ``pip install "quoteattr[stanza]"``, see :mod:`quoteattr.backends.stanza_backend`).
        stanza_dir: the stanza model directory (``backend="stanza"`` only); ``None`` for
            ``$QUOTEATTR_STANZA_DIR``.
        ner: also run the pipeline's NER (``doc.ents``). Off by default: measured on
            the development sets, the speaker rules are as accurate or more without the
            entities (see models/README.md), and the NER costs about 2.5x the time.
            ``ner=True`` gives ``doc.ents``; the rules read them only with the
            attributor's ``use_ner`` option.
        learned: use the learned role scorer (``models/role_model.json``), the learned
            gate of indirect quotes (``models/indirect_gate.json``), the learned
            speaker-linking model (``models/link_model.json``) and the learned name
            boundary (``models/boundary_model.json``) beside the rules; ``False`` measures
            the rules alone.
        learned_links: let the learned speaker-linking model choose the antecedents of
            pronouns, *-nya*, anaphoric descriptions and continuation quotes where it is
            confident (with ``learned``); ``False`` keeps the rules' antecedents. Measured
            in models/README.md: more speakers right on the quotes-id dev and test splits,
            fewer by the PFSA Kompas set's automatic links.
        **kwargs: passed to :func:`spacy.load` (or to ``stanza.Pipeline``).

    Returns:
        A spaCy ``Language``; ``nlp(text)._.quotes`` holds the quotes.

    Example:
        >>> nlp = load()
        >>> [q.speaker_name for q in nlp('“Ya,” kata Budi Santoso.')._.quotes]
        ['Budi Santoso']
    """
    if backend == "stanza":
        if model is not None:
            raise BackendError("backend='stanza' takes its models from stanza_dir=, not from model=")
        from quoteattr.backends.stanza_backend import load_stanza

        return load_stanza(stanza_dir, ner=ner, **kwargs)
    if backend != "spacy":
        raise BackendError(f"unknown backend {backend!r}: use 'spacy' or 'stanza'")
    where = resolve_model(model)
    if where == RULES_ONLY:
        nlp = blank()
    else:
        if not ner and "exclude" not in kwargs:
            kwargs["exclude"] = ["ner", "tok2vec"]
        nlp = spacy.load(where, **kwargs)
    if "quoteattr_attributor" not in nlp.pipe_names:
        nlp.add_pipe(
            "quoteattr_attributor", last=True, config={"learned_roles": learned, "learned_links": learned and learned_links, "learned_indirect": learned, "learned_names": learned},
        )
    else:
        attributor = nlp.get_pipe("quoteattr_attributor")
        if not learned:
            attributor.learned_roles = False
            attributor.learned_indirect = False
            attributor.learned_names = False
        attributor.learned_links = learned and learned_links
    return nlp
