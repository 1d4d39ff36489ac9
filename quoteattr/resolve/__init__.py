"""Stage 3, speaker resolution within one article: canonical names, pronouns, roles, types.

Notes:
    Mentions of one person are clustered by name-token containment (*Lavrov* ⊂ *Sergey
    Lavrov*, :mod:`.registry`, built by :mod:`.people`); the canonical ``speaker_name`` is the
    fullest name in the cluster. Pronouns, the clitic *-nya* and anaphoric descriptions
    (*pemain asal Belgia itu*) take the most recent speaker (quote continuity), else the most
    recent person named before them (:mod:`.antecedents`) — the recency/subject salience
    heuristics of Pareti (2015) and O'Keefe et al. (2012) for quote attribution. Role-only
    mentions (*kata Presiden*) are linked to the person whose stated role they match
    (``resources/roles.json`` aliases). :mod:`.discourse` reads the candidates in order.
"""

from __future__ import annotations

from quoteattr.article import Article
from quoteattr.candidates.record import Candidate
from quoteattr.entities import link_short_forms
from quoteattr.resolve.confidence import confidence_key
from quoteattr.resolve.discourse import DiscourseState, Reading, resolve
from quoteattr.resolve.linking import Linker
from quoteattr.resolve.people import _known_aliases, build_registry
from quoteattr.resolve.registry import Entity, Registry
from quoteattr.resolve.role_text import carry_unnamed_roles, fill_roles, one_role_per_speaker
from quoteattr.resolve.unify import one_name_per_person
from quoteattr.types import Quote

__all__ = [
    "DiscourseState",
    "Entity",
    "Reading",
    "Registry",
    "_known_aliases",
    "build_registry",
    "confidence_key",
    "fill_roles",
    "one_name_per_person",
    "one_role_per_speaker",
    "resolve",
    "resolve_quotes",
]


def resolve_quotes(art: Article, cands: list[Candidate], source_text: str, *, learned_roles: bool = True, linker: Linker | None = None) -> list[Quote]:
    """The :class:`Quote` records of an article's candidates: speakers resolved, short forms
    linked to their long forms (:mod:`quoteattr.entities`), one name per person
    (:mod:`.unify`), one role per speaker.

    Args:
        source_text: the text the quotes' offsets and slices point into.
        learned_roles: fill the roles the rules leave empty with the learned role scorer
            (:mod:`quoteattr.roles`), when its model is installed.
        linker: the learned antecedent chooser (:mod:`.linking`), or None for the rules alone.
    """
    quotes = resolve(art, cands, source_text, linker=linker)
    quotes = one_role_per_speaker(one_name_per_person(link_short_forms(quotes, art.text, source_text), art.text, art.lex))
    quotes = carry_unnamed_roles(quotes, art.lex)
    if learned_roles:
        from quoteattr.roles import role_model

        model = role_model()
        if model is not None:
            quotes = fill_roles(art, quotes, model, source_text)
    return quotes
