"""The kinds of fact the discrepancy table lists (:mod:`compareapp.core.facts.discrepancies`).

A module of their own: the window lists them in its filter at start-up, before it loads
what finds the facts."""

from __future__ import annotations

from enum import StrEnum


class FactKind(StrEnum):
    NUMBER = "number"
    QUOTATION = "quotation"
    ATTRIBUTION = "attribution"
    DATE = "date or time"
    NAME = "name"
    CLAIM = "changed claim"
    ONLY_IN_ONE = "only in one source"
    NOT_IN_EVERY = "not in every source"
    """With three or more sources: a claim some sources share and at least one lacks."""
    SPELLING = "spelling"
