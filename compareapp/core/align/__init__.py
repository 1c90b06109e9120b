"""The paragraph aligner: candidate features, similarity scores, static word
embeddings and the links it draws between two documents."""
