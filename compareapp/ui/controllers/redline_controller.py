"""View > Redline View: shows the base and one other document as one redline column in
place of the panes, and back. The column follows the comparison: a new result (another
base, a document added or closed) is shown as a redline too while the view is on."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from collections.abc import Iterable

    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QStatusBar

    from compareapp.core.review.marks import ReviewMark
    from compareapp.ui.panes.comparison_view import ComparisonView
    from compareapp.ui.panes.redline_view import RedlineView


class RedlineHost(Protocol):
    """What the redline command uses of the window."""

    comparison_view: ComparisonView
    actions_by_name: dict[str, QAction]

    @property
    def review(self) -> Iterable[ReviewMark]: ...

    def statusBar(self) -> QStatusBar: ...


class RedlineController:
    def __init__(self, host: RedlineHost) -> None:
        self.host = host
        self.view: RedlineView | None = None
        host.comparison_view.texts_laid_out.connect(self._follow_result)

    @property
    def shown(self) -> bool:
        return self.view is not None and self.host.comparison_view.redline is self.view

    def set_shown(self, shown: bool) -> None:
        """Show the redline instead of the panes (``shown``), or the panes again."""
        comparison_view = self.host.comparison_view
        if not shown or comparison_view.result is None:
            comparison_view.show_redline(None)
            self.host.actions_by_name["redline_view"].setChecked(False)
            return
        if self.view is None:
            from compareapp.ui.panes.redline_view import RedlineView  # when first asked

            self.view = RedlineView()
            self.view.message.connect(self.host.statusBar().showMessage)
        other = self.view.other
        self.view.set_model(comparison_view.model, other)
        self.view.set_review_marks(self.host.review)
        comparison_view.show_redline(self.view)
        self.host.actions_by_name["redline_view"].setChecked(True)
        self.view.view.setFocus()

    def _follow_result(self) -> None:
        if self.host.actions_by_name["redline_view"].isChecked():
            self.set_shown(True)
