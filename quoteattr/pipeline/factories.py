"""Every spaCy factory of quoteattr, registered here and nowhere else (also declared as
``spacy_factories`` entry points in pyproject.toml, so ``spacy.load`` finds them without an
import). ``quoteattr_attributor`` runs the three stages; the stages are components of their
own for a user's pipeline."""

from __future__ import annotations

from spacy.language import Language

from quoteattr.pipeline.components import QuoteAttributor, QuoteFinder, QuoteSegmenter, SpeakerResolver


@Language.factory(
    "quoteattr_attributor",
    assigns=["doc._.quotes", "doc.spans"],
    requires=["token.idx"],
    default_config={"use_ner": False, "repair": True, "learned_roles": True, "resources": None, "learned_links": True, "learned_indirect": True, "learned_names": True},
)
def make_attributor(
    nlp: Language, name: str, use_ner: bool, repair: bool = True, learned_roles: bool = True, resources: str | None = None, learned_links: bool = True,
    learned_indirect: bool = True, learned_names: bool = True,
) -> QuoteAttributor:
    """Factory for :class:`QuoteAttributor` (``nlp.add_pipe("quoteattr_attributor")``).

    Args:
        use_ner: let the speaker rules read the pipeline's PER/ORG/LOC entities.
        repair: read scraped text through a repaired copy (:mod:`quoteattr.repair`).
        learned_roles: fill the roles the rules leave empty with the learned role scorer
            (``models/role_model.json``, see :mod:`quoteattr.roles`).
        resources: a directory of resource files (``cues.json``, ``speakers.json``,
            ``words.json`` …) to read the word lists from instead of the package's; files it
            lacks come from the package (:meth:`quoteattr.lexicon.Lexicon.load`).
        learned_links: let the learned speaker-linking model choose the antecedent of
            pronouns, *-nya*, anaphoric descriptions and continuation quotes where it is
            confident (``models/link_model.json``, see :mod:`quoteattr.resolve.linking`).
            On by default: it reads more speakers right on the quotes-id dev and test
            splits (models/README.md).
        learned_indirect: let the learned gate (``models/indirect_gate.json``, see
            :mod:`quoteattr.candidates.gate`) take the readings of speech verbs and *menurut* the rules
            doubt (no subject phrase they know, content opening like an adjunct …).
        learned_names: let the learned boundary model (``models/boundary_model.json``, see
            :mod:`quoteattr.mentions.boundary`) choose where a name starts after a title where
            it is confident (*CIO Investree Dickie Widjaja*).
    """
    return QuoteAttributor(
        nlp, name, use_ner, repair, learned_roles, resources, learned_links=learned_links, learned_indirect=learned_indirect, learned_names=learned_names
    )


@Language.factory(
    "quoteattr_segmenter",
    assigns=["doc.spans"],
    requires=["token.idx"],
    default_config={"use_ner": False, "repair": True, "resources": None, "learned_names": True},
)
def make_segmenter(nlp: Language, name: str, use_ner: bool, repair: bool, resources: str | None = None, learned_names: bool = True) -> QuoteSegmenter:
    """Factory for :class:`QuoteSegmenter`: paragraphs, sentences, quote-mark spans; the word
    lists (``resources``, as for ``quoteattr_attributor``) and the learned name boundary
    (``learned_names``) it passes down to the later stages."""
    return QuoteSegmenter(nlp, name, use_ner, repair, resources, learned_names=learned_names)


@Language.factory("quoteattr_quote_finder", assigns=["doc.spans"], requires=["token.idx"], default_config={"learned_indirect": True})
def make_quote_finder(nlp: Language, name: str, learned_indirect: bool = True) -> QuoteFinder:
    """Factory for :class:`QuoteFinder`: cues and quote candidates (after the segmenter);
    ``learned_indirect`` as for ``quoteattr_attributor``."""
    return QuoteFinder(nlp, name, learned_indirect)


@Language.factory(
    "quoteattr_speaker_resolver",
    assigns=["doc._.quotes", "doc.spans"],
    requires=["token.idx"],
    default_config={"learned_roles": True, "learned_links": True},
)
def make_speaker_resolver(nlp: Language, name: str, learned_roles: bool, learned_links: bool = True) -> SpeakerResolver:
    """Factory for :class:`SpeakerResolver`: speakers and roles (after the quote finder)."""
    return SpeakerResolver(nlp, name, learned_roles, learned_links)
