"""Go > Next and Previous (Significant) Difference in the side-by-side panes: from what the
current pane shows (or the last stop), to the next stop of the view model, wrapping
around at either end with a note in the status bar; the stop is selected in its pane and
outlined in its counterpart, which is brought into view. The significant ones skip page
furniture set aside; a stop in furniture says so in the status bar.

Part of :class:`~compareapp.ui.panes.comparison_view.ComparisonView`, kept apart: it
reads and moves the view's place (``_positions``) and uses its selection helpers."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from compareapp.core.present.view_model import Stop
    from compareapp.ui.panes.comparison_view import ComparisonView

QUOTE_LIMIT = 60


def go_to_difference(view: ComparisonView, forward: bool, significant: bool) -> Stop | None:
    """Select the next (or previous) stop in the current pane and its counterpart."""
    model, document = view.model, view.current_document
    position = view._positions.get(document)
    first, last = visible_offsets(view, document)
    if position is None or not first <= position <= last:  # start from what is in view
        position = first - 1 if forward else last + 1
    stop = model.next_stop(document, position, forward, significant)
    wrapped, what = stop is None, "significant difference" if significant else "difference"
    if stop is None:  # past the last (or before the first): wrap around
        end = len(view.shown_result.documents[document].text) + 1
        stop = model.next_stop(document, -1 if forward else end, forward, significant)
    if stop is None:
        view.message.emit(f"No {what} in this document")
        return None
    view._positions[document] = stop.start
    show_stop(view, stop)
    if wrapped:
        view.message.emit(f"Wrapped around to the {'first' if forward else 'last'} {what}")
    return stop


def visible_offsets(view: ComparisonView, document: int) -> tuple[int, int]:
    """The source offsets at the top left and bottom right of pane ``document``."""
    display = view.model_displays[document]
    top, bottom = view.panes[document].view.visible_positions()
    return display.offset(top), display.offset(bottom)


def show_stop(view: ComparisonView, stop: Stop) -> None:
    spans = {
        stop.document: (stop.start, stop.end),
        stop.other: (stop.other_start, stop.other_end),
    }
    current, selected = {}, {}
    for document, (start, end) in spans.items():
        display = view.model_displays[document]
        current[document] = (display.position(start), display.position(end))
        paragraph = view.shown_result.documents[document].paragraph_at(start)
        selected[document] = [paragraph.index] if paragraph else []
    view._show_selection(selected, current)
    text_view = view.panes[stop.document].view
    text_view.select_range(*current[stop.document])
    text_view.scroll_to_position(current[stop.document][0])  # the other panes follow
    other = selected[stop.other]
    if other:
        view._reveal(stop.other, other[0])
    view.message.emit(
        f"{stop.kind.value.capitalize()} difference{furniture_note(view, stop)}: "
        f"“{quote(view, stop.document, stop.start, stop.end)}” → "
        f"“{quote(view, stop.other, stop.other_start, stop.other_end)}”"
    )


def furniture_note(view: ComparisonView, stop: Stop) -> str:
    """ " in page furniture" (and whether it is set aside) when the stop is, else ""."""
    model = view.model
    if not model.furniture.at(stop.document, stop.start):
        return ""
    return " in page furniture" if model.furniture_shown else " in page furniture (set aside)"


def quote(view: ComparisonView, document: int, start: int, end: int) -> str:
    text = view.shown_result.documents[document].text[start:end]
    return text if len(text) <= QUOTE_LIMIT else text[: QUOTE_LIMIT - 3] + "…"
