"""The window's docks: the review marks panel and the discrepancy table."""
