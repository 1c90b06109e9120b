"""Word differences inside linked paragraphs, their classes (number, name,
quotation...), the Comparison of two or more documents and counterpart spans."""
