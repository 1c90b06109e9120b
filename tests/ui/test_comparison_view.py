"""The comparison as shown: panes, link maps, bands, clicks on paragraphs and bands."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QHelpEvent, QPainterPath
from PySide6.QtWidgets import QApplication

from compareapp.core.present.view_model import Band
from compareapp.ui.main_window import MainWindow
from compareapp.ui.panes.link_map import LinkMap
from compareapp.ui.panes.text_view import DocumentTextView
from tests.helpers import open_and_wait


def visible(view: DocumentTextView, paragraph: int) -> bool:
    """Whether any of ``paragraph`` is inside the view's visible range."""
    top, bottom = view.paragraph_extents()[paragraph]
    value = view.scroll_value()
    return top < value + view.verticalScrollBar().pageStep() and bottom > value


def click_paragraph(qtbot, view: DocumentTextView, paragraph: int) -> None:
    top, bottom = view.paragraph_extents()[paragraph]
    y = round((top + bottom) / 2 - view.scroll_value())
    assert 0 <= y < view.viewport().height(), "the paragraph must be in view to be clicked"
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(40, y))


def point_only_in(link_map: LinkMap, band: Band) -> QPoint | None:
    """A point of ``link_map`` inside ``band``'s shape and no other's."""
    paths = link_map.visible_paths()
    shape = next(path for b, path in paths if b == band)
    others: list[QPainterPath] = [path for b, path in paths if b != band]
    rect = shape.boundingRect()
    centre = rect.center().toPoint()
    candidates = [centre] + [
        QPoint(x, y)
        for x in range(int(rect.left()) + 2, int(rect.right()) - 1, 4)
        for y in range(int(rect.top()), int(rect.bottom()) + 1, 2)
    ]
    for point in candidates:
        if not 0 <= point.y() < link_map.height():
            continue
        if shape.contains(QPointF(point)) and not any(
            other.contains(QPointF(point)) for other in others
        ):
            return point
    return None


def test_seed_pair_shows_two_panes_and_their_bands(qtbot, window: MainWindow, seed_paths):
    open_and_wait(qtbot, window, seed_paths)
    view = window.comparison_view

    assert len(view.panes) == 2
    assert len(view.link_maps) == 1
    assert [pane.document.name for pane in view.panes] == [path.name for path in seed_paths]
    link_map = view.link_maps[0]
    assert link_map.isVisible()
    assert link_map.bands == view.model.bands(0, 1)
    assert link_map.bands, "the seed pair has linked paragraphs"
    assert view.panes[0].view.scroll_value() == 0
    assert link_map.visible_paths(), "some bands are in view at the top"
    assert "linked" in window.counts_label.text()
    assert f"{view.model.counts().linked} linked" in window.counts_label.text()
    assert all(name in window.windowTitle() for name in (p.name for p in seed_paths))


def test_clicking_a_paragraph_selects_it_and_its_counterparts(
    qtbot, window: MainWindow, seed_paths
):
    open_and_wait(qtbot, window, seed_paths)
    view = window.comparison_view
    left, right = view.panes[0].view, view.panes[1].view
    model = view.model
    paragraph = next(
        band.left for band in model.bands(0, 1) if visible(left, band.left) and not band.moved
    )

    click_paragraph(qtbot, left, paragraph)

    assert left.selected_paragraphs() == [paragraph]
    counterparts = model.counterparts(0, paragraph)[1]
    assert counterparts
    assert right.selected_paragraphs() == counterparts
    assert view.link_maps[0].selected == {(paragraph, c) for c in counterparts}
    assert window.statusBar().currentMessage().startswith(f"Paragraph {paragraph + 1} of")

    # A paragraph that is not linked clears the other pane's selection.
    unique = next(p for p in model.unique_paragraphs(0) if visible(left, p))
    click_paragraph(qtbot, left, unique)
    assert left.selected_paragraphs() == [unique]
    assert right.selected_paragraphs() == []
    assert view.link_maps[0].selected == set()
    assert "unique to this source" in window.statusBar().currentMessage()


def test_clicking_a_paragraph_reveals_its_counterpart(qtbot, window: MainWindow, seed_paths):
    open_and_wait(qtbot, window, seed_paths)
    view = window.comparison_view
    left, right = view.panes[0].view, view.panes[1].view
    window.actions_by_name["linked_scrolling"].trigger()  # keep the right pane where it is
    assert right.scroll_value() == 0
    band = next(
        band for band in view.model.bands(0, 1) if not band.moved and not visible(right, band.right)
    )
    top, _bottom = left.paragraph_extents()[band.left]
    left.set_scroll_value(top - 20)

    click_paragraph(qtbot, left, band.left)

    assert band.right in right.selected_paragraphs()
    assert visible(right, right.selected_paragraphs()[0]), "the counterpart is scrolled into view"
    assert visible(left, band.left), "the clicked pane does not jump"


def test_clicking_a_band_selects_its_link(qtbot, window: MainWindow, seed_paths):
    open_and_wait(qtbot, window, seed_paths)
    view = window.comparison_view
    link_map = view.link_maps[0]
    clicked = 0
    for band, _path in link_map.visible_paths():
        point = point_only_in(link_map, band)
        if point is None:
            continue
        qtbot.mouseClick(link_map, Qt.MouseButton.LeftButton, pos=point)
        clicked += 1
        assert link_map.selected == {(band.left, band.right)}
        assert view.panes[0].view.selected_paragraphs() == [band.left]
        assert band.right in view.panes[1].view.selected_paragraphs()
    assert clicked >= 2, "at least two bands in view can be clicked"


def test_hovering_a_band_explains_the_link(qtbot, window: MainWindow, seed_paths, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(
        "compareapp.ui.panes.link_map.QToolTip.showText", lambda _pos, text, *_: shown.append(text)
    )
    open_and_wait(qtbot, window, seed_paths)
    link_map = window.comparison_view.link_maps[0]
    band, point = next(
        (band, point)
        for band, _path in link_map.visible_paths()
        if (point := point_only_in(link_map, band)) is not None
    )
    link = next(
        pair.link
        for pair in window.comparison_view.model.pairs(0, 1)
        if (pair.link.a, pair.link.b) == (band.left, band.right)
    )

    event = QHelpEvent(QEvent.Type.ToolTip, point, link_map.mapToGlobal(point))
    QApplication.sendEvent(link_map, event)

    assert shown == [band.evidence]
    assert f"Similarity {link.score:.2f}" in shown[0]
    assert all(word in shown[0] for word in link.shared_terms)
    empty = next(
        QPoint(x, y)
        for y in range(0, link_map.height(), 4)
        for x in (2, link_map.width() // 2, link_map.width() - 3)
        if link_map.band_at(QPointF(x, y)) is None
    )
    QApplication.sendEvent(
        link_map, QHelpEvent(QEvent.Type.ToolTip, empty, link_map.mapToGlobal(empty))
    )
    assert len(shown) == 1, "no tooltip away from the bands"
