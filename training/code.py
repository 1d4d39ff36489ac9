"""``spacy train --code training/code.py``: registers quoteattr.NewsTokenizer.v1."""

import quoteattr.tokenizer  # noqa: F401  (registers the tokenizer)
