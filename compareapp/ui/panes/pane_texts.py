"""Give the panes their texts one at a time, each once the previous one is laid out: Qt
lays out long texts in growing steps, and two at once would stall. Panes that replace a
preview's are scrolled where the preview's were."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal

if TYPE_CHECKING:
    from PySide6.QtGui import QTextDocument

    from compareapp.ui.panes.document_pane import DocumentPane


class PaneTexts(QObject):
    all_laid_out = Signal()
    """Every pane given a text has it laid out."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._unshown: list[tuple[DocumentPane, QTextDocument]] = []
        self._scrolled: dict[DocumentPane, float] = {}
        """Where to scroll each pane once its text is laid out."""
        self._following = False
        """Whether the panes scroll together: the one pane in ``_scrolled`` waits for all."""

    def show(
        self,
        panes: Sequence[DocumentPane],
        texts: Sequence[QTextDocument],
        scrolled: Sequence[float] = (),
        following: int | None = None,
    ) -> None:
        """Give ``panes`` their ``texts``. With ``scrolled`` (one value per pane: where the
        panes they replace were scrolled), scroll each there once laid out; or, when the
        panes scroll together ``following`` one, only that one, once all are laid out."""
        self._unshown = list(zip(panes, texts, strict=True))
        self._following = following is not None
        kept = range(len(panes)) if following is None else [following]
        same = len(scrolled) == len(panes)  # the panes replace a preview of the documents
        self._scrolled = {panes[k]: scrolled[k] for k in kept} if same else {}
        self._show_next()

    def stop(self) -> None:
        """Give no more texts (the panes are going)."""
        self._unshown, self._scrolled = [], {}

    def _show_next(self) -> None:
        if self._unshown:
            pane, text = self._unshown[0]
            pane.view.extents_changed.connect(
                lambda: self._laid_out(pane), Qt.ConnectionType.SingleShotConnection
            )
            pane.view.set_text_document(text)
            return
        for pane, value in self._scrolled.items():  # the leader: the others follow it
            pane.view.set_scroll_value(value)
        self._scrolled = {}
        self.all_laid_out.emit()

    def _laid_out(self, pane: DocumentPane) -> None:
        if not self._unshown or self._unshown[0][0] is not pane:  # stopped or replaced
            return
        self._unshown.pop(0)
        if pane in self._scrolled and not self._following:
            pane.view.set_scroll_value(self._scrolled.pop(pane))
        self._show_next()
