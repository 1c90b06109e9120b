"""Headless output: the comparison as JSON and as terminal text, and a
session's review marks beside it."""
