"""Keeps the panes in step: scrolling one scrolls the others to the matching passage.

The mapping is core's :mod:`compareapp.core.present.scroll_sync`; this class only feeds it the
panes' paragraph extents and applies its answer, with re-entry blocked so that panes
moved by the linker do not move the others back.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

from compareapp.core.present.scroll_sync import PassageMaps, PositionMap, synced_value
from compareapp.ui.panes.text_view import DocumentTextView

if TYPE_CHECKING:
    from compareapp.core.present.view_model import ComparisonViewModel


class ScrollLinker:
    def __init__(self, views: Sequence[DocumentTextView], model: ComparisonViewModel) -> None:
        self.views = list(views)
        self.model = model
        self.enabled = True
        self._busy = False
        self._maps: dict[int, PositionMap] = {}
        self._reversed_maps: dict[int, PositionMap] = {}
        self._passages: dict[int, PassageMaps] = {}
        for index, view in enumerate(self.views):
            view.verticalScrollBar().valueChanged.connect(self._follower(index))
            view.extents_changed.connect(self._forget_maps)

    def _forget_maps(self) -> None:
        self._maps.clear()
        self._reversed_maps.clear()

    def _follower(self, index: int) -> Callable[[int], None]:
        return lambda _value: self.follow(index)

    @contextmanager
    def paused(self) -> Iterator[None]:
        """Scroll panes by hand inside this block without the others following."""
        busy, self._busy = self._busy, True
        try:
            yield
        finally:
            self._busy = busy

    def follow(self, leader: int) -> None:
        """Line every other pane up with pane ``leader``."""
        if self._busy or not self.enabled:
            return
        with self.paused():
            base = self.model.base
            if leader != base:
                if leader not in self._reversed_maps:
                    self._reversed_maps[leader] = self._map(leader).reversed()
                self._apply(leader, base, self._reversed_maps[leader])
            for other in range(len(self.views)):
                if other not in (base, leader):
                    self._apply(base, other, self._map(other))

    def _apply(self, source: int, target: int, position_map: PositionMap) -> None:
        view, other = self.views[source], self.views[target]
        bar = other.verticalScrollBar()
        other.set_scroll_value(
            synced_value(
                view.scroll_value(),
                view.verticalScrollBar().pageStep(),
                bar.pageStep(),
                bar.maximum(),
                position_map,
            )
        )

    def _map(self, document: int) -> PositionMap:
        """Positions in the base pane to positions in pane ``document``."""
        if document not in self._maps:
            if document not in self._passages:
                self._passages[document] = PassageMaps(self.model.sync_groups(document))
            base_view, view = self.views[self.model.base], self.views[document]
            self._maps[document] = self._passages[document].map(
                base_view.paragraph_extents(),
                view.paragraph_extents(),
                base_view.document_height(),
                view.document_height(),
            )
        return self._maps[document]
