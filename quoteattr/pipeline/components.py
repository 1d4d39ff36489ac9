"""The spaCy components, each a thin wrapper over the plain functions of its stage.

``quoteattr_segmenter`` → ``quoteattr_quote_finder`` → ``quoteattr_speaker_resolver``, in that
order (``quoteattr_attributor`` runs all three). The state of one article passes forward in
``doc.user_data`` (:data:`STATE_KEY`) and is removed by the resolver; each stage writes what it
found to ``doc.spans``:

* segmenter: ``quoteattr_paragraphs``, ``quoteattr_sentences``, ``quoteattr_quote_marks``
  (label ``closed``/``open``);
* quote finder: ``quoteattr_cues`` (label = pattern id) and ``quoteattr_quotes`` (label = type);
* speaker resolver: ``quoteattr_speakers`` (label = speaker name) and ``doc._.quotes``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from quoteattr import extensions
from quoteattr.article import Article
from quoteattr.candidates import Candidate, find_candidates
from quoteattr.candidates.gate import Gate, indirect_gate
from quoteattr.lexicon import Lexicon, default_lexicon
from quoteattr.mentions.boundary import BOUNDARY_KEY, WORDS_KEY, boundary_model
from quoteattr.pipeline.stages import View, read_view
from quoteattr.resolve import resolve_quotes
from quoteattr.resolve.linking import Linker, link_model

#: ``doc.user_data`` key of the :class:`ArticleState` passed from one component to the next
STATE_KEY = "quoteattr_state"


@dataclass
class ArticleState:
    """What the segmenter and the quote finder pass forward: the view, its segments, the candidates."""

    view: View
    article: Article
    candidates: list[Candidate] = field(default_factory=list)


def _state(doc: Doc, name: str) -> ArticleState:
    state = doc.user_data.get(STATE_KEY)
    if not isinstance(state, ArticleState):
        raise ValueError(f"{name} needs quoteattr_segmenter before it in the pipeline (nlp.add_pipe('quoteattr_segmenter', before={name!r}))")
    return state


def _spans(doc: Doc, view: View, segments: Any, label: Any = "") -> list[Span]:
    out = []
    for seg in segments:
        start, end, lab = label(seg) if callable(label) else (seg.start, seg.end, label)
        span = view.span(doc, start, end, lab)
        if span is not None:
            out.append(span)
    return out


class _Component:
    """No state to save: the rules are data files in the package."""

    def to_disk(self, path: Any, exclude: Any = ()) -> None:
        return None

    def from_disk(self, path: Any, exclude: Any = ()) -> _Component:
        return self


class QuoteSegmenter(_Component):
    """Paragraphs, sentences that never split inside a quote, and quote-mark spans
    (:mod:`quoteattr.segment`, read through :func:`~quoteattr.pipeline.stages.read_view`)."""

    def __init__(
        self, nlp: Language, name: str, use_ner: bool = False, repair: bool = True, resources: str | None = None, lexicon: Lexicon | None = None,
        learned_names: bool = True,
    ) -> None:
        self.name = name
        self.use_ner = use_ner
        self.repair = repair
        self.resources = resources
        #: every word list the rules read, passed down to them through the Article
        self.lexicon = lexicon if lexicon is not None else (Lexicon.load(resources) if resources else default_lexicon())
        #: what the rules that split a title from a name ask where the name starts
        #: (:mod:`quoteattr.mentions.boundary`): ``True`` for the shipped model, or a chooser;
        #: ``None`` for the rules alone
        self.boundary: Any = None
        self.learned_names = learned_names
        self._nlp = nlp

    @property
    def learned_names(self) -> bool:
        return self.boundary is not None

    @learned_names.setter
    def learned_names(self, value: bool) -> None:
        self.boundary = True if value and boundary_model() is not None else None

    def _tokens(self, text: str) -> Doc:
        clean = getattr(self._nlp.tokenizer, "tokenize_normalized", None)
        return clean(text) if clean is not None else self._nlp.make_doc(text)

    def __call__(self, doc: Doc) -> Doc:
        view = read_view(doc, tokens=self._tokens, use_ner=self.use_ner, repair_text=self.repair)
        if self.boundary is not None:
            view.doc.user_data[BOUNDARY_KEY] = self.boundary
        art = Article(view.doc, self.lexicon)
        doc.user_data[STATE_KEY] = ArticleState(view, art)
        doc.spans[extensions.PARAGRAPHS_KEY] = _spans(doc, view, art.paras)
        doc.spans[extensions.SENTENCES_KEY] = _spans(doc, view, art.sents)
        doc.spans[extensions.QUOTE_MARKS_KEY] = _spans(doc, view, art.quotes, lambda q: (q.open, q.close, "closed" if q.closed else "open"))
        return doc


class QuoteFinder(_Component):
    """Cues and quote candidates (:func:`quoteattr.candidates.find_candidates`)."""

    def __init__(self, nlp: Language, name: str, learned_indirect: bool = True) -> None:
        self.name = name
        #: the learned gate of doubted indirect readings (:mod:`quoteattr.candidates.gate`), None for the rules alone
        self.gate: Gate | None = None
        self.learned_indirect = learned_indirect

    @property
    def learned_indirect(self) -> bool:
        return self.gate is not None

    @learned_indirect.setter
    def learned_indirect(self, value: bool) -> None:
        self.gate = indirect_gate() if value else None

    def __call__(self, doc: Doc) -> Doc:
        state = _state(doc, self.name)
        state.candidates = find_candidates(state.article, self.gate)
        cued = [c for c in state.candidates if c.cue_start is not None and c.cue_end is not None]
        doc.spans[extensions.CUES_KEY] = _spans(doc, state.view, cued, lambda c: (c.cue_start, c.cue_end, c.pattern))
        doc.spans[extensions.SPANS_KEY] = _spans(doc, state.view, state.candidates, lambda c: (c.start, c.end, c.type))
        return doc


class SpeakerResolver(_Component):
    """Speakers, roles and types of the candidates (:func:`quoteattr.resolve.resolve_quotes`):
    sets ``doc._.quotes`` and the speaker spans, and drops the state passed forward."""

    def __init__(self, nlp: Language, name: str, learned_roles: bool = True, learned_links: bool = True) -> None:
        self.name = name
        self.learned_roles = learned_roles
        #: the learned antecedent chooser (:mod:`quoteattr.resolve.linking`), None for the rules alone
        self.linker: Linker | None = None
        self.learned_links = learned_links

    @property
    def learned_links(self) -> bool:
        return self.linker is not None

    @learned_links.setter
    def learned_links(self, value: bool) -> None:
        self.linker = link_model() if value else None

    def __call__(self, doc: Doc) -> Doc:
        state = _state(doc, self.name)
        del doc.user_data[STATE_KEY]
        view = state.view
        found = resolve_quotes(state.article, state.candidates, view.source, learned_roles=self.learned_roles, linker=self.linker)
        view.doc.user_data.pop(BOUNDARY_KEY, None)
        view.doc.user_data.pop(WORDS_KEY, None)
        quotes = [view.to_input(q) for q in found]
        doc._.quotes = quotes
        speakers = []
        for q in quotes:
            if q.speaker_start is not None and q.speaker_end is not None:
                sp = doc.char_span(q.speaker_start, q.speaker_end, label=q.speaker_name or q.speaker or "", alignment_mode="expand")
                if sp is not None:
                    speakers.append(sp)
        doc.spans[extensions.SPEAKERS_KEY] = speakers
        return doc


class QuoteAttributor(_Component):
    """The three stages in one component: finds quotes, cues and speakers; sets ``doc._.quotes``
    and ``doc.spans`` (see the module notes).

    Scraped text is read through a repaired copy (:mod:`quoteattr.repair`: lost paragraph
    breaks restored, glued words spaced, invisible marks dropped); the quotes' offsets and
    slices are mapped back to the input. With ``repair=False`` the rules read the text as
    it is.
    """

    def __init__(
        self, nlp: Language, name: str, use_ner: bool = False, repair: bool = True, learned_roles: bool = True, resources: str | None = None,
        lexicon: Lexicon | None = None, learned_links: bool = True, learned_indirect: bool = True, learned_names: bool = True,
    ) -> None:
        self.name = name
        self.segmenter = QuoteSegmenter(nlp, name, use_ner, repair, resources, lexicon, learned_names)
        self.finder = QuoteFinder(nlp, name, learned_indirect)
        self.resolver = SpeakerResolver(nlp, name, learned_roles, learned_links)

    @property
    def lexicon(self) -> Lexicon:
        return self.segmenter.lexicon

    @property
    def use_ner(self) -> bool:
        return self.segmenter.use_ner

    @use_ner.setter
    def use_ner(self, value: bool) -> None:
        self.segmenter.use_ner = value

    @property
    def repair(self) -> bool:
        return self.segmenter.repair

    @repair.setter
    def repair(self, value: bool) -> None:
        self.segmenter.repair = value

    @property
    def learned_roles(self) -> bool:
        return self.resolver.learned_roles

    @learned_roles.setter
    def learned_roles(self, value: bool) -> None:
        self.resolver.learned_roles = value

    @property
    def learned_links(self) -> bool:
        return self.resolver.learned_links

    @learned_links.setter
    def learned_links(self, value: bool) -> None:
        self.resolver.learned_links = value

    @property
    def learned_names(self) -> bool:
        return self.segmenter.learned_names

    @learned_names.setter
    def learned_names(self, value: bool) -> None:
        self.segmenter.learned_names = value

    @property
    def learned_indirect(self) -> bool:
        return self.finder.learned_indirect

    @learned_indirect.setter
    def learned_indirect(self, value: bool) -> None:
        self.finder.learned_indirect = value

    def __call__(self, doc: Doc) -> Doc:
        return self.resolver(self.finder(self.segmenter(doc)))
