"""The window with review marks, as pixels: a verified and a disputed mark (with its
counterpart) with notes, one selected in the panel. The screenshot is kept in
``$COMPAREAPP_SCREENSHOT_DIR`` when that is set, for a person to look at."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QPoint
from PySide6.QtGui import QImage

from compareapp.core.review.marks import MarkStatus
from compareapp.rendering import palette
from compareapp.ui import settings
from compareapp.ui.main_window import MainWindow
from tests.helpers import (
    OUTLET,
    REVIEWER,
    WIRE,
    click_row,
    close_colour,
    mark_text,
    shown,
    type_note,
    wait_for_comparison,
)

MIN_DISTINCT_COLOURS = 50
MIN_MARK_PIXELS = 6
"""Pixels of a status colour expected in a gutter with a mark of that status in view."""
SCREENSHOT = "review-marks.png"


def gutter_pixels(image: QImage, window: MainWindow, document: int) -> list:
    """The colours of pane ``document``'s gutter bar column, read from ``image`` (a grab of
    the whole window)."""
    gutter = window.comparison_view.panes[document].view.gutter
    ratio = image.devicePixelRatio()
    pixels = []
    for x in range(gutter.width() - 4, gutter.width() - 1):
        for y in range(gutter.height()):
            point = gutter.mapTo(window, QPoint(x, y))
            pixels.append(image.pixelColor(round(point.x() * ratio), round(point.y() * ratio)))
    return pixels


def count_close(pixels: list, status: MarkStatus) -> int:
    return sum(1 for pixel in pixels if close_colour(pixel, palette.MARK_COLOUR[status]))


def test_review_marks_screenshot(qtbot, window: MainWindow, tmp_path: Path):
    settings.set_reviewer(REVIEWER)
    window.files.open_sample()
    wait_for_comparison(qtbot, window)
    with qtbot.waitActive(window):
        window.activateWindow()
    [verified] = mark_text(qtbot, window, "No deaths or serious injuries", MarkStatus.VERIFIED)
    type_note(qtbot, window, "Fire service statement, 09:12.")
    window.actions_by_name["with_counterparts"].trigger()
    disputed = mark_text(qtbot, window, "1,200 households", MarkStatus.DISPUTED)
    assert [mark.quote for mark in disputed] == ["1,200 households", "1,400 households"]
    type_note(qtbot, window, "The outlet says 1,400; the council confirmed 1,200.")
    click_row(qtbot, window, disputed[0].id)
    assert window.review_panel.selected_ids() == [disputed[0].id]
    assert set(shown(window, WIRE)) == {verified.id, disputed[0].id}
    assert set(shown(window, OUTLET)) == {disputed[1].id}

    folder = Path(os.environ.get("COMPAREAPP_SCREENSHOT_DIR") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / SCREENSHOT
    assert window.grab().save(str(path))

    image = QImage(str(path))
    assert not image.isNull()
    assert image.width() >= window.width() * image.devicePixelRatio()
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)
    }
    assert len(colours) >= MIN_DISTINCT_COLOURS, "the screenshot is not blank"
    wire = gutter_pixels(image, window, WIRE)
    assert count_close(wire, MarkStatus.VERIFIED) >= MIN_MARK_PIXELS
    assert count_close(wire, MarkStatus.DISPUTED) >= MIN_MARK_PIXELS
    outlet = gutter_pixels(image, window, OUTLET)
    assert count_close(outlet, MarkStatus.DISPUTED) >= MIN_MARK_PIXELS
    assert count_close(outlet, MarkStatus.VERIFIED) == 0
