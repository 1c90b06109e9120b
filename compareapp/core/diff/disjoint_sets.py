"""Items joined into groups: a union-find for linked paragraphs and for discrepancy rows
that are one fact."""

from __future__ import annotations


class DisjointSets:
    """Items ``0..count-1``, each in a group of its own until joined."""

    def __init__(self, count: int) -> None:
        self._parent = list(range(count))

    def root(self, item: int) -> int:
        """The item that stands for ``item``'s group (paths halved on the way)."""
        parent = self._parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def join(self, item: int, other: int) -> None:
        """Put ``item``'s group into ``other``'s."""
        self._parent[self.root(item)] = self.root(other)
