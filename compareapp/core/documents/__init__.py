"""Documents and how they are read: the Document model, loading files of every
format (formats/), decoding legacy encodings and pasted text."""
