"""The comparison engine: documents, alignment, inline differences. No Qt here."""
