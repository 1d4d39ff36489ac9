"""Optional NLP backends that feed quoteattr's attribution rules.

The default backend is spaCy (``models/id_news``, see :mod:`quoteattr.loading`). The
``stanza`` backend (:mod:`quoteattr.backends.stanza_backend`) runs stanza's tokenizer and a
stanza NER trained by this project, and needs ``pip install "quoteattr[stanza]"``.
"""

from __future__ import annotations

BACKENDS = ("spacy", "stanza")
