"""Reading speaker mentions: the noun phrase a cue attributes a quote to.

A mention is read from tokens (a spaCy ``Doc``) with the word lists of
:mod:`quoteattr.lexicon` and, when the pipeline has an NER, its PER/ORG/LOC entities:
where the phrase ends (:mod:`.phrase`), its split into a *role* part (*Kepala Dinas
Perhubungan DKI Jakarta*) and a *name* part (*Syafrin Liputo*) with honorifics, ranks and
degrees removed from the name (:mod:`.split`), and its kind (:mod:`.mention`). The word
evidence they use is in :mod:`.words`.
"""

from __future__ import annotations

from quoteattr.mentions.mention import Mention, MentionKind, clitic_mention, make_mention
from quoteattr.mentions.phrase import NP_RULES, np_end
from quoteattr.mentions.split import NAME_START_RULES, split_role_name
from quoteattr.mentions.words import (
    QUOTE_MARK_CHARS,
    char_grams,
    common_words,
    degree_like,
    derived_noun,
    doc_text,
    inside_hyphenated,
    is_clause_punct,
    name_likeness,
    name_word_lists,
    nonperson_word,
    person_acronyms,
    person_word,
    place_names,
    running_verb,
    stop_words,
    tokens_text,
)

__all__ = [
    "NAME_START_RULES",
    "NP_RULES",
    "QUOTE_MARK_CHARS",
    "Mention",
    "MentionKind",
    "char_grams",
    "clitic_mention",
    "common_words",
    "degree_like",
    "derived_noun",
    "doc_text",
    "inside_hyphenated",
    "is_clause_punct",
    "make_mention",
    "name_likeness",
    "name_word_lists",
    "nonperson_word",
    "np_end",
    "person_acronyms",
    "person_word",
    "place_names",
    "running_verb",
    "split_role_name",
    "stop_words",
    "tokens_text",
]
