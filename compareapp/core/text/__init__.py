"""Plain-text building blocks: normalisation and tokens, paragraph splitting,
spelling variants and stop words."""
