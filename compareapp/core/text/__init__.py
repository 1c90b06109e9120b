"""Plain-text building blocks: normalisation and tokens, paragraph splitting, spelling
variants and stop words; a document's language, numbers written in words, quotation marks
of every language read, and German proper names."""
