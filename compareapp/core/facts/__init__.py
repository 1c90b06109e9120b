"""The discrepancy table: facts that differ between sources (quantities and
their units, quotations and their attributions) and claims found in one source only,
each document read in its language (English, German, French, Spanish, Italian, Dutch,
Portuguese)."""
