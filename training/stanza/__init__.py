"""Build scripts for the optional stanza backend (tokenizer, word vectors, NER)."""
