"""Everything compareapp computes, with no Qt: documents and how they are read, the
aligner, word differences, the discrepancy table, review marks and sessions, what the
views ask, and the headless reports. Subpackages import downward only, in the order
reports > present > (facts | review) > diff > align > documents > text
(docs/architecture.md; checked by the import-linter contracts in pyproject.toml)."""
