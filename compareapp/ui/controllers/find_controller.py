"""Edit > Find: one query searched in every pane at once (:func:`find_all` of the core,
forgiving case, quotes, dashes and spaces), every match highlighted, the count of each
pane in the find bar, and stepping through the matches of the current pane, which the
linked panes follow."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from compareapp.core.present.find import find_all, utf16_offsets

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStatusBar

    from compareapp.ui.find_bar import FindBar
    from compareapp.ui.panes.comparison_view import ComparisonView


NAME_LIMIT = 24
"""The longest a document's name is in the find bar's counts (the tooltip has it whole)."""


def short_name(name: str) -> str:
    if len(name) <= NAME_LIMIT:
        return name
    half = (NAME_LIMIT - 1) // 2
    return f"{name[:half]}…{name[-half:]}"


class FindHost(Protocol):
    comparison_view: ComparisonView
    find_bar: FindBar

    def statusBar(self) -> QStatusBar: ...


class FindController:
    def __init__(self, host: FindHost) -> None:
        self.host = host
        self.matches: list[list[tuple[int, int]]] = []
        """The view positions of each pane's matches."""
        self.current: tuple[int, int] | None = None
        """The pane and the index of the match stepped to last."""
        bar = host.find_bar
        bar.query_changed.connect(lambda _text: self.search())
        bar.step_requested.connect(self.step)
        bar.close_requested.connect(self.close_bar)
        host.comparison_view.texts_laid_out.connect(self._texts_changed)

    def open_bar(self) -> None:
        bar = self.host.find_bar
        bar.show()
        bar.edit.setFocus()
        bar.edit.selectAll()
        self.search()

    def close_bar(self) -> None:
        self.host.find_bar.hide()
        self.current = None
        self._highlight([])
        view = self.host.comparison_view
        if view.panes:
            view.panes[view.current_document].view.setFocus()

    def counts(self) -> list[int]:
        return [len(found) for found in self.matches]

    def search(self) -> None:
        """Find the bar's query in every pane, highlight and count the matches."""
        query = self.host.find_bar.query()
        panes = self.host.comparison_view.panes
        matches = []
        for pane in panes:
            text = pane.view.document().toPlainText()
            found = find_all(text, query)
            positions = utf16_offsets(text, [offset for match in found for offset in match])
            matches.append(list(zip(positions[::2], positions[1::2], strict=True)))
        self.current = None
        self._highlight(matches)
        if not query.strip():
            self.host.find_bar.set_counts("")
        elif not panes:
            self.host.find_bar.set_counts("No documents to search")
        else:
            self.host.find_bar.set_counts(
                " · ".join(
                    f"{number}. {short_name(pane.document.name)}: {len(found)}"
                    for number, (pane, found) in enumerate(zip(panes, matches, strict=True), 1)
                )
            )

    def step(self, forward: bool = True) -> tuple[int, int] | None:
        """Go to the next (or previous) match in the current pane, wrapping at its end;
        in the first pane that has matches when the current one has none."""
        bar = self.host.find_bar
        if not bar.isVisible():
            self.open_bar()
        view = self.host.comparison_view
        pane = view.current_document
        if pane >= len(self.matches) or not self.matches[pane]:
            pane = next((i for i, found in enumerate(self.matches) if found), -1)
            if pane < 0:
                if bar.query().strip():
                    self.host.statusBar().showMessage(f"“{bar.query()}” is not found", 3000)
                return None
        found = self.matches[pane]
        if self.current is not None and self.current[0] == pane:
            index = self.current[1] + (1 if forward else -1)
        else:  # from what the pane shows
            top, _bottom = view.panes[pane].view.visible_positions()
            after = [i for i, (start, _end) in enumerate(found) if start >= top]
            first_after = after[0] if after else len(found)
            index = first_after if forward else first_after - 1
        wrapped = not 0 <= index < len(found)
        index %= len(found)
        self.current = (pane, index)
        view.current_document = pane
        self._highlight(self.matches)
        start, end = found[index]
        text_view = view.panes[pane].view
        text_view.scroll_to_position(start)  # linked panes follow
        text_view.select_range(start, end)
        where = f"Match {index + 1} of {len(found)} in {view.panes[pane].document.name}"
        note = " (wrapped around)" if wrapped else ""
        self.host.statusBar().showMessage(where + note, 5000)
        return self.current

    def _highlight(self, matches: list[list[tuple[int, int]]]) -> None:
        self.matches = matches
        for index, pane in enumerate(self.host.comparison_view.panes):
            found = matches[index] if index < len(matches) else []
            current = (
                found[self.current[1]]
                if self.current is not None and self.current[0] == index
                else None
            )
            pane.view.set_find_matches(found, current)

    def _texts_changed(self) -> None:
        if self.host.find_bar.isVisible():
            self.search()
